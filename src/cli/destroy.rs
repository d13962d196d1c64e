//! `gatekit destroy`: removes everything the project owns on the target.

use std::io::IsTerminal;

use clap::Args;
use serde_json::json;

use super::{Context, Failure, Outcome, apply, exit, target};
use crate::plan::{self, Op};
use crate::render::plan::{emit, plan_json};

#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Do not ask (never allows data loss by itself)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Allow deleting tables that hold items or are protected
    #[arg(long)]
    pub allow_data_loss: bool,
}

pub fn run(ctx: &Context, args: DestroyArgs) -> Outcome {
    target::runtime()?.block_on(async {
        let planned = target::plan(ctx).await?;
        let owned: Vec<plan::Live> =
            planned.live.iter().filter(|l| matches!(l.ownership, plan::Ownership::Owned { .. })).cloned().collect();
        let mut teardown = plan::teardown(&planned.project.file.project, &planned.target, owned);
        // Only tables that hold items, or are protected, lose data when destroyed.
        for a in &mut teardown.actions {
            if let Some(l) = &a.live {
                let items = l.facts.get("item_count").and_then(|v| v.as_u64()).unwrap_or(0);
                a.data_loss = a.op == Op::Delete && (items > 0 || l.protected);
            }
        }
        let endpoint = &planned.cloud.endpoint;
        if ctx.printer.is_json() {
            emit(&json!({ "event": "plan", "plan": plan_json(&teardown, endpoint) }));
        } else {
            crate::render::plan::plan(&ctx.printer, &teardown, endpoint);
        }
        if !teardown.has_changes() {
            if !ctx.printer.is_json() {
                ctx.printer.out("\nNothing to destroy: the project owns nothing on this target.");
            }
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
        if !apply::allow_data_loss(ctx, &teardown, args.allow_data_loss, "destroy")? {
            ctx.printer.note("nothing destroyed");
            return Ok(exit::SUCCESS);
        }
        let outcomes = apply::execute(ctx, &planned.cloud, &teardown).await;
        let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
        if ctx.printer.is_json() {
            emit(&json!({ "event": "summary", "applied": outcomes.len() - failed, "failed": failed }));
        } else {
            ctx.printer.out("");
            crate::render::plan::deploy_summary(&ctx.printer, &outcomes);
        }
        if failed > 0 {
            return Err(Failure::runtime(format!("{failed} of {} deletions failed", outcomes.len()), None));
        }
        Ok(exit::SUCCESS)
    })
}
