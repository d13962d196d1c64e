//! DynamoDB tables: read the live state in the attribute shapes of `plan::desired`,
//! and apply plan actions (create, update, replace, delete), waiting until ready.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, CreateGlobalSecondaryIndexAction,
    DeleteGlobalSecondaryIndexAction, GlobalSecondaryIndex, GlobalSecondaryIndexUpdate,
    IndexStatus, KeySchemaElement, KeyType, LocalSecondaryIndex, Projection, ProjectionType,
    ProvisionedThroughput, ScalarAttributeType, TableDescription, TableStatus, Tag,
    TimeToLiveSpecification, TimeToLiveStatus, UpdateGlobalSecondaryIndexAction,
};
use serde_json::{Value as Json, json};
use tokio::sync::Semaphore;

use super::CloudError;
use crate::plan::{self, Action, Kind, Live, Op, Ownership, Resource};

/// Reads run concurrently, up to this many in flight.
const READS_IN_FLIGHT: usize = 64;

async fn list_names(client: &Client) -> Result<Vec<String>, CloudError> {
    let mut names = Vec::new();
    let mut start: Option<String> = None;
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

fn key_text(
    schema: &[KeySchemaElement],
    defs: &[AttributeDefinition],
    kind: KeyType,
) -> Option<String> {
    let name = schema
        .iter()
        .find(|k| *k.key_type() == kind)?
        .attribute_name()
        .to_string();
    let ty = defs
        .iter()
        .find(|d| d.attribute_name() == name)
        .map(|d| d.attribute_type().as_str().to_string())?;
    Some(format!("{name}:{ty}"))
}

fn projection_json(p: Option<&Projection>) -> Json {
    match p.and_then(|p| p.projection_type()) {
        Some(ProjectionType::KeysOnly) => json!("keys_only"),
        Some(ProjectionType::Include) => {
            let mut attrs: Vec<String> = p
                .map(|p| p.non_key_attributes().to_vec())
                .unwrap_or_default();
            attrs.sort();
            json!(attrs)
        }
        _ => json!("all"),
    }
}

/// DescribeTable (and TTL, tags) in the attribute shapes of the desired side.
fn attributes(
    t: &TableDescription,
    ttl: Option<String>,
    tags: &BTreeMap<String, String>,
) -> BTreeMap<String, Json> {
    let defs = t.attribute_definitions();
    let mut a = BTreeMap::new();
    if let Some(p) = key_text(t.key_schema(), defs, KeyType::Hash) {
        a.insert("key.partition".into(), json!(p));
    }
    if let Some(s) = key_text(t.key_schema(), defs, KeyType::Range) {
        a.insert("key.sort".into(), json!(s));
    }
    let on_demand = t.billing_mode_summary().and_then(|b| b.billing_mode())
        == Some(&BillingMode::PayPerRequest);
    if on_demand {
        a.insert("billing".into(), json!("on_demand"));
    } else {
        a.insert("billing".into(), json!("provisioned"));
        if let Some(p) = t.provisioned_throughput() {
            a.insert(
                "capacity.read".into(),
                json!(p.read_capacity_units().unwrap_or(0)),
            );
            a.insert(
                "capacity.write".into(),
                json!(p.write_capacity_units().unwrap_or(0)),
            );
        }
    }
    for g in t.global_secondary_indexes() {
        let schema = g.key_schema();
        let mut v = json!({
            "partition": key_text(schema, defs, KeyType::Hash),
            "projection": projection_json(g.projection()),
        });
        if let Some(s) = key_text(schema, defs, KeyType::Range) {
            v["sort"] = json!(s);
        }
        if !on_demand && let Some(p) = g.provisioned_throughput() {
            v["capacity"] = json!({ "read": p.read_capacity_units().unwrap_or(0), "write": p.write_capacity_units().unwrap_or(0) });
        }
        a.insert(format!("index.{}", g.index_name().unwrap_or_default()), v);
    }
    for l in t.local_secondary_indexes() {
        a.insert(
            format!("local_index.{}", l.index_name().unwrap_or_default()),
            json!({ "sort": key_text(l.key_schema(), defs, KeyType::Range), "projection": projection_json(l.projection()) }),
        );
    }
    if let Some(ttl) = ttl {
        a.insert("ttl".into(), json!(ttl));
    }
    a.insert(
        "protect".into(),
        json!(t.deletion_protection_enabled().unwrap_or(false)),
    );
    for (k, v) in tags {
        if !k.starts_with("gatekit:") {
            a.insert(format!("tag.{k}"), json!(v));
        }
    }
    a
}

async fn describe(client: &Client, name: &str) -> Result<Option<TableDescription>, CloudError> {
    match client.describe_table().table_name(name).send().await {
        Ok(out) => Ok(out.table),
        Err(e) => {
            let err = CloudError::from_sdk("DescribeTable", name, e);
            if err.code() == Some("ResourceNotFoundException") {
                Ok(None)
            } else {
                Err(err)
            }
        }
    }
}

async fn read_one(
    client: Client,
    name: String,
    project: String,
    target: String,
) -> Result<Option<Live>, CloudError> {
    let (table, ttl) = tokio::join!(
        describe(&client, &name),
        client.describe_time_to_live().table_name(&name).send()
    );
    let Some(table) = table? else {
        return Ok(None);
    };
    let ttl = match ttl {
        Ok(out) => out
            .time_to_live_description
            .filter(|d| {
                matches!(
                    d.time_to_live_status(),
                    Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling)
                )
            })
            .and_then(|d| d.attribute_name),
        Err(e) => {
            let err = CloudError::from_sdk("DescribeTimeToLive", &name, e);
            if err.code() == Some("ResourceNotFoundException") {
                return Ok(None);
            }
            return Err(err);
        }
    };
    let arn = table.table_arn().unwrap_or_default().to_string();
    let tags: BTreeMap<String, String> = client
        .list_tags_of_resource()
        .resource_arn(&arn)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("ListTagsOfResource", &name, e))?
        .tags()
        .iter()
        .map(|t| (t.key().to_string(), t.value().to_string()))
        .collect();
    let owned = tags.get(plan::TAG_PROJECT) == Some(&project)
        && tags.get(plan::TAG_TARGET) == Some(&target);
    let ownership = match (owned, tags.get(plan::TAG_NAME)) {
        (true, Some(n)) => Ownership::Owned { name: n.clone() },
        _ => Ownership::Foreign,
    };
    let logical = match &ownership {
        Ownership::Owned { name } => name.clone(),
        Ownership::Foreign => name.clone(),
    };
    let mut facts = BTreeMap::new();
    facts.insert(
        "item_count".to_string(),
        json!(table.item_count().unwrap_or(0)),
    );
    facts.insert(
        "size_bytes".to_string(),
        json!(table.table_size_bytes().unwrap_or(0)),
    );
    Ok(Some(Live {
        state: table
            .table_status()
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "UNKNOWN".into()),
        protected: table.deletion_protection_enabled().unwrap_or(false),
        resource: Resource {
            kind: Kind::Table,
            name: logical,
            physical: name,
            attributes: attributes(&table, ttl, &tags),
        },
        ownership,
        facts,
    }))
}

/// The tables that matter to the project: those the file names, and those whose
/// names carry the project's prefix (where owned tables no longer in the file are).
/// Tables outside both are never described: no call the plan does not need.
pub async fn read(
    client: &Client,
    project: &str,
    target: &str,
    wanted: &[String],
) -> Result<Vec<Live>, CloudError> {
    let prefix = format!("{project}-{target}-");
    let names: BTreeSet<String> = list_names(client)
        .await?
        .into_iter()
        .filter(|n| n.starts_with(&prefix) || wanted.contains(n))
        .collect();
    let limit = Arc::new(Semaphore::new(READS_IN_FLIGHT));
    let mut set = tokio::task::JoinSet::new();
    for name in names {
        let (client, project, target, limit) = (
            client.clone(),
            project.to_string(),
            target.to_string(),
            limit.clone(),
        );
        set.spawn(async move {
            let _permit = limit.acquire_owned().await;
            read_one(client, name, project, target).await
        });
    }
    let mut live = Vec::new();
    while let Some(joined) = set.join_next().await {
        let found =
            joined.map_err(|e| CloudError::Timeout(format!("a read task failed: {e}")))??;
        live.extend(found);
    }
    live.sort_by(|a, b| a.resource.physical.cmp(&b.resource.physical));
    Ok(live)
}

// ---------------------------------------------------------------- applying

fn split_key(spec: &str) -> (String, ScalarAttributeType) {
    let (name, ty) = spec.rsplit_once(':').unwrap_or((spec, "S"));
    (name.to_string(), ScalarAttributeType::from(ty))
}

fn key_element(spec: &str, kind: KeyType) -> KeySchemaElement {
    KeySchemaElement::builder()
        .attribute_name(split_key(spec).0)
        .key_type(kind)
        .build()
        .expect("name and type are set")
}

fn key_schema(partition: &str, sort: Option<&str>) -> Vec<KeySchemaElement> {
    let mut v = vec![key_element(partition, KeyType::Hash)];
    if let Some(s) = sort {
        v.push(key_element(s, KeyType::Range));
    }
    v
}

fn projection(p: &Json) -> Projection {
    match p {
        Json::Array(attrs) => Projection::builder()
            .projection_type(ProjectionType::Include)
            .set_non_key_attributes(Some(
                attrs
                    .iter()
                    .filter_map(Json::as_str)
                    .map(String::from)
                    .collect(),
            ))
            .build(),
        Json::String(s) if s == "keys_only" => Projection::builder()
            .projection_type(ProjectionType::KeysOnly)
            .build(),
        _ => Projection::builder()
            .projection_type(ProjectionType::All)
            .build(),
    }
}

fn throughput(cap: &Json) -> Option<ProvisionedThroughput> {
    let (r, w) = (cap.get("read")?.as_i64()?, cap.get("write")?.as_i64()?);
    ProvisionedThroughput::builder()
        .read_capacity_units(r)
        .write_capacity_units(w)
        .build()
        .ok()
}

fn text<'a>(a: &'a BTreeMap<String, Json>, key: &str) -> Option<&'a str> {
    a.get(key).and_then(Json::as_str)
}

/// The attribute definitions a table and its indexes need.
fn definitions(a: &BTreeMap<String, Json>) -> Vec<AttributeDefinition> {
    let mut specs: Vec<String> = Vec::new();
    for k in ["key.partition", "key.sort"] {
        specs.extend(text(a, k).map(String::from));
    }
    for (k, v) in a {
        if k.starts_with("index.") || k.starts_with("local_index.") {
            for f in ["partition", "sort"] {
                specs.extend(v.get(f).and_then(Json::as_str).map(String::from));
            }
        }
    }
    let mut seen = BTreeSet::new();
    specs
        .iter()
        .map(|s| split_key(s))
        .filter(|(n, _)| seen.insert(n.clone()))
        .map(|(n, t)| {
            AttributeDefinition::builder()
                .attribute_name(n)
                .attribute_type(t)
                .build()
                .expect("set")
        })
        .collect()
}

fn gsi(name: &str, v: &Json) -> GlobalSecondaryIndex {
    GlobalSecondaryIndex::builder()
        .index_name(name)
        .set_key_schema(Some(key_schema(
            v.get("partition")
                .and_then(Json::as_str)
                .unwrap_or_default(),
            v.get("sort").and_then(Json::as_str),
        )))
        .projection(projection(v.get("projection").unwrap_or(&Json::Null)))
        .set_provisioned_throughput(v.get("capacity").and_then(throughput))
        .build()
        .expect("name and keys are set")
}

fn user_and_owner_tags(project: &str, target: &str, r: &Resource) -> Vec<Tag> {
    let mut tags: Vec<(String, String)> = r
        .attributes
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("tag.")
                .map(|t| (t.to_string(), v.as_str().unwrap_or_default().to_string()))
        })
        .collect();
    tags.extend(plan::desired::ownership_tags(project, target, &r.name));
    tags.into_iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build().expect("set"))
        .collect()
}

/// Reports a step of an action, for progress bars and JSON events.
pub type Progress<'a> = &'a (dyn Fn(&str) + Send + Sync);

async fn create(
    client: &Client,
    project: &str,
    target: &str,
    r: &Resource,
    progress: Progress<'_>,
) -> Result<(), CloudError> {
    let a = &r.attributes;
    let name = r.physical.as_str();
    let provisioned = text(a, "billing") == Some("provisioned");
    let mut req = client
        .create_table()
        .table_name(name)
        .set_key_schema(Some(key_schema(
            text(a, "key.partition").unwrap_or_default(),
            text(a, "key.sort"),
        )))
        .set_attribute_definitions(Some(definitions(a)))
        .set_tags(Some(user_and_owner_tags(project, target, r)))
        .deletion_protection_enabled(a.get("protect").and_then(Json::as_bool).unwrap_or(false));
    req = if provisioned {
        req.billing_mode(BillingMode::Provisioned)
            .set_provisioned_throughput(throughput(&json!({
                "read": a.get("capacity.read"), "write": a.get("capacity.write")
            })))
    } else {
        req.billing_mode(BillingMode::PayPerRequest)
    };
    for (k, v) in a {
        if let Some(index) = k.strip_prefix("index.") {
            req = req.global_secondary_indexes(gsi(index, v));
        } else if let Some(index) = k.strip_prefix("local_index.") {
            req = req.local_secondary_indexes(
                LocalSecondaryIndex::builder()
                    .index_name(index)
                    .set_key_schema(Some(key_schema(
                        text(a, "key.partition").unwrap_or_default(),
                        v.get("sort").and_then(Json::as_str),
                    )))
                    .projection(projection(v.get("projection").unwrap_or(&Json::Null)))
                    .build()
                    .expect("set"),
            );
        }
    }
    progress("creating");
    req.send()
        .await
        .map_err(|e| CloudError::from_sdk("CreateTable", name, e))?;
    wait_ready(client, name, progress).await?;
    if let Some(ttl) = text(a, "ttl") {
        set_ttl(client, name, ttl, true).await?;
    }
    Ok(())
}

async fn set_ttl(
    client: &Client,
    name: &str,
    attribute: &str,
    enabled: bool,
) -> Result<(), CloudError> {
    client
        .update_time_to_live()
        .table_name(name)
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .enabled(enabled)
                .attribute_name(attribute)
                .build()
                .expect("set"),
        )
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("UpdateTimeToLive", name, e))?;
    Ok(())
}

/// Polls until the table and all its indexes are ACTIVE (or the table is gone, when
/// `gone` is asked for). Backs off from 100 ms to 2 s; gives up after 30 minutes.
async fn wait_until(
    client: &Client,
    name: &str,
    gone: bool,
    progress: Progress<'_>,
) -> Result<(), CloudError> {
    let mut delay = Duration::from_millis(100);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1800);
    loop {
        let t = describe(client, name).await?;
        let done = match (&t, gone) {
            (None, true) => true,
            (Some(t), false) => {
                t.table_status() == Some(&TableStatus::Active)
                    && t.global_secondary_indexes()
                        .iter()
                        .all(|g| g.index_status() == Some(&IndexStatus::Active))
            }
            _ => false,
        };
        if done {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            return Err(CloudError::Timeout(format!(
                "table `{name}` did not become ready within 30 minutes"
            )));
        }
        progress(if gone {
            "waiting for deletion"
        } else {
            "waiting for ACTIVE"
        });
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(2));
    }
}

async fn wait_ready(client: &Client, name: &str, progress: Progress<'_>) -> Result<(), CloudError> {
    wait_until(client, name, false, progress).await
}

async fn delete(client: &Client, live: &Live, progress: Progress<'_>) -> Result<(), CloudError> {
    let name = live.resource.physical.as_str();
    if live.protected {
        progress("turning off deletion protection");
        client
            .update_table()
            .table_name(name)
            .deletion_protection_enabled(false)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
        wait_ready(client, name, progress).await?;
    }
    progress("deleting");
    match client.delete_table().table_name(name).send().await {
        Ok(_) => {}
        Err(e) => {
            let err = CloudError::from_sdk("DeleteTable", name, e);
            // Already gone: a resumed run converges.
            if err.code() != Some("ResourceNotFoundException") {
                return Err(err);
            }
        }
    }
    wait_until(client, name, true, progress).await
}

fn capacity_update(index: &str, cap: &Json) -> GlobalSecondaryIndexUpdate {
    let update = UpdateGlobalSecondaryIndexAction::builder()
        .index_name(index)
        .set_provisioned_throughput(throughput(cap))
        .build()
        .expect("set");
    GlobalSecondaryIndexUpdate::builder().update(update).build()
}

/// One index change in its own UpdateTable call, then a wait until the table and
/// its indexes are ACTIVE again, as DynamoDB allows one online index change at a time.
async fn index_change(
    client: &Client,
    name: &str,
    change: GlobalSecondaryIndexUpdate,
    definitions: Option<Vec<AttributeDefinition>>,
    step: &str,
    progress: Progress<'_>,
) -> Result<(), CloudError> {
    progress(step);
    client
        .update_table()
        .table_name(name)
        .set_attribute_definitions(definitions)
        .global_secondary_index_updates(change)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
    wait_ready(client, name, progress).await
}

/// Applies in-place changes, one kind of call at a time, as DynamoDB demands:
/// billing, capacity and protection; then index deletions and creations one per
/// UpdateTable, waiting for ACTIVE between them; then TTL; then tags.
async fn update(
    client: &Client,
    project: &str,
    target: &str,
    want: &Resource,
    live: &Live,
    progress: Progress<'_>,
) -> Result<(), CloudError> {
    let name = want.physical.as_str();
    let (a, have) = (&want.attributes, &live.resource.attributes);
    let differs = |k: &str| a.get(k) != have.get(k);
    let provisioned = text(a, "billing") == Some("provisioned");
    if differs("billing")
        || differs("capacity.read")
        || differs("capacity.write")
        || differs("protect")
    {
        let mut req = client.update_table().table_name(name);
        if differs("billing") || differs("capacity.read") || differs("capacity.write") {
            if provisioned {
                req = req
                    .billing_mode(BillingMode::Provisioned)
                    .set_provisioned_throughput(throughput(&json!({
                        "read": a.get("capacity.read"), "write": a.get("capacity.write")
                    })));
                // Switching to provisioned needs capacity for the indexes that stay.
                if differs("billing") {
                    for (k, v) in a {
                        if let (Some(index), Some(cap)) =
                            (k.strip_prefix("index."), v.get("capacity"))
                            && have.contains_key(k)
                        {
                            req = req.global_secondary_index_updates(capacity_update(index, cap));
                        }
                    }
                }
            } else {
                req = req.billing_mode(BillingMode::PayPerRequest);
            }
        }
        if differs("protect") {
            req = req.deletion_protection_enabled(
                a.get("protect").and_then(Json::as_bool).unwrap_or(false),
            );
        }
        progress("updating billing and protection");
        req.send()
            .await
            .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
        wait_ready(client, name, progress).await?;
    }
    let indexes = |m: &BTreeMap<String, Json>| -> BTreeMap<String, Json> {
        m.iter()
            .filter_map(|(k, v)| k.strip_prefix("index.").map(|i| (i.to_string(), v.clone())))
            .collect()
    };
    let (want_gsi, have_gsi) = (indexes(a), indexes(have));
    let shape = |v: &Json| json!({ "partition": v.get("partition"), "sort": v.get("sort"), "projection": v.get("projection") });
    for (index, v) in &have_gsi {
        let changed_shape = want_gsi.get(index).is_some_and(|w| shape(w) != shape(v));
        if !want_gsi.contains_key(index) || changed_shape {
            let delete = DeleteGlobalSecondaryIndexAction::builder()
                .index_name(index)
                .build()
                .expect("set");
            let change = GlobalSecondaryIndexUpdate::builder().delete(delete).build();
            index_change(
                client,
                name,
                change,
                None,
                &format!("deleting index {index}"),
                progress,
            )
            .await?;
        }
    }
    for (index, v) in &want_gsi {
        let current = have_gsi.get(index);
        let needs_create = current.is_none_or(|c| shape(c) != shape(v));
        if needs_create {
            let g = gsi(index, v);
            let create = CreateGlobalSecondaryIndexAction::builder()
                .index_name(index)
                .set_key_schema(Some(g.key_schema().to_vec()))
                .set_projection(g.projection().cloned())
                .set_provisioned_throughput(g.provisioned_throughput().cloned())
                .build()
                .expect("set");
            let change = GlobalSecondaryIndexUpdate::builder().create(create).build();
            index_change(
                client,
                name,
                change,
                Some(definitions(a)),
                &format!("creating index {index}"),
                progress,
            )
            .await?;
        } else if current.and_then(|c| c.get("capacity")) != v.get("capacity")
            && !differs("billing")
            && let Some(cap) = v.get("capacity")
        {
            let change = capacity_update(index, cap);
            index_change(
                client,
                name,
                change,
                None,
                &format!("updating index {index}"),
                progress,
            )
            .await?;
        }
    }
    if differs("ttl") {
        progress("updating TTL");
        if let Some(old) = text(have, "ttl") {
            set_ttl(client, name, old, false).await?;
        }
        if let Some(new) = text(a, "ttl") {
            set_ttl(client, name, new, true).await?;
        }
    }
    let tag_keys = |m: &BTreeMap<String, Json>| -> BTreeMap<String, Json> {
        m.iter()
            .filter_map(|(k, v)| k.strip_prefix("tag.").map(|t| (t.to_string(), v.clone())))
            .collect()
    };
    let (want_tags, have_tags) = (tag_keys(a), tag_keys(have));
    if want_tags != have_tags {
        progress("updating tags");
        let arn = describe(client, name)
            .await?
            .and_then(|t| t.table_arn)
            .unwrap_or_default();
        let removed: Vec<String> = have_tags
            .keys()
            .filter(|k| !want_tags.contains_key(*k))
            .cloned()
            .collect();
        if !removed.is_empty() {
            client
                .untag_resource()
                .resource_arn(&arn)
                .set_tag_keys(Some(removed))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UntagResource", name, e))?;
        }
        client
            .tag_resource()
            .resource_arn(&arn)
            .set_tags(Some(user_and_owner_tags(project, target, want)))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("TagResource", name, e))?;
    }
    Ok(())
}

/// Carries out one action of the plan.
pub async fn apply(
    client: &Client,
    project: &str,
    target: &str,
    action: &Action,
    progress: Progress<'_>,
) -> Result<(), CloudError> {
    match (action.op, &action.desired, &action.live) {
        (Op::Create, Some(want), _) => create(client, project, target, want, progress).await,
        (Op::Update, Some(want), Some(live)) => {
            update(client, project, target, want, live, progress).await
        }
        (Op::Replace, Some(want), Some(live)) => {
            delete(client, live, progress).await?;
            create(client, project, target, want, progress).await
        }
        (Op::Delete, _, Some(live)) => delete(client, live, progress).await,
        _ => Ok(()),
    }
}
