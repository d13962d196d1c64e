//! The project as one target sees it: physical names, key types, and references
//! replaced by what is known before deploying. This is also the documented JSON
//! shape of `gatekit show -o json` (docs/json-output.md).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use super::key::{self, KeyAttr};
use super::model::{Access, Billing, Cors, ItemModel, ProjectFile, Projection, ProjectionKind};
use super::reference::{self, FunctionField, Piece, Reference, TableField};
use crate::aws::arn::{self, LOCAL_ACCOUNT};
use crate::aws::names::physical;
use crate::aws::{route, stage_url};

/// The account id the local emulator reports, as LocalStack and moto do.
pub const LOCAL_REGION: &str = "us-east-1";

#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    pub project: String,
    pub target: String,
    /// `null` when only the AWS environment will tell (a non-local target without `region`).
    pub region: Option<String>,
    pub tables: Vec<TableView>,
    pub functions: Vec<FunctionView>,
    pub apis: Vec<ApiView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub name: String,
    pub physical_name: String,
    pub partition_key: KeyAttr,
    pub sort_key: Option<KeyAttr>,
    pub billing: &'static str,
    pub read_capacity: Option<u64>,
    pub write_capacity: Option<u64>,
    pub indexes: Vec<IndexView>,
    pub ttl: Option<String>,
    /// The stream's view type (`new_and_old_images`, ...), when the table has one.
    pub stream: Option<super::model::StreamView>,
    pub protect: bool,
    pub tags: IndexMap<String, String>,
    pub item_model: Option<ItemModel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexView {
    pub name: String,
    /// `global` or `local`.
    pub kind: &'static str,
    pub partition_key: KeyAttr,
    pub sort_key: Option<KeyAttr>,
    /// `all`, `keys_only` or `include`.
    pub projection: &'static str,
    pub projected_attributes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FunctionView {
    pub name: String,
    pub physical_name: String,
    pub runtime: String,
    pub handler: String,
    pub code: String,
    pub build: Option<String>,
    pub memory: u32,
    pub timeout: u32,
    pub concurrency: Option<u32>,
    pub role: Option<String>,
    pub environment: IndexMap<String, String>,
    pub access: Vec<AccessView>,
    pub tags: IndexMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessView {
    pub table: String,
    pub physical_name: String,
    pub access: Access,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiView {
    pub name: String,
    pub physical_name: String,
    pub stage: String,
    pub cors: Option<Cors>,
    pub routes: Vec<RouteView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteView {
    pub method: String,
    pub path: String,
    pub function: String,
    pub function_physical_name: String,
}

/// Physical names and region for one target, used to fill in references.
pub struct Namer<'a> {
    file: &'a ProjectFile,
    target: &'a str,
    region: Option<&'a str>,
    /// The AWS account, once a session knows it (the emulator's is fixed).
    account: Option<String>,
    /// The ids of the APIs that exist on the target, by logical name.
    api_ids: BTreeMap<String, String>,
}

impl<'a> Namer<'a> {
    pub fn new(file: &'a ProjectFile, target: &'a str, region: Option<&'a str>) -> Self {
        Namer {
            file,
            target,
            region,
            account: (target == "local").then(|| LOCAL_ACCOUNT.to_string()),
            api_ids: BTreeMap::new(),
        }
    }

    /// Names the APIs that exist (logical name → id), so `${apis.A.url}` resolves.
    pub fn with_api_ids(mut self, ids: BTreeMap<String, String>) -> Self {
        self.api_ids = ids;
        self
    }

    /// The port of the project's `local serve`: `targets.local.port`, else 4566.
    pub fn local_port(&self) -> u16 {
        local_port(self.file)
    }

    /// The invoke URL of an API's stage, once the API exists: locally on the
    /// project's `local serve` port, so it stays valid from one run to the next.
    pub fn api_url(&self, logical: &str) -> Option<String> {
        let id = self.api_ids.get(logical)?;
        let stage = &self.file.apis.get(logical)?.stage;
        match self.target {
            "local" => Some(stage_url::emulator(
                &stage_url::loopback(self.local_port()),
                id,
                stage,
            )),
            _ => Some(stage_url::aws(id, self.region?, stage)),
        }
    }

    /// Names in `account` (what STS says the session's credentials belong to).
    pub fn with_account(mut self, account: Option<String>) -> Self {
        if account.is_some() {
            self.account = account;
        }
        self
    }

    /// Where ARNs point: the region and the account (fixed for `local`).
    fn arn_place(&self) -> Option<(String, String)> {
        let region = match self.target {
            "local" => self.region.unwrap_or(LOCAL_REGION),
            _ => self.region?,
        };
        Some((region.to_string(), self.account.clone()?))
    }

    pub fn table_arn(&self, logical: &str) -> Option<String> {
        let (region, account) = self.arn_place()?;
        Some(arn::table(&region, &account, &self.table(logical)))
    }

    pub fn function_arn(&self, logical: &str) -> Option<String> {
        let (region, account) = self.arn_place()?;
        Some(arn::function(&region, &account, &self.function(logical)))
    }

    /// The log group Lambda writes a function's log to, as an IAM resource.
    pub fn log_group_arn(&self, logical: &str) -> Option<String> {
        let (region, account) = self.arn_place()?;
        Some(arn::log_group(
            &region,
            &account,
            &crate::aws::names::lambda_log_group(&self.function(logical)),
        ))
    }

    /// The role gatekit makes for a function without `role:`: named as the function.
    pub fn function_role(&self, logical: &str) -> Option<String> {
        let account = self.account.as_deref()?;
        Some(arn::role(account, &self.function(logical)))
    }

    pub fn table(&self, logical: &str) -> String {
        let explicit = self
            .file
            .tables
            .get(logical)
            .and_then(|t| t.name.as_deref());
        physical(&self.file.project, self.target, logical, explicit)
    }

    pub fn function(&self, logical: &str) -> String {
        let explicit = self
            .file
            .functions
            .get(logical)
            .and_then(|f| f.name.as_deref());
        physical(&self.file.project, self.target, logical, explicit)
    }

    pub fn api(&self, logical: &str) -> String {
        let explicit = self.file.apis.get(logical).and_then(|a| a.name.as_deref());
        physical(&self.file.project, self.target, logical, explicit)
    }

    /// What a reference stands for, when it is known before deploying. ARNs are
    /// known for `local` (its account is fixed); an API's URL once the API exists.
    fn value(&self, r: &Reference) -> Option<String> {
        let local_region = (self.target == "local").then(|| self.region.unwrap_or(LOCAL_REGION));
        // Elsewhere an ARN needs the region and the account the session found.
        let arn_place = local_region
            .map(|r| (r.to_string(), LOCAL_ACCOUNT.to_string()))
            .or_else(|| Some((self.region?.to_string(), self.account.clone()?)));
        match r {
            Reference::Project => Some(self.file.project.clone()),
            Reference::Target => Some(self.target.to_string()),
            Reference::Region => self.region.map(str::to_string),
            Reference::Table {
                name,
                field: TableField::Name,
            } => Some(self.table(name)),
            Reference::Function {
                name,
                field: FunctionField::Name,
            } => Some(self.function(name)),
            Reference::Table {
                name,
                field: TableField::Arn,
            } => {
                arn_place.map(|(region, account)| arn::table(&region, &account, &self.table(name)))
            }
            Reference::Function {
                name,
                field: FunctionField::Arn,
            } => arn_place
                .map(|(region, account)| arn::function(&region, &account, &self.function(name))),
            Reference::Api { name } => self.api_url(name),
            Reference::Var { name } => self
                .file
                .targets
                .get(self.target)
                .and_then(|t| t.variables.get(name))
                .cloned(),
        }
    }

    /// Replaces the references that are known; the others stay as written.
    pub fn fill(&self, text: &str) -> String {
        match reference::split(text) {
            Err(_) => text.to_string(),
            Ok(pieces) => pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t,
                    Piece::Ref(r) => self.value(&r).unwrap_or_else(|| r.to_string()),
                })
                .collect(),
        }
    }
}

/// The port of the project's `local serve`: `targets.local.port`, else 4566.
pub fn local_port(file: &ProjectFile) -> u16 {
    file.targets
        .get("local")
        .and_then(|t| t.port)
        .unwrap_or(stage_url::LOCAL_PORT)
}

/// The region a target resolves to before asking the AWS environment.
pub fn region_of(file: &ProjectFile, target: &str, cli_region: Option<&str>) -> Option<String> {
    cli_region
        .map(str::to_string)
        .or_else(|| file.targets.get(target).and_then(|t| t.region.clone()))
        .or_else(|| (target == "local").then(|| LOCAL_REGION.to_string()))
}

fn key_attr(spec: &str) -> KeyAttr {
    // Validation has parsed every key already; a fallback keeps this total.
    key::parse(spec).unwrap_or(KeyAttr {
        name: spec.to_string(),
        kind: key::KeyType::S,
    })
}

fn projection(p: &Projection) -> (&'static str, Vec<String>) {
    match p {
        Projection::Kind(ProjectionKind::All) => ("all", Vec::new()),
        Projection::Kind(ProjectionKind::KeysOnly) => ("keys_only", Vec::new()),
        Projection::Include(attrs) => ("include", attrs.clone()),
    }
}

pub fn resolve(file: &ProjectFile, target: &str, region: Option<&str>) -> Resolved {
    let namer = Namer::new(file, target, region);
    let tables = file
        .tables
        .iter()
        .map(|(name, t)| {
            let (billing, read, write) = match &t.billing {
                Billing::Mode(_) => ("on_demand", None, None),
                Billing::Provisioned(p) => (
                    "provisioned",
                    Some(p.provisioned.read),
                    Some(p.provisioned.write),
                ),
            };
            let partition_key = key_attr(&t.key.partition);
            let mut indexes: Vec<IndexView> = t
                .indexes
                .iter()
                .map(|(index, g)| {
                    let (projection, projected_attributes) = projection(&g.projection);
                    IndexView {
                        name: index.clone(),
                        kind: "global",
                        partition_key: key_attr(&g.partition),
                        sort_key: g.sort.as_deref().map(key_attr),
                        projection,
                        projected_attributes,
                    }
                })
                .collect();
            indexes.extend(t.local_indexes.iter().map(|(index, l)| {
                let (projection, projected_attributes) = projection(&l.projection);
                IndexView {
                    name: index.clone(),
                    kind: "local",
                    partition_key: partition_key.clone(),
                    sort_key: Some(key_attr(&l.sort)),
                    projection,
                    projected_attributes,
                }
            }));
            TableView {
                name: name.clone(),
                physical_name: namer.table(name),
                partition_key,
                sort_key: t.key.sort.as_deref().map(key_attr),
                billing,
                read_capacity: read,
                write_capacity: write,
                indexes,
                ttl: t.ttl.clone(),
                stream: t.stream,
                protect: t.protect,
                tags: fill_all(&namer, &t.tags),
                item_model: t.items.clone(),
            }
        })
        .collect();
    let functions = file
        .functions
        .iter()
        .map(|(name, f)| FunctionView {
            name: name.clone(),
            physical_name: namer.function(name),
            runtime: f.runtime.clone(),
            handler: f.handler.clone(),
            code: super::check::function::code_dir(name, f),
            build: f.build.clone(),
            memory: f.memory,
            timeout: f.timeout,
            concurrency: f.concurrency,
            role: f.role.clone(),
            environment: fill_all(&namer, &f.environment),
            access: f
                .access
                .iter()
                .map(|(table, access)| AccessView {
                    table: table.clone(),
                    physical_name: namer.table(table),
                    access: *access,
                })
                .collect(),
            tags: fill_all(&namer, &f.tags),
        })
        .collect();
    let apis = file
        .apis
        .iter()
        .map(|(name, a)| ApiView {
            name: name.clone(),
            physical_name: namer.api(name),
            stage: a.stage.clone(),
            cors: a.cors.clone(),
            routes: a
                .routes
                .iter()
                .filter_map(|(spec, function)| {
                    let r = route::parse(spec).ok()?;
                    Some(RouteView {
                        method: r.method.clone(),
                        path: r.path(),
                        function: function.clone(),
                        function_physical_name: namer.function(function),
                    })
                })
                .collect(),
        })
        .collect();
    Resolved {
        project: file.project.clone(),
        target: target.to_string(),
        region: region.map(str::to_string),
        tables,
        functions,
        apis,
    }
}

fn fill_all(namer: &Namer<'_>, map: &IndexMap<String, String>) -> IndexMap<String, String> {
    map.iter()
        .map(|(k, v)| (k.clone(), namer.fill(v)))
        .collect()
}
