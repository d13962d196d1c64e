//! The checks that need the whole project: keys, indexes, routes, references,
//! runtimes, handlers and code folders, names, item models.

mod api;
pub mod function;
mod item_model;
pub mod names;
mod refs;
mod table;

use std::path::Path;

use super::diag::Diagnostic;
use super::locate::Locator;
use super::model::ProjectFile;
use super::yaml::Pos;

/// What a check needs: the model as far as it could be read, where things are
/// written, and the folder that paths are relative to.
pub struct Validation<'a> {
    pub file: &'a ProjectFile,
    pub loc: Locator<'a>,
    pub dir: &'a Path,
    pub out: Vec<Diagnostic>,
}

impl Validation<'_> {
    pub fn error(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.out.push(Diagnostic::error(pos, message).hint(hint));
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.out.push(Diagnostic::warning(pos, message).hint(hint));
    }

    /// Logical names of a section as written, including entries that failed to parse,
    /// so a reference to them is not reported as undefined a second time.
    pub fn declared(&self, section: &str) -> Vec<&str> {
        self.loc.keys(&[section])
    }

    /// The names of every target, `local` included, for physical-name checks.
    pub fn target_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.file.targets.keys().map(String::as_str).collect();
        if !names.contains(&"local") {
            names.insert(0, "local");
        }
        names
    }
}

pub fn run(file: &ProjectFile, loc: Locator<'_>, dir: &Path) -> Vec<Diagnostic> {
    let mut ctx = Validation {
        file,
        loc,
        dir,
        out: Vec::new(),
    };
    names::check_project(&mut ctx);
    for name in file.tables.keys() {
        table::check(&mut ctx, name);
    }
    for name in file.functions.keys() {
        function::check(&mut ctx, name);
    }
    for name in file.apis.keys() {
        api::check(&mut ctx, name);
    }
    refs::check(&mut ctx);
    ctx.out
}
