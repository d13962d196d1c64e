//! Everything gatekit prints goes through the [`Printer`]: tables for people, JSON
//! for scripts, diagnostics and errors on stderr, colours only on a terminal.

pub mod apis;
pub mod deploy;
pub mod describe;
pub mod dev;
pub mod diagnostics;
pub mod functions;
pub mod items;
pub mod plan;
pub mod project;

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// A command's result: it serializes to the JSON documented in
/// docs/json-output.md and writes itself as text for people. [`Printer::report`]
/// picks one, so `-o json` is decided in one place.
pub trait Report: Serialize {
    fn text(&self, printer: &Printer) -> String;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Tables and sentences for people.
    #[default]
    Table,
    /// JSON for scripts (shapes in docs/json-output.md).
    Json,
}

#[derive(Clone)]
pub struct Printer {
    pub format: OutputFormat,
    pub quiet: bool,
    pub verbose: u8,
    color_out: bool,
    color_err: bool,
}

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const HINT: Style = AnsiColor::Cyan.on_default();
pub const STRONG: Style = Style::new().bold();

impl Printer {
    pub fn new(format: OutputFormat, quiet: bool, verbose: u8, no_color: bool) -> Self {
        let no_color = no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Printer {
            format,
            quiet,
            verbose,
            color_out: !no_color && std::io::stdout().is_terminal(),
            color_err: !no_color && std::io::stderr().is_terminal(),
        }
    }

    /// Whether a command may ask questions: not when its output is for scripts.
    pub fn asks(&self) -> bool {
        self.format == OutputFormat::Table
    }

    /// `text` in `style` when stdout is a colour terminal.
    pub fn paint(&self, style: Style, text: &str) -> String {
        paint(self.color_out, style, text)
    }

    /// `text` in `style` when stderr is a colour terminal.
    pub fn paint_err(&self, style: Style, text: &str) -> String {
        paint(self.color_err, style, text)
    }

    /// A line of data on stdout. A closed pipe (`| head`) is not an error.
    pub fn out(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{text}");
    }

    /// A command's result, as JSON or as text.
    pub fn report<R: Report>(&self, report: &R) {
        match self.format {
            OutputFormat::Json => self.json(report),
            OutputFormat::Table => self.out(&report.text(self)),
        }
    }

    /// A command's result given as its JSON value and the way to show it to people:
    /// the one place where `-o` decides between them.
    pub fn result<T: Serialize>(&self, json: &T, for_people: impl FnOnce()) {
        match self.format {
            OutputFormat::Json => self.json(json),
            OutputFormat::Table => for_people(),
        }
    }

    /// Whether many results stream as JSON Lines (`--all -o json`).
    pub fn streams_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// One JSON object on one line of stdout: an event of a stream (`deploy -o json`).
    pub fn event<T: Serialize>(&self, value: &T) {
        match serde_json::to_string(value) {
            Ok(text) => self.out(&text),
            Err(e) => self.err(&format!("error: cannot write JSON: {e}")),
        }
    }

    pub fn json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => self.out(&text),
            Err(e) => self.err(&format!("error: cannot write JSON: {e}")),
        }
    }

    /// A line on stderr.
    pub fn err(&self, text: &str) {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "{text}");
    }

    /// A progress or status note on stderr, silenced by `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.err(text);
        }
    }

    /// A command's failure: the text on stderr always, and with `-o json` also
    /// `{"error": {"code", "message", "hint"}}` on stdout, so that a script can tell
    /// "not found" from "failed" without reading prose (docs/json-output.md).
    pub fn failure(&self, code: &str, message: &str, hint: Option<&str>) {
        self.error(message, hint);
        if self.format == OutputFormat::Json {
            // One line: it may end a stream of JSON Lines (deploy's events).
            self.event(&serde_json::json!({
                "error": { "code": code, "message": message, "hint": hint }
            }));
        }
    }

    /// `warning: ...` on stderr.
    pub fn warn(&self, message: &str) {
        self.err(&format!(
            "{} {message}",
            self.paint_err(WARNING, "warning:")
        ));
    }

    /// `error: ...` and a `hint:` line, on stderr.
    pub fn error(&self, message: &str, hint: Option<&str>) {
        self.err(&format!("{} {message}", self.paint_err(ERROR, "error:")));
        if let Some(hint) = hint {
            self.err(&format!("  {} {hint}", self.paint_err(HINT, "hint:")));
        }
    }

    /// A table sized to the terminal (unbounded when piped).
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if !self.color_out {
            table.force_no_tty();
        }
        table.set_content_arrangement(arrangement(table.width()));
        table.set_header(
            headers
                .iter()
                .map(|h| self.paint(STRONG, h))
                .collect::<Vec<_>>(),
        );
        table
    }
}

/// Narrower than this, wrapping cells makes a table unreadable.
const MIN_TABLE_WIDTH: u16 = 20;

/// Wrap cells to the terminal's width, unless it reports none worth the name (some
/// serial consoles and CI pseudo-terminals say 0 columns, which would print one
/// character per line). Colour codes take no width: comfy-table's custom_styling.
fn arrangement(width: Option<u16>) -> ContentArrangement {
    match width {
        Some(w) if w < MIN_TABLE_WIDTH => ContentArrangement::Disabled,
        _ => ContentArrangement::Dynamic,
    }
}

fn paint(on: bool, style: Style, text: &str) -> String {
    if on {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// Asks a yes/no question on the terminal. Without one, says which flag to pass.
pub fn confirm(printer: &Printer, question: &str) -> Result<bool, String> {
    use std::io::BufRead;
    if !std::io::stdin().is_terminal() {
        return Err("this would ask for confirmation, and there is no terminal to ask on".into());
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{} [y/N] ", printer.paint_err(STRONG, question));
    let _ = stderr.flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "YES"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(line: &str) -> usize {
        let plain = regex::Regex::new("\x1b\\[[0-9;]*m")
            .unwrap()
            .replace_all(line, "");
        plain.chars().count()
    }

    #[test]
    fn a_terminal_of_zero_columns_gets_whole_cells() {
        let disabled = |w| matches!(arrangement(w), ContentArrangement::Disabled);
        assert!(disabled(Some(0)) && disabled(Some(19)));
        assert!(!disabled(Some(80)) && !disabled(None));
    }

    #[test]
    fn colour_codes_take_no_width() {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.force_no_tty();
        table.set_width(60);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_header(vec![
            paint(true, STRONG, "table"),
            paint(true, STRONG, "items"),
        ]);
        table.add_row(vec!["notes", "1"]);
        let text = table.to_string();
        let widths: Vec<usize> = text.lines().map(visible).collect();
        assert!(text.contains('\x1b'), "the header is painted");
        assert!(
            widths.iter().all(|w| *w == widths[0]),
            "every line as wide as the borders: {widths:?}\n{text}"
        );
    }
}
