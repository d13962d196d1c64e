//! A table's stream read back through the DynamoDB Streams API: its newest records
//! across its shards, and the triggers (event source mappings) that read it, for
//! the console.

use std::collections::VecDeque;

use aws_sdk_dynamodbstreams::Client;
use aws_sdk_dynamodbstreams::types::{AttributeValue, ShardIteratorType};
use base64::Engine;
use serde_json::{Map, Value as Json, json};

use crate::cloud::CloudError;

/// Pages read from one shard at most: a shard of a busy table on AWS may hold far
/// more than a person reads on a page.
const MAX_PAGES_PER_SHARD: usize = 200;
/// Shards described at most.
const MAX_SHARDS: usize = 1000;

/// A value of the Streams API as DynamoDB JSON (`{"S": "x"}`); its nesting is
/// DynamoDB's, at most 32 levels.
fn value(v: &AttributeValue) -> Json {
    let b64 = |b: &[u8]| Json::String(base64::engine::general_purpose::STANDARD.encode(b));
    match v {
        AttributeValue::S(s) => json!({ "S": s }),
        AttributeValue::N(n) => json!({ "N": n }),
        AttributeValue::B(b) => json!({ "B": b64(b.as_ref()) }),
        AttributeValue::Ss(l) => json!({ "SS": l }),
        AttributeValue::Ns(l) => json!({ "NS": l }),
        AttributeValue::Bs(l) => {
            json!({ "BS": l.iter().map(|b| b64(b.as_ref())).collect::<Vec<_>>() })
        }
        AttributeValue::Bool(b) => json!({ "BOOL": b }),
        AttributeValue::Null(_) => json!({ "NULL": true }),
        AttributeValue::L(l) => json!({ "L": l.iter().map(value).collect::<Vec<_>>() }),
        AttributeValue::M(m) => json!({ "M": image(m) }),
        _ => Json::Null,
    }
}

fn image(m: &std::collections::HashMap<String, AttributeValue>) -> Map<String, Json> {
    m.iter().map(|(k, v)| (k.clone(), value(v))).collect()
}

/// Sequence numbers are decimal strings of any length: longer is later.
fn sequence_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// What a stream holds now: its view type (`NEW_AND_OLD_IMAGES`, …) and its
/// newest records, oldest first: event name, time (seconds since the epoch), keys
/// and images as DynamoDB JSON, sequence number.
pub struct Recent {
    pub view_type: Option<String>,
    pub records: Vec<Json>,
}

/// The newest `keep` records of stream `arn`, across its shards.
pub async fn recent(client: &Client, arn: &str, keep: usize) -> Result<Recent, CloudError> {
    let mut view_type = None;
    let mut shards = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let out = client
            .describe_stream()
            .stream_arn(arn)
            .set_exclusive_start_shard_id(after.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("DescribeStream", arn, e))?;
        let Some(d) = out.stream_description() else {
            break;
        };
        view_type = d.stream_view_type().map(|v| v.as_str().to_string());
        shards.extend(
            d.shards()
                .iter()
                .filter_map(|s| s.shard_id().map(String::from)),
        );
        after = d.last_evaluated_shard_id().map(String::from);
        if after.is_none() || shards.len() >= MAX_SHARDS {
            break;
        }
    }
    let mut newest: VecDeque<(String, Json)> = VecDeque::new();
    for shard in shards {
        let it = client
            .get_shard_iterator()
            .stream_arn(arn)
            .shard_id(&shard)
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("GetShardIterator", arn, e))?;
        let mut iterator = it.shard_iterator().map(String::from);
        let mut pages = 0;
        while let Some(current) = iterator.take() {
            let out = client
                .get_records()
                .shard_iterator(current)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("GetRecords", arn, e))?;
            for r in out.records() {
                let Some(d) = r.dynamodb() else { continue };
                let seq = d.sequence_number().unwrap_or_default().to_string();
                let record = json!({
                    "event_id": r.event_id(),
                    "event": r.event_name().map(|e| e.as_str()),
                    "time": d.approximate_creation_date_time().map(|t| t.secs()),
                    "keys": d.keys().map(image),
                    "new_image": d.new_image().map(image),
                    "old_image": d.old_image().map(image),
                    "sequence_number": seq,
                    "size_bytes": d.size_bytes(),
                });
                newest.push_back((seq, record));
                if newest.len() > keep {
                    newest.pop_front();
                }
            }
            pages += 1;
            // An open shard always names a next iterator: an empty page is its end
            // for now.
            if out.records().is_empty() || pages >= MAX_PAGES_PER_SHARD {
                break;
            }
            iterator = out.next_shard_iterator().map(String::from);
        }
    }
    let mut records: Vec<(String, Json)> = newest.into_iter().collect();
    records.sort_by(|a, b| sequence_order(&a.0, &b.0));
    let skip = records.len().saturating_sub(keep);
    Ok(Recent {
        view_type,
        records: records.into_iter().skip(skip).map(|(_, r)| r).collect(),
    })
}

/// The event source mappings that read stream `arn`: function, state, batch size,
/// the last result.
pub async fn triggers(lambda: &aws_sdk_lambda::Client, arn: &str) -> Result<Vec<Json>, CloudError> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let page = lambda
            .list_event_source_mappings()
            .event_source_arn(arn)
            .set_marker(marker.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("ListEventSourceMappings", arn, e))?;
        out.extend(page.event_source_mappings().iter().map(|m| {
            json!({
                "uuid": m.uuid(),
                "function": m.function_arn().map(crate::aws::arn::function_name),
                "state": m.state(),
                "batch_size": m.batch_size(),
                "starting_position": m.starting_position().map(|p| p.as_str()),
                "last_result": m.last_processing_result(),
            })
        }));
        marker = page
            .next_marker()
            .map(String::from)
            .filter(|m| !m.is_empty());
        if marker.is_none() {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_numbers_order_as_numbers() {
        assert!(sequence_order("900", "1000").is_lt());
        assert!(sequence_order("1001", "1000").is_gt());
        assert!(sequence_order("000100", "000100").is_eq());
    }
}
