//! One function instance: a real process with its log pipe and its way of getting
//! invocations. gatekit's Python and Node shims take them over two pipes they
//! inherit, in framed messages (`channel.rs`); any other runtime (a
//! `provided` bootstrap, a Rust `lambda_runtime` function) speaks the Lambda
//! Runtime API over HTTP on a loopback port of its own (`runtime_api.rs`), as each
//! Lambda sandbox has its own endpoint. Every instance gets that endpoint in
//! AWS_LAMBDA_RUNTIME_API, so code that reads it finds it.

mod channel;
mod runtime_api;

use std::collections::{HashMap, HashSet};
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::TcpListener;
use tokio::net::unix::pipe;
use tokio::sync::{mpsc, oneshot, watch};

use super::pool::{Invocation, InvocationResult};

/// How an instance gets its invocations and answers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// The Lambda Runtime API over HTTP (any runtime).
    RuntimeApi,
    /// gatekit's shims: framed messages on an inherited socket, and an end mark on
    /// the log pipe after each invocation's output.
    Shim,
}

/// What an instance needs to start: the command, its folder and environment.
#[derive(Debug, Clone)]
pub struct Launch {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    pub env: Vec<(String, String)>,
    /// A line for the first invocation's log (an interpreter of another version).
    pub notice: Option<String>,
    pub protocol: Protocol,
}

/// The line gatekit's shims write on their log pipe when an invocation's output is
/// complete, before its answer; never shown in logs.
pub const END_MARK: &str = "\u{1}gatekit-end ";

/// A runtime's answer is capped as Lambda caps a synchronous response: 6 MB and
/// the 100 bytes Lambda allows for its envelope.
pub const MAX_PAYLOAD: usize = 6 * 1024 * 1024 + 100;

/// A log line longer than this is cut into pieces (CloudWatch's event cap).
const MAX_LINE: u64 = 256 * 1024;

/// Log lines kept for one invocation; more are dropped.
const MAX_LINES: usize = 10_000;

pub(super) fn json_error(error_type: &str, message: &str) -> Bytes {
    Bytes::from(serde_json::json!({ "errorType": error_type, "errorMessage": message }).to_string())
}

/// Lambda's answer to a runtime whose response is over the cap.
pub fn too_large() -> InvocationResult {
    InvocationResult::InstanceError(json_error(
        "Function.ResponseSizeTooLarge",
        &format!(
            "Response payload size exceeded maximum allowed payload size ({MAX_PAYLOAD} bytes)."
        ),
    ))
}

enum Channel {
    RuntimeApi(mpsc::Sender<Invocation>),
    Shim(tokio::sync::Mutex<pipe::Sender>),
}

pub(super) struct Instance {
    /// Invocations served so far: an idle instance is stopped only if it has not
    /// served another one since it went idle.
    pub uses: AtomicU64,
    /// The peak memory last read from /proc, and when: read at most every 100 ms,
    /// not on every invocation of a busy instance.
    memory: Mutex<Option<(Instant, u64)>>,
    channel: Channel,
    pending: Mutex<HashMap<String, oneshot::Sender<InvocationResult>>>,
    pub init_error: Mutex<Option<Bytes>>,
    /// Set when the runtime first asks for work (its init finished).
    pub ready: watch::Sender<bool>,
    /// When the runtime first asked for an invocation: its init ended there.
    pub ready_at: Mutex<Option<Instant>>,
    pub exited: watch::Sender<Option<String>>,
    pub lines: Mutex<Vec<String>>,
    /// Request ids whose end mark the log pipe has passed, and a wake-up for each.
    ends: Mutex<HashSet<String>>,
    ended: tokio::sync::Notify,
    pub protocol: Protocol,
    pid: Option<u32>,
    pub started: Instant,
    /// Turning it on stops the process (its watcher kills it) and the Runtime API.
    stop: watch::Sender<bool>,
}

impl Instance {
    pub fn kill(&self) {
        let _ = self.stop.send(true);
    }

    /// Hands an invocation to the runtime; its answer comes on `answer`.
    pub async fn hand(&self, inv: Invocation, answer: oneshot::Sender<InvocationResult>) {
        if let Ok(mut p) = self.pending.lock() {
            p.insert(inv.request_id.clone(), answer);
        }
        // One invocation at a time: a mark left from an earlier one is no use.
        if let Ok(mut ends) = self.ends.lock() {
            ends.clear();
        }
        match &self.channel {
            Channel::RuntimeApi(next) => {
                let _ = next.send(inv).await;
            }
            // A failed write means the process is gone: its watcher reports the exit.
            Channel::Shim(writer) => {
                let _ = channel::send(&mut *writer.lock().await, &inv).await;
            }
        }
    }

    /// The runtime asked for work: its init is over.
    fn mark_ready(&self) {
        if let Ok(mut at) = self.ready_at.lock()
            && at.is_none()
        {
            *at = Some(Instant::now());
        }
        let _ = self.ready.send(true);
    }

    fn init_failed(&self, body: Bytes) {
        if let Ok(mut e) = self.init_error.lock() {
            *e = Some(body);
        }
    }

    /// Delivers the runtime's answer for `request_id`; false when no invocation
    /// of that id is waiting.
    fn answer(&self, request_id: &str, outcome: InvocationResult) -> bool {
        let sender = self
            .pending
            .lock()
            .ok()
            .and_then(|mut p| p.remove(request_id));
        match sender {
            Some(s) => {
                let _ = s.send(outcome);
                true
            }
            None => false,
        }
    }

    /// Waits until the log pipe has passed the invocation's end mark, or `grace`
    /// has passed; then forgets the mark.
    pub async fn wait_for_end_mark(&self, request_id: &str, grace: Duration) {
        let deadline = tokio::time::Instant::now() + grace;
        loop {
            // Registered before the check, so a mark that lands in between still wakes us.
            let notified = self.ended.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let seen = self
                .ends
                .lock()
                .map(|mut e| e.remove(request_id))
                .unwrap_or(true);
            if seen || tokio::time::timeout_at(deadline, notified).await.is_err() {
                return;
            }
        }
    }

    pub fn max_memory_mb(&self) -> u64 {
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

/// Starts the process, its log reader, its watcher and its Runtime API.
pub(super) async fn spawn(launch: &Launch) -> Result<Arc<Instance>, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot open a Runtime API port: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    // One pipe for stdout and stderr, as Lambda sends both to one log stream: the
    // lines keep the order they were written in, and one end mark covers both.
    let (log_reader, log_writer) =
        std::io::pipe().map_err(|e| format!("cannot open a log pipe: {e}"))?;
    let log_writer_too = log_writer
        .try_clone()
        .map_err(|e| format!("cannot open a log pipe: {e}"))?;
    let mut cmd = tokio::process::Command::new(&launch.program);
    cmd.args(&launch.args)
        .current_dir(&launch.dir)
        .env_clear()
        .envs(launch.env.iter().cloned())
        .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
        .stdin(Stdio::null())
        .stdout(log_writer_too)
        .stderr(log_writer)
        .kill_on_drop(true);
    // The shim's ends of its two pipes, kept open across exec under their own
    // numbers. Pipes, not a socket pair: a pipe's reader and writer wait on queues
    // of their own, where reading a socket wakes its peer's reader for nothing.
    let shim_pipes = match launch.protocol {
        Protocol::Shim => {
            let pipes = std::io::pipe()
                .and_then(|(theirs_in, ours_out)| {
                    std::io::pipe()
                        .map(|(ours_in, theirs_out)| (ours_in, ours_out, theirs_in, theirs_out))
                })
                .map_err(|e| format!("cannot open the runtime's pipes: {e}"))?;
            cmd.env(
                "GATEKIT_RUNTIME_FDS",
                format!("{},{}", pipes.2.as_raw_fd(), pipes.3.as_raw_fd()),
            );
            Some(pipes)
        }
        Protocol::RuntimeApi => None,
    };
    let inherited = shim_pipes
        .as_ref()
        .map(|p| [p.2.as_raw_fd(), p.3.as_raw_fd()]);
    #[cfg(target_os = "linux")]
    unsafe {
        cmd.pre_exec(move || {
            // No instance outlives the emulator, even when gatekit is killed.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            // Only in the child, after fork: no other process started meanwhile
            // inherits the socket.
            for fd in inherited.into_iter().flatten() {
                if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", launch.program.display()))?;
    // The parent's copies of the child's ends go, so that EOF comes when it exits.
    drop(cmd);
    let (next_tx, next_rx) = mpsc::channel::<Invocation>(1);
    let (channel, shim_reader) = match shim_pipes {
        Some((ours_in, ours_out, theirs_in, theirs_out)) => {
            drop((theirs_in, theirs_out));
            let reader = pipe::Receiver::from_owned_fd(OwnedFd::from(ours_in));
            let writer = pipe::Sender::from_owned_fd(OwnedFd::from(ours_out));
            let (reader, writer) = reader
                .and_then(|r| writer.map(|w| (r, w)))
                .map_err(|e| format!("cannot open the runtime's pipes: {e}"))?;
            (Channel::Shim(tokio::sync::Mutex::new(writer)), Some(reader))
        }
        None => (Channel::RuntimeApi(next_tx), None),
    };
    let (stop, stop_rx) = watch::channel(false);
    let instance = Arc::new(Instance {
        uses: Default::default(),
        memory: Mutex::new(None),
        channel,
        pending: Mutex::new(HashMap::new()),
        init_error: Mutex::new(None),
        ready: watch::channel(false).0,
        ready_at: Mutex::new(None),
        exited: watch::channel(None).0,
        lines: Mutex::new(launch.notice.iter().cloned().collect()),
        ends: Mutex::new(HashSet::new()),
        ended: tokio::sync::Notify::new(),
        protocol: launch.protocol,
        pid: child.id(),
        started: Instant::now(),
        stop,
    });
    let log = pipe::Receiver::from_owned_fd(OwnedFd::from(log_reader))
        .map_err(|e| format!("cannot read a log pipe: {e}"))?;
    tokio::spawn(read_log(log, Arc::downgrade(&instance)));
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
    if let Some(reader) = shim_reader {
        tokio::spawn(channel::read_answers(reader, Arc::downgrade(&instance)));
    }
    tokio::spawn(runtime_api::serve(
        listener,
        Arc::downgrade(&instance),
        Arc::new(tokio::sync::Mutex::new(next_rx)),
        stop_rx,
    ));
    Ok(instance)
}

/// Reads the process's output into the current invocation's lines, in lines of at
/// most `MAX_LINE` bytes (what is not UTF-8 is replaced, never a reason to stop).
async fn read_log(log: pipe::Receiver, instance: std::sync::Weak<Instance>) {
    let mut reader = BufReader::with_capacity(64 * 1024, log);
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        match (&mut reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut line)
            .await
        {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        let Some(i) = instance.upgrade() else { return };
        let text = String::from_utf8_lossy(&line);
        if let Some(id) = text.strip_prefix(END_MARK) {
            if let Ok(mut ends) = i.ends.lock() {
                ends.insert(id.to_string());
            }
            i.ended.notify_waiters();
            continue;
        }
        if let Ok(mut l) = i.lines.lock()
            && l.len() < MAX_LINES
        {
            l.push(text.into_owned());
        }
    }
}
