//! Capacity units as DynamoDB counts them, and ReturnConsumedCapacity's answer:
//! a write costs one unit per KB of the larger of the old and new item (at least
//! one), and each index the write changes as much again for its projected item
//! (twice when the item moves within the index: a delete and a put; nothing when
//! its entry stays the same); a read costs
//! one unit per 4 KB read (half when eventually consistent); transactions cost
//! double. TOTAL gives the sum, INDEXES the table's and each index's share too.

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json, json};

use crate::local::dynamodb::error::DResult;
use crate::local::dynamodb::request::{Request, constraint};
use crate::local::dynamodb::schema::TableMeta;
use crate::local::dynamodb::value::{Item, item_size};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Total,
    Indexes,
}

/// What the request asks for (None: NONE or absent).
pub fn mode(req: &Request) -> DResult<Option<Mode>> {
    match req.str("ReturnConsumedCapacity")? {
        None | Some("NONE") => Ok(None),
        Some("TOTAL") => Ok(Some(Mode::Total)),
        Some("INDEXES") => Ok(Some(Mode::Indexes)),
        Some(other) => Err(constraint(
            &format!("'{other}'"),
            "returnConsumedCapacity",
            "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        )),
    }
}

/// Units consumed on one table and its indexes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Consumed {
    pub table: String,
    /// The table's own share (None: a read of an index only).
    pub own: Option<f64>,
    pub global: BTreeMap<String, f64>,
    pub local: BTreeMap<String, f64>,
}

pub fn write_units(size: usize) -> f64 {
    (size.max(1) as f64 / 1024.0).ceil()
}

pub fn read_units(size: usize, consistent: bool) -> f64 {
    let units = (size.max(1) as f64 / 4096.0).ceil();
    if consistent { units } else { units / 2.0 }
}

impl Consumed {
    /// A read of `bytes` from the table, or from one of its indexes.
    pub fn read(
        table: &str,
        index: Option<(&str, bool)>,
        bytes: usize,
        consistent: bool,
    ) -> Consumed {
        let units = read_units(bytes, consistent);
        let mut c = Consumed {
            table: table.to_string(),
            ..Default::default()
        };
        match index {
            None => c.own = Some(units),
            Some((name, true)) => {
                c.global.insert(name.to_string(), units);
            }
            Some((name, false)) => {
                c.local.insert(name.to_string(), units);
            }
        }
        c
    }

    /// A write replacing `old` by `new` (either may be missing), `factor` times
    /// (2 in a transaction).
    pub fn write(
        meta: &TableMeta,
        old: Option<&Item>,
        new: Option<&Item>,
        factor: f64,
    ) -> Consumed {
        let size = |i: Option<&Item>| i.map(item_size).unwrap_or(0);
        let mut c = Consumed {
            table: meta.name.clone(),
            own: Some(factor * write_units(size(old).max(size(new)))),
            ..Default::default()
        };
        for (index, global) in meta
            .gsis
            .iter()
            .map(|i| (i, true))
            .chain(meta.lsis.iter().map(|i| (i, false)))
        {
            let entry = |i: Option<&Item>| {
                let item = i?;
                meta.index_key(index, item)?;
                Some(
                    meta.projected(index, item)
                        .map_or_else(|| item_size(item), |p| item_size(&p)),
                )
            };
            let (before, after) = (entry(old), entry(new));
            let moved = match (old, new) {
                (Some(o), Some(n)) => {
                    let (a, b) = (meta.index_key(index, o), meta.index_key(index, n));
                    a.is_some() && b.is_some() && a != b
                }
                _ => false,
            };
            // An index entry that stays the same is not written.
            let unchanged = match (old, new) {
                (Some(o), Some(n)) if !moved => {
                    meta.index_key(index, o).is_some()
                        && meta.projected(index, o).unwrap_or_else(|| o.clone())
                            == meta.projected(index, n).unwrap_or_else(|| n.clone())
                }
                _ => false,
            };
            let units = match (before, after) {
                (None, None) => continue,
                _ if unchanged => continue,
                (Some(b), Some(a)) if moved => write_units(b) + write_units(a),
                (b, a) => write_units(b.unwrap_or(0).max(a.unwrap_or(0))),
            };
            let shares = if global { &mut c.global } else { &mut c.local };
            shares.insert(index.name.clone(), factor * units);
        }
        c
    }

    pub fn total(&self) -> f64 {
        self.own.unwrap_or(0.0)
            + self.global.values().sum::<f64>()
            + self.local.values().sum::<f64>()
    }

    /// Adds another operation's units on the same table.
    pub fn add(&mut self, other: &Consumed) {
        if let Some(o) = other.own {
            self.own = Some(self.own.unwrap_or(0.0) + o);
        }
        for (k, v) in &other.global {
            *self.global.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.local {
            *self.local.entry(k.clone()).or_default() += v;
        }
    }

    pub fn json(&self, mode: Mode) -> Json {
        let mut out = json!({ "TableName": self.table, "CapacityUnits": self.total() });
        if mode == Mode::Indexes {
            if let Some(own) = self.own {
                out["Table"] = json!({ "CapacityUnits": own });
            }
            for (member, shares) in [
                ("GlobalSecondaryIndexes", &self.global),
                ("LocalSecondaryIndexes", &self.local),
            ] {
                if !shares.is_empty() {
                    let m: Map<String, Json> = shares
                        .iter()
                        .map(|(k, v)| (k.clone(), json!({ "CapacityUnits": v })))
                        .collect();
                    out[member] = Json::Object(m);
                }
            }
        }
        out
    }
}

/// The answer's `ConsumedCapacity` for several tables (batches, transactions): one
/// entry per table, in the order first touched.
pub fn list(all: &[Consumed], mode: Mode) -> Json {
    let mut merged: Vec<Consumed> = Vec::new();
    for c in all {
        match merged.iter_mut().find(|m| m.table == c.table) {
            Some(m) => m.add(c),
            None => merged.push(c.clone()),
        }
    }
    Json::Array(merged.iter().map(|c| c.json(mode)).collect())
}

/// ReturnItemCollectionMetrics SIZE on a table with local indexes: the item
/// collection's key and DynamoDB's size estimate, for `item`.
pub fn collection_metrics(req: &Request, meta: &TableMeta, item: &Item) -> DResult<Option<Json>> {
    if req.str("ReturnItemCollectionMetrics")? != Some("SIZE") || meta.lsis.is_empty() {
        return Ok(None);
    }
    let Some(v) = item.get(&meta.key.hash.name) else {
        return Ok(None);
    };
    let key: Item = [(meta.key.hash.name.clone(), v.clone())]
        .into_iter()
        .collect();
    Ok(Some(json!({
        "ItemCollectionKey": crate::local::dynamodb::value::item_to_json(&key),
        "SizeEstimateRangeGB": [0.0, 1.0],
    })))
}

/// ItemCollectionMetrics of a batch or transaction: per table, one entry per item
/// written to a table with local indexes.
pub fn collections_json(
    req: &Request,
    written: &[(std::sync::Arc<TableMeta>, Item)],
) -> DResult<Option<Json>> {
    if written.is_empty() {
        return Ok(None);
    }
    let mut by_table = Map::new();
    for (meta, item) in written {
        if let Some(m) = collection_metrics(req, meta, item)? {
            let list = by_table
                .entry(meta.name.clone())
                .or_insert_with(|| Json::Array(Vec::new()));
            if let Some(a) = list.as_array_mut() {
                a.push(m);
            }
        }
    }
    Ok(Some(Json::Object(by_table)))
}
