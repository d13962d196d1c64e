//! `gatekit fn list|show|invoke|logs` and `gatekit invoke fn`: functions by their
//! logical name in gatekit.yaml (or a physical name on the target), on any target.

use std::time::Duration;

use clap::{Args, Subcommand};
use serde_json::Value as Json;

use super::session::{self, Session};
use super::table::read_input;
use super::{Context, ExitResult, Failure, exit};
use crate::cloud::lambda::{invoke, logs, read};
use crate::project::resolve::{Namer, region_of};
use crate::render::functions as show;

#[derive(Debug, Args)]
pub struct FnArgs {
    #[command(subcommand)]
    pub command: FnCommand,
}

#[derive(Debug, Subcommand)]
pub enum FnCommand {
    /// The project's functions: runtime, memory, timeout, code size, state
    List,
    /// One function: configuration, environment, role, concurrency, log group
    Show(FnName),
    /// Invoke a function and print what it returned (as `gatekit invoke fn`)
    Invoke(InvokeFnArgs),
    /// A function's log, from CloudWatch Logs
    Logs(LogsArgs),
}

#[derive(Debug, Args)]
pub struct FnName {
    /// The function: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::functions())]
    pub function: String,
}

#[derive(Debug, Args)]
pub struct InvokeFnArgs {
    /// The function: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::functions())]
    pub function: String,
    /// The event: JSON, @file, or - for stdin (default: {})
    #[arg(long, value_name = "JSON")]
    pub payload: Option<String>,
    /// Invoke asynchronously (InvocationType Event): prints the request id
    #[arg(long)]
    pub event: bool,
    /// With --event: follow the function's log for this request until its attempts
    /// end (a success, or a failure once its retries are spent); exit 1 if it failed
    #[arg(long, requires = "event")]
    pub wait: bool,
    /// Print the tail of the invocation's log on stderr
    #[arg(long, conflicts_with = "event")]
    pub logs: bool,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// The function: logical name in gatekit.yaml, or physical name on the target
    #[arg(add = crate::cli::complete::functions())]
    pub function: String,
    /// Keep printing new lines as they come (Ctrl-C stops)
    #[arg(long)]
    pub follow: bool,
    /// How far back to start: 30s, 10m, 2h, 1d
    #[arg(long, default_value = "10m", value_parser = parse_since)]
    pub since: Duration,
    /// Only lines matching this CloudWatch Logs filter pattern
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
}

fn parse_since(text: &str) -> Result<Duration, String> {
    let (n, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = n
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 30s, 10m, 2h or 1d"))?;
    let seconds = match unit {
        "s" => 1,
        "m" | "" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => {
            return Err(format!(
                "`{text}` is not a duration like 30s, 10m, 2h or 1d"
            ));
        }
    };
    Ok(Duration::from_secs(n.saturating_mul(seconds)))
}

/// A function by the name the user gave: the session, its physical name, and its
/// logical name when gatekit.yaml has it.
async fn resolve(ctx: &Context, name: &str) -> Result<(Session, String, Option<String>), Failure> {
    let (session, project, target) = session::connect(ctx).await?;
    let (physical, logical) = match &project {
        Some(p) if p.file.functions.contains_key(name) => {
            if let Some(runtimes) = &session.local_runtimes {
                let runtime = p.file.functions[name].runtime.as_str();
                super::local::ensure_sdks(ctx, runtimes, std::iter::once(runtime));
            }
            let region = region_of(&p.file, &target, ctx.global.region.as_deref());
            let namer = Namer::new(&p.file, &target, region.as_deref());
            (namer.function(name), Some(name.to_string()))
        }
        _ => (name.to_string(), None),
    };
    Ok((session, physical, logical))
}

fn not_found(name: &str, logical: bool) -> Failure {
    Failure::not_found(
        format!("no function `{name}` on the target"),
        Some(if logical {
            "deploy it first: `gatekit deploy`".to_string()
        } else {
            "name a function of gatekit.yaml, or a physical name on the target (`gatekit fn list`)"
                .to_string()
        }),
    )
}

pub fn run(ctx: &Context, args: FnArgs) -> ExitResult {
    match args.command {
        FnCommand::List => list(ctx),
        FnCommand::Show(a) => describe(ctx, a),
        FnCommand::Invoke(a) => invoke_fn(ctx, a),
        FnCommand::Logs(a) => tail(ctx, a),
    }
}

/// The project's functions (every function of the target without a project) as
/// `fn list` shows them.
pub(super) async fn rows(
    session: &Session,
    project: Option<&crate::project::Project>,
    target: &str,
    region_flag: Option<&str>,
) -> Result<Vec<show::Row>, Failure> {
    let names: Vec<(Option<String>, String)> = match project {
        Some(p) => {
            let region = region_of(&p.file, target, region_flag);
            let namer = Namer::new(&p.file, target, region.as_deref());
            p.file
                .functions
                .keys()
                .map(|n| (Some(n.clone()), namer.function(n)))
                .collect()
        }
        None => read::list_functions(&session.lambda)
            .await
            .map_err(session::cloud_failure)?
            .into_iter()
            .map(|n| (None, n))
            .collect(),
    };
    let mut rows = Vec::new();
    for (logical, physical) in names {
        let out = read::get(&session.lambda, &physical)
            .await
            .map_err(session::cloud_failure)?;
        rows.push(show::row(logical, physical, out.as_ref()));
    }
    Ok(rows)
}

fn list(ctx: &Context) -> ExitResult {
    session::runtime()?.block_on(async {
        let (session, project, target) = session::connect(ctx).await?;
        let region = ctx.global.region.as_deref();
        let rows = rows(&session, project.as_ref(), &target, region).await?;
        show::list(&ctx.printer, &rows);
        Ok(exit::SUCCESS)
    })
}

fn describe(ctx: &Context, args: FnName) -> ExitResult {
    session::runtime()?.block_on(async {
        let (session, physical, logical) = resolve(ctx, &args.function).await?;
        let out = read::get(&session.lambda, &physical)
            .await
            .map_err(session::cloud_failure)?
            .ok_or_else(|| not_found(&args.function, logical.is_some()))?;
        let role = out
            .configuration()
            .and_then(|c| c.role())
            .and_then(|r| r.rsplit('/').next())
            .unwrap_or_default()
            .to_string();
        // The policy of a role gatekit made; a role from elsewhere shows none.
        let policy = crate::cloud::iam::inline_policy(&session.iam, &role)
            .await
            .unwrap_or(None);
        show::describe(&ctx.printer, logical.as_deref(), &out, policy.as_ref());
        Ok(exit::SUCCESS)
    })
}

pub fn invoke_fn(ctx: &Context, args: InvokeFnArgs) -> ExitResult {
    let payload = match &args.payload {
        Some(p) => read_input(p)?,
        None => "{}".to_string(),
    };
    if serde_json::from_str::<Json>(&payload).is_err() {
        return Err(Failure::usage(
            "the payload is not JSON",
            "pass a JSON event: --payload '{\"key\": \"value\"}', @file or -",
        ));
    }
    session::runtime()?.block_on(async {
        let (session, physical, logical) = resolve(ctx, &args.function).await?;
        let started = crate::aws::clock::unix_millis() as i64;
        let result = invoke::invoke(
            &session.lambda,
            &physical,
            payload.into_bytes(),
            args.event,
            args.logs,
        )
        .await;
        let invoked = match result {
            Ok(i) => i,
            Err(e) if e.code() == Some("ResourceNotFoundException") => {
                return Err(not_found(&args.function, logical.is_some()));
            }
            Err(e) => return Err(session::cloud_failure(e)),
        };
        let name = logical.unwrap_or_else(|| physical.clone());
        if args.event {
            show::accepted(&ctx.printer, &name, &invoked);
            if args.wait
                && let Some(id) = invoked.request_id.clone()
            {
                return follow_event(ctx, &session, &physical, &id, started).await;
            }
            return Ok(exit::SUCCESS);
        }
        show::invoked(&ctx.printer, &name, &invoked);
        Ok(if invoked.function_error.is_some() {
            exit::FAILURE
        } else {
            exit::SUCCESS
        })
    })
}

/// `invoke fn --event --wait`: the function's log lines of request `id` as they
/// come, until an attempt succeeds or the failed ones use up the retries.
async fn follow_event(
    ctx: &Context,
    session: &session::Session,
    physical: &str,
    id: &str,
    since: i64,
) -> ExitResult {
    let retries = invoke::event_retries(&session.lambda, physical)
        .await
        .map_err(session::cloud_failure)?;
    let mut shown: Vec<String> = Vec::new();
    // Lambda keeps an event at most six hours.
    let deadline = std::time::Instant::now() + Duration::from_secs(6 * 3600);
    loop {
        let lines = logs::read(&session.logs, physical, Some(since - 1000), None)
            .await
            .map_err(session::cloud_failure)?;
        // Only this request's lines: from each of its START lines to its REPORT.
        let mut inside = false;
        for l in &lines {
            if l.message.starts_with(&format!("START RequestId: {id}")) {
                inside = true;
            }
            if inside && !shown.contains(&l.id) {
                show::log_line(&ctx.printer, l);
                shown.push(l.id.clone());
            }
            if l.message.starts_with(&format!("REPORT RequestId: {id}")) {
                inside = false;
            }
        }
        let attempts = invoke::attempts(&lines, id);
        if attempts.iter().any(|failed| !failed) {
            return Ok(exit::SUCCESS);
        }
        if attempts.len() as u32 > retries {
            return Err(Failure::runtime(
                format!(
                    "request {id} failed {} time{}: its retries are spent",
                    attempts.len(),
                    if attempts.len() == 1 { "" } else { "s" }
                ),
                Some("`gatekit fn logs` shows each attempt".into()),
            ));
        }
        if std::time::Instant::now() > deadline {
            return Err(Failure::runtime(format!("request {id} did not end"), None));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn tail(ctx: &Context, args: LogsArgs) -> ExitResult {
    session::runtime()?.block_on(async {
        let (mut session, physical, logical) = resolve(ctx, &args.function).await?;
        if read::get(&session.lambda, &physical)
            .await
            .map_err(session::cloud_failure)?
            .is_none()
        {
            return Err(not_found(&args.function, logical.is_some()));
        }
        let now = crate::aws::clock::unix_millis() as i64;
        let mut since = now - args.since.as_millis() as i64;
        let mut seen: Vec<String> = Vec::new();
        loop {
            let read = logs::read(
                &session.logs,
                &physical,
                Some(since),
                args.filter.as_deref(),
            );
            let lines = match read.await {
                Ok(lines) => lines,
                // Following through a `local serve` or another command's emulator that
                // has stopped: connect again (starting one if none runs) and go on.
                Err(crate::cloud::CloudError::Transport { .. }) if args.follow => {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    session = resolve(ctx, &args.function).await?.0;
                    continue;
                }
                Err(e) => return Err(session::cloud_failure(e)),
            };
            for line in &lines {
                if seen.contains(&line.id) {
                    continue;
                }
                show::log_line(&ctx.printer, line);
            }
            if !args.follow {
                return Ok(exit::SUCCESS);
            }
            // The next read starts at the newest line: the ones at that very
            // millisecond come again, and are known by their ids.
            if let Some(last) = lines.last() {
                since = last.timestamp;
                seen = lines
                    .iter()
                    .filter(|l| l.timestamp == since)
                    .map(|l| l.id.clone())
                    .collect();
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}
