//! Resolving where a command works and opening it: the local emulator (started for
//! the command over the project's store, or the `local serve` already running on
//! it) handed to `cloud` as a URL, or an AWS target; and reading what the target
//! holds for plan, deploy, destroy and status.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::path::PathBuf;

use super::{Context, Failure};
use crate::cloud::{Cloud, CloudError, Target, dynamodb, lambda};
use crate::local::Endpoint;
use crate::plan::{self, Live, Plan, Purpose};
use crate::project::Project;
use crate::project::resolve::{LOCAL_REGION, Namer, region_of};

/// Where a command's requests go, as the user chose it.
#[derive(Debug, Clone)]
pub enum Place {
    /// The embedded emulator over this store.
    Local {
        data_dir: PathBuf,
        region: String,
        runtimes: crate::local::lambda::Runtimes,
    },
    /// An AWS-API target.
    Aws(Target),
}

/// The clients of one target, and the emulator started for them (stopped when the
/// session ends).
pub struct Session {
    pub cloud: Cloud,
    /// The local emulator's runtimes, when the target is local.
    pub local_runtimes: Option<crate::local::lambda::Runtimes>,
    _emulator: Option<Endpoint>,
    /// Where the wait for stream deliveries is said, and whether to skip it.
    printer: crate::render::Printer,
    no_wait: bool,
}

impl Drop for Session {
    /// An emulator started for this command runs the asynchronous invocations and
    /// delivers the stream records the command caused before it stops (what is left, with
    /// `--no-wait` or a failing function, is delivered the next time the store is
    /// opened). The session ends inside the command's runtime, whose worker
    /// threads deliver while this one waits.
    fn drop(&mut self) {
        let Some(Endpoint::Embedded(e)) = &self._emulator else {
            return;
        };
        if self.no_wait {
            return;
        }
        let mut said = false;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
        loop {
            let (behind, failing) = e.undelivered();
            if behind <= failing || std::time::Instant::now() > deadline {
                return;
            }
            if !said {
                self.printer.note(&format!(
                    "running what this command queued: {behind} asynchronous invocation{} or stream trigger{} (--no-wait leaves them for the next start)",
                    if behind == 1 { "" } else { "s" },
                    if behind == 1 { "" } else { "s" }
                ));
                said = true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Deref for Session {
    type Target = Cloud;
    fn deref(&self) -> &Cloud {
        &self.cloud
    }
}

impl Session {
    /// Whether what the session reaches is still served after this command: an AWS
    /// target or a `local serve`, not an emulator started for the command.
    pub fn outlives_command(&self) -> bool {
        !matches!(self._emulator, Some(Endpoint::Embedded(_)))
    }

    pub async fn open(ctx: &Context, place: &Place) -> Result<Session, Failure> {
        let printer = ctx.printer.clone();
        let notice: crate::cloud::Notice = std::sync::Arc::new(move |m: &str| printer.note(m));
        match place {
            Place::Local {
                data_dir,
                region,
                runtimes,
            } => {
                let endpoint = Endpoint::connect(data_dir.clone(), runtimes.clone())
                    .await
                    .map_err(|e| {
                        Failure::runtime(format!("the local emulator could not start: {e}"), None)
                    })?;
                let target = Target::Emulator {
                    url: endpoint.url(),
                    region: region.clone(),
                };
                Ok(Session {
                    cloud: Cloud::connect(&target, notice)
                        .await
                        .map_err(cloud_failure)?,
                    _emulator: Some(endpoint),
                    local_runtimes: Some(runtimes.clone()),
                    printer: ctx.printer.clone(),
                    no_wait: ctx.global.no_wait,
                })
            }
            Place::Aws(target) => Ok(Session {
                cloud: Cloud::connect(target, notice)
                    .await
                    .map_err(cloud_failure)?,
                _emulator: None,
                local_runtimes: None,
                printer: ctx.printer.clone(),
                no_wait: ctx.global.no_wait,
            }),
        }
    }
}

/// The target's settings with the CLI flags applied.
pub fn place(ctx: &Context, project: &Project, target: &str) -> Place {
    let g = &ctx.global;
    let t = project
        .file
        .targets
        .get(target)
        .cloned()
        .unwrap_or_default();
    if target == "local"
        && let Some(url) = &g.endpoint_url
    {
        // `--endpoint-url` names an AWS-API endpoint, as `aws --endpoint-url` does:
        // region and credentials from the AWS environment and the flags.
        return Place::Aws(Target::Aws {
            region: g.region.clone(),
            profile: g.profile.clone(),
            endpoint_url: Some(url.clone()),
        });
    }
    if target == "local" {
        let dir = t
            .data_dir
            .clone()
            .unwrap_or_else(|| ".gatekit/local".into());
        let defaults = crate::local::lambda::Runtimes::default();
        Place::Local {
            data_dir: project.dir.join(dir),
            region: region_of(&project.file, target, g.region.as_deref())
                .unwrap_or_else(|| LOCAL_REGION.into()),
            runtimes: crate::local::lambda::Runtimes {
                python: t
                    .python
                    .as_deref()
                    .map(|p| program(&project.dir, p))
                    .unwrap_or(defaults.python),
                node: t
                    .node
                    .as_deref()
                    .map(|p| program(&project.dir, p))
                    .unwrap_or(defaults.node),
                sdk_dir: defaults.sdk_dir,
                concurrency: t.concurrency.map(u64::from).unwrap_or(defaults.concurrency),
                event_retry_delay: defaults.event_retry_delay,
            },
        }
    } else {
        Place::Aws(Target::Aws {
            region: g.region.clone().or(t.region),
            profile: g.profile.clone().or(t.profile),
            endpoint_url: g.endpoint_url.clone().or(t.endpoint_url),
        })
    }
}

/// An interpreter named in gatekit.yaml: a path relative to the file's folder (made
/// absolute once, here), or a name looked up on PATH.
fn program(dir: &std::path::Path, p: &str) -> String {
    if p.contains('/') && std::path::Path::new(p).is_relative() {
        dir.join(p).display().to_string()
    } else {
        p.to_string()
    }
}

pub fn cloud_failure(e: CloudError) -> Failure {
    let hint = match &e {
        CloudError::Setup { hint, .. } => {
            return Failure::runtime(e.to_string(), Some(hint.clone()));
        }
        CloudError::Transport { .. } => {
            Some("check the endpoint, the network and the credentials of the target".to_string())
        }
        CloudError::Aws { code, .. }
            if code.contains("AccessDenied") || code.contains("Unrecognized") =>
        {
            Some("check the credentials and permissions of the target's profile".to_string())
        }
        _ => None,
    };
    Failure::runtime(e.to_string(), hint)
}

/// The async runtime of every command and of `local serve`, with half the machine's
/// cores (at least one) as workers: the emulator shares the machine with its
/// callers and its functions' processes, and every hand-off between the emulator
/// and a function that lands on a parked second worker costs a thread wake-up. On
/// two cores, one worker took a Lambda invoke's round trip from 0.32 to 0.23 ms
/// (p50) and 16 callers from 10,500 to 13,900 invokes/s, with DynamoDB's
/// throughput unchanged (benches/lambda.sh, benches/dynamodb.sh).
/// TOKIO_WORKER_THREADS, when set, decides instead.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        builder.worker_threads((cores / 2).max(1));
    }
    builder
        .enable_all()
        .build()
        .map_err(|e| Failure::runtime(format!("cannot start the async runtime: {e}"), None))
}

/// Everything a plan needs: the project, the session, the live state, the plan.
pub struct Planned {
    pub project: Project,
    pub target: String,
    pub session: Session,
    pub live: Vec<Live>,
    pub plan: Plan,
    /// Environment variables that name APIs not made yet: deploy plans again once
    /// the APIs exist, to set them.
    pub awaiting: Vec<plan::desired::Awaiting>,
    region: Option<String>,
    account: Option<String>,
    code: BTreeMap<String, plan::desired::PackedCode>,
}

impl Planned {
    pub fn endpoint(&self) -> &str {
        &self.session.endpoint
    }

    /// What the project owns on the target.
    pub fn owned(&self) -> Vec<Live> {
        self.live.iter().filter(|l| l.is_owned()).cloned().collect()
    }

    /// Reads the target again and plans against what it holds now, with the code
    /// already packed (deploy's second pass, once the APIs exist).
    pub async fn replan(self) -> Result<Planned, Failure> {
        let Planned {
            project,
            target,
            session,
            region,
            account,
            code,
            ..
        } = self;
        plan_on(project, target, session, region, account, code).await
    }
}

/// Whether the plan needs the functions' code: deploy and plan do; status and
/// destroy look at what is deployed only (no build runs, no folder is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Pack,
    Skip,
}

/// Reads the project and the target, and plans a deploy.
pub async fn plan(ctx: &Context, code: Code) -> Result<Planned, Failure> {
    let project = ctx.load_project()?;
    let target = ctx.check_target(&project)?;
    let region = region_of(&project.file, &target, ctx.global.region.as_deref());
    let session = Session::open(ctx, &place(ctx, &project, &target)).await?;
    let printer = ctx.printer.clone();
    // Dependencies install with the project's local Python (its pip), else python3.
    let python = project
        .file
        .targets
        .get("local")
        .and_then(|t| t.python.as_deref())
        .map(|p| program(&project.dir, p))
        .unwrap_or_else(|| "python3".to_string());
    let code = match code {
        // Builds and installs run for seconds: off the async workers, so that an
        // emulator in this process (`gatekit dev`'s) keeps serving meanwhile.
        Code::Pack => {
            let (packing, printer) = (project.clone(), printer.clone());
            tokio::task::spawn_blocking(move || {
                crate::package::pack_functions(&packing, &python, &|m: &str| printer.note(m))
            })
            .await
            .map_err(|e| Failure::runtime(format!("packing stopped: {e}"), None))?
            .map_err(|e| Failure::usage(e.to_string(), pack_hint(&e)))?
        }
        Code::Skip => project
            .file
            .functions
            .keys()
            .map(|n| (n.clone(), plan::desired::PackedCode::unread()))
            .collect(),
    };
    // ARNs of the target need its region and account (AWS: as the session found them).
    let region = region.or_else(|| Some(session.region.clone()).filter(|r| !r.is_empty()));
    let account = if project.file.functions.is_empty() && project.file.apis.is_empty() {
        None
    } else {
        Some(session.account_id().await.map_err(cloud_failure)?)
    };
    plan_on(project, target, session, region, account, code).await
}

/// Reads what the target holds and diffs the project against it.
async fn plan_on(
    project: Project,
    target: String,
    session: Session,
    region: Option<String>,
    account: Option<String>,
    code: BTreeMap<String, plan::desired::PackedCode>,
) -> Result<Planned, Failure> {
    let namer = Namer::new(&project.file, &target, region.as_deref()).with_account(account.clone());
    let wanted = plan::desired::physical_names(&project.file, &namer);
    let name = &project.file.project;
    let (tables, functions, roles, apis) = tokio::join!(
        dynamodb::read::tables(&session.dynamodb, name, &target, &wanted),
        lambda::read::functions(&session.lambda, name, &target, &wanted),
        crate::cloud::iam::roles(&session.iam, name, &target, &wanted),
        crate::cloud::apigateway::apis(&session.apigateway, name, &target, &wanted)
    );
    let mut live = tables.map_err(cloud_failure)?;
    live.extend(functions.map_err(cloud_failure)?);
    live.extend(read_triggers(&session, &live).await?);
    live.extend(roles.map_err(cloud_failure)?);
    live.extend(apis.map_err(cloud_failure)?);
    // `${apis.A.url}` resolves once API A exists.
    let namer = namer.with_api_ids(api_ids(&live));
    let (mut desired, unmanaged) = plan::desired::resources(&project.file, &namer, &code);
    plan::desired::renew_triggers(&mut desired, &live);
    check_environment_sizes(&desired)?;
    let awaiting = plan::desired::awaiting_apis(&project.file, &namer);
    let mut plan = plan::diff(
        &project.file.project,
        &target,
        desired,
        live.clone(),
        unmanaged,
        Purpose::Deploy,
    );
    plan.notes.extend(awaiting.iter().map(|a| {
        format!(
            "function {}: {} names the URL of API {}, which does not exist yet; deploy sets it once the API is made",
            a.function, a.variable, a.api
        )
    }));
    if session.local_runtimes.is_some() {
        plan.notes.extend(
            project
                .file
                .functions
                .iter()
                .filter(|(_, f)| f.role.is_some())
                .map(|(name, _)| {
                    format!(
                        "function {name} uses the role named by `role:`; locally it runs unrestricted (the emulator enforces the roles gatekit makes from `access:`)"
                    )
                }),
        );
    }
    Ok(Planned {
        project,
        target,
        session,
        live,
        plan,
        awaiting,
        region,
        account,
        code,
    })
}

/// The triggers of the project's functions (read once the functions and tables are).
async fn read_triggers(session: &Session, live: &[Live]) -> Result<Vec<Live>, Failure> {
    let mut functions = BTreeMap::new();
    let mut tables = BTreeMap::new();
    for l in live.iter().filter(|l| l.is_owned()) {
        match l.spec {
            plan::Spec::Function(_) => {
                functions.insert(l.physical.clone(), Some(l.name.clone()));
            }
            plan::Spec::Table(_) => {
                tables.insert(l.physical.clone(), l.name.clone());
            }
            _ => {}
        }
    }
    lambda::triggers::read(&session.lambda, &session.dynamodb, &functions, &tables)
        .await
        .map_err(cloud_failure)
}

/// The ids of the project's APIs on the target, by logical name.
fn api_ids(live: &[Live]) -> BTreeMap<String, String> {
    live.iter()
        .filter(|l| l.is_owned())
        .filter_map(|l| match &l.spec {
            plan::Spec::Api(a) => Some((l.name.clone(), a.id.clone()?)),
            _ => None,
        })
        .collect()
}

fn pack_hint(e: &crate::package::PackFailure) -> String {
    use crate::package::{PackError, PackFailure};
    match e {
        PackFailure::Build { .. } => {
            "fix the build command (`build:`), or run it by hand in the code folder".into()
        }
        PackFailure::Pack {
            error: PackError::Missing(_),
            ..
        } => "make the folder, or point `code:` (or `artifact:`) at the function's folder".into(),
        PackFailure::Pack {
            error: PackError::TooLargeUnzipped { .. } | PackError::TooLargeZipped,
            ..
        } => "leave out what the function does not need with `exclude:`".into(),
        PackFailure::Pack { .. } => {
            "check the function's folder and its `exclude:` patterns".into()
        }
        PackFailure::Deps { .. } => "fix requirements.txt or package.json, or install the dependencies with a `build:` command".into(),
    }
}

/// Lambda's limit on a function's environment variables, all together.
const MAX_ENVIRONMENT_BYTES: usize = 4096;

/// Refuses, before any call, a function whose environment Lambda would refuse.
fn check_environment_sizes(desired: &[plan::Desired]) -> Result<(), Failure> {
    for d in desired {
        if let plan::Spec::Function(f) = &d.spec {
            let size: usize = f.environment.iter().map(|(k, v)| k.len() + v.len()).sum();
            if size > MAX_ENVIRONMENT_BYTES {
                return Err(Failure::usage(
                    format!(
                        "function `{}`: its environment is {size} bytes; Lambda takes at most {MAX_ENVIRONMENT_BYTES}",
                        d.name
                    ),
                    "keep large values in a table or a file in the code, and pass their names",
                ));
            }
        }
    }
    Ok(())
}

/// The target of a command on data or functions (`table`, `fn`, `invoke`): the
/// project's, or (with no gatekit.yaml) the local store in the working folder, or
/// the AWS environment with the flags.
pub async fn connect(
    ctx: &Context,
) -> Result<(Session, Option<crate::project::Project>, String), Failure> {
    let (session, project, target, _) = connect_place(ctx).await?;
    Ok((session, project, target))
}

/// `connect`, and the place the session reaches.
pub async fn connect_place(
    ctx: &Context,
) -> Result<(Session, Option<crate::project::Project>, String, Place), Failure> {
    let project = if ctx.project_path().exists() {
        Some(ctx.load_project()?)
    } else {
        None
    };
    let (place, target_name) = match &project {
        Some(p) => {
            let t = ctx.check_target(p)?;
            (place(ctx, p, &t), t)
        }
        None => {
            let g = &ctx.global;
            let place = if g.target == "local" && g.endpoint_url.is_none() {
                Place::Local {
                    data_dir: ctx.base_dir().join(".gatekit/local"),
                    region: g.region.clone().unwrap_or_else(|| "us-east-1".into()),
                    runtimes: crate::local::lambda::Runtimes::default(),
                }
            } else {
                Place::Aws(Target::Aws {
                    region: g.region.clone(),
                    profile: g.profile.clone(),
                    endpoint_url: g.endpoint_url.clone(),
                })
            };
            (place, g.target.clone())
        }
    };
    let cloud = Session::open(ctx, &place).await?;
    Ok((cloud, project, target_name, place))
}
