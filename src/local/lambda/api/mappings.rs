//! CreateEventSourceMapping, GetEventSourceMapping, ListEventSourceMappings,
//! UpdateEventSourceMapping, DeleteEventSourceMapping, for DynamoDB streams (the
//! one event source the emulator has). Every check runs before anything is
//! written; the record is stored before the mapping is delivered.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde_json::{Value as Json, json};

use super::error::{ErrorKind, LambdaError};
use super::{HttpReply, Shape, check_shapes, in_range, json_reply, query_param, require};
use crate::aws::event_filter::{INVALID, MAX_FILTERS, Pattern};
use crate::aws::{arn, clock};
use crate::local::dynamodb::streams::reader;
use crate::local::lambda::mappings::{self, Mapping, MappingConfig};
use crate::local::lambda::{Lambda, delivery};

const MEMBERS: &[(&str, Shape)] = &[
    ("FunctionName", Shape::Text),
    ("EventSourceArn", Shape::Text),
    ("StartingPosition", Shape::Text),
    ("BatchSize", Shape::Integer),
    ("MaximumBatchingWindowInSeconds", Shape::Integer),
    ("MaximumRecordAgeInSeconds", Shape::Integer),
    ("MaximumRetryAttempts", Shape::Integer),
    ("ParallelizationFactor", Shape::Integer),
    ("TumblingWindowInSeconds", Shape::Integer),
    ("Enabled", Shape::Bool),
    ("BisectBatchOnFunctionError", Shape::Bool),
    ("FilterCriteria", Shape::Object),
    ("DestinationConfig", Shape::Object),
    ("FunctionResponseTypes", Shape::TextList),
];

/// The stream actions a mapping's function role needs, as Lambda checks them.
const STREAM_ACTIONS: &[&str] = &[
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:DescribeStream",
    "dynamodb:ListStreams",
];

fn not_found() -> LambdaError {
    LambdaError::new(
        ErrorKind::ResourceNotFound,
        "The resource you requested does not exist.",
    )
}

fn int(body: &Json, member: &str) -> Option<i64> {
    body.get(member).and_then(Json::as_i64)
}

/// The modeled constraints of the members Create and Update share.
fn check_ranges(body: &Json) -> Result<(), LambdaError> {
    for (member, wire, min, max) in [
        ("BatchSize", "batchSize", 1, 10_000),
        (
            "MaximumBatchingWindowInSeconds",
            "maximumBatchingWindowInSeconds",
            0,
            300,
        ),
        (
            "MaximumRecordAgeInSeconds",
            "maximumRecordAgeInSeconds",
            -1,
            604_800,
        ),
        ("MaximumRetryAttempts", "maximumRetryAttempts", -1, 10_000),
        ("ParallelizationFactor", "parallelizationFactor", 1, 10),
        ("TumblingWindowInSeconds", "tumblingWindowInSeconds", 0, 900),
    ] {
        if let Some(v) = int(body, member) {
            in_range(v, min, max, wire)?;
        }
    }
    if let Some(types) = body.get("FunctionResponseTypes").and_then(Json::as_array) {
        for t in types {
            if t.as_str() != Some("ReportBatchItemFailures") {
                return Err(LambdaError::new(
                    ErrorKind::Validation,
                    format!(
                        "1 validation error detected: Value '[{}]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]",
                        t.as_str().unwrap_or_default()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// A stream mapping's settings beyond the ranges: the record age (-1, or 60 and
/// more), the destination (on failure only), the filters.
fn check_settings(body: &Json) -> Result<(), LambdaError> {
    if let Some(age) = int(body, "MaximumRecordAgeInSeconds")
        && (0..60).contains(&age)
    {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{age}' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60"
            ),
        ));
    }
    if body
        .get("DestinationConfig")
        .and_then(|d| d.get("OnSuccess"))
        .is_some()
    {
        return Err(LambdaError::invalid(
            "Unsupported DestinationConfig parameter for given event source mapping type.",
        ));
    }
    filters(body)?;
    Ok(())
}

/// FilterCriteria's patterns (None when absent; an empty list clears them).
fn filters(body: &Json) -> Result<Option<Vec<String>>, LambdaError> {
    let Some(criteria) = body.get("FilterCriteria") else {
        return Ok(None);
    };
    let list = match criteria.get("Filters") {
        None | Some(Json::Null) => return Ok(Some(Vec::new())),
        Some(Json::Array(a)) => a,
        Some(_) => return Err(LambdaError::serialization()),
    };
    if list.len() > MAX_FILTERS {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{}' at 'filterCriteria.filters' failed to satisfy constraint: Member must have length less than or equal to {MAX_FILTERS}",
                list.len()
            ),
        ));
    }
    let mut out = Vec::new();
    for f in list {
        let text = f
            .get("Pattern")
            .and_then(Json::as_str)
            .ok_or_else(|| LambdaError::invalid(INVALID))?;
        Pattern::parse(text).map_err(LambdaError::invalid)?;
        out.push(text.to_string());
    }
    Ok(Some(out))
}

fn on_failure(body: &Json) -> Option<Option<String>> {
    let d = body.get("DestinationConfig")?;
    Some(
        d.get("OnFailure")
            .and_then(|f| f.get("Destination"))
            .and_then(Json::as_str)
            .map(String::from),
    )
}

fn is_stream_arn(a: &str) -> bool {
    a.starts_with("arn:aws:dynamodb:") && a.contains(":table/") && a.contains("/stream/")
}

pub(super) async fn create(
    l: &Arc<Lambda>,
    region: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    check_shapes(body, MEMBERS)?;
    require(body, &[("FunctionName", "functionName")])?;
    check_ranges(body)?;
    let start = body.get("StartingPosition").and_then(Json::as_str);
    if let Some(s) = start.filter(|s| !matches!(*s, "LATEST" | "AT_TIMESTAMP" | "TRIM_HORIZON")) {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{s}' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]"
            ),
        ));
    }
    let Some(source) = body.get("EventSourceArn").and_then(Json::as_str) else {
        return Err(LambdaError::invalid("Unrecognized event source."));
    };
    if !is_stream_arn(source) {
        return Err(LambdaError::invalid("Unrecognized event source."));
    }
    let Some(start) = start else {
        return Err(LambdaError::invalid(
            "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
        ));
    };
    if start == "AT_TIMESTAMP" {
        return Err(LambdaError::invalid(format!(
            "Unsupported starting position for arn type: {source}"
        )));
    }
    if body
        .get("StartingPositionTimestamp")
        .is_some_and(|t| !t.is_null())
    {
        return Err(LambdaError::invalid(
            "Timestamp only valid with StartingPosition AT_TIMESTAMP",
        ));
    }
    check_settings(body)?;
    let name = arn::function_name(body["FunctionName"].as_str().unwrap_or_default()).to_string();
    let _one_at_a_time = l.control.lock().await;
    let Some(f) = l.get(region, &name) else {
        return Err(LambdaError::invalid("Function does not exist"));
    };
    if reader::locate(&l.store, source).is_none() {
        return Err(LambdaError::invalid(format!("Stream not found: {source}")));
    }
    let role = super::read(&f).role;
    if !STREAM_ACTIONS.iter().all(|a| l.allowed(&role, a, source)) {
        return Err(LambdaError::invalid(format!(
            "Cannot access stream {source}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM."
        )));
    }
    if let Some(other) = l
        .all_mappings()
        .into_iter()
        .map(|m| m.config())
        .find(|c| c.region == region && c.function == name && c.source_arn == source)
    {
        return Err(LambdaError::new(
            ErrorKind::ResourceConflict,
            format!(
                "The event source arn (\" {source} \") and function (\" {name} \") provided mapping already exists. Please update or delete the existing mapping with UUID {}",
                other.uuid
            ),
        ));
    }
    let config = MappingConfig {
        uuid: crate::aws::id::request_id(),
        region: region.to_string(),
        function: name,
        source_arn: source.to_string(),
        starting_position: start.to_string(),
        batch_size: int(body, "BatchSize").unwrap_or(100) as u64,
        batch_window: int(body, "MaximumBatchingWindowInSeconds").unwrap_or(0) as u64,
        enabled: body.get("Enabled").and_then(Json::as_bool).unwrap_or(true),
        max_record_age: int(body, "MaximumRecordAgeInSeconds").unwrap_or(-1),
        bisect: body
            .get("BisectBatchOnFunctionError")
            .and_then(Json::as_bool)
            .unwrap_or(false),
        retries: int(body, "MaximumRetryAttempts").unwrap_or(-1),
        parallelization: int(body, "ParallelizationFactor").unwrap_or(1) as u64,
        tumbling_window: int(body, "TumblingWindowInSeconds").unwrap_or(0) as u64,
        filters: filters(body)?.unwrap_or_default(),
        response_types: strings(body, "FunctionResponseTypes"),
        on_failure: on_failure(body).flatten(),
        last_modified_ms: clock::unix_millis(),
    };
    let position = match start {
        "LATEST" => reader::end(&l.store, source).unwrap_or(0),
        _ => 0,
    };
    mappings::save(&l.store, &config, Some(position))
        .await
        .map_err(LambdaError::storage)?;
    let m = Mapping::new(config.clone(), position);
    if let Ok(mut all) = l.mappings.write() {
        all.insert(config.uuid.clone(), m.clone());
    }
    delivery::spawn(l, m.clone());
    Ok(json_reply(202, &m.describe("Creating")))
}

fn strings(body: &Json, member: &str) -> Vec<String> {
    body.get(member)
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn mapping(l: &Lambda, region: &str, uuid: &str) -> Result<Arc<Mapping>, LambdaError> {
    l.mappings
        .read()
        .ok()
        .and_then(|m| m.get(uuid).cloned())
        .filter(|m| m.config().region == region)
        .ok_or_else(not_found)
}

pub(super) fn get(l: &Lambda, region: &str, uuid: &str) -> Result<HttpReply, LambdaError> {
    let m = mapping(l, region, uuid)?;
    Ok(json_reply(200, &m.describe(m.settled_state())))
}

pub(super) fn list(
    l: &Lambda,
    region: &str,
    query: Option<&str>,
) -> Result<HttpReply, LambdaError> {
    let source = query_param(query, "EventSourceArn");
    let function = query_param(query, "FunctionName").map(|f| arn::function_name(&f).to_string());
    let marker = query_param(query, "Marker");
    let max = match query_param(query, "MaxItems") {
        None => 100,
        Some(m) => {
            let m: i64 = m.parse().map_err(|_| LambdaError::serialization())?;
            in_range(m, 1, 10_000, "maxItems")? as usize
        }
    };
    let all: Vec<Arc<Mapping>> = l
        .all_mappings()
        .into_iter()
        .filter(|m| {
            let c = m.config();
            c.region == region
                && source.as_ref().is_none_or(|s| *s == c.source_arn)
                && function.as_ref().is_none_or(|f| *f == c.function)
                && marker.as_ref().is_none_or(|k| c.uuid > *k)
        })
        .collect();
    let page: Vec<Json> = all
        .iter()
        .take(max)
        .map(|m| m.describe(m.settled_state()))
        .collect();
    let mut out = json!({ "EventSourceMappings": page });
    if all.len() > max {
        out["NextMarker"] = json!(all[max - 1].config().uuid);
    }
    Ok(json_reply(200, &out))
}

pub(super) async fn update(
    l: &Lambda,
    region: &str,
    uuid: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    check_shapes(body, MEMBERS)?;
    check_ranges(body)?;
    let _one_at_a_time = l.control.lock().await;
    let m = mapping(l, region, uuid)?;
    check_settings(body)?;
    let mut next = m.config();
    if let Some(name) = body.get("FunctionName").and_then(Json::as_str) {
        let name = arn::function_name(name).to_string();
        if l.get(region, &name).is_none() {
            return Err(LambdaError::invalid("Function does not exist"));
        }
        next.function = name;
    }
    let was_enabled = next.enabled;
    if let Some(v) = body.get("Enabled").and_then(Json::as_bool) {
        next.enabled = v;
    }
    if let Some(v) = int(body, "BatchSize") {
        next.batch_size = v as u64;
    }
    if let Some(v) = int(body, "MaximumBatchingWindowInSeconds") {
        next.batch_window = v as u64;
    }
    if let Some(v) = int(body, "MaximumRecordAgeInSeconds") {
        next.max_record_age = v;
    }
    if let Some(v) = int(body, "MaximumRetryAttempts") {
        next.retries = v;
    }
    if let Some(v) = int(body, "ParallelizationFactor") {
        next.parallelization = v as u64;
    }
    if let Some(v) = int(body, "TumblingWindowInSeconds") {
        next.tumbling_window = v as u64;
    }
    if let Some(v) = body
        .get("BisectBatchOnFunctionError")
        .and_then(Json::as_bool)
    {
        next.bisect = v;
    }
    if let Some(f) = filters(body)? {
        next.filters = f;
    }
    if body.get("FunctionResponseTypes").is_some() {
        next.response_types = strings(body, "FunctionResponseTypes");
    }
    if let Some(d) = on_failure(body) {
        next.on_failure = d;
    }
    next.last_modified_ms = clock::unix_millis();
    mappings::save(&l.store, &next, None)
        .await
        .map_err(LambdaError::storage)?;
    let state = match (was_enabled, next.enabled) {
        (false, true) => "Enabling",
        (true, false) => "Disabling",
        _ => "Updating",
    };
    m.set_config(next);
    Ok(json_reply(202, &m.describe(state)))
}

pub(super) async fn delete(l: &Lambda, region: &str, uuid: &str) -> Result<HttpReply, LambdaError> {
    let _one_at_a_time = l.control.lock().await;
    let m = mapping(l, region, uuid)?;
    mappings::forget(&l.store, uuid)
        .await
        .map_err(LambdaError::storage)?;
    m.deleted.store(true, Ordering::SeqCst);
    if let Ok(mut all) = l.mappings.write() {
        all.remove(uuid);
    }
    Ok(json_reply(202, &m.describe("Deleting")))
}
