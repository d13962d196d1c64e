//! Delivering a DynamoDB stream to a function, as Lambda's event source mappings
//! do: one task per mapping reads its stream from the mapping's position, in order
//! (one shard per stream, so one batch at a time), and invokes the function with
//! `{"Records": [...]}` synchronously. A batch is done when the function returns
//! without error; its position is then written, so a restart resumes after it.
//!
//! As on AWS: up to BatchSize records and 6 MB per batch; with a batching window,
//! a batch that is not full waits until its oldest record is that old; records
//! older than MaximumRecordAgeInSeconds and those no filter matches are passed over;
//! a failed batch is retried (MaximumRetryAttempts, -1 until the records expire),
//! halved first when BisectBatchOnFunctionError is on, and resumed from the first
//! failed record a ReportBatchItemFailures response names. Throttling is not a
//! failure. Locally the retries wait 100 ms, doubling up to 2 s (AWS backs off
//! for longer).

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value as Json, json};

use super::Lambda;
use super::api::invoke::MAX_SYNC_PAYLOAD;
use super::api::invoke::for_service;
use super::mappings::{Mapping, MappingConfig, save_position};
use super::pool::{InvocationResult, Refused};
use crate::aws::clock;
use crate::aws::event_filter::Pattern;
use crate::local::dynamodb::streams::reader;

/// How often an idle mapping looks at its stream (Lambda polls four times a second).
const TICK: Duration = Duration::from_millis(100);
const FIRST_RETRY: Duration = Duration::from_millis(100);
const LAST_RETRY: Duration = Duration::from_secs(2);

/// Starts the task that delivers `m`'s stream; it ends when the mapping is deleted
/// or the emulator stops.
pub(super) fn spawn(l: &Arc<Lambda>, m: Arc<Mapping>) {
    // A weak handle: the emulator's end ends the task.
    let weak = Arc::downgrade(l);
    tokio::spawn(async move {
        let mut run = Runner {
            cap: None,
            attempts: 0,
        };
        loop {
            if m.deleted.load(Ordering::SeqCst) {
                return;
            }
            let pause = match weak.upgrade() {
                None => return,
                Some(l) => run.step(&l, &m).await,
            };
            if let Some(p) = pause {
                tokio::time::sleep(p).await;
            }
        }
    });
}

struct Runner {
    /// The batch's size after bisecting, until a batch succeeds.
    cap: Option<usize>,
    /// Failed attempts of the batch at the position.
    attempts: u64,
}

/// What one look at the stream did.
enum Batch {
    /// Nothing to deliver now.
    Idle,
    /// Records to skip (expired or filtered out): the position moves past them.
    Skip(u64),
    /// Records to send, and the position after them.
    Send(Vec<(u64, Json)>, u64),
}

impl Runner {
    /// One step; returns how long to wait before the next (None: go on at once).
    async fn step(&mut self, l: &Arc<Lambda>, m: &Arc<Mapping>) -> Option<Duration> {
        let c = m.config();
        if !c.enabled {
            return Some(TICK);
        }
        let Some(f) = l.get(&c.region, &c.function) else {
            return Some(TICK);
        };
        let from = m.position.load(Ordering::SeqCst);
        match self.batch(l, &c, from) {
            Batch::Idle => Some(TICK),
            Batch::Skip(next) => {
                self.advance(l, m, next).await;
                None
            }
            Batch::Send(records, next) => {
                let first = records.first().map(|(s, _)| *s).unwrap_or(from);
                let sequences: Vec<u64> = records.iter().map(|(s, _)| *s).collect();
                let event =
                    json!({ "Records": records.into_iter().map(|(_, r)| r).collect::<Vec<_>>() });
                let payload = Bytes::from(event.to_string());
                m.processed.store(true, Ordering::SeqCst);
                let sent = for_service(l, &f, payload).await;
                m.throttled.store(
                    matches!(sent, Err(Refused::TooManyRequests)),
                    Ordering::SeqCst,
                );
                match sent {
                    Err(Refused::TooManyRequests) => Some(TICK),
                    Ok(run) => match run.outcome {
                        InvocationResult::Ok(body) => {
                            match first_failure(&c, &body, &sequences) {
                                None => {
                                    self.cap = None;
                                    self.attempts = 0;
                                    m.failing.store(false, Ordering::SeqCst);
                                    self.advance(l, m, next).await;
                                    None
                                }
                                // The records before the failed one are done.
                                Some(failed) => {
                                    if failed > first {
                                        self.advance(l, m, failed).await;
                                    }
                                    self.failed(l, m, &c, sequences.len(), next).await
                                }
                            }
                        }
                        InvocationResult::HandlerError(_) | InvocationResult::InstanceError(_) => {
                            self.failed(l, m, &c, sequences.len(), next).await
                        }
                    },
                    Err(Refused::Spawn(_)) => self.failed(l, m, &c, sequences.len(), next).await,
                }
            }
        }
    }

    /// Reads the next batch at `from`.
    fn batch(&self, l: &Lambda, c: &MappingConfig, from: u64) -> Batch {
        let limit = self.cap.unwrap_or(c.batch_size as usize).max(1);
        let Some(records) = reader::read(&l.store, &c.source_arn, from, limit) else {
            return Batch::Idle;
        };
        let Some((_, oldest)) = records.first() else {
            return Batch::Idle;
        };
        let now_s = clock::unix_millis() / 1000;
        let created = |r: &Json| {
            r["dynamodb"]["ApproximateCreationDateTime"]
                .as_u64()
                .unwrap_or(now_s)
        };
        if c.batch_window > 0
            && records.len() < limit
            && now_s.saturating_sub(created(oldest)) < c.batch_window
        {
            return Batch::Idle;
        }
        let patterns: Vec<Pattern> = c
            .filters
            .iter()
            .filter_map(|p| Pattern::parse(p).ok())
            .collect();
        let mut send = Vec::new();
        let mut size = 0usize;
        let mut next = from;
        for (seq, mut record) in records {
            let expired = c.max_record_age >= 0
                && now_s.saturating_sub(created(&record)) > c.max_record_age as u64;
            let wanted = patterns.is_empty() || patterns.iter().any(|p| p.matches(&record));
            if expired || !wanted {
                next = seq + 1;
                continue;
            }
            record["eventSourceARN"] = json!(c.source_arn);
            let bytes = record.to_string().len() + 1;
            // A batch is at most the synchronous payload cap (one record always goes).
            if !send.is_empty() && size + bytes > MAX_SYNC_PAYLOAD - 16 {
                break;
            }
            size += bytes;
            send.push((seq, record));
            next = seq + 1;
        }
        if send.is_empty() {
            Batch::Skip(next)
        } else {
            Batch::Send(send, next)
        }
    }

    /// The batch at the position failed once more: retried (halved when bisecting),
    /// or passed over once its retries are spent.
    async fn failed(
        &mut self,
        l: &Lambda,
        m: &Mapping,
        c: &MappingConfig,
        sent: usize,
        next: u64,
    ) -> Option<Duration> {
        m.failing.store(true, Ordering::SeqCst);
        self.attempts += 1;
        if c.bisect && sent > 1 {
            // Halves are retried without counting against the retries, as on AWS.
            self.cap = Some(sent / 2);
            return Some(FIRST_RETRY);
        }
        if c.retries >= 0 && self.attempts > c.retries as u64 {
            self.attempts = 0;
            self.cap = None;
            self.advance(l, m, next).await;
            return None;
        }
        let shift = self.attempts.min(8) as u32 - 1;
        Some((FIRST_RETRY * 2u32.pow(shift)).min(LAST_RETRY))
    }

    async fn advance(&self, l: &Lambda, m: &Mapping, next: u64) {
        let uuid = m.config().uuid;
        // Kept in memory even if the write fails: delivered is delivered; the next
        // open may deliver it again, which streams allow (at least once).
        m.position.store(next, Ordering::SeqCst);
        if save_position(&l.store, &uuid, next).await.is_err() {
            tokio::time::sleep(TICK).await;
        }
    }
}

/// With ReportBatchItemFailures, the sequence number of the first record the
/// function's response names as failed (a response that names none is a success;
/// one that names a record not in the batch fails it whole).
fn first_failure(c: &MappingConfig, body: &[u8], sent: &[u64]) -> Option<u64> {
    if !c
        .response_types
        .iter()
        .any(|t| t == "ReportBatchItemFailures")
    {
        return None;
    }
    let v: Json = serde_json::from_slice(body).ok()?;
    let failures = v.get("batchItemFailures")?.as_array()?;
    let mut first: Option<u64> = None;
    for f in failures {
        let id = f.get("itemIdentifier");
        let seq = id
            .and_then(Json::as_str)
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|s| sent.contains(s))
            .or_else(|| sent.first().copied())?;
        first = Some(first.map_or(seq, |x| x.min(seq)));
    }
    first
}
