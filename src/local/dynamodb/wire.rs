//! A member of the wrong JSON type, in the words of DynamoDB's JSON reader (a
//! SerializationException names the Java type the member reads into, and how the
//! JSON token it found cannot become one).

use serde_json::Value as Json;

use super::error::{DynamoError, ErrorKind};

/// The Java type a member reads into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    String,
    Boolean,
    Integer,
    Long,
    Blob,
    List,
    /// A map whose values read into the named Java class.
    Map(&'static str),
    /// A structure (ProvisionedThroughput, …) of the named DynamoDB class.
    Struct(&'static str),
    /// A structure inside a list or a map (an AttributeValue of an item, a Tag),
    /// of the named DynamoDB class.
    Value(&'static str),
}

const MODEL: &str = "com.amazonaws.dynamodb.v20120810.";
pub const ATTRIBUTE_VALUE: &str = "com.amazonaws.dynamodb.v20120810.AttributeValue";
pub const STRING: &str = "java.lang.String";

/// The JSON token's name in the reader's messages.
fn token(v: &Json) -> &'static str {
    match v {
        Json::Bool(true) => "TRUE_VALUE",
        Json::Bool(false) => "FALSE_VALUE",
        Json::String(_) => "STRING_VALUE",
        Json::Number(n) if n.is_i64() || n.is_u64() => "NUMBER_VALUE",
        Json::Number(_) => "DECIMAL_VALUE",
        _ => "",
    }
}

fn message(wire: Wire, got: &Json) -> String {
    let java = |class: &str| format!("Unrecognized collection type class {class}");
    match (wire, got) {
        (Wire::Map(_) | Wire::Struct(_) | Wire::Value(_), Json::Object(_)) => {
            // Not a type error: the caller reads objects itself.
            "Unexpected value type in payload".into()
        }
        (_, Json::Object(_)) => "Start of structure or map found where not expected".into(),
        (Wire::String, Json::Array(_)) => java("java.lang.String"),
        (Wire::Boolean, Json::Array(_)) => java("java.lang.Boolean"),
        (Wire::Integer, Json::Array(_)) => java("java.lang.Integer"),
        (Wire::Long, Json::Array(_)) => java("java.lang.Long"),
        (Wire::Blob, Json::Array(_)) => java("java.nio.ByteBuffer"),
        (Wire::Map(values), Json::Array(_)) => {
            format!("Unrecognized collection type java.util.Map<java.lang.String, {values}>")
        }
        (Wire::Struct(name), Json::Array(_)) => java(&format!("{MODEL}{name}")),
        (Wire::Value(name), Json::Array(_)) => java(&format!("{MODEL}{name}")),
        (Wire::Boolean, Json::String(_)) => "Unexpected token received from parser".into(),
        (Wire::Blob, _) => "only base-64-encoded strings are convertible to bytes".into(),
        (Wire::List | Wire::Map(_) | Wire::Struct(_), _) => "Unexpected field type".into(),
        (Wire::Value(_), _) => "Unexpected value type in payload".into(),
        (Wire::String, v) => format!("{} cannot be converted to String", token(v)),
        (Wire::Boolean, v) => format!("{} cannot be converted to Boolean", token(v)),
        (Wire::Integer, v) => format!("{} cannot be converted to Integer", token(v)),
        (Wire::Long, v) => format!("{} cannot be converted to Long", token(v)),
    }
}

/// The SerializationException for `got` where a `wire` was expected.
pub fn type_error(wire: Wire, got: &Json) -> DynamoError {
    DynamoError::new(ErrorKind::SerializationFailure, message(wire, got))
}

/// The members that are structures, named as their classes are.
const STRUCTS: [&str; 14] = [
    "ProvisionedThroughput",
    "StreamSpecification",
    "SSESpecification",
    "Projection",
    "TimeToLiveSpecification",
    "OnDemandThroughput",
    "WarmThroughput",
    "Put",
    "Update",
    "Delete",
    "ConditionCheck",
    "Get",
    "PutRequest",
    "DeleteRequest",
];

/// What a member reads into, by its name, where the name says (the members of
/// DynamoDB's and DynamoDB Streams' requests share their types across operations).
pub fn known(member: &str) -> Option<Wire> {
    Some(match member {
        "TableName"
        | "IndexName"
        | "Select"
        | "ReturnValues"
        | "ReturnConsumedCapacity"
        | "ReturnItemCollectionMetrics"
        | "ReturnValuesOnConditionCheckFailure"
        | "ConditionExpression"
        | "FilterExpression"
        | "KeyConditionExpression"
        | "ProjectionExpression"
        | "UpdateExpression"
        | "ConditionalOperator"
        | "ExclusiveStartTableName"
        | "BillingMode"
        | "TableClass"
        | "ResourceArn"
        | "Statement"
        | "NextToken"
        | "ClientRequestToken"
        | "StreamArn"
        | "ShardId"
        | "ShardIteratorType"
        | "SequenceNumber"
        | "ShardIterator"
        | "ExclusiveStartShardId" => Wire::String,
        "ConsistentRead" | "ScanIndexForward" | "DeletionProtectionEnabled" => Wire::Boolean,
        "Limit" | "Segment" | "TotalSegments" => Wire::Integer,
        "ReadCapacityUnits"
        | "WriteCapacityUnits"
        | "MaxReadRequestUnits"
        | "MaxWriteRequestUnits" => Wire::Long,
        "ExpressionAttributeNames" => Wire::Map(STRING),
        "Key" | "Item" | "ExpressionAttributeValues" | "ExclusiveStartKey" => {
            Wire::Map(ATTRIBUTE_VALUE)
        }
        "KeyConditions" | "QueryFilter" | "ScanFilter" => {
            Wire::Map("com.amazonaws.dynamodb.v20120810.Condition")
        }
        "Expected" => Wire::Map("com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue"),
        "AttributeUpdates" => Wire::Map("com.amazonaws.dynamodb.v20120810.AttributeValueUpdate"),
        "RequestItems" => Wire::Map("com.amazonaws.dynamodb.v20120810.KeysAndAttributes"),
        "AttributesToGet"
        | "KeySchema"
        | "AttributeDefinitions"
        | "GlobalSecondaryIndexes"
        | "LocalSecondaryIndexes"
        | "TransactItems"
        | "Tags"
        | "TagKeys"
        | "Parameters"
        | "Statements"
        | "GlobalSecondaryIndexUpdates"
        | "ReplicaUpdates" => Wire::List,
        _ => {
            return STRUCTS
                .iter()
                .find(|s| **s == member)
                .map(|s| Wire::Struct(s));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn speaks_as_the_reader_does() {
        let cases = [
            (
                Wire::String,
                json!(true),
                "TRUE_VALUE cannot be converted to String",
            ),
            (
                Wire::String,
                json!(34.56),
                "DECIMAL_VALUE cannot be converted to String",
            ),
            (
                Wire::String,
                json!([]),
                "Unrecognized collection type class java.lang.String",
            ),
            (
                Wire::String,
                json!({}),
                "Start of structure or map found where not expected",
            ),
            (
                Wire::Boolean,
                json!("23"),
                "Unexpected token received from parser",
            ),
            (
                Wire::Boolean,
                json!(23),
                "NUMBER_VALUE cannot be converted to Boolean",
            ),
            (
                Wire::Integer,
                json!("23"),
                "STRING_VALUE cannot be converted to Integer",
            ),
            (
                Wire::Long,
                json!(false),
                "FALSE_VALUE cannot be converted to Long",
            ),
            (
                Wire::Blob,
                json!(23),
                "only base-64-encoded strings are convertible to bytes",
            ),
            (
                Wire::Blob,
                json!([]),
                "Unrecognized collection type class java.nio.ByteBuffer",
            ),
            (Wire::List, json!("x"), "Unexpected field type"),
            (
                Wire::List,
                json!({}),
                "Start of structure or map found where not expected",
            ),
            (
                Wire::Map(ATTRIBUTE_VALUE),
                json!([]),
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>",
            ),
            (
                Wire::Value("AttributeValue"),
                json!(23),
                "Unexpected value type in payload",
            ),
            (
                Wire::Struct("ProvisionedThroughput"),
                json!([]),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput",
            ),
        ];
        for (wire, got, want) in cases {
            assert_eq!(message(wire, &got), want, "{wire:?} {got}");
        }
    }
}
