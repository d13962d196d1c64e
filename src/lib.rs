//! gatekit: plan, deploy and run API Gateway + Lambda + DynamoDB apps, with an
//! embedded emulator as the default target. See docs/ and ARCHITECTURE.md.

pub mod aws;
pub mod cli;
pub mod cloud;
pub mod items;
pub mod local;
pub mod package;
pub mod plan;
pub mod project;
pub mod render;
pub mod template;
