//! One integration-test binary (see STYLE.md): modules per area.

mod apigateway;
mod aws_target;
mod boto3;
mod cli;
mod deploy;
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
