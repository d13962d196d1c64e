//! Attribute values (S, N, B, BOOL, NULL, M, L, SS, NS, BS), read from and written
//! to DynamoDB JSON with DynamoDB's own validation messages, and their sizes.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Map, Value as Json};

use super::error::{DResult, DynamoError};
use super::number::Number;
use super::wire::{ATTRIBUTE_VALUE, Wire, type_error};

pub type Item = BTreeMap<String, Value>;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    S(String),
    N(Number),
    B(Vec<u8>),
    Bool(bool),
    Null,
    M(BTreeMap<String, Value>),
    L(Vec<Value>),
    SS(Vec<String>),
    NS(Vec<Number>),
    BS(Vec<Vec<u8>>),
}

/// Nesting deeper than DynamoDB's 32 levels is refused, which also bounds recursion.
pub const MAX_DEPTH: usize = 32;

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::S(_) => "S",
            Value::N(_) => "N",
            Value::B(_) => "B",
            Value::Bool(_) => "BOOL",
            Value::Null => "NULL",
            Value::M(_) => "M",
            Value::L(_) => "L",
            Value::SS(_) => "SS",
            Value::NS(_) => "NS",
            Value::BS(_) => "BS",
        }
    }

    /// Bytes DynamoDB counts for the value (not its name).
    pub fn size(&self) -> usize {
        match self {
            Value::S(s) => s.len(),
            Value::N(n) => n.size(),
            Value::B(b) => b.len(),
            Value::Bool(_) | Value::Null => 1,
            Value::M(m) => 3 + m.iter().map(|(k, v)| k.len() + v.size() + 1).sum::<usize>(),
            Value::L(l) => 3 + l.iter().map(|v| v.size() + 1).sum::<usize>(),
            Value::SS(s) => s.iter().map(String::len).sum(),
            Value::NS(s) => s.iter().map(Number::size).sum(),
            Value::BS(s) => s.iter().map(Vec::len).sum(),
        }
    }

    pub fn from_json(json: &Json) -> DResult<Value> {
        parse(json, 0)
    }

    pub fn to_json(&self) -> Json {
        let mut map = Map::with_capacity(1);
        let (k, v) = match self {
            Value::S(s) => ("S", Json::String(s.clone())),
            Value::N(n) => ("N", Json::String(n.to_string())),
            Value::B(b) => ("B", Json::String(B64.encode(b))),
            Value::Bool(b) => ("BOOL", Json::Bool(*b)),
            Value::Null => ("NULL", Json::Bool(true)),
            Value::M(m) => ("M", item_to_json(m)),
            Value::L(l) => ("L", Json::Array(l.iter().map(Value::to_json).collect())),
            Value::SS(s) => (
                "SS",
                Json::Array(s.iter().map(|x| Json::String(x.clone())).collect()),
            ),
            Value::NS(s) => (
                "NS",
                Json::Array(s.iter().map(|x| Json::String(x.to_string())).collect()),
            ),
            Value::BS(s) => (
                "BS",
                Json::Array(s.iter().map(|x| Json::String(B64.encode(x))).collect()),
            ),
        };
        map.insert(k.to_string(), v);
        Json::Object(map)
    }
}

pub fn item_size(item: &Item) -> usize {
    item.iter().map(|(k, v)| k.len() + v.size()).sum()
}

pub fn item_to_json(item: &BTreeMap<String, Value>) -> Json {
    Json::Object(item.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
}

/// Reads an item (a map of name to attribute value).
pub fn item_from_json(json: &Json) -> DResult<Item> {
    let Some(map) = json.as_object() else {
        if !json.is_null() {
            return Err(type_error(Wire::Map(ATTRIBUTE_VALUE), json));
        }
        return Err(DynamoError::validation(
            "Item must be a map of attribute names to attribute values",
        ));
    };
    map.iter()
        .map(|(k, v)| Ok((k.clone(), Value::from_json(v)?)))
        .collect()
}

/// A string member (S, N, a set's member), or a binary one (B, BS) to decode.
fn expect_str<'a>(v: &'a Json, ty: &str) -> DResult<&'a str> {
    let wire = if ty.starts_with('B') {
        Wire::Blob
    } else {
        Wire::String
    };
    v.as_str().ok_or_else(|| type_error(wire, v))
}

fn binary(text: &str) -> DResult<Vec<u8>> {
    B64.decode(text).map_err(|_| {
        let message = if !text.len().is_multiple_of(4) {
            format!(
                "Base64 encoded length is expected a multiple of 4 bytes but found: {}",
                text.len()
            )
        } else {
            // AWS's spelling.
            "Invalid last non-pad Base64 character dectected".to_string()
        };
        DynamoError::new(super::error::ErrorKind::SerializationFailure, message)
    })
}

/// The members an AttributeValue may set.
const TYPES: [&str; 10] = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

fn parse(json: &Json, depth: usize) -> DResult<Value> {
    if depth > MAX_DEPTH {
        return Err(DynamoError::validation(
            "Nesting Levels have exceeded supported limits",
        ));
    }
    let Some(map) = json.as_object() else {
        return Err(type_error(Wire::Value("AttributeValue"), json));
    };
    // Members that are no type are ignored, as AWS's reader ignores them.
    let mut set = map
        .iter()
        .filter(|(k, v)| !v.is_null() && TYPES.contains(&k.as_str()));
    let Some((ty, v)) = set.next() else {
        return Err(DynamoError::validation(
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        ));
    };
    if set.next().is_some() {
        // The reader converts numbers as it reads them: a bad one is reported
        // before the value is found to set several types.
        for (member, v) in map.iter().filter(|(k, _)| matches!(k.as_str(), "N" | "NS")) {
            match v {
                Json::String(text) => {
                    Number::parse(text)?;
                }
                Json::Array(texts) if member == "NS" => {
                    for text in texts.iter().filter_map(Json::as_str) {
                        Number::parse(text)?;
                    }
                }
                _ => {}
            }
        }
        return Err(DynamoError::validation(
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
        ));
    }
    Ok(match ty.as_str() {
        "S" => Value::S(expect_str(v, ty)?.to_string()),
        "N" => Value::N(Number::parse(expect_str(v, ty)?)?),
        "B" => Value::B(binary(expect_str(v, ty)?)?),
        "BOOL" => Value::Bool(v.as_bool().ok_or_else(|| type_error(Wire::Boolean, v))?),
        "NULL" => {
            if !v.is_boolean() {
                return Err(type_error(Wire::Boolean, v));
            }
            if v.as_bool() != Some(true) {
                return Err(DynamoError::invalid_parameter(
                    "Null attribute value types must have the value of true",
                ));
            }
            Value::Null
        }
        "M" => {
            let inner = v
                .as_object()
                .ok_or_else(|| type_error(Wire::Map(ATTRIBUTE_VALUE), v))?;
            let mut out = BTreeMap::new();
            for (k, v) in inner {
                out.insert(k.clone(), parse(v, depth + 1)?);
            }
            Value::M(out)
        }
        "L" => {
            let inner = v.as_array().ok_or_else(|| type_error(Wire::List, v))?;
            Value::L(
                inner
                    .iter()
                    .map(|x| parse(x, depth + 1))
                    .collect::<DResult<_>>()?,
            )
        }
        // SS, NS or BS: nothing else is kept.
        _ => {
            let inner = v.as_array().ok_or_else(|| type_error(Wire::List, v))?;
            let noun = match ty.as_str() {
                "SS" => "string",
                "NS" => "number",
                _ => "binary",
            };
            if inner.is_empty() {
                // AWS words the binary case differently.
                return Err(DynamoError::invalid_parameter(if noun == "binary" {
                    "Binary sets should not be empty".to_string()
                } else {
                    format!("An {noun} set  may not be empty")
                }));
            }
            let texts: Vec<&str> = inner
                .iter()
                .map(|x| expect_str(x, ty))
                .collect::<DResult<_>>()?;
            let value = match ty.as_str() {
                "SS" => Value::SS(texts.iter().map(|s| s.to_string()).collect()),
                "NS" => Value::NS(
                    texts
                        .iter()
                        .map(|s| Number::parse(s))
                        .collect::<DResult<_>>()?,
                ),
                _ => Value::BS(texts.iter().map(|s| binary(s)).collect::<DResult<_>>()?),
            };
            if has_duplicates(&value) {
                return Err(duplicates(ty, &texts));
            }
            value
        }
    })
}

/// A set with a repeated member, in both layers' words: the current one quotes the
/// members, in byte order up to the first repeat, then the repeat, then the rest
/// as sent (none for a number set); the older one lists them as sent. The binary
/// form names its type, with AWS's missing space.
fn duplicates(ty: &str, sent: &[&str]) -> DynamoError {
    const INVALID: &str = "One or more parameter values were invalid: ";
    if ty == "NS" {
        return DynamoError::value_fault(
            format!("{INVALID}Input collection contains duplicates."),
            "Input collection contains duplicates",
        );
    }
    let repeat = (0..sent.len())
        .find(|&i| sent[..i].contains(&sent[i]))
        .unwrap_or(sent.len());
    let mut head: Vec<&str> = sent[..repeat].to_vec();
    if ty == "BS" {
        head.sort_by_key(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b)
                .unwrap_or_default()
        });
    } else {
        head.sort();
    }
    let ordered: Vec<String> = head
        .into_iter()
        .chain(sent[repeat..].iter().copied())
        .map(|m| format!("\"{m}\""))
        .collect();
    if ty == "BS" {
        DynamoError::value_fault(
            format!(
                "{INVALID}Input collection [{}]of type BS contains duplicates.",
                ordered.join(",")
            ),
            format!(
                "{INVALID}Input collection [{}]of type BS contains duplicates.",
                sent.join(", ")
            ),
        )
    } else {
        DynamoError::value_fault(
            format!(
                "{INVALID}Input collection [{}] contains duplicates.",
                ordered.join(", ")
            ),
            format!(
                "{INVALID}Input collection [{}] contains duplicates.",
                sent.join(", ")
            ),
        )
    }
}

fn has_duplicates(v: &Value) -> bool {
    fn dup<T: PartialEq>(items: &[T]) -> bool {
        items
            .iter()
            .enumerate()
            .any(|(i, a)| items[..i].contains(a))
    }
    match v {
        Value::SS(s) => dup(s),
        Value::NS(s) => dup(s),
        Value::BS(s) => dup(s),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips() {
        let j = json!({"a": {"S": "x"}, "b": {"N": "01.50"}, "c": {"L": [{"NULL": true}, {"BOOL": false}]},
                       "d": {"SS": ["p", "q"]}, "e": {"B": "AAE="}, "f": {"M": {"g": {"NS": ["1", "2"]}}}});
        let item = item_from_json(&j).unwrap();
        let back = item_to_json(&item);
        assert_eq!(back["b"], json!({"N": "1.5"}));
        assert_eq!(item_from_json(&back).unwrap(), item);
    }

    #[test]
    fn refuses_like_dynamodb() {
        let err = Value::from_json(&json!({})).unwrap_err();
        assert!(err.message.starts_with("Supplied AttributeValue is empty"));
        let err = Value::from_json(&json!({"S": "a", "N": "1"})).unwrap_err();
        assert!(err.message.contains("more than one datatypes"));
        let err = Value::from_json(&json!({"NS": []})).unwrap_err();
        assert_eq!(
            err.message,
            "One or more parameter values were invalid: An number set  may not be empty"
        );
        let err = Value::from_json(&json!({"SS": ["b", "a", "b", "c"]})).unwrap_err();
        assert_eq!(
            err.message,
            r#"One or more parameter values were invalid: Input collection ["a", "b", "b", "c"] contains duplicates."#
        );
        let older = err.in_layer(crate::local::dynamodb::error::ValueLayer::Older);
        assert_eq!(
            older.message,
            "One or more parameter values were invalid: Input collection [b, a, b, c] contains duplicates."
        );
    }
}
