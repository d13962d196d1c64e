//! A function's dependencies, installed into its package as SAM build does: a
//! Python function whose folder has requirements.txt gets `pip install -r
//! requirements.txt -t`, a Node.js function with package.json gets `npm ci
//! --omit=dev` (or `npm install --omit=dev` without a lock file), for the function's
//! architecture. Installs are cached by the digest of the file that lists them, the
//! runtime and the architecture, under the project's `.gatekit/deps/`, written to a
//! staging folder and renamed into place, so a cache entry is whole or absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::Digest;

/// Why dependencies could not be installed.
#[derive(Debug, thiserror::Error)]
#[error("installing its dependencies failed: `{command}` ({status}): {last}")]
pub struct DepsError {
    pub command: String,
    pub status: String,
    pub last: String,
}

/// What a package gains: a folder whose files go into the zip under `prefix`.
#[derive(Debug, Clone)]
pub struct Installed {
    pub dir: PathBuf,
    /// `""` for Python (the package's root), `node_modules/` for Node.js.
    pub prefix: &'static str,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn run(program: &str, args: &[&str], dir: &Path) -> Result<(), DepsError> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| DepsError {
            command: format!("{program} {}", args.join(" ")),
            status: "not started".into(),
            last: e.to_string(),
        })?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    Err(DepsError {
        command: format!("{program} {}", args.join(" ")),
        status: out.status.to_string(),
        last: stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string(),
    })
}

/// The host's own architecture in Lambda's words.
fn host_architecture() -> &'static str {
    if cfg!(target_arch = "aarch64") {
        "arm64"
    } else {
        "x86_64"
    }
}

/// Installs what `source`'s requirements.txt or package.json lists (nothing when
/// there is neither), or finds it in `cache`. `note` hears an install that runs.
pub fn install(
    source: &Path,
    runtime: &str,
    architecture: &str,
    python: &str,
    cache: &Path,
    note: &dyn Fn(&str),
) -> Result<Option<Installed>, DepsError> {
    let (list, prefix) =
        if runtime.starts_with("python") && source.join("requirements.txt").is_file() {
            (source.join("requirements.txt"), "")
        } else if runtime.starts_with("nodejs")
            && source.join("package.json").is_file()
            && !source.join("node_modules").exists()
        {
            let lock = source.join("package-lock.json");
            (
                if lock.is_file() {
                    lock
                } else {
                    source.join("package.json")
                },
                "node_modules/",
            )
        } else {
            return Ok(None);
        };
    let text = std::fs::read(&list).unwrap_or_default();
    let key = hex(&sha2::Sha256::digest(
        [text.as_slice(), runtime.as_bytes(), architecture.as_bytes()].join(&0u8),
    ));
    let dir = cache.join(&key[..32]);
    let done = if prefix.is_empty() {
        dir.clone()
    } else {
        dir.join("node_modules")
    };
    if done.is_dir() {
        return Ok(Some(Installed { dir: done, prefix }));
    }
    let staging = cache.join(format!(".staging-{}-{}", &key[..16], std::process::id()));
    // A staging folder left by an earlier run of this process id starts over.
    remove(&staging).map_err(|e| DepsError {
        command: format!("rm -r {}", staging.display()),
        status: "failed".into(),
        last: e.to_string(),
    })?;
    std::fs::create_dir_all(&staging).map_err(|e| DepsError {
        command: format!("mkdir {}", staging.display()),
        status: "failed".into(),
        last: e.to_string(),
    })?;
    let result = if prefix.is_empty() {
        note(&format!("installing {} (pip) ...", list.display()));
        let target = staging.display().to_string();
        let req = list.display().to_string();
        let mut args = vec![
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            "-r",
            &req,
            "-t",
            &target,
        ];
        // Another architecture than the machine's: Lambda's wheels, binaries only.
        let platform = format!(
            "manylinux2014_{}",
            if architecture == "arm64" {
                "aarch64"
            } else {
                "x86_64"
            }
        );
        let version = runtime.trim_start_matches("python").to_string();
        if architecture != host_architecture() {
            args.extend([
                "--platform",
                &platform,
                "--only-binary=:all:",
                "--implementation",
                "cp",
                "--python-version",
                &version,
            ]);
        }
        run(python, &args, source)
    } else {
        note(&format!("installing {} (npm) ...", list.display()));
        let copy_failed = |e: std::io::Error| DepsError {
            command: "copy package.json".into(),
            status: "failed".into(),
            last: e.to_string(),
        };
        let manifest = std::fs::read_to_string(source.join("package.json")).map_err(copy_failed)?;
        match local_dependencies(&manifest, source) {
            // `file:` dependencies are relative to package.json, which is installed
            // elsewhere: they are made absolute, and the lock (which names them as
            // written) is left out.
            Some(rewritten) => std::fs::write(staging.join("package.json"), rewritten),
            None => std::fs::copy(source.join("package.json"), staging.join("package.json"))
                .map(|_| ())
                .and_then(|()| {
                    let lock = source.join("package-lock.json");
                    if lock.is_file() {
                        std::fs::copy(lock, staging.join("package-lock.json")).map(|_| ())
                    } else {
                        Ok(())
                    }
                }),
        }
        .map_err(copy_failed)?;
        let verb = if staging.join("package-lock.json").is_file() {
            "ci"
        } else {
            "install"
        };
        let mut args = vec![
            verb,
            "--omit=dev",
            "--no-audit",
            "--no-fund",
            "--silent",
            "--install-links",
        ];
        if architecture != host_architecture() {
            args.extend([
                "--cpu",
                if architecture == "arm64" {
                    "arm64"
                } else {
                    "x64"
                },
                "--os",
                "linux",
            ]);
        }
        run("npm", &args, &staging)
    };
    if let Err(mut e) = result {
        if let Err(left) = remove(&staging) {
            e.last = format!(
                "{}; and {} is left behind: {left}",
                e.last,
                staging.display()
            );
        }
        return Err(e);
    }
    if std::fs::rename(&staging, &dir).is_err() {
        // Installed by another run meanwhile: theirs is the same.
        if let Err(left) = remove(&staging) {
            note(&format!("{} is left behind: {left}", staging.display()));
        }
    }
    Ok(Some(Installed { dir: done, prefix }))
}

/// package.json with its relative `file:` dependencies made absolute (from
/// `source`), or None when it has none.
fn local_dependencies(manifest: &str, source: &Path) -> Option<String> {
    let mut doc: serde_json::Value = serde_json::from_str(manifest).ok()?;
    let mut changed = false;
    for section in ["dependencies", "optionalDependencies"] {
        let Some(deps) = doc.get_mut(section).and_then(|d| d.as_object_mut()) else {
            continue;
        };
        for spec in deps.values_mut() {
            if let Some(rel) = spec.as_str().and_then(|s| s.strip_prefix("file:"))
                && !Path::new(rel).is_absolute()
            {
                *spec = serde_json::Value::String(format!("file:{}", source.join(rel).display()));
                changed = true;
            }
        }
    }
    changed.then(|| doc.to_string())
}

/// Removes a folder; one that is not there is what was wanted.
fn remove(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
