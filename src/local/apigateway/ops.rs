//! The control-plane operations: paths to operations, AWS's validation, errors and
//! answer shapes (REST-JSON, errors named in `x-amzn-ErrorType`).

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderValue;
use hyper::{Method as Verb, Response, StatusCode};
use serde_json::{Value as Json, json};

use super::shapes::{api_json, deployment_json, resource_json, stage_json};
use super::{ApiGateway, Deployment, Resource, RestApi, Stage};
use crate::aws::arn::LOCAL_ACCOUNT;

pub type Reply = Response<Full<Bytes>>;

pub(super) struct Fault {
    status: u16,
    kind: &'static str,
    message: String,
}

pub(super) fn fault(status: u16, kind: &'static str, message: impl Into<String>) -> Fault {
    Fault {
        status,
        kind,
        message: message.into(),
    }
}

pub(super) fn not_found(what: &str) -> Fault {
    fault(
        404,
        "NotFoundException",
        format!("Invalid {what} identifier specified"),
    )
}

pub(super) fn bad(message: impl Into<String>) -> Fault {
    fault(400, "BadRequestException", message)
}

fn reply(status: u16, body: &Json) -> Reply {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

fn error_reply(f: Fault) -> Reply {
    let mut r = reply(f.status, &json!({ "message": f.message }));
    r.headers_mut()
        .insert("x-amzn-errortype", HeaderValue::from_static(f.kind));
    r
}

/// A short id of lowercase letters and digits, as API Gateway's.
pub(super) fn new_id(len: usize) -> String {
    use sha2::Digest;
    let seed = format!(
        "{}{:?}",
        crate::aws::clock::unix_nanos(),
        std::thread::current().id()
    );
    let d = sha2::Sha256::digest(seed.as_bytes());
    d.iter()
        .take(len)
        .map(|b| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[(*b as usize) % 36]))
        .collect()
}

fn now() -> u64 {
    crate::aws::clock::since_epoch().as_secs()
}

pub(super) fn string_map(v: Option<&Json>) -> std::collections::BTreeMap<String, String> {
    v.and_then(Json::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// The parts of `/restapis/...` after `/restapis`, decoded.
fn segments(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn query_values(query: Option<&str>, name: &str) -> Vec<String> {
    query
        .unwrap_or_default()
        .split('&')
        .filter_map(|p| p.split_once('='))
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| percent_decode(v))
        .collect()
}

/// Answers one control-plane request.
pub async fn handle(
    g: &ApiGateway,
    region: &str,
    verb: &Verb,
    path: &str,
    query: Option<&str>,
    accept: Option<&str>,
    body: &[u8],
) -> Reply {
    if let Some(r) = export(g, region, verb, path, query, accept) {
        return r;
    }
    let body: Json = if body.is_empty() {
        json!({})
    } else {
        match serde_json::from_slice(body) {
            Ok(v @ Json::Object(_)) => v,
            _ => {
                return error_reply(fault(
                    400,
                    "SerializationException",
                    "Could not parse request body into json",
                ));
            }
        }
    };
    let segs = segments(path);
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    match run(g, region, verb, &segs, query, &body).await {
        Ok((status, v)) if status == 202 || status == 204 => {
            let mut r = reply(status, &v);
            if status == 204 {
                *r.body_mut() = Full::new(Bytes::new());
            }
            r
        }
        Ok((status, v)) => reply(status, &v),
        Err(f) => error_reply(f),
    }
}

async fn run(
    g: &ApiGateway,
    region: &str,
    verb: &Verb,
    segs: &[&str],
    query: Option<&str>,
    body: &Json,
) -> Result<(u16, Json), Fault> {
    let storage = |m: String| fault(500, "InternalFailure", m);
    // Tags: /tags/{arn}.
    if segs.first() == Some(&"tags") {
        let arn = segs[1..].join("/");
        return tags(g, region, verb, &arn, query, body).await;
    }
    let api_missing = |id: &str| {
        fault(
            404,
            "NotFoundException",
            format!("Invalid API identifier specified {LOCAL_ACCOUNT}:{id}"),
        )
    };
    match (verb.as_str(), &segs[1..]) {
        ("POST", []) => {
            let name = body["name"].as_str().ok_or_else(|| {
                bad("1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null")
            })?;
            let root = new_id(10);
            let api = RestApi {
                id: new_id(10),
                region: region.to_string(),
                name: name.to_string(),
                description: body["description"].as_str().unwrap_or_default().to_string(),
                created: now(),
                binary_media_types: body["binaryMediaTypes"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
                tags: string_map(body.get("tags")),
                root_id: root.clone(),
                resources: vec![Resource {
                    id: root,
                    parent_id: None,
                    path_part: None,
                    path: "/".into(),
                    methods: Default::default(),
                }],
                ..RestApi::default()
            };
            let _one = g.control.lock().await;
            g.save(region, &api.id, Some(api.clone()))
                .await
                .map_err(storage)?;
            Ok((201, api_json(&api)))
        }
        ("GET", []) => {
            let items: Vec<Json> = g.in_region(region).iter().map(api_json).collect();
            Ok((200, json!({ "item": items })))
        }
        (verb, [id, rest @ ..]) => {
            let _one = g.control.lock().await;
            let mut api = g.get(region, id).ok_or_else(|| api_missing(id))?;
            let (status, out, changed) = on_api(&mut api, verb, rest, query, body)?;
            match changed {
                Change::None => {}
                Change::Saved => g.save(region, id, Some(api)).await.map_err(storage)?,
                Change::Deleted => g.save(region, id, None).await.map_err(storage)?,
            }
            Ok((status, out))
        }
        _ => Err(fault(404, "NotFoundException", "Invalid resource path")),
    }
}

pub(super) enum Change {
    None,
    Saved,
    Deleted,
}

pub(super) type Done = Result<(u16, Json, Change), Fault>;

fn on_api(api: &mut RestApi, verb: &str, rest: &[&str], query: Option<&str>, body: &Json) -> Done {
    let embed = |what: &str| query_values(query, "embed").iter().any(|e| e == what);
    match (verb, rest) {
        ("GET", []) => Ok((200, api_json(api), Change::None)),
        ("PATCH", []) => update_api(api, body),
        ("DELETE", []) => Ok((202, json!({}), Change::Deleted)),
        ("GET", ["resources"]) => {
            let items: Vec<Json> = api
                .resources
                .iter()
                .map(|r| resource_json(r, embed("methods")))
                .collect();
            Ok((200, json!({ "item": items }), Change::None))
        }
        ("POST", ["resources", parent]) => super::tree::create_resource(api, parent, body),
        ("GET", ["resources", rid]) => {
            let r = api.resource(rid).ok_or_else(|| not_found("Resource"))?;
            Ok((200, resource_json(r, embed("methods")), Change::None))
        }
        ("DELETE", ["resources", rid]) => {
            if *rid == api.root_id {
                return Err(bad("Cannot delete root resource"));
            }
            let r = api.resource(rid).ok_or_else(|| not_found("Resource"))?;
            // The resource and everything under it.
            let prefix = format!("{}/", r.path);
            let path = r.path.clone();
            api.resources
                .retain(|x| x.path != path && !x.path.starts_with(&prefix));
            Ok((202, json!({}), Change::Saved))
        }
        (verb, ["resources", rid, "methods", m, tail @ ..]) => {
            let m = m.to_string();
            super::tree::on_method(api, verb, rid, &m, tail, body)
        }
        ("POST", ["deployments"]) => {
            if !api.resources.iter().any(|r| !r.methods.is_empty()) {
                return Err(bad("The REST API doesn't contain any methods"));
            }
            let d = Deployment {
                id: new_id(6),
                description: body["description"].as_str().unwrap_or_default().to_string(),
                created: now(),
                resources: api.resources.clone(),
            };
            if let Some(stage) = body["stageName"].as_str() {
                let at = now();
                match api.stages.iter_mut().find(|s| s.name == stage) {
                    Some(s) => {
                        s.deployment_id = d.id.clone();
                        s.updated = at;
                    }
                    None => api.stages.push(Stage {
                        name: stage.to_string(),
                        deployment_id: d.id.clone(),
                        description: body["stageDescription"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                        variables: string_map(body.get("variables")),
                        created: at,
                        updated: at,
                        tags: Default::default(),
                        access_log: None,
                    }),
                }
            }
            let out = deployment_json(&d, false);
            api.deployments.push(d);
            Ok((201, out, Change::Saved))
        }
        ("GET", ["deployments"]) => {
            let items: Vec<Json> = api
                .deployments
                .iter()
                .map(|d| deployment_json(d, false))
                .collect();
            Ok((200, json!({ "item": items }), Change::None))
        }
        ("GET", ["deployments", did]) => {
            let d = api
                .deployments
                .iter()
                .find(|d| d.id == *did)
                .ok_or_else(|| not_found("Deployment"))?;
            Ok((200, deployment_json(d, embed("apisummary")), Change::None))
        }
        ("DELETE", ["deployments", did]) => {
            if api.stages.iter().any(|s| s.deployment_id == *did) {
                return Err(bad(
                    "Active stages pointing to this deployment must be moved or deleted",
                ));
            }
            let before = api.deployments.len();
            api.deployments.retain(|d| d.id != *did);
            if api.deployments.len() == before {
                return Err(not_found("Deployment"));
            }
            Ok((202, json!({}), Change::Saved))
        }
        ("POST", ["stages"]) => {
            let name = body["stageName"].as_str().ok_or_else(|| {
                bad("1 validation error detected: Value null at 'createStageInput.stageName' failed to satisfy constraint: Member must not be null")
            })?;
            let deployment = body["deploymentId"].as_str().unwrap_or_default();
            if !api.deployments.iter().any(|d| d.id == deployment) {
                return Err(not_found("Deployment"));
            }
            if api.stages.iter().any(|s| s.name == name) {
                return Err(fault(409, "ConflictException", "Stage already exists"));
            }
            let at = now();
            let s = Stage {
                name: name.to_string(),
                deployment_id: deployment.to_string(),
                description: body["description"].as_str().unwrap_or_default().to_string(),
                variables: string_map(body.get("variables")),
                created: at,
                updated: at,
                tags: string_map(body.get("tags")),
                access_log: None,
            };
            let out = stage_json(&s);
            api.stages.push(s);
            Ok((201, out, Change::Saved))
        }
        ("GET", ["stages"]) => {
            let items: Vec<Json> = api.stages.iter().map(stage_json).collect();
            Ok((200, json!({ "item": items }), Change::None))
        }
        ("GET", ["stages", name]) => {
            let s = api
                .stages
                .iter()
                .find(|s| s.name == *name)
                .ok_or_else(|| not_found("Stage"))?;
            Ok((200, stage_json(s), Change::None))
        }
        ("DELETE", ["stages", name]) => {
            let before = api.stages.len();
            api.stages.retain(|s| s.name != *name);
            if api.stages.len() == before {
                return Err(not_found("Stage"));
            }
            Ok((202, json!({}), Change::Saved))
        }
        ("PATCH", ["stages", name]) => {
            let deployments: Vec<String> = api.deployments.iter().map(|d| d.id.clone()).collect();
            let s = api
                .stages
                .iter_mut()
                .find(|s| s.name == *name)
                .ok_or_else(|| not_found("Stage"))?;
            // Every operation is checked before any is applied.
            let mut next = s.clone();
            for op in body["patchOperations"].as_array().into_iter().flatten() {
                let (verb, path) = (
                    op["op"].as_str().unwrap_or(""),
                    op["path"].as_str().unwrap_or(""),
                );
                let value = op["value"].as_str().unwrap_or_default().to_string();
                match (verb, path) {
                    ("replace" | "add", p) if p.starts_with("/variables/") => {
                        next.variables
                            .insert(p["/variables/".len()..].to_string(), value);
                    }
                    ("remove", p) if p.starts_with("/variables/") => {
                        next.variables.remove(&p["/variables/".len()..]);
                    }
                    ("replace", "/deploymentId") => {
                        if !deployments.contains(&value) {
                            return Err(not_found("Deployment"));
                        }
                        next.deployment_id = value;
                    }
                    ("replace", "/description") => next.description = value,
                    ("replace" | "add", "/accessLogSettings/destinationArn") => {
                        next.access_log.get_or_insert_default().destination_arn = value;
                    }
                    ("replace" | "add", "/accessLogSettings/format") => {
                        next.access_log.get_or_insert_default().format = value;
                    }
                    ("remove", "/accessLogSettings") => next.access_log = None,
                    _ => {
                        return Err(bad(format!(
                            "Invalid patch path '{path}' specified for op '{verb}'. Must be one of: [/variables/*, /deploymentId, /description, /accessLogSettings/destinationArn, /accessLogSettings/format, /accessLogSettings]"
                        )));
                    }
                }
            }
            next.updated = now();
            *s = next;
            let out = stage_json(s);
            Ok((200, out, Change::Saved))
        }
        ("PUT", ["gatewayresponses", kind]) => {
            let v = json!({
                "responseType": kind,
                "statusCode": body["statusCode"],
                "responseParameters": body.get("responseParameters").cloned().unwrap_or(json!({})),
                "responseTemplates": body.get("responseTemplates").cloned().unwrap_or(json!({})),
                "defaultResponse": false,
            });
            api.gateway_responses.insert(kind.to_string(), v.clone());
            Ok((201, v, Change::Saved))
        }
        ("DELETE", ["gatewayresponses", kind]) => {
            // A reset to the default: nothing customized is nothing to clear.
            let change = match api.gateway_responses.remove(*kind) {
                Some(_) => Change::Saved,
                None => Change::None,
            };
            Ok((202, Json::Null, change))
        }
        ("GET", ["gatewayresponses"]) => {
            // Every type: the API's own, else API Gateway's default.
            let items: Vec<Json> = GATEWAY_RESPONSE_TYPES
                .iter()
                .map(|(kind, _)| gateway_response(api, kind))
                .collect();
            Ok((200, json!({ "item": items }), Change::None))
        }
        ("GET", ["gatewayresponses", kind]) => {
            if !GATEWAY_RESPONSE_TYPES.iter().any(|(k, _)| k == kind) {
                let all: Vec<&str> = GATEWAY_RESPONSE_TYPES.iter().map(|(k, _)| *k).collect();
                return Err(bad(format!(
                    "1 validation error detected: Value '{kind}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                    all.join(", ")
                )));
            }
            Ok((200, gateway_response(api, kind), Change::None))
        }
        _ => Err(fault(404, "NotFoundException", "Invalid resource path")),
    }
}

async fn tags(
    g: &ApiGateway,
    region: &str,
    verb: &Verb,
    arn: &str,
    query: Option<&str>,
    body: &Json,
) -> Result<(u16, Json), Fault> {
    // arn:aws:apigateway:REGION::/restapis/ID (or .../stages/NAME)
    let path = arn.split("::").nth(1).unwrap_or_default();
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (id, stage) = match parts.as_slice() {
        ["restapis", id] => (*id, None),
        ["restapis", id, "stages", s] => (*id, Some(*s)),
        _ => return Err(bad(format!("Invalid ARN specified in the request: {arn}"))),
    };
    let _one = g.control.lock().await;
    let mut api = g.get(region, id).ok_or_else(|| not_found("API"))?;
    let tags = match stage {
        None => &mut api.tags,
        Some(s) => {
            &mut api
                .stages
                .iter_mut()
                .find(|x| x.name == s)
                .ok_or_else(|| not_found("Stage"))?
                .tags
        }
    };
    match verb.as_str() {
        "GET" => Ok((200, json!({ "tags": tags }))),
        "PUT" | "POST" => {
            tags.extend(string_map(body.get("tags")));
            g.save(region, id, Some(api))
                .await
                .map_err(|m| fault(500, "InternalFailure", m))?;
            Ok((204, json!({})))
        }
        "DELETE" => {
            for k in query_values(query, "tagKeys") {
                tags.remove(&k);
            }
            g.save(region, id, Some(api))
                .await
                .map_err(|m| fault(500, "InternalFailure", m))?;
            Ok((204, json!({})))
        }
        _ => Err(fault(404, "NotFoundException", "Invalid resource path")),
    }
}

/// UpdateRestApi: `/name`, `/description`, `/binaryMediaTypes/TYPE` (its `/` as
/// `~1`); every operation is checked before any is applied.
fn update_api(api: &mut RestApi, body: &Json) -> Done {
    let mut next = api.clone();
    for op in body["patchOperations"].as_array().into_iter().flatten() {
        let verb = op["op"].as_str().unwrap_or("");
        let path = op["path"].as_str().unwrap_or("");
        let value = op["value"].as_str().unwrap_or_default().to_string();
        match (verb, path) {
            ("replace", "/name") => next.name = value,
            ("replace", "/description") => next.description = value,
            (v @ ("add" | "remove"), p) if p.starts_with("/binaryMediaTypes/") => {
                let t = p["/binaryMediaTypes/".len()..]
                    .replace("~1", "/")
                    .replace("~0", "~");
                next.binary_media_types.retain(|x| *x != t);
                if v == "add" {
                    next.binary_media_types.push(t);
                }
            }
            _ => {
                return Err(bad(format!(
                    "Invalid patch path '{path}' specified for op '{verb}'. Must be one of: [/name, /description, /binaryMediaTypes/*]"
                )));
            }
        }
    }
    *api = next;
    Ok((200, api_json(api), Change::Saved))
}

/// GetExport: `GET /restapis/{id}/stages/{stage}/exports/{oas30|swagger}`, the
/// stage's deployed routes as OpenAPI, JSON or YAML by the Accept header, with the
/// integrations when `extensions` names them. None: not an export request.
fn export(
    g: &ApiGateway,
    region: &str,
    verb: &Verb,
    path: &str,
    query: Option<&str>,
    accept: Option<&str>,
) -> Option<Reply> {
    let segs = segments(path);
    let [_, id, stages, stage, exports, kind] = segs.as_slice() else {
        return None;
    };
    if verb != Verb::GET || stages != "stages" || exports != "exports" {
        return None;
    }
    let swagger = match kind.as_str() {
        "oas30" => false,
        "swagger" => true,
        _ => return Some(error_reply(bad(format!("Invalid export type: {kind}")))),
    };
    let Some(api) = g.get(region, id) else {
        return Some(error_reply(fault(
            404,
            "NotFoundException",
            format!("Invalid API identifier specified {LOCAL_ACCOUNT}:{id}"),
        )));
    };
    let Some(s) = api.stages.iter().find(|s| s.name == *stage) else {
        return Some(error_reply(not_found("Stage")));
    };
    let Some(d) = api.deployments.iter().find(|d| d.id == s.deployment_id) else {
        return Some(error_reply(not_found("Deployment")));
    };
    let extensions = query_values(query, "extensions").iter().any(|e| {
        e.split(',')
            .any(|x| x == "integrations" || x == "apigateway")
    });
    let host = format!("{id}.execute-api.{region}.amazonaws.com");
    let doc = stage_document(&api, d, &host, stage, swagger, extensions);
    let yaml = accept.is_some_and(|a| a.contains("yaml"));
    let (text, content_type) = if yaml {
        (crate::aws::openapi::yaml(&doc), "application/yaml")
    } else {
        (doc.to_string(), "application/json")
    };
    let mut r = reply(200, &Json::Null);
    *r.body_mut() = Full::new(Bytes::from(text));
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static(content_type));
    Some(r)
}

/// A deployment's routes as the export of its stage `stage` at `host`.
pub fn stage_document(
    api: &RestApi,
    d: &Deployment,
    host: &str,
    stage: &str,
    swagger: bool,
    extensions: bool,
) -> Json {
    let operations: Vec<crate::aws::openapi::Operation> = d
        .resources
        .iter()
        .flat_map(|r| {
            r.methods.iter().map(move |(m, method)| crate::aws::openapi::Operation {
                path: r.path.clone(),
                method: m.clone(),
                integration: method.integration.as_ref().map(|i| {
                    json!({
                        "type": i.kind.to_ascii_lowercase(),
                        "httpMethod": i.http_method,
                        "uri": i.uri,
                        "passthroughBehavior": i.passthrough_behavior.as_deref().map(str::to_ascii_lowercase),
                    })
                }),
            })
        })
        .collect();
    crate::aws::openapi::document(
        &api.name,
        &d.created.to_string(),
        host,
        stage,
        &operations,
        swagger,
        extensions,
    )
}

/// API Gateway's gateway response types and their default status codes (None:
/// the status of the error itself).
const GATEWAY_RESPONSE_TYPES: &[(&str, Option<&str>)] = &[
    ("ACCESS_DENIED", Some("403")),
    ("API_CONFIGURATION_ERROR", Some("500")),
    ("AUTHORIZER_CONFIGURATION_ERROR", Some("500")),
    ("AUTHORIZER_FAILURE", Some("500")),
    ("BAD_REQUEST_BODY", Some("400")),
    ("BAD_REQUEST_PARAMETERS", Some("400")),
    ("DEFAULT_4XX", None),
    ("DEFAULT_5XX", None),
    ("EXPIRED_TOKEN", Some("403")),
    ("INTEGRATION_FAILURE", Some("504")),
    ("INTEGRATION_TIMEOUT", Some("504")),
    ("INVALID_API_KEY", Some("403")),
    ("INVALID_SIGNATURE", Some("403")),
    ("MISSING_AUTHENTICATION_TOKEN", Some("403")),
    ("QUOTA_EXCEEDED", Some("429")),
    ("REQUEST_TOO_LARGE", Some("413")),
    ("RESOURCE_NOT_FOUND", Some("404")),
    ("THROTTLED", Some("429")),
    ("UNAUTHORIZED", Some("401")),
    ("UNSUPPORTED_MEDIA_TYPE", Some("415")),
    ("WAF_FILTERED", Some("403")),
];

/// The API's gateway response of `kind`, else the default API Gateway reports.
fn gateway_response(api: &RestApi, kind: &str) -> Json {
    if let Some(own) = api.gateway_responses.get(kind) {
        return own.clone();
    }
    let mut out = json!({
        "responseType": kind,
        "responseParameters": {},
        "responseTemplates": { "application/json": "{\"message\":$context.error.messageString}" },
        "defaultResponse": true,
    });
    if let Some(Some(status)) = GATEWAY_RESPONSE_TYPES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, s)| s)
    {
        out["statusCode"] = json!(status);
    }
    out
}
