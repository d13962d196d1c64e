//! The DynamoDB service of the emulator: the JSON 1.0 protocol over the store.

pub mod actions;
pub mod error;
pub mod expr;
mod legacy;
mod memory;
mod number;
mod ops;
mod partiql;
mod request;
mod schema;
pub mod store;
mod stream_log;
pub mod streams;
mod ttl;
pub mod value;
mod wal;
mod wire;
mod wire_shapes;
mod writer;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use error::DynamoError;
use request::Request;
use store::{OpenError, Store};

pub use number::Number;

/// DynamoDB refuses request bodies over 16 MB (BatchWriteItem's bound).
pub const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

pub struct DynamoDb {
    store: Arc<Store>,
    tokens: ops::Tokens,
}

/// A reply: status and JSON body.
pub struct WireReply {
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
            store: Arc::new(Store::open(dir, sync)?),
            tokens: ops::Tokens::default(),
        });
        ttl::spawn(Arc::downgrade(&db), ttl_every);
        Ok(db)
    }

    /// Serves one request; `operation` is what follows `DynamoDB_20120810.` in
    /// X-Amz-Target, e.g. `PutItem`.
    pub async fn handle(
        &self,
        operation: &str,
        region: &str,
        host: &str,
        body: &[u8],
    ) -> WireReply {
        let mut filter_member = None;
        let result = match Request::parse(body).and_then(|r| {
            let body = r.into_body();
            wire_shapes::check(operation, &body)?;
            filter_member = legacy::filter_member(operation, &body);
            // The pre-expression parameters, as the expressions they stand for.
            legacy::rewrite(operation, body).map(Request::from_object)
        }) {
            Err(e) => Err(e),
            Ok(req) => {
                let ctx = ops::OpContext {
                    store: &self.store,
                    tokens: &self.tokens,
                    region,
                    host,
                };
                ops::dispatch(&ctx, operation, &req)
                    .await
                    .map_err(|e| legacy::name_filter(e, filter_member))
            }
        };
        match result {
            Ok(ops::Body::Json(json)) => WireReply {
                status: 200,
                body: serde_json::to_vec(&json).unwrap_or_default(),
            },
            Ok(ops::Body::Raw(body)) => WireReply { status: 200, body },
            Err(e) => WireReply {
                status: e.status(),
                body: serde_json::to_vec(&e.body()).unwrap_or_default(),
            },
        }
    }

    /// Serves one DynamoDB Streams request (`DynamoDBStreams_20120810.{operation}`).
    pub fn handle_streams(&self, operation: &str, region: &str, body: &[u8]) -> WireReply {
        let result = Request::parse(body).and_then(|req| {
            let body = req.into_body();
            wire_shapes::check(operation, &body)?;
            streams::handle(&self.store, region, operation, &Request::from_object(body))
        });
        match result {
            Ok(json) => WireReply {
                status: 200,
                body: serde_json::to_vec(&json).unwrap_or_default(),
            },
            Err(e) => Self::error_reply(&e),
        }
    }

    pub fn error_reply(e: &DynamoError) -> WireReply {
        WireReply {
            status: e.status(),
            body: serde_json::to_vec(&e.body()).unwrap_or_default(),
        }
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }
}
