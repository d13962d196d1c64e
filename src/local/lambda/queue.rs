//! Asynchronous invocation (InvocationType Event) as Lambda runs it: each event
//! is a record in the store's redb (`lambda/events`) before 202 is answered, so a
//! `kill -9` loses none and the next emulator on the store runs what was queued.
//! One task takes due events and runs each; an attempt that fails (a function
//! error, a timeout, a crash) is retried twice (MaximumRetryAttempts of the
//! function's event invoke config) after a delay, and an event older than
//! MaximumEventAgeInSeconds is dropped; throttling waits without counting as an
//! attempt. When an event ends, its OnSuccess or OnFailure destination (another
//! function) gets the invocation record, if the function's role may invoke it.
//! Every attempt is an invocation in the function's log, under the event's
//! request id.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use super::api::invoke::record_run;
use super::pool::{Invocation, InvocationResult, Refused};
use super::{Lambda, io_error};
use crate::aws::clock;
use crate::local::dynamodb::store::Store;

const EVENTS: &str = "lambda/events";
/// How often the queue looks for due events.
const TICK: Duration = Duration::from_millis(50);
/// Lambda's defaults: two retries, events kept six hours.
pub const DEFAULT_RETRIES: u64 = 2;
pub const DEFAULT_MAX_AGE_S: u64 = 21_600;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueuedEvent {
    /// The request id, the same for every attempt.
    pub id: String,
    pub region: String,
    pub function: String,
    pub payload: String,
    pub client_context: Option<String>,
    pub received_ms: u64,
    /// Attempts made so far.
    pub attempts: u32,
    /// Not to run before.
    pub next_ms: u64,
}

impl QueuedEvent {
    fn key(&self) -> String {
        format!("{:020}-{}", self.received_ms, self.id)
    }
}

/// The queue in memory (a copy of the store's records) and what is running now.
#[derive(Default)]
pub struct Queue {
    events: Mutex<BTreeMap<String, QueuedEvent>>,
    running: Mutex<HashSet<String>>,
    /// Keys whose function refused the last try for its concurrency.
    throttled: Mutex<HashSet<String>>,
}

impl Queue {
    pub fn load(store: &Store) -> std::io::Result<Queue> {
        let mut events = BTreeMap::new();
        for (k, v) in store.records(EVENTS).map_err(io_error)? {
            let e: QueuedEvent = serde_json::from_slice(&v).map_err(io_error)?;
            events.insert(k, e);
        }
        Ok(Queue {
            events: Mutex::new(events),
            ..Queue::default()
        })
    }

    /// Events waiting or running, and how many of them are stuck (throttled).
    pub fn waiting(&self) -> (usize, usize) {
        let n = self.events.lock().map(|e| e.len()).unwrap_or(0);
        let stuck = self.throttled.lock().map(|t| t.len()).unwrap_or(0);
        (n, stuck)
    }
}

async fn save(store: &Store, e: &QueuedEvent) -> Result<(), String> {
    let bytes = serde_json::to_vec(e).map_err(|x| x.to_string())?;
    let key = e.key();
    store
        .write(move |txn| txn.put_record(EVENTS, &key, bytes))
        .await
        .map_err(|x| x.message)
}

async fn forget(store: &Store, key: &str) -> Result<(), String> {
    let key = key.to_string();
    store
        .write(move |txn| txn.delete_record(EVENTS, &key))
        .await
        .map_err(|x| x.message)
}

/// Writes the event to the store, then queues it: acknowledged only once kept.
pub async fn enqueue(l: &Lambda, e: QueuedEvent) -> Result<(), String> {
    save(&l.store, &e).await?;
    if let Ok(mut q) = l.queue.events.lock() {
        q.insert(e.key(), e);
    }
    Ok(())
}

/// Starts the task that runs due events; it ends with the emulator.
pub fn spawn(l: &Arc<Lambda>) {
    let weak = Arc::downgrade(l);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(TICK).await;
            let Some(l) = weak.upgrade() else { return };
            let now = clock::unix_millis();
            let due: Vec<(String, QueuedEvent)> = {
                let (Ok(events), Ok(mut running)) = (l.queue.events.lock(), l.queue.running.lock())
                else {
                    continue;
                };
                events
                    .iter()
                    .filter(|(k, e)| e.next_ms <= now && !running.contains(*k))
                    .map(|(k, e)| (k.clone(), e.clone()))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .inspect(|(k, _)| {
                        running.insert(k.clone());
                    })
                    .collect()
            };
            for (key, e) in due {
                let l = l.clone();
                l.pending_events.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    attempt(&l, &key, e).await;
                    if let Ok(mut r) = l.queue.running.lock() {
                        r.remove(&key);
                    }
                    l.pending_events.fetch_sub(1, Ordering::SeqCst);
                });
            }
        }
    });
}

/// How one attempt ended.
enum Ended {
    Success(Bytes),
    Failure(Bytes, &'static str),
}

async fn attempt(l: &Arc<Lambda>, key: &str, mut e: QueuedEvent) {
    let Some(f) = l.get(&e.region, &e.function) else {
        // The function is gone: so is its queue.
        drop_event(l, key).await;
        return;
    };
    let config = super::api::read_config(&f);
    let settings = config.event_invoke.clone().unwrap_or_default();
    let max_age = settings.max_age.unwrap_or(DEFAULT_MAX_AGE_S);
    let now = clock::unix_millis();
    if now.saturating_sub(e.received_ms) > max_age * 1000 {
        finish(l, key, &e, &config, None, "EventAgeExceeded").await;
        return;
    }
    let Ok(slot) = l.execution_slot(&f, &config) else {
        mark_throttled(l, key, true);
        reschedule(l, key, &mut e, now + 100, false).await;
        return;
    };
    mark_throttled(l, key, false);
    let launch = {
        let (l, f, config) = (l.clone(), f.clone(), config.clone());
        move || l.launch(&f, &config)
    };
    let inv = Invocation {
        request_id: e.id.clone(),
        payload: Bytes::from(e.payload.clone()),
        deadline_ms: now + config.timeout * 1000,
        function_arn: Lambda::arn(&config.region, &config.name),
        client_context: e.client_context.clone(),
    };
    let ended = match f
        .pool
        .invoke(&launch, slot.cap, inv, Duration::from_secs(config.timeout))
        .await
    {
        Err(Refused::TooManyRequests) => {
            reschedule(l, key, &mut e, now + 100, false).await;
            return;
        }
        Err(Refused::Spawn(message)) => Ended::Failure(
            Bytes::from(
                json!({ "errorType": "Runtime.InvalidRuntime", "errorMessage": message })
                    .to_string(),
            ),
            "Unhandled",
        ),
        Ok(run) => {
            record_run(&f, &config, &e.id, &run);
            match run.outcome {
                InvocationResult::Ok(p) => Ended::Success(p),
                InvocationResult::HandlerError(p) | InvocationResult::InstanceError(p) => {
                    Ended::Failure(p, "Unhandled")
                }
            }
        }
    };
    drop(slot);
    e.attempts += 1;
    match ended {
        Ended::Success(p) => finish(l, key, &e, &config, Some((p, None)), "Success").await,
        Ended::Failure(p, error) => {
            let retries = settings.retries.unwrap_or(DEFAULT_RETRIES);
            if u64::from(e.attempts) > retries {
                finish(
                    l,
                    key,
                    &e,
                    &config,
                    Some((p, Some(error))),
                    "RetriesExhausted",
                )
                .await;
            } else {
                let delay = l.runtimes.event_retry_delay * e.attempts;
                let next = clock::unix_millis() + delay.as_millis() as u64;
                reschedule(l, key, &mut e, next, true).await;
            }
        }
    }
}

fn mark_throttled(l: &Lambda, key: &str, on: bool) {
    if let Ok(mut t) = l.queue.throttled.lock() {
        if on {
            t.insert(key.to_string());
        } else {
            t.remove(key);
        }
    }
}

async fn reschedule(l: &Lambda, key: &str, e: &mut QueuedEvent, next_ms: u64, keep: bool) {
    e.next_ms = next_ms;
    // An attempt made is written down (a restart does not repeat its count); a
    // throttled try changes nothing durable.
    if keep {
        let _ = save(&l.store, e).await;
    }
    if let Ok(mut q) = l.queue.events.lock() {
        q.insert(key.to_string(), e.clone());
    }
}

async fn drop_event(l: &Lambda, key: &str) {
    let _ = forget(&l.store, key).await;
    if let Ok(mut q) = l.queue.events.lock() {
        q.remove(key);
    }
    mark_throttled(l, key, false);
}

/// The event is done: its destination gets the invocation record (as Lambda sends
/// it), then the event leaves the queue.
async fn finish(
    l: &Arc<Lambda>,
    key: &str,
    e: &QueuedEvent,
    config: &super::FunctionConfig,
    response: Option<(Bytes, Option<&'static str>)>,
    condition: &'static str,
) {
    let settings = config.event_invoke.clone().unwrap_or_default();
    let destination = if condition == "Success" {
        settings.on_success.clone()
    } else {
        settings.on_failure.clone()
    };
    if let Some(dest) = destination.filter(|d| d.contains(":function:")) {
        let allowed = l.allowed(&config.role, "lambda:InvokeFunction", &dest);
        let target = crate::aws::arn::function_name(&dest).to_string();
        if allowed && l.get(&config.region, &target).is_some() {
            let payload: Json = serde_json::from_str(&e.payload).unwrap_or(Json::Null);
            let mut rec = json!({
                "version": "1.0",
                "timestamp": clock::iso8601(clock::unix_millis()),
                "requestContext": {
                    "requestId": e.id,
                    "functionArn": format!("{}:$LATEST", Lambda::arn(&config.region, &config.name)),
                    "condition": condition,
                    "approximateInvokeCount": e.attempts,
                },
                "requestPayload": payload,
            });
            if let Some((body, error)) = &response {
                let mut context = json!({ "statusCode": 200, "executedVersion": "$LATEST" });
                if let Some(err) = error {
                    context["functionError"] = json!(err);
                }
                rec["responseContext"] = context;
                rec["responsePayload"] = serde_json::from_slice(body)
                    .unwrap_or_else(|_| json!(String::from_utf8_lossy(body)));
            }
            let now = clock::unix_millis();
            let _ = enqueue(
                l,
                QueuedEvent {
                    id: crate::aws::id::request_id(),
                    region: config.region.clone(),
                    function: target,
                    payload: rec.to_string(),
                    client_context: None,
                    received_ms: now,
                    attempts: 0,
                    next_ms: now,
                },
            )
            .await;
        }
    }
    drop_event(l, key).await;
}
