//! The store: redb (an embedded ACID key-value store) under the data dir, or in
//! memory; one writer thread (`writer.rs`) that commits batches of writes (group
//! commit) with the write-ahead log for crash safety; concurrent readers on MVCC
//! snapshots.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};

use redb::{
    Database, Durability, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition,
    WriteTransaction,
};

use super::error::{DResult, DynamoError};
use super::schema::{IndexMeta, TableMeta};
use super::stream_log::{Batch, Frame, Pending};
use super::value::{Item, item_from_json, item_to_json};
use super::wal::{Op, Wal};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const FORMAT_KEY: &str = "__format";
/// Bumped when the on-disk layout changes; a newer store is refused, never misread,
/// and an older one is migrated on open (`migrate`).
/// 1: tables under `table/{name}`, every region in one namespace.
/// 2: tables under `table/{region}/{name}`, each region its own namespace; control-plane
///    records of other services (Lambda's functions) in their own redb tables.
pub const FORMAT: u32 = 2;

pub(super) fn def(name: &str) -> TableDefinition<'_, &'static [u8], &'static [u8]> {
    TableDefinition::new(name)
}

/// The key of a table in the store: each region is its own namespace, as on AWS.
/// Neither a region nor a table name can hold a `/`.
pub fn table_key(region: &str, name: &str) -> String {
    format!("{region}/{name}")
}

fn storage(e: impl std::fmt::Display) -> DynamoError {
    DynamoError::internal(format!("storage error: {e}"))
}

/// A stored item: its DynamoDB size (4 bytes, little-endian), then its DynamoDB JSON.
/// Keeping both lets reads answer with the stored JSON as it is and count page sizes
/// as DynamoDB does, without decoding the item.
pub fn encode_item(item: &Item) -> Vec<u8> {
    let mut out = (super::value::item_size(item) as u32)
        .to_le_bytes()
        .to_vec();
    let _ = serde_json::to_writer(&mut out, &item_to_json(item));
    out
}

/// The item's DynamoDB JSON, as stored.
pub fn item_json(bytes: &[u8]) -> &[u8] {
    bytes.get(4..).unwrap_or_default()
}

/// The item's size as DynamoDB counts it.
pub fn stored_size(bytes: &[u8]) -> usize {
    bytes
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .unwrap_or(0) as usize
}

pub fn decode_item(bytes: &[u8]) -> DResult<Item> {
    let json: serde_json::Value = serde_json::from_slice(item_json(bytes)).map_err(storage)?;
    item_from_json(&json)
}

/// A write: runs inside the batch's transaction and returns how to answer its
/// caller once the batch is logged and committed (or failed).
pub(super) type Ack = Box<dyn FnOnce(bool) + Send>;
pub(super) type Job = Box<dyn FnOnce(&mut Txn<'_>) -> Ack + Send>;

pub struct Store {
    db: Arc<Database>,
    /// `None` only while dropping: closing it stops the writer.
    jobs: Option<mpsc::Sender<Job>>,
    writer: Option<std::thread::JoinHandle<()>>,
    tables: Arc<RwLock<HashMap<String, Arc<TableMeta>>>>,
    next_id: Arc<AtomicU64>,
    /// Stream records committed but not yet in redb (see `stream_log`).
    pending: Arc<Pending>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot open the store at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(
        "the store at {path} was written by a newer gatekit (format {found}, this one reads {FORMAT}); upgrade gatekit or use another --data-dir"
    )]
    TooNew { path: PathBuf, found: u32 },
}

/// A write transaction as the operations see it; collects the log of what it did.
pub struct Txn<'a> {
    pub(super) tx: &'a WriteTransaction,
    pub(super) ops: Vec<Op>,
    pub(super) meta: Vec<(String, Option<Arc<TableMeta>>)>,
    pub(super) tables: &'a HashMap<String, Arc<TableMeta>>,
    pub next_id: &'a AtomicU64,
    /// Deletions are TTL's own (their stream records name the service).
    pub by_ttl: bool,
    /// The batch's stream records, logged and kept with the batch.
    pub(super) streamed: &'a mut Batch,
}

impl Txn<'_> {
    /// The table as this transaction sees it (including its own changes).
    pub fn table(&self, region: &str, name: &str) -> Option<Arc<TableMeta>> {
        let key = table_key(region, name);
        match self.meta.iter().rev().find(|(k, _)| *k == key) {
            Some((_, m)) => m.clone(),
            None => self.tables.get(&key).cloned(),
        }
    }

    /// Stores a control-plane record of another service (a Lambda function's
    /// configuration) under `key` in the redb table `table`, logged and committed
    /// with the batch like any item.
    pub fn put_record(&mut self, table: &str, key: &str, value: Vec<u8>) -> DResult<()> {
        self.put_raw(table.to_string(), key.as_bytes().to_vec(), value)
    }

    pub fn delete_record(&mut self, table: &str, key: &str) -> DResult<()> {
        self.delete_raw(table.to_string(), key.as_bytes().to_vec())
    }

    pub fn get(&self, table: &str, key: &[u8]) -> DResult<Option<Vec<u8>>> {
        let t = self.tx.open_table(def(table)).map_err(storage)?;
        Ok(t.get(key).map_err(storage)?.map(|v| v.value().to_vec()))
    }

    pub fn get_item(&self, meta: &TableMeta, key: &[u8]) -> DResult<Option<Item>> {
        self.get(&meta.items_table(), key)?
            .map(|b| decode_item(&b))
            .transpose()
    }

    fn put_raw(&mut self, table: String, key: Vec<u8>, value: Vec<u8>) -> DResult<()> {
        {
            let mut t = self.tx.open_table(def(&table)).map_err(storage)?;
            t.insert(key.as_slice(), value.as_slice())
                .map_err(storage)?;
        }
        self.ops.push(Op::Put { table, key, value });
        Ok(())
    }

    /// Removes one entry of a store table (a stream record past its retention).
    pub fn delete_raw_entry(&mut self, table: &str, key: Vec<u8>) -> DResult<()> {
        self.delete_raw(table.to_string(), key)
    }

    fn delete_raw(&mut self, table: String, key: Vec<u8>) -> DResult<()> {
        {
            let mut t = self.tx.open_table(def(&table)).map_err(storage)?;
            t.remove(key.as_slice()).map_err(storage)?;
        }
        self.ops.push(Op::Delete { table, key });
        Ok(())
    }

    /// Writes `item` (replacing `old`, if any) and keeps every index in step.
    pub fn put_item(
        &mut self,
        meta: &TableMeta,
        key: &[u8],
        item: &Item,
        old: Option<&Item>,
    ) -> DResult<()> {
        let encoded = encode_item(item);
        for index in meta.gsis.iter().chain(meta.lsis.iter()) {
            let new_key = meta.index_key(index, item);
            // An entry under the same key is overwritten; only a moved one is deleted.
            if let Some(old_key) = old.and_then(|o| meta.index_key(index, o))
                && new_key.as_ref() != Some(&old_key)
            {
                self.delete_raw(meta.index_table(index), old_key)?;
            }
            if let Some(k) = new_key {
                // An ALL projection stores the item as it is: encode it once.
                let value = match meta.projected(index, item) {
                    None => encoded.clone(),
                    Some(p) => encode_item(&p),
                };
                self.put_raw(meta.index_table(index), k, value)?;
            }
        }
        self.stream(meta, old, Some(item), Some(&encoded))?;
        self.put_raw(meta.items_table(), key.to_vec(), encoded)?;
        let old_ttl = old.and_then(|o| meta.ttl_entry(o, key));
        let new_ttl = meta.ttl_entry(item, key);
        if let Some(k) = old_ttl.filter(|k| Some(k) != new_ttl.as_ref()) {
            self.delete_raw(meta.ttl_table(), k)?;
        }
        self.index_ttl(meta, key, item)
    }

    pub fn delete_item(&mut self, meta: &TableMeta, key: &[u8], old: &Item) -> DResult<()> {
        self.unindex(meta, old)?;
        self.delete_raw(meta.items_table(), key.to_vec())?;
        self.stream(meta, Some(old), None, None)
    }

    /// The change's record on the table's stream, in this transaction.
    fn stream(
        &mut self,
        meta: &TableMeta,
        old: Option<&Item>,
        new: Option<&Item>,
        new_stored: Option<&[u8]>,
    ) -> DResult<()> {
        let Some(stream) = meta.stream() else {
            return Ok(());
        };
        let change = super::streams::Change {
            old,
            new,
            new_stored,
            by_ttl: self.by_ttl,
        };
        super::streams::record(meta, stream, &change, self.streamed);
        Ok(())
    }

    fn unindex(&mut self, meta: &TableMeta, old: &Item) -> DResult<()> {
        for index in meta.gsis.iter().chain(meta.lsis.iter()) {
            if let Some(k) = meta.index_key(index, old) {
                self.delete_raw(meta.index_table(index), k)?;
            }
        }
        if let Some(k) = meta
            .item_key(old)
            .ok()
            .and_then(|key| meta.ttl_entry(old, &key))
        {
            self.delete_raw(meta.ttl_table(), k)?;
        }
        Ok(())
    }

    /// Records when `item` expires, if the table has TTL on and the item a time.
    pub fn index_ttl(&mut self, meta: &TableMeta, key: &[u8], item: &Item) -> DResult<()> {
        if let Some(k) = meta.ttl_entry(item, key) {
            self.put_raw(meta.ttl_table(), k, key.to_vec())?;
        }
        Ok(())
    }

    pub fn index_one(&mut self, meta: &TableMeta, index: &IndexMeta, item: &Item) -> DResult<()> {
        if let Some((k, projected)) = meta.index_entry(index, item) {
            self.put_raw(meta.index_table(index), k, encode_item(&projected))?;
        }
        Ok(())
    }

    /// Every item of a table, for backfilling a new index.
    pub fn all_items(&self, meta: &TableMeta) -> DResult<Vec<Item>> {
        let t = self
            .tx
            .open_table(def(&meta.items_table()))
            .map_err(storage)?;
        let mut out = Vec::new();
        for entry in t.iter().map_err(storage)? {
            let (_, v) = entry.map_err(storage)?;
            out.push(decode_item(v.value())?);
        }
        Ok(out)
    }

    pub fn drop_table(&mut self, table: String) -> DResult<()> {
        self.tx.delete_table(def(&table)).map_err(storage)?;
        self.ops.push(Op::DropTable { table });
        Ok(())
    }

    /// Records a table's metadata (or its removal), visible to readers after commit.
    pub fn set_meta(&mut self, region: &str, name: &str, meta: Option<TableMeta>) -> DResult<()> {
        let name = table_key(region, name);
        let key = format!("table/{name}");
        match &meta {
            Some(m) => {
                let bytes = serde_json::to_vec(m).map_err(storage)?;
                let mut t = self.tx.open_table(META).map_err(storage)?;
                t.insert(key.as_str(), bytes.as_slice()).map_err(storage)?;
                drop(t);
                self.ops.push(Op::Put {
                    table: "meta".into(),
                    key: key.into_bytes(),
                    value: bytes,
                });
            }
            None => {
                let mut t = self.tx.open_table(META).map_err(storage)?;
                t.remove(key.as_str()).map_err(storage)?;
                drop(t);
                self.ops.push(Op::Delete {
                    table: "meta".into(),
                    key: key.into_bytes(),
                });
            }
        }
        self.meta.push((name.to_string(), meta.map(Arc::new)));
        Ok(())
    }
}

/// A stream table at one moment (`Store::stream_view`).
pub struct StreamView {
    pub snapshot: Snapshot,
    /// The records asked for that are not in redb yet.
    pub waiting: Option<Frame>,
    /// The first and last sequence numbers not in redb yet.
    pub waiting_bounds: Option<(u64, u64)>,
}

/// A consistent snapshot for reads.
pub struct Snapshot {
    tx: ReadTransaction,
}

impl Snapshot {
    pub fn get(&self, table: &str, key: &[u8]) -> DResult<Option<Vec<u8>>> {
        let t = match self.tx.open_table(def(table)) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(storage(e)),
        };
        Ok(t.get(key).map_err(storage)?.map(|v| v.value().to_vec()))
    }

    /// Calls `f` on entries from `start` (exclusive when `after`) while it returns true,
    /// forwards or backwards, within `[lo, hi)`.
    pub fn scan(
        &self,
        table: &str,
        lo: &[u8],
        hi: Option<&[u8]>,
        forward: bool,
        mut f: impl FnMut(&[u8], &[u8]) -> DResult<bool>,
    ) -> DResult<()> {
        let t = match self.tx.open_table(def(table)) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(()),
            Err(e) => return Err(storage(e)),
        };
        let range = match hi {
            Some(hi) => t.range::<&[u8]>(lo..hi),
            None => t.range::<&[u8]>(lo..),
        }
        .map_err(storage)?;
        if forward {
            for entry in range {
                let (k, v) = entry.map_err(storage)?;
                if !f(k.value(), v.value())? {
                    break;
                }
            }
        } else {
            for entry in range.rev() {
                let (k, v) = entry.map_err(storage)?;
                if !f(k.value(), v.value())? {
                    break;
                }
            }
        }
        Ok(())
    }
}

impl Store {
    /// Opens (or creates) the store in `dir`, or in memory when `dir` is `None`.
    pub fn open(dir: Option<&Path>, sync: bool) -> Result<Store, OpenError> {
        let (db, wal, replay) = match dir {
            None => {
                let db = Database::builder()
                    .create_with_backend(super::memory::ChunkedMemory::default())
                    .map_err(|e| OpenError::Open {
                        path: PathBuf::from(":memory:"),
                        message: e.to_string(),
                    })?;
                (db, None, Vec::new())
            }
            Some(dir) => {
                let fail = |e: &dyn std::fmt::Display| OpenError::Open {
                    path: dir.to_path_buf(),
                    message: e.to_string(),
                };
                std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
                let db = Database::create(dir.join("dynamodb.redb")).map_err(|e| fail(&e))?;
                let (wal, replay) =
                    Wal::open(&dir.join("dynamodb.wal"), sync).map_err(|e| fail(&e))?;
                (db, Some(wal), replay)
            }
        };
        let path = dir
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        let open_err = |e: &dyn std::fmt::Display| OpenError::Open {
            path: path.clone(),
            message: e.to_string(),
        };
        // Format check, then replay of what the log holds beyond the last durable commit.
        let found;
        {
            let mut tx = db.begin_write().map_err(|e| open_err(&e))?;
            tx.set_durability(Durability::Immediate)
                .map_err(|e| open_err(&e))?;
            {
                let mut meta = tx.open_table(META).map_err(|e| open_err(&e))?;
                found = meta
                    .get(FORMAT_KEY)
                    .map_err(|e| open_err(&e))?
                    .map(|v| u32::from_le_bytes(v.value().try_into().unwrap_or([0xff; 4])));
                match found {
                    Some(f) if f > FORMAT => {
                        return Err(OpenError::TooNew {
                            path: path.clone(),
                            found: f,
                        });
                    }
                    Some(_) => {}
                    None => {
                        meta.insert(FORMAT_KEY, FORMAT.to_le_bytes().as_slice())
                            .map_err(|e| open_err(&e))?;
                    }
                }
            }
            for batch in &replay {
                for op in batch {
                    apply_op(&tx, op).map_err(|e| open_err(&e))?;
                }
            }
            // After the replay: the log of an older gatekit holds keys of its format.
            if let Some(found) = found.filter(|f| *f < FORMAT) {
                migrate(&tx, found).map_err(|e| open_err(&e))?;
            }
            tx.commit().map_err(|e| open_err(&e))?;
        }
        let mut wal = wal;
        if let Some(w) = wal.as_mut() {
            w.reset().map_err(|e| open_err(&e))?;
        }
        let mut tables = HashMap::new();
        let mut max_id = 0;
        {
            let tx = db.begin_read().map_err(|e| open_err(&e))?;
            let meta = tx.open_table(META).map_err(|e| open_err(&e))?;
            for entry in meta.iter().map_err(|e| open_err(&e))? {
                let (k, v) = entry.map_err(|e| open_err(&e))?;
                if let Some(name) = k.value().strip_prefix("table/") {
                    let m: TableMeta =
                        serde_json::from_slice(v.value()).map_err(|e| open_err(&e))?;
                    max_id = max_id.max(m.id).max(
                        m.gsis
                            .iter()
                            .chain(m.lsis.iter())
                            .map(|i| i.id)
                            .max()
                            .unwrap_or(0),
                    );
                    tables.insert(name.to_string(), Arc::new(m));
                }
            }
        }
        let db = Arc::new(db);
        let tables = Arc::new(RwLock::new(tables));
        let next_id = Arc::new(AtomicU64::new(max_id + 1));
        let (jobs, rx) = mpsc::channel::<Job>();
        let pending = Arc::new(Pending::default());
        let writer = super::writer::Writer {
            db: db.clone(),
            tables: tables.clone(),
            next_id: next_id.clone(),
            wal,
            pending: pending.clone(),
        };
        let writer = std::thread::Builder::new()
            .name("gatekit-dynamodb-writer".into())
            .spawn(move || writer.run(rx))
            .map_err(|e| open_err(&e))?;
        Ok(Store {
            writer: Some(writer),
            db,
            jobs: Some(jobs),
            tables,
            next_id,
            pending,
        })
    }

    pub fn table(&self, region: &str, name: &str) -> DResult<Arc<TableMeta>> {
        self.tables
            .read()
            .map_err(|_| DynamoError::internal("table cache poisoned"))?
            .get(&table_key(region, name))
            .cloned()
            .ok_or_else(|| DynamoError::table_not_found(name))
    }

    /// The names of the tables of one region, sorted.
    pub fn table_names(&self, region: &str) -> Vec<String> {
        let prefix = table_key(region, "");
        let mut names: Vec<String> = self
            .tables
            .read()
            .map(|t| {
                t.keys()
                    .filter_map(|k| k.strip_prefix(&prefix))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Every record of the redb table `table` (see `Txn::put_record`), by key.
    pub fn records(&self, table: &str) -> DResult<Vec<(String, Vec<u8>)>> {
        let mut out = Vec::new();
        self.snapshot()?.scan(table, &[], None, true, |k, v| {
            out.push((String::from_utf8_lossy(k).into_owned(), v.to_vec()));
            Ok(true)
        })?;
        Ok(out)
    }

    pub fn all_tables(&self) -> Vec<Arc<TableMeta>> {
        self.tables
            .read()
            .map(|t| t.values().cloned().collect())
            .unwrap_or_default()
    }

    pub fn new_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::SeqCst)
    }

    pub fn snapshot(&self) -> DResult<Snapshot> {
        Ok(Snapshot {
            tx: self.db.begin_read().map_err(storage)?,
        })
    }

    /// A stream table as a reader sees it at one moment: redb, and the records of
    /// `table` still waiting outside it from sequence number `from` on (at most
    /// `limit`, and about `max_bytes` of them).
    pub fn stream_view(
        &self,
        table: &str,
        from: u64,
        limit: usize,
        max_bytes: usize,
    ) -> DResult<StreamView> {
        // Locked while the snapshot is taken: a flush holds the lock across its
        // commit, so every record is in exactly one of the two.
        let waiting = self.pending.lock();
        let tail = waiting.tail(table, from, limit, max_bytes);
        let bounds = waiting.bounds(table);
        let snapshot = self.snapshot()?;
        drop(waiting);
        Ok(StreamView {
            snapshot,
            waiting: tail,
            waiting_bounds: bounds,
        })
    }

    /// Forgets the waiting stream records older than sequence number `cutoff` (in
    /// memory, where they are never flushed to redb).
    pub fn prune_waiting(&self, cutoff: u64) {
        self.pending.lock().prune(cutoff);
    }

    /// Runs `f` in the writer's next batch; its writes commit atomically with the
    /// batch and are logged before this returns.
    pub async fn write<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Txn<'_>) -> DResult<R> + Send + 'static,
    ) -> DResult<R> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |txn| {
            let result = f(txn);
            Box::new(move |committed: bool| {
                let _ = tx.send(if committed {
                    result
                } else {
                    Err(DynamoError::internal("the write could not be committed"))
                });
            })
        });
        self.jobs
            .as_ref()
            .ok_or_else(|| DynamoError::internal("the store is closing"))?
            .send(job)
            .map_err(|_| DynamoError::internal("the store's writer has stopped"))?;
        rx.await
            .map_err(|_| DynamoError::internal("the store's writer dropped a write"))?
    }
}

impl Drop for Store {
    /// Stops the writer after its last batch and a durable commit, so that the
    /// database file is closed when the store is gone.
    fn drop(&mut self) {
        self.jobs.take();
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}

/// Brings a store of an older format to `FORMAT`, inside the open's transaction.
fn migrate(tx: &WriteTransaction, from: u32) -> Result<(), String> {
    let mut meta = tx.open_table(META).map_err(|e| e.to_string())?;
    if from < 2 {
        // Format 1 kept every table under `table/{name}`; each table's metadata
        // holds the region its CreateTable was signed for, which becomes its namespace.
        let mut old = Vec::new();
        for entry in meta.iter().map_err(|e| e.to_string())? {
            let (k, v) = entry.map_err(|e| e.to_string())?;
            if let Some(name) = k.value().strip_prefix("table/") {
                old.push((name.to_string(), v.value().to_vec()));
            }
        }
        for (name, bytes) in old {
            let m: TableMeta = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
            meta.remove(format!("table/{name}").as_str())
                .map_err(|e| e.to_string())?;
            meta.insert(
                format!("table/{}", table_key(&m.region, &name)).as_str(),
                bytes.as_slice(),
            )
            .map_err(|e| e.to_string())?;
        }
    }
    meta.insert(FORMAT_KEY, FORMAT.to_le_bytes().as_slice())
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn apply_op(tx: &WriteTransaction, op: &Op) -> Result<(), redb::Error> {
    match op {
        Op::Put { table, key, value } if table == "meta" => {
            let mut t = tx.open_table(META)?;
            t.insert(
                std::str::from_utf8(key).unwrap_or_default(),
                value.as_slice(),
            )?;
        }
        Op::Delete { table, key } if table == "meta" => {
            let mut t = tx.open_table(META)?;
            t.remove(std::str::from_utf8(key).unwrap_or_default())?;
        }
        Op::Put { table, key, value } => {
            let mut t = tx.open_table(def(table))?;
            t.insert(key.as_slice(), value.as_slice())?;
        }
        Op::Delete { table, key } => {
            let mut t = tx.open_table(def(table))?;
            t.remove(key.as_slice())?;
        }
        Op::DropTable { table } => {
            tx.delete_table(def(table))?;
        }
    }
    Ok(())
}
