//! Applying table actions: create, the typed in-place update, delete; each waits
//! until the table (and its indexes) is ready, as DynamoDB needs between calls.

use std::collections::BTreeSet;
use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, CreateGlobalSecondaryIndexAction,
    DeleteGlobalSecondaryIndexAction, GlobalSecondaryIndex, GlobalSecondaryIndexUpdate,
    IndexStatus, KeySchemaElement, KeyType, LocalSecondaryIndex, Projection, ProjectionType,
    ProvisionedThroughput, ScalarAttributeType, StreamSpecification, StreamViewType, TableStatus,
    Tag, TimeToLiveSpecification, UpdateGlobalSecondaryIndexAction,
};

use super::super::{CloudError, Step};
use super::read::describe;
use crate::plan::table::{
    Capacity, GlobalIndexSpec, IndexProjection, TableBilling, TableSpec, TableUpdate,
};
use crate::project::key::KeyAttr;

fn key_element(k: &KeyAttr, kind: KeyType) -> KeySchemaElement {
    KeySchemaElement::builder()
        .attribute_name(&k.name)
        .key_type(kind)
        .build()
        .expect("name and type are set")
}

fn key_schema(partition: &KeyAttr, sort: Option<&KeyAttr>) -> Vec<KeySchemaElement> {
    let mut v = vec![key_element(partition, KeyType::Hash)];
    if let Some(s) = sort {
        v.push(key_element(s, KeyType::Range));
    }
    v
}

fn projection(p: &IndexProjection) -> Projection {
    match p {
        IndexProjection::Include(attrs) => Projection::builder()
            .projection_type(ProjectionType::Include)
            .set_non_key_attributes(Some(attrs.clone()))
            .build(),
        IndexProjection::KeysOnly => Projection::builder()
            .projection_type(ProjectionType::KeysOnly)
            .build(),
        IndexProjection::All => Projection::builder()
            .projection_type(ProjectionType::All)
            .build(),
    }
}

fn throughput(c: Capacity) -> ProvisionedThroughput {
    ProvisionedThroughput::builder()
        .read_capacity_units(c.read as i64)
        .write_capacity_units(c.write as i64)
        .build()
        .expect("both units are set")
}

/// The attribute definitions a table and its indexes need, each name once.
fn definitions(t: &TableSpec) -> Vec<AttributeDefinition> {
    let mut keys: Vec<&KeyAttr> = vec![&t.partition];
    keys.extend(t.sort.as_ref());
    for g in t.indexes.values() {
        keys.push(&g.partition);
        keys.extend(g.sort.as_ref());
    }
    keys.extend(t.local_indexes.values().map(|l| &l.sort));
    let mut seen = BTreeSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.name.clone()))
        .map(|k| {
            AttributeDefinition::builder()
                .attribute_name(&k.name)
                .attribute_type(ScalarAttributeType::from(k.kind.name()))
                .build()
                .expect("name and type are set")
        })
        .collect()
}

fn gsi(name: &str, g: &GlobalIndexSpec) -> GlobalSecondaryIndex {
    GlobalSecondaryIndex::builder()
        .index_name(name)
        .set_key_schema(Some(key_schema(&g.partition, g.sort.as_ref())))
        .projection(projection(&g.projection))
        .set_provisioned_throughput(g.capacity.map(throughput))
        .build()
        .expect("name and keys are set")
}

/// The user's tags and gatekit's ownership tags.
fn tags(t: &TableSpec, ownership: &[(String, String)]) -> Vec<Tag> {
    t.tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .chain(ownership.iter().cloned())
        .map(|(k, v)| Tag::builder().key(k).value(v).build().expect("set"))
        .collect()
}

pub async fn create(
    client: &Client,
    name: &str,
    t: &TableSpec,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    let mut req = client
        .create_table()
        .table_name(name)
        .set_key_schema(Some(key_schema(&t.partition, t.sort.as_ref())))
        .set_attribute_definitions(Some(definitions(t)))
        .set_tags(Some(tags(t, ownership)))
        .set_stream_specification(t.stream.as_deref().map(|v| stream_spec(Some(v))))
        .deletion_protection_enabled(t.protect);
    req = match t.billing {
        TableBilling::Provisioned(c) => req
            .billing_mode(BillingMode::Provisioned)
            .provisioned_throughput(throughput(c)),
        TableBilling::OnDemand => req.billing_mode(BillingMode::PayPerRequest),
    };
    for (index, g) in &t.indexes {
        req = req.global_secondary_indexes(gsi(index, g));
    }
    for (index, l) in &t.local_indexes {
        req = req.local_secondary_indexes(
            LocalSecondaryIndex::builder()
                .index_name(index)
                .set_key_schema(Some(key_schema(&t.partition, Some(&l.sort))))
                .projection(projection(&l.projection))
                .build()
                .expect("name and keys are set"),
        );
    }
    step("creating");
    req.send()
        .await
        .map_err(|e| CloudError::from_sdk("CreateTable", name, e))?;
    wait_until(client, name, Awaited::Ready, step).await?;
    if let Some(ttl) = &t.ttl {
        set_ttl(client, name, ttl, true).await?;
    }
    Ok(())
}

/// A StreamSpecification: enabled with `view`, or disabled.
fn stream_spec(view: Option<&str>) -> StreamSpecification {
    StreamSpecification::builder()
        .stream_enabled(view.is_some())
        .set_stream_view_type(view.map(StreamViewType::from))
        .build()
        .expect("enabled is set")
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Awaited {
    /// The table and all its indexes ACTIVE.
    Ready,
    Gone,
}

/// Polls until the table reaches `awaited`. Backs off from 100 ms to 2 s; gives up
/// after 30 minutes.
async fn wait_until(
    client: &Client,
    name: &str,
    awaited: Awaited,
    step: Step<'_>,
) -> Result<(), CloudError> {
    let mut delay = Duration::from_millis(100);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1800);
    loop {
        let t = describe(client, name).await?;
        let done = match (&t, awaited) {
            (None, Awaited::Gone) => true,
            (Some(t), Awaited::Ready) => {
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
        step(match awaited {
            Awaited::Gone => "waiting for deletion",
            Awaited::Ready => "waiting for ACTIVE",
        });
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(2));
    }
}

/// Deletes the table, turning deletion protection off first when it is on. A table
/// already gone counts as deleted, so a resumed run converges.
pub async fn delete(
    client: &Client,
    name: &str,
    protected: bool,
    step: Step<'_>,
) -> Result<(), CloudError> {
    if protected {
        step("turning off deletion protection");
        client
            .update_table()
            .table_name(name)
            .deletion_protection_enabled(false)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
        wait_until(client, name, Awaited::Ready, step).await?;
    }
    step("deleting");
    if let Err(e) = client.delete_table().table_name(name).send().await {
        let err = CloudError::from_sdk("DeleteTable", name, e);
        if err.code() != Some("ResourceNotFoundException") {
            return Err(err);
        }
    }
    wait_until(client, name, Awaited::Gone, step).await
}

fn capacity_update(index: &str, c: Capacity) -> GlobalSecondaryIndexUpdate {
    let update = UpdateGlobalSecondaryIndexAction::builder()
        .index_name(index)
        .provisioned_throughput(throughput(c))
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
    what: &str,
    step: Step<'_>,
) -> Result<(), CloudError> {
    step(what);
    client
        .update_table()
        .table_name(name)
        .set_attribute_definitions(definitions)
        .global_secondary_index_updates(change)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
    wait_until(client, name, Awaited::Ready, step).await
}

/// Makes exactly the changes of `u`, in the order DynamoDB takes them.
pub async fn update(
    client: &Client,
    name: &str,
    want: &TableSpec,
    u: &TableUpdate,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    if u.billing.is_some() || u.protect.is_some() {
        let mut req = client.update_table().table_name(name);
        match u.billing {
            Some(TableBilling::Provisioned(c)) => {
                req = req
                    .billing_mode(BillingMode::Provisioned)
                    .provisioned_throughput(throughput(c));
                for (index, c) in &u.kept_index_capacity {
                    req = req.global_secondary_index_updates(capacity_update(index, *c));
                }
            }
            Some(TableBilling::OnDemand) => req = req.billing_mode(BillingMode::PayPerRequest),
            None => {}
        }
        if let Some(p) = u.protect {
            req = req.deletion_protection_enabled(p);
        }
        step("updating billing and protection");
        req.send()
            .await
            .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
        wait_until(client, name, Awaited::Ready, step).await?;
    }
    for index in &u.delete_indexes {
        let delete = DeleteGlobalSecondaryIndexAction::builder()
            .index_name(index)
            .build()
            .expect("set");
        let change = GlobalSecondaryIndexUpdate::builder().delete(delete).build();
        let what = format!("deleting index {index}");
        index_change(client, name, change, None, &what, step).await?;
    }
    for (index, g) in &u.create_indexes {
        let create = CreateGlobalSecondaryIndexAction::builder()
            .index_name(index)
            .set_key_schema(Some(key_schema(&g.partition, g.sort.as_ref())))
            .projection(projection(&g.projection))
            .set_provisioned_throughput(g.capacity.map(throughput))
            .build()
            .expect("set");
        let change = GlobalSecondaryIndexUpdate::builder().create(create).build();
        let what = format!("creating index {index}");
        index_change(client, name, change, Some(definitions(want)), &what, step).await?;
    }
    for (index, c) in &u.index_capacity {
        let what = format!("updating index {index}");
        index_change(client, name, capacity_update(index, *c), None, &what, step).await?;
    }
    if let Some(change) = &u.stream {
        step("updating the stream");
        let views = [
            change.disable.then_some(None),
            change.enable.as_deref().map(Some),
        ];
        for view in views.into_iter().flatten() {
            client
                .update_table()
                .table_name(name)
                .stream_specification(stream_spec(view))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UpdateTable", name, e))?;
            wait_until(client, name, Awaited::Ready, step).await?;
        }
    }
    if let Some(ttl) = &u.ttl {
        step("updating TTL");
        if let Some(old) = &ttl.disable {
            set_ttl(client, name, old, false).await?;
        }
        if let Some(new) = &ttl.enable {
            set_ttl(client, name, new, true).await?;
        }
    }
    if let Some(change) = &u.tags {
        step("updating tags");
        let arn = describe(client, name)
            .await?
            .and_then(|t| t.table_arn)
            .unwrap_or_default();
        if !change.remove.is_empty() {
            client
                .untag_resource()
                .resource_arn(&arn)
                .set_tag_keys(Some(change.remove.clone()))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UntagResource", name, e))?;
        }
        client
            .tag_resource()
            .resource_arn(&arn)
            .set_tags(Some(tags(want, ownership)))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("TagResource", name, e))?;
    }
    Ok(())
}
