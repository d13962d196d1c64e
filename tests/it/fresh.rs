//! Committed generated files (schema, completions) must match what the binary makes.
//! Run with GATEKIT_BLESS=1 to rewrite them.

use crate::support::{gatekit, repo};

fn check_fresh(relative: &str, args: &[&str]) {
    let output = gatekit().args(args).output().expect("gatekit runs");
    assert!(output.status.success(), "gatekit {args:?} failed");
    let path = repo().join(relative);
    if std::env::var_os("GATEKIT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, &output.stdout).expect("write");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == output.stdout,
        "{relative} is stale: run `GATEKIT_BLESS=1 cargo test --test it fresh` and commit it"
    );
}

#[test]
fn schema_is_fresh() {
    check_fresh("docs/gatekit.schema.json", &["schema"]);
}

#[test]
fn completions_are_fresh() {
    for (shell, file) in [
        ("bash", "completions/gatekit.bash"),
        ("zsh", "completions/_gatekit"),
        ("fish", "completions/gatekit.fish"),
        ("powershell", "completions/_gatekit.ps1"),
        ("elvish", "completions/gatekit.elv"),
    ] {
        check_fresh(file, &["completions", shell]);
    }
}

#[test]
fn example_modeline_points_at_the_schema() {
    let text = std::fs::read_to_string(repo().join("examples/todo/gatekit.yaml")).expect("example");
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "# yaml-language-server: $schema=../../docs/gatekit.schema.json"
    );
    assert!(
        repo()
            .join("examples/todo/../../docs/gatekit.schema.json")
            .is_file()
    );
}
