//! GetAccountSettings.

use serde_json::json;

use super::concurrency::ACCOUNT_CONCURRENCY;
use super::error::LambdaError;
use super::{HttpReply, json_reply, read};
use crate::local::lambda::Lambda;

pub(super) fn settings(l: &Lambda, region: &str) -> Result<HttpReply, LambdaError> {
    let functions = l.in_region(region);
    let reserved: u64 = functions
        .iter()
        .filter_map(|f| read(f).reserved_concurrency)
        .sum();
    let unreserved = ACCOUNT_CONCURRENCY.saturating_sub(reserved);
    let count = functions.len();
    Ok(json_reply(
        200,
        &json!({
            "AccountLimit": { "TotalCodeSize": 80530636800u64, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800, "ConcurrentExecutions": ACCOUNT_CONCURRENCY, "UnreservedConcurrentExecutions": unreserved },
            "AccountUsage": { "TotalCodeSize": 0, "FunctionCount": count },
        }),
    ))
}
