//! The console: a web page at `/_gatekit/` on a loopback port of its own, served
//! by `gatekit console` and by `gatekit dev`. It is a client of the target like
//! every command: its JSON endpoints call the same code as `gatekit table`, `fn`,
//! `invoke` and `api` (with the project's item models), through one session kept
//! for the console's life. The page, its script and its style are inside the
//! binary. `guard` decides whom it answers.

mod apis;
mod functions;
mod guard;
mod page;
mod tables;

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use clap::Args;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{Value as Json, json};

use super::session::{self, Place, Session};
use super::{Context, ExitResult, Failure, exit};
use crate::project::Project;

/// The largest request the console reads: a function's payload (6 MB) with room
/// for its JSON envelope.
const MAX_REQUEST: usize = 8 * 1024 * 1024;

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// The console's loopback port (default: a free one)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Allow writes (putting and deleting items, invoking functions, sending
    /// requests other than GET) on a target other than `local`
    #[arg(long)]
    pub allow_writes: bool,
    /// Do not open a browser
    #[arg(long)]
    pub no_open: bool,
}

/// What every request of one console shares.
pub(super) struct State {
    ctx: Context,
    session: Session,
    place: Place,
    target: String,
    token: String,
    /// Whether it may change what the target holds.
    writes: bool,
    port: u16,
}

impl State {
    /// The project as gatekit.yaml says it now (`gatekit dev` changes it while the
    /// console runs); none outside a project. Read without printing.
    fn project(&self) -> Result<Option<Project>, Failure> {
        let path = self.ctx.project_path();
        if !path.exists() {
            return Ok(None);
        }
        crate::project::load(&path).map(Some).map_err(|e| match e {
            crate::project::LoadError::Invalid { diagnostics, .. } => Failure::usage(
                "gatekit.yaml has problems",
                diagnostics
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_default(),
            ),
            other => Failure::runtime(other.to_string(), None),
        })
    }

    fn region_flag(&self) -> Option<&str> {
        self.ctx.global.region.as_deref()
    }

    fn may_write(&self) -> Result<(), Failure> {
        if self.writes {
            Ok(())
        } else {
            Err(Failure::usage(
                format!("the console is read-only on target `{}`", self.target),
                "start it with `gatekit console --allow-writes` to change what the target holds",
            ))
        }
    }
}

/// A running console: where to open it.
pub(super) struct Console {
    pub url: String,
}

/// Opens the target's session (at `place`, when the caller knows it: `gatekit
/// dev` starts the console while gatekit.yaml may be broken) and serves the
/// console on `port` (0: a free one) until the runtime stops.
pub(super) async fn start(
    ctx: &Context,
    port: u16,
    allow_writes: bool,
    place: Option<(Place, String)>,
) -> Result<Console, Failure> {
    let (session, target, place) = match place {
        Some((place, target)) => (Session::open(ctx, &place).await?, target, place),
        None => {
            let (session, _, target, place) = session::connect_place(ctx).await?;
            (session, target, place)
        }
    };
    let local = matches!(place, Place::Local { .. });
    let token = guard::new_token()
        .map_err(|e| Failure::runtime(format!("no random source for a token: {e}"), None))?;
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
        .await
        .map_err(|e| {
            Failure::runtime(
                format!("the console cannot listen on 127.0.0.1:{port}: {e}"),
                Some("choose another port: `gatekit console --port N`, `gatekit dev --console-port N`".into()),
            )
        })?;
    let port = listener
        .local_addr()
        .map_err(|e| Failure::runtime(e.to_string(), None))?
        .port();
    let url = format!("http://127.0.0.1:{port}/_gatekit/?token={token}");
    let state = Arc::new(State {
        ctx: ctx.clone(),
        session,
        place,
        target,
        token,
        writes: local || allow_writes,
        port,
    });
    tokio::spawn(serve(listener, state));
    Ok(Console { url })
}

async fn serve(listener: tokio::net::TcpListener, state: Arc<State>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            // Out of file descriptors, say: wait instead of spinning.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        let state = state.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let state = state.clone();
                async move { Ok::<_, std::convert::Infallible>(answer(&state, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A reply before its security headers.
pub(super) struct Reply {
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
    /// The Content-Security-Policy of an HTML page.
    policy: Option<&'static str>,
}

impl Reply {
    fn json(status: StatusCode, value: &Json) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: Bytes::from(serde_json::to_vec(value).unwrap_or_default()),
            policy: None,
        }
    }

    fn ok(value: &Json) -> Reply {
        Reply::json(StatusCode::OK, value)
    }

    fn html(body: String, policy: &'static str) -> Reply {
        Reply {
            status: StatusCode::OK,
            content_type: "text/html; charset=utf-8",
            body: Bytes::from(body),
            policy: Some(policy),
        }
    }
}

/// A failure as the page shows it: the message, the hint, and the status that
/// says which kind it is.
fn failed(f: Failure) -> Reply {
    let (status, kind, message, hint) = match f {
        Failure::Usage { message, hint } => (StatusCode::BAD_REQUEST, "usage", message, hint),
        Failure::NotFound { message, hint } => (StatusCode::NOT_FOUND, "not_found", message, hint),
        Failure::Runtime { message, hint } => (StatusCode::BAD_GATEWAY, "failed", message, hint),
        Failure::Reported => (
            StatusCode::BAD_REQUEST,
            "usage",
            "gatekit.yaml has problems".to_string(),
            None,
        ),
    };
    Reply::json(
        status,
        &json!({ "error": { "kind": kind, "message": message, "hint": hint } }),
    )
}

async fn answer(state: &State, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let (head, body) = req.into_parts();
    let reply = match guard::check(&head, state.port, &state.token) {
        Err(refusal) => Reply::json(
            StatusCode::FORBIDDEN,
            &json!({ "error": { "kind": "refused", "message": refusal.message() } }),
        ),
        Ok(()) => match Limited::new(body, MAX_REQUEST).collect().await {
            Ok(b) => route(
                state,
                &head.method,
                head.uri.path(),
                head.uri.query(),
                b.to_bytes(),
            )
            .await
            .unwrap_or_else(failed),
            Err(_) => Reply::json(
                StatusCode::PAYLOAD_TOO_LARGE,
                &json!({ "error": { "kind": "usage", "message": format!("a request to the console holds at most {MAX_REQUEST} bytes") } }),
            ),
        },
    };
    let mut resp = Response::builder()
        .status(reply.status)
        .header("content-type", reply.content_type)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .header("referrer-policy", "no-referrer")
        .header("x-frame-options", "DENY");
    if let Some(policy) = reply.policy {
        resp = resp.header("content-security-policy", policy);
    }
    resp.body(Full::new(reply.body))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}

/// The JSON a request sent, as `T`.
fn body_of<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, Failure> {
    serde_json::from_slice(body).map_err(|e| {
        Failure::usage(
            format!("the request's body is not what the console expects: {e}"),
            "send the JSON the page sends",
        )
    })
}

/// Path segments after `/_gatekit/`, percent-decoded.
fn segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix("/_gatekit")?;
    Some(
        rest.split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect(),
    )
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn route(
    state: &State,
    method: &Method,
    path: &str,
    query: Option<&str>,
    body: Bytes,
) -> Result<Reply, Failure> {
    let Some(parts) = segments(path) else {
        return Err(Failure::not_found("the console lives at /_gatekit/", None));
    };
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let q = |name: &str| {
        form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let get = method == Method::GET;
    let post = method == Method::POST;
    match parts.as_slice() {
        [] if get => Ok(Reply::html(page::HTML.to_string(), page::policy())),
        ["api", "overview"] if get => overview(state).await,
        ["api", "tables"] if get => tables::list(state).await,
        ["api", "tables", t] if get => tables::describe(state, t).await,
        ["api", "tables", t, "stream"] if get => tables::stream(state, t).await,
        ["api", "tables", t, "read"] if post => tables::read(state, t, &body).await,
        ["api", "tables", t, "put"] if post => tables::put(state, t, &body).await,
        ["api", "tables", t, "delete"] if post => tables::delete(state, t, &body).await,
        ["api", "functions"] if get => functions::list(state).await,
        ["api", "functions", f] if get => functions::describe(state, f).await,
        ["api", "functions", f, "invoke"] if post => functions::invoke(state, f, &body).await,
        ["api", "functions", f, "logs"] if get => {
            let since = q("since").and_then(|s| s.parse().ok());
            functions::logs(state, f, since).await
        }
        ["api", "functions", f, "payloads"] if get => functions::payloads(state, f),
        ["api", "functions", f, "payloads", name] if method == Method::PUT => {
            functions::save_payload(state, f, name, &body)
        }
        ["api", "functions", f, "payloads", name] if method == Method::DELETE => {
            functions::delete_payload(state, f, name)
        }
        ["api", "apis"] if get => apis::list(state).await,
        ["api", "apis", a, "request"] if post => apis::request(state, a, &body).await,
        ["api", "apis", a, "docs"] if get => apis::docs(state, a).await,
        _ => Err(Failure::not_found(
            format!("the console has no {method} {path}"),
            None,
        )),
    }
}

/// The project, the target, and whether writes are allowed: what the page's
/// header shows.
async fn overview(state: &State) -> Result<Reply, Failure> {
    let project = state.project()?;
    Ok(Reply::ok(&json!({
        "project": project.as_ref().map(|p| p.file.project.clone()),
        "target": state.target,
        "endpoint": state.session.endpoint,
        "writes": state.writes,
    })))
}

/// `gatekit console`: serves the console until Ctrl-C.
pub fn run(ctx: &Context, args: ConsoleArgs) -> ExitResult {
    if ctx.project_path().exists() {
        let p = ctx.load_project()?;
        ctx.check_target(&p)?;
    }
    let runtime = session::runtime()?;
    let outcome = runtime.block_on(async {
        let console = start(ctx, args.port, args.allow_writes, None).await?;
        crate::render::dev::console_ready(&ctx.printer, &console.url);
        if !args.no_open {
            open_browser(&console.url);
        }
        super::local::wait_for_signal().await;
        Ok(exit::SUCCESS)
    });
    runtime.shutdown_background();
    outcome
}

/// Opens `url` in the desktop's browser when there is a desktop: a failure to
/// open is no failure of the console (its URL is printed).
fn open_browser(url: &str) {
    use std::io::IsTerminal;
    let desktop = cfg!(target_os = "macos")
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !desktop || !std::io::stdout().is_terminal() {
        return;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paths_are_split_below_the_console_and_decoded() {
        assert_eq!(segments("/_gatekit/"), Some(vec![]));
        assert_eq!(
            segments("/_gatekit/api/tables/my%20table/read"),
            Some(vec![
                "api".into(),
                "tables".into(),
                "my table".into(),
                "read".into()
            ])
        );
        assert_eq!(segments("/elsewhere"), None);
        // A malformed escape stays as it was.
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }

    proptest! {
        #[test]
        fn any_path_decodes_without_panic_and_encoded_text_comes_back(text in "\\PC{0,40}", raw in ".{0,80}") {
            let _ = segments(&format!("/_gatekit/{raw}"));
            let encoded: String = form_urlencoded::byte_serialize(text.as_bytes())
                .collect::<String>()
                .replace('+', "%20");
            prop_assert_eq!(percent_decode(&encoded), text);
        }

        #[test]
        fn any_request_head_is_judged_without_panic(
            host in ".{0,40}",
            origin in proptest::option::of(".{0,40}"),
            site in proptest::option::of("[a-z-]{0,12}"),
            query in "[a-z=&0-9]{0,40}",
        ) {
            let mut b = hyper::Request::builder().uri(format!("/_gatekit/?{query}"));
            if let Ok(v) = hyper::header::HeaderValue::from_str(&host) {
                b = b.header("host", v);
            }
            if let Some(o) = origin.as_deref().and_then(|o| hyper::header::HeaderValue::from_str(o).ok()) {
                b = b.header("origin", o);
            }
            if let Some(s) = site {
                b = b.header("sec-fetch-site", s);
            }
            if let Ok(req) = b.body(()) {
                let (head, _) = req.into_parts();
                let verdict = guard::check(&head, 9, "0123456789abcdef0123456789abcdef");
                // Without the token nothing is ever served.
                prop_assert!(verdict.is_err());
            }
        }
    }
}
