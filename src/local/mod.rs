//! The emulator: one loopback port that serves AWS APIs (DynamoDB today) over a
//! store on disk or in memory. A server that lives in the same binary: it knows
//! nothing of the CLI, plans or clouds.

pub mod apigateway;
pub mod dynamodb;
mod header_case;
pub mod iam;
pub mod instance;
pub mod lambda;
mod router;
mod server;
mod sigv4;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

use dynamodb::DynamoDb;
use instance::{Claim, Lock, Record, Stale};

/// The region of calls that carry no SigV4 signature (Lambda accepts them).
pub const DEFAULT_REGION: &str = "us-east-1";

use crate::aws::stage_url::StageUrls;

#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub host: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// The store's folder; `None` keeps everything in memory.
    pub data_dir: Option<PathBuf>,
    /// fsync the write-ahead log on every write (survives power loss, slower).
    pub sync: bool,
    /// How often expired TTL items are deleted.
    pub ttl_every: Duration,
    /// Added to every AWS API call, to measure clients as if the target were far
    /// away (real AWS answers in tens of milliseconds).
    pub latency: Duration,
    /// The interpreters that run Python and Node.js functions.
    pub runtimes: lambda::Runtimes,
}

impl EmulatorConfig {
    pub fn loopback(data_dir: Option<PathBuf>) -> EmulatorConfig {
        EmulatorConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            data_dir,
            sync: false,
            ttl_every: Duration::from_secs(5),
            latency: Duration::ZERO,
            runtimes: lambda::Runtimes::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the store at {dir} is used by a local emulator at {endpoint} (pid {pid})")]
    Busy {
        dir: PathBuf,
        endpoint: String,
        pid: u32,
    },
    #[error("the store at {dir} is locked by another gatekit process")]
    Locked { dir: PathBuf },
    #[error("cannot bind {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot use {dir}: {source}")]
    Io {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] dynamodb::store::OpenError),
}

/// A running emulator; stops when `stop` is called or it is dropped.
pub struct Emulator {
    pub addr: SocketAddr,
    pub stale: Option<Stale>,
    stop: watch::Sender<bool>,
    task: Option<tokio::task::JoinHandle<()>>,
    services: Option<Arc<server::Services>>,
    /// Released last: only once the store is closed may another process open it.
    lock: Option<Lock>,
}

impl Emulator {
    /// Owns the store, binds the port and serves in the background of this runtime.
    pub async fn start(mut config: EmulatorConfig) -> Result<Emulator, StartError> {
        // Absolute once, here: functions run in their own folders, and their runtime
        // files are found through paths under the store.
        if let Some(dir) = config.data_dir.take() {
            config.data_dir = Some(std::path::absolute(&dir).unwrap_or(dir));
        }
        let (lock, stale) = match &config.data_dir {
            None => (None, None),
            Some(dir) => {
                let (lock, stale) = claim_store(dir).await?;
                (Some(lock), stale)
            }
        };
        let addr = SocketAddr::new(config.host, config.port);
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| StartError::Bind { addr, source })?;
        let dynamodb = DynamoDb::open(config.data_dir.as_deref(), config.sync, config.ttl_every)?;
        if let (Some(lock), Some(dir)) = (&lock, &config.data_dir) {
            let record = Record {
                pid: std::process::id(),
                endpoint: server::describe(addr),
                started: crate::aws::clock::since_epoch().as_secs(),
            };
            lock.write_record(&record)
                .map_err(|source| StartError::Io {
                    dir: dir.clone(),
                    source,
                })?;
        }
        let (stop, stop_rx) = watch::channel(false);
        let lambda = lambda::Lambda::open(
            config.data_dir.as_deref(),
            dynamodb.store().clone(),
            DEFAULT_REGION,
            config.runtimes.clone(),
        )
        .await
        .map_err(|source| StartError::Io {
            dir: config.data_dir.clone().unwrap_or_default(),
            source,
        })?;
        let _ = lambda.endpoint.set(server::describe(addr));
        let iam = iam::Iam::open(dynamodb.store().clone()).map_err(|source| StartError::Io {
            dir: config.data_dir.clone().unwrap_or_default(),
            source,
        })?;
        {
            // Lambda checks a function's role (an event source mapping's stream
            // access) against the emulator's IAM, which knows nothing of Lambda.
            let iam = iam.clone();
            let _ = lambda
                .authorizer
                .set(Box::new(move |role, action, resource| {
                    use iam::policy::{Decision, evaluate};
                    iam.policies_of(role)
                        .is_none_or(|p| matches!(evaluate(&p, action, resource), Decision::Allow))
                }));
        }
        let apigateway =
            apigateway::ApiGateway::open(dynamodb.store().clone()).map_err(|source| {
                StartError::Io {
                    dir: config.data_dir.clone().unwrap_or_default(),
                    source,
                }
            })?;
        let services = Arc::new(server::Services {
            dynamodb,
            lambda,
            iam,
            apigateway,
            latency: config.latency,
            requests: Default::default(),
        });
        let task = tokio::spawn(server::serve(listener, services.clone(), stop_rx));
        Ok(Emulator {
            addr,
            stale,
            stop,
            task: Some(task),
            services: Some(services),
            lock,
        })
    }

    pub fn endpoint(&self) -> String {
        server::describe(self.addr)
    }

    /// The deployed stages of the REST APIs in the store, with their URLs on this
    /// emulator.
    pub fn api_stages(&self) -> Vec<StageUrls> {
        let Some(s) = &self.services else {
            return Vec::new();
        };
        let endpoint = self.endpoint();
        let mut out = Vec::new();
        for api in s.apigateway.all() {
            for stage in &api.stages {
                out.push(StageUrls {
                    api: api.name.clone(),
                    stage: stage.name.clone(),
                    url: crate::aws::stage_url::emulator(&endpoint, &api.id, &stage.name),
                    docs: format!(
                        "{endpoint}{}/{}/{}",
                        apigateway::docs::PREFIX,
                        api.id,
                        stage.name
                    ),
                });
            }
        }
        out
    }

    /// Asynchronous invocations queued or running; `stop` waits for them.
    pub fn pending_invocations(&self) -> usize {
        self.services
            .as_ref()
            .map(|s| s.lambda.queued().0)
            .unwrap_or(0)
    }

    /// Event source mappings with stream records still to deliver, and how many of
    /// them are failing (retrying): what a command waits for before it stops.
    pub fn undelivered(&self) -> (usize, usize) {
        self.services
            .as_ref()
            .map(|s| s.lambda.undelivered())
            .unwrap_or((0, 0))
    }

    /// Stops accepting, lets open requests finish, closes the store (its last writes
    /// made durable), and only then releases the store's lock.
    pub async fn stop(mut self) {
        // Asynchronous invocations accepted by this emulator finish first (those
        // their function throttles stay queued in the store for the next start),
        // and so do attempts already running.
        if let Some(services) = &self.services {
            let deadline = tokio::time::Instant::now() + Duration::from_secs(900);
            loop {
                let (queued, stuck) = services.lambda.queued();
                let running = services
                    .lambda
                    .pending_events
                    .load(std::sync::atomic::Ordering::SeqCst);
                if (queued <= stuck && running == 0) || tokio::time::Instant::now() >= deadline {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Some(services) = self.services.take() {
            // Connections finishing their last request still hold the services.
            for _ in 0..100 {
                if Arc::strong_count(&services) == 1 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            drop(services);
        }
        self.lock.take();
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Where a command on the local target sends its requests: an emulator it started
/// for its own length, or a `local serve` already running on the same store.
pub enum Endpoint {
    Embedded(Emulator),
    Running(Record),
}

impl Endpoint {
    pub fn url(&self) -> String {
        match self {
            Endpoint::Embedded(e) => e.endpoint(),
            Endpoint::Running(r) => r.endpoint.clone(),
        }
    }

    /// Stops an emulator this command started (and closes its store).
    pub async fn close(self) {
        if let Endpoint::Embedded(e) = self {
            e.stop().await;
        }
    }

    /// Talks to the server that owns `data_dir`, or starts one on 127.0.0.1:0.
    pub async fn connect(
        data_dir: PathBuf,
        runtimes: lambda::Runtimes,
    ) -> Result<Endpoint, StartError> {
        let config = EmulatorConfig {
            runtimes,
            ..EmulatorConfig::loopback(Some(data_dir.clone()))
        };
        match Emulator::start(config).await {
            Ok(e) => Ok(Endpoint::Embedded(e)),
            Err(StartError::Busy { endpoint, pid, .. }) => {
                let started = instance::read_record(&data_dir)
                    .map(|r| r.started)
                    .unwrap_or(0);
                Ok(Endpoint::Running(Record {
                    pid,
                    endpoint,
                    started,
                }))
            }
            Err(e) => Err(e),
        }
    }
}

/// Owns the store in `dir`, or says who does. A lock held with no record is
/// transient, so it is tried again for a while: a server that is starting holds the
/// lock before it writes its record, and a process being spawned holds a copy of
/// every open file (the lock's too) between its fork and its exec.
async fn claim_store(dir: &Path) -> Result<(Lock, Option<Stale>), StartError> {
    for _ in 0..100 {
        match instance::claim(dir).map_err(|source| StartError::Io {
            dir: dir.to_path_buf(),
            source,
        })? {
            (Claim::Owned(lock), stale) => return Ok((lock, stale)),
            (Claim::Busy(Some(r)), _) => {
                return Err(StartError::Busy {
                    dir: dir.to_path_buf(),
                    endpoint: r.endpoint,
                    pid: r.pid,
                });
            }
            (Claim::Busy(None), _) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
    Err(StartError::Locked {
        dir: dir.to_path_buf(),
    })
}

/// Removes scratch that no record refers to: a staging folder of a refused upload,
/// the folder of a function deleted or never created, a staging folder, a server
/// record. Nothing acknowledged to a caller depends on it, so a failure is not
/// theirs to hear of; whatever stays is removed or reported on the next open. The one place such a result is dropped.
pub(crate) fn discard(path: &Path) {
    let _ = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
}
