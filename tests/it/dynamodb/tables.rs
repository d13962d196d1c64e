//! Table operations through the SDK.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, CreateGlobalSecondaryIndexAction,
    DeleteGlobalSecondaryIndexAction, GlobalSecondaryIndexUpdate, KeySchemaElement, KeyType,
    Projection, ProjectionType, ProvisionedThroughput, ScalarAttributeType, TableStatus, Tag,
    TimeToLiveSpecification, TimeToLiveStatus,
};

use super::{code, create_orders, create_simple, harness, message, n, s};

fn pk_schema() -> KeySchemaElement {
    KeySchemaElement::builder()
        .attribute_name("pk")
        .key_type(KeyType::Hash)
        .build()
        .unwrap()
}

#[tokio::test]
async fn create_describe_list_delete() {
    let h = harness().await;
    create_orders(&h.client).await;
    let again = h
        .client
        .create_table()
        .table_name("orders")
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(pk_schema())
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&again), "ResourceInUseException");
    assert_eq!(message(&again), "Table already exists: orders");

    let t = h
        .client
        .describe_table()
        .table_name("orders")
        .send()
        .await
        .unwrap()
        .table
        .unwrap();
    assert_eq!(t.table_status, Some(TableStatus::Active));
    assert_eq!(t.global_secondary_indexes().len(), 1);
    assert_eq!(t.local_secondary_indexes().len(), 1);
    assert_eq!(
        t.billing_mode_summary.unwrap().billing_mode,
        Some(BillingMode::PayPerRequest)
    );
    assert_eq!(
        t.table_arn.as_deref(),
        Some("arn:aws:dynamodb:us-east-1:000000000000:table/orders")
    );

    for i in 0..5 {
        create_simple(&h.client, &format!("extra{i}")).await;
    }
    let page = h.client.list_tables().limit(3).send().await.unwrap();
    assert_eq!(page.table_names(), ["extra0", "extra1", "extra2"]);
    let rest = h
        .client
        .list_tables()
        .exclusive_start_table_name(page.last_evaluated_table_name.unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(rest.table_names(), ["extra3", "extra4", "orders"]);
    assert!(rest.last_evaluated_table_name.is_none());

    h.client
        .delete_table()
        .table_name("orders")
        .send()
        .await
        .unwrap();
    let gone = h
        .client
        .describe_table()
        .table_name("orders")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&gone), "ResourceNotFoundException");
}

#[tokio::test]
async fn create_table_validation() {
    let h = harness().await;
    let err = h
        .client
        .create_table()
        .table_name("bad")
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(pk_schema())
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("other")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "ValidationException");
    assert!(
        message(&err).contains("Some index key attributes are not defined in AttributeDefinitions"),
        "{}",
        message(&err)
    );
    let err = h
        .client
        .create_table()
        .table_name("nothroughput")
        .key_schema(pk_schema())
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&err),
        "No provisioned throughput specified for the table"
    );
}

#[tokio::test]
async fn update_table_indexes_billing_and_protection() {
    let h = harness().await;
    create_orders(&h.client).await;
    h.client
        .put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .item("sk", n("1"))
        .item("city", s("Oslo"))
        .send()
        .await
        .unwrap();
    // A new GSI is backfilled from existing items.
    h.client
        .update_table()
        .table_name("orders")
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("city")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .global_secondary_index_updates(
            GlobalSecondaryIndexUpdate::builder()
                .create(
                    CreateGlobalSecondaryIndexAction::builder()
                        .index_name("by_city")
                        .key_schema(
                            KeySchemaElement::builder()
                                .attribute_name("city")
                                .key_type(KeyType::Hash)
                                .build()
                                .unwrap(),
                        )
                        .projection(
                            Projection::builder()
                                .projection_type(ProjectionType::All)
                                .build(),
                        )
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let found = h
        .client
        .query()
        .table_name("orders")
        .index_name("by_city")
        .key_condition_expression("city = :c")
        .expression_attribute_values(":c", s("Oslo"))
        .send()
        .await
        .unwrap();
    assert_eq!(found.count, 1);
    let delete = |name: &str| {
        GlobalSecondaryIndexUpdate::builder()
            .delete(
                DeleteGlobalSecondaryIndexAction::builder()
                    .index_name(name)
                    .build()
                    .unwrap(),
            )
            .build()
    };
    // Two index changes at once are refused, as DynamoDB does.
    let two = h
        .client
        .update_table()
        .table_name("orders")
        .global_secondary_index_updates(delete("by_city"))
        .global_secondary_index_updates(delete("by_status"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&two), "LimitExceededException");
    h.client
        .update_table()
        .table_name("orders")
        .global_secondary_index_updates(delete("by_city"))
        .send()
        .await
        .unwrap();
    let t = h
        .client
        .update_table()
        .table_name("orders")
        .billing_mode(BillingMode::Provisioned)
        .provisioned_throughput(
            ProvisionedThroughput::builder()
                .read_capacity_units(5)
                .write_capacity_units(7)
                .build()
                .unwrap(),
        )
        .deletion_protection_enabled(true)
        .send()
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(
        t.provisioned_throughput
            .as_ref()
            .unwrap()
            .write_capacity_units,
        Some(7)
    );
    assert_eq!(t.global_secondary_indexes().len(), 1);
    // The same throughput again changes nothing, and AWS refuses it.
    let same = h
        .client
        .update_table()
        .table_name("orders")
        .provisioned_throughput(
            ProvisionedThroughput::builder()
                .read_capacity_units(5)
                .write_capacity_units(7)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&same), "ValidationException");
    assert!(
        message(&same).starts_with("The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5."),
        "{}",
        message(&same)
    );
    let protected = h
        .client
        .delete_table()
        .table_name("orders")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&protected), "ValidationException");
    assert!(message(&protected).contains("protected against deletion"));
}

#[tokio::test]
async fn tags_ttl_limits_endpoints() {
    let h = harness().await;
    create_orders(&h.client).await;
    let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
    h.client
        .tag_resource()
        .resource_arn(arn)
        .tags(Tag::builder().key("team").value("core").build().unwrap())
        .tags(Tag::builder().key("env").value("dev").build().unwrap())
        .send()
        .await
        .unwrap();
    h.client
        .untag_resource()
        .resource_arn(arn)
        .tag_keys("env")
        .send()
        .await
        .unwrap();
    let tags = h
        .client
        .list_tags_of_resource()
        .resource_arn(arn)
        .send()
        .await
        .unwrap();
    assert_eq!(tags.tags().len(), 1);
    assert_eq!(tags.tags()[0].key(), "team");

    let before = h
        .client
        .describe_time_to_live()
        .table_name("orders")
        .send()
        .await
        .unwrap();
    assert_eq!(
        before.time_to_live_description.unwrap().time_to_live_status,
        Some(TimeToLiveStatus::Disabled)
    );
    h.client
        .update_time_to_live()
        .table_name("orders")
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .enabled(true)
                .attribute_name("expires")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let after = h
        .client
        .describe_time_to_live()
        .table_name("orders")
        .send()
        .await
        .unwrap();
    let d = after.time_to_live_description.unwrap();
    assert_eq!(d.time_to_live_status, Some(TimeToLiveStatus::Enabled));
    assert_eq!(d.attribute_name.as_deref(), Some("expires"));

    let limits = h.client.describe_limits().send().await.unwrap();
    assert_eq!(limits.table_max_read_capacity_units, Some(40000));
    let endpoints = h.client.describe_endpoints().send().await.unwrap();
    assert_eq!(endpoints.endpoints().len(), 1);
}
