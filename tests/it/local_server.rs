//! `gatekit local serve|status|reset` as real processes, and the crash test: kill -9
//! during concurrent writes, restart, every acknowledged write is there.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use predicates::str::contains;

use crate::dynamodb::{client_for, create_simple, enable_stream, s};
use crate::support::gatekit;

/// A `gatekit local serve` child, its endpoint, and what it printed at start.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) endpoint: String,
    pub(crate) started: serde_json::Value,
}

/// A failing test must not leave its server running.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn serve(data_dir: &Path) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .args(["local", "serve", "--port", "0", "-o", "json", "--data-dir"])
        .arg(data_dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gatekit local serve starts");
    let started = read_started(&mut child);
    let endpoint = started["endpoint"].as_str().expect("endpoint").to_string();
    Server {
        child,
        endpoint,
        started,
    }
}

/// The endpoint `local serve -o json` prints when it is ready.
pub(crate) fn read_endpoint(child: &mut Child) -> String {
    read_started(child)["endpoint"]
        .as_str()
        .expect("endpoint")
        .to_string()
}

/// The object `local serve -o json` prints when it is ready.
fn read_started(child: &mut Child) -> serde_json::Value {
    let stdout = child.stdout.take().expect("stdout");
    let mut text = String::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        text.push_str(&line);
        if line == "}" {
            break;
        }
    }
    serde_json::from_str(&text).expect("serve prints its endpoint as JSON")
}

fn terminate(server: &mut Server) {
    Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill runs");
    let status = server.child.wait().expect("the server exits");
    assert!(
        status.success(),
        "local serve stops cleanly on SIGTERM: {status:?}"
    );
}

#[test]
fn serve_status_reset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    gatekit()
        .args(["local", "status", "--data-dir"])
        .arg(&store)
        .assert()
        .success()
        .stdout(contains("not running"));
    let mut server = serve(&store);
    let out = gatekit()
        .args(["local", "status", "-o", "json", "--data-dir"])
        .arg(&store)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["running"], true);
    assert_eq!(json["endpoint"].as_str(), Some(server.endpoint.as_str()));
    // A second server on the same store is refused, naming the first.
    gatekit()
        .args(["local", "serve", "--port", "0", "--data-dir"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(contains(server.endpoint.as_str()));
    gatekit()
        .args(["local", "reset", "--yes", "--data-dir"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(contains("stop it first"));
    terminate(&mut server);
    gatekit()
        .args(["local", "reset", "--data-dir"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(contains("--yes"));
    gatekit()
        .args(["local", "reset", "--yes", "--data-dir"])
        .arg(&store)
        .assert()
        .success();
    assert!(!store.join("dynamodb.redb").exists());
    assert!(
        !store.join("lambda").exists(),
        "functions' code goes with their records"
    );
}

#[test]
fn a_killed_server_leaves_a_stale_record_that_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = serve(dir.path());
    server.child.kill().expect("kill -9");
    server.child.wait().expect("reaped");
    gatekit()
        .args(["local", "status", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(contains("no longer running"))
        .stdout(contains("not running"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = serve(dir.path());
    let client = client_for(&server.endpoint);
    create_simple(&client, "crash").await;
    // With a stream: each acknowledged write's record survives the kill too.
    enable_stream(
        &client,
        "crash",
        aws_sdk_dynamodb::types::StreamViewType::KeysOnly,
    )
    .await;
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut writers = Vec::new();
    for w in 0..8 {
        let client = client.clone();
        let acked = acked.clone();
        writers.push(tokio::spawn(async move {
            // Bounded: at most 2,000 writes per writer.
            for i in 0..2000 {
                let key = format!("w{w}-{i}");
                let sent = client
                    .put_item()
                    .table_name("crash")
                    .item("pk", s(&key))
                    .send()
                    .await;
                match sent {
                    Ok(_) => acked.lock().expect("lock").push(key),
                    Err(_) => return,
                }
            }
        }));
    }
    // Kill once a good number of writes are acknowledged, while writers are busy.
    for _ in 0..200 {
        if acked.lock().expect("lock").len() >= 800 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.child.kill().expect("kill -9");
    server.child.wait().expect("reaped");
    for w in writers {
        let _ = w.await;
    }
    let acked = acked.lock().expect("lock").clone();
    assert!(
        acked.len() >= 100,
        "too few writes before the kill: {}",
        acked.len()
    );

    let mut again = serve(dir.path());
    let client = client_for(&again.endpoint);
    let mut present = std::collections::HashSet::new();
    let mut start = None;
    loop {
        let page = client
            .scan()
            .table_name("crash")
            .set_exclusive_start_key(start)
            .send()
            .await
            .expect("scan");
        for item in page.items() {
            present.insert(item["pk"].as_s().expect("pk").clone());
        }
        start = page.last_evaluated_key;
        if start.is_none() {
            break;
        }
    }
    let lost: Vec<&String> = acked.iter().filter(|k| !present.contains(*k)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged writes were lost, e.g. {:?}",
        lost.len(),
        acked.len(),
        lost.first()
    );
    let recorded = tokio::task::spawn_blocking({
        let ep = again.endpoint.clone();
        move || {
            crate::wire::stream_records(&ep, "crash")
                .iter()
                .filter_map(|r| r["dynamodb"]["Keys"]["pk"]["S"].as_str().map(String::from))
                .collect::<std::collections::HashSet<String>>()
        }
    })
    .await
    .expect("records");
    let unrecorded: Vec<&String> = acked.iter().filter(|k| !recorded.contains(*k)).collect();
    assert!(
        unrecorded.is_empty(),
        "{} of {} acknowledged writes lost their stream record, e.g. {:?}",
        unrecorded.len(),
        acked.len(),
        unrecorded.first()
    );
    terminate(&mut again);
}

/// Stream records wait in memory before they go into the store in frames
/// (`stream_log`): a reader following the shard while writers write sees every
/// record once, in order, across several flushes, and a restart keeps them all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_read_while_written_sees_each_record_once_and_keeps_them_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = serve(dir.path());
    let client = client_for(&server.endpoint);
    create_simple(&client, "flow").await;
    enable_stream(
        &client,
        "flow",
        aws_sdk_dynamodb::types::StreamViewType::NewAndOldImages,
    )
    .await;
    // 4 writers × 300 puts of 1 KB items on 150 keys each: INSERTs, then MODIFYs
    // with both images, over a megabyte of records. Writes pause after each third
    // (the writer flushes what waits when idle), so reads cross several flushes.
    const WRITERS: usize = 4;
    const PUTS: usize = 300;
    const ROUNDS: usize = 3;
    let pad = "x".repeat(1000);
    let ep = server.endpoint.clone();
    let reader = tokio::task::spawn_blocking(move || {
        let mut it = crate::wire::stream_start(&ep, "flow");
        let mut seen = Vec::new();
        // Bounded: until every record is read, or 60 s.
        let until = std::time::Instant::now() + Duration::from_secs(60);
        while seen.len() < WRITERS * PUTS && std::time::Instant::now() < until {
            let page = crate::wire::streams(
                &ep,
                "GetRecords",
                serde_json::json!({ "ShardIterator": it }),
            );
            seen.extend(page["Records"].as_array().cloned().unwrap_or_default());
            it = page["NextShardIterator"].clone();
            std::thread::sleep(Duration::from_millis(5));
        }
        (seen, it)
    });
    for round in 0..ROUNDS {
        let mut writers = Vec::new();
        for w in 0..WRITERS {
            let (client, pad) = (client.clone(), pad.clone());
            writers.push(tokio::spawn(async move {
                for i in round * PUTS / ROUNDS..(round + 1) * PUTS / ROUNDS {
                    client
                        .put_item()
                        .table_name("flow")
                        .item("pk", s(&format!("w{w}-{}", i % 150)))
                        .item("n", s(&i.to_string()))
                        .item("pad", s(&pad))
                        .send()
                        .await
                        .expect("put");
                }
            }));
        }
        for w in writers {
            w.await.expect("writer");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let (mut seen, it) = reader.await.expect("reader");
    let seqs = |records: &[serde_json::Value]| -> Vec<u128> {
        records
            .iter()
            .map(|r| {
                r["dynamodb"]["SequenceNumber"]
                    .as_str()
                    .expect("sequence number")
                    .parse()
                    .expect("digits")
            })
            .collect()
    };
    assert_eq!(seen.len(), WRITERS * PUTS, "one record per put");
    // A record is there as soon as its write is acknowledged, before any flush.
    client
        .put_item()
        .table_name("flow")
        .item("pk", s("last"))
        .send()
        .await
        .expect("put");
    let ep = server.endpoint.clone();
    let next = tokio::task::spawn_blocking(move || {
        crate::wire::streams(
            &ep,
            "GetRecords",
            serde_json::json!({ "ShardIterator": it }),
        )
    })
    .await
    .expect("read");
    let last = next["Records"].as_array().cloned().unwrap_or_default();
    assert_eq!(last.len(), 1, "{next}");
    assert_eq!(last[0]["dynamodb"]["Keys"]["pk"]["S"], "last");
    seen.extend(last);
    let read = seqs(&seen);
    assert!(
        read.windows(2).all(|w| w[0] < w[1]),
        "records come once each, in order"
    );
    let modified = seen.iter().filter(|r| r["eventName"] == "MODIFY").count();
    assert_eq!(modified, WRITERS * (PUTS - 150));
    assert!(
        seen.iter()
            .filter(|r| r["eventName"] == "MODIFY")
            .all(|r| r["dynamodb"]["OldImage"]["pad"]["S"] == pad.as_str()),
        "a MODIFY carries the old image"
    );
    terminate(&mut server);

    let mut again = serve(dir.path());
    let ep = again.endpoint.clone();
    let kept = tokio::task::spawn_blocking(move || crate::wire::stream_records(&ep, "flow"))
        .await
        .expect("records");
    assert_eq!(seqs(&kept), read, "a restart keeps every record, once");
    terminate(&mut again);
}

/// GetRecords returns at most 1 MB of records (AWS's limit), whether they still
/// wait in memory or are in the store; the next iterator goes on where it stopped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_records_returns_at_most_a_megabyte_and_the_rest_next() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = serve(dir.path());
    let client = client_for(&server.endpoint);
    create_simple(&client, "big").await;
    enable_stream(
        &client,
        "big",
        aws_sdk_dynamodb::types::StreamViewType::NewImage,
    )
    .await;
    let pad = "p".repeat(300_000);
    for i in 0..5 {
        client
            .put_item()
            .table_name("big")
            .item("pk", s(&format!("k{i}")))
            .item("pad", s(&pad))
            .send()
            .await
            .expect("put");
    }
    let pages = |ep: String| {
        tokio::task::spawn_blocking(move || {
            let mut it = crate::wire::stream_start(&ep, "big");
            let mut sizes = Vec::new();
            for _ in 0..5 {
                let page = crate::wire::streams(
                    &ep,
                    "GetRecords",
                    serde_json::json!({ "ShardIterator": it }),
                );
                let n = page["Records"].as_array().map_or(0, Vec::len);
                if n == 0 {
                    break;
                }
                sizes.push(n);
                it = page["NextShardIterator"].clone();
            }
            sizes
        })
    };
    // Read at once (waiting), then after the writer has flushed them when idle.
    let waiting = pages(server.endpoint.clone()).await.expect("read");
    assert_eq!(
        waiting,
        vec![3, 2],
        "1 MB a page: three 300 KB records, then two"
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    terminate(&mut server);
    let mut again = serve(dir.path());
    let stored = pages(again.endpoint.clone()).await.expect("read");
    assert_eq!(stored, vec![3, 2]);
    terminate(&mut again);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_start_an_emulator_or_use_the_running_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Nothing runs: the command starts its own emulator for its length.
    let own = gatekit::local::Endpoint::connect(dir.path().to_path_buf(), Default::default())
        .await
        .expect("connect");
    assert!(matches!(own, gatekit::local::Endpoint::Embedded(_)));
    let client = client_for(&own.url());
    create_simple(&client, "shared").await;
    own.close().await;
    // A `local serve` runs on the store: commands talk to it, and see the same data.
    let mut server = serve(dir.path());
    let via = gatekit::local::Endpoint::connect(dir.path().to_path_buf(), Default::default())
        .await
        .expect("connect");
    match &via {
        gatekit::local::Endpoint::Running(r) => assert_eq!(r.endpoint, server.endpoint),
        gatekit::local::Endpoint::Embedded(_) => {
            panic!("started a second emulator on a served store")
        }
    }
    let tables = client_for(&via.url())
        .list_tables()
        .send()
        .await
        .expect("list");
    assert_eq!(tables.table_names(), ["shared"]);
    terminate(&mut server);
}

/// `local serve` in a project runs functions with the project's interpreters
/// (`targets.local.python`), as a command's own emulator does: the commands that
/// join it get the same functions.
#[test]
fn local_serve_takes_the_projects_interpreters() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    let marker = p.join("wrapper-ran");
    let wrapper = p.join("py.sh");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\ntouch {}\nexec python3 \"$@\"\n",
            marker.display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::create_dir_all(p.join("functions/f")).expect("mkdir");
    std::fs::write(
        p.join("gatekit.yaml"),
        "project: interp\ntargets:\n  local: { python: ./py.sh }\nfunctions:\n  f: { runtime: python3.12, handler: app.handler }\n",
    )
    .expect("write");
    std::fs::write(
        p.join("functions/f/app.py"),
        "def handler(event, context):\n    return 7\n",
    )
    .expect("write");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .current_dir(p)
        .args(["local", "serve", "--port", "0", "-o", "json"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("local serve starts");
    let endpoint = read_endpoint(&mut child);
    let mut server = Server {
        child,
        endpoint,
        started: serde_json::Value::Null,
    };
    gatekit()
        .current_dir(p)
        .args(["deploy", "--yes"])
        .assert()
        .success();
    gatekit()
        .current_dir(p)
        .args(["invoke", "fn", "f"])
        .assert()
        .success()
        .stdout(contains("7"));
    assert!(
        marker.exists(),
        "the project's interpreter ran the function"
    );
    terminate(&mut server);
}
