//! BatchGetItem and BatchWriteItem.

use serde_json::{Map, Value as Json, json};

use super::capacity::{self, Consumed};
use super::item::projection;
use super::{OpContext, check_item_limits, check_item_size};
use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::expr::eval::project;
use crate::local::dynamodb::request::{Request, constraint};
use crate::local::dynamodb::schema::TableMeta;
use crate::local::dynamodb::store::decode_item;
use crate::local::dynamodb::value::{Item, item_from_json, item_size, item_to_json};

const MAX_GET: usize = 100;
const MAX_WRITE: usize = 25;
/// BatchGetItem returns at most 16 MB; the rest goes back as UnprocessedKeys.
const MAX_GET_BYTES: usize = 16 * 1024 * 1024;

/// RequestItems of a batch: present and not empty, in AWS's words.
fn request_map(req: &Request) -> DResult<&Map<String, Json>> {
    let items = req
        .object("RequestItems")?
        .ok_or_else(|| constraint("null", "requestItems", "Member must not be null"))?;
    if items.is_empty() {
        return Err(DynamoError::validation(
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ));
    }
    Ok(items)
}

/// A table name outside 3 to 255 characters of `[a-zA-Z0-9_.-]`, the constraint
/// on RequestItems' keys.
fn has_bad_name(items: &Map<String, Json>) -> bool {
    items
        .keys()
        .any(|n| crate::local::dynamodb::request::check_new_table_name(n, "requestItems").is_err())
}

const MAP_KEYS: &str = "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";

/// A value as AWS's Java service echoes it in a validation message.
fn java(v: &Json) -> String {
    match v {
        Json::Object(m) => {
            // An attribute value ({"S": "x"}) or a map of them.
            if m.len() == 1
                && let Some((t, x)) = m.iter().next()
                && ["S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"].contains(&t.as_str())
            {
                return format!("AttributeValue({t}={})", java(x));
            }
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("{k}={}", java(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        Json::Array(a) => {
            let parts: Vec<String> = a.iter().map(java).collect();
            format!("[{}]", parts.join(", "))
        }
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// BatchWriteItem's RequestItems as AWS echoes them: `{table=[WriteRequest(…)]}`.
fn echo_writes(items: &Map<String, Json>) -> String {
    let tables: Vec<String> = items
        .iter()
        .map(|(t, list)| {
            let writes: Vec<String> = list
                .as_array()
                .into_iter()
                .flatten()
                .map(|w| {
                    // `PutRequest(item=…)`, `DeleteRequest(key=…)`, or null.
                    let part = |request: &str, field: &str, member: &str| {
                        w.get(request)
                            .map(|r| {
                                format!(
                                    "{request}({field}={})",
                                    java(r.get(member).unwrap_or(&Json::Null))
                                )
                            })
                            .unwrap_or_else(|| "null".into())
                    };
                    let put = part("PutRequest", "item", "Item");
                    let del = part("DeleteRequest", "key", "Key");
                    format!("WriteRequest(putRequest={put}, deleteRequest={del})")
                })
                .collect();
            format!("{t}=[{}]", writes.join(", "))
        })
        .collect();
    format!("{{{}}}", tables.join(", "))
}

/// BatchWriteItem's RequestItems, checked as AWS checks them: present and not
/// empty, table names of 3 to 255 characters of the pattern, 1 to 25 requests per
/// table, 25 in all.
fn write_items(req: &Request) -> DResult<&Map<String, Json>> {
    let items = req
        .object("RequestItems")?
        .ok_or_else(|| constraint("null", "requestItems", "Member must not be null"))?;
    if items.is_empty() {
        return Err(DynamoError::validation(
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ));
    }
    let bad_name = items
        .keys()
        .any(|n| crate::local::dynamodb::request::check_new_table_name(n, "requestItems").is_err());
    if bad_name {
        return Err(constraint(
            &format!("'{}'", echo_writes(items)),
            "requestItems",
            "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]",
        ));
    }
    if items
        .values()
        .any(|v| v.as_array().is_none_or(Vec::is_empty))
    {
        return Err(constraint(
            &format!("'{}'", echo_writes(items)),
            "requestItems",
            "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
        ));
    }
    if let Some((table, _)) = items
        .iter()
        .find(|(_, v)| v.as_array().is_some_and(|a| a.len() > MAX_WRITE))
    {
        return Err(DynamoError::validation(format!(
            "1 validation error detected: Value at 'RequestItems.{table}.member' failed to satisfy constraint: Member must have length less than or equal to {MAX_WRITE}"
        )));
    }
    let total: usize = items
        .values()
        .map(|v| v.as_array().map_or(0, Vec::len))
        .sum();
    if total > MAX_WRITE {
        return Err(DynamoError::validation(
            "Too many items requested for the BatchWriteItem call",
        ));
    }
    Ok(items)
}

/// BatchGetItem's RequestItems, checked as AWS checks them: present and not
/// empty, table names of 3 to 255 characters of the pattern (the map echoed as
/// JSON), 1 to 100 keys per table.
fn get_items(req: &Request) -> DResult<&Map<String, Json>> {
    let items = request_map(req)?;
    if has_bad_name(items) {
        return Err(constraint(
            &format!("'{}'", Json::Object(items.clone())),
            "requestItems",
            MAP_KEYS,
        ));
    }
    for (table, spec) in items {
        let keys = spec
            .get("Keys")
            .and_then(Json::as_array)
            .map_or(0, Vec::len);
        let bound = if keys == 0 {
            "greater than or equal to 1"
        } else if keys > MAX_GET {
            "less than or equal to 100"
        } else {
            continue;
        };
        return Err(DynamoError::validation(format!(
            "1 validation error detected: Value at 'RequestItems.{table}.member.Keys' failed to satisfy constraint: Member must have length {bound}"
        )));
    }
    Ok(items)
}

pub async fn batch_get(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let items = get_items(req)?;
    let total: usize = items
        .values()
        .map(|v| v.get("Keys").and_then(Json::as_array).map_or(0, Vec::len))
        .sum();
    if total > MAX_GET {
        return Err(DynamoError::validation(
            "Too many items requested for the BatchGetItem call",
        ));
    }
    let mode = capacity::mode(req)?;
    // Every table's entry is checked (values, expressions, duplicates) before any
    // table is looked up, as DynamoDB does.
    let mut parsed = Vec::with_capacity(items.len());
    for (table, spec) in items {
        let spec_req = Request::from_object(spec.as_object().cloned().unwrap_or_default());
        let consistent = spec_req.bool("ConsistentRead")?.unwrap_or(false);
        let env = spec_req.env(&["ProjectionExpression"])?;
        let paths = projection(&spec_req, &env)?;
        env.check_unused()?;
        let keys = spec_req.array("Keys")?.cloned().unwrap_or_default();
        if keys.is_empty() {
            return Err(constraint(
                "[]",
                "requestItems.member.keys",
                "Member must have length greater than or equal to 1",
            ));
        }
        let key_items = keys
            .iter()
            .map(item_from_json)
            .collect::<DResult<Vec<Item>>>()?;
        if key_items
            .iter()
            .enumerate()
            .any(|(i, k)| key_items[..i].contains(k))
        {
            return Err(DynamoError::validation(
                "Provided list of item keys contains duplicates",
            ));
        }
        parsed.push((table, consistent, paths, keys, key_items));
    }
    let metas = parsed
        .iter()
        .map(|(table, ..)| ctx.items_table(table))
        .collect::<DResult<Vec<_>>>()?;
    let snap = ctx.store.snapshot()?;
    let mut responses = Map::new();
    let mut unprocessed = Map::new();
    let mut consumed = Vec::new();
    let mut bytes = 0;
    for (meta, (table, consistent, paths, keys, key_items)) in metas.into_iter().zip(parsed) {
        let spec = &items[table];
        let mut used = Consumed::read(&meta.name, None, 0, consistent);
        used.own = Some(0.0);
        let mut seen = Vec::new();
        let mut found = Vec::new();
        let mut left = Vec::new();
        for (k, key_item) in keys.into_iter().zip(key_items) {
            let key = meta.exact_key(&key_item)?;
            if seen.contains(&key) {
                return Err(DynamoError::validation(
                    "Provided list of item keys contains duplicates",
                ));
            }
            seen.push(key.clone());
            if bytes >= MAX_GET_BYTES {
                left.push(k);
                continue;
            }
            if let Some(b) = snap.get(&meta.items_table(), &key)? {
                let item = decode_item(&b)?;
                bytes += item_size(&item);
                used.add(&Consumed::read(
                    &meta.name,
                    None,
                    item_size(&item),
                    consistent,
                ));
                let item = match &paths {
                    Some(p) => project(&item, p),
                    None => item,
                };
                found.push(item_to_json(&item));
            }
        }
        responses.insert(table.clone(), Json::Array(found));
        consumed.push(used);
        if !left.is_empty() {
            let mut rest = spec.as_object().cloned().unwrap_or_default();
            rest.insert("Keys".into(), Json::Array(left));
            unprocessed.insert(table.clone(), Json::Object(rest));
        }
    }
    let mut out = json!({ "Responses": responses, "UnprocessedKeys": unprocessed });
    if let Some(mode) = mode {
        out["ConsumedCapacity"] = capacity::list(&consumed, mode);
    }
    Ok(out)
}

enum Write {
    Put(Vec<u8>, Item),
    Delete(Vec<u8>),
}

pub async fn batch_write(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let items = write_items(req)?;
    // Every value and item size is checked before any table is looked up, as
    // DynamoDB does; keys need the table.
    let mut parsed: Vec<(&String, Vec<Result<Item, Item>>)> = Vec::new();
    for (table, list) in items {
        let mut writes = Vec::new();
        for entry in list.as_array().into_iter().flatten() {
            writes.push(if let Some(put) = entry.get("PutRequest") {
                let item = item_from_json(put.get("Item").unwrap_or(&Json::Null))?;
                check_item_size(&item)?;
                Ok(item)
            } else if let Some(del) = entry.get("DeleteRequest") {
                Err(item_from_json(del.get("Key").unwrap_or(&Json::Null))?)
            } else {
                return Err(DynamoError::validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
                ));
            });
        }
        parsed.push((table, writes));
    }
    let mut plan: Vec<(String, Vec<Write>)> = Vec::new();
    for (table, list) in parsed {
        let meta = ctx.items_table(table)?;
        let mut keys = Vec::new();
        let mut writes = Vec::new();
        for entry in list {
            let write = match entry {
                Ok(item) => {
                    // A key of the wrong type, or none, is a schema mismatch here
                    // (PutItem words it differently); an empty key value is not.
                    let key = meta.item_key(&item).map_err(|e| {
                        if e.message.contains("Type mismatch")
                            || e.message.contains("Missing the key")
                        {
                            DynamoError::validation(
                                "The provided key element does not match the schema",
                            )
                        } else {
                            e
                        }
                    })?;
                    check_item_limits(&meta, &item)?;
                    Write::Put(key, item)
                }
                Err(key_item) => Write::Delete(meta.exact_key(&key_item)?),
            };
            let key = match &write {
                Write::Put(k, _) | Write::Delete(k) => k.clone(),
            };
            if keys.contains(&key) {
                return Err(DynamoError::validation(
                    "Provided list of item keys contains duplicates",
                ));
            }
            keys.push(key);
            writes.push(write);
        }
        plan.push((table.clone(), writes));
    }
    let mode = capacity::mode(req)?;
    let metrics = req.str("ReturnItemCollectionMetrics")? == Some("SIZE");
    let region = ctx.region.to_string();
    let (consumed, collections) = ctx
        .store
        .write(move |txn| {
            let mut consumed = Vec::new();
            let mut collections: Vec<(std::sync::Arc<TableMeta>, Item)> = Vec::new();
            // Check every table first so a missing one writes nothing.
            let mut metas = Vec::new();
            for (table, _) in &plan {
                metas.push(
                    txn.table(&region, table)
                        .ok_or_else(DynamoError::not_found)?,
                );
            }
            for (meta, (_, writes)) in metas.iter().zip(plan) {
                for w in writes {
                    let (old, new) = match w {
                        Write::Put(key, item) => {
                            let old = txn.get_item(meta, &key)?;
                            txn.put_item(meta, &key, &item, old.as_ref())?;
                            (old, Some(item))
                        }
                        Write::Delete(key) => {
                            let old = txn.get_item(meta, &key)?;
                            if let Some(old) = &old {
                                txn.delete_item(meta, &key, old)?;
                            }
                            (old, None)
                        }
                    };
                    if mode.is_some() {
                        consumed.push(Consumed::write(meta, old.as_ref(), new.as_ref(), 1.0));
                    }
                    if metrics
                        && !meta.lsis.is_empty()
                        && let Some(item) = new.or(old)
                    {
                        collections.push((meta.clone(), item));
                    }
                }
            }
            Ok((consumed, collections))
        })
        .await?;
    let mut out = json!({ "UnprocessedItems": {} });
    if let Some(mode) = mode {
        out["ConsumedCapacity"] = capacity::list(&consumed, mode);
    }
    if let Some(m) = capacity::collections_json(req, &collections)? {
        out["ItemCollectionMetrics"] = m;
    }
    Ok(out)
}
