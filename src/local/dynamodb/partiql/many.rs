//! BatchExecuteStatement and ExecuteTransaction: many statements, each parsed
//! and run as ExecuteStatement's are, in a batch (each answering for itself) or
//! one transaction (TransactGetItems or TransactWriteItems).

use serde_json::{Map, Value as Json, json};

use super::parse::{self, Select, Statement};
use super::{
    Env, MAX_BATCH, MAX_TRANSACTION, Options, common, key_and_rest, parameters, run, table, write,
    write_request,
};
use crate::local::dynamodb::error::{DResult, DynamoError, ErrorKind};
use crate::local::dynamodb::ops::OpContext;
use crate::local::dynamodb::request::{Request, constraint};

/// A statement of a batch or transaction: `Statement` and its `Parameters`.
fn entry(v: &Json) -> DResult<Statement> {
    let text = v
        .get("Statement")
        .and_then(Json::as_str)
        .ok_or_else(|| constraint("null", "statement", "Member must not be null"))?;
    parse::parse(text, &parameters(v.get("Parameters"))?)
}

/// The key of a SELECT that reads one item by its whole key, and nothing else.
fn single_read(ctx: &OpContext<'_>, s: &Select, within: &str) -> DResult<Map<String, Json>> {
    let meta = table(ctx, &s.table)?;
    let need = || {
        DynamoError::validation(format!(
            "Select statements within {within} must specify the primary key in the where clause."
        ))
    };
    let cond = s.cond.as_ref().ok_or_else(need)?;
    let (key, rest) = key_and_rest(cond, &meta.key).ok_or_else(need)?;
    if !rest.is_empty() || s.index.is_some() {
        return Err(need());
    }
    Ok(key)
}

fn batch_error(e: &DynamoError) -> Json {
    let code = match e.kind {
        ErrorKind::ConditionalCheckFailed => "ConditionalCheckFailed",
        ErrorKind::DuplicateItem => "DuplicateItem",
        ErrorKind::ResourceNotFound => "ResourceNotFound",
        ErrorKind::AccessDenied => "AccessDenied",
        ErrorKind::TransactionConflict => "TransactionConflict",
        ErrorKind::ItemCollectionSizeLimitExceeded => "ItemCollectionSizeLimitExceeded",
        ErrorKind::Internal => "InternalServerError",
        _ => "ValidationError",
    };
    let mut err = json!({ "Code": code, "Message": e.message });
    if let Some(item) = e.extra.as_ref().and_then(|x| x.get("Item")) {
        err["Item"] = item.clone();
    }
    err
}

/// Adds one operation's ConsumedCapacity to the per-table totals.
fn add_capacity(totals: &mut Vec<Json>, c: Option<&Json>) {
    let Some(c) = c else { return };
    let name = c.get("TableName").cloned().unwrap_or(Json::Null);
    let units = c.get("CapacityUnits").and_then(Json::as_f64).unwrap_or(0.0);
    match totals
        .iter_mut()
        .find(|t| t.get("TableName") == Some(&name))
    {
        Some(t) => {
            let sum = t["CapacityUnits"].as_f64().unwrap_or(0.0) + units;
            t["CapacityUnits"] = json!(sum);
        }
        None => totals.push(json!({ "TableName": name, "CapacityUnits": units })),
    }
}

pub async fn batch_execute_statement(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let list = req
        .array("Statements")?
        .ok_or_else(|| constraint("null", "statements", "Member must not be null"))?;
    if list.is_empty() || list.len() > MAX_BATCH {
        let rule = if list.is_empty() {
            "Member must have length greater than or equal to 1".to_string()
        } else {
            format!("Member must have length less than or equal to {MAX_BATCH}")
        };
        return Err(constraint(
            &format!("{} statements", list.len()),
            "statements",
            &rule,
        ));
    }
    let capacity = req.str("ReturnConsumedCapacity")?;
    let parsed: Vec<DResult<Statement>> = list.iter().map(entry).collect();
    let reads = parsed
        .iter()
        .filter(|p| matches!(p, Ok(s) if s.is_read()))
        .count();
    let writes = parsed
        .iter()
        .filter(|p| matches!(p, Ok(s) if !s.is_read()))
        .count();
    if reads > 0 && writes > 0 {
        return Err(DynamoError::validation(
            "Statements in a batch must be either all reads or all writes",
        ));
    }
    let mut responses = Vec::new();
    let mut totals = Vec::new();
    for (i, p) in parsed.into_iter().enumerate() {
        let o = Options {
            consistent: list[i].get("ConsistentRead").and_then(Json::as_bool),
            limit: None,
            next_token: None,
            capacity,
            on_condition_failure: list[i]
                .get("ReturnValuesOnConditionCheckFailure")
                .and_then(Json::as_str),
        };
        let result: DResult<Json> = match &p {
            Err(e) => Err(e.clone()),
            Ok(Statement::Select(s)) => match single_read(ctx, s, "BatchExecuteStatement") {
                Err(e) => Err(e),
                Ok(key) => {
                    let mut env = Env::default();
                    let mut body = Map::new();
                    body.insert("TableName".into(), json!(s.table));
                    body.insert("Key".into(), Json::Object(key));
                    if let Some(c) = o.consistent {
                        body.insert("ConsistentRead".into(), json!(c));
                    }
                    if let Some(paths) = &s.projection {
                        let p: Vec<String> = paths.iter().map(|p| env.path(p)).collect();
                        body.insert("ProjectionExpression".into(), json!(p.join(", ")));
                    }
                    common(&mut body, &o);
                    env.into(&mut body);
                    run(ctx, "GetItem", body).await
                }
            },
            Ok(other) => write(ctx, other, &o).await,
        };
        let table = p.as_ref().ok().map(|s| s.table().to_string());
        let mut entry = Map::new();
        match result {
            Ok(out) => {
                if let Some(t) = &table {
                    entry.insert("TableName".into(), json!(t));
                }
                if let Some(item) = out.get("Item") {
                    entry.insert("Item".into(), item.clone());
                }
                add_capacity(&mut totals, out.get("ConsumedCapacity"));
            }
            Err(e) => {
                if let Some(t) = &table {
                    entry.insert("TableName".into(), json!(t));
                }
                entry.insert("Error".into(), batch_error(&e));
            }
        }
        responses.push(Json::Object(entry));
    }
    let mut out = json!({ "Responses": responses });
    if capacity.is_some_and(|c| c != "NONE") && !totals.is_empty() {
        out["ConsumedCapacity"] = json!(totals);
    }
    Ok(out)
}

/// An INSERT whose key exists fails its transaction as a DuplicateItem, not a
/// failed condition (the condition is ours, not the caller's).
fn duplicate_reasons(e: &mut DynamoError, statements: &[Statement]) {
    let mut codes = Vec::new();
    if let Some(reasons) = e
        .extra
        .as_mut()
        .and_then(|x| x.get_mut("CancellationReasons"))
        .and_then(Json::as_array_mut)
    {
        for (r, s) in reasons.iter_mut().zip(statements) {
            if matches!(s, Statement::Insert { .. })
                && r.get("Code").and_then(Json::as_str) == Some("ConditionalCheckFailed")
            {
                r["Code"] = json!("DuplicateItem");
                r["Message"] = json!("Duplicate primary key exists in table");
            }
            codes.push(
                r.get("Code")
                    .and_then(Json::as_str)
                    .unwrap_or("None")
                    .to_string(),
            );
        }
    }
    if !codes.is_empty() {
        e.message = format!(
            "Transaction cancelled, please refer cancellation reasons for specific reasons [{}]",
            codes.join(", ")
        );
    }
}

pub async fn execute_transaction(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let list = req
        .array("TransactStatements")?
        .ok_or_else(|| constraint("null", "transactStatements", "Member must not be null"))?;
    if list.is_empty() || list.len() > MAX_TRANSACTION {
        let rule = if list.is_empty() {
            "Member must have length greater than or equal to 1".to_string()
        } else {
            format!("Member must have length less than or equal to {MAX_TRANSACTION}")
        };
        return Err(constraint(
            &format!("{} statements", list.len()),
            "transactStatements",
            &rule,
        ));
    }
    let capacity = req.str("ReturnConsumedCapacity")?;
    let at = |i: usize, e: DynamoError| {
        DynamoError::new(
            e.kind,
            format!(
                "Validation failed in TransactStatements[{i}]: {}",
                e.message
            ),
        )
    };
    let mut statements = Vec::new();
    for (i, v) in list.iter().enumerate() {
        statements.push(entry(v).map_err(|e| at(i, e))?);
    }
    let reads = statements.iter().filter(|s| s.is_read()).count();
    if reads > 0 && reads < statements.len() {
        return Err(DynamoError::validation(
            "Transaction must contain either all reads or all writes",
        ));
    }
    let mut items = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let o = Options {
            consistent: None,
            limit: None,
            next_token: None,
            capacity: None,
            on_condition_failure: list[i]
                .get("ReturnValuesOnConditionCheckFailure")
                .and_then(Json::as_str),
        };
        let entry = match s {
            Statement::Select(sel) => {
                let key = single_read(ctx, sel, "ExecuteTransaction").map_err(|e| at(i, e))?;
                let mut env = Env::default();
                let mut body = Map::new();
                body.insert("TableName".into(), json!(sel.table));
                body.insert("Key".into(), Json::Object(key));
                if let Some(paths) = &sel.projection {
                    let p: Vec<String> = paths.iter().map(|p| env.path(p)).collect();
                    body.insert("ProjectionExpression".into(), json!(p.join(", ")));
                }
                env.into(&mut body);
                json!({ "Get": body })
            }
            other => {
                let (op, body) = write_request(ctx, other, &o).map_err(|e| at(i, e))?;
                let kind = match op {
                    "PutItem" => "Put",
                    "UpdateItem" => "Update",
                    "DeleteItem" => "Delete",
                    _ => "ConditionCheck",
                };
                let mut body = body;
                // TransactWriteItems has no ReturnValues per item.
                body.remove("ReturnValues");
                json!({ kind: body })
            }
        };
        items.push(entry);
    }
    let mut body = Map::new();
    body.insert("TransactItems".into(), json!(items));
    if let Some(c) = capacity {
        body.insert("ReturnConsumedCapacity".into(), json!(c));
    }
    if reads > 0 {
        let out = run(ctx, "TransactGetItems", body).await?;
        let responses: Vec<Json> = out
            .get("Responses")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let mut answer = json!({ "Responses": responses });
        if let Some(c) = out.get("ConsumedCapacity") {
            answer["ConsumedCapacity"] = c.clone();
        }
        return Ok(answer);
    }
    if let Some(t) = req.str("ClientRequestToken")? {
        body.insert("ClientRequestToken".into(), json!(t));
    }
    let out = match run(ctx, "TransactWriteItems", body).await {
        Err(mut e) if e.kind == ErrorKind::TransactionCanceled => {
            duplicate_reasons(&mut e, &statements);
            return Err(e);
        }
        other => other?,
    };
    let mut answer = json!({ "Responses": [] });
    if let Some(c) = out.get("ConsumedCapacity") {
        answer["ConsumedCapacity"] = c.clone();
    }
    Ok(answer)
}
