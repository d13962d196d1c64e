//! Whole outputs as snapshots (insta), one fixture through every format: plan,
//! deploy (text, and JSON events), status, destroy, and the `table` commands.
//! Ports and durations are filtered; JSON events of actions that run in parallel
//! are sorted, since their interleaving is not fixed.

use std::path::Path;

use crate::support::gatekit;

const FIXTURE: &str = "\
project: shop
tables:
  orders:
    key: { partition: pk:S, sort: sk:N }
    indexes:
      by_state: { partition: state:S }
    ttl: expires
    tags: { team: core }
  users:
    key: { partition: id:S }
";

const FORMATS: [&str; 2] = ["table", "json"];

fn run(dir: &Path, format: &str, args: &[&str]) -> String {
    let out = gatekit()
        .current_dir(dir)
        .args(args)
        .args(["-o", format])
        .output()
        .expect("runs");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if format == "json" && args[0] != "plan" && text.lines().count() > 2 {
        // deploy and destroy stream events: keep the first (plan) and last
        // (summary) in place, sort the ones between.
        let lines: Vec<&str> = text.lines().collect();
        let mut middle: Vec<&str> = lines[1..lines.len() - 1].to_vec();
        middle.sort();
        let mut all = vec![lines[0]];
        all.extend(middle);
        all.push(lines[lines.len() - 1]);
        text = all.join("\n") + "\n";
    }
    format!("exit {}\n{text}", out.status.code().unwrap_or(-1))
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ filters => vec![
        (r"127\.0\.0\.1:\d+", "127.0.0.1:PORT"),
        (r#""seconds":[0-9.e-]+"#, r#""seconds":S"#),
        (r"done in \d+\.\d s", "done in S.S s"),
    ]}, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn plan_deploy_status_destroy_in_every_format() {
    for format in FORMATS {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path();
        std::fs::write(p.join("gatekit.yaml"), FIXTURE).expect("write");
        snapshot(&format!("plan_create_{format}"), &run(p, format, &["plan"]));
        snapshot(
            &format!("deploy_create_{format}"),
            &run(p, format, &["deploy", "--yes"]),
        );
        std::fs::write(
            p.join("gatekit.yaml"),
            FIXTURE
                .replace("    ttl: expires\n", "    ttl: gone_at\n")
                .replace("  users:\n    key: { partition: id:S }\n", ""),
        )
        .expect("write");
        snapshot(
            &format!("plan_update_delete_{format}"),
            &run(p, format, &["plan"]),
        );
        snapshot(
            &format!("deploy_update_delete_{format}"),
            &run(p, format, &["deploy", "--yes", "--allow-data-loss"]),
        );
        snapshot(&format!("status_{format}"), &run(p, format, &["status"]));
        snapshot(
            &format!("destroy_{format}"),
            &run(p, format, &["destroy", "--yes"]),
        );
    }
}

#[test]
fn table_commands_in_every_format() {
    for format in FORMATS {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path();
        std::fs::write(p.join("gatekit.yaml"), FIXTURE).expect("write");
        gatekit()
            .current_dir(p)
            .args(["deploy", "--yes", "-q"])
            .assert()
            .success();
        let put = run(
            p,
            format,
            &[
                "table",
                "put",
                "orders",
                r#"[{"pk":"ann","sk":1,"state":"open","total":12.5},{"pk":"ann","sk":2,"state":"done","tags":["a","b"]},{"pk":"bob","sk":1,"state":"open"}]"#,
            ],
        );
        snapshot(&format!("table_put_{format}"), &put);
        for (name, args) in [
            ("get", vec!["table", "get", "orders", "pk=ann", "sk=2"]),
            ("query", vec!["table", "query", "orders", r#"pk = "ann""#]),
            (
                "query_where",
                vec![
                    "table",
                    "query",
                    "orders",
                    r#"pk = "ann""#,
                    "--where",
                    r#"state = "open""#,
                ],
            ),
            ("count", vec!["table", "count", "orders"]),
            (
                "update",
                vec![
                    "table",
                    "update",
                    "orders",
                    "pk=bob",
                    "sk=1",
                    "--set",
                    r#"state = "done""#,
                ],
            ),
            (
                "delete",
                vec!["table", "delete", "orders", "pk=bob", "sk=1"],
            ),
            ("list", vec!["table", "list"]),
        ] {
            snapshot(&format!("table_{name}_{format}"), &run(p, format, &args));
        }
    }
}
