//! The interpreters that run Python and Node.js functions, asked once per
//! emulator what they really are: the executable behind the name (`python3` is
//! often a version manager's shim, a shell script that costs a few hundred
//! milliseconds per start, paid by every cold start otherwise) and its version
//! (for the notice when it is not the version the runtime declares). Asked in the
//! background when the store holds functions, so the first invocation rarely waits.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

/// What an interpreter said about itself.
#[derive(Debug, Clone, Default)]
pub struct Probe {
    /// The real executable; None when the program could not tell (it is then run
    /// by its name, as given).
    pub executable: Option<PathBuf>,
    /// `Python 3.12.1`, `v22.3.0`, or empty.
    pub version: String,
}

/// One probe per program, shared by every launch.
#[derive(Default)]
pub struct Interpreters {
    probes: Mutex<BTreeMap<String, Arc<OnceLock<Probe>>>>,
}

impl Interpreters {
    fn slot(&self, program: &str) -> Arc<OnceLock<Probe>> {
        let mut probes = self.probes.lock().unwrap_or_else(|p| p.into_inner());
        probes.entry(program.to_string()).or_default().clone()
    }

    /// What `program` is; asks it the first time (and waits for a probe under way).
    pub fn probe(&self, program: &str) -> Probe {
        self.slot(program).get_or_init(|| ask(program)).clone()
    }

    /// Asks `programs` on a thread of its own, so a later `probe` finds the answer.
    pub fn prewarm(self: &Arc<Self>, programs: Vec<String>) {
        let this = self.clone();
        std::thread::spawn(move || {
            for p in programs {
                this.probe(&p);
            }
        });
    }
}

/// The executable and the version, in one start of the interpreter.
fn ask(program: &str) -> Probe {
    let script: &[&str] = if program.contains("node") {
        &["-p", "process.execPath + '\\n' + process.version"]
    } else {
        &[
            "-S",
            "-c",
            "import sys; print(sys.executable); print('Python ' + sys.version.split()[0])",
        ]
    };
    let Ok(out) = Command::new(program)
        .args(script)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
    else {
        return Probe::default();
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let executable = lines
        .next()
        .map(PathBuf::from)
        .filter(|p| out.status.success() && p.is_absolute() && p.is_file());
    Probe {
        executable,
        version: lines.next().unwrap_or_default().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_names_its_executable_and_version() {
        let probe = Interpreters::default().probe("python3");
        let exe = probe.executable.expect("python3 names its executable");
        assert!(exe.is_absolute() && exe.is_file(), "{exe:?}");
        assert!(probe.version.starts_with("Python 3."), "{}", probe.version);
    }

    #[test]
    fn a_missing_program_is_run_by_its_name() {
        let probe = Interpreters::default().probe("/nonexistent/python3");
        assert!(probe.executable.is_none());
        assert!(probe.version.is_empty());
    }
}
