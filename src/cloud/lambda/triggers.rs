//! Triggers: Lambda event source mappings on DynamoDB streams, read into the
//! typed `TriggerSpec` of `plan` and made, changed and deleted.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use aws_sdk_lambda::Client;
use aws_sdk_lambda::types::{
    EventSourceMappingConfiguration, EventSourcePosition, Filter, FilterCriteria,
};

use crate::cloud::{CloudError, Step, concurrently};
use crate::plan::trigger::{self, StreamState, TriggerSpec, TriggerUpdate};
use crate::plan::{Facts, Live, Ownership, Spec};

/// A role's new stream permissions take a while to reach Lambda on AWS: refused
/// access is retried this long, as for a new role.
const ROLE_PROPAGATION: Duration = Duration::from_secs(120);
/// How long a mapping may take to leave Creating, Updating or Deleting.
const SETTLE_WITHIN: Duration = Duration::from_secs(300);
/// Reads in flight at once while reading the triggers.
const READS_IN_FLIGHT: usize = 32;

/// The stream a table has now (its LatestStreamArn while the stream is enabled).
pub async fn current_stream(
    ddb: &aws_sdk_dynamodb::Client,
    table: &str,
) -> Result<Option<String>, CloudError> {
    let sent = ddb.describe_table().table_name(table).send().await;
    let Some(out) =
        crate::cloud::or_absent(sent.map_err(|e| CloudError::from_sdk("DescribeTable", table, e)))?
    else {
        return Ok(None);
    };
    let t = out.table();
    let enabled = t
        .and_then(|t| t.stream_specification())
        .is_some_and(|s| s.stream_enabled());
    Ok(t.and_then(|t| t.latest_stream_arn())
        .filter(|_| enabled)
        .map(String::from))
}

/// `arn:aws:dynamodb:R:A:table/NAME/stream/LABEL` → NAME.
fn table_of(stream_arn: &str) -> Option<&str> {
    stream_arn.split(":table/").nth(1)?.split("/stream/").next()
}

fn spec_of(m: &EventSourceMappingConfiguration, function: &str, current: bool) -> TriggerSpec {
    let table = m.event_source_arn().and_then(table_of).unwrap_or_default();
    TriggerSpec {
        uuid: m.uuid().map(String::from),
        function: function.to_string(),
        table: table.to_string(),
        stream: if current {
            StreamState::Current
        } else {
            StreamState::Stale
        },
        start: m
            .starting_position()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        batch_size: m.batch_size().unwrap_or(100).max(0) as u32,
        batch_window: m.maximum_batching_window_in_seconds().unwrap_or(0).max(0) as u32,
        retries: m.maximum_retry_attempts().unwrap_or(-1),
        bisect_on_error: m.bisect_batch_on_function_error().unwrap_or(false),
        max_record_age: m.maximum_record_age_in_seconds().unwrap_or(-1),
        filters: m
            .filter_criteria()
            .map(|c| {
                c.filters()
                    .iter()
                    .filter_map(|f| serde_json::from_str(f.pattern()?).ok())
                    .collect()
            })
            .unwrap_or_default(),
        enabled: !matches!(m.state(), Some("Disabled" | "Disabling")),
        needs: Vec::new(),
    }
}

/// The triggers of the project's functions on DynamoDB streams. `functions` maps
/// each function's physical name to its owner's logical name (None: not this
/// project's); `tables` maps tables' physical names to logical ones.
pub async fn read(
    client: &Client,
    ddb: &aws_sdk_dynamodb::Client,
    functions: &BTreeMap<String, Option<String>>,
    tables: &BTreeMap<String, String>,
) -> Result<Vec<Live>, CloudError> {
    // Each function's mappings, then each table's current stream: both read
    // concurrently, since a far target makes every call a round trip.
    let listed = concurrently(functions.keys().cloned(), READS_IN_FLIGHT, |function| {
        let client = client.clone();
        async move {
            let mappings = mappings_of(&client, &function).await?;
            Ok((function, mappings))
        }
    })
    .await?;
    let mut on_tables: Vec<String> = listed
        .iter()
        .flat_map(|(_, ms)| ms.iter().filter_map(|m| stream_table(m).map(String::from)))
        .collect();
    on_tables.sort();
    on_tables.dedup();
    let streams: BTreeMap<String, Option<String>> =
        concurrently(on_tables, READS_IN_FLIGHT, |table| {
            let ddb = ddb.clone();
            async move {
                let now = current_stream(&ddb, &table).await?;
                Ok((table, now))
            }
        })
        .await?
        .into_iter()
        .collect();
    let mut out = Vec::new();
    for (function, mappings) in &listed {
        let owner = &functions[function];
        for m in mappings {
            let Some(table) = stream_table(m) else {
                continue;
            };
            let current = streams[table].as_deref() == m.event_source_arn();
            let spec = spec_of(m, function, current);
            let ownership = match owner {
                Some(f) => Ownership::Owned {
                    name: trigger::logical(
                        f,
                        tables.get(table).map(String::as_str).unwrap_or(table),
                    ),
                },
                None => Ownership::Foreign,
            };
            out.push(Live::read(
                trigger::physical(table, function),
                ownership,
                Spec::Trigger(spec),
                m.state().unwrap_or("Enabled").to_string(),
                Facts::default(),
            ));
        }
    }
    Ok(out)
}

/// The table whose DynamoDB stream a mapping reads (None for other sources).
fn stream_table(m: &EventSourceMappingConfiguration) -> Option<&str> {
    m.event_source_arn()
        .filter(|arn| arn.starts_with("arn:aws:dynamodb:"))
        .and_then(table_of)
}

/// Every event source mapping of one function, page by page.
async fn mappings_of(
    client: &Client,
    function: &str,
) -> Result<Vec<EventSourceMappingConfiguration>, CloudError> {
    let mut all = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = client
            .list_event_source_mappings()
            .function_name(function)
            .set_marker(marker.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("ListEventSourceMappings", function, e))?;
        all.extend(page.event_source_mappings().iter().cloned());
        marker = page.next_marker().map(String::from);
        if marker.is_none() {
            return Ok(all);
        }
    }
}

fn filters(spec: &TriggerSpec) -> FilterCriteria {
    FilterCriteria::builder()
        .set_filters(Some(
            spec.pattern_texts()
                .into_iter()
                .map(|p| Filter::builder().pattern(p).build())
                .collect(),
        ))
        .build()
}

/// Waits until the mapping has left Creating, Enabling, Updating and the like.
async fn settle(client: &Client, uuid: &str) -> Result<(), CloudError> {
    let until = Instant::now() + SETTLE_WITHIN;
    loop {
        let out = client
            .get_event_source_mapping()
            .uuid(uuid)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("GetEventSourceMapping", uuid, e))?;
        match out.state() {
            Some("Enabled" | "Disabled") | None => return Ok(()),
            _ if Instant::now() > until => {
                return Err(CloudError::Failed(format!(
                    "the trigger {uuid} is still {} after {} s",
                    out.state().unwrap_or_default(),
                    SETTLE_WITHIN.as_secs()
                )));
            }
            _ => tokio::time::sleep(Duration::from_secs(2)).await,
        }
    }
}

pub async fn create(
    client: &Client,
    ddb: &aws_sdk_dynamodb::Client,
    spec: &TriggerSpec,
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("finding the table's stream");
    let Some(stream) = current_stream(ddb, &spec.table).await? else {
        return Err(CloudError::Failed(format!(
            "table `{}` has no stream for the trigger to read",
            spec.table
        )));
    };
    step("creating");
    let until = Instant::now() + ROLE_PROPAGATION;
    let made = loop {
        let sent = client
            .create_event_source_mapping()
            .function_name(&spec.function)
            .event_source_arn(&stream)
            .starting_position(EventSourcePosition::from(spec.start.as_str()))
            .batch_size(spec.batch_size as i32)
            .maximum_batching_window_in_seconds(spec.batch_window as i32)
            .maximum_retry_attempts(spec.retries)
            .bisect_batch_on_function_error(spec.bisect_on_error)
            .maximum_record_age_in_seconds(spec.max_record_age)
            .enabled(spec.enabled)
            .set_filter_criteria((!spec.filters.is_empty()).then(|| filters(spec)))
            .send()
            .await;
        match sent {
            Ok(out) => break out,
            Err(e) => {
                let err = CloudError::from_sdk("CreateEventSourceMapping", &spec.function, e);
                let access = err.to_string().contains("Cannot access stream");
                if access && Instant::now() < until {
                    step("waiting for the role's stream access to reach Lambda");
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    continue;
                }
                return Err(err);
            }
        }
    };
    if let Some(uuid) = made.uuid() {
        settle(client, uuid).await?;
    }
    Ok(())
}

pub async fn update(
    client: &Client,
    spec: &TriggerSpec,
    u: &TriggerUpdate,
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("updating");
    client
        .update_event_source_mapping()
        .uuid(&u.uuid)
        .batch_size(spec.batch_size as i32)
        .maximum_batching_window_in_seconds(spec.batch_window as i32)
        .maximum_retry_attempts(spec.retries)
        .bisect_batch_on_function_error(spec.bisect_on_error)
        .maximum_record_age_in_seconds(spec.max_record_age)
        .enabled(spec.enabled)
        .filter_criteria(filters(spec))
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("UpdateEventSourceMapping", &u.uuid, e))?;
    settle(client, &u.uuid).await
}

pub async fn delete(client: &Client, spec: &TriggerSpec, step: Step<'_>) -> Result<(), CloudError> {
    let Some(uuid) = spec.uuid.as_deref() else {
        return Ok(());
    };
    step("deleting");
    let sent = client.delete_event_source_mapping().uuid(uuid).send().await;
    crate::cloud::or_absent(
        sent.map_err(|e| CloudError::from_sdk("DeleteEventSourceMapping", uuid, e)),
    )?;
    // Gone only once Lambda says so: a new mapping on the same stream and function
    // is refused while this one is Deleting.
    let until = Instant::now() + SETTLE_WITHIN;
    loop {
        let sent = client.get_event_source_mapping().uuid(uuid).send().await;
        match crate::cloud::or_absent(
            sent.map_err(|e| CloudError::from_sdk("GetEventSourceMapping", uuid, e)),
        )? {
            None => return Ok(()),
            Some(_) if Instant::now() > until => {
                return Err(CloudError::Failed(format!(
                    "the trigger {uuid} is still being deleted after {} s",
                    SETTLE_WITHIN.as_secs()
                )));
            }
            Some(_) => tokio::time::sleep(Duration::from_secs(2)).await,
        }
    }
}
