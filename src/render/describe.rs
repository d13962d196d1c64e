//! `table describe` for people: the table's facts, its indexes and its item model,
//! from the same JSON that `-o json` prints.

use comfy_table::Table;
use serde_json::Value as Json;

use super::Printer;
use super::plan::bytes;

fn text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => "-".to_string(),
        Json::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

fn key(k: &Json) -> Option<String> {
    match k {
        Json::Object(o) => Some(format!("{}:{}", text(&o["name"]), text(&o["type"]))),
        Json::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// The rules of one attribute of the item model, as words.
fn rules(spec: &serde_json::Map<String, Json>) -> String {
    let mut out = Vec::new();
    for (name, v) in spec {
        match (name.as_str(), v) {
            ("type", _) | (_, Json::Null) | ("required", Json::Bool(false)) => {}
            ("required", Json::Bool(true)) => out.push("required".to_string()),
            ("enum", Json::Array(values)) => {
                let values: Vec<String> = values.iter().map(text).collect();
                out.push(format!("one of {}", values.join(" | ")));
            }
            ("pattern", p) => out.push(format!("matches /{}/", text(p))),
            (name, v) => out.push(format!("{} {}", name.replace('_', " "), text(v))),
        }
    }
    out.join(", ")
}

pub fn table_description(p: &Printer, d: &Json) {
    let name = match d["logical_name"].as_str() {
        Some(logical) => format!("{logical} ({})", text(&d["name"])),
        None => text(&d["name"]),
    };
    let keys: Vec<String> = [("partition", &d["partition_key"]), ("sort", &d["sort_key"])]
        .into_iter()
        .filter_map(|(role, k)| key(k).map(|k| format!("{k} ({role})")))
        .collect();
    let tags: Vec<String> = d["tags"]
        .as_object()
        .map(|t| t.iter().map(|(k, v)| format!("{k}={}", text(v))).collect())
        .unwrap_or_default();
    let facts = [
        ("arn", text(&d["arn"])),
        ("status", text(&d["status"])),
        ("keys", keys.join(", ")),
        ("billing", text(&d["billing"])),
        (
            "items",
            format!(
                "{} ({})",
                d["item_count"].as_u64().unwrap_or(0),
                bytes(d["size_bytes"].as_u64().unwrap_or(0))
            ),
        ),
        (
            "deletion protection",
            if d["deletion_protection"] == Json::Bool(true) {
                "on"
            } else {
                "off"
            }
            .to_string(),
        ),
        (
            "time to live",
            d["ttl"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| "off".into()),
        ),
        (
            "tags",
            if tags.is_empty() {
                "-".into()
            } else {
                tags.join(", ")
            },
        ),
    ];
    let mut out = vec![format!("Table {name}")];
    let width = facts.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    out.extend(facts.iter().map(|(k, v)| format!("  {k:<width$}  {v}")));
    let mut indexes: Vec<Vec<String>> = Vec::new();
    for (kind, list) in [
        ("global", &d["global_indexes"]),
        ("local", &d["local_indexes"]),
    ] {
        for i in list.as_array().into_iter().flatten() {
            let keys: Vec<String> = [&i["partition_key"], &i["sort_key"]]
                .into_iter()
                .filter_map(key)
                .collect();
            let mut projection = text(&i["projection"]);
            if let Some(extra) = i["projected_attributes"]
                .as_array()
                .filter(|a| !a.is_empty())
            {
                let extra: Vec<String> = extra.iter().map(text).collect();
                projection = format!("{projection} ({})", extra.join(", "));
            }
            indexes.push(vec![
                text(&i["name"]),
                kind.to_string(),
                keys.join(", "),
                projection,
            ]);
        }
    }
    p.out(&out.join("\n"));
    if !indexes.is_empty() {
        let mut t: Table = p.table(&["index", "kind", "keys", "projection"]);
        for row in indexes {
            t.add_row(row);
        }
        p.out(&format!("\nIndexes\n{t}"));
    }
    if let Some(model) = d["item_model"].as_object() {
        let mut t = p.table(&["attribute", "type", "rules"]);
        for (attr, spec) in model["attributes"].as_object().into_iter().flatten() {
            let spec = spec.as_object().cloned().unwrap_or_default();
            t.add_row(vec![attr.clone(), text(&spec["type"]), rules(&spec)]);
        }
        p.out(&format!(
            "\nItem model (unknown attributes: {})\n{t}",
            text(&model["unknown"])
        ));
    }
}
