//! A table's settings beside its schema: tags (TagResource, UntagResource,
//! ListTagsOfResource), TTL (UpdateTimeToLive, DescribeTimeToLive), and the
//! account-level DescribeLimits and DescribeEndpoints.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::OpContext;
use crate::local::dynamodb::error::{DResult, DynamoError, ErrorKind};
use crate::local::dynamodb::request::{
    Request, check_table_name, constraint, member_error, member_errors,
};
use crate::local::dynamodb::schema::TableMeta;

/// The table a ResourceArn names, once `before` (the request's own checks, which
/// DynamoDB makes after the ARN's form and before the table's existence) passes.
fn table_by_arn(
    ctx: &OpContext<'_>,
    req: &Request,
    before: impl FnOnce() -> DResult<()>,
) -> DResult<String> {
    let arn = req.required_str("ResourceArn")?;
    let name = arn
        .split_once(":table/")
        .map(|(_, n)| n.split('/').next().unwrap_or(n))
        .filter(|_| arn.starts_with("arn:"))
        .ok_or_else(|| {
            DynamoError::validation(format!(
                "Invalid TableArn: Invalid ResourceArn provided as input {arn}"
            ))
        })?;
    // A table name DynamoDB could not have is no table ARN at all.
    if check_table_name(name, "resourceArn").is_err() || name.len() < 3 {
        return Err(DynamoError::validation(format!(
            "Invalid TableArn: Invalid ResourceArn provided as input {arn}"
        )));
    }
    before()?;
    // The table of the ARN's region, reached through this region's endpoint only.
    let in_region = arn.split(':').nth(3) == Some(ctx.region);
    ctx.store
        .table(ctx.region, name)
        .ok()
        .filter(|_| in_region)
        .ok_or_else(|| {
            DynamoError::new(
                ErrorKind::ResourceNotFound,
                // AWS's spelling.
                format!("Requested resource not found: ResourcArn: {arn} not found"),
            )
        })?;
    Ok(name.to_string())
}

async fn change_meta(
    ctx: &OpContext<'_>,
    name: String,
    f: impl FnOnce(&mut TableMeta) -> DResult<()> + Send + 'static,
) -> DResult<TableMeta> {
    let region = ctx.region.to_string();
    ctx.store
        .write(move |txn| {
            let mut meta = (*txn
                .table(&region, &name)
                .ok_or_else(|| DynamoError::table_not_found(&name))?)
            .clone();
            f(&mut meta)?;
            txn.set_meta(&region, &name, Some(meta.clone()))?;
            Ok(meta)
        })
        .await
}

pub async fn tag_resource(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let Some(list) = req.array("Tags")? else {
        return Err(constraint("null", "tags", "Member must not be null"));
    };
    let new = tags(Some(list))?;
    let name = table_by_arn(ctx, req, || {
        if new.is_empty() {
            return Err(DynamoError::validation(
                "Atleast one Tag needs to be provided as Input.",
            ));
        }
        Ok(())
    })?;
    change_meta(ctx, name, move |m| {
        m.tags.extend(new);
        if m.tags.len() > 50 {
            return Err(DynamoError::new(
                ErrorKind::LimitExceeded,
                "The number of tags exceeds the limit of 50",
            ));
        }
        Ok(())
    })
    .await?;
    Ok(json!({}))
}

pub async fn untag_resource(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let Some(list) = req.array("TagKeys")? else {
        return Err(constraint("null", "tagKeys", "Member must not be null"));
    };
    let keys: Vec<String> = list
        .iter()
        .filter_map(Json::as_str)
        .map(String::from)
        .collect();
    let name = table_by_arn(ctx, req, || {
        if keys.is_empty() {
            return Err(DynamoError::validation(
                "Atleast one Tag Key needs to be provided as Input.",
            ));
        }
        Ok(())
    })
    .map_err(|mut e| {
        // UntagResource names no ARN when the table is missing.
        if e.kind == ErrorKind::ResourceNotFound {
            e.message = "Requested resource not found".into();
        }
        e
    })?;
    change_meta(ctx, name, move |m| {
        for k in &keys {
            m.tags.remove(k);
        }
        Ok(())
    })
    .await?;
    Ok(json!({}))
}

pub async fn list_tags(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = table_by_arn(ctx, req, || Ok(()))?;
    let meta = ctx.store.table(ctx.region, &name)?;
    let tags: Vec<Json> = meta
        .tags
        .iter()
        .map(|(k, v)| json!({"Key": k, "Value": v}))
        .collect();
    Ok(json!({ "Tags": tags }))
}

pub async fn update_ttl(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    let spec = req
        .get("TimeToLiveSpecification")
        .ok_or_else(|| constraint("null", "timeToLiveSpecification", "Member must not be null"))?
        .clone();
    let enabled = spec.get("Enabled").and_then(Json::as_bool).unwrap_or(false);
    let attribute = spec
        .get("AttributeName")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    if attribute.is_empty() {
        return Err(constraint(
            "''",
            "timeToLiveSpecification.attributeName",
            "Member must have length greater than or equal to 1",
        ));
    }
    let region = ctx.region.to_string();
    ctx.store
        .write(move |txn| {
            let mut m = (*txn.table(&region, &name).ok_or_else(|| DynamoError::table_not_found(&name))?).clone();
            match (enabled, &m.ttl_attribute) {
                (true, Some(_)) => return Err(DynamoError::validation("TimeToLive is already enabled")),
                (false, None) => return Err(DynamoError::validation("TimeToLive is already disabled")),
                (false, Some(current)) if *current != attribute => {
                    return Err(DynamoError::validation(format!(
                        "TimeToLive is active on a different AttributeName: current AttributeName is {current}"
                    )));
                }
                _ => {}
            }
            m.ttl_attribute = enabled.then(|| attribute.clone());
            if enabled {
                // Backfill the expiry index from the items already there.
                for item in txn.all_items(&m)? {
                    let key = m.item_key(&item)?;
                    txn.index_ttl(&m, &key, &item)?;
                }
            } else {
                txn.drop_table(m.ttl_table())?;
            }
            txn.set_meta(&region, &name, Some(m))?;
            Ok(())
        })
        .await?;
    Ok(json!({ "TimeToLiveSpecification": spec }))
}

pub async fn describe_ttl(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let meta = ctx.store.table(ctx.region, req.table_name()?)?;
    Ok(match &meta.ttl_attribute {
        Some(a) => {
            json!({ "TimeToLiveDescription": { "TimeToLiveStatus": "ENABLED", "AttributeName": a } })
        }
        None => json!({ "TimeToLiveDescription": { "TimeToLiveStatus": "DISABLED" } }),
    })
}

pub async fn describe_limits(_ctx: &OpContext<'_>, _req: &Request) -> DResult<Json> {
    Ok(json!({
        "AccountMaxReadCapacityUnits": 80000,
        "AccountMaxWriteCapacityUnits": 80000,
        "TableMaxReadCapacityUnits": 40000,
        "TableMaxWriteCapacityUnits": 40000,
    }))
}

pub async fn describe_endpoints(ctx: &OpContext<'_>, _req: &Request) -> DResult<Json> {
    Ok(json!({ "Endpoints": [ { "Address": ctx.host, "CachePeriodInMinutes": 1440 } ] }))
}

/// The tags of a CreateTable or TagResource.
pub(super) fn tags(json: Option<&Vec<Json>>) -> DResult<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    // Keys of 1 to 128 characters, values of at most 256: the members' own
    // constraints, reported together with their positions.
    let mut errors = Vec::new();
    for (i, t) in json.into_iter().flatten().enumerate() {
        let at = |member: &str| format!("tags.{}.member.{member}", i + 1);
        for (field, member, min, max) in [("Key", "key", 1, 128), ("Value", "value", 0, 256)] {
            let text = t.get(field).and_then(Json::as_str);
            let rule = match text.map(|s| s.chars().count()) {
                None => "Member must not be null".to_string(),
                Some(n) if n < min => {
                    format!("Member must have length greater than or equal to {min}")
                }
                Some(n) if n > max => {
                    format!("Member must have length less than or equal to {max}")
                }
                Some(_) => continue,
            };
            let echoed = text.map_or("null".to_string(), |s| format!("'{s}'"));
            errors.push(member_error(&echoed, &at(member), &rule));
        }
    }
    if !errors.is_empty() {
        return Err(member_errors(&errors));
    }
    for t in json.into_iter().flatten() {
        let k = t.get("Key").and_then(Json::as_str).unwrap_or_default();
        let v = t.get("Value").and_then(Json::as_str).unwrap_or_default();
        if k.starts_with("aws:") {
            return Err(DynamoError::invalid_parameter(
                "Tag keys starting with 'aws:' are reserved",
            ));
        }
        out.insert(k.to_string(), v.to_string());
    }
    if out.len() > 50 {
        return Err(DynamoError::new(
            ErrorKind::LimitExceeded,
            "The number of tags exceeds the limit of 50",
        ));
    }
    Ok(out)
}
