//! The parameters DynamoDB took before expressions (`AttributesToGet`,
//! `KeyConditions`, `QueryFilter`, `ScanFilter`, `Expected`, `AttributeUpdates`,
//! `ConditionalOperator`), still served by AWS and still sent by older mappers.
//! Each request is checked with AWS's messages for these members, then rewritten
//! into the equivalent expressions with names and values of its own, so the
//! operations evaluate one language. A request mixing the two forms is refused as
//! AWS refuses it (KeyConditions beside a FilterExpression excepted, as on AWS).
//!
//! Written by hand: the rewrite is ours, a small table of operators.

use serde_json::{Map, Value as Json, json};

use super::error::{DResult, DynamoError};
use super::expr::eval::compare;
use super::value::Value;
use super::wire;

/// The expression and legacy members of each operation that takes both.
fn members(operation: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match operation {
        "GetItem" => (&["ProjectionExpression"], &["AttributesToGet"]),
        "PutItem" | "DeleteItem" => (
            &["ConditionExpression"],
            &["Expected", "ConditionalOperator"],
        ),
        "UpdateItem" => (
            &["UpdateExpression", "ConditionExpression"],
            &["AttributeUpdates", "Expected", "ConditionalOperator"],
        ),
        "Query" => (
            &[
                "ProjectionExpression",
                "FilterExpression",
                "KeyConditionExpression",
            ],
            &[
                "AttributesToGet",
                "QueryFilter",
                "ConditionalOperator",
                "KeyConditions",
            ],
        ),
        "Scan" => (
            &["ProjectionExpression", "FilterExpression"],
            &["AttributesToGet", "ScanFilter", "ConditionalOperator"],
        ),
        _ => return None,
    })
}

fn invalid(message: impl std::fmt::Display) -> DynamoError {
    DynamoError::validation(format!(
        "One or more parameter values were invalid: {message}"
    ))
}

fn present<'a>(body: &'a Map<String, Json>, member: &str) -> Option<&'a Json> {
    body.get(member).filter(|v| !v.is_null())
}

/// The legacy filter a Query or Scan sends (`QueryFilter`, `ScanFilter`), which
/// AWS names where it would name the filter expression.
pub fn filter_member(operation: &str, body: &Map<String, Json>) -> Option<&'static str> {
    let member = match operation {
        "Query" => "QueryFilter",
        "Scan" => "ScanFilter",
        _ => return None,
    };
    present(body, member).map(|_| member)
}

/// An error about the filter expression that a legacy filter became, in the words
/// AWS uses for the legacy filter.
pub fn name_filter(mut e: DynamoError, member: Option<&str>) -> DynamoError {
    if let Some(member) = member
        && let Some(rest) = e.message.strip_prefix("Filter Expression can only")
    {
        e.message = format!("{member} can only{rest}");
    }
    e
}

/// The request of `operation` with its legacy members rewritten as expressions;
/// refused with AWS's message when they are wrong or mixed with expressions.
pub fn rewrite(operation: &str, mut body: Map<String, Json>) -> DResult<Map<String, Json>> {
    if operation == "BatchGetItem" {
        return batch_get(body);
    }
    let Some((expressions, legacy)) = members(operation) else {
        return Ok(body);
    };
    check_mixing(&body, operation, expressions, legacy)?;
    if !legacy.iter().any(|m| present(&body, m).is_some()) {
        return Ok(body);
    }
    let mut out = Rewriter::default();
    let or = match present(&body, "ConditionalOperator") {
        None => false,
        Some(Json::String(s)) if s == "AND" => false,
        Some(Json::String(s)) if s == "OR" => true,
        // Query and Scan: AWS's words, bare (no envelope, and not joined to other
        // members' errors). The item operations report it with their other
        // members' errors (ops::members), so the request goes on unrewritten.
        Some(_) if matches!(operation, "Query" | "Scan") => {
            return Err(DynamoError::validation(
                "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]",
            ));
        }
        Some(_) => return Ok(body),
    };
    // AWS's order: the updates, then the conditions, then the projection.
    if let Some(updates) = present(&body, "AttributeUpdates") {
        let text = out.updates(object(updates, "AttributeUpdates")?)?;
        if !text.is_empty() {
            body.insert("UpdateExpression".into(), json!(text));
        }
    }
    if let Some(expected) = present(&body, "Expected") {
        // AWS reports a malformed Expected inside its validation envelope.
        let text = out
            .expected(object(expected, "Expected")?, or)
            .map_err(|mut e| {
                if e.kind == super::error::ErrorKind::Validation {
                    e.message = format!("1 validation error detected: {}", e.message);
                }
                e
            })?;
        if !text.is_empty() {
            body.insert("ConditionExpression".into(), json!(text));
        }
    }
    for filter in ["QueryFilter", "ScanFilter"] {
        if let Some(f) = present(&body, filter) {
            let text = out.conditions(object(f, filter)?, or)?;
            if !text.is_empty() {
                body.insert("FilterExpression".into(), json!(text));
            }
        }
    }
    if let Some(k) = present(&body, "KeyConditions") {
        let conditions = object(k, "KeyConditions")?;
        let text = out.conditions(conditions, false)?;
        if conditions.len() != 1 && conditions.len() != 2 {
            return Err(DynamoError::validation(
                "Conditions can be of length 1 or 2 only",
            ));
        }
        body.insert("KeyConditionExpression".into(), json!(text));
    }
    if let Some(list) = present(&body, "AttributesToGet") {
        body.insert("ProjectionExpression".into(), json!(out.projection(list)?));
    }
    for m in legacy {
        body.remove(*m);
    }
    out.merge_into(&mut body);
    Ok(body)
}

/// BatchGetItem: each table's `AttributesToGet`.
fn batch_get(mut body: Map<String, Json>) -> DResult<Map<String, Json>> {
    let Some(Json::Object(tables)) = body.get_mut("RequestItems") else {
        return Ok(body);
    };
    // One table's block with AttributesToGet and another's with a
    // ProjectionExpression is the same mix, across the request.
    let uses = |m: &str| {
        tables
            .values()
            .any(|e| e.as_object().is_some_and(|o| present(o, m).is_some()))
    };
    if uses("AttributesToGet") && uses("ProjectionExpression") {
        return Err(DynamoError::validation(
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        ));
    }
    for entry in tables.values_mut() {
        let Json::Object(e) = entry else { continue };
        check_mixing(
            e,
            "BatchGetItem",
            &["ProjectionExpression"],
            &["AttributesToGet"],
        )?;
        if let Some(list) = present(e, "AttributesToGet").cloned() {
            let mut out = Rewriter::default();
            e.insert("ProjectionExpression".into(), json!(out.projection(&list)?));
            e.remove("AttributesToGet");
            out.merge_into(e);
        }
    }
    Ok(body)
}

fn check_mixing(
    body: &Map<String, Json>,
    operation: &str,
    expressions: &[&str],
    legacy: &[&str],
) -> DResult<()> {
    let used: Vec<&str> = expressions
        .iter()
        .copied()
        .filter(|m| present(body, m).is_some())
        .collect();
    let mut old: Vec<&str> = legacy
        .iter()
        .copied()
        .filter(|m| present(body, m).is_some())
        .collect();
    // KeyConditions may go with a FilterExpression or ProjectionExpression.
    if operation == "Query" && present(body, "KeyConditionExpression").is_none() {
        old.retain(|m| *m != "KeyConditions");
    }
    if !used.is_empty() && !old.is_empty() {
        return Err(DynamoError::validation(format!(
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{}}} Expression parameters: {{{}}}",
            old.join(", "),
            used.join(", ")
        )));
    }
    let legacy_only = used.is_empty() && !old.is_empty();
    if legacy_only && present(body, "ExpressionAttributeNames").is_some() {
        return Err(DynamoError::validation(
            "1 validation error detected: ExpressionAttributeNames can only be specified when using expressions",
        ));
    }
    let value_expressions: Vec<&str> = expressions
        .iter()
        .copied()
        .filter(|m| *m != "ProjectionExpression")
        .collect();
    if legacy_only
        && !value_expressions.is_empty()
        && present(body, "ExpressionAttributeValues").is_some()
    {
        // In the validation envelope, with no word of which expression is missing
        // (AWS's current wording).
        return Err(DynamoError::validation(
            "1 validation error detected: ExpressionAttributeValues can only be specified when using expressions",
        ));
    }
    Ok(())
}

fn object<'a>(v: &'a Json, member: &str) -> DResult<&'a Map<String, Json>> {
    v.as_object()
        .ok_or_else(|| wire::type_error(wire::known(member).unwrap_or(wire::Wire::List), v))
}

/// A legacy attribute value, checked as any attribute value is.
fn attribute_value(v: &Json) -> DResult<(Value, &'static str)> {
    let value = Value::from_json(v)?;
    let kind = value.type_name();
    Ok((value, kind))
}

/// The names and values the rewritten expressions use (`#legacyN`, `:legacyN`),
/// added to the request's own (a Query's KeyConditions may sit beside a filter
/// expression with names of the user's).
#[derive(Default)]
struct Rewriter {
    names: Map<String, Json>,
    values: Map<String, Json>,
}

impl Rewriter {
    fn name(&mut self, attribute: &str) -> String {
        let key = format!("#legacy{}", self.names.len());
        self.names.insert(key.clone(), json!(attribute));
        key
    }

    fn value(&mut self, v: &Json) -> String {
        let key = format!(":legacy{}", self.values.len());
        self.values.insert(key.clone(), v.clone());
        key
    }

    fn merge_into(self, body: &mut Map<String, Json>) {
        for (member, added) in [
            ("ExpressionAttributeNames", self.names),
            ("ExpressionAttributeValues", self.values),
        ] {
            if added.is_empty() {
                continue;
            }
            let entry = body
                .entry(member)
                .or_insert_with(|| Json::Object(Map::new()));
            if !entry.is_object() {
                *entry = Json::Object(Map::new());
            }
            if let Some(m) = entry.as_object_mut() {
                m.extend(added);
            }
        }
    }

    fn projection(&mut self, list: &Json) -> DResult<String> {
        let Some(items) = list.as_array() else {
            return Err(wire::type_error(wire::Wire::List, list));
        };
        if items.is_empty() {
            return Err(DynamoError::validation(
                "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        let mut parts = Vec::new();
        for item in items {
            let name = item.as_str().unwrap_or_default();
            if !seen.insert(name) {
                return Err(invalid(format!(
                    "Duplicate value in attribute name: {name}"
                )));
            }
            parts.push(self.name(name));
        }
        Ok(parts.join(", "))
    }

    /// QueryFilter, ScanFilter, KeyConditions: `{attr: {ComparisonOperator,
    /// AttributeValueList}}` joined with AND or OR.
    fn conditions(&mut self, conditions: &Map<String, Json>, or: bool) -> DResult<String> {
        let mut parts = Vec::new();
        for (attribute, c) in conditions {
            let op = c["ComparisonOperator"].as_str().unwrap_or_default();
            if op.is_empty() {
                return Err(DynamoError::validation(format!(
                    "1 validation error detected: Value null at '{}.{attribute}.member.comparisonOperator' failed to satisfy constraint: Member must not be null",
                    "conditions"
                )));
            }
            let list: Vec<Json> = c["AttributeValueList"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            check_operands(op, &list, true)?;
            parts.push(self.comparison(attribute, op, &list)?);
        }
        Ok(joined(parts, or))
    }

    /// Expected: the conditions above, or the older `Value`/`Exists` form.
    fn expected(&mut self, expected: &Map<String, Json>, or: bool) -> DResult<String> {
        let mut parts = Vec::new();
        for (attribute, c) in expected {
            let has = |m: &str| c.get(m).is_some_and(|v| !v.is_null());
            if has("AttributeValueList") && has("Value") {
                return Err(invalid(format!(
                    "Value and AttributeValueList cannot be used together for Attribute: {attribute}"
                )));
            }
            if let Some(op) = c["ComparisonOperator"].as_str() {
                if has("Exists") {
                    return Err(invalid(format!(
                        "Exists and ComparisonOperator cannot be used together for Attribute: {attribute}"
                    )));
                }
                if op != "NULL" && op != "NOT_NULL" && !has("AttributeValueList") && !has("Value") {
                    return Err(invalid(format!(
                        "Value or AttributeValueList must be used with ComparisonOperator: {op} for Attribute: {attribute}"
                    )));
                }
                let list: Vec<Json> = if has("Value") {
                    vec![c["Value"].clone()]
                } else {
                    c["AttributeValueList"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                };
                check_operands(op, &list, false)?;
                parts.push(self.comparison(attribute, op, &list)?);
                continue;
            }
            if has("AttributeValueList") {
                return Err(invalid(format!(
                    "AttributeValueList can only be used with a ComparisonOperator for Attribute: {attribute}"
                )));
            }
            let exists = match c.get("Exists") {
                None | Some(Json::Null) => None,
                Some(Json::Bool(b)) => Some(*b),
                Some(other) => return Err(wire::type_error(wire::Wire::Boolean, other)),
            };
            match (exists.unwrap_or(true), has("Value")) {
                (true, false) => {
                    return Err(invalid(format!(
                        "Value must be provided when Exists is {} for Attribute: {attribute}",
                        exists.map_or("null".to_string(), |e| e.to_string())
                    )));
                }
                (false, true) => {
                    return Err(invalid(format!(
                        "Value cannot be used when Exists is false for Attribute: {attribute}"
                    )));
                }
                (true, true) => {
                    attribute_value(&c["Value"])?;
                    let n = self.name(attribute);
                    let v = self.value(&c["Value"]);
                    parts.push(format!("{n} = {v}"));
                }
                (false, false) => {
                    let n = self.name(attribute);
                    parts.push(format!("attribute_not_exists({n})"));
                }
            }
        }
        Ok(joined(parts, or))
    }

    fn comparison(&mut self, attribute: &str, op: &str, list: &[Json]) -> DResult<String> {
        let n = self.name(attribute);
        let mut v = |i: usize| self.value(&list[i]);
        Ok(match op {
            "EQ" => format!("{n} = {}", v(0)),
            "NE" => format!("{n} <> {}", v(0)),
            "LE" => format!("{n} <= {}", v(0)),
            "LT" => format!("{n} < {}", v(0)),
            "GE" => format!("{n} >= {}", v(0)),
            "GT" => format!("{n} > {}", v(0)),
            "NOT_NULL" => format!("attribute_exists({n})"),
            "NULL" => format!("attribute_not_exists({n})"),
            "CONTAINS" => format!("contains({n}, {})", v(0)),
            "NOT_CONTAINS" => format!("NOT contains({n}, {})", v(0)),
            "BEGINS_WITH" => format!("begins_with({n}, {})", v(0)),
            "BETWEEN" => {
                let (a, b) = (v(0), v(1));
                format!("{n} BETWEEN {a} AND {b}")
            }
            "IN" => {
                let all: Vec<String> = (0..list.len()).map(v).collect();
                format!("{n} IN ({})", all.join(", "))
            }
            other => {
                return Err(DynamoError::validation(format!(
                    "1 validation error detected: Value '{other}' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"
                )));
            }
        })
    }

    /// AttributeUpdates: `{attr: {Action: PUT|ADD|DELETE, Value}}` as SET, ADD,
    /// DELETE and REMOVE clauses (ADD of a list appends, as the legacy ADD did).
    fn updates(&mut self, updates: &Map<String, Json>) -> DResult<String> {
        let (mut set, mut add, mut delete, mut remove) = (vec![], vec![], vec![], vec![]);
        for (attribute, u) in updates {
            let value = u.get("Value").filter(|v| !v.is_null());
            let kind = match value {
                Some(v) => Some(attribute_value(v)?.1),
                None => None,
            };
            let action = u["Action"].as_str().unwrap_or("PUT");
            match (action, kind) {
                ("PUT" | "ADD", None) => {
                    return Err(invalid(
                        "Only DELETE action is allowed when no attribute value is specified",
                    ));
                }
                ("DELETE", Some(k)) if !matches!(k, "SS" | "NS" | "BS") => {
                    return Err(invalid(format!(
                        "DELETE action with value is not supported for the type {k}"
                    )));
                }
                ("ADD", Some(k)) if !matches!(k, "L" | "SS" | "NS" | "BS" | "N") => {
                    return Err(invalid(format!(
                        "ADD action is not supported for the type {k}"
                    )));
                }
                _ => {}
            }
            let n = self.name(attribute);
            match (action, value, kind) {
                ("PUT", Some(v), _) => set.push(format!("{n} = {}", self.value(v))),
                ("ADD", Some(v), Some("L")) => {
                    let empty = self.value(&json!({ "L": [] }));
                    let v = self.value(v);
                    set.push(format!(
                        "{n} = list_append(if_not_exists({n}, {empty}), {v})"
                    ));
                }
                ("ADD", Some(v), _) => add.push(format!("{n} {}", self.value(v))),
                ("DELETE", Some(v), _) => delete.push(format!("{n} {}", self.value(v))),
                ("DELETE", None, _) => remove.push(n),
                (other, _, _) => {
                    return Err(DynamoError::validation(format!(
                        "1 validation error detected: Value '{other}' at 'attributeUpdates.{attribute}.member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]"
                    )));
                }
            }
        }
        let mut clauses = Vec::new();
        for (word, list) in [
            ("SET", set),
            ("ADD", add),
            ("DELETE", delete),
            ("REMOVE", remove),
        ] {
            if !list.is_empty() {
                clauses.push(format!("{word} {}", list.join(", ")));
            }
        }
        Ok(clauses.join(" "))
    }
}

fn joined(parts: Vec<String>, or: bool) -> String {
    let glue = if or { " OR " } else { " AND " };
    parts
        .into_iter()
        .map(|p| format!("({p})"))
        .collect::<Vec<_>>()
        .join(glue)
}

/// The number and types of operands each operator takes, as AWS checks them.
fn check_operands(op: &str, list: &[Json], typed: bool) -> DResult<()> {
    let count_ok = match op {
        "EQ" | "NE" | "LE" | "LT" | "GE" | "GT" | "CONTAINS" | "NOT_CONTAINS" | "BEGINS_WITH" => {
            list.len() == 1
        }
        "NULL" | "NOT_NULL" => list.is_empty(),
        "IN" => !list.is_empty(),
        "BETWEEN" => list.len() == 2,
        _ => true,
    };
    let mut values = Vec::with_capacity(list.len());
    for v in list {
        values.push(attribute_value(v)?);
    }
    if !count_ok {
        return Err(invalid(format!(
            "Invalid number of argument(s) for the {op} ComparisonOperator"
        )));
    }
    if let Some((_, first)) = values.first()
        && values.iter().any(|(_, k)| k != first)
    {
        return Err(invalid(
            "AttributeValues inside AttributeValueList must be of same type",
        ));
    }
    if typed {
        let allowed: &[&str] = match op {
            "EQ" | "NE" => &["S", "N", "B", "SS", "NS", "BS"],
            "LE" | "LT" | "GE" | "GT" | "CONTAINS" | "NOT_CONTAINS" | "IN" | "BETWEEN" => {
                &["S", "N", "B"]
            }
            "BEGINS_WITH" => &["S", "B"],
            _ => &[],
        };
        if let Some((_, k)) = values.iter().find(|(_, k)| !allowed.contains(k)) {
            return Err(invalid(format!(
                "ComparisonOperator {op} is not valid for {k} AttributeValue type"
            )));
        }
    }
    if op == "BETWEEN"
        && let [(a, _), (b, _)] = values.as_slice()
        && compare(a, b) == Some(std::cmp::Ordering::Greater)
    {
        return Err(DynamoError::validation(
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(v: Json) -> Map<String, Json> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn expected_becomes_a_condition_expression() {
        let out = rewrite(
            "PutItem",
            body(json!({
                "TableName": "t",
                "Expected": {
                    "a": { "Exists": false },
                    "b": { "Value": { "S": "x" } },
                    "c": { "ComparisonOperator": "BETWEEN", "AttributeValueList": [{ "N": "1" }, { "N": "5" }] }
                },
                "ConditionalOperator": "OR"
            })),
        )
        .expect("rewritten");
        assert_eq!(
            out["ConditionExpression"],
            "(attribute_not_exists(#legacy0)) OR (#legacy1 = :legacy0) OR (#legacy2 BETWEEN :legacy1 AND :legacy2)"
        );
        assert_eq!(out["ExpressionAttributeNames"]["#legacy2"], "c");
        assert!(out.get("Expected").is_none() && out.get("ConditionalOperator").is_none());
    }

    #[test]
    fn attribute_updates_become_an_update_expression() {
        let out = rewrite(
            "UpdateItem",
            body(json!({
                "AttributeUpdates": {
                    "n": { "Action": "ADD", "Value": { "N": "1" } },
                    "l": { "Action": "ADD", "Value": { "L": [{ "S": "x" }] } },
                    "gone": { "Action": "DELETE" },
                    "t": { "Value": { "S": "new" } }
                }
            })),
        )
        .expect("rewritten");
        let text = out["UpdateExpression"].as_str().unwrap_or_default();
        assert!(text.starts_with("SET "), "{text}");
        assert!(text.contains("list_append(if_not_exists("), "{text}");
        assert!(
            text.contains(" ADD ") && text.contains(" REMOVE "),
            "{text}"
        );
    }

    #[test]
    fn aws_messages_for_wrong_legacy_members() {
        let err = |op: &str, v: Json| rewrite(op, body(v)).expect_err("refused").message;
        assert_eq!(
            err(
                "GetItem",
                json!({ "AttributesToGet": ["a"], "ProjectionExpression": "a" })
            ),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"
        );
        assert_eq!(
            err(
                "Scan",
                json!({ "ScanFilter": { "a": { "ComparisonOperator": "EQ", "AttributeValueList": [] } } })
            ),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator"
        );
        assert_eq!(
            err(
                "Scan",
                json!({ "ScanFilter": { "a": { "ComparisonOperator": "LT", "AttributeValueList": [{ "SS": ["x"] }] } } })
            ),
            "One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type"
        );
        assert_eq!(
            err(
                "PutItem",
                json!({ "Expected": { "a": { "Exists": true } } })
            ),
            "1 validation error detected: One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a"
        );
        assert_eq!(
            err(
                "UpdateItem",
                json!({ "AttributeUpdates": { "a": { "Action": "DELETE", "Value": { "S": "x" } } } })
            ),
            "One or more parameter values were invalid: DELETE action with value is not supported for the type S"
        );
        assert_eq!(
            err(
                "Query",
                json!({ "KeyConditions": { "a": { "ComparisonOperator": "EQ", "AttributeValueList": [{ "S": "x" }] } }, "KeyConditionExpression": "a = :a" })
            ),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}"
        );
        // KeyConditions beside a filter expression are accepted, as on AWS.
        assert!(rewrite("Query", body(json!({
            "KeyConditions": { "a": { "ComparisonOperator": "EQ", "AttributeValueList": [{ "S": "x" }] } },
            "FilterExpression": "#b = :b", "ExpressionAttributeNames": { "#b": "b" },
            "ExpressionAttributeValues": { ":b": { "S": "y" } }
        }))).is_ok());
    }

    mod properties {
        use super::*;
        use crate::local::dynamodb::expr::{self, ExprKind};
        use proptest::prelude::*;

        const OPS: &[&str] = &[
            "EQ",
            "NE",
            "LE",
            "LT",
            "GE",
            "GT",
            "NULL",
            "NOT_NULL",
            "CONTAINS",
            "NOT_CONTAINS",
            "BEGINS_WITH",
            "IN",
            "BETWEEN",
        ];

        fn operands(op: &str) -> Json {
            match op {
                "NULL" | "NOT_NULL" => json!([]),
                "BETWEEN" => json!([{ "S": "a" }, { "S": "b" }]),
                "IN" => json!([{ "S": "a" }, { "S": "b" }, { "S": "c" }]),
                _ => json!([{ "S": "a" }]),
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            /// Whatever the attribute names, the rewritten expressions parse (names
            /// only ever appear as placeholders).
            #[test]
            fn rewritten_filters_and_updates_parse(
                names in proptest::collection::vec("\\PC{1,12}", 1..6),
                ops in proptest::collection::vec(0usize..13, 6),
                or in any::<bool>(),
            ) {
                let mut filter = Map::new();
                let mut updates = Map::new();
                for (i, name) in names.iter().enumerate() {
                    let op = OPS[ops[i % ops.len()]];
                    filter.insert(name.clone(), json!({ "ComparisonOperator": op, "AttributeValueList": operands(op) }));
                    let action = ["PUT", "ADD", "DELETE"][i % 3];
                    let value = match action { "ADD" => json!({ "N": "1" }), "DELETE" => Json::Null, _ => json!({ "S": "v" }) };
                    updates.insert(name.clone(), json!({ "Action": action, "Value": value }));
                }
                let scan = rewrite("Scan", body(json!({
                    "ScanFilter": filter, "ConditionalOperator": if or { "OR" } else { "AND" }
                }))).expect("rewritten");
                let text = scan["FilterExpression"].as_str().unwrap_or_default().to_string();
                prop_assert!(expr::parse_condition(&text, ExprKind::Filter).is_ok(), "{}", text);
                let update = rewrite("UpdateItem", body(json!({ "AttributeUpdates": updates }))).expect("rewritten");
                let text = update["UpdateExpression"].as_str().unwrap_or_default().to_string();
                prop_assert!(expr::parse_update(&text).is_ok(), "{}", text);
            }
        }
    }
}
