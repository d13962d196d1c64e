//! `gatekit table`: everyday data access with item models enforced, on any target.
//! T is a table's logical name in gatekit.yaml, or else an exact physical name.

mod io;
pub(super) mod read;
pub(super) mod write;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::{Map, Value as Json};

use super::session::{self, Session};
use super::{Context, ExitResult, Failure};
use crate::cloud::Cloud;
use crate::cloud::dynamodb::items::{Item, Shape, shape};
use crate::project::Project;
use crate::project::model::{AttributeType, ItemModel};
use crate::project::resolve::{Namer, region_of};

#[derive(Debug, Args)]
pub struct TableArgs {
    #[command(subcommand)]
    pub command: TableCommand,
}

#[derive(Debug, Subcommand)]
pub enum TableCommand {
    /// The project's tables with status, items, size and keys (--all: every table)
    List(read::ListArgs),
    /// Keys, indexes, TTL, billing, tags and the item model of a table
    Describe(TableName),
    /// One item by key: `get todos owner=ann id=42`, or the key as JSON
    Get(read::GetArgs),
    /// Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model
    Put(write::PutArgs),
    /// Change attributes of one item: --set 'title = "x"', --add 'count 1', --remove tags
    Update(write::UpdateArgs),
    /// Delete one item by key
    Delete(write::DeleteArgs),
    /// Items by key condition: `query todos 'owner = "ann" and id begins_with "2024-"'`
    Query(read::QueryArgs),
    /// Every item, optionally filtered (--where), in parallel segments (--parallel)
    Scan(read::ScanArgs),
    /// Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = 'ann'"` (? from --params)
    Sql(read::SqlArgs),
    /// How many items match (a key condition, a filter, or all)
    Count(read::CountArgs),
    /// List the items that break the table's item model
    Check(TableName),
    /// Load items from JSON Lines, a JSON array or CSV
    Import(io::ImportArgs),
    /// Write every item as JSON Lines, JSON or CSV
    Export(io::ExportArgs),
}

#[derive(Debug, Args)]
pub struct TableName {
    /// The table: logical name in gatekit.yaml or physical name
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
}

pub fn run(ctx: &Context, args: TableArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        match args.command {
            TableCommand::List(a) => read::list(ctx, a).await,
            TableCommand::Describe(a) => read::describe(ctx, a).await,
            TableCommand::Get(a) => read::get(ctx, a).await,
            TableCommand::Put(a) => write::put(ctx, a).await,
            TableCommand::Update(a) => write::update(ctx, a).await,
            TableCommand::Delete(a) => write::delete(ctx, a).await,
            TableCommand::Query(a) => read::query(ctx, a).await,
            TableCommand::Scan(a) => read::scan(ctx, a).await,
            TableCommand::Sql(a) => read::sql(ctx, a).await,
            TableCommand::Count(a) => read::count(ctx, a).await,
            TableCommand::Check(a) => io::check(ctx, a).await,
            TableCommand::Import(a) => io::import(ctx, a).await,
            TableCommand::Export(a) => io::export(ctx, a).await,
        }
    })
}

/// DynamoDB's limit on a parallel scan's TotalSegments.
const MAX_SEGMENTS: i64 = 1_000_000;

/// Segments read at once: each holds a connection, and a process has only so many
/// files (`--parallel 100000` once ended in "Too many open files").
const SEGMENTS_IN_FLIGHT: usize = 32;

/// `--parallel N`: 1 to DynamoDB's limit.
fn segments() -> clap::builder::RangedI64ValueParser<i32> {
    clap::value_parser!(i32).range(1..=MAX_SEGMENTS)
}

/// Turns for the segments of one scan, SEGMENTS_IN_FLIGHT at a time.
fn segments_in_flight() -> std::sync::Arc<tokio::sync::Semaphore> {
    std::sync::Arc::new(tokio::sync::Semaphore::new(SEGMENTS_IN_FLIGHT))
}

/// A table as the commands use it: where it lives, its keys, its item model.
pub struct OpenedTable {
    pub cloud: Cloud,
    pub physical: String,
    pub logical: Option<String>,
    pub shape: Shape,
    pub model: Option<ItemModel>,
    /// The command's session (and the emulator started for it), kept while the
    /// table is used.
    _session: Option<Session>,
}

impl OpenedTable {
    pub fn keys(&self) -> Vec<&str> {
        self.shape.key_names()
    }

    /// The type of an attribute: the item model's, else the key schema's.
    pub fn attribute_type(&self, attr: &str) -> Option<AttributeType> {
        if let Some(t) = self
            .model
            .as_ref()
            .and_then(|m| m.attributes.get(attr))
            .map(|a| a.kind)
        {
            return Some(t);
        }
        let key_type = |t: &str| match t {
            "N" => AttributeType::Number,
            "B" => AttributeType::Binary,
            _ => AttributeType::String,
        };
        if self.shape.hash.0 == attr {
            return Some(key_type(&self.shape.hash.1));
        }
        self.shape
            .range
            .as_ref()
            .filter(|r| r.0 == attr)
            .map(|r| key_type(&r.1))
    }
}

pub async fn open(ctx: &Context, name: &str) -> Result<OpenedTable, Failure> {
    let (session, project, target_name) = session::connect(ctx).await?;
    let region = ctx.global.region.as_deref();
    let mut t = open_in(&session.cloud, project.as_ref(), &target_name, region, name).await?;
    t._session = Some(session);
    Ok(t)
}

/// Opens table `name` (logical, else physical) with clients already connected (the
/// console's, which outlive one request).
pub async fn open_in(
    cloud: &Cloud,
    project: Option<&Project>,
    target_name: &str,
    region_flag: Option<&str>,
    name: &str,
) -> Result<OpenedTable, Failure> {
    let (physical, logical, model) = match project {
        Some(p) if p.file.tables.contains_key(name) => {
            let region = region_of(&p.file, target_name, region_flag);
            let namer = Namer::new(&p.file, target_name, region.as_deref());
            (
                namer.table(name),
                Some(name.to_string()),
                p.file.tables[name].items.clone(),
            )
        }
        _ => (name.to_string(), None, None),
    };
    let Some(shape) = shape(&cloud.dynamodb, &physical)
        .await
        .map_err(session::cloud_failure)?
    else {
        let hint = if logical.is_some() {
            "deploy it first: `gatekit deploy`".to_string()
        } else {
            let known: Vec<String> = project
                .map(|p| p.file.tables.keys().cloned().collect())
                .unwrap_or_default();
            if known.is_empty() {
                "name a table of gatekit.yaml, or a physical name on the target (`gatekit table list --all`)".to_string()
            } else {
                format!(
                    "tables of gatekit.yaml: {}; `gatekit table list --all` lists the target's",
                    known.join(", ")
                )
            }
        };
        return Err(Failure::not_found(
            format!("table `{physical}` does not exist on the target"),
            Some(hint),
        ));
    };
    Ok(OpenedTable {
        cloud: cloud.clone(),
        physical,
        logical,
        shape,
        model,
        _session: None,
    })
}

/// A key from `name=value` words or one JSON object, typed by the key schema.
pub fn parse_key(t: &OpenedTable, words: &[String]) -> Result<Item, Failure> {
    let plain: Map<String, Json> = if words.len() == 1 && words[0].trim_start().starts_with('{') {
        serde_json::from_str(&words[0]).map_err(|e| {
            Failure::usage(
                format!("the key is not a JSON object: {e}"),
                "write it as owner=ann id=42, or {\"owner\":\"ann\",\"id\":\"42\"}",
            )
        })?
    } else {
        let mut m = Map::new();
        for w in words {
            let Some((k, v)) = w.split_once('=') else {
                return Err(Failure::usage(
                    format!("`{w}` is not name=value"),
                    "write the key as owner=ann id=42",
                ));
            };
            m.insert(k.to_string(), Json::String(v.to_string()));
        }
        m
    };
    key_from(t, &plain)
}

/// A key from a plain JSON object (values as JSON or as text), typed by the key
/// schema: every key attribute, nothing else.
pub fn key_from(t: &OpenedTable, plain: &Map<String, Json>) -> Result<Item, Failure> {
    let mut key = Map::new();
    for (name, ty) in std::iter::once(&t.shape.hash).chain(t.shape.range.iter()) {
        let Some(v) = plain.get(name) else {
            return Err(Failure::usage(
                format!("the key needs `{name}`"),
                format!(
                    "table `{}` is keyed by {}",
                    t.physical,
                    t.keys().join(" and ")
                ),
            ));
        };
        let text = match v {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        };
        if ty == "N" && text.parse::<f64>().is_err() {
            return Err(Failure::usage(
                format!("`{name}` is a number key, and `{text}` is not a number"),
                "write a number",
            ));
        }
        key.insert(name.clone(), serde_json::json!({ ty.as_str(): text }));
    }
    if let Some(extra) = plain.keys().find(|k| !t.keys().contains(&k.as_str())) {
        return Err(Failure::usage(
            format!("`{extra}` is not part of the key"),
            format!(
                "table `{}` is keyed by {}",
                t.physical,
                t.keys().join(" and ")
            ),
        ));
    }
    Ok(key)
}

/// Where items come from: inline JSON, `@file`, or `-` for stdin.
pub fn read_input(arg: &str) -> Result<String, Failure> {
    if arg == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Failure::runtime(format!("cannot read stdin: {e}"), None))?;
        return Ok(s);
    }
    if let Some(path) = arg.strip_prefix('@') {
        return std::fs::read_to_string(PathBuf::from(path)).map_err(|e| {
            Failure::usage(format!("cannot read {path}: {e}"), "check the path after @")
        });
    }
    Ok(arg.to_string())
}
