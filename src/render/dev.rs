//! `gatekit dev`'s one stream of what happens: function log lines prefixed with the
//! function's name in a colour of its own (as docker compose prefixes services),
//! a line per applied change, the problems of a broken gatekit.yaml; with `-o json`
//! one JSON object per line.

use std::collections::BTreeMap;
use std::sync::Mutex;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use serde_json::json;

use super::Printer;
use crate::cloud::lambda::logs::LogLine;
use crate::plan::report::{ActionOutcome, ActionResult};

const COLOURS: [AnsiColor; 6] = [
    AnsiColor::Cyan,
    AnsiColor::Magenta,
    AnsiColor::Green,
    AnsiColor::Yellow,
    AnsiColor::Blue,
    AnsiColor::Red,
];

/// What the banner shows once the app is deployed.
#[derive(Serialize)]
pub struct Ready {
    pub endpoint: String,
    /// The console's URL, with its token.
    pub console: Option<String>,
    /// Whether this `gatekit dev` joined a `local serve` already running.
    pub joined: bool,
    pub apis: Vec<crate::aws::stage_url::StageUrls>,
    pub functions: Vec<String>,
}

/// An API request's access-log line, read back.
#[derive(Serialize)]
pub struct Request {
    pub api: String,
    pub method: String,
    pub path: String,
    pub status: String,
    pub ms: String,
    /// The function its route runs, when the route is the project's.
    pub function: Option<String>,
}

pub struct DevStream {
    printer: Printer,
    colours: Mutex<BTreeMap<String, Style>>,
}

impl DevStream {
    pub fn new(printer: &Printer) -> Self {
        DevStream {
            printer: printer.clone(),
            colours: Mutex::new(BTreeMap::new()),
        }
    }

    fn json(&self) -> bool {
        self.printer.streams_json()
    }

    pub fn ready(&self, ready: &Ready) {
        if self.json() {
            let mut e = serde_json::to_value(ready).unwrap_or_default();
            e["event"] = json!("ready");
            self.printer.event(&e);
            return;
        }
        let p = &self.printer;
        let how = if ready.joined {
            "joined the local emulator"
        } else {
            "local emulator"
        };
        p.out(&format!(
            "gatekit dev: {how} on {}; watching for changes, Ctrl-C stops.",
            ready.endpoint
        ));
        if let Some(url) = &ready.console {
            p.out(&format!("  console: {url}"));
        }
        for s in &ready.apis {
            p.out(&format!(
                "  API {} ({}): {}  reference: {}",
                s.api, s.stage, s.url, s.docs
            ));
        }
        p.out("Point the AWS SDKs and CLI at it:");
        p.out(&format!("  export AWS_ENDPOINT_URL={}", ready.endpoint));
        p.out("  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
    }

    /// What a deploy changed, and how long it took from the change seen.
    pub fn applied(&self, outcomes: &[ActionOutcome], millis: u128) {
        if self.json() {
            self.printer
                .event(&json!({ "event": "applied", "changes": outcomes, "ms": millis }));
            return;
        }
        for o in outcomes {
            let line = match &o.result {
                ActionResult::Done { .. } => format!("{} {} {}", o.action, o.kind.noun(), o.name),
                ActionResult::Failed { error, .. } => format!(
                    "{} {} {} {}",
                    self.printer.paint(super::ERROR, "failed:"),
                    o.action,
                    o.kind.noun(),
                    error
                ),
                ActionResult::Skipped { reason } => {
                    format!("skipped {} {}: {reason}", o.kind.noun(), o.name)
                }
            };
            self.printer.out(&format!(
                "{} {line}",
                self.printer.paint(super::STRONG, "[dev]")
            ));
        }
        let failed = outcomes.iter().filter(|o| o.failed()).count();
        let summary = if failed == 0 {
            format!("live in {millis} ms")
        } else {
            format!(
                "{failed} of {} changes failed; the rest is live",
                outcomes.len()
            )
        };
        self.printer.out(&format!(
            "{} {summary}",
            self.printer.paint(super::STRONG, "[dev]")
        ));
    }

    /// A change that was not applied (a broken gatekit.yaml is reported by the
    /// loader itself; this says what is kept).
    pub fn kept(&self, why: &str) {
        if self.json() {
            self.printer
                .event(&json!({ "event": "kept", "reason": why }));
            return;
        }
        self.printer.err(&format!(
            "{} {why}; the last good state keeps running",
            self.printer.paint_err(super::WARNING, "[dev]")
        ));
    }

    /// One API request, as its stage's access log recorded it.
    pub fn request(&self, r: &Request) {
        if self.json() {
            let mut e = serde_json::to_value(r).unwrap_or_default();
            e["event"] = json!("request");
            self.printer.event(&e);
            return;
        }
        let status = match r.status.parse::<u16>() {
            Ok(s) if s >= 500 => self.printer.paint(super::ERROR, &r.status),
            Ok(s) if s >= 400 => self.printer.paint(super::WARNING, &r.status),
            _ => r.status.clone(),
        };
        let function = r
            .function
            .as_deref()
            .map(|f| format!(" → {f}"))
            .unwrap_or_default();
        let prefix = self.printer.paint(super::STRONG, &format!("{} |", r.api));
        self.printer.out(&format!(
            "{prefix} {} {} {status} {} ms{function}",
            r.method, r.path, r.ms
        ));
    }

    pub fn log(&self, function: &str, line: &LogLine) {
        if self.json() {
            self.printer.event(&json!({
                "event": "log", "function": function, "timestamp": line.timestamp, "message": line.message
            }));
            return;
        }
        let style = {
            let mut colours = self.colours.lock().unwrap_or_else(|p| p.into_inner());
            let next = COLOURS[colours.len() % COLOURS.len()];
            *colours
                .entry(function.to_string())
                .or_insert_with(|| next.on_default())
        };
        let prefix = self.printer.paint(style, &format!("{function} |"));
        for text in line.message.trim_end_matches('\n').lines() {
            self.printer.out(&format!("{prefix} {text}"));
        }
    }
}

/// `gatekit console`'s one line: where the console is (a JSON object for machines).
pub fn console_ready(p: &Printer, url: &str) {
    if p.streams_json() {
        p.event(&json!({ "event": "ready", "console": url }));
        return;
    }
    p.out(&format!("gatekit console: {url}"));
    p.note("open it in a browser on this machine; Ctrl-C stops");
}
