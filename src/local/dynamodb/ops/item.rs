//! PutItem, GetItem, UpdateItem, DeleteItem.

use serde_json::{Value as Json, json};

use super::capacity::{self, Consumed};
use super::{
    Body, OpContext, check_item_limits, check_item_size, condition_failed, parse_return_values,
    splice,
};
use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::expr::ast::Condition;
use crate::local::dynamodb::expr::eval::{Evaluator, project};
use crate::local::dynamodb::expr::{self, Elem, Env, ExprKind, update};
use crate::local::dynamodb::request::Request;
use crate::local::dynamodb::schema::TableMeta;
use crate::local::dynamodb::store::{decode_item, item_json, stored_size};
use crate::local::dynamodb::value::{Item, item_to_json};

/// A parsed, bound ConditionExpression (or none).
pub fn condition(
    req: &Request,
    env: &Env,
    member: &str,
    kind: ExprKind,
) -> DResult<Option<Condition>> {
    match req.expression(member)? {
        None => Ok(None),
        Some(src) => {
            let c = expr::parse_condition(src, kind)?;
            env.bind_condition(kind, &c)?;
            Ok(Some(c))
        }
    }
}

/// Evaluates a write's condition against the current item (absent: an empty item).
pub fn check_condition(
    env: &Env,
    cond: Option<&Condition>,
    current: Option<&Item>,
) -> DResult<bool> {
    let Some(c) = cond else {
        return Ok(true);
    };
    let empty = Item::new();
    Evaluator::new(env, ExprKind::Condition).condition(current.unwrap_or(&empty), c)
}

pub fn projection(req: &Request, env: &Env) -> DResult<Option<Vec<Vec<Elem>>>> {
    match req.expression("ProjectionExpression")? {
        None => Ok(None),
        Some(src) => {
            let paths = expr::parse_projection(src)?;
            let resolved = paths
                .iter()
                .map(|p| env.path(ExprKind::Projection, p))
                .collect::<Result<Vec<_>, _>>()?;
            update::check_paths(ExprKind::Projection, &resolved)?;
            Ok(Some(resolved))
        }
    }
}

/// The answer with ConsumedCapacity (and ItemCollectionMetrics) when asked for.
fn with_capacity(
    mut out: Json,
    req: &Request,
    meta: &TableMeta,
    consumed: impl FnOnce() -> Consumed,
    collection_of: Option<&Item>,
) -> DResult<Json> {
    // Counted only when asked for: writes are the hot path.
    if let Some(mode) = capacity::mode(req)? {
        out["ConsumedCapacity"] = consumed().json(mode);
    }
    if let Some(item) = collection_of
        && let Some(m) = capacity::collection_metrics(req, meta, item)?
    {
        out["ItemCollectionMetrics"] = m;
    }
    Ok(out)
}

pub async fn put_item(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    let returns = parse_return_values(req, &["NONE", "ALL_OLD"])?;
    // The request is checked whole before the table is looked up, as DynamoDB does.
    let item = req.required_item("Item")?;
    check_item_size(&item)?;
    let env = req.env(&["ConditionExpression"])?;
    let cond = condition(req, &env, "ConditionExpression", ExprKind::Condition)?;
    env.check_unused()?;
    let meta = ctx.items_table(&name)?;
    let key = meta.item_key(&item)?;
    check_item_limits(&meta, &item)?;
    let on_fail_old = req.str("ReturnValuesOnConditionCheckFailure")? == Some("ALL_OLD");
    let region = ctx.region.to_string();
    let (old, item) = ctx
        .store
        .write(move |txn| {
            let meta = txn
                .table(&region, &name)
                .ok_or_else(DynamoError::not_found)?;
            let old = txn.get_item(&meta, &key)?;
            if !check_condition(&env, cond.as_ref(), old.as_ref())? {
                return Err(condition_failed(on_fail_old, old.as_ref()));
            }
            txn.put_item(&meta, &key, &item, old.as_ref())?;
            Ok((old, item))
        })
        .await?;
    let mut out = json!({});
    if returns == "ALL_OLD"
        && let Some(old) = &old
    {
        out["Attributes"] = item_to_json(old);
    }
    let consumed = || Consumed::write(&meta, old.as_ref(), Some(&item), 1.0);
    with_capacity(out, req, &meta, consumed, Some(&item))
}

pub async fn get_item(ctx: &OpContext<'_>, req: &Request) -> DResult<Body> {
    let name = req.table_name()?;
    let key_item = req.required_item("Key")?;
    let env = req.env(&["ProjectionExpression"])?;
    let paths = projection(req, &env)?;
    env.check_unused()?;
    let meta = ctx.items_table(name)?;
    let key = meta.exact_key(&key_item)?;
    if let Some(p) = &paths {
        super::key_checks::key_paths(p, &meta)?;
    }
    let consistent = req.bool("ConsistentRead")?.unwrap_or(false);
    let found = ctx.store.snapshot()?.get(&meta.items_table(), &key)?;
    let size = found.as_deref().map(stored_size).unwrap_or(0);
    let consumed = || Consumed::read(&meta.name, None, size, consistent);
    let rest = with_capacity(json!({}), req, &meta, consumed, None)?;
    let Some(stored) = found else {
        return Ok(Body::Json(rest));
    };
    let raw = match &paths {
        Some(p) => serde_json::to_vec(&item_to_json(&project(&decode_item(&stored)?, p)))
            .unwrap_or_default(),
        None => item_json(&stored).to_vec(),
    };
    Ok(Body::Raw(splice("Item", &[raw], true, &rest)))
}

pub async fn delete_item(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    let returns = parse_return_values(req, &["NONE", "ALL_OLD"])?;
    let key_item = req.required_item("Key")?;
    let env = req.env(&["ConditionExpression"])?;
    let cond = condition(req, &env, "ConditionExpression", ExprKind::Condition)?;
    env.check_unused()?;
    let meta = ctx.items_table(&name)?;
    let key = meta.exact_key(&key_item)?;
    let on_fail_old = req.str("ReturnValuesOnConditionCheckFailure")? == Some("ALL_OLD");
    let region = ctx.region.to_string();
    let old = ctx
        .store
        .write(move |txn| {
            let meta = txn
                .table(&region, &name)
                .ok_or_else(DynamoError::not_found)?;
            let old = txn.get_item(&meta, &key)?;
            if !check_condition(&env, cond.as_ref(), old.as_ref())? {
                return Err(condition_failed(on_fail_old, old.as_ref()));
            }
            if let Some(old) = &old {
                txn.delete_item(&meta, &key, old)?;
            }
            Ok(old)
        })
        .await?;
    let mut out = json!({});
    if returns == "ALL_OLD"
        && let Some(old) = &old
    {
        out["Attributes"] = item_to_json(old);
    }
    let consumed = || Consumed::write(&meta, old.as_ref(), None, 1.0);
    with_capacity(out, req, &meta, consumed, old.as_ref())
}

/// The new item an update makes from `old`, validated.
pub fn updated_item(
    meta: &crate::local::dynamodb::schema::TableMeta,
    env: &Env,
    actions: &[expr::ast::UpdateAction],
    key_item: &Item,
    old: Option<&Item>,
) -> DResult<Item> {
    let mut item = old.cloned().unwrap_or_else(|| key_item.clone());
    update::apply(env, &mut item, actions, &meta.key.names())?;
    check_item_limits(meta, &item)?;
    Ok(item)
}

pub async fn update_item(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    let returns = parse_return_values(
        req,
        &["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"],
    )?;
    let key_item = req.required_item("Key")?;
    let env = req.env(&["ConditionExpression", "UpdateExpression"])?;
    let actions = match req.expression("UpdateExpression")? {
        Some(src) => {
            let a = expr::parse_update(src)?;
            env.bind_update(&a)?;
            a
        }
        None => Vec::new(),
    };
    let cond = condition(req, &env, "ConditionExpression", ExprKind::Condition)?;
    env.check_unused()?;
    let meta = ctx.items_table(&name)?;
    let key = meta.exact_key(&key_item)?;
    let on_fail_old = req.str("ReturnValuesOnConditionCheckFailure")? == Some("ALL_OLD");
    // UPDATED_OLD and UPDATED_NEW return just the updated paths, nested ones too.
    let touched: Vec<Vec<Elem>> = actions
        .iter()
        .filter_map(|a| env.path(ExprKind::Update, a.path()).ok())
        .collect();
    let region = ctx.region.to_string();
    let (old, new) = ctx
        .store
        .write(move |txn| {
            let meta = txn
                .table(&region, &name)
                .ok_or_else(DynamoError::not_found)?;
            let old = txn.get_item(&meta, &key)?;
            if !check_condition(&env, cond.as_ref(), old.as_ref())? {
                return Err(condition_failed(on_fail_old, old.as_ref()));
            }
            let new = updated_item(&meta, &env, &actions, &key_item, old.as_ref())?;
            txn.put_item(&meta, &key, &new, old.as_ref())?;
            Ok((old, new))
        })
        .await?;
    let pick = |item: &Item| -> Item { project(item, &touched) };
    let attributes = match returns {
        "ALL_OLD" => old.clone(),
        "UPDATED_OLD" => old.as_ref().map(pick),
        "ALL_NEW" => Some(new.clone()),
        "UPDATED_NEW" => Some(pick(&new)),
        _ => None,
    };
    let mut out = json!({});
    if let Some(a) = attributes.filter(|a| !a.is_empty()) {
        out["Attributes"] = item_to_json(&a);
    }
    let consumed = || Consumed::write(&meta, old.as_ref(), Some(&new), 1.0);
    with_capacity(out, req, &meta, consumed, Some(&new))
}
