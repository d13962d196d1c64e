//! PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Each
//! statement is parsed (`parse`) and run as the item operation it stands for,
//! through the same code as the API's own operations (so keys, sizes, conditions,
//! capacity and streams behave alike): a SELECT with an equality on the partition
//! key is a Query (with the sort key's condition as its key condition, the rest a
//! filter), any other SELECT a Scan (the full-table scan only when the statement
//! needs one, as DynamoDB does); INSERT a PutItem that refuses an existing key;
//! UPDATE an UpdateItem and DELETE a DeleteItem on the key the WHERE clause names,
//! its other conditions their ConditionExpression; EXISTS a ConditionCheck.

mod many;
mod parse;

pub use many::{batch_execute_statement, execute_transaction};

use std::future::Future;
use std::pin::Pin;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Map, Value as Json, json};

use super::error::{DResult, DynamoError, ErrorKind};
use super::ops::{Body, OpContext, dispatch};
use super::request::{Request, constraint};
use super::schema::{KeySchema, TableMeta};
use parse::{Cond, Operand, Path, PathPart, Select, SetValue, Statement};

const MAX_BATCH: usize = 25;
const MAX_TRANSACTION: usize = 100;

/// Runs another operation of the service (boxed: the dispatcher runs this one).
fn run<'a>(
    ctx: &'a OpContext<'a>,
    operation: &'static str,
    body: Map<String, Json>,
) -> Pin<Box<dyn Future<Output = DResult<Json>> + Send + 'a>> {
    Box::pin(async move {
        let req = Request::from_object(body);
        match dispatch(ctx, operation, &req).await? {
            Body::Json(j) => Ok(j),
            Body::Raw(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| DynamoError::internal(format!("an answer could not be read: {e}"))),
        }
    })
}

/// Expression attribute names and values, as a translated statement needs them.
#[derive(Default)]
struct Env {
    names: Map<String, Json>,
    values: Map<String, Json>,
}

impl Env {
    fn name(&mut self, n: &str) -> String {
        if let Some((k, _)) = self.names.iter().find(|(_, v)| v.as_str() == Some(n)) {
            return k.clone();
        }
        let k = format!("#p{}", self.names.len());
        self.names.insert(k.clone(), json!(n));
        k
    }

    fn value(&mut self, v: &Json) -> String {
        let k = format!(":v{}", self.values.len());
        self.values.insert(k.clone(), v.clone());
        k
    }

    fn path(&mut self, p: &Path) -> String {
        let mut out = String::new();
        for part in p {
            match part {
                PathPart::Name(n) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&self.name(n));
                }
                PathPart::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    fn operand(&mut self, o: &Operand) -> String {
        match o {
            Operand::Path(p) => self.path(p),
            Operand::Value(v) => self.value(v),
            Operand::Size(p) => format!("size({})", self.path(p)),
        }
    }

    /// A condition as a DynamoDB condition expression. AND and OR chains are
    /// walked in a loop; NOT and parentheses nest as deep as the parser allowed.
    fn cond(&mut self, c: &Cond) -> String {
        match c {
            Cond::And(..) | Cond::Or(..) => {
                let and = matches!(c, Cond::And(..));
                let parts: Vec<String> = chain(c, and).into_iter().map(|p| self.cond(p)).collect();
                format!("({})", parts.join(if and { " AND " } else { " OR " }))
            }
            Cond::Not(inner) => format!("(NOT {})", self.cond(inner)),
            Cond::Cmp(op, l, r) => format!("{} {op} {}", self.operand(l), self.operand(r)),
            Cond::In(l, list) => {
                let l = self.operand(l);
                let items: Vec<String> = list.iter().map(|o| self.operand(o)).collect();
                format!("{l} IN ({})", items.join(", "))
            }
            Cond::Between(v, lo, hi) => format!(
                "{} BETWEEN {} AND {}",
                self.operand(v),
                self.operand(lo),
                self.operand(hi)
            ),
            Cond::Func(f, args) => {
                let args: Vec<String> = args.iter().map(|a| self.operand(a)).collect();
                format!("{f}({})", args.join(", "))
            }
            Cond::Is(p, None, false) => format!("attribute_not_exists({})", self.path(p)),
            Cond::Is(p, None, true) => format!("attribute_exists({})", self.path(p)),
            Cond::Is(p, Some(t), false) => {
                let path = self.path(p);
                format!("attribute_type({path}, {})", self.value(&json!({ "S": t })))
            }
            Cond::Is(p, Some(t), true) => {
                let path = self.path(p);
                let v = self.value(&json!({ "S": t }));
                format!("(attribute_exists({path}) AND NOT attribute_type({path}, {v}))")
            }
        }
    }

    /// Puts the names and values into `body` (DynamoDB refuses empty maps).
    fn into(self, body: &mut Map<String, Json>) {
        if !self.names.is_empty() {
            body.insert("ExpressionAttributeNames".into(), Json::Object(self.names));
        }
        if !self.values.is_empty() {
            body.insert(
                "ExpressionAttributeValues".into(),
                Json::Object(self.values),
            );
        }
    }
}

/// The members of an AND (or OR) chain, in order, without recursion.
fn chain(c: &Cond, and: bool) -> Vec<&Cond> {
    let mut out = Vec::new();
    let mut stack = vec![c];
    while let Some(c) = stack.pop() {
        match (c, and) {
            (Cond::And(a, b), true) | (Cond::Or(a, b), false) => {
                stack.push(b);
                stack.push(a);
            }
            _ => out.push(c),
        }
    }
    out
}

fn and_of(parts: Vec<&Cond>) -> Option<Cond> {
    let mut it = parts.into_iter().cloned();
    let first = it.next()?;
    Some(it.fold(first, |a, b| Cond::And(Box::new(a), Box::new(b))))
}

/// `path = value` on the top-level attribute `name`: its value.
fn equality<'c>(c: &'c Cond, name: &str) -> Option<&'c Json> {
    let is = |p: &Path| p.len() == 1 && p[0] == PathPart::Name(name.to_string());
    match c {
        Cond::Cmp("=", Operand::Path(p), Operand::Value(v))
        | Cond::Cmp("=", Operand::Value(v), Operand::Path(p))
            if is(p) =>
        {
            Some(v)
        }
        _ => None,
    }
}

/// A condition on the sort key that a key condition can hold.
fn sort_condition(c: &Cond, name: &str) -> bool {
    let is = |o: &Operand| matches!(o, Operand::Path(p) if p.len() == 1 && p[0] == PathPart::Name(name.to_string()));
    let value = |o: &Operand| matches!(o, Operand::Value(_));
    match c {
        Cond::Cmp(op, l, r) if *op != "<>" => is(l) && value(r),
        Cond::Between(v, lo, hi) => is(v) && value(lo) && value(hi),
        Cond::Func("begins_with", args) => args.len() == 2 && is(&args[0]) && value(&args[1]),
        _ => false,
    }
}

/// The item's key from a WHERE clause that has an equality on every key
/// attribute, and the conjuncts left over.
fn key_and_rest<'c>(cond: &'c Cond, key: &KeySchema) -> Option<(Map<String, Json>, Vec<&'c Cond>)> {
    let parts = chain(cond, true);
    let mut found = Map::new();
    let mut rest = Vec::new();
    for p in parts {
        let mut used = false;
        for name in key.names() {
            if !found.contains_key(name)
                && let Some(v) = equality(p, name)
            {
                found.insert(name.to_string(), v.clone());
                used = true;
                break;
            }
        }
        if !used {
            rest.push(p);
        }
    }
    (found.len() == key.names().len()).then_some((found, rest))
}

fn no_key_equality() -> DynamoError {
    DynamoError::validation(
        "Where clause does not contain a mandatory equality on all key attributes",
    )
}

fn table(ctx: &OpContext<'_>, name: &str) -> DResult<std::sync::Arc<TableMeta>> {
    ctx.items_table(name)
}

/// The key schema a SELECT reads: the table's, or its index's.
fn read_key(meta: &TableMeta, index: Option<&str>) -> DResult<KeySchema> {
    match index {
        None => Ok(meta.key.clone()),
        Some(i) => meta
            .gsis
            .iter()
            .chain(meta.lsis.iter())
            .find(|x| x.name == i)
            .map(|x| x.key.clone())
            .ok_or_else(|| {
                DynamoError::validation(format!("The table does not have the specified index: {i}"))
            }),
    }
}

/// Options of ExecuteStatement that reach the operation run.
struct Options<'a> {
    consistent: Option<bool>,
    limit: Option<i64>,
    next_token: Option<&'a str>,
    capacity: Option<&'a str>,
    on_condition_failure: Option<&'a str>,
}

fn common(body: &mut Map<String, Json>, o: &Options<'_>) {
    if let Some(c) = o.capacity {
        body.insert("ReturnConsumedCapacity".into(), json!(c));
    }
}

fn next_token(key: &Json) -> String {
    B64.encode(key.to_string())
}

fn start_key(token: &str) -> DResult<Json> {
    B64.decode(token)
        .ok()
        .and_then(|b| serde_json::from_slice::<Json>(&b).ok())
        .filter(Json::is_object)
        .ok_or_else(|| DynamoError::validation("Invalid NextToken"))
}

async fn select(ctx: &OpContext<'_>, s: &Select, o: &Options<'_>) -> DResult<Json> {
    let meta = table(ctx, &s.table)?;
    let key = read_key(&meta, s.index.as_deref())?;
    let conjuncts: Vec<&Cond> = s.cond.as_ref().map(|c| chain(c, true)).unwrap_or_default();
    let hash = key.hash.name.as_str();
    let hash_at = conjuncts.iter().position(|c| equality(c, hash).is_some());
    let mut env = Env::default();
    let mut body = Map::new();
    body.insert("TableName".into(), json!(s.table));
    if let Some(i) = &s.index {
        body.insert("IndexName".into(), json!(i));
    }
    if let Some(c) = o.consistent {
        body.insert("ConsistentRead".into(), json!(c));
    }
    if let Some(l) = o.limit {
        body.insert("Limit".into(), json!(l));
    }
    if let Some(t) = o.next_token {
        body.insert("ExclusiveStartKey".into(), start_key(t)?);
    }
    common(&mut body, o);
    if let Some(paths) = &s.projection {
        let p: Vec<String> = paths.iter().map(|p| env.path(p)).collect();
        body.insert("ProjectionExpression".into(), json!(p.join(", ")));
    }
    let operation = match hash_at {
        Some(i) => {
            let mut rest: Vec<&Cond> = conjuncts.clone();
            let hash_cond = rest.remove(i);
            let mut key_expr = env.cond(hash_cond);
            if let Some(range) = &key.range
                && let Some(j) = rest.iter().position(|c| sort_condition(c, &range.name))
            {
                let sort = rest.remove(j);
                key_expr = format!("{key_expr} AND {}", env.cond(sort));
            }
            body.insert("KeyConditionExpression".into(), json!(key_expr));
            if let Some(filter) = and_of(rest) {
                body.insert("FilterExpression".into(), json!(env.cond(&filter)));
            }
            if let Some((path, desc)) = &s.order {
                let sorted_by_range = key
                    .range
                    .as_ref()
                    .is_some_and(|r| path.len() == 1 && path[0] == PathPart::Name(r.name.clone()));
                if !sorted_by_range {
                    return Err(DynamoError::validation(
                        "Order by is only supported on the sort key of the table or index",
                    ));
                }
                body.insert("ScanIndexForward".into(), json!(!desc));
            }
            "Query"
        }
        None => {
            if s.order.is_some() {
                return Err(DynamoError::validation(
                    "Must have WHERE clause in the statement when using ORDER BY clause.",
                ));
            }
            if let Some(c) = &s.cond {
                body.insert("FilterExpression".into(), json!(env.cond(c)));
            }
            "Scan"
        }
    };
    env.into(&mut body);
    let out = run(ctx, operation, body).await?;
    let mut answer = json!({ "Items": out.get("Items").cloned().unwrap_or_else(|| json!([])) });
    if let Some(k) = out.get("LastEvaluatedKey") {
        answer["NextToken"] = json!(next_token(k));
        answer["LastEvaluatedKey"] = k.clone();
    }
    if let Some(c) = out.get("ConsumedCapacity") {
        answer["ConsumedCapacity"] = c.clone();
    }
    Ok(answer)
}

/// A write statement as the item operation (and its request) it stands for;
/// `in_transaction` shapes it as a TransactWriteItems entry.
fn write_request(
    ctx: &OpContext<'_>,
    s: &Statement,
    o: &Options<'_>,
) -> DResult<(&'static str, Map<String, Json>)> {
    let meta = table(ctx, s.table())?;
    let hash = meta.key.hash.name.clone();
    let mut env = Env::default();
    let mut body = Map::new();
    body.insert("TableName".into(), json!(s.table()));
    if let Some(r) = o.on_condition_failure {
        body.insert("ReturnValuesOnConditionCheckFailure".into(), json!(r));
    }
    let op = match s {
        Statement::Insert { item, .. } => {
            let h = env.name(&hash);
            body.insert("Item".into(), Json::Object(item.clone()));
            body.insert(
                "ConditionExpression".into(),
                json!(format!("attribute_not_exists({h})")),
            );
            "PutItem"
        }
        Statement::Update {
            sets,
            removes,
            cond,
            returning,
            ..
        } => {
            let (key, rest) = key_and_rest(cond, &meta.key).ok_or_else(no_key_equality)?;
            body.insert("Key".into(), Json::Object(key));
            let mut set_parts = Vec::new();
            let mut add_parts = Vec::new();
            let mut delete_parts = Vec::new();
            for (path, value) in sets {
                let target = env.path(path);
                match value {
                    SetValue::Operand(v) => {
                        set_parts.push(format!("{target} = {}", env.operand(v)))
                    }
                    SetValue::Add(a, b) => {
                        let (a, b) = (env.operand(a), env.operand(b));
                        set_parts.push(format!("{target} = {a} + {b}"));
                    }
                    SetValue::Sub(a, b) => {
                        let (a, b) = (env.operand(a), env.operand(b));
                        set_parts.push(format!("{target} = {a} - {b}"));
                    }
                    SetValue::ListAppend(a, b) => {
                        let (a, b) = (env.operand(a), env.operand(b));
                        set_parts.push(format!("{target} = list_append({a}, {b})"));
                    }
                    SetValue::IfNotExists(p, v) => {
                        let (p, v) = (env.path(p), env.operand(v));
                        set_parts.push(format!("{target} = if_not_exists({p}, {v})"));
                    }
                    SetValue::SetAdd(v) => add_parts.push(format!("{target} {}", env.value(v))),
                    SetValue::SetDelete(v) => {
                        delete_parts.push(format!("{target} {}", env.value(v)))
                    }
                }
            }
            let remove_parts: Vec<String> = removes.iter().map(|p| env.path(p)).collect();
            let mut update = Vec::new();
            for (word, parts) in [
                ("SET", set_parts),
                ("REMOVE", remove_parts),
                ("ADD", add_parts),
                ("DELETE", delete_parts),
            ] {
                if !parts.is_empty() {
                    update.push(format!("{word} {}", parts.join(", ")));
                }
            }
            body.insert("UpdateExpression".into(), json!(update.join(" ")));
            // UPDATE changes an item that exists; it never makes one.
            let h = env.name(&hash);
            let mut condition = format!("attribute_exists({h})");
            if let Some(extra) = and_of(rest) {
                condition = format!("{condition} AND {}", env.cond(&extra));
            }
            body.insert("ConditionExpression".into(), json!(condition));
            if let Some(r) = returning {
                body.insert("ReturnValues".into(), json!(r));
            }
            "UpdateItem"
        }
        Statement::Delete {
            cond, returning, ..
        } => {
            let (key, rest) = key_and_rest(cond, &meta.key).ok_or_else(no_key_equality)?;
            body.insert("Key".into(), Json::Object(key));
            if let Some(extra) = and_of(rest) {
                body.insert("ConditionExpression".into(), json!(env.cond(&extra)));
            }
            if let Some(r) = returning {
                body.insert("ReturnValues".into(), json!(r));
            }
            "DeleteItem"
        }
        Statement::Exists(sel) => {
            let cond = sel.cond.as_ref().ok_or_else(no_key_equality)?;
            let (key, rest) = key_and_rest(cond, &meta.key).ok_or_else(no_key_equality)?;
            let Some(extra) = and_of(rest) else {
                return Err(DynamoError::validation(
                    "EXISTS() must contain a single item read with additional condition",
                ));
            };
            body.insert("Key".into(), Json::Object(key));
            body.insert("ConditionExpression".into(), json!(env.cond(&extra)));
            "ConditionCheck"
        }
        Statement::Select(_) => unreachable!("reads are not writes"),
    };
    env.into(&mut body);
    Ok((op, body))
}

async fn write(ctx: &OpContext<'_>, s: &Statement, o: &Options<'_>) -> DResult<Json> {
    if matches!(s, Statement::Exists(_)) {
        return Err(DynamoError::validation(
            "EXISTS() is only supported within ExecuteTransaction",
        ));
    }
    let (op, mut body) = write_request(ctx, s, o)?;
    common(&mut body, o);
    let operation: &'static str = op;
    let out = match run(ctx, operation, body).await {
        Err(e) if op == "PutItem" && e.kind == ErrorKind::ConditionalCheckFailed => {
            return Err(DynamoError::new(
                ErrorKind::DuplicateItem,
                "Duplicate primary key exists in table",
            ));
        }
        other => other?,
    };
    let mut answer = json!({ "Items": [] });
    if let Some(a) = out.get("Attributes") {
        answer["Items"] = json!([a]);
    }
    if let Some(c) = out.get("ConsumedCapacity") {
        answer["ConsumedCapacity"] = c.clone();
    }
    Ok(answer)
}

fn parameters(v: Option<&Json>) -> DResult<Vec<Json>> {
    match v {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Array(a)) if a.is_empty() => Err(constraint(
            "[]",
            "parameters",
            "Member must have length greater than or equal to 1",
        )),
        Some(Json::Array(a)) => Ok(a.clone()),
        Some(_) => Err(DynamoError::new(
            ErrorKind::SerializationFailure,
            "Unexpected value type in payload",
        )),
    }
}

pub async fn execute_statement(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let text = req.required_str("Statement")?;
    if text.is_empty() {
        return Err(constraint(
            "",
            "statement",
            "Member must have length greater than or equal to 1",
        ));
    }
    let limit = req.int("Limit")?;
    if let Some(l) = limit.filter(|l| *l < 1) {
        return Err(constraint(
            &l.to_string(),
            "limit",
            "Member must have value greater than or equal to 1",
        ));
    }
    let params = parameters(req.get("Parameters"))?;
    let o = Options {
        consistent: req.bool("ConsistentRead")?,
        limit,
        next_token: req.str("NextToken")?,
        capacity: req.str("ReturnConsumedCapacity")?,
        on_condition_failure: req.str("ReturnValuesOnConditionCheckFailure")?,
    };
    let statement = parse::parse(text, &params)?;
    match &statement {
        Statement::Select(s) => select(ctx, s, &o).await,
        other => write(ctx, other, &o).await,
    }
}
