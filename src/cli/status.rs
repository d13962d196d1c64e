//! `gatekit status`: what the project has deployed on the target.

use super::{Context, ExitResult, exit, session};
use crate::plan::Op;
use crate::render::plan::StatusReport;

pub fn run(ctx: &Context) -> ExitResult {
    session::runtime()?.block_on(async {
        let planned = session::plan(ctx, session::Code::Skip).await?;
        let owned = planned.owned();
        let missing: Vec<String> = planned
            .plan
            .actions
            .iter()
            .filter(|a| a.op == Op::Create)
            .map(|a| a.name.clone())
            .collect();
        ctx.printer.report(&StatusReport::new(
            &planned.project.file.project,
            &planned.target,
            planned.endpoint(),
            &owned,
            missing,
        ));
        Ok(exit::SUCCESS)
    })
}
