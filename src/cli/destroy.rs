//! `gatekit destroy`: the plan of an empty project against the target, applied.

use std::io::IsTerminal;

use clap::Args;

use super::deploy::{allow_data_loss, apply};
use super::{Context, ExitResult, Failure, exit, session};
use crate::plan;
use crate::render::deploy::DeployReporter;

#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Do not ask (never allows data loss by itself)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Allow deleting tables that hold items or are protected
    #[arg(long)]
    pub allow_data_loss: bool,
    /// Keep the deleted functions' log groups (CloudWatch Logs keeps them otherwise
    /// forever)
    #[arg(long)]
    pub keep_logs: bool,
}

pub fn run(ctx: &Context, args: DestroyArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        let planned = session::plan(ctx, session::Code::Skip).await?;
        let teardown = plan::teardown(&planned.project.file.project, &planned.target, planned.owned());
        let report = DeployReporter::new(&ctx.printer);
        report.plan(&teardown, planned.endpoint());
        if !teardown.has_changes() {
            report.nothing_to_do("Nothing to destroy: the project owns nothing on this target.", None);
            return Ok(exit::SUCCESS);
        }
        if !args.yes {
            if !std::io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "destroy deletes every resource listed above and asks first, but there is no terminal to ask on",
                    "pass --yes to destroy without asking",
                ));
            }
            if !crate::render::confirm(&ctx.printer, "Destroy these resources?").unwrap_or(false) {
                ctx.printer.note("nothing destroyed");
                return Ok(exit::SUCCESS);
            }
        }
        if !allow_data_loss(ctx, &teardown, args.allow_data_loss, "destroy")? {
            ctx.printer.note("nothing destroyed");
            return Ok(exit::SUCCESS);
        }
        let outcomes = apply(&report, &planned, &teardown).await;
        report.summary(&outcomes, None);
        let mut failed = outcomes.iter().filter(|o| o.failed()).count();
        if !args.keep_logs {
            // Lambda leaves a deleted function's log group behind.
            for o in outcomes.iter().filter(|o| o.kind == plan::Kind::Function && !o.failed()) {
                if let Err(e) = crate::cloud::lambda::logs::delete_group(&planned.session.logs, &o.physical_name).await {
                    ctx.printer.warn(&format!("the log group of {}: {e}", o.physical_name));
                    failed += 1;
                }
            }
        }
        if failed > 0 {
            return Err(Failure::runtime(format!("{failed} of {} deletions failed", outcomes.len()), None));
        }
        Ok(exit::SUCCESS)
    })
}
