//! The shapes of DynamoDB's requests, as far as their JSON types go: DynamoDB
//! reads a whole request into its classes before it validates anything, so a
//! member of the wrong type anywhere is a SerializationException, whatever else
//! is wrong. From the service model; members not listed are read as they are used.

use serde_json::{Map, Value as Json};

use super::error::DynamoError;
use super::wire::{ATTRIBUTE_VALUE, STRING, Wire, known, type_error};

#[derive(Clone, Copy)]
pub enum Shape {
    Is(Wire),
    ListOf(&'static Shape),
    /// A map whose values read into the named class.
    MapOf(&'static str, &'static Shape),
    /// A structure of the named class and its members.
    Struct(&'static str, &'static [(&'static str, Shape)]),
    /// An AttributeValue.
    Value,
}

use Shape::{Is, ListOf, MapOf, Struct};

const S: Shape = Is(Wire::String);
const BOOL: Shape = Is(Wire::Boolean);
const LONG: Shape = Is(Wire::Long);
const STRINGS: Shape = ListOf(&S);
const ITEM: Shape = MapOf(ATTRIBUTE_VALUE, &Shape::Value);
const NAMES: Shape = MapOf(STRING, &S);
const VALUES: Shape = ListOf(&Shape::Value);

const THROUGHPUT: Shape = Struct(
    "ProvisionedThroughput",
    &[("ReadCapacityUnits", LONG), ("WriteCapacityUnits", LONG)],
);
const KEY_SCHEMA: Shape = ListOf(&Struct(
    "KeySchemaElement",
    &[("AttributeName", S), ("KeyType", S)],
));
const PROJECTION: Shape = Struct(
    "Projection",
    &[("ProjectionType", S), ("NonKeyAttributes", STRINGS)],
);
const INDEX: &[(&str, Shape)] = &[
    ("IndexName", S),
    ("KeySchema", KEY_SCHEMA),
    ("Projection", PROJECTION),
    ("ProvisionedThroughput", THROUGHPUT),
];
const CONDITION: Shape = Struct(
    "Condition",
    &[("AttributeValueList", VALUES), ("ComparisonOperator", S)],
);
const EXPECTED: Shape = Struct(
    "ExpectedAttributeValue",
    &[
        ("Value", Shape::Value),
        ("Exists", BOOL),
        ("ComparisonOperator", S),
        ("AttributeValueList", VALUES),
    ],
);
const UPDATE: Shape = Struct(
    "AttributeValueUpdate",
    &[("Value", Shape::Value), ("Action", S)],
);
const KEYS_AND_ATTRIBUTES: Shape = Struct(
    "KeysAndAttributes",
    &[
        ("Keys", ListOf(&ITEM)),
        ("AttributesToGet", STRINGS),
        ("ConsistentRead", BOOL),
        ("ProjectionExpression", S),
        ("ExpressionAttributeNames", NAMES),
    ],
);
const WRITE_REQUEST: Shape = Struct(
    "WriteRequest",
    &[
        ("PutRequest", Struct("PutRequest", &[("Item", ITEM)])),
        ("DeleteRequest", Struct("DeleteRequest", &[("Key", ITEM)])),
    ],
);
/// The members every item action of a transaction may have.
const ACTION: &[(&str, Shape)] = &[
    ("TableName", S),
    ("Key", ITEM),
    ("Item", ITEM),
    ("ConditionExpression", S),
    ("UpdateExpression", S),
    ("ProjectionExpression", S),
    ("ExpressionAttributeNames", NAMES),
    ("ExpressionAttributeValues", ITEM),
    ("ReturnValuesOnConditionCheckFailure", S),
];
const TRANSACT_WRITE: Shape = Struct(
    "TransactWriteItem",
    &[
        ("ConditionCheck", Struct("ConditionCheck", ACTION)),
        ("Put", Struct("Put", ACTION)),
        ("Delete", Struct("Delete", ACTION)),
        ("Update", Struct("Update", ACTION)),
    ],
);
const TRANSACT_GET: Shape = Struct("TransactGetItem", &[("Get", Struct("Get", ACTION))]);
const TAG: Shape = Struct("Tag", &[("Key", S), ("Value", S)]);

const PARAMETERIZED: &str = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')";

/// A top-level member's shape in `operation`'s request.
fn member(operation: &str, name: &str) -> Option<Shape> {
    Some(match (operation, name) {
        ("BatchWriteItem", "RequestItems") => MapOf(
            "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>",
            &ListOf(&WRITE_REQUEST),
        ),
        (_, "RequestItems") => MapOf(
            "com.amazonaws.dynamodb.v20120810.KeysAndAttributes",
            &KEYS_AND_ATTRIBUTES,
        ),
        ("TransactGetItems", "TransactItems") => ListOf(&TRANSACT_GET),
        (_, "TransactItems") => ListOf(&TRANSACT_WRITE),
        (_, "Key" | "Item" | "ExpressionAttributeValues" | "ExclusiveStartKey") => ITEM,
        (_, "ExpressionAttributeNames") => NAMES,
        (_, "KeyConditions" | "QueryFilter" | "ScanFilter") => {
            MapOf("com.amazonaws.dynamodb.v20120810.Condition", &CONDITION)
        }
        (_, "Expected") => MapOf(
            "com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue",
            &EXPECTED,
        ),
        (_, "AttributeUpdates") => MapOf(
            "com.amazonaws.dynamodb.v20120810.AttributeValueUpdate",
            &UPDATE,
        ),
        (_, "AttributesToGet" | "TagKeys") => STRINGS,
        (_, "KeySchema") => KEY_SCHEMA,
        (_, "AttributeDefinitions") => ListOf(&Struct(
            "AttributeDefinition",
            &[("AttributeName", S), ("AttributeType", S)],
        )),
        (_, "GlobalSecondaryIndexes") => ListOf(&Struct("GlobalSecondaryIndex", INDEX)),
        (_, "LocalSecondaryIndexes") => ListOf(&Struct("LocalSecondaryIndex", INDEX)),
        (_, "GlobalSecondaryIndexUpdates") => ListOf(&Struct(
            "GlobalSecondaryIndexUpdate",
            &[
                (
                    "Update",
                    Struct(
                        "UpdateGlobalSecondaryIndexAction",
                        &[("IndexName", S), ("ProvisionedThroughput", THROUGHPUT)],
                    ),
                ),
                ("Create", Struct("CreateGlobalSecondaryIndexAction", INDEX)),
                (
                    "Delete",
                    Struct("DeleteGlobalSecondaryIndexAction", &[("IndexName", S)]),
                ),
            ],
        )),
        (_, "ProvisionedThroughput") => THROUGHPUT,
        (_, "Tags") => ListOf(&TAG),
        (_, "StreamSpecification") => Struct(
            "StreamSpecification",
            &[("StreamEnabled", BOOL), ("StreamViewType", S)],
        ),
        (_, "TimeToLiveSpecification") => Struct(
            "TimeToLiveSpecification",
            &[("Enabled", BOOL), ("AttributeName", S)],
        ),
        _ => Is(known(name)?),
    })
}

/// The members of an AttributeValue and what they read into.
fn value_member(name: &str) -> Option<Shape> {
    const BLOB: Shape = Is(Wire::Blob);
    Some(match name {
        "S" | "N" => S,
        "B" => BLOB,
        "BOOL" | "NULL" => BOOL,
        "SS" | "NS" => STRINGS,
        "BS" => ListOf(&BLOB),
        "L" => VALUES,
        "M" => ITEM,
        _ => return None,
    })
}

/// The first member of the wrong JSON type in the order sent, depth first.
pub fn check(operation: &str, body: &Map<String, Json>) -> Result<(), DynamoError> {
    // (value, shape, inside a list or map): a stack, not recursion, for any nesting.
    let mut stack: Vec<(&Json, Shape, bool)> = Vec::new();
    for (name, v) in body.iter().rev() {
        if let Some(shape) = member(operation, name) {
            stack.push((v, shape, false));
        }
    }
    while let Some((v, shape, element)) = stack.pop() {
        if v.is_null() {
            continue;
        }
        // A structure read as a list's or map's element speaks of its value.
        let as_struct = |name: &'static str| {
            if element {
                Wire::Value(name)
            } else {
                Wire::Struct(name)
            }
        };
        // A list or map as a list's or map's element is a parameterized type,
        // which DynamoDB's reader fails to cast when it meets a scalar.
        if element && matches!(shape, ListOf(_) | MapOf(..)) && !v.is_array() && !v.is_object() {
            return Err(DynamoError::new(
                super::error::ErrorKind::SerializationFailure,
                PARAMETERIZED,
            ));
        }
        match shape {
            Is(wire) => {
                let fits = match wire {
                    Wire::String | Wire::Blob => v.is_string(),
                    Wire::Boolean => v.is_boolean(),
                    Wire::Integer | Wire::Long => v.is_i64(),
                    _ => true,
                };
                if !fits {
                    return Err(type_error(wire, v));
                }
            }
            ListOf(inner) => {
                let list = v.as_array().ok_or_else(|| type_error(Wire::List, v))?;
                stack.extend(list.iter().rev().map(|e| (e, *inner, true)));
            }
            MapOf(class, inner) => {
                let map = v
                    .as_object()
                    .ok_or_else(|| type_error(Wire::Map(class), v))?;
                stack.extend(map.values().rev().map(|e| (e, *inner, true)));
            }
            Struct(name, members) => {
                let map = v
                    .as_object()
                    .ok_or_else(|| type_error(as_struct(name), v))?;
                for (k, e) in map.iter().rev() {
                    if let Some((_, shape)) = members.iter().find(|(m, _)| m == k) {
                        stack.push((e, *shape, false));
                    }
                }
            }
            Shape::Value => {
                let map = v
                    .as_object()
                    .ok_or_else(|| type_error(as_struct("AttributeValue"), v))?;
                for (k, e) in map.iter().rev() {
                    if let Some(shape) = value_member(k) {
                        stack.push((e, shape, false));
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refused(operation: &str, body: Json) -> String {
        let Json::Object(body) = body else {
            unreachable!()
        };
        check(operation, &body)
            .err()
            .map(|e| e.message)
            .unwrap_or_default()
    }

    #[test]
    fn finds_the_first_member_of_the_wrong_type_at_any_depth() {
        let cases = [
            (
                "CreateTable",
                json!({"TableName": "t", "ProvisionedThroughput": {"WriteCapacityUnits": "23"}}),
                "STRING_VALUE cannot be converted to Long",
            ),
            (
                "CreateTable",
                json!({"KeySchema": [23]}),
                "Unexpected value type in payload",
            ),
            (
                "CreateTable",
                json!({"KeySchema": [[]]}),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement",
            ),
            (
                "PutItem",
                json!({"Item": {"a": {"L": [{"S": true}]}}}),
                "TRUE_VALUE cannot be converted to String",
            ),
            (
                "PutItem",
                json!({"Item": {"a": {"M": {"b": 1}}}}),
                "Unexpected value type in payload",
            ),
            (
                "PutItem",
                json!({"Expected": {"a": {"Exists": "yes"}}}),
                "Unexpected token received from parser",
            ),
            (
                "BatchWriteItem",
                json!({"RequestItems": {"t": [{"PutRequest": {"Item": {"a": {"B": 1}}}}]}}),
                "only base-64-encoded strings are convertible to bytes",
            ),
            (
                "BatchGetItem",
                json!({"RequestItems": {"t": {"ConsistentRead": 1}}}),
                "NUMBER_VALUE cannot be converted to Boolean",
            ),
            (
                "TagResource",
                json!({"Tags": [{"Key": 1}]}),
                "NUMBER_VALUE cannot be converted to String",
            ),
            (
                "GetItem",
                json!({"TableName": 23, "Key": 1}),
                "NUMBER_VALUE cannot be converted to String",
            ),
            (
                "GetItem",
                json!({"TableName": "t", "Key": {"a": {"S": "x"}}, "Unknown": 1}),
                "",
            ),
        ];
        for (operation, body, want) in cases {
            assert_eq!(refused(operation, body.clone()), want, "{operation} {body}");
        }
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let mut v = json!({"S": 1});
        for _ in 0..100 {
            v = json!({"L": [v]});
        }
        assert_eq!(
            refused("PutItem", json!({"Item": {"a": v}})),
            "NUMBER_VALUE cannot be converted to String"
        );
    }
}
