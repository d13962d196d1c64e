//! GetAccountSettings.

use serde_json::json;

use super::error::LambdaError;
use super::{HttpReply, json_reply};
use crate::local::lambda::Lambda;

pub(super) fn settings(l: &Lambda, region: &str) -> Result<HttpReply, LambdaError> {
    let functions = l.in_region(region);
    let unreserved = l.unreserved(region);
    let account = l.runtimes.concurrency;
    let count = functions.len();
    Ok(json_reply(
        200,
        &json!({
            "AccountLimit": { "TotalCodeSize": 80530636800u64, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800, "ConcurrentExecutions": account, "UnreservedConcurrentExecutions": unreserved },
            "AccountUsage": { "TotalCodeSize": 0, "FunctionCount": count },
        }),
    ))
}
