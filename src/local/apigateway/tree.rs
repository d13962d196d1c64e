//! The resource tree of an API: path parts as API Gateway takes them (one variable
//! child per resource, nothing under a greedy one), methods, integrations (a Lambda
//! proxy URI checked as AWS checks it), method and integration responses.

use serde_json::{Value as Json, json};

use super::ops::{Change, Done, Fault, bad, fault, new_id, not_found, string_map};
use super::shapes::{integration_json, method_json, resource_json};
use super::{Integration, Method, Resource, RestApi};

/// A path part as API Gateway takes it: letters, digits, `._-`, or a whole
/// `{name}` / `{name+}` variable.
fn valid_path_part(p: &str) -> bool {
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-:@".contains(c))
    };
    match p.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        Some(inner) => plain(inner.strip_suffix('+').unwrap_or(inner)),
        None => plain(p),
    }
}

fn is_variable(p: &str) -> bool {
    p.starts_with('{') && p.ends_with('}')
}

const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
];

/// `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations`.
fn check_lambda_uri(uri: &str) -> Result<(), Fault> {
    let Some(rest) = uri.strip_prefix("arn:aws:apigateway:") else {
        return Err(bad("Invalid ARN specified in the request"));
    };
    let mut parts = rest.splitn(3, ':');
    let (_region, service, tail) = (parts.next(), parts.next(), parts.next().unwrap_or(""));
    if service != Some("lambda") {
        return Err(bad(
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
        ));
    }
    if !(tail.starts_with("path/") || tail.starts_with("action/")) {
        return Err(bad("AWS ARN for integration must contain path or action"));
    }
    Ok(())
}

pub(super) fn create_resource(api: &mut RestApi, parent: &str, body: &Json) -> Done {
    let part = body["pathPart"].as_str().ok_or_else(|| {
        bad("1 validation error detected: Value null at 'createResourceInput.pathPart' failed to satisfy constraint: Member must not be null")
    })?;
    let p = api
        .resource(parent)
        .ok_or_else(|| not_found("Resource"))?
        .clone();
    if !valid_path_part(part) {
        return Err(bad(
            "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
        ));
    }
    if p.path_part.as_deref().is_some_and(|pp| pp.ends_with("+}")) {
        return Err(bad(format!(
            "Cannot create a child of a resource with a greedy path variable: {}",
            p.path_part.as_deref().unwrap_or_default()
        )));
    }
    let siblings: Vec<&Resource> = api
        .resources
        .iter()
        .filter(|r| r.parent_id.as_deref() == Some(parent))
        .collect();
    if siblings
        .iter()
        .any(|s| s.path_part.as_deref() == Some(part))
    {
        return Err(fault(
            409,
            "ConflictException",
            format!("Another resource with the same parent already has this name: {part}"),
        ));
    }
    if is_variable(part)
        && let Some(other) = siblings
            .iter()
            .find(|s| s.path_part.as_deref().is_some_and(is_variable))
    {
        return Err(bad(format!(
            "A sibling ({}) of this resource already has a variable path part -- only one is allowed",
            other.path_part.as_deref().unwrap_or_default()
        )));
    }
    let path = if p.path == "/" {
        format!("/{part}")
    } else {
        format!("{}/{part}", p.path)
    };
    let r = Resource {
        id: new_id(6),
        parent_id: Some(parent.to_string()),
        path_part: Some(part.to_string()),
        path,
        methods: Default::default(),
    };
    let out = resource_json(&r, false);
    api.resources.push(r);
    Ok((201, out, Change::Saved))
}

pub(super) fn on_method(
    api: &mut RestApi,
    verb: &str,
    rid: &str,
    m: &str,
    tail: &[&str],
    body: &Json,
) -> Done {
    let r = api.resource_mut(rid).ok_or_else(|| not_found("Resource"))?;
    let method_missing = || not_found("Method");
    match (verb, tail) {
        ("PUT", []) => {
            if !METHODS.contains(&m) {
                return Err(bad(
                    "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY",
                ));
            }
            let auth = body["authorizationType"].as_str().ok_or_else(|| {
                bad("1 validation error detected: Value null at 'putMethodInput.authorizationType' failed to satisfy constraint: Member must not be null")
            })?;
            if r.methods.contains_key(m) {
                return Err(fault(
                    409,
                    "ConflictException",
                    "Method already exists for this resource",
                ));
            }
            let method = Method {
                http_method: m.to_string(),
                authorization_type: auth.to_string(),
                api_key_required: body["apiKeyRequired"].as_bool().unwrap_or(false),
                request_parameters: body["requestParameters"]
                    .as_object()
                    .map(|o| {
                        o.iter()
                            .map(|(k, v)| (k.clone(), v.as_bool().unwrap_or(false)))
                            .collect()
                    })
                    .unwrap_or_default(),
                ..Method::default()
            };
            let out = method_json(&method);
            r.methods.insert(m.to_string(), method);
            Ok((201, out, Change::Saved))
        }
        ("GET", []) => {
            let method = r.methods.get(m).ok_or_else(method_missing)?;
            Ok((200, method_json(method), Change::None))
        }
        ("DELETE", []) => {
            r.methods.remove(m).ok_or_else(method_missing)?;
            Ok((204, json!({}), Change::Saved))
        }
        ("PUT", ["integration"]) => {
            let method = r.methods.get_mut(m).ok_or_else(method_missing)?;
            let kind = body["type"].as_str().ok_or_else(|| {
                bad("1 validation error detected: Value null at 'putIntegrationInput.type' failed to satisfy constraint: Member must not be null")
            })?;
            let uri = body["uri"].as_str().map(String::from);
            match kind {
                "AWS_PROXY" | "AWS" => {
                    let u = uri.as_deref().ok_or_else(|| bad("Enumeration value for IntegrationType must be specified with a valid URI"))?;
                    check_lambda_uri(u)?;
                    // The wire name of integrationHttpMethod is `httpMethod`.
                    if body["httpMethod"].as_str().is_none() {
                        return Err(bad("Enumeration value for HttpMethod must be non-empty"));
                    }
                }
                "MOCK" | "HTTP" | "HTTP_PROXY" => {}
                other => {
                    return Err(bad(format!(
                        "1 validation error detected: Value '{other}' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY]"
                    )));
                }
            }
            let integration = Integration {
                kind: kind.to_string(),
                http_method: body["httpMethod"].as_str().map(String::from),
                uri,
                passthrough_behavior: Some(
                    body["passthroughBehavior"]
                        .as_str()
                        .unwrap_or("WHEN_NO_MATCH")
                        .to_string(),
                ),
                timeout_in_millis: body["timeoutInMillis"].as_u64().unwrap_or(29_000),
                request_templates: string_map(body.get("requestTemplates")),
                responses: Default::default(),
            };
            let out = integration_json(&integration);
            method.integration = Some(integration);
            Ok((201, out, Change::Saved))
        }
        ("GET", ["integration"]) => {
            let method = r.methods.get(m).ok_or_else(method_missing)?;
            let i = method
                .integration
                .as_ref()
                .ok_or_else(|| not_found("Integration"))?;
            Ok((200, integration_json(i), Change::None))
        }
        ("DELETE", ["integration"]) => {
            let method = r.methods.get_mut(m).ok_or_else(method_missing)?;
            method
                .integration
                .take()
                .ok_or_else(|| not_found("Integration"))?;
            Ok((204, json!({}), Change::Saved))
        }
        ("PUT", ["responses", code]) => {
            let method = r.methods.get_mut(m).ok_or_else(method_missing)?;
            let v = json!({
                "statusCode": code,
                "responseParameters": body.get("responseParameters").cloned().unwrap_or(json!({})),
                "responseModels": body.get("responseModels").cloned().unwrap_or(json!({})),
            });
            method.responses.insert(code.to_string(), v.clone());
            Ok((201, v, Change::Saved))
        }
        ("PUT", ["integration", "responses", code]) => {
            let method = r.methods.get_mut(m).ok_or_else(method_missing)?;
            let i = method
                .integration
                .as_mut()
                .ok_or_else(|| not_found("Integration"))?;
            let v = json!({
                "statusCode": code,
                "responseParameters": body.get("responseParameters").cloned().unwrap_or(json!({})),
                "responseTemplates": body.get("responseTemplates").cloned().unwrap_or(json!({})),
            });
            i.responses.insert(code.to_string(), v.clone());
            Ok((201, v, Change::Saved))
        }
        _ => Err(fault(404, "NotFoundException", "Invalid resource path")),
    }
}
