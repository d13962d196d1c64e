//! The update language of `gatekit table update` (`--set 'n = n + 1'`, `--add`,
//! `--remove`, `--delete`), written as DynamoDB's UpdateExpression with generated
//! placeholders, values typed by the item model, and the model's rules checked
//! before anything is sent. Pure.

use serde_json::{Map, Value as Json};

use super::condition::{self, ConditionError, Placeholders, Typer, typed};
use super::model::{Violation, check_present};
use crate::project::model::{AttributeType, ItemModel};

/// The edits of one update, as the user wrote them.
pub struct Edits<'a> {
    pub set: &'a [String],
    pub add: &'a [String],
    pub remove: &'a [String],
    pub delete: &'a [String],
}

/// Why an update cannot be written.
#[derive(Debug)]
pub enum UpdateFault {
    /// The edits are malformed.
    Usage(ConditionError),
    /// The update would break the item model.
    Model(Vec<Violation>),
}

fn usage(message: impl Into<String>, hint: impl Into<String>) -> UpdateFault {
    UpdateFault::Usage(ConditionError {
        message: message.into(),
        hint: hint.into(),
    })
}

/// `path value` of --add and --delete: the path, then a JSON value.
fn path_and_value(spec: &str) -> Result<(String, Json), UpdateFault> {
    let spec = spec.trim();
    let split = spec.find(char::is_whitespace).ok_or_else(|| {
        usage(
            format!("`{spec}` needs a path and a value"),
            "write it like 'count 1' or 'tags [\"a\"]'",
        )
    })?;
    let (path, value) = spec.split_at(split);
    let value: Json = serde_json::from_str(value.trim()).map_err(|e| {
        usage(
            format!("the value in `{spec}` is not JSON: {e}"),
            "strings need quotes: 'tags [\"a\"]'",
        )
    })?;
    Ok((path.to_string(), value))
}

fn path_expr(path: &str, ph: &mut Placeholders) -> Result<String, UpdateFault> {
    // The condition language's paths: parse `path exists` and render its path.
    let cond = condition::parse(&format!("{path} exists")).map_err(|e| {
        usage(
            format!("`{path}` is not an attribute path: {}", e.message),
            "write names like title, doc.items[0]",
        )
    })?;
    match cond {
        condition::Cond::Exists(p) => Ok(ph.path(&p)),
        _ => Err(usage(
            format!("`{path}` is not an attribute path"),
            "write names like title, doc.items[0]",
        )),
    }
}

/// `path + 1` or `path - 2.5`: the path, the operator and the number.
fn arithmetic(rhs: &str) -> Option<(String, &'static str, Json)> {
    let re = regex::Regex::new(r"^(.+?)\s*([+-])\s*([0-9][0-9.eE+-]*)$").ok()?;
    let c = re.captures(rhs)?;
    let n: Json = serde_json::from_str(&c[3]).ok()?;
    let op = if &c[2] == "+" { "+" } else { "-" };
    Some((c[1].trim().to_string(), op, n))
}

/// The type of an ADD or DELETE value: the model's, else a set inferred from the
/// list's members (ADD and DELETE take numbers and sets, never lists).
fn set_type(typer: Typer<'_>, path: &str, value: &Json) -> Option<AttributeType> {
    use AttributeType as T;
    typer(&top_name(path)).or_else(|| match value.as_array() {
        Some(items) if !items.is_empty() && items.iter().all(Json::is_number) => Some(T::NumberSet),
        Some(items) if !items.is_empty() && items.iter().all(Json::is_string) => Some(T::StringSet),
        _ => None,
    })
}

fn top_name(path: &str) -> String {
    path.split(['.', '['])
        .next()
        .unwrap_or(path)
        .trim()
        .trim_matches('`')
        .to_string()
}

/// The UpdateExpression of `edits`, its names and values added to `ph`.
pub fn update_expression(
    edits: &Edits<'_>,
    model: Option<&ItemModel>,
    keys: &[&str],
    typer: Typer<'_>,
    ph: &mut Placeholders,
) -> Result<String, UpdateFault> {
    let mut sets = Vec::new();
    // What the update writes, checked against the model before sending.
    let mut written: Map<String, Json> = Map::new();
    for s in edits.set {
        let Some((path, rhs)) = s.split_once('=') else {
            return Err(usage(
                format!("--set `{s}` has no `=`"),
                "write --set 'title = \"new\"'",
            ));
        };
        let (path, rhs) = (path.trim(), rhs.trim());
        let lhs = path_expr(path, ph)?;
        let ty = typer(&top_name(path));
        // A JSON value, else `other + 1` / `other - 1`.
        let arith = serde_json::from_str::<Json>(rhs)
            .is_err()
            .then(|| arithmetic(rhs))
            .flatten();
        if let Some((left, op, n)) = arith {
            let src = path_expr(&left, ph)?;
            let v = ph.value(typed(&n, Some(AttributeType::Number)));
            sets.push(format!("{lhs} = {src} {op} {v}"));
        } else {
            let value: Json = serde_json::from_str(rhs).map_err(|e| {
                usage(
                    format!("the value of --set `{s}` is not JSON: {e}"),
                    "strings need quotes: --set 'title = \"new\"'",
                )
            })?;
            let av = typed(&value, ty);
            if !path.contains(['.', '[']) {
                written.insert(top_name(path), av.clone());
            }
            let v = ph.value(av);
            sets.push(format!("{lhs} = {v}"));
        }
    }
    // ADD and DELETE take the same `path value` actions.
    let mut set_actions = |specs: &[String]| -> Result<Vec<String>, UpdateFault> {
        specs
            .iter()
            .map(|spec| {
                let (path, value) = path_and_value(spec)?;
                let lhs = path_expr(&path, ph)?;
                let v = ph.value(typed(&value, set_type(typer, &path, &value)));
                Ok(format!("{lhs} {v}"))
            })
            .collect()
    };
    let adds = set_actions(edits.add)?;
    let deletes = set_actions(edits.delete)?;
    let mut removes = Vec::new();
    for r in edits.remove {
        let name = top_name(r);
        if model
            .and_then(|m| m.attributes.get(&name))
            .is_some_and(|a| a.required == Some(true))
            && !r.contains(['.', '['])
        {
            return Err(UpdateFault::Model(vec![Violation {
                attribute: name.clone(),
                rule: "required",
                message: format!("`{name}` is required and cannot be removed"),
            }]));
        }
        removes.push(path_expr(r, ph)?);
    }
    if let Some(m) = model {
        let v = check_present(m, keys, &written);
        if !v.is_empty() {
            return Err(UpdateFault::Model(v));
        }
    }
    let mut clauses = Vec::new();
    if !sets.is_empty() {
        clauses.push(format!("SET {}", sets.join(", ")));
    }
    if !removes.is_empty() {
        clauses.push(format!("REMOVE {}", removes.join(", ")));
    }
    if !adds.is_empty() {
        clauses.push(format!("ADD {}", adds.join(", ")));
    }
    if !deletes.is_empty() {
        clauses.push(format!("DELETE {}", deletes.join(", ")));
    }
    if clauses.is_empty() {
        return Err(usage(
            "the update changes nothing",
            "give --set, --add, --remove or --delete",
        ));
    }
    Ok(clauses.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(set: &[&str], add: &[&str], remove: &[&str]) -> Result<String, UpdateFault> {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (set, add, remove) = (own(set), own(add), own(remove));
        let edits = Edits {
            set: &set,
            add: &add,
            remove: &remove,
            delete: &[],
        };
        let typer = |_: &str| None;
        update_expression(&edits, None, &["pk"], &typer, &mut Placeholders::default())
    }

    #[test]
    fn writes_each_clause_once_in_dynamodb_order() {
        let e = build(&["title = \"x\"", "n = n + 1"], &["count 1"], &["old"]).unwrap();
        assert!(e.starts_with("SET "), "{e}");
        assert_eq!(e.matches("SET").count(), 1);
        let (set, rest) = e.split_once(" REMOVE ").unwrap();
        assert_eq!(set.matches(',').count(), 1, "{e}");
        assert!(rest.contains(" ADD "), "{e}");
    }

    #[test]
    fn refuses_what_is_malformed_or_empty() {
        assert!(
            matches!(build(&["title"], &[], &[]), Err(UpdateFault::Usage(e)) if e.message.contains("has no `=`"))
        );
        assert!(
            matches!(build(&["t = x"], &[], &[]), Err(UpdateFault::Usage(e)) if e.message.contains("not JSON"))
        );
        assert!(
            matches!(build(&[], &["count"], &[]), Err(UpdateFault::Usage(e)) if e.message.contains("needs a path and a value"))
        );
        assert!(
            matches!(build(&[], &[], &[]), Err(UpdateFault::Usage(e)) if e.message.contains("changes nothing"))
        );
    }
}
