//! One integration-test binary (see STYLE.md): modules per area.

mod cli;
mod dynamodb;
mod fresh;
mod init;
mod rules;
mod support;
