//! The executor with a test applier: what ran, in which order, how many at once.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::*;
use crate::plan::tests::test_action;
use crate::plan::{Facts, Kind, Op, Ownership};

/// Records every call; fails the resources named in `fail`; each call takes 30 ms.
#[derive(Default)]
struct TestApplier {
    log: Mutex<Vec<String>>,
    fail: Vec<&'static str>,
    now: AtomicUsize,
    most: AtomicUsize,
}

impl TestApplier {
    async fn call(&self, what: &str, action: &Action) -> Result<(), CloudError> {
        let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(n, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(30)).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
        self.log
            .lock()
            .unwrap()
            .push(format!("{what} {}", action.name));
        if self.fail.contains(&action.name.as_str()) {
            return Err(CloudError::Failed(format!("{} broke", action.name)));
        }
        Ok(())
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Applier for TestApplier {
    async fn create<'a>(
        &'a self,
        action: &'a Action,
        _: &'a Spec,
        step: Step<'a>,
    ) -> Result<(), CloudError> {
        step("creating");
        self.call("create", action).await
    }

    async fn update<'a>(
        &'a self,
        action: &'a Action,
        _: &'a Spec,
        _: &'a Update,
        _: Step<'a>,
    ) -> Result<(), CloudError> {
        self.call("update", action).await
    }

    async fn delete<'a>(
        &'a self,
        action: &'a Action,
        _: &'a Live,
        _: Step<'a>,
    ) -> Result<(), CloudError> {
        self.call("delete", action).await
    }
}

#[derive(Default)]
struct Events(Mutex<Vec<String>>);

impl Progress for Events {
    fn started(&self, a: &Action) {
        self.0.lock().unwrap().push(format!("start {}", a.name));
    }
    fn step(&self, a: &Action, m: &str) {
        self.0.lock().unwrap().push(format!("step {} {m}", a.name));
    }
    fn finished(&self, a: &Action, o: &ActionOutcome) {
        let word = match o.result {
            ActionResult::Done { .. } => "done",
            ActionResult::Failed { .. } => "failed",
            ActionResult::Skipped { .. } => "skipped",
        };
        self.0.lock().unwrap().push(format!("{word} {}", a.name));
    }
}

fn a_spec() -> Spec {
    Spec::Table(crate::plan::table::TableSpec {
        partition: crate::project::key::parse("id:S").unwrap(),
        sort: None,
        billing: crate::plan::table::TableBilling::OnDemand,
        indexes: Default::default(),
        local_indexes: Default::default(),
        ttl: None,
        stream: None,
        protect: false,
        tags: Default::default(),
    })
}

fn with_work(mut a: Action) -> Action {
    let live = || {
        Box::new(Live {
            name: a.name.clone(),
            physical: a.physical.clone(),
            spec: a_spec(),
            ownership: Ownership::Owned {
                name: a.name.clone(),
            },
            state: "ACTIVE".into(),
            facts: Facts::default(),
        })
    };
    a.work = match a.op {
        Op::Create => Work::Create(a_spec()),
        Op::Delete => Work::Delete(live()),
        Op::Replace => Work::Replace {
            spec: a_spec(),
            live: live(),
        },
        _ => Work::None,
    };
    a
}

fn plan_of(actions: Vec<Action>) -> Plan {
    Plan {
        project: "p".into(),
        target: "t".into(),
        actions: actions.into_iter().map(with_work).collect(),
        unmanaged: Vec::new(),
        notes: Vec::new(),
    }
}

async fn execute_with(
    applier: &Arc<TestApplier>,
    plan: &Plan,
    in_flight: usize,
) -> (Vec<ActionOutcome>, Vec<String>) {
    let events = Arc::new(Events::default());
    let outcomes = execute(applier.clone(), plan, in_flight, events.clone()).await;
    let events = events.0.lock().unwrap().clone();
    (outcomes, events)
}

#[tokio::test]
async fn dependencies_run_in_order_and_independent_actions_in_parallel() {
    let plan = plan_of(vec![
        test_action(Op::Create, "function", &["role"], &[]),
        test_action(Op::Create, "role", &[], &[]),
        test_action(Op::Create, "t1", &[], &[]),
        test_action(Op::Create, "t2", &[], &[]),
    ]);
    let applier = Arc::new(TestApplier::default());
    let (outcomes, events) = execute_with(&applier, &plan, 10).await;
    assert!(outcomes.iter().all(|o| !o.failed()));
    let log = applier.log();
    let pos = |s: &str| log.iter().position(|l| l == s).unwrap();
    assert!(pos("create role") < pos("create function"), "{log:?}");
    assert_eq!(
        applier.most.load(Ordering::SeqCst),
        3,
        "role, t1 and t2 ran at once"
    );
    assert!(events.contains(&"step role creating".to_string()));
}

#[tokio::test]
async fn in_flight_bounds_the_actions_running_at_once() {
    let plan = plan_of(
        (0..6)
            .map(|i| test_action(Op::Create, &format!("t{i}"), &[], &[]))
            .collect(),
    );
    let applier = Arc::new(TestApplier::default());
    let (outcomes, _) = execute_with(&applier, &plan, 2).await;
    assert_eq!(outcomes.len(), 6);
    assert_eq!(applier.most.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_failure_skips_dependents_and_independent_branches_finish() {
    let plan = plan_of(vec![
        test_action(Op::Create, "role", &[], &[]),
        test_action(Op::Create, "function", &["role"], &[]),
        test_action(Op::Create, "permission", &["function"], &[]),
        test_action(Op::Create, "table", &[], &[]),
    ]);
    let applier = Arc::new(TestApplier {
        fail: vec!["role"],
        ..Default::default()
    });
    let (outcomes, events) = execute_with(&applier, &plan, 10).await;
    let result = |name: &str| {
        outcomes
            .iter()
            .find(|o| o.name == name)
            .map(|o| o.result.clone())
            .unwrap()
    };
    assert!(matches!(result("role"), ActionResult::Failed { .. }));
    assert!(matches!(result("function"), ActionResult::Skipped { .. }));
    assert!(matches!(result("permission"), ActionResult::Skipped { .. }));
    assert!(matches!(result("table"), ActionResult::Done { .. }));
    assert!(!applier.log().iter().any(|l| l.contains("function")));
    assert!(events.contains(&"skipped permission".to_string()));
}

#[tokio::test]
async fn deletions_run_in_reverse_dependency_order() {
    let plan = plan_of(vec![
        test_action(Op::Delete, "role", &[], &[]),
        test_action(Op::Delete, "function", &[], &["role"]),
        test_action(Op::Delete, "permission", &[], &["function"]),
    ]);
    let applier = Arc::new(TestApplier::default());
    execute_with(&applier, &plan, 10).await;
    assert_eq!(
        applier.log(),
        ["delete permission", "delete function", "delete role"]
    );
}

#[tokio::test]
async fn replacement_runs_in_the_order_the_kind_allows() {
    let mut create_first = test_action(Op::Replace, "deployment", &[], &[]);
    create_first.kind = Kind::Test;
    let mut delete_first = test_action(Op::Replace, "table", &[], &[]);
    delete_first.kind = Kind::Table;
    for (action, expected) in [
        (create_first, ["create deployment", "delete deployment"]),
        (delete_first, ["delete table", "create table"]),
    ] {
        let applier = Arc::new(TestApplier::default());
        execute_with(&applier, &plan_of(vec![action]), 10).await;
        assert_eq!(applier.log(), expected);
    }
}
