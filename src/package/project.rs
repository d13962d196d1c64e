//! Packing every function of a project: each build command run once, each folder
//! packed once (functions that share a folder share its package).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use base64::Engine;
use sha2::Digest;

use super::deps::{DepsError, install};
use super::{BuildError, PackError, files, pack, run_build};
use crate::plan::desired::PackedCode;
use crate::project::Project;

/// Why a function's code could not be packed.
#[derive(Debug, thiserror::Error)]
pub enum PackFailure {
    #[error("function `{function}`: {error}")]
    Build { function: String, error: BuildError },
    #[error("function `{function}`: {error}")]
    Pack { function: String, error: PackError },
    #[error("function `{function}`: {error}")]
    Deps { function: String, error: DepsError },
}

/// The folder a function's package comes from: `artifact` after a build, else `code`.
pub fn source_dir(project: &Project, name: &str) -> Option<(PathBuf, PathBuf)> {
    let f = project.file.functions.get(name)?;
    let code = project.dir.join(
        f.code
            .clone()
            .unwrap_or_else(|| format!("functions/{name}")),
    );
    let packed = match &f.artifact {
        Some(a) => project.dir.join(a),
        None => code.clone(),
    };
    Some((code, packed))
}

/// Packs every function with its dependencies (installed with `python`'s pip and
/// npm); `note` hears what is being built and installed.
pub fn pack_functions(
    project: &Project,
    python: &str,
    note: &dyn Fn(&str),
) -> Result<BTreeMap<String, PackedCode>, PackFailure> {
    let mut built: Vec<(PathBuf, String)> = Vec::new();
    type Key = (PathBuf, Vec<String>, Option<PathBuf>);
    let mut packed: Vec<(Key, PackedCode)> = Vec::new();
    let mut out = BTreeMap::new();
    for (name, f) in &project.file.functions {
        let Some((code, source)) = source_dir(project, name) else {
            continue;
        };
        if let Some(command) = &f.build {
            let key = (code.clone(), command.clone());
            if !built.contains(&key) {
                note(&format!("building {name}: {command}"));
                run_build(command, &code).map_err(|error| PackFailure::Build {
                    function: name.clone(),
                    error,
                })?;
                built.push(key);
            }
        }
        // Dependencies as SAM build installs them, unless `build:` makes the package.
        let deps = match &f.build {
            Some(_) => None,
            None => install(
                &source,
                &f.runtime,
                f.architecture.name(),
                python,
                &project.dir.join(".gatekit/deps"),
                note,
            )
            .map_err(|error| PackFailure::Deps {
                function: name.clone(),
                error,
            })?,
        };
        let key = (
            source.clone(),
            f.exclude.clone(),
            deps.as_ref().map(|d| d.dir.clone()),
        );
        if let Some((_, p)) = packed.iter().find(|(k, _)| *k == key) {
            out.insert(name.clone(), p.clone());
            continue;
        }
        let pack_error = |error| PackFailure::Pack {
            function: name.clone(),
            error,
        };
        let mut entries = files(&source, &f.exclude).map_err(pack_error)?;
        if let Some(d) = &deps {
            let mut more = files(&d.dir, &[]).map_err(pack_error)?;
            for e in &mut more {
                e.path = format!("{}{}", d.prefix, e.path);
            }
            // The function's own files win over a dependency's of the same path.
            more.retain(|m| !entries.iter().any(|e| e.path == m.path));
            entries.extend(more);
            entries.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        }
        note(&format!(
            "packing {name} ({} files, {} bytes)",
            entries.len(),
            entries.iter().map(|e| e.size).sum::<u64>()
        ));
        let package = pack(&entries).map_err(pack_error)?;
        let sha256 =
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&package.zip));
        let p = PackedCode {
            digest: package.digest,
            zip: Arc::new(package.zip),
            sha256,
        };
        packed.push((key, p.clone()));
        out.insert(name.clone(), p);
    }
    Ok(out)
}
