//! One integration-test binary (see STYLE.md): modules per area.

/// A client of one AWS SDK crate for the emulator at `endpoint`: fixed local
/// credentials, us-east-1, plain HTTP, nothing read from the machine's AWS setup.
macro_rules! local_client {
    ($sdk:ident, $endpoint:expr) => {{
        use $sdk::config::{BehaviorVersion, Credentials, Region};
        $sdk::Client::from_conf(
            $sdk::Config::builder()
                .behavior_version(BehaviorVersion::latest())
                .region(Region::new("us-east-1"))
                .credentials_provider(Credentials::new("local", "local", None, None, "test"))
                .endpoint_url($endpoint)
                .http_client(aws_smithy_http_client::Builder::new().build_http())
                .build(),
        )
    }};
}

mod apigateway;
mod aws_target;
mod awscli;
mod boto3;
mod cli;
mod console;
mod deploy;
mod dev;
mod dynamodb;
mod fresh;
mod functions;
mod hostile;
mod iam;
mod init;
mod lambda;
mod local_server;
mod migration;
mod moto;
mod output;
mod robustness;
mod rules;
mod support;
mod table;
mod wire;
