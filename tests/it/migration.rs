//! Stores written by an older gatekit open with today's, and each region is its own
//! namespace of tables and functions, across restarts.

use std::path::Path;

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{FunctionCode, Runtime};
use gatekit::local::{Emulator, EmulatorConfig};

use crate::support::{copy_dir, repo, zip};

fn dynamodb(endpoint: &str, region: &str) -> aws_sdk_dynamodb::Client {
    use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
    aws_sdk_dynamodb::Client::from_conf(
        aws_sdk_dynamodb::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(region.to_string()))
            .credentials_provider(Credentials::new("local", "local", None, None, "test"))
            .endpoint_url(endpoint)
            .http_client(aws_smithy_http_client::Builder::new().build_http())
            .build(),
    )
}

fn lambda(endpoint: &str, region: &str) -> aws_sdk_lambda::Client {
    use aws_sdk_lambda::config::{BehaviorVersion, Credentials, Region};
    aws_sdk_lambda::Client::from_conf(
        aws_sdk_lambda::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(region.to_string()))
            .credentials_provider(Credentials::new("local", "local", None, None, "test"))
            .endpoint_url(endpoint)
            .http_client(aws_smithy_http_client::Builder::new().build_http())
            .build(),
    )
}

async fn start(dir: &Path) -> Emulator {
    Emulator::start(EmulatorConfig::loopback(Some(dir.to_path_buf())))
        .await
        .expect("the emulator starts on the store")
}

async fn table_names(c: &aws_sdk_dynamodb::Client) -> Vec<String> {
    c.list_tables()
        .send()
        .await
        .expect("list tables")
        .table_names
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_of_format_1_opens_with_its_tables_items_and_functions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    copy_dir(&repo().join("tests/fixtures/store-format-1"), &store);
    // Twice: the migration, then a store of today's format (and nothing lost between).
    for round in 0..2 {
        let emulator = start(&store).await;
        let endpoint = emulator.endpoint();
        let eu = dynamodb(&endpoint, "eu-west-1");
        let us = dynamodb(&endpoint, "us-east-1");
        assert_eq!(table_names(&eu).await, ["orders"], "round {round}");
        assert_eq!(table_names(&us).await, ["users"], "round {round}");
        let open = eu
            .query()
            .table_name("orders")
            .index_name("by_status")
            .key_condition_expression("st = :s")
            .expression_attribute_values(":s", AttributeValue::S("open".into()))
            .send()
            .await
            .expect("query the index");
        assert_eq!(open.count, 2, "round {round}");
        let ann = us
            .get_item()
            .table_name("users")
            .key("id", AttributeValue::S("ann".into()))
            .send()
            .await
            .expect("get");
        assert_eq!(
            ann.item.and_then(|i| i.get("age").cloned()),
            Some(AttributeValue::N("41".into()))
        );
        let described = eu
            .describe_table()
            .table_name("orders")
            .send()
            .await
            .expect("describe");
        assert_eq!(
            described.table.and_then(|t| t.table_arn).as_deref(),
            Some("arn:aws:dynamodb:eu-west-1:000000000000:table/orders")
        );

        let l = lambda(&endpoint, "us-east-1");
        let f = l
            .get_function()
            .function_name("hello")
            .send()
            .await
            .expect("the function is there");
        let config = f.configuration.expect("configuration");
        assert_eq!(config.timeout, Some(7));
        assert_eq!(
            config
                .environment
                .and_then(|e| e.variables)
                .and_then(|v| v.get("GREETING").cloned())
                .as_deref(),
            Some("hi")
        );
        assert_eq!(
            f.tags.and_then(|t| t.get("team").cloned()).as_deref(),
            Some("core")
        );
        assert_eq!(
            f.concurrency.and_then(|c| c.reserved_concurrent_executions),
            Some(2)
        );
        let policy = l
            .get_policy()
            .function_name("hello")
            .send()
            .await
            .expect("policy");
        assert!(policy.policy.unwrap_or_default().contains("\"s1\""));
        let out = l
            .invoke()
            .function_name("hello")
            .payload(Blob::new(r#"{"who":"migration"}"#))
            .send()
            .await
            .expect("invoke");
        assert_eq!(out.function_error, None, "round {round}");
        assert_eq!(
            out.payload.map(|p| p.into_inner()).unwrap_or_default(),
            br#"{"hello": "migration"}"#
        );
        emulator.stop().await;
    }
    assert!(
        !store.join("lambda/hello/config.json").exists(),
        "the configuration moved into the store"
    );
}

fn python_zip() -> Vec<u8> {
    zip(&[(
        "app.py",
        "import os\ndef handler(event, context):\n    return os.environ['AWS_REGION']\n",
    )])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_region_is_its_own_namespace_after_a_restart_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let regions = ["us-east-1", "eu-central-1"];
    {
        let emulator = start(&store).await;
        let endpoint = emulator.endpoint();
        for (i, region) in regions.iter().enumerate() {
            let d = dynamodb(&endpoint, region);
            d.create_table()
                .table_name("same")
                .billing_mode(BillingMode::PayPerRequest)
                .key_schema(
                    KeySchemaElement::builder()
                        .attribute_name("pk")
                        .key_type(KeyType::Hash)
                        .build()
                        .expect("key"),
                )
                .attribute_definitions(
                    AttributeDefinition::builder()
                        .attribute_name("pk")
                        .attribute_type(ScalarAttributeType::S)
                        .build()
                        .expect("attribute"),
                )
                .send()
                .await
                .expect("the same name in each region");
            d.put_item()
                .table_name("same")
                .item("pk", AttributeValue::S(format!("item-{i}")))
                .send()
                .await
                .expect("put");
            let l = lambda(&endpoint, region);
            let created = l
                .create_function()
                .function_name("where")
                .runtime(Runtime::Python312)
                .handler("app.handler")
                .role("arn:aws:iam::000000000000:role/r")
                .timeout(3 + i as i32)
                .code(
                    FunctionCode::builder()
                        .zip_file(Blob::new(python_zip()))
                        .build(),
                )
                .send()
                .await
                .expect("the same function name in each region");
            assert_eq!(
                created.function_arn.as_deref(),
                Some(format!("arn:aws:lambda:{region}:000000000000:function:where").as_str())
            );
        }
        // A region with nothing in it sees nothing.
        assert!(
            table_names(&dynamodb(&endpoint, "ap-south-1"))
                .await
                .is_empty()
        );
        let none = lambda(&endpoint, "ap-south-1")
            .list_functions()
            .send()
            .await
            .expect("list");
        assert!(none.functions.unwrap_or_default().is_empty());
        emulator.stop().await;
    }
    // Scratch a crash could leave: a folder no record names, an upload's staging.
    let code = store.join("lambda/functions.d");
    let ghost = code.join("us-east-1/ghost");
    let staging = code.join("eu-central-1/where/code.new");
    for dir in [&ghost, &staging] {
        std::fs::create_dir_all(dir).expect("mkdir");
        std::fs::write(dir.join("x"), "left behind").expect("write");
    }
    let emulator = start(&store).await;
    let endpoint = emulator.endpoint();
    assert!(!ghost.exists() && !staging.exists(), "swept at open");
    assert!(
        code.join("eu-central-1/where/code").is_dir(),
        "live code stays"
    );
    for (i, region) in regions.iter().enumerate() {
        let d = dynamodb(&endpoint, region);
        let items = d.scan().table_name("same").send().await.expect("scan");
        assert_eq!(
            items.items.unwrap_or_default()[0].get("pk"),
            Some(&AttributeValue::S(format!("item-{i}"))),
            "{region}"
        );
        let l = lambda(&endpoint, region);
        let listed = l.list_functions().send().await.expect("list");
        let functions = listed.functions.unwrap_or_default();
        assert_eq!(functions.len(), 1, "{region}");
        assert_eq!(functions[0].timeout, Some(3 + i as i32), "{region}");
        let out = l
            .invoke()
            .function_name("where")
            .send()
            .await
            .expect("invoke");
        assert_eq!(
            out.payload.map(|p| p.into_inner()).unwrap_or_default(),
            format!("\"{region}\"").into_bytes(),
            "a function runs in its own region"
        );
    }
    // Deleting in one region leaves the other's.
    lambda(&endpoint, "us-east-1")
        .delete_function()
        .function_name("where")
        .send()
        .await
        .expect("delete");
    dynamodb(&endpoint, "us-east-1")
        .delete_table()
        .table_name("same")
        .send()
        .await
        .expect("delete table");
    assert_eq!(
        table_names(&dynamodb(&endpoint, "eu-central-1")).await,
        ["same"]
    );
    lambda(&endpoint, "eu-central-1")
        .get_function()
        .function_name("where")
        .send()
        .await
        .expect("the other region's function stays");
    emulator.stop().await;
}
