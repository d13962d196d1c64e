//! Parse, run, map the outcome to an exit code; nothing else.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// mimalloc instead of glibc's malloc: the emulator allocates on one thread and
/// frees on another (request tasks and the store's writer), where glibc's arenas
/// contend; see docs/dependencies.md for what it changed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `COMPLETE=bash gatekit` and the shell's calls back: answered here, then exit.
    clap_complete::CompleteEnv::with_factory(gatekit::cli::Cli::command).complete();
    let args = gatekit::cli::Cli::parse();
    gatekit::cli::main(args)
}
