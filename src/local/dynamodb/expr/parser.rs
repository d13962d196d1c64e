//! A recursive-descent parser for DynamoDB's expression language, written here
//! because its grammar, precedence and error messages are DynamoDB's own.
//!
//! Precedence, loosest first: OR, AND, NOT, then comparisons, BETWEEN, IN and
//! functions.
//!
//! The recursion is bounded: parentheses, NOTs and nested update functions count
//! toward `MAX_NESTING`, so no input can exhaust the stack (a 4 KB expression could
//! otherwise open 4,096 parentheses). A run of NOTs is read in a loop, and a group
//! that only wraps another group is DynamoDB's "redundant parentheses" error, found
//! before descending into it.

use super::ast::*;
use super::lexer::{Tok, Token, lex};
use super::reserved::is_reserved;
use super::{ExprError, ExprKind};

pub struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    kind: ExprKind,
    /// For each `(`, the position of its `)` (when it has one).
    closing: Vec<Option<usize>>,
    /// Groups, NOTs and nested functions open around the current position.
    depth: usize,
}

/// DynamoDB caps each expression at 4 KB.
pub const MAX_EXPRESSION_BYTES: usize = 4096;
/// How deep groups, NOTs and update functions may nest: far beyond any expression
/// people write, and far below what would exhaust a thread's stack.
pub const MAX_NESTING: usize = 128;

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, kind: ExprKind) -> Result<Self, ExprError> {
        if src.len() > MAX_EXPRESSION_BYTES {
            return Err(ExprError::invalid(
                kind,
                format!(
                    "Expression size has exceeded the maximum allowed size; expression size: {}",
                    src.len()
                ),
            ));
        }
        if src.trim().is_empty() {
            return Err(ExprError::plain(format!(
                "1 validation error detected: Invalid {}: The expression can not be empty;",
                kind.name()
            )));
        }
        let toks = lex(src).map_err(|at| {
            let ch = src[at..].chars().next().unwrap_or(' ');
            ExprError::invalid(
                kind,
                format!(
                    "Syntax error; token: \"{ch}\", near: \"{}\"",
                    &src[at..next_token_end(src, at + ch.len_utf8())]
                ),
            )
        })?;
        let mut closing = vec![None; toks.len()];
        let mut open = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match t.tok {
                Tok::LParen => open.push(i),
                Tok::RParen => {
                    if let Some(o) = open.pop() {
                        closing[o] = Some(i);
                    }
                }
                _ => {}
            }
        }
        Ok(Parser {
            src,
            toks,
            pos: 0,
            kind,
            closing,
            depth: 0,
        })
    }

    /// Enters one level of nesting; past `MAX_NESTING`, the token here is refused
    /// as a syntax error, as DynamoDB refuses what its grammar cannot read.
    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.syntax_error());
        }
        Ok(())
    }

    /// `((…))`: the group at `pos` holds nothing but another group.
    fn redundant_group(&self) -> bool {
        let inner = self.pos + 1;
        matches!(self.toks.get(inner).map(|t| &t.tok), Some(Tok::LParen))
            && match (self.closing[self.pos], self.closing[inner]) {
                (Some(outer_end), Some(inner_end)) => inner_end + 1 == outer_end,
                _ => false,
            }
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn peek_at(&self, offset: usize) -> Option<&Tok> {
        self.toks.get(self.pos + offset).map(|t| &t.tok)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(w)) if w.eq_ignore_ascii_case(word))
    }

    fn syntax_error(&self) -> ExprError {
        match self.toks.get(self.pos) {
            Some(t) => {
                let prev = if self.pos > 0 {
                    self.toks[self.pos - 1].start
                } else {
                    t.start
                };
                let next = self.toks.get(self.pos + 1).map(|n| n.end).unwrap_or(t.end);
                ExprError::invalid(
                    self.kind,
                    format!(
                        "Syntax error; token: \"{}\", near: \"{}\"",
                        t.text(self.src),
                        &self.src[prev..next]
                    ),
                )
            }
            None => {
                let near = self.toks.last().map(|t| t.text(self.src)).unwrap_or("");
                ExprError::invalid(
                    self.kind,
                    format!("Syntax error; token: \"<EOF>\", near: \"{near}\""),
                )
            }
        }
    }

    fn expect(&mut self, tok: Tok) -> Result<(), ExprError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax_error())
        }
    }

    fn finish(&self) -> Result<(), ExprError> {
        if self.pos < self.toks.len() {
            Err(self.syntax_error())
        } else {
            Ok(())
        }
    }

    // ---- paths and operands ----

    fn name(&mut self) -> Result<Name, ExprError> {
        match self.peek().cloned() {
            Some(Tok::Ident(w)) => {
                if is_reserved(&w) {
                    return Err(ExprError::invalid(
                        self.kind,
                        format!("Attribute name is a reserved keyword; reserved keyword: {w}"),
                    ));
                }
                self.pos += 1;
                Ok(Name::Bare(w))
            }
            Some(Tok::NamePh(p)) => {
                self.pos += 1;
                Ok(Name::Placeholder(p))
            }
            _ => Err(self.syntax_error()),
        }
    }

    pub fn path(&mut self) -> Result<PathExpr, ExprError> {
        let mut steps = vec![Step::Name(self.name()?)];
        loop {
            match self.peek() {
                Some(Tok::Dot) => {
                    self.pos += 1;
                    steps.push(Step::Name(self.name()?));
                }
                Some(Tok::LBracket) => {
                    self.pos += 1;
                    let idx = match self.next().map(|t| t.tok) {
                        Some(Tok::Int(n)) => n.parse::<usize>().map_err(|_| self.syntax_error())?,
                        _ => {
                            self.pos -= 1;
                            return Err(self.syntax_error());
                        }
                    };
                    self.expect(Tok::RBracket)?;
                    steps.push(Step::Index(idx));
                }
                _ => break,
            }
        }
        Ok(PathExpr(steps))
    }

    fn function_name(&self) -> Option<String> {
        match (self.peek(), self.peek_at(1)) {
            (Some(Tok::Ident(w)), Some(Tok::LParen)) => Some(w.clone()),
            _ => None,
        }
    }

    /// An operand of a condition: a path, a value, or `size(operand)`.
    fn operand(&mut self) -> Result<Operand, ExprError> {
        if let Some(f) = self.function_name() {
            if is_condition_function(&f) {
                return Err(self.misused(&f));
            }
            if f != "size" {
                return Err(ExprError::invalid(
                    self.kind,
                    format!("Invalid function name; function: {f}"),
                ));
            }
            let mut args = self.arguments()?;
            self.operand_count(&f, args.len(), 1)?;
            return Ok(Operand::Size(Box::new(args.remove(0))));
        }
        match self.peek().cloned() {
            Some(Tok::ValuePh(v)) => {
                self.pos += 1;
                Ok(Operand::Value(v))
            }
            _ => Ok(Operand::Path(self.path()?)),
        }
    }

    /// A function's operands, from its name to its closing parenthesis: DynamoDB
    /// parses any number of any operands and then checks them.
    fn arguments(&mut self) -> Result<Vec<Operand>, ExprError> {
        self.enter()?;
        self.pos += 2;
        let mut args = vec![self.operand()?];
        while self.peek() == Some(&Tok::Comma) {
            self.pos += 1;
            args.push(self.operand()?);
        }
        self.expect(Tok::RParen)?;
        self.depth -= 1;
        Ok(args)
    }

    fn operand_count(&self, function: &str, got: usize, wanted: usize) -> Result<(), ExprError> {
        if got == wanted {
            return Ok(());
        }
        Err(ExprError::invalid(
            self.kind,
            format!(
                "Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {got}"
            ),
        ))
    }

    /// A function where it cannot stand: a condition function as an operand, or
    /// `size()` as a condition.
    fn misused(&self, function: &str) -> ExprError {
        ExprError::invalid(
            self.kind,
            format!(
                "The function is not allowed to be used this way in an expression; function: {function}"
            ),
        )
    }

    // ---- conditions ----

    pub fn condition(&mut self) -> Result<Condition, ExprError> {
        let c = self.or()?;
        self.finish()?;
        Ok(c)
    }

    fn or(&mut self) -> Result<Condition, ExprError> {
        let mut left = self.and()?;
        while self.keyword("OR") {
            self.pos += 1;
            let right = self.and()?;
            left = Condition::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Condition, ExprError> {
        let mut left = self.not()?;
        while self.keyword("AND") {
            self.pos += 1;
            let right = self.not()?;
            left = Condition::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Condition, ExprError> {
        let mut nots = 0;
        while self.keyword("NOT") {
            self.enter()?;
            self.pos += 1;
            nots += 1;
        }
        let mut c = self.primary()?;
        for _ in 0..nots {
            c = Condition::Not(Box::new(c));
        }
        self.depth -= nots;
        Ok(c)
    }

    fn primary(&mut self) -> Result<Condition, ExprError> {
        if self.peek() == Some(&Tok::LParen) {
            if self.redundant_group() {
                return Err(ExprError::invalid(
                    self.kind,
                    "The expression has redundant parentheses;",
                ));
            }
            self.enter()?;
            self.pos += 1;
            let c = self.or()?;
            self.expect(Tok::RParen)?;
            self.depth -= 1;
            return Ok(c);
        }
        if let Some(f) = self.function_name()
            && f != "size"
        {
            let c = self.function()?;
            if self.comparison_follows() {
                return Err(self.misused(&f));
            }
            return Ok(c);
        }
        let left = self.operand()?;
        let cmp = match self.peek() {
            Some(Tok::Eq) => Some(Comparator::Eq),
            Some(Tok::Ne) => Some(Comparator::Ne),
            Some(Tok::Lt) => Some(Comparator::Lt),
            Some(Tok::Le) => Some(Comparator::Le),
            Some(Tok::Gt) => Some(Comparator::Gt),
            Some(Tok::Ge) => Some(Comparator::Ge),
            _ => None,
        };
        if let Some(cmp) = cmp {
            self.pos += 1;
            let right = self.operand()?;
            return Ok(Condition::Compare(left, cmp, right));
        }
        if self.keyword("BETWEEN") {
            self.pos += 1;
            let low = self.operand()?;
            if !self.keyword("AND") {
                return Err(self.syntax_error());
            }
            self.pos += 1;
            let high = self.operand()?;
            return Ok(Condition::Between(left, low, high));
        }
        if self.keyword("IN") {
            self.pos += 1;
            self.expect(Tok::LParen)?;
            let mut list = vec![self.operand()?];
            while self.peek() == Some(&Tok::Comma) {
                self.pos += 1;
                list.push(self.operand()?);
            }
            self.expect(Tok::RParen)?;
            if list.len() > 100 {
                return Err(ExprError::invalid(
                    self.kind,
                    format!(
                        "The IN operator is provided with too many operands; number of operands: {}",
                        list.len()
                    ),
                ));
            }
            return Ok(Condition::In(left, list));
        }
        if matches!(left, Operand::Size(_)) {
            return Err(self.misused("size"));
        }
        Err(self.syntax_error())
    }

    /// Whether a comparison, BETWEEN or IN comes next.
    fn comparison_follows(&self) -> bool {
        matches!(
            self.peek(),
            Some(Tok::Eq | Tok::Ne | Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge)
        ) || self.keyword("BETWEEN")
            || self.keyword("IN")
    }

    fn function(&mut self) -> Result<Condition, ExprError> {
        let Some(name) = self.function_name() else {
            return Err(self.syntax_error());
        };
        if !is_condition_function(&name) {
            if matches!(name.as_str(), "if_not_exists" | "list_append") {
                return Err(ExprError::invalid(
                    self.kind,
                    format!(
                        "The function is not allowed in a condition expression; function: {name}"
                    ),
                ));
            }
            return Err(ExprError::invalid(
                self.kind,
                format!("Invalid function name; function: {name}"),
            ));
        }
        let args = self.arguments()?;
        let wanted = match name.as_str() {
            "attribute_exists" | "attribute_not_exists" => 1,
            _ => 2,
        };
        self.operand_count(&name, args.len(), wanted)?;
        let mut args = args.into_iter();
        let (Some(first), second) = (args.next(), args.next()) else {
            return Err(self.syntax_error());
        };
        let path = |o: Operand| match o {
            Operand::Path(p) => Ok(p),
            _ => Err(ExprError::invalid(
                self.kind,
                format!(
                    "Operator or function requires a document path; operator or function: {name}"
                ),
            )),
        };
        Ok(match (name.as_str(), second) {
            ("attribute_exists", _) => Condition::Exists(path(first)?),
            ("attribute_not_exists", _) => Condition::NotExists(path(first)?),
            ("attribute_type", Some(t)) => Condition::AttributeType(path(first)?, t),
            ("begins_with", Some(b)) => Condition::BeginsWith(first, b),
            (_, Some(b)) => Condition::Contains(first, b),
            (_, None) => return Err(self.syntax_error()),
        })
    }

    // ---- projection ----

    pub fn projection(&mut self) -> Result<Vec<PathExpr>, ExprError> {
        let mut paths = vec![self.path()?];
        while self.peek() == Some(&Tok::Comma) {
            self.pos += 1;
            paths.push(self.path()?);
        }
        self.finish()?;
        Ok(paths)
    }

    // ---- update ----

    pub fn update(&mut self) -> Result<Vec<UpdateAction>, ExprError> {
        let mut actions = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        while self.pos < self.toks.len() {
            let clause = match self.peek() {
                Some(Tok::Ident(w)) => w.to_ascii_uppercase(),
                _ => return Err(self.syntax_error()),
            };
            if !matches!(clause.as_str(), "SET" | "REMOVE" | "ADD" | "DELETE") {
                return Err(self.syntax_error());
            }
            if seen.contains(&clause) {
                return Err(ExprError::invalid(
                    self.kind,
                    format!(
                        "The \"{clause}\" section can only be used once in an update expression;"
                    ),
                ));
            }
            seen.push(clause.clone());
            self.pos += 1;
            loop {
                let action = match clause.as_str() {
                    "SET" => {
                        let p = self.path()?;
                        self.expect(Tok::Eq)?;
                        UpdateAction::Set(p, self.set_value()?)
                    }
                    "REMOVE" => UpdateAction::Remove(self.path()?),
                    "ADD" => {
                        let p = self.path()?;
                        UpdateAction::Add(p, self.value_only()?)
                    }
                    _ => {
                        let p = self.path()?;
                        UpdateAction::Delete(p, self.value_only()?)
                    }
                };
                actions.push(action);
                if self.peek() == Some(&Tok::Comma) {
                    self.pos += 1;
                } else {
                    break;
                }
            }
        }
        Ok(actions)
    }

    fn value_only(&mut self) -> Result<Operand, ExprError> {
        match self.peek().cloned() {
            Some(Tok::ValuePh(v)) => {
                self.pos += 1;
                Ok(Operand::Value(v))
            }
            _ => Err(self.syntax_error()),
        }
    }

    fn set_value(&mut self) -> Result<Operand, ExprError> {
        let left = self.set_operand()?;
        match self.peek() {
            Some(Tok::Plus) => {
                self.pos += 1;
                Ok(Operand::Plus(Box::new(left), Box::new(self.set_operand()?)))
            }
            Some(Tok::Minus) => {
                self.pos += 1;
                Ok(Operand::Minus(
                    Box::new(left),
                    Box::new(self.set_operand()?),
                ))
            }
            _ => Ok(left),
        }
    }

    fn set_operand(&mut self) -> Result<Operand, ExprError> {
        if let Some(f) = self.function_name() {
            self.enter()?;
            self.pos += 2;
            let op = match f.as_str() {
                "if_not_exists" => {
                    let p = self.path()?;
                    self.expect(Tok::Comma)?;
                    Operand::IfNotExists(p, Box::new(self.set_value()?))
                }
                "list_append" => {
                    let a = self.set_value()?;
                    self.expect(Tok::Comma)?;
                    Operand::ListAppend(Box::new(a), Box::new(self.set_value()?))
                }
                other if is_condition_function(other) || other == "size" => {
                    return Err(ExprError::invalid(
                        self.kind,
                        format!(
                            "The function is not allowed in an update expression; function: {other}"
                        ),
                    ));
                }
                other => {
                    return Err(ExprError::invalid(
                        self.kind,
                        format!("Invalid function name; function: {other}"),
                    ));
                }
            };
            self.expect(Tok::RParen)?;
            self.depth -= 1;
            return Ok(op);
        }
        match self.peek().cloned() {
            Some(Tok::ValuePh(v)) => {
                self.pos += 1;
                Ok(Operand::Value(v))
            }
            _ => Ok(Operand::Path(self.path()?)),
        }
    }
}

fn is_condition_function(name: &str) -> bool {
    matches!(
        name,
        "attribute_exists" | "attribute_not_exists" | "attribute_type" | "begins_with" | "contains"
    )
}

/// Where the token after `pos` ends (AWS's "near" is the bad token and the next
/// one): a word, or one other character; `pos` itself at the end.
fn next_token_end(src: &str, pos: usize) -> usize {
    let rest = &src[pos..];
    let skip = rest.len() - rest.trim_start().len();
    let start = pos + skip;
    let mut chars = src[start..].char_indices();
    match chars.next() {
        None => pos,
        Some((_, c)) if c.is_alphanumeric() || c == '_' => src[start..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(src.len(), |i| start + i),
        Some((_, c)) => start + c.len_utf8(),
    }
}
