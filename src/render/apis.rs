//! APIs for people and scripts: the list, the routes, what a route answered.

use serde_json::{Value as Json, json};

use super::{HINT, Printer};
use crate::cloud::http::HttpResponse;

fn text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => "-".into(),
        other => other.to_string(),
    }
}

fn rows_table(p: &Printer, rows: &[Json], columns: &[&str], empty: &str) {
    p.result(&rows, || {
        if rows.is_empty() {
            p.out(empty);
            return;
        }
        let mut t = p.table(columns);
        for r in rows {
            t.add_row(columns.iter().map(|c| text(&r[*c])).collect::<Vec<_>>());
        }
        p.out(&t.to_string());
    });
}

pub fn list(p: &Printer, rows: &[Json]) {
    rows_table(
        p,
        rows,
        &["name", "physical_name", "id", "stage", "routes", "url"],
        "no deployed APIs",
    );
}

pub fn routes(p: &Printer, rows: &[Json]) {
    rows_table(p, rows, &["method", "path", "function", "url"], "no routes");
}

/// The body on stdout (as JSON when it is JSON); the status and headers on stderr,
/// as `curl -i` shows them; with `-o json`, one object.
pub fn response(p: &Printer, api: &str, method: &str, url: &str, r: &HttpResponse) {
    let body: Json = serde_json::from_slice(&r.body)
        .unwrap_or_else(|_| Json::String(String::from_utf8_lossy(&r.body).into_owned()));
    let headers: serde_json::Map<String, Json> = r
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    p.result(
        &json!({ "api": api, "method": method, "url": url, "status": r.status, "headers": headers, "body": body }),
        || {
            p.err(&p.paint_err(HINT, &format!("HTTP {}", r.status)));
            for (k, v) in &r.headers {
                p.err(&p.paint_err(HINT, &format!("{k}: {v}")));
            }
            p.out(&String::from_utf8_lossy(&r.body));
        },
    );
}
