//! A YAML document as a tree that remembers where every node and key came from.
//!
//! serde stops at the first fault and forgets positions; gatekit must report every
//! problem at once with `FILE:LINE:COL`, so the project file is first read into this
//! tree (with saphyr-parser, the maintained YAML 1.2 parser behind serde-saphyr) and
//! everything after works on the tree.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashSet;

/// 1-based line and column of a node's first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    fn from_span(span: &Span) -> Pos {
        Pos {
            line: span.start.line(),
            col: span.start.col() + 1,
        }
    }
}

/// A scalar as YAML 1.2's core schema resolves it; quoted scalars are always strings.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Scalar {
        value: Scalar,
        /// The text as written, so a number can stand where a string is expected.
        raw: String,
    },
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

impl Node {
    /// A short human name for the node's kind, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { value, .. } => match value {
                Scalar::Null => "null",
                Scalar::Bool(_) => "a boolean",
                Scalar::Int(_) => "an integer",
                Scalar::Float(_) => "a number",
                Scalar::Str(_) => "a string",
            },
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar {
                value: Scalar::Str(s),
                ..
            } => Some(s),
            _ => None,
        }
    }
}

/// A YAML fault: where, and the parser's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
}

/// Deeper nesting than any project file needs; refusing it keeps recursion bounded.
const MAX_DEPTH: usize = 64;

/// Parses one YAML document. An empty file is an empty mapping's absence: `Ok(None)`.
/// The YAML parser's message in words a person acts on, with the fix.
fn explain(info: &str) -> (String, Option<String>) {
    let (message, hint) = if info.contains("tabs disallowed") {
        (
            "a tab indents this line; YAML indents with spaces only",
            "replace the tab with spaces",
        )
    } else if info.contains("mapping values are not allowed") {
        (
            "a `key: value` where none can be: the indentation does not match the lines above",
            "indent a nested key by the same number of spaces as its siblings, and a value under its key",
        )
    } else if info.contains("did not find expected key") || info.contains("block end") {
        (
            "the indentation of this line does not continue the block above",
            "line it up with its siblings; YAML nests by indentation",
        )
    } else if info.contains("quoted scalar") {
        (
            "a quoted string is not closed",
            "close the quote on the same line, or quote with the other kind",
        )
    } else {
        return (
            format!("invalid YAML: {info}"),
            Some("check the indentation and the quotes around this position".into()),
        );
    };
    (format!("invalid YAML: {message}"), Some(hint.into()))
}

pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let mut builder = Builder::default();
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| SyntaxError {
            pos: Pos {
                line: e.marker().line(),
                col: e.marker().col() + 1,
            },
            message: explain(e.info()).0,
            hint: explain(e.info()).1,
        })?;
        builder.event(event, &span)?;
    }
    Ok(builder.root)
}

enum Open {
    Seq(Pos, usize, Vec<Node>),
    /// Entries so far, and a key waiting for its value.
    /// The names seen so far, so a duplicate is found without rescanning the entries.
    Map(Pos, usize, Vec<(Key, Node)>, Option<Key>, HashSet<String>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    anchors: Vec<(usize, Node)>,
    root: Option<Node>,
    documents: usize,
    expanded: usize,
}

/// Caps what aliases may copy, so a small file cannot expand into gigabytes.
const MAX_EXPANDED_NODES: usize = 100_000;

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        Value::Scalar { .. } => 0,
        Value::Seq(items) => items.iter().map(count_nodes).sum(),
        Value::Map(entries) => entries.iter().map(|(_, v)| count_nodes(v)).sum(),
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<(), SyntaxError> {
        let pos = Pos::from_span(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(SyntaxError {
                        pos,
                        message: "the file holds more than one YAML document".into(),
                        hint: Some("keep one document: remove the second `---`".into()),
                    });
                }
            }
            Event::Scalar(text, style, anchor, _tag) => {
                let value = if matches!(style, ScalarStyle::Plain) {
                    resolve_plain(&text)
                } else {
                    Scalar::Str(text.to_string())
                };
                let node = Node {
                    value: Value::Scalar {
                        value,
                        raw: text.to_string(),
                    },
                    pos,
                };
                self.push(node, anchor)?;
            }
            Event::SequenceStart(anchor, _) => {
                self.check_depth(pos)?;
                self.stack.push(Open::Seq(pos, anchor, Vec::new()));
            }
            Event::MappingStart(anchor, _) => {
                self.check_depth(pos)?;
                self.stack
                    .push(Open::Map(pos, anchor, Vec::new(), None, HashSet::new()));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq(p, a, items)) => (
                        Node {
                            value: Value::Seq(items),
                            pos: p,
                        },
                        a,
                    ),
                    Some(Open::Map(p, a, entries, _, _)) => (
                        Node {
                            value: Value::Map(entries),
                            pos: p,
                        },
                        a,
                    ),
                    None => return Ok(()),
                };
                self.push(node, anchor)?;
            }
            Event::Alias(id) => {
                let node = self
                    .anchors
                    .iter()
                    .rev()
                    .find(|(a, _)| *a == id)
                    .map(|(_, n)| n.clone())
                    .ok_or_else(|| SyntaxError {
                        pos,
                        message: "alias to an unknown anchor".into(),
                        hint: None,
                    })?;
                self.expanded += count_nodes(&node);
                if self.expanded > MAX_EXPANDED_NODES {
                    return Err(SyntaxError {
                        pos,
                        message: "aliases expand the file to more than 100000 nodes".into(),
                        hint: Some(
                            "a project file needs no alias bombs; write the values out".into(),
                        ),
                    });
                }
                self.push(node, 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn check_depth(&self, pos: Pos) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError {
                pos,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                hint: None,
            });
        }
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.anchors.push((anchor, node.clone()));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, pending, seen)) => match pending.take() {
                None => {
                    let name = match &node.value {
                        Value::Scalar { raw, .. } => raw.clone(),
                        _ => {
                            return Err(SyntaxError {
                                pos: node.pos,
                                message:
                                    "a mapping key must be a plain value, not a list or mapping"
                                        .into(),
                                hint: None,
                            });
                        }
                    };
                    if !seen.insert(name.clone()) {
                        return Err(SyntaxError {
                            pos: node.pos,
                            message: format!("duplicate key `{name}`"),
                            hint: Some(
                                "each key may appear once in a mapping; merge the two".into(),
                            ),
                        });
                    }
                    *pending = Some(Key {
                        name,
                        pos: node.pos,
                    });
                }
                Some(key) => entries.push((key, node)),
            },
        }
        Ok(())
    }
}

/// YAML 1.2 core schema resolution of a plain scalar.
fn resolve_plain(text: &str) -> Scalar {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = text.parse::<i64>()
    {
        return Scalar::Int(i);
    }
    if let Some(hex) = text.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Scalar::Int(i);
    }
    if let Some(oct) = text.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return Scalar::Int(i);
    }
    let looks_float = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if looks_float && let Ok(f) = text.parse::<f64>() {
        return Scalar::Float(f);
    }
    match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" => Scalar::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Scalar::Float(f64::NAN),
        _ => Scalar::Str(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let root = parse("a: 1\nb:\n  c: x\n").unwrap().unwrap();
        let Value::Map(entries) = &root.value else {
            panic!("not a map")
        };
        assert_eq!(entries[1].0.pos, Pos { line: 2, col: 1 });
        let c = root.get("b").unwrap().get("c").unwrap();
        assert_eq!(c.pos, Pos { line: 3, col: 6 });
        assert_eq!(c.as_str(), Some("x"));
    }

    #[test]
    fn core_schema() {
        assert_eq!(resolve_plain("12"), Scalar::Int(12));
        assert_eq!(resolve_plain("1.5"), Scalar::Float(1.5));
        assert_eq!(resolve_plain("yes"), Scalar::Str("yes".into()));
        assert_eq!(resolve_plain("~"), Scalar::Null);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 2, col: 1 });
        assert!(err.message.contains("duplicate key `a`"));
    }

    #[test]
    fn aliases_expand() {
        let root = parse("a: &x {b: 1}\nc: *x\n").unwrap().unwrap();
        assert!(root.get("c").unwrap().get("b").is_some());
    }
}
