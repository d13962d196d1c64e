//! The store's one writer thread: it runs the write jobs of a batch in one redb
//! transaction (group commit), logs the batch before any of its callers hears back,
//! keeps the stream records the batch wrote (`stream_log`), and makes the store
//! durable now and then (`checkpoint`), after which the log starts empty.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use redb::{Database, Durability};

use super::schema::TableMeta;
use super::store::{Job, Txn, def};
use super::stream_log::{Batch, Pending};
use super::wal::{Op, Wal};

/// How often the writer makes the store durable and empties the log: when writes
/// pause for `IDLE`, at most once a `CHECKPOINT_EVERY`; under sustained writes, every
/// `CHECKPOINT_UNDER_LOAD` (the durable commit stalls writes for an fsync).
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);
const CHECKPOINT_UNDER_LOAD: Duration = Duration::from_secs(5);
const IDLE: Duration = Duration::from_millis(100);
/// Most writes committed together in one batch.
const MAX_BATCH: usize = 256;

pub(super) struct Writer {
    pub(super) db: Arc<Database>,
    pub(super) tables: Arc<RwLock<HashMap<String, Arc<TableMeta>>>>,
    pub(super) next_id: Arc<AtomicU64>,
    pub(super) wal: Option<Wal>,
    pub(super) pending: Arc<Pending>,
}

/// What one job left in the batch: its log entries and metadata changes, kept only
/// if the job succeeded.
struct JobResult {
    ops: Vec<Op>,
    meta: Vec<(String, Option<Arc<TableMeta>>)>,
}

impl Writer {
    pub(super) fn run(mut self, rx: mpsc::Receiver<Job>) {
        let mut last_checkpoint = Instant::now();
        loop {
            let first = match rx.recv_timeout(IDLE) {
                Ok(job) => Some(job),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    // Idle: a good moment for the stream records to go into redb,
                    // and for the durable commit, which stalls writes.
                    self.flush_streams();
                    if last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
                        self.checkpoint();
                        last_checkpoint = Instant::now();
                    }
                    None
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    self.checkpoint();
                    return;
                }
            };
            let mut batch: Vec<Job> = first.into_iter().collect();
            while batch.len() < MAX_BATCH {
                match rx.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            if !batch.is_empty() {
                self.commit_batch(batch);
            }
            let log_big = self.wal.as_ref().is_some_and(|w| w.bytes > 64 << 20);
            if last_checkpoint.elapsed() >= CHECKPOINT_UNDER_LOAD || log_big {
                self.checkpoint();
                last_checkpoint = Instant::now();
            }
        }
    }

    fn commit_batch(&mut self, batch: Vec<Job>) {
        let Ok(mut tx) = self.db.begin_write() else {
            // Dropping the jobs drops their reply channels: callers see an internal error.
            return;
        };
        // Durability comes from the log (or, in memory, is not asked for).
        let _ = tx.set_durability(Durability::None);
        let snapshot = self.tables.read().map(|t| t.clone()).unwrap_or_default();
        let mut all = JobResult {
            ops: Vec::new(),
            meta: Vec::new(),
        };
        let mut replies = Vec::with_capacity(batch.len());
        let mut streamed = Batch::default();
        for job in batch {
            let mut txn = Txn {
                tx: &tx,
                ops: Vec::new(),
                meta: all.meta.clone(),
                tables: &snapshot,
                next_id: &self.next_id,
                by_ttl: false,
                streamed: &mut streamed,
            };
            replies.push(job(&mut txn));
            // Jobs validate before they write, so a failed job wrote nothing.
            all.ops.append(&mut txn.ops);
            all.meta = txn.meta;
        }
        let streamed = streamed.into_frames();
        let logged = match self.wal.as_mut() {
            Some(wal) => {
                // The records are logged with the batch; a replay writes them to redb.
                all.ops
                    .extend(streamed.iter().map(|(table, frame)| Op::Put {
                        table: table.clone(),
                        key: frame.key().to_vec(),
                        value: frame.bytes.clone(),
                    }));
                wal.append(&all.ops).is_ok()
            }
            None => true,
        };
        let committed = logged && tx.commit().is_ok();
        if !committed {
            replies.into_iter().for_each(|r| r(false));
            return;
        }
        let full = {
            let mut waiting = self.pending.lock();
            waiting.add(streamed);
            waiting.is_full()
        };
        if !all.meta.is_empty()
            && let Ok(mut tables) = self.tables.write()
        {
            for (name, meta) in all.meta {
                match meta {
                    Some(m) => tables.insert(name, m),
                    None => tables.remove(&name),
                };
            }
        }
        replies.into_iter().for_each(|r| r(true));
        if full {
            self.flush_streams();
        }
    }

    /// Puts the waiting stream records into redb, an entry per waiting frame. They
    /// are in the log already: nothing is logged. The lock is held across the
    /// commit, so readers see each record in redb or waiting, never both or neither.
    /// In memory they stay waiting: redb would only copy them, twice.
    fn flush_streams(&mut self) {
        if self.wal.is_none() {
            return;
        }
        let mut waiting = self.pending.lock();
        if waiting.is_empty() {
            return;
        }
        let Ok(mut tx) = self.db.begin_write() else {
            return;
        };
        let _ = tx.set_durability(Durability::None);
        let mut written = Ok(());
        for (table, frame) in waiting.frames() {
            written = tx.open_table(def(table)).and_then(|mut t| {
                t.insert(frame.key().as_slice(), frame.bytes.as_slice())
                    .map(|_| ())
                    .map_err(redb::TableError::Storage)
            });
            if written.is_err() {
                break;
            }
        }
        // On failure they stay waiting, and the next flush tries again.
        if written.is_ok() && tx.commit().is_ok() {
            waiting.clear();
        }
    }

    /// A durable commit, after which the log is no longer needed (the waiting
    /// stream records go into redb first: the log is their only other copy).
    fn checkpoint(&mut self) {
        if self.wal.as_ref().is_none_or(|w| w.bytes == 0) {
            return;
        }
        self.flush_streams();
        let Some(wal) = self.wal.as_mut() else {
            return;
        };
        if wal.bytes == 0 {
            return;
        }
        let Ok(mut tx) = self.db.begin_write() else {
            return;
        };
        if tx.set_durability(Durability::Immediate).is_err() {
            return;
        }
        if tx.commit().is_ok() {
            let _ = wal.reset();
        }
    }
}
