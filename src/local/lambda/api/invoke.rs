//! Invoke: synchronous (RequestResponse), asynchronous (Event) and DryRun, with
//! Lambda's payload caps, function errors and log tails.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::HeaderValue;
use hyper::{HeaderMap, Response, StatusCode};

use super::error::{ErrorKind, LambdaError};
use super::{HttpReply, empty, function, read};
use crate::aws::clock;
use crate::local::lambda::pool::{Invocation, InvocationResult, Refused, Run};
use crate::local::lambda::{Function, FunctionConfig, Lambda};

/// Synchronous invocation payloads are capped at 6 MB, as Lambda's are.
pub const MAX_SYNC_PAYLOAD: usize = 6 * 1024 * 1024;

pub(super) async fn invoke(
    l: &Arc<Lambda>,
    region: &str,
    name: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<HttpReply, LambdaError> {
    // The request's own members first (ValidationException), then the function.
    let kind = headers
        .get("x-amz-invocation-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "RequestResponse".into());
    if !matches!(kind.as_str(), "RequestResponse" | "Event" | "DryRun") {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{kind}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]"
            ),
        ));
    }
    let log_type = headers
        .get("x-amz-log-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Some(other) = log_type
        .as_deref()
        .filter(|t| !matches!(*t, "None" | "Tail"))
    {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{other}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]"
            ),
        ));
    }
    let tail = log_type.as_deref() == Some("Tail");
    let f = function(l, region, name)?;
    if body.len() > MAX_SYNC_PAYLOAD {
        return Err(LambdaError::new(
            ErrorKind::RequestTooLarge,
            format!(
                "Request must be smaller than {MAX_SYNC_PAYLOAD} bytes for the InvokeFunction operation"
            ),
        ));
    }
    // Checked, not built: the payload goes to the function as it came.
    if !body.is_empty() && serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_err() {
        return Err(LambdaError::new(
            ErrorKind::InvalidRequestContent,
            "Could not parse request body into json: the payload is not valid JSON",
        ));
    }
    if kind == "DryRun" {
        return Ok(empty(204));
    }
    let client_context = headers
        .get("x-amz-client-context")
        .and_then(|v| v.to_str().ok())
        .and_then(|b| B64.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let config = read(&f);
    // How to start an instance, worked out only when no warm one is free.
    let launch = {
        let (l, f, config) = (l.clone(), f.clone(), config.clone());
        move || l.launch(&f, &config)
    };
    let id = crate::aws::id::request_id();
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
        function_arn: Lambda::arn(&config.region, &config.name),
        client_context,
    };
    if kind == "Event" {
        // Kept in the store before 202 is answered: no accepted event is lost.
        let now = clock::unix_millis();
        crate::local::lambda::queue::enqueue(
            l,
            crate::local::lambda::queue::QueuedEvent {
                id: id.clone(),
                region: config.region.clone(),
                function: config.name.clone(),
                payload: String::from_utf8_lossy(&inv.payload).into_owned(),
                client_context: inv.client_context.clone(),
                received_ms: now,
                attempts: 0,
                next_ms: now,
            },
        )
        .await
        .map_err(LambdaError::storage)?;
        let mut r = empty(202);
        r.headers_mut().insert(
            "x-amzn-requestid",
            HeaderValue::from_str(&id).unwrap_or(HeaderValue::from_static("")),
        );
        return Ok(r);
    }
    let slot = l
        .execution_slot(&f, &config)
        .map_err(LambdaError::throttled)?;
    let run = match f.pool.invoke(&launch, slot.cap, inv, timeout).await {
        Ok(run) => run,
        Err(Refused::TooManyRequests) => {
            return Err(LambdaError::throttled("ConcurrentInvocationLimitExceeded"));
        }
        Err(Refused::Spawn(e)) => {
            return Err(LambdaError::new(
                ErrorKind::InvalidRuntime,
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
    let text = record_run(&f, &config, &id, &run);
    let (status, function_error, payload) = match run.outcome {
        InvocationResult::Ok(p) => (200, None, p),
        InvocationResult::HandlerError(p) => (200, Some("Unhandled"), p),
        InvocationResult::InstanceError(p) => (200, Some("Unhandled"), p),
    };
    // A runtime's answer over Lambda's cap came as Function.ResponseSizeTooLarge.
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

/// Runs `payload` once on `f` for the service itself (an event source mapping's
/// batch), as a synchronous invocation: the same cap on concurrency, the same log.
pub(crate) async fn for_service(
    l: &Arc<Lambda>,
    f: &Arc<Function>,
    payload: Bytes,
) -> Result<Run, Refused> {
    let config = read(f);
    let slot = l
        .execution_slot(f, &config)
        .map_err(|_| Refused::TooManyRequests)?;
    let launch = {
        let (l, f, config) = (l.clone(), f.clone(), config.clone());
        move || l.launch(&f, &config)
    };
    let id = crate::aws::id::request_id();
    let inv = Invocation {
        request_id: id.clone(),
        payload,
        deadline_ms: clock::unix_millis() + config.timeout * 1000,
        function_arn: Lambda::arn(&config.region, &config.name),
        client_context: None,
    };
    let run = f
        .pool
        .invoke(&launch, slot.cap, inv, Duration::from_secs(config.timeout))
        .await?;
    record_run(f, &config, &id, &run);
    Ok(run)
}

/// The invocation's log with Lambda's START, END and REPORT lines, appended to the
/// function's log file (kept under 10 MB).
pub(crate) fn record_run(f: &Function, config: &FunctionConfig, id: &str, run: &Run) -> String {
    let ms = run.duration.as_secs_f64() * 1000.0;
    let mut text = format!(
        "START RequestId: {id} Version: $LATEST\n{}END RequestId: {id}\n",
        run.logs
    );
    // An instance's failure (a timeout, a crash) is a line of the log, as Lambda
    // writes it before the REPORT line.
    if let InvocationResult::InstanceError(body) = &run.outcome
        && let Some(message) = serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v["errorMessage"].as_str().map(String::from))
    {
        text.push_str(&format!(
            "{} {id} {message}\n",
            clock::iso8601(clock::unix_millis())
        ));
    }
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
    f.log.append(&f.dir, &text);
    text
}
