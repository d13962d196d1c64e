//! Table metadata: key schema, indexes, billing, TTL, tags; and key encoding.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::{DResult, DynamoError};
use super::value::{Item, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScalarType {
    S,
    N,
    B,
}

impl ScalarType {
    pub fn parse(s: &str) -> Option<ScalarType> {
        match s {
            "S" => Some(ScalarType::S),
            "N" => Some(ScalarType::N),
            "B" => Some(ScalarType::B),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ScalarType::S => "S",
            ScalarType::N => "N",
            ScalarType::B => "B",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAttr {
    pub name: String,
    pub kind: ScalarType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySchema {
    pub hash: KeyAttr,
    pub range: Option<KeyAttr>,
}

impl KeySchema {
    pub fn names(&self) -> Vec<&str> {
        let mut v = vec![self.hash.name.as_str()];
        if let Some(r) = &self.range {
            v.push(r.name.as_str());
        }
        v
    }

    pub fn to_json(&self) -> serde_json::Value {
        let mut v = vec![serde_json::json!({"AttributeName": self.hash.name, "KeyType": "HASH"})];
        if let Some(r) = &self.range {
            v.push(serde_json::json!({"AttributeName": r.name, "KeyType": "RANGE"}));
        }
        serde_json::Value::Array(v)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProjectionType {
    All,
    KeysOnly,
    Include,
}

impl ProjectionType {
    pub fn name(&self) -> &'static str {
        match self {
            ProjectionType::All => "ALL",
            ProjectionType::KeysOnly => "KEYS_ONLY",
            ProjectionType::Include => "INCLUDE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throughput {
    pub read: u64,
    pub write: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    pub name: String,
    pub key: KeySchema,
    pub projection: ProjectionType,
    pub non_key: Vec<String>,
    pub throughput: Option<Throughput>,
    /// Unique per index, so a dropped and re-added index never sees old entries.
    pub id: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableMeta {
    pub name: String,
    pub id: u64,
    pub region: String,
    pub created: f64,
    pub key: KeySchema,
    /// AttributeDefinitions as given (name -> type).
    pub attributes: BTreeMap<String, ScalarType>,
    pub gsis: Vec<IndexMeta>,
    pub lsis: Vec<IndexMeta>,
    pub on_demand: bool,
    pub throughput: Throughput,
    pub ttl_attribute: Option<String>,
    pub tags: BTreeMap<String, String>,
    pub deletion_protection: bool,
    /// The table's streams, oldest first; the last one is current while enabled.
    /// Disabled ones stay readable for 24 hours, as on AWS.
    #[serde(default)]
    pub streams: Vec<StreamMeta>,
}

/// One stream of a table (DynamoDB Streams): a new one each time a stream is enabled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StreamMeta {
    /// `2026-11-30T16:30:00.123`, unique per table.
    pub label: String,
    /// NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY.
    pub view_type: String,
    /// When it was enabled and (once) disabled, in milliseconds.
    pub created_ms: u64,
    pub disabled_ms: Option<u64>,
}

/// The redb table that keeps the records of stream `label` of the table with `id`.
pub fn stream_table(id: u64, label: &str) -> String {
    format!("stream/{id}/{label}")
}

impl TableMeta {
    /// The enabled stream, if any.
    pub fn stream(&self) -> Option<&StreamMeta> {
        self.streams.last().filter(|s| s.disabled_ms.is_none())
    }

    /// Where a stream's records are kept, by sequence number.
    pub fn stream_table(&self, label: &str) -> String {
        stream_table(self.id, label)
    }

    pub fn stream_arn(&self, label: &str) -> String {
        format!("{}/stream/{label}", self.arn())
    }

    pub fn arn(&self) -> String {
        crate::aws::arn::table(&self.region, crate::aws::arn::LOCAL_ACCOUNT, &self.name)
    }

    pub fn items_table(&self) -> String {
        format!("items/{}", self.id)
    }

    pub fn index_table(&self, index: &IndexMeta) -> String {
        format!("index/{}/{}", self.id, index.id)
    }

    /// Items by expiry time, so TTL sweeps read only what has expired.
    pub fn ttl_table(&self) -> String {
        format!("ttl/{}", self.id)
    }

    /// The TTL index entry of `item`: its expiry (a number) then its key. Items
    /// without a number in the TTL attribute never expire.
    pub fn ttl_entry(&self, item: &Item, key: &[u8]) -> Option<Vec<u8>> {
        let attr = self.ttl_attribute.as_ref()?;
        let Some(v @ Value::N(_)) = item.get(attr) else {
            return None;
        };
        let mut k = Vec::with_capacity(16 + key.len());
        encode_value(v, &mut k);
        k.extend_from_slice(key);
        Some(k)
    }

    pub fn index(&self, name: &str) -> Option<(&IndexMeta, bool)> {
        self.gsis
            .iter()
            .find(|i| i.name == name)
            .map(|i| (i, true))
            .or_else(|| {
                self.lsis
                    .iter()
                    .find(|i| i.name == name)
                    .map(|i| (i, false))
            })
    }

    /// The item's primary key, validated against the schema, encoded for storage.
    pub fn item_key(&self, item: &Item) -> DResult<Vec<u8>> {
        let mut out = Vec::with_capacity(32);
        encode_attr(item, &self.key.hash, &mut out, true)?;
        if let Some(r) = &self.key.range {
            encode_attr(item, r, &mut out, true)?;
        }
        Ok(out)
    }

    /// Checks that `key` names exactly the key attributes, as GetItem and friends need.
    pub fn exact_key(&self, key: &Item) -> DResult<Vec<u8>> {
        let expected = self.key.names();
        if key.len() != expected.len() || !expected.iter().all(|k| key.contains_key(*k)) {
            return Err(DynamoError::validation(
                "The provided key element does not match the schema",
            ));
        }
        for attr in std::iter::once(&self.key.hash).chain(self.key.range.iter()) {
            if key.get(&attr.name).map(value_type) != Some(Some(attr.kind)) {
                return Err(DynamoError::validation(
                    "The provided key element does not match the schema",
                ));
            }
        }
        self.check_key_sizes(key)?;
        self.item_key(key)
    }

    /// DynamoDB's key size limits: 2,048 bytes of partition key, 1,024 of sort key,
    /// for a key given alone (GetItem, DeleteItem…) as for an item.
    pub fn check_key_sizes(&self, item: &Item) -> DResult<()> {
        if item
            .get(&self.key.hash.name)
            .is_some_and(|v| v.size() > 2048)
        {
            return Err(DynamoError::invalid_parameter(
                "Size of hashkey has exceeded the maximum size limit of2048 bytes",
            ));
        }
        if let Some(r) = &self.key.range
            && item.get(&r.name).is_some_and(|v| v.size() > 1024)
        {
            return Err(DynamoError::invalid_parameter(
                "Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
            ));
        }
        Ok(())
    }

    /// The key attributes of `item` (for LastEvaluatedKey and ALL_OLD on keys).
    pub fn key_of(&self, item: &Item, index: Option<&IndexMeta>) -> Item {
        let mut out = Item::new();
        let mut names: Vec<&str> = self.key.names();
        if let Some(i) = index {
            names.extend(i.key.names());
        }
        for n in names {
            if let Some(v) = item.get(n) {
                out.insert(n.to_string(), v.clone());
            }
        }
        out
    }

    /// The storage key of `item` in `index`, or `None` when the item lacks the
    /// index's key attributes (a sparse index skips it).
    pub fn index_key(&self, index: &IndexMeta, item: &Item) -> Option<Vec<u8>> {
        let mut key = Vec::with_capacity(48);
        for attr in std::iter::once(&index.key.hash).chain(index.key.range.iter()) {
            let v = item.get(&attr.name)?;
            if value_type(v) != Some(attr.kind) {
                return None;
            }
            encode_value(v, &mut key);
        }
        // The table key makes the entry unique.
        key.extend_from_slice(&self.item_key(item).ok()?);
        Some(key)
    }

    /// The attributes `index` keeps of `item`; `None` for ALL (the item as it is).
    pub fn projected(&self, index: &IndexMeta, item: &Item) -> Option<Item> {
        match index.projection {
            ProjectionType::All => None,
            _ => {
                let mut keep: Vec<&str> = self.key.names();
                keep.extend(index.key.names());
                if index.projection == ProjectionType::Include {
                    keep.extend(index.non_key.iter().map(String::as_str));
                }
                Some(
                    item.iter()
                        .filter(|(k, _)| keep.contains(&k.as_str()))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            }
        }
    }

    /// The index entry for `item`: its key and projected item, or `None` when the
    /// item lacks the index's key attributes (a sparse index skips it).
    pub fn index_entry(&self, index: &IndexMeta, item: &Item) -> Option<(Vec<u8>, Item)> {
        let key = self.index_key(index, item)?;
        let projected = match index.projection {
            ProjectionType::All => item.clone(),
            _ => {
                let mut keep: Vec<&str> = self.key.names();
                keep.extend(index.key.names());
                if index.projection == ProjectionType::Include {
                    keep.extend(index.non_key.iter().map(String::as_str));
                }
                item.iter()
                    .filter(|(k, _)| keep.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            }
        };
        Some((key, projected))
    }
}

pub fn value_type(v: &Value) -> Option<ScalarType> {
    match v {
        Value::S(_) => Some(ScalarType::S),
        Value::N(_) => Some(ScalarType::N),
        Value::B(_) => Some(ScalarType::B),
        _ => None,
    }
}

fn encode_attr(item: &Item, attr: &KeyAttr, out: &mut Vec<u8>, _primary: bool) -> DResult<()> {
    let Some(v) = item.get(&attr.name) else {
        return Err(DynamoError::invalid_parameter(format!(
            "Missing the key {} in the item",
            attr.name
        )));
    };
    match (v, attr.kind) {
        (Value::S(s), ScalarType::S) if s.is_empty() => Err(empty_key(&attr.name, "string")),
        (Value::B(b), ScalarType::B) if b.is_empty() => Err(empty_key(&attr.name, "binary")),
        (Value::S(_), ScalarType::S)
        | (Value::N(_), ScalarType::N)
        | (Value::B(_), ScalarType::B) => {
            encode_value(v, out);
            Ok(())
        }
        _ => Err(DynamoError::invalid_parameter(format!(
            "Type mismatch for key {} expected: {} actual: {}",
            attr.name,
            attr.kind.name(),
            v.type_name()
        ))),
    }
}

fn empty_key(name: &str, what: &str) -> DynamoError {
    DynamoError::validation(format!(
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {what} value. Key: {name}"
    ))
}

/// Order-preserving, self-delimiting encoding of a key scalar.
pub fn encode_value(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::N(n) => n.encode_key(out),
        Value::S(s) => encode_bytes(s.as_bytes(), out),
        Value::B(b) => encode_bytes(b, out),
        _ => {}
    }
}

/// Bytes with 0x00 escaped as 0x00 0xFF and a 0x00 0x01 terminator: order-preserving
/// and self-delimiting, so composite keys compare part by part.
fn encode_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    for &b in bytes {
        out.push(b);
        if b == 0 {
            out.push(0xff);
        }
    }
    out.extend_from_slice(&[0x00, 0x01]);
}

/// The encoding of a string or binary without its terminator: every encoded value
/// that begins with these bytes starts with `v`.
pub fn encode_prefix(v: &Value, out: &mut Vec<u8>) {
    let bytes: &[u8] = match v {
        Value::S(s) => s.as_bytes(),
        Value::B(b) => b,
        _ => return,
    };
    for &b in bytes {
        out.push(b);
        if b == 0 {
            out.push(0xff);
        }
    }
}

/// The smallest key greater than every key that starts with `prefix`, if any.
pub fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xff {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn string_order_is_byte_order(a in proptest::collection::vec(any::<u8>(), 0..8), b in proptest::collection::vec(any::<u8>(), 0..8),
                                      c in proptest::collection::vec(any::<u8>(), 0..4), d in proptest::collection::vec(any::<u8>(), 0..4)) {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            encode_bytes(&a, &mut x);
            encode_bytes(&c, &mut x);
            encode_bytes(&b, &mut y);
            encode_bytes(&d, &mut y);
            prop_assert_eq!(x.cmp(&y), (a, c).cmp(&(b, d)));
        }
    }
}
