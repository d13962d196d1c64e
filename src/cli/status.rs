//! `gatekit status`: what the project has deployed on the target.

use super::{Context, Outcome, exit, target};
use crate::plan::{Op, Ownership};

pub fn run(ctx: &Context) -> Outcome {
    target::runtime()?.block_on(async {
        let planned = target::plan(ctx).await?;
        let owned: Vec<_> = planned
            .live
            .iter()
            .filter(|l| matches!(l.ownership, Ownership::Owned { .. }))
            .cloned()
            .collect();
        let missing: Vec<String> = planned
            .plan
            .actions
            .iter()
            .filter(|a| a.op == Op::Create)
            .map(|a| a.name.clone())
            .collect();
        crate::render::plan::status(
            &ctx.printer,
            &planned.project.file.project,
            &planned.target,
            &planned.cloud.endpoint,
            &owned,
            &missing,
        );
        Ok(exit::SUCCESS)
    })
}
