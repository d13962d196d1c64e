//! Finds where a model element was written, for diagnostics found after parsing.

use std::cell::RefCell;
use std::collections::HashMap;

use super::yaml::{Key, Node, Pos, Value};

/// Mappings with more entries than this are looked up through an index, built on
/// first use: every table of a 40,000-table file is located by name, and a linear
/// search each time made validation quadratic.
const INDEXED_FROM: usize = 32;

type Entries = [(Key, Node)];

pub struct Locator<'a> {
    root: Option<&'a Node>,
    /// Per large mapping (by address), its keys' positions in the entries.
    /// Owned keys keep `Locator` covariant in `'a`.
    index: RefCell<HashMap<*const Entries, HashMap<String, usize>>>,
}

impl<'a> Locator<'a> {
    pub fn new(root: Option<&'a Node>) -> Self {
        Locator {
            root,
            index: RefCell::default(),
        }
    }

    fn find(&self, entries: &'a Entries, name: &str) -> Option<&'a (Key, Node)> {
        if entries.len() <= INDEXED_FROM {
            return entries.iter().find(|(k, _)| k.name == name);
        }
        let mut index = self.index.borrow_mut();
        let map = index.entry(entries as *const Entries).or_insert_with(|| {
            let mut m = HashMap::with_capacity(entries.len());
            for (i, (k, _)) in entries.iter().enumerate() {
                // The first of equal keys, as a linear search finds it.
                m.entry(k.name.clone()).or_insert(i);
            }
            m
        });
        map.get(name).map(|i| &entries[*i])
    }

    /// The node at `path`, or the deepest one on the way there.
    fn walk(&self, path: &[&str]) -> (Option<&'a Node>, Option<Pos>, bool) {
        let Some(mut node) = self.root else {
            return (None, None, false);
        };
        let mut key_pos = None;
        for seg in path {
            // A list's element by its index (`events`, `0`).
            if let Value::Seq(items) = &node.value {
                match seg.parse::<usize>().ok().and_then(|i| items.get(i)) {
                    Some(item) => {
                        key_pos = Some(item.pos);
                        node = item;
                        continue;
                    }
                    None => return (Some(node), key_pos, false),
                }
            }
            let Value::Map(entries) = &node.value else {
                return (Some(node), key_pos, false);
            };
            match self.find(entries, seg) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_mappings_are_found_through_the_index_as_small_ones_are() {
        let mut text = String::from("tables:\n");
        for i in 0..100 {
            text.push_str(&format!("  t{i}:\n    key: k{i}\n"));
        }
        let root = crate::project::yaml::parse(&text).unwrap().unwrap();
        let loc = Locator::new(Some(&root));
        for i in [0, 57, 99] {
            let name = format!("t{i}");
            assert!(loc.has(&["tables", &name, "key"]));
            assert_eq!(loc.key(&["tables", &name]).line, 2 + 2 * i);
        }
        assert!(!loc.has(&["tables", "t100"]));
        assert_eq!(loc.keys(&["tables"]).len(), 100);
    }
}
