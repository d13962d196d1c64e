//! Plans, deploy events and status, for people (symbols and colours) and scripts
//! (JSON, documented in docs/json-output.md).

use anstyle::{AnsiColor, Style};
use comfy_table::Cell;
use serde::Serialize;
use serde_json::Value as Json;

use super::{Printer, STRONG, WARNING};
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

pub fn plan(p: &Printer, plan: &Plan, endpoint: &str) {
    if p.is_json() {
        p.json(&plan_json(plan, endpoint));
    } else {
        p.out(&plan_text(p, plan, endpoint));
    }
}

pub struct Outcome {
    pub action: String,
    pub name: String,
    pub physical: String,
    pub result: Result<f64, String>,
}

pub fn deploy_summary(p: &Printer, outcomes: &[Outcome]) {
    let mut t = p.table(&["resource", "physical name", "action", "result"]);
    for o in outcomes {
        let result = match &o.result {
            Ok(secs) => format!("done in {secs:.1} s"),
            Err(e) => format!("failed: {e}"),
        };
        t.add_row(vec![
            Cell::new(&o.name),
            Cell::new(&o.physical),
            Cell::new(&o.action),
            Cell::new(result),
        ]);
    }
    p.out(&t.to_string());
}

/// The JSON shape of one `status` row.
#[derive(Serialize)]
pub struct StatusRow<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub physical_name: &'a str,
    pub state: &'a str,
    pub item_count: Option<&'a Json>,
    pub size_bytes: Option<&'a Json>,
}

pub fn status(
    p: &Printer,
    project: &str,
    target: &str,
    endpoint: &str,
    live: &[Live],
    missing: &[String],
) {
    let rows: Vec<StatusRow<'_>> = live
        .iter()
        .map(|l| StatusRow {
            kind: l.resource.kind.noun(),
            name: &l.resource.name,
            physical_name: &l.resource.physical,
            state: &l.state,
            item_count: l.facts.get("item_count"),
            size_bytes: l.facts.get("size_bytes"),
        })
        .collect();
    if p.is_json() {
        p.json(&serde_json::json!({
            "project": project, "target": target, "endpoint": endpoint,
            "resources": rows, "not_deployed": missing,
        }));
        return;
    }
    p.out(&format!(
        "Project {project} on target {target} ({endpoint}):"
    ));
    if rows.is_empty() {
        p.out("  nothing deployed");
    } else {
        let mut t = p.table(&["kind", "name", "physical name", "state", "items", "size"]);
        for r in &rows {
            let n = |v: Option<&Json>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
            t.add_row(vec![
                Cell::new(r.kind),
                Cell::new(r.name),
                Cell::new(r.physical_name),
                Cell::new(r.state),
                Cell::new(n(r.item_count)),
                Cell::new(
                    r.size_bytes
                        .and_then(Json::as_u64)
                        .map(bytes)
                        .unwrap_or_else(|| "-".into()),
                ),
            ]);
        }
        p.out(&t.to_string());
    }
    if !missing.is_empty() {
        p.out(&format!(
            "Not deployed: {} (run `gatekit deploy`)",
            missing.join(", ")
        ));
    }
}

fn bytes(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1024 * 1024 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{:.1} MB", n as f64 / (1024.0 * 1024.0)),
    }
}

/// Writes one JSON event as a line on stdout (`deploy -o json`).
pub fn emit(event: &Json) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{event}");
}

/// A progress note on stderr when there are no progress bars.
pub fn note(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}
