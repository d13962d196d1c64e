//! Parse, run, map the outcome to an exit code; nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = gatekit::cli::Cli::parse();
    gatekit::cli::main(args)
}
