//! Function instances: real processes that speak the Lambda Runtime API, each on
//! its own loopback listener (as each Lambda sandbox has its own Runtime API
//! endpoint). Warm instances are reused; a new one starts only when every warm one
//! is busy, up to the function's concurrency. Timeouts, crashes and init failures
//! give Lambda's own error results, and the instance is replaced.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot, watch};

/// What an instance needs to start: the command, its folder and environment.
#[derive(Debug, Clone)]
pub struct Launch {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    pub env: Vec<(String, String)>,
    /// A line for the first invocation's log (an interpreter of another version).
    pub notice: Option<String>,
    /// The runtime writes `END_MARK` and the request id on stdout and stderr after
    /// the handler's output and before its answer (gatekit's Python and Node shims
    /// do; a `provided` bootstrap does not).
    pub marks_output_end: bool,
}

/// The line gatekit's shims write on both streams when an invocation's output is
/// complete; never shown in logs.
pub const END_MARK: &str = "\u{1}gatekit-end ";
/// How long to wait for the end marks once the answer came: the output is already
/// in the pipes by then, so this is only reached when a handler closed its streams.
const OUTPUT_GRACE: Duration = Duration::from_secs(1);

/// One invocation handed to an instance.
pub struct Invocation {
    pub request_id: String,
    pub payload: Bytes,
    pub deadline_ms: u64,
    pub function_arn: String,
    pub client_context: Option<String>,
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

struct Instance {
    /// Invocations served so far: an idle instance is stopped only if it has not
    /// served another one since it went idle.
    uses: std::sync::atomic::AtomicU64,
    /// The peak memory last read from /proc, and when: read at most every 100 ms,
    /// not on every invocation of a busy instance.
    memory: Mutex<Option<(Instant, u64)>>,
    next_tx: mpsc::Sender<Invocation>,
    pending: Mutex<HashMap<String, oneshot::Sender<InvocationResult>>>,
    init_error: Mutex<Option<(String, Bytes)>>,
    /// Set when the process has called /next for the first time (init finished).
    ready: watch::Sender<bool>,
    /// When the runtime first asked for an invocation: its init ended there.
    ready_at: Mutex<Option<Instant>>,
    exited: watch::Sender<Option<String>>,
    lines: Mutex<Vec<String>>,
    /// End marks seen per request id (one per stream), and a wake-up for each.
    ends: Mutex<HashMap<String, u8>>,
    ended: tokio::sync::Notify,
    marks_output_end: bool,
    pid: Option<u32>,
    started: Instant,
    /// Turning it on stops the process (its watcher kills it) and the Runtime API.
    stop: watch::Sender<bool>,
}

impl Instance {
    fn kill(&self) {
        let _ = self.stop.send(true);
    }

    fn max_memory_mb(&self) -> u64 {
        let mut last = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, mb)) = *last
            && at.elapsed() < Duration::from_millis(100)
        {
            return mb;
        }
        let mb = self.read_max_memory_mb();
        *last = Some((Instant::now(), mb));
        mb
    }

    /// VmHWM, the process's peak resident memory, in MB.
    fn read_max_memory_mb(&self) -> u64 {
        let Some(pid) = self.pid else { return 0 };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(String::from)
            })
            .and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
            .map(|kb| kb.div_ceil(1024))
            .unwrap_or(0)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The instances of one function.
#[derive(Default)]
pub struct Pool {
    idle: Mutex<Vec<Arc<Instance>>>,
    all: Mutex<Vec<Arc<Instance>>>,
    /// Executions in flight (the concurrency AWS counts), kept by `Slot`s.
    pub executions: std::sync::atomic::AtomicU64,
}

/// Idle instances stop after this long without an invocation.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(300);

pub enum Refused {
    /// Every allowed instance is busy.
    TooManyRequests,
    /// The interpreter or bootstrap could not be started.
    Spawn(String),
}

fn json_error(error_type: &str, message: &str) -> Bytes {
    Bytes::from(serde_json::json!({ "errorType": error_type, "errorMessage": message }).to_string())
}

impl Pool {
    /// Stops every instance (new code or configuration, or the function deleted).
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
        if healthy && !surplus {
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
    if let Ok(mut p) = instance.pending.lock() {
        p.insert(request_id.clone(), tx);
    }
    if let Ok(mut l) = instance.lines.lock()
        && !cold
    {
        l.clear();
    }
    let _ = instance.next_tx.send(inv).await;
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
                Some((_, body)) => InvocationResult::InstanceError(body),
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
    if answered && instance.marks_output_end {
        // The handler's output is complete once both streams have passed the mark.
        wait_for_end_marks(instance, &request_id).await;
    } else {
        // Without marks, output written just before the response may still be in
        // the pipe: let the readers run a few times.
        for _ in 0..4 {
            tokio::task::yield_now().await;
        }
    }
    if let Ok(mut ends) = instance.ends.lock() {
        ends.remove(&request_id);
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

/// Waits until stdout and stderr have both delivered the invocation's end mark, or
/// `OUTPUT_GRACE` has passed.
async fn wait_for_end_marks(instance: &Instance, request_id: &str) {
    let deadline = tokio::time::Instant::now() + OUTPUT_GRACE;
    loop {
        // Registered before the check, so a mark that lands in between still wakes us.
        let notified = instance.ended.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let seen = instance
            .ends
            .lock()
            .map(|e| e.get(request_id).copied().unwrap_or(0))
            .unwrap_or(2);
        if seen >= 2 || tokio::time::timeout_at(deadline, notified).await.is_err() {
            return;
        }
    }
}

fn timestamp() -> String {
    crate::aws::clock::iso8601(crate::aws::clock::unix_millis())
}

async fn spawn(launch: &Launch) -> Result<Arc<Instance>, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot open a Runtime API port: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let mut cmd = tokio::process::Command::new(&launch.program);
    cmd.args(&launch.args)
        .current_dir(&launch.dir)
        .env_clear()
        .envs(launch.env.iter().cloned())
        .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    #[cfg(target_os = "linux")]
    unsafe {
        // No instance outlives the emulator, even when gatekit is killed.
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", launch.program.display()))?;
    let (next_tx, next_rx) = mpsc::channel::<Invocation>(1);
    let (stop, stop_rx) = watch::channel(false);
    let instance = Arc::new(Instance {
        uses: Default::default(),
        memory: Mutex::new(None),
        next_tx,
        pending: Mutex::new(HashMap::new()),
        init_error: Mutex::new(None),
        ready: watch::channel(false).0,
        ready_at: Mutex::new(None),
        exited: watch::channel(None).0,
        lines: Mutex::new(launch.notice.iter().cloned().collect()),
        ends: Mutex::new(HashMap::new()),
        ended: tokio::sync::Notify::new(),
        marks_output_end: launch.marks_output_end,
        pid: child.id(),
        started: Instant::now(),
        stop,
    });
    for stream in [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn tokio::io::AsyncRead + Unpin + Send>),
        child.stderr.take().map(|s| Box::new(s) as _),
    ]
    .into_iter()
    .flatten()
    {
        let weak = Arc::downgrade(&instance);
        tokio::spawn(async move {
            let mut lines = BufReader::new(stream).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let Some(i) = weak.upgrade() else { return };
                if let Some(id) = line.strip_prefix(END_MARK) {
                    if let Ok(mut ends) = i.ends.lock() {
                        *ends.entry(id.to_string()).or_default() += 1;
                    }
                    i.ended.notify_waiters();
                    continue;
                }
                if let Ok(mut l) = i.lines.lock()
                    && l.len() < 10_000
                {
                    l.push(line);
                }
            }
        });
    }
    // The watcher owns the process: it reports the exit, and kills on stop.
    let weak = Arc::downgrade(&instance);
    let mut kill = instance.stop.subscribe();
    tokio::spawn(async move {
        let status = tokio::select! {
            s = child.wait() => s.map(|s| s.to_string()).unwrap_or_else(|e| e.to_string()),
            _ = kill.changed() => {
                let _ = child.start_kill();
                let _ = child.wait().await;
                "killed".to_string()
            }
        };
        if let Some(i) = weak.upgrade() {
            let _ = i.exited.send(Some(status));
        }
    });
    let next_rx = Arc::new(tokio::sync::Mutex::new(next_rx));
    tokio::spawn(serve_runtime(
        listener,
        Arc::downgrade(&instance),
        next_rx,
        stop_rx,
    ));
    Ok(instance)
}

type HttpReply = Response<Full<Bytes>>;

fn reply(status: u16, body: impl Into<Bytes>) -> HttpReply {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r
}

/// Runtime API requests are capped at 6 MB, as Lambda's payloads are.
const MAX_PAYLOAD: usize = 6 * 1024 * 1024;

async fn serve_runtime(
    listener: TcpListener,
    instance: std::sync::Weak<Instance>,
    next_rx: Arc<tokio::sync::Mutex<mpsc::Receiver<Invocation>>>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let (instance, next_rx) = (instance.clone(), next_rx.clone());
                tokio::spawn(async move {
                    let service = service_fn(move |req| runtime_request(instance.clone(), next_rx.clone(), req));
                    let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), service).await;
                });
            }
            _ = stop.changed() => return,
        }
    }
}

async fn runtime_request(
    instance: std::sync::Weak<Instance>,
    next_rx: Arc<tokio::sync::Mutex<mpsc::Receiver<Invocation>>>,
    req: Request<Incoming>,
) -> Result<HttpReply, Infallible> {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let error_type = req
        .headers()
        .get("lambda-runtime-function-error-type")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let body = match Limited::new(req.into_body(), MAX_PAYLOAD).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(reply(
                413,
                r#"{"errorMessage":"payload too large","errorType":"RequestEntityTooLarge"}"#,
            ));
        }
    };
    let Some(rest) = path.strip_prefix("/2018-06-01/runtime/") else {
        return Ok(reply(404, "{}"));
    };
    let Some(instance) = instance.upgrade() else {
        return Ok(reply(410, "{}"));
    };
    if method == Method::GET && rest == "invocation/next" {
        if let Ok(mut at) = instance.ready_at.lock()
            && at.is_none()
        {
            *at = Some(Instant::now());
        }
        let _ = instance.ready.send(true);
        drop(instance);
        let inv = next_rx.lock().await.recv().await;
        let Some(inv) = inv else {
            return Ok(reply(410, "{}"));
        };
        let mut r = reply(200, inv.payload);
        let h = r.headers_mut();
        let mut set = |k: &'static str, v: &str| {
            if let Ok(v) = hyper::header::HeaderValue::from_str(v) {
                h.insert(k, v);
            }
        };
        set("lambda-runtime-aws-request-id", &inv.request_id);
        set("lambda-runtime-deadline-ms", &inv.deadline_ms.to_string());
        set("lambda-runtime-invoked-function-arn", &inv.function_arn);
        set(
            "lambda-runtime-trace-id",
            &format!(
                "Root=1-{:08x}-{}",
                inv.deadline_ms / 1000,
                &inv.request_id.replace('-', "")[..24.min(inv.request_id.len())]
            ),
        );
        if let Some(c) = &inv.client_context {
            set("lambda-runtime-client-context", c);
        }
        return Ok(r);
    }
    if method == Method::POST && rest == "init/error" {
        if let Ok(mut e) = instance.init_error.lock() {
            *e = Some((error_type.unwrap_or_else(|| "Runtime.Unknown".into()), body));
        }
        return Ok(reply(202, r#"{"status":"OK"}"#));
    }
    if method == Method::POST
        && let Some(id_and_kind) = rest.strip_prefix("invocation/")
    {
        let (id, kind) = id_and_kind.rsplit_once('/').unwrap_or((id_and_kind, ""));
        let sender = instance.pending.lock().ok().and_then(|mut p| p.remove(id));
        let Some(sender) = sender else {
            return Ok(reply(
                400,
                r#"{"errorMessage":"unknown or finished request id","errorType":"InvalidRequestID"}"#,
            ));
        };
        let outcome = match kind {
            "response" => InvocationResult::Ok(body),
            _ => InvocationResult::HandlerError(body),
        };
        let _ = sender.send(outcome);
        return Ok(reply(202, r#"{"status":"OK"}"#));
    }
    Ok(reply(404, "{}"))
}
