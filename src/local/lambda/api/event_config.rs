//! PutFunctionEventInvokeConfig, UpdateFunctionEventInvokeConfig,
//! GetFunctionEventInvokeConfig, DeleteFunctionEventInvokeConfig,
//! ListFunctionEventInvokeConfigs: a function's asynchronous invocation settings
//! (retries, the age an event may reach, destinations), kept in its record.

use serde_json::{Value as Json, json};

use super::error::{ErrorKind, LambdaError};
use super::{HttpReply, Shape, check_shapes, empty, function, in_range, json_reply, read, update};
use crate::local::lambda::{EventInvoke, FunctionConfig, Lambda};

fn shape(c: &FunctionConfig, e: &EventInvoke) -> Json {
    let dest = |d: &Option<String>| match d {
        Some(d) => json!({ "Destination": d }),
        None => json!({}),
    };
    let mut v = json!({
        "LastModified": e.last_modified_ms as f64 / 1000.0,
        "FunctionArn": format!("{}:$LATEST", Lambda::arn(&c.region, &c.name)),
        "DestinationConfig": { "OnSuccess": dest(&e.on_success), "OnFailure": dest(&e.on_failure) },
    });
    if let Some(r) = e.retries {
        v["MaximumRetryAttempts"] = json!(r);
    }
    if let Some(a) = e.max_age {
        v["MaximumEventAgeInSeconds"] = json!(a);
    }
    v
}

/// The settings a request gives (only those it names), checked before anything
/// is kept.
struct Given {
    retries: Option<u64>,
    max_age: Option<u64>,
    on_success: Option<Option<String>>,
    on_failure: Option<Option<String>>,
}

fn given(body: &Json) -> Result<Given, LambdaError> {
    check_shapes(
        body,
        &[
            ("MaximumRetryAttempts", Shape::Integer),
            ("MaximumEventAgeInSeconds", Shape::Integer),
            ("DestinationConfig", Shape::Object),
        ],
    )?;
    let retries = body
        .get("MaximumRetryAttempts")
        .and_then(Json::as_i64)
        .map(|r| in_range(r, 0, 2, "maximumRetryAttempts"))
        .transpose()?
        .map(|r| r as u64);
    let max_age = body
        .get("MaximumEventAgeInSeconds")
        .and_then(Json::as_i64)
        .map(|a| in_range(a, 60, 21_600, "maximumEventAgeInSeconds"))
        .transpose()?
        .map(|a| a as u64);
    let dest = |which: &str| -> Option<Option<String>> {
        let d = body.get("DestinationConfig")?.get(which)?;
        Some(
            d.get("Destination")
                .and_then(Json::as_str)
                .map(String::from),
        )
    };
    Ok(Given {
        retries,
        max_age,
        on_success: dest("OnSuccess"),
        on_failure: dest("OnFailure"),
    })
}

/// A destination must be an ARN; a function destination must be one the
/// function's role may invoke, as Lambda checks when it is configured.
fn check_destination(
    l: &Lambda,
    c: &FunctionConfig,
    d: &Option<String>,
) -> Result<(), LambdaError> {
    let Some(d) = d else { return Ok(()) };
    if !d.starts_with("arn:") {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{d}' at 'destinationConfig.onSuccess.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{{2}}((-gov)|(-iso(b?)))?-[a-z]+-\\d{{1}})?:(\\d{{12}})?:(.*)"
            ),
        ));
    }
    if d.contains(":function:") && !l.allowed(&c.role, "lambda:InvokeFunction", d) {
        return Err(LambdaError::invalid(format!(
            "The function's execution role does not have permissions to call InvokeFunction on {d}"
        )));
    }
    Ok(())
}

fn apply(e: &mut EventInvoke, g: Given) {
    if g.retries.is_some() {
        e.retries = g.retries;
    }
    if g.max_age.is_some() {
        e.max_age = g.max_age;
    }
    if let Some(d) = g.on_success {
        e.on_success = d;
    }
    if let Some(d) = g.on_failure {
        e.on_failure = d;
    }
    e.last_modified_ms = crate::aws::clock::unix_millis();
}

/// Put replaces the whole config; Update changes what it names.
pub(super) async fn put(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
    replace: bool,
) -> Result<HttpReply, LambdaError> {
    let g = given(body)?;
    let f = function(l, region, name)?;
    if !replace && read(&f).event_invoke.is_none() {
        return Err(not_found(&read(&f)));
    }
    let c = update(l, &f, |c| {
        for d in [&g.on_success, &g.on_failure].into_iter().flatten() {
            check_destination(l, c, d)?;
        }
        let mut e = if replace {
            EventInvoke::default()
        } else {
            c.event_invoke.clone().unwrap_or_default()
        };
        apply(&mut e, g);
        c.event_invoke = Some(e);
        Ok(())
    })
    .await?;
    let e = c.event_invoke.clone().unwrap_or_default();
    Ok(json_reply(200, &shape(&c, &e)))
}

fn not_found(c: &FunctionConfig) -> LambdaError {
    LambdaError::new(
        ErrorKind::ResourceNotFound,
        format!(
            "The function {} doesn't have an EventInvokeConfig",
            Lambda::arn(&c.region, &c.name)
        ),
    )
}

pub(super) fn get(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let c = read(&*function(l, region, name)?);
    match &c.event_invoke {
        Some(e) => Ok(json_reply(200, &shape(&c, e))),
        None => Err(not_found(&c)),
    }
}

pub(super) fn list(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let c = read(&*function(l, region, name)?);
    let configs: Vec<Json> = c.event_invoke.iter().map(|e| shape(&c, e)).collect();
    Ok(json_reply(
        200,
        &json!({ "FunctionEventInvokeConfigs": configs }),
    ))
}

pub(super) async fn delete(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    if read(&f).event_invoke.is_none() {
        return Err(not_found(&read(&f)));
    }
    update(l, &f, |c| {
        c.event_invoke = None;
        Ok(())
    })
    .await?;
    Ok(empty(204))
}
