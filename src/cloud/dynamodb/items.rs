//! Item access through aws-sdk-dynamodb for `gatekit table`: DynamoDB JSON in and
//! out (the pure `items` module speaks it), the SDK's types only here.

use std::collections::HashMap;
use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::{
    AttributeValue, KeyType, PutRequest, ReturnValue, Select, WriteRequest,
};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Map, Value as Json, json};

use crate::cloud::CloudError;
use crate::items::condition::Placeholders;

pub type Item = Map<String, Json>;

/// DynamoDB JSON to the SDK's attribute value.
pub fn to_sdk(v: &Json) -> AttributeValue {
    let Some((tag, x)) = v.as_object().and_then(|o| o.iter().next()) else {
        return AttributeValue::Null(true);
    };
    let strings = |x: &Json| -> Vec<String> {
        x.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    match tag.as_str() {
        "S" => AttributeValue::S(x.as_str().unwrap_or_default().to_string()),
        "N" => AttributeValue::N(
            x.as_str()
                .map(String::from)
                .unwrap_or_else(|| x.to_string()),
        ),
        "B" => AttributeValue::B(Blob::new(
            B64.decode(x.as_str().unwrap_or_default())
                .unwrap_or_default(),
        )),
        "BOOL" => AttributeValue::Bool(x.as_bool().unwrap_or(false)),
        "SS" => AttributeValue::Ss(strings(x)),
        "NS" => AttributeValue::Ns(strings(x)),
        "BS" => AttributeValue::Bs(
            strings(x)
                .iter()
                .map(|s| Blob::new(B64.decode(s).unwrap_or_default()))
                .collect(),
        ),
        "L" => AttributeValue::L(
            x.as_array()
                .map(|a| a.iter().map(to_sdk).collect())
                .unwrap_or_default(),
        ),
        "M" => AttributeValue::M(item_to_sdk(x.as_object().unwrap_or(&Map::new()))),
        _ => AttributeValue::Null(true),
    }
}

pub fn item_to_sdk(item: &Item) -> HashMap<String, AttributeValue> {
    item.iter().map(|(k, v)| (k.clone(), to_sdk(v))).collect()
}

/// The SDK's attribute value as DynamoDB JSON.
pub fn from_sdk(v: &AttributeValue) -> Json {
    match v {
        AttributeValue::S(s) => json!({ "S": s }),
        AttributeValue::N(n) => json!({ "N": n }),
        AttributeValue::B(b) => json!({ "B": B64.encode(b.as_ref()) }),
        AttributeValue::Bool(b) => json!({ "BOOL": b }),
        AttributeValue::Null(_) => json!({ "NULL": true }),
        AttributeValue::Ss(s) => json!({ "SS": s }),
        AttributeValue::Ns(s) => json!({ "NS": s }),
        AttributeValue::Bs(s) => {
            json!({ "BS": s.iter().map(|b| B64.encode(b.as_ref())).collect::<Vec<_>>() })
        }
        AttributeValue::L(l) => json!({ "L": l.iter().map(from_sdk).collect::<Vec<_>>() }),
        AttributeValue::M(m) => json!({ "M": item_from_sdk(m) }),
        _ => json!({ "NULL": true }),
    }
}

pub fn item_from_sdk(item: &HashMap<String, AttributeValue>) -> Item {
    let mut keys: Vec<&String> = item.keys().collect();
    keys.sort();
    keys.into_iter()
        .map(|k| (k.clone(), from_sdk(&item[k])))
        .collect()
}

/// A table's keys and indexes, as reads and writes need them.
#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    pub hash: (String, String),
    pub range: Option<(String, String)>,
    /// Index name -> (hash attribute, range attribute).
    pub indexes: Vec<(String, String, Option<String>)>,
    pub status: String,
    pub item_count: i64,
    pub size_bytes: i64,
    pub description: Json,
}

impl Shape {
    pub fn key_names(&self) -> Vec<&str> {
        let mut v = vec![self.hash.0.as_str()];
        if let Some(r) = &self.range {
            v.push(r.0.as_str());
        }
        v
    }

    /// The key attributes (hash, range) of the table or of one of its indexes.
    pub fn keys_of(&self, index: Option<&str>) -> Option<(String, Option<String>)> {
        match index {
            None => Some((
                self.hash.0.clone(),
                self.range.as_ref().map(|r| r.0.clone()),
            )),
            Some(i) => self
                .indexes
                .iter()
                .find(|x| x.0 == i)
                .map(|x| (x.1.clone(), x.2.clone())),
        }
    }
}

pub async fn shape(client: &Client, table: &str) -> Result<Option<Shape>, CloudError> {
    let sent = client.describe_table().table_name(table).send().await;
    let found =
        crate::cloud::or_absent(sent.map_err(|e| CloudError::from_sdk("DescribeTable", table, e)))?;
    let Some(t) = found.and_then(|out| out.table) else {
        return Ok(None);
    };
    let ty = |name: &str| {
        t.attribute_definitions()
            .iter()
            .find(|d| d.attribute_name() == name)
            .map(|d| d.attribute_type().as_str().to_string())
            .unwrap_or_else(|| "S".into())
    };
    let key = |schema: &[aws_sdk_dynamodb::types::KeySchemaElement], kind: KeyType| {
        schema
            .iter()
            .find(|k| *k.key_type() == kind)
            .map(|k| k.attribute_name().to_string())
    };
    let hash = key(t.key_schema(), KeyType::Hash).unwrap_or_default();
    let range = key(t.key_schema(), KeyType::Range);
    let mut indexes: Vec<(String, String, Option<String>)> = t
        .global_secondary_indexes()
        .iter()
        .map(|g| {
            (
                g.index_name().unwrap_or_default().to_string(),
                key(g.key_schema(), KeyType::Hash).unwrap_or_default(),
                key(g.key_schema(), KeyType::Range),
            )
        })
        .collect();
    indexes.extend(t.local_secondary_indexes().iter().map(|l| {
        (
            l.index_name().unwrap_or_default().to_string(),
            key(l.key_schema(), KeyType::Hash).unwrap_or_default(),
            key(l.key_schema(), KeyType::Range),
        )
    }));
    let description = json!({
        "name": t.table_name(),
        "arn": t.table_arn(),
        "status": t.table_status().map(|s| s.as_str()),
        "partition_key": { "name": hash, "type": ty(&hash) },
        "sort_key": range.as_ref().map(|r| json!({ "name": r, "type": ty(r) })),
        "billing": t.billing_mode_summary().and_then(|b| b.billing_mode()).map(|b| b.as_str()).unwrap_or("PROVISIONED"),
        "item_count": t.item_count(),
        "size_bytes": t.table_size_bytes(),
        "deletion_protection": t.deletion_protection_enabled(),
        "global_indexes": t.global_secondary_indexes().iter().map(|g| json!({
            "name": g.index_name(),
            "partition_key": key(g.key_schema(), KeyType::Hash),
            "sort_key": key(g.key_schema(), KeyType::Range),
            "projection": g.projection().and_then(|p| p.projection_type()).map(|p| p.as_str()),
            "projected_attributes": g.projection().map(|p| p.non_key_attributes().to_vec()).unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "local_indexes": t.local_secondary_indexes().iter().map(|l| json!({
            "name": l.index_name(),
            "sort_key": key(l.key_schema(), KeyType::Range),
            "projection": l.projection().and_then(|p| p.projection_type()).map(|p| p.as_str()),
        })).collect::<Vec<_>>(),
    });
    Ok(Some(Shape {
        name: table.to_string(),
        hash: (hash.clone(), ty(&hash)),
        range: range.as_ref().map(|r| (r.clone(), ty(r))),
        indexes,
        status: t
            .table_status()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        item_count: t.item_count().unwrap_or(0),
        size_bytes: t.table_size_bytes().unwrap_or(0),
        description,
    }))
}

pub async fn ttl_and_tags(
    client: &Client,
    table: &str,
    arn: &str,
) -> Result<(Option<String>, Vec<(String, String)>), CloudError> {
    let ttl = client
        .describe_time_to_live()
        .table_name(table)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("DescribeTimeToLive", table, e))?
        .time_to_live_description
        .and_then(|d| d.attribute_name);
    let tags = client
        .list_tags_of_resource()
        .resource_arn(arn)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("ListTagsOfResource", table, e))?
        .tags()
        .iter()
        .map(|t| (t.key().to_string(), t.value().to_string()))
        .collect();
    Ok((ttl, tags))
}

pub async fn list_tables(client: &Client) -> Result<Vec<String>, CloudError> {
    let mut names = Vec::new();
    let mut start = None;
    loop {
        let page = client
            .list_tables()
            .set_exclusive_start_table_name(start)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("ListTables", "*", e))?;
        names.extend(page.table_names().iter().cloned());
        start = page.last_evaluated_table_name;
        if start.is_none() {
            return Ok(names);
        }
    }
}

fn names(ph: &Placeholders) -> Option<HashMap<String, String>> {
    (!ph.names.is_empty()).then(|| {
        ph.names
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    })
}

fn values(ph: &Placeholders) -> Option<HashMap<String, AttributeValue>> {
    (!ph.values.is_empty()).then(|| {
        ph.values
            .iter()
            .map(|(k, v)| (k.clone(), to_sdk(v)))
            .collect()
    })
}

pub async fn get(
    client: &Client,
    table: &str,
    key: &Item,
    projection: Option<&str>,
    ph: &Placeholders,
) -> Result<Option<Item>, CloudError> {
    let out = client
        .get_item()
        .table_name(table)
        .set_key(Some(item_to_sdk(key)))
        .set_projection_expression(projection.map(String::from))
        .set_expression_attribute_names(names(ph))
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("GetItem", table, e))?;
    Ok(out.item.as_ref().map(item_from_sdk))
}

pub async fn put(
    client: &Client,
    table: &str,
    item: &Item,
    condition: Option<&str>,
    ph: &Placeholders,
) -> Result<(), CloudError> {
    client
        .put_item()
        .table_name(table)
        .set_item(Some(item_to_sdk(item)))
        .set_condition_expression(condition.map(String::from))
        .set_expression_attribute_names(names(ph))
        .set_expression_attribute_values(values(ph))
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("PutItem", table, e))?;
    Ok(())
}

/// Why a conditional update wrote nothing.
#[derive(Debug)]
pub enum UpdateError {
    /// The condition did not hold; the item as it was (None: there is none).
    ConditionFailed {
        old: Option<Item>,
    },
    Cloud(CloudError),
}

/// Updates one item and returns it as it is afterwards. A failed condition brings
/// the stored item back (ReturnValuesOnConditionCheckFailure), so the caller can
/// say which part of the condition failed.
pub async fn update(
    client: &Client,
    table: &str,
    key: &Item,
    update: &str,
    condition: Option<&str>,
    ph: &Placeholders,
) -> Result<Item, UpdateError> {
    use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
    use aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure as OnFailure;
    let out = client
        .update_item()
        .table_name(table)
        .set_key(Some(item_to_sdk(key)))
        .update_expression(update)
        .set_condition_expression(condition.map(String::from))
        .set_expression_attribute_names(names(ph))
        .set_expression_attribute_values(values(ph))
        .return_values(ReturnValue::AllNew)
        .set_return_values_on_condition_check_failure(condition.map(|_| OnFailure::AllOld))
        .send()
        .await
        .map_err(|e| {
            if let Some(UpdateItemError::ConditionalCheckFailedException(failed)) =
                e.as_service_error()
            {
                UpdateError::ConditionFailed {
                    old: failed.item().map(item_from_sdk),
                }
            } else {
                UpdateError::Cloud(CloudError::from_sdk("UpdateItem", table, e))
            }
        })?;
    Ok(out
        .attributes
        .as_ref()
        .map(item_from_sdk)
        .unwrap_or_default())
}

pub async fn delete(
    client: &Client,
    table: &str,
    key: &Item,
    condition: Option<&str>,
    ph: &Placeholders,
) -> Result<Option<Item>, CloudError> {
    let out = client
        .delete_item()
        .table_name(table)
        .set_key(Some(item_to_sdk(key)))
        .set_condition_expression(condition.map(String::from))
        .set_expression_attribute_names(names(ph))
        .set_expression_attribute_values(values(ph))
        .return_values(ReturnValue::AllOld)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("DeleteItem", table, e))?;
    Ok(out.attributes.as_ref().map(item_from_sdk))
}

/// A read of many items: a Query (with a key condition) or a Scan.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub table: String,
    pub index: Option<String>,
    pub key_condition: Option<String>,
    pub filter: Option<String>,
    pub projection: Option<String>,
    pub placeholders: Placeholders,
    pub descending: bool,
    pub limit: Option<i32>,
    pub count_only: bool,
    pub segment: Option<(i32, i32)>,
}

pub struct Page {
    pub items: Vec<Item>,
    pub count: i32,
    pub scanned: i32,
    pub last_key: Option<Item>,
}

pub async fn page(client: &Client, r: &Read, start: Option<Item>) -> Result<Page, CloudError> {
    let select = r.count_only.then_some(Select::Count);
    let start = start.as_ref().map(item_to_sdk);
    if let Some(kc) = &r.key_condition {
        let out = client
            .query()
            .table_name(&r.table)
            .set_index_name(r.index.clone())
            .key_condition_expression(kc)
            .set_filter_expression(r.filter.clone())
            .set_projection_expression(r.projection.clone())
            .set_expression_attribute_names(names(&r.placeholders))
            .set_expression_attribute_values(values(&r.placeholders))
            .scan_index_forward(!r.descending)
            .set_limit(r.limit)
            .set_select(select)
            .set_exclusive_start_key(start)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("Query", &r.table, e))?;
        Ok(Page {
            items: out.items().iter().map(item_from_sdk).collect(),
            count: out.count,
            scanned: out.scanned_count,
            last_key: out.last_evaluated_key.as_ref().map(item_from_sdk),
        })
    } else {
        let out = client
            .scan()
            .table_name(&r.table)
            .set_index_name(r.index.clone())
            .set_filter_expression(r.filter.clone())
            .set_projection_expression(r.projection.clone())
            .set_expression_attribute_names(names(&r.placeholders))
            .set_expression_attribute_values(values(&r.placeholders))
            .set_limit(r.limit)
            .set_select(select)
            .set_segment(r.segment.map(|s| s.0))
            .set_total_segments(r.segment.map(|s| s.1))
            .set_exclusive_start_key(start)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("Scan", &r.table, e))?;
        Ok(Page {
            items: out.items().iter().map(item_from_sdk).collect(),
            count: out.count,
            scanned: out.scanned_count,
            last_key: out.last_evaluated_key.as_ref().map(item_from_sdk),
        })
    }
}

/// Writes up to 25 items with BatchWriteItem, re-sending unprocessed ones with
/// backoff until all are written.
pub async fn batch_put(client: &Client, table: &str, items: &[Item]) -> Result<(), CloudError> {
    let mut pending: Vec<WriteRequest> = items
        .iter()
        .map(|i| {
            WriteRequest::builder()
                .put_request(
                    PutRequest::builder()
                        .set_item(Some(item_to_sdk(i)))
                        .build()
                        .expect("item set"),
                )
                .build()
        })
        .collect();
    let mut delay = Duration::from_millis(50);
    for _ in 0..20 {
        if pending.is_empty() {
            return Ok(());
        }
        let out = client
            .batch_write_item()
            .request_items(table, pending)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("BatchWriteItem", table, e))?;
        pending = out
            .unprocessed_items
            .and_then(|mut u| u.remove(table))
            .unwrap_or_default();
        if !pending.is_empty() {
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }
    Err(CloudError::Timeout(format!(
        "{} items of a batch to `{table}` stayed unprocessed after 20 tries",
        pending.len()
    )))
}

/// One page of a PartiQL statement's results (ExecuteStatement).
pub struct StatementPage {
    pub items: Vec<Item>,
    pub next_token: Option<String>,
}

/// Runs one PartiQL statement with its `?` parameters (DynamoDB JSON).
pub async fn execute_statement(
    client: &Client,
    statement: &str,
    parameters: &[Json],
    limit: Option<i32>,
    next_token: Option<String>,
) -> Result<StatementPage, CloudError> {
    let out = client
        .execute_statement()
        .statement(statement)
        .set_parameters((!parameters.is_empty()).then(|| parameters.iter().map(to_sdk).collect()))
        .set_limit(limit)
        .set_next_token(next_token)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("ExecuteStatement", "", e))?;
    Ok(StatementPage {
        items: out.items().iter().map(item_from_sdk).collect(),
        next_token: out.next_token().map(String::from),
    })
}
