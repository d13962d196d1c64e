//! Literals of a statement as attribute values: strings, numbers (checked by
//! DynamoDB's number rules), booleans, NULL, lists, maps, sets and `?` parameters.

use serde_json::{Map, Value as Json, json};

use super::{Parser, invalid, leftover};
use crate::aws::partiql::Tok;
use crate::local::dynamodb::error::DResult;

impl Parser {
    /// A literal (or `?`) as an attribute value; `at` names where it is, for the
    /// number messages (`root`, `root.x`, `root[1]`).
    pub(super) fn literal_value(&mut self, at: &str) -> DResult<Json> {
        self.deeper()?;
        let t = self.bump().ok_or_else(leftover)?;
        let v = match &t.tok {
            Tok::Param => {
                let v = self
                    .params
                    .get(self.next_param)
                    .cloned()
                    .ok_or_else(leftover)?;
                self.next_param += 1;
                v
            }
            Tok::Str(s) => json!({ "S": s }),
            Tok::Num(n) => json!({ "N": number(n, at)? }),
            Tok::Sym("-") => match self.bump().map(|t| t.tok) {
                Some(Tok::Num(n)) => json!({ "N": number(&format!("-{n}"), at)? }),
                _ => return Err(leftover()),
            },
            Tok::Word(w) if w.eq_ignore_ascii_case("TRUE") => json!({ "BOOL": true }),
            Tok::Word(w) if w.eq_ignore_ascii_case("FALSE") => json!({ "BOOL": false }),
            Tok::Word(w) if w.eq_ignore_ascii_case("NULL") => json!({ "NULL": true }),
            Tok::Word(w) => {
                return Err(invalid(format!(
                    "Unsupported data type: {} under key {at} at {}",
                    w.to_ascii_lowercase(),
                    t.at()
                )));
            }
            Tok::Sym("[") => {
                let mut list = Vec::new();
                while !self.peek_sym("]") {
                    let i = list.len();
                    list.push(self.literal_value(&format!("{at}[{i}]"))?);
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.sym("]")?;
                json!({ "L": list })
            }
            Tok::Sym("{") => {
                let mut map = Map::new();
                while !self.peek_sym("}") {
                    let key = match self.bump().map(|t| t.tok) {
                        Some(Tok::Str(k)) => k,
                        _ => return Err(leftover()),
                    };
                    self.sym(":")?;
                    if let Some(t) = self.peek().cloned()
                        && let Tok::Word(w) = &t.tok
                        && self.toks.get(self.at + 1).is_some_and(|n| n.is_sym("("))
                    {
                        return Err(invalid(format!(
                            "Unsupported data type: {} under key {at} at {}",
                            w.to_ascii_lowercase(),
                            t.at()
                        )));
                    }
                    let v = self.literal_value(&format!("{at}.{key}"))?;
                    map.insert(key, v);
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.sym("}")?;
                json!({ "M": map })
            }
            Tok::Sym("<<") => {
                let mut members = Vec::new();
                while !self.peek_sym(">>") {
                    let i = members.len();
                    members.push(self.literal_value(&format!("{at}[{i}]"))?);
                    if self.peek_sym(",") {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
                self.sym(">>")?;
                set_of(members)?
            }
            _ => return Err(leftover()),
        };
        self.depth -= 1;
        Ok(v)
    }
}

/// `<<…>>`: a string, number or binary set, as its members' type says.
fn set_of(members: Vec<Json>) -> DResult<Json> {
    if members.is_empty() {
        return Err(invalid("Empty bags are not supported"));
    }
    let kind = members[0]
        .as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_default();
    let (set, ok) = match kind.as_str() {
        "S" => ("SS", "S"),
        "N" => ("NS", "N"),
        "B" => ("BS", "B"),
        _ => return Err(invalid("Unsupported data type: set member")),
    };
    let mut texts = Vec::new();
    for m in &members {
        match m.get(ok).and_then(Json::as_str) {
            Some(s) => texts.push(s.to_string()),
            None => return Err(invalid("Set members must all be of the same type")),
        }
    }
    let mut seen = texts.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != texts.len() {
        return Err(invalid(format!(
            "One or more parameter values were invalid: Input collection [{}] contains duplicates.",
            texts.join(", ")
        )));
    }
    Ok(json!({ set: texts }))
}

/// A number literal, checked by DynamoDB's number rules (the message names where
/// it is in the value).
fn number(text: &str, at: &str) -> DResult<String> {
    crate::local::dynamodb::number::Number::parse(text)
        .map(|n| n.to_string())
        .map_err(|e| invalid(format!("{} under {at}", e.message)))
}
