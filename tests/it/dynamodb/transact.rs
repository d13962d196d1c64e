//! Batches and transactions through the SDK.

use aws_sdk_dynamodb::types::{
    ConditionCheck, Delete, Get, KeysAndAttributes, Put, PutRequest, TransactGetItem,
    TransactWriteItem, Update, WriteRequest,
};

use super::{code, create_simple, harness, message, n, s};

fn put(pk: &str) -> WriteRequest {
    WriteRequest::builder()
        .put_request(
            PutRequest::builder()
                .item("pk", s(pk))
                .item("v", n("1"))
                .build()
                .unwrap(),
        )
        .build()
}

#[tokio::test]
async fn batch_write_and_get() {
    let h = harness().await;
    create_simple(&h.client, "things").await;
    let c = &h.client;
    let writes: Vec<WriteRequest> = (0..25).map(|i| put(&format!("k{i}"))).collect();
    let out = c
        .batch_write_item()
        .request_items("things", writes)
        .send()
        .await
        .unwrap();
    assert!(out.unprocessed_items.unwrap_or_default().is_empty());
    let too_many: Vec<WriteRequest> = (0..26).map(|i| put(&format!("k{i}"))).collect();
    let err = c
        .batch_write_item()
        .request_items("things", too_many)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "ValidationException");
    let dups = vec![put("same"), put("same")];
    let err = c
        .batch_write_item()
        .request_items("things", dups)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&err),
        "Provided list of item keys contains duplicates"
    );

    let mut keys = KeysAndAttributes::builder();
    for i in 0..30 {
        keys = keys.keys([("pk".to_string(), s(&format!("k{i}")))].into());
    }
    let got = c
        .batch_get_item()
        .request_items("things", keys.build().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(got.responses.unwrap()["things"].len(), 25);
    assert!(got.unprocessed_keys.unwrap_or_default().is_empty());
}

#[tokio::test]
async fn transactions_are_all_or_nothing() {
    let h = harness().await;
    create_simple(&h.client, "accounts").await;
    let c = &h.client;
    c.put_item()
        .table_name("accounts")
        .item("pk", s("a"))
        .item("bal", n("100"))
        .send()
        .await
        .unwrap();
    c.put_item()
        .table_name("accounts")
        .item("pk", s("b"))
        .item("bal", n("0"))
        .send()
        .await
        .unwrap();
    let transfer = |amount: &str| {
        let debit = Update::builder()
            .table_name("accounts")
            .key("pk", s("a"))
            .update_expression("SET bal = bal - :x")
            .condition_expression("bal >= :x")
            .expression_attribute_values(":x", n(amount))
            .build()
            .unwrap();
        let credit = Update::builder()
            .table_name("accounts")
            .key("pk", s("b"))
            .update_expression("SET bal = bal + :x")
            .expression_attribute_values(":x", n(amount))
            .build()
            .unwrap();
        vec![
            TransactWriteItem::builder().update(debit).build(),
            TransactWriteItem::builder().update(credit).build(),
        ]
    };
    c.transact_write_items()
        .set_transact_items(Some(transfer("60")))
        .send()
        .await
        .unwrap();
    let err = c
        .transact_write_items()
        .set_transact_items(Some(transfer("60")))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "TransactionCanceledException");
    let aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(cancelled) =
        err.into_service_error()
    else {
        panic!("not a cancelled transaction");
    };
    let reasons = cancelled.cancellation_reasons.unwrap();
    assert_eq!(reasons[0].code.as_deref(), Some("ConditionalCheckFailed"));
    assert_eq!(reasons[1].code.as_deref(), Some("None"));
    // Nothing of the failed transaction was applied.
    let gets = c
        .transact_get_items()
        .transact_items(
            TransactGetItem::builder()
                .get(
                    Get::builder()
                        .table_name("accounts")
                        .key("pk", s("a"))
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .transact_items(
            TransactGetItem::builder()
                .get(
                    Get::builder()
                        .table_name("accounts")
                        .key("pk", s("b"))
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let r = gets.responses();
    assert_eq!(r[0].item.as_ref().unwrap()["bal"], n("40"));
    assert_eq!(r[1].item.as_ref().unwrap()["bal"], n("60"));

    // The same item twice is refused.
    let twice = c
        .transact_write_items()
        .transact_items(
            TransactWriteItem::builder()
                .put(
                    Put::builder()
                        .table_name("accounts")
                        .item("pk", s("x"))
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .transact_items(
            TransactWriteItem::builder()
                .delete(
                    Delete::builder()
                        .table_name("accounts")
                        .key("pk", s("x"))
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&twice),
        "Transaction request cannot include multiple operations on one item"
    );
}

#[tokio::test]
async fn client_request_token_is_idempotent() {
    let h = harness().await;
    create_simple(&h.client, "counters").await;
    let c = &h.client;
    c.put_item()
        .table_name("counters")
        .item("pk", s("c"))
        .item("n", n("0"))
        .send()
        .await
        .unwrap();
    let bump = TransactWriteItem::builder()
        .update(
            Update::builder()
                .table_name("counters")
                .key("pk", s("c"))
                .update_expression("ADD n :one")
                .expression_attribute_values(":one", n("1"))
                .build()
                .unwrap(),
        )
        .build();
    for _ in 0..3 {
        c.transact_write_items()
            .transact_items(bump.clone())
            .client_request_token("tok-1")
            .send()
            .await
            .unwrap();
    }
    let v = c
        .get_item()
        .table_name("counters")
        .key("pk", s("c"))
        .send()
        .await
        .unwrap()
        .item
        .unwrap();
    assert_eq!(v["n"], n("1"));
    let check = TransactWriteItem::builder()
        .condition_check(
            ConditionCheck::builder()
                .table_name("counters")
                .key("pk", s("c"))
                .condition_expression("attribute_exists(pk)")
                .build()
                .unwrap(),
        )
        .build();
    let mismatch = c
        .transact_write_items()
        .transact_items(check)
        .client_request_token("tok-1")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&mismatch), "IdempotentParameterMismatchException");
}
