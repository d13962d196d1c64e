//! Packing every function of a project: each build command run once, each folder
//! packed once (functions that share a folder share its package).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use base64::Engine;
use sha2::Digest;

use super::{BuildError, PackError, pack_folder, run_build};
use crate::plan::desired::PackedCode;
use crate::project::Project;

/// Why a function's code could not be packed.
#[derive(Debug, thiserror::Error)]
pub enum PackFailure {
    #[error("function `{function}`: {error}")]
    Build { function: String, error: BuildError },
    #[error("function `{function}`: {error}")]
    Pack { function: String, error: PackError },
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

/// Packs every function; `note` hears what is being built and packed.
pub fn pack_functions(
    project: &Project,
    note: &dyn Fn(&str),
) -> Result<BTreeMap<String, PackedCode>, PackFailure> {
    let mut built: Vec<(PathBuf, String)> = Vec::new();
    let mut packed: Vec<((PathBuf, Vec<String>), PackedCode)> = Vec::new();
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
        let key = (source.clone(), f.exclude.clone());
        if let Some((_, p)) = packed.iter().find(|(k, _)| *k == key) {
            out.insert(name.clone(), p.clone());
            continue;
        }
        let package = pack_folder(&source, &f.exclude).map_err(|error| PackFailure::Pack {
            function: name.clone(),
            error,
        })?;
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
