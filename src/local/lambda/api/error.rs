//! Lambda's errors: one table of kinds with the status and the code (sent as
//! `x-amzn-ErrorType`) that Lambda answers, so SDKs raise their usual exceptions.

use serde_json::json;

use super::{HttpReply, json_reply};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    InvalidParameterValue,
    /// A member outside its modeled constraints ("1 validation error detected: …").
    Validation,
    /// A member of the wrong JSON type: the REST-JSON deserializer refuses it before
    /// the operation runs.
    Serialization,
    InvalidRequestContent,
    IncompleteSignature,
    ResourceNotFound,
    ResourceConflict,
    RequestTooLarge,
    TooManyRequests,
    /// The runtime's interpreter could not be started.
    InvalidRuntime,
    Service,
    UnknownOperation,
}

impl ErrorKind {
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::InvalidParameterValue
            | ErrorKind::Validation
            | ErrorKind::Serialization
            | ErrorKind::InvalidRequestContent => 400,
            ErrorKind::IncompleteSignature => 403,
            ErrorKind::ResourceNotFound | ErrorKind::UnknownOperation => 404,
            ErrorKind::ResourceConflict => 409,
            ErrorKind::RequestTooLarge => 413,
            ErrorKind::TooManyRequests => 429,
            ErrorKind::Service => 500,
            ErrorKind::InvalidRuntime => 502,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidParameterValue => "InvalidParameterValueException",
            ErrorKind::Validation => "ValidationException",
            ErrorKind::Serialization => "SerializationException",
            ErrorKind::InvalidRequestContent => "InvalidRequestContentException",
            ErrorKind::IncompleteSignature => "IncompleteSignatureException",
            ErrorKind::ResourceNotFound => "ResourceNotFoundException",
            ErrorKind::ResourceConflict => "ResourceConflictException",
            ErrorKind::RequestTooLarge => "RequestEntityTooLargeException",
            ErrorKind::TooManyRequests => "TooManyRequestsException",
            ErrorKind::InvalidRuntime => "InvalidRuntimeException",
            ErrorKind::Service => "ServiceException",
            ErrorKind::UnknownOperation => "UnknownOperationException",
        }
    }
}

#[derive(Debug)]
pub struct LambdaError {
    pub kind: ErrorKind,
    pub message: String,
    /// TooManyRequestsException's `Reason` (which limit refused the call).
    pub reason: Option<&'static str>,
}

impl LambdaError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> LambdaError {
        LambdaError {
            kind,
            message: message.into(),
            reason: None,
        }
    }

    /// A member of the wrong JSON type. The message is empty: AWS's wording for it
    /// is not documented.
    pub fn serialization() -> LambdaError {
        LambdaError::new(ErrorKind::Serialization, "")
    }

    pub fn invalid(message: impl Into<String>) -> LambdaError {
        LambdaError::new(ErrorKind::InvalidParameterValue, message)
    }

    /// A function that does not exist, named by its ARN as Lambda does.
    pub fn function_not_found(arn: &str) -> LambdaError {
        LambdaError::new(
            ErrorKind::ResourceNotFound,
            format!("Function not found: {arn}"),
        )
    }

    /// The store could not keep a change: the caller is told, never acknowledged.
    pub fn storage(e: impl std::fmt::Display) -> LambdaError {
        LambdaError::new(ErrorKind::Service, e.to_string())
    }

    /// Throttled by a concurrency limit: "Rate Exceeded." with AWS's `Reason`.
    pub fn throttled(reason: &'static str) -> LambdaError {
        let mut e = LambdaError::new(ErrorKind::TooManyRequests, "Rate Exceeded.");
        e.reason = Some(reason);
        e
    }

    pub fn reply(&self) -> HttpReply {
        let mut body = json!({ "Type": "User", "message": self.message });
        if let Some(r) = self.reason {
            body["Reason"] = json!(r);
        }
        let mut r = json_reply(self.kind.status(), &body);
        r.headers_mut().insert(
            "x-amzn-errortype",
            hyper::header::HeaderValue::from_static(self.kind.code()),
        );
        r
    }
}
