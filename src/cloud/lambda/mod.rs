//! Lambda through aws-sdk-lambda: the live functions read into `plan`'s
//! `FunctionSpec`, and the appliers of function actions.

pub mod apply;
pub mod invoke;
pub mod logs;
pub mod read;
pub mod triggers;
