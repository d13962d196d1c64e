//! Plans and status, for people (symbols and colours) and scripts
//! (JSON, documented in docs/json-output.md).

use anstyle::{AnsiColor, Style};
use comfy_table::Cell;
use serde::Serialize;
use serde_json::Value as Json;

use super::{Printer, Report, STRONG, WARNING};
use crate::plan::{Action, Live, Op, Plan};

const CREATE: Style = AnsiColor::Green.on_default();
const UPDATE: Style = AnsiColor::Yellow.on_default();
const REPLACE: Style = AnsiColor::Magenta.on_default();
const DELETE: Style = AnsiColor::Red.on_default();
const DIM: Style = Style::new().dimmed();

fn style(op: Op) -> Style {
    match op {
        Op::Create => CREATE,
        Op::Update => UPDATE,
        Op::Replace => REPLACE,
        Op::Delete | Op::Conflict => DELETE,
        Op::Nothing => DIM,
    }
}

fn short(v: &Option<Json>) -> String {
    match v {
        None => "(none)".into(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

#[derive(Serialize)]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    pub replace: usize,
    pub delete: usize,
    pub conflict: usize,
    pub unchanged: usize,
}

pub fn summary(plan: &Plan) -> Summary {
    Summary {
        create: plan.count(Op::Create),
        update: plan.count(Op::Update),
        replace: plan.count(Op::Replace),
        delete: plan.count(Op::Delete),
        conflict: plan.count(Op::Conflict),
        unchanged: plan.count(Op::Nothing),
    }
}

/// The JSON shape of a plan.
#[derive(Serialize)]
pub struct PlanJson<'a> {
    pub project: &'a str,
    pub target: &'a str,
    pub endpoint: &'a str,
    pub changes_pending: bool,
    pub data_loss: bool,
    pub actions: &'a [Action],
    pub unmanaged: &'a [crate::plan::Unmanaged],
    pub notes: &'a [String],
    pub summary: Summary,
}

pub fn plan_json<'a>(plan: &'a Plan, endpoint: &'a str) -> PlanJson<'a> {
    PlanJson {
        project: &plan.project,
        target: &plan.target,
        endpoint,
        changes_pending: plan.has_changes(),
        data_loss: plan.loses_data(),
        actions: &plan.actions,
        unmanaged: &plan.unmanaged,
        notes: &plan.notes,
        summary: summary(plan),
    }
}

/// The plan as people read it: one block per resource, attribute by attribute.
pub fn plan_text(p: &Printer, plan: &Plan, endpoint: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Plan for project {} on target {} ({endpoint}):\n\n",
        p.paint(STRONG, &plan.project),
        p.paint(STRONG, &plan.target)
    ));
    let width = plan
        .actions
        .iter()
        .flat_map(|a| a.changes.iter().map(|c| c.attribute.len()))
        .max()
        .unwrap_or(0);
    for a in &plan.actions {
        let sym = p.paint(style(a.op), &format!("{:>3}", a.op.symbol()));
        let mut line = format!(
            "{sym} {} {} ({})",
            a.kind.noun(),
            p.paint(STRONG, &a.name),
            a.physical
        );
        if a.op == Op::Nothing {
            line.push_str(&p.paint(DIM, "  no change"));
        }
        if let Some(r) = &a.reason {
            line.push_str(&format!("  {}: {r}", a.op.verb()));
        }
        if a.data_loss {
            line.push_str(&format!("  {}", p.paint(WARNING, "⚠ loses data")));
        }
        out.push_str(&line);
        out.push('\n');
        if a.op != Op::Create || a.changes.len() <= 12 {
            for c in &a.changes {
                let arrow = match a.op {
                    Op::Create => short(&c.new),
                    _ => format!("{} → {}", short(&c.old), short(&c.new)),
                };
                let mark = if c.forces_replace && a.op != Op::Create {
                    p.paint(REPLACE, "  (forces replacement)")
                } else {
                    String::new()
                };
                out.push_str(&format!("      {:<width$}  {arrow}{mark}\n", c.attribute));
            }
        }
    }
    if plan.actions.is_empty() {
        out.push_str("  (no resources)\n");
    }
    if !plan.unmanaged.is_empty() {
        out.push('\n');
        for u in &plan.unmanaged {
            out.push_str(&format!(
                "  {} {} {}: not managed yet (a later gatekit manages this section)\n",
                p.paint(DIM, "·"),
                u.section,
                u.name
            ));
        }
    }
    if !plan.notes.is_empty() {
        out.push('\n');
        for n in &plan.notes {
            out.push_str(&format!("  {} {n}\n", p.paint(DIM, "·")));
        }
    }
    let s = summary(plan);
    out.push_str(&format!(
        "\nPlan: {} to create, {} to update, {} to replace, {} to delete, {} unchanged",
        s.create, s.update, s.replace, s.delete, s.unchanged
    ));
    if s.conflict > 0 {
        out.push_str(&format!(", {} in conflict", s.conflict));
    }
    out.push('.');
    let losing = plan.actions.iter().filter(|a| a.data_loss).count();
    if losing > 0 {
        out.push_str(&format!(
            " {}",
            p.paint(
                WARNING,
                &format!("{losing} action(s) lose data: deploy needs --allow-data-loss.")
            )
        ));
    }
    out
}

/// A plan with the endpoint it was made against: JSON for scripts, the text above
/// for people.
pub struct PlanReport<'a> {
    pub plan: &'a Plan,
    pub endpoint: &'a str,
}

impl Serialize for PlanReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        plan_json(self.plan, self.endpoint).serialize(s)
    }
}

impl Report for PlanReport<'_> {
    fn text(&self, p: &Printer) -> String {
        plan_text(p, self.plan, self.endpoint)
    }
}

/// The JSON shape of one `status` row.
#[derive(Serialize)]
pub struct StatusRow<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub physical_name: &'a str,
    pub state: &'a str,
    pub item_count: Option<u64>,
    pub size_bytes: Option<u64>,
}

/// What `status` shows: the project's live resources and what is not deployed.
#[derive(Serialize)]
pub struct StatusReport<'a> {
    pub project: &'a str,
    pub target: &'a str,
    pub endpoint: &'a str,
    pub resources: Vec<StatusRow<'a>>,
    pub not_deployed: Vec<String>,
}

impl<'a> StatusReport<'a> {
    pub fn new(
        project: &'a str,
        target: &'a str,
        endpoint: &'a str,
        live: &'a [Live],
        not_deployed: Vec<String>,
    ) -> Self {
        let resources = live
            .iter()
            .map(|l| StatusRow {
                kind: l.kind().noun(),
                name: &l.name,
                physical_name: &l.physical,
                state: &l.state,
                item_count: l.facts.item_count,
                size_bytes: l.facts.size_bytes,
            })
            .collect();
        StatusReport {
            project,
            target,
            endpoint,
            resources,
            not_deployed,
        }
    }
}

impl Report for StatusReport<'_> {
    fn text(&self, p: &Printer) -> String {
        let mut out = format!(
            "Project {} on target {} ({}):\n",
            self.project, self.target, self.endpoint
        );
        if self.resources.is_empty() {
            out.push_str("  nothing deployed");
        } else {
            let mut t = p.table(&["kind", "name", "physical name", "state", "items", "size"]);
            for r in &self.resources {
                let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
                t.add_row(vec![
                    Cell::new(r.kind),
                    Cell::new(r.name),
                    Cell::new(r.physical_name),
                    Cell::new(r.state),
                    Cell::new(n(r.item_count)),
                    Cell::new(r.size_bytes.map(bytes).unwrap_or_else(|| "-".into())),
                ]);
            }
            out.push_str(&t.to_string());
        }
        if !self.not_deployed.is_empty() {
            out.push_str(&format!(
                "\nNot deployed: {} (run `gatekit deploy`)",
                self.not_deployed.join(", ")
            ));
        }
        out
    }
}

pub(crate) fn bytes(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1024 * 1024 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{:.1} MB", n as f64 / (1024.0 * 1024.0)),
    }
}
