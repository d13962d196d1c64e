//! Plain JSON items to DynamoDB JSON and back. The item model decides types that
//! plain JSON cannot say (sets, binaries); otherwise types are inferred. Numbers
//! keep their exact digits (serde_json's arbitrary precision).

use serde_json::{Map, Value as Json, json};

use crate::project::model::{AttributeType, ItemModel};

/// Why a plain value cannot become the attribute's type.
pub fn type_error(attr: &str, ty: AttributeType, value: &Json) -> String {
    format!(
        "`{attr}` must be a {} (the item model says so), found {}",
        ty.name(),
        kind_of(value)
    )
}

fn kind_of(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// A number's text, from a JSON number or a numeric string.
fn number_text(v: &Json) -> Option<String> {
    match v {
        Json::Number(n) => Some(n.to_string()),
        Json::String(s) if !s.is_empty() && s.parse::<f64>().is_ok() => Some(s.clone()),
        _ => None,
    }
}

fn distinct(items: &[Json]) -> bool {
    items
        .iter()
        .enumerate()
        .all(|(i, a)| !items[..i].contains(a))
}

/// A plain value as DynamoDB JSON, typed by `ty` when the model gives one.
pub fn to_dynamo(attr: &str, value: &Json, ty: Option<AttributeType>) -> Result<Json, String> {
    use AttributeType as T;
    let Some(ty) = ty else {
        return Ok(infer(value));
    };
    let err = || type_error(attr, ty, value);
    Ok(match ty {
        T::String => json!({ "S": value.as_str().ok_or_else(err)? }),
        T::Number => json!({ "N": number_text(value).ok_or_else(err)? }),
        T::Boolean => json!({ "BOOL": value.as_bool().ok_or_else(err)? }),
        T::Binary => json!({ "B": value.as_str().ok_or_else(err)? }),
        T::Null => {
            if !value.is_null() {
                return Err(err());
            }
            json!({ "NULL": true })
        }
        T::List => {
            json!({ "L": value.as_array().ok_or_else(err)?.iter().map(infer).collect::<Vec<_>>() })
        }
        T::Map => {
            json!({ "M": value.as_object().ok_or_else(err)?.iter().map(|(k, v)| (k.clone(), infer(v))).collect::<Map<_, _>>() })
        }
        T::StringSet | T::NumberSet | T::BinarySet => {
            let items = value.as_array().ok_or_else(err)?;
            if items.is_empty() {
                return Err(format!(
                    "`{attr}` is an empty set; DynamoDB has no empty sets (leave the attribute out)"
                ));
            }
            if !distinct(items) {
                return Err(format!(
                    "`{attr}` repeats a member; a set holds each member once"
                ));
            }
            let texts: Option<Vec<String>> = match ty {
                T::NumberSet => items.iter().map(number_text).collect(),
                _ => items.iter().map(|i| i.as_str().map(String::from)).collect(),
            };
            let texts = texts.ok_or_else(err)?;
            let tag = match ty {
                T::StringSet => "SS",
                T::NumberSet => "NS",
                _ => "BS",
            };
            json!({ tag: texts })
        }
    })
}

/// Types from plain JSON alone: strings S, numbers N, booleans BOOL, null NULL,
/// arrays L, objects M.
pub fn infer(value: &Json) -> Json {
    match value {
        Json::Null => json!({ "NULL": true }),
        Json::Bool(b) => json!({ "BOOL": b }),
        Json::Number(n) => json!({ "N": n.to_string() }),
        Json::String(s) => json!({ "S": s }),
        Json::Array(a) => json!({ "L": a.iter().map(infer).collect::<Vec<_>>() }),
        Json::Object(o) => {
            json!({ "M": o.iter().map(|(k, v)| (k.clone(), infer(v))).collect::<Map<_, _>>() })
        }
    }
}

/// A plain item as DynamoDB JSON, typed by the model where it names the attribute.
pub fn item_to_dynamo(
    plain: &Map<String, Json>,
    model: Option<&ItemModel>,
) -> Result<Map<String, Json>, String> {
    plain
        .iter()
        .map(|(k, v)| {
            let ty = model.and_then(|m| m.attributes.get(k)).map(|a| a.kind);
            Ok((k.clone(), to_dynamo(k, v, ty)?))
        })
        .collect()
}

/// DynamoDB JSON as plain JSON: numbers as exact JSON numbers, sets as arrays,
/// binaries as base64 strings.
pub fn from_dynamo(av: &Json) -> Json {
    let Some((tag, v)) = av.as_object().and_then(|o| o.iter().next()) else {
        return Json::Null;
    };
    let number =
        |s: &str| serde_json::from_str::<Json>(s).unwrap_or_else(|_| Json::String(s.to_string()));
    match tag.as_str() {
        "S" | "B" | "BOOL" => v.clone(),
        "N" => number(v.as_str().unwrap_or("0")),
        "NULL" => Json::Null,
        "SS" | "BS" => v.clone(),
        "NS" => Json::Array(
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| number(x.as_str().unwrap_or("0")))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        "L" => Json::Array(
            v.as_array()
                .map(|a| a.iter().map(from_dynamo).collect())
                .unwrap_or_default(),
        ),
        "M" => Json::Object(
            v.as_object()
                .map(|m| m.iter().map(|(k, x)| (k.clone(), from_dynamo(x))).collect())
                .unwrap_or_default(),
        ),
        _ => Json::Null,
    }
}

pub fn item_from_dynamo(item: &Map<String, Json>) -> Map<String, Json> {
    item.iter()
        .map(|(k, v)| (k.clone(), from_dynamo(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_every_digit() {
        let plain: Json =
            serde_json::from_str(r#"{"n": 12345678901234567890123456789012345678}"#).unwrap();
        let d = item_to_dynamo(plain.as_object().unwrap(), None).unwrap();
        assert_eq!(
            d["n"],
            json!({"N": "12345678901234567890123456789012345678"})
        );
        assert_eq!(
            from_dynamo(&d["n"]).to_string(),
            "12345678901234567890123456789012345678"
        );
    }

    #[test]
    fn model_types_sets_and_binaries() {
        assert_eq!(
            to_dynamo("t", &json!(["a", "b"]), Some(AttributeType::StringSet)).unwrap(),
            json!({"SS": ["a", "b"]})
        );
        assert_eq!(
            to_dynamo("t", &json!([1, "2"]), Some(AttributeType::NumberSet)).unwrap(),
            json!({"NS": ["1", "2"]})
        );
        assert!(
            to_dynamo("t", &json!([]), Some(AttributeType::StringSet))
                .unwrap_err()
                .contains("empty set")
        );
        assert!(
            to_dynamo("t", &json!("x"), Some(AttributeType::Number))
                .unwrap_err()
                .contains("must be a number")
        );
        assert_eq!(from_dynamo(&json!({"NS": ["1.5"]})), json!([1.5]));
    }
}
