//! Data access for `gatekit table`, the pure part: plain JSON items typed by the
//! project's item model (and back), item-model enforcement, and the friendly
//! condition and update languages translated to DynamoDB expressions. No I/O.

pub mod condition;
pub mod convert;
pub mod eval;
pub mod model;
pub mod update;
