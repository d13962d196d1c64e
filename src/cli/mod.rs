//! The command line: argument definitions, settings, dispatch. Thin by design:
//! each command resolves its settings and calls into `project` and `render`.

mod api;
mod complete;
mod completions;
mod console;
mod deploy;
mod destroy;
mod dev;
mod function;
mod init;
mod invoke;
mod local;
mod plan;
mod schema;
pub(crate) mod session;
mod show;
mod status;
mod table;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::project::{self, LoadError, Project};
use crate::render::{OutputFormat, Printer, diagnostics};

/// Exit codes, documented in docs/exit-codes.md.
pub mod exit {
    pub const SUCCESS: u8 = 0;
    /// A failure at run time: an AWS error, a function error, an I/O error.
    pub const FAILURE: u8 = 1;
    /// Bad usage or a bad project file.
    pub const USAGE: u8 = 2;
    /// `plan --detailed-exitcode` with changes pending.
    pub const CHANGES: u8 = 3;
    /// What the command names does not exist: an item, a table.
    pub const NOT_FOUND: u8 = 4;
}

/// Describe serverless apps (API Gateway, Lambda, DynamoDB) in gatekit.yaml; check,
/// plan, deploy and run them on AWS or on the embedded local emulator.
#[derive(Debug, Parser)]
#[command(
    name = "gatekit",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Run as if started in DIR
    #[arg(short = 'C', long = "dir", value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,
    /// The project file
    #[arg(
        short = 'f',
        long = "file",
        value_name = "FILE",
        default_value = "gatekit.yaml",
        global = true
    )]
    pub file: PathBuf,
    /// The target to work on: `local` (the embedded emulator) or one of gatekit.yaml's targets
    #[arg(
        short = 't',
        long,
        value_name = "NAME",
        env = "GATEKIT_TARGET",
        default_value = "local",
        global = true,
        add = complete::targets()
    )]
    pub target: String,
    /// Output format
    #[arg(short = 'o', long, value_enum, env = "GATEKIT_OUTPUT", default_value_t = OutputFormat::Table, global = true)]
    pub output: OutputFormat,
    /// AWS profile (overrides the target's)
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,
    /// AWS region (overrides the target's)
    #[arg(long, value_name = "REGION", global = true)]
    pub region: Option<String>,
    /// AWS-compatible endpoint (overrides the target's; without -t, an ad-hoc AWS
    /// target at this URL, region and credentials from the AWS environment)
    #[arg(long, value_name = "URL", global = true)]
    pub endpoint_url: Option<String>,
    /// Print only results and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more about what happens (repeat for more)
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// No colours (also when NO_COLOR is set)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Exit without running the asynchronous invocations and stream triggers this
    /// command caused (the next command or `local serve` on the store runs them)
    #[arg(long, global = true)]
    pub no_wait: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a working example project into DIR
    Init(init::InitArgs),
    /// Check gatekit.yaml and report every problem at once
    Validate,
    /// Show the project as the target sees it: tables, functions, routes
    Show,
    /// Show what deploy would change on the target
    Plan(plan::PlanArgs),
    /// Apply the plan to the target
    Deploy(deploy::DeployArgs),
    /// Run the app live on the local target: deploy, then apply every saved change, with the functions' logs
    Dev(dev::DevArgs),
    /// Open the web console of the target's tables, functions and APIs (a loopback
    /// page; read-only off `local` unless --allow-writes)
    Console(console::ConsoleArgs),
    /// Remove everything the project owns on the target
    Destroy(destroy::DestroyArgs),
    /// List what the project has deployed on the target
    Status,
    /// Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file
    Schema(schema::SchemaArgs),
    /// Print shell completions
    Completions(completions::CompletionsArgs),
    /// Read and write table data, with item models enforced
    Table(table::TableArgs),
    /// Functions: list, show, invoke, logs
    Fn(function::FnArgs),
    /// Invoke what runs: `invoke fn NAME`, `invoke api GET /path`
    Invoke(invoke::InvokeArgs),
    /// APIs as deployed: list, routes, url
    Api(api::ApiArgs),
    /// The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk
    Local(local::LocalArgs),
}

/// Why a command failed; decides the exit code.
#[derive(Debug)]
pub enum Failure {
    /// Wrong usage or a wrong project file: exit 2.
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// The project file has problems, already reported: exit 2.
    Reported,
    /// Something failed while running: exit 1.
    Runtime {
        message: String,
        hint: Option<String>,
    },
    /// What the command names does not exist (an item, a table): exit 4.
    NotFound {
        message: String,
        hint: Option<String>,
    },
}

impl Failure {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Failure::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn runtime(message: impl Into<String>, hint: Option<String>) -> Self {
        Failure::Runtime {
            message: message.into(),
            hint,
        }
    }

    pub fn not_found(message: impl Into<String>, hint: Option<String>) -> Self {
        Failure::NotFound {
            message: message.into(),
            hint,
        }
    }
}

pub type ExitResult = Result<u8, Failure>;

/// Settings every command shares, resolved once from the flags and environment.
#[derive(Clone)]
pub struct Context {
    pub global: Global,
    pub printer: Printer,
    /// The folder the command works in (`-C`, else the current one), made absolute
    /// once at start: every path below is built from it, so nothing depends on the
    /// working folder later (functions run in folders of their own).
    base: PathBuf,
}

impl Context {
    pub fn new(global: Global, printer: Printer) -> Context {
        let given = global.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        // `absolute` fails only on an empty path or without a working folder.
        let base = std::path::absolute(&given).unwrap_or(given);
        Context {
            global,
            printer,
            base,
        }
    }

    /// The folder the command works in (`-C`), else the current one; absolute.
    pub fn base_dir(&self) -> PathBuf {
        self.base.clone()
    }

    /// The project file's path, absolute.
    pub fn project_path(&self) -> PathBuf {
        self.base.join(&self.global.file)
    }

    /// The project file's path as the user gave it, for messages.
    pub fn display_path(&self) -> String {
        match &self.global.dir {
            Some(dir) => dir.join(&self.global.file),
            None => self.global.file.clone(),
        }
        .display()
        .to_string()
    }

    /// Loads and validates the project; reports problems and warnings.
    pub fn load_project(&self) -> Result<Project, Failure> {
        let path = self.project_path();
        let shown = self.display_path();
        match project::load(&path) {
            Ok(project) => {
                diagnostics::warnings(&self.printer, &shown, &project.warnings);
                Ok(project)
            }
            Err(LoadError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                Err(Failure::usage(
                    format!("no project file at {shown}"),
                    "run `gatekit init` to start a project here, or choose one with `-C DIR` or `-f FILE`",
                ))
            }
            Err(e @ LoadError::Read { .. }) => Err(Failure::runtime(e.to_string(), None)),
            Err(LoadError::Invalid {
                diagnostics: found, ..
            }) => {
                diagnostics::report_invalid(&self.printer, &shown, &found);
                Err(Failure::Reported)
            }
        }
    }

    /// The target named by `--target`, which must be `local` or in the file.
    pub fn check_target(&self, project: &Project) -> Result<String, Failure> {
        let target = &self.global.target;
        if target == "local" || project.file.targets.contains_key(target) {
            return Ok(target.clone());
        }
        let mut known: Vec<&str> = project.file.targets.keys().map(String::as_str).collect();
        if !known.contains(&"local") {
            known.insert(0, "local");
        }
        Err(Failure::usage(
            format!("target `{target}` is not in {}", self.display_path()),
            format!(
                "{}; targets are declared under `targets:`",
                project::diag::suggest(target, known.iter().copied())
            ),
        ))
    }
}

pub fn run(cli: Cli) -> ExitResult {
    let g = &cli.global;
    let printer = Printer::new(g.output, g.quiet, g.verbose, g.no_color);
    let ctx = Context::new(cli.global.clone(), printer);
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::Validate => validate::run(&ctx),
        Command::Show => show::run(&ctx),
        Command::Plan(args) => plan::run(&ctx, args),
        Command::Deploy(args) => deploy::run(&ctx, args),
        Command::Dev(args) => dev::run(&ctx, args),
        Command::Console(args) => console::run(&ctx, args),
        Command::Destroy(args) => destroy::run(&ctx, args),
        Command::Status => status::run(&ctx),
        Command::Schema(args) => schema::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
        Command::Table(args) => table::run(&ctx, args),
        Command::Fn(args) => function::run(&ctx, args),
        Command::Invoke(args) => invoke::run(&ctx, args),
        Command::Api(args) => api::run(&ctx, args),
        Command::Local(args) => local::run(&ctx, args),
    }
}

/// Runs the command and turns its outcome into the process's exit code.
pub fn main(cli: Cli) -> ExitCode {
    let printer = Printer::new(
        cli.global.output,
        cli.global.quiet,
        cli.global.verbose,
        cli.global.no_color,
    );
    let (code, exit, message, hint) = match run(cli) {
        Ok(code) => return ExitCode::from(code),
        // Printed already (one problem per line, or their JSON array).
        Err(Failure::Reported) => return ExitCode::from(exit::USAGE),
        Err(Failure::Usage { message, hint }) => ("usage", exit::USAGE, message, hint),
        Err(Failure::Runtime { message, hint }) => ("failed", exit::FAILURE, message, hint),
        Err(Failure::NotFound { message, hint }) => ("not_found", exit::NOT_FOUND, message, hint),
    };
    printer.failure(code, &message, hint.as_deref());
    ExitCode::from(exit)
}

/// Writes a file the user asked for whole or not at all: a temporary file beside
/// it, renamed over it.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let left = match std::fs::remove_file(&tmp) {
                Err(r) if r.kind() != std::io::ErrorKind::NotFound => {
                    format!("; {} is left behind: {r}", tmp.display())
                }
                _ => String::new(),
            };
            Failure::runtime(format!("cannot write {}: {e}{left}", path.display()), None)
        })
}

#[cfg(test)]
mod tests {
    /// clap's own checks of the whole command line (duplicate flags, bad defaults).
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
