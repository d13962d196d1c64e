//! The IAM actions and resources a DynamoDB request asks for, as AWS authorizes
//! them: one per table for most operations, per index for Query and Scan on an
//! index, per table for batches (BatchGetItem, BatchWriteItem), and per item action
//! inside transactions (PutItem, UpdateItem, DeleteItem, ConditionCheckItem,
//! GetItem).

use serde_json::Value as Json;

use crate::aws::arn::{self, LOCAL_ACCOUNT};

/// The (action, resource ARN) pairs `operation` with `body` needs allowed.
pub fn requested(operation: &str, body: &Json, region: &str) -> Vec<(String, String)> {
    let table = |name: &str| arn::table(region, LOCAL_ACCOUNT, name);
    let action = |a: &str| format!("dynamodb:{a}");
    let named = |key: &str| body.get(key).and_then(Json::as_str).unwrap_or_default();
    match operation {
        "Query" | "Scan" => {
            let mut resource = table(named("TableName"));
            if let Some(index) = body.get("IndexName").and_then(Json::as_str) {
                resource = format!("{resource}/index/{index}");
            }
            vec![(action(operation), resource)]
        }
        "BatchGetItem" | "BatchWriteItem" => body
            .get("RequestItems")
            .and_then(Json::as_object)
            .map(|m| m.keys().map(|t| (action(operation), table(t))).collect())
            .unwrap_or_default(),
        "TransactWriteItems" | "TransactGetItems" => body
            .get("TransactItems")
            .and_then(Json::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| {
                        let (kind, inner) = item.as_object()?.iter().next()?;
                        let verb = match kind.as_str() {
                            "Put" => "PutItem",
                            "Update" => "UpdateItem",
                            "Delete" => "DeleteItem",
                            "ConditionCheck" => "ConditionCheckItem",
                            "Get" => "GetItem",
                            _ => return None,
                        };
                        let t = inner.get("TableName").and_then(Json::as_str)?;
                        Some((action(verb), table(t)))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        "ListTables" | "ListStreams" => vec![(action(operation), "*".to_string())],
        "DescribeStream" | "GetShardIterator" => {
            vec![(action(operation), named("StreamArn").to_string())]
        }
        "GetRecords" => vec![(
            action(operation),
            super::streams::iterator_arn(named("ShardIterator")).unwrap_or_default(),
        )],
        "TagResource" | "UntagResource" | "ListTagsOfResource" => {
            vec![(action(operation), named("ResourceArn").to_string())]
        }
        "ExecuteStatement" => partiql(named("Statement"), region).into_iter().collect(),
        "BatchExecuteStatement" | "ExecuteTransaction" => {
            let list = if operation == "ExecuteTransaction" {
                "TransactStatements"
            } else {
                "Statements"
            };
            body.get(list)
                .and_then(Json::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|s| partiql(s.get("Statement").and_then(Json::as_str)?, region))
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => vec![(action(operation), table(named("TableName")))],
    }
}

/// A PartiQL statement's action (PartiQLSelect, PartiQLInsert, PartiQLUpdate,
/// PartiQLDelete) on the table (or index) it names.
fn partiql(statement: &str, region: &str) -> Option<(String, String)> {
    use crate::aws::partiql::{Tok, tokens};
    let toks = tokens(statement).ok()?;
    let first = toks.first()?;
    let verb = ["SELECT", "INSERT", "UPDATE", "DELETE", "EXISTS"]
        .into_iter()
        .find(|v| first.is_word(v))?;
    let verb = match verb {
        "EXISTS" | "SELECT" => "Select",
        "INSERT" => "Insert",
        "UPDATE" => "Update",
        _ => "Delete",
    };
    let t = crate::aws::partiql::table_token(statement)?;
    let name = crate::aws::partiql::table_name(statement)?;
    let mut resource = arn::table(region, LOCAL_ACCOUNT, &name);
    let at = toks.iter().position(|x| x.start == t.start)?;
    if verb == "Select"
        && toks.get(at + 1).is_some_and(|x| x.is_sym("."))
        && let Some(Tok::Word(i) | Tok::Quoted(i)) = toks.get(at + 2).map(|x| x.tok.clone())
    {
        resource = format!("{resource}/index/{i}");
    }
    Some((format!("dynamodb:PartiQL{verb}"), resource))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn per_index_per_table_and_per_item_action() {
        let q = requested(
            "Query",
            &json!({"TableName": "t", "IndexName": "i"}),
            "us-east-1",
        );
        assert_eq!(
            q[0].1,
            "arn:aws:dynamodb:us-east-1:000000000000:table/t/index/i"
        );
        let tx = requested(
            "TransactWriteItems",
            &json!({"TransactItems": [{"Put": {"TableName": "a"}}, {"ConditionCheck": {"TableName": "b"}}]}),
            "us-east-1",
        );
        let actions: Vec<&str> = tx.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(actions, ["dynamodb:PutItem", "dynamodb:ConditionCheckItem"]);
        let b = requested(
            "BatchWriteItem",
            &json!({"RequestItems": {"x": [], "y": []}}),
            "r",
        );
        assert_eq!(b.len(), 2);
    }
}
