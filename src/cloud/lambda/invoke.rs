//! Invoking a function through the Invoke API, and reading what it said.

use aws_sdk_lambda::Client;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{InvocationType, LogType};
use base64::Engine;

use crate::cloud::CloudError;

/// What one invocation returned.
#[derive(Debug, Clone)]
pub struct Invoked {
    pub status_code: i32,
    /// `Unhandled` (or `Handled`) when the function failed.
    pub function_error: Option<String>,
    pub payload: Vec<u8>,
    /// The tail of the invocation's log (LogType Tail), decoded.
    pub log_tail: Option<String>,
    /// The request id (what an asynchronous invocation is known by).
    pub request_id: Option<String>,
}

/// Invokes `name` with `payload`: synchronously (with the log's tail when `logs`),
/// or as an event (`asynchronous`: Lambda answers 202 and runs it later).
pub async fn invoke(
    client: &Client,
    name: &str,
    payload: Vec<u8>,
    asynchronous: bool,
    logs: bool,
) -> Result<Invoked, CloudError> {
    use aws_sdk_lambda::operation::RequestId;
    let out = client
        .invoke()
        .function_name(name)
        .payload(Blob::new(payload))
        .invocation_type(if asynchronous {
            InvocationType::Event
        } else {
            InvocationType::RequestResponse
        })
        .log_type(if logs && !asynchronous {
            LogType::Tail
        } else {
            LogType::None
        })
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("Invoke", name, e))?;
    let log_tail = out.log_result().and_then(|b64| {
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    });
    Ok(Invoked {
        status_code: out.status_code(),
        function_error: out.function_error().map(String::from),
        payload: out
            .payload()
            .map(|p| p.as_ref().to_vec())
            .unwrap_or_default(),
        log_tail,
        request_id: out.request_id().map(String::from),
    })
}

/// How many times Lambda retries a failed asynchronous invocation of `name`: its
/// event invoke config's MaximumRetryAttempts, else Lambda's default of 2.
pub async fn event_retries(client: &Client, name: &str) -> Result<u32, CloudError> {
    let sent = client
        .get_function_event_invoke_config()
        .function_name(name)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("GetFunctionEventInvokeConfig", name, e));
    Ok(crate::cloud::or_absent(sent)?
        .and_then(|out| out.maximum_retry_attempts())
        .unwrap_or(2)
        .max(0) as u32)
}

/// The attempts of request `id` in a function's log, in order: whether each failed.
/// An attempt runs from its START line to its REPORT line; it failed when a line
/// between says so (`[ERROR]` from the runtime, a timeout, an exit).
pub fn attempts(lines: &[super::logs::LogLine], id: &str) -> Vec<bool> {
    let start = format!("START RequestId: {id}");
    let report = format!("REPORT RequestId: {id}");
    let mut out = Vec::new();
    let mut open: Option<bool> = None;
    for l in lines {
        let m = l.message.as_str();
        if m.starts_with(&start) {
            open = Some(false);
        } else if m.starts_with(&report) {
            if let Some(failed) = open.take() {
                out.push(failed);
            }
        } else if let Some(failed) = open.as_mut()
            && (m.contains("[ERROR]")
                || m.contains("Task timed out")
                || m.contains("Runtime exited")
                || m.contains(&format!("{id} ")))
        {
            *failed = true;
        }
    }
    out
}
