//! Which files a package holds: every regular file under the folder, less the
//! default excludes and the project's `exclude:` globs, sorted bytewise by path.
//! The walk keeps its own stack (no recursion whose depth a folder decides).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::PackError;

/// Left out of every package: version control, gatekit's own state, caches.
pub const DEFAULT_EXCLUDES: &[&str] = &[
    ".git/**",
    "**/.git/**",
    ".gatekit/**",
    "**/__pycache__/**",
    "**/.DS_Store",
    "gatekit.yaml",
    "gatekit.schema.json",
];

/// A file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path inside the zip, `/`-separated.
    pub path: String,
    pub source: PathBuf,
    /// 0o755 for executables and `bootstrap`, else 0o644.
    pub mode: u32,
    pub size: u64,
}

fn globs(patterns: impl IntoIterator<Item = String>) -> Result<GlobSet, PackError> {
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        // `dir/` means everything under it.
        let pattern = match p.strip_suffix('/') {
            Some(dir) => format!("{dir}/**"),
            None => p.clone(),
        };
        let glob = Glob::new(&pattern).map_err(|e| PackError::Pattern {
            pattern: p.clone(),
            message: e.kind().to_string(),
        })?;
        set.add(glob);
    }
    set.build().map_err(|e| PackError::Pattern {
        pattern: String::new(),
        message: e.to_string(),
    })
}

#[cfg(unix)]
fn executable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn executable(_: &std::fs::Metadata) -> bool {
    false
}

/// The files of the package rooted at `root`, sorted bytewise by path.
pub fn files(root: &Path, exclude: &[String]) -> Result<Vec<Entry>, PackError> {
    if !root.is_dir() {
        return Err(PackError::Missing(root.to_path_buf()));
    }
    let skip = globs(
        DEFAULT_EXCLUDES
            .iter()
            .map(|s| s.to_string())
            .chain(exclude.iter().cloned()),
    )?;
    let read = |path: &Path, source: std::io::Error| PackError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    let mut todo: Vec<(PathBuf, String)> = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = todo.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| read(&dir, e))? {
            let entry = entry.map_err(|e| read(&dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{prefix}{name}");
            // Symlinks and special files are not regular files: left out.
            let kind = entry.file_type().map_err(|e| read(&entry.path(), e))?;
            if kind.is_dir() {
                if !skip.is_match(format!("{rel}/")) && !skip.is_match(format!("{rel}/x")) {
                    todo.push((entry.path(), format!("{rel}/")));
                }
                continue;
            }
            if !kind.is_file() || skip.is_match(&rel) {
                continue;
            }
            let meta = entry.metadata().map_err(|e| read(&entry.path(), e))?;
            let mode = if executable(&meta) || name == "bootstrap" {
                0o755
            } else {
                0o644
            };
            out.push(Entry {
                path: rel,
                source: entry.path(),
                mode,
                size: meta.len(),
            });
        }
    }
    out.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    Ok(out)
}
