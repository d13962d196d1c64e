//! PartiQL statements as DynamoDB takes them: SELECT, INSERT, UPDATE, DELETE and
//! EXISTS (in transactions), parsed from `aws::partiql`'s tokens into a small
//! tree, with `?` parameters already put in. Recursive descent with a bound on
//! nesting; every refusal is DynamoDB's ValidationException wording.

use serde_json::{Map, Value as Json};

use crate::aws::partiql::{NOT_WELL_FORMED, Tok, Token, tokens};
use crate::local::dynamodb::error::{DResult, DynamoError};

/// Conditions and values nest at most this deep.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum PathPart {
    Name(String),
    Index(u32),
}

pub type Path = Vec<PathPart>;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Path(Path),
    /// An attribute value (a literal or a parameter).
    Value(Json),
    Size(Path),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Not(Box<Cond>),
    Cmp(&'static str, Operand, Operand),
    In(Operand, Vec<Operand>),
    Between(Operand, Operand, Operand),
    /// attribute_exists, attribute_not_exists, attribute_type, begins_with, contains.
    Func(&'static str, Vec<Operand>),
    /// `IS [NOT] MISSING | NULL | TYPE`: the type's DynamoDB name (`NULL`, `S`…), or
    /// None for MISSING.
    Is(Path, Option<&'static str>, bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SetValue {
    Operand(Operand),
    Add(Operand, Operand),
    Sub(Operand, Operand),
    ListAppend(Operand, Operand),
    IfNotExists(Path, Operand),
    SetAdd(Json),
    SetDelete(Json),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Select {
    pub table: String,
    pub index: Option<String>,
    /// None: `*`.
    pub projection: Option<Vec<Path>>,
    pub cond: Option<Cond>,
    /// The sort key path and whether descending.
    pub order: Option<(Path, bool)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Select(Select),
    Insert {
        table: String,
        item: Map<String, Json>,
    },
    Update {
        table: String,
        sets: Vec<(Path, SetValue)>,
        removes: Vec<Path>,
        cond: Cond,
        returning: Option<&'static str>,
    },
    Delete {
        table: String,
        cond: Cond,
        returning: Option<&'static str>,
    },
    Exists(Select),
}

impl Statement {
    pub fn table(&self) -> &str {
        match self {
            Statement::Select(s) | Statement::Exists(s) => &s.table,
            Statement::Insert { table, .. }
            | Statement::Update { table, .. }
            | Statement::Delete { table, .. } => table,
        }
    }

    pub fn is_read(&self) -> bool {
        matches!(self, Statement::Select(_))
    }
}

fn invalid(m: impl Into<String>) -> DynamoError {
    DynamoError::validation(m)
}

fn leftover() -> DynamoError {
    invalid(format!(
        "{NOT_WELL_FORMED}Unexpected token after expression"
    ))
}

/// Parses `text` with `params` for its `?`s.
pub fn parse(text: &str, params: &[Json]) -> DResult<Statement> {
    if text.len() > crate::aws::partiql::MAX_STATEMENT_BYTES {
        return Err(invalid(format!(
            "1 validation error detected: Value at 'statement' failed to satisfy constraint: Member must have length less than or equal to {}",
            crate::aws::partiql::MAX_STATEMENT_BYTES
        )));
    }
    let toks = tokens(text).map_err(|_| invalid(NOT_WELL_FORMED))?;
    let wanted = toks.iter().filter(|t| t.tok == Tok::Param).count();
    if wanted != params.len() {
        return Err(invalid(
            "Number of parameters in request and statement don't match.",
        ));
    }
    let mut p = Parser {
        toks,
        at: 0,
        params: params.to_vec(),
        next_param: 0,
        depth: 0,
    };
    let s = p.statement()?;
    if p.at < p.toks.len() {
        return Err(leftover());
    }
    Ok(s)
}

struct Parser {
    toks: Vec<Token>,
    at: usize,
    params: Vec<Json>,
    next_param: usize,
    depth: usize,
}

/// Words that end a table reference (anything else there is an alias).
const CLAUSES: &[&str] = &["WHERE", "ORDER", "SET", "REMOVE", "VALUE", "RETURNING"];

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.at)
    }

    fn peek_word(&self, w: &str) -> bool {
        self.peek().is_some_and(|t| t.is_word(w))
    }

    fn peek_sym(&self, s: &str) -> bool {
        self.peek().is_some_and(|t| t.is_sym(s))
    }

    fn bump(&mut self) -> Option<Token> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn word(&mut self, w: &str) -> DResult<()> {
        if self.peek_word(w) {
            self.at += 1;
            Ok(())
        } else {
            Err(leftover())
        }
    }

    fn sym(&mut self, s: &str) -> DResult<()> {
        if self.peek_sym(s) {
            self.at += 1;
            Ok(())
        } else {
            Err(leftover())
        }
    }

    fn deeper(&mut self) -> DResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(invalid(format!(
                "{NOT_WELL_FORMED}Expression nested too deeply"
            )));
        }
        Ok(())
    }

    fn statement(&mut self) -> DResult<Statement> {
        let Some(first) = self.peek().cloned() else {
            return Err(invalid(NOT_WELL_FORMED));
        };
        if first.is_word("SELECT") {
            Ok(Statement::Select(self.select()?))
        } else if first.is_word("INSERT") {
            self.insert()
        } else if first.is_word("UPDATE") {
            self.update()
        } else if first.is_word("DELETE") {
            self.delete()
        } else if first.is_word("EXISTS") {
            self.at += 1;
            self.sym("(")?;
            let s = self.select()?;
            self.sym(")")?;
            Ok(Statement::Exists(s))
        } else {
            Err(leftover())
        }
    }

    /// `"table"` or `table`, then `."index"` when `index` is allowed; a word that is
    /// not a clause after it is an alias.
    fn table(&mut self, index: bool, alias_check: bool) -> DResult<(String, Option<String>)> {
        let name = match self.bump().map(|t| t.tok) {
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => w,
            _ => return Err(leftover()),
        };
        let mut idx = None;
        if index && self.peek_sym(".") {
            self.at += 1;
            idx = match self.bump().map(|t| t.tok) {
                Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => Some(w),
                _ => return Err(leftover()),
            };
        }
        if alias_check
            && let Some(t) = self.peek()
            && let Tok::Word(w) = &t.tok
            && !CLAUSES.iter().any(|c| w.eq_ignore_ascii_case(c))
        {
            return Err(invalid("Aliasing is not supported"));
        }
        Ok((name, idx))
    }

    fn select(&mut self) -> DResult<Select> {
        self.word("SELECT")?;
        let projection = if self.peek_sym("*") {
            self.at += 1;
            None
        } else {
            let mut paths = vec![self.projected()?];
            while self.peek_sym(",") {
                self.at += 1;
                paths.push(self.projected()?);
            }
            Some(paths)
        };
        self.word("FROM")?;
        let (table, index) = self.table(true, true)?;
        let cond = if self.peek_word("WHERE") {
            self.at += 1;
            Some(self.cond()?)
        } else {
            None
        };
        let order = if self.peek_word("ORDER") {
            self.at += 1;
            self.word("BY")?;
            let path = self.path()?;
            let desc = if self.peek_word("DESC") {
                self.at += 1;
                true
            } else {
                if self.peek_word("ASC") {
                    self.at += 1;
                }
                false
            };
            Some((path, desc))
        } else {
            None
        };
        Ok(Select {
            table,
            index,
            projection,
            cond,
            order,
        })
    }

    fn projected(&mut self) -> DResult<Path> {
        if let (Some(t), Some(n)) = (self.peek(), self.toks.get(self.at + 1))
            && matches!(t.tok, Tok::Word(_))
            && n.is_sym("(")
        {
            return Err(invalid(format!("Unexpected path component at {}", t.at())));
        }
        self.path()
    }

    fn insert(&mut self) -> DResult<Statement> {
        self.word("INSERT")?;
        self.word("INTO")?;
        let (table, _) = self.table(false, false)?;
        self.word("VALUE")?;
        let Json::Object(item) = self.literal_value("root")? else {
            return Err(invalid(format!(
                "{NOT_WELL_FORMED}Unexpected token after expression"
            )));
        };
        let Some(Json::Object(m)) = item.get("M").cloned() else {
            return Err(invalid("Unsupported data type: root"));
        };
        Ok(Statement::Insert { table, item: m })
    }

    fn returning(&mut self) -> DResult<Option<&'static str>> {
        if !self.peek_word("RETURNING") {
            return Ok(None);
        }
        self.at += 1;
        let which = if self.peek_word("ALL") {
            "ALL"
        } else if self.peek_word("MODIFIED") {
            "UPDATED"
        } else {
            return Err(leftover());
        };
        self.at += 1;
        let age = if self.peek_word("OLD") {
            "OLD"
        } else if self.peek_word("NEW") {
            "NEW"
        } else {
            return Err(leftover());
        };
        self.at += 1;
        self.sym("*")?;
        Ok(Some(match (which, age) {
            ("ALL", "OLD") => "ALL_OLD",
            ("ALL", _) => "ALL_NEW",
            (_, "OLD") => "UPDATED_OLD",
            _ => "UPDATED_NEW",
        }))
    }

    fn update(&mut self) -> DResult<Statement> {
        self.word("UPDATE")?;
        let (table, _) = self.table(false, true)?;
        let mut sets = Vec::new();
        let mut removes = Vec::new();
        loop {
            if self.peek_word("SET") {
                self.at += 1;
                loop {
                    let path = self.path()?;
                    self.sym("=")?;
                    let value = self.set_value(&path)?;
                    sets.push((path, value));
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
            } else if self.peek_word("REMOVE") {
                self.at += 1;
                loop {
                    removes.push(self.path()?);
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
            } else {
                break;
            }
        }
        if sets.is_empty() && removes.is_empty() {
            return Err(leftover());
        }
        self.word("WHERE")?;
        let cond = self.cond()?;
        let returning = self.returning()?;
        Ok(Statement::Update {
            table,
            sets,
            removes,
            cond,
            returning,
        })
    }

    fn delete(&mut self) -> DResult<Statement> {
        self.word("DELETE")?;
        self.word("FROM")?;
        let (table, _) = self.table(false, true)?;
        self.word("WHERE")?;
        let cond = self.cond()?;
        let returning = self.returning()?;
        Ok(Statement::Delete {
            table,
            cond,
            returning,
        })
    }

    /// What a SET assigns: a value, `a + b`, `a - b`, list_append, if_not_exists,
    /// set_add and set_delete (whose first argument must be the path assigned).
    fn set_value(&mut self, target: &Path) -> DResult<SetValue> {
        if let (Some(t), Some(n)) = (self.peek().cloned(), self.toks.get(self.at + 1))
            && let Tok::Word(w) = &t.tok
            && n.is_sym("(")
        {
            let f = w.to_ascii_lowercase();
            if f == "set_add" || f == "set_delete" {
                let upper = f.to_ascii_uppercase();
                self.at += 2;
                let mut args: Vec<(Token, Result<Operand, DynamoError>)> = Vec::new();
                while !self.peek_sym(")") {
                    let tok = self.peek().cloned().ok_or_else(leftover)?;
                    args.push((tok, self.operand()));
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.sym(")")?;
                if args.len() != 2 {
                    return Err(invalid(format!(
                        "{upper} must have exactly two arguments at {}",
                        t.at()
                    )));
                }
                let first = args[0].1.clone()?;
                if first != Operand::Path(target.clone()) {
                    return Err(invalid(format!(
                        "The first argument to {upper} must equal the assignment value at {}",
                        t.at()
                    )));
                }
                let set = match args[1].1.clone()? {
                    Operand::Value(v) if v.get("SS").or(v.get("NS")).or(v.get("BS")).is_some() => v,
                    _ => {
                        return Err(invalid(format!(
                            "The second argument to {upper} must be a value with type SET at {}",
                            args[0].0.at()
                        )));
                    }
                };
                return Ok(if f == "set_add" {
                    SetValue::SetAdd(set)
                } else {
                    SetValue::SetDelete(set)
                });
            }
            if f == "list_append" || f == "if_not_exists" {
                self.at += 2;
                let a = self.operand()?;
                self.sym(",")?;
                let b = self.operand()?;
                self.sym(")")?;
                return match (f.as_str(), a) {
                    ("list_append", a) => Ok(SetValue::ListAppend(a, b)),
                    (_, Operand::Path(p)) => Ok(SetValue::IfNotExists(p, b)),
                    _ => Err(invalid(
                        "Operator or function requires a document path; operator or function: if_not_exists",
                    )),
                };
            }
        }
        let a = self.operand()?;
        if self.peek_sym("+") || self.peek_sym("-") {
            let plus = self.peek_sym("+");
            self.at += 1;
            let b = self.operand()?;
            return Ok(if plus {
                SetValue::Add(a, b)
            } else {
                SetValue::Sub(a, b)
            });
        }
        Ok(SetValue::Operand(a))
    }

    fn cond(&mut self) -> DResult<Cond> {
        self.deeper()?;
        let mut left = self.and()?;
        while self.peek_word("OR") {
            self.at += 1;
            let right = self.and()?;
            left = Cond::Or(Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> DResult<Cond> {
        let mut left = self.not()?;
        while self.peek_word("AND") {
            self.at += 1;
            let right = self.not()?;
            left = Cond::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self) -> DResult<Cond> {
        if self.peek_word("NOT") {
            self.at += 1;
            self.deeper()?;
            let c = self.not()?;
            self.depth -= 1;
            return Ok(Cond::Not(Box::new(c)));
        }
        self.predicate()
    }

    fn predicate(&mut self) -> DResult<Cond> {
        if self.peek_sym("(") {
            self.at += 1;
            let c = self.cond()?;
            self.sym(")")?;
            return Ok(c);
        }
        // A function that is a condition in itself.
        if let (Some(t), Some(n)) = (self.peek().cloned(), self.toks.get(self.at + 1))
            && let Tok::Word(w) = &t.tok
            && n.is_sym("(")
        {
            let f = w.to_ascii_lowercase();
            let known: Option<&'static str> = match f.as_str() {
                "attribute_exists" => Some("attribute_exists"),
                "attribute_not_exists" => Some("attribute_not_exists"),
                "attribute_type" => Some("attribute_type"),
                "begins_with" => Some("begins_with"),
                "contains" => Some("contains"),
                "size" => None,
                _ => {
                    return Err(invalid(format!("Unrecognized function: {f} at {}", t.at())));
                }
            };
            if let Some(name) = known {
                self.at += 2;
                let mut args = Vec::new();
                while !self.peek_sym(")") {
                    args.push(self.operand()?);
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.sym(")")?;
                let arity = if name.starts_with("attribute_") && name != "attribute_type" {
                    1
                } else {
                    2
                };
                if args.len() != arity {
                    return Err(invalid(format!(
                        "Incorrect number of operands for operator or function; operator or function: {name}, number of operands: {}",
                        args.len()
                    )));
                }
                if !matches!(args[0], Operand::Path(_)) {
                    return Err(invalid(format!(
                        "Operator or function requires a document path; operator or function: {name}"
                    )));
                }
                let func = Cond::Func(name, args);
                // `attribute_exists(a) = true`
                if self.peek_sym("=") || self.peek_sym("<>") || self.peek_sym("!=") {
                    let eq = self.peek_sym("=");
                    self.at += 1;
                    let truth = if self.peek_word("TRUE") {
                        true
                    } else if self.peek_word("FALSE") {
                        false
                    } else {
                        return Err(leftover());
                    };
                    self.at += 1;
                    return Ok(if truth == eq {
                        func
                    } else {
                        Cond::Not(Box::new(func))
                    });
                }
                return Ok(func);
            }
        }
        let left = self.operand()?;
        let negated = if self.peek_word("NOT") {
            self.at += 1;
            true
        } else {
            false
        };
        let cond = if self.peek_word("IN") {
            self.at += 1;
            let close = if self.peek_sym("[") {
                "]"
            } else if self.peek_sym("(") {
                ")"
            } else {
                return Err(leftover());
            };
            self.at += 1;
            let mut list = vec![self.operand()?];
            while self.peek_sym(",") {
                self.at += 1;
                list.push(self.operand()?);
            }
            self.sym(close)?;
            Cond::In(left, list)
        } else if self.peek_word("BETWEEN") {
            self.at += 1;
            let lo = self.operand()?;
            self.word("AND")?;
            let hi = self.operand()?;
            Cond::Between(left, lo, hi)
        } else if !negated && self.peek_word("IS") {
            self.at += 1;
            let not = if self.peek_word("NOT") {
                self.at += 1;
                true
            } else {
                false
            };
            let Operand::Path(path) = left else {
                return Err(invalid(
                    "Operator or function requires a document path; operator or function: IS",
                ));
            };
            let t = self.bump().ok_or_else(leftover)?;
            let Tok::Word(w) = &t.tok else {
                return Err(leftover());
            };
            let kind = match w.to_ascii_uppercase().as_str() {
                "MISSING" => None,
                "NULL" => Some("NULL"),
                "STRING" => Some("S"),
                "NUMBER" | "INT" | "INTEGER" | "DECIMAL" | "FLOAT" | "DOUBLE" => Some("N"),
                "BOOL" | "BOOLEAN" => Some("BOOL"),
                "BLOB" | "BINARY" => Some("B"),
                "LIST" => Some("L"),
                "MAP" | "STRUCT" | "TUPLE" => Some("M"),
                _ => return Err(leftover()),
            };
            return Ok(Cond::Is(path, kind, not));
        } else if negated {
            return Err(leftover());
        } else {
            let op = match self.bump().map(|t| t.tok) {
                Some(Tok::Sym(s @ ("=" | "<" | "<=" | ">" | ">="))) => s,
                Some(Tok::Sym("<>" | "!=")) => "<>",
                _ => return Err(leftover()),
            };
            let right = self.operand()?;
            Cond::Cmp(op, left, right)
        };
        Ok(if negated {
            Cond::Not(Box::new(cond))
        } else {
            cond
        })
    }

    /// A path, a value, a parameter, or size(path).
    fn operand(&mut self) -> DResult<Operand> {
        let Some(t) = self.peek().cloned() else {
            return Err(leftover());
        };
        match &t.tok {
            Tok::Word(w) if self.toks.get(self.at + 1).is_some_and(|n| n.is_sym("(")) => {
                let f = w.to_ascii_lowercase();
                if f != "size" {
                    return Err(invalid(format!("Unrecognized function: {f} at {}", t.at())));
                }
                self.at += 2;
                let path = self.path()?;
                self.sym(")")?;
                Ok(Operand::Size(path))
            }
            Tok::Word(w)
                if !["TRUE", "FALSE", "NULL", "MISSING"]
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k)) =>
            {
                Ok(Operand::Path(self.path()?))
            }
            Tok::Quoted(_) => Ok(Operand::Path(self.path()?)),
            _ => Ok(Operand::Value(self.literal_value("root")?)),
        }
    }

    /// `a.b[2]."c d"`.
    fn path(&mut self) -> DResult<Path> {
        let mut path = match self.bump().map(|t| t.tok) {
            Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => vec![PathPart::Name(w)],
            _ => return Err(leftover()),
        };
        loop {
            if self.peek_sym(".") {
                self.at += 1;
                match self.bump().map(|t| t.tok) {
                    Some(Tok::Word(w))
                        if ["inner", "outer", "join", "cross"]
                            .contains(&w.to_ascii_lowercase().as_str()) =>
                    {
                        return Err(invalid(format!(
                            "{NOT_WELL_FORMED}Invalid path dot component"
                        )));
                    }
                    Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => path.push(PathPart::Name(w)),
                    _ => {
                        return Err(invalid(format!(
                            "{NOT_WELL_FORMED}Invalid path dot component"
                        )));
                    }
                }
            } else if self.peek_sym("[") {
                self.at += 1;
                let n = match self.bump().map(|t| t.tok) {
                    Some(Tok::Num(n)) => n.parse::<u32>().map_err(|_| leftover())?,
                    _ => return Err(leftover()),
                };
                self.sym("]")?;
                path.push(PathPart::Index(n));
            } else {
                return Ok(path);
            }
        }
    }
}

mod literal;

#[cfg(test)]
mod tests;
