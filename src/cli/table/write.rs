//! Writing: put, update, delete, with item models enforced and conditions in the
//! condition language.

use clap::Args;
use serde_json::{Map, Value as Json, json};

use super::{OpenedTable, open, parse_key, read_input};
use crate::cli::{Context, ExitResult, Failure, exit, session};
use crate::cloud::dynamodb::items::{self, Item, UpdateError};
use crate::items::condition::{self, Placeholders};
use crate::items::convert::item_from_dynamo;
use crate::items::model::{self, Violation};
use crate::items::update::{self as update_language, Edits, Target, Update, UpdateFault};

#[derive(Debug, Args)]
pub struct Conditions {
    /// Write only if this condition holds: --if 'version = 3'
    #[arg(long = "if", value_name = "CONDITION")]
    pub condition: Option<String>,
}

#[derive(Debug, Args)]
pub struct PutArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// The item as JSON, @file, or - for stdin (JSON Lines or a JSON array for many)
    pub item: String,
    /// Write only if no item has this key
    #[arg(long)]
    pub if_absent: bool,
    #[command(flatten)]
    pub when: Conditions,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// The key: name=value words, or one JSON object
    #[arg(required = true)]
    pub key: Vec<String>,
    /// Set an attribute: 'title = "new"', 'count = count + 1', 'n = n - 2'
    #[arg(long = "set", value_name = "ASSIGNMENT")]
    pub set: Vec<String>,
    /// Add to a number or a set: 'count 1', 'tags ["a"]'
    #[arg(long = "add", value_name = "PATH VALUE")]
    pub add: Vec<String>,
    /// Remove an attribute (or list element): tags, 'items[0]'
    #[arg(long = "remove", value_name = "PATH")]
    pub remove: Vec<String>,
    /// Delete members from a set: 'tags ["a"]'
    #[arg(long = "delete", value_name = "PATH VALUE")]
    pub delete: Vec<String>,
    /// Update only an item that exists (else: create it from the key)
    #[arg(long)]
    pub if_exists: bool,
    /// A raw DynamoDB UpdateExpression (with --names and --values)
    #[arg(long, conflicts_with_all = ["set", "add", "remove", "delete"])]
    pub update_expression: Option<String>,
    /// ExpressionAttributeNames for the raw expression, as JSON
    #[arg(long)]
    pub names: Option<String>,
    /// ExpressionAttributeValues for the raw expression, as DynamoDB JSON
    #[arg(long)]
    pub values: Option<String>,
    #[command(flatten)]
    pub when: Conditions,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::tables())]
    pub table: String,
    /// The key: name=value words, or one JSON object
    #[arg(required = true)]
    pub key: Vec<String>,
    #[command(flatten)]
    pub when: Conditions,
}

fn violations(what: &str, v: &[Violation]) -> Failure {
    let list: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    Failure::usage(
        format!("{what} breaks the item model: {}", list.join("; ")),
        "fix the item, or the model under `items:` in gatekit.yaml",
    )
}

/// An input item and the line it came from.
pub type Row = (usize, Map<String, Json>);

/// The items of a put: one JSON object, a JSON array, or JSON Lines.
pub fn parse_items(text: &str) -> Result<Vec<Row>, Failure> {
    let trimmed = text.trim_start();
    let bad = |line: usize, e: String| {
        Failure::usage(
            format!("line {line}: not a JSON object: {e}"),
            "write each item as a JSON object, one per line",
        )
    };
    if trimmed.starts_with('[') {
        let list: Vec<Map<String, Json>> =
            serde_json::from_str(trimmed).map_err(|e| bad(e.line(), e.to_string()))?;
        return Ok(list
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i + 1, m))
            .collect());
    }
    if let Ok(one) = serde_json::from_str::<Map<String, Json>>(trimmed) {
        return Ok(vec![(1, one)]);
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push((
            i + 1,
            serde_json::from_str(line).map_err(|e| bad(i + 1, e.to_string()))?,
        ));
    }
    Ok(out)
}

/// Why an item may not be written.
pub enum Unfit {
    /// It breaks the item model, at these attributes.
    Model(Vec<Violation>),
    /// It lacks this key attribute.
    NoKey(String),
}

/// A plain item typed and checked by the table's item model, with its whole key.
pub fn checked(t: &OpenedTable, item: &Map<String, Json>) -> Result<Item, Unfit> {
    let keys = t.keys();
    let item = model::prepare(t.model.as_ref(), &keys, item).map_err(Unfit::Model)?;
    match keys.iter().find(|k| !item.contains_key(**k)) {
        Some(k) => Err(Unfit::NoKey(k.to_string())),
        None => Ok(item),
    }
}

/// The request's ConditionExpression: what gatekit adds (`extra`), and the user's --if.
fn write_condition(
    t: &OpenedTable,
    when: &Conditions,
    extra: impl IntoIterator<Item = String>,
    ph: &mut Placeholders,
) -> Result<Option<String>, Failure> {
    let typer = |a: &str| t.attribute_type(a);
    let mut parts: Vec<String> = extra.into_iter().collect();
    if let Some(c) = &when.condition {
        let cond = condition::parse(c)
            .map_err(|e| Failure::usage(format!("--if: {}", e.message), e.hint))?;
        parts.push(format!("({})", condition::render(&cond, ph, &typer)));
    }
    Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
}

fn conditional(e: crate::cloud::CloudError, what: &str) -> Failure {
    if e.code() == Some("ConditionalCheckFailedException") {
        Failure::runtime(
            format!("{what}: the condition does not hold; nothing was written"),
            None,
        )
    } else {
        session::cloud_failure(e)
    }
}

pub async fn put(ctx: &Context, args: PutArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let text = read_input(&args.item)?;
    let plain = parse_items(&text)?;
    let keys = t.keys();
    let mut prepared = Vec::with_capacity(plain.len());
    for (line, item) in &plain {
        let item = checked(&t, item).map_err(|fault| match fault {
            Unfit::Model(v) => violations(&format!("the item on line {line}"), &v),
            Unfit::NoKey(k) => Failure::usage(
                format!("the item on line {line} has no `{k}`"),
                format!("`{}` is keyed by {}", t.physical, keys.join(" and ")),
            ),
        })?;
        prepared.push(item);
    }
    for item in &prepared {
        let mut ph = Placeholders::default();
        let absent = args
            .if_absent
            .then(|| format!("attribute_not_exists({})", ph.name(&t.shape.hash.0)));
        let cond = write_condition(&t, &args.when, absent, &mut ph)?;
        items::put(&t.cloud.dynamodb, &t.physical, item, cond.as_deref(), &ph)
            .await
            .map_err(|e| {
                conditional(
                    e,
                    if args.if_absent {
                        "put --if-absent: an item with this key exists"
                    } else {
                        "put"
                    },
                )
            })?;
    }
    ctx.printer.result(&json!({ "put": prepared.len() }), || {
        ctx.printer.out(&format!(
            "put {} item(s) into {}",
            prepared.len(),
            t.physical
        ));
    });
    Ok(exit::SUCCESS)
}

pub async fn update(ctx: &Context, args: UpdateArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let key = parse_key(&t, &args.key)?;
    let mut ph = Placeholders::default();
    let keys = t.keys();
    let typer = |attr: &str| t.attribute_type(attr);
    // The raw expression is sent as written; the model holds for the update language.
    let update = match &args.update_expression {
        Some(raw) => raw_update(raw, &args, &mut ph)?,
        None => {
            let edits = Edits {
                set: &args.set,
                add: &args.add,
                remove: &args.remove,
                delete: &args.delete,
            };
            let target = Target {
                model: t.model.as_ref(),
                keys: &keys,
                may_create: !args.if_exists,
            };
            update_language::build(&edits, &target, &typer, &mut ph).map_err(
                |fault| match fault {
                    UpdateFault::Usage(e) => Failure::usage(e.message, e.hint),
                    UpdateFault::Model(v) => violations("the update", &v),
                },
            )?
        }
    };
    let exists = args
        .if_exists
        .then(|| format!("attribute_exists({})", ph.name(&t.shape.hash.0)));
    let guards = update.condition(&mut ph, &typer);
    let cond = write_condition(&t, &args.when, exists.into_iter().chain(guards), &mut ph)?;
    let new = items::update(
        &t.cloud.dynamodb,
        &t.physical,
        &key,
        &update.expression,
        cond.as_deref(),
        &ph,
    )
    .await
    .map_err(|e| match e {
        UpdateError::ConditionFailed { old } => {
            let broken = update.broken(old.as_ref(), &typer);
            if !broken.is_empty() {
                violations("the update", &broken)
            } else if args.if_exists && old.is_none() {
                Failure::runtime(
                    "update --if-exists: there is no item with this key; nothing was written",
                    None,
                )
            } else {
                Failure::runtime(
                    "update: the condition does not hold; nothing was written",
                    None,
                )
            }
        }
        UpdateError::Cloud(e) => session::cloud_failure(e),
    })?;
    crate::render::items::one(&ctx.printer, &item_from_dynamo(&new), &keys);
    Ok(exit::SUCCESS)
}

/// `--update-expression` with its `--names` and `--values`, sent as written.
fn raw_update(raw: &str, args: &UpdateArgs, ph: &mut Placeholders) -> Result<Update, Failure> {
    if let Some(n) = &args.names {
        let m: Map<String, Json> = serde_json::from_str(n)
            .map_err(|e| Failure::usage(format!("--names: {e}"), "a JSON object"))?;
        ph.names.extend(
            m.into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string())),
        );
    }
    if let Some(v) = &args.values {
        let m: Map<String, Json> = serde_json::from_str(v).map_err(|e| {
            Failure::usage(format!("--values: {e}"), "a JSON object of DynamoDB JSON")
        })?;
        ph.values.extend(m);
    }
    Ok(Update {
        expression: raw.to_string(),
        guards: Vec::new(),
    })
}

pub async fn delete(ctx: &Context, args: DeleteArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let key = parse_key(&t, &args.key)?;
    let mut ph = Placeholders::default();
    let cond = write_condition(&t, &args.when, None, &mut ph)?;
    let old: Option<Item> =
        items::delete(&t.cloud.dynamodb, &t.physical, &key, cond.as_deref(), &ph)
            .await
            .map_err(|e| conditional(e, "delete"))?;
    match old {
        Some(item) => {
            ctx.printer
                .result(&json!({ "deleted": item_from_dynamo(&item) }), || {
                    ctx.printer
                        .out(&format!("deleted {}", Json::Object(item_from_dynamo(&key))));
                });
        }
        None => {
            ctx.printer.result(&json!({ "deleted": null }), || {
                ctx.printer.out(&format!(
                    "no item with key {}; nothing deleted",
                    Json::Object(item_from_dynamo(&key))
                ));
            });
        }
    }
    Ok(exit::SUCCESS)
}
