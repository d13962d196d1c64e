//! The live state of DynamoDB tables, read into the typed `TableSpec` of `plan`.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, Projection, ProjectionType,
    ProvisionedThroughputDescription, TableDescription, TimeToLiveStatus,
};

use super::super::CloudError;
use super::items::list_tables;
use crate::plan::table::{
    Capacity, GlobalIndexSpec, IndexProjection, LocalIndexSpec, TableBilling, TableSpec,
};
use crate::plan::{Facts, Live, Ownership, Spec};
use crate::project::key::{self, KeyAttr};

/// Reads run concurrently, up to this many in flight.
const READS_IN_FLIGHT: usize = 64;

fn key_attr(
    schema: &[KeySchemaElement],
    defs: &[AttributeDefinition],
    kind: KeyType,
) -> Option<KeyAttr> {
    let name = schema
        .iter()
        .find(|k| *k.key_type() == kind)?
        .attribute_name();
    let ty = defs
        .iter()
        .find(|d| d.attribute_name() == name)?
        .attribute_type()
        .as_str();
    key::parse(&format!("{name}:{ty}")).ok()
}

fn projection(p: Option<&Projection>) -> IndexProjection {
    match p.and_then(|p| p.projection_type()) {
        Some(ProjectionType::KeysOnly) => IndexProjection::KeysOnly,
        Some(ProjectionType::Include) => {
            let mut attrs: Vec<String> = p
                .map(|p| p.non_key_attributes().to_vec())
                .unwrap_or_default();
            attrs.sort();
            IndexProjection::Include(attrs)
        }
        _ => IndexProjection::All,
    }
}

fn capacity(p: &ProvisionedThroughputDescription) -> Capacity {
    Capacity {
        read: p.read_capacity_units().unwrap_or(0).max(0) as u64,
        write: p.write_capacity_units().unwrap_or(0).max(0) as u64,
    }
}

/// DescribeTable, TTL and the user's tags as a `TableSpec`.
pub(super) fn spec(
    t: &TableDescription,
    ttl: Option<String>,
    tags: &BTreeMap<String, String>,
) -> TableSpec {
    let defs = t.attribute_definitions();
    let missing = || KeyAttr {
        name: String::new(),
        kind: key::KeyType::S,
    };
    let on_demand = t.billing_mode_summary().and_then(|b| b.billing_mode())
        == Some(&BillingMode::PayPerRequest);
    let billing = if on_demand {
        TableBilling::OnDemand
    } else {
        TableBilling::Provisioned(
            t.provisioned_throughput()
                .map(capacity)
                .unwrap_or(Capacity { read: 0, write: 0 }),
        )
    };
    TableSpec {
        partition: key_attr(t.key_schema(), defs, KeyType::Hash).unwrap_or_else(missing),
        sort: key_attr(t.key_schema(), defs, KeyType::Range),
        billing,
        indexes: t
            .global_secondary_indexes()
            .iter()
            .map(|g| {
                let spec = GlobalIndexSpec {
                    partition: key_attr(g.key_schema(), defs, KeyType::Hash)
                        .unwrap_or_else(missing),
                    sort: key_attr(g.key_schema(), defs, KeyType::Range),
                    projection: projection(g.projection()),
                    capacity: g
                        .provisioned_throughput()
                        .filter(|_| !on_demand)
                        .map(capacity),
                };
                (g.index_name().unwrap_or_default().to_string(), spec)
            })
            .collect(),
        local_indexes: t
            .local_secondary_indexes()
            .iter()
            .map(|l| {
                let spec = LocalIndexSpec {
                    sort: key_attr(l.key_schema(), defs, KeyType::Range).unwrap_or_else(missing),
                    projection: projection(l.projection()),
                };
                (l.index_name().unwrap_or_default().to_string(), spec)
            })
            .collect(),
        ttl,
        stream: t
            .stream_specification()
            .filter(|s| s.stream_enabled())
            .and_then(|s| s.stream_view_type())
            .map(|v| v.as_str().to_string()),
        protect: t.deletion_protection_enabled().unwrap_or(false),
        tags: tags
            .iter()
            .filter(|(k, _)| !k.starts_with("gatekit:"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

/// The table's description, or `None` when it does not exist.
pub(super) async fn describe(
    client: &Client,
    name: &str,
) -> Result<Option<TableDescription>, CloudError> {
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
    let ownership = Ownership::from_tags(&tags, &project, &target);
    Ok(Some(Live::read(
        name,
        ownership,
        Spec::Table(spec(&table, ttl, &tags)),
        table
            .table_status()
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "UNKNOWN".into()),
        Facts {
            item_count: Some(table.item_count().unwrap_or(0).max(0) as u64),
            size_bytes: Some(table.table_size_bytes().unwrap_or(0).max(0) as u64),
        },
    )))
}

/// The tables that matter to the project: those the file names, and those whose
/// names carry the project's prefix (where owned tables no longer in the file are).
/// Tables outside both are never described: no call the plan does not need.
pub async fn tables(
    client: &Client,
    project: &str,
    target: &str,
    wanted: &[String],
) -> Result<Vec<Live>, CloudError> {
    let prefix = format!("{project}-{target}-");
    let names = list_tables(client).await?;
    crate::cloud::read_candidates(names, &prefix, wanted, READS_IN_FLIGHT, |name| {
        read_one(
            client.clone(),
            name,
            project.to_string(),
            target.to_string(),
        )
    })
    .await
}
