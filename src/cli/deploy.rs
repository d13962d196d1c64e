//! `gatekit deploy`: shows the plan and applies it.

use std::io::IsTerminal;

use clap::Args;
use serde_json::json;

use super::{Context, Failure, Outcome, apply, exit, target};
use crate::render::plan::{emit, plan_json};

#[derive(Debug, Args)]
pub struct DeployArgs {
    /// Do not ask before applying (never allows data loss by itself)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Allow actions that lose data: deleting or replacing tables
    #[arg(long)]
    pub allow_data_loss: bool,
}

pub fn run(ctx: &Context, args: DeployArgs) -> Outcome {
    target::runtime()?.block_on(async {
        let planned = target::plan(ctx).await?;
        let plan = &planned.plan;
        let endpoint = &planned.cloud.endpoint;
        if ctx.printer.is_json() {
            emit(&json!({ "event": "plan", "plan": plan_json(plan, endpoint) }));
        } else if !ctx.printer.quiet {
            crate::render::plan::plan(&ctx.printer, plan, endpoint);
        }
        let conflicts = plan.count(crate::plan::Op::Conflict);
        if !plan.has_changes() {
            if !ctx.printer.is_json() && !ctx.printer.quiet {
                ctx.printer.out("\nNothing to deploy: the target matches gatekit.yaml.");
            }
            return if conflicts > 0 { Err(conflict_failure(conflicts)) } else { Ok(exit::SUCCESS) };
        }
        if !apply::allow_data_loss(ctx, plan, args.allow_data_loss, "deploy")? {
            ctx.printer.note("nothing deployed");
            return Ok(exit::SUCCESS);
        }
        // On a terminal, confirm the ordinary changes too; scripts pass through.
        if !args.yes && !plan.loses_data() && std::io::stdin().is_terminal() && !ctx.printer.is_json() {
            let ok = crate::render::confirm(&ctx.printer, "Deploy these changes?").unwrap_or(false);
            if !ok {
                ctx.printer.note("nothing deployed");
                return Ok(exit::SUCCESS);
            }
        }
        let outcomes = apply::execute(ctx, &planned.cloud, plan).await;
        let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
        if ctx.printer.is_json() {
            emit(&json!({ "event": "summary", "applied": outcomes.len() - failed, "failed": failed, "conflicts": conflicts }));
        } else if !ctx.printer.quiet {
            ctx.printer.out("");
            crate::render::plan::deploy_summary(&ctx.printer, &outcomes);
        }
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

fn conflict_failure(n: usize) -> Failure {
    Failure::runtime(
        format!("{n} resource(s) in conflict were left alone"),
        Some("rename the resource in gatekit.yaml (`name:`), or remove the foreign one from the target".into()),
    )
}
