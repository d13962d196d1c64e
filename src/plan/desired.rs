//! What gatekit.yaml wants on a target, as typed resources.

use std::collections::BTreeMap;

use super::table::{
    Capacity, GlobalIndexSpec, IndexProjection, LocalIndexSpec, TableBilling, TableSpec,
};
use super::{Desired, Spec, Unmanaged};
use crate::project::key::{self, KeyAttr, KeyType};
use crate::project::model::{self, Billing, ProjectFile, Projection, ProjectionKind};
use crate::project::resolve::Namer;

fn projection(p: &Projection) -> IndexProjection {
    match p {
        Projection::Kind(ProjectionKind::All) => IndexProjection::All,
        Projection::Kind(ProjectionKind::KeysOnly) => IndexProjection::KeysOnly,
        Projection::Include(attrs) => {
            let mut a = attrs.clone();
            a.sort();
            IndexProjection::Include(a)
        }
    }
}

/// A key spec of a validated project (validation refuses one that does not parse
/// before any plan is made; the fallback only keeps this total).
fn key_attr(spec: &str) -> KeyAttr {
    key::parse(spec).unwrap_or_else(|_| KeyAttr {
        name: spec.to_string(),
        kind: KeyType::S,
    })
}

fn capacity(c: model::Capacity) -> Capacity {
    Capacity {
        read: c.read,
        write: c.write,
    }
}

pub fn table_spec(t: &model::Table, namer: &Namer<'_>) -> TableSpec {
    let provisioned = match &t.billing {
        Billing::Mode(_) => None,
        Billing::Provisioned(p) => Some(capacity(p.provisioned)),
    };
    TableSpec {
        partition: key_attr(&t.key.partition),
        sort: t.key.sort.as_deref().map(key_attr),
        billing: provisioned.map_or(TableBilling::OnDemand, TableBilling::Provisioned),
        indexes: t
            .indexes
            .iter()
            .map(|(name, g)| {
                let spec = GlobalIndexSpec {
                    partition: key_attr(&g.partition),
                    sort: g.sort.as_deref().map(key_attr),
                    projection: projection(&g.projection),
                    capacity: g.capacity.map(capacity).or(provisioned),
                };
                (name.clone(), spec)
            })
            .collect(),
        local_indexes: t
            .local_indexes
            .iter()
            .map(|(name, l)| {
                let spec = LocalIndexSpec {
                    sort: key_attr(&l.sort),
                    projection: projection(&l.projection),
                };
                (name.clone(), spec)
            })
            .collect(),
        ttl: t.ttl.clone(),
        protect: t.protect,
        tags: t
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect::<BTreeMap<_, _>>(),
    }
}

/// The resources the file wants on `target`, and the sections not managed yet.
pub fn resources(
    file: &ProjectFile,
    target: &str,
    region: Option<&str>,
) -> (Vec<Desired>, Vec<Unmanaged>) {
    let namer = Namer::new(file, target, region);
    let tables = file
        .tables
        .iter()
        .map(|(name, t)| Desired {
            name: name.clone(),
            physical: namer.table(name),
            spec: Spec::Table(table_spec(t, &namer)),
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
