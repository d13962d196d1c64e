//! The emulator's IAM through aws-sdk-iam: roles, inline policies and tags with
//! IAM's errors, kept across a restart.

use aws_sdk_iam::types::Tag;
use gatekit::local::{Emulator, EmulatorConfig};

fn client(endpoint: &str) -> aws_sdk_iam::Client {
    local_client!(aws_sdk_iam, endpoint)
}

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}]}"#;

fn code<E: aws_sdk_iam::error::ProvideErrorMetadata>(e: &E) -> String {
    e.code().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_policies_and_tags_as_iam_keeps_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let emulator = Emulator::start(EmulatorConfig::loopback(Some(store.clone())))
        .await
        .expect("starts");
    let iam = client(&emulator.endpoint());
    let made = iam
        .create_role()
        .role_name("fn-role")
        .assume_role_policy_document(TRUST)
        .tags(
            Tag::builder()
                .key("team")
                .value("core")
                .build()
                .expect("tag"),
        )
        .send()
        .await
        .expect("create");
    let role = made.role().expect("a role");
    assert_eq!(role.arn(), "arn:aws:iam::000000000000:role/fn-role");
    assert!(role.role_id().starts_with("AROA"));
    let again = iam
        .create_role()
        .role_name("FN-ROLE")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .expect_err("names are unique whatever their case");
    assert_eq!(code(&again), "EntityAlreadyExists");
    let bad = iam
        .create_role()
        .role_name("bad name")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .expect_err("a space is not allowed");
    assert_eq!(code(&bad), "ValidationError");
    let malformed = iam
        .put_role_policy()
        .role_name("fn-role")
        .policy_name("p")
        .policy_document("{not json")
        .send()
        .await
        .expect_err("malformed");
    assert_eq!(code(&malformed), "MalformedPolicyDocument");
    iam.put_role_policy()
        .role_name("fn-role")
        .policy_name("gatekit")
        .policy_document(POLICY)
        .send()
        .await
        .expect("put policy");
    let conflict = iam
        .delete_role()
        .role_name("fn-role")
        .send()
        .await
        .expect_err("policies first");
    assert_eq!(code(&conflict), "DeleteConflict");
    emulator.stop().await;

    // A restart keeps roles and their policies.
    let emulator = Emulator::start(EmulatorConfig::loopback(Some(store)))
        .await
        .expect("starts again");
    let iam = client(&emulator.endpoint());
    let got = iam
        .get_role_policy()
        .role_name("fn-role")
        .policy_name("gatekit")
        .send()
        .await
        .expect("get policy");
    // URL-encoded, as IAM returns documents.
    assert!(
        got.policy_document().contains("%22dynamodb%3AGetItem%22"),
        "{}",
        got.policy_document()
    );
    let names = iam
        .list_role_policies()
        .role_name("fn-role")
        .send()
        .await
        .expect("list");
    assert_eq!(names.policy_names(), ["gatekit"]);
    let tags = iam
        .list_role_tags()
        .role_name("fn-role")
        .send()
        .await
        .expect("tags");
    assert_eq!(tags.tags()[0].key(), "team");
    let listed = iam.list_roles().send().await.expect("list roles");
    assert_eq!(listed.roles().len(), 1);
    let missing = iam
        .get_role()
        .role_name("nope")
        .send()
        .await
        .expect_err("missing");
    assert_eq!(code(&missing), "NoSuchEntity");
    iam.delete_role_policy()
        .role_name("fn-role")
        .policy_name("gatekit")
        .send()
        .await
        .expect("delete policy");
    iam.delete_role()
        .role_name("fn-role")
        .send()
        .await
        .expect("delete role");
    emulator.stop().await;
}
