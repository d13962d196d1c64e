//! The emulator's wire, spoken by hand for tests that send what no SDK would: one
//! HTTP/1.1 request per connection, AWS's error shapes checked, and the canaries
//! (an item and a function) that a refused request must leave as they were.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine;
use serde_json::{Value as Json, json};

use crate::support::zip;

pub const AUTH: &str = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";

/// One HTTP/1.1 request on its own connection; the status and the body.
pub fn http(
    endpoint: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Json) {
    let (status, head, body) = http_text(endpoint, method, path, headers, body);
    let mut json = serde_json::from_str(&body).unwrap_or(Json::Null);
    // Lambda names its error in a header (REST-JSON); DynamoDB in `__type`.
    if let Some(kind) = head.lines().find_map(|l| {
        l.split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case("x-amzn-errortype"))
            .map(|(_, v)| v.trim().to_string())
    }) && json.is_object()
    {
        json["x-amzn-ErrorType"] = json!(kind);
    }
    (status, json)
}

/// One request on its own connection: the status, the head and the body as text.
pub fn http_text(
    endpoint: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let addr = endpoint.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("the emulator accepts connections");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("write head");
    stream.write_all(body).expect("write body");
    let mut out = Vec::new();
    stream.read_to_end(&mut out).expect("read the answer");
    let text = String::from_utf8_lossy(&out);
    let status: u16 = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP status line, got {text:?}"));
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_string(), body.to_string())
}

pub fn dynamodb(endpoint: &str, operation: &str, body: &Json) -> (u16, Json) {
    dynamodb_raw(endpoint, operation, body.to_string().as_bytes())
}

/// A DynamoDB operation with a body of any bytes.
pub fn dynamodb_raw(endpoint: &str, operation: &str, body: &[u8]) -> (u16, Json) {
    let target = format!("DynamoDB_20120810.{operation}");
    http(
        endpoint,
        "POST",
        "/",
        &[
            ("X-Amz-Target", &target),
            ("Content-Type", "application/x-amz-json-1.0"),
            ("Authorization", AUTH),
        ],
        body,
    )
}

pub fn lambda(endpoint: &str, method: &str, path: &str, body: &Json) -> (u16, Json) {
    http(
        endpoint,
        method,
        path,
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
}

pub fn zip_b64(files: &[(&str, &str)]) -> String {
    base64::engine::general_purpose::STANDARD.encode(zip(files))
}

const CANARY_CODE: &str = "def handler(event, context):\n    return {'canary': 'alive'}\n";

pub fn plant_canaries(endpoint: &str) {
    let (status, out) = dynamodb(
        endpoint,
        "CreateTable",
        &json!({"TableName": "canary", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}),
    );
    assert_eq!(status, 200, "{out}");
    let (status, out) = dynamodb(
        endpoint,
        "PutItem",
        &json!({"TableName": "canary", "Item": {"pk": {"S": "c"}, "v": {"N": "1"}}}),
    );
    assert_eq!(status, 200, "{out}");
    let (status, out) = lambda(
        endpoint,
        "POST",
        "/2015-03-31/functions",
        &json!({"FunctionName": "canary", "Runtime": "python3.12", "Handler": "app.handler",
            "Role": "arn:aws:iam::000000000000:role/r",
            "Code": {"ZipFile": zip_b64(&[("app.py", CANARY_CODE)])}}),
    );
    assert_eq!(status, 201, "{out}");
}

/// The canary item and function are as planted, and the function runs.
pub fn check_canaries(endpoint: &str, after: &str) {
    let (status, out) = dynamodb(
        endpoint,
        "GetItem",
        &json!({"TableName": "canary", "Key": {"pk": {"S": "c"}}}),
    );
    assert_eq!(status, 200, "after {after}: {out}");
    assert_eq!(out["Item"]["v"], json!({"N": "1"}), "after {after}");
    let (status, config) = lambda(
        endpoint,
        "GET",
        "/2015-03-31/functions/canary/configuration",
        &Json::Null,
    );
    assert_eq!(status, 200, "after {after}: {config}");
    assert_eq!(config["Timeout"], 3, "after {after}");
    assert_eq!(config["MemorySize"], 128, "after {after}");
    assert!(
        config.get("Environment").is_none(),
        "after {after}: {config}"
    );
    let (status, out) = lambda(
        endpoint,
        "POST",
        "/2015-03-31/functions/canary/invocations",
        &json!({}),
    );
    assert_eq!(status, 200, "after {after}: {out}");
    assert_eq!(out, json!({"canary": "alive"}), "after {after}");
}

pub fn refused(case: &str, (status, out): (u16, Json), kind: &str) {
    assert!(
        (400..500).contains(&status),
        "{case}: answered {status} {out}"
    );
    let found = out["__type"]
        .as_str()
        .or_else(|| out["x-amzn-ErrorType"].as_str())
        .unwrap_or_default();
    assert!(
        found.ends_with(kind),
        "{case}: expected {kind} in AWS's shape, got {status} {out}"
    );
    assert!(
        out["message"].is_string() || out["Message"].is_string(),
        "{case}: {out}"
    );
}

/// A CloudWatch Logs operation (JSON 1.1) with a raw body.
pub fn logs(endpoint: &str, operation: &str, body: &[u8]) -> (u16, Json) {
    let target = format!("Logs_20140328.{operation}");
    http(
        endpoint,
        "POST",
        "/",
        &[
            ("X-Amz-Target", &target),
            ("Content-Type", "application/x-amz-json-1.1"),
            ("Authorization", AUTH),
        ],
        body,
    )
}

/// Every record on `table`'s (first) stream, read through the Streams API over
/// plain HTTP from TRIM_HORIZON.
/// One Streams API call on the emulator at `endpoint`; asserts it answered 200.
pub fn streams(endpoint: &str, op: &str, body: Json) -> Json {
    let target = format!("DynamoDBStreams_20120810.{op}");
    let (status, out) = http(
        endpoint,
        "POST",
        "/",
        &[
            ("X-Amz-Target", target.as_str()),
            ("Content-Type", "application/x-amz-json-1.0"),
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x",
            ),
        ],
        body.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{op}: {out}");
    out
}

/// A TRIM_HORIZON iterator on the stream of `table`.
pub fn stream_start(endpoint: &str, table: &str) -> Json {
    let listed = streams(endpoint, "ListStreams", json!({ "TableName": table }));
    let arn = listed["Streams"][0]["StreamArn"]
        .as_str()
        .expect("a stream")
        .to_string();
    let desc = streams(endpoint, "DescribeStream", json!({ "StreamArn": arn }));
    let shard = desc["StreamDescription"]["Shards"][0]["ShardId"].clone();
    streams(
        endpoint,
        "GetShardIterator",
        json!({ "StreamArn": arn, "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON" }),
    )["ShardIterator"]
        .clone()
}

/// Every record of the stream of `table`, oldest first.
pub fn stream_records(endpoint: &str, table: &str) -> Vec<Json> {
    let mut it = stream_start(endpoint, table);
    let mut out = Vec::new();
    // Bounded: 100 pages of 1,000 records.
    for _ in 0..100 {
        let page = streams(endpoint, "GetRecords", json!({ "ShardIterator": it }));
        let records = page["Records"].as_array().cloned().unwrap_or_default();
        if records.is_empty() {
            break;
        }
        out.extend(records);
        it = page["NextShardIterator"].clone();
    }
    out
}
