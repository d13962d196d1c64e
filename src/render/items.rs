//! Items for people (a table: keys first, long values cut to fit) and for scripts
//! (plain JSON, JSON Lines for streams; `--raw` keeps DynamoDB JSON).

use comfy_table::Cell;
use serde_json::{Map, Value as Json};

use super::Printer;

/// Longest cell text before it is cut with an ellipsis.
const CELL: usize = 48;

fn cell(v: &Json) -> String {
    let text = match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > CELL {
        let cut: String = text.chars().take(CELL - 1).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// Items as a table whose columns are the keys, then every other attribute.
pub fn table(p: &Printer, items: &[Map<String, Json>], keys: &[&str]) {
    let mut columns: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    let mut others: Vec<String> = items
        .iter()
        .flat_map(|i| i.keys().cloned())
        .filter(|k| !keys.contains(&k.as_str()))
        .collect();
    others.sort();
    others.dedup();
    columns.extend(others);
    let headers: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut t = p.table(&headers);
    for item in items {
        t.add_row(
            columns
                .iter()
                .map(|c| Cell::new(item.get(c).map(cell).unwrap_or_default()))
                .collect::<Vec<_>>(),
        );
    }
    p.out(&t.to_string());
}

/// One item, attribute per line.
pub fn one(p: &Printer, item: &Map<String, Json>, keys: &[&str]) {
    p.result(item, || {
        let mut t = p.table(&["attribute", "value"]);
        let mut names: Vec<&String> = item.keys().collect();
        names.sort_by_key(|n| {
            (
                !keys.contains(&n.as_str()),
                keys.iter().position(|k| k == n),
                n.to_string(),
            )
        });
        for n in names {
            let v = match &item[n] {
                Json::String(s) => s.clone(),
                other => serde_json::to_string_pretty(other).unwrap_or_default(),
            };
            t.add_row(vec![Cell::new(n), Cell::new(v)]);
        }
        p.out(&t.to_string());
    });
}

/// One JSON line (streams with `-o json --all`).
pub fn line(p: &Printer, v: &Json) {
    p.out(&v.to_string());
}
