//! Table operations: CreateTable, DeleteTable, DescribeTable, ListTables,
//! UpdateTable (tags, TTL, limits and endpoints are in `table_settings`).

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::OpContext;
use super::table_settings::tags;
use crate::local::dynamodb::error::{DResult, DynamoError, ErrorKind};
use crate::local::dynamodb::request::{Request, constraint, member_error, member_errors};
use crate::local::dynamodb::schema::{
    IndexMeta, KeyAttr, KeySchema, ProjectionType, ScalarType, TableMeta, Throughput,
};

fn invalid(detail: impl std::fmt::Display) -> DynamoError {
    DynamoError::invalid_parameter(detail)
}

fn attribute_definitions(req: &Request) -> DResult<BTreeMap<String, ScalarType>> {
    let mut out = BTreeMap::new();
    for (i, def) in req
        .array("AttributeDefinitions")?
        .into_iter()
        .flatten()
        .enumerate()
    {
        let name = def
            .get("AttributeName")
            .and_then(Json::as_str)
            .unwrap_or_default();
        let ty = def
            .get("AttributeType")
            .and_then(Json::as_str)
            .unwrap_or_default();
        let Some(kind) = ScalarType::parse(ty) else {
            return Err(constraint(
                &format!("'{ty}'"),
                &format!("attributeDefinitions.{}.member.attributeType", i + 1),
                "Member must satisfy enum value set: [B, N, S]",
            ));
        };
        if out.insert(name.to_string(), kind).is_some() {
            return Err(invalid(format!(
                "Cannot have two attributes with the same name: {name}"
            )));
        }
    }
    Ok(out)
}

/// A KeySchema (`path` names it in errors: `keySchema`, or an index's).
fn key_schema(
    json: Option<&Json>,
    defs: &BTreeMap<String, ScalarType>,
    what: &str,
    path: &str,
) -> DResult<KeySchema> {
    let Some(elems) = json.and_then(Json::as_array) else {
        return Err(constraint("null", path, "Member must not be null"));
    };
    if elems.is_empty() {
        return Err(constraint(
            "'[]'",
            path,
            "Member must have length greater than or equal to 1",
        ));
    }
    if elems.len() > 2 {
        // The list as the service's Java objects print it.
        let shown: Vec<String> = elems
            .iter()
            .map(|e| {
                let field = |k: &str| e.get(k).and_then(Json::as_str).unwrap_or("null");
                format!(
                    "KeySchemaElement(attributeName={}, keyType={})",
                    field("AttributeName"),
                    field("KeyType")
                )
            })
            .collect();
        return Err(constraint(
            &format!("'[{}]'", shown.join(", ")),
            path,
            "Member must have length less than or equal to 2",
        ));
    }
    let mut hash = None;
    let mut range = None;
    for (i, e) in elems.iter().enumerate() {
        let name = e
            .get("AttributeName")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string();
        let key_type = e.get("KeyType").and_then(Json::as_str).unwrap_or_default();
        let Some(kind) = defs.get(&name).copied() else {
            let keys: Vec<String> = elems
                .iter()
                .filter_map(|e| {
                    e.get("AttributeName")
                        .and_then(Json::as_str)
                        .map(String::from)
                })
                .collect();
            return Err(invalid(format!(
                "Some index key attributes are not defined in AttributeDefinitions. Keys: [{}], AttributeDefinitions: [{}]",
                keys.join(", "),
                defs.keys().cloned().collect::<Vec<_>>().join(", ")
            )));
        };
        match (key_type, i) {
            ("HASH", 0) => hash = Some(KeyAttr { name, kind }),
            ("RANGE", 1) => range = Some(KeyAttr { name, kind }),
            ("HASH", _) | ("RANGE", _) => {
                return Err(invalid(format!(
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type in {what}"
                )));
            }
            (other, _) => {
                return Err(constraint(
                    &format!("'{other}'"),
                    &format!("{path}.{}.member.keyType", i + 1),
                    "Member must satisfy enum value set: [HASH, RANGE]",
                ));
            }
        }
    }
    let hash = hash.ok_or_else(|| {
        invalid("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
    })?;
    if range.as_ref().is_some_and(|r| r.name == hash.name) {
        return Err(invalid(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name",
        ));
    }
    Ok(KeySchema { hash, range })
}

fn projection(
    json: Option<&Json>,
    index: &str,
    path: &str,
) -> DResult<(ProjectionType, Vec<String>)> {
    let Some(p) = json else {
        return Err(invalid(format!(
            "Projection is required for index: {index}"
        )));
    };
    let non_key: Vec<String> = p
        .get("NonKeyAttributes")
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Json::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let ty = match p.get("ProjectionType").and_then(Json::as_str) {
        Some("ALL") => ProjectionType::All,
        Some("KEYS_ONLY") => ProjectionType::KeysOnly,
        Some("INCLUDE") => ProjectionType::Include,
        None => return Err(invalid("Unknown ProjectionType: null")),
        Some(other) => {
            return Err(constraint(
                &format!("'{other}'"),
                &format!("{path}.projection.projectionType"),
                "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]",
            ));
        }
    };
    if ty != ProjectionType::Include && !non_key.is_empty() {
        return Err(invalid(format!(
            "ProjectionType is {}, but NonKeyAttributes is specified",
            ty.name()
        )));
    }
    if ty == ProjectionType::Include && non_key.is_empty() {
        return Err(invalid(
            "NonKeyAttributes must not be empty when ProjectionType is INCLUDE",
        ));
    }
    Ok((ty, non_key))
}

/// A ProvisionedThroughput at `path` (`provisionedThroughput`,
/// `globalSecondaryIndexes.1.member.provisionedThroughput`): both units present and
/// at least 1, reported together in AWS's words, then each within AWS's bound.
fn throughput(json: Option<&Json>, path: &str) -> DResult<Option<Throughput>> {
    let Some(t) = json else {
        return Ok(None);
    };
    let units = |member: &str| t.get(member).and_then(Json::as_i64);
    let (read, write) = (units("ReadCapacityUnits"), units("WriteCapacityUnits"));
    let mut errors = Vec::new();
    for (value, member) in [(write, "writeCapacityUnits"), (read, "readCapacityUnits")] {
        let member = format!("{path}.{member}");
        match value {
            None => errors.push(member_error("null", &member, "Member must not be null")),
            Some(v) if v < 1 => errors.push(member_error(
                &format!("'{v}'"),
                &member,
                "Member must have value greater than or equal to 1",
            )),
            Some(_) => {}
        }
    }
    let (Some(read), Some(write)) = (read, write) else {
        return Err(member_errors(&errors));
    };
    if !errors.is_empty() {
        return Err(member_errors(&errors));
    }
    for (value, member) in [(read, "ReadCapacityUnits"), (write, "WriteCapacityUnits")] {
        if value > MAX_UNITS {
            return Err(DynamoError::validation(format!(
                "Given value {value} for {member} is out of bounds"
            )));
        }
    }
    Ok(Some(Throughput {
        read: read as u64,
        write: write as u64,
    }))
}

/// The most capacity units AWS takes in a request (its account limits come after).
const MAX_UNITS: i64 = 1_000_000_000_000;

/// An index name: each broken rule its own error, as the validation framework lists them.
fn check_index_name(name: &str, path: &str) -> DResult<()> {
    let member = format!("{path}.indexName");
    let error =
        |rule: &str| format!("Value '{name}' at '{member}' failed to satisfy constraint: {rule}");
    let mut errors = Vec::new();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        errors.push(error(
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        ));
    }
    if name.len() < 3 {
        errors.push(error("Member must have length greater than or equal to 3"));
    }
    if name.len() > 255 {
        errors.push(error("Member must have length less than or equal to 255"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(member_errors(&errors))
    }
}

/// An index of CreateTable or UpdateTable; `path` is its member's
/// (`globalSecondaryIndexes.1.member`), for errors.
fn parse_index(
    ctx: &OpContext<'_>,
    json: &Json,
    path: &str,
    defs: &BTreeMap<String, ScalarType>,
    on_demand: bool,
    global: bool,
) -> DResult<IndexMeta> {
    let name = json
        .get("IndexName")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    check_index_name(&name, path)?;
    let key = key_schema(
        json.get("KeySchema"),
        defs,
        &format!("index {name}"),
        &format!("{path}.keySchema"),
    )?;
    let (projection, non_key) = projection(json.get("Projection"), &name, path)?;
    let tp = throughput(
        json.get("ProvisionedThroughput"),
        &format!("{path}.provisionedThroughput"),
    )?;
    if global {
        if on_demand && tp.is_some() {
            return Err(invalid(format!(
                "ProvisionedThroughput should not be specified for index: {name} when BillingMode is PAY_PER_REQUEST"
            )));
        }
        if !on_demand && tp.is_none() {
            return Err(invalid(format!(
                "ProvisionedThroughput must be specified for index: {name}"
            )));
        }
    }
    Ok(IndexMeta {
        name,
        key,
        projection,
        non_key,
        throughput: tp,
        id: ctx.store.new_id(),
    })
}

fn billing(req: &Request) -> DResult<Option<bool>> {
    match req.str("BillingMode")? {
        None => Ok(None),
        Some("PAY_PER_REQUEST") => Ok(Some(true)),
        Some("PROVISIONED") => Ok(Some(false)),
        Some(other) => Err(constraint(
            &format!("'{other}'"),
            "billingMode",
            "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
        )),
    }
}

pub async fn create_table(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.new_table_name()?.to_string();
    let defs = attribute_definitions(req)?;
    let key = key_schema(req.get("KeySchema"), &defs, "table", "keySchema")?;
    let on_demand = billing(req)?.unwrap_or(false);
    let tp = throughput(req.get("ProvisionedThroughput"), "provisionedThroughput")?;
    if on_demand && tp.is_some() {
        return Err(invalid(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        ));
    }
    if !on_demand && tp.is_none() {
        return Err(DynamoError::validation(
            "No provisioned throughput specified for the table",
        ));
    }
    let mut gsis = Vec::new();
    for (i, g) in req
        .array("GlobalSecondaryIndexes")?
        .into_iter()
        .flatten()
        .enumerate()
    {
        let path = format!("globalSecondaryIndexes.{}.member", i + 1);
        gsis.push(parse_index(ctx, g, &path, &defs, on_demand, true)?);
    }
    let mut lsis = Vec::new();
    for (i, l) in req
        .array("LocalSecondaryIndexes")?
        .into_iter()
        .flatten()
        .enumerate()
    {
        let path = format!("localSecondaryIndexes.{}.member", i + 1);
        let index = parse_index(ctx, l, &path, &defs, on_demand, false)?;
        if key.range.is_none() {
            return Err(invalid(
                "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex",
            ));
        }
        if index.key.hash.name != key.hash.name {
            return Err(invalid(format!(
                "Index KeySchema does not have the same leading hash key as table KeySchema for index: {}. index hash key: {}, table hash key: {}",
                index.name, index.key.hash.name, key.hash.name
            )));
        }
        if index.key.range.is_none() {
            return Err(invalid(format!(
                "Index KeySchema does not have a range key for index: {}",
                index.name
            )));
        }
        lsis.push(index);
    }
    if gsis.len() > 20 {
        return Err(DynamoError::new(
            ErrorKind::LimitExceeded,
            "Subscriber limit exceeded: Number of global indexes exceeds the maximum of 20",
        ));
    }
    if lsis.len() > 5 {
        return Err(invalid(
            "Number of LocalSecondaryIndexes exceeds per-table limit of 5",
        ));
    }
    let mut names: Vec<&str> = gsis
        .iter()
        .chain(lsis.iter())
        .map(|i| i.name.as_str())
        .collect();
    names.sort();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(invalid(format!("Duplicate index name: {}", w[0])));
    }
    // Every definition must be used by a key of the table or an index.
    let mut used: Vec<&str> = key.names();
    for i in gsis.iter().chain(lsis.iter()) {
        used.extend(i.key.names());
    }
    if defs.keys().any(|d| !used.contains(&d.as_str())) {
        return Err(invalid(
            "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
        ));
    }
    let stream = crate::local::dynamodb::streams::specification(req, true)?;
    let meta = TableMeta {
        name: name.clone(),
        id: ctx.store.new_id(),
        region: ctx.region.to_string(),
        // DynamoDB's CreationDateTime has millisecond precision.
        created: crate::aws::clock::unix_millis() as f64 / 1000.0,
        key,
        attributes: defs,
        gsis,
        lsis,
        on_demand,
        throughput: tp.unwrap_or(Throughput { read: 0, write: 0 }),
        ttl_attribute: None,
        tags: tags(req.array("Tags")?)?,
        deletion_protection: req.bool("DeletionProtectionEnabled")?.unwrap_or(false),
        streams: stream
            .flatten()
            .map(crate::local::dynamodb::streams::new_stream)
            .into_iter()
            .collect(),
    };
    let created = ctx
        .store
        .write(move |txn| {
            if txn.table(&meta.region, &meta.name).is_some() {
                return Err(DynamoError::in_use(format!(
                    "Table already exists: {}",
                    meta.name
                )));
            }
            txn.set_meta(&meta.region, &meta.name, Some(meta.clone()))?;
            Ok(meta)
        })
        .await?;
    Ok(json!({ "TableDescription": describe(ctx, &created, Some("ACTIVE"), false)? }))
}

fn throughput_json(t: Option<&Throughput>) -> Json {
    let t = t.cloned().unwrap_or(Throughput { read: 0, write: 0 });
    json!({ "ReadCapacityUnits": t.read, "WriteCapacityUnits": t.write, "NumberOfDecreasesToday": 0 })
}

/// Counts a table's (or index's) items and bytes.
fn usage(ctx: &OpContext<'_>, table: &str) -> DResult<(u64, u64)> {
    let snap = ctx.store.snapshot()?;
    let (mut count, mut bytes) = (0u64, 0u64);
    snap.scan(table, &[], None, true, |k, v| {
        count += 1;
        bytes += (k.len() + v.len()) as u64;
        Ok(true)
    })?;
    Ok((count, bytes))
}

/// A TableDescription; `counts` adds ItemCount and TableSizeBytes (they cost a scan).
pub fn describe(
    ctx: &OpContext<'_>,
    meta: &TableMeta,
    status: Option<&str>,
    counts: bool,
) -> DResult<Json> {
    let (items, bytes) = if counts {
        usage(ctx, &meta.items_table())?
    } else {
        (0, 0)
    };
    let arn = meta.arn();
    let index_json = |i: &IndexMeta, global: bool| -> DResult<Json> {
        let (n, b) = if counts {
            usage(ctx, &meta.index_table(i))?
        } else {
            (0, 0)
        };
        let mut projection = json!({ "ProjectionType": i.projection.name() });
        if !i.non_key.is_empty() {
            projection["NonKeyAttributes"] = json!(i.non_key);
        }
        let mut v = json!({
            "IndexName": i.name,
            "KeySchema": i.key.to_json(),
            "Projection": projection,
            "IndexSizeBytes": b,
            "ItemCount": n,
            "IndexArn": format!("{arn}/index/{}", i.name),
        });
        if global {
            v["IndexStatus"] = json!("ACTIVE");
            v["ProvisionedThroughput"] = throughput_json(
                i.throughput
                    .as_ref()
                    .or((!meta.on_demand).then_some(&meta.throughput)),
            );
        }
        Ok(v)
    };
    let mut t = json!({
        "TableName": meta.name,
        "TableArn": arn,
        "TableId": format!("{:08x}-0000-4000-8000-{:012x}", meta.id, meta.id),
        "TableStatus": status.unwrap_or("ACTIVE"),
        "CreationDateTime": meta.created,
        "KeySchema": meta.key.to_json(),
        "AttributeDefinitions": meta.attributes.iter().map(|(k, v)| json!({"AttributeName": k, "AttributeType": v.name()})).collect::<Vec<_>>(),
        "ProvisionedThroughput": throughput_json(Some(&meta.throughput)),
        "TableSizeBytes": bytes,
        "ItemCount": items,
        "DeletionProtectionEnabled": meta.deletion_protection,
    });
    if meta.on_demand {
        t["BillingModeSummary"] = json!({ "BillingMode": "PAY_PER_REQUEST", "LastUpdateToPayPerRequestDateTime": meta.created });
    } else {
        t["BillingModeSummary"] = json!({ "BillingMode": "PROVISIONED" });
    }
    if !meta.gsis.is_empty() {
        t["GlobalSecondaryIndexes"] = Json::Array(
            meta.gsis
                .iter()
                .map(|i| index_json(i, true))
                .collect::<DResult<_>>()?,
        );
    }
    crate::local::dynamodb::streams::describe_into(meta, &mut t);
    if !meta.lsis.is_empty() {
        t["LocalSecondaryIndexes"] = Json::Array(
            meta.lsis
                .iter()
                .map(|i| index_json(i, false))
                .collect::<DResult<_>>()?,
        );
    }
    Ok(t)
}

pub async fn describe_table(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let meta = ctx.store.table(ctx.region, req.table_name()?)?;
    Ok(json!({ "Table": describe(ctx, &meta, None, true)? }))
}

pub async fn delete_table(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    let region = ctx.region.to_string();
    let meta = ctx
        .store
        .write(move |txn| {
            let meta = txn
                .table(&region, &name)
                .ok_or_else(|| DynamoError::table_not_found(&name))?;
            if meta.deletion_protection {
                return Err(DynamoError::validation(
                    "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.",
                ));
            }
            txn.set_meta(&region, &name, None)?;
            txn.drop_table(meta.items_table())?;
            txn.drop_table(meta.ttl_table())?;
            for i in meta.gsis.iter().chain(meta.lsis.iter()) {
                txn.drop_table(meta.index_table(i))?;
            }
            Ok(meta)
        })
        .await?;
    Ok(json!({ "TableDescription": describe(ctx, &meta, Some("DELETING"), false)? }))
}

pub async fn list_tables(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    // Checked with the other members (`members`): 1 to 100.
    let limit = req.int("Limit")?.unwrap_or(100).clamp(1, 100);
    let start = req.str("ExclusiveStartTableName")?;
    let names: Vec<String> = ctx
        .store
        .table_names(ctx.region)
        .into_iter()
        .filter(|n| start.is_none_or(|s| n.as_str() > s))
        .collect();
    let page: Vec<String> = names.iter().take(limit as usize).cloned().collect();
    let mut out = json!({ "TableNames": page });
    if names.len() > limit as usize {
        out["LastEvaluatedTableName"] = json!(page.last());
    }
    Ok(out)
}

/// GlobalSecondaryIndexUpdates' own rules: each says what it does, once per index.
fn index_updates(updates: &[Json]) -> DResult<()> {
    let mut seen = Vec::new();
    for u in updates {
        let action = ["Update", "Create", "Delete"]
            .iter()
            .find_map(|a| u.get(*a).filter(|v| !v.is_null()));
        let Some(action) = action else {
            return Err(invalid(
                "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null",
            ));
        };
        let name = action
            .get("IndexName")
            .and_then(Json::as_str)
            .unwrap_or_default();
        if seen.contains(&name) {
            return Err(invalid(format!(
                "Only one global secondary index update per index is allowed simultaneously. Index: {name}"
            )));
        }
        seen.push(name);
    }
    Ok(())
}

pub async fn update_table(ctx: &OpContext<'_>, req: &Request) -> DResult<Json> {
    let name = req.table_name()?.to_string();
    // The request is checked whole before the table is looked up, as DynamoDB does.
    let defs = attribute_definitions(req)?;
    let new_billing = billing(req)?;
    let tp = throughput(req.get("ProvisionedThroughput"), "provisionedThroughput")?;
    let updates = req
        .array("GlobalSecondaryIndexUpdates")?
        .cloned()
        .unwrap_or_default();
    let protection = req.bool("DeletionProtectionEnabled")?;
    if new_billing.is_none()
        && tp.is_none()
        && updates.is_empty()
        && protection.is_none()
        && !req.has("StreamSpecification")
    {
        return Err(DynamoError::validation(
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required",
        ));
    }
    index_updates(&updates)?;
    let current = ctx.store.table(ctx.region, &name)?;
    let mut meta = (*current).clone();
    if let Some(on_demand) = new_billing {
        meta.on_demand = on_demand;
    }
    if meta.on_demand && tp.is_some() {
        return Err(invalid(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        ));
    }
    if let Some(tp) = &tp
        && !current.on_demand
        && !meta.on_demand
        && tp.read == current.throughput.read
        && tp.write == current.throughput.write
    {
        let (c, r) = (&current.throughput, tp);
        return Err(DynamoError::validation(format!(
            "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: {}. Requested ReadCapacityUnits: {}. Current WriteCapacityUnits provisioned for the table: {}. Requested WriteCapacityUnits: {}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
            c.read, r.read, c.write, r.write
        )));
    }
    if let Some(tp) = tp {
        meta.throughput = tp;
    } else if !meta.on_demand && meta.throughput.read == 0 {
        return Err(invalid(
            "ProvisionedThroughput must be specified when BillingMode is PROVISIONED",
        ));
    }
    if let Some(p) = protection {
        meta.deletion_protection = p;
    }
    if let Some(spec) = crate::local::dynamodb::streams::specification(req, false)? {
        crate::local::dynamodb::streams::update(&mut meta, spec)?;
    }
    let online = updates
        .iter()
        .filter(|u| u.get("Create").is_some() || u.get("Delete").is_some())
        .count();
    if online > 1 {
        return Err(DynamoError::new(
            ErrorKind::LimitExceeded,
            "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
        ));
    }
    let mut added: Option<IndexMeta> = None;
    let mut dropped: Option<IndexMeta> = None;
    for (i, u) in updates.iter().enumerate() {
        if let Some(c) = u.get("Create") {
            let mut all_defs = meta.attributes.clone();
            for (k, v) in &defs {
                if let Some(old) = all_defs.get(k)
                    && old != v
                {
                    return Err(invalid(format!("Cannot change the type of attribute {k}")));
                }
                all_defs.insert(k.clone(), *v);
            }
            let path = format!("globalSecondaryIndexUpdates.{}.member.create", i + 1);
            let index = parse_index(ctx, c, &path, &all_defs, meta.on_demand, true)?;
            if meta.index(&index.name).is_some() {
                return Err(invalid(format!("Index already exists: {}", index.name)));
            }
            if meta.gsis.len() >= 20 {
                return Err(DynamoError::new(
                    ErrorKind::LimitExceeded,
                    "Subscriber limit exceeded: Number of global indexes exceeds the maximum of 20",
                ));
            }
            for k in index.key.names() {
                meta.attributes.insert(k.to_string(), all_defs[k]);
            }
            meta.gsis.push(index.clone());
            added = Some(index);
        } else if let Some(d) = u.get("Delete") {
            let index_name = d
                .get("IndexName")
                .and_then(Json::as_str)
                .unwrap_or_default();
            let Some(pos) = meta.gsis.iter().position(|i| i.name == index_name) else {
                return Err(DynamoError::new(
                    ErrorKind::ResourceNotFound,
                    format!("Requested resource not found: Index: {index_name} not found"),
                ));
            };
            dropped = Some(meta.gsis.remove(pos));
        } else if let Some(up) = u.get("Update") {
            let index_name = up
                .get("IndexName")
                .and_then(Json::as_str)
                .unwrap_or_default();
            let path = format!("globalSecondaryIndexUpdates.{}.member.update", i + 1);
            let tp = throughput(
                up.get("ProvisionedThroughput"),
                &format!("{path}.provisionedThroughput"),
            )?;
            let Some(index) = meta.gsis.iter_mut().find(|i| i.name == index_name) else {
                return Err(DynamoError::new(
                    ErrorKind::ResourceNotFound,
                    format!("Requested resource not found: Index: {index_name} not found"),
                ));
            };
            index.throughput = tp;
        }
    }
    // Attribute definitions no index uses any more are dropped, as DynamoDB does.
    let mut used: Vec<String> = meta.key.names().into_iter().map(String::from).collect();
    for i in meta.gsis.iter().chain(meta.lsis.iter()) {
        used.extend(i.key.names().into_iter().map(String::from));
    }
    meta.attributes.retain(|k, _| used.contains(k));
    if meta.on_demand {
        for g in &mut meta.gsis {
            g.throughput = None;
        }
    }
    let updated = ctx
        .store
        .write(move |txn| {
            if txn.table(&meta.region, &meta.name).is_none() {
                return Err(DynamoError::table_not_found(&meta.name));
            }
            if let Some(index) = &added {
                // Backfill: the new index covers every existing item before it is ACTIVE.
                for item in txn.all_items(&meta)? {
                    txn.index_one(&meta, index, &item)?;
                }
            }
            if let Some(index) = &dropped {
                txn.drop_table(meta.index_table(index))?;
            }
            txn.set_meta(&meta.region, &meta.name, Some(meta.clone()))?;
            Ok(meta)
        })
        .await?;
    Ok(json!({ "TableDescription": describe(ctx, &updated, Some("ACTIVE"), false)? }))
}
