use std::collections::BTreeMap;

use serde_json::json;

use super::graph::Schedule;
use super::table::*;
use super::*;
use crate::project::key::{KeyAttr, KeyType};

fn key(name: &str, kind: KeyType) -> KeyAttr {
    KeyAttr {
        name: name.into(),
        kind,
    }
}

fn base() -> TableSpec {
    TableSpec {
        partition: key("id", KeyType::S),
        sort: None,
        billing: TableBilling::OnDemand,
        indexes: BTreeMap::from([(
            "by_x".to_string(),
            GlobalIndexSpec {
                partition: key("x", KeyType::S),
                sort: None,
                projection: IndexProjection::All,
                capacity: None,
            },
        )]),
        local_indexes: BTreeMap::new(),
        ttl: Some("exp".into()),
        stream: None,
        protect: false,
        tags: BTreeMap::from([("team".to_string(), "core".to_string())]),
    }
}

fn table(name: &str, spec: TableSpec) -> Desired {
    Desired {
        name: name.into(),
        physical: format!("p-t-{name}"),
        spec: Spec::Table(spec),
    }
}

fn owned(d: Desired) -> Live {
    Live {
        name: d.name.clone(),
        physical: d.physical,
        spec: d.spec,
        ownership: Ownership::Owned { name: d.name },
        state: "ACTIVE".into(),
        facts: Facts::default(),
    }
}

fn deploy(desired: Vec<Desired>, live: Vec<Live>) -> Plan {
    diff("p", "t", desired, live, vec![], Purpose::Deploy)
}

fn update_of(a: &Action) -> &TableUpdate {
    match &a.work {
        Work::Update { update, .. } => match update.as_ref() {
            Update::Table(u) => u,
            other => panic!("not a table update: {other:?}"),
        },
        other => panic!("not an update: {other:?}"),
    }
}

#[test]
fn create_when_absent() {
    let plan = deploy(vec![table("a", base())], vec![]);
    assert_eq!(plan.actions[0].op, Op::Create);
    assert!(!plan.actions[0].data_loss);
    assert_eq!(plan.actions[0].changes.len(), base().attributes().len());
    assert!(matches!(plan.actions[0].work, Work::Create(_)));
}

#[test]
fn nothing_when_equal() {
    let plan = deploy(vec![table("a", base())], vec![owned(table("a", base()))]);
    assert_eq!(plan.actions[0].op, Op::Nothing);
    assert!(!plan.has_changes());
}

#[test]
fn every_in_place_attribute_is_an_update_carrying_exactly_that_change() {
    type Edit = fn(&mut TableSpec);
    let cases: Vec<(&str, Edit, Json)> = vec![
        (
            "billing",
            |t| t.billing = TableBilling::Provisioned(Capacity { read: 5, write: 5 }),
            json!("provisioned"),
        ),
        ("ttl", |t| t.ttl = Some("other".into()), json!("other")),
        ("protect", |t| t.protect = true, json!(true)),
        (
            "index.by_x",
            |t| t.indexes.get_mut("by_x").unwrap().projection = IndexProjection::KeysOnly,
            json!({"partition": "x:S", "projection": "keys_only"}),
        ),
        (
            "index.by_y",
            |t| {
                t.indexes.insert(
                    "by_y".into(),
                    GlobalIndexSpec {
                        partition: key("y", KeyType::N),
                        sort: None,
                        projection: IndexProjection::All,
                        capacity: None,
                    },
                );
            },
            json!({"partition": "y:N", "projection": "all"}),
        ),
        (
            "tag.team",
            |t| {
                t.tags.insert("team".into(), "web".into());
            },
            json!("web"),
        ),
        (
            "tag.new",
            |t| {
                t.tags.insert("new".into(), "v".into());
            },
            json!("v"),
        ),
    ];
    for (attr, edit, value) in cases {
        let mut want = base();
        edit(&mut want);
        let plan = deploy(vec![table("a", want)], vec![owned(table("a", base()))]);
        let a = &plan.actions[0];
        assert_eq!(a.op, Op::Update, "{attr}");
        assert!(!a.data_loss, "{attr}");
        let names: Vec<&str> = a.changes.iter().map(|c| c.attribute.as_str()).collect();
        assert!(names.contains(&attr), "{attr}: {names:?}");
        let c = a.changes.iter().find(|c| c.attribute == attr).unwrap();
        assert_eq!(c.new.as_ref(), Some(&value), "{attr}");
        let u = update_of(a);
        let expected_calls = match attr {
            "billing" => u.billing.is_some() && u.ttl.is_none() && u.tags.is_none(),
            "ttl" => {
                u.ttl
                    == Some(TtlChange {
                        disable: Some("exp".into()),
                        enable: Some("other".into()),
                    })
                    && u.billing.is_none()
            }
            "protect" => u.protect == Some(true) && u.billing.is_none(),
            "index.by_x" => {
                u.delete_indexes == ["by_x"] && u.create_indexes.len() == 1 && u.tags.is_none()
            }
            "index.by_y" => u.delete_indexes.is_empty() && u.create_indexes.len() == 1,
            _ => u.tags.is_some() && u.billing.is_none() && u.create_indexes.is_empty(),
        };
        assert!(expected_calls, "{attr}: {u:?}");
    }
}

#[test]
fn removed_attribute_shows_old_and_no_new() {
    let mut fewer = base();
    fewer.ttl = None;
    let plan = deploy(vec![table("a", fewer)], vec![owned(table("a", base()))]);
    let c = &plan.actions[0].changes[0];
    assert_eq!(
        (c.attribute.as_str(), c.old.clone(), c.new.clone()),
        ("ttl", Some(json!("exp")), None)
    );
    assert_eq!(
        update_of(&plan.actions[0]).ttl,
        Some(TtlChange {
            disable: Some("exp".into()),
            enable: None
        })
    );
}

#[test]
fn a_removed_tag_is_removed_and_the_others_set() {
    let mut want = base();
    want.tags = BTreeMap::from([("owner".to_string(), "ann".to_string())]);
    let plan = deploy(vec![table("a", want)], vec![owned(table("a", base()))]);
    let tags = update_of(&plan.actions[0]).tags.clone().unwrap();
    assert_eq!(tags.remove, ["team"]);
    assert_eq!(tags.set.get("owner").map(String::as_str), Some("ann"));
}

#[test]
fn index_capacity_alone_is_one_capacity_change() {
    let provisioned = |index_read| {
        let mut t = base();
        t.billing = TableBilling::Provisioned(Capacity { read: 1, write: 1 });
        t.indexes.get_mut("by_x").unwrap().capacity = Some(Capacity {
            read: index_read,
            write: 1,
        });
        t
    };
    let plan = deploy(
        vec![table("a", provisioned(7))],
        vec![owned(table("a", provisioned(1)))],
    );
    let u = update_of(&plan.actions[0]);
    assert_eq!(
        u.index_capacity,
        [("by_x".to_string(), Capacity { read: 7, write: 1 })]
    );
    assert!(u.billing.is_none() && u.create_indexes.is_empty() && u.delete_indexes.is_empty());
}

#[test]
fn key_and_local_index_changes_replace_and_lose_data() {
    type Edit = fn(&mut TableSpec);
    let cases: Vec<(&str, Edit)> = vec![
        ("key.partition", |t| t.partition = key("id", KeyType::N)),
        ("key.sort", |t| t.sort = Some(key("at", KeyType::N))),
        ("local_index.by_z", |t| {
            t.local_indexes.insert(
                "by_z".into(),
                LocalIndexSpec {
                    sort: key("z", KeyType::S),
                    projection: IndexProjection::All,
                },
            );
        }),
    ];
    for (attr, edit) in cases {
        let mut want = base();
        edit(&mut want);
        let plan = deploy(vec![table("a", want)], vec![owned(table("a", base()))]);
        let a = &plan.actions[0];
        assert_eq!(a.op, Op::Replace, "{attr}");
        assert!(a.data_loss, "{attr}");
        assert!(a.reason.as_deref().unwrap_or_default().contains(attr));
        assert!(matches!(a.work, Work::Replace { .. }));
        assert!(plan.loses_data());
    }
}

#[test]
fn owned_resources_not_in_the_file_are_deleted_with_data_loss() {
    let plan = deploy(vec![], vec![owned(table("gone", base()))]);
    assert_eq!(plan.actions[0].op, Op::Delete);
    assert!(plan.actions[0].data_loss);
}

#[test]
fn teardown_is_the_plan_of_an_empty_project() {
    let mut empty = owned(table("empty", base()));
    empty.facts.item_count = Some(0);
    let mut full = owned(table("full", base()));
    full.facts.item_count = Some(3);
    let mut protected = owned(table("protected", base()));
    protected.facts.item_count = Some(0);
    let Spec::Table(t) = &mut protected.spec else {
        panic!("a table")
    };
    t.protect = true;
    let plan = teardown("p", "t", vec![empty, full, protected]);
    let loss: Vec<(&str, bool)> = plan
        .actions
        .iter()
        .map(|a| (a.name.as_str(), a.data_loss))
        .collect();
    assert_eq!(
        loss,
        [("empty", false), ("full", true), ("protected", true)]
    );
    assert!(plan.actions.iter().all(|a| a.op == Op::Delete));
}

#[test]
fn foreign_resources_conflict_and_are_left_alone() {
    let mut foreign = owned(table("a", base()));
    foreign.ownership = Ownership::Foreign;
    let other = Live {
        ownership: Ownership::Foreign,
        ..owned(table("stranger", base()))
    };
    let plan = deploy(vec![table("a", base())], vec![foreign, other]);
    assert_eq!(
        plan.actions.len(),
        1,
        "a foreign resource the file does not name is not touched"
    );
    assert_eq!(plan.actions[0].op, Op::Conflict);
    assert!(!plan.has_changes());
    assert!(
        plan.actions[0]
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("not this project's")
    );
}

#[test]
fn a_name_owned_by_another_logical_resource_conflicts() {
    let mut live = owned(table("a", base()));
    live.ownership = Ownership::Owned { name: "b".into() };
    let plan = deploy(vec![table("a", base())], vec![live]);
    assert_eq!(plan.actions[0].op, Op::Conflict);
}

// ------------------------------------------------------------ the graph

/// An action of the test kind on `name`, needing `needs` (desired side) and
/// holding `held` (live side).
pub fn test_action(op: Op, name: &str, needs: &[&str], held: &[&str]) -> Action {
    let id = |n: &&str| ResourceId {
        kind: Kind::Test,
        name: n.to_string(),
    };
    Action {
        op,
        kind: Kind::Test,
        name: name.into(),
        physical: format!("p-{name}"),
        changes: Vec::new(),
        data_loss: false,
        reason: None,
        work: Work::None,
        needs: needs.iter().map(id).collect(),
        held: held.iter().map(id).collect(),
    }
}

fn names(actions: &[Action], indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| actions[i].name.clone()).collect()
}

#[test]
fn creates_wait_for_what_they_need_and_independent_ones_start_together() {
    // role <- function <- permission; table independent.
    let actions = vec![
        test_action(Op::Create, "permission", &["function"], &[]),
        test_action(Op::Create, "function", &["role"], &[]),
        test_action(Op::Create, "role", &[], &[]),
        test_action(Op::Create, "table", &[], &[]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["role", "table"]);
    assert!(s.ready().is_empty(), "nothing else is ready while they run");
    s.finish(3, true);
    assert!(s.ready().is_empty());
    s.finish(2, true);
    assert_eq!(names(&actions, &s.ready()), ["function"]);
    s.finish(1, true);
    assert_eq!(names(&actions, &s.ready()), ["permission"]);
    s.finish(0, true);
    assert!(s.is_finished());
}

#[test]
fn a_failure_skips_its_dependents_and_lets_other_branches_finish() {
    let actions = vec![
        test_action(Op::Create, "role", &[], &[]),
        test_action(Op::Create, "function", &["role"], &[]),
        test_action(Op::Create, "permission", &["function"], &[]),
        test_action(Op::Create, "table", &[], &[]),
        test_action(Op::Create, "other", &["table"], &[]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["role", "table"]);
    let skipped = s.finish(0, false);
    let skipped_names: Vec<&str> = skipped
        .iter()
        .map(|k| actions[k.index].name.as_str())
        .collect();
    assert_eq!(skipped_names, ["function", "permission"]);
    assert!(skipped[0].reason.contains("test role"));
    s.finish(3, true);
    assert_eq!(names(&actions, &s.ready()), ["other"]);
    s.finish(4, true);
    assert!(s.is_finished());
}

#[test]
fn deletions_run_in_reverse_dependency_order() {
    let actions = vec![
        test_action(Op::Delete, "role", &[], &[]),
        test_action(Op::Delete, "function", &[], &["role"]),
        test_action(Op::Delete, "permission", &[], &["function"]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["permission"]);
    s.finish(2, true);
    assert_eq!(names(&actions, &s.ready()), ["function"]);
    s.finish(1, true);
    assert_eq!(names(&actions, &s.ready()), ["role"]);
}

#[test]
fn a_deletion_waits_for_the_update_that_stops_referring_to_it() {
    let actions = vec![
        test_action(Op::Delete, "old_role", &[], &[]),
        test_action(Op::Update, "function", &["new_role"], &["old_role"]),
        test_action(Op::Create, "new_role", &[], &[]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["new_role"]);
    s.finish(2, true);
    assert_eq!(names(&actions, &s.ready()), ["function"]);
    s.finish(1, true);
    assert_eq!(names(&actions, &s.ready()), ["old_role"]);
}

#[test]
fn unchanged_and_conflicting_resources_are_not_waited_for() {
    let actions = vec![
        test_action(Op::Nothing, "role", &[], &[]),
        test_action(Op::Conflict, "other", &[], &[]),
        test_action(Op::Create, "function", &["role", "other"], &[]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["function"]);
}

#[test]
fn a_cycle_is_skipped_not_run_forever() {
    let actions = vec![
        test_action(Op::Create, "a", &["b"], &[]),
        test_action(Op::Create, "b", &["a"], &[]),
        test_action(Op::Create, "c", &[], &[]),
    ];
    let mut s = Schedule::new(&actions);
    assert_eq!(names(&actions, &s.ready()), ["c"]);
    assert!(s.stuck().is_empty(), "c still runs");
    s.finish(2, true);
    assert!(s.ready().is_empty());
    let stuck = s.stuck();
    assert_eq!(stuck.len(), 2);
    assert!(stuck[0].reason.contains("cycle"));
    assert!(s.is_finished());
}
