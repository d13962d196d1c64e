//! Resolving the target of a command and reading what it holds: the steps that
//! plan, deploy, destroy and status share.

use super::{Context, Failure};
use crate::cloud::{Cloud, CloudError, TargetSpec, tables};
use crate::plan::{self, Live, Plan};
use crate::project::Project;
use crate::project::resolve::{LOCAL_REGION, region_of};

/// The target's settings with the CLI flags applied.
pub fn spec(ctx: &Context, project: &Project, target: &str) -> TargetSpec {
    let g = &ctx.global;
    let t = project
        .file
        .targets
        .get(target)
        .cloned()
        .unwrap_or_default();
    if target == "local" {
        let dir = t
            .data_dir
            .clone()
            .unwrap_or_else(|| ".gatekit/local".into());
        TargetSpec::Local {
            data_dir: project.dir.join(dir),
            region: region_of(&project.file, target, g.region.as_deref())
                .unwrap_or_else(|| LOCAL_REGION.into()),
        }
    } else {
        TargetSpec::Aws {
            region: g.region.clone().or(t.region),
            profile: g.profile.clone().or(t.profile),
            endpoint_url: g.endpoint_url.clone().or(t.endpoint_url),
        }
    }
}

pub fn cloud_failure(e: CloudError) -> Failure {
    let hint = match &e {
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

/// Everything a plan needs: the project, the clients, the live state, the plan.
pub struct Planned {
    pub project: Project,
    pub target: String,
    pub cloud: Cloud,
    pub live: Vec<Live>,
    pub plan: Plan,
}

pub async fn plan(ctx: &Context) -> Result<Planned, Failure> {
    let project = ctx.load_project()?;
    let target = ctx.check_target(&project)?;
    let region = region_of(&project.file, &target, ctx.global.region.as_deref());
    let cloud = Cloud::connect(&spec(ctx, &project, &target))
        .await
        .map_err(cloud_failure)?;
    let (desired, unmanaged) = plan::desired::resources(&project.file, &target, region.as_deref());
    let wanted: Vec<String> = desired.iter().map(|r| r.physical.clone()).collect();
    let live = tables::read(&cloud.dynamodb, &project.file.project, &target, &wanted)
        .await
        .map_err(cloud_failure)?;
    let plan = plan::diff(
        &project.file.project,
        &target,
        desired,
        live.clone(),
        unmanaged,
    );
    Ok(Planned {
        project,
        target,
        cloud,
        live,
        plan,
    })
}
