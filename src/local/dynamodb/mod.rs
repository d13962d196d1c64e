//! The DynamoDB service of the emulator: the JSON 1.0 protocol over the store.

pub mod error;
pub mod expr;
mod number;
mod ops;
mod request;
mod schema;
pub mod store;
mod ttl;
pub mod value;
mod wal;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use error::{DynamoError, ErrorKind};
use request::Request;
use store::{OpenError, Store};

pub use number::Number;

/// DynamoDB refuses request bodies over 16 MB (BatchWriteItem's bound).
pub const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

pub struct DynamoDb {
    store: Store,
    tokens: ops::Tokens,
}

/// A reply: status and JSON body.
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

impl DynamoDb {
    /// Opens the store (`None`: in memory) and starts TTL expiry every `ttl_every`.
    pub fn open(
        dir: Option<&Path>,
        sync: bool,
        ttl_every: Duration,
    ) -> Result<Arc<DynamoDb>, OpenError> {
        let db = Arc::new(DynamoDb {
            store: Store::open(dir, sync)?,
            tokens: ops::Tokens::default(),
        });
        ttl::spawn(Arc::downgrade(&db), ttl_every);
        Ok(db)
    }

    /// Serves one request; `target` is X-Amz-Target, e.g. `DynamoDB_20120810.PutItem`.
    pub async fn handle(&self, target: &str, region: &str, host: &str, body: &[u8]) -> Reply {
        let result = match target.strip_prefix("DynamoDB_20120810.") {
            None => Err(DynamoError::new(
                ErrorKind::UnknownOperation,
                format!("Unknown operation: {target}"),
            )),
            Some(op) => match Request::parse(body) {
                Err(e) => Err(e),
                Ok(req) => {
                    let ctx = ops::Ctx {
                        store: &self.store,
                        tokens: &self.tokens,
                        region,
                        host,
                    };
                    ops::dispatch(&ctx, op, &req).await
                }
            },
        };
        match result {
            Ok(ops::Body::Json(json)) => Reply {
                status: 200,
                body: serde_json::to_vec(&json).unwrap_or_default(),
            },
            Ok(ops::Body::Raw(body)) => Reply { status: 200, body },
            Err(e) => Reply {
                status: e.status(),
                body: serde_json::to_vec(&e.body()).unwrap_or_default(),
            },
        }
    }

    pub fn error_reply(e: &DynamoError) -> Reply {
        Reply {
            status: e.status(),
            body: serde_json::to_vec(&e.body()).unwrap_or_default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
}
