//! `gatekit dev`: the whole app live on the local target. Starts the emulator on the
//! project's store and port (or joins a `local serve` already running there),
//! deploys, then watches gatekit.yaml and every function's code folder and applies
//! what changed, as `deploy` would, while one stream shows the functions' logs and
//! each applied change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Args;
use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;

use super::session::{self, Code, Place};
use super::{Context, ExitResult, Failure, exit};
use crate::local::{Emulator, EmulatorConfig, StartError};
use crate::render::deploy::DeployReporter;
use crate::render::dev::{DevStream, Ready};

/// Changes that come within this long of each other are applied together (an
/// editor's save is often several writes).
const SETTLE: Duration = Duration::from_millis(100);
/// How often the functions' logs are read.
const LOG_EVERY: Duration = Duration::from_millis(200);

#[derive(Debug, Args)]
pub struct DevArgs {
    /// The emulator's port when none serves the project's store (default:
    /// targets.local.port, else 4566)
    #[arg(long)]
    pub port: Option<u16>,
    /// The console's loopback port (default: a free one)
    #[arg(long, default_value_t = 0)]
    pub console_port: u16,
}

pub fn run(ctx: &Context, args: DevArgs) -> ExitResult {
    let project = ctx.load_project()?;
    if ctx.check_target(&project)? != "local" {
        return Err(Failure::usage(
            "gatekit dev runs the app on the local target",
            "drop -t, or use `gatekit deploy -t TARGET` for the others",
        ));
    }
    let Place::Local {
        data_dir, runtimes, ..
    } = session::place(ctx, &project, "local")
    else {
        return Err(Failure::usage(
            "gatekit dev runs the app on the local emulator, not on --endpoint-url",
            "drop --endpoint-url",
        ));
    };
    let stream = DevStream::new(&ctx.printer);
    let runtime = session::runtime()?;
    let outcome = runtime.block_on(async {
        let mut config = EmulatorConfig::loopback(Some(data_dir));
        config.port = args
            .port
            .unwrap_or_else(|| crate::project::resolve::local_port(&project.file));
        config.runtimes = runtimes;
        // Our own emulator, or None when a `local serve` on the store is joined.
        let (own, endpoint) = match Emulator::start(config).await {
            Ok(e) => {
                let url = e.endpoint();
                (Some(e), url)
            }
            Err(StartError::Busy { endpoint, .. }) => (None, endpoint),
            Err(e @ StartError::Bind { .. }) => {
                return Err(Failure::runtime(
                    e.to_string(),
                    Some("choose another port with --port, or targets.local.port".into()),
                ));
            }
            Err(e) => return Err(Failure::runtime(e.to_string(), None)),
        };
        let outcome = live(
            ctx,
            &stream,
            &project,
            own.is_none(),
            &endpoint,
            args.console_port,
        )
        .await;
        if let Some(e) = own {
            ctx.printer
                .note("stopping: draining what runs, then the emulator");
            e.stop().await;
        }
        outcome
    });
    // A build still running when Ctrl-C came is not waited for.
    runtime.shutdown_background();
    outcome
}

/// Deploys, then applies every change until Ctrl-C.
async fn live(
    ctx: &Context,
    stream: &DevStream,
    project: &crate::project::Project,
    joined: bool,
    endpoint: &str,
    console_port: u16,
) -> ExitResult {
    let mut functions = deploy(ctx, stream, Instant::now())
        .await
        .unwrap_or_default();
    let place = (session::place(ctx, project, "local"), "local".to_string());
    let console = super::console::start(ctx, console_port, true, Some(place)).await?;
    let mut logs = Logs::default();
    logs.follow_requests(ctx).await;
    stream.ready(&Ready {
        endpoint: endpoint.to_string(),
        console: Some(console.url),
        joined,
        apis: super::api::stage_urls(ctx).await.unwrap_or_default(),
        functions: functions.keys().cloned().collect(),
    });
    let (tx, mut changes) = mpsc::unbounded_channel::<Vec<PathBuf>>();
    let _watcher = watch(project, tx)?;
    let built = built_dirs(project);
    let matters = |paths: &[PathBuf]| {
        paths
            .iter()
            .any(|p| !built.iter().any(|d| p.starts_with(d)))
    };
    let stop = super::local::wait_for_signal();
    tokio::pin!(stop);
    let mut tick = tokio::time::interval(LOG_EVERY);
    loop {
        tokio::select! {
            _ = &mut stop => return Ok(exit::SUCCESS),
            Some(paths) = changes.recv() => {
                let seen = Instant::now();
                let mut wanted = matters(&paths);
                while let Ok(Some(more)) = tokio::time::timeout(SETTLE, changes.recv()).await {
                    wanted |= matters(&more);
                }
                if !wanted {
                    continue;
                }
                // Ctrl-C is heard during a deploy too (a long build or install): what
                // was applied stays, and the next deploy converges from there.
                let deployed = tokio::select! {
                    _ = &mut stop => return Ok(exit::SUCCESS),
                    d = deploy(ctx, stream, seen) => d,
                };
                if let Some(deployed) = deployed {
                    functions = deployed;
                    logs.follow_requests(ctx).await;
                }
                // What the deploy's own builds wrote in place while it ran.
                while changes.try_recv().is_ok() {}
            }
            _ = tick.tick() => logs.show(ctx, project, stream, &functions).await,
        }
    }
}

/// Plans and applies the project as it is on disk now; the functions' physical
/// names by logical name, or None when the file is broken or the plan failed
/// (what runs stays as it was).
async fn deploy(
    ctx: &Context,
    stream: &DevStream,
    seen: Instant,
) -> Option<BTreeMap<String, String>> {
    let planned = match session::plan(ctx, Code::Pack).await {
        Ok(p) => p,
        Err(Failure::Reported) => {
            stream.kept("gatekit.yaml has problems");
            return None;
        }
        Err(f) => {
            stream.kept(&failure_text(&f));
            return None;
        }
    };
    let functions: BTreeMap<String, String> = planned
        .plan
        .actions
        .iter()
        .filter(|a| a.kind == crate::plan::Kind::Function)
        .map(|a| (a.name.clone(), a.physical.clone()))
        .collect();
    if !planned.plan.has_changes() {
        return Some(functions);
    }
    if planned.plan.loses_data() {
        // Asked on a terminal, refused elsewhere: never lost by a save alone.
        match super::deploy::allow_data_loss(ctx, &planned.plan, false, "change") {
            Ok(true) => {}
            Ok(false) | Err(_) => {
                stream.kept("this change loses data and was not applied (run `gatekit deploy --allow-data-loss`)");
                return Some(functions);
            }
        }
    }
    if let Some(runtimes) = &planned.session.local_runtimes {
        let used = planned
            .project
            .file
            .functions
            .values()
            .map(|f| f.runtime.as_str());
        super::local::ensure_sdks(ctx, runtimes, used);
    }
    let report = DeployReporter::new(&ctx.printer);
    let mut outcomes = super::deploy::apply(&report, &planned, &planned.plan).await;
    if !planned.awaiting.is_empty() && !outcomes.iter().any(|o| o.failed()) {
        // The APIs exist now: plan again to set the variables that name their URLs.
        if let Ok(again) = planned.replan().await
            && again.plan.has_changes()
        {
            outcomes.extend(super::deploy::apply(&report, &again, &again.plan).await);
        }
    }
    stream.applied(&outcomes, seen.elapsed().as_millis());
    Some(functions)
}

fn failure_text(f: &Failure) -> String {
    match f {
        Failure::Usage { message, .. }
        | Failure::Runtime { message, .. }
        | Failure::NotFound { message, .. } => message.clone(),
        Failure::Reported => "gatekit.yaml has problems".into(),
    }
}

/// What a function's `build` writes into an artifact folder of its own: a change
/// there alone is the deploy's own doing, and would otherwise start the next
/// deploy, and so on. (A build in place is known by its timing: what comes while
/// a deploy runs is dropped.)
fn built_dirs(project: &crate::project::Project) -> Vec<PathBuf> {
    project
        .file
        .functions
        .iter()
        .filter(|(_, f)| f.build.is_some())
        .filter_map(|(name, _)| crate::package::source_dir(project, name))
        .filter(|(code, artifact)| artifact != code)
        .map(|(_, artifact)| artifact)
        .collect()
}

/// Watches the project's folder and every function's code folder outside it, and
/// sends the paths of each change that matters.
fn watch(
    project: &crate::project::Project,
    tx: mpsc::UnboundedSender<Vec<PathBuf>>,
) -> Result<notify::RecommendedWatcher, Failure> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| !ignored(p)).collect();
        if !paths.is_empty() {
            let _ = tx.send(paths);
        }
    })
    .map_err(|e| Failure::runtime(format!("cannot watch for changes: {e}"), None))?;
    let mut roots: Vec<PathBuf> = vec![project.dir.clone()];
    for (name, f) in &project.file.functions {
        let dir = project
            .dir
            .join(crate::project::check::function::code_dir(name, f));
        if !dir.starts_with(&project.dir) && dir.is_dir() {
            roots.push(dir);
        }
    }
    for root in &roots {
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| Failure::runtime(format!("cannot watch {}: {e}", root.display()), None))?;
    }
    Ok(watcher)
}

/// What changes there never changes the app: the local store (written by the
/// emulator itself), version control, caches.
fn ignored(path: &Path) -> bool {
    path.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some(".gatekit" | ".git" | "__pycache__" | ".venv" | ".pytest_cache" | "target")
        )
    }) || path.extension().is_some_and(|e| e == "pyc" || e == "swp")
        || path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with('~'))
}

/// The functions' logs and the APIs' access logs, read from where the last read
/// ended.
#[derive(Default)]
struct Logs {
    session: Option<session::Session>,
    /// Per log group: the newest timestamp shown and the ids shown at it.
    seen: BTreeMap<String, (i64, Vec<String>)>,
    /// Per API (logical name): its access log group, and its routes' functions by
    /// `METHOD /resource/path`.
    requests: BTreeMap<String, (String, BTreeMap<String, String>)>,
}

impl Logs {
    /// Turns on the APIs' access logs (again after each deploy: a stage made anew
    /// has none), and learns which function each route runs.
    async fn follow_requests(&mut self, ctx: &Context) {
        let Ok(groups) = super::api::log_access(ctx).await else {
            return;
        };
        let routes = crate::project::load(&ctx.project_path())
            .map(|p| p.file.apis)
            .unwrap_or_default();
        self.requests = groups
            .into_iter()
            .map(|(api, group)| {
                let functions = routes
                    .get(&api)
                    .map(|a| {
                        a.routes
                            .iter()
                            .map(|(route, f)| {
                                (
                                    route.split_whitespace().collect::<Vec<_>>().join(" "),
                                    f.clone(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                (api, (group, functions))
            })
            .collect();
    }

    /// New lines of `group` since the last read.
    async fn new_lines(&mut self, group: &str) -> Vec<crate::cloud::lambda::logs::LogLine> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let now = crate::aws::clock::unix_millis() as i64;
        let (since, ids) = self
            .seen
            .entry(group.to_string())
            .or_insert((now, Vec::new()));
        let Ok(lines) =
            crate::cloud::lambda::logs::read_group(&session.logs, group, Some(*since), None).await
        else {
            return Vec::new();
        };
        let fresh: Vec<_> = lines
            .iter()
            .filter(|l| !ids.contains(&l.id))
            .cloned()
            .collect();
        if let Some(last) = lines.last() {
            *since = last.timestamp;
            *ids = lines
                .iter()
                .filter(|l| l.timestamp == last.timestamp)
                .map(|l| l.id.clone())
                .collect();
        }
        fresh
    }

    async fn show(
        &mut self,
        ctx: &Context,
        project: &crate::project::Project,
        stream: &DevStream,
        functions: &BTreeMap<String, String>,
    ) {
        if self.session.is_none() {
            self.session = session::Session::open(ctx, &session::place(ctx, project, "local"))
                .await
                .ok();
        }
        for (name, physical) in functions {
            let group = crate::cloud::lambda::logs::group(physical);
            for line in self.new_lines(&group).await {
                stream.log(name, &line);
            }
        }
        let requests: Vec<(String, String, BTreeMap<String, String>)> = self
            .requests
            .iter()
            .map(|(api, (group, routes))| (api.clone(), group.clone(), routes.clone()))
            .collect();
        for (api, group, routes) in requests {
            for line in self.new_lines(&group).await {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&line.message) else {
                    continue;
                };
                let field = |k: &str| v[k].as_str().unwrap_or("-").to_string();
                let method = field("httpMethod");
                let resource = field("resourcePath");
                let function = routes
                    .get(&format!("{method} {resource}"))
                    .or_else(|| routes.get(&format!("ANY {resource}")))
                    .cloned();
                stream.request(&crate::render::dev::Request {
                    api: api.clone(),
                    method,
                    path: field("path"),
                    status: field("status"),
                    ms: field("responseLatency"),
                    function,
                });
            }
        }
    }
}
