//! Which service answers a request: a pure function of its method, path and
//! headers, checked in a fixed order (first match wins):
//!
//! 1. An `X-Amz-Target` header: JSON protocols. `DynamoDB_20120810.*` is DynamoDB,
//!    `DynamoDBStreams_20120810.*` DynamoDB Streams, `Logs_20140328.*` CloudWatch
//!    Logs; any other target is an unknown operation.
//! 2. Lambda's REST paths: `/2015-03-31/`, `/2017-10-31/`, `/2019-09-30/`, `/2019-09-25/`,
//!    `/2016-08-19/` and `/2017-03-31/tags/`.
//! 3. API Gateway's data plane in the path form `/restapis/{id}/{stage}/_user_request_/…`.
//! 4. API Gateway's control plane: `/restapis`, `/restapis/…`, `/tags/arn:aws:apigateway…`.
//! 5. A form-encoded `POST /` (`Action=…`): the query protocol of IAM and STS.
//! 6. `GET /` without a target: the emulator's own status.
//! 7. `GET /_gatekit/apis…` (not on an API's host): the deployed APIs' reference pages.
//! 8. Anything else: the data plane of a deployed API (any user path).
//!
//! AWS's own endpoints keep these apart by host name; on one loopback port the
//! order above does it, and a user path can never shadow an AWS API.

use hyper::header::CONTENT_TYPE;
use hyper::{HeaderMap, Method};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    DynamoDb {
        operation: String,
    },
    DynamoDbStreams {
        operation: String,
    },
    Logs {
        operation: String,
    },
    /// An `X-Amz-Target` no service knows.
    UnknownTarget {
        target: String,
    },
    Lambda,
    ApiGatewayControl,
    /// A request for a deployed API's route.
    ApiGatewayData,
    /// IAM and STS (form-encoded `Action=`).
    Query,
    /// `GET /`: version, services, API calls served.
    Status,
    /// `GET /_gatekit/apis/…`: the deployed APIs' reference pages.
    ApiDocs,
}

const LAMBDA_PREFIXES: &[&str] = &[
    "/2015-03-31/",
    "/2017-10-31/",
    "/2019-09-30/",
    "/2019-09-25/",
    "/2016-08-19/",
    "/2017-03-31/tags/",
];

pub fn route(method: &Method, path: &str, headers: &HeaderMap) -> Route {
    if let Some(target) = headers.get("x-amz-target").and_then(|v| v.to_str().ok()) {
        let operation = |prefix: &str| target.strip_prefix(prefix).map(str::to_string);
        return if let Some(operation) = operation("DynamoDB_20120810.") {
            Route::DynamoDb { operation }
        } else if let Some(operation) = operation("DynamoDBStreams_20120810.") {
            Route::DynamoDbStreams { operation }
        } else if let Some(operation) = operation("Logs_20140328.") {
            Route::Logs { operation }
        } else {
            Route::UnknownTarget {
                target: target.to_string(),
            }
        };
    }
    if LAMBDA_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return Route::Lambda;
    }
    if path == "/restapis" || path.starts_with("/restapis/") {
        let parts: Vec<&str> = path.split('/').collect();
        // ["", "restapis", id, stage, "_user_request_", ...]
        if parts.get(4) == Some(&"_user_request_") {
            return Route::ApiGatewayData;
        }
        return Route::ApiGatewayControl;
    }
    if path.starts_with("/tags/arn:aws:apigateway")
        || path.starts_with("/tags/arn%3Aaws%3Aapigateway")
    {
        return Route::ApiGatewayControl;
    }
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if path == "/" && *method == Method::POST {
        if content_type.starts_with("application/x-www-form-urlencoded") {
            return Route::Query;
        }
        // The JSON protocols without a target: an operation nobody named.
        if content_type.starts_with("application/x-amz-json-") {
            return Route::UnknownTarget {
                target: String::new(),
            };
        }
    }
    if path == "/" && *method == Method::GET {
        return Route::Status;
    }
    // The emulator's own pages, never under an API's host form.
    let api_host = headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|h| h.contains(".execute-api."));
    if *method == Method::GET && path.starts_with("/_gatekit/apis") && !api_host {
        return Route::ApiDocs;
    }
    Route::ApiGatewayData
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    fn r(method: Method, path: &str, pairs: &[(&'static str, &'static str)]) -> Route {
        route(&method, path, &headers(pairs))
    }

    #[test]
    fn json_protocols_by_target() {
        let t = |target: &'static str| r(Method::POST, "/", &[("x-amz-target", target)]);
        assert_eq!(
            t("DynamoDB_20120810.PutItem"),
            Route::DynamoDb {
                operation: "PutItem".into()
            }
        );
        assert_eq!(
            t("DynamoDBStreams_20120810.GetRecords"),
            Route::DynamoDbStreams {
                operation: "GetRecords".into()
            }
        );
        assert_eq!(
            t("Logs_20140328.GetLogEvents"),
            Route::Logs {
                operation: "GetLogEvents".into()
            }
        );
        assert_eq!(
            t("Kinesis_20131202.PutRecord"),
            Route::UnknownTarget {
                target: "Kinesis_20131202.PutRecord".into()
            }
        );
    }

    #[test]
    fn a_target_header_wins_over_any_path() {
        assert!(matches!(
            r(
                Method::POST,
                "/2015-03-31/functions",
                &[("x-amz-target", "DynamoDB_20120810.Scan")]
            ),
            Route::DynamoDb { .. }
        ));
    }

    #[test]
    fn lambda_paths() {
        for p in [
            "/2015-03-31/functions",
            "/2015-03-31/functions/f/invocations",
            "/2017-10-31/functions/f/concurrency",
            "/2016-08-19/account-settings/",
            "/2017-03-31/tags/arn:aws:lambda:us-east-1:000000000000:function:f",
        ] {
            assert_eq!(r(Method::GET, p, &[]), Route::Lambda, "{p}");
        }
    }

    #[test]
    fn api_gateway_control_and_data_planes() {
        assert_eq!(r(Method::GET, "/restapis", &[]), Route::ApiGatewayControl);
        assert_eq!(
            r(Method::POST, "/restapis/abc123/resources/xyz", &[]),
            Route::ApiGatewayControl
        );
        assert_eq!(
            r(
                Method::GET,
                "/tags/arn:aws:apigateway:us-east-1::/restapis/abc",
                &[]
            ),
            Route::ApiGatewayControl
        );
        assert_eq!(
            r(Method::GET, "/restapis/abc123/v1/_user_request_/todos", &[]),
            Route::ApiGatewayData
        );
    }

    #[test]
    fn query_protocol_status_and_user_paths() {
        let form = [(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )];
        assert_eq!(r(Method::POST, "/", &form), Route::Query);
        let json_without_target = [("content-type", "application/x-amz-json-1.0")];
        assert_eq!(
            r(Method::POST, "/", &json_without_target),
            Route::UnknownTarget {
                target: String::new()
            }
        );
        assert_eq!(r(Method::GET, "/", &[]), Route::Status);
        // User paths of a deployed API, even ones that look like AWS's.
        for p in ["/todos", "/todos/42", "/2015-03-31", "/restapisx", "/tags"] {
            assert_eq!(r(Method::GET, p, &[]), Route::ApiGatewayData, "{p}");
        }
        assert_eq!(r(Method::POST, "/", &[]), Route::ApiGatewayData);
    }
}
