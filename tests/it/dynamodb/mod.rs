//! The emulator's DynamoDB through aws-sdk-rust over real HTTP on a loopback port.

mod items;
mod query;
mod tables;
mod transact;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, LocalSecondaryIndex, Projection, ProjectionType, ScalarAttributeType,
};
use gatekit::local::{Emulator, EmulatorConfig};

/// An emulator in memory and an SDK client pointed at it.
pub struct Harness {
    pub client: Client,
    /// Kept alive for the test's length: dropping it stops the server.
    _emulator: Emulator,
}

pub fn client_for(endpoint: &str) -> Client {
    let http = aws_smithy_http_client::Builder::new().build_http();
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("local", "local", None, None, "test"))
        .endpoint_url(endpoint)
        .http_client(http)
        .retry_config(aws_sdk_dynamodb::config::retry::RetryConfig::disabled())
        .build();
    Client::from_conf(config)
}

pub async fn harness() -> Harness {
    let emulator = Emulator::start(EmulatorConfig::loopback(None))
        .await
        .expect("the emulator starts");
    let client = client_for(&emulator.endpoint());
    Harness {
        client,
        _emulator: emulator,
    }
}

pub fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_string())
}

pub fn n(v: &str) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn key(name: &str, kind: KeyType) -> KeySchemaElement {
    KeySchemaElement::builder()
        .attribute_name(name)
        .key_type(kind)
        .build()
        .expect("key")
}

fn attr(name: &str, kind: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition::builder()
        .attribute_name(name)
        .attribute_type(kind)
        .build()
        .expect("attr")
}

/// `orders`: pk S + sk N, a GSI on status/total (ALL), an LSI on sk2 (KEYS_ONLY).
pub async fn create_orders(client: &Client) {
    client
        .create_table()
        .table_name("orders")
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(key("pk", KeyType::Hash))
        .key_schema(key("sk", KeyType::Range))
        .attribute_definitions(attr("pk", ScalarAttributeType::S))
        .attribute_definitions(attr("sk", ScalarAttributeType::N))
        .attribute_definitions(attr("status", ScalarAttributeType::S))
        .attribute_definitions(attr("total", ScalarAttributeType::N))
        .attribute_definitions(attr("sk2", ScalarAttributeType::S))
        .global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name("by_status")
                .key_schema(key("status", KeyType::Hash))
                .key_schema(key("total", KeyType::Range))
                .projection(
                    Projection::builder()
                        .projection_type(ProjectionType::All)
                        .build(),
                )
                .build()
                .expect("gsi"),
        )
        .local_secondary_indexes(
            LocalSecondaryIndex::builder()
                .index_name("by_sk2")
                .key_schema(key("pk", KeyType::Hash))
                .key_schema(key("sk2", KeyType::Range))
                .projection(
                    Projection::builder()
                        .projection_type(ProjectionType::KeysOnly)
                        .build(),
                )
                .build()
                .expect("lsi"),
        )
        .send()
        .await
        .expect("create orders");
}

/// A simple table `name` with key pk S.
/// Turns on the stream of `table` with `view`.
pub async fn enable_stream(
    client: &Client,
    table: &str,
    view: aws_sdk_dynamodb::types::StreamViewType,
) {
    client
        .update_table()
        .table_name(table)
        .stream_specification(
            aws_sdk_dynamodb::types::StreamSpecification::builder()
                .stream_enabled(true)
                .stream_view_type(view)
                .build()
                .expect("spec"),
        )
        .send()
        .await
        .expect("stream");
}

pub async fn create_simple(client: &Client, name: &str) {
    client
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(key("pk", KeyType::Hash))
        .attribute_definitions(attr("pk", ScalarAttributeType::S))
        .send()
        .await
        .expect("create table");
}

/// The service error's code, for asserting on failures.
pub fn code<E, R>(err: &aws_sdk_dynamodb::error::SdkError<E, R>) -> String
where
    E: aws_sdk_dynamodb::error::ProvideErrorMetadata,
{
    err.as_service_error()
        .and_then(|e| e.code())
        .unwrap_or("not a service error")
        .to_string()
}

pub fn message<E, R>(err: &aws_sdk_dynamodb::error::SdkError<E, R>) -> String
where
    E: aws_sdk_dynamodb::error::ProvideErrorMetadata,
{
    err.as_service_error()
        .and_then(|e| e.message())
        .unwrap_or_default()
        .to_string()
}
