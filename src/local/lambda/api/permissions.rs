//! AddPermission, GetPolicy, RemovePermission: the function's resource policy.

use serde_json::{Value as Json, json};

use super::error::{ErrorKind, LambdaError};
use super::{HttpReply, empty, function, json_reply, read, require, update};
use crate::local::lambda::Lambda;

pub(super) async fn add(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    require(
        body,
        &[
            ("Action", "action"),
            ("Principal", "principal"),
            ("StatementId", "statementId"),
        ],
    )?;
    let f = function(l, region, name)?;
    let sid = body
        .get("StatementId")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    let mut statement = json!({
        "Sid": sid,
        "Effect": "Allow",
        "Principal": { "Service": body.get("Principal") },
        "Action": body.get("Action"),
        "Resource": Lambda::arn(region, &read(&f).name),
    });
    if let Some(src) = body.get("SourceArn") {
        statement["Condition"] = json!({ "ArnLike": { "AWS:SourceArn": src } });
    }
    let added = statement.clone();
    update(l, &f, |c| {
        if c.policy.iter().any(|s| s["Sid"] == sid) {
            return Err(LambdaError::new(
                ErrorKind::ResourceConflict,
                format!(
                    "The statement id ({sid}) provided already exists. Please provide a new statement id, or remove the existing statement."
                ),
            ));
        }
        c.policy.push(added);
        Ok(())
    })
    .await?;
    Ok(json_reply(
        201,
        &json!({ "Statement": statement.to_string() }),
    ))
}

pub(super) fn get(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    let c = read(&f);
    if c.policy.is_empty() {
        return Err(LambdaError::new(
            ErrorKind::ResourceNotFound,
            "The resource you requested does not exist.",
        ));
    }
    let policy = json!({ "Version": "2012-10-17", "Id": "default", "Statement": c.policy });
    Ok(json_reply(
        200,
        &json!({ "Policy": policy.to_string(), "RevisionId": format!("{:08x}", c.revision) }),
    ))
}

pub(super) async fn remove(
    l: &Lambda,
    region: &str,
    name: &str,
    sid: &str,
) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    update(l, &f, |c| {
        if !c.policy.iter().any(|s| s["Sid"] == sid) {
            return Err(LambdaError::new(
                ErrorKind::ResourceNotFound,
                format!("Statement {sid} is not found in resource policy."),
            ));
        }
        c.policy.retain(|s| s["Sid"] != sid);
        Ok(())
    })
    .await?;
    Ok(empty(204))
}
