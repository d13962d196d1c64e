//! The emulator through boto3, a second SDK: tests/python/dynamodb_boto3.py against a
//! real emulator on a loopback port. `scripts/test` makes the venv with boto3.

use std::process::Command;

use gatekit::local::{Emulator, EmulatorConfig};

use crate::support::repo;

/// The Python with boto3: GATEKIT_PYTHON, else the venv `scripts/test` makes.
pub fn python() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("GATEKIT_PYTHON") {
        return p.into();
    }
    let venv = repo().join(".venv/bin/python");
    assert!(
        venv.exists(),
        "no Python with boto3: run the tests with `scripts/test`, which makes .venv, or set GATEKIT_PYTHON"
    );
    venv
}

/// Runs `tests/python/{script}` against a fresh emulator on a loopback port; it
/// prints "all checks passed" at its end, or fails at the first check that fails.
pub async fn run(script: &str) {
    run_on(script, EmulatorConfig::loopback(None)).await;
}

/// `run` on an emulator with this configuration.
pub async fn run_on(script: &str, config: EmulatorConfig) {
    let emulator = Emulator::start(config).await.expect("the emulator starts");
    let endpoint = emulator.endpoint();
    let path = repo().join("tests/python").join(script);
    let py = python();
    let out =
        tokio::task::spawn_blocking(move || Command::new(py).arg(path).arg(endpoint).output())
            .await
            .expect("join")
            .expect("python runs");
    passed(script, &out, "");
    emulator.stop().await;
}

/// A check script's run ended with "all checks passed"; else what it printed
/// (after `note`, what it needs).
pub fn passed(script: &str, out: &std::process::Output, note: &str) {
    assert!(
        out.status.success(),
        "{script} failed{note}:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("all checks passed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_through_boto3() {
    run("dynamodb_boto3.py").await;
}

/// API Gateway's control plane, its errors, and a deployed route, through boto3.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apigateway_through_boto3() {
    run("apigateway_boto3.py").await;
}

/// DynamoDB's pre-expression parameters (AttributesToGet, KeyConditions, QueryFilter,
/// ScanFilter, Expected, AttributeUpdates, ConditionalOperator) through boto3.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_legacy_parameters_through_boto3() {
    run("dynamodb_legacy_boto3.py").await;
}

/// DynamoDB Streams (StreamSpecification, ListStreams, DescribeStream,
/// GetShardIterator, GetRecords) through boto3.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_streams_through_boto3() {
    run("dynamodb_streams_boto3.py").await;
}

/// ReturnConsumedCapacity and ReturnItemCollectionMetrics through boto3.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_capacity_through_boto3() {
    run("dynamodb_capacity_boto3.py").await;
}

/// Lambda's event source mappings on DynamoDB streams: the API and delivery to a
/// real function, in order, filtered, retried, disabled and enabled.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stream_triggers_through_boto3() {
    run("dynamodb_triggers_boto3.py").await;
}

/// PartiQL: ExecuteStatement, BatchExecuteStatement, ExecuteTransaction.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partiql_through_boto3() {
    run("dynamodb_partiql_boto3.py").await;
}

/// Validation in AWS's words and order: aggregated member errors, the envelope,
/// the value layers of each operation, BatchWriteItem's and the transactions'
/// checks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_validation_through_boto3() {
    run("dynamodb_validation_boto3.py").await;
}

/// Lambda's concurrency with warm instances present: reserved concurrency counted
/// per execution, 0 throttling everything, the account's unreserved pool (an
/// account limit of 4 here).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_concurrency_through_boto3() {
    let mut config = EmulatorConfig::loopback(None);
    config.runtimes.concurrency = 4;
    run_on("lambda_concurrency_boto3.py", config).await;
}

/// Asynchronous invocation: the event invoke config API, retries under one request
/// id, and destination records.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_async_invocation_through_boto3() {
    let mut config = EmulatorConfig::loopback(None);
    config.runtimes.event_retry_delay = std::time::Duration::from_millis(300);
    run_on("lambda_async_boto3.py", config).await;
}

/// The handler contract through gatekit's Python and Node runtimes (and a provided
/// one's over-large answer): context, one ordered log stream, bounded lines, caps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_runtimes_through_boto3() {
    run("lambda_runtime_boto3.py").await;
}
