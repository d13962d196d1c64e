//! Finds where a model element was written, for diagnostics found after parsing.

use super::yaml::{Node, Pos, Value};

pub struct Locator<'a> {
    root: Option<&'a Node>,
}

impl<'a> Locator<'a> {
    pub fn new(root: Option<&'a Node>) -> Self {
        Locator { root }
    }

    /// The node at `path`, or the deepest one on the way there.
    fn walk(&self, path: &[&str]) -> (Option<&'a Node>, Option<Pos>, bool) {
        let Some(mut node) = self.root else {
            return (None, None, false);
        };
        let mut key_pos = None;
        for seg in path {
            let Value::Map(entries) = &node.value else {
                return (Some(node), key_pos, false);
            };
            match entries.iter().find(|(k, _)| k.name == *seg) {
                Some((k, v)) => {
                    key_pos = Some(k.pos);
                    node = v;
                }
                None => return (Some(node), key_pos, false),
            }
        }
        (Some(node), key_pos, true)
    }

    /// Where the value at `path` starts (or its nearest written ancestor).
    pub fn value(&self, path: &[&str]) -> Pos {
        match self.walk(path) {
            (Some(node), _, _) => node.pos,
            _ => Pos { line: 1, col: 1 },
        }
    }

    /// Where the key that ends `path` is written (or its nearest written ancestor).
    pub fn key(&self, path: &[&str]) -> Pos {
        match self.walk(path) {
            (_, Some(pos), true) => pos,
            (Some(node), _, _) => node.pos,
            _ => Pos { line: 1, col: 1 },
        }
    }

    /// Whether `path` is written in the file (rather than taken from a default).
    pub fn has(&self, path: &[&str]) -> bool {
        self.walk(path).2
    }

    /// The keys of the mapping at `path`, as written.
    pub fn keys(&self, path: &[&str]) -> Vec<&'a str> {
        match self.walk(path) {
            (Some(node), _, true) => match &node.value {
                Value::Map(entries) => entries.iter().map(|(k, _)| k.name.as_str()).collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn root(&self) -> Option<&'a Node> {
        self.root
    }
}
