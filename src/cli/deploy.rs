//! `gatekit deploy`: shows the plan and applies it.

use std::io::IsTerminal;
use std::sync::Arc;

use clap::Args;

use super::session::{self, Planned};
use super::{Context, ExitResult, Failure, exit};
use crate::cloud::executor::{self, TargetApplier};
use crate::plan::report::ActionOutcome;
use crate::plan::{Op, Plan};
use crate::render::deploy::DeployReporter;

/// Actions that run at once: enough for parallelism, few enough not to be throttled.
const IN_FLIGHT: usize = 10;

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Do not ask before applying (never allows data loss by itself)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Allow actions that lose data: deleting or replacing tables
    #[arg(long)]
    pub allow_data_loss: bool,
}

pub fn run(ctx: &Context, args: DeployArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        let planned = session::plan(ctx, session::Code::Pack).await?;
        let plan = &planned.plan;
        let report = DeployReporter::new(&ctx.printer);
        report.plan(plan, planned.endpoint());
        let conflicts = plan.count(Op::Conflict);
        if let Some(runtimes) = &planned.session.local_runtimes {
            let used = planned.project.file.functions.values().map(|f| f.runtime.as_str());
            super::local::ensure_sdks(ctx, runtimes, used);
        }
        if !plan.has_changes() {
            report.nothing_to_do("Nothing to deploy: the target matches gatekit.yaml.", Some(conflicts));
            return if conflicts > 0 { Err(conflict_failure(conflicts)) } else { Ok(exit::SUCCESS) };
        }
        if !allow_data_loss(ctx, plan, args.allow_data_loss, "deploy")? {
            ctx.printer.note("nothing deployed");
            return Ok(exit::SUCCESS);
        }
        // On a terminal, confirm the ordinary changes too; scripts pass through.
        if !args.yes && !plan.loses_data() && std::io::stdin().is_terminal() && ctx.printer.asks() {
            let ok = crate::render::confirm(&ctx.printer, "Deploy these changes?").unwrap_or(false);
            if !ok {
                ctx.printer.note("nothing deployed");
                return Ok(exit::SUCCESS);
            }
        }
        let mut outcomes = apply(&report, &planned, plan).await;
        if !planned.awaiting.is_empty() && !outcomes.iter().any(|o| o.failed()) {
            // The APIs exist now: plan again to set the variables that name their URLs.
            let again = planned.replan().await?;
            if again.plan.has_changes() {
                ctx.printer.note("setting the API URLs that functions name in their environment");
                outcomes.extend(apply(&report, &again, &again.plan).await);
            }
        }
        report.summary(&outcomes, Some(conflicts));
        let failed = outcomes.iter().filter(|o| o.failed()).count();
        if failed > 0 {
            return Err(Failure::runtime(
                format!("{failed} of {} actions failed", outcomes.len()),
                Some("fix the cause and run `gatekit deploy` again: it picks up where this one stopped".into()),
            ));
        }
        if conflicts > 0 {
            return Err(conflict_failure(conflicts));
        }
        Ok(exit::SUCCESS)
    })
}

/// Runs the pending actions of `plan` on the planned target, with progress.
pub async fn apply(
    report: &DeployReporter<'_>,
    planned: &Planned,
    plan: &Plan,
) -> Vec<ActionOutcome> {
    let applier = Arc::new(TargetApplier {
        cloud: planned.session.cloud.clone(),
        project: plan.project.clone(),
        target: plan.target.clone(),
    });
    let progress = Arc::new(report.progress(plan));
    let outcomes = executor::execute(applier, plan, IN_FLIGHT, progress.clone()).await;
    progress.finish();
    outcomes
}

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

fn conflict_failure(n: usize) -> Failure {
    Failure::runtime(
        format!("{n} resource(s) in conflict were left alone"),
        Some("rename the resource in gatekit.yaml (`name:`), or remove the foreign one from the target".into()),
    )
}
