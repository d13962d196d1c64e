//! Functions for people and for scripts: the list, one function's page, what an
//! invocation returned, log lines.

use aws_sdk_lambda::operation::get_function::GetFunctionOutput;
use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{HINT, Printer, STRONG};
use crate::aws::names::lambda_log_group as group;
use crate::cloud::lambda::invoke::Invoked;
use crate::cloud::lambda::logs::LogLine;

/// One function in `fn list`.
#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub physical_name: String,
    pub runtime: Option<String>,
    pub memory: Option<i32>,
    pub timeout: Option<i32>,
    pub code_size: Option<i64>,
    pub last_modified: Option<String>,
    /// `Active`, ..., or `not deployed`.
    pub state: String,
}

pub fn row(logical: Option<String>, physical: String, out: Option<&GetFunctionOutput>) -> Row {
    let c = out.and_then(|o| o.configuration());
    Row {
        name: logical.unwrap_or_else(|| physical.clone()),
        physical_name: physical,
        runtime: c.and_then(|c| c.runtime()).map(|r| r.as_str().to_string()),
        memory: c.and_then(|c| c.memory_size()),
        timeout: c.and_then(|c| c.timeout()),
        code_size: c.map(|c| c.code_size()),
        last_modified: c.and_then(|c| c.last_modified()).map(String::from),
        state: match (out, c.and_then(|c| c.state())) {
            (None, _) => "not deployed".into(),
            (Some(_), Some(s)) => s.as_str().to_string(),
            (Some(_), None) => "Active".into(),
        },
    }
}

fn dash<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_else(|| "-".into())
}

pub fn list(p: &Printer, rows: &[Row]) {
    p.result(&rows, || {
        if rows.is_empty() {
            p.out("no functions");
            return;
        }
        let mut t = p.table(&[
            "function",
            "physical name",
            "runtime",
            "memory",
            "timeout",
            "code",
            "last modified",
            "state",
        ]);
        for r in rows {
            t.add_row(vec![
                r.name.clone(),
                r.physical_name.clone(),
                dash(&r.runtime),
                r.memory
                    .map(|m| format!("{m} MB"))
                    .unwrap_or_else(|| "-".into()),
                r.timeout
                    .map(|s| format!("{s} s"))
                    .unwrap_or_else(|| "-".into()),
                r.code_size
                    .map(|b| super::plan::bytes(b.max(0) as u64))
                    .unwrap_or_else(|| "-".into()),
                dash(&r.last_modified),
                r.state.clone(),
            ]);
        }
        p.out(&t.to_string());
    });
}

/// `fn show`: the function's configuration, environment, role, concurrency, tags
/// and log group, from GetFunction.
pub fn describe(
    p: &Printer,
    logical: Option<&str>,
    out: &GetFunctionOutput,
    policy: Option<&Json>,
) {
    let value = description(logical, out, policy);
    let name = value["physical_name"].as_str().unwrap_or_default();
    let empty = serde_json::Map::new();
    let env = value["environment"].as_object().unwrap_or(&empty);
    let tags = value["tags"].as_object().unwrap_or(&empty);
    p.result(&value, || {
        let mut lines = vec![p.paint(
            STRONG,
            &format!("Function {}", value["name"].as_str().unwrap_or(name)),
        )];
        let fact = |k: &str, v: &Json| -> String {
            let text = match v {
                Json::String(s) => s.clone(),
                Json::Null => "-".into(),
                other => other.to_string(),
            };
            format!("  {k:<14} {text}")
        };
        for k in [
            "physical_name",
            "arn",
            "runtime",
            "handler",
            "architecture",
            "memory",
            "timeout",
            "code_size",
            "code_sha256",
            "last_modified",
            "state",
            "role",
            "concurrency",
            "log_group",
        ] {
            lines.push(fact(&k.replace('_', " "), &value[k]));
        }
        if !env.is_empty() {
            lines.push("  environment".into());
            lines.extend(
                env.iter()
                    .map(|(k, v)| format!("    {k}={}", v.as_str().unwrap_or_default())),
            );
        }
        if let Some(policy) = policy {
            lines.push("  role policy".into());
            let text = serde_json::to_string_pretty(policy).unwrap_or_default();
            lines.extend(text.lines().map(|l| format!("    {l}")));
        }
        if !tags.is_empty() {
            lines.push("  tags".into());
            lines.extend(
                tags.iter()
                    .map(|(k, v)| format!("    {k}={}", v.as_str().unwrap_or_default())),
            );
        }
        p.out(&lines.join("\n"));
    });
}

/// A function's configuration as `fn show` shows it (and the console), from
/// GetFunction.
pub fn description(logical: Option<&str>, out: &GetFunctionOutput, policy: Option<&Json>) -> Json {
    let c = out.configuration();
    let name = c.and_then(|c| c.function_name()).unwrap_or_default();
    let env: serde_json::Map<String, Json> = c
        .and_then(|c| c.environment())
        .and_then(|e| e.variables())
        .map(|v| v.iter().map(|(k, v)| (k.clone(), json!(v))).collect())
        .unwrap_or_default();
    let tags: serde_json::Map<String, Json> = out
        .tags()
        .map(|t| t.iter().map(|(k, v)| (k.clone(), json!(v))).collect())
        .unwrap_or_default();
    json!({
        "name": logical.unwrap_or(name),
        "physical_name": name,
        "arn": c.and_then(|c| c.function_arn()),
        "runtime": c.and_then(|c| c.runtime()).map(|r| r.as_str()),
        "handler": c.and_then(|c| c.handler()),
        "architecture": c.and_then(|c| c.architectures().first()).map(|a| a.as_str()),
        "memory": c.and_then(|c| c.memory_size()),
        "timeout": c.and_then(|c| c.timeout()),
        "code_size": c.map(|c| c.code_size()),
        "code_sha256": c.and_then(|c| c.code_sha256()),
        "last_modified": c.and_then(|c| c.last_modified()),
        "state": c.and_then(|c| c.state()).map(|s| s.as_str()),
        "role": c.and_then(|c| c.role()),
        "concurrency": out.concurrency().and_then(|c| c.reserved_concurrent_executions()),
        "environment": env,
        "tags": tags,
        "log_group": group(name),
        "role_policy": policy,
    })
}

/// The payload as JSON when it is JSON, else as the text it is.
fn payload(bytes: &[u8]) -> Json {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|_| Json::String(String::from_utf8_lossy(bytes).into_owned()))
}

/// What a synchronous invocation returned: the payload on stdout (pretty on a
/// terminal); a function error's type and message on stderr as well.
pub fn invoked(p: &Printer, function: &str, i: &Invoked) {
    let value = payload(&i.payload);
    p.result(
        &json!({
            "function": function,
            "status_code": i.status_code,
            "function_error": i.function_error,
            "payload": value,
            "log_tail": i.log_tail,
        }),
        || {
            let text = if p.asks() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            };
            p.out(&text.unwrap_or_default());
        },
    );
    if let Some(tail) = &i.log_tail {
        for line in tail.lines() {
            p.err(&dim_control(p, line));
        }
    }
    if let Some(kind) = &i.function_error {
        let error_type = value["errorType"].as_str().unwrap_or(kind);
        let message = value["errorMessage"].as_str().unwrap_or("");
        p.error(
            &format!("function `{function}` failed: {error_type}: {message}"),
            Some("its log: `gatekit fn logs` (or pass --logs)"),
        );
    }
}

/// An asynchronous invocation, accepted: its request id.
pub fn accepted(p: &Printer, function: &str, i: &Invoked) {
    p.result(
        &json!({ "function": function, "status_code": i.status_code, "request_id": i.request_id }),
        || {
            p.out(&format!(
                "accepted: {function} runs asynchronously (request id {})",
                i.request_id.as_deref().unwrap_or("-")
            ));
        },
    );
}

/// START, END and REPORT lines dimmed on a terminal: the function's own lines stand out.
fn dim_control(p: &Printer, line: &str) -> String {
    if ["START ", "END ", "REPORT ", "INIT_START "]
        .iter()
        .any(|w| line.starts_with(w))
    {
        p.paint_err(HINT.dimmed(), line)
    } else {
        line.to_string()
    }
}

pub fn log_line(p: &Printer, line: &LogLine) {
    if p.streams_json() {
        p.event(line);
        return;
    }
    let time = crate::aws::clock::iso8601(line.timestamp.max(0) as u64);
    let text = if ["START ", "END ", "REPORT ", "INIT_START "]
        .iter()
        .any(|w| line.message.starts_with(w))
    {
        p.paint(HINT.dimmed(), &line.message)
    } else {
        line.message.clone()
    };
    p.out(&format!("{} {text}", p.paint(HINT, &time)));
}
