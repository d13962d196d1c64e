//! The syntax trees of DynamoDB expressions, with names and values still as
//! written (placeholders unresolved), so one parse serves every evaluation.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// A bare attribute name.
    Bare(String),
    /// `#placeholder`, resolved through ExpressionAttributeNames.
    Placeholder(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Name(Name),
    Index(usize),
}

/// A document path as written: `a.#b[2].c`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathExpr(pub Vec<Step>);

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Path(PathExpr),
    /// `:placeholder`, resolved through ExpressionAttributeValues.
    Value(String),
    /// `size(operand)`: of a path, a value, or (refused when checked) another size.
    Size(Box<Operand>),
    // Update expressions only:
    IfNotExists(PathExpr, Box<Operand>),
    ListAppend(Box<Operand>, Box<Operand>),
    Plus(Box<Operand>, Box<Operand>),
    Minus(Box<Operand>, Box<Operand>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "=",
            Comparator::Ne => "<>",
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Compare(Operand, Comparator, Operand),
    Between(Operand, Operand, Operand),
    In(Operand, Vec<Operand>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
    Not(Box<Condition>),
    Exists(PathExpr),
    NotExists(PathExpr),
    AttributeType(PathExpr, Operand),
    BeginsWith(Operand, Operand),
    Contains(Operand, Operand),
}

#[derive(Debug, Clone, PartialEq)]
pub enum UpdateAction {
    Set(PathExpr, Operand),
    Remove(PathExpr),
    Add(PathExpr, Operand),
    Delete(PathExpr, Operand),
}

impl UpdateAction {
    pub fn path(&self) -> &PathExpr {
        match self {
            UpdateAction::Set(p, _)
            | UpdateAction::Remove(p)
            | UpdateAction::Add(p, _)
            | UpdateAction::Delete(p, _) => p,
        }
    }
}
