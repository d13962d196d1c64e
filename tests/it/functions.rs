//! Functions end to end on the local target, through the built binary: the bundled
//! example deployed, its functions invoked through each language's SDK, a second
//! deploy that uploads nothing, a code change that uploads one package, function
//! errors as results, the log, and destroy.

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

use crate::support::{copy_dir, example, gatekit};

fn run(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    gatekit().current_dir(dir).args(args).assert()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = gatekit()
        .current_dir(dir)
        .args(args)
        .args(["-o", "json"])
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: {e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A project in a fresh folder: `yaml` as gatekit.yaml and `code` as the Python
/// function `f`'s `functions/f/app.py`.
fn python_project(yaml: &str, code: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("functions/f")).expect("mkdir");
    std::fs::write(dir.path().join("gatekit.yaml"), yaml).expect("write");
    std::fs::write(dir.path().join("functions/f/app.py"), code).expect("write");
    dir
}

/// The body of an API-style reply, parsed.
fn body(reply: &serde_json::Value) -> serde_json::Value {
    serde_json::from_str(reply["payload"]["body"].as_str().expect("a body")).expect("JSON body")
}

#[test]
fn the_example_deploys_and_its_functions_run_through_their_sdks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    copy_dir(&example(), p);
    run(p, &["deploy", "--yes"]).success();

    // Node (ES module, AWS SDK v3) writes; Python (boto3) reads it back.
    let created = json(
        p,
        &[
            "invoke",
            "fn",
            "create_todo",
            "--payload",
            r#"{"body": "{\"owner\": \"ann\", \"title\": \"milk\"}"}"#,
        ],
    );
    assert_eq!(created["status_code"], 200);
    assert_eq!(
        created["function_error"],
        serde_json::Value::Null,
        "{created}"
    );
    assert_eq!(created["payload"]["statusCode"], 201, "{created}");
    let id = body(&created)["id"].as_str().expect("an id").to_string();
    let listed = json(
        p,
        &[
            "fn",
            "invoke",
            "list_todos",
            "--payload",
            r#"{"queryStringParameters": {"owner": "ann"}}"#,
        ],
    );
    let items = body(&listed)["items"].clone();
    assert_eq!(items[0]["id"], id.as_str(), "{listed}");
    assert_eq!(items[0]["title"], "milk");

    // A second deploy: nothing to upload, nothing to update.
    run(p, &["plan"]).success().stdout(contains("0 to update"));
    run(p, &["deploy", "--yes", "-o", "json"])
        .success()
        .stdout(contains("\"nothing_to_do\"").or(contains("nothing")));

    // A code change: one package uploaded, both functions that share it updated.
    std::fs::write(p.join("functions/todos/extra.py"), "ANSWER = 42\n").expect("write");
    run(p, &["plan"])
        .success()
        .stdout(contains("~ function list_todos"))
        .stdout(contains("~ function get_todo"))
        .stdout(contains("~ function create_todo").not());
    run(p, &["deploy", "--yes"]).success();
    run(p, &["plan"]).success().stdout(contains("0 to update"));

    // A function error is a result: the payload on stdout, the error on stderr, exit 1.
    let out = gatekit()
        .current_dir(p)
        .args(["invoke", "fn", "get_todo", "--payload", "[1]", "--logs"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the error payload");
    assert!(stdout["errorType"].is_string(), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("function `get_todo` failed"), "{stderr}");
    assert!(
        stderr.contains("REPORT RequestId"),
        "the log's tail: {stderr}"
    );

    // Asynchronous: accepted with a request id.
    let accepted = json(p, &["invoke", "fn", "list_todos", "--event"]);
    assert_eq!(accepted["status_code"], 202);
    assert!(accepted["request_id"].is_string(), "{accepted}");

    // The list, one function, its log.
    let list = json(p, &["fn", "list"]);
    assert_eq!(list.as_array().map(Vec::len), Some(3), "{list}");
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|f| f["state"] == "Active")
    );
    let shown = json(p, &["fn", "show", "list_todos"]);
    assert_eq!(shown["physical_name"], "todo-local-list_todos");
    assert_eq!(shown["environment"]["TABLE"], "todo-local-todos");
    assert_eq!(shown["memory"], 256);
    assert!(
        shown["role_policy"]["Statement"][0]["Action"]
            .as_array()
            .is_some_and(|a| a.contains(&serde_json::json!("dynamodb:Query"))),
        "the policy made from access: {shown}"
    );
    run(p, &["fn", "logs", "list_todos", "--since", "1h"])
        .success()
        .stdout(contains("START RequestId"));
    run(p, &["invoke", "fn", "nosuch"])
        .code(4)
        .stderr(contains("no function `nosuch`"));

    // Roles made from `access:` are enforced: without read access, the Query is
    // refused by the local DynamoDB, in AWS's words.
    let yaml = std::fs::read_to_string(p.join("gatekit.yaml")).expect("read");
    let without = yaml.replacen(
        "    environment: { TABLE: \"${tables.todos.name}\" }\n    access: { todos: read }\n  get_todo:",
        "    environment: { TABLE: \"${tables.todos.name}\" }\n  get_todo:",
        1,
    );
    assert_ne!(yaml, without, "the example's list_todos has read access");
    std::fs::write(p.join("gatekit.yaml"), without).expect("write");
    run(p, &["plan"])
        .success()
        .stdout(contains("~ role list_todos"));
    run(p, &["deploy", "--yes"]).success();
    let denied = json(
        p,
        &[
            "invoke",
            "fn",
            "list_todos",
            "--payload",
            r#"{"queryStringParameters": {"owner": "ann"}}"#,
        ],
    );
    assert_eq!(denied["function_error"], "Unhandled", "{denied}");
    let message = denied["payload"]["errorMessage"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("AccessDeniedException")
            && message.contains("is not authorized to perform: dynamodb:Query"),
        "{message}"
    );

    // Destroy removes the functions with the table.
    run(p, &["destroy", "--yes", "--allow-data-loss"]).success();
    let after = json(p, &["fn", "list"]);
    assert!(
        after
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["state"] == "not deployed"),
        "{after}"
    );
}

/// A wheel pip can install offline: `greeting` with `HELLO`.
fn write_wheel(path: &Path) {
    let script = format!(
        r#"import zipfile
z = zipfile.ZipFile({:?}, "w")
z.writestr("greeting/__init__.py", "HELLO = 'hello from a dependency'\n")
z.writestr("greeting-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: greeting\nVersion: 1.0\n")
z.writestr("greeting-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
z.writestr("greeting-1.0.dist-info/RECORD", "greeting/__init__.py,,\ngreeting-1.0.dist-info/METADATA,,\ngreeting-1.0.dist-info/WHEEL,,\ngreeting-1.0.dist-info/RECORD,,\n")
z.close()
"#,
        path.display().to_string()
    );
    let ok = std::process::Command::new("python3")
        .args(["-c", &script])
        .status()
        .expect("python3 runs");
    assert!(ok.success());
}

/// requirements.txt is installed into the package (pip, offline here: the wheel is
/// a file), once: a second deploy finds it in the cache and uploads nothing.
#[test]
fn requirements_go_into_the_package_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    let code = p.join("functions/f");
    std::fs::create_dir_all(&code).expect("mkdir");
    // The test venv's Python has pip wherever the tests run (a machine's python3
    // may not).
    let python = std::env::var("GATEKIT_PYTHON").unwrap_or_else(|_| "python3".into());
    std::fs::write(
        p.join("gatekit.yaml"),
        format!("project: deps\ntargets:\n  local: {{ python: {python:?} }}\nfunctions:\n  f:\n    runtime: python3.12\n    handler: app.handler\n    exclude: [\"*.whl\"]\n"),
    )
    .expect("write");
    std::fs::write(
        code.join("app.py"),
        "import greeting\n\ndef handler(event, context):\n    return greeting.HELLO\n",
    )
    .expect("write");
    write_wheel(&code.join("greeting-1.0-py3-none-any.whl"));
    std::fs::write(
        code.join("requirements.txt"),
        "./greeting-1.0-py3-none-any.whl\n",
    )
    .expect("write");
    run(p, &["deploy", "--yes"])
        .success()
        .stderr(contains("requirements.txt (pip)"));
    let out = json(p, &["invoke", "fn", "f"]);
    assert_eq!(out["payload"], "hello from a dependency", "{out}");
    run(p, &["deploy", "--yes"])
        .success()
        .stderr(contains("(pip)").not())
        .stdout(contains("Nothing to deploy"));
}

/// Code changed outside gatekit (its CodeSha256 is not the one recorded): plan says
/// so, and deploy puts the project's code back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_changed_outside_gatekit_is_noticed_and_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().to_path_buf();
    std::fs::create_dir_all(p.join("functions/f")).expect("mkdir");
    std::fs::write(
        p.join("gatekit.yaml"),
        "project: drift\nfunctions:\n  f: { runtime: python3.12, handler: app.handler }\n",
    )
    .expect("write");
    std::fs::write(
        p.join("functions/f/app.py"),
        "def handler(event, context):\n    return 'ours'\n",
    )
    .expect("write");
    run(&p, &["deploy", "--yes"]).success();
    // Someone uploads other code with the AWS SDK, to the server on the store.
    let server = crate::local_server::serve(&p.join(".gatekit/local"));
    let lambda = crate::lambda::lambda_client(&server.endpoint);
    lambda
        .update_function_code()
        .function_name("drift-local-f")
        .zip_file(aws_sdk_lambda::primitives::Blob::new(crate::support::zip(
            &[(
                "app.py",
                "def handler(event, context):\n    return 'theirs'\n",
            )],
        )))
        .send()
        .await
        .expect("update code");
    let q = p.clone();
    tokio::task::spawn_blocking(move || {
        run(&q, &["plan"])
            .success()
            .stdout(contains("changed outside gatekit"));
        run(&q, &["deploy", "--yes"]).success();
        let out = json(&q, &["invoke", "fn", "f"]);
        assert_eq!(out["payload"], "ours", "{out}");
        run(&q, &["plan"]).success().stdout(contains("0 to update"));
    })
    .await
    .expect("the commands ran");
    drop(server);
}

/// Lambda's limits and a failing build are refused before any call, naming the
/// function: an environment over 4 KB, a build command that fails.
#[test]
fn limits_and_build_failures_are_refused_before_any_call() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir_all(p.join("functions/f")).expect("mkdir");
    std::fs::write(
        p.join("functions/f/app.py"),
        "def handler(e, c):\n    return 1\n",
    )
    .expect("write");
    let big = "x".repeat(5000);
    std::fs::write(
        p.join("gatekit.yaml"),
        format!(
            "project: lim\nfunctions:\n  f:\n    runtime: python3.12\n    handler: app.handler\n    environment: {{ BIG: \"{big}\" }}\n"
        ),
    )
    .expect("write");
    run(p, &["deploy", "--yes"])
        .code(2)
        .stderr(contains("the environment of `f` takes 5003 bytes"));
    std::fs::write(
        p.join("gatekit.yaml"),
        "project: lim\nfunctions:\n  f:\n    runtime: python3.12\n    handler: app.handler\n    build: echo building; exit 7\n    artifact: functions/f\n",
    )
    .expect("write");
    run(p, &["plan"])
        .code(2)
        .stderr(contains(
            "function `f`: the build command `echo building; exit 7` failed",
        ))
        .stderr(contains("7"));
    // Nothing was made.
    run(p, &["fn", "list", "-o", "json"])
        .success()
        .stdout(contains("not deployed"));
}

/// Deploy converges from the states an interrupted run leaves: a role made but its
/// policy not yet put, a function whose new code is in but whose code tags are not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deploy_converges_from_what_an_interrupted_run_leaves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().to_path_buf();
    std::fs::create_dir_all(p.join("functions/f")).expect("mkdir");
    std::fs::write(
        p.join("gatekit.yaml"),
        "project: halt\ntables:\n  t: { key: { partition: pk:S } }\nfunctions:\n  f: { runtime: python3.12, handler: app.handler, access: { t: read } }\n",
    )
    .expect("write");
    std::fs::write(
        p.join("functions/f/app.py"),
        "def handler(e, c):\n    return 1\n",
    )
    .expect("write");
    run(&p, &["deploy", "--yes"]).success();
    {
        let server = crate::local_server::serve(&p.join(".gatekit/local"));
        let iam: aws_sdk_iam::Client = local_client!(aws_sdk_iam, &server.endpoint);
        iam.delete_role_policy()
            .role_name("halt-local-f")
            .policy_name("gatekit")
            .send()
            .await
            .expect("the policy goes, as if never put");
        let lambda = crate::lambda::lambda_client(&server.endpoint);
        let arn = "arn:aws:lambda:us-east-1:000000000000:function:halt-local-f";
        lambda
            .untag_resource()
            .resource(arn)
            .tag_keys("gatekit:code-digest")
            .tag_keys("gatekit:code-sha256")
            .send()
            .await
            .expect("the code tags go, as if never written");
    }
    let q = p.clone();
    tokio::task::spawn_blocking(move || {
        run(&q, &["plan"])
            .success()
            .stdout(contains("~ role f"))
            .stdout(contains("~ function f"));
        run(&q, &["deploy", "--yes"]).success();
        run(&q, &["plan", "--detailed-exitcode"]).code(0);
    })
    .await
    .expect("the commands ran");
}

/// package.json's dependencies go into the package's node_modules (npm, offline
/// here: a `file:` dependency), and the handler imports them.
#[test]
fn node_dependencies_go_into_the_package() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    let code = p.join("functions/f");
    std::fs::create_dir_all(code.join("greet")).expect("mkdir");
    std::fs::write(
        p.join("gatekit.yaml"),
        "project: nodedeps\nfunctions:\n  f:\n    runtime: nodejs22.x\n    handler: index.handler\n    exclude: [\"greet/\"]\n",
    )
    .expect("write");
    std::fs::write(
        code.join("package.json"),
        r#"{"name": "f", "version": "1.0.0", "dependencies": {"greet": "file:./greet"}}"#,
    )
    .expect("write");
    std::fs::write(
        code.join("greet/package.json"),
        r#"{"name": "greet", "version": "1.0.0", "main": "index.js"}"#,
    )
    .expect("write");
    std::fs::write(
        code.join("greet/index.js"),
        "module.exports = { hello: () => 'hello from node_modules' };\n",
    )
    .expect("write");
    std::fs::write(
        code.join("index.mjs"),
        "import greet from 'greet';\nexport const handler = async () => greet.hello();\n",
    )
    .expect("write");
    run(p, &["deploy", "--yes"])
        .success()
        .stderr(contains("(npm)"));
    let out = json(p, &["invoke", "fn", "f"]);
    assert_eq!(out["payload"], "hello from node_modules", "{out}");
    assert!(
        !code.join("node_modules").exists(),
        "the code folder stays as it was"
    );
}

/// `fn logs --follow` prints the lines of invocations made after it started.
#[test]
fn logs_follow_prints_new_lines_as_they_come() {
    use std::io::BufRead;
    let dir = python_project(
        "project: follow\nfunctions:\n  f: { runtime: python3.12, handler: app.handler }\n",
        "def handler(event, context):\n    print('marker', event['n'])\n    return 1\n",
    );
    let p = dir.path();
    run(p, &["deploy", "--yes"]).success();
    let mut follow = std::process::Command::new(assert_cmd::cargo::cargo_bin("gatekit"))
        .current_dir(p)
        .env("NO_COLOR", "1")
        .args(["fn", "logs", "f", "--follow"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("follows");
    let stdout = follow.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // Once the follower owns the store (its server's record is written), invoke
    // talks to it.
    let record = p.join(".gatekit/local/server.json");
    for _ in 0..600 {
        if record.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(record.exists(), "the follower started its emulator");
    run(p, &["invoke", "fn", "f", "--payload", r#"{"n": 41}"#]).success();
    let mut seen = false;
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        if line.contains("marker 41") {
            seen = true;
            break;
        }
    }
    let _ = follow.kill();
    let _ = follow.wait();
    assert!(seen, "the invocation's line came through --follow");
}

/// Without the SDK anywhere and no way to install it, a local deploy says so in one
/// line and goes on; the next one does not try again within the hour.
#[test]
fn a_failed_sdk_install_is_one_line_and_not_retried_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    // A Python that sees no site-packages and whose pip cannot reach any index.
    let python = p.join("offline-python");
    std::fs::write(
        &python,
        "#!/bin/sh\nif [ \"$1\" = \"-m\" ] && [ \"$2\" = \"pip\" ]; then echo 'ERROR: No matching distribution found for boto3' >&2; exit 1; fi\nexec python3 -S \"$@\"\n",
    )
    .expect("write");
    std::fs::set_permissions(&python, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    std::fs::create_dir_all(p.join("functions/f")).expect("mkdir");
    std::fs::write(
        p.join("functions/f/app.py"),
        "def handler(e, c):\n    return 1\n",
    )
    .expect("write");
    std::fs::write(
        p.join("gatekit.yaml"),
        format!(
            "project: sdk\ntargets:\n  local: {{ python: {:?} }}\nfunctions:\n  f: {{ runtime: python3.12, handler: app.handler }}\n",
            python.display().to_string()
        ),
    )
    .expect("write");
    let cache = p.join("cache");
    let deploy = || {
        gatekit()
            .current_dir(p)
            .env("XDG_CACHE_HOME", &cache)
            .args(["deploy", "--yes"])
            .assert()
            .success()
    };
    deploy()
        .stderr(contains("installing boto3"))
        .stderr(contains("No matching distribution found for boto3"))
        .stderr(contains("gatekit local sdk install"));
    deploy()
        .stderr(contains("installing boto3").not())
        .stderr(contains("boto3 is not installed for local functions"));
}

/// The example's API deployed to the local target: POST /todos through the stage
/// writes a todo, GET /todos?owner=ann reads it back, and a second deploy has
/// nothing to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_examples_api_routes_to_its_functions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().to_path_buf();
    copy_dir(&example(), &p);
    let q = p.clone();
    tokio::task::spawn_blocking(move || {
        run(&q, &["deploy", "--yes"]).success();
        run(&q, &["plan"])
            .success()
            .stdout(contains("= api todo_api"))
            .stdout(contains("0 to update"));
        // Through the commands: invoke api, api list, api routes. create_todo names
        // the API's URL (`${apis.todo_api.url}`), set by the first deploy's second pass.
        let post = |q: &std::path::Path| {
            json(
                q,
                &[
                    "invoke",
                    "api",
                    "POST",
                    "/todos",
                    "--data",
                    r#"{"owner": "bob", "title": "tea"}"#,
                ],
            )
        };
        let made = post(&q);
        assert_eq!(made["body"]["title"], "tea", "{made}");
        let url = json(&q, &["api", "url"])["url"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(
            url.starts_with("http://127.0.0.1:4566/_aws/execute-api/") && url.ends_with("/v1"),
            "{url}"
        );
        assert!(
            made["headers"]["location"]
                .as_str()
                .is_some_and(|l| l.starts_with(&format!("{url}/todos/"))),
            "{made}"
        );
        // The local port decides the URL; a new port updates what names it.
        let yaml = std::fs::read_to_string(q.join("gatekit.yaml")).expect("read");
        let moved = yaml.replacen("  local: {}", "  local: { port: 4599 }", 1);
        assert_ne!(yaml, moved);
        std::fs::write(q.join("gatekit.yaml"), moved).expect("write");
        run(&q, &["plan"]).success().stdout(contains("API_URL"));
        run(&q, &["deploy", "--yes"]).success();
        let made = post(&q);
        assert!(
            made["headers"]["location"]
                .as_str()
                .is_some_and(|l| l.starts_with("http://127.0.0.1:4599/_aws/execute-api/")),
            "{made}"
        );
        std::fs::write(q.join("gatekit.yaml"), yaml).expect("write");
        run(&q, &["deploy", "--yes"]).success();
        let got = json(
            &q,
            &[
                "invoke",
                "api",
                "todo_api",
                "GET",
                "/todos",
                "--query",
                "owner=bob",
            ],
        );
        assert_eq!(got["status"], 200, "{got}");
        assert_eq!(got["body"]["items"][0]["title"], "tea", "{got}");
        run(&q, &["invoke", "api", "GET", "/nothing"])
            .code(1)
            .stdout(contains("Missing Authentication Token"));
        // CORS: the preflight, and the gateway's own errors, carry the headers.
        let missing = json(&q, &["invoke", "api", "GET", "/nothing"]);
        assert_eq!(missing["status"], 403);
        assert_eq!(
            missing["headers"]["access-control-allow-origin"], "*",
            "{missing}"
        );
        let preflight = json(&q, &["invoke", "api", "OPTIONS", "/todos"]);
        assert_eq!(preflight["status"], 200, "{preflight}");
        assert!(
            preflight["headers"]["access-control-allow-methods"]
                .as_str()
                .is_some_and(|m| m.contains("POST")),
            "{preflight}"
        );
        let list = json(&q, &["api", "list"]);
        assert_eq!(list[0]["routes"], 3, "{list}");
        // CORS removed: no preflight, and the gateway's own errors lose the headers.
        let yaml = std::fs::read_to_string(q.join("gatekit.yaml")).expect("read");
        let cors =
            "    cors: { origins: [\"*\"], methods: [GET, POST], headers: [content-type] }\n";
        assert!(yaml.contains(cors));
        std::fs::write(q.join("gatekit.yaml"), yaml.replacen(cors, "", 1)).expect("write");
        run(&q, &["deploy", "--yes"]).success();
        let missing = json(&q, &["invoke", "api", "GET", "/nothing"]);
        assert_eq!(missing["status"], 403, "{missing}");
        assert!(
            missing["headers"]
                .get("access-control-allow-origin")
                .is_none(),
            "{missing}"
        );
        assert_eq!(
            json(&q, &["invoke", "api", "OPTIONS", "/todos"])["status"],
            403
        );
        std::fs::write(q.join("gatekit.yaml"), &yaml).expect("write");
        run(&q, &["deploy", "--yes"]).success();
        // Stage variables and binary media types: set, and converged.
        let yaml = std::fs::read_to_string(q.join("gatekit.yaml")).expect("read");
        let more = yaml.replacen(
            "    stage: v1\n",
            "    stage: v1\n    variables: { level: debug }\n    binary_media_types: [image/png]\n",
            1,
        );
        assert_ne!(yaml, more);
        std::fs::write(q.join("gatekit.yaml"), more).expect("write");
        run(&q, &["plan"])
            .success()
            .stdout(contains("variable.level"))
            .stdout(contains("binary_media_types"));
        run(&q, &["deploy", "--yes"]).success();
        run(&q, &["plan"]).success().stdout(contains("0 to update"));
        // The API's reference, from the deployed routes (GetExport).
        let docs = gatekit()
            .current_dir(&q)
            .args(["api", "docs"])
            .output()
            .expect("docs");
        let doc: serde_json::Value = serde_json::from_slice(&docs.stdout).expect("OpenAPI JSON");
        assert_eq!(doc["openapi"], "3.0.1");
        assert!(
            doc["paths"]["/todos/{id}"]["get"]["x-amazon-apigateway-integration"]["uri"]
                .as_str()
                .is_some_and(|u| u.contains("function:todo-local-get_todo")),
            "{doc}"
        );
        assert_eq!(
            doc["paths"]["/todos/{id}"]["get"]["parameters"][0]["name"],
            "id"
        );
        run(
            &q,
            &[
                "api",
                "docs",
                "--format",
                "openapi-yaml",
                "--out",
                "api.yaml",
            ],
        )
        .success();
        let yaml = std::fs::read_to_string(q.join("api.yaml")).expect("written");
        assert!(yaml.starts_with("\"openapi\": \"3.0.1\"\n"), "{yaml}");
        // The reference page to hand to the API's users: one file, nothing from elsewhere.
        run(
            &q,
            &["api", "docs", "--format", "html", "--out", "api.html"],
        )
        .success();
        let html = std::fs::read_to_string(q.join("api.html")).expect("written");
        assert!(html.starts_with("<!doctype html>"), "{html}");
        assert!(html.contains("<code>/todos/{id}</code>"), "{html}");
        assert!(html.contains("<code>todo-local-get_todo</code>"), "{html}");
        assert!(html.contains(&format!("{url}/todos")), "{html}");
        assert!(
            !html.contains("<script") && !html.contains("<link"),
            "{html}"
        );
        let routes = json(&q, &["api", "routes"]);
        assert!(
            routes.as_array().is_some_and(|r| r
                .iter()
                .any(|x| x["path"] == "/todos/{id}" && x["function"] == "todo-local-get_todo")),
            "{routes}"
        );
    })
    .await
    .expect("deployed");
    let server = crate::local_server::serve(&p.join(".gatekit/local"));
    let ep = server.endpoint.clone();
    // `local serve` names the deployed stage's URL.
    let printed = server.started["apis"][0]["url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        printed.starts_with(&format!("{ep}/_aws/execute-api/")) && printed.ends_with("/v1"),
        "{}",
        server.started
    );
    // `local serve` serves every deployed stage's reference page.
    let docs = server.started["apis"][0]["docs"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let (index, page) = tokio::task::spawn_blocking({
        let (ep, docs) = (ep.clone(), docs.clone());
        move || {
            let get = |path: &str| crate::wire::http_text(&ep, "GET", path, &[], b"");
            (get("/_gatekit/apis/"), get(docs.trim_start_matches(&ep)))
        }
    })
    .await
    .expect("pages");
    assert_eq!(index.0, 200, "{index:?}");
    assert!(index.2.contains("todo-local-todo_api (v1)"), "{index:?}");
    assert_eq!(page.0, 200, "{docs}: {page:?}");
    assert!(
        page.1
            .to_ascii_lowercase()
            .contains("content-type: text/html"),
        "{page:?}"
    );
    assert!(page.2.contains("<code>/todos/{id}</code>"), "{page:?}");
    let apigw: aws_sdk_apigateway::Client = local_client!(aws_sdk_apigateway, &ep);
    let apis = apigw.get_rest_apis().send().await.expect("apis");
    let api = apis
        .items()
        .iter()
        .find(|a| a.name() == Some("todo-local-todo_api"))
        .expect("the example's API");
    let id = api.id().expect("id").to_string();
    let base = format!("/_aws/execute-api/{id}/v1");
    let (status, made) = tokio::task::spawn_blocking({
        let (ep, base) = (ep.clone(), base.clone());
        move || {
            crate::wire::http(
                &ep,
                "POST",
                &format!("{base}/todos"),
                &[("Content-Type", "application/json")],
                br#"{"owner": "ann", "title": "milk"}"#,
            )
        }
    })
    .await
    .expect("posted");
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["title"], "milk");
    let (status, listed) = tokio::task::spawn_blocking(move || {
        crate::wire::http(&ep, "GET", &format!("{base}/todos?owner=ann"), &[], b"")
    })
    .await
    .expect("listed");
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["items"][0]["title"], "milk", "{listed}");
    drop(server);
}

/// A function triggered by a table's changes, from gatekit.yaml: the plan makes
/// the stream, the role's stream access and the trigger; `table put` runs the
/// function before it exits; with `--no-wait` the next command delivers; a change of
/// settings is made in place, a new stream view remakes the trigger, and removing
/// `events` deletes it.
#[test]
fn a_table_change_runs_its_trigger_from_gatekit_yaml() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir_all(p.join("functions/on_todo")).expect("mkdir");
    let yaml = |events: &str, stream: &str| {
        format!(
            "project: trig\ntables:\n  todos:\n    key: {{ partition: id:S }}\n{stream}functions:\n  on_todo:\n    runtime: python3.12\n    handler: app.handler\n{events}"
        )
    };
    let events = "    events:\n      - table: todos\n        batch_size: 10\n        filter: { eventName: [INSERT, MODIFY] }\n";
    std::fs::write(p.join("gatekit.yaml"), yaml(events, "")).expect("write");
    std::fs::write(
        p.join("functions/on_todo/app.py"),
        "def handler(event, context):\n    for r in event['Records']:\n        print('saw', r['eventName'], r['dynamodb']['Keys']['id']['S'], r['dynamodb']['StreamViewType'])\n    return 1\n",
    )
    .expect("write");
    let plan = json(p, &["plan"]);
    let actions = plan["actions"].as_array().expect("actions");
    let trigger = actions
        .iter()
        .find(|a| a["kind"] == "trigger")
        .unwrap_or_else(|| panic!("a trigger in {plan}"));
    assert_eq!(trigger["name"], "on_todo.todos");
    assert_eq!(trigger["op"], "create");
    run(p, &["deploy", "--yes"]).success();
    run(p, &["plan"]).success().stdout(contains("0 to update"));

    let logs = |p: &Path| {
        let out = gatekit()
            .current_dir(p)
            .args(["fn", "logs", "on_todo"])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The command's own emulator delivers what the put caused before it exits.
    run(p, &["table", "put", "todos", r#"{"id":"a"}"#]).success();
    assert!(
        logs(p).contains("saw INSERT a NEW_AND_OLD_IMAGES"),
        "{}",
        logs(p)
    );
    // Filtered out: a REMOVE never reaches the function.
    run(p, &["table", "delete", "todos", "id=a"]).success();
    assert!(!logs(p).contains("saw REMOVE"), "{}", logs(p));
    // --no-wait leaves the record; the next command on the store delivers it.
    run(p, &["table", "put", "todos", r#"{"id":"b"}"#, "--no-wait"]).success();
    run(p, &["table", "scan", "todos"]).success();
    assert!(logs(p).contains("saw INSERT b"), "{}", logs(p));

    // A setting changes in place; a new stream view makes the trigger again.
    let changed = events.replace("batch_size: 10", "batch_size: 20");
    std::fs::write(p.join("gatekit.yaml"), yaml(&changed, "")).expect("write");
    run(p, &["plan"]).success().stdout(contains("batch_size"));
    run(p, &["deploy", "--yes"]).success();
    std::fs::write(
        p.join("gatekit.yaml"),
        yaml(&changed, "    stream: new_image\n"),
    )
    .expect("write");
    let plan = json(p, &["plan"]);
    let trigger = plan["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["kind"] == "trigger")
        .cloned()
        .expect("a trigger");
    assert_eq!(trigger["op"], "replace", "{plan}");
    run(p, &["deploy", "--yes"]).success();
    run(p, &["plan"]).success().stdout(contains("0 to update"));
    run(p, &["table", "put", "todos", r#"{"id":"c"}"#]).success();
    assert!(logs(p).contains("saw INSERT c NEW_IMAGE"), "{}", logs(p));

    std::fs::write(p.join("gatekit.yaml"), yaml("", "    stream: new_image\n")).expect("write");
    run(p, &["deploy", "--yes"]).success();
    run(p, &["table", "put", "todos", r#"{"id":"d"}"#]).success();
    assert!(!logs(p).contains("saw INSERT d"), "{}", logs(p));
    run(p, &["plan"]).success().stdout(contains("0 to update"));
}

/// PartiQL made with a function's credentials is checked against its role: `read`
/// allows a SELECT (PartiQLSelect), and an INSERT needs `write` (PartiQLInsert).
#[test]
fn partiql_from_a_function_is_checked_against_its_role() {
    let dir = python_project(
        "project: pq\ntables:\n  notes: { key: { partition: id:S } }\nfunctions:\n  f:\n    runtime: python3.12\n    handler: app.handler\n    environment: { TABLE: \"${tables.notes.name}\" }\n    access: { notes: read }\n",
        "import os, boto3\nfrom botocore.exceptions import ClientError\nddb = boto3.client('dynamodb')\n\ndef handler(event, context):\n    t = os.environ['TABLE']\n    rows = ddb.execute_statement(Statement=f'SELECT * FROM \"{t}\" WHERE id = ?', Parameters=[{'S': 'a'}])['Items']\n    try:\n        ddb.execute_statement(Statement=f\"INSERT INTO \\\"{t}\\\" VALUE {{'id': 'b'}}\")\n        insert = 'allowed'\n    except ClientError as e:\n        insert = e.response['Error']['Code'] + ': ' + e.response['Error']['Message']\n    return {'rows': len(rows), 'insert': insert}\n",
    );
    let p = dir.path();
    run(p, &["deploy", "--yes"]).success();
    run(p, &["table", "put", "notes", r#"{"id":"a"}"#]).success();
    let out = json(p, &["invoke", "fn", "f"]);
    assert_eq!(out["payload"]["rows"], 1, "{out}");
    let insert = out["payload"]["insert"].as_str().unwrap_or_default();
    assert!(
        insert.starts_with("AccessDeniedException")
            && insert.contains("is not authorized to perform: dynamodb:PartiQLInsert"),
        "{insert}"
    );
}

/// `invoke fn --event --wait`: the request id, then the log of its attempts as they
/// run (retries of a failure under the same id) until they end; exit 1 when the
/// retries are spent.
#[test]
fn an_event_is_followed_until_its_attempts_end() {
    let dir = python_project(
        "project: ev\nfunctions:\n  f: { runtime: python3.12, handler: app.handler }\n",
        "def handler(event, context):\n    print('attempt for', event.get('n'))\n    if event.get('fail'):\n        raise ValueError('refused')\n    return 1\n",
    );
    let p = dir.path();
    run(p, &["deploy", "--yes"]).success();
    let ok = run(
        p,
        &[
            "invoke",
            "fn",
            "f",
            "--event",
            "--wait",
            "--payload",
            r#"{"n": 1}"#,
        ],
    )
    .success();
    let out = String::from_utf8_lossy(&ok.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&ok.get_output().stderr);
    assert!(
        out.contains("accepted") && out.contains("attempt for 1"),
        "{out}"
    );
    let failed = run(
        p,
        &[
            "invoke",
            "fn",
            "f",
            "--event",
            "--wait",
            "--payload",
            r#"{"n": 2, "fail": true}"#,
        ],
    )
    .code(1);
    let out = String::from_utf8_lossy(&failed.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&failed.get_output().stderr);
    assert_eq!(
        out.matches("attempt for 2").count(),
        3,
        "tried and retried twice: {out}"
    );
    assert!(out.contains("retries are spent"), "{out}");
}
