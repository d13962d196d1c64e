//! The shape a KeyConditionExpression must have, checked before the table is
//! looked up, in DynamoDB's words (recorded against AWS by dynalite's suite): only
//! comparisons, BETWEEN and begins_with, joined by AND, each naming one top-level
//! attribute once. What the table's key makes of it is `query::key_condition`'s.

use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::expr::ast::{Comparator, Condition, Operand};
use crate::local::dynamodb::expr::eval::{compare, scalar_text};
use crate::local::dynamodb::expr::{Elem, Env, ExprKind};

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
pub fn check(env: &Env, root: &Condition) -> DResult<()> {
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
                let (lo, hi) = (env.value(kind, lo)?, env.value(kind, hi)?);
                let operands = format!(
                    "lower bound operand: AttributeValue: {{{}:{}}}, upper bound operand: AttributeValue: {{{}:{}}}",
                    lo.type_name(),
                    scalar_text(lo),
                    hi.type_name(),
                    scalar_text(hi)
                );
                if lo.type_name() != hi.type_name() {
                    return Err(invalid(format!(
                        "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; {operands}"
                    )));
                }
                if compare(lo, hi) == Some(std::cmp::Ordering::Greater) {
                    return Err(invalid(format!(
                        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; {operands}"
                    )));
                }
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
