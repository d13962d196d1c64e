//! Query and Scan through the SDK.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::Select;

use super::{code, create_orders, harness, message, n, s};

async fn seed(c: &Client) {
    for i in 1..=10 {
        let mut put = c
            .put_item()
            .table_name("orders")
            .item("pk", s("ann"))
            .item("sk", n(&i.to_string()))
            .item("sk2", s(&format!("k{:02}", 11 - i)))
            .item("note", s(if i % 2 == 0 { "even" } else { "odd" }));
        // Only some items carry the GSI keys: the index is sparse.
        if i <= 6 {
            put = put
                .item("status", s(if i <= 3 { "open" } else { "done" }))
                .item("total", n(&(i * 10).to_string()));
        }
        put.send().await.unwrap();
    }
    c.put_item()
        .table_name("orders")
        .item("pk", s("bob"))
        .item("sk", n("1"))
        .send()
        .await
        .unwrap();
}

fn sks(
    items: &[std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>],
) -> Vec<String> {
    items
        .iter()
        .map(|i| i["sk"].as_n().unwrap().clone())
        .collect()
}

#[tokio::test]
async fn query_key_conditions_order_and_paging() {
    let h = harness().await;
    create_orders(&h.client).await;
    seed(&h.client).await;
    let c = &h.client;
    let all = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p")
        .expression_attribute_values(":p", s("ann"))
        .send()
        .await
        .unwrap();
    // Numbers sort numerically, not as text.
    assert_eq!(
        sks(all.items()),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    );
    let between = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p AND sk BETWEEN :a AND :b")
        .expression_attribute_values(":p", s("ann"))
        .expression_attribute_values(":a", n("3"))
        .expression_attribute_values(":b", n("5"))
        .scan_index_forward(false)
        .send()
        .await
        .unwrap();
    assert_eq!(sks(between.items()), ["5", "4", "3"]);
    // Paging: Limit counts items read; LastEvaluatedKey continues.
    let mut seen = Vec::new();
    let mut start = None;
    loop {
        let page = c
            .query()
            .table_name("orders")
            .key_condition_expression("pk = :p AND sk > :s")
            .filter_expression("note = :even")
            .expression_attribute_values(":p", s("ann"))
            .expression_attribute_values(":s", n("2"))
            .expression_attribute_values(":even", s("even"))
            .limit(3)
            .set_exclusive_start_key(start)
            .send()
            .await
            .unwrap();
        assert!(page.scanned_count <= 3);
        seen.extend(sks(page.items()));
        start = page.last_evaluated_key;
        if start.is_none() {
            break;
        }
    }
    assert_eq!(seen, ["4", "6", "8", "10"]);
    let count = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p")
        .expression_attribute_values(":p", s("ann"))
        .select(Select::Count)
        .send()
        .await
        .unwrap();
    assert_eq!(count.count, 10);
    assert!(count.items.is_none());
    let projected = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p AND sk = :one")
        .projection_expression("note")
        .expression_attribute_values(":p", s("ann"))
        .expression_attribute_values(":one", n("1"))
        .send()
        .await
        .unwrap();
    assert_eq!(projected.items()[0].len(), 1);
}

#[tokio::test]
async fn query_errors() {
    let h = harness().await;
    create_orders(&h.client).await;
    let c = &h.client;
    let no_hash = c
        .query()
        .table_name("orders")
        .key_condition_expression("sk = :s")
        .expression_attribute_values(":s", n("1"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&no_hash),
        "Query condition missed key schema element: pk"
    );
    let or = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p OR sk = :s")
        .expression_attribute_values(":p", s("a"))
        .expression_attribute_values(":s", n("1"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&or),
        "Invalid operator used in KeyConditionExpression: OR"
    );
    let wrong_type = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p")
        .expression_attribute_values(":p", n("1"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&wrong_type),
        "One or more parameter values were invalid: Condition parameter type does not match schema type"
    );
    let consistent_gsi = c
        .query()
        .table_name("orders")
        .index_name("by_status")
        .key_condition_expression("#s = :s")
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":s", s("open"))
        .consistent_read(true)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        message(&consistent_gsi),
        "Consistent reads are not supported on global secondary indexes"
    );
    let unused = c
        .query()
        .table_name("orders")
        .key_condition_expression("pk = :p")
        .expression_attribute_values(":p", s("a"))
        .expression_attribute_values(":q", s("b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&unused), "ValidationException");
    assert_eq!(
        message(&unused),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:q}"
    );
}

#[tokio::test]
async fn indexes_global_local_sparse() {
    let h = harness().await;
    create_orders(&h.client).await;
    seed(&h.client).await;
    let c = &h.client;
    let open = c
        .query()
        .table_name("orders")
        .index_name("by_status")
        .key_condition_expression("#s = :s AND #tot >= :t")
        .expression_attribute_names("#s", "status")
        .expression_attribute_names("#tot", "total")
        .expression_attribute_values(":s", s("open"))
        .expression_attribute_values(":t", n("20"))
        .send()
        .await
        .unwrap();
    assert_eq!(sks(open.items()), ["2", "3"]);
    // Items without the index keys are not in the index.
    let all_gsi = c
        .scan()
        .table_name("orders")
        .index_name("by_status")
        .send()
        .await
        .unwrap();
    assert_eq!(all_gsi.count, 6);
    // The LSI projects keys only; ALL_ATTRIBUTES fetches the rest from the table.
    let lsi = c
        .query()
        .table_name("orders")
        .index_name("by_sk2")
        .key_condition_expression("pk = :p AND begins_with(sk2, :k)")
        .expression_attribute_values(":p", s("ann"))
        .expression_attribute_values(":k", s("k0"))
        .send()
        .await
        .unwrap();
    assert_eq!(lsi.count, 9);
    assert!(!lsi.items()[0].contains_key("note"));
    assert_eq!(lsi.items()[0]["sk2"], s("k01"));
    let full = c
        .query()
        .table_name("orders")
        .index_name("by_sk2")
        .key_condition_expression("pk = :p AND sk2 = :k")
        .expression_attribute_values(":p", s("ann"))
        .expression_attribute_values(":k", s("k01"))
        .select(Select::AllAttributes)
        .send()
        .await
        .unwrap();
    assert_eq!(full.items()[0]["note"], s("even"));
    // After an update moves an item out of the GSI, the index no longer has it.
    c.update_item()
        .table_name("orders")
        .key("pk", s("ann"))
        .key("sk", n("2"))
        .update_expression("REMOVE #s")
        .expression_attribute_names("#s", "status")
        .send()
        .await
        .unwrap();
    let after = c
        .scan()
        .table_name("orders")
        .index_name("by_status")
        .select(Select::Count)
        .send()
        .await
        .unwrap();
    assert_eq!(after.count, 5);
}

#[tokio::test]
async fn scan_segments_cover_the_table_once() {
    let h = harness().await;
    create_orders(&h.client).await;
    seed(&h.client).await;
    let c = &h.client;
    let mut total = 0;
    for segment in 0..4 {
        let page = c
            .scan()
            .table_name("orders")
            .segment(segment)
            .total_segments(4)
            .send()
            .await
            .unwrap();
        total += page.count;
    }
    assert_eq!(total, 11);
    let filtered = c
        .scan()
        .table_name("orders")
        .filter_expression("note = :odd AND sk > :one")
        .expression_attribute_values(":odd", s("odd"))
        .expression_attribute_values(":one", n("1"))
        .send()
        .await
        .unwrap();
    assert_eq!(filtered.count, 4);
    assert_eq!(filtered.scanned_count, 11);
    let bad = c
        .scan()
        .table_name("orders")
        .segment(4)
        .total_segments(4)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&bad), "ValidationException");
}
