//! The Lambda API (REST-JSON): the routing of paths to operations, and the shapes
//! every operation shares. Operations live in one file per group: `functions`
//! (create, read, list, delete, configuration, code), `invoke`, `concurrency`,
//! `permissions` (resource policy), `tags`, `account`.

mod account;
mod concurrency;
pub mod error;
mod event_config;
mod functions;
pub(super) mod invoke;
mod mappings;
mod permissions;
mod tags;

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderValue;
use hyper::{HeaderMap, Method, Response, StatusCode};
use serde_json::{Value as Json, json};

use super::{Function, FunctionConfig, Lambda};
use crate::aws::arn;
use error::{ErrorKind, LambdaError};

pub type HttpReply = Response<Full<Bytes>>;

fn json_reply(status: u16, body: &Json) -> HttpReply {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

fn empty(status: u16) -> HttpReply {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r
}

/// Percent-decodes one path segment or query value.
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A function name from a path segment: a name, a partial or a full ARN.
fn function_name(segment: &str) -> String {
    arn::function_name(&decode(segment)).to_string()
}

/// A query parameter's decoded value.
fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    query?
        .split('&')
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
        .map(decode)
}

fn configuration(c: &FunctionConfig) -> Json {
    let mut v = json!({
        "FunctionName": c.name,
        "FunctionArn": Lambda::arn(&c.region, &c.name),
        "Runtime": c.runtime,
        "Role": c.role,
        "Handler": c.handler,
        "CodeSize": c.code_size,
        "Description": c.description,
        "Timeout": c.timeout,
        "MemorySize": c.memory,
        "LastModified": c.last_modified,
        "CodeSha256": c.code_sha256,
        "Version": "$LATEST",
        "State": "Active",
        "LastUpdateStatus": "Successful",
        "PackageType": "Zip",
        "Architectures": [c.architecture],
        "EphemeralStorage": { "Size": 512 },
        "TracingConfig": { "Mode": "PassThrough" },
        "RevisionId": format!("{:08x}-0000-4000-8000-{:012x}", c.revision, c.revision),
    });
    if !c.environment.is_empty() {
        v["Environment"] = json!({ "Variables": c.environment });
    }
    v
}

fn function(l: &Lambda, region: &str, name: &str) -> Result<Arc<Function>, LambdaError> {
    l.get(region, name)
        .ok_or_else(|| LambdaError::function_not_found(&Lambda::arn(region, name)))
}

/// A function's configuration now (for the rest of the Lambda service).
pub(crate) fn read_config(f: &Function) -> FunctionConfig {
    read(f)
}

pub(super) fn read(f: &Function) -> FunctionConfig {
    f.config
        .read()
        .map(|c| c.clone())
        .unwrap_or_else(|p| p.into_inner().clone())
}

/// Changes a function's configuration: `change` works on a copy, whose record is
/// stored first and only then becomes the function's configuration, so a refused
/// change or a failed write leaves the function as it was.
async fn update(
    l: &Lambda,
    f: &Function,
    change: impl FnOnce(&mut FunctionConfig) -> Result<(), LambdaError>,
) -> Result<FunctionConfig, LambdaError> {
    let _one_at_a_time = l.control.lock().await;
    let mut next = read(f);
    change(&mut next)?;
    next.revision += 1;
    next.last_modified = super::now_timestamp();
    l.save(&next).await.map_err(LambdaError::storage)?;
    match f.config.write() {
        Ok(mut c) => *c = next.clone(),
        Err(p) => *p.into_inner() = next.clone(),
    }
    Ok(next)
}

/// The JSON types of the Lambda API's members.
#[derive(Clone, Copy)]
enum Shape {
    Integer,
    Text,
    Bool,
    Object,
    TextList,
    /// An object whose values are strings (environment variables, tags).
    TextMap,
}

/// Refuses members of the wrong JSON type, as Lambda's deserializer does, before
/// anything else looks at the request; `null` reads as absent. The message is
/// empty: AWS's wording for it is not documented.
fn check_shapes(body: &Json, members: &[(&str, Shape)]) -> Result<(), LambdaError> {
    for (name, shape) in members {
        let ok = match (body.get(*name), shape) {
            (None | Some(Json::Null), _) => true,
            (Some(v), Shape::Integer) => v.is_i64() || v.is_u64(),
            (Some(v), Shape::Text) => v.is_string(),
            (Some(v), Shape::Bool) => v.is_boolean(),
            (Some(v), Shape::Object) => v.is_object(),
            (Some(v), Shape::TextList) => {
                v.as_array().is_some_and(|a| a.iter().all(Json::is_string))
            }
            (Some(v), Shape::TextMap) => v
                .as_object()
                .is_some_and(|m| m.values().all(Json::is_string)),
        };
        if !ok {
            return Err(LambdaError::serialization());
        }
    }
    Ok(())
}

/// A member outside its modeled range, in Lambda's validation envelope.
fn in_range(v: i64, min: i64, max: i64, member: &str) -> Result<i64, LambdaError> {
    let bound = if v < min {
        format!("greater than or equal to {min}")
    } else if v > max {
        format!("less than or equal to {max}")
    } else {
        return Ok(v);
    };
    Err(LambdaError::new(
        ErrorKind::Validation,
        format!(
            "1 validation error detected: Value '{v}' at '{member}' failed to satisfy constraint: Member must have value {bound}"
        ),
    ))
}

/// Required members that are missing, in Lambda's validation envelope:
/// `members` pairs the JSON name with the name AWS's message uses.
fn require(body: &Json, members: &[(&str, &str)]) -> Result<(), LambdaError> {
    let missing: Vec<String> = members
        .iter()
        .filter(|(json, _)| body.get(*json).is_none_or(Json::is_null))
        .map(|(_, wire)| {
            format!("Value null at '{wire}' failed to satisfy constraint: Member must not be null")
        })
        .collect();
    match missing.len() {
        0 => Ok(()),
        1 => Err(LambdaError::new(
            ErrorKind::Validation,
            format!("1 validation error detected: {}", missing[0]),
        )),
        n => Err(LambdaError::new(
            ErrorKind::Validation,
            format!("{n} validation errors detected: {}", missing.join("; ")),
        )),
    }
}

/// A zip uploaded directly is at most 50 MB, which base64 makes 69,905,067 bytes of
/// request: Lambda refuses a larger request before reading it.
const MAX_DIRECT_UPLOAD_REQUEST: usize = 69_905_067;

fn direct_upload(body: &Bytes, operation: &str) -> Result<(), LambdaError> {
    if body.len() > MAX_DIRECT_UPLOAD_REQUEST {
        return Err(LambdaError::new(
            ErrorKind::RequestTooLarge,
            format!(
                "Request must be smaller than {MAX_DIRECT_UPLOAD_REQUEST} bytes for the {operation} operation"
            ),
        ));
    }
    Ok(())
}

fn json_body(body: &Bytes) -> Result<Json, LambdaError> {
    if body.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(body)
        .map_err(|e| LambdaError::invalid(format!("Could not parse request body into json: {e}")))
}

/// Serves one Lambda API request in `region` (its signature's, else the default);
/// an error is answered with `LambdaError::reply`.
pub async fn handle(
    l: &Arc<Lambda>,
    region: Option<&str>,
    method: &Method,
    path: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<HttpReply, LambdaError> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    let name = |segment: &str| function_name(segment);
    let r = region.unwrap_or(&l.default_region);
    match (method, parts.as_slice()) {
        (&Method::GET, ["2015-03-31", "functions"]) => functions::list(l, r, query),
        (&Method::POST, ["2015-03-31", "functions"]) => {
            direct_upload(&body, "CreateFunction")?;
            functions::create(l, r, &json_body(&body)?).await
        }
        (&Method::GET, ["2015-03-31", "functions", f]) => functions::get(l, r, &name(f)),
        (&Method::DELETE, ["2015-03-31", "functions", f]) => {
            functions::delete(l, r, &name(f)).await
        }
        (&Method::GET, ["2015-03-31", "functions", f, "configuration"]) => {
            functions::get_configuration(l, r, &name(f))
        }
        (&Method::PUT, ["2015-03-31", "functions", f, "configuration"]) => {
            functions::update_configuration(l, r, &name(f), &json_body(&body)?).await
        }
        (&Method::PUT, ["2015-03-31", "functions", f, "code"]) => {
            direct_upload(&body, "UpdateFunctionCode")?;
            functions::update_code(l, r, &name(f), &json_body(&body)?).await
        }
        (&Method::POST, ["2015-03-31", "functions", f, "invocations"]) => {
            invoke::invoke(l, r, &name(f), headers, body).await
        }
        (&Method::PUT, ["2017-10-31", "functions", f, "concurrency"]) => {
            concurrency::put(l, r, &name(f), &json_body(&body)?).await
        }
        (&Method::GET, [_, "functions", f, "concurrency"]) => concurrency::get(l, r, &name(f)),
        (&Method::DELETE, ["2017-10-31", "functions", f, "concurrency"]) => {
            concurrency::delete(l, r, &name(f)).await
        }
        (&Method::POST, ["2015-03-31", "functions", f, "policy"]) => {
            permissions::add(l, r, &name(f), &json_body(&body)?).await
        }
        (&Method::GET, ["2015-03-31", "functions", f, "policy"]) => {
            permissions::get(l, r, &name(f))
        }
        (&Method::DELETE, ["2015-03-31", "functions", f, "policy", sid]) => {
            permissions::remove(l, r, &name(f), &decode(sid)).await
        }
        (&Method::GET, ["2017-03-31", "tags", arn]) => tags::list(l, r, &name(arn)),
        (&Method::POST, ["2017-03-31", "tags", arn]) => {
            tags::tag(l, r, &name(arn), &json_body(&body)?).await
        }
        (&Method::DELETE, ["2017-03-31", "tags", arn]) => {
            tags::untag(l, r, &name(arn), query).await
        }
        (&Method::GET, ["2016-08-19", "account-settings"]) => account::settings(l, r),
        (&Method::PUT, ["2019-09-25", "functions", f, "event-invoke-config"]) => {
            event_config::put(l, r, &name(f), &json_body(&body)?, true).await
        }
        (&Method::POST, ["2019-09-25", "functions", f, "event-invoke-config"]) => {
            event_config::put(l, r, &name(f), &json_body(&body)?, false).await
        }
        (&Method::GET, ["2019-09-25", "functions", f, "event-invoke-config"]) => {
            event_config::get(l, r, &name(f))
        }
        (&Method::DELETE, ["2019-09-25", "functions", f, "event-invoke-config"]) => {
            event_config::delete(l, r, &name(f)).await
        }
        (&Method::GET, ["2019-09-25", "functions", f, "event-invoke-config", "list"]) => {
            event_config::list(l, r, &name(f))
        }
        (&Method::POST, ["2015-03-31", "event-source-mappings"]) => {
            mappings::create(l, r, &json_body(&body)?).await
        }
        (&Method::GET, ["2015-03-31", "event-source-mappings"]) => mappings::list(l, r, query),
        (&Method::GET, ["2015-03-31", "event-source-mappings", id]) => {
            mappings::get(l, r, &decode(id))
        }
        (&Method::PUT, ["2015-03-31", "event-source-mappings", id]) => {
            mappings::update(l, r, &decode(id), &json_body(&body)?).await
        }
        (&Method::DELETE, ["2015-03-31", "event-source-mappings", id]) => {
            mappings::delete(l, r, &decode(id)).await
        }
        _ => Err(LambdaError::new(
            ErrorKind::UnknownOperation,
            format!("Unknown operation {method} {path}"),
        )),
    }
}
