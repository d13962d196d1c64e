//! One module per group of operations; this one dispatches by operation name and
//! holds what they share.

mod batch;
pub mod capacity;
mod item;
mod key_checks;
mod members;
mod query;
mod table;
mod table_settings;
mod transact;

use serde_json::{Value as Json, json};

use super::error::{DResult, DynamoError, ErrorKind};
use super::request::{Request, constraint};
use super::schema::TableMeta;
use super::store::Store;
use super::value::{Item, item_size, item_to_json};

pub use transact::Tokens;

/// What an operation needs besides its request.
pub struct OpContext<'a> {
    pub store: &'a Store,
    pub tokens: &'a Tokens,
    /// The region of the request's SigV4 scope.
    pub region: &'a str,
    /// The address clients reached us at, for DescribeEndpoints.
    pub host: &'a str,
}

/// A response body: JSON built here, or bytes assembled around stored item JSON.
pub enum Body {
    Json(Json),
    Raw(Vec<u8>),
}

impl OpContext<'_> {
    /// The table an item operation names: a missing one is "Requested resource not
    /// found", as DynamoDB words it for item operations (DescribeTable names the table).
    pub fn items_table(&self, name: &str) -> DResult<std::sync::Arc<TableMeta>> {
        self.store
            .table(self.region, name)
            .map_err(|_| DynamoError::not_found())
    }
}

pub async fn dispatch(ctx: &OpContext<'_>, operation: &str, req: &Request) -> DResult<Body> {
    let layer = super::error::ValueLayer::of(operation);
    run(ctx, operation, req).await.map_err(|e| match layer {
        Some(l) => e.in_layer(l),
        None => e,
    })
}

async fn run(ctx: &OpContext<'_>, operation: &str, req: &Request) -> DResult<Body> {
    // The members' own constraints first, all reported at once, as AWS does.
    members::check(operation, req)?;
    // Checked before anything runs: a refused request changes nothing (the answer's
    // ConsumedCapacity is built after a write, too late to refuse it then).
    check_return_options(req)?;
    // The read paths answer with stored JSON spliced in, without decoding items.
    match operation {
        "GetItem" => return item::get_item(ctx, req).await,
        "Query" => return query::query(ctx, req).await,
        "Scan" => return query::scan(ctx, req).await,
        _ => {}
    }
    let json = match operation {
        "CreateTable" => table::create_table(ctx, req).await,
        "DeleteTable" => table::delete_table(ctx, req).await,
        "DescribeTable" => table::describe_table(ctx, req).await,
        "ListTables" => table::list_tables(ctx, req).await,
        "UpdateTable" => table::update_table(ctx, req).await,
        "TagResource" => table_settings::tag_resource(ctx, req).await,
        "UntagResource" => table_settings::untag_resource(ctx, req).await,
        "ListTagsOfResource" => table_settings::list_tags(ctx, req).await,
        "UpdateTimeToLive" => table_settings::update_ttl(ctx, req).await,
        "DescribeTimeToLive" => table_settings::describe_ttl(ctx, req).await,
        "DescribeLimits" => table_settings::describe_limits(ctx, req).await,
        "DescribeEndpoints" => table_settings::describe_endpoints(ctx, req).await,
        "PutItem" => item::put_item(ctx, req).await,
        "UpdateItem" => item::update_item(ctx, req).await,
        "DeleteItem" => item::delete_item(ctx, req).await,
        "BatchGetItem" => batch::batch_get(ctx, req).await,
        "BatchWriteItem" => batch::batch_write(ctx, req).await,
        "TransactWriteItems" => transact::transact_write(ctx, req).await,
        "TransactGetItems" => transact::transact_get(ctx, req).await,
        "ExecuteStatement" => super::partiql::execute_statement(ctx, req).await,
        "BatchExecuteStatement" => super::partiql::batch_execute_statement(ctx, req).await,
        "ExecuteTransaction" => super::partiql::execute_transaction(ctx, req).await,
        other => Err(DynamoError::new(
            ErrorKind::UnknownOperation,
            format!("Unknown operation: {other}"),
        )),
    };
    json.map(Body::Json)
}

/// Assembles a JSON object whose `member` holds raw JSON (one value, or an array of
/// them), followed by the members of `rest`: stored items go out without decoding.
pub fn splice(member: &str, raw: &[Vec<u8>], single: bool, rest: &Json) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.iter().map(Vec::len).sum::<usize>() + 128);
    out.push(b'{');
    let _ = serde_json::to_writer(&mut out, member);
    out.push(b':');
    if single {
        out.extend_from_slice(raw.first().map(Vec::as_slice).unwrap_or(b"null"));
    } else {
        out.push(b'[');
        for (i, r) in raw.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(r);
        }
        out.push(b']');
    }
    if let Json::Object(map) = rest {
        for (k, v) in map {
            out.push(b',');
            let _ = serde_json::to_writer(&mut out, k);
            out.push(b':');
            let _ = serde_json::to_writer(&mut out, v);
        }
    }
    out.push(b'}');
    out
}

/// DynamoDB's item limit: 400 KB.
pub const MAX_ITEM_BYTES: usize = 400 * 1024;

/// Item size and key sizes, as DynamoDB counts them.
/// An item over 400 KB, refused before its table is looked up.
pub fn check_item_size(item: &Item) -> DResult<()> {
    if item_size(item) > MAX_ITEM_BYTES {
        return Err(DynamoError::validation(
            "Item size has exceeded the maximum allowed size",
        ));
    }
    Ok(())
}

pub fn check_item_limits(meta: &TableMeta, item: &Item) -> DResult<()> {
    check_item_size(item)?;
    meta.check_key_sizes(item)?;
    // Index keys, where present, must have the index's type and not be empty.
    for index in meta.gsis.iter().chain(meta.lsis.iter()) {
        for attr in std::iter::once(&index.key.hash).chain(index.key.range.iter()) {
            let Some(v) = item.get(&attr.name) else {
                continue;
            };
            if super::schema::value_type(v) != Some(attr.kind) {
                return Err(DynamoError::invalid_parameter(format!(
                    "Type mismatch for Index Key {} Expected: {} Actual: {} IndexName: {}",
                    attr.name,
                    attr.kind.name(),
                    v.type_name(),
                    index.name
                )));
            }
            if matches!(v, super::value::Value::S(s) if s.is_empty())
                || matches!(v, super::value::Value::B(b) if b.is_empty())
            {
                return Err(DynamoError::validation(format!(
                    "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: {}, IndexKey: {}",
                    index.name, attr.name
                )));
            }
        }
    }
    Ok(())
}

pub fn parse_return_values<'r>(req: &'r Request, allowed: &[&str]) -> DResult<&'r str> {
    let v = req.str("ReturnValues")?.unwrap_or("NONE");
    const ALL: [&str; 5] = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"];
    if !ALL.contains(&v) {
        return Err(constraint(
            &format!("'{v}'"),
            "returnValues",
            "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        ));
    }
    if !allowed.contains(&v) {
        // PutItem and DeleteItem return only the old item.
        return Err(DynamoError::validation(
            "1 validation error detected: ReturnValues can only be ALL_OLD or NONE",
        ));
    }
    if let Some(f) = req.str("ReturnValuesOnConditionCheckFailure")?
        && f != "ALL_OLD"
        && f != "NONE"
    {
        return Err(constraint(
            &format!("'{f}'"),
            "returnValuesOnConditionCheckFailure",
            "Member must satisfy enum value set: [ALL_OLD, NONE]",
        ));
    }
    Ok(v)
}

pub fn condition_failed(return_old: bool, old: Option<&Item>) -> DynamoError {
    let e = DynamoError::conditional_failed();
    match (return_old, old) {
        (true, Some(o)) => e.with_extra(json!({ "Item": item_to_json(o) })),
        _ => e,
    }
}

/// ReturnConsumedCapacity and ReturnItemCollectionMetrics, where any operation has
/// them, must be one of their values.
fn check_return_options(req: &Request) -> DResult<()> {
    capacity::mode(req)?;
    match req.str("ReturnItemCollectionMetrics")? {
        None | Some("SIZE") | Some("NONE") => Ok(()),
        Some(other) => Err(constraint(
            &format!("'{other}'"),
            "returnItemCollectionMetrics",
            "Member must satisfy enum value set: [SIZE, NONE]",
        )),
    }
}
