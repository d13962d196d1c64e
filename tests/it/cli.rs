//! Every command in every output mode, through the built binary. Long outputs are
//! snapshots (insta); review changes with `cargo insta review` or INSTA_UPDATE=always.

use predicates::str::contains;

use crate::support::{example, gatekit, project, stdout_in};

/// A file with many kinds of fault, for the error-listing snapshots.
const MANY_FAULTS: &str = "\
project: shop
tables:
  orders:
    key: { partition: id:S, sort: created:X }
    titel: x
    indexes:
      by_user: { partition: user:S, sort: user:S, projection: al }
    billing: ondemand
functions:
  api:
    runtime: python3.9
    handler: app
    memory: 64
    access: { order: read }
    environment: { T: \"${tables.order.name}\" }
  web: { runtime: nodejs20.x, handler: index.handler, code: web }
apis:
  shop:
    routes:
      get /orders: api
      GET /orders/{id}: api
      GET /orders/{key}/x: api
      POST /orders: missing
";

fn stdout_of(args: &[&str]) -> String {
    stdout_in(&example(), args)
}

#[test]
fn validate_table() {
    gatekit()
        .arg("-C")
        .arg(example())
        .arg("validate")
        .assert()
        .success()
        .stdout(contains(
            "is valid: project `todo` with 1 table, 3 functions and 1 API (3 routes).",
        ));
}

#[test]
fn validate_json() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["validate", "-o", "json"])).expect("JSON");
    assert_eq!(json["valid"], true);
    assert_eq!(json["functions"], 3);
    assert_eq!(json["routes"], 3);
    assert_eq!(json["warnings"], serde_json::json!([]));
}

#[test]
fn show_table() {
    insta::assert_snapshot!("show_table", stdout_of(&["show"]));
}

#[test]
fn show_json() {
    insta::assert_snapshot!("show_json", stdout_of(&["show", "-o", "json"]));
}

#[test]
fn show_for_a_declared_target_uses_its_names() {
    let dir = project(
        "project: p\ntargets:\n  staging: { region: eu-west-1 }\ntables:\n  t: { key: { partition: id:S } }\n",
        &[],
    );
    gatekit()
        .current_dir(dir.path())
        .args(["show", "-t", "staging", "-o", "json"])
        .assert()
        .success()
        .stdout(contains("\"physical_name\": \"p-staging-t\""))
        .stdout(contains("\"region\": \"eu-west-1\""));
}

#[test]
fn show_for_an_unknown_target_fails_with_a_hint() {
    gatekit()
        .arg("-C")
        .arg(example())
        .args(["show", "-t", "prdo"])
        .assert()
        .code(2)
        .stderr(
            "error: target `prdo` is not in ".to_string()
                + &example().join("gatekit.yaml").display().to_string()
                + "\n  hint: expected one of `local`; targets are declared under `targets:`\n",
        );
}

#[test]
fn target_comes_from_the_environment() {
    gatekit()
        .arg("-C")
        .arg(example())
        .env("GATEKIT_TARGET", "nowhere")
        .arg("show")
        .assert()
        .code(2)
        .stderr(contains("target `nowhere`"));
}

#[test]
fn output_comes_from_the_environment() {
    gatekit()
        .arg("-C")
        .arg(example())
        .env("GATEKIT_OUTPUT", "json")
        .arg("validate")
        .assert()
        .success()
        .stdout(contains("\"valid\": true"));
}

#[test]
fn many_faults_table() {
    let dir = project(MANY_FAULTS, &["web/index.js"]);
    let out = gatekit()
        .current_dir(dir.path())
        .arg("validate")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!("many_faults_table", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn many_faults_json() {
    let dir = project(MANY_FAULTS, &["web/index.js"]);
    let out = gatekit()
        .current_dir(dir.path())
        .args(["validate", "-o", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert!(json.as_array().is_some_and(|a| a.len() > 10));
    insta::assert_snapshot!("many_faults_json", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn show_refuses_an_invalid_project() {
    let dir = project(MANY_FAULTS, &[]);
    gatekit()
        .current_dir(dir.path())
        .arg("show")
        .assert()
        .code(2)
        .stderr(contains("problems in gatekit.yaml"));
}

#[test]
fn warnings_do_not_fail_validation() {
    let dir = project(
        "project: p\nfunctions:\n  f: { runtime: python3.11, handler: h.main }\n",
        &["functions/f/h.py"],
    );
    gatekit()
        .current_dir(dir.path())
        .arg("validate")
        .assert()
        .success()
        .stderr("gatekit.yaml:3:17: warning: runtime `python3.11` has been deprecated by AWS since 2026-06-30\n  hint: move to `python3.14` while it still deploys\n");
}

#[test]
fn missing_project_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    gatekit()
        .current_dir(dir.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr("error: no project file at gatekit.yaml\n  hint: run `gatekit init` to start a project here, or choose one with `-C DIR` or `-f FILE`\n");
}

#[test]
fn file_flag_chooses_the_project_file() {
    let dir = project("project: p\n", &[]);
    std::fs::rename(
        dir.path().join("gatekit.yaml"),
        dir.path().join("other.yaml"),
    )
    .expect("rename");
    gatekit()
        .current_dir(dir.path())
        .args(["-f", "other.yaml", "validate"])
        .assert()
        .success()
        .stdout(contains("other.yaml is valid"));
}

#[test]
fn schema_prints_json_schema() {
    let out = gatekit().arg("schema").output().expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(json["definitions"]["Table"]["properties"]["key"].is_object());
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        gatekit()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(contains("validate"));
    }
}

#[test]
fn bad_usage_exits_2() {
    gatekit().arg("deploy-everything").assert().code(2);
    gatekit().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn help_lists_only_working_commands() {
    insta::assert_snapshot!("help", {
        let out = gatekit().arg("--help").output().expect("runs");
        String::from_utf8(out.stdout).expect("utf-8")
    });
}

#[test]
fn the_command_tree_is_consistent() {
    use clap::CommandFactory;
    gatekit::cli::Cli::command().debug_assert();
}

/// Dynamic completion (`COMPLETE=fish gatekit -- gatekit ...`) reads names from the
/// project in the shell's folder; without a project it completes none, silently.
#[test]
fn dynamic_completion_names_the_projects_tables_and_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("gatekit.yaml"),
        "project: shop\ntargets:\n  prod: { region: eu-west-1 }\ntables:\n  notes: { key: { partition: id:S } }\n  orders: { key: { partition: id:S } }\n",
    )
    .expect("write");
    let complete = |cwd: &std::path::Path, words: &[&str]| -> Vec<String> {
        let out = gatekit()
            .current_dir(cwd)
            .env("COMPLETE", "fish")
            .args(["--", "gatekit"])
            .args(words)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect()
    };
    let tables = complete(dir.path(), &["table", "get", ""]);
    assert!(
        tables.contains(&"notes".to_string()) && tables.contains(&"orders".to_string()),
        "{tables:?}"
    );
    assert_eq!(complete(dir.path(), &["table", "scan", "or"]), ["orders"]);
    assert_eq!(complete(dir.path(), &["-t", ""]), ["local", "prod"]);
    let elsewhere = tempfile::tempdir().expect("temp dir");
    assert!(!complete(elsewhere.path(), &["table", "get", ""]).contains(&"notes".to_string()));
}

/// Editors complete runtimes from the schema: the ones AWS still deploys.
#[test]
fn the_schema_lists_runtimes_as_an_enum() {
    let schema: serde_json::Value = serde_json::from_str(&stdout_of(&["schema"])).expect("JSON");
    let runtime = &schema["definitions"]["Function"]["properties"]["runtime"];
    let ids: Vec<&str> = runtime["enum"]
        .as_array()
        .expect("an enum")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        ids.contains(&"python3.13") && ids.contains(&"nodejs22.x"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"python3.9"),
        "retired runtimes are not offered"
    );
}
