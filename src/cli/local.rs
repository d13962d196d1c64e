//! `gatekit local serve|status|reset`: the embedded emulator as a standalone server.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::local::lambda::sdk;
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::{Context, ExitResult, Failure, exit};
use crate::local::{Emulator, EmulatorConfig, instance};

#[derive(Debug, Args)]
pub struct LocalArgs {
    #[command(subcommand)]
    pub command: LocalCommand,
}

#[derive(Debug, Subcommand)]
pub enum LocalCommand {
    /// Run the emulator until Ctrl-C or SIGTERM
    Serve(ServeArgs),
    /// Say whether an emulator runs on this store, and where
    Status(StoreArgs),
    /// Delete everything in the store
    Reset(ResetArgs),
    /// Install the AWS SDKs that Lambda's runtimes include (boto3, AWS SDK for JavaScript v3) for local functions
    Sdk(SdkArgs),
}

#[derive(Debug, Args)]
pub struct SdkArgs {
    /// What to do: `install` (the only action)
    #[arg(value_parser = ["install"])]
    pub action: String,
    /// Only the Python SDK (boto3)
    #[arg(long, conflicts_with = "node_only")]
    pub python_only: bool,
    /// Only the JavaScript SDK (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)
    #[arg(long)]
    pub node_only: bool,
}

#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store's folder (default: the project's, else .gatekit/local)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one) [default: the project's
    /// `targets.local.port`, else 4566]
    #[arg(long)]
    pub port: Option<u16>,
    /// Address to listen on; anything but loopback is reachable by other machines
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Keep everything in memory (nothing is written to disk)
    #[arg(long, conflicts_with = "data_dir")]
    pub in_memory: bool,
    /// fsync every write: survives power loss, at a cost in speed
    #[arg(long)]
    pub sync: bool,
    /// Seconds between sweeps that delete expired TTL items
    #[arg(long, default_value_t = 5, value_name = "SECS")]
    pub ttl_interval: u64,
    /// Milliseconds added to every API call, to see how a client fares far from AWS
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub latency_ms: u64,
    /// The account's concurrency limit, shared by functions without reserved
    /// concurrency [default: `targets.local.concurrency`, else 1000]
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub concurrency: Option<u64>,
    /// How long a failed asynchronous invocation waits before its first retry (the
    /// second waits twice as long; AWS waits about a minute)
    #[arg(long, default_value_t = 1000, value_name = "MS")]
    pub retry_delay_ms: u64,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Do not ask
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &Context, args: LocalArgs) -> ExitResult {
    match args.command {
        LocalCommand::Serve(a) => serve(ctx, a),
        LocalCommand::Status(a) => status(ctx, a),
        LocalCommand::Reset(a) => reset(ctx, a),
        LocalCommand::Sdk(a) => sdk(ctx, a),
    }
}

/// The store folder: `--data-dir`, else the project's, else `.gatekit/local`.
fn data_dir(ctx: &Context, args: &StoreArgs) -> PathBuf {
    if let Some(d) = &args.data_dir {
        return ctx.base_dir().join(d);
    }
    if let Ok(project) = crate::project::load(&ctx.project_path()) {
        let configured = project
            .file
            .targets
            .get("local")
            .and_then(|t| t.data_dir.clone());
        return project
            .dir
            .join(configured.unwrap_or_else(|| ".gatekit/local".into()));
    }
    ctx.base_dir().join(".gatekit/local")
}

/// The project's `targets.local.port`, else 4566 (also outside a project).
/// The project's local settings for running functions (`targets.local.python`,
/// `node`, `concurrency`), as every command's own emulator takes them, so that a
/// `local serve` the commands join runs functions as theirs would.
fn project_runtimes(ctx: &Context) -> crate::local::lambda::Runtimes {
    let Ok(project) = crate::project::load(&ctx.project_path()) else {
        return crate::local::lambda::Runtimes::default();
    };
    match super::session::place(ctx, &project, "local") {
        super::session::Place::Local { runtimes, .. } => runtimes,
        super::session::Place::Aws(_) => crate::local::lambda::Runtimes::default(),
    }
}

fn project_port(ctx: &Context) -> u16 {
    crate::project::load(&ctx.project_path())
        .map(|p| crate::project::resolve::local_port(&p.file))
        .unwrap_or(crate::aws::stage_url::LOCAL_PORT)
}

#[derive(Serialize)]
struct Serving {
    endpoint: String,
    data_dir: Option<String>,
    pid: u32,
    /// The deployed APIs' stages, their URLs and reference pages on this emulator.
    apis: Vec<crate::aws::stage_url::StageUrls>,
}

fn serve(ctx: &Context, args: ServeArgs) -> ExitResult {
    let dir = (!args.in_memory).then(|| data_dir(ctx, &args.store));
    if !args.host.is_loopback() {
        ctx.printer.err(&format!(
            "{} listening on {} makes the emulator reachable from other machines, and it accepts any credentials",
            ctx.printer.paint_err(crate::render::WARNING, "warning:"),
            args.host
        ));
    }
    let config = EmulatorConfig {
        host: args.host,
        port: args.port.unwrap_or_else(|| project_port(ctx)),
        data_dir: dir.clone(),
        sync: args.sync,
        ttl_every: Duration::from_secs(args.ttl_interval.max(1)),
        latency: Duration::from_millis(args.latency_ms),
        runtimes: {
            let project = project_runtimes(ctx);
            crate::local::lambda::Runtimes {
                concurrency: args.concurrency.unwrap_or(project.concurrency),
                event_retry_delay: Duration::from_millis(args.retry_delay_ms),
                ..project
            }
        },
    };
    let rt = super::session::runtime()?;
    rt.block_on(async {
        let emulator = Emulator::start(config).await.map_err(|e| match e {
            crate::local::StartError::Busy { .. } => {
                Failure::runtime(e.to_string(), Some("use that one, or stop it first".into()))
            }
            crate::local::StartError::Bind { .. } => Failure::runtime(
                e.to_string(),
                Some("choose another port with --port (0 picks a free one)".into()),
            ),
            other => Failure::runtime(other.to_string(), None),
        })?;
        if let Some(stale) = &emulator.stale {
            ctx.printer.err(&format!(
                "{} {stale}",
                ctx.printer.paint_err(crate::render::WARNING, "warning:")
            ));
        }
        let endpoint = emulator.endpoint();
        let shown_dir = dir.as_ref().map(|d| d.display().to_string());
        let stages = emulator.api_stages();
        ctx.printer.result(
            &Serving {
                endpoint: endpoint.clone(),
                data_dir: shown_dir.clone(),
                pid: std::process::id(),
                apis: stages.clone(),
            },
            || {
                let store = shown_dir.unwrap_or_else(|| "in memory".into());
                ctx.printer.out(&format!(
                    "gatekit local emulator on {endpoint} (store: {store}); Ctrl-C stops it."
                ));
                ctx.printer.out("Point the AWS SDKs and CLI at it:");
                ctx.printer
                    .out(&format!("  export AWS_ENDPOINT_URL={endpoint}"));
                ctx.printer.out(
                "  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local",
            );
                if !stages.is_empty() {
                    ctx.printer.out("Deployed APIs:");
                    for s in &stages {
                        ctx.printer
                            .out(&format!("  {} ({}): {}  reference: {}", s.api, s.stage, s.url, s.docs));
                    }
                }
            },
        );
        wait_for_signal().await;
        ctx.printer.note("stopping the emulator");
        emulator.stop().await;
        Ok(exit::SUCCESS)
    })
}

pub(super) async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[derive(Serialize)]
struct Status {
    running: bool,
    data_dir: String,
    endpoint: Option<String>,
    pid: Option<u32>,
}

fn status(ctx: &Context, args: StoreArgs) -> ExitResult {
    let dir = data_dir(ctx, &args);
    let (record, stale) = instance::status(&dir)
        .map_err(|e| Failure::runtime(format!("cannot read {}: {e}", dir.display()), None))?;
    if let Some(stale) = stale {
        ctx.printer.err(&format!(
            "{} {stale}",
            ctx.printer.paint_err(crate::render::WARNING, "warning:")
        ));
    }
    let shown = dir.display().to_string();
    ctx.printer.result(
        &Status {
            running: record.is_some(),
            data_dir: shown.clone(),
            endpoint: record.as_ref().map(|r| r.endpoint.clone()),
            pid: record.as_ref().map(|r| r.pid),
        },
        || match record {
            Some(r) => ctx.printer.out(&format!(
                "running on {} (pid {}), store {shown}",
                r.endpoint, r.pid
            )),
            None => ctx.printer.out(&format!("not running (store {shown})")),
        },
    );
    Ok(exit::SUCCESS)
}

fn reset(ctx: &Context, args: ResetArgs) -> ExitResult {
    let dir = data_dir(ctx, &args.store);
    let (record, _) = instance::status(&dir)
        .map_err(|e| Failure::runtime(format!("cannot read {}: {e}", dir.display()), None))?;
    if let Some(r) = record {
        return Err(Failure::runtime(
            format!(
                "a local emulator (pid {}) is serving the store at {}",
                r.pid,
                dir.display()
            ),
            Some("stop it first (Ctrl-C in its terminal, or kill the pid)".into()),
        ));
    }
    if !args.yes {
        let question = format!(
            "Delete every table, item, function and role in {}?",
            dir.display()
        );
        if !crate::render::confirm(&ctx.printer, &question)
            .map_err(|e| Failure::usage(e, "pass --yes to reset without asking"))?
        {
            ctx.printer.note("nothing deleted");
            return Ok(exit::SUCCESS);
        }
    }
    // The records (tables, items, function settings, roles) first: without them the code
    // folders under lambda/ are no functions, whatever happens after.
    let mut removed = Vec::new();
    for f in ["dynamodb.redb", "dynamodb.wal", "lambda"] {
        let p = dir.join(f);
        let gone = if p.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        match gone {
            Ok(()) => removed.push(f),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Failure::runtime(
                    format!("cannot delete {}: {e}", p.display()),
                    None,
                ));
            }
        }
    }
    ctx.printer.result(
        &serde_json::json!({ "data_dir": dir.display().to_string(), "removed": removed }),
        || {
            ctx.printer.out(&format!(
                "the store at {} is empty: its tables, items, functions, roles and logs are gone",
                dir.display()
            ));
        },
    );
    Ok(exit::SUCCESS)
}

/// Installs boto3 and the AWS SDK for JavaScript v3 into gatekit's cache, where the
/// emulator's Python and Node runtimes find them (as Lambda's managed runtimes
/// include them).
fn sdk(ctx: &Context, args: SdkArgs) -> ExitResult {
    let runtimes = crate::local::lambda::Runtimes::default();
    let failed = |e: sdk::InstallError| {
        Failure::runtime(
            e.to_string(),
            Some("check the network and the registry settings of pip and npm".into()),
        )
    };
    let mut installed = Vec::new();
    if !args.node_only {
        ctx.printer.note("installing boto3 ...");
        let t = sdk::install_python(&runtimes.python, &runtimes.sdk_dir).map_err(failed)?;
        std::fs::remove_file(runtimes.sdk_dir.join(".install-failed-python")).ok();
        installed.push(json!({ "sdk": "boto3", "path": t.display().to_string() }));
    }
    if !args.python_only {
        ctx.printer
            .note("installing the AWS SDK for JavaScript v3 ...");
        let t = sdk::install_node(&runtimes.sdk_dir).map_err(failed)?;
        std::fs::remove_file(runtimes.sdk_dir.join(".install-failed-node")).ok();
        installed
            .push(json!({ "sdk": "@aws-sdk/client-dynamodb", "path": t.display().to_string() }));
    }
    ctx.printer.result(&json!({ "installed": installed }), || {
        for i in &installed {
            ctx.printer.out(&format!(
                "{} installed in {}",
                i["sdk"].as_str().unwrap_or_default(),
                i["path"].as_str().unwrap_or_default()
            ));
        }
    });
    Ok(exit::SUCCESS)
}

/// Local functions find the SDK Lambda's runtime includes without an extra step:
/// when neither gatekit's cache nor the machine has it for a runtime the project
/// uses, it is installed into the cache once; when that cannot be done, one line
/// says why and what to run.
pub fn ensure_sdks<'a>(
    ctx: &Context,
    runtimes: &crate::local::lambda::Runtimes,
    used: impl Iterator<Item = &'a str>,
) {
    let used: Vec<&str> = used.collect();
    let dir = &runtimes.sdk_dir;
    if used.iter().any(|r| r.starts_with("python"))
        && sdk::python_sdk(&runtimes.python, dir).is_none()
    {
        attempt(ctx, dir, "python", "boto3", || {
            sdk::install_python(&runtimes.python, dir)
        });
    }
    if used.iter().any(|r| r.starts_with("nodejs")) && sdk::node_sdk(dir).is_none() {
        attempt(ctx, dir, "node", "the AWS SDK for JavaScript v3", || {
            sdk::install_node(dir)
        });
    }
}

/// How long a failed install is not tried again by itself (each try offline can
/// take a package manager's retries): `local sdk install` always tries.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// One automatic install, unless one failed within the hour (a marker file says
/// when); a failure is one warning line with what to run.
fn attempt(
    ctx: &Context,
    dir: &std::path::Path,
    which: &str,
    what: &str,
    install: impl FnOnce() -> Result<std::path::PathBuf, sdk::InstallError>,
) {
    let marker = dir.join(format!(".install-failed-{which}"));
    let recent = std::fs::metadata(&marker)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < RETRY_AFTER);
    let hint = format!(
        "functions that import {what} fail locally until `gatekit local sdk install` succeeds"
    );
    if recent {
        ctx.printer.warn(&format!(
            "{what} is not installed for local functions; {hint}"
        ));
        return;
    }
    ctx.printer.note(&format!(
        "installing {what} for local functions into gatekit's cache (once; Lambda's runtime includes it) ..."
    ));
    match install() {
        Ok(_) => {
            std::fs::remove_file(&marker).ok();
        }
        Err(e) => {
            // Remembered so the next commands do not wait for the same failure.
            if std::fs::create_dir_all(dir)
                .and_then(|()| std::fs::write(&marker, e.to_string()))
                .is_err()
            {
                ctx.printer
                    .note("(and the failure could not be remembered)");
            }
            ctx.printer.warn(&format!("{e}; {hint}"));
        }
    }
}
