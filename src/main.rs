//! Parse, run, map the outcome to an exit code; nothing else.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    // `COMPLETE=bash gatekit` and the shell's calls back: answered here, then exit.
    clap_complete::CompleteEnv::with_factory(gatekit::cli::Cli::command).complete();
    let args = gatekit::cli::Cli::parse();
    gatekit::cli::main(args)
}
