//! DynamoDB's expression language: key conditions, filters, conditions, updates
//! and projections. Our own lexer, parser and evaluator (ARCHITECTURE.md: the
//! expression language is ours to write), with DynamoDB's error messages.

pub mod ast;
pub mod check;
pub mod eval;
mod lexer;
pub mod parser;
mod reserved;
pub mod update;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use ast::{Condition, Name, Operand, PathExpr, Step, UpdateAction};

use super::error::{DResult, DynamoError};
use super::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprKind {
    Condition,
    Filter,
    KeyCondition,
    Update,
    Projection,
}

impl ExprKind {
    pub fn name(self) -> &'static str {
        match self {
            ExprKind::Condition => "ConditionExpression",
            ExprKind::Filter => "FilterExpression",
            ExprKind::KeyCondition => "KeyConditionExpression",
            ExprKind::Update => "UpdateExpression",
            ExprKind::Projection => "ProjectionExpression",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub message: String,
}

impl ExprError {
    pub fn invalid(kind: ExprKind, detail: impl std::fmt::Display) -> Self {
        ExprError {
            message: format!("Invalid {}: {detail}", kind.name()),
        }
    }

    pub fn plain(message: String) -> Self {
        ExprError { message }
    }
}

impl From<ExprError> for DynamoError {
    fn from(e: ExprError) -> Self {
        DynamoError::validation(e.message)
    }
}

/// A step of a document path with its name resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Elem {
    Attr(String),
    Index(usize),
}

pub type Path = Vec<Elem>;

pub fn path_text(path: &[Elem]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|e| match e {
            Elem::Attr(a) => a.clone(),
            Elem::Index(i) => format!("[{i}]"),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// ExpressionAttributeNames and Values of one request, and which were used.
pub struct Env {
    names: HashMap<String, String>,
    values: HashMap<String, Value>,
    used_names: RefCell<BTreeSet<String>>,
    used_values: RefCell<BTreeSet<String>>,
}

impl Env {
    pub fn new(names: HashMap<String, String>, values: HashMap<String, Value>) -> Self {
        Env {
            names,
            values,
            used_names: RefCell::default(),
            used_values: RefCell::default(),
        }
    }

    pub fn empty() -> Self {
        Env::new(HashMap::new(), HashMap::new())
    }

    fn name(&self, kind: ExprKind, n: &Name) -> Result<String, ExprError> {
        match n {
            Name::Bare(s) => Ok(s.clone()),
            Name::Placeholder(p) => match self.names.get(p) {
                Some(s) => {
                    self.used_names.borrow_mut().insert(p.clone());
                    Ok(s.clone())
                }
                // AWS reports an undefined placeholder inside its validation envelope.
                None => Err(ExprError::plain(format!(
                    "1 validation error detected: Invalid {}: An expression attribute name used in the document path is not defined; attribute name: {p}",
                    kind.name()
                ))),
            },
        }
    }

    pub fn value(&self, kind: ExprKind, p: &str) -> Result<&Value, ExprError> {
        match self.values.get(p) {
            Some(v) => {
                self.used_values.borrow_mut().insert(p.to_string());
                Ok(v)
            }
            None => Err(ExprError::plain(format!(
                "1 validation error detected: Invalid {}: An expression attribute value used in expression is not defined; attribute value: {p}",
                kind.name()
            ))),
        }
    }

    pub fn path(&self, kind: ExprKind, p: &PathExpr) -> Result<Path, ExprError> {
        p.0.iter()
            .map(|s| match s {
                Step::Name(n) => self.name(kind, n).map(Elem::Attr),
                Step::Index(i) => Ok(Elem::Index(*i)),
            })
            .collect()
    }

    /// Every placeholder must be used by some expression of the request.
    pub fn check_unused(&self) -> DResult<()> {
        let unused = |all: Vec<&String>, used: &BTreeSet<String>| -> Vec<String> {
            let mut v: Vec<String> = all
                .into_iter()
                .filter(|k| !used.contains(*k))
                .cloned()
                .collect();
            v.sort();
            v
        };
        let names = unused(self.names.keys().collect(), &self.used_names.borrow());
        if !names.is_empty() {
            return Err(DynamoError::validation(format!(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {{{}}}",
                names.join(", ")
            )));
        }
        let values = unused(self.values.keys().collect(), &self.used_values.borrow());
        if !values.is_empty() {
            return Err(DynamoError::validation(format!(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {{{}}}",
                values.join(", ")
            )));
        }
        Ok(())
    }

    /// Resolves every placeholder of a condition once, so a missing one is an
    /// error even where evaluation would not reach it, and makes the checks that
    /// need no item (`check`): leaf by leaf, in the order they are written.
    pub fn bind_condition(&self, kind: ExprKind, c: &Condition) -> Result<(), ExprError> {
        match c {
            Condition::Compare(a, op, b) => {
                self.bind_operand(kind, a)?;
                self.bind_operand(kind, b)?;
                self.distinct(kind, op.symbol(), a, std::slice::from_ref(b))?;
            }
            Condition::BeginsWith(a, b) | Condition::Contains(a, b) => {
                self.bind_operand(kind, a)?;
                self.bind_operand(kind, b)?;
                let f = if matches!(c, Condition::Contains(..)) {
                    "contains"
                } else {
                    "begins_with"
                };
                self.distinct(kind, f, a, std::slice::from_ref(b))?;
            }
            Condition::Between(a, b, c) => {
                self.bind_operand(kind, a)?;
                self.bind_operand(kind, b)?;
                self.bind_operand(kind, c)?;
                self.distinct(kind, "BETWEEN", a, &[b.clone(), c.clone()])?;
            }
            Condition::In(a, list) => {
                self.bind_operand(kind, a)?;
                list.iter().try_for_each(|o| self.bind_operand(kind, o))?;
                self.distinct(kind, "IN", a, list)?;
            }
            Condition::And(a, b) | Condition::Or(a, b) => {
                self.bind_condition(kind, a)?;
                return self.bind_condition(kind, b);
            }
            Condition::Not(a) => return self.bind_condition(kind, a),
            Condition::Exists(p) | Condition::NotExists(p) => {
                self.path(kind, p)?;
            }
            Condition::AttributeType(p, o) => {
                self.path(kind, p)?;
                self.bind_operand(kind, o)?;
                self.distinct(
                    kind,
                    "attribute_type",
                    &Operand::Path(p.clone()),
                    std::slice::from_ref(o),
                )?;
            }
        }
        check::leaf(self, kind, c)
    }

    /// DynamoDB refuses an operator whose first operand is a path that another
    /// operand repeats (`#a = #a`, `contains(#a, #a)`).
    fn distinct(
        &self,
        kind: ExprKind,
        operator: &str,
        first: &Operand,
        rest: &[Operand],
    ) -> Result<(), ExprError> {
        let Operand::Path(p) = first else {
            return Ok(());
        };
        let first = self.path(kind, p)?;
        for o in rest {
            if let Operand::Path(q) = o
                && self.path(kind, q)? == first
            {
                return Err(ExprError::invalid(
                    kind,
                    format!(
                        "The first operand must be distinct from the remaining operands for this operator or function; operator: {operator}, first operand: {}",
                        path_text(&first)
                    ),
                ));
            }
        }
        Ok(())
    }

    pub fn bind_operand(&self, kind: ExprKind, o: &Operand) -> Result<(), ExprError> {
        match o {
            Operand::Path(p) => self.path(kind, p).map(|_| ()),
            Operand::Size(o) => self.bind_operand(kind, o),
            Operand::Value(v) => self.value(kind, v).map(|_| ()),
            Operand::IfNotExists(p, o) => {
                self.path(kind, p)?;
                self.bind_operand(kind, o)
            }
            Operand::ListAppend(a, b) | Operand::Plus(a, b) | Operand::Minus(a, b) => {
                self.bind_operand(kind, a)?;
                self.bind_operand(kind, b)
            }
        }
    }

    pub fn bind_update(&self, actions: &[UpdateAction]) -> Result<(), ExprError> {
        for a in actions {
            self.path(ExprKind::Update, a.path())?;
            match a {
                UpdateAction::Set(_, o) | UpdateAction::Add(_, o) | UpdateAction::Delete(_, o) => {
                    self.bind_operand(ExprKind::Update, o)?
                }
                UpdateAction::Remove(_) => {}
            }
            check::update_action(self, a)?;
        }
        Ok(())
    }
}

pub fn parse_condition(src: &str, kind: ExprKind) -> Result<Condition, ExprError> {
    parser::Parser::new(src, kind)?.condition()
}

pub fn parse_update(src: &str) -> Result<Vec<UpdateAction>, ExprError> {
    parser::Parser::new(src, ExprKind::Update)?.update()
}

pub fn parse_projection(src: &str) -> Result<Vec<PathExpr>, ExprError> {
    parser::Parser::new(src, ExprKind::Projection)?.projection()
}

#[cfg(test)]
mod tests;
