//! API Gateway REST APIs, the control plane: APIs with their resource tree,
//! methods and integrations, deployments (snapshots of the tree) and stages, over
//! API Gateway's REST-JSON protocol under `/restapis`. Each API is one record in the
//! store (written whole through its one writer), per region.

mod access_log;
pub mod data;
pub mod docs;
mod ops;
mod shapes;
mod tree;

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::local::dynamodb::store::Store;

pub use ops::handle;

const APIS: &str = "apigateway/apis";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Integration {
    #[serde(rename = "type")]
    pub kind: String,
    pub http_method: Option<String>,
    pub uri: Option<String>,
    pub passthrough_behavior: Option<String>,
    pub timeout_in_millis: u64,
    pub request_templates: BTreeMap<String, String>,
    pub responses: BTreeMap<String, Json>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Method {
    pub http_method: String,
    pub authorization_type: String,
    pub api_key_required: bool,
    pub request_parameters: BTreeMap<String, bool>,
    pub responses: BTreeMap<String, Json>,
    pub integration: Option<Integration>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    pub parent_id: Option<String>,
    pub path_part: Option<String>,
    pub path: String,
    pub methods: BTreeMap<String, Method>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Deployment {
    pub id: String,
    pub description: String,
    pub created: u64,
    /// The resource tree as deployed (what the stage serves).
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    pub deployment_id: String,
    pub description: String,
    pub variables: BTreeMap<String, String>,
    pub created: u64,
    pub updated: u64,
    pub tags: BTreeMap<String, String>,
    /// Where and how each request is logged (the stage's accessLogSettings).
    #[serde(default)]
    pub access_log: Option<AccessLog>,
}

/// A stage's access logging: a line in `format` (with `$context` variables) per
/// request, to the log group `destination_arn` names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessLog {
    pub destination_arn: String,
    pub format: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RestApi {
    pub id: String,
    pub region: String,
    pub name: String,
    pub description: String,
    pub created: u64,
    pub binary_media_types: Vec<String>,
    pub tags: BTreeMap<String, String>,
    pub root_id: String,
    pub resources: Vec<Resource>,
    pub deployments: Vec<Deployment>,
    pub stages: Vec<Stage>,
    pub gateway_responses: BTreeMap<String, Json>,
}

impl RestApi {
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }

    fn resource_mut(&mut self, id: &str) -> Option<&mut Resource> {
        self.resources.iter_mut().find(|r| r.id == id)
    }
}

pub struct ApiGateway {
    store: Arc<Store>,
    /// By `(region, id)`.
    apis: RwLock<BTreeMap<(String, String), RestApi>>,
    /// Writes one at a time: each reads, checks, writes its record, then shows it.
    control: tokio::sync::Mutex<()>,
    /// Each deployment's routes, parsed once (a deployment never changes; the
    /// cache is emptied on every write, which also drops deleted deployments).
    route_tables: RwLock<BTreeMap<String, Arc<RouteTable>>>,
}

/// A deployment's routes in matching form, with the resource each one is on.
pub struct RouteTable {
    pub routes: Vec<crate::aws::route::Route>,
    pub resources: Vec<Resource>,
}

/// What serving one request of a stage needs, without the rest of the API.
pub struct StageView {
    pub api_id: String,
    pub stage: String,
    pub variables: BTreeMap<String, String>,
    pub binary_media_types: Vec<String>,
    pub table: Arc<RouteTable>,
    pub access_log: Option<AccessLog>,
}

impl ApiGateway {
    pub fn open(store: Arc<Store>) -> std::io::Result<Arc<ApiGateway>> {
        let mut apis = BTreeMap::new();
        for (_, bytes) in store
            .records(APIS)
            .map_err(|e| std::io::Error::other(e.message))?
        {
            if let Ok(api) = serde_json::from_slice::<RestApi>(&bytes) {
                apis.insert((api.region.clone(), api.id.clone()), api);
            }
        }
        Ok(Arc::new(ApiGateway {
            store,
            apis: RwLock::new(apis),
            control: Default::default(),
            route_tables: Default::default(),
        }))
    }

    pub fn get(&self, region: &str, id: &str) -> Option<RestApi> {
        self.apis
            .read()
            .ok()?
            .get(&(region.to_string(), id.to_string()))
            .cloned()
    }

    /// The API with this id, whatever its region (ids are unique).
    /// The stage's access logging, if it has any (looked up without a copy of the API).
    pub fn access_log(&self, id: &str, stage: &str) -> Option<AccessLog> {
        self.apis
            .read()
            .ok()?
            .values()
            .find(|a| a.id == id)?
            .stages
            .iter()
            .find(|s| s.name == stage)?
            .access_log
            .clone()
    }

    pub fn find(&self, id: &str) -> Option<RestApi> {
        self.apis
            .read()
            .ok()?
            .values()
            .find(|a| a.id == id)
            .cloned()
    }

    /// The stage `stage` of the API `id` (any region), with its deployment's routes.
    pub fn stage_view(&self, id: &str, stage: &str) -> Option<StageView> {
        let apis = self.apis.read().ok()?;
        let api = apis.values().find(|a| a.id == id)?;
        let s = api.stages.iter().find(|s| s.name == stage)?;
        let cached = self
            .route_tables
            .read()
            .ok()
            .and_then(|t| t.get(&s.deployment_id).cloned());
        let table = match cached {
            Some(t) => t,
            None => {
                let d = api.deployments.iter().find(|d| d.id == s.deployment_id)?;
                let table = Arc::new(RouteTable::of(&d.resources));
                if let Ok(mut t) = self.route_tables.write() {
                    t.insert(d.id.clone(), table.clone());
                }
                table
            }
        };
        Some(StageView {
            api_id: api.id.clone(),
            stage: s.name.clone(),
            variables: s.variables.clone(),
            binary_media_types: api.binary_media_types.clone(),
            table,
            access_log: s.access_log.clone(),
        })
    }

    /// Every API, in every region.
    pub fn all(&self) -> Vec<RestApi> {
        self.apis
            .read()
            .map(|a| a.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Every API in `region`.
    pub fn in_region(&self, region: &str) -> Vec<RestApi> {
        self.apis
            .read()
            .map(|a| {
                a.values()
                    .filter(|api| api.region == region)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Writes the API's record (None: deleted), then shows it.
    async fn save(&self, region: &str, id: &str, api: Option<RestApi>) -> Result<(), String> {
        let key = format!("{region}/{id}");
        let bytes = match &api {
            Some(a) => Some(serde_json::to_vec(a).map_err(|e| e.to_string())?),
            None => None,
        };
        self.store
            .write(move |txn| match bytes {
                Some(b) => txn.put_record(APIS, &key, b),
                None => txn.delete_record(APIS, &key),
            })
            .await
            .map_err(|e| e.message)?;
        if let Ok(mut tables) = self.route_tables.write() {
            tables.clear();
        }
        if let Ok(mut apis) = self.apis.write() {
            let k = (region.to_string(), id.to_string());
            match api {
                Some(a) => apis.insert(k, a),
                None => apis.remove(&k),
            };
        }
        Ok(())
    }
}

impl RouteTable {
    fn of(resources: &[Resource]) -> RouteTable {
        let mut table = RouteTable {
            routes: Vec::new(),
            resources: Vec::new(),
        };
        for r in resources {
            for m in r.methods.keys() {
                if let Ok(parsed) = crate::aws::route::parse(&format!("{m} {}", r.path)) {
                    table.routes.push(parsed);
                    table.resources.push(r.clone());
                }
            }
        }
        table
    }
}
