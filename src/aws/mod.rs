//! AWS facts that several layers share, pure and small: the Lambda runtimes and
//! their support state, the route-template grammar of API Gateway and its matching
//! precedence, physical-name rules, ARNs, request ids, Lambda's event filter patterns, and the clock with AWS's time formats. The
//! project model and the emulator both use these, so the emulator never imports
//! the project model.

pub mod arn;
pub mod clock;
pub mod event_filter;
pub mod id;
pub mod markup;
pub mod names;
pub mod openapi;
pub mod openapi_html;
pub mod partiql;
pub mod route;
pub mod runtime;
pub mod stage_url;
