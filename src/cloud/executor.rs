//! Carrying out a plan: walks its dependency graph (`plan::graph`), runs each
//! action as soon as what it depends on is done, at most `in_flight` at once, and
//! reports through `plan::report::Progress`, which `render` implements. A failed action skips
//! what depends on it; independent branches finish. Replacements run delete-first
//! or create-first as the kind says.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use super::{Cloud, CloudError, Step, apigateway, dynamodb, iam, lambda};
use crate::plan::graph::Schedule;
use crate::plan::report::{ActionOutcome, ActionResult, Progress};
use crate::plan::{Action, Live, Plan, ReplaceOrder, Spec, Update, Work, desired};

/// Makes a plan's changes on a target, kind by kind.
pub trait Applier: Send + Sync + 'static {
    fn create<'a>(
        &'a self,
        action: &'a Action,
        spec: &'a Spec,
        step: Step<'a>,
    ) -> impl Future<Output = Result<(), CloudError>> + Send + 'a;

    fn update<'a>(
        &'a self,
        action: &'a Action,
        spec: &'a Spec,
        update: &'a Update,
        step: Step<'a>,
    ) -> impl Future<Output = Result<(), CloudError>> + Send + 'a;

    fn delete<'a>(
        &'a self,
        action: &'a Action,
        live: &'a Live,
        step: Step<'a>,
    ) -> impl Future<Output = Result<(), CloudError>> + Send + 'a;
}

/// The applier of a real target: each kind's service module does the work.
pub struct TargetApplier {
    pub cloud: Cloud,
    pub project: String,
    pub target: String,
}

impl TargetApplier {
    fn ownership(&self, action: &Action) -> Vec<(String, String)> {
        desired::ownership_tags(&self.project, &self.target, &action.name)
    }

    fn api_context<'a>(&'a self, account: &'a str) -> apigateway::Context<'a> {
        apigateway::Context {
            client: &self.cloud.apigateway,
            lambda: &self.cloud.lambda,
            region: &self.cloud.region,
            account,
        }
    }
}

impl Applier for TargetApplier {
    async fn create<'a>(
        &'a self,
        action: &'a Action,
        spec: &'a Spec,
        step: Step<'a>,
    ) -> Result<(), CloudError> {
        match spec {
            Spec::Table(t) => {
                let tags = self.ownership(action);
                dynamodb::apply::create(&self.cloud.dynamodb, &action.physical, t, &tags, step)
                    .await
            }
            Spec::Role(r) => {
                let tags = self.ownership(action);
                iam::create(&self.cloud.iam, &action.physical, r, &tags, step).await
            }
            Spec::Function(f) => {
                let tags = self.ownership(action);
                lambda::apply::create(&self.cloud.lambda, &action.physical, f, &tags, step).await
            }
            Spec::Api(a) => {
                let tags = self.ownership(action);
                let account = self.cloud.account_id().await?;
                let c = self.api_context(&account);
                apigateway::create(&c, &action.physical, a, &tags, step).await
            }
            Spec::Trigger(t) => {
                lambda::triggers::create(&self.cloud.lambda, &self.cloud.dynamodb, t, step).await
            }
        }
    }

    async fn update<'a>(
        &'a self,
        action: &'a Action,
        spec: &'a Spec,
        update: &'a Update,
        step: Step<'a>,
    ) -> Result<(), CloudError> {
        match (spec, update) {
            (Spec::Table(t), Update::Table(u)) => {
                let tags = self.ownership(action);
                let client = &self.cloud.dynamodb;
                dynamodb::apply::update(client, &action.physical, t, u, &tags, step).await
            }
            (Spec::Role(r), Update::Role(u)) => {
                let tags = self.ownership(action);
                iam::update(&self.cloud.iam, &action.physical, r, u, &tags, step).await
            }
            (Spec::Function(f), Update::Function(u)) => {
                let tags = self.ownership(action);
                lambda::apply::update(&self.cloud.lambda, &action.physical, f, u, &tags, step).await
            }
            (Spec::Api(a), Update::Api(u)) => {
                let account = self.cloud.account_id().await?;
                let c = self.api_context(&account);
                apigateway::update(&c, a, u, step).await
            }
            (Spec::Trigger(t), Update::Trigger(u)) => {
                lambda::triggers::update(&self.cloud.lambda, t, u, step).await
            }
            _ => Err(CloudError::Failed(format!(
                "`{}`: an update of another kind",
                action.name
            ))),
        }
    }

    async fn delete<'a>(
        &'a self,
        action: &'a Action,
        live: &'a Live,
        step: Step<'a>,
    ) -> Result<(), CloudError> {
        match &live.spec {
            Spec::Table(t) => {
                dynamodb::apply::delete(&self.cloud.dynamodb, &action.physical, t.protect, step)
                    .await
            }
            Spec::Role(_) => iam::delete(&self.cloud.iam, &action.physical, step).await,
            Spec::Api(a) => apigateway::delete(&self.cloud.apigateway, a, step).await,
            Spec::Function(_) => {
                lambda::apply::delete(&self.cloud.lambda, &action.physical, step).await
            }
            Spec::Trigger(t) => lambda::triggers::delete(&self.cloud.lambda, t, step).await,
        }
    }
}

async fn run<A: Applier>(applier: &A, action: &Action, step: Step<'_>) -> Result<(), CloudError> {
    match &action.work {
        Work::None => Ok(()),
        Work::Create(spec) => applier.create(action, spec, step).await,
        Work::Update { spec, update } => applier.update(action, spec, update, step).await,
        Work::Delete(live) => applier.delete(action, live, step).await,
        Work::Replace { spec, live } => match action.kind.replace_order() {
            ReplaceOrder::DeleteFirst => {
                applier.delete(action, live, step).await?;
                applier.create(action, spec, step).await
            }
            ReplaceOrder::CreateFirst => {
                applier.create(action, spec, step).await?;
                applier.delete(action, live, step).await
            }
        },
    }
}

fn outcome(action: &Action, result: ActionResult) -> ActionOutcome {
    ActionOutcome {
        kind: action.kind,
        name: action.name.clone(),
        physical_name: action.physical.clone(),
        action: action.op.verb(),
        result,
    }
}

/// Runs the pending actions of `plan` in dependency order, at most `in_flight` at
/// once; returns one outcome per pending action, sorted by name.
pub async fn execute<A: Applier>(
    applier: Arc<A>,
    plan: &Plan,
    in_flight: usize,
    progress: Arc<dyn Progress>,
) -> Vec<ActionOutcome> {
    let actions: Arc<Vec<Action>> = Arc::new(plan.actions.clone());
    let mut schedule = Schedule::new(&actions);
    let mut outcomes: Vec<ActionOutcome> = Vec::new();
    let mut queue: VecDeque<usize> = VecDeque::new();
    let mut running = tokio::task::JoinSet::new();
    let mut task_of: HashMap<tokio::task::Id, usize> = HashMap::new();
    loop {
        queue.extend(schedule.ready());
        while running.len() < in_flight.max(1)
            && let Some(i) = queue.pop_front()
        {
            let (applier, actions, progress) = (applier.clone(), actions.clone(), progress.clone());
            let handle = running.spawn(async move {
                let action = &actions[i];
                progress.started(action);
                let started = Instant::now();
                let step = |message: &str| progress.step(action, message);
                let result = run(&*applier, action, &step).await;
                let seconds = started.elapsed().as_secs_f64();
                let result = match result {
                    Ok(()) => ActionResult::Done { seconds },
                    Err(e) => ActionResult::Failed {
                        seconds,
                        error: e.to_string(),
                    },
                };
                (i, result)
            });
            task_of.insert(handle.id(), i);
        }
        if running.is_empty() {
            for skip in schedule.stuck() {
                let o = outcome(
                    &actions[skip.index],
                    ActionResult::Skipped {
                        reason: skip.reason,
                    },
                );
                progress.finished(&actions[skip.index], &o);
                outcomes.push(o);
            }
            if schedule.is_finished() {
                break;
            }
            continue;
        }
        let (i, result) = match running.join_next_with_id().await {
            Some(Ok((_, done))) => done,
            Some(Err(e)) => {
                let i = task_of.get(&e.id()).copied().unwrap_or_default();
                (
                    i,
                    ActionResult::Failed {
                        seconds: 0.0,
                        error: format!("the action's task failed: {e}"),
                    },
                )
            }
            None => continue,
        };
        let ok = matches!(result, ActionResult::Done { .. });
        let o = outcome(&actions[i], result);
        progress.finished(&actions[i], &o);
        outcomes.push(o);
        for skip in schedule.finish(i, ok) {
            let o = outcome(
                &actions[skip.index],
                ActionResult::Skipped {
                    reason: skip.reason,
                },
            );
            progress.finished(&actions[skip.index], &o);
            outcomes.push(o);
        }
    }
    outcomes.sort_by(|a, b| (&a.name, a.kind).cmp(&(&b.name, b.kind)));
    outcomes
}

#[cfg(test)]
mod tests;
