//! A function's `build:` command, run in its code folder before packaging, its
//! output passed through as it comes, its failure reported with the command and
//! the exit status.

use std::path::Path;
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("cannot run the build command `{command}`: {source}")]
    Start {
        command: String,
        source: std::io::Error,
    },
    #[error("the build command `{command}` failed ({status})")]
    Failed { command: String, status: String },
}

/// Runs `command` with the shell in `dir`. Its output goes to gatekit's stderr, so
/// that stdout stays for results (`-o json`).
pub fn run_build(command: &str, dir: &Path) -> Result<(), BuildError> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::io::stderr())
        .stderr(Stdio::inherit())
        .status()
        .map_err(|source| BuildError::Start {
            command: command.to_string(),
            source,
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(BuildError::Failed {
            command: command.to_string(),
            status: status.to_string(),
        })
    }
}
