//! The role kind: the IAM role gatekit makes for a function without `role:`, with
//! one inline policy (`gatekit`) made from its `access:`, trusted by Lambda only.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::kind::{Attribute, Effect};
use super::table::TagChange;

/// The name of the inline policy gatekit keeps on its roles.
pub const POLICY_NAME: &str = "gatekit";

/// Who may assume the role: Lambda.
pub fn lambda_trust() -> Json {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Action": "sts:AssumeRole"
        }]
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleSpec {
    /// The inline policy's document (Null: none).
    pub policy: Json,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoleUpdate {
    pub policy: bool,
    pub tags: Option<TagChange>,
}

impl RoleSpec {
    /// `policy.RESOURCE` (each statement's actions, by the resource it is about, so
    /// that plan shows which table's access changes), `tag.KEY`. A document of
    /// another shape is one `policy` attribute.
    pub fn attributes(&self) -> Vec<Attribute> {
        let mut a = Vec::new();
        match self.policy.get("Statement").and_then(Json::as_array) {
            Some(statements) => {
                for s in statements {
                    let resource = match &s["Resource"] {
                        Json::Array(list) => list.first().cloned().unwrap_or(Json::Null),
                        other => other.clone(),
                    };
                    // `table/NAME`, `log-group:/aws/lambda/F`: the ARN after its account.
                    let short = resource
                        .as_str()
                        .map(|r| r.splitn(6, ':').nth(5).unwrap_or(r).to_string())
                        .unwrap_or_else(|| "*".into());
                    let value = match s["Effect"].as_str() {
                        Some("Allow") => s["Action"].clone(),
                        _ => json!({ "effect": s["Effect"], "actions": s["Action"] }),
                    };
                    a.push(Attribute::new(
                        format!("policy.{short}"),
                        value,
                        Effect::InPlace,
                    ));
                }
            }
            None => a.push(Attribute::new(
                "policy",
                self.policy.clone(),
                Effect::InPlace,
            )),
        }
        a.extend(super::kind::tag_attributes(&self.tags));
        a
    }

    pub fn update_from(&self, live: &RoleSpec) -> RoleUpdate {
        RoleUpdate {
            policy: self.policy != live.policy,
            tags: TagChange::between(&self.tags, &live.tags),
        }
    }
}

/// What `read`, `write` and `read_write` allow on a table and its indexes.
pub fn table_actions(read: bool, write: bool) -> Vec<&'static str> {
    let mut a = Vec::new();
    if read {
        a.extend([
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:PartiQLSelect",
        ]);
    }
    if write {
        a.extend([
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:PartiQLInsert",
            "dynamodb:PartiQLUpdate",
            "dynamodb:PartiQLDelete",
        ]);
    }
    a.extend(["dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"]);
    a
}

/// What a trigger's function role needs on the table's streams (Lambda reads them
/// for it); ListStreams names no stream.
const STREAM_ACTIONS: [&str; 3] = [
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
];

/// The least-privilege policy: each table's actions on it and its indexes, the
/// streams of the tables that trigger the function, and the function's own log
/// group.
pub fn access_policy(
    tables: &[(String, bool, bool)],
    streams: &[String],
    log_group_arn: &str,
) -> Json {
    let mut statements: Vec<Json> = tables
        .iter()
        .map(|(arn, read, write)| {
            json!({
                "Effect": "Allow",
                "Action": table_actions(*read, *write),
                "Resource": [arn, format!("{arn}/index/*")]
            })
        })
        .collect();
    if !streams.is_empty() {
        statements.push(json!({
            "Effect": "Allow",
            "Action": STREAM_ACTIONS,
            "Resource": streams.iter().map(|t| format!("{t}/stream/*")).collect::<Vec<_>>()
        }));
        statements.push(json!({
            "Effect": "Allow",
            "Action": ["dynamodb:ListStreams"],
            "Resource": "*"
        }));
    }
    statements.push(json!({
        "Effect": "Allow",
        "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        "Resource": [log_group_arn.trim_end_matches(":*"), log_group_arn]
    }));
    json!({ "Version": "2012-10-17", "Statement": statements })
}
