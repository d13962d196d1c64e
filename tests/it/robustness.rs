//! Hostile input against the real emulator (`gatekit local serve`, a real process):
//! after each malformed request the server is alive, answered 4xx in AWS's error
//! shape, and a canary item and function are unchanged; then kill -9, restart, and
//! the canaries are still there. Each finding of issue 10 has its case here.

use std::path::Path;
use std::process::Command;

use base64::Engine;
use predicates::str::contains;
use serde_json::{Value as Json, json};

use crate::local_server::{Server, serve};
use crate::support::gatekit;
use crate::wire::{AUTH, check_canaries, dynamodb, http, lambda, logs, plant_canaries, refused};

/// A zip of one entry of `size` zero bytes (a few hundred KB compressed), made by
/// Python's zlib: the debug build's deflate would take a minute.
fn zero_bomb(dir: &Path, entries: usize, size: usize) -> String {
    let path = dir.join("bomb.zip");
    let script = format!(
        "import zipfile\nz = zipfile.ZipFile({:?}, 'w', zipfile.ZIP_DEFLATED)\nfor i in range({entries}):\n    z.writestr(f'f{{i}}.bin', bytes({size}))\nz.close()\n",
        path.display().to_string()
    );
    let ok = Command::new("python3")
        .args(["-c", &script])
        .status()
        .expect("python3 runs");
    assert!(ok.success());
    base64::engine::general_purpose::STANDARD.encode(std::fs::read(&path).expect("the zip"))
}

fn kill_9(server: &mut Server) {
    server.child.kill().expect("kill -9");
    server.child.wait().expect("reaped");
}

#[test]
fn malformed_requests_change_nothing_and_the_emulator_survives_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let mut server = serve(&store);
    let ep = server.endpoint.clone();
    plant_canaries(&ep);
    check_canaries(&ep, "planting");

    // Finding 1: deep nesting in every expression of DynamoDB, under the 4 KB cap.
    let parens = format!("{}pk = :v{}", "(".repeat(1564), ")".repeat(1564));
    let values = json!({":v": {"S": "c"}});
    let nots = "NOT ".repeat(1000) + "pk = :v";
    for (op, body) in [
        (
            "Scan",
            json!({"TableName": "canary", "FilterExpression": parens, "ExpressionAttributeValues": values}),
        ),
        (
            "Scan",
            json!({"TableName": "canary", "FilterExpression": nots, "ExpressionAttributeValues": values}),
        ),
        (
            "Query",
            json!({"TableName": "canary", "KeyConditionExpression": parens, "ExpressionAttributeValues": values}),
        ),
        (
            "PutItem",
            json!({"TableName": "canary", "Item": {"pk": {"S": "c"}}, "ConditionExpression": parens, "ExpressionAttributeValues": values}),
        ),
        (
            "UpdateItem",
            json!({"TableName": "canary", "Key": {"pk": {"S": "c"}},
            "UpdateExpression": format!("SET v = {}:v{}", "list_append(:v, ".repeat(300), ")".repeat(300)),
            "ExpressionAttributeValues": values}),
        ),
    ] {
        refused(
            &format!("deep {op}"),
            dynamodb(&ep, op, &body),
            "ValidationException",
        );
        check_canaries(&ep, &format!("deep {op}"));
    }

    // Finding 2: a refused write is not applied.
    let bad_capacity = |extra: Json| -> Json {
        let mut b = extra;
        b["ReturnConsumedCapacity"] = json!("str");
        b
    };
    for (op, body) in [
        (
            "PutItem",
            bad_capacity(json!({"TableName": "canary", "Item": {"pk": {"S": "x1"}}})),
        ),
        (
            "UpdateItem",
            bad_capacity(
                json!({"TableName": "canary", "Key": {"pk": {"S": "x2"}}, "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": {"N": "2"}}}),
            ),
        ),
        (
            "DeleteItem",
            bad_capacity(json!({"TableName": "canary", "Key": {"pk": {"S": "c"}}})),
        ),
        (
            "PutItem",
            json!({"TableName": "canary", "Item": {"pk": {"S": "x3"}}, "ReturnItemCollectionMetrics": "ALL"}),
        ),
    ] {
        refused(
            &format!("{op} with a bad option"),
            dynamodb(&ep, op, &body),
            "ValidationException",
        );
        check_canaries(&ep, op);
    }
    let (_, scanned) = dynamodb(&ep, "Scan", &json!({"TableName": "canary"}));
    assert_eq!(scanned["Count"], 1, "only the canary: {scanned}");

    // Finding 3: refused code and configuration leave the function as it was.
    for (case, zip) in [
        ("an empty zip", String::new()),
        ("a truncated zip", "UEsDBBQAAAAIAA==".to_string()),
        (
            "a corrupt zip",
            base64::engine::general_purpose::STANDARD.encode(b"PK\x03\x04 this is no zip at all"),
        ),
    ] {
        refused(
            case,
            lambda(
                &ep,
                "PUT",
                "/2015-03-31/functions/canary/code",
                &json!({"ZipFile": zip}),
            ),
            "InvalidParameterValueException",
        );
        check_canaries(&ep, case);
    }
    let big_env: serde_json::Map<String, Json> = (0..10)
        .map(|i| (format!("K{i}"), json!("x".repeat(500))))
        .collect();
    for (case, body) in [
        (
            "timeout and memory",
            json!({"Timeout": 77, "MemorySize": 1}),
        ),
        (
            "an oversized environment",
            json!({"Environment": {"Variables": big_env}}),
        ),
    ] {
        let out = lambda(
            &ep,
            "PUT",
            "/2015-03-31/functions/canary/configuration",
            &body,
        );
        let kind = if body.get("Timeout").is_some() {
            assert_eq!(
                out.1["message"],
                "1 validation error detected: Value '1' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"
            );
            "ValidationException"
        } else {
            "InvalidParameterValueException"
        };
        refused(case, out, kind);
        check_canaries(&ep, case);
    }

    // Finding 4: code over Lambda's unzipped limit is refused while unpacking,
    // whatever the archive declares, and nothing of it is kept.
    for (case, bomb) in [
        ("one 260 MiB entry", zero_bomb(dir.path(), 1, 260 << 20)),
        ("300 entries of 1 MiB", zero_bomb(dir.path(), 300, 1 << 20)),
    ] {
        let out = lambda(
            &ep,
            "POST",
            "/2015-03-31/functions",
            &json!({"FunctionName": "bomb", "Runtime": "python3.12", "Handler": "app.handler",
                "Role": "arn:aws:iam::000000000000:role/r", "Code": {"ZipFile": bomb}}),
        );
        assert_eq!(
            out.1["message"].as_str().or(out.1["Message"].as_str()),
            Some("Unzipped size must be smaller than 262144000 bytes"),
            "{case}: {out:?}"
        );
        refused(case, out, "InvalidParameterValueException");
        let (status, _) = lambda(&ep, "GET", "/2015-03-31/functions/bomb", &Json::Null);
        assert_eq!(status, 404, "{case}: no function is left");
        check_canaries(&ep, case);
    }
    let leftovers: u64 = walk_size(&store.join("lambda"));
    assert!(
        leftovers < 10 << 20,
        "the refused code is not kept on disk: {leftovers} bytes"
    );

    // Then the crash: kill -9, restart, the canaries are intact.
    kill_9(&mut server);
    let mut server = serve(&store);
    check_canaries(&server.endpoint, "kill -9 and a restart");
    kill_9(&mut server);
}

fn walk_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                todo.push(entry.path());
            } else {
                total += meta.len();
            }
        }
    }
    total
}

/// Finding 5: with the default store (a relative path) and with `-C DIR`, Python
/// functions run: every path is made absolute once, at start.
#[test]
fn functions_run_with_a_relative_store_and_with_minus_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    for use_c in [false, true] {
        let project = dir.path().join(if use_c { "with-c" } else { "in-place" });
        std::fs::create_dir_all(&project).expect("mkdir");
        std::fs::write(project.join("gatekit.yaml"), "project: rel\n").expect("write");
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("gatekit"));
        if use_c {
            cmd.current_dir(dir.path())
                .args(["-C", if use_c { "with-c" } else { "." }]);
        } else {
            cmd.current_dir(&project);
        }
        let mut child = cmd
            .args(["local", "serve", "--port", "0", "-o", "json"])
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("serve starts");
        let endpoint = crate::local_server::read_endpoint(&mut child);
        let mut server = Server {
            child,
            endpoint,
            started: serde_json::Value::Null,
        };
        plant_canaries(&server.endpoint);
        check_canaries(
            &server.endpoint,
            if use_c { "-C" } else { "a relative store" },
        );
        assert!(
            project.join(".gatekit/local/lambda").is_dir(),
            "the store is the project's"
        );
        kill_9(&mut server);
    }
}

/// Finding 1 in the CLI: a deeply nested condition is a usage error, not a crash.
#[test]
fn a_deeply_nested_condition_in_the_cli_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("gatekit.yaml"),
        "project: deep\ntables:\n  todos:\n    key: { partition: owner:S, sort: id:S }\n",
    )
    .expect("write");
    for condition in [
        format!("{}owner = \"ann\"{}", "(".repeat(1564), ")".repeat(1564)),
        "not ".repeat(20_000) + "owner = \"ann\"",
    ] {
        gatekit()
            .current_dir(dir.path())
            .args(["table", "count", "todos"])
            .arg(&condition)
            .assert()
            .code(2)
            .stderr(contains("condition"));
    }
}

/// Input the emulator used to accept and AWS refuses: each refused with AWS's error
/// type, and nothing changed.
#[test]
fn input_aws_refuses_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = serve(&dir.path().join("store"));
    let ep = server.endpoint.clone();
    plant_canaries(&ep);

    // DynamoDB: numbers with spaces, oversized keys, wrong JSON types.
    for (case, op, body, kind) in [
        (
            "a number with spaces",
            "PutItem",
            json!({"TableName": "canary", "Item": {"pk": {"S": "n"}, "v": {"N": " 1"}}}),
            "ValidationException",
        ),
        (
            "a partition key over 2,048 bytes",
            "GetItem",
            json!({"TableName": "canary", "Key": {"pk": {"S": "k".repeat(2049)}}}),
            "ValidationException",
        ),
        (
            "ReturnConsumedCapacity as a number",
            "GetItem",
            json!({"TableName": "canary", "Key": {"pk": {"S": "c"}}, "ReturnConsumedCapacity": 1}),
            "SerializationException",
        ),
        (
            "ConsistentRead as a string",
            "GetItem",
            json!({"TableName": "canary", "Key": {"pk": {"S": "c"}}, "ConsistentRead": "yes"}),
            "SerializationException",
        ),
    ] {
        refused(case, dynamodb(&ep, op, &body), kind);
    }
    let (_, scanned) = dynamodb(&ep, "Scan", &json!({"TableName": "canary"}));
    assert_eq!(scanned["Count"], 1, "nothing was written: {scanned}");

    // A JSON request without X-Amz-Target: AWS's shape, not ours.
    let out = http(
        &ep,
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.0"),
            ("Authorization", AUTH),
        ],
        b"{}",
    );
    refused("no X-Amz-Target", out, "UnknownOperationException");

    // Lambda: limits, required members and types.
    let f = "/2015-03-31/functions/canary";
    for (case, method, path, body, kind) in [
        (
            "concurrency above the account's unreserved minimum",
            "PUT",
            "/2017-10-31/functions/canary/concurrency".to_string(),
            json!({"ReservedConcurrentExecutions": 901}),
            "InvalidParameterValueException",
        ),
        (
            "negative concurrency",
            "PUT",
            "/2017-10-31/functions/canary/concurrency".to_string(),
            json!({"ReservedConcurrentExecutions": -1}),
            "ValidationException",
        ),
        (
            "concurrency as a string",
            "PUT",
            "/2017-10-31/functions/canary/concurrency".to_string(),
            json!({"ReservedConcurrentExecutions": "5"}),
            "SerializationException",
        ),
        (
            "a timeout as a string",
            "PUT",
            format!("{f}/configuration"),
            json!({"Timeout": "30"}),
            "SerializationException",
        ),
        (
            "an environment value as a number",
            "PUT",
            format!("{f}/configuration"),
            json!({"Environment": {"Variables": {"A": 1}}}),
            "SerializationException",
        ),
        (
            "AddPermission without its fields",
            "POST",
            format!("{f}/policy"),
            json!({}),
            "ValidationException",
        ),
        (
            "a tag value as a number",
            "POST",
            "/2017-03-31/tags/arn:aws:lambda:us-east-1:000000000000:function:canary".to_string(),
            json!({"Tags": {"team": 7}}),
            "SerializationException",
        ),
    ] {
        refused(case, lambda(&ep, method, &path, &body), kind);
        check_canaries(&ep, case);
    }
    let (_, policy) = lambda(&ep, "POST", &format!("{f}/policy"), &json!({}));
    assert_eq!(
        policy["message"],
        "3 validation errors detected: Value null at 'action' failed to satisfy constraint: Member must not be null; Value null at 'principal' failed to satisfy constraint: Member must not be null; Value null at 'statementId' failed to satisfy constraint: Member must not be null"
    );
    for (max, kind) in [
        ("-1", "ValidationException"),
        ("0", "ValidationException"),
        ("10001", "ValidationException"),
        ("abc", "SerializationException"),
        ("1.5", "SerializationException"),
    ] {
        let out = lambda(
            &ep,
            "GET",
            &format!("/2015-03-31/functions?MaxItems={max}"),
            &Json::Null,
        );
        refused(&format!("MaxItems={max}"), out, kind);
    }
    let (status, one) = lambda(&ep, "GET", "/2015-03-31/functions?MaxItems=1", &Json::Null);
    assert_eq!(status, 200, "{one}");
    // An invalid invocation type runs nothing; a zip over 50 MB is refused whole.
    let bogus = http(
        &ep,
        "POST",
        "/2015-03-31/functions/canary/invocations",
        &[("X-Amz-Invocation-Type", "Bogus")],
        b"{}",
    );
    refused("an invalid invocation type", bogus, "ValidationException");
    let over = format!(
        r#"{{"FunctionName":"big","Runtime":"python3.12","Handler":"app.handler","Role":"r","Code":{{"ZipFile":"{}"}}}}"#,
        "A".repeat(69_905_068)
    );
    let out = http(
        &ep,
        "POST",
        "/2015-03-31/functions",
        &[("Content-Type", "application/json")],
        over.as_bytes(),
    );
    assert_eq!(out.0, 413, "{:?}", out.1);
    assert_eq!(
        out.1["message"],
        "Request must be smaller than 69905067 bytes for the CreateFunction operation"
    );
    refused("a zip over 50 MB", out, "RequestEntityTooLargeException");
    check_canaries(&ep, "refused uploads and invocations");

    // CloudWatch Logs: invalid JSON, wrong types, limits out of range.
    let logs = |op: &str, body: &[u8]| logs(&ep, op, body);
    refused(
        "Logs: invalid JSON",
        logs("DescribeLogGroups", b"{not json"),
        "SerializationException",
    );
    refused(
        "Logs: limit as a string",
        logs("DescribeLogGroups", br#"{"limit":"5"}"#),
        "SerializationException",
    );
    refused(
        "Logs: limit 0",
        logs(
            "GetLogEvents",
            br#"{"logGroupName":"/aws/lambda/canary","logStreamName":"s","limit":0}"#,
        ),
        "InvalidParameterException",
    );
    refused(
        "Logs: limit 51",
        logs(
            "DescribeLogStreams",
            br#"{"logGroupName":"/aws/lambda/canary","limit":51}"#,
        ),
        "InvalidParameterException",
    );
    let big = format!(r#"{{"logGroupNamePrefix":"{}"}}"#, "x".repeat(1 << 20));
    refused(
        "Logs: a body over 1 MiB",
        logs("DescribeLogGroups", big.as_bytes()),
        "SerializationException",
    );
    let (status, groups) = logs("DescribeLogGroups", b"{}");
    assert_eq!(status, 200, "{groups}");
    kill_9(&mut server);
}

/// Finding 7: `deploy -o json` with nothing to do still ends with its summary event,
/// and a failure with `-o json` is a JSON error on stdout.
#[test]
fn scripts_get_json_for_nothing_to_do_and_for_failures() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("gatekit.yaml"),
        "project: quiet\ntables:\n  notes:\n    key: { partition: id:S }\n",
    )
    .expect("write");
    let deploy = || {
        gatekit()
            .current_dir(dir.path())
            .args(["deploy", "--yes", "-o", "json"])
            .output()
            .expect("runs")
    };
    assert!(deploy().status.success());
    let again = deploy();
    assert!(again.status.success());
    let last: Json = String::from_utf8_lossy(&again.stdout)
        .lines()
        .last()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .expect("a summary line");
    assert_eq!(
        last,
        json!({"event": "summary", "applied": 0, "failed": 0, "conflicts": 0})
    );
    let out = gatekit()
        .current_dir(dir.path())
        .args(["deploy", "-t", "nosuch", "-o", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let error: Json = serde_json::from_slice(&out.stdout).expect("a JSON error on stdout");
    assert_eq!(error["error"]["code"], "usage");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nosuch")
    );
}
