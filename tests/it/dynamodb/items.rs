//! Item operations through the SDK.

use std::time::Duration;

use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue, ReturnValuesOnConditionCheckFailure};

use super::{code, create_orders, harness, message, n, s};

#[tokio::test]
async fn put_get_update_delete_with_conditions() {
    let h = harness().await;
    create_orders(&h.client).await;
    let c = &h.client;
    c.put_item()
        .table_name("orders")
        .item("pk", s("ann"))
        .item("sk", n("1"))
        .item("total", n("10.50"))
        .item("tags", AttributeValue::Ss(vec!["a".into(), "b".into()]))
        .item("empty", s(""))
        .send()
        .await
        .unwrap();
    let got = c
        .get_item()
        .table_name("orders")
        .key("pk", s("ann"))
        .key("sk", n("1"))
        .send()
        .await
        .unwrap();
    let item = got.item.unwrap();
    // Numbers come back normalised; empty strings are allowed outside keys.
    assert_eq!(item["total"], n("10.5"));
    assert_eq!(item["empty"], s(""));

    let dup = c
        .put_item()
        .table_name("orders")
        .item("pk", s("ann"))
        .item("sk", n("1"))
        .condition_expression("attribute_not_exists(pk)")
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&dup), "ConditionalCheckFailedException");
    let aws_sdk_dynamodb::operation::put_item::PutItemError::ConditionalCheckFailedException(
        failed,
    ) = dup.into_service_error()
    else {
        panic!("not a conditional check failure");
    };
    let old = failed.item.unwrap();
    assert_eq!(old["total"], n("10.5"));

    let updated = c
        .update_item()
        .table_name("orders")
        .key("pk", s("ann"))
        .key("sk", n("1"))
        .update_expression("SET #t = #t + :inc, note = if_not_exists(note, :note) ADD visits :one DELETE tags :a REMOVE #e")
        .condition_expression("#t > :min")
        .expression_attribute_names("#t", "total")
        .expression_attribute_names("#e", "empty")
        .expression_attribute_values(":inc", n("0.25"))
        .expression_attribute_values(":note", s("first"))
        .expression_attribute_values(":one", n("1"))
        .expression_attribute_values(":a", AttributeValue::Ss(vec!["a".into()]))
        .expression_attribute_values(":min", n("5"))
        .return_values(ReturnValue::UpdatedNew)
        .send()
        .await
        .unwrap();
    let attrs = updated.attributes.unwrap();
    assert_eq!(attrs["total"], n("10.75"));
    assert_eq!(attrs["visits"], n("1"));
    assert_eq!(attrs["tags"], AttributeValue::Ss(vec!["b".into()]));
    assert!(!attrs.contains_key("pk"));

    let deleted = c
        .delete_item()
        .table_name("orders")
        .key("pk", s("ann"))
        .key("sk", n("1"))
        .return_values(ReturnValue::AllOld)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.attributes.unwrap()["note"], s("first"));
    let none = c
        .get_item()
        .table_name("orders")
        .key("pk", s("ann"))
        .key("sk", n("1"))
        .send()
        .await
        .unwrap();
    assert!(none.item.is_none());
}

#[tokio::test]
async fn numbers_are_exact_to_38_digits() {
    let h = harness().await;
    create_orders(&h.client).await;
    let c = &h.client;
    let big = "12345678901234567890123456789012345678";
    c.put_item()
        .table_name("orders")
        .item("pk", s("n"))
        .item("sk", n("1"))
        .item("v", n(big))
        .send()
        .await
        .unwrap();
    let out = c
        .update_item()
        .table_name("orders")
        .key("pk", s("n"))
        .key("sk", n("1"))
        .update_expression("SET v = v + :one")
        .expression_attribute_values(":one", n("1"))
        .return_values(ReturnValue::AllNew)
        .send()
        .await
        .unwrap();
    assert_eq!(
        out.attributes.unwrap()["v"],
        n("12345678901234567890123456789012345679")
    );
    let too_precise = c
        .put_item()
        .table_name("orders")
        .item("pk", s("n"))
        .item("sk", n("2"))
        .item("v", n("1234567890123456789012345678901234567890"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&too_precise),
        "1 validation error detected: Attempting to store more than 38 significant digits in a Number"
    );
    let overflow = c
        .put_item()
        .table_name("orders")
        .item("pk", s("n"))
        .item("sk", n("1e126"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&overflow), "ValidationException");
}

#[tokio::test]
async fn validation_errors_match_dynamodb() {
    let h = harness().await;
    create_orders(&h.client).await;
    let c = &h.client;
    let missing_key = c
        .put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&missing_key),
        "One or more parameter values were invalid: Missing the key sk in the item"
    );
    let wrong_type = c
        .put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .item("sk", s("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&wrong_type),
        "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"
    );
    let empty_key = c
        .put_item()
        .table_name("orders")
        .item("pk", s(""))
        .item("sk", n("1"))
        .send()
        .await
        .unwrap_err();
    assert!(
        message(&empty_key).contains("cannot contain an empty string value. Key: pk"),
        "{}",
        message(&empty_key)
    );
    let bad_get = c
        .get_item()
        .table_name("orders")
        .key("pk", s("a"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&bad_get),
        "The provided key element does not match the schema"
    );
    let reserved = c
        .update_item()
        .table_name("orders")
        .key("pk", s("a"))
        .key("sk", n("1"))
        .update_expression("SET status = :s")
        .expression_attribute_values(":s", s("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&reserved),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"
    );
    let big = "x".repeat(400 * 1024);
    let too_big = c
        .put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .item("sk", n("1"))
        .item("d", s(&big))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&too_big),
        "Item size has exceeded the maximum allowed size"
    );
    let no_table = c
        .get_item()
        .table_name("nope")
        .key("pk", s("a"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&no_table), "ResourceNotFoundException");
    assert_eq!(message(&no_table), "Requested resource not found");
    let dup_set = c
        .put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .item("sk", n("1"))
        .item("s", AttributeValue::Ss(vec!["x".into(), "x".into()]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&dup_set),
        r#"1 validation error detected: One or more parameter values were invalid: Input collection ["x", "x"] contains duplicates."#
    );
}

/// TTL deletes an item whose time has passed (and leaves a future one), and the
/// table's stream records the deletion as the service's.
#[tokio::test]
async fn ttl_deletes_expired_items() {
    let mut config = gatekit::local::EmulatorConfig::loopback(None);
    config.ttl_every = Duration::from_millis(100);
    let emulator = gatekit::local::Emulator::start(config).await.unwrap();
    let ep = emulator.endpoint();
    let c = super::client_for(&ep);
    super::create_simple(&c, "sessions").await;
    super::enable_stream(
        &c,
        "sessions",
        aws_sdk_dynamodb::types::StreamViewType::OldImage,
    )
    .await;
    c.update_time_to_live()
        .table_name("sessions")
        .time_to_live_specification(
            aws_sdk_dynamodb::types::TimeToLiveSpecification::builder()
                .enabled(true)
                .attribute_name("exp")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    // A minute ago: expired (a time more than five years old would be left alone).
    let past = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 60)
        .to_string();
    for (pk, exp) in [("old", past.as_str()), ("new", "99999999999")] {
        c.put_item()
            .table_name("sessions")
            .item("pk", s(pk))
            .item("exp", n(exp))
            .send()
            .await
            .unwrap();
    }
    // Bounded wait for the sweep (every 100 ms here).
    let mut left = 2;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        left = c.scan().table_name("sessions").send().await.unwrap().count;
        if left == 1 {
            break;
        }
    }
    assert_eq!(left, 1, "the expired item is deleted");
    let kept = c
        .get_item()
        .table_name("sessions")
        .key("pk", s("new"))
        .send()
        .await
        .unwrap();
    assert!(kept.item.is_some());
    let records = tokio::task::spawn_blocking(move || crate::wire::stream_records(&ep, "sessions"))
        .await
        .unwrap();
    let removed: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["eventName"] == "REMOVE")
        .collect();
    assert_eq!(removed.len(), 1, "{records:?}");
    assert_eq!(removed[0]["dynamodb"]["Keys"]["pk"]["S"], "old");
    assert_eq!(
        removed[0]["userIdentity"],
        serde_json::json!({ "type": "Service", "principalId": "dynamodb.amazonaws.com" })
    );
    assert!(
        records
            .iter()
            .filter(|r| r["eventName"] == "INSERT")
            .all(|r| r.get("userIdentity").is_none())
    );
}
