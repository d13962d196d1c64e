//! Dynamic completion, clap_complete's `COMPLETE=$SHELL gatekit`: names that come
//! from the project (tables, functions, targets) are read from gatekit.yaml in the folder the
//! shell is in, each time the shell asks. The static scripts under completions/
//! (`gatekit completions SHELL`) complete commands and flags only.

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::project::model::ProjectFile;

/// The project in the shell's folder; nothing when there is none or it is invalid
/// (a completion never prints an error).
fn project() -> Option<ProjectFile> {
    let path = std::env::current_dir().ok()?.join("gatekit.yaml");
    crate::project::load(&path).ok().map(|p| p.file)
}

fn candidates(names: impl Iterator<Item = String>, what: &'static str) -> Vec<CompletionCandidate> {
    names
        .map(|n| CompletionCandidate::new(n).help(Some(what.into())))
        .collect()
}

/// The tables of gatekit.yaml, by logical name.
pub fn tables() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        project()
            .map(|f| candidates(f.tables.into_keys(), "table"))
            .unwrap_or_default()
    })
}

/// The functions of gatekit.yaml, by logical name.
pub fn functions() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        project()
            .map(|f| candidates(f.functions.into_keys(), "function"))
            .unwrap_or_default()
    })
}

/// `local` and the targets of gatekit.yaml.
pub fn targets() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let declared = project()
            .map(|f| {
                f.targets
                    .into_keys()
                    .filter(|t| t != "local")
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        candidates(
            std::iter::once("local".to_string()).chain(declared),
            "target",
        )
    })
}
