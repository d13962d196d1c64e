//! `gatekit api list|routes|url` and `gatekit invoke api`: the project's REST APIs
//! as deployed, their routes with full URLs, and calling a route as a client would.

use clap::{Args, Subcommand};
use serde_json::{Value as Json, json};

use super::session::{self, Place, Session};
use super::table::read_input;
use super::{Context, ExitResult, Failure, exit};
use crate::aws::stage_url;
use crate::plan::api::ApiSpec;
use crate::plan::{Live, Spec};
use crate::project::resolve::{Namer, region_of};

#[derive(Debug, Args)]
pub struct ApiArgs {
    #[command(subcommand)]
    pub command: ApiCommand,
}

#[derive(Debug, Subcommand)]
pub enum ApiCommand {
    /// The project's APIs as deployed: id, stage, URL, routes
    List,
    /// An API's routes: method, path, function, full URL
    Routes(ApiName),
    /// An API's stage URL
    Url(ApiName),
    /// An API's reference: the OpenAPI 3 document of its deployed routes, or a
    /// self-contained HTML page of them
    Docs(DocsArgs),
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// The API: logical name in gatekit.yaml (default: the only one)
    pub api: Option<String>,
    /// The document's format
    #[arg(long, value_enum, default_value_t = DocsFormat::OpenapiJson)]
    pub format: DocsFormat,
    /// Write it to FILE instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DocsFormat {
    OpenapiJson,
    OpenapiYaml,
    /// One HTML page, no outside assets: hand it to the API's users
    Html,
}

#[derive(Debug, Args)]
pub struct ApiName {
    /// The API: logical name in gatekit.yaml (default: the only one)
    pub api: Option<String>,
}

#[derive(Debug, Args)]
pub struct InvokeApiArgs {
    /// [API] METHOD PATH: the API's logical name (default: the only one), the method, the path
    #[arg(num_args = 2..=3, value_names = ["API", "METHOD"])]
    pub request: Vec<String>,
    /// The body: text or JSON, @file, or - for stdin
    #[arg(long, value_name = "BODY")]
    pub data: Option<String>,
    /// A header, `Name: value` (repeatable)
    #[arg(long = "header", short = 'H', value_name = "NAME:VALUE")]
    pub headers: Vec<String>,
    /// A query parameter, `name=value` (repeatable)
    #[arg(long = "query", value_name = "NAME=VALUE")]
    pub query: Vec<String>,
}

/// A deployed API: its logical name, spec, and the URL of its stage.
pub(super) struct Deployed {
    pub name: String,
    pub physical: String,
    pub spec: ApiSpec,
    /// Where its users reach it: locally, on the project's `local serve` port.
    pub url: String,
    /// Where this command reaches it (an emulator started for the command has a
    /// port of its own).
    pub call_url: String,
}

/// The stage URL: on the emulator, the `/_aws/execute-api` form; on an endpoint of
/// another AWS-compatible service, `/restapis/…/_user_request_`; on AWS, the API's
/// execute-api host.
fn stage_url(place: &Place, endpoint: &str, region: &str, id: &str, stage: &str) -> String {
    match place {
        Place::Local { .. } => stage_url::emulator(endpoint, id, stage),
        Place::Aws(crate::cloud::Target::Aws {
            endpoint_url: Some(e),
            ..
        }) => format!(
            "{}/restapis/{id}/{stage}/_user_request_",
            e.trim_end_matches('/')
        ),
        _ => stage_url::aws(id, region, stage),
    }
}

async fn deployed(ctx: &Context) -> Result<(Session, Vec<Deployed>), Failure> {
    let project = ctx.load_project()?;
    let target = ctx.check_target(&project)?;
    let place = session::place(ctx, &project, &target);
    let session = Session::open(ctx, &place).await?;
    let region = ctx.global.region.as_deref();
    let apis = deployed_in(&session, &project, &target, &place, region).await?;
    Ok((session, apis))
}

/// The project's APIs deployed on the target the session reaches.
pub(super) async fn deployed_in(
    session: &Session,
    project: &crate::project::Project,
    target: &str,
    place: &Place,
    region_flag: Option<&str>,
) -> Result<Vec<Deployed>, Failure> {
    let region =
        region_of(&project.file, target, region_flag).unwrap_or_else(|| session.region.clone());
    let namer = Namer::new(&project.file, target, Some(&region));
    let wanted: Vec<String> = project.file.apis.keys().map(|a| namer.api(a)).collect();
    let live: Vec<Live> =
        crate::cloud::apigateway::apis(&session.apigateway, &project.file.project, target, &wanted)
            .await
            .map_err(session::cloud_failure)?;
    let mut out = Vec::new();
    for name in project.file.apis.keys() {
        let physical = namer.api(name);
        let Some(Spec::Api(spec)) = live
            .iter()
            .find(|l| l.physical == physical && l.is_owned())
            .map(|l| l.spec.clone())
        else {
            continue;
        };
        let id = spec.id.clone().unwrap_or_default();
        let call_url = stage_url(place, &session.endpoint, &region, &id, &spec.stage);
        let url = if session.outlives_command() {
            call_url.clone()
        } else {
            stage_url::emulator(&stage_url::loopback(namer.local_port()), &id, &spec.stage)
        };
        out.push(Deployed {
            name: name.clone(),
            physical,
            spec,
            url,
            call_url,
        });
    }
    Ok(out)
}

/// The project's deployed stages on the target: where each answers and its
/// reference page (for `gatekit dev`'s banner).
pub(super) async fn stage_urls(
    ctx: &Context,
) -> Result<Vec<crate::aws::stage_url::StageUrls>, Failure> {
    let (session, apis) = deployed(ctx).await?;
    Ok(apis
        .into_iter()
        .map(|a| {
            let id = a.spec.id.clone().unwrap_or_default();
            crate::aws::stage_url::StageUrls {
                docs: format!(
                    "{}{}/{id}/{}",
                    session.endpoint.trim_end_matches('/'),
                    crate::local::apigateway::docs::PREFIX,
                    a.spec.stage
                ),
                api: a.name,
                stage: a.spec.stage,
                url: a.call_url,
            }
        })
        .collect())
}

/// The format `gatekit dev` logs each API request in (one JSON object a line).
const ACCESS_FORMAT: &str = r#"{"requestId":"$context.requestId","httpMethod":"$context.httpMethod","path":"$context.path","resourcePath":"$context.resourcePath","status":"$context.status","responseLatency":"$context.responseLatency"}"#;

/// Turns on access logging for every deployed API's stage (for `gatekit dev`'s
/// stream), each to a log group of its own; the groups' names by the APIs'
/// logical names.
pub(super) async fn log_access(ctx: &Context) -> Result<Vec<(String, String)>, Failure> {
    let (session, apis) = deployed(ctx).await?;
    let account = session.account_id().await.map_err(session::cloud_failure)?;
    let mut groups = Vec::new();
    for a in apis {
        let id = a.spec.id.clone().unwrap_or_default();
        let group = format!("API-Gateway-Access-Logs_{id}/{}", a.spec.stage);
        crate::cloud::lambda::logs::ensure_group(&session.logs, &group)
            .await
            .map_err(session::cloud_failure)?;
        let arn = crate::aws::arn::log_group(&session.region, &account, &group);
        crate::cloud::apigateway::log_access(
            &session.apigateway,
            &id,
            &a.spec.stage,
            &arn,
            ACCESS_FORMAT,
        )
        .await
        .map_err(session::cloud_failure)?;
        groups.push((a.name, group));
    }
    Ok(groups)
}

/// The OpenAPI 3 document of a deployed API's stage, from GetExport (JSON; the
/// SDK sends its own Accept).
pub(super) async fn export(session: &Session, api: &Deployed) -> Result<Json, Failure> {
    let out = session
        .apigateway
        .get_export()
        .rest_api_id(api.spec.id.clone().unwrap_or_default())
        .stage_name(&api.spec.stage)
        .export_type("oas30")
        .accepts("application/json")
        .parameters("extensions", "integrations")
        .send()
        .await
        .map_err(|e| {
            session::cloud_failure(crate::cloud::CloudError::from_sdk(
                "GetExport",
                &api.physical,
                e,
            ))
        })?;
    let json = out.body().map(|b| b.as_ref().to_vec()).unwrap_or_default();
    Ok(serde_json::from_slice(&json).unwrap_or(Json::Null))
}

/// An API's routes: method, path, the function it runs, the full URL under `base`
/// (the stage URL where it is reached).
pub(super) fn route_rows(api: &Deployed, base: &str) -> Vec<Json> {
    api.spec
        .routes
        .iter()
        .map(|(route, f)| {
            let (method, path) = route.split_once(' ').unwrap_or(("ANY", "/"));
            json!({ "method": method, "path": path,
                "function": crate::aws::arn::function_name(f),
                "url": format!("{base}{path}") })
        })
        .collect()
}

fn pick(apis: Vec<Deployed>, name: Option<&str>) -> Result<Deployed, Failure> {
    let names: Vec<String> = apis.iter().map(|a| a.name.clone()).collect();
    match name {
        Some(n) => apis.into_iter().find(|a| a.name == n).ok_or_else(|| {
            Failure::not_found(
                format!("no deployed API `{n}`"),
                Some(format!(
                    "deployed: {}; deploy first with `gatekit deploy`",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                )),
            )
        }),
        None if apis.len() == 1 => Ok(apis.into_iter().next().expect("one")),
        None if apis.is_empty() => Err(Failure::not_found(
            "the project has no deployed API",
            Some("deploy it first: `gatekit deploy`".into()),
        )),
        None => Err(Failure::usage(
            "the project has several APIs; name one",
            format!("one of {}", names.join(", ")),
        )),
    }
}

pub fn run(ctx: &Context, args: ApiArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        let (session, apis) = deployed(ctx).await?;
        let note_if_ephemeral = || {
            if !session.outlives_command() {
                ctx.printer.note(
                    "these URLs answer while `gatekit local serve` runs (its port is `targets.local.port`, 4566 by default)",
                );
            }
        };
        match args.command {
            ApiCommand::List => {
                let rows: Vec<Json> = apis
                    .iter()
                    .map(|a| {
                        json!({ "name": a.name, "physical_name": a.physical, "id": a.spec.id,
                            "stage": a.spec.stage, "url": a.url, "routes": a.spec.routes.len() })
                    })
                    .collect();
                crate::render::apis::list(&ctx.printer, &rows);
                note_if_ephemeral();
            }
            ApiCommand::Routes(n) => {
                let api = pick(apis, n.api.as_deref())?;
                let rows = route_rows(&api, &api.url);
                crate::render::apis::routes(&ctx.printer, &rows);
                note_if_ephemeral();
            }
            ApiCommand::Docs(d) => {
                let api = pick(apis, d.api.as_deref())?;
                let doc = export(&session, &api).await?;
                let body = match d.format {
                    DocsFormat::OpenapiJson => {
                        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
                        text.push('\n');
                        text.into_bytes()
                    }
                    DocsFormat::OpenapiYaml => crate::aws::openapi::yaml(&doc).into_bytes(),
                    DocsFormat::Html => crate::aws::openapi_html::page(&doc, &api.url).into_bytes(),
                };
                match &d.out {
                    Some(path) => {
                        let path = ctx.base_dir().join(path);
                        super::write_whole(&path, &body)?;
                        ctx.printer.note(&format!("wrote {}", path.display()));
                    }
                    None => ctx.printer.out(String::from_utf8_lossy(&body).trim_end()),
                }
            }
            ApiCommand::Url(n) => {
                let api = pick(apis, n.api.as_deref())?;
                ctx.printer.result(&json!({ "url": api.url }), || ctx.printer.out(&api.url));
                note_if_ephemeral();
            }
        }
        Ok(exit::SUCCESS)
    })
}

pub fn invoke(ctx: &Context, args: InvokeApiArgs) -> ExitResult {
    let (name, method, path) = match args.request.as_slice() {
        [m, p] => (None, m.clone(), p.clone()),
        [n, m, p] => (Some(n.clone()), m.clone(), p.clone()),
        _ => {
            return Err(Failure::usage(
                "give METHOD PATH, or API METHOD PATH",
                "gatekit invoke api GET /todos",
            ));
        }
    };
    let body = match &args.data {
        Some(d) => read_input(d)?.into_bytes(),
        None => Vec::new(),
    };
    let mut headers = Vec::new();
    for h in &args.headers {
        let Some((k, v)) = h.split_once(':') else {
            return Err(Failure::usage(
                format!("--header `{h}` has no `:`"),
                "write --header 'Name: value'",
            ));
        };
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let query: Vec<(String, String)> = args
        .query
        .iter()
        .map(|q| {
            let (k, v) = q.split_once('=').unwrap_or((q, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    session::runtime()?.block_on(async {
        let (_session, apis) = deployed(ctx).await?;
        let api = pick(apis, name.as_deref())?;
        let request = RouteCall {
            method,
            path,
            query,
            headers,
            body,
        };
        let (method, url, resp) = call(&api, request).await?;
        crate::render::apis::response(&ctx.printer, &api.name, &method, &url, &resp);
        Ok(if resp.status >= 400 {
            exit::FAILURE
        } else {
            exit::SUCCESS
        })
    })
}

/// A request to a deployed API's route, as `invoke api` and the console send it.
pub(super) struct RouteCall {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Sends `request` to the API's stage as any client would (a JSON or text body gets
/// its Content-Type unless one is given); the method and URL sent, and the
/// response.
pub(super) async fn call(
    api: &Deployed,
    request: RouteCall,
) -> Result<(String, String, crate::cloud::http::HttpResponse), Failure> {
    let RouteCall {
        method,
        path,
        query,
        mut headers,
        body,
    } = request;
    let method = method.to_ascii_uppercase();
    if !body.is_empty()
        && !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
    {
        let json = serde_json::from_slice::<Json>(&body).is_ok();
        headers.push((
            "content-type".into(),
            if json {
                "application/json"
            } else {
                "text/plain"
            }
            .into(),
        ));
    }
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let query: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    let mut url = format!("{}{path}", api.call_url);
    if !query.is_empty() {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&query.join("&"));
    }
    let resp = crate::cloud::http::send(&method, &url, &headers, body)
        .await
        .map_err(session::cloud_failure)?;
    Ok((method, url, resp))
}
