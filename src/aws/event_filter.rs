//! Lambda's event filtering (FilterCriteria of an event source mapping): the
//! EventBridge-style patterns a record must match to reach the function. A record
//! matches when any filter matches; a filter matches when every key it names
//! matches. Written by hand: the pattern language is Lambda's, small and bounded.
//!
//! Supported, as Lambda documents them: literal strings, numbers, booleans and
//! null in arrays (any one equal), `prefix`, `suffix`, `equals-ignore-case`,
//! `anything-but` (a value, a list, or `{"prefix": …}`), `numeric` (up to two
//! comparisons; DynamoDB's numbers, which are strings, compare as numbers), `exists`.

use serde_json::Value as Json;

/// At most five filters per mapping, each pattern at most 4,096 characters, as
/// Lambda allows; and nesting at most this deep (a record's is bounded too).
pub const MAX_FILTERS: usize = 5;
pub const MAX_PATTERN_CHARS: usize = 4096;
const MAX_DEPTH: usize = 32;

/// A parsed pattern: an object of keys to nested patterns or lists of matchers.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern(Json);

/// AWS's one message for every malformed pattern.
pub const INVALID: &str = "Invalid filter pattern definition.";

impl Pattern {
    pub fn parse(text: &str) -> Result<Pattern, &'static str> {
        if text.len() > MAX_PATTERN_CHARS {
            return Err(INVALID);
        }
        let v: Json = serde_json::from_str(text).map_err(|_| INVALID)?;
        if !v.is_object() || !valid(&v) {
            return Err(INVALID);
        }
        Ok(Pattern(v))
    }

    pub fn matches(&self, event: &Json) -> bool {
        // Iterative: a stack of (pattern object, the event's value at that place).
        let mut stack: Vec<(&Json, Option<&Json>)> = vec![(&self.0, Some(event))];
        while let Some((pattern, value)) = stack.pop() {
            let Some(fields) = pattern.as_object() else {
                return false;
            };
            for (key, want) in fields {
                let got = value.and_then(|v| v.get(key));
                match want {
                    Json::Object(_) => stack.push((want, got)),
                    Json::Array(list) => {
                        if !list.iter().any(|m| matcher_matches(m, got)) {
                            return false;
                        }
                    }
                    _ => return false,
                }
            }
        }
        true
    }
}

/// The pattern's shape, checked without recursion: objects of objects or arrays of
/// matchers, nested at most MAX_DEPTH deep.
fn valid(root: &Json) -> bool {
    let mut stack = vec![(root, 1usize)];
    while let Some((v, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return false;
        }
        let Some(fields) = v.as_object() else {
            return false;
        };
        if fields.is_empty() {
            return false;
        }
        for want in fields.values() {
            match want {
                Json::Object(_) => stack.push((want, depth + 1)),
                Json::Array(list) if !list.is_empty() => {
                    if !list.iter().all(valid_matcher) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }
    true
}

fn valid_matcher(m: &Json) -> bool {
    let Json::Object(o) = m else {
        return !m.is_array();
    };
    if o.len() != 1 {
        return false;
    }
    let (op, arg) = o.iter().next().expect("one member");
    match op.as_str() {
        "prefix" | "suffix" | "equals-ignore-case" => arg.is_string(),
        "exists" => arg.is_boolean(),
        "numeric" => numeric_terms(arg).is_some(),
        "anything-but" => match arg {
            Json::Array(list) => {
                !list.is_empty() && list.iter().all(|v| v.is_string() || v.is_number())
            }
            Json::Object(p) => p.len() == 1 && p.get("prefix").is_some_and(Json::is_string),
            Json::String(_) | Json::Number(_) => true,
            _ => false,
        },
        _ => false,
    }
}

/// `[">", 0, "<=", 5]` → its comparisons (one or two).
fn numeric_terms(arg: &Json) -> Option<Vec<(&str, f64)>> {
    let list = arg.as_array()?;
    if list.is_empty() || list.len() > 4 || list.len() % 2 != 0 {
        return None;
    }
    list.chunks(2)
        .map(|c| {
            let op = c[0].as_str()?;
            matches!(op, "=" | "<" | "<=" | ">" | ">=").then_some(())?;
            Some((op, c[1].as_f64()?))
        })
        .collect()
}

/// A number in the event: a JSON number, or a string holding one (DynamoDB's N).
fn number(v: &Json) -> Option<f64> {
    match v {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The event's values at a place: an array's elements each, else the value.
fn each(got: &Json) -> Vec<&Json> {
    match got {
        Json::Array(a) => a.iter().collect(),
        v => vec![v],
    }
}

fn matcher_matches(m: &Json, got: Option<&Json>) -> bool {
    if let Json::Object(o) = m
        && let Some((op, arg)) = o.iter().next()
    {
        if op == "exists" {
            return arg.as_bool() == Some(got.is_some());
        }
        let Some(got) = got else {
            return false;
        };
        return each(got).into_iter().any(|v| match op.as_str() {
            "prefix" => v
                .as_str()
                .zip(arg.as_str())
                .is_some_and(|(s, p)| s.starts_with(p)),
            "suffix" => v
                .as_str()
                .zip(arg.as_str())
                .is_some_and(|(s, p)| s.ends_with(p)),
            "equals-ignore-case" => v
                .as_str()
                .zip(arg.as_str())
                .is_some_and(|(s, p)| s.eq_ignore_ascii_case(p)),
            "numeric" => match (number(v), numeric_terms(arg)) {
                (Some(x), Some(terms)) => terms.iter().all(|(op, n)| match *op {
                    "=" => x == *n,
                    "<" => x < *n,
                    "<=" => x <= *n,
                    ">" => x > *n,
                    _ => x >= *n,
                }),
                _ => false,
            },
            "anything-but" => match arg {
                Json::Array(list) => !list.iter().any(|a| literal_eq(a, v)),
                Json::Object(p) => {
                    let prefix = p.get("prefix").and_then(Json::as_str).unwrap_or_default();
                    v.as_str().is_some_and(|s| !s.starts_with(prefix))
                }
                a => !literal_eq(a, v),
            },
            _ => false,
        });
    }
    got.is_some_and(|g| each(g).into_iter().any(|v| literal_eq(m, v)))
}

fn literal_eq(want: &Json, got: &Json) -> bool {
    match (want, got) {
        (Json::Number(a), Json::Number(b)) => a.as_f64() == b.as_f64(),
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(name: &str, status: &str, qty: &str) -> Json {
        json!({
            "eventName": name,
            "dynamodb": { "NewImage": { "status": { "S": status }, "qty": { "N": qty } } }
        })
    }

    fn m(pattern: &str, event: &Json) -> bool {
        Pattern::parse(pattern).expect("valid").matches(event)
    }

    #[test]
    fn literals_prefixes_and_numbers_match_as_lambda_documents() {
        let r = record("INSERT", "done-late", "7");
        assert!(m(r#"{"eventName":["INSERT","MODIFY"]}"#, &r));
        assert!(!m(r#"{"eventName":["REMOVE"]}"#, &r));
        assert!(m(
            r#"{"dynamodb":{"NewImage":{"status":{"S":[{"prefix":"done"}]}}}}"#,
            &r
        ));
        assert!(m(
            r#"{"dynamodb":{"NewImage":{"status":{"S":[{"suffix":"late"}]}}}}"#,
            &r
        ));
        assert!(m(
            r#"{"dynamodb":{"NewImage":{"qty":{"N":[{"numeric":[">",5,"<=",7]}]}}}}"#,
            &r
        ));
        assert!(!m(
            r#"{"dynamodb":{"NewImage":{"qty":{"N":[{"numeric":["<",5]}]}}}}"#,
            &r
        ));
        assert!(m(r#"{"eventName":[{"anything-but":["REMOVE"]}]}"#, &r));
        assert!(!m(r#"{"eventName":[{"anything-but":"INSERT"}]}"#, &r));
        assert!(m(r#"{"dynamodb":{"OldImage":[{"exists":false}]}}"#, &r));
        assert!(!m(r#"{"dynamodb":{"NewImage":[{"exists":false}]}}"#, &r));
        assert!(m(r#"{"eventName":[{"equals-ignore-case":"insert"}]}"#, &r));
        // Every key must match.
        assert!(!m(
            r#"{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["open"]}}}}"#,
            &r
        ));
    }

    #[test]
    fn malformed_patterns_are_refused() {
        for bad in [
            "",
            "[]",
            "{}",
            r#"{"a":"b"}"#,
            r#"{"a":[]}"#,
            r#"{"a":[{"nope":1}]}"#,
            r#"{"a":[{"numeric":[">"]}]}"#,
            r#"{"a":[{"prefix":1}]}"#,
            r#"{"a":[[1]]}"#,
        ] {
            assert_eq!(Pattern::parse(bad), Err(INVALID), "{bad}");
        }
        let deep = format!("{}[1]{}", r#"{"a":"#.repeat(40), "}".repeat(40));
        assert_eq!(Pattern::parse(&deep), Err(INVALID));
        let long = format!(r#"{{"a":["{}"]}}"#, "x".repeat(MAX_PATTERN_CHARS));
        assert_eq!(Pattern::parse(&long), Err(INVALID));
    }
}
