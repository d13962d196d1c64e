//! Checks about keys in a request's expressions, in DynamoDB's words (recorded
//! against AWS by dynalite's suite): the shape a KeyConditionExpression must have,
//! checked before the table is looked up (only comparisons, BETWEEN and
//! begins_with, joined by AND, each naming one top-level attribute once); a
//! Query's ExclusiveStartKey against its condition; a filter that names the key it
//! queries by; a path into a key attribute. What the table's key makes of a key
//! condition is `query::key_condition`'s.

use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::expr::ast::{Comparator, Condition, Operand};
use std::cmp::Ordering;

use super::query::SortBound;
use crate::local::dynamodb::expr::check;
use crate::local::dynamodb::expr::eval::{compare, equal};
use crate::local::dynamodb::expr::{Elem, Env, ExprKind};
use crate::local::dynamodb::schema::{KeySchema, TableMeta};
use crate::local::dynamodb::value::{Item, Value};

fn invalid(message: impl Into<String>) -> DynamoError {
    DynamoError::validation(message)
}

fn operator(name: &str) -> DynamoError {
    invalid(format!(
        "Invalid operator used in KeyConditionExpression: {name}"
    ))
}

/// Walks the conditions joined by AND in order (a stack, not recursion: the
/// parser bounds nesting, and this keeps it so), failing at the first fault.
pub fn shape(env: &Env, root: &Condition) -> DResult<()> {
    between_bounds(env, root)?;
    let mut named: Vec<String> = Vec::new();
    let mut stack = vec![root];
    while let Some(c) = stack.pop() {
        let operands: Vec<&Operand> = match c {
            Condition::And(a, b) => {
                stack.push(b);
                stack.push(a);
                continue;
            }
            Condition::Or(..) => return Err(operator("OR")),
            Condition::Not(..) => return Err(operator("NOT")),
            Condition::In(..) => return Err(operator("IN")),
            Condition::Compare(_, Comparator::Ne, _) => return Err(operator("<>")),
            Condition::Exists(_) => return Err(operator("attribute_exists")),
            Condition::NotExists(_) => return Err(operator("attribute_not_exists")),
            Condition::AttributeType(..) => return Err(operator("attribute_type")),
            Condition::Contains(..) => return Err(operator("contains")),
            Condition::Between(a, lo, hi) => {
                first_is_attribute(a, "BETWEEN")?;
                vec![a, lo, hi]
            }
            Condition::BeginsWith(a, b) => {
                first_is_attribute(a, "begins_with")?;
                vec![a, b]
            }
            Condition::Compare(a, _, b) => vec![a, b],
        };
        let mut attribute: Option<String> = None;
        for operand in operands {
            match operand {
                Operand::Path(p) => {
                    if attribute.is_some() {
                        return Err(invalid(
                            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                        ));
                    }
                    match env.path(ExprKind::KeyCondition, p)?.as_slice() {
                        [Elem::Attr(a)] => attribute = Some(a.clone()),
                        _ => {
                            return Err(invalid(
                                "KeyConditionExpressions cannot have conditions on nested attributes",
                            ));
                        }
                    }
                }
                Operand::Value(_) => {}
                _ => {
                    return Err(invalid(
                        "KeyConditionExpressions cannot contain nested operations",
                    ));
                }
            }
        }
        let Some(attribute) = attribute else {
            return Err(invalid(
                "Invalid condition in KeyConditionExpression: No key attribute specified",
            ));
        };
        if named.contains(&attribute) {
            return Err(invalid(
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
            ));
        }
        named.push(attribute);
    }
    Ok(())
}

/// A BETWEEN's two values: of one type, the lower first (checked with the parse,
/// before the shape, as DynamoDB does).
fn between_bounds(env: &Env, root: &Condition) -> DResult<()> {
    let mut stack = vec![root];
    while let Some(c) = stack.pop() {
        match c {
            Condition::And(a, b) | Condition::Or(a, b) => {
                stack.push(b);
                stack.push(a);
            }
            Condition::Not(a) => stack.push(a),
            Condition::Between(_, Operand::Value(lo), Operand::Value(hi)) => {
                let kind = ExprKind::KeyCondition;
                check::between(kind, env.value(kind, lo)?, env.value(kind, hi)?)
                    .map_err(|e| invalid(e.message))?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn first_is_attribute(first: &Operand, operator: &str) -> DResult<()> {
    match first {
        Operand::Path(_) => Ok(()),
        _ => Err(invalid(format!(
            "Invalid condition in KeyConditionExpression: {operator} operator must have the key attribute as its first operand"
        ))),
    }
}

/// An ExclusiveStartKey must lie in the partition the condition names and satisfy
/// its sort-key condition, as DynamoDB checks.
pub fn start_within(
    start: &Item,
    key: &KeySchema,
    hash: &Value,
    sort: Option<&SortBound>,
) -> DResult<()> {
    if !start.get(&key.hash.name).is_some_and(|h| equal(h, hash)) {
        return Err(DynamoError::validation(
            "The provided starting key is outside query boundaries based on provided conditions",
        ));
    }
    let (Some(range), Some(bound)) = (&key.range, sort) else {
        return Ok(());
    };
    let Some(v) = start.get(&range.name) else {
        return Ok(());
    };
    let order = |b: &Value| compare(v, b);
    let matches = match bound {
        SortBound::Cmp(cmp, b) => order(b).is_some_and(|o| match cmp {
            Comparator::Eq => o == Ordering::Equal,
            Comparator::Lt => o == Ordering::Less,
            Comparator::Le => o != Ordering::Greater,
            Comparator::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        }),
        SortBound::Between(lo, hi) => {
            order(lo).is_some_and(|o| o != Ordering::Less)
                && order(hi).is_some_and(|o| o != Ordering::Greater)
        }
        SortBound::BeginsWith(p) => match (v, p) {
            (Value::S(x), Value::S(p)) => x.as_bytes().starts_with(p.as_bytes()),
            (Value::B(x), Value::B(p)) => x.starts_with(p),
            _ => false,
        },
    };
    if matches {
        Ok(())
    } else {
        Err(DynamoError::validation(
            "The provided starting key does not match the range key predicate",
        ))
    }
}

/// Every document path a condition names, resolved (a stack, not recursion).
pub fn condition_paths(env: &Env, kind: ExprKind, c: &Condition) -> Vec<Vec<Elem>> {
    let mut found = Vec::new();
    let mut stack = vec![c];
    while let Some(c) = stack.pop() {
        let mut op = |mut o: &Operand| {
            while let Operand::Size(inner) = o {
                o = inner;
            }
            if let Operand::Path(p) = o {
                found.push(p.clone());
            }
        };
        match c {
            Condition::Compare(a, _, b)
            | Condition::BeginsWith(a, b)
            | Condition::Contains(a, b) => {
                op(a);
                op(b);
            }
            Condition::Between(a, b, d) => {
                op(a);
                op(b);
                op(d);
            }
            Condition::In(a, list) => {
                op(a);
                list.iter().for_each(op);
            }
            Condition::And(a, b) | Condition::Or(a, b) => {
                stack.push(b);
                stack.push(a);
            }
            Condition::Not(a) => stack.push(a),
            Condition::Exists(p) | Condition::NotExists(p) | Condition::AttributeType(p, _) => {
                found.push(p.clone())
            }
        }
    }
    found
        .iter()
        .filter_map(|p| env.path(kind, p).ok())
        .collect()
}

/// A Query's filter may not name the key it queries by (nor a path inside it).
pub fn filter_keys(paths: &[Vec<Elem>], key: &KeySchema) -> DResult<()> {
    for path in paths {
        if let Some(Elem::Attr(a)) = path.first()
            && key.names().contains(&a.as_str())
        {
            return Err(DynamoError::validation(format!(
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: {a}"
            )));
        }
    }
    Ok(())
}

/// No expression may reach inside a key attribute of the table or of an index:
/// keys are scalars. Reported by key, the table's first, as DynamoDB does.
pub fn key_paths(paths: &[Vec<Elem>], meta: &TableMeta) -> DResult<()> {
    let nested = |attr: &str| {
        paths
            .iter()
            .any(|p| p.len() > 1 && matches!(p.first(), Some(Elem::Attr(a)) if a == attr))
    };
    let error = |which: &str, attr: &str| {
        DynamoError::validation(format!(
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: {which}: {attr}"
        ))
    };
    if let Some(a) = meta.key.names().into_iter().find(|a| nested(a)) {
        return Err(error("Key", a));
    }
    for index in meta.gsis.iter().chain(meta.lsis.iter()) {
        if let Some(a) = index.key.names().into_iter().find(|a| nested(a)) {
            return Err(error("IndexKey", a));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::dynamodb::expr::ast::Comparator;
    use crate::local::dynamodb::schema::{KeyAttr, ScalarType};

    fn key() -> KeySchema {
        KeySchema {
            hash: KeyAttr {
                name: "pk".into(),
                kind: ScalarType::S,
            },
            range: Some(KeyAttr {
                name: "sk".into(),
                kind: ScalarType::B,
            }),
        }
    }

    fn start(pk: &str, sk: &[u8]) -> Item {
        let mut item = Item::new();
        item.insert("pk".into(), Value::S(pk.into()));
        item.insert("sk".into(), Value::B(sk.to_vec()));
        item
    }

    #[test]
    fn a_start_key_must_lie_in_the_partition_and_match_the_sort_condition() {
        let hash = Value::S("a".into());
        let within = |s: &Item, bound: Option<&SortBound>| start_within(s, &key(), &hash, bound);
        let outside =
            "The provided starting key is outside query boundaries based on provided conditions";
        let off = "The provided starting key does not match the range key predicate";
        assert_eq!(
            within(&start("b", b"x"), None).unwrap_err().message,
            outside
        );
        assert!(within(&start("a", b"x"), None).is_ok());
        let prefix = SortBound::BeginsWith(Value::B(b"ab".to_vec()));
        assert!(within(&start("a", b"abc"), Some(&prefix)).is_ok());
        assert_eq!(
            within(&start("a", b"b"), Some(&prefix))
                .unwrap_err()
                .message,
            off
        );
        let between = SortBound::Between(Value::B(b"b".to_vec()), Value::B(b"d".to_vec()));
        assert!(within(&start("a", b"d"), Some(&between)).is_ok());
        assert_eq!(
            within(&start("a", b"e"), Some(&between))
                .unwrap_err()
                .message,
            off
        );
        let above = SortBound::Cmp(Comparator::Gt, Value::B(b"m".to_vec()));
        assert_eq!(
            within(&start("a", b"m"), Some(&above)).unwrap_err().message,
            off
        );
    }
}
