//! REST APIs made, changed and deleted: the resource tree with Lambda proxy
//! integrations, CORS preflight, permissions, a deployment, the stage.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_apigateway::Client;
use aws_sdk_apigateway::types::{IntegrationType, Op, PatchOperation};
use serde_json::Value as Json;

use super::{integration_uri, sdk};
use crate::cloud::{CloudError, Step};
use crate::plan::api::{ApiSpec, ApiUpdate};

/// The gateway responses that carry CORS headers on the gateway's own errors.
const CORS_RESPONSES: [aws_sdk_apigateway::types::GatewayResponseType; 2] = [
    aws_sdk_apigateway::types::GatewayResponseType::Default4Xx,
    aws_sdk_apigateway::types::GatewayResponseType::Default5Xx,
];

/// The resource tree of `spec`'s routes under the root, each method integrated with
/// its function, and the CORS preflight on every resource.
async fn build(
    client: &Client,
    region: &str,
    id: &str,
    spec: &ApiSpec,
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("making the routes");
    let resources = client
        .get_resources()
        .rest_api_id(id)
        .limit(500)
        .send()
        .await
        .map_err(sdk("GetResources", id))?;
    let mut by_path: BTreeMap<String, String> = BTreeMap::new();
    for r in resources.items() {
        if r.path() == Some("/") {
            by_path.insert("/".into(), r.id().unwrap_or_default().to_string());
        } else if r.parent_id().is_some_and(|p| {
            Some(p)
                == resources
                    .items()
                    .iter()
                    .find(|x| x.path() == Some("/"))
                    .and_then(|x| x.id())
        }) {
            // Children of the root go (and everything under them) before the tree is made again.
            client
                .delete_resource()
                .rest_api_id(id)
                .resource_id(r.id().unwrap_or_default())
                .send()
                .await
                .map_err(sdk("DeleteResource", id))?;
        }
    }
    let mut paths: BTreeSet<String> = BTreeSet::new();
    for route in spec.routes.keys() {
        let path = route.split_once(' ').map(|(_, p)| p).unwrap_or("/");
        let mut at = String::new();
        for part in path.split('/').filter(|p| !p.is_empty()) {
            at = format!("{at}/{part}");
            paths.insert(at.clone());
        }
    }
    // Parents before children: sorted by depth.
    let mut ordered: Vec<String> = paths.into_iter().collect();
    ordered.sort_by_key(|p| p.matches('/').count());
    for path in &ordered {
        let (parent, part) = path.rsplit_once('/').unwrap_or(("", path));
        let parent = if parent.is_empty() { "/" } else { parent };
        let parent_id = by_path.get(parent).cloned().unwrap_or_default();
        let made = client
            .create_resource()
            .rest_api_id(id)
            .parent_id(parent_id)
            .path_part(part)
            .send()
            .await
            .map_err(sdk("CreateResource", id))?;
        by_path.insert(path.clone(), made.id().unwrap_or_default().to_string());
    }
    for (route, function) in &spec.routes {
        let (method, path) = route.split_once(' ').unwrap_or(("ANY", "/"));
        let resource = by_path.get(path).cloned().unwrap_or_default();
        put_method(client, id, &resource, method).await?;
        client
            .put_integration()
            .rest_api_id(id)
            .resource_id(&resource)
            .http_method(method)
            .r#type(IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .uri(integration_uri(region, function))
            .send()
            .await
            .map_err(sdk("PutIntegration", id))?;
    }
    if let Some(cors) = &spec.cors {
        for resource in by_path.values() {
            preflight(client, id, resource, cors).await?;
        }
        // The gateway's own errors (403, 5XX) carry CORS headers too, so browsers
        // can read them.
        for kind in CORS_RESPONSES {
            let mut put = client
                .put_gateway_response()
                .rest_api_id(id)
                .response_type(kind);
            for (h, key) in [
                ("Origin", "origins"),
                ("Methods", "methods"),
                ("Headers", "headers"),
            ] {
                let value = cors[key].as_str().unwrap_or_default();
                put = put.response_parameters(
                    format!("gatewayresponse.header.Access-Control-Allow-{h}"),
                    format!("'{value}'"),
                );
            }
            put.send().await.map_err(sdk("PutGatewayResponse", id))?;
        }
    }
    Ok(())
}

/// A method open to anyone (no authorizer), as every gatekit route is.
async fn put_method(
    client: &Client,
    id: &str,
    resource: &str,
    verb: &str,
) -> Result<(), CloudError> {
    client
        .put_method()
        .rest_api_id(id)
        .resource_id(resource)
        .http_method(verb)
        .authorization_type("NONE")
        .send()
        .await
        .map_err(sdk("PutMethod", id))?;
    Ok(())
}

/// OPTIONS with a MOCK integration answering the allowed origins, methods, headers.
async fn preflight(
    client: &Client,
    id: &str,
    resource: &str,
    cors: &Json,
) -> Result<(), CloudError> {
    put_method(client, id, resource, "OPTIONS").await?;
    client
        .put_integration()
        .rest_api_id(id)
        .resource_id(resource)
        .http_method("OPTIONS")
        .r#type(IntegrationType::Mock)
        .request_templates("application/json", r#"{"statusCode": 200}"#)
        .send()
        .await
        .map_err(sdk("PutIntegration", id))?;
    let header = |h: &str| format!("method.response.header.Access-Control-Allow-{h}");
    let mut method_response = client
        .put_method_response()
        .rest_api_id(id)
        .resource_id(resource)
        .http_method("OPTIONS")
        .status_code("200");
    let mut integration_response = client
        .put_integration_response()
        .rest_api_id(id)
        .resource_id(resource)
        .http_method("OPTIONS")
        .status_code("200");
    for (h, key) in [
        ("Origin", "origins"),
        ("Methods", "methods"),
        ("Headers", "headers"),
    ] {
        let value = cors[key].as_str().unwrap_or_default();
        method_response = method_response.response_parameters(header(h), false);
        integration_response =
            integration_response.response_parameters(header(h), format!("'{value}'"));
    }
    method_response
        .send()
        .await
        .map_err(sdk("PutMethodResponse", id))?;
    integration_response
        .send()
        .await
        .map_err(sdk("PutIntegrationResponse", id))?;
    Ok(())
}

/// Lets API Gateway invoke each routed function (one statement per function and API,
/// with a wildcard source ARN, so routes do not fill the function's policy).
async fn permit(
    lambda: &aws_sdk_lambda::Client,
    region: &str,
    account: &str,
    id: &str,
    spec: &ApiSpec,
) -> Result<(), CloudError> {
    let functions: BTreeSet<&String> = spec.routes.values().collect();
    for f in functions {
        let added = lambda
            .add_permission()
            .function_name(f)
            .statement_id(format!("gatekit-apigateway-{id}"))
            .action("lambda:InvokeFunction")
            .principal("apigateway.amazonaws.com")
            .source_arn(format!("arn:aws:execute-api:{region}:{account}:{id}/*"))
            .send()
            .await;
        if let Err(e) = added {
            let err = CloudError::from_sdk("AddPermission", f, e);
            if err.code() != Some("ResourceConflictException") {
                return Err(err);
            }
        }
    }
    Ok(())
}

/// A deployment of the current tree, served by the stage (made once, then pointed at
/// each new deployment: moto replaces a stage that a deployment names).
async fn deploy(
    client: &Client,
    id: &str,
    spec: &ApiSpec,
    step: Step<'_>,
) -> Result<(), CloudError> {
    let stage = spec.stage.as_str();
    step("deploying the stage");
    let d = client
        .create_deployment()
        .rest_api_id(id)
        .send()
        .await
        .map_err(sdk("CreateDeployment", id))?;
    let deployment = d.id().unwrap_or_default().to_string();
    let exists = client
        .get_stage()
        .rest_api_id(id)
        .stage_name(stage)
        .send()
        .await
        .is_ok();
    if exists {
        client
            .update_stage()
            .rest_api_id(id)
            .stage_name(stage)
            .patch_operations(
                PatchOperation::builder()
                    .op(Op::Replace)
                    .path("/deploymentId")
                    .value(&deployment)
                    .build(),
            )
            .send()
            .await
            .map_err(sdk("UpdateStage", id))?;
    } else {
        client
            .create_stage()
            .rest_api_id(id)
            .stage_name(stage)
            .deployment_id(&deployment)
            .set_variables(Some(
                spec.variables
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ))
            .send()
            .await
            .map_err(sdk("CreateStage", id))?;
    }
    Ok(())
}

/// The stage's variables set whole: each wanted one replaced, each other removed.
async fn set_variables(client: &Client, id: &str, spec: &ApiSpec) -> Result<(), CloudError> {
    let stage = client
        .get_stage()
        .rest_api_id(id)
        .stage_name(&spec.stage)
        .send()
        .await
        .map_err(sdk("GetStage", id))?;
    let patch = |op: Op, k: &str, v: Option<&str>| {
        PatchOperation::builder()
            .op(op)
            .path(format!("/variables/{k}"))
            .set_value(v.map(String::from))
            .build()
    };
    let mut ops: Vec<PatchOperation> = spec
        .variables
        .iter()
        .filter(|(k, v)| stage.variables().and_then(|s| s.get(*k)) != Some(*v))
        .map(|(k, v)| patch(Op::Replace, k, Some(v)))
        .collect();
    for k in stage.variables().into_iter().flat_map(|v| v.keys()) {
        if !spec.variables.contains_key(k) {
            ops.push(patch(Op::Remove, k, None));
        }
    }
    if ops.is_empty() {
        return Ok(());
    }
    client
        .update_stage()
        .rest_api_id(id)
        .stage_name(&spec.stage)
        .set_patch_operations(Some(ops))
        .send()
        .await
        .map(|_| ())
        .map_err(sdk("UpdateStage", id))
}

/// Turns on a stage's access logging: a line in `format` per request, to the log
/// group `destination_arn` names.
pub async fn log_access(
    client: &Client,
    id: &str,
    stage: &str,
    destination_arn: &str,
    format: &str,
) -> Result<(), CloudError> {
    let op = |path: &str, value: &str| {
        PatchOperation::builder()
            .op(Op::Replace)
            .path(path)
            .value(value)
            .build()
    };
    client
        .update_stage()
        .rest_api_id(id)
        .stage_name(stage)
        .patch_operations(op("/accessLogSettings/destinationArn", destination_arn))
        .patch_operations(op("/accessLogSettings/format", format))
        .send()
        .await
        .map(|_| ())
        .map_err(sdk("UpdateStage", id))
}

pub struct Context<'a> {
    pub client: &'a Client,
    pub lambda: &'a aws_sdk_lambda::Client,
    pub region: &'a str,
    pub account: &'a str,
}

pub async fn create(
    c: &Context<'_>,
    name: &str,
    spec: &ApiSpec,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("creating the API");
    let tags: std::collections::HashMap<String, String> = spec
        .tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .chain(ownership.iter().cloned())
        .collect();
    let made = c
        .client
        .create_rest_api()
        .name(name)
        .set_binary_media_types(Some(spec.binary_media_types.clone()))
        .set_tags(Some(tags))
        .send()
        .await
        .map_err(sdk("CreateRestApi", name))?;
    let id = made.id().unwrap_or_default().to_string();
    build(c.client, c.region, &id, spec, step).await?;
    permit(c.lambda, c.region, c.account, &id, spec).await?;
    deploy(c.client, &id, spec, step).await
}

pub async fn update(
    c: &Context<'_>,
    spec: &ApiSpec,
    update: &ApiUpdate,
    step: Step<'_>,
) -> Result<(), CloudError> {
    let id = update.id.clone();
    if update.routes {
        build(c.client, c.region, &id, spec, step).await?;
        permit(c.lambda, c.region, c.account, &id, spec).await?;
        if spec.cors.is_none() {
            // Without CORS (or no more), the gateway's own errors are AWS's defaults.
            for kind in CORS_RESPONSES {
                c.client
                    .delete_gateway_response()
                    .rest_api_id(&id)
                    .response_type(kind)
                    .send()
                    .await
                    .map_err(sdk("DeleteGatewayResponse", &id))?;
            }
        }
    }
    if let Some((added, removed)) = &update.binary {
        // A path names one media type, its `/` escaped as `~1`.
        let path = |t: &str| {
            format!(
                "/binaryMediaTypes/{}",
                t.replace('~', "~0").replace('/', "~1")
            )
        };
        let ops: Vec<PatchOperation> = added
            .iter()
            .map(|t| PatchOperation::builder().op(Op::Add).path(path(t)).build())
            .chain(removed.iter().map(|t| {
                PatchOperation::builder()
                    .op(Op::Remove)
                    .path(path(t))
                    .build()
            }))
            .collect();
        c.client
            .update_rest_api()
            .rest_api_id(&id)
            .set_patch_operations(Some(ops))
            .send()
            .await
            .map_err(sdk("UpdateRestApi", &id))?;
    }
    if update.routes || update.deploy || update.stage || update.binary.is_some() {
        deploy(c.client, &id, spec, step).await?;
    }
    if update.variables || update.stage {
        set_variables(c.client, &id, spec).await?;
    }
    if update.stage && !update.old_stage.is_empty() {
        client_delete_stage(c.client, &id, &update.old_stage).await?;
    }
    if let Some(t) = &update.tags {
        let arn = format!("arn:aws:apigateway:{}::/restapis/{id}", c.region);
        c.client
            .tag_resource()
            .resource_arn(&arn)
            .set_tags(Some(
                t.set.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            ))
            .send()
            .await
            .map_err(sdk("TagResource", &id))?;
        if !t.remove.is_empty() {
            c.client
                .untag_resource()
                .resource_arn(&arn)
                .set_tag_keys(Some(t.remove.clone()))
                .send()
                .await
                .map_err(sdk("UntagResource", &id))?;
        }
    }
    Ok(())
}

async fn client_delete_stage(client: &Client, id: &str, stage: &str) -> Result<(), CloudError> {
    client
        .delete_stage()
        .rest_api_id(id)
        .stage_name(stage)
        .send()
        .await
        .map(|_| ())
        .map_err(sdk("DeleteStage", id))
}

pub async fn delete(client: &Client, live: &ApiSpec, step: Step<'_>) -> Result<(), CloudError> {
    step("deleting the API");
    let id = live.id.clone().unwrap_or_default();
    match client.delete_rest_api().rest_api_id(&id).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let err = CloudError::from_sdk("DeleteRestApi", &id, e);
            if err.code() == Some("NotFoundException") {
                Ok(())
            } else {
                Err(err)
            }
        }
    }
}
