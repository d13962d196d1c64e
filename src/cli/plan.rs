//! `gatekit plan`: what deploy would do, and nothing more.

use clap::Args;

use super::{Context, Outcome, exit, target};

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Exit 3 when changes are pending (0 when there are none)
    #[arg(long)]
    pub detailed_exitcode: bool,
}

pub fn run(ctx: &Context, args: PlanArgs) -> Outcome {
    target::runtime()?.block_on(async {
        let planned = target::plan(ctx).await?;
        crate::render::plan::plan(&ctx.printer, &planned.plan, &planned.cloud.endpoint);
        if args.detailed_exitcode && planned.plan.has_changes() {
            return Ok(exit::CHANGES);
        }
        Ok(exit::SUCCESS)
    })
}
