//! `gatekit init` writes a project that validates, and never overwrites a file.

use predicates::prelude::*;
use predicates::str::contains;

use crate::support::gatekit;

#[test]
fn init_writes_a_valid_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    gatekit()
        .current_dir(dir.path())
        .args(["init", "app"])
        .assert()
        .success()
        .stdout(contains("gatekit.yaml"));
    let app = dir.path().join("app");
    for file in [
        "gatekit.yaml",
        "functions/todos/handlers.py",
        "functions/create/index.mjs",
        "gatekit.schema.json",
        ".gitignore",
    ] {
        assert!(app.join(file).is_file(), "{file} missing");
    }
    let yaml = std::fs::read_to_string(app.join("gatekit.yaml")).expect("yaml");
    assert!(yaml.starts_with("# yaml-language-server: $schema=gatekit.schema.json\n"));
    assert!(yaml.contains("\nproject: app\n"), "named after its folder");
    let ignore = std::fs::read_to_string(app.join(".gitignore")).expect("gitignore");
    assert!(ignore.lines().any(|l| l == ".gatekit/"));
    gatekit()
        .current_dir(&app)
        .arg("validate")
        .assert()
        .success()
        .stderr(contains("schema").not());
}

/// The schema beside gatekit.yaml is committed, so the modeline works in any clone;
/// validate says when it is stale or missing, and `schema --write` refreshes it.
#[test]
fn a_stale_schema_beside_the_project_is_reported_and_refreshed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    gatekit().current_dir(p).arg("init").assert().success();
    let schema = p.join("gatekit.schema.json");
    std::fs::write(&schema, "{}\n").expect("write");
    gatekit()
        .current_dir(p)
        .arg("validate")
        .assert()
        .success()
        .stderr(contains("gatekit.schema.json is not this gatekit's schema"))
        .stderr(contains("gatekit schema --write"));
    gatekit()
        .current_dir(p)
        .args(["schema", "--write"])
        .assert()
        .success()
        .stdout(contains("wrote"));
    let printed = gatekit().arg("schema").output().expect("runs").stdout;
    assert_eq!(
        std::fs::read_to_string(&schema).expect("read").trim_end(),
        String::from_utf8_lossy(&printed).trim_end()
    );
    gatekit()
        .current_dir(p)
        .args(["schema", "--write"])
        .assert()
        .success()
        .stdout(contains("up to date"));
    std::fs::remove_file(&schema).expect("rm");
    gatekit()
        .current_dir(p)
        .arg("validate")
        .assert()
        .success()
        .stderr(contains("which is missing"));
}

#[test]
fn init_sets_the_project_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    gatekit()
        .args(["-C"])
        .arg(dir.path())
        .args(["init", "--name", "shop", "-o", "json"])
        .assert()
        .success()
        .stdout(contains("\"template\": \"todo\""));
    gatekit()
        .arg("-C")
        .arg(dir.path())
        .args(["show", "-o", "json"])
        .assert()
        .success()
        .stdout(contains("\"physical_name\": \"shop-local-todos\""));
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("gatekit.yaml"), "project: mine\n").expect("write");
    gatekit()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains("already holds gatekit.yaml"));
    let kept = std::fs::read_to_string(dir.path().join("gatekit.yaml")).expect("read");
    assert_eq!(kept, "project: mine\n");
    assert!(
        !dir.path().join("functions").exists(),
        "nothing else written"
    );
}

#[test]
fn init_appends_to_an_existing_gitignore() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(".gitignore"), "node_modules/").expect("write");
    gatekit()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    let ignore = std::fs::read_to_string(dir.path().join(".gitignore")).expect("read");
    assert!(ignore.starts_with("node_modules/\n"));
    assert!(ignore.lines().any(|l| l == ".gatekit/"));
}
