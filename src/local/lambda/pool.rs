//! The instances of each function: warm ones are reused, a new one starts only
//! when every warm one is busy, up to what the function may run. Timeouts, crashes
//! and init failures give Lambda's own error results, and the instance is replaced.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use tokio::sync::oneshot;

use super::instance::{Instance, json_error, spawn};
pub use super::instance::{Launch, Protocol};

/// How long to wait for the end mark once the answer came: the output is already
/// in the pipe by then, so this is only reached when a handler closed its streams.
const OUTPUT_GRACE: Duration = Duration::from_secs(1);

/// One invocation handed to an instance.
pub struct Invocation {
    pub request_id: String,
    pub payload: Bytes,
    pub deadline_ms: u64,
    pub function_arn: String,
    pub client_context: Option<String>,
}

impl Invocation {
    /// The X-Ray trace header Lambda passes to the runtime.
    pub fn trace_id(&self) -> String {
        let compact = self.request_id.replace('-', "");
        format!(
            "Root=1-{:08x}-{}",
            self.deadline_ms / 1000,
            &compact[..24.min(compact.len())]
        )
    }
}

/// How an invocation ended.
#[derive(Debug)]
pub enum InvocationResult {
    Ok(Bytes),
    /// The handler failed (X-Amz-Function-Error: Unhandled).
    HandlerError(Bytes),
    /// The instance failed: a timeout, a crash, an init error.
    InstanceError(Bytes),
}

pub struct Run {
    pub outcome: InvocationResult,
    pub logs: String,
    pub duration: Duration,
    pub init: Option<Duration>,
    pub max_memory_mb: u64,
}

/// The instances of one function.
#[derive(Default)]
pub struct Pool {
    idle: Mutex<Vec<Arc<Instance>>>,
    all: Mutex<Vec<Arc<Instance>>>,
    /// Executions in flight (the concurrency AWS counts), kept by `Slot`s.
    pub executions: std::sync::atomic::AtomicU64,
    /// Bumped by `retire`: an instance started under an older generation is
    /// stopped when its invocation ends, never made warm again.
    generation: std::sync::atomic::AtomicU64,
}

/// Idle instances stop after this long without an invocation.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(300);

pub enum Refused {
    /// Every allowed instance is busy.
    TooManyRequests,
    /// The interpreter or bootstrap could not be started.
    Spawn(String),
}

impl Pool {
    /// New code or configuration: idle instances stop now, busy ones when their
    /// invocation ends, so old and new code never serve side by side after it.
    pub fn retire(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let idle: Vec<Arc<Instance>> = self
            .idle
            .lock()
            .map(|mut idle| idle.drain(..).collect())
            .unwrap_or_default();
        if let Ok(mut all) = self.all.lock() {
            all.retain(|i| !idle.iter().any(|r| Arc::ptr_eq(i, r)));
        }
        for i in idle {
            i.kill();
        }
    }

    /// Stops every instance at once, busy or not (the function deleted, the
    /// emulator stopping).
    pub fn drain(&self) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.clear();
        }
        if let Ok(mut all) = self.all.lock() {
            for i in all.drain(..) {
                i.kill();
            }
        }
    }

    pub fn instances(&self) -> usize {
        self.all.lock().map(|a| a.len()).unwrap_or(0)
    }

    /// Runs one invocation on a warm instance, or a new one. The caller holds the
    /// execution's place in the function's concurrency; `cap` is how many instances
    /// the function may keep: one more goes when it turns idle.
    pub async fn invoke(
        self: &Arc<Self>,
        launch: &(dyn Fn() -> Result<Launch, String> + Send + Sync),
        cap: usize,
        inv: Invocation,
        timeout: Duration,
    ) -> Result<Run, Refused> {
        // Read before the configuration the launch uses, so that an instance of an
        // older configuration is never kept.
        let generation = self.generation.load(Ordering::SeqCst);
        let warm = self.idle.lock().ok().and_then(|mut i| i.pop());
        let (instance, cold) = match warm {
            Some(i) => (i, false),
            None => {
                let launch = launch().map_err(Refused::Spawn)?;
                let i = spawn(&launch).await.map_err(Refused::Spawn)?;
                if let Ok(mut all) = self.all.lock() {
                    all.push(i.clone());
                }
                (i, true)
            }
        };
        let run = run_on(&instance, inv, timeout, cold).await;
        let healthy = matches!(
            run.outcome,
            InvocationResult::Ok(_) | InvocationResult::HandlerError(_)
        ) && instance.exited.borrow().is_none();
        // Instances beyond what the function may run at once stop as they go idle
        // (its reserved concurrency was lowered).
        let surplus = self
            .all
            .lock()
            .map(|a| a.len() > cap.max(1))
            .unwrap_or(false);
        let current = generation == self.generation.load(Ordering::SeqCst);
        if healthy && !surplus && current {
            let stamp = instance.uses.fetch_add(1, Ordering::SeqCst) + 1;
            if let Ok(mut idle) = self.idle.lock() {
                idle.push(instance.clone());
            }
            let (pool, instance) = (Arc::downgrade(self), Arc::downgrade(&instance));
            tokio::spawn(async move {
                tokio::time::sleep(IDLE_TIMEOUT).await;
                let (Some(pool), Some(instance)) = (pool.upgrade(), instance.upgrade()) else {
                    return;
                };
                if instance.uses.load(Ordering::SeqCst) != stamp {
                    return;
                }
                let was_idle = pool.idle.lock().map(|mut idle| {
                    let before = idle.len();
                    idle.retain(|i| !Arc::ptr_eq(i, &instance));
                    before != idle.len()
                });
                if was_idle.unwrap_or(false) {
                    instance.kill();
                    if let Ok(mut all) = pool.all.lock() {
                        all.retain(|i| !Arc::ptr_eq(i, &instance));
                    }
                }
            });
        } else {
            instance.kill();
            if let Ok(mut all) = self.all.lock() {
                all.retain(|i| !Arc::ptr_eq(i, &instance));
            }
        }
        Ok(run)
    }
}

async fn run_on(instance: &Arc<Instance>, inv: Invocation, timeout: Duration, cold: bool) -> Run {
    let started = Instant::now();
    let request_id = inv.request_id.clone();
    let (tx, rx) = oneshot::channel();
    if let Ok(mut l) = instance.lines.lock()
        && !cold
    {
        l.clear();
    }
    instance.hand(inv, tx).await;
    let mut ready = instance.ready.subscribe();
    let mut exited = instance.exited.subscribe();
    let mut init = None;
    let mut answered = false;
    let outcome = tokio::select! {
        r = rx => {
            answered = r.is_ok();
            r.unwrap_or_else(|_| InvocationResult::InstanceError(json_error("Runtime.ExitError", "the runtime stopped")))
        }
        _ = tokio::time::sleep(timeout) => {
            let secs = timeout.as_secs_f64();
            InvocationResult::InstanceError(json_error("Sandbox.Timedout", &format!("{} Task timed out after {secs:.2} seconds", timestamp())))
        }
        _ = async {
            loop {
                if exited.borrow().is_some() { break; }
                if exited.changed().await.is_err() { break; }
            }
        } => {
            // Give a posted init error a moment to land before reporting the exit.
            tokio::time::sleep(Duration::from_millis(20)).await;
            let init_error = instance.init_error.lock().ok().and_then(|e| e.clone());
            match init_error {
                Some(body) => InvocationResult::InstanceError(body),
                None => {
                    let status = exited.borrow().clone().unwrap_or_default();
                    InvocationResult::InstanceError(json_error(
                        "Runtime.ExitError",
                        &format!("RequestId: {request_id} Error: Runtime exited with error: {status}"),
                    ))
                }
            }
        }
    };
    // Init is the process's start up to its first request for work; the
    // invocation's duration starts after it, as Lambda counts them.
    let ready_at = instance.ready_at.lock().ok().and_then(|at| *at);
    let mut began = started;
    if cold
        && *ready.borrow_and_update()
        && let Some(at) = ready_at
    {
        init = Some(at.saturating_duration_since(instance.started));
        began = began.max(at);
    }
    if answered && instance.protocol == Protocol::Shim {
        // The handler's output is complete once the log pipe has passed the mark.
        instance.wait_for_end_mark(&request_id, OUTPUT_GRACE).await;
    } else {
        // Without marks, output written just before the response may still be in
        // the pipe: let the readers run a few times.
        for _ in 0..4 {
            tokio::task::yield_now().await;
        }
    }
    let lines = instance
        .lines
        .lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default();
    let mut logs = String::new();
    for l in lines {
        logs.push_str(&l);
        logs.push('\n');
    }
    Run {
        outcome,
        logs,
        duration: began.elapsed(),
        init,
        max_memory_mb: instance.max_memory_mb(),
    }
}

fn timestamp() -> String {
    crate::aws::clock::iso8601(crate::aws::clock::unix_millis())
}
