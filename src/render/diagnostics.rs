//! Project-file problems as `FILE:LINE:COL: error: ...` lines or a JSON array.

use serde::Serialize;

use super::{ERROR, HINT, Printer, WARNING};
use crate::project::diag::{Diagnostic, Severity};

/// One problem in the JSON shape documented in docs/json-output.md.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'a> {
    pub file: &'a str,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: &'a str,
    pub hint: Option<&'a str>,
}

pub fn to_json<'a>(file: &'a str, diagnostics: &'a [Diagnostic]) -> Vec<DiagnosticJson<'a>> {
    diagnostics
        .iter()
        .map(|d| DiagnosticJson {
            file,
            line: d.pos.line,
            col: d.pos.col,
            severity: d.severity,
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect()
}

/// Prints each problem as two lines on stderr.
pub fn print(printer: &Printer, file: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let label = match d.severity {
            Severity::Error => printer.paint_err(ERROR, "error:"),
            Severity::Warning => printer.paint_err(WARNING, "warning:"),
        };
        printer.err(&format!(
            "{file}:{}:{}: {label} {}",
            d.pos.line, d.pos.col, d.message
        ));
        if let Some(hint) = &d.hint {
            printer.err(&format!("  {} {hint}", printer.paint_err(HINT, "hint:")));
        }
    }
}

/// Warnings of a project that loaded, on stderr for people; scripts find them in
/// `validate -o json`.
pub fn warnings(printer: &Printer, file: &str, warnings: &[Diagnostic]) {
    if printer.asks() && !warnings.is_empty() {
        print(printer, file, warnings);
    }
}

/// All problems, then the count line; JSON goes to stdout as an array.
pub fn report_invalid(printer: &Printer, file: &str, diagnostics: &[Diagnostic]) {
    printer.result(&to_json(file, diagnostics), || {
        print(printer, file, diagnostics);
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let noun = if errors == 1 { "problem" } else { "problems" };
        printer.err(&format!(
            "{} {errors} {noun} in {file}",
            printer.paint_err(ERROR, "error:")
        ));
    });
}
