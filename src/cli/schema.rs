//! `gatekit schema`: the JSON Schema of gatekit.yaml (docs/gatekit.schema.json is a copy).

use super::{Context, ExitResult, exit};

pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&crate::project::model::json_schema())
        .unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

pub fn run(ctx: &Context) -> ExitResult {
    ctx.printer.out(schema_text().trim_end());
    Ok(exit::SUCCESS)
}
