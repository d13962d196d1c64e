//! `gatekit dev` as a user runs it: the app deployed, a route called, the handler
//! edited and the change live at the next call, logs in the stream, a broken
//! gatekit.yaml kept out, Ctrl-C ending it with exit 0.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::stdout_in;

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn yaml(port: u16) -> String {
    format!(
        "project: devapp\ntargets:\n  local: {{ port: {port} }}\nfunctions:\n  hello:\n    runtime: python3.12\n    handler: app.handler\n    code: hello\n  built:\n    runtime: nodejs22.x\n    handler: index.handler\n    code: web\n    build: mkdir -p dist && cp src/index.js dist/index.js\n    artifact: web/dist\napis:\n  web:\n    routes:\n      GET /hello: hello\n      GET /built: built\n"
    )
}

const NODE: &str = "exports.handler = async () => ({ statusCode: 200, body: '%s' });\n";

const HANDLER: &str = "def handler(event, context):\n    print('serving', '%s')\n    return {'statusCode': 200, 'body': '%s'}\n";

/// The JSON events `gatekit dev -o json` prints, as they come.
pub(crate) struct Events {
    rx: mpsc::Receiver<serde_json::Value>,
}

impl Events {
    pub(crate) fn until(
        &self,
        what: &str,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        loop {
            let e = self
                .rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no {what} event within 60 s"));
            if pred(&e) {
                return e;
            }
        }
    }
}

fn call(dir: &std::path::Path, path: &str) -> String {
    stdout_in(dir, &["invoke", "api", "GET", path])
        .trim()
        .to_string()
}

/// A plain HTTP/1.0 GET on loopback: the whole response.
fn get(url: &str) -> String {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (host, path) = rest.split_once('/').expect("a path");
    let mut s = std::net::TcpStream::connect(host).expect("connects");
    write!(s, "GET /{path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("sends");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("reads");
    out
}

pub(crate) struct Dev(pub(crate) Child);

impl Drop for Dev {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

/// `gatekit dev -o json` in `dir`, and its events as they come.
pub(crate) fn start_dev(dir: &std::path::Path) -> (Dev, Events) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .env("NO_COLOR", "1")
        .env_remove("GATEKIT_TARGET")
        .env_remove("GATEKIT_OUTPUT")
        .arg("-C")
        .arg(dir)
        .args(["-o", "json", "dev"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gatekit dev starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                let _ = tx.send(v);
            }
        }
    });
    (Dev(child), Events { rx })
}

#[test]
fn a_saved_change_is_live_at_the_next_call() {
    let dir = tempfile::tempdir().expect("tmp");
    let port = free_port();
    std::fs::write(dir.path().join("gatekit.yaml"), yaml(port)).expect("yaml");
    std::fs::create_dir_all(dir.path().join("hello")).expect("mkdir");
    let handler = dir.path().join("hello/app.py");
    std::fs::write(&handler, HANDLER.replace("%s", "v1")).expect("handler");
    std::fs::create_dir_all(dir.path().join("web/src")).expect("mkdir");
    let source = dir.path().join("web/src/index.js");
    std::fs::write(&source, NODE.replace("%s", "b1")).expect("node handler");
    let (dev, events) = start_dev(dir.path());
    let ready = events.until("ready", |e| e["event"] == "ready");
    assert_eq!(
        ready["endpoint"],
        format!("http://127.0.0.1:{port}"),
        "{ready}"
    );
    assert!(
        ready["apis"][0]["url"]
            .as_str()
            .is_some_and(|u| u.contains(&port.to_string())),
        "{ready}"
    );
    assert_eq!(call(dir.path(), "/hello"), "v1");
    let log = events.until("log", |e| {
        e["event"] == "log"
            && e["message"]
                .as_str()
                .is_some_and(|m| m.contains("serving v1"))
    });
    assert_eq!(log["function"], "hello");
    // The request itself, as the stage's access log recorded it.
    let request = events.until("request", |e| e["event"] == "request");
    assert_eq!(
        (
            &request["api"],
            &request["method"],
            &request["status"],
            &request["function"]
        ),
        (&"web".into(), &"GET".into(), &"200".into(), &"hello".into()),
        "{request}"
    );
    assert!(
        request["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("/hello")),
        "{request}"
    );
    assert!(
        request["ms"]
            .as_str()
            .is_some_and(|m| m.parse::<u64>().is_ok()),
        "{request}"
    );

    // An edit: live at the next call, old and new never mixed.
    std::fs::write(&handler, HANDLER.replace("%s", "v2")).expect("edit");
    let applied = events.until("applied", |e| e["event"] == "applied");
    assert!(applied["ms"].as_u64().is_some(), "{applied}");
    assert_eq!(call(dir.path(), "/hello"), "v2");

    // A function with a build: rebuilt on a change to its source, once (what the
    // build writes is not a change of its own).
    assert_eq!(call(dir.path(), "/built"), "b1");
    std::fs::write(&source, NODE.replace("%s", "b2")).expect("edit");
    events.until("applied", |e| e["event"] == "applied");
    assert_eq!(call(dir.path(), "/built"), "b2");
    let quiet_until = std::time::Instant::now() + Duration::from_millis(1500);
    while let Some(left) = quiet_until.checked_duration_since(std::time::Instant::now()) {
        match events.rx.recv_timeout(left) {
            Ok(e) => assert_ne!(
                e["event"], "applied",
                "the build's own output started another deploy: {e}"
            ),
            Err(_) => break,
        }
    }

    // A broken gatekit.yaml: said, and the last good state keeps serving (called
    // at the stage URL: the CLI itself refuses the broken file).
    std::fs::write(
        dir.path().join("gatekit.yaml"),
        yaml(port).replace("handler: app.handler", "handler: app"),
    )
    .expect("break");
    events.until("kept", |e| e["event"] == "kept");
    let url = ready["apis"][0]["url"].as_str().expect("a stage URL");
    let reply = get(&format!("{url}/hello"));
    assert!(reply.ends_with("\r\n\r\nv2"), "{reply}");

    // Ctrl-C: everything stops, exit 0, the port is free again.
    let mut child = dev;
    unsafe {
        libc::kill(child.0.id() as i32, libc::SIGINT);
    }
    let status = child.0.wait().expect("waits");
    assert!(status.success(), "{status:?}");
    assert!(std::net::TcpListener::bind(("127.0.0.1", port)).is_ok());
}

/// A long build runs beside the app: the API keeps answering meanwhile, and Ctrl-C
/// during it ends `gatekit dev` without waiting for it.
#[test]
fn a_long_build_neither_stalls_the_app_nor_ctrl_c() {
    let dir = tempfile::tempdir().expect("tmp");
    let port = free_port();
    let yaml = format!(
        "project: slowapp\ntargets:\n  local: {{ port: {port} }}\nfunctions:\n  hello:\n    runtime: python3.12\n    handler: app.handler\n    code: hello\n  slow:\n    runtime: python3.12\n    handler: app.handler\n    code: slow\n    build: if [ -f go-slow ]; then sleep 20; touch ../built-done; fi\napis:\n  web:\n    routes:\n      GET /hello: hello\n"
    );
    std::fs::write(dir.path().join("gatekit.yaml"), yaml).expect("yaml");
    for f in ["hello", "slow"] {
        std::fs::create_dir_all(dir.path().join(f)).expect("mkdir");
        std::fs::write(dir.path().join(f).join("app.py"), HANDLER.replace("%s", f))
            .expect("handler");
    }
    let (mut dev, events) = start_dev(dir.path());
    let ready = events.until("ready", |e| e["event"] == "ready");
    let url = ready["apis"][0]["url"]
        .as_str()
        .expect("a stage URL")
        .to_string();
    // The build now sleeps: the request is answered while it runs.
    std::fs::write(dir.path().join("slow/go-slow"), "").expect("touch");
    std::thread::sleep(Duration::from_millis(1500));
    let reply = get(&format!("{url}/hello"));
    assert!(reply.ends_with("\r\n\r\nhello"), "{reply}");
    let done = dir.path().join("built-done");
    assert!(!done.exists(), "the request waited for the build");
    unsafe {
        libc::kill(dev.0.id() as i32, libc::SIGINT);
    }
    let status = dev.0.wait().expect("waits");
    assert!(status.success(), "{status:?}");
    assert!(!done.exists(), "Ctrl-C waited for the build");
}
