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
    /// A malformed attribute value, which AWS words by the operation that reads it.
    pub fault: Option<Box<ValueFault>>,
}

/// A malformed attribute value (a number, a set's members). DynamoDB checks values
/// in one of two layers, and the operation decides which: the current one
/// (`message`; inside the validation envelope for PutItem, UpdateItem and
/// DeleteItem, bare for GetItem, BatchGetItem and Query) or the older one
/// (`older`, bare, for BatchWriteItem, the transactions and Scan, with an
/// expression value's fault inside "ExpressionAttributeValues contains invalid
/// value: … for key …").
#[derive(Debug, Clone, PartialEq)]
pub struct ValueFault {
    pub older: String,
    /// Set when the value is one of ExpressionAttributeValues.
    pub key: Option<String>,
}

/// How the operation words a value's fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueLayer {
    CurrentEnveloped,
    Current,
    Older,
}

impl ValueLayer {
    pub fn of(operation: &str) -> Option<ValueLayer> {
        match operation {
            "PutItem" | "UpdateItem" | "DeleteItem" => Some(ValueLayer::CurrentEnveloped),
            "GetItem" | "BatchGetItem" | "Query" => Some(ValueLayer::Current),
            "BatchWriteItem" | "TransactWriteItems" | "TransactGetItems" | "Scan" => {
                Some(ValueLayer::Older)
            }
            _ => None,
        }
    }
}

impl DynamoError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DynamoError {
            kind,
            message: message.into(),
            extra: None,
            fault: None,
        }
    }

    /// A malformed value: `current` and `older` are the two layers' words.
    pub fn value_fault(current: impl Into<String>, older: impl Into<String>) -> Self {
        let mut e = DynamoError::validation(current);
        e.fault = Some(Box::new(ValueFault {
            older: older.into(),
            key: None,
        }));
        e
    }

    /// The words of `layer` for a value's fault (other errors are left as they are).
    pub fn in_layer(mut self, layer: ValueLayer) -> Self {
        let Some(fault) = self.fault.take() else {
            return self;
        };
        self.message = match layer {
            ValueLayer::CurrentEnveloped => {
                format!("1 validation error detected: {}", self.message)
            }
            ValueLayer::Current => self.message,
            ValueLayer::Older => match &fault.key {
                Some(k) => format!(
                    "ExpressionAttributeValues contains invalid value: {} for key {k}",
                    fault.older
                ),
                None => fault.older.clone(),
            },
        };
        self
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
        // The JSON reader's errors spell their message member with a capital.
        let member = if self.kind == ErrorKind::SerializationFailure {
            "Message"
        } else {
            "message"
        };
        let mut body = json!({ "__type": name, member: self.message });
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
