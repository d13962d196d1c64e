//! The Lambda service of the emulator: the Lambda API (REST-JSON under
//! /2015-03-31/ and the paths the SDKs use) over functions run as real processes
//! through `pool`. Each function's configuration (settings, tags, concurrency,
//! policy) is a record in the store's redb, under its region and name; its code is a
//! folder of the store's `lambda/` folder that the record names.

mod api;
mod delivery;
mod instance;
mod interpreter;
pub mod logs;
pub mod mappings;
mod pool;
mod queue;
pub mod sdk;
mod unzip;

pub use unzip::{MAX_UNZIPPED_BYTES, UnzipError, unzip};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use base64::Engine;

use crate::aws::{arn, clock};
use serde::{Deserialize, Serialize};
use sha2::Digest;

pub use api::error::{ErrorKind, LambdaError};
pub use api::handle;

use crate::aws::arn::LOCAL_ACCOUNT;
pub(crate) use crate::local::discard;
use crate::local::dynamodb::store::Store;
use interpreter::Kind;

/// The redb table of function records, keyed by `{region}/{name}`.
const FUNCTIONS: &str = "lambda/functions";
/// Where new functions keep their code: `functions.d/{region}/{name}` (a dot, so no
/// function name can be this folder).
const CODE_ROOT: &str = "functions.d";
/// Store format 1 ran every function in us-east-1.
const FORMAT_1_REGION: &str = "us-east-1";

/// Local settings for running functions: the interpreters, and the folder where
/// `gatekit local sdk install` puts the AWS SDKs that Lambda's managed runtimes
/// include (boto3; the AWS SDK for JavaScript v3).
#[derive(Debug, Clone)]
pub struct Runtimes {
    pub python: String,
    pub node: String,
    pub sdk_dir: PathBuf,
    /// The account's concurrency limit (AWS's default: 1,000).
    pub concurrency: u64,
    /// How long an asynchronous invocation waits before its first retry (the
    /// second waits twice as long). AWS waits about a minute; locally 1 s.
    pub event_retry_delay: std::time::Duration,
}

/// AWS's default account concurrency limit.
pub const DEFAULT_CONCURRENCY: u64 = 1000;

/// Where the AWS SDKs for functions are installed: $XDG_CACHE_HOME/gatekit/sdk,
/// else ~/.cache/gatekit/sdk.
pub fn default_sdk_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("gatekit").join("sdk")
}

impl Default for Runtimes {
    fn default() -> Self {
        Runtimes {
            python: "python3".into(),
            node: "node".into(),
            sdk_dir: default_sdk_dir(),
            concurrency: DEFAULT_CONCURRENCY,
            event_retry_delay: std::time::Duration::from_secs(1),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FunctionConfig {
    pub name: String,
    pub region: String,
    /// The function's folder (code, archive, log), relative to the store's `lambda/`.
    pub code_dir: String,
    pub runtime: String,
    pub handler: String,
    pub role: String,
    pub description: String,
    pub timeout: u64,
    pub memory: u64,
    pub environment: BTreeMap<String, String>,
    pub code_sha256: String,
    pub code_size: u64,
    pub last_modified: String,
    pub revision: u64,
    pub tags: BTreeMap<String, String>,
    pub reserved_concurrency: Option<u64>,
    pub policy: Vec<serde_json::Value>,
    /// `x86_64` or `arm64` (records of older stores have none: x86_64).
    #[serde(default = "default_architecture")]
    pub architecture: String,
    /// The function's event invoke config (asynchronous invocation's settings).
    #[serde(default)]
    pub event_invoke: Option<EventInvoke>,
}

/// PutFunctionEventInvokeConfig's settings; None: Lambda's default.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct EventInvoke {
    pub retries: Option<u64>,
    pub max_age: Option<u64>,
    pub on_success: Option<String>,
    pub on_failure: Option<String>,
    pub last_modified_ms: u64,
}

fn default_architecture() -> String {
    "x86_64".to_string()
}

/// A function's role, as its instances' credentials name it.
#[derive(Debug, Clone)]
pub struct Principal {
    pub role_arn: String,
    pub function: String,
}

pub struct Function {
    pub config: RwLock<FunctionConfig>,
    pub pool: Arc<pool::Pool>,
    pub dir: PathBuf,
    pub log: logs::LogFile,
}

/// A function's region and name: each region is its own namespace, as on AWS.
type FunctionKey = (String, String);

pub struct Lambda {
    root: PathBuf,
    /// In-memory stores keep functions in a temporary folder removed on drop.
    temporary: bool,
    store: Arc<Store>,
    functions: RwLock<BTreeMap<FunctionKey, Arc<Function>>>,
    /// Control-plane writes (create, delete, configuration changes) one at a time:
    /// each checks, writes its record, then changes what invocations see.
    control: tokio::sync::Mutex<()>,
    /// The credentials given to function instances, by access key id: who calls.
    principals: RwLock<std::collections::HashMap<String, Principal>>,
    /// The machine's own SDKs (Python's, Node's), looked for at the first launch.
    host_sdks: (OnceLock<Option<PathBuf>>, OnceLock<Option<PathBuf>>),
    /// The region of requests that carry no signature (local tools invoke unsigned).
    pub default_region: String,
    /// Log groups of no function (API Gateway's access logs).
    pub groups: logs::Groups,
    /// The emulator's own address, given to functions as AWS_ENDPOINT_URL.
    pub endpoint: OnceLock<String>,
    pub runtimes: Runtimes,
    /// What each interpreter is (its executable and version), asked once.
    interpreters: Arc<interpreter::Interpreters>,
    /// Asynchronous (Event) invocations accepted and not finished yet.
    pub pending_events: std::sync::atomic::AtomicUsize,
    /// Executions in flight of functions without reserved concurrency: they share
    /// what the account leaves unreserved.
    unreserved_running: std::sync::atomic::AtomicU64,
    /// Asynchronous invocations kept in the store and waiting to run.
    queue: queue::Queue,
    /// Event source mappings, by UUID; each delivered by a task of its own.
    mappings: RwLock<BTreeMap<String, Arc<mappings::Mapping>>>,
    /// Whether a role may do an action on a resource (the emulator's IAM, set once
    /// it is open); unset, everything is allowed.
    pub authorizer: OnceLock<Authorizer>,
}

/// One execution's place in its function's or the account's concurrency; given
/// back when dropped, however the execution ends.
pub(crate) struct Slot {
    lambda: Arc<Lambda>,
    function: Arc<Function>,
    shared: bool,
    /// The most instances the function may keep (more are stopped when idle).
    pub cap: usize,
}

impl Drop for Slot {
    fn drop(&mut self) {
        use std::sync::atomic::Ordering;
        self.function.pool.executions.fetch_sub(1, Ordering::SeqCst);
        if self.shared {
            self.lambda
                .unreserved_running
                .fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// `(role ARN, action, resource)` → allowed.
pub type Authorizer = Box<dyn Fn(&str, &str, &str) -> bool + Send + Sync>;

impl Drop for Lambda {
    fn drop(&mut self) {
        if let Ok(f) = self.functions.read() {
            for function in f.values() {
                function.pool.drain();
            }
        }
        if self.temporary {
            // An in-memory emulator's scratch folder, gone with the emulator.
            discard(&self.root);
        }
    }
}

/// Lambda's LastModified for now.
pub fn now_timestamp() -> String {
    clock::lambda_timestamp(clock::unix_millis())
}

/// CodeSha256 as Lambda computes it: base64 of the SHA-256 of the zip.
pub fn code_sha256(zip: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(zip))
}

fn record_key(region: &str, name: &str) -> String {
    format!("{region}/{name}")
}

fn io_error(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

impl Lambda {
    /// Opens the functions of the store (`data_dir`, or a temporary folder for an
    /// in-memory store), migrating the `config.json` files of store format 1.
    pub async fn open(
        data_dir: Option<&Path>,
        store: Arc<Store>,
        default_region: &str,
        runtimes: Runtimes,
    ) -> std::io::Result<Arc<Lambda>> {
        let (root, temporary) = match data_dir {
            Some(d) => (d.join("lambda"), false),
            None => (
                std::env::temp_dir().join(format!(
                    "gatekit-lambda-{}-{}",
                    std::process::id(),
                    clock::unix_nanos()
                )),
                true,
            ),
        };
        std::fs::create_dir_all(&root)?;
        // The runtime shims, written once per start (a new gatekit brings new shims).
        let runtime_dir = root.join("runtimes");
        std::fs::create_dir_all(&runtime_dir)?;
        std::fs::write(
            runtime_dir.join("bootstrap.py"),
            include_str!("shims/bootstrap.py"),
        )?;
        std::fs::write(
            runtime_dir.join("bootstrap.mjs"),
            include_str!("shims/bootstrap.mjs"),
        )?;
        migrate_format_1(&root, &store).await?;
        let mut functions = BTreeMap::new();
        for (_, bytes) in store.records(FUNCTIONS).map_err(io_error)? {
            let config: FunctionConfig = serde_json::from_slice(&bytes).map_err(io_error)?;
            functions.insert(
                (config.region.clone(), config.name.clone()),
                Arc::new(Function {
                    dir: root.join(&config.code_dir),
                    config: RwLock::new(config),
                    pool: Default::default(),
                    log: Default::default(),
                }),
            );
        }
        let live: Vec<PathBuf> = functions.values().map(|f| f.dir.clone()).collect();
        sweep(&root, &live);
        let interpreters = Arc::new(interpreter::Interpreters::at(
            (!temporary).then_some(root.as_path()),
        ));
        if !functions.is_empty() {
            interpreters.prewarm(vec![
                (runtimes.python.clone(), Kind::Python),
                (runtimes.node.clone(), Kind::Node),
            ]);
        }
        let mappings = mappings::load(&store)?;
        let queue = queue::Queue::load(&store)?;
        let lambda = Arc::new(Lambda {
            groups: logs::Groups::at(root.join("log-groups")),
            root,
            temporary,
            store,
            functions: RwLock::new(functions),
            control: Default::default(),
            host_sdks: Default::default(),
            principals: Default::default(),
            default_region: default_region.to_string(),
            endpoint: OnceLock::new(),
            runtimes,
            interpreters,
            pending_events: Default::default(),
            unreserved_running: Default::default(),
            queue,
            mappings: RwLock::new(mappings),
            authorizer: OnceLock::new(),
        });
        for m in lambda.all_mappings() {
            delivery::spawn(&lambda, m);
        }
        queue::spawn(&lambda);
        Ok(lambda)
    }

    /// What the account leaves unreserved in `region` (never below 0).
    pub(crate) fn unreserved(&self, region: &str) -> u64 {
        // Read under the lock, not cloned: this runs on every invocation.
        let reserved: u64 = self
            .in_region(region)
            .iter()
            .filter_map(|f| f.config.read().ok().and_then(|c| c.reserved_concurrency))
            .sum();
        self.runtimes.concurrency.saturating_sub(reserved)
    }

    /// A place for one execution of `f`, within its reserved concurrency or the
    /// account's unreserved pool, counted per execution whatever is warm; None when
    /// there is none (the reason AWS gives).
    pub(crate) fn execution_slot(
        self: &Arc<Self>,
        f: &Arc<Function>,
        config: &FunctionConfig,
    ) -> Result<Slot, &'static str> {
        use std::sync::atomic::Ordering;
        let (counter, limit, reason): (&std::sync::atomic::AtomicU64, u64, &'static str) =
            match config.reserved_concurrency {
                Some(r) => (
                    &f.pool.executions,
                    r,
                    "ReservedFunctionConcurrentInvocationLimitExceeded",
                ),
                None => (
                    &self.unreserved_running,
                    self.unreserved(&config.region),
                    "ConcurrentInvocationLimitExceeded",
                ),
            };
        let mut now = counter.load(Ordering::SeqCst);
        loop {
            if now >= limit {
                return Err(reason);
            }
            match counter.compare_exchange(now, now + 1, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => break,
                Err(seen) => now = seen,
            }
        }
        let shared = config.reserved_concurrency.is_none();
        if shared {
            f.pool.executions.fetch_add(1, Ordering::SeqCst);
        }
        Ok(Slot {
            lambda: self.clone(),
            function: f.clone(),
            shared,
            cap: limit as usize,
        })
    }

    /// Asynchronous invocations queued (running ones included), and how many of
    /// them their function's concurrency holds back.
    pub fn queued(&self) -> (usize, usize) {
        self.queue.waiting()
    }

    fn all_mappings(&self) -> Vec<Arc<mappings::Mapping>> {
        self.mappings
            .read()
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Enabled mappings whose function exists and whose stream holds records they
    /// have not delivered yet, and how many of those are stuck (failing and waiting
    /// to retry, or throttled): what a command's own emulator waits for before it
    /// stops.
    pub fn undelivered(&self) -> (usize, usize) {
        // Asynchronous invocations queued (throttled ones are stuck).
        let (mut behind, mut failing) = self.queue.waiting();
        for m in self.all_mappings() {
            let c = m.config();
            if !c.enabled || self.get(&c.region, &c.function).is_none() {
                continue;
            }
            let end = crate::local::dynamodb::streams::reader::end(&self.store, &c.source_arn);
            if end.is_some_and(|e| e > m.position.load(std::sync::atomic::Ordering::SeqCst)) {
                behind += 1;
                if m.failing.load(std::sync::atomic::Ordering::SeqCst)
                    || m.throttled.load(std::sync::atomic::Ordering::SeqCst)
                {
                    failing += 1;
                }
            }
        }
        (behind, failing)
    }

    /// Whether `role` may do `action` on `resource`.
    fn allowed(&self, role: &str, action: &str, resource: &str) -> bool {
        self.authorizer
            .get()
            .is_none_or(|allow| allow(role, action, resource))
    }

    pub fn arn(region: &str, name: &str) -> String {
        arn::function(region, LOCAL_ACCOUNT, name)
    }

    pub fn get(&self, region: &str, name: &str) -> Option<Arc<Function>> {
        self.functions
            .read()
            .ok()?
            .get(&(region.to_string(), name.to_string()))
            .cloned()
    }

    /// The functions of one region, by name.
    fn in_region(&self, region: &str) -> Vec<Arc<Function>> {
        self.functions
            .read()
            .map(|f| {
                f.iter()
                    .filter(|((r, _), _)| r == region)
                    .map(|(_, f)| f.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The access key id a function's instances sign with: it names the function's
    /// role, so the local services can evaluate the role's policies for its calls.
    fn credentials_for(&self, config: &FunctionConfig) -> String {
        use sha2::Digest;
        let d = sha2::Sha256::digest(format!(
            "{}\n{}\n{}",
            config.role, config.region, config.name
        ));
        let key: String = std::iter::once("LKIA".to_string())
            .chain(d.iter().take(8).map(|b| format!("{b:02X}")))
            .collect();
        if let Ok(mut p) = self.principals.write() {
            p.insert(
                key.clone(),
                Principal {
                    role_arn: config.role.clone(),
                    function: config.name.clone(),
                },
            );
        }
        key
    }

    /// Who signs with `access_key`, when it is a function's.
    pub fn principal(&self, access_key: &str) -> Option<Principal> {
        self.principals.read().ok()?.get(access_key).cloned()
    }

    /// The folder a new function keeps its code in.
    fn code_dir(region: &str, name: &str) -> String {
        format!("{CODE_ROOT}/{region}/{name}")
    }

    /// Writes a function's record; acknowledged once logged by the store's writer.
    async fn save(&self, config: &FunctionConfig) -> Result<(), String> {
        let bytes = serde_json::to_vec(config).map_err(|e| e.to_string())?;
        let key = record_key(&config.region, &config.name);
        self.store
            .write(move |txn| txn.put_record(FUNCTIONS, &key, bytes))
            .await
            .map_err(|e| e.message)
    }

    async fn forget(&self, config: &FunctionConfig) -> Result<(), String> {
        let key = record_key(&config.region, &config.name);
        self.store
            .write(move |txn| txn.delete_record(FUNCTIONS, &key))
            .await
            .map_err(|e| e.message)
    }

    /// Asks the interpreter of `runtime` what it is, in the background.
    pub(crate) fn prewarm_interpreter(&self, runtime: &str) {
        if let Some((program, kind)) = self.interpreter_of(runtime) {
            self.interpreters.prewarm(vec![(program.to_string(), kind)]);
        }
    }

    /// The interpreter that runs `runtime`, and its kind (None: a `provided` runtime).
    fn interpreter_of(&self, runtime: &str) -> Option<(&str, Kind)> {
        if runtime.starts_with("python") {
            Some((&self.runtimes.python, Kind::Python))
        } else if runtime.starts_with("nodejs") {
            Some((&self.runtimes.node, Kind::Node))
        } else {
            None
        }
    }

    /// A warning when the interpreter is not the version the runtime declares
    /// (python3.12 run by Python 3.11, nodejs22.x by Node 20).
    fn version_notice(&self, runtime: &str) -> Option<String> {
        let (program, kind) = self.interpreter_of(runtime)?;
        let version = self.interpreters.probe(program, kind).version;
        // An interpreter that could not tell is reported when it fails to start.
        if version.is_empty() {
            return None;
        }
        let declared = runtime
            .trim_start_matches("python")
            .trim_start_matches("nodejs")
            .trim_end_matches(".x");
        let actual = version
            .trim_start_matches("Python ")
            .trim_start_matches('v');
        let matches = actual == declared || actual.starts_with(&format!("{declared}."));
        (!matches).then(|| format!("gatekit: warning: {runtime} is declared, and {program} is {version}; set targets.local.{} to an interpreter of that version", if runtime.starts_with("python") { "python" } else { "node" }))
    }

    /// The command that starts an instance of `config`'s runtime.
    fn launch(&self, f: &Function, config: &FunctionConfig) -> Result<pool::Launch, String> {
        let code = f.dir.join("code");
        let runtime_dir = self.root.join("runtimes");
        // The interpreter's own executable, not a version manager's shim before it.
        let real = |program: &str, kind: Kind| {
            self.interpreters
                .probe(program, kind)
                .executable
                .unwrap_or_else(|| PathBuf::from(program))
        };
        let (program, args): (PathBuf, Vec<String>) = if config.runtime.starts_with("python") {
            let shim = runtime_dir.join("bootstrap.py");
            (
                real(&self.runtimes.python, Kind::Python),
                // -S: no site-packages of the machine's Python, as on Lambda, where a
                // function sees its own code and the runtime's SDK only.
                vec!["-S".to_string(), shim.display().to_string()],
            )
        } else if config.runtime.starts_with("nodejs") {
            let shim = runtime_dir.join("bootstrap.mjs");
            (
                real(&self.runtimes.node, Kind::Node),
                vec![shim.display().to_string()],
            )
        } else {
            (code.join("bootstrap"), Vec::new())
        };
        let mut env: Vec<(String, String)> = vec![
            (
                "PATH".into(),
                std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into()),
            ),
            ("LANG".into(), "en_US.UTF-8".into()),
            ("TZ".into(), ":UTC".into()),
            ("PYTHONUNBUFFERED".into(), "1".into()),
            ("AWS_LAMBDA_FUNCTION_NAME".into(), config.name.clone()),
            ("AWS_LAMBDA_FUNCTION_VERSION".into(), "$LATEST".into()),
            (
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE".into(),
                config.memory.to_string(),
            ),
            (
                "AWS_LAMBDA_LOG_GROUP_NAME".into(),
                crate::aws::names::lambda_log_group(&config.name),
            ),
            (
                "AWS_LAMBDA_LOG_STREAM_NAME".into(),
                format!(
                    "{}/[$LATEST]{:032x}",
                    clock::log_stream_date(clock::unix_millis()),
                    clock::unix_nanos()
                ),
            ),
            ("AWS_LAMBDA_INITIALIZATION_TYPE".into(), "on-demand".into()),
            (
                "AWS_EXECUTION_ENV".into(),
                format!("AWS_Lambda_{}", config.runtime),
            ),
            ("AWS_REGION".into(), config.region.clone()),
            ("AWS_DEFAULT_REGION".into(), config.region.clone()),
            ("AWS_ACCESS_KEY_ID".into(), self.credentials_for(config)),
            ("AWS_SECRET_ACCESS_KEY".into(), "local".into()),
            ("AWS_SESSION_TOKEN".into(), "local".into()),
            ("_HANDLER".into(), config.handler.clone()),
            ("LAMBDA_TASK_ROOT".into(), code.display().to_string()),
            (
                "LAMBDA_RUNTIME_DIR".into(),
                runtime_dir.display().to_string(),
            ),
        ];
        if let Some(e) = self.endpoint.get() {
            env.push(("AWS_ENDPOINT_URL".into(), e.clone()));
        }
        // The SDKs Lambda's managed runtimes include: gatekit's cache, else the
        // machine's own (looked for once per emulator).
        let sdk_dir = &self.runtimes.sdk_dir;
        let python_sdk = sdk::cached_python(sdk_dir).or_else(|| {
            self.host_sdks
                .0
                .get_or_init(|| sdk::host_python(&self.runtimes.python, sdk_dir))
                .clone()
        });
        let node_sdk = sdk::cached_node(sdk_dir)
            .or_else(|| self.host_sdks.1.get_or_init(sdk::host_node).clone());
        if config.runtime.starts_with("python") {
            env.push((
                "PYTHONPATH".into(),
                python_sdk
                    .unwrap_or_else(|| sdk_dir.join("python"))
                    .display()
                    .to_string(),
            ));
        } else {
            env.push((
                "NODE_PATH".into(),
                node_sdk
                    .unwrap_or_else(|| sdk_dir.join("node/node_modules"))
                    .display()
                    .to_string(),
            ));
        }
        env.push((
            "GATEKIT_SDK_HINT".into(),
            "gatekit local sdk install".into(),
        ));
        if let Ok(home) = std::env::var("HOME") {
            env.push(("HOME".into(), home));
        }
        env.extend(
            config
                .environment
                .iter()
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        let notice = self.version_notice(&config.runtime);
        Ok(pool::Launch {
            program,
            args,
            dir: code,
            env,
            notice,
            protocol: if config.runtime.starts_with("python")
                || config.runtime.starts_with("nodejs")
            {
                pool::Protocol::Shim
            } else {
                pool::Protocol::RuntimeApi
            },
        })
    }
}

/// Store format 1 kept each function's configuration in `lambda/{name}/config.json`
/// (every function in us-east-1). Each becomes a record naming the same folder, and
/// the file goes once the record is committed; a record already there wins.
async fn migrate_format_1(root: &Path, store: &Store) -> std::io::Result<()> {
    let known: Vec<String> = store
        .records(FUNCTIONS)
        .map_err(io_error)?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for entry in std::fs::read_dir(root)?.flatten() {
        let file = entry.path().join("config.json");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let mut old: serde_json::Value = serde_json::from_str(&text).map_err(io_error)?;
        old["region"] = FORMAT_1_REGION.into();
        old["code_dir"] = entry.file_name().to_string_lossy().into_owned().into();
        let config: FunctionConfig = serde_json::from_value(old).map_err(io_error)?;
        let key = record_key(&config.region, &config.name);
        if !known.contains(&key) {
            let bytes = serde_json::to_vec(&config).map_err(io_error)?;
            store
                .write(move |txn| txn.put_record(FUNCTIONS, &key, bytes))
                .await
                .map_err(|e| io_error(e.message))?;
        }
        std::fs::remove_file(&file)?;
    }
    Ok(())
}

/// Scratch a crash or a failed cleanup left behind, removed at open: under
/// `functions.d`, folders no record names (`*.deleting`, a create that failed);
/// in every function's folder, the staging of an upload (`code.new`, `code.old`,
/// `code.zip.tmp`).
fn sweep(root: &Path, live: &[PathBuf]) {
    let code_root = root.join(CODE_ROOT);
    for region in std::fs::read_dir(&code_root)
        .into_iter()
        .flatten()
        .flatten()
    {
        for f in std::fs::read_dir(region.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if !live.contains(&f.path()) {
                discard(&f.path());
            }
        }
    }
    for dir in live {
        for scratch in ["code.new", "code.old", "code.zip.tmp"] {
            discard(&dir.join(scratch));
        }
    }
}
