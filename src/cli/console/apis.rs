//! The console's APIs: each deployed API with its routes and stage URL, a request
//! sent to a route as `gatekit invoke api` sends it, and the API's reference page.

use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Value as Json, json};

use super::{Reply, State, body_of};
use crate::cli::Failure;
use crate::cli::api::{Deployed, RouteCall, call, deployed_in, export, route_rows};

async fn deployed(state: &State) -> Result<Vec<Deployed>, Failure> {
    let Some(project) = state.project()? else {
        return Ok(Vec::new());
    };
    deployed_in(
        &state.session,
        &project,
        &state.target,
        &state.place,
        state.region_flag(),
    )
    .await
}

async fn one(state: &State, name: &str) -> Result<Deployed, Failure> {
    deployed(state)
        .await?
        .into_iter()
        .find(|a| a.name == name)
        .ok_or_else(|| {
            Failure::not_found(
                format!("no deployed API `{name}`"),
                Some("deploy it first: `gatekit deploy`".into()),
            )
        })
}

pub async fn list(state: &State) -> Result<Reply, Failure> {
    let apis: Vec<Json> = deployed(state)
        .await?
        .iter()
        .map(|a| {
            json!({ "name": a.name, "physical_name": a.physical, "id": a.spec.id,
                "stage": a.spec.stage, "url": a.call_url, "routes": route_rows(a, &a.call_url) })
        })
        .collect();
    Ok(Reply::ok(&json!({ "apis": apis })))
}

#[derive(Deserialize)]
pub struct Request {
    method: String,
    path: String,
    #[serde(default)]
    query: Vec<(String, String)>,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
}

/// Methods that only read: what a read-only console may send.
fn reads_only(method: &str) -> bool {
    matches!(
        method.to_ascii_uppercase().as_str(),
        "GET" | "HEAD" | "OPTIONS"
    )
}

pub async fn request(state: &State, name: &str, body: &Bytes) -> Result<Reply, Failure> {
    let r: Request = body_of(body)?;
    if !reads_only(&r.method) {
        state.may_write()?;
    }
    let api = one(state, name).await?;
    let started = std::time::Instant::now();
    let (method, url, resp) = call(
        &api,
        RouteCall {
            method: r.method,
            path: r.path,
            query: r.query.into_iter().filter(|(k, _)| !k.is_empty()).collect(),
            headers: r
                .headers
                .into_iter()
                .filter(|(k, _)| !k.is_empty())
                .collect(),
            body: r.body.into_bytes(),
        },
    )
    .await?;
    let headers: Vec<Json> = resp.headers.iter().map(|(k, v)| json!([k, v])).collect();
    Ok(Reply::ok(&json!({
        "method": method,
        "url": url,
        "status": resp.status,
        "headers": headers,
        "body": String::from_utf8_lossy(&resp.body),
        "ms": started.elapsed().as_millis() as u64,
    })))
}

/// The API's reference page, made from its OpenAPI document as `api docs --format
/// html` makes it.
pub async fn docs(state: &State, name: &str) -> Result<Reply, Failure> {
    let api = one(state, name).await?;
    let doc = export(&state.session, &api).await?;
    Ok(Reply::html(
        crate::aws::openapi_html::page(&doc, &api.call_url),
        super::page::DOCS_POLICY,
    ))
}
