//! Query and Scan: key conditions, filters, projections, paging, indexes, segments.

use serde_json::json;

use super::capacity::{self, Consumed};
use super::item::{condition, projection};
use super::{Body, OpContext, splice};
use crate::local::dynamodb::error::{DResult, DynamoError};
use crate::local::dynamodb::expr::ast::{Comparator, Condition, Operand};
use crate::local::dynamodb::expr::eval::{Evaluator, project};
use crate::local::dynamodb::expr::{self, Elem, Env, ExprKind};
use crate::local::dynamodb::request::{Request, constraint};
use crate::local::dynamodb::schema::{
    IndexMeta, KeyAttr, KeySchema, ProjectionType, TableMeta, encode_prefix, encode_value,
    prefix_end, value_type,
};
use crate::local::dynamodb::store::{decode_item, item_json, stored_size};
use crate::local::dynamodb::value::{Item, Value, item_to_json};

/// DynamoDB stops a page after reading 1 MB.
const PAGE_BYTES: usize = 1024 * 1024;

struct Target<'m> {
    meta: &'m TableMeta,
    index: Option<&'m IndexMeta>,
    global: bool,
}

impl Target<'_> {
    fn key(&self) -> &KeySchema {
        self.index.map(|i| &i.key).unwrap_or(&self.meta.key)
    }

    fn storage(&self) -> String {
        match self.index {
            Some(i) => self.meta.index_table(i),
            None => self.meta.items_table(),
        }
    }

    /// The storage key of the item at `start` (an ExclusiveStartKey).
    fn start_key(&self, start: &Item) -> DResult<Vec<u8>> {
        let bad = || {
            DynamoError::validation(
                "The provided starting key is invalid: The provided key element does not match the schema",
            )
        };
        match self.index {
            None => self.meta.exact_key(start).map_err(|_| bad()),
            Some(index) => {
                let expected: Vec<&str> = {
                    let mut v = self.meta.key.names();
                    for n in index.key.names() {
                        if !v.contains(&n) {
                            v.push(n);
                        }
                    }
                    v
                };
                if start.len() != expected.len() || !expected.iter().all(|k| start.contains_key(*k))
                {
                    return Err(bad());
                }
                self.meta.index_key(index, start).ok_or_else(bad)
            }
        }
    }
}

fn target<'m>(meta: &'m TableMeta, req: &Request) -> DResult<Target<'m>> {
    match req.str("IndexName")? {
        None => Ok(Target {
            meta,
            index: None,
            global: false,
        }),
        Some(name) => match meta.index(name) {
            Some((index, global)) => Ok(Target {
                meta,
                index: Some(index),
                global,
            }),
            None => Err(DynamoError::validation(format!(
                "The table does not have the specified index: {name}"
            ))),
        },
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Select {
    All,
    Projected,
    Specific,
    Count,
}

fn select(req: &Request, t: &Target<'_>, has_projection: bool) -> DResult<Select> {
    let s = match req.str("Select")? {
        None if has_projection => Select::Specific,
        None if t.index.is_some() => Select::Projected,
        None => Select::All,
        Some("ALL_ATTRIBUTES") => Select::All,
        Some("ALL_PROJECTED_ATTRIBUTES") => Select::Projected,
        Some("SPECIFIC_ATTRIBUTES") => Select::Specific,
        Some("COUNT") => Select::Count,
        Some(other) => {
            return Err(constraint(
                &format!("'{other}'"),
                "select",
                "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
            ));
        }
    };
    if has_projection && s != Select::Specific {
        return Err(DynamoError::validation(
            "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES or COUNT",
        ));
    }
    if s == Select::Specific && !has_projection {
        return Err(DynamoError::validation(
            "ProjectionExpression or AttributesToGet must be specified when choosing to get SPECIFIC_ATTRIBUTES",
        ));
    }
    if s == Select::Projected && t.index.is_none() {
        return Err(DynamoError::validation(
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        ));
    }
    if s == Select::All
        && let Some(index) = t.index
        && t.global
        && index.projection != ProjectionType::All
    {
        return Err(DynamoError::invalid_parameter(format!(
            "Select type ALL_ATTRIBUTES is not supported for global secondary index {} because its projection type is not ALL",
            index.name
        )));
    }
    Ok(s)
}

/// The bounds of a key condition on the sort key.
pub(super) enum SortBound {
    Cmp(Comparator, Value),
    Between(Value, Value),
    BeginsWith(Value),
}

/// Reads a sort-key bound once the attribute it applies to is known.
type BoundOf<'a> = Box<dyn Fn(&KeyAttr) -> DResult<SortBound> + 'a>;

struct KeyCondition {
    hash: Value,
    sort: Option<SortBound>,
}

fn key_condition(env: &Env, c: &Condition, key: &KeySchema) -> DResult<KeyCondition> {
    let unsupported = || DynamoError::validation("Query key condition not supported");
    let mut parts = Vec::new();
    fn flatten<'c>(c: &'c Condition, out: &mut Vec<&'c Condition>) -> bool {
        match c {
            Condition::And(a, b) => flatten(a, out) && flatten(b, out),
            Condition::Or(..) | Condition::Not(..) => false,
            other => {
                out.push(other);
                true
            }
        }
    }
    if !flatten(c, &mut parts) {
        return Err(unsupported());
    }
    let one_per_key = || {
        DynamoError::validation(
            "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
        )
    };
    // An operand no key type could satisfy for its operator is the expression's
    // error; one of a key type that is not the attribute's fails the schema check.
    let operand_type = |op: &str, v: &Value, allowed: &[&str]| -> DResult<()> {
        let t = v.type_name();
        if allowed.contains(&t) {
            Ok(())
        } else {
            Err(DynamoError::validation(format!(
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: {op}, operand type: {t}"
            )))
        }
    };
    let kind = ExprKind::KeyCondition;
    let attr_of = |o: &Operand| -> DResult<Option<String>> {
        match o {
            Operand::Path(p) => {
                let path = env.path(kind, p)?;
                match path.as_slice() {
                    [Elem::Attr(a)] => Ok(Some(a.clone())),
                    _ => Err(DynamoError::validation(
                        "Key condition expressions cannot use nested attributes",
                    )),
                }
            }
            _ => Ok(None),
        }
    };
    let value_of = |o: &Operand, attr: &KeyAttr, op: Option<(&str, &[&str])>| -> DResult<Value> {
        let v = match o {
            Operand::Value(v) => env.value(kind, v)?.clone(),
            _ => return Err(unsupported()),
        };
        if let Some((name, allowed)) = op {
            operand_type(name, &v, allowed)?;
        }
        if value_type(&v) != Some(attr.kind) {
            return Err(DynamoError::invalid_parameter(
                "Condition parameter type does not match schema type",
            ));
        }
        Ok(v)
    };
    // More attributes named than the key has: counted before anything else (one
    // attribute named twice is "one condition per key" below).
    let key_attributes = 1 + usize::from(key.range.is_some());
    let mut named: Vec<String> = Vec::new();
    for part in &parts {
        let first = match part {
            Condition::Compare(a, _, b) => attr_of(a)?.or(attr_of(b)?),
            Condition::Between(a, ..) | Condition::BeginsWith(a, _) => attr_of(a)?,
            _ => None,
        };
        if let Some(n) = first
            && !named.contains(&n)
        {
            named.push(n);
        }
    }
    if named.len() > key_attributes {
        return Err(DynamoError::validation(format!(
            "The number of query conditions ({}) exceeds the number of key attributes defined in the schema ({key_attributes})",
            parts.len()
        )));
    }
    let mut hash = None;
    let mut sort = None;
    for part in parts {
        let (attr, bound_of): (String, BoundOf<'_>) = match part {
            Condition::Compare(a, cmp, b) => {
                let written = *cmp;
                let (name, other, cmp) = match (attr_of(a)?, attr_of(b)?) {
                    (Some(n), None) => (n, b, *cmp),
                    (None, Some(n)) => (n, a, flip(*cmp)),
                    _ => return Err(unsupported()),
                };
                if cmp == Comparator::Ne {
                    return Err(unsupported());
                }
                // Named as written (`:v >= sk` is about `>=`).
                let check: Option<(&str, &[&str])> = match cmp {
                    Comparator::Eq => None,
                    _ => Some((written.symbol(), &["S", "N", "B"])),
                };
                (
                    name,
                    Box::new(move |k: &KeyAttr| {
                        Ok(SortBound::Cmp(cmp, value_of(other, k, check)?))
                    }),
                )
            }
            Condition::Between(a, lo, hi) => {
                let name = attr_of(a)?.ok_or_else(unsupported)?;
                (
                    name,
                    Box::new(move |k: &KeyAttr| {
                        let check: Option<(&str, &[&str])> = Some(("BETWEEN", &["S", "N", "B"]));
                        Ok(SortBound::Between(
                            value_of(lo, k, check)?,
                            value_of(hi, k, check)?,
                        ))
                    }),
                )
            }
            Condition::BeginsWith(a, p) => {
                let name = attr_of(a)?.ok_or_else(unsupported)?;
                (
                    name,
                    Box::new(move |k: &KeyAttr| {
                        let check: Option<(&str, &[&str])> = Some(("begins_with", &["S", "B"]));
                        Ok(SortBound::BeginsWith(value_of(p, k, check)?))
                    }),
                )
            }
            _ => return Err(unsupported()),
        };
        if attr == key.hash.name {
            if hash.is_some() {
                return Err(one_per_key());
            }
            match bound_of(&key.hash)? {
                SortBound::Cmp(Comparator::Eq, v) => hash = Some(v),
                _ => return Err(unsupported()),
            }
        } else if key.range.as_ref().is_some_and(|r| r.name == attr) {
            if sort.is_some() {
                return Err(one_per_key());
            }
            let range = key.range.as_ref().ok_or_else(unsupported)?;
            let bound = bound_of(range)?;
            if let SortBound::Between(lo, hi) = &bound
                && crate::local::dynamodb::expr::eval::compare(lo, hi)
                    == Some(std::cmp::Ordering::Greater)
            {
                return Err(DynamoError::validation(
                    "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
                ));
            }
            sort = Some(bound);
        } else {
            // Neither key attribute: the key element the condition misses is named.
            let missed = match &key.range {
                Some(range) if named.contains(&key.hash.name) => &range.name,
                _ => &key.hash.name,
            };
            return Err(DynamoError::validation(format!(
                "Query condition missed key schema element: {missed}"
            )));
        }
    }
    let hash = hash.ok_or_else(|| {
        DynamoError::validation(format!(
            "Query condition missed key schema element: {}",
            key.hash.name
        ))
    })?;
    Ok(KeyCondition { hash, sort })
}

fn flip(c: Comparator) -> Comparator {
    match c {
        Comparator::Lt => Comparator::Gt,
        Comparator::Le => Comparator::Ge,
        Comparator::Gt => Comparator::Lt,
        Comparator::Ge => Comparator::Le,
        other => other,
    }
}

/// `[lo, hi)` in storage order for a key condition.
fn bounds(kc: &KeyCondition) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut prefix = Vec::new();
    encode_value(&kc.hash, &mut prefix);
    let end = prefix_end(&prefix);
    let with = |v: &Value| {
        let mut k = prefix.clone();
        encode_value(v, &mut k);
        k
    };
    match &kc.sort {
        None => (prefix.clone(), end),
        Some(SortBound::Cmp(c, v)) => {
            let at = with(v);
            match c {
                Comparator::Eq => (at.clone(), prefix_end(&at)),
                Comparator::Lt => (prefix.clone(), Some(at)),
                Comparator::Le => (prefix.clone(), prefix_end(&at)),
                Comparator::Gt => (prefix_end(&at).unwrap_or(at), end),
                _ => (at, end),
            }
        }
        Some(SortBound::Between(lo, hi)) => (with(lo), prefix_end(&with(hi))),
        Some(SortBound::BeginsWith(v)) => {
            let mut p = prefix.clone();
            encode_prefix(v, &mut p);
            let e = prefix_end(&p);
            (p, e)
        }
    }
}

/// One item read: its stored bytes, decoded only when something needs the values.
struct Entry {
    stored: Vec<u8>,
    decoded: Option<Item>,
}

struct Page {
    items: Vec<Entry>,
    scanned: usize,
    last_key: Option<Item>,
    bytes: usize,
}

type ItemFilter<'a> = &'a dyn Fn(&Item) -> DResult<bool>;

/// What a page needs of each item beyond its stored JSON.
struct Reading<'a> {
    keep: &'a dyn Fn(&[u8]) -> bool,
    filter: Option<ItemFilter<'a>>,
    fetch_full: bool,
    /// Items are decoded for a filter, a projection or a fetch from the table.
    decode: bool,
}

fn read_page(
    ctx: &OpContext<'_>,
    t: &Target<'_>,
    (lo, hi): (Vec<u8>, Option<Vec<u8>>),
    forward: bool,
    limit: Option<usize>,
    how: &Reading<'_>,
) -> DResult<Page> {
    let snap = ctx.store.snapshot()?;
    let mut page = Page {
        items: Vec::new(),
        scanned: 0,
        last_key: None,
        bytes: 0,
    };
    let mut last: Option<Vec<u8>> = None;
    let mut stopped = false;
    snap.scan(&t.storage(), &lo, hi.as_deref(), forward, |k, v| {
        if !(how.keep)(k) {
            return Ok(true);
        }
        if limit.is_some_and(|l| page.scanned >= l) || page.bytes >= PAGE_BYTES {
            stopped = true;
            return Ok(false);
        }
        page.scanned += 1;
        page.bytes += stored_size(v);
        last = Some(v.to_vec());
        let mut entry = Entry {
            stored: v.to_vec(),
            decoded: None,
        };
        if how.fetch_full
            && let Some(full) = t
                .meta
                .item_key(&decode_item(v)?)
                .ok()
                .map(|key| snap.get(&t.meta.items_table(), &key))
                .transpose()?
                .flatten()
        {
            entry.stored = full;
        }
        if how.decode {
            let item = decode_item(&entry.stored)?;
            if let Some(filter) = how.filter
                && !filter(&item)?
            {
                return Ok(true);
            }
            entry.decoded = Some(item);
        }
        page.items.push(entry);
        Ok(true)
    })?;
    // A page cut by Limit or size says where to continue, as DynamoDB does.
    let hit_limit = limit.is_some_and(|l| page.scanned >= l);
    if (stopped || hit_limit || page.bytes >= PAGE_BYTES)
        && let Some(stored) = last
    {
        page.last_key = Some(t.meta.key_of(&decode_item(&stored)?, t.index));
    }
    Ok(page)
}

fn respond(
    req: &Request,
    t: &Target<'_>,
    page: Page,
    sel: Select,
    paths: Option<&Vec<Vec<Elem>>>,
    consistent: bool,
) -> DResult<Body> {
    let mut rest = json!({ "Count": page.items.len(), "ScannedCount": page.scanned });
    if let Some(k) = &page.last_key {
        rest["LastEvaluatedKey"] = item_to_json(k);
    }
    if let Some(mode) = capacity::mode(req)? {
        let index = t.index.map(|i| (i.name.as_str(), t.global));
        rest["ConsumedCapacity"] =
            Consumed::read(&t.meta.name, index, page.bytes, consistent).json(mode);
    }
    if sel == Select::Count {
        return Ok(Body::Json(rest));
    }
    let raw: Vec<Vec<u8>> = page
        .items
        .into_iter()
        .map(|e| match (paths, &e.decoded) {
            (Some(p), Some(item)) => {
                serde_json::to_vec(&item_to_json(&project(item, p))).unwrap_or_default()
            }
            _ => item_json(&e.stored).to_vec(),
        })
        .collect();
    Ok(Body::Raw(splice("Items", &raw, false, &rest)))
}

fn limit(req: &Request) -> DResult<Option<usize>> {
    match req.int("Limit")? {
        None => Ok(None),
        Some(l) if l >= 1 => Ok(Some(l as usize)),
        Some(l) => Err(constraint(
            &format!("'{l}'"),
            "limit",
            "Member must have value greater than or equal to 1",
        )),
    }
}

/// Scan's Segment and TotalSegments: both or neither, the segment within the total.
fn segments(req: &Request) -> DResult<Option<(u64, u64)>> {
    let segment = req.int("Segment")?;
    let total = req.int("TotalSegments")?;
    Ok(match (segment, total) {
        (None, None) => None,
        (Some(_), None) => {
            return Err(DynamoError::validation(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
            ));
        }
        (None, Some(_)) => {
            return Err(DynamoError::validation(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
            ));
        }
        (Some(s), Some(n)) => {
            if !(1..=1_000_000).contains(&n) {
                return Err(constraint(
                    &format!("'{n}'"),
                    "totalSegments",
                    if n < 1 {
                        "Member must have value greater than or equal to 1"
                    } else {
                        "Member must have value less than or equal to 1000000"
                    },
                ));
            }
            if s < 0 || s >= n {
                return Err(DynamoError::validation(format!(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {s} is not less than TotalSegments: {n}"
                )));
            }
            Some((s as u64, n as u64))
        }
    })
}

fn filter_fn<'a>(
    env: &'a Env,
    filter: Option<&'a Condition>,
) -> impl Fn(&Item) -> DResult<bool> + 'a {
    move |item: &Item| match filter {
        None => Ok(true),
        Some(c) => Evaluator::new(env, ExprKind::Filter).condition(item, c),
    }
}

fn check_consistent(req: &Request, t: &Target<'_>) -> DResult<bool> {
    let consistent = req.bool("ConsistentRead")?.unwrap_or(false);
    if consistent && t.global {
        return Err(DynamoError::validation(
            "Consistent reads are not supported on global secondary indexes",
        ));
    }
    Ok(consistent)
}

/// An ExclusiveStartKey's values, checked before the expressions; DynamoDB reports
/// most of their faults as the starting key's.
fn start_values(req: &Request) -> DResult<Option<Item>> {
    const BARE: [&str; 5] = [
        "contains duplicates",
        "number set",
        "numeric value",
        "significant digits",
        "number with magnitude",
    ];
    req.item("ExclusiveStartKey").map_err(|mut e| {
        if e.kind == crate::local::dynamodb::error::ErrorKind::Validation
            && !BARE.iter().any(|b| e.message.contains(b))
        {
            e.message = format!("The provided starting key is invalid: {}", e.message);
        }
        e
    })
}

pub async fn query(ctx: &OpContext<'_>, req: &Request) -> DResult<Body> {
    // The expressions are checked before the table is looked up, as DynamoDB does.
    let table_name = req.table_name()?;
    let start = start_values(req)?;
    let env = req.env(&[
        "KeyConditionExpression",
        "FilterExpression",
        "ProjectionExpression",
    ])?;
    let Some(src) = req.expression("KeyConditionExpression")? else {
        return Err(DynamoError::validation(
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        ));
    };
    let kc_ast = expr::parse_condition(src, ExprKind::KeyCondition)?;
    env.bind_condition(ExprKind::KeyCondition, &kc_ast)?;
    let filter = condition(req, &env, "FilterExpression", ExprKind::Filter)?;
    let paths = projection(req, &env)?;
    env.check_unused()?;
    super::key_checks::shape(&env, &kc_ast)?;
    let meta = ctx.items_table(table_name)?;
    let t = target(&meta, req)?;
    let kc = key_condition(&env, &kc_ast, t.key())?;
    let sel = select(req, &t, paths.is_some())?;
    let consistent = check_consistent(req, &t)?;
    let forward = req.bool("ScanIndexForward")?.unwrap_or(true);
    let (mut lo, mut hi) = bounds(&kc);
    let start_at = match &start {
        Some(s) => {
            let k = t.start_key(s)?;
            super::key_checks::start_within(s, t.key(), &kc.hash, kc.sort.as_ref())?;
            Some(k)
        }
        None => None,
    };
    // Paths into keys are checked after the index and the starting key, as DynamoDB does.
    if let Some(p) = &paths {
        super::key_checks::key_paths(p, &meta)?;
    }
    if let Some(f) = &filter {
        let named = super::key_checks::condition_paths(&env, ExprKind::Filter, f);
        super::key_checks::filter_keys(&named, t.key())?;
        super::key_checks::key_paths(&named, &meta)?;
    }
    if let Some(k) = start_at {
        if forward {
            let mut after = k;
            after.push(0);
            if after > lo {
                lo = after;
            }
        } else if hi.as_ref().is_none_or(|h| k < *h) {
            hi = Some(k);
        }
    }
    let fetch_full =
        sel == Select::All && t.index.is_some_and(|i| i.projection != ProjectionType::All);
    let filter_eval = filter_fn(&env, filter.as_ref());
    let how = Reading {
        keep: &|_| true,
        filter: filter.as_ref().map(|_| &filter_eval as ItemFilter<'_>),
        fetch_full,
        decode: filter.is_some() || paths.is_some(),
    };
    let page = read_page(ctx, &t, (lo, hi), forward, limit(req)?, &how)?;
    respond(req, &t, page, sel, paths.as_ref(), consistent)
}

/// A filter may not use the key attributes of a query.
/// Which segment a storage key belongs to: by its partition key, as DynamoDB does.
fn segment_of(key: &[u8], hash: &KeyAttr, total: u64) -> u64 {
    // The partition key's encoding is a prefix of the storage key; find where it ends.
    let len = encoded_len(key, hash);
    let mut h: u64 = 0xcbf29ce484222325;
    for b in &key[..len] {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h % total
}

fn encoded_len(key: &[u8], hash: &KeyAttr) -> usize {
    match hash.kind {
        crate::local::dynamodb::schema::ScalarType::N => match key.first() {
            Some(0x80) => 1,
            Some(0x81) => {
                3 + key[3..]
                    .iter()
                    .position(|b| *b == 0)
                    .map(|p| p + 1)
                    .unwrap_or(key.len() - 3)
            }
            Some(_) => {
                3 + key[3..]
                    .iter()
                    .position(|b| *b == 0xff)
                    .map(|p| p + 1)
                    .unwrap_or(key.len() - 3)
            }
            None => 0,
        },
        _ => {
            let mut i = 0;
            while i + 1 < key.len() {
                if key[i] == 0 {
                    if key[i + 1] == 1 {
                        return i + 2;
                    }
                    i += 2;
                } else {
                    i += 1;
                }
            }
            key.len()
        }
    }
    .min(key.len())
}

pub async fn scan(ctx: &OpContext<'_>, req: &Request) -> DResult<Body> {
    // The request is checked whole (segments first) before the table is looked up,
    // as DynamoDB does.
    let start = start_values(req)?;
    let segments = segments(req)?;
    let table_name = req.table_name()?;
    let env = req.env(&["FilterExpression", "ProjectionExpression"])?;
    let filter = condition(req, &env, "FilterExpression", ExprKind::Filter)?;
    let paths = projection(req, &env)?;
    env.check_unused()?;
    let meta = ctx.items_table(table_name)?;
    let t = target(&meta, req)?;
    let sel = select(req, &t, paths.is_some())?;
    let consistent = check_consistent(req, &t)?;
    let mut lo = Vec::new();
    if let Some(start) = start {
        lo = t.start_key(&start)?;
        lo.push(0);
    }
    // Paths into keys are checked after the index and the starting key, as DynamoDB does.
    if let Some(p) = &paths {
        super::key_checks::key_paths(p, &meta)?;
    }
    if let Some(f) = &filter {
        let named = super::key_checks::condition_paths(&env, ExprKind::Filter, f);
        super::key_checks::key_paths(&named, &meta)?;
    }
    let hash = t.key().hash.clone();
    let keep = move |k: &[u8]| match segments {
        None => true,
        Some((s, n)) => segment_of(k, &hash, n) == s,
    };
    let fetch_full =
        sel == Select::All && t.index.is_some_and(|i| i.projection != ProjectionType::All);
    let filter_eval = filter_fn(&env, filter.as_ref());
    let how = Reading {
        keep: &keep,
        filter: filter.as_ref().map(|_| &filter_eval as ItemFilter<'_>),
        fetch_full,
        decode: filter.is_some() || paths.is_some(),
    };
    let page = read_page(ctx, &t, (lo, None), true, limit(req)?, &how)?;
    respond(req, &t, page, sel, paths.as_ref(), consistent)
}
