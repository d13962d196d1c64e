//! The console's tables: the list, one table's description, items paged by query
//! or scan in the condition language, and put and delete with the item model
//! enforced, through the code `gatekit table` runs.

use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Map, Value as Json, json};

use super::{Reply, State, body_of};
use crate::cli::Failure;
use crate::cli::session::cloud_failure;
use crate::cli::table::{OpenedTable, key_from, open_in, read, write};
use crate::cloud::dynamodb::items::{self, Read};
use crate::items::condition::Placeholders;
use crate::items::convert::item_from_dynamo;

/// The most items one page of the console holds.
const MAX_PAGE: i32 = 1000;

pub async fn list(state: &State) -> Result<Reply, Failure> {
    let project = state.project()?;
    let rows = read::list_rows(&state.session, project.as_ref(), &state.target, false).await?;
    Ok(Reply::ok(&json!({ "tables": rows })))
}

async fn open(state: &State, name: &str) -> Result<OpenedTable, Failure> {
    let project = state.project()?;
    open_in(
        &state.session,
        project.as_ref(),
        &state.target,
        state.region_flag(),
        name,
    )
    .await
}

pub async fn describe(state: &State, name: &str) -> Result<Reply, Failure> {
    let t = open(state, name).await?;
    let mut d = read::description(&t).await?;
    d["keys"] = json!(t.keys());
    Ok(Reply::ok(&d))
}

/// A page of items: a query when a key condition is given, else a scan.
#[derive(Deserialize)]
pub struct ReadRequest {
    /// A key condition in the condition language: `owner = "ann"`.
    #[serde(default)]
    condition: Option<String>,
    /// A filter in the condition language.
    #[serde(default, rename = "where")]
    filter: Option<String>,
    #[serde(default)]
    index: Option<String>,
    #[serde(default)]
    limit: Option<i32>,
    /// The key the previous page ended at, as the console gave it (DynamoDB JSON).
    #[serde(default)]
    start: Option<Map<String, Json>>,
    #[serde(default)]
    desc: bool,
}

pub async fn read(state: &State, name: &str, body: &Bytes) -> Result<Reply, Failure> {
    let r: ReadRequest = body_of(body)?;
    let t = open(state, name).await?;
    let mut ph = Placeholders::default();
    let index = r.index.as_deref().filter(|i| !i.is_empty());
    let condition = r.condition.as_deref().filter(|c| !c.trim().is_empty());
    let filter_text = r.filter.as_deref().filter(|c| !c.trim().is_empty());
    let key_condition = match condition {
        Some(c) => Some(read::key_condition(&t, c, index, &mut ph)?),
        None => None,
    };
    let filter = match filter_text {
        Some(f) => Some(read::where_filter(&t, f, &mut ph)?),
        None => None,
    };
    let request = Read {
        table: t.physical.clone(),
        index: index.map(String::from),
        key_condition,
        filter,
        placeholders: ph,
        descending: r.desc,
        limit: Some(r.limit.unwrap_or(25).clamp(1, MAX_PAGE)),
        ..Read::default()
    };
    let page = items::page(&t.cloud.dynamodb, &request, r.start)
        .await
        .map_err(cloud_failure)?;
    let shown: Vec<Map<String, Json>> = page.items.iter().map(item_from_dynamo).collect();
    Ok(Reply::ok(&json!({
        "items": shown,
        "count": shown.len(),
        "next": page.last_key,
        "keys": t.keys(),
    })))
}

/// An item to write, and the key of the item it replaces when it was edited (a
/// changed key writes the new item, then deletes the old one).
#[derive(Deserialize)]
pub struct PutRequest {
    item: Map<String, Json>,
    #[serde(default)]
    replaces: Option<Map<String, Json>>,
}

pub async fn put(state: &State, name: &str, body: &Bytes) -> Result<Reply, Failure> {
    state.may_write()?;
    let r: PutRequest = body_of(body)?;
    let t = open(state, name).await?;
    let item = match write::checked(&t, &r.item) {
        Ok(item) => item,
        Err(unfit) => {
            let violations: Vec<Json> = match unfit {
                write::Unfit::Model(v) => v
                    .iter()
                    .map(|v| json!({ "attribute": v.attribute, "rule": v.rule, "message": v.message }))
                    .collect(),
                write::Unfit::NoKey(k) => vec![json!({
                    "attribute": k, "rule": "key",
                    "message": format!("`{k}` is part of the key: every item has it"),
                })],
            };
            return Ok(Reply::json(
                hyper::StatusCode::UNPROCESSABLE_ENTITY,
                &json!({ "error": { "kind": "model", "message": "the item breaks the item model" },
                         "violations": violations }),
            ));
        }
    };
    let old_key = match &r.replaces {
        Some(k) => Some(key_from(&t, k)?),
        None => None,
    };
    let ph = Placeholders::default();
    items::put(&t.cloud.dynamodb, &t.physical, &item, None, &ph)
        .await
        .map_err(cloud_failure)?;
    let new_key: Map<String, Json> = t
        .keys()
        .iter()
        .filter_map(|k| item.get(*k).map(|v| (k.to_string(), v.clone())))
        .collect();
    if let Some(old) = old_key
        && old != new_key
    {
        items::delete(&t.cloud.dynamodb, &t.physical, &old, None, &ph)
            .await
            .map_err(cloud_failure)?;
    }
    Ok(Reply::ok(&json!({ "item": item_from_dynamo(&item) })))
}

#[derive(Deserialize)]
pub struct DeleteRequest {
    key: Map<String, Json>,
}

pub async fn delete(state: &State, name: &str, body: &Bytes) -> Result<Reply, Failure> {
    state.may_write()?;
    let r: DeleteRequest = body_of(body)?;
    let t = open(state, name).await?;
    let key = key_from(&t, &r.key)?;
    let old = items::delete(
        &t.cloud.dynamodb,
        &t.physical,
        &key,
        None,
        &Placeholders::default(),
    )
    .await
    .map_err(cloud_failure)?;
    Ok(Reply::ok(
        &json!({ "deleted": old.as_ref().map(item_from_dynamo) }),
    ))
}

/// Records kept for the console's stream view.
const RECENT_RECORDS: usize = 50;

/// The table's stream: its view type, its newest records (keys and images as
/// plain JSON) and the triggers that read it.
pub async fn stream(state: &State, name: &str) -> Result<Reply, Failure> {
    use crate::cloud::dynamodb::stream as streams;
    let t = open(state, name).await?;
    let Some(arn) = crate::cloud::lambda::triggers::current_stream(&t.cloud.dynamodb, &t.physical)
        .await
        .map_err(cloud_failure)?
    else {
        return Ok(Reply::ok(&json!({ "stream": null })));
    };
    let streams::Recent {
        view_type,
        mut records,
    } = streams::recent(&t.cloud.streams, &arn, RECENT_RECORDS)
        .await
        .map_err(cloud_failure)?;
    for r in &mut records {
        for part in ["keys", "new_image", "old_image"] {
            if let Json::Object(image) = &r[part] {
                r[part] = Json::Object(item_from_dynamo(image));
            }
        }
    }
    let triggers = streams::triggers(&t.cloud.lambda, &arn)
        .await
        .map_err(cloud_failure)?;
    Ok(Reply::ok(&json!({
        "stream": arn, "view_type": view_type, "records": records, "triggers": triggers,
    })))
}
