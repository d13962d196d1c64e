//! What `deploy` and `destroy` print: the plan, progress while actions run
//! (spinners on a terminal, a line per step otherwise, or one JSON event per line
//! with `-o json`), and a summary.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use comfy_table::Cell;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::plan::{PlanReport, plan_json};
use super::{OutputFormat, Printer, Report};
use crate::plan::Plan;
use crate::plan::report::{ActionOutcome, ActionResult, Progress};

/// Prints one deploy or destroy, in the format the user chose.
pub struct DeployReporter<'a> {
    printer: &'a Printer,
}

impl<'a> DeployReporter<'a> {
    pub fn new(printer: &'a Printer) -> Self {
        DeployReporter { printer }
    }

    fn json(&self) -> bool {
        self.printer.format == OutputFormat::Json
    }

    /// The plan about to be applied (not shown with `--quiet`).
    pub fn plan(&self, plan: &Plan, endpoint: &str) {
        if self.json() {
            self.printer
                .event(&json!({ "event": "plan", "plan": plan_json(plan, endpoint) }));
        } else if !self.printer.quiet {
            self.printer
                .out(&PlanReport { plan, endpoint }.text(self.printer));
        }
    }

    /// A sentence for people when there is nothing to apply.
    /// Nothing to apply: the sentence for people; for scripts the summary event all
    /// the same (applied 0), so that a JSON reader always gets its last line.
    pub fn nothing_to_do(&self, sentence: &str, conflicts: Option<usize>) {
        if self.json() {
            self.summary(&[], conflicts);
        } else if !self.printer.quiet {
            self.printer.out(&format!("\n{sentence}"));
        }
    }

    /// Progress for the executor, for the pending actions of `plan`.
    pub fn progress(&self, plan: &Plan) -> DeployProgress {
        let json = self.json();
        let bars = !json && !self.printer.quiet && std::io::stderr().is_terminal();
        let multi = MultiProgress::with_draw_target(if bars {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        });
        let style = ProgressStyle::with_template("{spinner} {prefix:.bold} {msg} {elapsed:.dim}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let mut spinners = HashMap::new();
        for a in plan.pending() {
            let bar = multi.add(ProgressBar::new_spinner());
            bar.set_style(style.clone());
            bar.set_prefix(format!("{} {}", a.op.verb(), a.physical));
            if bars {
                bar.enable_steady_tick(Duration::from_millis(120));
            }
            spinners.insert(a.name.clone(), bar);
        }
        DeployProgress {
            mode: if json {
                Mode::Events
            } else if bars || self.printer.quiet {
                Mode::Bars
            } else {
                Mode::Lines
            },
            multi,
            spinners: Mutex::new(spinners),
            printer: self.printer.clone(),
        }
    }

    /// The outcome of every action, and the counts.
    pub fn summary(&self, outcomes: &[ActionOutcome], conflicts: Option<usize>) {
        let failed = outcomes.iter().filter(|o| o.failed()).count();
        if self.json() {
            let mut e =
                json!({ "event": "summary", "applied": outcomes.len() - failed, "failed": failed });
            if let Some(c) = conflicts {
                e["conflicts"] = json!(c);
            }
            self.printer.event(&e);
            return;
        }
        if self.printer.quiet {
            return;
        }
        let mut t = self
            .printer
            .table(&["kind", "resource", "physical name", "action", "result"]);
        for o in outcomes {
            let result = match &o.result {
                ActionResult::Done { seconds } => format!("done in {seconds:.1} s"),
                ActionResult::Failed { error, .. } => format!("failed: {error}"),
                ActionResult::Skipped { reason } => format!("skipped: {reason}"),
            };
            t.add_row(vec![
                Cell::new(o.kind.noun()),
                Cell::new(&o.name),
                Cell::new(&o.physical_name),
                Cell::new(o.action),
                Cell::new(result),
            ]);
        }
        self.printer.out("");
        self.printer.out(&t.to_string());
    }
}

enum Mode {
    /// Spinners on a terminal (hidden with `--quiet`).
    Bars,
    /// A line per step on stderr.
    Lines,
    /// One JSON event per line on stdout.
    Events,
}

/// The executor's progress as spinners, lines or JSON events.
pub struct DeployProgress {
    mode: Mode,
    multi: MultiProgress,
    spinners: Mutex<HashMap<String, ProgressBar>>,
    printer: Printer,
}

impl DeployProgress {
    fn spinner(&self, name: &str) -> Option<ProgressBar> {
        self.spinners.lock().ok()?.get(name).cloned()
    }

    /// Clears the spinners once every action has ended.
    pub fn finish(&self) {
        let _ = self.multi.clear();
    }
}

impl Progress for DeployProgress {
    fn started(&self, a: &crate::plan::Action) {
        if let Mode::Events = self.mode {
            self.printer.event(
                &json!({ "event": "start", "name": a.name, "physical_name": a.physical, "action": a.op.verb() }),
            );
        }
    }

    fn step(&self, a: &crate::plan::Action, message: &str) {
        match self.mode {
            Mode::Events => self
                .printer
                .event(&json!({ "event": "step", "name": a.name, "message": message })),
            Mode::Lines => self
                .printer
                .err(&format!("{} {}: {message}", a.op.verb(), a.physical)),
            Mode::Bars => {
                if let Some(bar) = self.spinner(&a.name) {
                    bar.set_message(message.to_string());
                }
            }
        }
    }

    fn finished(&self, a: &crate::plan::Action, o: &ActionOutcome) {
        if let Some(bar) = self.spinner(&a.name) {
            bar.finish_and_clear();
        }
        if let Mode::Events = self.mode {
            let e = match &o.result {
                ActionResult::Done { seconds } => {
                    json!({ "event": "done", "name": o.name, "action": o.action, "seconds": seconds })
                }
                ActionResult::Failed { seconds, error } => {
                    json!({ "event": "failed", "name": o.name, "action": o.action, "seconds": seconds, "error": error })
                }
                ActionResult::Skipped { reason } => {
                    json!({ "event": "skipped", "name": o.name, "action": o.action, "reason": reason })
                }
            };
            self.printer.event(&e);
        }
    }
}
