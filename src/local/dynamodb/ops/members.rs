//! The members' own constraints (enums, lengths, required members), checked
//! before anything else of the request is read and reported together, as
//! DynamoDB's validation framework does: `1 validation error detected: …` or
//! `N validation errors detected: …; …`, in the order AWS lists them (recorded
//! from AWS for UpdateItem and the transactions; the other operations follow the
//! same pattern: ReturnConsumedCapacity, the table name, the other enums, then the
//! required members).

use serde_json::Value as Json;

use crate::local::dynamodb::error::DResult;
use crate::local::dynamodb::request::{Request, member_errors};

fn enum_error(value: &str, member: &str, set: &str) -> String {
    format!(
        "Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: {set}"
    )
}

/// A string member outside its enum.
fn check_enum(
    req: &Request,
    json: &str,
    member: &str,
    allowed: &[&str],
    set: &str,
) -> Option<String> {
    match req.get(json) {
        Some(Json::String(v)) if !allowed.contains(&v.as_str()) => Some(enum_error(v, member, set)),
        _ => None,
    }
}

fn capacity(req: &Request) -> Option<String> {
    check_enum(
        req,
        "ReturnConsumedCapacity",
        "returnConsumedCapacity",
        &["INDEXES", "TOTAL", "NONE"],
        "[INDEXES, TOTAL, NONE]",
    )
}

fn collection_metrics(req: &Request) -> Option<String> {
    check_enum(
        req,
        "ReturnItemCollectionMetrics",
        "returnItemCollectionMetrics",
        &["SIZE", "NONE"],
        "[SIZE, NONE]",
    )
}

fn return_values(req: &Request) -> Option<String> {
    check_enum(
        req,
        "ReturnValues",
        "returnValues",
        &["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"],
        "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
    )
}

fn conditional_operator(req: &Request) -> Option<String> {
    check_enum(
        req,
        "ConditionalOperator",
        "conditionalOperator",
        &["AND", "OR"],
        "[OR, AND]",
    )
}

fn select(req: &Request) -> Option<String> {
    check_enum(
        req,
        "Select",
        "select",
        &[
            "SPECIFIC_ATTRIBUTES",
            "COUNT",
            "ALL_ATTRIBUTES",
            "ALL_PROJECTED_ATTRIBUTES",
        ],
        "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
    )
}

/// TableName: 1 to 255 characters of `[a-zA-Z0-9_.-]`, or a missing one.
fn table_name(req: &Request) -> Option<String> {
    let name = match req.get("TableName") {
        None => {
            return Some(
                "Value null at 'tableName' failed to satisfy constraint: Member must not be null"
                    .to_string(),
            );
        }
        Some(Json::String(s)) => s,
        Some(_) => return None,
    };
    let rule = if name.is_empty() {
        "Member must have length greater than or equal to 1"
    } else if name.len() > 255 {
        "Member must have length less than or equal to 255"
    } else if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
    } else {
        return None;
    };
    Some(format!(
        "Value '{name}' at 'tableName' failed to satisfy constraint: {rule}"
    ))
}

fn required(req: &Request, json: &str, member: &str) -> Option<String> {
    req.get(json).is_none().then(|| {
        format!("Value null at '{member}' failed to satisfy constraint: Member must not be null")
    })
}

fn limit(req: &Request) -> Option<String> {
    match req.get("Limit").and_then(Json::as_i64) {
        // The validation framework's newer wording: the member named, not echoed.
        Some(l) if l < 1 => Some(
            "Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
                .to_string(),
        ),
        _ => None,
    }
}

/// ListTables' ExclusiveStartTableName: a table name of 3 to 255 characters of
/// `[a-zA-Z0-9_.-]`, each broken rule its own error (pattern first).
fn exclusive_start_table_name(req: &Request) -> Vec<Option<String>> {
    let Some(Json::String(name)) = req.get("ExclusiveStartTableName") else {
        return Vec::new();
    };
    let error = |rule: &str| {
        Some(format!(
            "Value '{name}' at 'exclusiveStartTableName' failed to satisfy constraint: {rule}"
        ))
    };
    let pattern = name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    vec![
        pattern
            .then(|| error("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"))
            .flatten(),
        (name.len() < 3)
            .then(|| error("Member must have length greater than or equal to 3"))
            .flatten(),
        (name.len() > 255)
            .then(|| error("Member must have length less than or equal to 255"))
            .flatten(),
    ]
}

/// ListTables' Limit: 1 to 100, the value echoed.
fn list_limit(req: &Request) -> Option<String> {
    let l = req.get("Limit").and_then(Json::as_i64)?;
    let rule = match l {
        ..1 => "Member must have value greater than or equal to 1",
        101.. => "Member must have value less than or equal to 100",
        _ => return None,
    };
    Some(format!(
        "Value '{l}' at 'limit' failed to satisfy constraint: {rule}"
    ))
}

fn client_token(req: &Request) -> Option<String> {
    match req.get("ClientRequestToken") {
        Some(Json::String(t)) if t.chars().count() > 36 => Some(format!(
            "Value '{t}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36"
        )),
        Some(Json::String(t)) if t.is_empty() => Some(format!(
            "Value '{t}' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 1"
        )),
        _ => None,
    }
}

/// The members `operation` checks up front, in AWS's order (None: no such list).
fn found(operation: &str, req: &Request) -> Option<Vec<Option<String>>> {
    Some(match operation {
        "UpdateItem" | "PutItem" | "DeleteItem" => vec![
            capacity(req),
            collection_metrics(req),
            table_name(req),
            return_values(req),
            conditional_operator(req),
            if operation == "PutItem" {
                required(req, "Item", "item")
            } else {
                required(req, "Key", "key")
            },
        ],
        "GetItem" => vec![capacity(req), table_name(req), required(req, "Key", "key")],
        "Query" | "Scan" => vec![capacity(req), table_name(req), select(req), limit(req)],
        "TransactWriteItems" => {
            vec![client_token(req), capacity(req), collection_metrics(req)]
        }
        "TransactGetItems" => vec![capacity(req)],
        "ListTables" => {
            let mut all = exclusive_start_table_name(req);
            all.push(list_limit(req));
            all
        }
        _ => return None,
    })
}

/// Every failing member of the request, reported in one message.
pub fn check(operation: &str, req: &Request) -> DResult<()> {
    let Some(list) = found(operation, req) else {
        return Ok(());
    };
    let errors: Vec<String> = list.into_iter().flatten().collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(member_errors(&errors))
    }
}
