//! AWS targets that cannot be used: each problem is one line naming the cause and
//! the fix, found before the first API call, and a target that refuses connections
//! is given up on after five attempts, with its retries shown. Nothing here leaves
//! loopback: the credential chain is kept off instance metadata.

use std::path::Path;

use crate::support::gatekit;

const PROJECT: &str = "\
project: awt
targets:
  dead: { region: us-east-1, endpoint_url: \"http://127.0.0.1:9\" }
  named: { region: eu-west-1, profile: nosuchprofile }
  noregion: {}
  plain: { region: eu-west-1 }
tables:
  t:
    key: { partition: id:S }
";

/// `gatekit plan -t TARGET` with an empty AWS environment under `home`.
fn plan(home: &Path, target: &str, env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = gatekit();
    cmd.current_dir(home)
        .args(["plan", "-t", target])
        .env("HOME", home)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.join("aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("aws-credentials"));
    for var in [
        "AWS_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("gatekit.yaml"), PROJECT).expect("write");
    dir
}

fn one_error_line(stderr: &str) -> &str {
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one error line: {stderr}");
    assert!(
        !stderr.contains("DispatchFailure") && !stderr.contains("{ "),
        "no debug dumps: {stderr}"
    );
    errors[0]
}

#[test]
fn an_unknown_profile_is_named_before_any_credential_chain_runs() {
    let dir = project();
    let (code, err) = plan(dir.path(), "named", &[]);
    assert_eq!(code, 1);
    assert!(
        one_error_line(&err).contains("`nosuchprofile` is in neither"),
        "{err}"
    );
    assert!(
        err.contains("aws configure --profile nosuchprofile"),
        "{err}"
    );
    // Once the profile exists (with keys), the target opens and plans.
    std::fs::write(
        dir.path().join("aws-config"),
        "[profile nosuchprofile]\nregion = eu-west-1\n",
    )
    .expect("write");
    let (_, err) = plan(dir.path(), "named", &[]);
    assert!(!err.contains("is in neither"), "{err}");
}

#[test]
fn a_missing_region_and_missing_credentials_say_what_fixes_them() {
    let dir = project();
    let (code, err) = plan(
        dir.path(),
        "noregion",
        &[("AWS_ACCESS_KEY_ID", "a"), ("AWS_SECRET_ACCESS_KEY", "b")],
    );
    assert_eq!(code, 1);
    assert!(one_error_line(&err).contains("no AWS region"), "{err}");
    assert!(err.contains("--region"), "{err}");
    let (code, err) = plan(dir.path(), "plain", &[]);
    assert_eq!(code, 1);
    assert!(
        one_error_line(&err).contains("no usable AWS credentials"),
        "{err}"
    );
    assert!(err.contains("AWS_ACCESS_KEY_ID"), "{err}");
}

#[test]
fn a_refused_connection_shows_its_retries_and_gives_up_after_five() {
    let dir = project();
    let (code, err) = plan(
        dir.path(),
        "dead",
        &[("AWS_ACCESS_KEY_ID", "a"), ("AWS_SECRET_ACCESS_KEY", "b")],
    );
    assert_eq!(code, 1);
    assert!(one_error_line(&err).contains("Connection refused"), "{err}");
    assert!(
        err.contains("retrying ListTables (attempt 2 of 5)"),
        "{err}"
    );
    // Five attempts in all, each retry said as it starts (it was eight, silent).
    assert!(
        err.contains("(attempt 5 of 5)") && !err.contains("attempt 6"),
        "{err}"
    );
}
