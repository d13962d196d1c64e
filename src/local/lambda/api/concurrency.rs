//! PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency.

use serde_json::{Value as Json, json};

use super::error::LambdaError;
use super::{HttpReply, empty, function, json_reply, read, update};
use crate::local::lambda::Lambda;

pub(super) async fn put(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    let n = body
        .get("ReservedConcurrentExecutions")
        .and_then(Json::as_u64)
        .ok_or_else(|| LambdaError::invalid("ReservedConcurrentExecutions is required"))?;
    update(l, &f, |c| {
        c.reserved_concurrency = Some(n);
        Ok(())
    })
    .await?;
    Ok(json_reply(
        200,
        &json!({ "ReservedConcurrentExecutions": n }),
    ))
}

pub(super) fn get(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    Ok(json_reply(
        200,
        &match read(&f).reserved_concurrency {
            Some(n) => json!({ "ReservedConcurrentExecutions": n }),
            None => json!({}),
        },
    ))
}

pub(super) async fn delete(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    update(l, &f, |c| {
        c.reserved_concurrency = None;
        Ok(())
    })
    .await?;
    Ok(empty(204))
}
