//! Bulk work: import (JSON Lines, JSON array, CSV) with BatchWriteItem, export with a
//! parallel scan, and check (items that break the model). Progress on stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value as Json, json};
use tokio::sync::Semaphore;

use super::{OpenedTable, TableName, open};
use crate::cli::{Context, ExitResult, Failure, exit, session};
use crate::cloud::dynamodb::items::{self, Item, Read};
use crate::items::convert::item_from_dynamo;
use crate::items::model;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// JSON Lines, a JSON array, or CSV with a header
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// The file's format (default: from its extension; .csv is CSV, .json a JSON array)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// Where to write (default: stdout)
    #[arg(value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// The format (default: from the file's extension, else JSON Lines)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Scan with this many parallel segments
    #[arg(long, default_value_t = 4, value_parser = super::segments())]
    pub parallel: i32,
}

fn format_of(path: Option<&PathBuf>, given: Option<Format>) -> Format {
    given.unwrap_or_else(
        || match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => Format::Jsonl,
        },
    )
}

fn bar(ctx: &Context, len: Option<u64>, what: &str) -> ProgressBar {
    let on = !ctx.printer.quiet && std::io::stderr().is_terminal();
    let b = match len {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    b.set_draw_target(if on {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    let template = if len.is_some() {
        "{prefix} {bar:30} {pos}/{len} {per_sec} {eta}"
    } else {
        "{prefix} {spinner} {pos} items {per_sec}"
    };
    b.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    b.set_prefix(what.to_string());
    b
}

/// CSV rows as plain items: a cell becomes a number, boolean or JSON value where
/// the item model says so (or it parses as one for an unmodelled column), else text.
fn csv_rows(t: &OpenedTable, text: &str) -> Result<Vec<super::write::Row>, Failure> {
    use crate::project::model::AttributeType as T;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            Failure::usage(
                format!("the CSV header cannot be read: {e}"),
                "the first line names the attributes",
            )
        })?
        .clone();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Failure::usage(
                format!("CSV line {}: {e}", i + 2),
                "check the quoting of that line",
            )
        })?;
        let mut item = Map::new();
        for (h, cell) in headers.iter().zip(record.iter()) {
            if cell.is_empty() {
                continue;
            }
            let v = match t.attribute_type(h) {
                Some(T::String | T::Binary) => Json::String(cell.to_string()),
                Some(_) => {
                    serde_json::from_str(cell).unwrap_or_else(|_| Json::String(cell.to_string()))
                }
                None => match serde_json::from_str::<Json>(cell) {
                    Ok(v @ (Json::Number(_) | Json::Bool(_))) => v,
                    _ => Json::String(cell.to_string()),
                },
            };
            item.insert(h.to_string(), v);
        }
        out.push((i + 2, item));
    }
    Ok(out)
}

pub async fn import(ctx: &Context, args: ImportArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let text = std::fs::read_to_string(&args.input).map_err(|e| {
        Failure::usage(
            format!("cannot read {}: {e}", args.input.display()),
            "check the path",
        )
    })?;
    let rows = match format_of(Some(&args.input), args.format) {
        Format::Csv => csv_rows(&t, &text)?,
        _ => super::write::parse_items(&text)?,
    };
    let keys = t.keys();
    let mut good: Vec<Item> = Vec::with_capacity(rows.len());
    let mut rejected: Vec<Json> = Vec::new();
    for (line, plain) in rows {
        match model::prepare(t.model.as_ref(), &keys, &plain) {
            Ok(item) if keys.iter().all(|k| item.contains_key(*k)) => good.push(item),
            Ok(_) => rejected.push(json!({ "line": line, "errors": [format!("missing a key attribute ({})", keys.join(", "))] })),
            Err(v) => rejected.push(json!({ "line": line, "errors": v.iter().map(|x| x.to_string()).collect::<Vec<_>>() })),
        }
    }
    // Later rows win over earlier ones with the same key, as repeated puts would (and
    // one batch may not hold a key twice).
    let key_of =
        |item: &Item| -> Vec<String> { keys.iter().map(|k| item[*k].to_string()).collect() };
    let last: std::collections::HashMap<Vec<String>, usize> = good
        .iter()
        .enumerate()
        .map(|(i, item)| (key_of(item), i))
        .collect();
    let unique: Vec<Item> = good
        .into_iter()
        .enumerate()
        .filter(|(i, item)| last.get(&key_of(item)) == Some(i))
        .map(|(_, item)| item)
        .collect();
    let total = unique.len();
    let progress = bar(ctx, Some(total as u64), &format!("import {}", t.physical));
    let limit = Arc::new(Semaphore::new(8));
    let mut set = tokio::task::JoinSet::new();
    let mut pending = unique.into_iter().peekable();
    while pending.peek().is_some() {
        let chunk: Vec<Item> = pending.by_ref().take(25).collect();
        let (client, table, limit, progress) = (
            t.cloud.dynamodb.clone(),
            t.physical.clone(),
            limit.clone(),
            progress.clone(),
        );
        set.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let r = items::batch_put(&client, &table, &chunk).await;
            progress.inc(chunk.len() as u64);
            r
        });
    }
    while let Some(done) = set.join_next().await {
        done.map_err(|e| Failure::runtime(format!("an import task failed: {e}"), None))?
            .map_err(session::cloud_failure)?;
    }
    progress.finish_and_clear();
    ctx.printer
        .result(&json!({ "imported": total, "rejected": rejected }), || {
            ctx.printer
                .out(&format!("imported {total} item(s) into {}", t.physical));
            for r in &rejected {
                ctx.printer.err(&format!(
                    "line {}: rejected: {}",
                    r["line"],
                    r["errors"]
                        .as_array()
                        .map(|a| a
                            .iter()
                            .filter_map(Json::as_str)
                            .collect::<Vec<_>>()
                            .join("; "))
                        .unwrap_or_default()
                ));
            }
        });
    if rejected.is_empty() {
        Ok(exit::SUCCESS)
    } else {
        // The report above is the result (JSON lists the rejected rows): the failure
        // is said on stderr only, so stdout stays one JSON document.
        ctx.printer.error(
            &format!("{} row(s) were rejected and not imported", rejected.len()),
            Some("fix those lines and import the file again: rows already imported are overwritten, not duplicated"),
        );
        Ok(exit::FAILURE)
    }
}

/// Every item of the table, read with parallel segments.
async fn scan_all(
    ctx: &Context,
    t: &OpenedTable,
    segments: i32,
    progress: Option<&ProgressBar>,
) -> Result<Vec<Item>, Failure> {
    let segs = segments.max(1);
    let in_flight = super::segments_in_flight();
    let mut set = tokio::task::JoinSet::new();
    for s in 0..segs {
        let read = Read {
            table: t.physical.clone(),
            segment: (segs > 1).then_some((s, segs)),
            ..Read::default()
        };
        let client = t.cloud.dynamodb.clone();
        let progress = progress.cloned();
        let in_flight = in_flight.clone();
        set.spawn(async move {
            let _turn = in_flight.acquire_owned().await;
            let mut out = Vec::new();
            let mut next = None;
            loop {
                let page = items::page(&client, &read, next).await?;
                if let Some(p) = &progress {
                    p.inc(page.items.len() as u64);
                }
                out.extend(page.items);
                next = page.last_key;
                if next.is_none() {
                    return Ok::<_, crate::cloud::CloudError>(out);
                }
            }
        });
    }
    let mut all = Vec::new();
    while let Some(done) = set.join_next().await {
        all.extend(
            done.map_err(|e| Failure::runtime(format!("a scan task failed: {e}"), None))?
                .map_err(session::cloud_failure)?,
        );
    }
    let _ = ctx;
    Ok(all)
}

fn csv_cell(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

pub async fn export(ctx: &Context, args: ExportArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let format = format_of(args.output_file.as_ref(), args.format);
    let progress = bar(ctx, None, &format!("export {}", t.physical));
    let items = scan_all(ctx, &t, args.parallel, Some(&progress)).await?;
    progress.finish_and_clear();
    let plain: Vec<Map<String, Json>> = items.iter().map(item_from_dynamo).collect();
    let mut out: Vec<u8> = Vec::new();
    match format {
        Format::Jsonl => {
            for p in &plain {
                let _ = serde_json::to_writer(&mut out, p);
                out.push(b'\n');
            }
        }
        Format::Json => {
            let _ = serde_json::to_writer_pretty(&mut out, &plain);
            out.push(b'\n');
        }
        Format::Csv => {
            let keys = t.keys();
            let mut columns: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            let mut others: Vec<String> = plain
                .iter()
                .flat_map(|p| p.keys().cloned())
                .filter(|k| !keys.contains(&k.as_str()))
                .collect();
            others.sort();
            others.dedup();
            columns.extend(others);
            let mut w = csv::Writer::from_writer(&mut out);
            let _ = w.write_record(&columns);
            for p in &plain {
                let _ = w.write_record(
                    columns
                        .iter()
                        .map(|c| p.get(c).map(csv_cell).unwrap_or_default()),
                );
            }
            let _ = w.flush();
        }
    }
    match &args.output_file {
        Some(path) => {
            crate::cli::write_whole(path, &out)?;
            ctx.printer.note(&format!(
                "exported {} item(s) to {}",
                plain.len(),
                path.display()
            ));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&out);
        }
    }
    Ok(exit::SUCCESS)
}

pub async fn check(ctx: &Context, args: TableName) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let Some(m) = t.model.clone() else {
        return Err(Failure::usage(
            format!("table `{}` has no item model to check against", t.physical),
            "give it one under `items:` in gatekit.yaml, and name it by its logical name",
        ));
    };
    let progress = bar(ctx, None, &format!("check {}", t.physical));
    let items = scan_all(ctx, &t, 4, Some(&progress)).await?;
    progress.finish_and_clear();
    let keys = t.keys();
    let mut bad = Vec::new();
    for item in &items {
        let v = model::check(&m, &keys, item);
        if !v.is_empty() {
            let key: Map<String, Json> = keys
                .iter()
                .filter_map(|k| item.get(*k).map(|x| (k.to_string(), x.clone())))
                .collect();
            bad.push(json!({ "key": item_from_dynamo(&key), "violations": v }));
        }
    }
    ctx.printer
        .result(&json!({ "checked": items.len(), "invalid": bad }), || {
            for b in &bad {
                for v in b["violations"].as_array().into_iter().flatten() {
                    ctx.printer.out(&format!(
                        "{}: {} ({})",
                        b["key"],
                        v["message"].as_str().unwrap_or_default(),
                        v["rule"].as_str().unwrap_or_default()
                    ));
                }
            }
            ctx.printer.out(&format!(
                "{} of {} item(s) break the item model",
                bad.len(),
                items.len()
            ));
        });
    Ok(if bad.is_empty() {
        exit::SUCCESS
    } else {
        exit::FAILURE
    })
}
