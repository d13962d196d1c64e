//! `gatekit completions SHELL` (copies are committed under completions/).

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Context, ExitResult, exit};

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(_ctx: &Context, args: CompletionsArgs) -> ExitResult {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "gatekit", &mut std::io::stdout());
    Ok(exit::SUCCESS)
}
