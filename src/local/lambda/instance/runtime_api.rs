//! The Lambda Runtime API over HTTP, one loopback listener per instance:
//! `invocation/next` with Lambda's headers, `invocation/{id}/response`,
//! `invocation/{id}/error` and `init/error`.

use std::convert::Infallible;
use std::sync::{Arc, Weak};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{Mutex, mpsc, watch};

use super::{Instance, MAX_PAYLOAD, too_large};
use crate::local::lambda::pool::{Invocation, InvocationResult};

type HttpReply = Response<Full<Bytes>>;
type Next = Arc<Mutex<mpsc::Receiver<Invocation>>>;

fn reply(status: u16, body: impl Into<Bytes>) -> HttpReply {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r
}

pub(super) async fn serve(
    listener: TcpListener,
    instance: Weak<Instance>,
    next: Next,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let (instance, next) = (instance.clone(), next.clone());
                tokio::spawn(async move {
                    let service = service_fn(move |req| request(instance.clone(), next.clone(), req));
                    let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), service).await;
                });
            }
            _ = stop.changed() => return,
        }
    }
}

async fn request(
    instance: Weak<Instance>,
    next: Next,
    req: Request<Incoming>,
) -> Result<HttpReply, Infallible> {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let Some(rest) = path.strip_prefix("/2018-06-01/runtime/") else {
        return Ok(reply(404, "{}"));
    };
    let body = match Limited::new(req.into_body(), MAX_PAYLOAD).collect().await {
        Ok(b) => Some(b.to_bytes()),
        Err(_) => None,
    };
    let Some(instance) = instance.upgrade() else {
        return Ok(reply(410, "{}"));
    };
    if method == Method::GET && rest == "invocation/next" {
        instance.mark_ready();
        drop(instance);
        let Some(inv) = next.lock().await.recv().await else {
            return Ok(reply(410, "{}"));
        };
        let mut r = reply(200, inv.payload.clone());
        let h = r.headers_mut();
        let mut set = |k: &'static str, v: &str| {
            if let Ok(v) = hyper::header::HeaderValue::from_str(v) {
                h.insert(k, v);
            }
        };
        set("lambda-runtime-aws-request-id", &inv.request_id);
        set("lambda-runtime-deadline-ms", &inv.deadline_ms.to_string());
        set("lambda-runtime-invoked-function-arn", &inv.function_arn);
        set("lambda-runtime-trace-id", &inv.trace_id());
        if let Some(c) = &inv.client_context {
            set("lambda-runtime-client-context", c);
        }
        return Ok(r);
    }
    let answer = if method == Method::POST {
        rest.strip_prefix("invocation/")
            .map(|r| r.rsplit_once('/').unwrap_or((r, "")))
    } else {
        None
    };
    let Some(body) = body else {
        // Over the cap: the invocation it answers gets Lambda's error for it.
        if let Some((id, "response")) = answer {
            instance.answer(id, too_large());
        }
        return Ok(reply(
            413,
            r#"{"errorMessage":"payload too large","errorType":"RequestEntityTooLarge"}"#,
        ));
    };
    if method == Method::POST && rest == "init/error" {
        instance.init_failed(body);
        return Ok(reply(202, r#"{"status":"OK"}"#));
    }
    if let Some((id, kind)) = answer {
        let outcome = match kind {
            "response" => InvocationResult::Ok(body),
            _ => InvocationResult::HandlerError(body),
        };
        if !instance.answer(id, outcome) {
            return Ok(reply(
                400,
                r#"{"errorMessage":"unknown or finished request id","errorType":"InvalidRequestID"}"#,
            ));
        }
        return Ok(reply(202, r#"{"status":"OK"}"#));
    }
    Ok(reply(404, "{}"))
}
