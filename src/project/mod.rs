//! gatekit.yaml: the model, loading with positions, validation and resolution.
//!
//! Pure: the only I/O is reading the project file and looking at the code folders
//! it names.

pub mod check;
pub mod diag;
pub mod key;
mod locate;
pub mod model;
pub mod reference;
pub mod resolve;
mod shape;
pub mod yaml;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use diag::{Diagnostic, Severity};
use locate::Locator;
use model::ProjectFile;
use yaml::{Node, Pos, Value};

/// A project file larger than this is surely not one; refusing it bounds the work.
const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// A project that passed validation, possibly with warnings.
#[derive(Debug, Clone)]
pub struct Project {
    pub file: ProjectFile,
    /// The project file's path as the user gave it, for messages.
    pub path: PathBuf,
    /// The folder that paths in the file are relative to.
    pub dir: PathBuf,
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} in {}", count(diagnostics), path.display())]
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

/// Where a file stops being UTF-8 text (a binary file, another encoding).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = &bytes[..valid_up_to];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Diagnostic::error(
        Pos { line, col },
        format!(
            "the file is not UTF-8 text (byte 0x{:02x} here)",
            bytes.get(valid_up_to).copied().unwrap_or(0)
        ),
    )
    .hint("save gatekit.yaml as UTF-8 text")
}

fn count(diagnostics: &[Diagnostic]) -> String {
    let n = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    }
}

pub fn load(path: &Path) -> Result<Project, LoadError> {
    if path.is_dir() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            diagnostics: vec![
                Diagnostic::error(
                    Pos { line: 1, col: 1 },
                    "this is a folder, not a project file",
                )
                .hint("name the project file with -f FILE, or its folder with -C DIR"),
            ],
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::Invalid {
        path: path.to_path_buf(),
        diagnostics: vec![not_utf8(e.as_bytes(), e.utf8_error().valid_up_to())],
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match check_text(&text, &dir) {
        Ok((file, warnings)) => Ok(Project {
            file,
            path: path.to_path_buf(),
            dir,
            warnings,
        }),
        Err(diagnostics) => Err(LoadError::Invalid {
            path: path.to_path_buf(),
            diagnostics,
        }),
    }
}

/// Validates a project file's text; paths in it are relative to `dir`.
/// `Ok` carries the warnings; `Err` carries every problem, errors and warnings, in
/// the order they appear in the file.
pub fn check_text(
    text: &str,
    dir: &Path,
) -> Result<(ProjectFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let start = Pos { line: 1, col: 1 };
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![
            Diagnostic::error(
                start,
                format!(
                    "the file is {} bytes; a project file is at most 4 MiB",
                    text.len()
                ),
            )
            .hint("is this the right file? `-f` chooses the project file"),
        ]);
    }
    let root = match yaml::parse(text) {
        Err(e) => {
            let mut d = Diagnostic::error(e.pos, e.message);
            d.hint = e.hint;
            return Err(vec![d]);
        }
        Ok(None) => {
            return Err(vec![
                Diagnostic::error(start, "the project file is empty")
                    .hint("start with `project: NAME`; `gatekit init` writes a working example"),
            ]);
        }
        Ok(Some(root)) => root,
    };
    if !matches!(root.value, Value::Map(_)) {
        return Err(vec![
            Diagnostic::error(
                root.pos,
                format!("the project file must be a mapping, found {}", root.kind()),
            )
            .hint("start with `project: NAME`"),
        ]);
    }
    // Generating the schema costs more than checking a small file; do it once.
    static SCHEMA: std::sync::OnceLock<Json> = std::sync::OnceLock::new();
    let schema = SCHEMA.get_or_init(model::json_schema);
    let mut shaper = shape::Shaper::new(schema);
    let json = shaper.convert(&root, schema, "").unwrap_or(Json::Null);
    let mut diagnostics = shaper.diagnostics;
    let file = assemble(&json, &root, &mut diagnostics);
    diagnostics.extend(check::run(&file, Locator::new(Some(&root)), dir));
    diagnostics.sort_by_key(|a| (a.pos, a.severity));
    diagnostics.dedup();
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(diagnostics)
    } else {
        Ok((file, diagnostics))
    }
}

/// Builds the model from the parts that read cleanly, so that the whole-project
/// checks still run on them while the broken parts are already reported.
fn assemble(json: &Json, root: &Node, diagnostics: &mut Vec<Diagnostic>) -> ProjectFile {
    let loc = Locator::new(Some(root));
    let project = json
        .get("project")
        .and_then(Json::as_str)
        .unwrap_or("project")
        .to_string();
    ProjectFile {
        project,
        targets: section(json, "targets", &loc, diagnostics),
        tables: section(json, "tables", &loc, diagnostics),
        functions: section(json, "functions", &loc, diagnostics),
        apis: section(json, "apis", &loc, diagnostics),
    }
}

fn section<T: DeserializeOwned>(
    json: &Json,
    name: &str,
    loc: &Locator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> indexmap::IndexMap<String, T> {
    let mut out = indexmap::IndexMap::new();
    let Some(entries) = json.get(name).and_then(Json::as_object) else {
        return out;
    };
    for (key, value) in entries {
        match serde_json::from_value::<T>(value.clone()) {
            Ok(v) => {
                out.insert(key.clone(), v);
            }
            Err(e) => {
                // Faults the shape check found are reported already; this only
                // speaks when the schema and the model disagree.
                let pos = loc.key(&[name, key]);
                if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
                    diagnostics.push(Diagnostic::error(pos, format!("`{name}.{key}`: {e}")));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EXAMPLE: &str = include_str!("../../examples/todo/gatekit.yaml");

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Any text gives problems or a project; never a panic.
        #[test]
        fn any_text_is_handled(text in "\\PC{0,200}") {
            let _ = check_text(&text, Path::new("."));
        }

        /// The example with one slice cut out or one character changed: still no panic,
        /// and every problem has a position inside the file.
        #[test]
        fn damaged_example_is_handled(at in 0usize..EXAMPLE.len(), len in 0usize..40, c in proptest::char::any()) {
            let mut text = EXAMPLE.to_string();
            let start = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let end = (start + len..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
            text.replace_range(start..end, &c.to_string());
            if let Err(found) = check_text(&text, Path::new("examples/todo")) {
                // Lines as YAML counts them: a lone CR breaks a line too (as in
                // editors), where `str::lines` sees one.
                let lines = text.replace("\r\n", "\n").replace('\r', "\n").lines().count().max(1) + 1;
                for d in found {
                    prop_assert!(d.pos.line >= 1 && d.pos.line <= lines, "{d:?}");
                }
            }
        }
    }

    /// CI's proptest found it: a lone CR is a line break to YAML (and to editors),
    /// so positions count it as one.
    #[test]
    fn a_lone_carriage_return_breaks_a_line() {
        let found = check_text("project: p\rtables:\r  t: { key: }\r", Path::new("."))
            .expect_err("an empty key");
        assert!(found.iter().all(|d| d.pos.line <= 4), "{found:?}");
        assert!(found.iter().any(|d| d.pos.line == 3), "{found:?}");
    }

    proptest! {
        // Each case reads up to megabytes: fewer cases.
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Nesting thousands of levels deep, in block or flow style, anywhere in the
        /// file: refused with a position, never a stack overflow.
        #[test]
        fn deep_nesting_is_refused(depth in 65usize..20_000, flow in any::<bool>(), at in 0usize..3) {
            let deep = if flow {
                format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
            } else {
                (0..depth.min(3000)).map(|i| format!("{}- ", " ".repeat(i * 2))).collect::<Vec<_>>().join("\n") + "1"
            };
            let text = match at {
                0 => deep,
                1 => format!("project: shop\ntables:\n  t:\n    key: {deep}\n"),
                _ => format!("project: shop\nx: {deep}\n"),
            };
            let found = check_text(&text, Path::new(".")).err();
            prop_assert!(found.is_some_and(|f| !f.is_empty()));
        }

        /// Sizes far past any project's: refused or read, within the 4 MiB bound.
        #[test]
        fn huge_files_are_bounded(size in 1usize..8_000_000, key in any::<bool>()) {
            let text = if key {
                format!("project: shop\n{}: 1\n", "k".repeat(size))
            } else {
                format!("project: \"{}\"\n", "x".repeat(size))
            };
            let result = check_text(&text, Path::new("."));
            prop_assert!(result.is_err(), "neither is a valid project");
        }
    }
}
