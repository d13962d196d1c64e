//! The control plane's answer shapes: APIs, resources, methods, integrations,
//! deployments and stages as API Gateway's REST-JSON writes them.

use serde_json::{Map, Value as Json, json};

use super::{Deployment, Integration, Method, Resource, RestApi, Stage};

pub(super) fn api_json(a: &RestApi) -> Json {
    json!({
        "id": a.id,
        "name": a.name,
        "description": if a.description.is_empty() { Json::Null } else { json!(a.description) },
        "createdDate": a.created,
        "binaryMediaTypes": a.binary_media_types,
        "apiKeySource": "HEADER",
        "endpointConfiguration": { "types": ["EDGE"] },
        "disableExecuteApiEndpoint": false,
        "rootResourceId": a.root_id,
        "tags": a.tags,
    })
}

pub(super) fn integration_json(i: &Integration) -> Json {
    json!({
        "type": i.kind,
        "httpMethod": i.http_method,
        "uri": i.uri,
        "passthroughBehavior": i.passthrough_behavior,
        "timeoutInMillis": i.timeout_in_millis,
        "cacheNamespace": "",
        "cacheKeyParameters": [],
        "requestTemplates": if i.request_templates.is_empty() { Json::Null } else { json!(i.request_templates) },
        "integrationResponses": if i.responses.is_empty() { Json::Null } else { json!(i.responses) },
    })
}

pub(super) fn method_json(m: &Method) -> Json {
    let mut v = json!({
        "httpMethod": m.http_method,
        "authorizationType": m.authorization_type,
        "apiKeyRequired": m.api_key_required,
    });
    if !m.request_parameters.is_empty() {
        v["requestParameters"] = json!(m.request_parameters);
    }
    if !m.responses.is_empty() {
        v["methodResponses"] = json!(m.responses);
    }
    if let Some(i) = &m.integration {
        v["methodIntegration"] = integration_json(i);
    }
    v
}

pub(super) fn resource_json(r: &Resource, embed_methods: bool) -> Json {
    let mut v = json!({ "id": r.id, "path": r.path });
    if let Some(p) = &r.parent_id {
        v["parentId"] = json!(p);
    }
    if let Some(p) = &r.path_part {
        v["pathPart"] = json!(p);
    }
    if !r.methods.is_empty() {
        let methods: Map<String, Json> = r
            .methods
            .iter()
            .map(|(k, m)| {
                let body = if embed_methods {
                    method_json(m)
                } else {
                    json!({})
                };
                (k.clone(), body)
            })
            .collect();
        v["resourceMethods"] = Json::Object(methods);
    }
    v
}

/// `{"/path": {"GET": {authorizationType, apiKeyRequired}}}` of a deployment.
pub(super) fn api_summary(resources: &[Resource]) -> Json {
    let mut out = Map::new();
    for r in resources.iter().filter(|r| !r.methods.is_empty()) {
        let methods: Map<String, Json> = r
            .methods
            .iter()
            .map(|(k, m)| {
                (
                    k.clone(),
                    json!({ "authorizationType": m.authorization_type, "apiKeyRequired": m.api_key_required }),
                )
            })
            .collect();
        out.insert(r.path.clone(), Json::Object(methods));
    }
    Json::Object(out)
}

pub(super) fn deployment_json(d: &Deployment, summary: bool) -> Json {
    let mut v = json!({ "id": d.id, "createdDate": d.created });
    if !d.description.is_empty() {
        v["description"] = json!(d.description);
    }
    if summary {
        v["apiSummary"] = api_summary(&d.resources);
    }
    v
}

pub(super) fn stage_json(s: &Stage) -> Json {
    let mut v = json!({
        "deploymentId": s.deployment_id,
        "stageName": s.name,
        "description": if s.description.is_empty() { Json::Null } else { json!(s.description) },
        "variables": s.variables,
        "createdDate": s.created,
        "lastUpdatedDate": s.updated,
        "methodSettings": {},
        "tracingEnabled": false,
        "cacheClusterEnabled": false,
        "tags": s.tags,
    });
    if let Some(a) = &s.access_log {
        v["accessLogSettings"] = json!({ "format": a.format, "destinationArn": a.destination_arn });
    }
    v
}
