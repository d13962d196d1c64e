//! The console: driven in headless Chromium through WebDriver as a user clicks
//! through it under `gatekit dev` (tables, a query, an item edited against its
//! model, a function invoked with its log, an API request; the guard's refusals),
//! and `gatekit console` on a target that is not `local`, read-only unless
//! `--allow-writes`.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use crate::dev::{free_port, start_dev};
use crate::support::stdout_in;

fn yaml(port: u16) -> String {
    format!(
        r#"project: consoleapp
targets:
  local: {{ port: {port} }}
  other: {{ endpoint_url: "http://127.0.0.1:{port}", region: us-east-1 }}
tables:
  todos:
    key: {{ partition: owner:S, sort: id:S }}
    stream: new_and_old_images
    items:
      attributes:
        owner: {{ type: string }}
        id: {{ type: string }}
        status: {{ type: string, enum: [open, done], default: open }}
functions:
  hello:
    runtime: python3.12
    handler: app.handler
    code: hello
apis:
  web:
    routes:
      GET /hello: hello
"#
    )
}

const HANDLER: &str = "def handler(event, context):\n    q = event.get('queryStringParameters') or {}\n    name = event.get('name') or q.get('name') or 'world'\n    print('hello from', name)\n    return {'statusCode': 200, 'body': 'hi ' + name}\n";

fn project(port: u16) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("gatekit.yaml"), yaml(port)).expect("yaml");
    std::fs::create_dir_all(dir.path().join("hello")).expect("mkdir");
    std::fs::write(dir.path().join("hello/app.py"), HANDLER).expect("handler");
    dir
}

#[test]
fn a_user_clicks_through_the_console_in_a_browser() {
    let port = free_port();
    let dir = project(port);
    let (_dev, events) = start_dev(dir.path());
    let ready = events.until("ready", |e| e["event"] == "ready");
    let url = ready["console"]
        .as_str()
        .expect("a console URL")
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:") && url.contains("/_gatekit/?token="));
    stdout_in(
        dir.path(),
        &[
            "table",
            "put",
            "todos",
            "{\"owner\":\"ann\",\"id\":\"1\"}\n{\"owner\":\"ann\",\"id\":\"2\"}\n{\"owner\":\"bob\",\"id\":\"3\"}",
        ],
    );
    let mut cmd = Command::new(crate::boto3::python());
    cmd.arg(crate::support::repo().join("tests/python/console_browser.py"))
        .arg(&url)
        .arg(dir.path());
    if let Some(shot) = std::env::var_os("GATEKIT_CONSOLE_SCREENSHOT") {
        cmd.arg(shot);
    }
    let out = cmd.output().expect("python runs");
    let needs = " (it needs Debian's chromium and chromium-driver, which scripts/test installs)";
    crate::boto3::passed("console_browser.py", &out, needs);
    // The item the browser saved is in the table, as the CLI reads it.
    let item = stdout_in(
        dir.path(),
        &["-o", "json", "table", "get", "todos", "owner=ann", "id=1"],
    );
    assert!(item.contains("\"done\""), "{item}");
}

/// One request to the console with its token: status and body.
fn request(url: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let rest = url.strip_prefix("http://").expect("http");
    let (host, query) = rest.split_once("/_gatekit/?token=").expect("a console URL");
    let mut s = std::net::TcpStream::connect(host).expect("connects");
    write!(
        s,
        "{method} /_gatekit/api/{path} HTTP/1.0\r\nHost: {host}\r\nx-gatekit-token: {query}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("sends");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("reads");
    let status = out[9..12].parse().expect("a status");
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// `gatekit console -t other`, its URL read from its first line.
fn console(dir: &std::path::Path, extra: &[&str]) -> (crate::dev::Dev, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .env("AWS_ACCESS_KEY_ID", "local")
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .arg("-C")
        .arg(dir)
        .args(["-o", "json", "-t", "other", "console", "--no-open"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gatekit console starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("a line");
    let ready: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
    let url = ready["console"].as_str().expect("its URL").to_string();
    (crate::dev::Dev(child), url)
}

#[test]
fn off_local_the_console_reads_and_writes_only_when_allowed() {
    let port = free_port();
    let dir = project(port);
    let (_dev, events) = start_dev(dir.path());
    events.until("ready", |e| e["event"] == "ready");
    let put = r#"{"item":{"owner":"cy","id":"9"}}"#;

    let (_c, url) = console(dir.path(), &[]);
    // The tables dev deployed, by their physical names: target `other` is another
    // deployment of the project, which has none.
    let (status, body) = request(&url, "GET", "tables/consoleapp-local-todos", "");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"item_count\""), "{body}");
    let (status, body) = request(&url, "GET", "overview", "");
    assert!(body.contains("\"writes\":false"), "{status} {body}");
    let (status, body) = request(&url, "POST", "tables/consoleapp-local-todos/put", put);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("read-only"), "{body}");
    let invoke = r#"{"payload":"{}"}"#;
    let (status, body) = request(
        &url,
        "POST",
        "functions/consoleapp-local-hello/invoke",
        invoke,
    );
    assert_eq!(status, 400, "{body}");
    let (status, body) = request(&url, "POST", "tables/consoleapp-local-todos/read", "{}");
    assert!(
        status == 200 && body.contains("\"count\":0"),
        "{status} {body}"
    );

    let (_c, url) = console(dir.path(), &["--allow-writes"]);
    let (status, body) = request(&url, "POST", "tables/consoleapp-local-todos/put", put);
    assert_eq!(status, 200, "{body}");
    let (status, body) = request(
        &url,
        "POST",
        "functions/consoleapp-local-hello/invoke",
        invoke,
    );
    assert!(
        status == 200 && body.contains("hi world"),
        "{status} {body}"
    );

    // What the page would never send: refused with a message, nothing written.
    let (status, body) = request(
        &url,
        "POST",
        "tables/consoleapp-local-todos/put",
        "{\"item\":",
    );
    assert!(
        status == 400 && body.contains("not what the console expects"),
        "{status} {body}"
    );
    let (status, body) = request(&url, "POST", "tables/consoleapp-local-todos/delete", "[]");
    assert_eq!(status, 400, "{body}");
    assert_eq!(oversized(&url), 413);
    let (_, body) = request(&url, "POST", "tables/consoleapp-local-todos/read", "{}");
    assert!(body.contains("\"count\":1"), "{body}");
}

/// A 9 MB body (the console reads 8 MB at most): the status it answers.
fn oversized(url: &str) -> u16 {
    let rest = url.strip_prefix("http://").expect("http");
    let (host, token) = rest.split_once("/_gatekit/?token=").expect("a console URL");
    let mut s = std::net::TcpStream::connect(host).expect("connects");
    let len = 9 * 1024 * 1024;
    let head = format!(
        "POST /_gatekit/api/tables/t/put HTTP/1.1\r\nHost: {host}\r\nx-gatekit-token: {token}\r\nconnection: close\r\ncontent-length: {len}\r\n\r\n"
    );
    s.write_all(head.as_bytes()).expect("sends");
    // The console may answer and close before the whole body is sent.
    let _ = s.write_all(&vec![b' '; len]);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out);
    text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0)
}
