//! Reading: list, describe, get, query, scan, count.

use clap::Args;
use serde_json::{Map, Value as Json, json};

use super::{OpenedTable, TableName, open, parse_key};
use crate::cli::{Context, ExitResult, Failure, exit, session};
use crate::cloud::dynamodb::items::{self, Item, Read};
use crate::items::condition::{self, Placeholders};
use crate::items::convert::item_from_dynamo;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Every table on the target, not only the project's
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// The key: name=value words, or one JSON object
    #[arg(required = true)]
    pub key: Vec<String>,
    /// Only these attributes (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub attrs: Vec<String>,
    /// Show DynamoDB JSON instead of plain JSON
    #[arg(long)]
    pub raw: bool,
}

/// What query, scan and count share: filters, projections, raw expressions.
#[derive(Debug, Args)]
pub struct Shared {
    /// A filter in the condition language: --where 'status = "open"'
    #[arg(long = "where", value_name = "CONDITION")]
    pub filter: Option<String>,
    /// Read this index instead of the table
    #[arg(long)]
    pub index: Option<String>,
    /// Only these attributes (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub attrs: Vec<String>,
    /// A raw DynamoDB FilterExpression (with --names and --values)
    #[arg(long = "filter", value_name = "EXPRESSION", conflicts_with = "filter")]
    pub filter_expression: Option<String>,
    /// ExpressionAttributeNames for raw expressions, as JSON
    #[arg(long)]
    pub names: Option<String>,
    /// ExpressionAttributeValues for raw expressions, as DynamoDB JSON
    #[arg(long)]
    pub values: Option<String>,
}

#[derive(Debug, Args)]
pub struct Paging {
    /// Items per page (default 25 for people; every item with --all)
    #[arg(long)]
    pub limit: Option<i32>,
    /// Read every page
    #[arg(long)]
    pub all: bool,
    /// Continue after this key (the JSON printed by the previous page)
    #[arg(long)]
    pub start: Option<String>,
    /// Show DynamoDB JSON instead of plain JSON
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// A PartiQL statement; a table of gatekit.yaml may be named by its logical name
    pub statement: String,
    /// Values for the statement's `?`s, in order: a JSON array (plain JSON, or
    /// DynamoDB JSON with --raw)
    #[arg(long, value_name = "JSON")]
    pub params: Option<String>,
    /// Items evaluated per page (DynamoDB's Limit)
    #[arg(long)]
    pub limit: Option<i32>,
    /// Read every page
    #[arg(long)]
    pub all: bool,
    /// Continue from this page token (printed by the previous page)
    #[arg(long, value_name = "TOKEN")]
    pub next: Option<String>,
    /// Show (and take --params as) DynamoDB JSON instead of plain JSON
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// The key condition: 'owner = "ann" and id begins_with "2024-"'
    #[arg(required_unless_present = "key_condition")]
    pub condition: Option<String>,
    /// Newest first: sort keys descending
    #[arg(long)]
    pub desc: bool,
    /// A raw DynamoDB KeyConditionExpression (with --names and --values)
    #[arg(long, conflicts_with = "condition")]
    pub key_condition: Option<String>,
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// Read with N parallel segments
    #[arg(long, default_value_t = 1, value_parser = super::segments())]
    pub parallel: i32,
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Args)]
pub struct CountArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// A key condition; without one, the whole table is counted
    pub condition: Option<String>,
    #[command(flatten)]
    pub shared: Shared,
}

fn fail_condition(e: condition::ConditionError, what: &str) -> Failure {
    Failure::usage(format!("{what}: {}", e.message), e.hint)
}

/// The project's tables (every table of the target with `all`, or without a
/// project) with status, item count, size and keys; one not deployed says so.
pub async fn list_rows(
    cloud: &crate::cloud::Cloud,
    project: Option<&crate::project::Project>,
    target_name: &str,
    all: bool,
) -> Result<Vec<Json>, Failure> {
    let mut rows = Vec::new();
    let logical_of = |physical: &str| -> Option<String> {
        let p = project?;
        let namer = crate::project::resolve::Namer::new(&p.file, target_name, None);
        p.file
            .tables
            .keys()
            .find(|t| namer.table(t) == physical)
            .cloned()
    };
    let names: Vec<String> = if all || project.is_none() {
        items::list_tables(&cloud.dynamodb)
            .await
            .map_err(session::cloud_failure)?
    } else {
        let p = project.map(|p| &p.file);
        let namer = p.map(|f| crate::project::resolve::Namer::new(f, target_name, None));
        p.map(|f| {
            f.tables
                .keys()
                .filter_map(|t| namer.as_ref().map(|n| n.table(t)))
                .collect()
        })
        .unwrap_or_default()
    };
    for name in names {
        let shape = items::shape(&cloud.dynamodb, &name)
            .await
            .map_err(session::cloud_failure)?;
        let row = match shape {
            Some(s) => json!({
                "name": logical_of(&name), "physical_name": name, "status": s.status,
                "item_count": s.item_count, "size_bytes": s.size_bytes,
                "partition_key": format!("{}:{}", s.hash.0, s.hash.1),
                "sort_key": s.range.as_ref().map(|r| format!("{}:{}", r.0, r.1)),
                "indexes": s.indexes.iter().map(|i| i.0.as_str()).collect::<Vec<_>>(),
            }),
            None => {
                json!({ "name": logical_of(&name), "physical_name": name, "status": "NOT DEPLOYED" })
            }
        };
        rows.push(row);
    }
    Ok(rows)
}

pub async fn list(ctx: &Context, args: ListArgs) -> ExitResult {
    let (cloud, project, target_name) = crate::cli::session::connect(ctx).await?;
    let rows = list_rows(&cloud, project.as_ref(), &target_name, args.all).await?;
    ctx.printer.result(&rows, || {
        let mut t =
            ctx.printer
                .table(&["table", "physical name", "status", "items", "size", "keys"]);
        for r in &rows {
            let keys = match (&r["partition_key"], &r["sort_key"]) {
                (Json::String(p), Json::String(s)) => format!("{p}, {s}"),
                (Json::String(p), _) => p.clone(),
                _ => "-".into(),
            };
            let text = |v: &Json| match v {
                Json::Null => "-".to_string(),
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            t.add_row(vec![
                text(&r["name"]),
                text(&r["physical_name"]),
                text(&r["status"]),
                text(&r["item_count"]),
                text(&r["size_bytes"]),
                keys,
            ]);
        }
        ctx.printer.out(&t.to_string());
    });
    Ok(exit::SUCCESS)
}

pub async fn describe(ctx: &Context, args: TableName) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let d = description(&t).await?;
    ctx.printer.result(&d, || {
        crate::render::describe::table_description(&ctx.printer, &d)
    });
    Ok(exit::SUCCESS)
}

/// A table's description with its logical name, TTL, tags and item model.
pub async fn description(t: &OpenedTable) -> Result<Json, Failure> {
    let arn = t.shape.description["arn"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let (ttl, tags) = items::ttl_and_tags(&t.cloud.dynamodb, &t.physical, &arn)
        .await
        .map_err(session::cloud_failure)?;
    let mut d = t.shape.description.clone();
    d["logical_name"] = json!(t.logical);
    d["ttl"] = json!(ttl);
    d["tags"] = Json::Object(
        tags.into_iter()
            .map(|(k, v)| (k, Json::String(v)))
            .collect(),
    );
    d["item_model"] = serde_json::to_value(&t.model)
        .map(without_nulls)
        .unwrap_or(Json::Null);
    Ok(d)
}

/// The item model as gatekit.yaml says it: rules not given are left out.
fn without_nulls(model: Json) -> Json {
    let mut model = model;
    for spec in model["attributes"].as_object_mut().into_iter().flatten() {
        if let Some(rules) = spec.1.as_object_mut() {
            rules.retain(|_, v| !v.is_null());
        }
    }
    model
}

fn projection(attrs: &[String], ph: &mut Placeholders) -> Option<String> {
    (!attrs.is_empty()).then(|| {
        attrs
            .iter()
            .map(|a| ph.name(a))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn shown(item: &Item, raw: bool) -> Map<String, Json> {
    if raw {
        item.clone()
    } else {
        item_from_dynamo(item)
    }
}

pub async fn get(ctx: &Context, args: GetArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let key = parse_key(&t, &args.key)?;
    let mut ph = Placeholders::default();
    let proj = projection(&args.attrs, &mut ph);
    let found = items::get(&t.cloud.dynamodb, &t.physical, &key, proj.as_deref(), &ph)
        .await
        .map_err(session::cloud_failure)?;
    match found {
        Some(item) => {
            crate::render::items::one(&ctx.printer, &shown(&item, args.raw), &t.keys());
            Ok(exit::SUCCESS)
        }
        None => Err(Failure::not_found(
            format!(
                "no item in `{}` with key {}",
                t.physical,
                Json::Object(item_from_dynamo(&key))
            ),
            None,
        )),
    }
}

/// The conditions parse before any call: a mistake in them is found without the
/// network (and before the table is looked up).
fn parse_first(shared: &Shared, key_condition: Option<&String>) -> Result<(), Failure> {
    if let Some(w) = &shared.filter {
        condition::parse(w).map_err(|e| fail_condition(e, "--where"))?;
    }
    if let Some(c) = key_condition {
        condition::parse(c).map_err(|e| fail_condition(e, "the key condition"))?;
    }
    Ok(())
}

/// Placeholders and filter from --where or the raw flags.
fn filter(
    t: &OpenedTable,
    shared: &Shared,
    ph: &mut Placeholders,
) -> Result<Option<String>, Failure> {
    if let Some(w) = &shared.filter {
        return where_filter(t, w, ph).map(Some);
    }
    Ok(shared.filter_expression.clone())
}

/// A filter in the condition language (`--where`) as a FilterExpression.
pub fn where_filter(t: &OpenedTable, text: &str, ph: &mut Placeholders) -> Result<String, Failure> {
    let typer = |a: &str| t.attribute_type(a);
    let c = condition::parse(text).map_err(|e| fail_condition(e, "--where"))?;
    Ok(condition::render(&c, ph, &typer))
}

/// A key condition in the condition language, on the table or on one of its
/// indexes, as a KeyConditionExpression.
pub fn key_condition(
    t: &OpenedTable,
    text: &str,
    index: Option<&str>,
    ph: &mut Placeholders,
) -> Result<String, Failure> {
    let typer = |a: &str| t.attribute_type(a);
    let cond = condition::parse(text).map_err(|e| fail_condition(e, "the key condition"))?;
    let Some((hash, range)) = t.shape.keys_of(index) else {
        return Err(Failure::usage(
            format!(
                "table `{}` has no index `{}`",
                t.physical,
                index.unwrap_or_default()
            ),
            "`gatekit table describe` lists its indexes",
        ));
    };
    condition::key_condition(&cond, &hash, range.as_deref(), ph, &typer)
        .map_err(|e| fail_condition(e, "the key condition"))
}

/// Adds the raw --names and --values to the placeholders.
fn raw_placeholders(shared: &Shared, ph: &mut Placeholders) -> Result<(), Failure> {
    if let Some(n) = &shared.names {
        let m: Map<String, Json> = serde_json::from_str(n).map_err(|e| {
            Failure::usage(
                format!("--names is not a JSON object: {e}"),
                "write --names '{\"#s\": \"status\"}'",
            )
        })?;
        for (k, v) in m {
            ph.names
                .insert(k, v.as_str().unwrap_or_default().to_string());
        }
    }
    if let Some(v) = &shared.values {
        let m: Map<String, Json> = serde_json::from_str(v).map_err(|e| {
            Failure::usage(
                format!("--values is not a JSON object: {e}"),
                "write --values '{\":s\": {\"S\": \"open\"}}'",
            )
        })?;
        ph.values.extend(m);
    }
    Ok(())
}

/// Reads pages and prints them; a person gets one page and a hint to go on.
async fn run_read(
    ctx: &Context,
    t: &OpenedTable,
    mut read: Read,
    paging: &Paging,
    segments: i32,
) -> ExitResult {
    if paging.limit.is_none() && !paging.all {
        read.limit = Some(25);
    } else {
        read.limit = paging.limit;
    }
    let start: Option<Item> = match &paging.start {
        Some(s) => Some(serde_json::from_str(s).map_err(|e| {
            Failure::usage(
                format!("--start is not a JSON key: {e}"),
                "pass the key printed by the previous page",
            )
        })?),
        None => None,
    };
    let keys = t.keys();
    let mut all_items = Vec::new();
    let mut last = None;
    let stream = paging.all && ctx.printer.streams_json();
    let segs = segments.max(1);
    let in_flight = super::segments_in_flight();
    let mut set = tokio::task::JoinSet::new();
    for s in 0..segs {
        let mut r = read.clone();
        if segs > 1 {
            r.segment = Some((s, segs));
        }
        let (client, all, start) = (t.cloud.dynamodb.clone(), paging.all, start.clone());
        let in_flight = in_flight.clone();
        set.spawn(async move {
            let _turn = in_flight.acquire_owned().await;
            let mut items = Vec::new();
            let mut next = start;
            loop {
                let page = items::page(&client, &r, next).await?;
                items.extend(page.items);
                next = page.last_key;
                if !all || next.is_none() {
                    return Ok::<_, crate::cloud::CloudError>((items, next));
                }
            }
        });
    }
    while let Some(done) = set.join_next().await {
        let (items, next) = done
            .map_err(|e| Failure::runtime(format!("a read failed: {e}"), None))?
            .map_err(session::cloud_failure)?;
        if stream {
            for i in &items {
                crate::render::items::line(&ctx.printer, &Json::Object(shown(i, paging.raw)));
            }
        } else {
            all_items.extend(items);
        }
        if next.is_some() {
            last = next;
        }
    }
    if stream {
        return Ok(exit::SUCCESS);
    }
    let shown_items: Vec<Map<String, Json>> =
        all_items.iter().map(|i| shown(i, paging.raw)).collect();
    ctx.printer.result(
        &json!({ "items": shown_items, "count": shown_items.len(), "next": last }),
        || {
            crate::render::items::table(&ctx.printer, &shown_items, &keys);
            ctx.printer.out(&format!("{} item(s)", shown_items.len()));
            if let Some(k) = last {
                ctx.printer.note(&format!(
                    "more: add --start '{}' for the next page, or --all for every item",
                    Json::Object(k)
                ));
            }
        },
    );
    Ok(exit::SUCCESS)
}

pub async fn query(ctx: &Context, args: QueryArgs) -> ExitResult {
    parse_first(&args.shared, args.condition.as_ref())?;
    let t = open(ctx, &args.table).await?;
    let mut ph = Placeholders::default();
    raw_placeholders(&args.shared, &mut ph)?;
    let key_condition = match (&args.condition, &args.key_condition) {
        (Some(c), _) => key_condition(&t, c, args.shared.index.as_deref(), &mut ph)?,
        (None, Some(raw)) => raw.clone(),
        (None, None) => {
            return Err(Failure::usage(
                "query needs a key condition",
                "write `gatekit table query T 'owner = \"ann\"'`",
            ));
        }
    };
    let read = Read {
        table: t.physical.clone(),
        index: args.shared.index.clone(),
        key_condition: Some(key_condition),
        filter: filter(&t, &args.shared, &mut ph)?,
        projection: projection(&args.shared.attrs, &mut ph),
        placeholders: ph,
        descending: args.desc,
        ..Read::default()
    };
    run_read(ctx, &t, read, &args.paging, 1).await
}

/// `table sql`: the statement's table is opened as every `table` command opens it
/// (its logical name becomes its physical one), and its rows are shown as `query`
/// shows items.
pub async fn sql(ctx: &Context, args: SqlArgs) -> ExitResult {
    use crate::aws::partiql::{Tok, table_token};
    let Some(token) = table_token(&args.statement) else {
        return Err(Failure::usage(
            "the statement names no table",
            "write SELECT … FROM T, INSERT INTO T VALUE {…}, UPDATE T SET … WHERE …, or DELETE FROM T WHERE …",
        ));
    };
    let (Tok::Word(name) | Tok::Quoted(name)) = &token.tok else {
        return Err(Failure::usage(
            "the statement names no table",
            "name a table after FROM, INTO or UPDATE",
        ));
    };
    let params: Vec<Json> = match &args.params {
        None => Vec::new(),
        Some(text) => {
            let list: Vec<Json> = serde_json::from_str(text).map_err(|e| {
                Failure::usage(
                    format!("--params is not a JSON array: {e}"),
                    r#"write --params '["ann", 3]'"#,
                )
            })?;
            if args.raw {
                list
            } else {
                list.iter().map(crate::items::convert::infer).collect()
            }
        }
    };
    let t = open(ctx, name).await?;
    let quoted = format!("\"{}\"", t.physical.replace('"', "\"\""));
    let statement = format!(
        "{}{quoted}{}",
        &args.statement[..token.start],
        &args.statement[token.end..]
    );
    let keys = t.keys();
    let mut rows = Vec::new();
    let mut next = args.next.clone();
    loop {
        let page =
            items::execute_statement(&t.cloud.dynamodb, &statement, &params, args.limit, next)
                .await
                .map_err(session::cloud_failure)?;
        rows.extend(page.items);
        next = page.next_token;
        if !args.all || next.is_none() {
            break;
        }
    }
    let shown_items: Vec<Map<String, Json>> = rows.iter().map(|i| shown(i, args.raw)).collect();
    ctx.printer.result(
        &json!({ "items": shown_items, "count": shown_items.len(), "next": next }),
        || {
            crate::render::items::table(&ctx.printer, &shown_items, &keys);
            ctx.printer.out(&format!("{} item(s)", shown_items.len()));
            if let Some(n) = &next {
                ctx.printer.note(&format!(
                    "more: add --next '{n}' for the next page, or --all for every item"
                ));
            }
        },
    );
    Ok(exit::SUCCESS)
}

pub async fn scan(ctx: &Context, args: ScanArgs) -> ExitResult {
    parse_first(&args.shared, None)?;
    let t = open(ctx, &args.table).await?;
    let mut ph = Placeholders::default();
    raw_placeholders(&args.shared, &mut ph)?;
    let read = Read {
        table: t.physical.clone(),
        index: args.shared.index.clone(),
        filter: filter(&t, &args.shared, &mut ph)?,
        projection: projection(&args.shared.attrs, &mut ph),
        placeholders: ph,
        ..Read::default()
    };
    run_read(ctx, &t, read, &args.paging, args.parallel).await
}

pub async fn count(ctx: &Context, args: CountArgs) -> ExitResult {
    parse_first(&args.shared, args.condition.as_ref())?;
    let t = open(ctx, &args.table).await?;
    let mut ph = Placeholders::default();
    raw_placeholders(&args.shared, &mut ph)?;
    let key_condition = match &args.condition {
        Some(c) => Some(key_condition(&t, c, args.shared.index.as_deref(), &mut ph)?),
        None => None,
    };
    let read = Read {
        table: t.physical.clone(),
        index: args.shared.index.clone(),
        key_condition,
        filter: filter(&t, &args.shared, &mut ph)?,
        placeholders: ph,
        count_only: true,
        ..Read::default()
    };
    let mut total = 0i64;
    let mut next = None;
    loop {
        let page = items::page(&t.cloud.dynamodb, &read, next)
            .await
            .map_err(session::cloud_failure)?;
        total += page.count as i64;
        next = page.last_key;
        if next.is_none() {
            break;
        }
    }
    ctx.printer.result(&json!({ "count": total }), || {
        ctx.printer.out(&total.to_string());
    });
    Ok(exit::SUCCESS)
}
