//! REST APIs read into `ApiSpec`: found by their tags, with their routes and what
//! their stage serves.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_apigateway::Client;
use aws_sdk_apigateway::types::IntegrationType;
use serde_json::{Value as Json, json};

use super::{function_of, sdk};
use crate::cloud::CloudError;
use crate::plan::api::ApiSpec;
use crate::plan::{Facts, Live, Ownership, Spec};

/// The routes (`METHOD /path` → function ARN) and the CORS preflight of a live API.
async fn routes(
    client: &Client,
    id: &str,
) -> Result<
    (
        BTreeMap<String, String>,
        Option<Json>,
        Vec<(String, String)>,
    ),
    CloudError,
> {
    let out = client
        .get_resources()
        .rest_api_id(id)
        .embed("methods")
        .limit(500)
        .send()
        .await
        .map_err(sdk("GetResources", id))?;
    let mut routes = BTreeMap::new();
    let mut cors = None;
    let mut summary = Vec::new();
    for r in out.items() {
        let path = r.path().unwrap_or("/");
        for (method, m) in r.resource_methods().into_iter().flatten() {
            summary.push((path.to_string(), method.clone()));
            let integration = m.method_integration();
            if integration.and_then(|i| i.r#type()) == Some(&IntegrationType::Mock)
                && method == "OPTIONS"
            {
                // The preflight gatekit makes: its allowed values are the CORS spec.
                let params = integration
                    .and_then(|i| i.integration_responses())
                    .and_then(|r| r.get("200"))
                    .and_then(|r| r.response_parameters())
                    .cloned()
                    .unwrap_or_default();
                let value = |h: &str| {
                    params
                        .get(&format!("method.response.header.Access-Control-Allow-{h}"))
                        .map(|v| v.trim_matches('\'').to_string())
                };
                cors = Some(json!({
                    "origins": value("Origin"),
                    "methods": value("Methods"),
                    "headers": value("Headers"),
                }));
                continue;
            }
            if let Some(f) = integration.and_then(|i| i.uri()).and_then(function_of) {
                routes.insert(format!("{method} {path}"), f);
            }
        }
    }
    Ok((routes, cors, summary))
}

/// Whether the stage's deployment serves exactly `tree` (its API summary).
async fn deployed(
    client: &Client,
    id: &str,
    deployment: Option<&str>,
    tree: &[(String, String)],
) -> Result<bool, CloudError> {
    let Some(deployment) = deployment else {
        return Ok(false);
    };
    let out = client
        .get_deployment()
        .rest_api_id(id)
        .deployment_id(deployment)
        .embed("apisummary")
        .send()
        .await
        .map_err(sdk("GetDeployment", id))?;
    // An endpoint that does not give the summary (moto) cannot tell: the stage's
    // deployment is taken as current.
    let Some(summary) = out.api_summary().filter(|s| !s.is_empty()) else {
        return Ok(true);
    };
    let served: BTreeSet<(String, String)> = summary
        .iter()
        .flat_map(|(path, methods)| methods.keys().map(move |m| (path.clone(), m.clone())))
        .collect();
    let current: BTreeSet<(String, String)> = tree.iter().cloned().collect();
    Ok(served == current)
}

/// The REST APIs that matter to the project: named in the plan or with its prefix.
pub async fn apis(
    client: &Client,
    project: &str,
    target: &str,
    wanted: &[String],
) -> Result<Vec<Live>, CloudError> {
    let prefix = format!("{project}-{target}-");
    let mut found = Vec::new();
    let mut position = None;
    loop {
        let out = client
            .get_rest_apis()
            .set_position(position)
            .limit(500)
            .send()
            .await
            .map_err(sdk("GetRestApis", ""))?;
        for api in out.items() {
            let name = api.name().unwrap_or_default();
            if !(name.starts_with(&prefix) || wanted.iter().any(|w| w == name)) {
                continue;
            }
            let tags: BTreeMap<String, String> = api
                .tags()
                .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
            let ownership = Ownership::from_tags(&tags, project, target);
            let id = api.id().unwrap_or_default().to_string();
            let mut binary: Vec<String> = api.binary_media_types().to_vec();
            binary.sort();
            found.push((name.to_string(), id, tags, ownership, binary));
        }
        position = out.position().map(String::from);
        if position.is_none() {
            break;
        }
    }
    let mut live = Vec::new();
    for (name, id, tags, ownership, binary_media_types) in found {
        let (routes, cors, tree) = routes(client, &id).await?;
        let stages = client
            .get_stages()
            .rest_api_id(&id)
            .send()
            .await
            .map_err(sdk("GetStages", &id))?;
        let stage = stages.item().first();
        let is_deployed =
            deployed(client, &id, stage.and_then(|s| s.deployment_id()), &tree).await?;
        let spec = ApiSpec {
            id: Some(id),
            stage: stage
                .and_then(|s| s.stage_name())
                .unwrap_or_default()
                .to_string(),
            variables: stage
                .and_then(|s| s.variables())
                .map(|v| v.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default(),
            binary_media_types,
            routes,
            cors,
            deployed: is_deployed,
            tags: tags
                .into_iter()
                .filter(|(k, _)| !k.starts_with("gatekit:"))
                .collect(),
            needs: Vec::new(),
        };
        live.push(Live::read(
            name,
            ownership,
            Spec::Api(spec),
            "AVAILABLE".into(),
            Facts::default(),
        ));
    }
    Ok(live)
}
