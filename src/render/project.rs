//! `validate` and `show` output.

use comfy_table::Cell;
use serde::Serialize;

use super::Printer;
use crate::project::key::KeyAttr;
use crate::project::resolve::Resolved;

/// What `validate` reports for a valid file (the JSON shape of `validate -o json`).
#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    pub valid: bool,
    pub file: &'a str,
    pub project: &'a str,
    pub tables: usize,
    pub functions: usize,
    pub apis: usize,
    pub routes: usize,
    pub warnings: Vec<super::diagnostics::DiagnosticJson<'a>>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn summary(printer: &Printer, s: &Summary<'_>) {
    printer.result(s, || {
        printer.out(&format!(
            "{} is valid: project `{}` with {}, {} and {} ({}).",
            s.file,
            s.project,
            plural(s.tables, "table", "tables"),
            plural(s.functions, "function", "functions"),
            plural(s.apis, "API", "APIs"),
            plural(s.routes, "route", "routes"),
        ));
    });
}

fn key(k: &KeyAttr) -> String {
    k.to_string()
}

fn opt_key(k: &Option<KeyAttr>) -> String {
    k.as_ref().map(key).unwrap_or_else(|| "-".into())
}

pub fn show(printer: &Printer, r: &Resolved) {
    printer.result(r, || {
        let region = r.region.as_deref().unwrap_or("from the AWS environment");
        printer.out(&format!(
            "project {} · target {} · region {region}",
            r.project, r.target
        ));
        if !r.tables.is_empty() {
            let mut t = printer.table(&[
                "table",
                "physical name",
                "partition",
                "sort",
                "billing",
                "ttl",
                "indexes",
            ]);
            for table in &r.tables {
                let indexes: Vec<String> = table
                    .indexes
                    .iter()
                    .map(|i| {
                        let sort = i
                            .sort_key
                            .as_ref()
                            .map(|s| format!(", {s}"))
                            .unwrap_or_default();
                        format!(
                            "{} ({}: {}{sort}; {})",
                            i.name, i.kind, i.partition_key, i.projection
                        )
                    })
                    .collect();
                let billing = match (table.read_capacity, table.write_capacity) {
                    (Some(r), Some(w)) => format!("provisioned {r}/{w}"),
                    _ => table.billing.to_string(),
                };
                t.add_row(vec![
                    Cell::new(&table.name),
                    Cell::new(&table.physical_name),
                    Cell::new(key(&table.partition_key)),
                    Cell::new(opt_key(&table.sort_key)),
                    Cell::new(billing),
                    Cell::new(table.ttl.as_deref().unwrap_or("-")),
                    Cell::new(if indexes.is_empty() {
                        "-".into()
                    } else {
                        indexes.join("\n")
                    }),
                ]);
            }
            printer.out("");
            printer.out(&t.to_string());
        }
        if !r.functions.is_empty() {
            let mut t = printer.table(&[
                "function",
                "physical name",
                "runtime",
                "handler",
                "memory",
                "timeout",
                "access",
            ]);
            for f in &r.functions {
                let access: Vec<String> = f
                    .access
                    .iter()
                    .map(|a| format!("{}: {}", a.table, a.access.name()))
                    .collect();
                t.add_row(vec![
                    Cell::new(&f.name),
                    Cell::new(&f.physical_name),
                    Cell::new(&f.runtime),
                    Cell::new(&f.handler),
                    Cell::new(format!("{} MB", f.memory)),
                    Cell::new(format!("{} s", f.timeout)),
                    Cell::new(if access.is_empty() {
                        "-".into()
                    } else {
                        access.join("\n")
                    }),
                ]);
            }
            printer.out("");
            printer.out(&t.to_string());
        }
        for api in &r.apis {
            let mut t = printer.table(&["method", "path", "function"]);
            for route in &api.routes {
                t.add_row(vec![
                    Cell::new(&route.method),
                    Cell::new(&route.path),
                    Cell::new(&route.function),
                ]);
            }
            printer.out("");
            printer.out(&format!(
                "api {} ({}) · stage {}",
                api.name, api.physical_name, api.stage
            ));
            printer.out(&t.to_string());
        }
    });
}
