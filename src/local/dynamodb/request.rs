//! Reading request members with the validation messages DynamoDB gives.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::error::{DResult, DynamoError, ErrorKind};
use super::expr::Env;
use super::value::{Item, Value, item_from_json};
use super::wire::{self, Wire};

pub struct Request {
    body: Map<String, Json>,
}

/// The validation framework's envelope around member errors (at least one):
/// `1 validation error detected: …` or `N validation errors detected: …; …`.
pub fn member_errors(errors: &[String]) -> DynamoError {
    let n = errors.len();
    let plural = if n == 1 { "" } else { "s" };
    DynamoError::validation(format!(
        "{n} validation error{plural} detected: {}",
        errors.join("; ")
    ))
}

/// One member's broken rule, as the validation framework words it; `value` as
/// echoed (`null`, `'text'`).
pub fn member_error(value: &str, member: &str, rule: &str) -> String {
    format!("Value {value} at '{member}' failed to satisfy constraint: {rule}")
}

/// "1 validation error detected: Value X at 'member' failed to satisfy constraint: ..."
pub fn constraint(value: &str, member: &str, rule: &str) -> DynamoError {
    member_errors(&[member_error(value, member, rule)])
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A member of the wrong JSON type, in the JSON reader's words.
fn serialization(member: &str, expected: Wire, got: &Json) -> DynamoError {
    wire::type_error(wire::known(member).unwrap_or(expected), got)
}

impl Request {
    pub fn parse(bytes: &[u8]) -> DResult<Request> {
        let json: Json = serde_json::from_slice(bytes).map_err(|_| {
            DynamoError::new(
                ErrorKind::SerializationFailure,
                "Start of structure or map found where not expected.",
            )
        })?;
        match json {
            Json::Object(body) => Ok(Request { body }),
            _ => Err(DynamoError::new(
                ErrorKind::SerializationFailure,
                "The request body must be a JSON object",
            )),
        }
    }

    /// The members, to be rewritten (the legacy parameters).
    pub fn into_body(self) -> Map<String, Json> {
        self.body
    }

    /// A nested structure (a transaction's Put, a batch's table entry) read the same way.
    pub fn from_object(body: Map<String, Json>) -> Request {
        Request { body }
    }

    pub fn get(&self, member: &str) -> Option<&Json> {
        self.body.get(member).filter(|v| !v.is_null())
    }

    pub fn has(&self, member: &str) -> bool {
        self.get(member).is_some()
    }

    pub fn str(&self, member: &str) -> DResult<Option<&str>> {
        match self.get(member) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s)),
            Some(v) => Err(serialization(member, Wire::String, v)),
        }
    }

    pub fn required_str(&self, member: &str) -> DResult<&str> {
        self.str(member)?
            .ok_or_else(|| constraint("null", &lower_first(member), "Member must not be null"))
    }

    pub fn bool(&self, member: &str) -> DResult<Option<bool>> {
        match self.get(member) {
            None => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(serialization(member, Wire::Boolean, v)),
        }
    }

    pub fn int(&self, member: &str) -> DResult<Option<i64>> {
        match self.get(member) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| serialization(member, Wire::Integer, v)),
        }
    }

    pub fn array(&self, member: &str) -> DResult<Option<&Vec<Json>>> {
        match self.get(member) {
            None => Ok(None),
            Some(Json::Array(a)) => Ok(Some(a)),
            Some(v) => Err(serialization(member, Wire::List, v)),
        }
    }

    pub fn object(&self, member: &str) -> DResult<Option<&Map<String, Json>>> {
        match self.get(member) {
            None => Ok(None),
            Some(Json::Object(o)) => Ok(Some(o)),
            Some(v) => Err(serialization(member, Wire::Map(""), v)),
        }
    }

    pub fn item(&self, member: &str) -> DResult<Option<Item>> {
        self.get(member).map(item_from_json).transpose()
    }

    pub fn required_item(&self, member: &str) -> DResult<Item> {
        self.item(member)?
            .ok_or_else(|| constraint("null", &lower_first(member), "Member must not be null"))
    }

    /// The table an operation names: 1 to 255 characters (a table's own name is at
    /// least 3, but only CreateTable says so; elsewhere a shorter one is not found).
    pub fn table_name(&self) -> DResult<&str> {
        let name = self.required_str("TableName")?;
        check_table_name(name, "tableName")?;
        Ok(name)
    }

    /// CreateTable's TableName: 3 to 255 characters.
    pub fn new_table_name(&self) -> DResult<&str> {
        let name = self.required_str("TableName")?;
        check_new_table_name(name, "tableName")?;
        Ok(name)
    }

    /// ExpressionAttributeNames and Values, checked as DynamoDB checks them.
    pub fn env(&self, expressions: &[&str]) -> DResult<Env> {
        let any_expression = expressions.iter().any(|e| self.has(e));
        let names: HashMap<String, String> = match self.object("ExpressionAttributeNames")? {
            None => HashMap::new(),
            Some(m) => {
                if !any_expression {
                    return Err(DynamoError::validation(
                        "1 validation error detected: ExpressionAttributeNames can only be specified when using expressions",
                    ));
                }
                if m.is_empty() {
                    return Err(DynamoError::validation(
                        "1 validation error detected: ExpressionAttributeNames must not be empty",
                    ));
                }
                m.iter()
                    .map(|(k, v)| {
                        if !k.starts_with('#') || k.len() < 2 {
                            return Err(DynamoError::validation(format!(
                                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"{k}\""
                            )));
                        }
                        match v.as_str() {
                            Some("") => Err(DynamoError::validation(format!(
                                "ExpressionAttributeNames contains invalid value: Empty attribute name for key {k}"
                            ))),
                            Some(s) => Ok((k.clone(), s.to_string())),
                            None => Err(wire::type_error(Wire::String, v)),
                        }
                    })
                    .collect::<DResult<_>>()?
            }
        };
        let values: HashMap<String, Value> = match self.object("ExpressionAttributeValues")? {
            None => HashMap::new(),
            Some(m) => {
                if !any_expression {
                    return Err(DynamoError::validation(
                        "1 validation error detected: ExpressionAttributeValues can only be specified when using expressions",
                    ));
                }
                if m.is_empty() {
                    return Err(DynamoError::validation(
                        "1 validation error detected: ExpressionAttributeValues must not be empty",
                    ));
                }
                let mut out = HashMap::new();
                for (k, v) in m {
                    if !k.starts_with(':') {
                        return Err(DynamoError::validation(format!(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"{k}\""
                        )));
                    }
                    let value = Value::from_json(v).map_err(|mut e| {
                        // A value's fault names its key where the operation's
                        // layer says so; any other is wrapped as always.
                        if let Some(f) = e.fault.as_mut() {
                            f.key = Some(k.clone());
                            e
                        } else {
                            DynamoError::validation(format!(
                                "ExpressionAttributeValues contains invalid value: {} for key {k}",
                                e.message
                            ))
                        }
                    })?;
                    out.insert(k.clone(), value);
                }
                out
            }
        };
        Ok(Env::new(names, values))
    }

    pub fn expression(&self, member: &str) -> DResult<Option<&str>> {
        self.str(member)
    }
}

/// A table name where any length from 1 will do (3 is checked by CreateTable).
pub fn check_table_name(name: &str, member: &str) -> DResult<()> {
    check_name(name, member, 1)
}

pub fn check_new_table_name(name: &str, member: &str) -> DResult<()> {
    check_name(name, member, 3)
}

fn check_name(name: &str, member: &str, min: usize) -> DResult<()> {
    if name.len() < min {
        return Err(constraint(
            &format!("'{name}'"),
            member,
            &format!("Member must have length greater than or equal to {min}"),
        ));
    }
    if name.len() > 255 {
        return Err(constraint(
            &format!("'{name}'"),
            member,
            "Member must have length less than or equal to 255",
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        return Err(constraint(
            &format!("'{name}'"),
            member,
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        ));
    }
    Ok(())
}
