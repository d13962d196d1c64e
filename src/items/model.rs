//! Item models (Dynamoose-style) enforced on every write gatekit makes: required
//! attributes, types, enum, min/max, lengths, pattern, defaults, unknown attributes.
//! A rejected item names the attribute and the rule.

use base64::Engine;
use serde::Serialize;
use serde_json::{Map, Value as Json};

use super::convert::{from_dynamo, to_dynamo};
use crate::project::model::{AttributeModel, AttributeType, ItemModel, UnknownAttributes};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub attribute: String,
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.rule)
    }
}

fn violation(attribute: &str, rule: &'static str, message: String) -> Violation {
    Violation {
        attribute: attribute.to_string(),
        rule,
        message,
    }
}

fn tag_of(ty: AttributeType) -> &'static str {
    use AttributeType as T;
    match ty {
        T::String => "S",
        T::Number => "N",
        T::Boolean => "BOOL",
        T::Binary => "B",
        T::StringSet => "SS",
        T::NumberSet => "NS",
        T::BinarySet => "BS",
        T::List => "L",
        T::Map => "M",
        T::Null => "NULL",
    }
}

fn tag(av: &Json) -> &str {
    av.as_object()
        .and_then(|o| o.keys().next())
        .map(String::as_str)
        .unwrap_or("")
}

fn number(av: &Json) -> Option<f64> {
    av.get("N")
        .and_then(Json::as_str)
        .and_then(|s| s.parse().ok())
}

/// The length the model's min_length/max_length speak of.
fn length(av: &Json) -> Option<u64> {
    let (t, v) = av.as_object()?.iter().next()?;
    Some(match t.as_str() {
        "S" => v.as_str()?.chars().count() as u64,
        "B" => base64::engine::general_purpose::STANDARD
            .decode(v.as_str()?)
            .map(|b| b.len())
            .unwrap_or(0) as u64,
        "SS" | "NS" | "BS" | "L" => v.as_array()?.len() as u64,
        "M" => v.as_object()?.len() as u64,
        _ => return None,
    })
}

/// The rules one attribute's value breaks.
fn check_value(attr: &str, spec: &AttributeModel, av: &Json) -> Vec<Violation> {
    let mut out = Vec::new();
    if tag(av) != tag_of(spec.kind) {
        out.push(violation(
            attr,
            "type",
            format!("`{attr}` must be a {}, found {}", spec.kind.name(), tag(av)),
        ));
        return out;
    }
    if let Some(allowed) = &spec.allowed {
        let plain = from_dynamo(av);
        let ok = allowed
            .iter()
            .any(|a| *a == plain || (a.as_f64().is_some() && a.as_f64() == plain.as_f64()));
        if !ok {
            let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
            out.push(violation(
                attr,
                "enum",
                format!("`{attr}` is {plain}, not one of {}", list.join(", ")),
            ));
        }
    }
    if let Some(n) = number(av) {
        if let Some(min) = spec.min.filter(|m| n < *m) {
            out.push(violation(
                attr,
                "min",
                format!("`{attr}` is {n}, below the minimum {min}"),
            ));
        }
        if let Some(max) = spec.max.filter(|m| n > *m) {
            out.push(violation(
                attr,
                "max",
                format!("`{attr}` is {n}, above the maximum {max}"),
            ));
        }
    }
    if let Some(len) = length(av) {
        if let Some(min) = spec.min_length.filter(|m| len < *m) {
            out.push(violation(
                attr,
                "min_length",
                format!("`{attr}` has length {len}, below the minimum {min}"),
            ));
        }
        if let Some(max) = spec.max_length.filter(|m| len > *m) {
            out.push(violation(
                attr,
                "max_length",
                format!("`{attr}` has length {len}, above the maximum {max}"),
            ));
        }
    }
    if let (Some(pattern), Some(s)) = (&spec.pattern, av.get("S").and_then(Json::as_str)) {
        let whole = regex::Regex::new(&format!("^(?:{pattern})$"));
        if whole.is_ok_and(|re| !re.is_match(s)) {
            out.push(violation(
                attr,
                "pattern",
                format!("`{attr}` is {s:?}, which does not match /{pattern}/"),
            ));
        }
    }
    out
}

/// Checks the attributes present in `item` (DynamoDB JSON) against the model: what
/// an update writes. `keys` are always allowed.
pub fn check_present(model: &ItemModel, keys: &[&str], item: &Map<String, Json>) -> Vec<Violation> {
    let mut out = Vec::new();
    for (attr, av) in item {
        match model.attributes.get(attr) {
            Some(spec) => out.extend(check_value(attr, spec, av)),
            None if model.unknown == UnknownAttributes::Refuse
                && !keys.contains(&attr.as_str()) =>
            {
                out.push(violation(
                    attr,
                    "unknown",
                    format!("`{attr}` is not in the item model, which refuses unknown attributes"),
                ));
            }
            None => {}
        }
    }
    out
}

/// Checks a whole item (DynamoDB JSON): every rule, required attributes included.
pub fn check(model: &ItemModel, keys: &[&str], item: &Map<String, Json>) -> Vec<Violation> {
    let mut out = Vec::new();
    for (attr, spec) in &model.attributes {
        let required = spec.required.unwrap_or(false) || keys.contains(&attr.as_str());
        if required && !item.contains_key(attr) {
            out.push(violation(
                attr,
                "required",
                format!("`{attr}` is required and missing"),
            ));
        }
    }
    out.extend(check_present(model, keys, item));
    out
}

/// A plain item made ready to write: typed by the model, defaults filled in, every
/// rule checked. Without a model, types are inferred and nothing is enforced.
pub fn prepare(
    model: Option<&ItemModel>,
    keys: &[&str],
    plain: &Map<String, Json>,
) -> Result<Map<String, Json>, Vec<Violation>> {
    let mut typed = Map::new();
    let mut errors = Vec::new();
    for (attr, v) in plain {
        let ty = model.and_then(|m| m.attributes.get(attr)).map(|a| a.kind);
        match to_dynamo(attr, v, ty) {
            Ok(av) => {
                typed.insert(attr.clone(), av);
            }
            Err(message) => errors.push(violation(attr, "type", message)),
        }
    }
    let Some(model) = model else {
        return if errors.is_empty() {
            Ok(typed)
        } else {
            Err(errors)
        };
    };
    for (attr, spec) in &model.attributes {
        if let (Some(default), false) = (&spec.default, typed.contains_key(attr))
            && let Ok(av) = to_dynamo(attr, default, Some(spec.kind))
        {
            typed.insert(attr.clone(), av);
        }
    }
    // A value that could not be typed is reported once, not again by the checks.
    let untyped: Vec<String> = errors.iter().map(|e| e.attribute.clone()).collect();
    errors.extend(
        check(model, keys, &typed)
            .into_iter()
            .filter(|v| !untyped.contains(&v.attribute)),
    );
    if errors.is_empty() {
        Ok(typed)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model() -> ItemModel {
        serde_json::from_value(json!({
            "unknown": "refuse",
            "attributes": {
                "owner": {"type": "string", "required": true},
                "title": {"type": "string", "required": true, "max_length": 5, "pattern": "[a-z]+"},
                "status": {"type": "string", "enum": ["open", "done"], "default": "open"},
                "due": {"type": "number", "min": 0, "max": 10},
                "tags": {"type": "string_set"}
            }
        }))
        .unwrap()
    }

    fn prep(v: Json) -> Result<Map<String, Json>, Vec<Violation>> {
        prepare(Some(&model()), &["owner", "id"], v.as_object().unwrap())
    }

    #[test]
    fn fills_defaults_and_types() {
        let item = prep(json!({"owner": "a", "id": "1", "title": "abc", "tags": ["x"]})).unwrap();
        assert_eq!(item["status"], json!({"S": "open"}));
        assert_eq!(item["tags"], json!({"SS": ["x"]}));
    }

    #[test]
    fn names_attribute_and_rule() {
        let rules = |v: Json| -> Vec<(String, &'static str)> {
            prep(v)
                .unwrap_err()
                .into_iter()
                .map(|v| (v.attribute, v.rule))
                .collect()
        };
        assert_eq!(
            rules(json!({"owner": "a", "id": "1"})),
            [("title".to_string(), "required")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "toolong"})),
            [("title".to_string(), "max_length")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "ABC"})),
            [("title".to_string(), "pattern")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "a", "status": "late"})),
            [("status".to_string(), "enum")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "a", "due": 11})),
            [("due".to_string(), "max")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "a", "colour": "red"})),
            [("colour".to_string(), "unknown")]
        );
        assert_eq!(
            rules(json!({"owner": "a", "id": "1", "title": "a", "due": "soon"})),
            [("due".to_string(), "type")]
        );
    }
}
