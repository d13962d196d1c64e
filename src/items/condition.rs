//! The friendly condition language of `gatekit table`:
//!
//! ```text
//! owner = "ann" and id begins_with "2024-"
//! status in ("open", "late") or not exists(done_at)
//! size(tags) > 2 and due between 1 and 10 and title contains "milk"
//! ```
//!
//! Attribute names are written as they are (reserved words and odd names included;
//! `` `odd name` `` quotes any name, `a.b[0]` reaches into documents); values are
//! JSON literals. Everything becomes a DynamoDB expression with generated
//! placeholders, so users never meet ExpressionAttributeNames. Hand-written: the
//! language is gatekit's own.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::convert::to_dynamo;
use crate::project::model::AttributeType;

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Name(String),
    Index(usize),
}

pub type Path = Vec<Part>;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Path(Path),
    Size(Path),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Not(Box<Cond>),
    Compare(Operand, &'static str, Json),
    Between(Operand, Json, Json),
    In(Operand, Vec<Json>),
    BeginsWith(Path, Json),
    Contains(Path, Json),
    Exists(Path),
    Missing(Path),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub message: String,
    pub hint: String,
}

fn fail(message: String, hint: &str) -> ConditionError {
    ConditionError {
        message,
        hint: hint.to_string(),
    }
}

const HINT: &str =
    "write conditions like `status = \"open\" and due < 10`; names as they are, values as JSON";

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Quoted(String),
    Lit(Json),
    Sym(&'static str),
}

fn lex(src: &str) -> Result<Vec<Tok>, ConditionError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        if let Some(sym) = ["<=", ">=", "<>", "!="].iter().find(|s| **s == two) {
            out.push(Tok::Sym(if *sym == "!=" { "<>" } else { sym }));
            i += 2;
            continue;
        }
        if let Some(sym) = ["=", "<", ">", "(", ")", ",", ".", "[", "]"]
            .iter()
            .find(|s| s.starts_with(c))
        {
            out.push(Tok::Sym(sym));
            i += 1;
            continue;
        }
        if c == '"' || c == '\'' {
            // A JSON string (single quotes allowed, for shells).
            let mut j = i + 1;
            let mut text = String::new();
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' && j + 1 < chars.len() {
                    text.push(chars[j]);
                    j += 1;
                }
                text.push(chars[j]);
                j += 1;
            }
            if j >= chars.len() {
                return Err(fail(
                    format!("the string starting at character {} is not closed", i + 1),
                    HINT,
                ));
            }
            let json_text = format!("\"{}\"", text.replace('"', "\\\""));
            let value: String = serde_json::from_str(&json_text)
                .map_err(|_| fail(format!("the string {text:?} has a bad escape"), HINT))?;
            out.push(Tok::Lit(Json::String(value)));
            i = j + 1;
            continue;
        }
        if c == '`' {
            let end = chars[i + 1..]
                .iter()
                .position(|x| *x == '`')
                .map(|p| p + i + 1);
            let Some(end) = end else {
                return Err(fail("a `quoted name` is not closed".into(), HINT));
            };
            out.push(Tok::Quoted(chars[i + 1..end].iter().collect()));
            i = end + 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric() || matches!(chars[j], '.' | '+' | '-'))
            {
                j += 1;
            }
            let text: String = chars[i..j].iter().collect();
            let n: Json = serde_json::from_str(&text)
                .map_err(|_| fail(format!("`{text}` is not a number"), HINT))?;
            out.push(Tok::Lit(n));
            i = j;
            continue;
        }
        if c.is_alphanumeric() || c == '_' || c == '#' {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_alphanumeric() || matches!(chars[j], '_' | '-' | '#'))
            {
                j += 1;
            }
            out.push(Tok::Word(chars[i..j].iter().collect()));
            i = j;
            continue;
        }
        return Err(fail(format!("unexpected character `{c}`"), HINT));
    }
    Ok(out)
}

/// A condition becomes one DynamoDB expression, which DynamoDB caps at 4 KB.
pub const MAX_CONDITION_BYTES: usize = 4096;
/// How deep groups, `not`s and lists may nest: bounds the parser's recursion.
pub const MAX_NESTING: usize = 32;

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn enter(&mut self) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(fail(
                format!("the condition nests deeper than {MAX_NESTING} levels"),
                "write it with fewer parentheses, `not`s or nested lists",
            ));
        }
        Ok(())
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x.eq_ignore_ascii_case(w))
    }

    fn sym(&self, s: &str) -> bool {
        matches!(self.peek(), Some(Tok::Sym(x)) if *x == s)
    }

    fn expect_sym(&mut self, s: &str) -> Result<(), ConditionError> {
        if self.sym(s) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{s}`")))
        }
    }

    fn unexpected(&self, wanted: &str) -> ConditionError {
        let found = match self.peek() {
            None => "the end".to_string(),
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => format!("`{w}`"),
            Some(Tok::Lit(v)) => format!("`{v}`"),
            Some(Tok::Sym(s)) => format!("`{s}`"),
        };
        fail(format!("expected {wanted}, found {found}"), HINT)
    }

    fn or(&mut self) -> Result<Cond, ConditionError> {
        let mut left = self.and()?;
        while self.word("or") {
            self.pos += 1;
            left = Cond::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Cond, ConditionError> {
        let mut left = self.not()?;
        while self.word("and") {
            self.pos += 1;
            left = Cond::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Cond, ConditionError> {
        let mut nots = 0;
        while self.word("not") {
            self.enter()?;
            self.pos += 1;
            nots += 1;
        }
        let mut c = self.primary()?;
        for _ in 0..nots {
            c = Cond::Not(Box::new(c));
        }
        self.depth -= nots;
        Ok(c)
    }

    fn literal(&mut self) -> Result<Json, ConditionError> {
        match self.peek().cloned() {
            Some(Tok::Lit(v)) => {
                self.pos += 1;
                Ok(v)
            }
            Some(Tok::Word(w)) if matches!(w.as_str(), "true" | "false" | "null") => {
                self.pos += 1;
                Ok(serde_json::from_str(&w).unwrap_or(Json::Null))
            }
            Some(Tok::Sym("[")) => {
                self.enter()?;
                self.pos += 1;
                let mut items = Vec::new();
                while !self.sym("]") {
                    items.push(self.literal()?);
                    if self.sym(",") {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                self.expect_sym("]")?;
                self.depth -= 1;
                Ok(Json::Array(items))
            }
            _ => {
                Err(self
                    .unexpected("a value (a \"string\", a number, true, false, null or [a, list])"))
            }
        }
    }

    fn path(&mut self) -> Result<Path, ConditionError> {
        let mut path = Vec::new();
        loop {
            match self.peek().cloned() {
                Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => {
                    self.pos += 1;
                    path.push(Part::Name(w));
                }
                _ => return Err(self.unexpected("an attribute name")),
            }
            while self.sym("[") {
                self.pos += 1;
                match self.peek().cloned() {
                    Some(Tok::Lit(Json::Number(n))) if n.as_u64().is_some() => {
                        self.pos += 1;
                        path.push(Part::Index(n.as_u64().unwrap_or(0) as usize));
                    }
                    _ => return Err(self.unexpected("a list index")),
                }
                self.expect_sym("]")?;
            }
            if self.sym(".") {
                self.pos += 1;
            } else {
                return Ok(path);
            }
        }
    }

    fn function(&mut self, name: &str) -> Result<Option<Cond>, ConditionError> {
        let lower = name.to_ascii_lowercase();
        let known = [
            "exists",
            "missing",
            "attribute_exists",
            "attribute_not_exists",
            "begins_with",
            "contains",
        ];
        if !known.contains(&lower.as_str())
            || !matches!(self.toks.get(self.pos + 1), Some(Tok::Sym("(")))
        {
            return Ok(None);
        }
        self.pos += 2;
        let p = self.path()?;
        let cond = match lower.as_str() {
            "exists" | "attribute_exists" => Cond::Exists(p),
            "missing" | "attribute_not_exists" => Cond::Missing(p),
            "begins_with" => {
                self.expect_sym(",")?;
                Cond::BeginsWith(p, self.literal()?)
            }
            _ => {
                self.expect_sym(",")?;
                Cond::Contains(p, self.literal()?)
            }
        };
        self.expect_sym(")")?;
        Ok(Some(cond))
    }

    fn primary(&mut self) -> Result<Cond, ConditionError> {
        if self.sym("(") {
            self.enter()?;
            self.pos += 1;
            let c = self.or()?;
            self.expect_sym(")")?;
            self.depth -= 1;
            return Ok(c);
        }
        if let Some(Tok::Word(w)) = self.peek().cloned()
            && let Some(c) = self.function(&w)?
        {
            return Ok(c);
        }
        let operand =
            if self.word("size") && matches!(self.toks.get(self.pos + 1), Some(Tok::Sym("("))) {
                self.pos += 2;
                let p = self.path()?;
                self.expect_sym(")")?;
                Operand::Size(p)
            } else {
                Operand::Path(self.path()?)
            };
        for op in ["=", "<>", "<", "<=", ">", ">="] {
            if self.sym(op) {
                self.pos += 1;
                return Ok(Cond::Compare(operand, op, self.literal()?));
            }
        }
        let path = match &operand {
            Operand::Path(p) => Some(p.clone()),
            Operand::Size(_) => None,
        };
        if self.word("between") {
            self.pos += 1;
            let lo = self.literal()?;
            if !self.word("and") {
                return Err(self.unexpected("`and` (between LOW and HIGH)"));
            }
            self.pos += 1;
            return Ok(Cond::Between(operand, lo, self.literal()?));
        }
        if self.word("in") {
            self.pos += 1;
            self.expect_sym("(")?;
            let mut list = vec![self.literal()?];
            while self.sym(",") {
                self.pos += 1;
                list.push(self.literal()?);
            }
            self.expect_sym(")")?;
            return Ok(Cond::In(operand, list));
        }
        if let Some(p) = path {
            if self.word("begins_with") {
                self.pos += 1;
                return Ok(Cond::BeginsWith(p, self.literal()?));
            }
            if self.word("contains") {
                self.pos += 1;
                return Ok(Cond::Contains(p, self.literal()?));
            }
            if self.word("exists") {
                self.pos += 1;
                return Ok(Cond::Exists(p));
            }
            if self.word("missing") {
                self.pos += 1;
                return Ok(Cond::Missing(p));
            }
        }
        Err(self.unexpected("a comparison (=, !=, <, <=, >, >=, between, in, begins_with, contains, exists, missing)"))
    }
}

pub fn parse(src: &str) -> Result<Cond, ConditionError> {
    if src.len() > MAX_CONDITION_BYTES {
        return Err(fail(
            format!(
                "the condition is {} bytes, over DynamoDB's {MAX_CONDITION_BYTES} for an expression",
                src.len()
            ),
            "split it, or filter the results further in a script",
        ));
    }
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(fail("the condition is empty".into(), HINT));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let c = p.or()?;
    if p.pos < p.toks.len() {
        return Err(p.unexpected("`and`, `or` or the end"));
    }
    Ok(c)
}

/// The types of attributes, for typing literals (`id = 42` on a string key is "42").
pub type Typer<'a> = &'a dyn Fn(&str) -> Option<AttributeType>;

/// ExpressionAttributeNames and Values shared by the expressions of one request.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Placeholders {
    pub names: BTreeMap<String, String>,
    pub values: BTreeMap<String, Json>,
}

impl Placeholders {
    pub fn name(&mut self, attr: &str) -> String {
        if let Some((k, _)) = self.names.iter().find(|(_, v)| *v == attr) {
            return k.clone();
        }
        let k = format!("#n{}", self.names.len());
        self.names.insert(k.clone(), attr.to_string());
        k
    }

    pub fn value(&mut self, v: Json) -> String {
        let k = format!(":v{}", self.values.len());
        self.values.insert(k.clone(), v);
        k
    }

    pub fn path(&mut self, p: &Path) -> String {
        let mut out = String::new();
        for part in p {
            match part {
                Part::Name(n) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&self.name(n));
                }
                Part::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

fn top(p: &Path) -> &str {
    match p.first() {
        Some(Part::Name(n)) => n,
        _ => "",
    }
}

/// A literal as DynamoDB JSON, typed like the attribute it is compared with.
pub fn typed(lit: &Json, ty: Option<AttributeType>) -> Json {
    use AttributeType as T;
    // A list given for a set attribute is a set (ADD and DELETE take sets).
    if let (Some(set @ (T::StringSet | T::NumberSet | T::BinarySet)), Json::Array(_)) = (ty, lit) {
        return to_dynamo("value", lit, Some(set)).unwrap_or_else(|_| super::convert::infer(lit));
    }
    let scalar = match ty {
        Some(T::StringSet) => Some(T::String),
        Some(T::NumberSet) => Some(T::Number),
        Some(T::BinarySet) => Some(T::Binary),
        other => other,
    };
    match (scalar, lit) {
        (Some(T::String), Json::Number(n)) => json!({ "S": n.to_string() }),
        (Some(T::Number), Json::String(s)) if s.parse::<f64>().is_ok() => json!({ "N": s }),
        (Some(T::Binary), Json::String(s)) => json!({ "B": s }),
        (Some(t), v) => to_dynamo("value", v, Some(t)).unwrap_or_else(|_| super::convert::infer(v)),
        (None, v) => super::convert::infer(v),
    }
}

fn operand(ph: &mut Placeholders, o: &Operand) -> String {
    match o {
        Operand::Path(p) => ph.path(p),
        Operand::Size(p) => format!("size({})", ph.path(p)),
    }
}

fn operand_type(o: &Operand, typer: Typer<'_>) -> Option<AttributeType> {
    match o {
        Operand::Path(p) if p.len() == 1 => typer(top(p)),
        Operand::Size(_) => Some(AttributeType::Number),
        _ => None,
    }
}

/// The condition as a DynamoDB expression, its names and values in `ph`.
pub fn render(c: &Cond, ph: &mut Placeholders, typer: Typer<'_>) -> String {
    match c {
        Cond::And(a, b) => format!("({}) AND ({})", render(a, ph, typer), render(b, ph, typer)),
        Cond::Or(a, b) => format!("({}) OR ({})", render(a, ph, typer), render(b, ph, typer)),
        Cond::Not(a) => format!("NOT ({})", render(a, ph, typer)),
        Cond::Compare(o, op, v) => {
            let ty = operand_type(o, typer);
            let left = operand(ph, o);
            format!("{left} {op} {}", ph.value(typed(v, ty)))
        }
        Cond::Between(o, lo, hi) => {
            let ty = operand_type(o, typer);
            let left = operand(ph, o);
            let (a, b) = (ph.value(typed(lo, ty)), ph.value(typed(hi, ty)));
            format!("{left} BETWEEN {a} AND {b}")
        }
        Cond::In(o, list) => {
            let ty = operand_type(o, typer);
            let left = operand(ph, o);
            let values: Vec<String> = list.iter().map(|v| ph.value(typed(v, ty))).collect();
            format!("{left} IN ({})", values.join(", "))
        }
        Cond::BeginsWith(p, v) => {
            let ty = if p.len() == 1 { typer(top(p)) } else { None };
            let path = ph.path(p);
            format!("begins_with({path}, {})", ph.value(typed(v, ty)))
        }
        Cond::Contains(p, v) => {
            let ty = if p.len() == 1 { typer(top(p)) } else { None };
            // contains() on a string compares substrings; on a set, members.
            let path = ph.path(p);
            format!("contains({path}, {})", ph.value(typed(v, ty)))
        }
        Cond::Exists(p) => format!("attribute_exists({})", ph.path(p)),
        Cond::Missing(p) => format!("attribute_not_exists({})", ph.path(p)),
    }
}

/// A query's key condition: `PARTITION = value`, optionally `and` one condition on
/// the sort key. Returns the rendered KeyConditionExpression.
pub fn key_condition(
    c: &Cond,
    hash: &str,
    range: Option<&str>,
    ph: &mut Placeholders,
    typer: Typer<'_>,
) -> Result<String, ConditionError> {
    let hint = format!(
        "a query's condition is `{hash} = value`{}; filter other attributes with --where",
        range
            .map(|r| format!(
                ", optionally `and {r} <op> value` (=, <, <=, >, >=, between, begins_with)"
            ))
            .unwrap_or_default()
    );
    let mut parts = Vec::new();
    fn flatten<'c>(c: &'c Cond, out: &mut Vec<&'c Cond>) {
        match c {
            Cond::And(a, b) => {
                flatten(a, out);
                flatten(b, out);
            }
            other => out.push(other),
        }
    }
    flatten(c, &mut parts);
    let mut hash_part = None;
    let mut range_part = None;
    for p in parts {
        let attr = match p {
            Cond::Compare(Operand::Path(path), _, _)
            | Cond::Between(Operand::Path(path), _, _)
            | Cond::BeginsWith(path, _)
                if path.len() == 1 =>
            {
                top(path).to_string()
            }
            _ => {
                return Err(ConditionError {
                    message: "this condition cannot select items by key".into(),
                    hint,
                });
            }
        };
        if attr == hash && matches!(p, Cond::Compare(_, "=", _)) && hash_part.is_none() {
            hash_part = Some(p);
        } else if Some(attr.as_str()) == range
            && range_part.is_none()
            && !matches!(p, Cond::Compare(_, "<>", _))
        {
            range_part = Some(p);
        } else {
            return Err(ConditionError {
                message: format!("`{attr}` cannot be used in a query's key condition here"),
                hint,
            });
        }
    }
    let Some(h) = hash_part else {
        return Err(ConditionError {
            message: format!("the condition does not fix the partition key `{hash}`"),
            hint,
        });
    };
    let mut text = render(h, ph, typer);
    if let Some(r) = range_part {
        text = format!("{text} AND {}", render(r, ph, typer));
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
