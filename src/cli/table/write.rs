//! Writing: put, update, delete, with item models enforced and conditions in the
//! condition language.

use clap::Args;
use serde_json::{Map, Value as Json, json};

use super::{OpenedTable, open, parse_key, read_input};
use crate::cli::{Context, ExitResult, Failure, exit, session};
use crate::cloud::dynamodb::items::{self, Item};
use crate::items::condition::{self, Placeholders, typed};
use crate::items::convert::item_from_dynamo;
use crate::items::model::{self, Violation};

#[derive(Debug, Args)]
pub struct Conditions {
    /// Write only if this condition holds: --if 'version = 3'
    #[arg(long = "if", value_name = "CONDITION")]
    pub condition: Option<String>,
}

#[derive(Debug, Args)]
pub struct PutArgs {
    /// The table: logical name in gatekit.yaml, or physical name on the target
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

fn write_condition(
    t: &OpenedTable,
    when: &Conditions,
    extra: Option<String>,
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
        let item = model::prepare(t.model.as_ref(), &keys, item)
            .map_err(|v| violations(&format!("the item on line {line}"), &v))?;
        for k in &keys {
            if !item.contains_key(*k) {
                return Err(Failure::usage(
                    format!("the item on line {line} has no `{k}`"),
                    format!("`{}` is keyed by {}", t.physical, keys.join(" and ")),
                ));
            }
        }
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

/// `path value` of --add and --delete: the path, then a JSON value.
fn path_and_value(spec: &str) -> Result<(String, Json), Failure> {
    let spec = spec.trim();
    let split = spec.find(char::is_whitespace).ok_or_else(|| {
        Failure::usage(
            format!("`{spec}` needs a path and a value"),
            "write it like 'count 1' or 'tags [\"a\"]'",
        )
    })?;
    let (path, value) = spec.split_at(split);
    let value: Json = serde_json::from_str(value.trim()).map_err(|e| {
        Failure::usage(
            format!("the value in `{spec}` is not JSON: {e}"),
            "strings need quotes: 'tags [\"a\"]'",
        )
    })?;
    Ok((path.to_string(), value))
}

fn path_expr(path: &str, ph: &mut Placeholders) -> Result<String, Failure> {
    // The condition language's paths: parse `path exists` and render its path.
    let cond = condition::parse(&format!("{path} exists")).map_err(|e| {
        Failure::usage(
            format!("`{path}` is not an attribute path: {}", e.message),
            "write names like title, doc.items[0]",
        )
    })?;
    match cond {
        condition::Cond::Exists(p) => Ok(ph.path(&p)),
        _ => Err(Failure::usage(
            format!("`{path}` is not an attribute path"),
            "write names like title, doc.items[0]",
        )),
    }
}

/// `path + 1` or `path - 2.5`: the path, the operator and the number.
fn arithmetic(rhs: &str) -> Option<(String, &'static str, Json)> {
    let re = regex::Regex::new(r"^(.+?)\s*([+-])\s*([0-9][0-9.eE+-]*)$").ok()?;
    let c = re.captures(rhs)?;
    let n: Json = serde_json::from_str(&c[3]).ok()?;
    let op = if &c[2] == "+" { "+" } else { "-" };
    Some((c[1].trim().to_string(), op, n))
}

/// The type of an ADD or DELETE value: the model's, else a set inferred from the
/// list's members (ADD and DELETE take numbers and sets, never lists).
fn set_type(
    t: &OpenedTable,
    path: &str,
    value: &Json,
) -> Option<crate::project::model::AttributeType> {
    use crate::project::model::AttributeType as T;
    t.attribute_type(&top_name(path))
        .or_else(|| match value.as_array() {
            Some(items) if !items.is_empty() && items.iter().all(Json::is_number) => {
                Some(T::NumberSet)
            }
            Some(items) if !items.is_empty() && items.iter().all(Json::is_string) => {
                Some(T::StringSet)
            }
            _ => None,
        })
}

fn top_name(path: &str) -> String {
    path.split(['.', '['])
        .next()
        .unwrap_or(path)
        .trim()
        .trim_matches('`')
        .to_string()
}

pub async fn update(ctx: &Context, args: UpdateArgs) -> ExitResult {
    let t = open(ctx, &args.table).await?;
    let key = parse_key(&t, &args.key)?;
    let mut ph = Placeholders::default();
    let keys = t.keys();
    let expression = match &args.update_expression {
        Some(raw) => {
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
            raw.clone()
        }
        None => {
            let mut sets = Vec::new();
            // What the update writes, checked against the model before sending.
            let mut written: Map<String, Json> = Map::new();
            for s in &args.set {
                let Some((path, rhs)) = s.split_once('=') else {
                    return Err(Failure::usage(
                        format!("--set `{s}` has no `=`"),
                        "write --set 'title = \"new\"'",
                    ));
                };
                let (path, rhs) = (path.trim(), rhs.trim());
                let lhs = path_expr(path, &mut ph)?;
                let ty = t.attribute_type(&top_name(path));
                // A JSON value, else `other + 1` / `other - 1`.
                let arith = serde_json::from_str::<Json>(rhs)
                    .is_err()
                    .then(|| arithmetic(rhs))
                    .flatten();
                if let Some((left, op, n)) = arith {
                    let src = path_expr(&left, &mut ph)?;
                    let v = ph.value(typed(
                        &n,
                        Some(crate::project::model::AttributeType::Number),
                    ));
                    sets.push(format!("{lhs} = {src} {op} {v}"));
                } else {
                    let value: Json = serde_json::from_str(rhs).map_err(|e| {
                        Failure::usage(
                            format!("the value of --set `{s}` is not JSON: {e}"),
                            "strings need quotes: --set 'title = \"new\"'",
                        )
                    })?;
                    let av = typed(&value, ty);
                    if !path.contains(['.', '[']) {
                        written.insert(top_name(path), av.clone());
                    }
                    let v = ph.value(av);
                    sets.push(format!("{lhs} = {v}"));
                }
            }
            let mut adds = Vec::new();
            for a in &args.add {
                let (path, value) = path_and_value(a)?;
                let lhs = path_expr(&path, &mut ph)?;
                let v = ph.value(typed(&value, set_type(&t, &path, &value)));
                adds.push(format!("{lhs} {v}"));
            }
            let mut deletes = Vec::new();
            for d in &args.delete {
                let (path, value) = path_and_value(d)?;
                let lhs = path_expr(&path, &mut ph)?;
                let v = ph.value(typed(&value, set_type(&t, &path, &value)));
                deletes.push(format!("{lhs} {v}"));
            }
            let mut removes = Vec::new();
            for r in &args.remove {
                let name = top_name(r);
                if t.model
                    .as_ref()
                    .and_then(|m| m.attributes.get(&name))
                    .is_some_and(|a| a.required == Some(true))
                    && !r.contains(['.', '['])
                {
                    return Err(violations(
                        "the update",
                        &[Violation {
                            attribute: name.clone(),
                            rule: "required",
                            message: format!("`{name}` is required and cannot be removed"),
                        }],
                    ));
                }
                removes.push(path_expr(r, &mut ph)?);
            }
            if let Some(m) = &t.model {
                let v = model::check_present(m, &keys, &written);
                if !v.is_empty() {
                    return Err(violations("the update", &v));
                }
            }
            let mut clauses = Vec::new();
            if !sets.is_empty() {
                clauses.push(format!("SET {}", sets.join(", ")));
            }
            if !removes.is_empty() {
                clauses.push(format!("REMOVE {}", removes.join(", ")));
            }
            if !adds.is_empty() {
                clauses.push(format!("ADD {}", adds.join(", ")));
            }
            if !deletes.is_empty() {
                clauses.push(format!("DELETE {}", deletes.join(", ")));
            }
            if clauses.is_empty() {
                return Err(Failure::usage(
                    "the update changes nothing",
                    "give --set, --add, --remove or --delete",
                ));
            }
            clauses.join(" ")
        }
    };
    let exists = args
        .if_exists
        .then(|| format!("attribute_exists({})", ph.name(&t.shape.hash.0)));
    let cond = write_condition(&t, &args.when, exists, &mut ph)?;
    let new = items::update(
        &t.cloud.dynamodb,
        &t.physical,
        &key,
        &expression,
        cond.as_deref(),
        &ph,
    )
    .await
    .map_err(|e| conditional(e, "update"))?;
    crate::render::items::one(&ctx.printer, &item_from_dynamo(&new), &keys);
    Ok(exit::SUCCESS)
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
