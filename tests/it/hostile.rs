//! Fuzzing on stable, bounded: proptest generates hostile requests (bodies of random
//! bytes, random JSON of every type in every member, nesting thousands of levels
//! deep, strings of megabytes, damaged zips) for DynamoDB, Lambda and CloudWatch
//! Logs, and sends them to a real `gatekit local serve`. Whatever comes in, the
//! server answers (never a 500), every error is in AWS's shape, and afterwards the
//! canaries are as they were. The case count is fixed (FUZZ_CASES), so the run is
//! bounded in time; `GATEKIT_FUZZ_CASES=N` runs more.

use base64::Engine;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Map, Value as Json, json};

use crate::local_server::serve;
use crate::support::zip;
use crate::wire::{check_canaries, dynamodb, http, lambda, plant_canaries};

const FUZZ_CASES: u32 = 300;

const DYNAMODB_OPS: &[&str] = &[
    "PutItem",
    "GetItem",
    "UpdateItem",
    "DeleteItem",
    "Query",
    "Scan",
    "BatchGetItem",
    "BatchWriteItem",
    "TransactWriteItems",
    "TransactGetItems",
    "CreateTable",
    "DescribeTable",
    "UpdateTable",
    "DeleteTable",
    "ListTables",
    "TagResource",
    "UntagResource",
    "ListTagsOfResource",
    "UpdateTimeToLive",
    "DescribeTimeToLive",
    "NoSuchOperation",
];

const LOGS_OPS: &[&str] = &[
    "CreateLogGroup",
    "CreateLogStream",
    "DescribeLogGroups",
    "DescribeLogStreams",
    "PutLogEvents",
    "GetLogEvents",
    "FilterLogEvents",
    "DeleteLogGroup",
];

/// Members the services read, so that random values reach their validation.
const MEMBERS: &[&str] = &[
    "TableName",
    "Key",
    "Item",
    "KeyConditionExpression",
    "FilterExpression",
    "ConditionExpression",
    "UpdateExpression",
    "ProjectionExpression",
    "ExpressionAttributeNames",
    "ExpressionAttributeValues",
    "Limit",
    "ExclusiveStartKey",
    "ReturnValues",
    "ReturnConsumedCapacity",
    "ReturnItemCollectionMetrics",
    "ConsistentRead",
    "RequestItems",
    "TransactItems",
    "KeySchema",
    "AttributeDefinitions",
    "BillingMode",
    "Tags",
    "TagKeys",
    "ResourceArn",
    "IndexName",
    "Select",
    "Segment",
    "TotalSegments",
    "FunctionName",
    "Runtime",
    "Handler",
    "Role",
    "Code",
    "ZipFile",
    "Timeout",
    "MemorySize",
    "Environment",
    "Variables",
    "Description",
    "Publish",
    "ReservedConcurrentExecutions",
    "StatementId",
    "Action",
    "Principal",
    "logGroupName",
    "logStreamName",
    "logEvents",
    "limit",
    "startTime",
    "endTime",
    "nextToken",
    "filterPattern",
    "logGroupNamePrefix",
];

/// Names that exist (the fuzz table and function), do not, or are not names at all.
fn name() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(json!("fuzz")),
        Just(json!("nosuch")),
        Just(json!("")),
        "[a-zA-Z0-9_.-]{0,300}".prop_map(Json::from),
    ]
}

fn scalar() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::from),
        any::<i64>().prop_map(Json::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number)),
        "\\PC{0,40}".prop_map(Json::from),
        "[ 0-9eE.+-]{0,50}".prop_map(Json::from),
        name(),
    ]
}

/// A DynamoDB attribute value of any tag, or something that only looks like one.
fn attribute(inner: BoxedStrategy<Json>) -> impl Strategy<Value = Json> {
    let tags = prop_oneof![
        Just("S"),
        Just("N"),
        Just("B"),
        Just("BOOL"),
        Just("NULL"),
        Just("SS"),
        Just("NS"),
        Just("BS"),
        Just("L"),
        Just("M"),
        Just("X"),
    ];
    (tags, inner).prop_map(|(t, v)| json!({ t: v }))
}

/// Any JSON, a few levels deep, leaning toward DynamoDB's shapes.
fn value() -> BoxedStrategy<Json> {
    scalar()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                attribute(inner.clone()),
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::from),
                proptest::collection::btree_map("[a-z:#]{0,6}|pk", inner, 0..6)
                    .prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

/// A request body: members with random values, a value nested `depth` deep, a string
/// of megabytes, or bytes that are not JSON at all.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let members = proptest::collection::vec((proptest::sample::select(MEMBERS), value()), 0..6)
        .prop_map(|ms| {
            let mut m = Map::new();
            for (k, v) in ms {
                m.insert(k.to_string(), v);
            }
            Json::Object(m).to_string().into_bytes()
        });
    let deep = (
        proptest::sample::select(MEMBERS),
        1usize..6000,
        any::<bool>(),
    )
        .prop_map(|(member, depth, lists)| {
            let (open, close) = if lists { ("[", "]") } else { ("{\"M\":", "}") };
            format!(
                "{{\"TableName\":\"fuzz\",\"{member}\":{}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            )
            .into_bytes()
        });
    let huge =
        (proptest::sample::select(MEMBERS), 100_000usize..3_000_000).prop_map(|(member, size)| {
            json!({ "TableName": "fuzz", member: "x".repeat(size) })
                .to_string()
                .into_bytes()
        });
    prop_oneof![
        6 => members,
        2 => deep,
        1 => huge,
        1 => proptest::collection::vec(any::<u8>(), 0..512),
    ]
}

/// A small zip, damaged: bytes flipped, or cut short.
fn damaged_zip() -> impl Strategy<Value = Json> {
    let good = zip(&[("app.py", "def handler(e, c):\n    return e\n")]);
    let len = good.len();
    (
        proptest::collection::vec((0..len, any::<u8>()), 0..4),
        0..=len,
    )
        .prop_map(move |(flips, keep)| {
            let mut z = good.clone();
            for (at, b) in flips {
                z[at] = b;
            }
            z.truncate(keep);
            json!({ "ZipFile": base64::engine::general_purpose::STANDARD.encode(z) })
        })
}

#[derive(Debug, Clone)]
enum Hostile {
    DynamoDb(&'static str, Vec<u8>),
    Logs(&'static str, Vec<u8>),
    Lambda {
        method: &'static str,
        path: String,
        invocation_type: Option<String>,
        body: Vec<u8>,
    },
}

fn lambda_request() -> impl Strategy<Value = Hostile> {
    let paths = prop_oneof![
        Just("/2015-03-31/functions".to_string()),
        Just("/2015-03-31/functions/fuzz".to_string()),
        Just("/2015-03-31/functions/fuzz/configuration".to_string()),
        Just("/2015-03-31/functions/fuzz/code".to_string()),
        Just("/2015-03-31/functions/fuzz/invocations".to_string()),
        Just("/2015-03-31/functions/fuzz/policy".to_string()),
        Just("/2017-10-31/functions/fuzz/concurrency".to_string()),
        Just("/2017-03-31/tags/arn:aws:lambda:us-east-1:000000000000:function:fuzz".to_string()),
        Just("/2016-08-19/account-settings".to_string()),
        "/2015-03-31/functions/[a-zA-Z0-9%:._-]{0,80}(/[a-z]{0,12})?",
    ];
    let methods = prop_oneof![Just("GET"), Just("POST"), Just("PUT"), Just("DELETE")];
    let invocation = proptest::option::of(prop_oneof![
        Just("RequestResponse".to_string()),
        Just("DryRun".to_string()),
        "\\PC{0,12}",
    ]);
    // Some bodies carry a damaged zip where the code goes.
    let code_body = damaged_zip().prop_map(|code| {
        json!({"FunctionName": "fuzz2", "Runtime": "python3.12", "Handler": "app.handler",
            "Role": "arn:aws:iam::000000000000:role/r", "Code": code})
        .to_string()
        .into_bytes()
    });
    let bodies = prop_oneof![4 => body(), 1 => code_body];
    (methods, paths, invocation, bodies).prop_map(|(method, path, invocation_type, body)| {
        Hostile::Lambda {
            method,
            path,
            invocation_type,
            body,
        }
    })
}

fn hostile() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        (proptest::sample::select(DYNAMODB_OPS), body())
            .prop_map(|(op, b)| Hostile::DynamoDb(op, b)),
        (proptest::sample::select(LOGS_OPS), body()).prop_map(|(op, b)| Hostile::Logs(op, b)),
        lambda_request(),
    ]
}

fn send(endpoint: &str, h: &Hostile) -> (u16, Json) {
    match h {
        Hostile::DynamoDb(op, body) => crate::wire::dynamodb_raw(endpoint, op, body),
        Hostile::Logs(op, body) => crate::wire::logs(endpoint, op, body),
        Hostile::Lambda {
            method,
            path,
            invocation_type,
            body,
        } => {
            let mut headers = vec![("Content-Type", "application/json")];
            if let Some(t) = invocation_type {
                headers.push(("X-Amz-Invocation-Type", t));
            }
            http(endpoint, method, path, &headers, body)
        }
    }
}

#[test]
fn hostile_requests_get_aws_errors_and_leave_the_canaries_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = serve(&dir.path().join("store"));
    let ep = server.endpoint.clone();
    plant_canaries(&ep);
    // What the fuzz may change freely: a table and a function of its own.
    let (status, out) = dynamodb(
        &ep,
        "CreateTable",
        &json!({"TableName": "fuzz", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}),
    );
    assert_eq!(status, 200, "{out}");
    let code = zip(&[("app.py", "def handler(event, context):\n    return event\n")]);
    let (status, out) = lambda(
        &ep,
        "POST",
        "/2015-03-31/functions",
        &json!({"FunctionName": "fuzz", "Runtime": "python3.12", "Handler": "app.handler",
            "Role": "arn:aws:iam::000000000000:role/r",
            "Code": {"ZipFile": base64::engine::general_purpose::STANDARD.encode(code)}}),
    );
    assert_eq!(status, 201, "{out}");

    let cases = std::env::var("GATEKIT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FUZZ_CASES);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&hostile(), |h| {
        let (status, out) = send(&ep, &h);
        let summary = format!("{status} {:.300}", out.to_string());
        if status >= 500 && !matches!(h, Hostile::Lambda { .. } if status == 502) {
            return Err(TestCaseError::fail(format!("a server error: {summary}")));
        }
        if status >= 400 {
            let kind = out["__type"]
                .as_str()
                .or_else(|| out["x-amzn-ErrorType"].as_str());
            let message = out
                .get("message")
                .or_else(|| out.get("Message"))
                .and_then(Json::as_str);
            if kind.is_none() || message.is_none() {
                return Err(TestCaseError::fail(format!(
                    "not AWS's error shape: {summary}"
                )));
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    check_canaries(&ep, "the fuzz");
}
