//! plan, deploy, status and destroy through the built binary, on the local target
//! (the embedded emulator on the project's store), including resume after kill -9.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use predicates::str::contains;

use crate::dynamodb::{client_for, n, s};
use crate::support::gatekit;

const TWO_TABLES: &str = "\
project: shop
tables:
  orders:
    key: { partition: pk:S, sort: sk:N }
    indexes:
      by_state: { partition: state:S }
    ttl: expires
  users:
    key: { partition: id:S }
";

fn project(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("gatekit.yaml"), yaml).expect("write");
    dir
}

fn json_of(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let out = gatekit()
        .current_dir(dir)
        .args(args)
        .args(["-o", "json"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(&text).unwrap_or_else(|_| {
        // deploy prints one JSON event per line.
        serde_json::Value::Array(
            text.lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect(),
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

/// Runs `f` with a client on the project's local store (no command running).
async fn with_store<F, Fut>(dir: &Path, f: F)
where
    F: FnOnce(aws_sdk_dynamodb::Client) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let endpoint =
        gatekit::local::Endpoint::connect(dir.join(".gatekit/local"), Default::default())
            .await
            .expect("store");
    f(client_for(&endpoint.url())).await;
    endpoint.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_deploy_update_status_destroy() {
    let dir = project(TWO_TABLES);
    let p = dir.path();
    let (code, plan) = json_of(p, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 3, "changes pending");
    assert_eq!(plan["summary"]["create"], 2);
    assert_eq!(plan["actions"][0]["physical_name"], "shop-local-orders");

    let (code, events) = json_of(p, &["deploy"]);
    assert_eq!(code, 0, "{events}");
    let kinds: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["event"].as_str())
        .collect();
    assert_eq!(kinds.first(), Some(&"plan"));
    assert_eq!(kinds.last(), Some(&"summary"));
    assert_eq!(kinds.iter().filter(|k| **k == "done").count(), 2);

    let (code, _) = json_of(p, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "a deploy converges: nothing left to do");
    let (_, status) = json_of(p, &["status"]);
    assert_eq!(status["resources"].as_array().unwrap().len(), 2);
    assert_eq!(status["resources"][0]["state"], "ACTIVE");

    // Change billing, an index, TTL and tags in place.
    let changed = TWO_TABLES
        .replace("      by_state: { partition: state:S }", "      by_state: { partition: state:S, projection: keys_only }\n      by_day: { partition: day:S }")
        .replace("    ttl: expires", "    ttl: gone_at\n    tags: { team: core }\n    billing: { provisioned: { read: 3, write: 4 } }");
    std::fs::write(p.join("gatekit.yaml"), &changed).expect("write");
    let (_, plan) = json_of(p, &["plan"]);
    let update = &plan["actions"][0];
    assert_eq!(update["op"], "update");
    let attrs: Vec<&str> = update["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["attribute"].as_str())
        .collect();
    assert_eq!(
        attrs,
        [
            "billing",
            "capacity.read",
            "capacity.write",
            "index.by_day",
            "index.by_state",
            "tag.team",
            "ttl"
        ]
    );
    let (code, _) = json_of(p, &["deploy"]);
    assert_eq!(code, 0);
    let (code, _) = json_of(p, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "updates converge");

    // Removing a table loses data: refused without --allow-data-loss, even with --yes.
    std::fs::write(
        p.join("gatekit.yaml"),
        changed.replace("  users:\n    key: { partition: id:S }\n", ""),
    )
    .expect("write");
    gatekit()
        .current_dir(p)
        .args(["deploy", "--yes"])
        .assert()
        .code(2)
        .stderr(contains("--allow-data-loss"));
    gatekit()
        .current_dir(p)
        .args(["deploy", "--allow-data-loss"])
        .assert()
        .success();

    // Destroy: a table with items needs --allow-data-loss as well as --yes.
    with_store(p, |c| async move {
        c.put_item()
            .table_name("shop-local-orders")
            .item("pk", s("a"))
            .item("sk", n("1"))
            .send()
            .await
            .expect("put");
    })
    .await;
    gatekit()
        .current_dir(p)
        .arg("destroy")
        .assert()
        .code(2)
        .stderr(contains("--yes"));
    gatekit()
        .current_dir(p)
        .args(["destroy", "--yes"])
        .assert()
        .code(2)
        .stderr(contains("--allow-data-loss"));
    gatekit()
        .current_dir(p)
        .args(["destroy", "--yes", "--allow-data-loss"])
        .assert()
        .success();
    let (_, status) = json_of(p, &["status"]);
    assert_eq!(status["resources"], serde_json::json!([]));
}

/// The stream view type the emulator reports for `table` on the project's store.
async fn stream_view(dir: &Path, table: &str) -> Option<String> {
    let view = std::sync::Arc::new(std::sync::Mutex::new(None));
    let out = view.clone();
    let table = table.to_string();
    with_store(dir, |c| async move {
        let t = c
            .describe_table()
            .table_name(table)
            .send()
            .await
            .expect("describe")
            .table
            .expect("table");
        *out.lock().expect("lock") = t
            .stream_specification()
            .filter(|s| s.stream_enabled())
            .and_then(|s| s.stream_view_type())
            .map(|v| v.as_str().to_string());
    })
    .await;
    view.lock().expect("lock").clone()
}

/// `tables.T.stream`: created with the table, a new view type applied as DynamoDB
/// allows it (disable, then enable), removed, each converging.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tables_stream_is_planned_and_deployed() {
    let with = |view: &str| {
        format!("project: feed\ntables:\n  events:\n    key: {{ partition: id:S }}\n{view}")
    };
    let dir = project(&with("    stream: new_and_old_images\n"));
    let p = dir.path();
    let run = |args: &[&str]| gatekit().current_dir(p).args(args).assert().success();
    run(&["deploy", "--yes"]);
    assert_eq!(
        stream_view(p, "feed-local-events").await.as_deref(),
        Some("NEW_AND_OLD_IMAGES")
    );
    run(&["plan"]).stdout(contains("0 to update"));
    std::fs::write(p.join("gatekit.yaml"), with("    stream: keys_only\n")).expect("write");
    run(&["plan"]).stdout(contains("keys_only"));
    run(&["deploy", "--yes"]);
    assert_eq!(
        stream_view(p, "feed-local-events").await.as_deref(),
        Some("KEYS_ONLY")
    );
    std::fs::write(p.join("gatekit.yaml"), with("")).expect("write");
    run(&["deploy", "--yes"]);
    assert_eq!(stream_view(p, "feed-local-events").await, None);
    run(&["plan"]).stdout(contains("0 to update"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_table_of_the_same_name_is_a_conflict_and_left_alone() {
    let dir = project("project: shop\ntables:\n  users:\n    key: { partition: id:S }\n");
    let p = dir.path();
    with_store(p, |c| async move {
        crate::dynamodb::create_simple(&c, "shop-local-users").await;
        c.put_item()
            .table_name("shop-local-users")
            .item("pk", s("keep"))
            .send()
            .await
            .expect("put");
    })
    .await;
    let out = gatekit()
        .current_dir(p)
        .args(["plan", "-o", "json"])
        .output()
        .expect("runs");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("plan failed: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(plan["actions"][0]["op"], "conflict");
    assert_eq!(plan["changes_pending"], false);
    gatekit()
        .current_dir(p)
        .arg("deploy")
        .assert()
        .code(1)
        .stderr(contains("conflict"));
    gatekit()
        .current_dir(p)
        .args(["destroy", "--yes", "--allow-data-loss"])
        .assert()
        .success();
    with_store(p, |c| async move {
        let kept = c
            .get_item()
            .table_name("shop-local-users")
            .key("pk", s("keep"))
            .send()
            .await
            .expect("get");
        assert!(kept.item.is_some(), "the foreign table was not touched");
    })
    .await;
}

#[test]
fn a_killed_deploy_converges_when_run_again() {
    let mut yaml = String::from("project: many\ntables:\n");
    for i in 0..20 {
        yaml.push_str(&format!(
            "  t{i:02}:\n    key: {{ partition: pk:S }}\n    ttl: exp\n"
        ));
    }
    let dir = project(&yaml);
    let p = dir.path();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .current_dir(p)
        .args(["deploy", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("deploy starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut done = 0;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        if line.contains("\"event\":\"done\"") {
            done += 1;
            if done == 3 {
                break;
            }
        }
    }
    child.kill().expect("kill -9");
    child.wait().expect("reaped");
    // The store's record of the killed process is stale; the next command reports it and goes on.
    let (code, _) = json_of(p, &["deploy"]);
    assert_eq!(code, 0);
    let (code, _) = json_of(p, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0);
    let (_, status) = json_of(p, &["status"]);
    let names: Vec<&str> = status["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["physical_name"].as_str())
        .collect();
    assert_eq!(
        names.len(),
        20,
        "no table is missing or duplicated: {names:?}"
    );
}

#[test]
fn plan_output_for_people() {
    let dir = project(TWO_TABLES);
    let out = gatekit()
        .current_dir(dir.path())
        .arg("plan")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    insta::with_settings!({ filters => vec![(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT")] }, {
        insta::assert_snapshot!("plan_create_two_tables", text);
    });
}
