//! `gatekit validate`: every problem at once, or a one-line summary.

use super::{Context, ExitResult, exit};
use crate::render::{diagnostics, project::Summary};

pub fn run(ctx: &Context) -> ExitResult {
    let mut project = ctx.load_project()?;
    let shown = ctx.display_path();
    if let Some(stale) = super::schema::staleness(ctx) {
        crate::render::diagnostics::warnings(&ctx.printer, &shown, std::slice::from_ref(&stale));
        project.warnings.push(stale);
    }
    let file = &project.file;
    let summary = Summary {
        valid: true,
        file: &shown,
        project: &file.project,
        tables: file.tables.len(),
        functions: file.functions.len(),
        apis: file.apis.len(),
        routes: file.apis.values().map(|a| a.routes.len()).sum(),
        warnings: diagnostics::to_json(&shown, &project.warnings),
    };
    crate::render::project::summary(&ctx.printer, &summary);
    Ok(exit::SUCCESS)
}
