//! The reference pages of the deployed APIs, read-only, at `/_gatekit/apis/` (an
//! index of every stage) and `/_gatekit/apis/{id}/{stage}` (one stage's routes, the
//! page `gatekit api docs --format html` writes). Made from the stage's export, so
//! the page always shows what is deployed.

use bytes::Bytes;
use http_body_util::Full;
use hyper::Response;
use hyper::header::HeaderValue;

use super::ApiGateway;
use super::data::Reply;
use super::ops::stage_document;
use crate::aws::openapi_html::{escape, page};
use crate::aws::stage_url;

/// Where the pages are served.
pub const PREFIX: &str = "/_gatekit/apis";

fn html(status: u16, body: String) -> Reply {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::OK);
    r.headers_mut().insert(
        "content-type",
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// The page for `path` (under [`PREFIX`]) on the emulator at `endpoint`.
pub fn serve(g: &ApiGateway, path: &str, endpoint: &str) -> Reply {
    let rest = path
        .strip_prefix(PREFIX)
        .unwrap_or_default()
        .trim_matches('/');
    if rest.is_empty() {
        return html(200, index(g, endpoint));
    }
    let page_of = rest.split_once('/').and_then(|(id, stage)| {
        let api = g.find(id)?;
        let s = api.stages.iter().find(|s| s.name == stage)?;
        let d = api.deployments.iter().find(|d| d.id == s.deployment_id)?;
        let url = stage_url::emulator(endpoint, id, stage);
        let host = endpoint.trim_start_matches("http://");
        let doc = stage_document(&api, d, host, stage, false, true);
        Some(page(&doc, &url))
    });
    match page_of {
        Some(body) => html(200, body),
        None => html(
            404,
            format!(
                "<!doctype html><title>Not found</title><p>No deployed stage here. <a href=\"{PREFIX}/\">Every deployed API</a></p>\n"
            ),
        ),
    }
}

fn index(g: &ApiGateway, endpoint: &str) -> String {
    let mut rows = String::new();
    for api in g.all() {
        for stage in &api.stages {
            rows.push_str(&format!(
                "<li><a href=\"{PREFIX}/{id}/{stage}\">{name} ({stage})</a> <code>{url}</code></li>",
                id = escape(&api.id),
                stage = escape(&stage.name),
                name = escape(&api.name),
                url = escape(&stage_url::emulator(endpoint, &api.id, &stage.name)),
            ));
        }
    }
    if rows.is_empty() {
        rows.push_str("<li>No API is deployed yet: run <code>gatekit deploy</code>.</li>");
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Deployed APIs</title>\
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}code{{font:13px ui-monospace,monospace}}</style>\
</head><body><h1>Deployed APIs</h1><ul>{rows}</ul></body></html>\n"
    )
}
