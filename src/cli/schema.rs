//! `gatekit schema`: the JSON Schema of gatekit.yaml (docs/gatekit.schema.json is a
//! copy). Projects keep a copy beside gatekit.yaml, `gatekit.schema.json`, committed
//! so that the editor modeline `init` writes works in every clone; `schema --write`
//! refreshes it, and `validate` says when it is older than this gatekit.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Context, ExitResult, exit};
use crate::project::diag::Diagnostic;
use crate::project::yaml::Pos;
use crate::template::PROJECT_SCHEMA_PATH;

#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Write it to gatekit.schema.json beside gatekit.yaml instead of printing it
    #[arg(long)]
    pub write: bool,
}

pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&crate::project::model::json_schema())
        .unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// Where the project's copy of the schema lives: beside its project file.
fn schema_path(ctx: &Context) -> PathBuf {
    let project = ctx.project_path();
    project
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| ctx.base_dir())
        .join(PROJECT_SCHEMA_PATH)
}

pub fn run(ctx: &Context, args: SchemaArgs) -> ExitResult {
    if !args.write {
        ctx.printer.out(schema_text().trim_end());
        return Ok(exit::SUCCESS);
    }
    let path = schema_path(ctx);
    let text = schema_text();
    let current = std::fs::read_to_string(&path).ok();
    let changed = current.as_deref() != Some(text.as_str());
    if changed {
        super::write_whole(&path, text.as_bytes())?;
    }
    let shown = path.display().to_string();
    ctx.printer.result(
        &serde_json::json!({ "path": shown, "changed": changed }),
        || {
            ctx.printer.out(&if changed {
                format!("wrote {shown}")
            } else {
                format!("{shown} is up to date")
            })
        },
    );
    Ok(exit::SUCCESS)
}

/// A warning when the project's schema copy is not this gatekit's: stale, or missing
/// while the project file's modeline points at it.
pub fn staleness(ctx: &Context) -> Option<Diagnostic> {
    let path = schema_path(ctx);
    let at_top = Pos { line: 1, col: 1 };
    match std::fs::read_to_string(&path) {
        Ok(text) if text == schema_text() => None,
        Ok(_) => Some(
            Diagnostic::warning(
                at_top,
                format!("{PROJECT_SCHEMA_PATH} is not this gatekit's schema, so editors check against old rules"),
            )
            .hint("run `gatekit schema --write` and commit the file"),
        ),
        Err(_) => {
            let project = std::fs::read_to_string(ctx.project_path()).unwrap_or_default();
            let modeline = project
                .lines()
                .take(3)
                .any(|l| l.contains(&format!("$schema={PROJECT_SCHEMA_PATH}")));
            modeline.then(|| {
                Diagnostic::warning(
                    at_top,
                    format!("the editor modeline names {PROJECT_SCHEMA_PATH}, which is missing"),
                )
                .hint("run `gatekit schema --write` and commit the file")
            })
        }
    }
}
