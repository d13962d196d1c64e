//! The emulator's Lambda: real handler processes (Python, Node CommonJS and ESM, a
//! provided bootstrap), through boto3 and aws-sdk-rust.

use std::process::Command;

use aws_sdk_lambda::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{FunctionCode, InvocationType, LogType, Runtime};
use base64::Engine;
use gatekit::local::{Emulator, EmulatorConfig};

use crate::support::zip;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_through_boto3() {
    crate::boto3::run("lambda_boto3.py").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_through_the_rust_sdk() {
    let emulator = Emulator::start(EmulatorConfig::loopback(None))
        .await
        .expect("the emulator starts");
    let config = aws_sdk_lambda::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("local", "local", None, None, "test"))
        .endpoint_url(emulator.endpoint())
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let c = aws_sdk_lambda::Client::from_conf(config);
    let code = zip(&[(
        "app.py",
        "def handler(event, context):\n    print('logged')\n    return {'twice': event['n'] * 2}\n",
    )]);
    let created = c
        .create_function()
        .function_name("double")
        .runtime(Runtime::Python312)
        .role("arn:aws:iam::000000000000:role/x")
        .handler("app.handler")
        .code(
            FunctionCode::builder()
                .zip_file(Blob::new(code.clone()))
                .build(),
        )
        .send()
        .await
        .expect("create");
    // CodeSha256 is base64 of the SHA-256 of the zip, as Lambda computes it.
    use sha2::Digest;
    let sha = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&code));
    assert_eq!(created.code_sha256(), Some(sha.as_str()));
    let out = c
        .invoke()
        .function_name("double")
        .payload(Blob::new(br#"{"n": 21}"#.to_vec()))
        .log_type(LogType::Tail)
        .send()
        .await
        .expect("invoke");
    assert_eq!(out.function_error(), None);
    let payload: serde_json::Value =
        serde_json::from_slice(out.payload().expect("payload").as_ref()).expect("json");
    assert_eq!(payload, serde_json::json!({"twice": 42}));
    let logs = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(out.log_result().expect("logs"))
            .expect("b64"),
    )
    .expect("utf8");
    assert!(
        logs.contains("logged") && logs.contains("REPORT RequestId:"),
        "{logs}"
    );
    // A cold start's Init Duration is the interpreter's start and the handler's
    // import: a Python process takes milliseconds, never hundredths of one.
    let init_ms: f64 = logs
        .split("Init Duration: ")
        .nth(1)
        .and_then(|rest| rest.split(" ms").next())
        .and_then(|n| n.trim().parse().ok())
        .expect("the first invocation reports its Init Duration");
    assert!(init_ms >= 1.0, "Init Duration {init_ms} ms: {logs}");
    let event = c
        .invoke()
        .function_name("double")
        .invocation_type(InvocationType::Event)
        .payload(Blob::new(b"{\"n\": 1}".to_vec()))
        .send()
        .await
        .expect("event");
    assert_eq!(event.status_code(), 202);
    let got = c
        .get_function()
        .function_name("double")
        .send()
        .await
        .expect("get");
    assert_eq!(
        got.configuration().and_then(|c| c.handler()),
        Some("app.handler")
    );
    let missing = c
        .get_function()
        .function_name("nope")
        .send()
        .await
        .unwrap_err();
    assert!(
        missing
            .into_service_error()
            .is_resource_not_found_exception()
    );
    c.delete_function()
        .function_name("double")
        .send()
        .await
        .expect("delete");
    assert!(
        c.list_functions()
            .send()
            .await
            .expect("list")
            .functions()
            .is_empty()
    );
}

pub(crate) fn lambda_client(endpoint: &str) -> aws_sdk_lambda::Client {
    let config = aws_sdk_lambda::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("local", "local", None, None, "test"))
        .endpoint_url(endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    aws_sdk_lambda::Client::from_conf(config)
}

/// The site-packages of the test venv, which holds boto3.
fn boto3_site_packages() -> std::path::PathBuf {
    let out = Command::new(crate::boto3::python())
        .args([
            "-c",
            "import boto3, os; print(os.path.dirname(os.path.dirname(boto3.__file__)))",
        ])
        .output()
        .expect("python runs");
    std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_python_handler_writes_to_the_local_dynamodb_through_its_sdk() {
    // gatekit's SDK cache, as `gatekit local sdk install` makes it, here from the venv.
    let sdk = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(boto3_site_packages(), sdk.path().join("python")).expect("symlink");
    let mut config = EmulatorConfig::loopback(None);
    config.runtimes.sdk_dir = sdk.path().to_path_buf();
    let emulator = Emulator::start(config).await.expect("the emulator starts");
    let ddb = crate::dynamodb::client_for(&emulator.endpoint());
    crate::dynamodb::create_simple(&ddb, "visits").await;
    let c = lambda_client(&emulator.endpoint());
    let code = zip(&[(
        "app.py",
        "import os, boto3\ntable = boto3.resource('dynamodb').Table(os.environ['TABLE'])\n\ndef handler(event, context):\n    table.put_item(Item={'pk': event['pk'], 'by': context.function_name})\n    return {'ok': True}\n",
    )]);
    c.create_function()
        .function_name("writer")
        .runtime(Runtime::Python312)
        .role("arn:aws:iam::000000000000:role/x")
        .handler("app.handler")
        .environment(
            aws_sdk_lambda::types::Environment::builder()
                .variables("TABLE", "visits")
                .build(),
        )
        .code(FunctionCode::builder().zip_file(Blob::new(code)).build())
        .send()
        .await
        .expect("create");
    let out = c
        .invoke()
        .function_name("writer")
        .payload(Blob::new(br#"{"pk": "ann"}"#.to_vec()))
        .send()
        .await
        .expect("invoke");
    let payload = String::from_utf8_lossy(out.payload().expect("payload").as_ref()).to_string();
    assert_eq!(out.function_error(), None, "{payload}");
    let item = ddb
        .get_item()
        .table_name("visits")
        .key("pk", crate::dynamodb::s("ann"))
        .send()
        .await
        .expect("get")
        .item
        .expect("written");
    assert_eq!(item["by"], crate::dynamodb::s("writer"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_sdk_names_the_command_that_installs_it() {
    let sdk = tempfile::tempdir().expect("temp dir");
    let mut config = EmulatorConfig::loopback(None);
    config.runtimes.sdk_dir = sdk.path().to_path_buf();
    // A Python whose site-packages are out of sight: the machine's boto3, if any,
    // is not found either.
    let python = sdk.path().join("python-without-site");
    std::fs::write(&python, "#!/bin/sh\nexec python3 -S \"$@\"\n").expect("write");
    std::fs::set_permissions(&python, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    config.runtimes.python = python.display().to_string();
    let emulator = Emulator::start(config).await.expect("the emulator starts");
    let c = lambda_client(&emulator.endpoint());
    c.create_function()
        .function_name("needs-sdk")
        .runtime(Runtime::Python312)
        .role("arn:aws:iam::000000000000:role/x")
        .handler("app.handler")
        .code(
            FunctionCode::builder()
                .zip_file(Blob::new(zip(&[(
                    "app.py",
                    "import boto3\ndef handler(e, c):\n    return 1\n",
                )])))
                .build(),
        )
        .send()
        .await
        .expect("create");
    let out = c
        .invoke()
        .function_name("needs-sdk")
        .send()
        .await
        .expect("invoke");
    let payload = String::from_utf8_lossy(out.payload().expect("payload").as_ref()).to_string();
    assert_eq!(out.function_error(), Some("Unhandled"));
    assert!(
        payload.contains("Runtime.ImportModuleError")
            && payload.contains("gatekit local sdk install"),
        "{payload}"
    );
}

async fn create_py(c: &aws_sdk_lambda::Client, name: &str, source: &str) {
    c.create_function()
        .function_name(name)
        .runtime(Runtime::Python312)
        .role("arn:aws:iam::000000000000:role/x")
        .handler("app.handler")
        .code(
            FunctionCode::builder()
                .zip_file(Blob::new(zip(&[("app.py", source)])))
                .build(),
        )
        .send()
        .await
        .expect("create");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_emulator_stops_only_after_its_asynchronous_invocations() {
    let emulator = Emulator::start(EmulatorConfig::loopback(None))
        .await
        .expect("the emulator starts");
    let c = lambda_client(&emulator.endpoint());
    let marker = tempfile::tempdir().expect("temp dir");
    let file = marker.path().join("done");
    create_py(&c, "slow", "import time\ndef handler(event, context):\n    time.sleep(0.5)\n    open(event['file'], 'w').write('done')\n").await;
    let payload = serde_json::json!({ "file": file }).to_string();
    let out = c
        .invoke()
        .function_name("slow")
        .invocation_type(InvocationType::Event)
        .payload(Blob::new(payload.into_bytes()))
        .send()
        .await
        .expect("invoke");
    assert_eq!(out.status_code(), 202);
    assert_eq!(emulator.pending_invocations(), 1);
    emulator.stop().await;
    assert!(
        file.exists(),
        "the asynchronous invocation finished before the emulator stopped"
    );
}

#[test]
fn no_instance_outlives_a_killed_emulator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = crate::local_server::serve(dir.path());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let c = lambda_client(&server.endpoint);
        create_py(&c, "warm", "def handler(event, context):\n    return 1\n").await;
        c.invoke()
            .function_name("warm")
            .send()
            .await
            .expect("invoke");
    });
    let children = Command::new("pgrep")
        .args(["-P", &server.child.id().to_string()])
        .output()
        .expect("pgrep");
    let pids: Vec<String> = String::from_utf8_lossy(&children.stdout)
        .split_whitespace()
        .map(String::from)
        .collect();
    assert!(!pids.is_empty(), "a warm instance runs as a child process");
    server.child.kill().expect("kill -9");
    server.child.wait().expect("reaped");
    let alive = |pid: &String| {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .is_ok_and(|s| !s.contains("State:\tZ"))
    };
    for _ in 0..100 {
        if !pids.iter().any(alive) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("instances outlived the emulator: {pids:?}");
}

/// An Event invocation answered 202 is in the store: a `kill -9` loses none, and
/// the next emulator on the store runs it.
#[test]
fn an_accepted_event_survives_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("ran.txt");
    let store = dir.path().join("store");
    let mut server = crate::local_server::serve(&store);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let c = lambda_client(&server.endpoint);
        create_py(
            &c,
            "later",
            "def handler(event, context):\n    open(event['file'], 'a').write(str(event['n']) + '\\n')\n",
        )
        .await;
        // Held back by its concurrency, the events wait in the queue.
        c.put_function_concurrency()
            .function_name("later")
            .reserved_concurrent_executions(0)
            .send()
            .await
            .expect("concurrency");
        for n in 0..3 {
            let payload = serde_json::json!({ "file": out, "n": n }).to_string();
            let r = c
                .invoke()
                .function_name("later")
                .invocation_type(InvocationType::Event)
                .payload(Blob::new(payload.into_bytes()))
                .send()
                .await
                .expect("invoke");
            assert_eq!(r.status_code(), 202);
        }
    });
    server.child.kill().expect("kill -9");
    let _ = server.child.wait();
    assert!(!out.exists(), "nothing ran before the kill");
    let server = crate::local_server::serve(&store);
    rt.block_on(async {
        let c = lambda_client(&server.endpoint);
        c.delete_function_concurrency()
            .function_name("later")
            .send()
            .await
            .expect("concurrency");
    });
    let mut ran = String::new();
    for _ in 0..400 {
        ran = std::fs::read_to_string(&out).unwrap_or_default();
        if ran.lines().count() >= 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let mut lines: Vec<&str> = ran.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        ["0", "1", "2"],
        "every accepted event ran once after the restart"
    );
}

/// Instances beyond a lowered reserved concurrency stop as they go idle: four warm
/// instances, reserved concurrency 1, and after the next invocations one is left.
#[test]
fn instances_beyond_a_lowered_limit_stop_when_idle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = crate::local_server::serve(dir.path());
    let children = || {
        let out = Command::new("pgrep")
            .args(["-P", &server.child.id().to_string()])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .count()
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let c = lambda_client(&server.endpoint);
        create_py(
            &c,
            "wide",
            "import time\ndef handler(event, context):\n    time.sleep(event.get('sleep', 0))\n    return 1\n",
        )
        .await;
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let c = c.clone();
            calls.spawn(async move {
                c.invoke()
                    .function_name("wide")
                    .payload(Blob::new(br#"{"sleep": 1}"#.to_vec()))
                    .send()
                    .await
            });
        }
        while let Some(r) = calls.join_next().await {
            r.expect("join").expect("invoke");
        }
    });
    assert_eq!(children(), 4, "four warm instances");
    rt.block_on(async {
        let c = lambda_client(&server.endpoint);
        c.put_function_concurrency()
            .function_name("wide")
            .reserved_concurrent_executions(1)
            .send()
            .await
            .expect("concurrency");
        for _ in 0..4 {
            c.invoke()
                .function_name("wide")
                .send()
                .await
                .expect("invoke");
        }
    });
    for _ in 0..100 {
        if children() == 1 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{} instances left with reserved concurrency 1", children());
}
