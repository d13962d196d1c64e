//! DynamoDB errors as the wire carries them: `__type` and `message`, status 400
//! (500 for internal faults), so SDKs raise their usual exceptions.

use serde_json::{Value as Json, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Validation,
    ResourceNotFound,
    ResourceInUse,
    ConditionalCheckFailed,
    /// PartiQL's INSERT of a key that exists.
    DuplicateItem,
    TransactionCanceled,
    TransactionConflict,
    IdempotentParameterMismatch,
    ItemCollectionSizeLimitExceeded,
    LimitExceeded,
    SerializationFailure,
    UnknownOperation,
    MissingAuthenticationToken,
    IncompleteSignature,
    RequestEntityTooLarge,
    /// The caller's role does not allow the action (a function's role, evaluated).
    AccessDenied,
    /// DynamoDB Streams: a shard iterator older than 15 minutes.
    ExpiredIterator,
    Internal,
}

impl ErrorKind {
    fn wire(self) -> (&'static str, u16) {
        use ErrorKind::*;
        let (name, status) = match self {
            Validation => ("com.amazon.coral.validate#ValidationException", 400),
            AccessDenied => ("com.amazon.coral.service#AccessDeniedException", 400),
            ResourceNotFound => (
                "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
                400,
            ),
            ResourceInUse => (
                "com.amazonaws.dynamodb.v20120810#ResourceInUseException",
                400,
            ),
            ConditionalCheckFailed => (
                "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                400,
            ),
            DuplicateItem => (
                "com.amazonaws.dynamodb.v20120810#DuplicateItemException",
                400,
            ),
            TransactionCanceled => (
                "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                400,
            ),
            TransactionConflict => (
                "com.amazonaws.dynamodb.v20120810#TransactionConflictException",
                400,
            ),
            IdempotentParameterMismatch => (
                "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
                400,
            ),
            ItemCollectionSizeLimitExceeded => (
                "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException",
                400,
            ),
            LimitExceeded => (
                "com.amazonaws.dynamodb.v20120810#LimitExceededException",
                400,
            ),
            ExpiredIterator => (
                "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException",
                400,
            ),
            SerializationFailure => ("com.amazon.coral.service#SerializationException", 400),
            UnknownOperation => ("com.amazon.coral.service#UnknownOperationException", 400),
            MissingAuthenticationToken => (
                "com.amazon.coral.service#MissingAuthenticationTokenException",
                400,
            ),
            IncompleteSignature => ("com.amazon.coral.service#IncompleteSignatureException", 400),
            RequestEntityTooLarge => (
                "com.amazon.coral.service#RequestEntityTooLargeException",
                413,
            ),
            Internal => ("com.amazonaws.dynamodb.v20120810#InternalServerError", 500),
        };
        (name, status)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DynamoError {
    pub kind: ErrorKind,
    pub message: String,
    /// Extra members of the error body (CancellationReasons, Item).
    pub extra: Option<Json>,
}

impl DynamoError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DynamoError {
            kind,
            message: message.into(),
            extra: None,
        }
    }

    pub fn validation(message: impl Into<String>) -> Self {
        DynamoError::new(ErrorKind::Validation, message)
    }

    /// "One or more parameter values were invalid: ..." as DynamoDB words it.
    pub fn invalid_parameter(detail: impl std::fmt::Display) -> Self {
        DynamoError::validation(format!(
            "One or more parameter values were invalid: {detail}"
        ))
    }

    pub fn not_found() -> Self {
        DynamoError::new(ErrorKind::ResourceNotFound, "Requested resource not found")
    }

    pub fn table_not_found(table: &str) -> Self {
        DynamoError::new(
            ErrorKind::ResourceNotFound,
            format!("Requested resource not found: Table: {table} not found"),
        )
    }

    pub fn in_use(message: impl Into<String>) -> Self {
        DynamoError::new(ErrorKind::ResourceInUse, message)
    }

    pub fn conditional_failed() -> Self {
        DynamoError::new(
            ErrorKind::ConditionalCheckFailed,
            "The conditional request failed",
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        DynamoError::new(ErrorKind::Internal, message)
    }

    pub fn with_extra(mut self, extra: Json) -> Self {
        self.extra = Some(extra);
        self
    }

    pub fn status(&self) -> u16 {
        self.kind.wire().1
    }

    pub fn body(&self) -> Json {
        let (name, _) = self.kind.wire();
        let mut body = json!({ "__type": name, "message": self.message });
        if let (Some(Json::Object(extra)), Json::Object(map)) = (&self.extra, &mut body) {
            for (k, v) in extra {
                map.insert(k.clone(), v.clone());
            }
        }
        body
    }
}

impl std::fmt::Display for DynamoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.wire().0, self.message)
    }
}

pub type DResult<T> = Result<T, DynamoError>;
