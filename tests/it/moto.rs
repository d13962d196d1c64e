//! plan, deploy (create and update), status and destroy against moto server, a
//! third-party emulator, through `--endpoint-url`: the SDK path is proven against
//! something no one here wrote. `scripts/test` installs moto in the test venv.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{gatekit, repo};

struct Moto(Child);

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn moto() -> (Moto, String) {
    let bin = std::env::var_os("GATEKIT_MOTO")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo().join(".venv/bin/moto_server"));
    assert!(
        bin.exists(),
        "moto_server not found: run the tests with `scripts/test`, or set GATEKIT_MOTO"
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("addr")
        .port();
    let child = Command::new(bin)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("moto_server starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "moto did not open port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Moto(child), format!("http://127.0.0.1:{port}"))
}

const PROJECT: &str = "\
project: shop
targets:
  moto: { region: us-east-1 }
tables:
  orders:
    key: { partition: pk:S, sort: sk:N }
    indexes:
      by_state: { partition: state:S }
    ttl: expires
    tags: { team: core }
";

/// gatekit with test credentials and no AWS files of the machine, and no credential
/// chain beyond loopback.
fn isolated(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = gatekit();
    cmd.current_dir(dir)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .env("AWS_CONFIG_FILE", dir.join("no-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.join("no-credentials"));
    cmd
}

fn run(dir: &std::path::Path, endpoint: &str, args: &[&str]) -> (i32, String) {
    let out = isolated(dir)
        .args(["-t", "moto", "--endpoint-url", endpoint, "-o", "json"])
        .args(args)
        .output()
        .expect("gatekit runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn plan_deploy_status_destroy_against_moto() {
    let (_moto, endpoint) = moto();
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(p.join("gatekit.yaml"), PROJECT).expect("write");

    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("\"op\": \"create\""), "{out}");
    let (code, out) = run(p, &endpoint, &["deploy"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "deploy converged on moto: {out}");

    // An in-place update: a new index, TTL and tags.
    let changed = PROJECT
        .replace("    ttl: expires\n", "    ttl: gone_at\n")
        .replace("    tags: { team: core }", "    tags: { team: web }")
        .replace(
            "      by_state: { partition: state:S }",
            "      by_state: { partition: state:S }\n      by_day: { partition: day:S }",
        );
    std::fs::write(p.join("gatekit.yaml"), changed).expect("write");
    let (code, out) = run(p, &endpoint, &["deploy"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"action\":\"update\""), "{out}");
    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "the update converged on moto: {out}");

    let (code, out) = run(p, &endpoint, &["status"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("shop-moto-orders"), "{out}");

    // Everyday data access against moto too.
    let (code, out) = run(
        p,
        &endpoint,
        &[
            "table",
            "put",
            "orders",
            r#"{"pk":"a","sk":1,"state":"open","tags":["x"]}"#,
        ],
    );
    assert_eq!(code, 0, "{out}");
    std::fs::write(
        p.join("more.jsonl"),
        "{\"pk\":\"a\",\"sk\":2,\"state\":\"done\"}\n{\"pk\":\"b\",\"sk\":1}\n",
    )
    .expect("write");
    let (code, out) = run(p, &endpoint, &["table", "import", "orders", "more.jsonl"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(p, &endpoint, &["table", "get", "orders", "pk=a", "sk=1"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"state\": \"open\""), "{out}");
    let (code, out) = run(
        p,
        &endpoint,
        &[
            "table",
            "query",
            "orders",
            "pk = \"a\"",
            "--where",
            "state = \"done\"",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"count\": 1"), "{out}");
    let (code, out) = run(
        p,
        &endpoint,
        &[
            "table", "update", "orders", "pk=a", "sk=1", "--set", "n = 1", "--add", "visits 1",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(p, &endpoint, &["table", "count", "orders"]);
    assert_eq!((code, out.contains("\"count\": 3")), (0, true), "{out}");
    let (code, out) = run(p, &endpoint, &["table", "export", "orders"]);
    assert_eq!((code, out.lines().count()), (0, 3), "{out}");
    let (code, out) = run(p, &endpoint, &["table", "delete", "orders", "pk=b", "sk=1"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(
        p,
        &endpoint,
        &[
            "table",
            "scan",
            "orders",
            "--parallel",
            "2",
            "--where",
            "state exists",
        ],
    );
    assert_eq!((code, out.contains("\"count\": 2")), (0, true), "{out}");
    let (code, out) = run(p, &endpoint, &["table", "list"]);
    assert_eq!((code, out.contains("shop-moto-orders")), (0, true), "{out}");
    let (code, out) = run(p, &endpoint, &["table", "describe", "orders"]);
    assert_eq!((code, out.contains("by_state")), (0, true), "{out}");
    // `--endpoint-url` without `-t` is an ad-hoc AWS-API target, as with the AWS CLI:
    // the same tables, reached with the AWS environment's region and credentials.
    let adhoc = isolated(p)
        .args([
            "table",
            "list",
            "--all",
            "--endpoint-url",
            &endpoint,
            "-o",
            "json",
        ])
        .env("AWS_REGION", "us-east-1")
        .output()
        .expect("gatekit runs");
    let listed = String::from_utf8_lossy(&adhoc.stdout);
    assert!(
        adhoc.status.success() && listed.contains("shop-moto-orders"),
        "{listed}{}",
        String::from_utf8_lossy(&adhoc.stderr)
    );
    let (code, out) = run(p, &endpoint, &["destroy", "--yes", "--allow-data-loss"]);
    assert_eq!(code, 0, "{out}");
    let (_, out) = run(p, &endpoint, &["status"]);
    assert!(out.contains("\"resources\": []"), "{out}");
}

/// The example's functions and the roles made from their `access:`, deployed to
/// moto (its Invoke needs Docker, so nothing is invoked there): tags, a plan with
/// nothing to do, an update, destroy.
#[test]
fn functions_and_roles_against_moto() {
    let (_moto, endpoint) = moto();
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    crate::support::copy_dir(&repo().join("examples/todo"), p);
    let yaml = std::fs::read_to_string(p.join("gatekit.yaml")).expect("read");
    let yaml = yaml.replacen("targets:\n", "targets:\n  moto: { region: us-east-1 }\n", 1);
    std::fs::write(p.join("gatekit.yaml"), &yaml).expect("write");

    let (code, out) = run(p, &endpoint, &["deploy"]);
    assert_eq!(code, 0, "{out}");
    for kind in [
        "\"kind\":\"role\"",
        "\"kind\":\"function\"",
        "\"kind\":\"api\"",
    ] {
        assert!(out.contains(kind), "{kind} in {out}");
    }
    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "functions and roles converged on moto: {out}");
    let (code, out) = run(p, &endpoint, &["fn", "show", "list_todos"]);
    assert_eq!(code, 0, "{out}");
    let shown: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(shown["tags"]["gatekit:project"], "todo");
    assert_eq!(shown["tags"]["gatekit:name"], "list_todos");
    assert_eq!(
        shown["role"], "arn:aws:iam::123456789012:role/todo-moto-list_todos",
        "the role made for it, in moto's account"
    );

    // An update of one function's configuration.
    std::fs::write(
        p.join("gatekit.yaml"),
        yaml.replacen("timeout: 10", "timeout: 20", 1),
    )
    .expect("write");
    let (code, out) = run(p, &endpoint, &["deploy"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"action\":\"update\""), "{out}");
    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "the update converged: {out}");

    // A trigger: the table gets a stream, the role its stream reads, and the
    // mapping is made through Lambda's API; then it converges.
    let triggered = yaml.replacen(
        "    access: { todos: read }\n",
        "    access: { todos: read }\n    events: [{ table: todos, batch_size: 10 }]\n",
        1,
    );
    assert_ne!(triggered, yaml, "the example's list_todos reads todos");
    std::fs::write(p.join("gatekit.yaml"), &triggered).expect("write");
    let (code, out) = run(p, &endpoint, &["deploy"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"kind\":\"trigger\""), "{out}");
    let (code, out) = run(p, &endpoint, &["plan", "--detailed-exitcode"]);
    assert_eq!(code, 0, "the trigger converged on moto: {out}");

    let (code, out) = run(p, &endpoint, &["destroy", "--yes", "--allow-data-loss"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(p, &endpoint, &["status"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("todo-moto-"), "nothing left: {out}");
}
