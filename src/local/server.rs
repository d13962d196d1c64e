//! The one loopback port: HTTP/1.1 with keep-alive; `router` picks the service,
//! this module caps request sizes, checks signatures and answers in AWS's shapes.

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
use super::header_case::{CaseIo, ConnCase, OriginalCase, RawHead};
use super::lambda::{ErrorKind as LambdaErrorKind, LambdaError};
use super::router::{self, Route};
use super::sigv4::{self, AuthError};

pub struct Services {
    pub dynamodb: Arc<DynamoDb>,
    pub lambda: Arc<super::lambda::Lambda>,
    pub iam: Arc<super::iam::Iam>,
    pub apigateway: Arc<super::apigateway::ApiGateway>,
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
    // A fresh id per request, as AWS sends (SDKs log it, and retries tell by it).
    if let Ok(id) = HeaderValue::from_str(&crate::aws::id::request_id()) {
        r.headers_mut().insert("x-amzn-requestid", id);
    }
    r
}

fn dynamo_error(e: DynamoError) -> Response<Full<Bytes>> {
    let r = DynamoDb::error_reply(&e);
    reply(r.status, JSON_10, r.body)
}

/// Counts an AWS API call and adds the configured latency.
async fn aws_call(services: &Services) {
    services
        .requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if !services.latency.is_zero() {
        tokio::time::sleep(services.latency).await;
    }
}

fn not_served(method: &Method, path: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({
        "message": format!("no service of the emulator answers {method} {path}")
    });
    reply(404, "application/json", body.to_string().into_bytes())
}

async fn serve_request(
    services: Arc<Services>,
    route: Route,
    req: Request<Incoming>,
    peer: std::net::SocketAddr,
) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(match route {
        Route::DynamoDb { operation } => {
            aws_call(&services).await;
            dynamodb_request(services, operation, false, req).await
        }
        Route::Logs { operation } => {
            aws_call(&services).await;
            logs_request(services, &operation, req).await
        }
        Route::Lambda => {
            aws_call(&services).await;
            lambda_request(services, req).await
        }
        Route::DynamoDbStreams { operation } => {
            aws_call(&services).await;
            dynamodb_request(services, operation, true, req).await
        }
        Route::UnknownTarget { target } => {
            aws_call(&services).await;
            // Without a target there is nothing to name: AWS sends the type alone.
            let message = match target.as_str() {
                "" => String::new(),
                t => format!("Unknown operation: {t}"),
            };
            dynamo_error(DynamoError::new(ErrorKind::UnknownOperation, message))
        }
        Route::ApiDocs => {
            // Links on the page use the address the browser used.
            let host = req
                .headers()
                .get("host")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("127.0.0.1");
            super::apigateway::docs::serve(
                &services.apigateway,
                req.uri().path(),
                &format!("http://{host}"),
            )
        }
        Route::Status => {
            let body = serde_json::json!({
                "gatekit": env!("CARGO_PKG_VERSION"),
                "services": ["dynamodb", "dynamodbstreams", "lambda", "logs", "apigateway", "iam", "sts"],
                "requests": services.requests.load(std::sync::atomic::Ordering::Relaxed),
            });
            reply(200, "application/json", body.to_string().into_bytes())
        }
        Route::Query => {
            aws_call(&services).await;
            query_request(services, req).await
        }
        Route::ApiGatewayControl => {
            aws_call(&services).await;
            apigateway_request(services, req).await
        }
        Route::ApiGatewayData => api_request(services, req, peer).await,
    })
}

/// CloudWatch Logs (JSON 1.1), bodies up to 1 MB.
async fn logs_request(
    services: Arc<Services>,
    operation: &str,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    let region = sigv4::parse(
        req.headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
    )
    .ok()
    .map(|scope| scope.region);
    let body = match Limited::new(req.into_body(), 1024 * 1024).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            let body = serde_json::json!({ "__type": "SerializationException", "message": "" });
            return reply(
                413,
                "application/x-amz-json-1.1",
                body.to_string().into_bytes(),
            );
        }
    };
    let (status, out) = match serde_json::from_slice::<serde_json::Value>(&body) {
        Ok(json) => {
            super::lambda::logs::handle(&services.lambda, region.as_deref(), operation, &json)
        }
        Err(_) => super::lambda::logs::serialization_error(),
    };
    reply(
        status,
        "application/x-amz-json-1.1",
        out.to_string().into_bytes(),
    )
}

/// An API Gateway request's body, up to API Gateway's 10 MB (413 beyond).
async fn api_body(body: Incoming) -> Result<Bytes, Response<Full<Bytes>>> {
    match Limited::new(body, 10 * 1024 * 1024).collect().await {
        Ok(b) => Ok(b.to_bytes()),
        Err(_) => Err(reply(
            413,
            "application/json",
            br#"{"message":"Request Too Long"}"#.to_vec(),
        )),
    }
}

/// A deployed API's route (the data plane), bodies up to 10 MB as API Gateway's.
async fn api_request(
    services: Arc<Services>,
    req: Request<Incoming>,
    peer: std::net::SocketAddr,
) -> Response<Full<Bytes>> {
    let host = req
        .headers()
        .get("host")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let Some(target) = super::apigateway::data::target(host.as_deref(), req.uri().path()) else {
        return not_served(req.method(), req.uri().path());
    };
    let (parts, body) = req.into_parts();
    // The client's header case, from the raw head (hyper lowercases names).
    let target_form = parts.uri.to_string();
    let case = parts
        .extensions
        .get::<RawHead>()
        .map(|raw| raw.names(parts.method.as_str(), &target_form))
        .unwrap_or_default();
    let body = match api_body(body).await {
        Ok(b) => b,
        Err(too_long) => return too_long,
    };
    super::apigateway::data::serve(
        &services.apigateway,
        &services.lambda,
        &target,
        &super::apigateway::data::Request {
            verb: &parts.method,
            query: parts.uri.query(),
            headers: &parts.headers,
            case: &case,
            body,
            source_ip: &peer.ip().to_string(),
        },
    )
    .await
}

/// API Gateway's control plane (REST-JSON under `/restapis` and `/tags`), bodies up
/// to 10 MB; the region from the signature, else the default one.
async fn apigateway_request(
    services: Arc<Services>,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    let region = sigv4::parse(
        req.headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
    )
    .map(|s| s.region)
    .unwrap_or_else(|_| super::DEFAULT_REGION.to_string());
    let (parts, body) = req.into_parts();
    let body = match api_body(body).await {
        Ok(b) => b,
        Err(too_long) => return too_long,
    };
    // Every Accept value: an SDK may send its default beside the one asked for.
    let accept: Vec<&str> = parts
        .headers
        .get_all("accept")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let accept = accept.join(",");
    let accept = (!accept.is_empty()).then_some(accept.as_str());
    let mut r = super::apigateway::handle(
        &services.apigateway,
        &region,
        &parts.method,
        parts.uri.path(),
        parts.uri.query(),
        accept,
        &body,
    )
    .await;
    if let Ok(id) = HeaderValue::from_str(&crate::aws::id::request_id()) {
        r.headers_mut().insert("x-amzn-requestid", id);
    }
    r
}

/// The query protocol (form-encoded `POST /`): IAM, and STS's GetCallerIdentity,
/// told apart by the signature's service. Bodies up to 1 MB.
async fn query_request(services: Arc<Services>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let service = sigv4::parse(
        req.headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
    )
    .map(|s| s.service)
    .unwrap_or_default();
    let body = match Limited::new(req.into_body(), 1024 * 1024).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return reply(413, "text/xml", Vec::new()),
    };
    let (status, xml) = match service.as_str() {
        "sts" => super::iam::caller_identity(&body),
        _ => super::iam::handle(&services.iam, &body).await,
    };
    reply(status, "text/xml", xml.into_bytes())
}

/// A call signed with a function's credentials is checked against its role's
/// policies when the emulator has that role (a role made elsewhere, named by ARN
/// in gatekit.yaml, leaves the function unrestricted). Any other caller is not
/// checked.
fn authorize(
    services: &Services,
    scope: &sigv4::Scope,
    operation: &str,
    body: &[u8],
) -> Option<DynamoError> {
    use super::iam::policy::{Decision, evaluate};
    let principal = services.lambda.principal(&scope.access_key)?;
    let policies = services.iam.policies_of(&principal.role_arn)?;
    let request: serde_json::Value = serde_json::from_slice(body).ok()?;
    let role = principal.role_arn.rsplit('/').next().unwrap_or_default();
    for (action, resource) in
        super::dynamodb::actions::requested(operation, &request, &scope.region)
    {
        let why = match evaluate(&policies, &action, &resource) {
            Decision::Allow => continue,
            Decision::ExplicitDeny => {
                "with an explicit deny in an identity-based policy".to_string()
            }
            Decision::ImplicitDeny => {
                format!("because no identity-based policy allows the {action} action")
            }
        };
        return Some(DynamoError::new(
            ErrorKind::AccessDenied,
            format!(
                "User: arn:aws:sts::{}:assumed-role/{role}/{} is not authorized to perform: {action} on resource: {resource} {why}",
                crate::aws::arn::LOCAL_ACCOUNT,
                principal.function
            ),
        ));
    }
    None
}

/// DynamoDB (JSON 1.0): SigV4 required, bodies up to 16 MB.
/// DynamoDB, or DynamoDB Streams (`streams`): SigV4 required, bodies up to 16 MB.
async fn dynamodb_request(
    services: Arc<Services>,
    operation: String,
    streams: bool,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok());
    let scope = match sigv4::parse(auth) {
        Ok(s) => s,
        Err(AuthError::Missing) => {
            return dynamo_error(DynamoError::new(
                ErrorKind::MissingAuthenticationToken,
                "Request is missing Authentication Token",
            ));
        }
        Err(AuthError::Malformed(m)) => {
            return dynamo_error(DynamoError::new(ErrorKind::IncompleteSignature, m));
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
        return dynamo_error(too_large());
    }
    let body = match Limited::new(req.into_body(), MAX_REQUEST_BYTES)
        .collect()
        .await
    {
        Ok(b) => b.to_bytes(),
        Err(_) => return dynamo_error(too_large()),
    };
    if let Some(denied) = authorize(&services, &scope, &operation, &body) {
        return dynamo_error(denied);
    }
    let r = if streams {
        services
            .dynamodb
            .handle_streams(&operation, &scope.region, &body)
    } else {
        services
            .dynamodb
            .handle(&operation, &scope.region, &host, &body)
            .await
    };
    reply(r.status, JSON_10, r.body)
}

/// Lambda's API: SigV4 required, bodies up to 70 MB (a 50 MB zip in base64).
async fn lambda_request(services: Arc<Services>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok());
    // Any credentials are accepted, and so are unsigned calls (as tools that invoke
    // local functions send them); a malformed signature is refused.
    let region = match sigv4::parse(auth) {
        Ok(scope) => Some(scope.region),
        Err(AuthError::Missing) => None,
        Err(AuthError::Malformed(message)) => {
            return LambdaError::new(LambdaErrorKind::IncompleteSignature, message).reply();
        }
    };
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, 70 * 1024 * 1024).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return LambdaError::new(
                LambdaErrorKind::RequestTooLarge,
                "Request must be smaller than 70167211 bytes",
            )
            .reply();
        }
    };
    let mut r = super::lambda::handle(
        &services.lambda,
        region.as_deref(),
        &parts.method,
        parts.uri.path(),
        parts.uri.query(),
        &parts.headers,
        body,
    )
    .await
    .unwrap_or_else(|e| e.reply());
    // An invocation carries its own id; every other answer gets a fresh one.
    if !r.headers().contains_key("x-amzn-requestid")
        && let Ok(id) = HeaderValue::from_str(&crate::aws::id::request_id())
    {
        r.headers_mut().insert("x-amzn-requestid", id);
    }
    r
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
                let Ok((stream, peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let services = services.clone();
                let mut conn_stop = stop.clone();
                tokio::spawn(async move {
                    let case = Arc::new(ConnCase::default());
                    let io = TokioIo::new(CaseIo::new(stream, case.clone()));
                    let service = service_fn(move |mut req: Request<Incoming>| {
                        let (services, case) = (services.clone(), case.clone());
                        let route = router::route(req.method(), req.uri().path(), req.headers());
                        // Only an API's route needs the raw head (the client's header case).
                        if route == Route::ApiGatewayData {
                            req.extensions_mut().insert(case.take_read());
                        } else {
                            case.clear_read();
                        }
                        async move {
                            let mut reply = serve_request(services, route, req, peer).await?;
                            if let Some(names) = reply.extensions_mut().remove::<OriginalCase>() {
                                case.set_out(names);
                            }
                            Ok::<_, Infallible>(reply)
                        }
                    });
                    let conn = http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(io, service);
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
