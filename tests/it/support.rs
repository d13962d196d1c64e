//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The built `gatekit` binary, with colours and the target environment neutral.
pub fn gatekit() -> Command {
    let mut cmd = Command::cargo_bin("gatekit").expect("the gatekit binary is built");
    cmd.env_remove("GATEKIT_TARGET")
        .env_remove("GATEKIT_OUTPUT")
        .env("NO_COLOR", "1");
    cmd
}

/// What `gatekit -C DIR ARGS…` printed on stdout; fails the test when it fails.
pub fn stdout_in(dir: &Path, args: &[&str]) -> String {
    let out = gatekit()
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "gatekit {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> PathBuf {
    repo().join("examples/todo")
}

/// A temporary project folder with `gatekit.yaml` and the given code files.
pub fn project(yaml: &str, files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("gatekit.yaml"), yaml).expect("write gatekit.yaml");
    for f in files {
        let path = dir.path().join(f);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(path, "").expect("write code file");
    }
    dir
}

/// Validates `yaml` (code files created as given) and returns each problem as
/// `LINE:COL: severity: message | hint`.
pub fn problems(yaml: &str, files: &[&str]) -> Vec<String> {
    let dir = project(yaml, files);
    let found = match gatekit::project::check_text(yaml, dir.path()) {
        Ok((_, warnings)) => warnings,
        Err(all) => all,
    };
    found
        .into_iter()
        .map(|d| {
            let severity = match d.severity {
                gatekit::project::diag::Severity::Error => "error",
                gatekit::project::diag::Severity::Warning => "warning",
            };
            let hint = d.hint.map(|h| format!(" | {h}")).unwrap_or_default();
            format!(
                "{}:{}: {severity}: {}{hint}",
                d.pos.line, d.pos.col, d.message
            )
        })
        .collect()
}

/// A zip archive of `files` (name, text), as a function's code.
pub fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, text) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("start");
            w.write_all(text.as_bytes()).expect("write");
        }
        w.finish().expect("finish");
    }
    buf.into_inner()
}

/// Copies a folder tree (fixtures, the example).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        // A store left by running the example here is not part of it.
        if entry.file_name() == ".gatekit" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
