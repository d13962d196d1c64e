//! The emulator through the AWS CLI, the third client: PartiQL, the Streams API and
//! a stream trigger, as a user types them. `scripts/test` puts the CLI in the venv.

use std::process::Command;

use gatekit::local::{Emulator, EmulatorConfig};
use serde_json::Value as Json;

use crate::support::zip;

/// The venv's `aws`, beside the Python with boto3.
fn aws_cli() -> std::path::PathBuf {
    let python = crate::boto3::python();
    let aws = python.with_file_name("aws");
    assert!(
        aws.exists(),
        "no AWS CLI beside {}: run the tests with `scripts/test`",
        python.display()
    );
    aws
}

/// Runs `aws ARGS` against `endpoint` with explicit credentials (no credential
/// chain, no metadata service) and returns its JSON output.
fn aws(endpoint: &str, args: &[&str]) -> Json {
    let out = Command::new(aws_cli())
        .args(args)
        .args([
            "--endpoint-url",
            endpoint,
            "--region",
            "us-east-1",
            "--output",
            "json",
        ])
        .env("AWS_ACCESS_KEY_ID", "local")
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .output()
        .expect("aws runs");
    assert!(
        out.status.success(),
        "aws {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if out.stdout.iter().all(u8::is_ascii_whitespace) {
        return Json::Null;
    }
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partiql_streams_and_a_trigger_through_the_aws_cli() {
    let emulator = Emulator::start(EmulatorConfig::loopback(None))
        .await
        .expect("the emulator starts");
    let e = emulator.endpoint();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("seen.txt");
    let code = dir.path().join("code.zip");
    std::fs::write(
        &code,
        zip(&[(
            "app.py",
            "import os\ndef handler(event, context):\n    with open(os.environ['OUT'], 'a') as f:\n        for r in event['Records']:\n            f.write(r['eventName'] + ' ' + r['dynamodb']['Keys']['id']['S'] + '\\n')\n",
        )]),
    )
    .expect("zip");
    let (e2, code2, out2) = (e.clone(), code.clone(), out.clone());
    tokio::task::spawn_blocking(move || {
        let e = e2.as_str();
        let table = aws(
            e,
            &[
                "dynamodb", "create-table", "--table-name", "orders",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "--billing-mode", "PAY_PER_REQUEST",
                "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
            ],
        );
        let stream = table["TableDescription"]["LatestStreamArn"]
            .as_str()
            .expect("a stream")
            .to_string();
        aws(
            e,
            &[
                "lambda", "create-function", "--function-name", "sink", "--runtime", "python3.12",
                "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/x",
                "--zip-file", &format!("fileb://{}", code2.display()),
                "--environment", &format!("Variables={{OUT={}}}", out2.display()),
            ],
        );
        let mapping = aws(
            e,
            &[
                "lambda", "create-event-source-mapping", "--function-name", "sink",
                "--event-source-arn", &stream, "--starting-position", "TRIM_HORIZON",
                "--batch-size", "10",
            ],
        );
        assert_eq!(mapping["State"], "Creating", "{mapping}");
        let listed = aws(e, &["lambda", "list-event-source-mappings", "--function-name", "sink"]);
        assert_eq!(listed["EventSourceMappings"][0]["UUID"], mapping["UUID"]);

        // PartiQL writes, parameters and reads.
        aws(e, &["dynamodb", "execute-statement", "--statement", "INSERT INTO orders VALUE {'id': 'a', 'n': 1}"]);
        aws(
            e,
            &[
                "dynamodb", "execute-statement", "--statement",
                "UPDATE orders SET n = n + 1 WHERE id = ?", "--parameters", r#"[{"S": "a"}]"#,
            ],
        );
        let read = aws(e, &["dynamodb", "execute-statement", "--statement", "SELECT n FROM orders WHERE id = 'a'"]);
        assert_eq!(read["Items"][0]["n"]["N"], "2", "{read}");
        let tx = aws(
            e,
            &[
                "dynamodb", "execute-transaction", "--transact-statements",
                r#"[{"Statement": "INSERT INTO orders VALUE {'id': 'b'}"}, {"Statement": "DELETE FROM orders WHERE id = 'a'"}]"#,
            ],
        );
        assert_eq!(tx["Responses"], serde_json::json!([]), "{tx}");

        // The Streams API has the changes, and the trigger delivers them in order.
        let streams = aws(e, &["dynamodbstreams", "list-streams", "--table-name", "orders"]);
        assert_eq!(streams["Streams"][0]["StreamArn"], stream.as_str());
        let mut seen = String::new();
        for _ in 0..400 {
            seen = std::fs::read_to_string(&out2).unwrap_or_default();
            if seen.lines().count() >= 4 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(seen, "INSERT a\nMODIFY a\nINSERT b\nREMOVE a\n");
        aws(e, &["lambda", "delete-event-source-mapping", "--uuid", mapping["UUID"].as_str().unwrap_or_default()]);
        let listed = aws(e, &["lambda", "list-event-source-mappings"]);
        assert_eq!(listed["EventSourceMappings"], serde_json::json!([]));
    })
    .await
    .expect("the CLI checks pass");
    emulator.stop().await;
}
