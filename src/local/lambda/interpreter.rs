//! The interpreters that run Python and Node.js functions, asked once per
//! emulator what they really are: the executable behind the name (`python3` is
//! often a version manager's shim, a shell script that costs a few hundred
//! milliseconds per start, paid by every cold start otherwise) and its version
//! (for the notice when it is not the version the runtime declares).
//!
//! Asked in the background when the store holds functions, each program on its own
//! thread. The answers are kept in the store (`lambda/interpreters.json`), so after
//! a restart the first cold start uses the last answer at once (while the new one
//! is asked); a program never asked before is waited for.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

/// Which language an interpreter runs (how to ask it what it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Python,
    Node,
}

/// What an interpreter said about itself.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
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
    /// The answers of the last run, until this run's come.
    remembered: BTreeMap<String, Probe>,
    /// Where the answers are kept (None: nowhere).
    file: Option<PathBuf>,
}

impl Interpreters {
    /// The interpreters of a store whose Lambda folder is `root`.
    pub fn at(root: Option<&Path>) -> Interpreters {
        let file = root.map(|r| r.join("interpreters.json"));
        let remembered = file
            .as_ref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Interpreters {
            file,
            remembered,
            ..Default::default()
        }
    }

    fn slot(&self, program: &str) -> Arc<OnceLock<Probe>> {
        let mut probes = self.probes.lock().unwrap_or_else(|p| p.into_inner());
        probes.entry(program.to_string()).or_default().clone()
    }

    /// What `program` is: this run's answer, else the last run's while the
    /// executable it named is there, else asked now (waiting for a probe under way).
    pub fn probe(&self, program: &str, kind: Kind) -> Probe {
        let slot = self.slot(program);
        if let Some(p) = slot.get() {
            return p.clone();
        }
        if let Some(p) = self.remembered.get(program)
            && p.executable.as_deref().is_some_and(Path::is_file)
        {
            return p.clone();
        }
        slot.get_or_init(|| self.ask_and_keep(program, kind))
            .clone()
    }

    fn ask_and_keep(&self, program: &str, kind: Kind) -> Probe {
        let probe = ask(program, kind);
        if let Some(file) = &self.file
            && self.remembered.get(program) != Some(&probe)
        {
            let mut all = self.remembered.clone();
            if let Ok(probes) = self.probes.lock() {
                for (k, v) in probes.iter() {
                    if let Some(p) = v.get() {
                        all.insert(k.clone(), p.clone());
                    }
                }
            }
            all.insert(program.to_string(), probe.clone());
            // A hint for the next start, written whole; losing it costs one probe.
            let tmp = file.with_extension("json.tmp");
            if let Ok(bytes) = serde_json::to_vec(&all)
                && std::fs::write(&tmp, bytes).is_ok()
            {
                std::fs::rename(&tmp, file).ok();
            }
        }
        probe
    }

    /// Asks every program in `programs`, each on a thread of its own, so that a
    /// later `probe` finds the answer.
    pub fn prewarm(self: &Arc<Self>, programs: Vec<(String, Kind)>) {
        for (p, kind) in programs {
            let this = self.clone();
            std::thread::spawn(move || {
                this.slot(&p).get_or_init(|| this.ask_and_keep(&p, kind));
            });
        }
    }
}

/// The executable and the version, in one start of the interpreter.
fn ask(program: &str, kind: Kind) -> Probe {
    let script: &[&str] = if kind == Kind::Node {
        &["-p", "process.execPath + '\\n' + process.version"]
    } else {
        &[
            "-S",
            "-c",
            "import sys; print(sys.executable); print('Python ' + sys.version.split()[0])",
        ]
    };
    // The environment an instance gets, no more (a host's NODE_EXTRA_CA_CERTS
    // alone makes Node start 100 ms slower).
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for key in ["PATH", "HOME", "PYENV_ROOT", "PYENV_VERSION"] {
        if let Some(v) = std::env::var_os(key) {
            cmd.env(key, v);
        }
    }
    let Ok(out) = cmd
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
        let probe = Interpreters::default().probe("python3", Kind::Python);
        let exe = probe.executable.expect("python3 names its executable");
        assert!(exe.is_absolute() && exe.is_file(), "{exe:?}");
        assert!(probe.version.starts_with("Python 3."), "{}", probe.version);
    }

    #[test]
    fn the_answer_is_kept_for_the_next_start() {
        let dir = tempfile::tempdir().expect("dir");
        let first = Interpreters::at(Some(dir.path())).probe("python3", Kind::Python);
        assert!(dir.path().join("interpreters.json").is_file());
        let next = Interpreters::at(Some(dir.path()));
        assert_eq!(next.remembered.get("python3"), Some(&first));
        assert_eq!(next.probe("python3", Kind::Python), first);
    }

    #[test]
    fn a_missing_program_is_run_by_its_name() {
        let probe = Interpreters::default().probe("/nonexistent/python3", Kind::Python);
        assert!(probe.executable.is_none());
        assert!(probe.version.is_empty());
    }
}
