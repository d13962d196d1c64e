//! `gatekit table` through the built binary on the local target: item models,
//! the condition language, paging, import and export round trips.

use std::path::Path;

use predicates::str::contains;

use crate::support::gatekit;

const PROJECT: &str = "\
project: shop
tables:
  notes:
    key: { partition: owner:S, sort: id:S }
    indexes:
      by_state: { partition: state:S, sort: due:N }
    items:
      unknown: refuse
      attributes:
        owner: { type: string, required: true }
        id:    { type: string, required: true }
        title: { type: string, required: true, max_length: 40 }
        state: { type: string, enum: [open, done], default: open }
        due:   { type: number, min: 0 }
        tags:  { type: string_set, max_length: 3 }
        blob:  { type: binary }
        big:   { type: number }
";

fn deployed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("gatekit.yaml"), PROJECT).expect("write");
    gatekit()
        .current_dir(dir.path())
        .args(["deploy", "--yes", "-q"])
        .assert()
        .success();
    dir
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let all: Vec<&str> = ["table"]
        .iter()
        .chain(args)
        .chain(&["-o", "json"])
        .copied()
        .collect();
    serde_json::from_str(&crate::support::stdout_in(dir, &all)).expect("JSON")
}

/// A streamed read (`--all -o json`): one JSON item per line.
fn streamed(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = gatekit()
        .current_dir(dir)
        .args(["table"])
        .args(args)
        .args(["--all", "-o", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "table {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn table(dir: &Path) -> assert_cmd::Command {
    let mut c = gatekit();
    c.current_dir(dir).arg("table");
    c
}

#[test]
fn put_get_update_delete_with_the_item_model() {
    let dir = deployed();
    let p = dir.path();
    table(p)
        .args([
            "put",
            "notes",
            r#"{"owner":"ann","id":"1","title":"milk","tags":["a","b"],"due":3}"#,
        ])
        .assert()
        .success();
    let item = json(p, &["get", "notes", "owner=ann", "id=1"]);
    assert_eq!(item["state"], "open", "the default is filled in");
    assert_eq!(item["tags"], serde_json::json!(["a", "b"]));
    let raw = json(p, &["get", "notes", "owner=ann", "id=1", "--raw"]);
    assert_eq!(raw["tags"], serde_json::json!({"SS": ["a", "b"]}));
    // Rejected items name the attribute and the rule.
    table(p)
        .args(["put", "notes", r#"{"owner":"ann","id":"2"}"#])
        .assert()
        .code(2)
        .stderr(contains("`title` is required and missing (required)"));
    table(p)
        .args([
            "put",
            "notes",
            r#"{"owner":"ann","id":"2","title":"x","colour":"red"}"#,
        ])
        .assert()
        .code(2)
        .stderr(contains("`colour` is not in the item model"));
    table(p)
        .args([
            "put",
            "notes",
            r#"{"owner":"ann","id":"1","title":"again"}"#,
            "--if-absent",
        ])
        .assert()
        .code(1)
        .stderr(contains("exists"));
    let updated = json(
        p,
        &[
            "update",
            "notes",
            "owner=ann",
            "id=1",
            "--set",
            "title = \"oat milk\"",
            "--set",
            "due = due + 2",
            "--add",
            "tags [\"c\"]",
        ],
    );
    assert_eq!(updated["title"], "oat milk");
    assert_eq!(updated["due"], 5);
    assert_eq!(updated["tags"].as_array().map(Vec::len), Some(3));
    table(p)
        .args([
            "update",
            "notes",
            "owner=ann",
            "id=1",
            "--set",
            "state = \"late\"",
        ])
        .assert()
        .code(2)
        .stderr(contains("(enum)"));
    table(p)
        .args([
            "update",
            "notes",
            "owner=ann",
            "id=1",
            "--set",
            "due = 1",
            "--if",
            "due > 100",
        ])
        .assert()
        .code(1)
        .stderr(contains("the condition does not hold"));
    let removed = json(
        p,
        &["update", "notes", "owner=ann", "id=1", "--remove", "tags"],
    );
    assert!(removed.get("tags").is_none());
    let gone = json(p, &["delete", "notes", r#"{"owner":"ann","id":"1"}"#]);
    assert_eq!(gone["deleted"]["title"], "oat milk");
    table(p)
        .args(["get", "notes", "owner=ann", "id=1"])
        .assert()
        .code(4)
        .stderr(contains("no item"));
    // For scripts: the error on stdout as JSON, with a code to tell "not found"
    // from "failed"; the text stays on stderr.
    let out = table(p)
        .args(["get", "notes", "owner=ann", "id=1", "-o", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(error["error"]["code"], "not_found");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("no item")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no item"));
    let out = table(p)
        .args(["get", "nosuch", "id=1", "-o", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(error["error"]["code"], "not_found");
    assert!(error["error"]["hint"].is_string());
}

#[test]
fn query_scan_count_and_paging() {
    let dir = deployed();
    let p = dir.path();
    let lines: String = (0..30)
        .map(|i| {
            format!(
                "{{\"owner\":\"{}\",\"id\":\"2024-{:02}\",\"title\":\"t{i}\",\"state\":\"{}\",\"due\":{i}}}\n",
                if i < 20 { "ann" } else { "bob" },
                i,
                if i % 3 == 0 { "done" } else { "open" }
            )
        })
        .collect();
    std::fs::write(p.join("items.jsonl"), lines).expect("write");
    table(p)
        .args(["put", "notes", "@items.jsonl"])
        .assert()
        .success();
    let page = json(
        p,
        &[
            "query",
            "notes",
            "owner = \"ann\" and id begins_with \"2024-1\"",
            "--desc",
            "--limit",
            "4",
        ],
    );
    let ids: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(ids, ["2024-19", "2024-18", "2024-17", "2024-16"]);
    let next = page["next"].to_string();
    let rest = streamed(
        p,
        &[
            "query",
            "notes",
            "owner = \"ann\" and id begins_with \"2024-1\"",
            "--desc",
            "--start",
            &next,
        ],
    );
    let ids: Vec<&str> = rest.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "2024-15", "2024-14", "2024-13", "2024-12", "2024-11", "2024-10"
        ]
    );
    let filtered = streamed(
        p,
        &[
            "query",
            "notes",
            "owner = \"ann\"",
            "--where",
            "state = \"done\" and due >= 9",
        ],
    );
    assert_eq!(filtered.len(), 4);
    let by_index = streamed(
        p,
        &[
            "query",
            "notes",
            "state = \"open\" and due between 20 and 25",
            "--index",
            "by_state",
        ],
    );
    assert_eq!(by_index.len(), 4);
    let scanned = streamed(
        p,
        &[
            "scan",
            "notes",
            "--parallel",
            "3",
            "--where",
            "title begins_with \"t2\"",
        ],
    );
    assert_eq!(scanned.len(), 11);
    assert_eq!(json(p, &["count", "notes"])["count"], 30);
    assert_eq!(json(p, &["count", "notes", "owner = \"bob\""])["count"], 10);
    table(p)
        .args(["query", "notes", "title = \"t1\""])
        .assert()
        .code(2)
        .stderr(contains(
            "`title` cannot be used in a query's key condition",
        ));
    table(p)
        .args(["query", "notes", "owner = "])
        .assert()
        .code(2)
        .stderr(contains("expected a value"));
}

#[test]
fn import_export_round_trip_with_sets_binaries_and_38_digit_numbers() {
    let dir = deployed();
    let p = dir.path();
    let mut lines = String::new();
    for i in 0..300 {
        lines.push_str(&format!(
            "{{\"owner\":\"o{}\",\"id\":\"{i:04}\",\"title\":\"n{i}\",\"tags\":[\"x\",\"y{i}\"],\"blob\":\"AAEC\",\"big\":1234567890123456789012345678901234567{}}}\n",
            i % 7,
            i % 10
        ));
    }
    lines.push_str("{\"owner\":\"bad\",\"id\":\"1\"}\n");
    std::fs::write(p.join("in.jsonl"), &lines).expect("write");
    let out = gatekit()
        .current_dir(p)
        .args(["table", "import", "notes", "in.jsonl", "-o", "json"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a rejected row fails the import"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["imported"], 300);
    assert_eq!(report["rejected"][0]["line"], 301);
    // A re-run does not duplicate.
    let _ = gatekit()
        .current_dir(p)
        .args(["table", "import", "notes", "in.jsonl"])
        .output();
    assert_eq!(json(p, &["count", "notes"])["count"], 300);
    gatekit()
        .current_dir(p)
        .args(["table", "export", "notes", "out.jsonl"])
        .assert()
        .success();
    let mut exported: Vec<serde_json::Value> = std::fs::read_to_string(p.join("out.jsonl"))
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let mut imported: Vec<serde_json::Value> = lines
        .lines()
        .take(300)
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .collect();
    for v in imported.iter_mut() {
        v["state"] = serde_json::json!("open");
    }
    let key = |v: &serde_json::Value| format!("{}{}", v["owner"], v["id"]);
    exported.sort_by_key(key);
    imported.sort_by_key(key);
    for (e, i) in exported.iter_mut().zip(&imported) {
        // Sets come back in any order.
        if let Some(tags) = e["tags"].as_array_mut() {
            tags.sort_by_key(|t| t.to_string());
        }
        assert_eq!(e, i);
        assert_eq!(
            e["big"].to_string(),
            i["big"].to_string(),
            "numbers keep all 38 digits"
        );
    }
    assert_eq!(exported.len(), 300);
    // CSV out and back in.
    gatekit()
        .current_dir(p)
        .args(["table", "export", "notes", "out.csv"])
        .assert()
        .success();
    let csv = std::fs::read_to_string(p.join("out.csv")).expect("csv");
    assert!(csv.starts_with("owner,id,"), "{}", &csv[..40]);
}

/// Finding 8 of issue 10: the item model holds on updates. What the edits decide is
/// refused before sending; what depends on the stored item is a condition sent with
/// the update, and its failure reads as the model's rule. Nothing is written.
#[test]
fn updates_keep_the_item_model_and_a_refused_one_writes_nothing() {
    let dir = deployed();
    let p = dir.path();
    table(p)
        .args([
            "put",
            "notes",
            r#"{"owner":"ann","id":"1","title":"milk","tags":["a","b","c"],"due":6}"#,
        ])
        .assert()
        .success();
    let refused = |args: &[&str], rule: &str| {
        table(p)
            .args(["update", "notes", "owner=ann"])
            .args(args)
            .assert()
            .code(2)
            .stderr(contains(format!("({rule})")));
    };
    // Decided by the stored value, checked atomically by DynamoDB.
    refused(&["id=1", "--set", "due = due - 100"], "min");
    refused(&["id=1", "--add", "due -7"], "min");
    refused(&["id=1", "--add", r#"tags ["d"]"#], "max_length");
    // Decided by the edits alone, before anything is sent.
    refused(&["id=1", "--add", r#"due "a""#], "type");
    refused(&["id=1", "--set", r#"id = "9""#], "key");
    refused(&["id=1", "--set", "title = title + 1"], "type");
    // An update that would create an item without its required title.
    refused(&["id=2", "--set", "due = 1"], "required");
    let item = json(p, &["get", "notes", "owner=ann", "id=1"]);
    assert_eq!(item["due"], 6, "nothing was written");
    assert_eq!(item["tags"].as_array().map(Vec::len), Some(3));
    table(p)
        .args(["get", "notes", "owner=ann", "id=2"])
        .assert()
        .code(4);
    // Within bounds, the same edits go through; members already there add nothing.
    let ok = json(
        p,
        &[
            "update",
            "notes",
            "owner=ann",
            "id=1",
            "--set",
            "due = due - 6",
            "--add",
            r#"tags ["a"]"#,
        ],
    );
    assert_eq!(ok["due"], 0);
    // An update that creates the item carries the model's defaults.
    let created = json(
        p,
        &[
            "update",
            "notes",
            "owner=ann",
            "id=3",
            "--set",
            r#"title = "new""#,
        ],
    );
    assert_eq!(created["state"], "open");
    // The user's own condition still reads as the condition.
    table(p)
        .args([
            "update",
            "notes",
            "owner=ann",
            "id=1",
            "--set",
            "due = due + 1",
            "--if",
            "due > 100",
        ])
        .assert()
        .code(1)
        .stderr(contains("the condition does not hold"));
}

#[test]
fn describe_is_a_page_for_people_and_json_for_scripts() {
    let dir = deployed();
    let p = dir.path();
    let out = table(p).args(["describe", "notes"]).output().expect("runs");
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        serde_json::from_str::<serde_json::Value>(&page).is_err(),
        "not JSON in table mode: {page}"
    );
    for fact in [
        "Table notes (shop-local-notes)",
        "owner:S (partition), id:S (sort)",
        "by_state",
        "Item model (unknown attributes: refuse)",
        "one of open | done",
        "max length 40",
    ] {
        assert!(page.contains(fact), "{fact:?} in:\n{page}");
    }
    let d = json(p, &["describe", "notes"]);
    assert_eq!(d["logical_name"], "notes");
    assert_eq!(d["global_indexes"][0]["name"], "by_state");
    assert_eq!(
        d["item_model"]["attributes"]["title"],
        serde_json::json!({"type": "string", "required": true, "max_length": 40}),
        "rules not given are left out"
    );
}

/// `--parallel 100000` once opened a connection per segment at once and ended in
/// "Too many open files": segments take turns, whatever N is.
#[test]
fn a_scan_of_many_segments_stays_within_the_open_file_limit() {
    let dir = deployed();
    let p = dir.path();
    table(p)
        .args(["put", "notes", r#"{"owner":"ann","id":"1","title":"milk"}"#])
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("gatekit");
    let out = std::process::Command::new("sh")
        .current_dir(p)
        .env("NO_COLOR", "1")
        .arg("-c")
        .arg(format!(
            "ulimit -n 256 && exec '{}' table scan notes --parallel 1500 --all -o json",
            bin.display()
        ))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    table(p)
        .args(["scan", "notes", "--parallel", "0"])
        .assert()
        .code(2)
        .stderr(contains("1..=1000000"));
}

#[test]
fn check_lists_items_that_break_the_model() {
    let dir = deployed();
    let p = dir.path();
    table(p)
        .args([
            "put",
            "notes",
            r#"{"owner":"ann","id":"ok","title":"fine"}"#,
        ])
        .assert()
        .success();
    // A write that bypasses gatekit (a raw DynamoDB write through the table name).
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let endpoint =
            gatekit::local::Endpoint::connect(p.join(".gatekit/local"), Default::default())
                .await
                .expect("store");
        let c = crate::dynamodb::client_for(&endpoint.url());
        c.put_item()
            .table_name("shop-local-notes")
            .item("owner", crate::dynamodb::s("ann"))
            .item("id", crate::dynamodb::s("bad"))
            .item("state", crate::dynamodb::s("lost"))
            .send()
            .await
            .expect("raw put");
        endpoint.close().await;
    });
    table(p)
        .args(["check", "notes"])
        .assert()
        .code(1)
        .stdout(contains("`title` is required and missing (required)"))
        .stdout(contains("(enum)"))
        .stdout(contains("1 of 2 item(s) break the item model"));
}

/// `table sql`: a PartiQL statement naming the table by its logical name, with
/// `?` parameters, its rows shown as `query` shows items; writes through it.
#[test]
fn sql_runs_partiql_on_the_logical_table() {
    let dir = deployed();
    let p = dir.path();
    for (id, title, due) in [("1", "milk", 3), ("2", "eggs", 5), ("3", "tea", 9)] {
        let item = format!(r#"{{"owner":"ann","id":"{id}","title":"{title}","due":{due}}}"#);
        json(p, &["put", "notes", &item]);
    }
    let out = json(
        p,
        &[
            "sql",
            "SELECT * FROM notes WHERE owner = 'ann' AND due > ?",
            "--params",
            "[4]",
        ],
    );
    assert_eq!(out["count"], 2, "{out}");
    assert_eq!(out["items"][0]["title"], "eggs");
    let out = json(
        p,
        &[
            "sql",
            "SELECT title FROM notes WHERE owner = ? ORDER BY id DESC",
            "--params",
            r#"["ann"]"#,
        ],
    );
    assert_eq!(
        out["items"][0],
        serde_json::json!({"title": "tea"}),
        "{out}"
    );
    json(
        p,
        &[
            "sql",
            "UPDATE notes SET state = 'done' WHERE owner = 'ann' AND id = '1'",
        ],
    );
    let out = json(p, &["sql", "SELECT * FROM notes WHERE state = 'done'"]);
    assert_eq!(out["count"], 1, "{out}");
    let out = json(
        p,
        &[
            "sql",
            "SELECT * FROM notes WHERE owner = 'ann'",
            "--limit",
            "1",
            "--all",
        ],
    );
    assert_eq!(out["count"], 3, "{out}");
    gatekit()
        .current_dir(p)
        .args([
            "table",
            "sql",
            "SELECT * FROM notes WHERE owner = 'ann' junk",
        ])
        .assert()
        .code(1)
        .stderr(contains("Unexpected token after expression"));
}
