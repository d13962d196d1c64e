//! A function's log through the CloudWatch Logs API: its log group, read in pages.

use aws_sdk_cloudwatchlogs::Client;

use crate::cloud::CloudError;

/// One log line as CloudWatch Logs keeps it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LogLine {
    pub timestamp: i64,
    pub stream: String,
    pub message: String,
    #[serde(skip)]
    pub id: String,
}

/// The log group Lambda writes a function's log to.
pub use crate::aws::names::lambda_log_group as group;

/// Every event of the function's log group from `since` (ms since the epoch),
/// matching `pattern` (CloudWatch Logs' filter pattern), oldest first. A function
/// that never ran has no log group: no lines.
pub async fn read(
    client: &Client,
    function: &str,
    since: Option<i64>,
    pattern: Option<&str>,
) -> Result<Vec<LogLine>, CloudError> {
    read_group(client, &group(function), since, pattern).await
}

/// Every event of log group `group` from `since`, as `read` reads a function's.
pub async fn read_group(
    client: &Client,
    group: &str,
    since: Option<i64>,
    pattern: Option<&str>,
) -> Result<Vec<LogLine>, CloudError> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .filter_log_events()
            .log_group_name(group)
            .set_start_time(since)
            .set_filter_pattern(pattern.map(String::from))
            .set_next_token(token.clone())
            .send()
            .await;
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                let err = CloudError::from_sdk("FilterLogEvents", group, e);
                if err.code() == Some("ResourceNotFoundException") {
                    return Ok(out);
                }
                return Err(err);
            }
        };
        out.extend(page.events().iter().map(|e| LogLine {
            timestamp: e.timestamp().unwrap_or(0),
            stream: e.log_stream_name().unwrap_or_default().to_string(),
            message: e.message().unwrap_or_default().trim_end().to_string(),
            id: e.event_id().unwrap_or_default().to_string(),
        }));
        token = page
            .next_token()
            .map(String::from)
            .filter(|t| !t.is_empty());
        if token.is_none() {
            out.sort_by_key(|l| l.timestamp);
            return Ok(out);
        }
    }
}

/// Makes log group `group`; one that is there already is what was wanted.
pub async fn ensure_group(client: &Client, group: &str) -> Result<(), CloudError> {
    match client.create_log_group().log_group_name(group).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let err = CloudError::from_sdk("CreateLogGroup", group, e);
            match err.code() {
                Some("ResourceAlreadyExistsException") => Ok(()),
                _ => Err(err),
            }
        }
    }
}

/// Deletes a function's log group; one that is not there is what was wanted.
pub async fn delete_group(client: &Client, function: &str) -> Result<(), CloudError> {
    let group = group(function);
    match client
        .delete_log_group()
        .log_group_name(&group)
        .send()
        .await
    {
        Ok(_) => Ok(()),
        Err(e) => {
            let err = CloudError::from_sdk("DeleteLogGroup", &group, e);
            if err.code() == Some("ResourceNotFoundException") {
                Ok(())
            } else {
                Err(err)
            }
        }
    }
}
