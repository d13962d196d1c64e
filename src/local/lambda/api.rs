//! The Lambda API's routes and shapes: functions, code, configuration, invoke,
//! concurrency, tags, policies, account settings. Errors carry Lambda's codes
//! (x-amzn-ErrorType) and statuses so SDKs raise their usual exceptions.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderValue;
use hyper::{HeaderMap, Method, Response, StatusCode};
use serde_json::{Value as Json, json};

use super::pool::{Invocation, Outcome, Refused};
use super::{Config, Function, Lambda, code_sha256, unzip};
use crate::aws::clock;

type Reply = Response<Full<Bytes>>;

/// Synchronous invocation payloads are capped at 6 MB, as Lambda's are.
pub const MAX_SYNC_PAYLOAD: usize = 6 * 1024 * 1024;
/// Functions without reserved concurrency may run this many instances locally
/// (AWS's default account limit is 1,000; a laptop is smaller).
const LOCAL_CONCURRENCY: u64 = 100;

struct Error {
    status: u16,
    code: &'static str,
    message: String,
}

fn err(status: u16, code: &'static str, message: impl Into<String>) -> Error {
    Error {
        status,
        code,
        message: message.into(),
    }
}

fn invalid(message: impl Into<String>) -> Error {
    err(400, "InvalidParameterValueException", message)
}

fn not_found(name: &str, arn: &str) -> Error {
    let _ = name;
    err(
        404,
        "ResourceNotFoundException",
        format!("Function not found: {arn}"),
    )
}

fn json_reply(status: u16, body: &Json) -> Reply {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

fn error_reply(e: Error) -> Reply {
    let mut r = json_reply(e.status, &json!({ "Type": "User", "message": e.message }));
    if let Ok(v) = HeaderValue::from_str(e.code) {
        r.headers_mut().insert("x-amzn-errortype", v);
    }
    r
}

fn empty(status: u16) -> Reply {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A function name from a path: a name, a partial or a full ARN.
fn function_name(segment: &str) -> String {
    let s = decode(segment);
    match s.split_once(":function:") {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest).to_string(),
        None => s,
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn configuration(l: &Lambda, c: &Config) -> Json {
    let mut v = json!({
        "FunctionName": c.name,
        "FunctionArn": l.arn(&c.name),
        "Runtime": c.runtime,
        "Role": c.role,
        "Handler": c.handler,
        "CodeSize": c.code_size,
        "Description": c.description,
        "Timeout": c.timeout,
        "MemorySize": c.memory,
        "LastModified": c.last_modified,
        "CodeSha256": c.code_sha256,
        "Version": "$LATEST",
        "State": "Active",
        "LastUpdateStatus": "Successful",
        "PackageType": "Zip",
        "Architectures": ["x86_64"],
        "EphemeralStorage": { "Size": 512 },
        "TracingConfig": { "Mode": "PassThrough" },
        "RevisionId": format!("{:08x}-0000-4000-8000-{:012x}", c.revision, c.revision),
    });
    if !c.environment.is_empty() {
        v["Environment"] = json!({ "Variables": c.environment });
    }
    v
}

fn runtime_supported(r: &str) -> bool {
    crate::aws::runtime::lookup(r)
        .is_some_and(|x| x.support != crate::aws::runtime::Support::Retired)
}

fn zip_of(body: &Json) -> Result<Vec<u8>, Error> {
    let text = body
        .get("ZipFile")
        .and_then(Json::as_str)
        .ok_or_else(|| invalid("Please provide a source for function code."))?;
    B64.decode(text)
        .map_err(|_| invalid("Could not decode the ZipFile: it is not base64"))
}

fn apply_settings(c: &mut Config, body: &Json) -> Result<(), Error> {
    if let Some(t) = body.get("Timeout").and_then(Json::as_u64) {
        if !(1..=900).contains(&t) {
            return Err(invalid(format!(
                "1 validation error detected: Value '{t}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"
            )));
        }
        c.timeout = t;
    }
    if let Some(m) = body.get("MemorySize").and_then(Json::as_u64) {
        if !(128..=10240).contains(&m) {
            return Err(invalid(format!(
                "1 validation error detected: Value '{m}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240"
            )));
        }
        c.memory = m;
    }
    if let Some(r) = body.get("Runtime").and_then(Json::as_str) {
        if !runtime_supported(r) {
            return Err(invalid(format!(
                "Value {r} at 'runtime' failed to satisfy constraint: the runtime is not supported"
            )));
        }
        c.runtime = r.to_string();
    }
    if let Some(h) = body.get("Handler").and_then(Json::as_str) {
        c.handler = h.to_string();
    }
    if let Some(r) = body.get("Role").and_then(Json::as_str) {
        c.role = r.to_string();
    }
    if let Some(d) = body.get("Description").and_then(Json::as_str) {
        c.description = d.to_string();
    }
    if let Some(vars) = body
        .get("Environment")
        .and_then(|e| e.get("Variables"))
        .and_then(Json::as_object)
    {
        c.environment = vars
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect();
        let size: usize = c.environment.iter().map(|(k, v)| k.len() + v.len()).sum();
        if size > 4096 {
            return Err(invalid(
                "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.",
            ));
        }
    }
    Ok(())
}

async fn create(l: &Arc<Lambda>, body: &Json) -> Result<Reply, Error> {
    let name = body
        .get("FunctionName")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    if !valid_name(&name) {
        return Err(invalid(format!(
            "1 validation error detected: Value '{name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern"
        )));
    }
    let runtime = body
        .get("Runtime")
        .and_then(Json::as_str)
        .unwrap_or_default();
    if !runtime_supported(runtime) {
        return Err(invalid(format!(
            "The runtime parameter of {runtime} is no longer supported for creating or updating AWS Lambda functions, or is unknown."
        )));
    }
    let zip = zip_of(body.get("Code").unwrap_or(&Json::Null))?;
    let mut config = Config {
        name: name.clone(),
        runtime: runtime.to_string(),
        handler: String::new(),
        role: String::new(),
        description: String::new(),
        timeout: 3,
        memory: 128,
        environment: Default::default(),
        code_sha256: code_sha256(&zip),
        code_size: zip.len() as u64,
        last_modified: clock::lambda_timestamp(clock::unix_millis()),
        revision: 1,
        tags: body
            .get("Tags")
            .and_then(Json::as_object)
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        reserved_concurrency: None,
        policy: Vec::new(),
    };
    apply_settings(&mut config, body)?;
    let dir = l.root.join(&name);
    let mut functions = l
        .functions
        .write()
        .map_err(|_| err(500, "ServiceException", "lock poisoned"))?;
    if functions.contains_key(&name) {
        return Err(err(
            409,
            "ResourceConflictException",
            format!("Function already exist: {name}"),
        ));
    }
    unzip(&zip, &dir.join("code")).map_err(invalid)?;
    Lambda::save(&dir, &config).map_err(|e| err(500, "ServiceException", e.to_string()))?;
    let _ = std::fs::write(dir.join("code.zip"), &zip);
    let out = configuration(l, &config);
    functions.insert(
        name,
        Arc::new(Function {
            config: RwLock::new(config),
            pool: Default::default(),
            dir,
        }),
    );
    Ok(json_reply(201, &out))
}

fn function(l: &Lambda, name: &str) -> Result<Arc<Function>, Error> {
    l.get(name).ok_or_else(|| not_found(name, &l.arn(name)))
}

fn read(f: &Function) -> Config {
    f.config
        .read()
        .map(|c| c.clone())
        .unwrap_or_else(|p| p.into_inner().clone())
}

fn update(
    f: &Function,
    change: impl FnOnce(&mut Config) -> Result<(), Error>,
) -> Result<Config, Error> {
    let mut c = f
        .config
        .write()
        .map_err(|_| err(500, "ServiceException", "lock poisoned"))?;
    change(&mut c)?;
    c.revision += 1;
    c.last_modified = clock::lambda_timestamp(clock::unix_millis());
    Lambda::save(&f.dir, &c).map_err(|e| err(500, "ServiceException", e.to_string()))?;
    Ok(c.clone())
}

fn request_id() -> String {
    let n = clock::unix_nanos();
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (n >> 64) as u32 ^ n as u32,
        (n >> 16) as u16,
        (n >> 4) as u16 & 0xfff,
        (n >> 8) as u16 & 0xfff,
        n as u64 & 0xffff_ffff_ffff
    )
}

async fn invoke(
    l: &Arc<Lambda>,
    name: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<Reply, Error> {
    let f = function(l, name)?;
    let kind = headers
        .get("x-amz-invocation-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("RequestResponse")
        .to_string();
    let tail = headers.get("x-amz-log-type").and_then(|v| v.to_str().ok()) == Some("Tail");
    if body.len() > MAX_SYNC_PAYLOAD {
        return Err(err(
            413,
            "RequestEntityTooLargeException",
            format!(
                "Request must be smaller than {MAX_SYNC_PAYLOAD} bytes for the InvokeFunction operation"
            ),
        ));
    }
    if !body.is_empty() && serde_json::from_slice::<Json>(&body).is_err() {
        return Err(err(
            400,
            "InvalidRequestContentException",
            "Could not parse request body into json: the payload is not valid JSON",
        ));
    }
    match kind.as_str() {
        "DryRun" => return Ok(empty(204)),
        "RequestResponse" | "Event" => {}
        other => {
            return Err(invalid(format!(
                "1 validation error detected: Value '{other}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]"
            )));
        }
    }
    let client_context = headers
        .get("x-amz-client-context")
        .and_then(|v| v.to_str().ok())
        .and_then(|b| B64.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let config = read(&f);
    let launch = l
        .launch(&f, &config)
        .map_err(|e| err(500, "ServiceException", e))?;
    let limit = config.reserved_concurrency.unwrap_or(LOCAL_CONCURRENCY) as usize;
    if limit == 0 {
        return Err(err(429, "TooManyRequestsException", "Rate Exceeded."));
    }
    let id = request_id();
    let timeout = Duration::from_secs(config.timeout);
    let deadline_ms = clock::unix_millis() + config.timeout * 1000;
    let payload = if body.is_empty() {
        Bytes::from_static(b"{}")
    } else {
        body
    };
    let inv = Invocation {
        request_id: id.clone(),
        payload,
        deadline_ms,
        function_arn: l.arn(&config.name),
        client_context,
    };
    if kind == "Event" {
        let (l, f) = (l.clone(), f.clone());
        l.pending_events
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        tokio::spawn(async move {
            // Counted until it ends, however it ends: an emulator stops after them.
            struct Done(Arc<Lambda>);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0
                        .pending_events
                        .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                }
            }
            let _done = Done(l.clone());
            // Asynchronous invocations wait for a free instance instead of failing.
            let mut inv = Some(inv);
            for _ in 0..600 {
                let Some(i) = inv.take() else { return };
                let retry = Invocation {
                    request_id: i.request_id.clone(),
                    payload: i.payload.clone(),
                    deadline_ms: i.deadline_ms,
                    function_arn: i.function_arn.clone(),
                    client_context: i.client_context.clone(),
                };
                match f.pool.invoke(&launch, limit, i, timeout).await {
                    Ok(run) => {
                        record(&l, &f, &config, &retry.request_id, &run);
                        return;
                    }
                    Err(Refused::TooManyRequests) => {
                        inv = Some(retry);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    Err(Refused::Spawn(_)) => return,
                }
            }
        });
        let mut r = empty(202);
        r.headers_mut().insert(
            "x-amzn-requestid",
            HeaderValue::from_str(&id).unwrap_or(HeaderValue::from_static("")),
        );
        return Ok(r);
    }
    let run = match f.pool.invoke(&launch, limit, inv, timeout).await {
        Ok(run) => run,
        Err(Refused::TooManyRequests) => {
            return Err(err(429, "TooManyRequestsException", "Rate Exceeded."));
        }
        Err(Refused::Spawn(e)) => {
            return Err(err(
                502,
                "ServiceException",
                format!(
                    "{e}; install the runtime, or set targets.local.{} in gatekit.yaml",
                    if config.runtime.starts_with("python") {
                        "python"
                    } else {
                        "node"
                    }
                ),
            ));
        }
    };
    let text = record(l, &f, &config, &id, &run);
    let (status, function_error, payload) = match run.outcome {
        Outcome::Ok(p) => (200, None, p),
        Outcome::HandlerError(p) => (200, Some("Unhandled"), p),
        Outcome::InstanceError(p) => (200, Some("Unhandled"), p),
    };
    if payload.len() > MAX_SYNC_PAYLOAD {
        let mut r = json_reply(
            200,
            &json!({ "errorMessage": format!("Response payload size ({} bytes) exceeded maximum allowed payload size ({MAX_SYNC_PAYLOAD} bytes).", payload.len()), "errorType": "Function.ResponseSizeTooLarge" }),
        );
        r.headers_mut().insert(
            "x-amz-function-error",
            HeaderValue::from_static("Unhandled"),
        );
        return Ok(r);
    }
    let mut r = Response::new(Full::new(payload));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let h = r.headers_mut();
    h.insert("content-type", HeaderValue::from_static("application/json"));
    h.insert(
        "x-amz-executed-version",
        HeaderValue::from_static("$LATEST"),
    );
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-amzn-requestid", v);
    }
    if let Some(e) = function_error {
        h.insert("x-amz-function-error", HeaderValue::from_static(e));
    }
    if tail {
        let bytes = text.as_bytes();
        let last = &bytes[bytes.len().saturating_sub(4096)..];
        if let Ok(v) = HeaderValue::from_str(&B64.encode(last)) {
            h.insert("x-amz-log-result", v);
        }
    }
    Ok(r)
}

/// The invocation's log with Lambda's START, END and REPORT lines, appended to the
/// function's log file (kept under 10 MB).
fn record(l: &Lambda, f: &Function, config: &Config, id: &str, run: &super::pool::Run) -> String {
    let _ = l;
    let ms = run.duration.as_secs_f64() * 1000.0;
    let mut text = format!(
        "START RequestId: {id} Version: $LATEST\n{}END RequestId: {id}\n",
        run.logs
    );
    text.push_str(&format!(
        "REPORT RequestId: {id}\tDuration: {ms:.2} ms\tBilled Duration: {} ms\tMemory Size: {} MB\tMax Memory Used: {} MB",
        ms.ceil() as u64,
        config.memory,
        run.max_memory_mb
    ));
    if let Some(init) = run.init {
        text.push_str(&format!(
            "\tInit Duration: {:.2} ms",
            init.as_secs_f64() * 1000.0
        ));
    }
    text.push('\n');
    super::logs::append(&f.dir, &text);
    text
}

pub async fn handle(
    l: &Arc<Lambda>,
    method: &Method,
    path: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Bytes,
) -> Reply {
    match route(l, method, path, query, headers, body).await {
        Ok(r) => r,
        Err(e) => error_reply(e),
    }
}

async fn route(
    l: &Arc<Lambda>,
    method: &Method,
    path: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<Reply, Error> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    let json_body = || -> Result<Json, Error> {
        if body.is_empty() {
            return Ok(json!({}));
        }
        serde_json::from_slice(&body)
            .map_err(|e| invalid(format!("Could not parse request body into json: {e}")))
    };
    match (method, parts.as_slice()) {
        (&Method::GET, ["2015-03-31", "functions"]) => {
            let functions = l
                .functions
                .read()
                .map_err(|_| err(500, "ServiceException", "lock"))?;
            let marker = query
                .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("Marker=")))
                .map(decode);
            let max = query
                .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("MaxItems=")))
                .and_then(|m| m.parse::<usize>().ok())
                .unwrap_or(50);
            let all: Vec<&Arc<Function>> = functions
                .values()
                .filter(|f| marker.as_ref().is_none_or(|m| read(f).name > *m))
                .collect();
            let page: Vec<Json> = all
                .iter()
                .take(max)
                .map(|f| configuration(l, &read(f)))
                .collect();
            let mut out = json!({ "Functions": page });
            if all.len() > max {
                out["NextMarker"] = json!(read(all[max - 1]).name);
            }
            Ok(json_reply(200, &out))
        }
        (&Method::POST, ["2015-03-31", "functions"]) => create(l, &json_body()?).await,
        (&Method::GET, ["2015-03-31", "functions", name]) => {
            let f = function(l, &function_name(name))?;
            let c = read(&f);
            Ok(json_reply(
                200,
                &json!({
                    "Configuration": configuration(l, &c),
                    "Code": { "RepositoryType": "S3", "Location": format!("file://{}", f.dir.join("code.zip").display()) },
                    "Tags": c.tags,
                    "Concurrency": c.reserved_concurrency.map(|r| json!({ "ReservedConcurrentExecutions": r })),
                }),
            ))
        }
        (&Method::DELETE, ["2015-03-31", "functions", name]) => {
            let name = function_name(name);
            let f = l
                .functions
                .write()
                .map_err(|_| err(500, "ServiceException", "lock"))?
                .remove(&name)
                .ok_or_else(|| not_found(&name, &l.arn(&name)))?;
            f.pool.drain();
            let _ = std::fs::remove_dir_all(&f.dir);
            Ok(empty(204))
        }
        (&Method::GET, ["2015-03-31", "functions", name, "configuration"]) => {
            let f = function(l, &function_name(name))?;
            Ok(json_reply(200, &configuration(l, &read(&f))))
        }
        (&Method::PUT, ["2015-03-31", "functions", name, "configuration"]) => {
            let f = function(l, &function_name(name))?;
            let body = json_body()?;
            let c = update(&f, |c| apply_settings(c, &body))?;
            f.pool.drain();
            Ok(json_reply(200, &configuration(l, &c)))
        }
        (&Method::PUT, ["2015-03-31", "functions", name, "code"]) => {
            let f = function(l, &function_name(name))?;
            let zip = zip_of(&json_body()?)?;
            unzip(&zip, &f.dir.join("code")).map_err(invalid)?;
            let _ = std::fs::write(f.dir.join("code.zip"), &zip);
            let c = update(&f, |c| {
                c.code_sha256 = code_sha256(&zip);
                c.code_size = zip.len() as u64;
                Ok(())
            })?;
            f.pool.drain();
            Ok(json_reply(200, &configuration(l, &c)))
        }
        (&Method::POST, ["2015-03-31", "functions", name, "invocations"]) => {
            invoke(l, &function_name(name), headers, body).await
        }
        (&Method::PUT, ["2017-10-31", "functions", name, "concurrency"]) => {
            let f = function(l, &function_name(name))?;
            let n = json_body()?
                .get("ReservedConcurrentExecutions")
                .and_then(Json::as_u64)
                .ok_or_else(|| invalid("ReservedConcurrentExecutions is required"))?;
            update(&f, |c| {
                c.reserved_concurrency = Some(n);
                Ok(())
            })?;
            Ok(json_reply(
                200,
                &json!({ "ReservedConcurrentExecutions": n }),
            ))
        }
        (&Method::GET, [_, "functions", name, "concurrency"]) => {
            let f = function(l, &function_name(name))?;
            Ok(json_reply(
                200,
                &match read(&f).reserved_concurrency {
                    Some(n) => json!({ "ReservedConcurrentExecutions": n }),
                    None => json!({}),
                },
            ))
        }
        (&Method::DELETE, ["2017-10-31", "functions", name, "concurrency"]) => {
            let f = function(l, &function_name(name))?;
            update(&f, |c| {
                c.reserved_concurrency = None;
                Ok(())
            })?;
            Ok(empty(204))
        }
        (&Method::POST, ["2015-03-31", "functions", name, "policy"]) => {
            let f = function(l, &function_name(name))?;
            let body = json_body()?;
            let sid = body
                .get("StatementId")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string();
            if read(&f).policy.iter().any(|s| s["Sid"] == sid) {
                return Err(err(
                    409,
                    "ResourceConflictException",
                    format!(
                        "The statement id ({sid}) provided already exists. Please provide a new statement id, or remove the existing statement."
                    ),
                ));
            }
            let mut statement = json!({
                "Sid": sid,
                "Effect": "Allow",
                "Principal": { "Service": body.get("Principal") },
                "Action": body.get("Action"),
                "Resource": l.arn(&read(&f).name),
            });
            if let Some(src) = body.get("SourceArn") {
                statement["Condition"] = json!({ "ArnLike": { "AWS:SourceArn": src } });
            }
            let st = statement.clone();
            update(&f, |c| {
                c.policy.push(st);
                Ok(())
            })?;
            Ok(json_reply(
                201,
                &json!({ "Statement": statement.to_string() }),
            ))
        }
        (&Method::GET, ["2015-03-31", "functions", name, "policy"]) => {
            let f = function(l, &function_name(name))?;
            let c = read(&f);
            if c.policy.is_empty() {
                return Err(err(
                    404,
                    "ResourceNotFoundException",
                    "The resource you requested does not exist.",
                ));
            }
            let policy = json!({ "Version": "2012-10-17", "Id": "default", "Statement": c.policy });
            Ok(json_reply(
                200,
                &json!({ "Policy": policy.to_string(), "RevisionId": format!("{:08x}", c.revision) }),
            ))
        }
        (&Method::DELETE, ["2015-03-31", "functions", name, "policy", sid]) => {
            let f = function(l, &function_name(name))?;
            let sid = decode(sid);
            if !read(&f).policy.iter().any(|s| s["Sid"] == sid) {
                return Err(err(
                    404,
                    "ResourceNotFoundException",
                    format!("Statement {sid} is not found in resource policy."),
                ));
            }
            update(&f, |c| {
                c.policy.retain(|s| s["Sid"] != sid);
                Ok(())
            })?;
            Ok(empty(204))
        }
        (_, ["2017-03-31", "tags", arn]) => {
            let name = function_name(arn);
            let f = function(l, &name)?;
            match *method {
                Method::GET => Ok(json_reply(200, &json!({ "Tags": read(&f).tags }))),
                Method::POST => {
                    let tags = json_body()?
                        .get("Tags")
                        .and_then(Json::as_object)
                        .cloned()
                        .unwrap_or_default();
                    update(&f, |c| {
                        c.tags.extend(
                            tags.iter().map(|(k, v)| {
                                (k.clone(), v.as_str().unwrap_or_default().to_string())
                            }),
                        );
                        Ok(())
                    })?;
                    Ok(empty(204))
                }
                Method::DELETE => {
                    let keys: Vec<String> = query
                        .unwrap_or_default()
                        .split('&')
                        .filter_map(|p| p.strip_prefix("tagKeys="))
                        .map(decode)
                        .collect();
                    update(&f, |c| {
                        c.tags.retain(|k, _| !keys.contains(k));
                        Ok(())
                    })?;
                    Ok(empty(204))
                }
                _ => Err(err(
                    405,
                    "InvalidRequestContentException",
                    "method not allowed",
                )),
            }
        }
        (&Method::GET, ["2016-08-19", "account-settings"]) => {
            let count = l.functions.read().map(|f| f.len()).unwrap_or(0);
            Ok(json_reply(
                200,
                &json!({
                    "AccountLimit": { "TotalCodeSize": 80530636800u64, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800, "ConcurrentExecutions": 1000, "UnreservedConcurrentExecutions": 1000 },
                    "AccountUsage": { "TotalCodeSize": 0, "FunctionCount": count },
                }),
            ))
        }
        _ => Err(err(
            404,
            "ResourceNotFoundException",
            format!("No Lambda operation answers {method} {path}"),
        )),
    }
}
