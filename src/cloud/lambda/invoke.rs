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
