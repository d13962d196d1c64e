//! The emulator's API Gateway control plane through aws-sdk-apigateway: APIs,
//! resources, methods, integrations, deployments, stages and tags, with AWS's
//! errors, kept across a restart.

use aws_sdk_apigateway::types::{IntegrationType, Op, PatchOperation};
use gatekit::local::{Emulator, EmulatorConfig};

fn client(endpoint: &str) -> aws_sdk_apigateway::Client {
    local_client!(aws_sdk_apigateway, endpoint)
}

fn code<E: aws_sdk_apigateway::error::ProvideErrorMetadata>(e: &E) -> String {
    e.code().unwrap_or_default().to_string()
}

const FUNCTION: &str = "arn:aws:lambda:us-east-1:000000000000:function:todo";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apis_resources_methods_deployments_and_stages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let emulator = Emulator::start(EmulatorConfig::loopback(Some(store.clone())))
        .await
        .expect("starts");
    let apigw = client(&emulator.endpoint());
    let api = apigw
        .create_rest_api()
        .name("todo")
        .binary_media_types("image/png")
        .tags("gatekit:project", "todo")
        .send()
        .await
        .expect("create");
    let id = api.id().expect("an id").to_string();
    let root = api.root_resource_id().expect("a root").to_string();
    assert_eq!(
        api.tags()
            .and_then(|t| t.get("gatekit:project"))
            .map(String::as_str),
        Some("todo")
    );

    let missing = apigw
        .get_rest_api()
        .rest_api_id("nope")
        .send()
        .await
        .expect_err("missing");
    assert_eq!(code(&missing), "NotFoundException");
    assert!(
        missing.to_string().contains("")
            && format!("{missing:?}").contains("Invalid API identifier specified")
    );

    let todos = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(&root)
        .path_part("todos")
        .send()
        .await
        .expect("resource");
    let todos_id = todos.id().expect("id").to_string();
    assert_eq!(todos.path(), Some("/todos"));
    let dup = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(&root)
        .path_part("todos")
        .send()
        .await
        .expect_err("a duplicate path part");
    assert_eq!(code(&dup), "ConflictException");
    let item = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(&todos_id)
        .path_part("{id}")
        .send()
        .await
        .expect("a variable");
    assert_eq!(item.path(), Some("/todos/{id}"));
    let second = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(&todos_id)
        .path_part("{key}")
        .send()
        .await
        .expect_err("a second variable child");
    assert_eq!(code(&second), "BadRequestException");
    let greedy = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(&root)
        .path_part("{proxy+}")
        .send()
        .await
        .expect("greedy");
    let under = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(greedy.id().expect("id"))
        .path_part("x")
        .send()
        .await
        .expect_err("a child of a greedy variable");
    assert_eq!(code(&under), "BadRequestException");

    // A deployment needs methods.
    let empty = apigw
        .create_deployment()
        .rest_api_id(&id)
        .stage_name("v1")
        .send()
        .await
        .expect_err("no methods yet");
    assert_eq!(code(&empty), "BadRequestException");

    apigw
        .put_method()
        .rest_api_id(&id)
        .resource_id(&todos_id)
        .http_method("GET")
        .authorization_type("NONE")
        .send()
        .await
        .expect("method");
    let bare = apigw
        .put_integration()
        .rest_api_id(&id)
        .resource_id(&todos_id)
        .http_method("GET")
        .r#type(IntegrationType::AwsProxy)
        .integration_http_method("POST")
        .uri(FUNCTION)
        .send()
        .await
        .expect_err("a bare Lambda ARN");
    assert_eq!(code(&bare), "BadRequestException");
    let uri = format!(
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FUNCTION}/invocations"
    );
    apigw
        .put_integration()
        .rest_api_id(&id)
        .resource_id(&todos_id)
        .http_method("GET")
        .r#type(IntegrationType::AwsProxy)
        .integration_http_method("POST")
        .uri(&uri)
        .send()
        .await
        .expect("integration");
    let resources = apigw
        .get_resources()
        .rest_api_id(&id)
        .embed("methods")
        .send()
        .await
        .expect("resources");
    let listed = resources
        .items()
        .iter()
        .find(|r| r.path() == Some("/todos"))
        .expect("/todos");
    let get = listed
        .resource_methods()
        .and_then(|m| m.get("GET"))
        .expect("GET");
    assert_eq!(
        get.method_integration().and_then(|i| i.uri()),
        Some(uri.as_str())
    );

    let deployment = apigw
        .create_deployment()
        .rest_api_id(&id)
        .stage_name("v1")
        .send()
        .await
        .expect("deploy");
    let stage = apigw
        .get_stage()
        .rest_api_id(&id)
        .stage_name("v1")
        .send()
        .await
        .expect("stage");
    assert_eq!(stage.deployment_id(), deployment.id());
    apigw
        .update_stage()
        .rest_api_id(&id)
        .stage_name("v1")
        .patch_operations(
            PatchOperation::builder()
                .op(Op::Replace)
                .path("/variables/level")
                .value("debug")
                .build(),
        )
        .send()
        .await
        .expect("variables");
    emulator.stop().await;

    // A restart keeps everything.
    let emulator = Emulator::start(EmulatorConfig::loopback(Some(store)))
        .await
        .expect("starts again");
    let apigw = client(&emulator.endpoint());
    let summary = apigw
        .get_deployment()
        .rest_api_id(&id)
        .deployment_id(deployment.id().expect("id"))
        .embed("apisummary")
        .send()
        .await
        .expect("deployment");
    assert!(
        summary
            .api_summary()
            .and_then(|s| s.get("/todos"))
            .is_some_and(|m| m.contains_key("GET")),
        "{summary:?}"
    );
    let stage = apigw
        .get_stage()
        .rest_api_id(&id)
        .stage_name("v1")
        .send()
        .await
        .expect("stage");
    assert_eq!(
        stage
            .variables()
            .and_then(|v| v.get("level"))
            .map(String::as_str),
        Some("debug")
    );
    let apis = apigw.get_rest_apis().send().await.expect("list");
    assert_eq!(apis.items().len(), 1);
    apigw
        .delete_rest_api()
        .rest_api_id(&id)
        .send()
        .await
        .expect("delete");
    assert!(
        apigw
            .get_rest_apis()
            .send()
            .await
            .expect("list")
            .items()
            .is_empty()
    );
    emulator.stop().await;
}

const ECHO: &str = r#"import json
def handler(event, context):
    q = event.get("queryStringParameters") or {}
    if q.get("mode") == "bad":
        return {"statusCode": 200, "body": {"not": "a string"}}
    if q.get("mode") == "boom":
        raise ValueError("boom")
    return {"statusCode": "201", "headers": {"x-echo": "yes", "X-Echo-Case": "Kept"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": json.dumps(event)}
"#;

/// The data plane: a Lambda proxy route through each URL form, the event as API
/// Gateway builds it, the reply as it maps it, and its errors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_route_runs_its_function_as_api_gateway_does() {
    let emulator = Emulator::start(EmulatorConfig::loopback(None))
        .await
        .expect("starts");
    let ep = emulator.endpoint();
    let lambda = crate::lambda::lambda_client(&ep);
    lambda
        .create_function()
        .function_name("echo")
        .runtime(aws_sdk_lambda::types::Runtime::Python312)
        .role("arn:aws:iam::000000000000:role/r")
        .handler("app.handler")
        .code(
            aws_sdk_lambda::types::FunctionCode::builder()
                .zip_file(aws_sdk_lambda::primitives::Blob::new(crate::support::zip(
                    &[("app.py", ECHO)],
                )))
                .build(),
        )
        .send()
        .await
        .expect("function");
    let apigw = client(&ep);
    let api = apigw
        .create_rest_api()
        .name("echo")
        .send()
        .await
        .expect("api");
    let id = api.id().expect("id").to_string();
    let items = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(api.root_resource_id().expect("root"))
        .path_part("items")
        .send()
        .await
        .expect("items");
    let item = apigw
        .create_resource()
        .rest_api_id(&id)
        .parent_id(items.id().expect("id"))
        .path_part("{id}")
        .send()
        .await
        .expect("item");
    let uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:echo/invocations";
    for (resource, method) in [
        (item.id().expect("id"), "GET"),
        (items.id().expect("id"), "ANY"),
    ] {
        apigw
            .put_method()
            .rest_api_id(&id)
            .resource_id(resource)
            .http_method(method)
            .authorization_type("NONE")
            .send()
            .await
            .expect("method");
        apigw
            .put_integration()
            .rest_api_id(&id)
            .resource_id(resource)
            .http_method(method)
            .r#type(IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .uri(uri)
            .send()
            .await
            .expect("integration");
    }
    apigw
        .create_deployment()
        .rest_api_id(&id)
        .stage_name("v1")
        .send()
        .await
        .expect("deploy");
    let get = |path: &str| crate::wire::http(&ep, "GET", path, &[], b"");

    // No permission for API Gateway to invoke the function: 500, as on AWS.
    let (status, out) = get(&format!("/_aws/execute-api/{id}/v1/items/42"));
    assert_eq!(
        (status, out["message"].as_str()),
        (500, Some("Internal server error"))
    );
    lambda
        .add_permission()
        .function_name("echo")
        .statement_id("apigateway")
        .action("lambda:InvokeFunction")
        .principal("apigateway.amazonaws.com")
        .source_arn(format!("arn:aws:execute-api:us-east-1:000000000000:{id}/*"))
        .send()
        .await
        .expect("permission");

    for path in [
        format!("/_aws/execute-api/{id}/v1/items/42?tag=a&tag=b&q=x%20y"),
        format!("/restapis/{id}/v1/_user_request_/items/42?tag=a&tag=b&q=x%20y"),
    ] {
        let (status, event) = get(&path);
        assert_eq!(status, 201, "{event}");
        assert_eq!(event["resource"], "/items/{id}");
        assert_eq!(event["path"], "/items/42");
        assert_eq!(event["httpMethod"], "GET");
        assert_eq!(event["pathParameters"]["id"], "42");
        assert_eq!(event["queryStringParameters"]["tag"], "b", "the last value");
        assert_eq!(event["queryStringParameters"]["q"], "x y");
        assert_eq!(
            event["multiValueQueryStringParameters"]["tag"],
            serde_json::json!(["a", "b"])
        );
        assert_eq!(event["body"], serde_json::Value::Null, "no body is null");
        assert_eq!(event["isBase64Encoded"], false);
        assert_eq!(event["requestContext"]["stage"], "v1");
        assert_eq!(event["requestContext"]["path"], "/v1/items/42");
        assert!(
            event["requestContext"]["requestTimeEpoch"]
                .as_u64()
                .unwrap_or(0)
                > 1_000_000_000_000,
            "milliseconds"
        );
    }
    // ANY on /items takes the real method, and a POST body.
    let (status, event) = crate::wire::http(
        &ep,
        "POST",
        &format!("/_aws/execute-api/{id}/v1/items"),
        &[("Content-Type", "application/json")],
        br#"{"a":1}"#,
    );
    assert_eq!(status, 201);
    assert_eq!(event["httpMethod"], "POST");
    assert_eq!(event["body"], r#"{"a":1}"#);
    assert_eq!(event["pathParameters"], serde_json::Value::Null);
    // No route, or no method on it: 403 Missing Authentication Token.
    let (status, out) = get(&format!("/_aws/execute-api/{id}/v1/nothing"));
    assert_eq!(
        (status, out["message"].as_str()),
        (403, Some("Missing Authentication Token"))
    );
    let (status, _) = crate::wire::http(
        &ep,
        "DELETE",
        &format!("/_aws/execute-api/{id}/v1/items/42"),
        &[],
        b"",
    );
    assert_eq!(status, 403);
    // A malformed reply or a function error: 502.
    let (status, out) = get(&format!("/_aws/execute-api/{id}/v1/items/1?mode=bad"));
    assert_eq!(
        (status, out["message"].as_str()),
        (502, Some("Internal server error"))
    );
    let (status, _) = get(&format!("/_aws/execute-api/{id}/v1/items/1?mode=boom"));
    assert_eq!(status, 502);
    // Header names keep their case both ways, on the second request of a
    // kept-alive connection too (after a body).
    let addr = ep.trim_start_matches("http://").to_string();
    let id2 = id.clone();
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut stream = std::net::TcpStream::connect(&addr).expect("connects");
        let post = format!(
            "POST /_aws/execute-api/{id2}/v1/items HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 7\r\n\r\n{{\"a\":1}}"
        );
        stream.write_all(post.as_bytes()).expect("write");
        let (head, _) = read_reply(&mut stream);
        assert!(head.contains("\r\nX-Echo-Case: Kept\r\n"), "{head}");
        assert!(head.contains("\r\nx-echo: yes\r\n"), "{head}");
        assert!(head.contains("\r\nx-amzn-RequestId: "), "{head}");
        let get = format!(
            "GET /_aws/execute-api/{id2}/v1/items/7 HTTP/1.1\r\nHost: {addr}\r\nX-Custom-Header: One\r\nx-lower: two\r\nAccept: */*\r\n\r\n"
        );
        stream.write_all(get.as_bytes()).expect("write");
        let (head, body) = read_reply(&mut stream);
        assert!(head.starts_with("HTTP/1.1 201"), "{head}");
        let event: serde_json::Value = serde_json::from_slice(&body).expect("the event");
        assert_eq!(event["headers"]["X-Custom-Header"], "One", "{event}");
        assert_eq!(event["headers"]["x-lower"], "two", "{event}");
        assert_eq!(event["headers"]["Host"].as_str(), Some(addr.as_str()), "{event}");
        assert_eq!(
            event["multiValueHeaders"]["X-Custom-Header"],
            serde_json::json!(["One"])
        );
        // The gateway's own answer: AWS's case.
        let missing = format!(
            "GET /_aws/execute-api/{id2}/v1/nothing HTTP/1.1\r\nHost: {addr}\r\n\r\n"
        );
        stream.write_all(missing.as_bytes()).expect("write");
        let (head, _) = read_reply(&mut stream);
        assert!(head.starts_with("HTTP/1.1 403"), "{head}");
        assert!(
            head.contains("\r\nx-amzn-ErrorType: MissingAuthenticationTokenException\r\n"),
            "{head}"
        );
    })
    .await
    .expect("kept-alive requests");
    emulator.stop().await;
}

/// One reply on a kept-alive connection: its head as text, and its body.
fn read_reply(stream: &mut std::net::TcpStream) -> (String, Vec<u8>) {
    use std::io::Read;
    let mut got = Vec::new();
    let mut byte = [0u8; 1];
    while !got.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("read");
        assert_eq!(n, 1, "the connection closed early: {got:?}");
        got.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&got).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse().ok())
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the body");
    (head, body)
}
