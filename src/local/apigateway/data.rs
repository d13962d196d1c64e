//! The data plane: a deployed stage's routes, served as API Gateway serves a Lambda
//! proxy integration (payload format 1.0). Three URL forms reach it, as with
//! LocalStack: `/restapis/{id}/{stage}/_user_request_/{path}`,
//! `/_aws/execute-api/{id}/{stage}/{path}`, and the host
//! `{id}.execute-api.localhost` with `/{stage}/{path}`.

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::HeaderValue;
use hyper::{HeaderMap, Method as Verb, Response, StatusCode};
use serde_json::{Map, Value as Json, json};

use super::{ApiGateway, Resource, RestApi, StageView};
use crate::aws::arn::LOCAL_ACCOUNT;
use crate::aws::route;
use crate::local::header_case::keep_case;
use crate::local::lambda::Lambda;

pub type Reply = Response<Full<Bytes>>;

/// Where a data-plane request goes: the API, the stage, and the path in the stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub api: String,
    pub stage: String,
    /// The path after the stage, as sent (not decoded), starting with `/`.
    pub path: String,
}

/// The API, stage and path a request names, in any of the three forms.
pub fn target(host: Option<&str>, path: &str) -> Option<Target> {
    let split = |rest: &str| -> Option<(String, String)> {
        let rest = rest.trim_start_matches('/');
        let (stage, tail) = rest.split_once('/').unwrap_or((rest, ""));
        (!stage.is_empty()).then(|| (stage.to_string(), format!("/{tail}")))
    };
    if let Some(rest) = path.strip_prefix("/restapis/") {
        let (api, rest) = rest.split_once('/')?;
        let (stage, rest) = rest.split_once('/')?;
        let tail = rest.strip_prefix("_user_request_")?;
        let tail = if tail.is_empty() { "/" } else { tail };
        return Some(Target {
            api: api.to_string(),
            stage: stage.to_string(),
            path: tail.to_string(),
        });
    }
    if let Some(rest) = path.strip_prefix("/_aws/execute-api/") {
        let (api, rest) = rest.split_once('/')?;
        let (stage, path) = split(rest)?;
        return Some(Target {
            api: api.to_string(),
            stage,
            path,
        });
    }
    let host = host?.split(':').next()?;
    let api = host.strip_suffix(".execute-api.localhost")?;
    let (stage, path) = split(path)?;
    Some(Target {
        api: api.to_string(),
        stage,
        path,
    })
}

fn json_reply(status: u16, body: &Json, request_id: &str) -> Reply {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let h = r.headers_mut();
    h.insert("content-type", HeaderValue::from_static("application/json"));
    if let Ok(v) = HeaderValue::from_str(request_id) {
        h.insert("x-amzn-requestid", v);
    }
    keep_case(&mut r, "Content-Type");
    keep_case(&mut r, "x-amzn-RequestId");
    r
}

/// What API Gateway answers when no route or method matches (a 404 in all but name).
fn missing_token(request_id: &str) -> Reply {
    let mut r = json_reply(
        403,
        &json!({ "message": "Missing Authentication Token" }),
        request_id,
    );
    r.headers_mut().insert(
        "x-amzn-errortype",
        HeaderValue::from_static("MissingAuthenticationTokenException"),
    );
    keep_case(&mut r, "x-amzn-ErrorType");
    r.headers_mut().insert(
        OWN,
        HeaderValue::from_static("MISSING_AUTHENTICATION_TOKEN"),
    );
    r
}

/// Marks an answer the gateway makes itself (not the function's), with its gateway
/// response type, until `serve` applies the API's gateway responses to it.
const OWN: &str = "x-gatekit-gateway-response";

/// The API's gateway response for `kind` (else DEFAULT_4XX or DEFAULT_5XX): its
/// headers (CORS on the gateway's own errors) added to `reply`.
fn apply_gateway_response(api: &RestApi, kind: &str, reply: &mut Reply) {
    let fallback = if reply.status().is_client_error() {
        "DEFAULT_4XX"
    } else {
        "DEFAULT_5XX"
    };
    let Some(response) = api
        .gateway_responses
        .get(kind)
        .or_else(|| api.gateway_responses.get(fallback))
    else {
        return;
    };
    for (k, v) in response["responseParameters"]
        .as_object()
        .into_iter()
        .flatten()
    {
        let Some(name) = k.strip_prefix("gatewayresponse.header.") else {
            continue;
        };
        let value = v.as_str().unwrap_or_default().trim_matches('\'');
        if let (Ok(n), Ok(v)) = (
            hyper::header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            reply.headers_mut().insert(n, v);
            keep_case(reply, name);
        }
    }
}

fn internal(request_id: &str, status: u16) -> Reply {
    let (message, kind) = if status == 504 {
        ("Endpoint request timed out", "INTEGRATION_TIMEOUT")
    } else {
        ("Internal server error", "DEFAULT_5XX")
    };
    let mut r = json_reply(status, &json!({ "message": message }), request_id);
    r.headers_mut().insert(OWN, HeaderValue::from_static(kind));
    r
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The function an AWS_PROXY integration invokes: its region and name.
fn function_of(uri: &str) -> Option<(String, String)> {
    let arn = uri
        .split("/functions/")
        .nth(1)?
        .split("/invocations")
        .next()?;
    let region = arn.split(':').nth(3)?.to_string();
    Some((region, crate::aws::arn::function_name(arn).to_string()))
}

/// Whether the function's resource policy lets API Gateway invoke it.
fn permitted(lambda: &Lambda, region: &str, name: &str) -> bool {
    let Some(f) = lambda.get(region, name) else {
        return false;
    };
    let Ok(config) = f.config.read() else {
        return false;
    };
    config.policy.iter().any(|s| {
        s["Principal"]["Service"] == "apigateway.amazonaws.com"
            && s["Effect"] != "Deny"
            && s["Action"]
                .as_str()
                .is_some_and(|a| a == "lambda:InvokeFunction" || a == "lambda:*")
    })
}

/// A data-plane request as the server read it.
pub struct Request<'a> {
    pub verb: &'a Verb,
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    /// The client's case of each header name, by lowercase name.
    pub case: &'a HashMap<String, String>,
    pub body: Bytes,
    pub source_ip: &'a str,
}

/// One request of a deployed API; the gateway's own answers carry the API's
/// gateway response headers.
pub async fn serve(g: &ApiGateway, lambda: &Arc<Lambda>, t: &Target, req: &Request<'_>) -> Reply {
    let started = std::time::Instant::now();
    let mut reply = route_request(g, lambda, t, req).await;
    let resource_path = reply
        .headers_mut()
        .remove(RESOURCE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Some(kind) = reply.headers_mut().remove(OWN)
        && let Some(api) = g.find(&t.api)
    {
        let kind = String::from_utf8_lossy(kind.as_bytes()).into_owned();
        apply_gateway_response(&api, &kind, &mut reply);
    }
    if let Some(log) = g.access_log(&t.api, &t.stage) {
        let served = super::access_log::Served {
            target: t,
            request: req,
            reply: &reply,
            resource_path: resource_path.as_deref(),
            latency: started.elapsed(),
        };
        super::access_log::write(lambda, &log, &served);
    }
    reply
}

/// Tells `serve` which resource a request matched (for the access log); never sent.
const RESOURCE: &str = "x-gatekit-resource-path";

async fn route_request(
    g: &ApiGateway,
    lambda: &Arc<Lambda>,
    t: &Target,
    req: &Request<'_>,
) -> Reply {
    let verb = req.verb;
    let request_id = crate::aws::id::request_id();
    let Some(view) = g.stage_view(&t.api, &t.stage) else {
        return missing_token(&request_id);
    };
    let matching_path = if t.path.len() > 1 {
        t.path.trim_end_matches('/')
    } else {
        "/"
    };
    let table = &view.table;
    let Some((chosen, params)) = route::select(&table.routes, verb.as_str(), matching_path) else {
        return missing_token(&request_id);
    };
    let Some(resource) = table
        .routes
        .iter()
        .position(|r| r.method == chosen.method && r.path() == chosen.path())
        .map(|i| &table.resources[i])
    else {
        return missing_token(&request_id);
    };
    let Some(method) = resource.methods.get(&chosen.method) else {
        return missing_token(&request_id);
    };
    let Some(integration) = &method.integration else {
        return internal(&request_id, 500);
    };
    if integration.kind == "MOCK" {
        return mock(integration, &request_id);
    }
    let Some((region, name)) = integration.uri.as_deref().and_then(function_of) else {
        return internal(&request_id, 500);
    };
    if !permitted(lambda, &region, &name) {
        return internal(&request_id, 500);
    }
    let event = event(EventParts {
        view: &view,
        resource,
        verb,
        path: &t.path,
        params: &params,
        req,
        request_id: &request_id,
    });
    let mut invoke_headers = HeaderMap::new();
    invoke_headers.insert(
        "x-amz-invocation-type",
        HeaderValue::from_static("RequestResponse"),
    );
    let invoked = crate::local::lambda::handle(
        lambda,
        Some(&region),
        &Verb::POST,
        &format!("/2015-03-31/functions/{name}/invocations"),
        None,
        &invoke_headers,
        Bytes::from(event.to_string()),
    )
    .await;
    let Ok(reply) = invoked else {
        return internal(&request_id, 500);
    };
    if reply.headers().contains_key("x-amz-function-error") {
        let bytes = reply
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        // A timeout is the integration's 504; any other failure a 502.
        let timed_out = String::from_utf8_lossy(&bytes).contains("Task timed out");
        return internal(&request_id, if timed_out { 504 } else { 502 });
    }
    let bytes = reply
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let mut reply = proxy_reply(&view, req.headers, &bytes, &request_id);
    if let Ok(v) = HeaderValue::from_str(&resource.path) {
        reply.headers_mut().insert(RESOURCE, v);
    }
    reply
}

struct EventParts<'a> {
    view: &'a StageView,
    resource: &'a Resource,
    verb: &'a Verb,
    path: &'a str,
    params: &'a [(String, String)],
    req: &'a Request<'a>,
    request_id: &'a str,
}

/// Empty is `null`, never `{}`.
fn object_or_null(m: Map<String, Json>) -> Json {
    if m.is_empty() {
        Json::Null
    } else {
        Json::Object(m)
    }
}

/// The Lambda proxy event, payload format 1.0.
fn event(p: EventParts<'_>) -> Json {
    let mut headers = Map::new();
    let mut multi_headers: Map<String, Json> = Map::new();
    for (k, v) in p.req.headers {
        let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
        let name = p
            .req
            .case
            .get(k.as_str())
            .map_or(k.as_str(), String::as_str);
        headers.insert(name.to_string(), json!(v));
        match multi_headers.get_mut(name).and_then(Json::as_array_mut) {
            Some(list) => list.push(json!(v)),
            None => {
                multi_headers.insert(name.to_string(), json!([v]));
            }
        }
    }
    let mut query = Map::new();
    let mut multi_query: Map<String, Json> = Map::new();
    for pair in p
        .req
        .query
        .unwrap_or_default()
        .split('&')
        .filter(|s| !s.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        query.insert(k.clone(), json!(v));
        match multi_query.get_mut(&k).and_then(Json::as_array_mut) {
            Some(list) => list.push(json!(v)),
            None => {
                multi_query.insert(k, json!([v]));
            }
        }
    }
    let params: Map<String, Json> = p
        .params
        .iter()
        .map(|(k, v)| (k.clone(), json!(v.trim_matches('/'))))
        .collect();
    let content_type = p
        .req
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let binary = p
        .view
        .binary_media_types
        .iter()
        .any(|t| media_matches(t, content_type));
    let body = if p.req.body.is_empty() {
        Json::Null
    } else if binary {
        json!(B64.encode(&p.req.body))
    } else {
        json!(String::from_utf8_lossy(&p.req.body))
    };
    let now = crate::aws::clock::unix_millis();
    let host = p
        .req
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost");
    json!({
        "resource": p.resource.path,
        "path": p.path,
        "httpMethod": p.verb.as_str(),
        "headers": object_or_null(headers),
        "multiValueHeaders": object_or_null(multi_headers),
        "queryStringParameters": object_or_null(query),
        "multiValueQueryStringParameters": object_or_null(multi_query),
        "pathParameters": object_or_null(params),
        "stageVariables": if p.view.variables.is_empty() { Json::Null } else { json!(p.view.variables) },
        "requestContext": {
            "accountId": LOCAL_ACCOUNT,
            "apiId": p.view.api_id,
            "resourceId": p.resource.id,
            "resourcePath": p.resource.path,
            "httpMethod": p.verb.as_str(),
            "stage": p.view.stage,
            "path": format!("/{}{}", p.view.stage, p.path),
            "protocol": "HTTP/1.1",
            "requestId": p.request_id,
            "requestTime": crate::aws::clock::apigateway_time(now),
            "requestTimeEpoch": now,
            "domainName": host,
            "identity": {
                "sourceIp": p.req.source_ip,
                "userAgent": p.req.headers.get("user-agent").and_then(|v| v.to_str().ok()),
            },
        },
        "body": body,
        "isBase64Encoded": binary && !p.req.body.is_empty(),
    })
}

/// `image/*` and `*/*` match as API Gateway's binary media types do.
fn media_matches(pattern: &str, content_type: &str) -> bool {
    let ct = content_type.split(';').next().unwrap_or_default().trim();
    if pattern == "*/*" {
        return !ct.is_empty();
    }
    match pattern.strip_suffix("/*") {
        Some(kind) => ct.split('/').next() == Some(kind),
        None => pattern.eq_ignore_ascii_case(ct),
    }
}

/// The function's reply as HTTP, or 502 when it is not what API Gateway accepts.
fn proxy_reply(api: &StageView, request: &HeaderMap, bytes: &[u8], request_id: &str) -> Reply {
    let bad = || internal(request_id, 502);
    let Ok(Json::Object(out)) = serde_json::from_slice::<Json>(bytes) else {
        return bad();
    };
    const KEYS: &[&str] = &[
        "statusCode",
        "headers",
        "multiValueHeaders",
        "body",
        "isBase64Encoded",
    ];
    if out.keys().any(|k| !KEYS.contains(&k.as_str())) {
        return bad();
    }
    let status = match out.get("statusCode") {
        None | Some(Json::Null) => 200,
        Some(Json::Number(n)) => match n.as_u64() {
            Some(s) => s,
            None => return bad(),
        },
        Some(Json::String(s)) => match s.parse::<u64>() {
            Ok(s) => s,
            Err(_) => return bad(),
        },
        _ => return bad(),
    };
    let Ok(status) = StatusCode::from_u16(status as u16) else {
        return bad();
    };
    let body = match out.get("body") {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        _ => return bad(),
    };
    let base64 = match out.get("isBase64Encoded") {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        _ => return bad(),
    };
    let mut reply_headers: Vec<(String, String)> = Vec::new();
    match out.get("headers") {
        None | Some(Json::Null) => {}
        Some(Json::Object(h)) => {
            for (k, v) in h {
                let text = match v {
                    Json::String(s) => s.clone(),
                    Json::Number(_) | Json::Bool(_) => v.to_string(),
                    _ => return bad(),
                };
                reply_headers.push((k.clone(), text));
            }
        }
        _ => return bad(),
    }
    match out.get("multiValueHeaders") {
        None | Some(Json::Null) => {}
        Some(Json::Object(h)) => {
            for (k, v) in h {
                let Some(list) = v.as_array() else {
                    return bad();
                };
                // A name in both: the multi-value list wins.
                reply_headers.retain(|(n, _)| !n.eq_ignore_ascii_case(k));
                for item in list {
                    let text = match item {
                        Json::String(s) => s.clone(),
                        Json::Number(_) | Json::Bool(_) => item.to_string(),
                        _ => return bad(),
                    };
                    reply_headers.push((k.clone(), text));
                }
            }
        }
        _ => return bad(),
    }
    // A base64 body is decoded when the client's first Accept type is binary.
    let accept = request
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .and_then(|a| a.split(',').next())
        .unwrap_or_default()
        .trim()
        .to_string();
    let payload = if base64
        && api
            .binary_media_types
            .iter()
            .any(|t| media_matches(t, &accept))
    {
        match B64.decode(body.as_bytes()) {
            Ok(b) => b,
            Err(_) => return bad(),
        }
    } else {
        body.into_bytes()
    };
    let mut r = Response::new(Full::new(Bytes::from(payload)));
    *r.status_mut() = status;
    let h = r.headers_mut();
    for (k, v) in &reply_headers {
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::from_bytes(k.as_bytes()),
            HeaderValue::from_str(v),
        ) {
            h.append(name, value);
        }
    }
    if !h.contains_key("content-type") {
        h.insert("content-type", HeaderValue::from_static("application/json"));
    }
    if let Ok(v) = HeaderValue::from_str(request_id) {
        h.insert("x-amzn-requestid", v);
    }
    // The function's names in its case, then the gateway's own.
    for (k, _) in &reply_headers {
        keep_case(&mut r, k);
    }
    keep_case(&mut r, "Content-Type");
    keep_case(&mut r, "x-amzn-RequestId");
    r
}

/// A MOCK integration (CORS preflight): 200 with its response's header values.
fn mock(integration: &super::Integration, request_id: &str) -> Reply {
    let mut r = json_reply(200, &Json::Null, request_id);
    *r.body_mut() = Full::new(Bytes::new());
    let params = integration
        .responses
        .get("200")
        .and_then(|v| v["responseParameters"].as_object().cloned())
        .unwrap_or_default();
    for (k, v) in params {
        let Some(name) = k.strip_prefix("method.response.header.") else {
            continue;
        };
        let value = v
            .as_str()
            .unwrap_or_default()
            .trim_matches('\'')
            .to_string();
        if let (Ok(n), Ok(v)) = (
            hyper::header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            r.headers_mut().insert(n, v);
            keep_case(&mut r, name);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_url_forms() {
        let want = Target {
            api: "abc123".into(),
            stage: "v1".into(),
            path: "/todos/42".into(),
        };
        assert_eq!(
            target(None, "/restapis/abc123/v1/_user_request_/todos/42"),
            Some(want.clone())
        );
        assert_eq!(
            target(None, "/_aws/execute-api/abc123/v1/todos/42"),
            Some(want.clone())
        );
        assert_eq!(
            target(Some("abc123.execute-api.localhost:4566"), "/v1/todos/42"),
            Some(want)
        );
        assert_eq!(target(None, "/v1/todos"), None);
        assert_eq!(
            target(None, "/_aws/execute-api/abc123/v1").map(|t| t.path),
            Some("/".to_string())
        );
    }

    #[test]
    fn binary_media_types() {
        assert!(media_matches("image/*", "image/png"));
        assert!(media_matches("*/*", "text/plain"));
        assert!(media_matches(
            "application/octet-stream",
            "application/octet-stream; x=1"
        ));
        assert!(!media_matches("image/*", "text/html"));
    }
}
