//! IAM, the subset that deploying functions needs: roles with their trust policy,
//! inline policies and tags, through IAM's query protocol (form-encoded requests,
//! XML answers), usable unchanged from the AWS SDKs and CLI. Roles are records in
//! the store, written through its one writer. Their policies are what the local
//! services evaluate for the calls a function makes with its role's credentials.

mod ops;
pub mod policy;
mod xml;

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::local::dynamodb::store::Store;

pub use ops::{caller_identity, handle};

const ROLES: &str = "iam/roles";

/// A role as the emulator keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Role {
    pub name: String,
    pub path: String,
    pub id: String,
    pub arn: String,
    pub trust: String,
    pub description: String,
    pub created: String,
    pub max_session: u32,
    pub tags: Vec<(String, String)>,
    /// Inline policies by name, as the documents were given.
    pub policies: BTreeMap<String, String>,
}

pub struct Iam {
    store: Arc<Store>,
    /// By lower-cased name: IAM role names are unique whatever their case.
    roles: RwLock<BTreeMap<String, Role>>,
    /// Writes one at a time: each checks, writes its record, then changes the map.
    control: tokio::sync::Mutex<()>,
}

impl Iam {
    pub fn open(store: Arc<Store>) -> std::io::Result<Arc<Iam>> {
        let mut roles = BTreeMap::new();
        for (_, bytes) in store
            .records(ROLES)
            .map_err(|e| std::io::Error::other(e.message))?
        {
            if let Ok(role) = serde_json::from_slice::<Role>(&bytes) {
                roles.insert(role.name.to_ascii_lowercase(), role);
            }
        }
        Ok(Arc::new(Iam {
            store,
            roles: RwLock::new(roles),
            control: Default::default(),
        }))
    }

    fn get(&self, name: &str) -> Option<Role> {
        self.roles
            .read()
            .ok()?
            .get(&name.to_ascii_lowercase())
            .cloned()
    }

    fn all(&self) -> Vec<Role> {
        self.roles
            .read()
            .map(|r| r.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Writes the record, then shows it (None: the role is gone).
    async fn save(&self, name: &str, role: Option<Role>) -> Result<(), String> {
        let key = name.to_ascii_lowercase();
        let bytes = match &role {
            Some(r) => Some(serde_json::to_vec(r).map_err(|e| e.to_string())?),
            None => None,
        };
        let k = key.clone();
        self.store
            .write(move |txn| match bytes {
                Some(b) => txn.put_record(ROLES, &k, b),
                None => txn.delete_record(ROLES, &k),
            })
            .await
            .map_err(|e| e.message)?;
        if let Ok(mut roles) = self.roles.write() {
            match role {
                Some(r) => roles.insert(key, r),
                None => roles.remove(&key),
            };
        }
        Ok(())
    }

    /// The inline policies of the role with this ARN, when the emulator has it.
    pub fn policies_of(&self, role_arn: &str) -> Option<Vec<Json>> {
        let name = role_arn.rsplit('/').next()?;
        let role = self.get(name).filter(|r| r.arn == role_arn)?;
        Some(
            role.policies
                .values()
                .filter_map(|d| serde_json::from_str(d).ok())
                .collect(),
        )
    }
}
