//! Applying an UpdateExpression: SET (with + and -, list_append, if_not_exists),
//! REMOVE (list elements too), ADD and DELETE, with DynamoDB's checks and messages.

use super::ast::{Operand, UpdateAction};
use super::eval::{Evaluator, equal, lookup};
use super::{Elem, Env, ExprError, ExprKind, Path, path_text};
use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::value::{Item, Value};

const KIND: ExprKind = ExprKind::Update;

fn invalid(detail: impl std::fmt::Display) -> DynamoError {
    ExprError::invalid(KIND, detail).into()
}

fn bad_path() -> DynamoError {
    DynamoError::validation(
        "The document path provided in the update expression is invalid for update",
    )
}

fn wrong_type() -> DynamoError {
    DynamoError::validation("An operand in the update expression has an incorrect data type")
}

fn missing_attribute() -> DynamoError {
    DynamoError::validation(
        "The provided expression refers to an attribute that does not exist in the item",
    )
}

/// Checks that no two paths overlap or conflict (update actions, projections).
pub fn check_paths(kind: ExprKind, paths: &[Path]) -> DResult<()> {
    let invalid = |detail: String| -> DynamoError { ExprError::invalid(kind, detail).into() };
    for (i, a) in paths.iter().enumerate() {
        for b in &paths[..i] {
            let common = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
            if common == a.len().min(b.len()) {
                return Err(invalid(format!(
                    "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {}, path two: {}",
                    path_text(b),
                    path_text(a)
                )));
            }
            let (x, y) = (&a[common], &b[common]);
            if std::mem::discriminant(x) != std::mem::discriminant(y) {
                return Err(invalid(format!(
                    "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {}, path two: {}",
                    path_text(b),
                    path_text(a)
                )));
            }
        }
    }
    Ok(())
}

/// Applies `actions` to `item`; the key attributes may not be touched.
pub fn apply(
    env: &Env,
    item: &mut Item,
    actions: &[UpdateAction],
    key_attrs: &[&str],
) -> DResult<()> {
    let paths: Vec<Path> = actions
        .iter()
        .map(|a| env.path(KIND, a.path()))
        .collect::<Result<_, _>>()?;
    check_paths(KIND, &paths)?;
    for p in &paths {
        if let [Elem::Attr(name), ..] = p.as_slice()
            && key_attrs.contains(&name.as_str())
        {
            return Err(DynamoError::invalid_parameter(format!(
                "Cannot update attribute {name}. This attribute is part of the key"
            )));
        }
    }
    let eval = Evaluator::new(env, KIND);
    // Every value is computed from the item as it was before the update.
    let original = item.clone();
    let mut sets = Vec::new();
    let mut removes = Vec::new();
    let mut adds = Vec::new();
    let mut deletes = Vec::new();
    for (action, path) in actions.iter().zip(paths) {
        match action {
            UpdateAction::Set(_, op) => sets.push((path, set_value(&eval, &original, op)?)),
            UpdateAction::Remove(_) => removes.push(path),
            UpdateAction::Add(_, op) => adds.push((path, env.value(KIND, value_name(op))?.clone())),
            UpdateAction::Delete(_, op) => {
                deletes.push((path, env.value(KIND, value_name(op))?.clone()))
            }
        }
    }
    for (path, value) in sets {
        assign(item, &path, value)?;
    }
    // List elements go from the highest index down so earlier removals do not shift later ones.
    removes.sort_by(|a, b| b.cmp(a));
    for path in removes {
        remove(item, &path)?;
    }
    for (path, value) in adds {
        add(item, &path, value)?;
    }
    for (path, value) in deletes {
        delete(item, &path, value)?;
    }
    Ok(())
}

fn value_name(op: &Operand) -> &str {
    match op {
        Operand::Value(v) => v,
        _ => "",
    }
}

fn set_value(eval: &Evaluator<'_>, item: &Item, op: &Operand) -> DResult<Value> {
    match op {
        Operand::Path(_) | Operand::Value(_) => eval
            .operand(item, op)?
            .map(|v| v.into_owned())
            .ok_or_else(missing_attribute),
        Operand::Size(_) => Err(invalid(
            "The function is not allowed in an update expression; function: size",
        )),
        Operand::IfNotExists(p, default) => {
            let path = eval.env.path(KIND, p)?;
            match lookup(item, &path) {
                Some(v) => Ok(v.clone()),
                None => set_value(eval, item, default),
            }
        }
        Operand::ListAppend(a, b) => match (set_value(eval, item, a)?, set_value(eval, item, b)?) {
            (Value::L(mut x), Value::L(y)) => {
                x.extend(y);
                Ok(Value::L(x))
            }
            _ => Err(wrong_type()),
        },
        Operand::Plus(a, b) | Operand::Minus(a, b) => {
            match (set_value(eval, item, a)?, set_value(eval, item, b)?) {
                (Value::N(x), Value::N(y)) => Ok(Value::N(if matches!(op, Operand::Plus(..)) {
                    x.add(&y)?
                } else {
                    x.sub(&y)?
                })),
                _ => Err(wrong_type()),
            }
        }
    }
}

/// The container that holds the last step of `path`, created only where DynamoDB would.
fn parent_mut<'i>(item: &'i mut Item, path: &[Elem]) -> DResult<Option<&'i mut Value>> {
    let Some((Elem::Attr(first), middle)) = path.split_first() else {
        return Err(bad_path());
    };
    if middle.is_empty() {
        return Ok(None);
    }
    let mut current = item.get_mut(first).ok_or_else(bad_path)?;
    for step in &middle[..middle.len() - 1] {
        current = match (step, current) {
            (Elem::Attr(a), Value::M(m)) => m.get_mut(a).ok_or_else(bad_path)?,
            (Elem::Index(i), Value::L(l)) => l.get_mut(*i).ok_or_else(bad_path)?,
            _ => return Err(bad_path()),
        };
    }
    Ok(Some(current))
}

fn assign(item: &mut Item, path: &[Elem], value: Value) -> DResult<()> {
    let last = path.last().ok_or_else(bad_path)?.clone();
    match (parent_mut(item, path)?, last) {
        (None, Elem::Attr(a)) => {
            item.insert(a, value);
        }
        (Some(Value::M(m)), Elem::Attr(a)) => {
            m.insert(a, value);
        }
        (Some(Value::L(l)), Elem::Index(i)) => {
            if i < l.len() {
                l[i] = value;
            } else {
                l.push(value);
            }
        }
        _ => return Err(bad_path()),
    }
    Ok(())
}

fn remove(item: &mut Item, path: &[Elem]) -> DResult<()> {
    let last = path.last().ok_or_else(bad_path)?.clone();
    let parent = match parent_mut(item, path) {
        Ok(p) => p,
        // Removing below a missing parent changes nothing.
        Err(_) => return Ok(()),
    };
    match (parent, last) {
        (None, Elem::Attr(a)) => {
            item.remove(&a);
        }
        (Some(Value::M(m)), Elem::Attr(a)) => {
            m.remove(&a);
        }
        (Some(Value::L(l)), Elem::Index(i)) => {
            if i < l.len() {
                l.remove(i);
            }
        }
        _ => return Err(bad_path()),
    }
    Ok(())
}

fn current_mut<'i>(item: &'i mut Item, path: &[Elem]) -> DResult<Option<&'i mut Value>> {
    let last = path.last().ok_or_else(bad_path)?;
    if let [Elem::Attr(a)] = path {
        return Ok(item.get_mut(a));
    }
    Ok(match (parent_mut(item, path)?, last) {
        (Some(Value::M(m)), Elem::Attr(a)) => m.get_mut(a),
        (Some(Value::L(l)), Elem::Index(i)) => l.get_mut(*i),
        _ => return Err(bad_path()),
    })
}

fn add(item: &mut Item, path: &[Elem], value: Value) -> DResult<()> {
    if !matches!(
        value,
        Value::N(_) | Value::SS(_) | Value::NS(_) | Value::BS(_)
    ) {
        return Err(invalid(format!(
            "Incorrect operand type for operator or function; operator: ADD, operand type: {}",
            long_type_name(&value)
        )));
    }
    match current_mut(item, path)? {
        None => assign(item, path, value),
        Some(existing) => {
            let merged = match (&*existing, value) {
                (Value::N(x), Value::N(y)) => Value::N(x.add(&y)?),
                (Value::SS(x), Value::SS(y)) => Value::SS(union(x, y)),
                (Value::NS(x), Value::NS(y)) => Value::NS(union(x, y)),
                (Value::BS(x), Value::BS(y)) => Value::BS(union(x, y)),
                _ => return Err(wrong_type()),
            };
            *existing = merged;
            Ok(())
        }
    }
}

fn union<T: PartialEq + Clone>(x: &[T], y: Vec<T>) -> Vec<T> {
    let mut out = x.to_vec();
    for e in y {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

fn delete(item: &mut Item, path: &[Elem], value: Value) -> DResult<()> {
    if !matches!(value, Value::SS(_) | Value::NS(_) | Value::BS(_)) {
        return Err(invalid(format!(
            "Incorrect operand type for operator or function; operator: DELETE, operand type: {}",
            long_type_name(&value)
        )));
    }
    let Some(existing) = current_mut(item, path)? else {
        return Ok(());
    };
    let remaining = match (&*existing, &value) {
        (Value::SS(x), Value::SS(y)) => {
            Value::SS(x.iter().filter(|e| !y.contains(e)).cloned().collect())
        }
        (Value::NS(x), Value::NS(y)) => {
            Value::NS(x.iter().filter(|e| !y.contains(e)).cloned().collect())
        }
        (Value::BS(x), Value::BS(y)) => {
            Value::BS(x.iter().filter(|e| !y.contains(e)).cloned().collect())
        }
        _ => return Err(wrong_type()),
    };
    let empty = match &remaining {
        Value::SS(s) => s.is_empty(),
        Value::NS(s) => s.is_empty(),
        Value::BS(s) => s.is_empty(),
        _ => false,
    };
    if empty {
        remove(item, path)
    } else {
        *existing = remaining;
        Ok(())
    }
}

pub(super) fn long_type_name(v: &Value) -> &'static str {
    match v {
        Value::S(_) => "STRING",
        Value::N(_) => "NUMBER",
        Value::B(_) => "BINARY",
        Value::Bool(_) => "BOOLEAN",
        Value::Null => "NULL",
        Value::M(_) => "MAP",
        Value::L(_) => "LIST",
        Value::SS(_) => "STRING SET",
        Value::NS(_) => "NUMBER SET",
        Value::BS(_) => "BINARY SET",
    }
}

/// Whether two values are the same (exposed for ReturnValues UPDATED_* diffs).
pub fn same(a: &Value, b: &Value) -> bool {
    equal(a, b)
}
