//! PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency.

use serde_json::{Value as Json, json};

use super::error::{ErrorKind, LambdaError};
use super::{HttpReply, Shape, check_shapes, empty, function, json_reply, read, require, update};
use crate::local::lambda::Lambda;

/// What must stay unreserved (AWS's minimum; less when the local account is smaller).
const MIN_UNRESERVED: u64 = 100;

pub(super) async fn put(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    require(
        body,
        &[(
            "ReservedConcurrentExecutions",
            "reservedConcurrentExecutions",
        )],
    )?;
    check_shapes(body, &[("ReservedConcurrentExecutions", Shape::Integer)])?;
    let n = body
        .get("ReservedConcurrentExecutions")
        .and_then(Json::as_i64)
        .unwrap_or(i64::MAX);
    if n < 0 {
        return Err(LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{n}' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0"
            ),
        ));
    }
    let f = function(l, region, name)?;
    // Checked inside the update, which runs one at a time: what the other functions
    // of the region reserve cannot change meanwhile.
    update(l, &f, |c| {
        let others: u64 = l
            .in_region(region)
            .iter()
            .map(|g| read(g))
            .filter(|g| g.name != c.name)
            .filter_map(|g| g.reserved_concurrency)
            .sum();
        let account = l.runtimes.concurrency;
        let minimum = MIN_UNRESERVED.min(account / 10);
        if others + n as u64 > account.saturating_sub(minimum) {
            return Err(LambdaError::invalid(format!(
                "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{minimum}]."
            )));
        }
        c.reserved_concurrency = Some(n as u64);
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
