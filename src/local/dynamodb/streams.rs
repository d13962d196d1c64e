//! DynamoDB Streams: a table's item changes as stream records, written in the same
//! transaction as the change (so a record acknowledged is a record kept, and a
//! change refused writes none), and the Streams API that reads them (ListStreams,
//! DescribeStream, GetShardIterator, GetRecords; JSON 1.0, `DynamoDBStreams_20120810.*`
//! on the same port). One shard per stream; records are kept 24 hours.
//!
//! Written by hand: the record shape and the iterator semantics are the service's.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde_json::{Map, Value as Json, json};

use super::error::{DResult, DynamoError, ErrorKind};
use super::request::{Request, constraint};
use super::schema::{StreamMeta, TableMeta};
use super::store::Store;
use super::stream_log::{self, Batch};
use super::value::{Item, Value, item_size, item_to_json};
use crate::aws::clock;

/// How long records are kept, and a disabled stream listed.
pub const RETENTION_MS: u64 = 24 * 3600 * 1000;
/// How long a shard iterator can be used, as on AWS.
const ITERATOR_TTL_MS: u64 = 15 * 60 * 1000;
const VIEW_TYPES: &[&str] = &["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"];

/// The last sequence number given: microseconds since the epoch, strictly
/// increasing, so numbers keep growing across restarts too.
static LAST_SEQUENCE: AtomicU64 = AtomicU64::new(0);

fn next_sequence() -> u64 {
    let now = clock::unix_nanos() as u64 / 1000;
    let mut last = LAST_SEQUENCE.load(Ordering::Relaxed);
    loop {
        let next = now.max(last + 1);
        match LAST_SEQUENCE.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed)
        {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

fn sequence_text(seq: u64) -> String {
    format!("{seq:021}")
}

/// A change to one item, as the store makes it.
pub struct Change<'a> {
    pub old: Option<&'a Item>,
    pub new: Option<&'a Item>,
    /// The new item as the store encodes it (its size, then its DynamoDB JSON),
    /// reused for NewImage instead of serializing the item again.
    pub new_stored: Option<&'a [u8]>,
    /// Deleted by TTL: the record names the service as its author.
    pub by_ttl: bool,
}

/// Key attributes as DynamoDB JSON (`{"id":{"S":"x"}}`), written straight into
/// the record: keys are strings, numbers or binaries.
fn write_keys(out: &mut Vec<u8>, keys: &[(&str, &Value)]) {
    out.push(b'{');
    for (i, (name, value)) in keys.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = serde_json::to_writer(&mut *out, name);
        match value {
            Value::S(s) => {
                out.extend_from_slice(b":{\"S\":");
                let _ = serde_json::to_writer(&mut *out, s);
            }
            Value::N(n) => {
                let _ = write!(out, ":{{\"N\":\"{n}\"");
            }
            other => {
                out.push(b':');
                let _ = serde_json::to_writer(&mut *out, &other.to_json());
                continue;
            }
        }
        out.push(b'}');
    }
    out.push(b'}');
}

/// Writes the record of `change` on `stream` into the writer's batch; nothing when
/// nothing changed (a put of the same item writes no record). Written straight
/// into its bytes: a stream adds this to every write of its table, so no JSON tree
/// is built.
pub fn record(meta: &TableMeta, stream: &StreamMeta, change: &Change<'_>, batch: &mut Batch) {
    let (event, any) = match (change.old, change.new) {
        (None, Some(n)) => ("INSERT", n),
        (Some(o), Some(n)) if o == n => return,
        (Some(_), Some(n)) => ("MODIFY", n),
        (Some(o), None) => ("REMOVE", o),
        (None, None) => return,
    };
    // The key attributes, by name as a map's keys sort.
    let mut keys: Vec<(&str, &Value)> = meta
        .key
        .names()
        .into_iter()
        .filter_map(|k| any.get_key_value(k).map(|(k, v)| (k.as_str(), v)))
        .collect();
    keys.sort_by_key(|(k, _)| *k);
    let mut size: usize = keys.iter().map(|(k, v)| k.len() + v.size()).sum();
    let seq = next_sequence();
    let view = stream.view_type.as_str();
    let frame = batch.frame(meta.id, &stream.label, seq);
    frame
        .bytes
        .reserve(384 + change.new_stored.map_or(0, |b| b.len()));
    frame.push(seq, |out| {
        out.extend_from_slice(b"{\"eventID\":\"");
        crate::aws::id::write_hex_id(out);
        out.extend_from_slice(b"\",\"eventName\":\"");
        out.extend_from_slice(event.as_bytes());
        out.extend_from_slice(
            b"\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":",
        );
        let _ = serde_json::to_writer(&mut *out, &meta.region);
        out.extend_from_slice(b",\"dynamodb\":{\"ApproximateCreationDateTime\":");
        out.extend_from_slice((clock::unix_millis() / 1000).to_string().as_bytes());
        out.extend_from_slice(b",\"Keys\":");
        write_keys(out, &keys);
        if matches!(view, "NEW_IMAGE" | "NEW_AND_OLD_IMAGES")
            && let Some(n) = change.new
        {
            out.extend_from_slice(b",\"NewImage\":");
            match change.new_stored {
                Some(stored) => {
                    size += super::store::stored_size(stored);
                    out.extend_from_slice(super::store::item_json(stored));
                }
                None => {
                    size += item_size(n);
                    let _ = serde_json::to_writer(&mut *out, &item_to_json(n));
                }
            }
        }
        if matches!(view, "OLD_IMAGE" | "NEW_AND_OLD_IMAGES")
            && let Some(o) = change.old
        {
            size += item_size(o);
            out.extend_from_slice(b",\"OldImage\":");
            let _ = serde_json::to_writer(&mut *out, &item_to_json(o));
        }
        out.extend_from_slice(b",\"SequenceNumber\":\"");
        let _ = write!(out, "{seq:021}\",\"SizeBytes\":{size}");
        out.extend_from_slice(b",\"StreamViewType\":");
        let _ = serde_json::to_writer(&mut *out, &stream.view_type);
        out.push(b'}');
        if change.by_ttl {
            out.extend_from_slice(
                b",\"userIdentity\":{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}",
            );
        }
        out.push(b'}');
    });
}

/// StreamSpecification of CreateTable (`creating`) or UpdateTable: Some(Some(view))
/// to enable, Some(None) to disable, None when absent.
pub fn specification(req: &Request, creating: bool) -> DResult<Option<Option<String>>> {
    let Some(spec) = req.get("StreamSpecification") else {
        return Ok(None);
    };
    let enabled = match spec.get("StreamEnabled") {
        Some(Json::Bool(b)) => *b,
        _ => {
            return Err(constraint(
                "null",
                "streamSpecification.streamEnabled",
                "Member must not be null",
            ));
        }
    };
    let view = match spec.get("StreamViewType") {
        None | Some(Json::Null) => None,
        Some(Json::String(v)) if VIEW_TYPES.contains(&v.as_str()) => Some(v.clone()),
        Some(other) => {
            return Err(constraint(
                &format!("'{}'", other.as_str().unwrap_or_default()),
                "streamSpecification.streamViewType",
                "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]",
            ));
        }
    };
    match (enabled, view) {
        (true, Some(v)) => Ok(Some(Some(v))),
        (true, None) => Err(DynamoError::validation(
            "One or more parameter values were invalid: You must specify a StreamViewType when enabling a stream",
        )),
        (false, Some(_)) if creating => Err(DynamoError::validation(
            "One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified",
        )),
        (false, Some(_)) => Err(DynamoError::validation(
            "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified",
        )),
        (false, None) => Ok(Some(None)),
    }
}

/// A new stream's metadata, labelled with the time it is enabled.
pub fn new_stream(view_type: String) -> StreamMeta {
    let ms = clock::unix_millis();
    StreamMeta {
        label: clock::iso8601(ms).trim_end_matches('Z').to_string(),
        view_type,
        created_ms: ms,
        disabled_ms: None,
    }
}

/// Applies an UpdateTable's StreamSpecification to `meta`.
pub fn update(meta: &mut TableMeta, spec: Option<String>) -> DResult<()> {
    let now = clock::unix_millis();
    match (spec, meta.stream().is_some()) {
        (Some(_), true) => Err(DynamoError::validation(format!(
            "Table already has an enabled stream: TableName: {}",
            meta.name
        ))),
        (Some(view), false) => {
            let mut s = new_stream(view);
            // Labels are unique per table even within one millisecond.
            while meta.streams.iter().any(|x| x.label == s.label) {
                s.created_ms += 1;
                s.label = clock::iso8601(s.created_ms)
                    .trim_end_matches('Z')
                    .to_string();
            }
            meta.streams.push(s);
            Ok(())
        }
        (None, false) => Err(DynamoError::validation(format!(
            "Table already has no enabled stream to disable: TableName: {}",
            meta.name
        ))),
        (None, true) => {
            if let Some(s) = meta.streams.last_mut() {
                s.disabled_ms = Some(now);
            }
            Ok(())
        }
    }
}

/// What DescribeTable says of the table's stream.
pub fn describe_into(meta: &TableMeta, table: &mut Json) {
    if let Some(s) = meta.stream() {
        table["StreamSpecification"] =
            json!({ "StreamEnabled": true, "StreamViewType": s.view_type });
    }
    if let Some(s) = meta.streams.last() {
        table["LatestStreamLabel"] = json!(s.label);
        table["LatestStreamArn"] = json!(meta.stream_arn(&s.label));
    }
}

fn not_found(what: &str) -> DynamoError {
    DynamoError::new(
        ErrorKind::ResourceNotFound,
        format!("Requested resource not found: {what}"),
    )
}

/// `arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL` → (table, label).
fn parse_arn(arn: &str, member: &str) -> DResult<(String, String, String)> {
    let bad = || DynamoError::validation(format!("Invalid {member}: {arn}"));
    let rest = arn.strip_prefix("arn:aws:dynamodb:").ok_or_else(bad)?;
    let mut parts = rest.splitn(3, ':');
    let region = parts.next().ok_or_else(bad)?.to_string();
    let _account = parts.next().ok_or_else(bad)?;
    let resource = parts.next().ok_or_else(bad)?;
    let resource = resource.strip_prefix("table/").ok_or_else(bad)?;
    let (table, label) = resource.split_once("/stream/").ok_or_else(bad)?;
    if table.is_empty() || label.is_empty() {
        return Err(bad());
    }
    Ok((region, table.to_string(), label.to_string()))
}

/// The table and stream a stream ARN names, if they exist (disabled streams within
/// their 24 hours too).
fn find(
    store: &Store,
    region: &str,
    arn: &str,
) -> DResult<(std::sync::Arc<TableMeta>, StreamMeta)> {
    let (arn_region, table, label) = parse_arn(arn, "StreamArn")?;
    let missing = || not_found(&format!("Stream: {arn} not found"));
    if arn_region != region {
        return Err(missing());
    }
    let meta = store.table(region, &table).map_err(|_| missing())?;
    let now = clock::unix_millis();
    let stream = meta
        .streams
        .iter()
        .find(|s| s.label == label && s.disabled_ms.is_none_or(|d| now - d < RETENTION_MS))
        .cloned()
        .ok_or_else(missing)?;
    Ok((meta, stream))
}

fn shard_id(stream: &StreamMeta) -> String {
    format!(
        "shardId-{:020}-{:08x}",
        stream.created_ms,
        stream.created_ms as u32 ^ 0x5eed_0001
    )
}

fn status(stream: &StreamMeta) -> &'static str {
    if stream.disabled_ms.is_some() {
        "DISABLED"
    } else {
        "ENABLED"
    }
}

/// The first and last sequence numbers the stream holds (0 when none).
fn bounds(store: &Store, meta: &TableMeta, stream: &StreamMeta) -> DResult<(u64, u64)> {
    let table = meta.stream_table(&stream.label);
    let view = store.stream_view(&table, u64::MAX, 0, 0)?;
    let snap = view.snapshot;
    let (mut first, mut last) = (0, 0);
    snap.scan(&table, &[], None, true, |k, _| {
        first = stream_log::seq_of(k);
        Ok(false)
    })?;
    snap.scan(&table, &[], None, false, |k, v| {
        last = stream_log::records(k, v).last().map_or(0, |(seq, _)| seq);
        Ok(false)
    })?;
    if let Some((w_first, w_last)) = view.waiting_bounds {
        first = if first == 0 { w_first } else { first };
        last = w_last;
    }
    Ok((first, last))
}

/// Serves one Streams operation.
pub fn handle(store: &Store, region: &str, operation: &str, req: &Request) -> DResult<Json> {
    match operation {
        "ListStreams" => list_streams(store, region, req),
        "DescribeStream" => describe_stream(store, region, req),
        "GetShardIterator" => get_shard_iterator(store, region, req),
        "GetRecords" => get_records(store, region, req),
        other => Err(DynamoError::new(
            ErrorKind::UnknownOperation,
            format!("Unknown operation: DynamoDBStreams_20120810.{other}"),
        )),
    }
}

fn limit(req: &Request, member: &str, max: i64, default: i64) -> DResult<usize> {
    let n = req.int(member)?.unwrap_or(default);
    if n < 1 {
        return Err(constraint(
            &format!("'{n}'"),
            &member.to_ascii_lowercase(),
            "Member must have value greater than or equal to 1",
        ));
    }
    if n > max {
        return Err(constraint(
            &format!("'{n}'"),
            &member.to_ascii_lowercase(),
            &format!("Member must have value less than or equal to {max}"),
        ));
    }
    Ok(n as usize)
}

fn list_streams(store: &Store, region: &str, req: &Request) -> DResult<Json> {
    let limit = limit(req, "Limit", 100, 100)?;
    let only = req.str("TableName")?;
    let start = match req.str("ExclusiveStartStreamArn")? {
        Some(arn) => {
            parse_arn(arn, "ExclusiveStartStreamArn")?;
            Some(arn.to_string())
        }
        None => None,
    };
    let now = clock::unix_millis();
    let mut all: Vec<Json> = Vec::new();
    for name in store.table_names(region) {
        if only.is_some_and(|t| t != name) {
            continue;
        }
        let Ok(meta) = store.table(region, &name) else {
            continue;
        };
        for s in &meta.streams {
            if s.disabled_ms.is_some_and(|d| now - d >= RETENTION_MS) {
                continue;
            }
            all.push(json!({ "StreamArn": meta.stream_arn(&s.label), "TableName": meta.name, "StreamLabel": s.label }));
        }
    }
    let arn_of = |j: &Json| j["StreamArn"].as_str().unwrap_or_default().to_string();
    if let Some(start) = &start
        && let Some(i) = all.iter().position(|j| arn_of(j) == *start)
    {
        all.drain(..=i);
    }
    let more = all.len() > limit;
    all.truncate(limit);
    let mut out = json!({ "Streams": all });
    if more && let Some(last) = out["Streams"].as_array().and_then(|a| a.last()).map(arn_of) {
        out["LastEvaluatedStreamArn"] = json!(last);
    }
    Ok(out)
}

fn describe_stream(store: &Store, region: &str, req: &Request) -> DResult<Json> {
    let arn = req.required_str("StreamArn")?;
    limit(req, "Limit", 100, 100)?;
    let (meta, stream) = find(store, region, arn)?;
    let (first, last) = bounds(store, &meta, &stream)?;
    let shard = shard_id(&stream);
    let mut range = Map::new();
    let start = if first == 0 {
        stream.created_ms * 1000
    } else {
        first
    };
    range.insert("StartingSequenceNumber".into(), json!(sequence_text(start)));
    if stream.disabled_ms.is_some() {
        range.insert(
            "EndingSequenceNumber".into(),
            json!(sequence_text(last.max(start))),
        );
    }
    let after = req.str("ExclusiveStartShardId")?;
    let shards: Vec<Json> = if after.is_some_and(|a| a >= shard.as_str()) {
        Vec::new()
    } else {
        vec![json!({ "ShardId": shard, "SequenceNumberRange": range })]
    };
    Ok(json!({ "StreamDescription": {
        "StreamArn": arn,
        "StreamLabel": stream.label,
        "StreamStatus": status(&stream),
        "StreamViewType": stream.view_type,
        "CreationRequestDateTime": stream.created_ms as f64 / 1000.0,
        "TableName": meta.name,
        "KeySchema": meta.key.to_json(),
        "Shards": shards,
    }}))
}

/// An iterator: the stream, the next sequence number to read, and when it was made.
fn iterator(arn: &str, from: u64) -> String {
    let text = format!("{}|{from}|{arn}", clock::unix_millis());
    B64.encode(text)
}

/// The stream ARN an iterator reads (what GetRecords is authorized on).
pub fn iterator_arn(it: &str) -> Option<String> {
    let text = String::from_utf8(B64.decode(it).ok()?).ok()?;
    Some(text.splitn(3, '|').nth(2)?.to_string())
}

fn parse_iterator(it: &str) -> DResult<(String, u64)> {
    let invalid = || DynamoError::validation("Invalid ShardIterator");
    let text = B64
        .decode(it)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(invalid)?;
    let mut parts = text.splitn(3, '|');
    let made: u64 = parts
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(invalid)?;
    let from: u64 = parts
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(invalid)?;
    let arn = parts.next().ok_or_else(invalid)?.to_string();
    if clock::unix_millis().saturating_sub(made) > ITERATOR_TTL_MS {
        return Err(DynamoError::new(
            ErrorKind::ExpiredIterator,
            "Iterator expired. The iterator was created at time ".to_string()
                + &clock::iso8601(made)
                + " while right now it is "
                + &clock::iso8601(clock::unix_millis())
                + " which is further in the future than the tolerated delay of 900000 milliseconds.",
        ));
    }
    Ok((arn, from))
}

fn get_shard_iterator(store: &Store, region: &str, req: &Request) -> DResult<Json> {
    let arn = req.required_str("StreamArn")?;
    let shard = req.required_str("ShardId")?;
    let kind = req.required_str("ShardIteratorType")?;
    if ![
        "TRIM_HORIZON",
        "LATEST",
        "AT_SEQUENCE_NUMBER",
        "AFTER_SEQUENCE_NUMBER",
    ]
    .contains(&kind)
    {
        return Err(constraint(
            &format!("'{kind}'"),
            "shardIteratorType",
            "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]",
        ));
    }
    let seq = req.str("SequenceNumber")?;
    let at = match (kind, seq) {
        ("AT_SEQUENCE_NUMBER" | "AFTER_SEQUENCE_NUMBER", None) => {
            return Err(DynamoError::validation(
                "Must specify a sequence number with AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER shard iterator type",
            ));
        }
        ("TRIM_HORIZON" | "LATEST", Some(_)) => {
            return Err(DynamoError::validation(
                "Sequence number must not be specified with TRIM_HORIZON or LATEST shard iterator type",
            ));
        }
        (_, Some(s)) => Some(
            s.parse::<u64>()
                .map_err(|_| DynamoError::validation(format!("Invalid SequenceNumber: {s}")))?,
        ),
        (_, None) => None,
    };
    let (meta, stream) = find(store, region, arn)?;
    if shard != shard_id(&stream) {
        return Err(not_found(&format!(
            "Shard {shard} in Stream {arn} not found"
        )));
    }
    let from = match (kind, at) {
        ("TRIM_HORIZON", _) => 0,
        ("LATEST", _) => bounds(store, &meta, &stream)?.1 + 1,
        ("AT_SEQUENCE_NUMBER", Some(s)) => s,
        (_, Some(s)) => s + 1,
        _ => 0,
    };
    Ok(json!({ "ShardIterator": iterator(arn, from) }))
}

/// GetRecords returns at most 1 MB of records (and at least one).
const MAX_RECORDS_BYTES: usize = 1 << 20;

/// Up to `limit` records of `stream` from sequence number `from` on, at most
/// `MAX_RECORDS_BYTES` of them, each with its sequence number (those older than 24
/// hours are gone).
fn records_from(
    store: &Store,
    meta: &TableMeta,
    stream: &StreamMeta,
    from: u64,
    limit: usize,
) -> DResult<Vec<(u64, Json)>> {
    let cutoff = clock::unix_millis().saturating_sub(RETENTION_MS) * 1000;
    let start = from.max(cutoff);
    let table = meta.stream_table(&stream.label);
    let view = store.stream_view(&table, start, limit, MAX_RECORDS_BYTES)?;
    let snap = view.snapshot;
    // The entry that holds `start` begins at or before it.
    let mut first_entry = start;
    snap.scan(
        &table,
        &[],
        Some(&start.saturating_add(1).to_be_bytes()),
        false,
        |k, _| {
            first_entry = stream_log::seq_of(k);
            Ok(false)
        },
    )?;
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut take = |seq: u64, json: &[u8]| {
        if seq < start {
            return true;
        }
        if !out.is_empty() && bytes + json.len() > MAX_RECORDS_BYTES {
            return false;
        }
        bytes += json.len();
        // A record that does not parse is left out.
        if let Ok(r) = serde_json::from_slice::<Json>(json) {
            out.push((seq, r));
        }
        out.len() < limit
    };
    let mut more = true;
    snap.scan(&table, &first_entry.to_be_bytes(), None, true, |k, v| {
        more = stream_log::records(k, v).all(|(seq, json)| take(seq, json));
        Ok(more)
    })?;
    if more && let Some(frame) = view.waiting {
        stream_log::records(&frame.key(), &frame.bytes).all(|(seq, json)| take(seq, json));
    }
    Ok(out)
}

fn get_records(store: &Store, region: &str, req: &Request) -> DResult<Json> {
    let it = req.required_str("ShardIterator")?;
    let limit = limit(req, "Limit", 1000, 1000)?;
    let (arn, from) = parse_iterator(it)?;
    let (meta, stream) = find(store, region, &arn)?;
    let read = records_from(store, &meta, &stream, from, limit)?;
    let next = read.last().map_or(from, |(seq, _)| seq + 1);
    let records: Vec<Json> = read.into_iter().map(|(_, r)| r).collect();
    let mut out = json!({ "Records": records });
    // A disabled stream's shard is closed: once read to its end, no next iterator.
    let (_, last) = bounds(store, &meta, &stream)?;
    if stream.disabled_ms.is_none() || next <= last {
        out["NextShardIterator"] = json!(iterator(&arn, next));
    }
    Ok(out)
}

/// What a reader outside the Streams API (Lambda's event source mappings) sees of
/// a stream: whether it exists, where it ends, and its records from a position.
pub mod reader {
    use super::*;

    /// The stream `arn` names, if it exists (a disabled one within its 24 hours
    /// too); its region is the ARN's.
    pub fn locate(store: &Store, arn: &str) -> Option<(std::sync::Arc<TableMeta>, StreamMeta)> {
        let (region, _, _) = parse_arn(arn, "StreamArn").ok()?;
        find(store, &region, arn).ok()
    }

    /// The sequence number after the stream's last record (where LATEST starts;
    /// 0 while the stream holds none).
    pub fn end(store: &Store, arn: &str) -> Option<u64> {
        let (meta, stream) = locate(store, arn)?;
        let (_, last) = bounds(store, &meta, &stream).ok()?;
        Some(if last == 0 { 0 } else { last + 1 })
    }

    /// Up to `limit` records from sequence number `from` on (those older than 24
    /// hours are gone), each with its sequence number; None when the stream is gone.
    pub fn read(store: &Store, arn: &str, from: u64, limit: usize) -> Option<Vec<(u64, Json)>> {
        let (meta, stream) = locate(store, arn)?;
        records_from(store, &meta, &stream, from, limit).ok()
    }

    /// The shard's id, as a batch's failure record names it.
    pub fn shard(stream: &StreamMeta) -> String {
        shard_id(stream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::dynamodb::number::Number;

    #[test]
    fn keys_are_written_as_the_json_tree_would_write_them() {
        let cases: Vec<Vec<(&str, Value)>> = vec![
            vec![("pk", Value::S("a \"quoted\"\n é".into()))],
            vec![
                ("id", Value::N(Number::parse("-12.50e3").unwrap())),
                ("owner", Value::S("ann".into())),
            ],
            vec![("b", Value::B(vec![0, 255, 7]))],
        ];
        for keys in cases {
            let item: Item = keys
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            let refs: Vec<(&str, &Value)> = keys.iter().map(|(k, v)| (*k, v)).collect();
            let mut out = Vec::new();
            write_keys(&mut out, &refs);
            let written: Json = serde_json::from_slice(&out).expect("JSON");
            assert_eq!(written, item_to_json(&item));
        }
    }
}
