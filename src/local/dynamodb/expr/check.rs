//! What DynamoDB checks of a condition before it reads any item: the operand types
//! of its functions and the bounds of a BETWEEN, where the request's values decide
//! them. An empty table refuses the same expressions a full one does.

use std::cmp::Ordering;

use super::ast::{Condition, Operand, UpdateAction};
use super::eval::{compare, scalar_text};
use super::{Env, ExprError, ExprKind};

/// The type names `attribute_type` accepts, in the order DynamoDB lists them.
const TYPE_NAMES: [&str; 10] = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"];

fn wrong_type(kind: ExprKind, function: &str, ty: &str) -> ExprError {
    ExprError::invalid(
        kind,
        format!(
            "Incorrect operand type for operator or function; operator or function: {function}, operand type: {ty}"
        ),
    )
}

/// The type an operand has before any item is read: a value's own, `N` for
/// `size()`, none for a path.
fn static_type<'e>(
    env: &'e Env,
    kind: ExprKind,
    o: &Operand,
) -> Result<Option<&'e str>, ExprError> {
    Ok(match o {
        Operand::Value(v) => Some(env.value(kind, v)?.type_name()),
        Operand::Size(_) => Some("N"),
        _ => None,
    })
}

/// `size()` measures strings, binaries, sets, lists and maps.
pub fn size_operand(env: &Env, kind: ExprKind, inner: &Operand) -> Result<(), ExprError> {
    if let Operand::Size(nested) = inner {
        size_operand(env, kind, nested)?;
    }
    match static_type(env, kind, inner)? {
        Some(ty @ ("N" | "BOOL" | "NULL")) => Err(wrong_type(kind, "size", ty)),
        _ => Ok(()),
    }
}

/// The `size()` calls inside an operand, checked in the order they are written.
fn sizes(env: &Env, kind: ExprKind, o: &Operand) -> Result<(), ExprError> {
    match o {
        Operand::Size(inner) => size_operand(env, kind, inner),
        _ => Ok(()),
    }
}

/// The static checks of one leaf of a condition (a comparison or a function).
pub fn leaf(env: &Env, kind: ExprKind, c: &Condition) -> Result<(), ExprError> {
    match c {
        Condition::Compare(a, _, b) | Condition::Contains(a, b) => {
            sizes(env, kind, a)?;
            sizes(env, kind, b)
        }
        Condition::BeginsWith(a, b) => {
            for o in [a, b] {
                sizes(env, kind, o)?;
                if let Some(ty) = static_type(env, kind, o)?
                    && ty != "S"
                    && ty != "B"
                {
                    return Err(wrong_type(kind, "begins_with", ty));
                }
            }
            Ok(())
        }
        Condition::AttributeType(_, t) => {
            sizes(env, kind, t)?;
            let wanted = match t {
                Operand::Value(v) => env.value(kind, v)?,
                Operand::Size(_) => return Err(wrong_type(kind, "attribute_type", "N")),
                _ => {
                    return Err(wrong_type(
                        kind,
                        "attribute_type",
                        "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
                    ));
                }
            };
            match wanted {
                super::Value::S(name) if TYPE_NAMES.contains(&name.as_str()) => Ok(()),
                super::Value::S(name) => Err(ExprError::invalid(
                    kind,
                    format!(
                        "Invalid attribute type name found; type: {name}, valid types: {{{}}}",
                        TYPE_NAMES.join(",")
                    ),
                )),
                other => Err(wrong_type(kind, "attribute_type", other.type_name())),
            }
        }
        Condition::Between(a, lo, hi) => {
            for o in [a, lo, hi] {
                sizes(env, kind, o)?;
            }
            if let (Operand::Value(lo), Operand::Value(hi)) = (lo, hi) {
                between(kind, env.value(kind, lo)?, env.value(kind, hi)?)?;
            }
            Ok(())
        }
        Condition::In(a, list) => {
            sizes(env, kind, a)?;
            list.iter().try_for_each(|o| sizes(env, kind, o))
        }
        Condition::And(..)
        | Condition::Or(..)
        | Condition::Not(_)
        | Condition::Exists(_)
        | Condition::NotExists(_) => Ok(()),
    }
}

/// A BETWEEN's bounds: of one type, the lower first.
pub fn between(kind: ExprKind, lo: &super::Value, hi: &super::Value) -> Result<(), ExprError> {
    let operands = || {
        format!(
            "lower bound operand: AttributeValue: {{{}:{}}}, upper bound operand: AttributeValue: {{{}:{}}}",
            lo.type_name(),
            scalar_text(lo),
            hi.type_name(),
            scalar_text(hi)
        )
    };
    if lo.type_name() != hi.type_name() {
        return Err(ExprError::invalid(
            kind,
            format!(
                "The BETWEEN operator requires same data type for lower and upper bounds; {}",
                operands()
            ),
        ));
    }
    if compare(lo, hi) == Some(Ordering::Greater) {
        return Err(ExprError::invalid(
            kind,
            format!(
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; {}",
                operands()
            ),
        ));
    }
    Ok(())
}

/// The checks of an update action that need no item: the operand types of `+`,
/// `-`, `list_append`, ADD and DELETE where the request's values decide them.
pub fn update_action(env: &Env, action: &UpdateAction) -> Result<(), ExprError> {
    let kind = ExprKind::Update;
    let long = |operator: &str, v: &super::Value| {
        ExprError::invalid(
            kind,
            format!(
                "Incorrect operand type for operator or function; operator: {operator}, operand type: {}",
                super::update::long_type_name(v)
            ),
        )
    };
    match action {
        UpdateAction::Set(_, o) => set_operands(env, o),
        UpdateAction::Add(_, Operand::Value(v)) => match env.value(kind, v)? {
            super::Value::N(_)
            | super::Value::SS(_)
            | super::Value::NS(_)
            | super::Value::BS(_) => Ok(()),
            other => Err(long("ADD", other)),
        },
        UpdateAction::Delete(_, Operand::Value(v)) => match env.value(kind, v)? {
            super::Value::SS(_) | super::Value::NS(_) | super::Value::BS(_) => Ok(()),
            other => Err(long("DELETE", other)),
        },
        _ => Ok(()),
    }
}

/// `+` and `-` take numbers, `list_append` lists (a stack, not recursion).
fn set_operands(env: &Env, root: &Operand) -> Result<(), ExprError> {
    let kind = ExprKind::Update;
    let mut stack = vec![root];
    while let Some(o) = stack.pop() {
        let (function, wanted, a, b) = match o {
            Operand::Plus(a, b) => ("+", "N", a, b),
            Operand::Minus(a, b) => ("-", "N", a, b),
            Operand::ListAppend(a, b) => ("list_append", "L", a, b),
            Operand::IfNotExists(_, default) => {
                stack.push(default);
                continue;
            }
            _ => continue,
        };
        for operand in [a, b] {
            if let Operand::Value(v) = operand.as_ref() {
                let ty = env.value(kind, v)?.type_name();
                if ty != wanted {
                    return Err(wrong_type(kind, function, ty));
                }
            }
        }
        stack.push(b);
        stack.push(a);
    }
    Ok(())
}
