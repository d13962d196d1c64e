//! A stage's access logging, as API Gateway does it: after each request, the
//! stage's `accessLogSettings.format` with its `$context` variables filled in, as
//! one event of the log group its `destinationArn` names.

use std::time::Duration;

use http_body_util::Full;
use hyper::body::Body;

use super::AccessLog;
use super::data::{Reply, Request, Target};
use crate::local::lambda::Lambda;

/// What one request's line can say beyond the request and the reply.
pub struct Served<'a> {
    pub target: &'a Target,
    pub request: &'a Request<'a>,
    pub reply: &'a Reply,
    /// The route's resource path (`/todos/{id}`), when one matched.
    pub resource_path: Option<&'a str>,
    pub latency: Duration,
}

/// The log group's name in a log-group ARN (`…:log-group:NAME`, maybe `:*` after).
fn group_name(arn: &str) -> Option<&str> {
    let name = arn.split_once(":log-group:")?.1;
    Some(name.strip_suffix(":*").unwrap_or(name)).filter(|n| !n.is_empty())
}

pub fn write(lambda: &Lambda, log: &AccessLog, served: &Served<'_>) {
    let Some(group) = group_name(&log.destination_arn) else {
        return;
    };
    if log.format.is_empty() {
        return;
    }
    let line = render(&log.format, served);
    let stream = format!("{}-{}", served.target.api, served.target.stage);
    lambda.groups.append(group, &stream, &line);
}

/// `format` with every `$context.NAME` replaced by its value (`-` when unknown).
fn render(format: &str, s: &Served<'_>) -> String {
    let mut out = String::with_capacity(format.len() + 64);
    let mut rest = format;
    while let Some(at) = rest.find("$context.") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "$context.".len()..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
            .unwrap_or(after.len());
        // A sentence's full stop after a variable is not part of its name.
        let name = after[..len].trim_end_matches('.');
        out.push_str(&value(name, s));
        rest = &after[name.len()..];
    }
    out.push_str(rest);
    out
}

fn header<'a>(s: &'a Served<'_>, name: &str) -> Option<&'a str> {
    s.request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn value(name: &str, s: &Served<'_>) -> String {
    let now = crate::aws::clock::unix_millis();
    let known = match name {
        "requestId" | "extendedRequestId" => s
            .reply
            .headers()
            .get("x-amzn-requestid")
            .and_then(|v| v.to_str().ok())
            .map(String::from),
        "httpMethod" => Some(s.request.verb.as_str().to_string()),
        "path" => Some(format!("/{}{}", s.target.stage, s.target.path)),
        "resourcePath" => s.resource_path.map(String::from),
        "status" => Some(s.reply.status().as_u16().to_string()),
        "responseLength" => Some(
            Body::size_hint(s.reply.body() as &Full<_>)
                .exact()
                .unwrap_or(0)
                .to_string(),
        ),
        "responseLatency" => Some(s.latency.as_millis().to_string()),
        "requestTime" => Some(crate::aws::clock::apigateway_time(now)),
        "requestTimeEpoch" => Some(now.to_string()),
        "stage" => Some(s.target.stage.clone()),
        "apiId" => Some(s.target.api.clone()),
        "protocol" => Some("HTTP/1.1".to_string()),
        "identity.sourceIp" => Some(s.request.source_ip.to_string()),
        "identity.userAgent" => header(s, "user-agent").map(String::from),
        "domainName" => header(s, "host").map(String::from),
        _ => None,
    };
    known.unwrap_or_else(|| "-".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_is_named_by_its_arn() {
        assert_eq!(
            group_name("arn:aws:logs:us-east-1:000000000000:log-group:access/web:*"),
            Some("access/web")
        );
        assert_eq!(
            group_name("arn:aws:logs:us-east-1:000000000000:log-group:g"),
            Some("g")
        );
        assert_eq!(group_name("arn:aws:s3:::bucket"), None);
    }
}
