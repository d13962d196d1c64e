//! Resolving where a command works and opening it: the local emulator (started for
//! the command over the project's store, or the `local serve` already running on
//! it) handed to `cloud` as a URL, or an AWS target; and reading what the target
//! holds for plan, deploy, destroy and status.

use std::ops::Deref;
use std::path::PathBuf;

use super::{Context, Failure};
use crate::cloud::{Cloud, CloudError, Target, dynamodb};
use crate::local::Endpoint;
use crate::plan::{self, Live, Plan, Purpose};
use crate::project::Project;
use crate::project::resolve::{LOCAL_REGION, region_of};

/// Where a command's requests go, as the user chose it.
#[derive(Debug, Clone)]
pub enum Place {
    /// The embedded emulator over this store.
    Local { data_dir: PathBuf, region: String },
    /// An AWS-API target.
    Aws(Target),
}

/// The clients of one target, and the emulator started for them (stopped when the
/// session ends).
pub struct Session {
    pub cloud: Cloud,
    _emulator: Option<Endpoint>,
}

impl Deref for Session {
    type Target = Cloud;
    fn deref(&self) -> &Cloud {
        &self.cloud
    }
}

impl Session {
    pub async fn open(ctx: &Context, place: &Place) -> Result<Session, Failure> {
        let printer = ctx.printer.clone();
        let notice: crate::cloud::Notice = std::sync::Arc::new(move |m: &str| printer.note(m));
        match place {
            Place::Local { data_dir, region } => {
                let endpoint = Endpoint::connect(data_dir.clone()).await.map_err(|e| {
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
                })
            }
            Place::Aws(target) => Ok(Session {
                cloud: Cloud::connect(target, notice)
                    .await
                    .map_err(cloud_failure)?,
                _emulator: None,
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
        Place::Local {
            data_dir: project.dir.join(dir),
            region: region_of(&project.file, target, g.region.as_deref())
                .unwrap_or_else(|| LOCAL_REGION.into()),
        }
    } else {
        Place::Aws(Target::Aws {
            region: g.region.clone().or(t.region),
            profile: g.profile.clone().or(t.profile),
            endpoint_url: g.endpoint_url.clone().or(t.endpoint_url),
        })
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

pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
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
}

impl Planned {
    pub fn endpoint(&self) -> &str {
        &self.session.endpoint
    }

    /// What the project owns on the target.
    pub fn owned(&self) -> Vec<Live> {
        self.live.iter().filter(|l| l.is_owned()).cloned().collect()
    }
}

/// Reads the project and the target, and plans a deploy.
pub async fn plan(ctx: &Context) -> Result<Planned, Failure> {
    let project = ctx.load_project()?;
    let target = ctx.check_target(&project)?;
    let region = region_of(&project.file, &target, ctx.global.region.as_deref());
    let session = Session::open(ctx, &place(ctx, &project, &target)).await?;
    let (desired, unmanaged) = plan::desired::resources(&project.file, &target, region.as_deref());
    let wanted: Vec<String> = desired.iter().map(|r| r.physical.clone()).collect();
    let live = dynamodb::read::tables(&session.dynamodb, &project.file.project, &target, &wanted)
        .await
        .map_err(cloud_failure)?;
    let plan = plan::diff(
        &project.file.project,
        &target,
        desired,
        live.clone(),
        unmanaged,
        Purpose::Deploy,
    );
    Ok(Planned {
        project,
        target,
        session,
        live,
        plan,
    })
}
