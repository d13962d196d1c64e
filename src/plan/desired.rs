//! What gatekit.yaml wants on a target, as resources with flattened attributes.
//! The same attribute shapes are what `cloud` reads back from a target, so the two
//! compare directly and `cloud` builds its requests from them.
//!
//! Table attributes: `key.partition` and `key.sort` ("name:TYPE"), `billing`
//! ("on_demand" | "provisioned"), `capacity.read` and `capacity.write`,
//! `index.NAME` ({partition, sort?, projection, capacity?}), `local_index.NAME`
//! ({sort, projection}), `ttl`, `protect`, `tag.KEY`.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::{Kind, Resource, Unmanaged};
use crate::project::model::{Billing, ProjectFile, Projection, ProjectionKind, Table};
use crate::project::resolve::Namer;

pub fn projection_json(p: &Projection) -> Json {
    match p {
        Projection::Kind(ProjectionKind::All) => json!("all"),
        Projection::Kind(ProjectionKind::KeysOnly) => json!("keys_only"),
        Projection::Include(attrs) => {
            let mut a = attrs.clone();
            a.sort();
            json!(a)
        }
    }
}

fn table_attributes(t: &Table, namer: &Namer<'_>) -> BTreeMap<String, Json> {
    let mut a = BTreeMap::new();
    a.insert("key.partition".into(), json!(t.key.partition));
    if let Some(s) = &t.key.sort {
        a.insert("key.sort".into(), json!(s));
    }
    let provisioned = match &t.billing {
        Billing::Mode(_) => {
            a.insert("billing".into(), json!("on_demand"));
            None
        }
        Billing::Provisioned(p) => {
            a.insert("billing".into(), json!("provisioned"));
            a.insert("capacity.read".into(), json!(p.provisioned.read));
            a.insert("capacity.write".into(), json!(p.provisioned.write));
            Some(p.provisioned)
        }
    };
    for (name, g) in &t.indexes {
        let mut v =
            json!({ "partition": g.partition, "projection": projection_json(&g.projection) });
        if let Some(s) = &g.sort {
            v["sort"] = json!(s);
        }
        if let Some(cap) = g.capacity.or(provisioned) {
            v["capacity"] = json!({ "read": cap.read, "write": cap.write });
        }
        a.insert(format!("index.{name}"), v);
    }
    for (name, l) in &t.local_indexes {
        a.insert(
            format!("local_index.{name}"),
            json!({ "sort": l.sort, "projection": projection_json(&l.projection) }),
        );
    }
    if let Some(ttl) = &t.ttl {
        a.insert("ttl".into(), json!(ttl));
    }
    a.insert("protect".into(), json!(t.protect));
    for (k, v) in &t.tags {
        a.insert(format!("tag.{k}"), json!(namer.fill(v)));
    }
    a
}

/// The resources the file wants on `target`, and the sections not managed yet.
pub fn resources(
    file: &ProjectFile,
    target: &str,
    region: Option<&str>,
) -> (Vec<Resource>, Vec<Unmanaged>) {
    let namer = Namer::new(file, target, region);
    let tables = file
        .tables
        .iter()
        .map(|(name, t)| Resource {
            kind: Kind::Table,
            name: name.clone(),
            physical: namer.table(name),
            attributes: table_attributes(t, &namer),
        })
        .collect();
    let mut unmanaged: Vec<Unmanaged> = file
        .functions
        .keys()
        .map(|n| Unmanaged {
            section: "functions".into(),
            name: n.clone(),
        })
        .collect();
    unmanaged.extend(file.apis.keys().map(|n| Unmanaged {
        section: "apis".into(),
        name: n.clone(),
    }));
    (tables, unmanaged)
}

/// The ownership tags of a resource.
pub fn ownership_tags(project: &str, target: &str, name: &str) -> Vec<(String, String)> {
    vec![
        (super::TAG_PROJECT.to_string(), project.to_string()),
        (super::TAG_TARGET.to_string(), target.to_string()),
        (super::TAG_NAME.to_string(), name.to_string()),
    ]
}
