//! Evaluating conditions, operands and projections against an item.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::ast::{Comparator, Condition, Operand, PathExpr};
use super::{Elem, Env, ExprError, ExprKind};
use crate::local::dynamodb::error::DResult;
use crate::local::dynamodb::number::Number;
use crate::local::dynamodb::value::{Item, Value};

/// The value at `path` in `item`, if there is one.
pub fn lookup<'i>(item: &'i Item, path: &[Elem]) -> Option<&'i Value> {
    let (first, rest) = path.split_first()?;
    let Elem::Attr(name) = first else {
        return None;
    };
    let mut current = item.get(name)?;
    for step in rest {
        current = match (step, current) {
            (Elem::Attr(a), Value::M(m)) => m.get(a)?,
            (Elem::Index(i), Value::L(l)) => l.get(*i)?,
            _ => return None,
        };
    }
    Some(current)
}

/// Equality as DynamoDB sees it: sets compare as sets.
pub fn equal(a: &Value, b: &Value) -> bool {
    fn same_set<T: PartialEq>(x: &[T], y: &[T]) -> bool {
        x.len() == y.len() && x.iter().all(|e| y.contains(e))
    }
    match (a, b) {
        (Value::SS(x), Value::SS(y)) => same_set(x, y),
        (Value::NS(x), Value::NS(y)) => same_set(x, y),
        (Value::BS(x), Value::BS(y)) => same_set(x, y),
        (Value::M(x), Value::M(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        (Value::L(x), Value::L(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| equal(v, w))
        }
        _ => a == b,
    }
}

/// Order of two scalars of the same type (N, S, B); other pairs do not compare.
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::N(x), Value::N(y)) => Some(x.cmp(y)),
        (Value::S(x), Value::S(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Value::B(x), Value::B(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

pub struct Evaluator<'e> {
    pub env: &'e Env,
    pub kind: ExprKind,
}

impl<'e> Evaluator<'e> {
    pub fn new(env: &'e Env, kind: ExprKind) -> Self {
        Evaluator { env, kind }
    }

    fn path(&self, p: &PathExpr) -> DResult<Vec<Elem>> {
        Ok(self.env.path(self.kind, p)?)
    }

    /// An operand's value, or `None` when it names a missing attribute.
    pub fn operand<'i>(&self, item: &'i Item, op: &Operand) -> DResult<Option<Cow<'i, Value>>> {
        Ok(match op {
            Operand::Path(p) => lookup(item, &self.path(p)?).map(Cow::Borrowed),
            Operand::Value(v) => Some(Cow::Owned(self.env.value(self.kind, v)?.clone())),
            Operand::Size(o) => {
                let size = self.operand(item, o)?.and_then(|v| match v.as_ref() {
                    Value::S(s) => Some(s.len()),
                    Value::B(b) => Some(b.len()),
                    Value::SS(s) => Some(s.len()),
                    Value::NS(s) => Some(s.len()),
                    Value::BS(s) => Some(s.len()),
                    Value::L(l) => Some(l.len()),
                    Value::M(m) => Some(m.len()),
                    _ => None,
                });
                size.map(|n| {
                    Cow::Owned(Value::N(
                        Number::parse(&n.to_string()).unwrap_or_else(|_| Number::zero()),
                    ))
                })
            }
            Operand::IfNotExists(..)
            | Operand::ListAppend(..)
            | Operand::Plus(..)
            | Operand::Minus(..) => {
                return Err(ExprError::invalid(
                    self.kind,
                    "Syntax error; functions of update expressions are not allowed here",
                )
                .into());
            }
        })
    }

    pub fn condition(&self, item: &Item, c: &Condition) -> DResult<bool> {
        Ok(match c {
            Condition::And(a, b) => self.condition(item, a)? && self.condition(item, b)?,
            Condition::Or(a, b) => self.condition(item, a)? || self.condition(item, b)?,
            Condition::Not(a) => !self.condition(item, a)?,
            Condition::Exists(p) => lookup(item, &self.path(p)?).is_some(),
            Condition::NotExists(p) => lookup(item, &self.path(p)?).is_none(),
            Condition::Compare(a, cmp, b) => {
                let (x, y) = (self.operand(item, a)?, self.operand(item, b)?);
                match (x, y) {
                    (Some(x), Some(y)) => match cmp {
                        Comparator::Eq => equal(&x, &y),
                        Comparator::Ne => !equal(&x, &y),
                        _ => match compare(&x, &y) {
                            None => false,
                            Some(o) => match cmp {
                                Comparator::Lt => o == Ordering::Less,
                                Comparator::Le => o != Ordering::Greater,
                                Comparator::Gt => o == Ordering::Greater,
                                _ => o != Ordering::Less,
                            },
                        },
                    },
                    // A missing attribute equals nothing and differs from everything.
                    (None, Some(_)) | (Some(_), None) => *cmp == Comparator::Ne,
                    (None, None) => false,
                }
            }
            Condition::Between(a, low, high) => {
                let (x, lo, hi) = (
                    self.operand(item, a)?,
                    self.operand(item, low)?,
                    self.operand(item, high)?,
                );
                match (x, lo, hi) {
                    (Some(x), Some(lo), Some(hi)) => {
                        // Bounds read from the item: out of order is refused, as the
                        // request's own values are when the condition is bound.
                        if lo.type_name() == hi.type_name() {
                            super::check::between(self.kind, &lo, &hi)?;
                        }
                        compare(&x, &lo).is_some_and(|o| o != Ordering::Less)
                            && compare(&x, &hi).is_some_and(|o| o != Ordering::Greater)
                    }
                    _ => false,
                }
            }
            Condition::In(a, list) => match self.operand(item, a)? {
                None => false,
                Some(x) => {
                    let mut found = false;
                    for o in list {
                        if let Some(y) = self.operand(item, o)?
                            && equal(&x, &y)
                        {
                            found = true;
                        }
                    }
                    found
                }
            },
            // Operand types and type names were checked when the condition was bound.
            Condition::AttributeType(p, t) => match self.operand(item, t)?.as_deref() {
                Some(Value::S(wanted)) => {
                    lookup(item, &self.path(p)?).is_some_and(|v| v.type_name() == wanted)
                }
                _ => false,
            },
            Condition::BeginsWith(a, b) => match (self.operand(item, a)?, self.operand(item, b)?) {
                (Some(x), Some(p)) => match (x.as_ref(), p.as_ref()) {
                    (Value::S(x), Value::S(p)) => x.as_bytes().starts_with(p.as_bytes()),
                    (Value::B(x), Value::B(p)) => x.starts_with(p),
                    _ => false,
                },
                _ => false,
            },
            Condition::Contains(a, b) => match (self.operand(item, a)?, self.operand(item, b)?) {
                (Some(x), Some(y)) => match (x.as_ref(), y.as_ref()) {
                    (Value::S(x), Value::S(y)) => x.contains(y.as_str()),
                    (Value::B(x), Value::B(y)) => {
                        y.is_empty() || x.windows(y.len()).any(|w| w == y.as_slice())
                    }
                    (Value::SS(x), Value::S(y)) => x.contains(y),
                    (Value::NS(x), Value::N(y)) => x.contains(y),
                    (Value::BS(x), Value::B(y)) => x.contains(y),
                    (Value::L(x), y) => x.iter().any(|e| equal(e, y)),
                    _ => false,
                },
                _ => false,
            },
        })
    }
}

pub fn scalar_text(v: &Value) -> String {
    match v {
        Value::S(s) => s.clone(),
        Value::N(n) => n.to_string(),
        other => format!("{:?}", other.to_json()),
    }
}

/// The attributes a projection keeps, nested paths included, as DynamoDB returns them.
pub fn project(item: &Item, paths: &[Vec<Elem>]) -> Item {
    let mut out: Item = BTreeMap::new();
    for path in paths {
        if let Some(v) = lookup(item, path) {
            insert_projected(&mut out, path, v.clone());
        }
    }
    out
}

/// Places `value` at `path` in `out`, building maps and (compacted) lists on the way.
fn insert_projected(out: &mut Item, path: &[Elem], value: Value) {
    let Some((Elem::Attr(first), rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        out.insert(first.clone(), value);
        return;
    }
    let slot = out.entry(first.clone()).or_insert_with(|| match rest[0] {
        Elem::Attr(_) => Value::M(BTreeMap::new()),
        Elem::Index(_) => Value::L(Vec::new()),
    });
    insert_nested(slot, rest, value);
}

fn insert_nested(slot: &mut Value, path: &[Elem], value: Value) {
    let Some((step, rest)) = path.split_first() else {
        *slot = value;
        return;
    };
    match (step, slot) {
        (Elem::Attr(a), Value::M(m)) => {
            if rest.is_empty() {
                m.insert(a.clone(), value);
            } else {
                let child = m.entry(a.clone()).or_insert_with(|| match rest[0] {
                    Elem::Attr(_) => Value::M(BTreeMap::new()),
                    Elem::Index(_) => Value::L(Vec::new()),
                });
                insert_nested(child, rest, value);
            }
        }
        (Elem::Index(_), Value::L(l)) => {
            if rest.is_empty() {
                l.push(value);
            } else {
                let mut child = match rest[0] {
                    Elem::Attr(_) => Value::M(BTreeMap::new()),
                    Elem::Index(_) => Value::L(Vec::new()),
                };
                insert_nested(&mut child, rest, value);
                l.push(child);
            }
        }
        _ => {}
    }
}
