//! `gatekit invoke fn NAME` and `gatekit invoke api [API] METHOD PATH`: exercise what runs.

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
    /// Call a route of a deployed API: [API] METHOD PATH
    Api(super::api::InvokeApiArgs),
}

pub fn run(ctx: &Context, args: InvokeArgs) -> ExitResult {
    match args.what {
        InvokeTarget::Fn(a) => invoke_fn(ctx, a),
        InvokeTarget::Api(a) => super::api::invoke(ctx, a),
    }
}
