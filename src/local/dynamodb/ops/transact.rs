//! TransactWriteItems and TransactGetItems: all or nothing, with CancellationReasons
//! and ClientRequestToken idempotency.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json, json};

use super::capacity::{self, Consumed};
use super::item::{check_condition, condition, projection, updated_item};
use super::{OpContext, check_item_limits};
use crate::local::dynamodb::error::{DResult, DynamoError, ErrorKind};
use crate::local::dynamodb::expr::ast::{Condition, UpdateAction};
use crate::local::dynamodb::expr::eval::project;
use crate::local::dynamodb::expr::{self, Env, ExprKind};
use crate::local::dynamodb::request::{Request, constraint};
use crate::local::dynamodb::schema::TableMeta;
use crate::local::dynamodb::store::{decode_item, stored_size};
use crate::local::dynamodb::value::{Item, item_size, item_to_json};

const MAX_ITEMS: usize = 100;
const MAX_BYTES: usize = 4 * 1024 * 1024;
/// How long a ClientRequestToken is remembered.
const TOKEN_TTL: Duration = Duration::from_secs(600);

/// Tokens seen recently: token -> (request fingerprint, when, response).
#[derive(Default)]
pub struct Tokens(Mutex<HashMap<String, (u64, Instant, Json)>>);

fn fingerprint(v: &Json) -> u64 {
    let text = v.to_string();
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

enum Action {
    Check,
    Put(Item),
    Delete,
    Update(Vec<UpdateAction>, Item),
}

struct Prepared {
    table: String,
    key: Vec<u8>,
    /// A key of the wrong type: AWS cancels the transaction with this item's
    /// ValidationError reason instead of refusing the request.
    invalid: Option<String>,
    env: Env,
    cond: Option<Condition>,
    action: Action,
    old_on_fail: bool,
}

/// What AWS checks of every item before it looks up any table: the item's shape,
/// its values, its expressions and their placeholders, in request order.
fn precheck(entry: &Json) -> DResult<()> {
    let obj = entry.as_object().cloned().unwrap_or_default();
    let kinds: Vec<&String> = obj.keys().filter(|k| !obj[*k].is_null()).collect();
    if kinds.len() != 1 {
        return Ok(());
    }
    let kind = kinds[0].clone();
    let req = Request::from_object(obj[&kind].as_object().cloned().unwrap_or_default());
    req.table_name()?;
    let (exprs, update): (&[&str], Option<Vec<UpdateAction>>) = match kind.as_str() {
        "Put" => {
            req.required_item("Item")?;
            (&["ConditionExpression"], None)
        }
        "Update" => {
            req.required_item("Key")?;
            let src = req.required_str("UpdateExpression")?;
            (
                &["ConditionExpression", "UpdateExpression"],
                Some(expr::parse_update(src)?),
            )
        }
        "ConditionCheck" | "Delete" => {
            req.required_item("Key")?;
            (&["ConditionExpression"], None)
        }
        _ => return Ok(()),
    };
    let env = req.env(exprs)?;
    if let Some(actions) = &update {
        env.bind_update(actions)?;
    }
    condition(&req, &env, "ConditionExpression", ExprKind::Condition)?;
    env.check_unused()
}

fn prepare(ctx: &OpContext<'_>, entry: &Json) -> DResult<Prepared> {
    let obj = entry.as_object().cloned().unwrap_or_default();
    let kinds: Vec<&String> = obj.keys().filter(|k| !obj[*k].is_null()).collect();
    if kinds.len() != 1 {
        return Err(DynamoError::validation(
            "TransactItems can only contain one of Check, Put, Update or Delete",
        ));
    }
    let kind = kinds[0].clone();
    let req = Request::from_object(obj[&kind].as_object().cloned().unwrap_or_default());
    let table = req.table_name()?.to_string();
    let meta = ctx.items_table(&table)?;
    // A key of the wrong type (or shape) is the item's cancellation reason; an
    // empty key value stays the request's error.
    let mut invalid = None;
    let mut key_of = |r: DResult<Vec<u8>>| -> DResult<Vec<u8>> {
        match r {
            Err(e)
                if e.message.contains("Type mismatch for key")
                    || e.message == "The provided key element does not match the schema" =>
            {
                invalid = Some(e.message);
                Ok(Vec::new())
            }
            other => other,
        }
    };
    let (exprs, key, action): (&[&str], Vec<u8>, Action) = match kind.as_str() {
        "ConditionCheck" => {
            let key_item = req.required_item("Key")?;
            if !req.has("ConditionExpression") {
                return Err(constraint(
                    "null",
                    "transactItems.member.conditionCheck.conditionExpression",
                    "Member must not be null",
                ));
            }
            (
                &["ConditionExpression"],
                key_of(meta.exact_key(&key_item))?,
                Action::Check,
            )
        }
        "Put" => {
            let item = req.required_item("Item")?;
            check_item_limits(&meta, &item)?;
            (
                &["ConditionExpression"],
                key_of(meta.item_key(&item))?,
                Action::Put(item),
            )
        }
        "Delete" => {
            let key_item = req.required_item("Key")?;
            (
                &["ConditionExpression"],
                key_of(meta.exact_key(&key_item))?,
                Action::Delete,
            )
        }
        "Update" => {
            let key_item = req.required_item("Key")?;
            let src = req.required_str("UpdateExpression")?;
            let actions = expr::parse_update(src)?;
            (
                &["ConditionExpression", "UpdateExpression"],
                key_of(meta.exact_key(&key_item))?,
                Action::Update(actions, key_item),
            )
        }
        other => {
            return Err(DynamoError::new(
                ErrorKind::SerializationFailure,
                format!("Unknown member of TransactItems: {other}"),
            ));
        }
    };
    let env = req.env(exprs)?;
    if let Action::Update(actions, _) = &action {
        env.bind_update(actions)?;
    }
    let cond = condition(&req, &env, "ConditionExpression", ExprKind::Condition)?;
    env.check_unused()?;
    let old_on_fail = req.str("ReturnValuesOnConditionCheckFailure")? == Some("ALL_OLD");
    Ok(Prepared {
        table,
        key,
        invalid,
        env,
        cond,
        action,
        old_on_fail,
    })
}

/// TransactionCanceledException with each item's reason, in order.
fn cancelled(reasons: Vec<Json>) -> DynamoError {
    let codes: Vec<&str> = reasons
        .iter()
        .map(|r| r["Code"].as_str().unwrap_or("None"))
        .collect();
    DynamoError::new(
        ErrorKind::TransactionCanceled,
        format!(
            "Transaction cancelled, please refer cancellation reasons for specific reasons [{}]",
            codes.join(", ")
        ),
    )
    .with_extra(json!({ "CancellationReasons": reasons }))
}

/// 1 to 100 items, in AWS's words.
fn check_count(entries: &[Json]) -> DResult<()> {
    let bound = if entries.is_empty() {
        "greater than or equal to 1"
    } else if entries.len() > MAX_ITEMS {
        "less than or equal to 100"
    } else {
        return Ok(());
    };
    Err(DynamoError::validation(format!(
        "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must have length {bound}"
    )))
}

pub async fn transact_write(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let entries = req.array("TransactItems")?.cloned().unwrap_or_default();
    check_count(&entries)?;
    let body_size: usize = entries.iter().map(|e| e.to_string().len()).sum();
    if body_size > MAX_BYTES {
        return Err(DynamoError::validation(
            "Transaction request size exceeded the maximum allowed size of 4 MB",
        ));
    }
    let token = req.str("ClientRequestToken")?.map(str::to_string);
    let print = fingerprint(&Json::Array(entries.clone()));
    if let Some(t) = &token {
        let mut tokens = ctx
            .tokens
            .0
            .lock()
            .map_err(|_| DynamoError::internal("token table poisoned"))?;
        tokens.retain(|_, (_, at, _)| at.elapsed() < TOKEN_TTL);
        if let Some((p, _, response)) = tokens.get(t) {
            if *p != print {
                return Err(DynamoError::new(
                    ErrorKind::IdempotentParameterMismatch,
                    "Request with same client token was already completed, but with different parameters",
                ));
            }
            return Ok(response.clone());
        }
    }
    for e in &entries {
        precheck(e)?;
    }
    let mut prepared = Vec::with_capacity(entries.len());
    for e in &entries {
        prepared.push(prepare(ctx, e)?);
    }
    for (i, p) in prepared.iter().enumerate() {
        if p.invalid.is_none()
            && prepared[..i]
                .iter()
                .any(|q| q.invalid.is_none() && q.table == p.table && q.key == p.key)
        {
            return Err(DynamoError::validation(
                "Transaction request cannot include multiple operations on one item",
            ));
        }
    }
    let mode = capacity::mode(req)?;
    let metrics = req.str("ReturnItemCollectionMetrics")? == Some("SIZE");
    let region = ctx.region.to_string();
    let (consumed, collections) = ctx
        .store
        .write(move |txn| {
            let mut consumed = Vec::new();
            let mut collections: Vec<(std::sync::Arc<TableMeta>, Item)> = Vec::new();
            let mut reasons = Vec::with_capacity(prepared.len());
            let mut plan = Vec::with_capacity(prepared.len());
            let mut failed = false;
            for p in &prepared {
                let meta = txn.table(&region, &p.table).ok_or_else(DynamoError::not_found)?;
                if let Some(m) = &p.invalid {
                    reasons.push(json!({ "Code": "ValidationError", "Message": m }));
                    failed = true;
                    plan.push(None);
                    continue;
                }
                let old = txn.get_item(&meta, &p.key)?;
                if !check_condition(&p.env, p.cond.as_ref(), old.as_ref())? {
                    let mut reason = json!({ "Code": "ConditionalCheckFailed", "Message": "The conditional request failed" });
                    if p.old_on_fail
                        && let Some(o) = &old {
                            reason["Item"] = item_to_json(o);
                        }
                    reasons.push(reason);
                    failed = true;
                    plan.push(None);
                    continue;
                }
                let new = match &p.action {
                    Action::Check => None,
                    Action::Put(item) => Some(Some(item.clone())),
                    Action::Delete => Some(None),
                    Action::Update(actions, key_item) => match updated_item(&meta, &p.env, actions, key_item, old.as_ref()) {
                        Ok(item) => Some(Some(item)),
                        Err(e) => {
                            reasons.push(json!({ "Code": "ValidationError", "Message": e.message }));
                            failed = true;
                            plan.push(None);
                            continue;
                        }
                    },
                };
                reasons.push(json!({ "Code": "None" }));
                // Every item of a transaction costs twice its units; a check, its read.
                let after = match &new {
                    Some(n) => n.as_ref(),
                    None => old.as_ref(),
                };
                consumed.push(Consumed::write(&meta, old.as_ref(), after, 2.0));
                plan.push(new.map(|n| (meta, old, n)));
            }
            if failed {
                return Err(cancelled(reasons));
            }
            for (p, step) in prepared.iter().zip(plan) {
                let Some((meta, old, new)) = step else { continue };
                match &new {
                    Some(item) => txn.put_item(&meta, &p.key, item, old.as_ref())?,
                    None => {
                        if let Some(old) = &old {
                            txn.delete_item(&meta, &p.key, old)?;
                        }
                    }
                }
                if metrics
                    && !meta.lsis.is_empty()
                    && let Some(item) = new.or(old)
                {
                    collections.push((meta, item));
                }
            }
            Ok((consumed, collections))
        })
        .await?;
    let mut response = json!({});
    if let Some(mode) = mode {
        response["ConsumedCapacity"] = capacity::list(&consumed, mode);
    }
    if let Some(m) = capacity::collections_json(req, &collections)? {
        response["ItemCollectionMetrics"] = m;
    }
    if let Some(t) = token
        && let Ok(mut tokens) = ctx.tokens.0.lock()
    {
        tokens.insert(t, (print, Instant::now(), response.clone()));
    }
    Ok(response)
}

pub async fn transact_get(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let entries = req.array("TransactItems")?.cloned().unwrap_or_default();
    check_count(&entries)?;
    let mode = capacity::mode(req)?;
    let snap = ctx.store.snapshot()?;
    let mut seen: Vec<(String, Vec<u8>)> = Vec::new();
    let mut invalid: Vec<Option<String>> = Vec::with_capacity(entries.len());
    let mut responses = Vec::with_capacity(entries.len());
    let mut consumed = Vec::new();
    let mut bytes = 0;
    for e in &entries {
        let get = e
            .get("Get")
            .and_then(Json::as_object)
            .cloned()
            .ok_or_else(|| {
                constraint(
                    "null",
                    "transactItems.member.get",
                    "Member must not be null",
                )
            })?;
        let r = Request::from_object(get);
        let meta = ctx.items_table(r.table_name()?)?;
        // The expressions are the request's; a key that does not match the schema is
        // the item's cancellation reason (reported once every item is read).
        let env = r.env(&["ProjectionExpression"])?;
        let paths = projection(&r, &env)?;
        env.check_unused()?;
        let key = match meta.exact_key(&r.required_item("Key")?) {
            Ok(k) => k,
            Err(e) if e.message == "The provided key element does not match the schema" => {
                invalid.push(Some(e.message));
                responses.push(json!({}));
                continue;
            }
            Err(e) => return Err(e),
        };
        invalid.push(None);
        if seen.iter().any(|(t, k)| *t == meta.name && *k == key) {
            return Err(DynamoError::validation(
                "Transaction request cannot include multiple operations on one item",
            ));
        }
        seen.push((meta.name.clone(), key.clone()));
        let mut out = Map::new();
        let found = snap.get(&meta.items_table(), &key)?;
        // A transactional read costs twice a strongly consistent one.
        let mut used = Consumed::read(
            &meta.name,
            None,
            found.as_deref().map(stored_size).unwrap_or(0),
            true,
        );
        used.own = used.own.map(|u| 2.0 * u);
        consumed.push(used);
        if let Some(b) = found {
            let item = decode_item(&b)?;
            bytes += item_size(&item);
            let item = match &paths {
                Some(p) => project(&item, p),
                None => item,
            };
            out.insert("Item".into(), item_to_json(&item));
        }
        responses.push(Json::Object(out));
    }
    if invalid.iter().any(Option::is_some) {
        let reasons: Vec<Json> = invalid
            .iter()
            .map(|m| match m {
                Some(m) => json!({ "Code": "ValidationError", "Message": m }),
                None => json!({ "Code": "None" }),
            })
            .collect();
        return Err(cancelled(reasons));
    }
    if bytes > MAX_BYTES {
        return Err(DynamoError::validation(
            "Total size of the items of the transaction exceeds the maximum of 4 MB",
        ));
    }
    let mut out = json!({ "Responses": responses });
    if let Some(mode) = mode {
        out["ConsumedCapacity"] = capacity::list(&consumed, mode);
    }
    Ok(out)
}
