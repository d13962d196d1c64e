//! `gatekit plan`: what deploy would do, and nothing more.

use clap::Args;

use super::{Context, ExitResult, exit, session};
use crate::render::plan::PlanReport;

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Exit 3 when changes are pending (0 when there are none)
    #[arg(long)]
    pub detailed_exitcode: bool,
}

pub fn run(ctx: &Context, args: PlanArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        let planned = session::plan(ctx, session::Code::Pack).await?;
        ctx.printer.report(&PlanReport {
            plan: &planned.plan,
            endpoint: planned.endpoint(),
        });
        if args.detailed_exitcode && planned.plan.has_changes() {
            return Ok(exit::CHANGES);
        }
        Ok(exit::SUCCESS)
    })
}
