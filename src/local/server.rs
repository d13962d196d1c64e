//! The one loopback port: HTTP/1.1 with keep-alive, a router that picks the service
//! (DynamoDB by `X-Amz-Target`), request size caps, AWS's error shapes.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::dynamodb::error::{DynamoError, ErrorKind};
use super::dynamodb::{DynamoDb, MAX_REQUEST_BYTES};
use super::sigv4::{self, AuthError};

pub struct Services {
    pub dynamodb: Arc<DynamoDb>,
    pub lambda: Arc<super::lambda::Lambda>,
    pub latency: std::time::Duration,
    /// AWS API calls served, reported at `GET /` (benchmarks count calls with it).
    pub requests: std::sync::atomic::AtomicU64,
}

const JSON_10: &str = "application/x-amz-json-1.0";

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/json")),
    );
    r.headers_mut().insert(
        "x-amzn-requestid",
        HeaderValue::from_static("gatekit-local"),
    );
    r
}

fn dynamo_error(e: DynamoError) -> Response<Full<Bytes>> {
    let r = DynamoDb::error_reply(&e);
    reply(r.status, JSON_10, r.body)
}

async fn route(
    services: Arc<Services>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let target = req
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let Some(target) = target else {
        let path = req.uri().path().to_string();
        let lambda_paths = [
            "/2015-03-31/",
            "/2017-10-31/",
            "/2019-09-30/",
            "/2017-03-31/tags",
            "/2016-08-19/",
        ];
        if lambda_paths.iter().any(|p| path.starts_with(p)) {
            return Ok(lambda_request(services, req).await);
        }
        if req.method() == Method::GET && req.uri().path() == "/" {
            let body = serde_json::json!({
                "gatekit": env!("CARGO_PKG_VERSION"),
                "services": ["dynamodb", "lambda", "logs"],
                "requests": services.requests.load(std::sync::atomic::Ordering::Relaxed),
            });
            return Ok(reply(
                200,
                "application/json",
                body.to_string().into_bytes(),
            ));
        }
        let body = serde_json::json!({
            "message": format!("no service of the emulator answers {} {}", req.method(), req.uri().path())
        });
        return Ok(reply(
            404,
            "application/json",
            body.to_string().into_bytes(),
        ));
    };
    services
        .requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if !services.latency.is_zero() {
        tokio::time::sleep(services.latency).await;
    }
    if let Some(op) = target.strip_prefix("Logs_20140328.") {
        let body = match Limited::new(req.into_body(), 1024 * 1024).collect().await {
            Ok(b) => b.to_bytes(),
            Err(_) => return Ok(reply(413, "application/x-amz-json-1.1", b"{}".to_vec())),
        };
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        let (status, out) = super::lambda::logs::handle(&services.lambda, op, &json);
        return Ok(reply(
            status,
            "application/x-amz-json-1.1",
            out.to_string().into_bytes(),
        ));
    }
    if !target.starts_with("DynamoDB_20120810.") {
        return Ok(dynamo_error(DynamoError::new(
            ErrorKind::UnknownOperation,
            format!("Unknown operation: {target}"),
        )));
    }
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok());
    let scope = match sigv4::parse(auth) {
        Ok(s) => s,
        Err(AuthError::Missing) => {
            return Ok(dynamo_error(DynamoError::new(
                ErrorKind::MissingAuthenticationToken,
                "Request is missing Authentication Token",
            )));
        }
        Err(AuthError::Malformed(m)) => {
            return Ok(dynamo_error(DynamoError::new(
                ErrorKind::IncompleteSignature,
                m,
            )));
        }
    };
    let host = req
        .headers()
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost")
        .to_string();
    let declared = req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_REQUEST_BYTES) {
        return Ok(dynamo_error(too_large()));
    }
    let body = match Limited::new(req.into_body(), MAX_REQUEST_BYTES)
        .collect()
        .await
    {
        Ok(b) => b.to_bytes(),
        Err(_) => return Ok(dynamo_error(too_large())),
    };
    let r = services
        .dynamodb
        .handle(&target, &scope.region, &host, &body)
        .await;
    Ok(reply(r.status, JSON_10, r.body))
}

/// Lambda's API: SigV4 required, bodies up to 70 MB (a 50 MB zip in base64).
async fn lambda_request(services: Arc<Services>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    services
        .requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if !services.latency.is_zero() {
        tokio::time::sleep(services.latency).await;
    }
    let lambda_error = |status: u16, code: &str, message: &str| {
        let mut r = reply(
            status,
            "application/json",
            serde_json::json!({ "Type": "User", "message": message })
                .to_string()
                .into_bytes(),
        );
        if let Ok(v) = HeaderValue::from_str(code) {
            r.headers_mut().insert("x-amzn-errortype", v);
        }
        r
    };
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok());
    // Any credentials are accepted, and so are unsigned calls (as tools that invoke
    // local functions send them); a malformed signature is refused.
    if let Err(AuthError::Malformed(message)) = sigv4::parse(auth) {
        return lambda_error(403, "IncompleteSignatureException", &message);
    }
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, 70 * 1024 * 1024).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return lambda_error(
                413,
                "RequestEntityTooLargeException",
                "Request must be smaller than 70167211 bytes",
            );
        }
    };
    super::lambda::handle(
        &services.lambda,
        &parts.method,
        parts.uri.path(),
        parts.uri.query(),
        &parts.headers,
        body,
    )
    .await
}

fn too_large() -> DynamoError {
    DynamoError::new(
        ErrorKind::RequestEntityTooLarge,
        "Request size exceeded 16777216 bytes",
    )
}

/// Accepts connections until `stop` turns true.
pub async fn serve(
    listener: TcpListener,
    services: Arc<Services>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let services = services.clone();
                let mut conn_stop = stop.clone();
                tokio::spawn(async move {
                    let conn = http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), service_fn(move |req| route(services.clone(), req)));
                    tokio::pin!(conn);
                    tokio::select! {
                        _ = conn.as_mut() => {}
                        _ = conn_stop.changed() => {
                            conn.as_mut().graceful_shutdown();
                            let _ = conn.await;
                        }
                    }
                });
            }
            _ = stop.changed() => return,
        }
    }
}

pub fn describe(addr: SocketAddr) -> String {
    format!("http://{addr}")
}
