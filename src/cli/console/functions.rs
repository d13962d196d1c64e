//! The console's functions: the list, one function's configuration, invoking it
//! (the result beside the invocation's log), its log read from a point on, and
//! the payloads the user keeps in the project's `.gatekit/payloads/FUNCTION/`.

use std::path::PathBuf;

use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Map, Value as Json, json};

use super::{Reply, State, body_of};
use crate::cli::Failure;
use crate::cli::session::cloud_failure;
use crate::cloud::lambda::{invoke as lambda_invoke, logs, read};
use crate::project::Project;
use crate::project::resolve::{Namer, region_of};

/// Lambda's limit on a synchronous invocation's payload.
const MAX_PAYLOAD: usize = 6 * 1024 * 1024;
/// Payloads kept per function.
const MAX_SAVED: usize = 200;

pub async fn list(state: &State) -> Result<Reply, Failure> {
    let project = state.project()?;
    let rows = crate::cli::function::rows(
        &state.session,
        project.as_ref(),
        &state.target,
        state.region_flag(),
    )
    .await?;
    Ok(Reply::ok(&json!({ "functions": rows })))
}

/// The physical name of function `name` (logical in gatekit.yaml, else physical),
/// and its logical name.
fn physical(state: &State, project: Option<&Project>, name: &str) -> (String, Option<String>) {
    match project {
        Some(p) if p.file.functions.contains_key(name) => {
            let region = region_of(&p.file, &state.target, state.region_flag());
            let namer = Namer::new(&p.file, &state.target, region.as_deref());
            (namer.function(name), Some(name.to_string()))
        }
        _ => (name.to_string(), None),
    }
}

fn not_found(name: &str) -> Failure {
    Failure::not_found(
        format!("no function `{name}` on the target"),
        Some("deploy it first: `gatekit deploy`".into()),
    )
}

pub async fn describe(state: &State, name: &str) -> Result<Reply, Failure> {
    let (physical, logical) = physical(state, state.project()?.as_ref(), name);
    let out = read::get(&state.session.lambda, &physical)
        .await
        .map_err(cloud_failure)?
        .ok_or_else(|| not_found(name))?;
    Ok(Reply::ok(&crate::render::functions::description(
        logical.as_deref(),
        &out,
        None,
    )))
}

#[derive(Deserialize)]
pub struct InvokeRequest {
    /// The event, as JSON text.
    payload: String,
}

pub async fn invoke(state: &State, name: &str, body: &Bytes) -> Result<Reply, Failure> {
    state.may_write()?;
    let r: InvokeRequest = body_of(body)?;
    if serde_json::from_str::<Json>(&r.payload).is_err() {
        return Err(Failure::usage(
            "the payload is not JSON",
            "write a JSON event, such as {\"key\": \"value\"}",
        ));
    }
    let project = state.project()?;
    let (physical, _) = physical(state, project.as_ref(), name);
    if let Some(runtimes) = &state.session.local_runtimes
        && let Some(f) = project.as_ref().and_then(|p| p.file.functions.get(name))
    {
        crate::cli::local::ensure_sdks(&state.ctx, runtimes, std::iter::once(f.runtime.as_str()));
    }
    let started = std::time::Instant::now();
    let invoked = match lambda_invoke::invoke(
        &state.session.lambda,
        &physical,
        r.payload.into_bytes(),
        false,
        true,
    )
    .await
    {
        Ok(i) => i,
        Err(e) if e.code() == Some("ResourceNotFoundException") => return Err(not_found(name)),
        Err(e) => return Err(cloud_failure(e)),
    };
    Ok(Reply::ok(&json!({
        "status_code": invoked.status_code,
        "function_error": invoked.function_error,
        "result": String::from_utf8_lossy(&invoked.payload),
        "log": invoked.log_tail,
        "request_id": invoked.request_id,
        "ms": started.elapsed().as_millis() as u64,
    })))
}

/// The function's log lines from `since` (ms since the epoch; default: the last
/// five minutes), with their ids (lines at the same millisecond come again on the
/// next read from there).
pub async fn logs(state: &State, name: &str, since: Option<i64>) -> Result<Reply, Failure> {
    let (physical, _) = physical(state, state.project()?.as_ref(), name);
    let since = since.unwrap_or_else(|| crate::aws::clock::unix_millis() as i64 - 5 * 60 * 1000);
    let lines = logs::read(&state.session.logs, &physical, Some(since), None)
        .await
        .map_err(cloud_failure)?;
    let lines: Vec<Json> = lines
        .iter()
        .map(|l| json!({ "id": l.id, "timestamp": l.timestamp, "message": l.message }))
        .collect();
    Ok(Reply::ok(&json!({ "lines": lines })))
}

/// Where a function's saved payloads live: `.gatekit/payloads/FUNCTION/` beside
/// gatekit.yaml.
fn payload_dir(state: &State, function: &str) -> Result<PathBuf, Failure> {
    let name = plain_name(function, "function")?;
    let base = state
        .ctx
        .project_path()
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| state.ctx.base_dir());
    Ok(base.join(".gatekit").join("payloads").join(name))
}

/// A name that is one plain path component: letters, digits, `-`, `_`, `.`, not
/// starting with a dot, at most 64 bytes.
fn plain_name<'a>(name: &'a str, what: &str) -> Result<&'a str, Failure> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(name)
    } else {
        Err(Failure::usage(
            format!("`{name}` is not a {what} name the console keeps payloads for"),
            "use letters, digits, -, _ and . (at most 64)",
        ))
    }
}

pub fn payloads(state: &State, function: &str) -> Result<Reply, Failure> {
    let dir = payload_dir(state, function)?;
    let mut saved = Map::new();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    for path in entries.into_iter().take(MAX_SAVED) {
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        let too_big = std::fs::metadata(&path).map_or(true, |m| m.len() > MAX_PAYLOAD as u64);
        if too_big {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&path) {
            saved.insert(name.to_string(), Json::String(text));
        }
    }
    Ok(Reply::ok(&json!({ "payloads": saved })))
}

#[derive(Deserialize)]
pub struct SaveRequest {
    payload: String,
}

pub fn save_payload(
    state: &State,
    function: &str,
    name: &str,
    body: &Bytes,
) -> Result<Reply, Failure> {
    let r: SaveRequest = body_of(body)?;
    let name = plain_name(name, "payload")?;
    if r.payload.len() > MAX_PAYLOAD {
        return Err(Failure::usage(
            format!("a payload holds at most {MAX_PAYLOAD} bytes, as Lambda's"),
            "save a smaller event",
        ));
    }
    if serde_json::from_str::<Json>(&r.payload).is_err() {
        return Err(Failure::usage(
            "the payload is not JSON",
            "write a JSON event",
        ));
    }
    let dir = payload_dir(state, function)?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::runtime(format!("cannot make {}: {e}", dir.display()), None))?;
    crate::cli::write_whole(&dir.join(format!("{name}.json")), r.payload.as_bytes())?;
    Ok(Reply::ok(&json!({ "saved": name })))
}

pub fn delete_payload(state: &State, function: &str, name: &str) -> Result<Reply, Failure> {
    let name = plain_name(name, "payload")?;
    let path = payload_dir(state, function)?.join(format!("{name}.json"));
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(Reply::ok(&json!({ "deleted": name }))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Failure::not_found(
            format!("no saved payload `{name}`"),
            None,
        )),
        Err(e) => Err(Failure::runtime(
            format!("cannot delete {}: {e}", path.display()),
            None,
        )),
    }
}
