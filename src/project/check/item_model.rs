//! Item models: each constraint fits its attribute's type, the constraints agree
//! with one another, defaults obey them, and key attributes keep their key types.

use serde_json::Value as Json;

use super::super::key::{KeyAttr, KeyType};
use super::super::model::{AttributeModel, AttributeType, ItemModel};
use super::Validation;

use AttributeType as T;

const SIZED: &[T] = &[
    T::String,
    T::Binary,
    T::StringSet,
    T::NumberSet,
    T::BinarySet,
    T::List,
    T::Map,
];

/// Which types a constraint applies to, for `field`.
fn applies(field: &str) -> &'static [AttributeType] {
    match field {
        "min" | "max" => &[T::Number],
        "min_length" | "max_length" => SIZED,
        "pattern" => &[T::String],
        "enum" => &[T::String, T::Number],
        _ => &[],
    }
}

fn key_type_of(kind: AttributeType) -> Option<KeyType> {
    match kind {
        T::String => Some(KeyType::S),
        T::Number => Some(KeyType::N),
        T::Binary => Some(KeyType::B),
        _ => None,
    }
}

fn model_type_of(kind: KeyType) -> &'static str {
    match kind {
        KeyType::S => "string",
        KeyType::N => "number",
        KeyType::B => "binary",
    }
}

pub fn check(
    ctx: &mut Validation<'_>,
    table: &str,
    model: &ItemModel,
    keys: &[KeyAttr],
    table_keys: &[&str],
    ttl: Option<&str>,
) {
    for (attr, spec) in &model.attributes {
        let base = ["tables", table, "items", "attributes", attr.as_str()];
        check_constraints_fit(ctx, &base, attr, spec);
        check_bounds(ctx, &base, spec);
        if let Some(pattern) = &spec.pattern
            && let Err(e) = regex::Regex::new(pattern)
        {
            let pos = ctx.loc.value(&[&base[..], &["pattern"]].concat());
            let detail = e.to_string();
            let last = detail.lines().last().unwrap_or("invalid").trim();
            let last = last.strip_prefix("error: ").unwrap_or(last).to_string();
            ctx.error(
                pos,
                format!("`pattern` of `{attr}` is not a valid regular expression: {last}"),
                "gatekit uses Rust regex syntax (no look-around or back-references)",
            );
        }
        if let Some(values) = &spec.allowed {
            for value in values {
                if let Some(fault) = value_fault(spec.kind, value) {
                    let pos = ctx.loc.value(&[&base[..], &["enum"]].concat());
                    ctx.error(
                        pos,
                        format!("`enum` of `{attr}` holds {value}, which {fault}"),
                        format!("every value of `enum` must be a {}", spec.kind.name()),
                    );
                }
            }
        }
        if let Some(default) = &spec.default {
            let pos = ctx.loc.value(&[&base[..], &["default"]].concat());
            if let Some(fault) =
                value_fault(spec.kind, default).or_else(|| constraint_fault(spec, default))
            {
                ctx.error(
                    pos,
                    format!("the default of `{attr}`, {default}, {fault}"),
                    "change the default so that it obeys the attribute's own rules",
                );
            }
        }
        if let Some(key) = keys.iter().find(|k| k.name == *attr) {
            if key_type_of(spec.kind) != Some(key.kind) {
                let pos = ctx.loc.value(&[&base[..], &["type"]].concat());
                ctx.error(
                    pos,
                    format!(
                        "`{attr}` is a key of type {} but the item model makes it a {}",
                        key.kind.name(),
                        spec.kind.name()
                    ),
                    format!("write `type: {}`", model_type_of(key.kind)),
                );
            }
            if table_keys.contains(&attr.as_str()) && spec.required == Some(false) {
                let pos = ctx.loc.value(&[&base[..], &["required"]].concat());
                ctx.error(
                    pos,
                    format!("`{attr}` is part of the table's key, so every item has it"),
                    "remove `required: false`",
                );
            }
        }
        if ttl == Some(attr.as_str()) && spec.kind != T::Number {
            let pos = ctx.loc.value(&[&base[..], &["type"]].concat());
            ctx.error(
                pos,
                format!(
                    "`{attr}` is the table's TTL attribute but the model makes it a {}",
                    spec.kind.name()
                ),
                "TTL reads epoch seconds from a number: write `type: number`",
            );
        }
    }
}

fn check_constraints_fit(
    ctx: &mut Validation<'_>,
    base: &[&str],
    attr: &str,
    spec: &AttributeModel,
) {
    let set: [(&str, bool); 6] = [
        ("min", spec.min.is_some()),
        ("max", spec.max.is_some()),
        ("min_length", spec.min_length.is_some()),
        ("max_length", spec.max_length.is_some()),
        ("pattern", spec.pattern.is_some()),
        ("enum", spec.allowed.is_some()),
    ];
    for (field, present) in set {
        if present && !applies(field).contains(&spec.kind) {
            let fits: Vec<&str> = applies(field).iter().map(|t| t.name()).collect();
            let pos = ctx.loc.key(&[base, &[field]].concat());
            ctx.error(
                pos,
                format!(
                    "`{field}` does not apply to `{attr}`, a {} attribute",
                    spec.kind.name()
                ),
                format!("`{field}` applies to {}", fits.join(", ")),
            );
        }
    }
}

fn check_bounds(ctx: &mut Validation<'_>, base: &[&str], spec: &AttributeModel) {
    if let (Some(min), Some(max)) = (spec.min, spec.max)
        && min > max
    {
        let pos = ctx.loc.value(&[base, &["max"]].concat());
        ctx.error(
            pos,
            format!("`max` ({max}) is below `min` ({min})"),
            "no value could satisfy both",
        );
    }
    if let (Some(min), Some(max)) = (spec.min_length, spec.max_length)
        && min > max
    {
        let pos = ctx.loc.value(&[base, &["max_length"]].concat());
        ctx.error(
            pos,
            format!("`max_length` ({max}) is below `min_length` ({min})"),
            "no value could satisfy both",
        );
    }
    if let Some(values) = &spec.allowed
        && values.is_empty()
    {
        let pos = ctx.loc.value(&[base, &["enum"]].concat());
        ctx.error(
            pos,
            "`enum` lists no values",
            "list the allowed values, or remove `enum`",
        );
    }
}

/// Why `value` cannot be a value of `kind` as gatekit's plain JSON writes it.
fn value_fault(kind: AttributeType, value: &Json) -> Option<String> {
    let ok = match kind {
        T::String => value.is_string(),
        T::Number => value.is_number(),
        T::Boolean => value.is_boolean(),
        // Binary values are written in base64.
        T::Binary => value.as_str().is_some_and(is_base64),
        T::StringSet => set_of(value, Json::is_string),
        T::NumberSet => set_of(value, Json::is_number),
        T::BinarySet => set_of(value, |v| v.as_str().is_some_and(is_base64)),
        T::List => value.is_array(),
        T::Map => value.is_object(),
        T::Null => value.is_null(),
    };
    if ok {
        return None;
    }
    Some(match kind {
        T::Binary => "is not base64 text".into(),
        T::StringSet | T::NumberSet | T::BinarySet => {
            format!(
                "is not a {} (a non-empty list of distinct values)",
                kind.name()
            )
        }
        _ => format!("is not a {}", kind.name()),
    })
}

fn set_of(value: &Json, member: fn(&Json) -> bool) -> bool {
    value.as_array().is_some_and(|items| {
        !items.is_empty()
            && items.iter().all(member)
            && items
                .iter()
                .enumerate()
                .all(|(i, a)| !items[..i].contains(a))
    })
}

fn is_base64(s: &str) -> bool {
    s.len().is_multiple_of(4)
        && s.trim_end_matches('=')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/')
        && s.len() - s.trim_end_matches('=').len() <= 2
}

/// Why a value of the right type breaks the attribute's other rules.
fn constraint_fault(spec: &AttributeModel, value: &Json) -> Option<String> {
    if let Some(allowed) = &spec.allowed
        && !allowed.contains(value)
    {
        return Some("is not in `enum`".into());
    }
    if let Some(n) = value.as_f64() {
        if spec.min.is_some_and(|m| n < m) {
            return Some("is below `min`".into());
        }
        if spec.max.is_some_and(|m| n > m) {
            return Some("is above `max`".into());
        }
    }
    let len = match value {
        Json::String(s) => Some(s.chars().count() as u64),
        Json::Array(a) => Some(a.len() as u64),
        Json::Object(o) => Some(o.len() as u64),
        _ => None,
    };
    if let Some(len) = len {
        if spec.min_length.is_some_and(|m| len < m) {
            return Some("is shorter than `min_length`".into());
        }
        if spec.max_length.is_some_and(|m| len > m) {
            return Some("is longer than `max_length`".into());
        }
    }
    if let (Some(pattern), Some(s)) = (&spec.pattern, value.as_str())
        && let Ok(re) = regex::Regex::new(&format!("^(?:{pattern})$"))
        && !re.is_match(s)
    {
        return Some("does not match `pattern`".into());
    }
    None
}
