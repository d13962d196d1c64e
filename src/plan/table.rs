//! The table kind: a DynamoDB table's state as gatekit manages it, the attributes
//! plan shows, and the in-place update that turns one state into another.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::kind::{Attribute, Effect};
use crate::project::key::KeyAttr;

/// Provisioned read and write capacity units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capacity {
    pub read: u64,
    pub write: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableBilling {
    OnDemand,
    Provisioned(Capacity),
}

/// Which attributes an index holds besides the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexProjection {
    All,
    KeysOnly,
    /// INCLUDE, the attributes sorted.
    Include(Vec<String>),
}

impl IndexProjection {
    fn json(&self) -> Json {
        match self {
            IndexProjection::All => json!("all"),
            IndexProjection::KeysOnly => json!("keys_only"),
            IndexProjection::Include(a) => json!(a),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalIndexSpec {
    pub partition: KeyAttr,
    pub sort: Option<KeyAttr>,
    pub projection: IndexProjection,
    /// Only for provisioned tables.
    pub capacity: Option<Capacity>,
}

impl GlobalIndexSpec {
    /// The parts that cannot change without deleting and creating the index again.
    fn same_shape(&self, other: &GlobalIndexSpec) -> bool {
        self.partition == other.partition
            && self.sort == other.sort
            && self.projection == other.projection
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalIndexSpec {
    pub sort: KeyAttr,
    pub projection: IndexProjection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    pub partition: KeyAttr,
    pub sort: Option<KeyAttr>,
    pub billing: TableBilling,
    pub indexes: BTreeMap<String, GlobalIndexSpec>,
    pub local_indexes: BTreeMap<String, LocalIndexSpec>,
    pub ttl: Option<String>,
    /// The stream's view type (`NEW_AND_OLD_IMAGES`, ...), when the table has one.
    pub stream: Option<String>,
    pub protect: bool,
    /// The user's tags; gatekit's ownership tags are not part of the spec.
    pub tags: BTreeMap<String, String>,
}

/// A change of TTL: DynamoDB turns the old attribute off before the new one on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TtlChange {
    pub disable: Option<String>,
    pub enable: Option<String>,
}

/// New tag values, and the keys to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagChange {
    pub set: BTreeMap<String, String>,
    pub remove: Vec<String>,
}

impl TagChange {
    /// From `live` tags to `want`ed ones (None: they are the same). Every kind's tags
    /// change this way.
    pub fn between(
        want: &BTreeMap<String, String>,
        live: &BTreeMap<String, String>,
    ) -> Option<TagChange> {
        (want != live).then(|| TagChange {
            set: want.clone(),
            remove: live
                .keys()
                .filter(|k| !want.contains_key(*k))
                .cloned()
                .collect(),
        })
    }
}

/// Exactly the in-place changes to make to a table, in the order DynamoDB takes
/// them: billing, capacity and protection in one call; index deletions, creations
/// and capacity changes one call each; TTL; tags.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableUpdate {
    /// The new billing, when billing or the table's capacity changes.
    pub billing: Option<TableBilling>,
    /// Switching to provisioned: capacity for the indexes that stay.
    pub kept_index_capacity: Vec<(String, Capacity)>,
    pub protect: Option<bool>,
    pub delete_indexes: Vec<String>,
    pub create_indexes: Vec<(String, GlobalIndexSpec)>,
    pub index_capacity: Vec<(String, Capacity)>,
    pub ttl: Option<TtlChange>,
    /// The stream: DynamoDB changes a view type by disabling, then enabling.
    pub stream: Option<StreamChange>,
    pub tags: Option<TagChange>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamChange {
    pub disable: bool,
    pub enable: Option<String>,
}

impl TableSpec {
    /// The attributes plan shows and compares: `key.partition`, `key.sort`,
    /// `billing`, `capacity.read`, `capacity.write`, `index.NAME`,
    /// `local_index.NAME`, `ttl`, `protect`, `tag.KEY` (docs/json-output.md).
    pub fn attributes(&self) -> Vec<Attribute> {
        let mut a = vec![Attribute::new(
            "key.partition",
            json!(self.partition.to_string()),
            Effect::Replaces,
        )];
        if let Some(s) = &self.sort {
            a.push(Attribute::new(
                "key.sort",
                json!(s.to_string()),
                Effect::Replaces,
            ));
        }
        match self.billing {
            TableBilling::OnDemand => a.push(Attribute::new(
                "billing",
                json!("on_demand"),
                Effect::InPlace,
            )),
            TableBilling::Provisioned(c) => {
                a.push(Attribute::new(
                    "billing",
                    json!("provisioned"),
                    Effect::InPlace,
                ));
                a.push(Attribute::new(
                    "capacity.read",
                    json!(c.read),
                    Effect::InPlace,
                ));
                a.push(Attribute::new(
                    "capacity.write",
                    json!(c.write),
                    Effect::InPlace,
                ));
            }
        }
        for (name, g) in &self.indexes {
            let mut v = json!({
                "partition": g.partition.to_string(),
                "projection": g.projection.json(),
            });
            if let Some(s) = &g.sort {
                v["sort"] = json!(s.to_string());
            }
            if let Some(c) = g.capacity {
                v["capacity"] = json!({ "read": c.read, "write": c.write });
            }
            a.push(Attribute::new(format!("index.{name}"), v, Effect::InPlace));
        }
        for (name, l) in &self.local_indexes {
            a.push(Attribute::new(
                format!("local_index.{name}"),
                json!({ "sort": l.sort.to_string(), "projection": l.projection.json() }),
                Effect::Replaces,
            ));
        }
        if let Some(ttl) = &self.ttl {
            a.push(Attribute::new("ttl", json!(ttl), Effect::InPlace));
        }
        if let Some(view) = &self.stream {
            a.push(Attribute::new(
                "stream",
                json!(view.to_ascii_lowercase()),
                Effect::InPlace,
            ));
        }
        a.push(Attribute::new(
            "protect",
            json!(self.protect),
            Effect::InPlace,
        ));
        a.extend(super::kind::tag_attributes(&self.tags));
        a
    }

    /// The in-place changes from `live` to `self` (the key and local indexes equal).
    pub fn update_from(&self, live: &TableSpec) -> TableUpdate {
        let mut u = TableUpdate::default();
        let billing_changed = self.billing != live.billing;
        let mode_changed = matches!(
            (self.billing, live.billing),
            (TableBilling::OnDemand, TableBilling::Provisioned(_))
                | (TableBilling::Provisioned(_), TableBilling::OnDemand)
        );
        if billing_changed {
            u.billing = Some(self.billing);
            if mode_changed && matches!(self.billing, TableBilling::Provisioned(_)) {
                u.kept_index_capacity = self
                    .indexes
                    .iter()
                    .filter(|(name, _)| live.indexes.contains_key(*name))
                    .filter_map(|(name, g)| g.capacity.map(|c| (name.clone(), c)))
                    .collect();
            }
        }
        if self.protect != live.protect {
            u.protect = Some(self.protect);
        }
        for (name, have) in &live.indexes {
            if self.indexes.get(name).is_none_or(|w| !w.same_shape(have)) {
                u.delete_indexes.push(name.clone());
            }
        }
        for (name, want) in &self.indexes {
            match live.indexes.get(name) {
                Some(have) if have.same_shape(want) => {
                    if have.capacity != want.capacity
                        && !mode_changed
                        && let Some(c) = want.capacity
                    {
                        u.index_capacity.push((name.clone(), c));
                    }
                }
                _ => u.create_indexes.push((name.clone(), want.clone())),
            }
        }
        if self.ttl != live.ttl {
            u.ttl = Some(TtlChange {
                disable: live.ttl.clone(),
                enable: self.ttl.clone(),
            });
        }
        if self.stream != live.stream {
            u.stream = Some(StreamChange {
                disable: live.stream.is_some(),
                enable: self.stream.clone(),
            });
        }
        u.tags = TagChange::between(&self.tags, &live.tags);
        u
    }
}
