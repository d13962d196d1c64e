//! `gatekit invoke fn NAME`: exercise what runs (APIs come with `invoke api`).

use clap::{Args, Subcommand};

use super::function::{InvokeFnArgs, invoke_fn};
use super::{Context, ExitResult};

#[derive(Debug, Args)]
pub struct InvokeArgs {
    #[command(subcommand)]
    pub what: InvokeTarget,
}

#[derive(Debug, Subcommand)]
pub enum InvokeTarget {
    /// Invoke a function and print what it returned
    Fn(InvokeFnArgs),
}

pub fn run(ctx: &Context, args: InvokeArgs) -> ExitResult {
    match args.what {
        InvokeTarget::Fn(a) => invoke_fn(ctx, a),
    }
}
