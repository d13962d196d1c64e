//! Carrying out a plan: independent actions in parallel (bounded), with a progress
//! line per resource on stderr (or JSON events on stdout), and a summary.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;
use tokio::sync::Semaphore;

use super::{Context, Failure};
use crate::cloud::{Cloud, tables};
use crate::plan::{Action, Plan};
use crate::render::plan::{Outcome, emit};

/// Actions that run at once: enough for parallelism, few enough not to be throttled.
const IN_FLIGHT: usize = 10;

/// Asks before anything that loses data; `--allow-data-loss` answers for CI.
pub fn allow_data_loss(
    ctx: &Context,
    plan: &Plan,
    allowed: bool,
    command: &str,
) -> Result<bool, Failure> {
    let losing: Vec<String> = plan
        .actions
        .iter()
        .filter(|a| a.data_loss)
        .map(|a| format!("{} {}", a.op.verb(), a.physical))
        .collect();
    if losing.is_empty() || allowed {
        return Ok(true);
    }
    let question = format!(
        "This {command} loses data: {}. Continue?",
        losing.join(", ")
    );
    crate::render::confirm(&ctx.printer, &question).map_err(|_| {
        Failure::usage(
            format!(
                "this {command} would lose data ({}); nothing was changed",
                losing.join(", ")
            ),
            format!("pass --allow-data-loss to {command} anyway (--yes alone never allows it)"),
        )
    })
}

/// Runs the pending actions of `plan`; returns one outcome per action.
pub async fn execute(ctx: &Context, cloud: &Cloud, plan: &Plan) -> Vec<Outcome> {
    let json = ctx.printer.is_json();
    let bars = !json && !ctx.printer.quiet && std::io::stderr().is_terminal();
    let multi = MultiProgress::with_draw_target(if bars {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    let style = ProgressStyle::with_template("{spinner} {prefix:.bold} {msg} {elapsed:.dim}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let limit = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut set = tokio::task::JoinSet::new();
    let pending: Vec<Action> = plan.pending().cloned().collect();
    for action in pending {
        let bar = multi.add(ProgressBar::new_spinner());
        bar.set_style(style.clone());
        bar.set_prefix(format!("{} {}", action.op.verb(), action.physical));
        bar.enable_steady_tick(Duration::from_millis(120));
        let (client, project, target, limit) = (
            cloud.dynamodb.clone(),
            plan.project.clone(),
            plan.target.clone(),
            limit.clone(),
        );
        let quiet = ctx.printer.quiet || bars;
        set.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let started = Instant::now();
            let name = action.name.clone();
            let label = format!("{} {}", action.op.verb(), action.physical);
            let progress = move |step: &str| {
                if json {
                    emit(&json!({ "event": "step", "name": name, "message": step }));
                } else {
                    bar.set_message(step.to_string());
                    if !quiet {
                        crate::render::plan::note(&format!("{label}: {step}"));
                    }
                }
            };
            if json {
                emit(&json!({ "event": "start", "name": action.name, "physical_name": action.physical, "action": action.op.verb() }));
            }
            let result = tables::apply(&client, &project, &target, &action, &progress).await;
            let secs = started.elapsed().as_secs_f64();
            let outcome = Outcome {
                action: action.op.verb().to_string(),
                name: action.name.clone(),
                physical: action.physical.clone(),
                result: result.map(|_| secs).map_err(|e| e.to_string()),
            };
            if json {
                let mut e = json!({ "event": "done", "name": outcome.name, "action": outcome.action, "seconds": secs });
                if let Err(err) = &outcome.result {
                    e["event"] = json!("failed");
                    e["error"] = json!(err);
                }
                emit(&e);
            }
            outcome
        });
    }
    let mut outcomes = Vec::new();
    while let Some(done) = set.join_next().await {
        match done {
            Ok(o) => outcomes.push(o),
            Err(e) => outcomes.push(Outcome {
                action: "?".into(),
                name: "?".into(),
                physical: "?".into(),
                result: Err(format!("a task failed: {e}")),
            }),
        }
    }
    let _ = multi.clear();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    outcomes
}
