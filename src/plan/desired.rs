//! What gatekit.yaml wants on a target, as typed resources.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::api::ApiSpec;
use super::function::{Code, FunctionSpec};
use super::kind::{Kind, ResourceId};
use super::role::{RoleSpec, access_policy};
use super::table::{
    Capacity, GlobalIndexSpec, IndexProjection, LocalIndexSpec, TableBilling, TableSpec,
};
use super::trigger::{self, StreamState, TriggerSpec};
use super::{Desired, Spec, Unmanaged};
use crate::project::key::{self, KeyAttr, KeyType};
use crate::project::model::{self, Billing, ProjectFile, Projection, ProjectionKind};
use crate::project::reference::{self, Reference};
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
        stream: t.stream.map(|s| s.aws_name().to_string()),
        protect: t.protect,
        tags: t
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect::<BTreeMap<_, _>>(),
    }
}

/// A function's packed code, as the caller made it (packing reads files; this
/// module does no I/O).
#[derive(Debug, Clone)]
pub struct PackedCode {
    pub digest: String,
    pub zip: Arc<Vec<u8>>,
    /// Lambda's CodeSha256 of the zip.
    pub sha256: String,
}

impl PackedCode {
    /// Code not read (status and destroy look at what is deployed only).
    pub fn unread() -> PackedCode {
        PackedCode {
            digest: String::new(),
            zip: Arc::new(Vec::new()),
            sha256: String::new(),
        }
    }
}

/// The tables a function refers to: its `access`, and references in its environment.
fn tables_used(f: &model::Function) -> Vec<ResourceId> {
    let mut names: Vec<String> = f.access.keys().cloned().collect();
    for value in f.environment.values() {
        for r in reference::scan(value).into_iter().flatten() {
            if let Reference::Table { name, .. } = r {
                names.push(name);
            }
        }
    }
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| ResourceId {
            kind: Kind::Table,
            name,
        })
        .collect()
}

pub fn function_spec(
    name: &str,
    f: &model::Function,
    namer: &Namer<'_>,
    code: &PackedCode,
) -> FunctionSpec {
    FunctionSpec {
        runtime: f.runtime.clone(),
        handler: f.handler.clone(),
        architecture: f.architecture.name().to_string(),
        memory: f.memory,
        timeout: f.timeout,
        // A value naming an API not made yet is set by the deploy's second pass.
        environment: f
            .environment
            .iter()
            .filter(|(_, v)| apis_awaited(v, namer).is_empty())
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect(),
        role: f
            .role
            .as_deref()
            .map(|r| namer.fill(r))
            .or_else(|| namer.function_role(name))
            .unwrap_or_default(),
        concurrency: f.concurrency,
        tags: f
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect(),
        code: Code {
            digest: code.digest.clone(),
            size: code.zip.len() as u64,
            sha256: code.sha256.clone(),
            changed_outside: false,
            zip: Some(code.zip.clone()),
        },
        needs: {
            let mut needs = tables_used(f);
            if f.role.is_none() {
                needs.push(ResourceId {
                    kind: Kind::Role,
                    name: name.to_string(),
                });
            }
            needs
        },
    }
}

/// The APIs a value names by `${apis.A.url}` that do not exist yet.
fn apis_awaited(value: &str, namer: &Namer<'_>) -> Vec<String> {
    reference::scan(value)
        .into_iter()
        .flatten()
        .filter_map(|r| match r {
            Reference::Api { name } if namer.api_url(&name).is_none() => Some(name),
            _ => None,
        })
        .collect()
}

/// A function's environment variable left out until an API exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awaiting {
    pub function: String,
    pub variable: String,
    pub api: String,
}

/// The environment variables that name APIs not made yet: a function an API
/// routes to may name that API's URL, so deploy sets them once the API exists
/// (a second pass) instead of calling it a cycle.
pub fn awaiting_apis(file: &ProjectFile, namer: &Namer<'_>) -> Vec<Awaiting> {
    let mut out = Vec::new();
    for (function, f) in &file.functions {
        for (variable, value) in &f.environment {
            for api in apis_awaited(value, namer) {
                out.push(Awaiting {
                    function: function.clone(),
                    variable: variable.clone(),
                    api,
                });
            }
        }
    }
    out
}

/// The physical names of everything the file wants on the target (what reading
/// the target looks for).
pub fn physical_names(file: &ProjectFile, namer: &Namer<'_>) -> Vec<String> {
    let mut names: Vec<String> = file.tables.keys().map(|t| namer.table(t)).collect();
    names.extend(file.functions.keys().map(|f| namer.function(f)));
    names.extend(file.apis.keys().map(|a| namer.api(a)));
    names.sort();
    names.dedup();
    names
}

/// The role gatekit makes for a function without `role:`: its `access:` as a
/// least-privilege policy, and the function's tags.
pub fn role_spec(name: &str, f: &model::Function, namer: &Namer<'_>) -> RoleSpec {
    use model::Access;
    let tables: Vec<(String, bool, bool)> = f
        .access
        .iter()
        .filter_map(|(table, access)| {
            let arn = namer.table_arn(table)?;
            let (read, write) = match access {
                Access::Read => (true, false),
                Access::Write => (false, true),
                Access::ReadWrite => (true, true),
            };
            Some((arn, read, write))
        })
        .collect();
    let streams: Vec<String> = f
        .events
        .iter()
        .filter_map(|e| namer.table_arn(&e.table))
        .collect();
    RoleSpec {
        policy: access_policy(
            &tables,
            &streams,
            &namer.log_group_arn(name).unwrap_or_default(),
        ),
        tags: f
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect(),
    }
}

/// The resources the file wants on `target` (functions with their packed code),
/// and the sections not managed yet.
pub fn resources(
    file: &ProjectFile,
    namer: &Namer<'_>,
    code: &BTreeMap<String, PackedCode>,
) -> (Vec<Desired>, Vec<Unmanaged>) {
    let mut desired: Vec<Desired> = file
        .tables
        .iter()
        .map(|(name, t)| {
            let mut spec = table_spec(t, namer);
            // A table that triggers a function has a stream, with both images
            // unless the table says otherwise.
            let triggers = file
                .functions
                .values()
                .any(|f| f.events.iter().any(|e| e.table == *name));
            if triggers && spec.stream.is_none() {
                spec.stream = Some(model::StreamView::NewAndOldImages.aws_name().to_string());
            }
            Desired {
                name: name.clone(),
                physical: namer.table(name),
                spec: Spec::Table(spec),
            }
        })
        .collect();
    desired.extend(
        file.functions
            .iter()
            .filter(|(_, f)| f.role.is_none())
            .map(|(name, f)| Desired {
                name: name.clone(),
                physical: namer.function(name),
                spec: Spec::Role(role_spec(name, f, namer)),
            }),
    );
    desired.extend(file.functions.iter().filter_map(|(name, f)| {
        let packed = code.get(name)?;
        Some(Desired {
            name: name.clone(),
            physical: namer.function(name),
            spec: Spec::Function(function_spec(name, f, namer, packed)),
        })
    }));
    desired.extend(file.apis.iter().map(|(name, a)| Desired {
        name: name.clone(),
        physical: namer.api(name),
        spec: Spec::Api(api_spec(a, namer)),
    }));
    for (name, f) in &file.functions {
        for event in &f.events {
            let (function, table) = (namer.function(name), namer.table(&event.table));
            desired.push(Desired {
                name: trigger::logical(name, &event.table),
                physical: trigger::physical(&table, &function),
                spec: Spec::Trigger(trigger_spec(name, f, event, function, table)),
            });
        }
    }
    (desired, Vec::new())
}

fn trigger_spec(
    name: &str,
    f: &model::Function,
    event: &model::TableEvent,
    function: String,
    table: String,
) -> TriggerSpec {
    let mut needs = vec![
        ResourceId {
            kind: Kind::Function,
            name: name.to_string(),
        },
        ResourceId {
            kind: Kind::Table,
            name: event.table.clone(),
        },
    ];
    // The role's stream access comes first: Lambda checks it when the trigger is made.
    if f.role.is_none() {
        needs.push(ResourceId {
            kind: Kind::Role,
            name: name.to_string(),
        });
    }
    TriggerSpec {
        uuid: None,
        function,
        table,
        stream: StreamState::Current,
        start: event.start.aws_name().to_string(),
        batch_size: event.batch_size,
        batch_window: event.batch_window,
        retries: event.retries,
        bisect_on_error: event.bisect_on_error,
        max_record_age: event.max_record_age,
        filters: event
            .patterns()
            .iter()
            .filter_map(|p| serde_json::from_str(p).ok())
            .collect(),
        enabled: event.enabled,
        needs,
    }
}

/// A trigger whose table gets a new stream in this deploy (the table is made or
/// replaced, or its stream's view type changes) is made again on that stream.
pub fn renew_triggers(desired: &mut [Desired], live: &[super::Live]) {
    let tables: BTreeMap<String, TableSpec> = desired
        .iter()
        .filter_map(|d| match &d.spec {
            Spec::Table(t) => Some((d.physical.clone(), t.clone())),
            _ => None,
        })
        .collect();
    for d in desired.iter_mut() {
        let Spec::Trigger(t) = &mut d.spec else {
            continue;
        };
        let Some(want) = tables.get(&t.table) else {
            continue;
        };
        let have = live.iter().find_map(|l| match &l.spec {
            Spec::Table(have) if l.physical == t.table => Some(have),
            _ => None,
        });
        let renewed = match have {
            None => true,
            Some(have) => {
                have.stream != want.stream
                    || super::replaces(&Spec::Table(want.clone()), &Spec::Table(have.clone()))
            }
        };
        if renewed {
            t.stream = StreamState::Renewed;
        }
    }
}

/// An API: its routes to the functions' ARNs, its stage, its CORS preflight.
pub fn api_spec(a: &model::Api, namer: &Namer<'_>) -> ApiSpec {
    let routes: BTreeMap<String, String> = a
        .routes
        .iter()
        .map(|(route, f)| {
            let arn = namer.function_arn(f).unwrap_or_else(|| namer.function(f));
            (route.split_whitespace().collect::<Vec<_>>().join(" "), arn)
        })
        .collect();
    let cors = a.cors.as_ref().map(|c| {
        let mut methods: Vec<String> = if c.methods.is_empty() {
            routes
                .keys()
                .filter_map(|r| r.split(' ').next().map(String::from))
                .collect()
        } else {
            c.methods.clone()
        };
        methods.push("OPTIONS".into());
        methods.sort();
        methods.dedup();
        serde_json::json!({
            "origins": c.origins.join(","),
            "methods": methods.join(","),
            "headers": c.headers.join(","),
        })
    });
    let mut needs: Vec<ResourceId> = a
        .routes
        .values()
        .map(|f| ResourceId {
            kind: Kind::Function,
            name: f.clone(),
        })
        .collect();
    needs.sort();
    needs.dedup();
    let mut binary_media_types = a.binary_media_types.clone();
    binary_media_types.sort();
    binary_media_types.dedup();
    ApiSpec {
        id: None,
        stage: a.stage.clone(),
        variables: a
            .variables
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect(),
        binary_media_types,
        routes,
        cors,
        deployed: true,
        tags: a
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), namer.fill(v)))
            .collect(),
        needs,
    }
}

/// The ownership tags of a resource.
pub fn ownership_tags(project: &str, target: &str, name: &str) -> Vec<(String, String)> {
    vec![
        (super::TAG_PROJECT.to_string(), project.to_string()),
        (super::TAG_TARGET.to_string(), target.to_string()),
        (super::TAG_NAME.to_string(), name.to_string()),
    ]
}
