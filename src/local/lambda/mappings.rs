//! Event source mappings: what connects a DynamoDB stream to a function. Each is a
//! record in the store's redb (`lambda/mappings`, by UUID), and its position in the
//! stream (the next sequence number to deliver) a record of its own
//! (`lambda/mapping-positions`), written after each batch is done, so a restarted
//! emulator delivers from where the last one stopped and the API's changes never
//! race the delivery's. `delivery` runs one task per mapping.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use super::{Lambda, io_error};
use crate::aws::arn::LOCAL_ACCOUNT;
use crate::local::dynamodb::store::Store;

const MAPPINGS: &str = "lambda/mappings";
const POSITIONS: &str = "lambda/mapping-positions";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MappingConfig {
    pub uuid: String,
    pub region: String,
    pub function: String,
    pub source_arn: String,
    pub starting_position: String,
    pub batch_size: u64,
    pub batch_window: u64,
    pub enabled: bool,
    pub max_record_age: i64,
    pub bisect: bool,
    pub retries: i64,
    pub parallelization: u64,
    pub tumbling_window: u64,
    /// FilterCriteria's patterns, as given.
    pub filters: Vec<String>,
    /// `ReportBatchItemFailures`, or none.
    pub response_types: Vec<String>,
    /// DestinationConfig.OnFailure.Destination, kept and shown.
    pub on_failure: Option<String>,
    pub last_modified_ms: u64,
}

/// A mapping as the emulator runs it.
pub struct Mapping {
    pub config: RwLock<MappingConfig>,
    /// The next sequence number to deliver.
    pub position: AtomicU64,
    /// The last batch failed and waits for its retry.
    pub failing: AtomicBool,
    /// The function's concurrency refused the last batch (reserved concurrency 0,
    /// or every instance busy): it waits, and is no failure.
    pub throttled: AtomicBool,
    /// Some records were delivered (or tried): LastProcessingResult.
    pub processed: AtomicBool,
    pub deleted: AtomicBool,
}

impl Mapping {
    pub fn new(config: MappingConfig, position: u64) -> Arc<Mapping> {
        Arc::new(Mapping {
            config: RwLock::new(config),
            position: AtomicU64::new(position),
            failing: AtomicBool::new(false),
            throttled: AtomicBool::new(false),
            processed: AtomicBool::new(false),
            deleted: AtomicBool::new(false),
        })
    }

    pub fn config(&self) -> MappingConfig {
        self.config
            .read()
            .map(|c| c.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn set_config(&self, next: MappingConfig) {
        match self.config.write() {
            Ok(mut c) => *c = next,
            Err(p) => *p.into_inner() = next,
        }
    }

    /// EventSourceMappingConfiguration, in `state` (Creating, Enabled, Updating…).
    pub fn describe(&self, state: &str) -> Json {
        let c = self.config();
        let result = if self.failing.load(Ordering::Relaxed) {
            "PROBLEM: Function call failed"
        } else if self.processed.load(Ordering::Relaxed) {
            "OK"
        } else {
            "No records processed"
        };
        let mut v = json!({
            "UUID": c.uuid,
            "StartingPosition": c.starting_position,
            "BatchSize": c.batch_size,
            "MaximumBatchingWindowInSeconds": c.batch_window,
            "ParallelizationFactor": c.parallelization,
            "EventSourceArn": c.source_arn,
            "FunctionArn": Lambda::arn(&c.region, &c.function),
            "LastModified": c.last_modified_ms as f64 / 1000.0,
            "LastProcessingResult": result,
            "State": state,
            "StateTransitionReason": "User action",
            "DestinationConfig": { "OnFailure": c.on_failure.as_ref().map(|d| json!({ "Destination": d })).unwrap_or_else(|| json!({})) },
            "MaximumRecordAgeInSeconds": c.max_record_age,
            "BisectBatchOnFunctionError": c.bisect,
            "MaximumRetryAttempts": c.retries,
            "TumblingWindowInSeconds": c.tumbling_window,
            "FunctionResponseTypes": c.response_types,
            "EventSourceMappingArn": arn(&c.region, &c.uuid),
        });
        if !c.filters.is_empty() {
            v["FilterCriteria"] = json!({
                "Filters": c.filters.iter().map(|p| json!({ "Pattern": p })).collect::<Vec<_>>()
            });
        }
        v
    }

    /// The state a reader sees once a change has settled.
    pub fn settled_state(&self) -> &'static str {
        if self.config().enabled {
            "Enabled"
        } else {
            "Disabled"
        }
    }
}

pub fn arn(region: &str, uuid: &str) -> String {
    format!("arn:aws:lambda:{region}:{LOCAL_ACCOUNT}:event-source-mapping:{uuid}")
}

/// The mappings in the store, each with its position.
pub fn load(store: &Store) -> std::io::Result<BTreeMap<String, Arc<Mapping>>> {
    let positions: BTreeMap<String, u64> = store
        .records(POSITIONS)
        .map_err(io_error)?
        .into_iter()
        .filter_map(|(k, v)| Some((k, u64::from_be_bytes(v.as_slice().try_into().ok()?))))
        .collect();
    let mut out = BTreeMap::new();
    for (uuid, bytes) in store.records(MAPPINGS).map_err(io_error)? {
        let config: MappingConfig = serde_json::from_slice(&bytes).map_err(io_error)?;
        let position = positions.get(&uuid).copied().unwrap_or(0);
        out.insert(uuid, Mapping::new(config, position));
    }
    Ok(out)
}

/// Writes a mapping's record (and, when given, its starting position) in one
/// transaction; acknowledged once the store's writer has logged it.
pub async fn save(
    store: &Store,
    config: &MappingConfig,
    position: Option<u64>,
) -> Result<(), String> {
    let bytes = serde_json::to_vec(config).map_err(|e| e.to_string())?;
    let key = config.uuid.clone();
    store
        .write(move |txn| {
            txn.put_record(MAPPINGS, &key, bytes)?;
            if let Some(p) = position {
                txn.put_record(POSITIONS, &key, p.to_be_bytes().to_vec())?;
            }
            Ok(())
        })
        .await
        .map_err(|e| e.message)
}

pub async fn save_position(store: &Store, uuid: &str, position: u64) -> Result<(), String> {
    let key = uuid.to_string();
    store
        .write(move |txn| txn.put_record(POSITIONS, &key, position.to_be_bytes().to_vec()))
        .await
        .map_err(|e| e.message)
}

pub async fn forget(store: &Store, uuid: &str) -> Result<(), String> {
    let key = uuid.to_string();
    store
        .write(move |txn| {
            txn.delete_record(MAPPINGS, &key)?;
            txn.delete_record(POSITIONS, &key)
        })
        .await
        .map_err(|e| e.message)
}
