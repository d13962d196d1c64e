//! `gatekit show`: the resolved project for one target.

use super::{Context, ExitResult, exit};
use crate::project::resolve;

pub fn run(ctx: &Context) -> ExitResult {
    let project = ctx.load_project()?;
    let target = ctx.check_target(&project)?;
    let region = resolve::region_of(&project.file, &target, ctx.global.region.as_deref());
    let resolved = resolve::resolve(&project.file, &target, region.as_deref());
    crate::render::project::show(&ctx.printer, &resolved);
    Ok(exit::SUCCESS)
}
