//! Function logs: kept per function in the data dir (bounded to 10 MB, oldest
//! dropped), one log stream per day as Lambda names them, and served through the
//! CloudWatch Logs API subset that log readers need: DescribeLogGroups,
//! DescribeLogStreams, GetLogEvents, FilterLogEvents, DeleteLogGroup (JSON 1.1,
//! `Logs_20140328.*`).

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde_json::{Value as Json, json};

use std::sync::Arc;

use super::Lambda;
use crate::aws::arn::{self, LOCAL_ACCOUNT};
use crate::aws::clock;

const FILE: &str = "logs.jsonl";
const MAX_BYTES: u64 = 10 << 20;

fn stream_name(ms: u64) -> String {
    format!("{}/[$LATEST]gatekit", clock::log_stream_date(ms))
}

/// A function's log file, kept open between invocations (an open, a stat and a
/// close per invocation were a tenth of the emulator's share of a small one).
#[derive(Default)]
pub struct LogFile {
    /// The open file and its length.
    open: std::sync::Mutex<Option<(std::fs::File, u64)>>,
}

impl LogFile {
    /// Records an invocation's log text, one event per line. Logs are best effort:
    /// a log that cannot be written never fails the invocation it records.
    pub fn append(&self, dir: &Path, text: &str) {
        let stream = stream_name(clock::unix_millis());
        self.append_to(&dir.join(FILE), &stream, text);
    }

    /// Appends each line of `text` as an event of `stream` to the log at `path`.
    fn append_to(&self, path: &Path, stream: &str, text: &str) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if open.as_ref().is_some_and(|(_, len)| *len > MAX_BYTES) {
            keep_newer_half(path);
            *open = None;
        }
        if open.is_none() {
            *open = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .ok()
                .map(|f| {
                    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
                    (f, len)
                });
        }
        let Some((file, len)) = open.as_mut() else {
            return;
        };
        let ms = clock::unix_millis();
        let stream = Json::String(stream.to_string()).to_string();
        let mut out = String::with_capacity(text.len() + 64);
        for line in text.lines() {
            // {"t":…,"s":…,"m":…}: the shape `events` reads.
            out.push_str(&format!(
                "{{\"t\":{ms},\"s\":{stream},\"m\":{}}}\n",
                Json::String(line.to_string())
            ));
        }
        match file.write_all(out.as_bytes()) {
            Ok(()) => *len += out.len() as u64,
            // Best effort, as said; the next invocation opens the file anew.
            Err(_) => *open = None,
        }
    }

    /// Deletes the log at `path` (DeleteLogGroup); the next write starts a new one.
    fn delete(&self, path: &Path) -> std::io::Result<()> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        *open = None;
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Log groups that belong to no function (API Gateway's access logs): one file
/// each under the Lambda store's `log-groups/`, named by the group's name in hex.
pub struct Groups {
    dir: std::path::PathBuf,
    files: std::sync::Mutex<std::collections::BTreeMap<String, Arc<LogFile>>>,
}

impl Groups {
    pub fn at(dir: std::path::PathBuf) -> Groups {
        Groups {
            dir,
            files: Default::default(),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}.jsonl"))
    }

    fn file(&self, name: &str) -> Arc<LogFile> {
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files.entry(name.to_string()).or_default().clone()
    }

    fn exists(&self, name: &str) -> bool {
        self.path(name).is_file()
    }

    /// Makes an empty group; false when it exists already.
    fn create(&self, name: &str) -> std::io::Result<bool> {
        std::fs::create_dir_all(&self.dir)?;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.path(name))
        {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Appends a line to `name` (made on first use), in `stream`.
    pub fn append(&self, name: &str, stream: &str, line: &str) {
        if std::fs::create_dir_all(&self.dir).is_ok() {
            self.file(name).append_to(&self.path(name), stream, line);
        }
    }

    fn names(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let file = e.file_name().into_string().ok()?;
                let hex = file.strip_suffix(".jsonl")?;
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                    .collect::<Option<Vec<u8>>>()?;
                String::from_utf8(bytes).ok()
            })
            .collect();
        names.sort();
        names
    }
}

/// A log group the service answers for: a function's, or one of `Groups`.
enum Group {
    Function(Arc<super::Function>),
    Other(Arc<LogFile>, std::path::PathBuf),
}

impl Group {
    fn path(&self) -> std::path::PathBuf {
        match self {
            Group::Function(f) => f.dir.join(FILE),
            Group::Other(_, path) => path.clone(),
        }
    }

    fn delete(&self) -> std::io::Result<()> {
        match self {
            Group::Function(f) => f.log.delete(&self.path()),
            Group::Other(file, path) => file.delete(path),
        }
    }
}

/// Drops the older half of a log grown past its cap, replacing the file whole.
fn keep_newer_half(path: &Path) {
    let Ok(all) = std::fs::read_to_string(path) else {
        return;
    };
    let mut half = all.len() / 2;
    while !all.is_char_boundary(half) {
        half += 1;
    }
    let keep = &all[half..];
    let start = keep.find('\n').map(|i| i + 1).unwrap_or(0);
    // Replaced whole or not at all: readers never see a torn file.
    let tmp = path.with_extension("jsonl.tmp");
    if std::fs::write(&tmp, &keep[start..]).is_ok() {
        std::fs::rename(&tmp, path).ok();
    }
}

struct Event {
    t: u64,
    stream: String,
    message: String,
}

/// The events at or after `start` (ms). The file is appended in time order, so it
/// is read from its end back to the first line older than `start`: a reader that
/// follows a log (`fn logs --follow`, `gatekit dev`) reads what is new, not the
/// whole file each time.
fn events(path: &Path, start: u64) -> Vec<Event> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut pos = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut blocks: Vec<Vec<u8>> = Vec::new();
    while pos > 0 {
        let step = pos.min(BLOCK);
        pos -= step;
        let mut block = vec![0; step as usize];
        if file
            .seek(SeekFrom::Start(pos))
            .and_then(|_| file.read_exact(&mut block))
            .is_err()
        {
            return Vec::new();
        }
        // The block's first whole line (the part before its first newline may
        // belong to a line that starts in the block before).
        let whole = match pos {
            0 => Some(&block[..]),
            _ => block
                .iter()
                .position(|b| *b == b'\n')
                .map(|i| &block[i + 1..]),
        };
        let older = whole
            .and_then(|w| w.split(|b| *b == b'\n').next())
            .and_then(parse)
            .is_some_and(|e| e.t < start);
        blocks.push(block);
        if older {
            break;
        }
    }
    blocks.reverse();
    let all = blocks.concat();
    // A partial first line (when the read stopped inside the file) is skipped.
    let from = if pos == 0 {
        0
    } else {
        all.iter()
            .position(|b| *b == b'\n')
            .map_or(all.len(), |i| i + 1)
    };
    all[from..]
        .split(|b| *b == b'\n')
        .filter_map(parse)
        .filter(|e| e.t >= start)
        .collect()
}

/// How much of a log file is read at a time, from its end.
const BLOCK: u64 = 64 * 1024;

fn parse(line: &[u8]) -> Option<Event> {
    let v = serde_json::from_slice::<Json>(line).ok()?;
    Some(Event {
        t: v["t"].as_u64().unwrap_or(0),
        stream: v["s"].as_str().unwrap_or_default().to_string(),
        message: v["m"].as_str().unwrap_or_default().to_string(),
    })
}

fn not_found() -> (u16, Json) {
    (
        400,
        json!({ "__type": "ResourceNotFoundException", "message": "The specified log group does not exist." }),
    )
}

/// A request AWS's deserializer refuses (not an object, a member of the wrong type).
pub fn serialization_error() -> (u16, Json) {
    (
        400,
        json!({ "__type": "SerializationException", "message": "" }),
    )
}

/// Types and limits of the members these operations read, checked before anything
/// runs, as CloudWatch Logs checks them.
fn validate(operation: &str, body: &Json) -> Result<(), (u16, Json)> {
    let Some(members) = body.as_object() else {
        return Err(serialization_error());
    };
    for (name, value) in members {
        let ok = match name.as_str() {
            _ if value.is_null() => true,
            "logGroupName"
            | "logGroupNamePrefix"
            | "logStreamName"
            | "filterPattern"
            | "nextToken"
            | "logStreamNamePrefix"
            | "orderBy" => value.is_string(),
            "limit" | "startTime" | "endTime" => value.is_i64() || value.is_u64(),
            "descending" | "startFromHead" | "interleaved" => value.is_boolean(),
            "logStreamNames" => value
                .as_array()
                .is_some_and(|a| a.iter().all(Json::is_string)),
            _ => true,
        };
        if !ok {
            return Err(serialization_error());
        }
    }
    let max = match operation {
        "DescribeLogGroups" | "DescribeLogStreams" => 50,
        _ => 10_000,
    };
    if let Some(limit) = body.get("limit").and_then(Json::as_i64) {
        let bound = if limit < 1 {
            "greater than or equal to 1".to_string()
        } else if limit > max {
            format!("less than or equal to {max}")
        } else {
            return Ok(());
        };
        return Err((
            400,
            json!({
                "__type": "InvalidParameterException",
                "message": format!("1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {bound}"),
            }),
        ));
    }
    Ok(())
}

/// Serves one `Logs_20140328.*` operation; returns status and body.
pub fn handle(l: &Lambda, region: Option<&str>, operation: &str, body: &Json) -> (u16, Json) {
    if let Err(refused) = validate(operation, body) {
        return refused;
    }
    let region = region.unwrap_or(&l.default_region);
    let group_of = |g: &str| match g.strip_prefix(crate::aws::names::LAMBDA_LOG_GROUP_PREFIX) {
        Some(n) => l.get(region, n).map(Group::Function),
        None => l
            .groups
            .exists(g)
            .then(|| Group::Other(l.groups.file(g), l.groups.path(g))),
    };
    let limit = body["limit"].as_u64().unwrap_or(10_000) as usize;
    match operation {
        "DescribeLogGroups" => {
            let prefix = body["logGroupNamePrefix"].as_str().unwrap_or("");
            let mut names: Vec<String> = l
                .in_region(region)
                .into_iter()
                .map(|f| crate::aws::names::lambda_log_group(&super::api::read(&f).name))
                .chain(l.groups.names())
                .collect();
            names.sort();
            let groups: Vec<Json> = names
                .into_iter()
                .filter(|g| g.starts_with(prefix))
                .take(limit)
                .map(|g| {
                    json!({
                        "logGroupName": g,
                        "arn": arn::log_group(region, LOCAL_ACCOUNT, &g),
                        "creationTime": 0,
                        "storedBytes": 0,
                    })
                })
                .collect();
            (200, json!({ "logGroups": groups }))
        }
        "DescribeLogStreams" => {
            let Some(group) = body["logGroupName"].as_str().and_then(group_of) else {
                return not_found();
            };
            let mut streams: Vec<(String, u64, u64)> = Vec::new();
            for e in events(&group.path(), 0) {
                match streams.iter_mut().find(|s| s.0 == e.stream) {
                    Some(s) => s.2 = e.t,
                    None => streams.push((e.stream, e.t, e.t)),
                }
            }
            if body["descending"].as_bool().unwrap_or(false) {
                streams.reverse();
            }
            let list: Vec<Json> = streams
                .into_iter()
                .take(limit)
                .map(|(name, first, last)| {
                    json!({
                        "logStreamName": name, "creationTime": first, "firstEventTimestamp": first,
                        "lastEventTimestamp": last, "lastIngestionTime": last, "storedBytes": 0,
                    })
                })
                .collect();
            (200, json!({ "logStreams": list }))
        }
        "GetLogEvents" | "FilterLogEvents" => {
            let Some(group) = body["logGroupName"].as_str().and_then(group_of) else {
                return not_found();
            };
            let start = body["startTime"].as_u64().unwrap_or(0);
            let end = body["endTime"].as_u64().unwrap_or(u64::MAX);
            let pattern = body["filterPattern"]
                .as_str()
                .unwrap_or("")
                .trim_matches('"')
                .to_string();
            let only: Option<Vec<String>> = match operation {
                "GetLogEvents" => Some(vec![
                    body["logStreamName"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                ]),
                _ => body["logStreamNames"].as_array().map(|a| {
                    a.iter()
                        .filter_map(Json::as_str)
                        .map(String::from)
                        .collect()
                }),
            };
            let mut found: Vec<Event> = events(&group.path(), start)
                .into_iter()
                .filter(|e| e.t <= end)
                .filter(|e| only.as_ref().is_none_or(|o| o.contains(&e.stream)))
                .filter(|e| pattern.is_empty() || e.message.contains(&pattern))
                .collect();
            let from_head = body["startFromHead"]
                .as_bool()
                .unwrap_or(operation == "FilterLogEvents");
            if !from_head && found.len() > limit {
                found = found.split_off(found.len() - limit);
            }
            found.truncate(limit);
            let list: Vec<Json> = found
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let mut v =
                        json!({ "timestamp": e.t, "message": e.message, "ingestionTime": e.t });
                    if operation == "FilterLogEvents" {
                        v["logStreamName"] = json!(e.stream);
                        v["eventId"] = json!(format!("{}{i:08}", e.t));
                    }
                    v
                })
                .collect();
            if operation == "GetLogEvents" {
                (
                    200,
                    json!({ "events": list, "nextForwardToken": "f/end", "nextBackwardToken": "b/start" }),
                )
            } else {
                (200, json!({ "events": list, "searchedLogStreams": [] }))
            }
        }
        "DeleteLogGroup" => {
            let Some(group) = body["logGroupName"].as_str() else {
                return (
                    400,
                    json!({ "__type": "InvalidParameterException", "message": "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null" }),
                );
            };
            let Some(group) = group_of(group) else {
                return not_found();
            };
            // The group's events go; a function keeps logging into a new one.
            match group.delete() {
                Ok(()) => (200, json!({})),
                Err(_) => (
                    500,
                    json!({ "__type": "ServiceUnavailableException", "message": "The log group could not be deleted." }),
                ),
            }
        }
        "CreateLogGroup" => {
            let name = body["logGroupName"].as_str().unwrap_or("");
            let valid = !name.is_empty()
                && name.len() <= 512
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-/#".contains(&b));
            if !valid {
                return (
                    400,
                    json!({ "__type": "InvalidParameterException", "message": format!("1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+") }),
                );
            }
            if group_of(name).is_some() {
                return (
                    400,
                    json!({ "__type": "ResourceAlreadyExistsException", "message": "The specified log group already exists" }),
                );
            }
            match l.groups.create(name) {
                Ok(_) => (200, json!({})),
                Err(_) => (
                    500,
                    json!({ "__type": "ServiceUnavailableException", "message": "The log group could not be created." }),
                ),
            }
        }
        other => (
            400,
            json!({ "__type": "UnknownOperationException", "message": format!("Unknown operation: {other}") }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log of `n` events, one per millisecond from 0, of varied lengths.
    fn log_of(n: u64) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tmp");
        let mut text = String::new();
        for t in 0..n {
            let message = "x".repeat((t % 300) as usize);
            text.push_str(&format!(
                "{{\"t\":{t},\"s\":\"s\",\"m\":\"{t} {message}\"}}\n"
            ));
        }
        std::fs::write(dir.path().join(FILE), text).expect("write");
        dir
    }

    #[test]
    fn events_since_a_time_are_read_from_the_end() {
        let dir = log_of(5000);
        for start in [0, 1, 2047, 4000, 4999, 5000, 9999] {
            let got: Vec<u64> = events(&dir.path().join(FILE), start)
                .iter()
                .map(|e| e.t)
                .collect();
            let want: Vec<u64> = (start..5000).collect();
            assert_eq!(got, want, "since {start}");
        }
        for e in events(&dir.path().join(FILE), 4990) {
            assert!(e.message.starts_with(&format!("{} ", e.t)), "{}", e.message);
        }
    }

    #[test]
    fn no_log_is_no_events() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(events(&dir.path().join(FILE), 0).is_empty());
    }
}
