//! The Lambda runtimes gatekit knows, with their state in AWS's support policy.
//!
//! Taken from AWS Lambda's "Lambda runtimes" page (supported and deprecated tables)
//! as of 2026-11. A deprecated runtime still deploys, so it warns; a runtime past its
//! block-update date no longer does, so it is an error.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Python,
    Node,
    Provided,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    Supported,
    /// Deprecated on this date: still deploys, no longer patched.
    Deprecated(&'static str),
    /// AWS refuses to create or update functions with it.
    Retired,
}

#[derive(Debug, Clone, Copy)]
pub struct Runtime {
    pub id: &'static str,
    pub family: Family,
    pub support: Support,
}

const fn rt(id: &'static str, family: Family, support: Support) -> Runtime {
    Runtime {
        id,
        family,
        support,
    }
}

use Family::{Node, Provided, Python};
use Support::{Deprecated, Retired, Supported};

pub const RUNTIMES: &[Runtime] = &[
    rt("python3.14", Python, Supported),
    rt("python3.13", Python, Supported),
    rt("python3.12", Python, Supported),
    rt("python3.11", Python, Deprecated("2026-06-30")),
    rt("python3.10", Python, Deprecated("2026-06-30")),
    rt("python3.9", Python, Retired),
    rt("python3.8", Python, Retired),
    rt("python3.7", Python, Retired),
    rt("nodejs24.x", Node, Supported),
    rt("nodejs22.x", Node, Supported),
    rt("nodejs20.x", Node, Deprecated("2026-04-30")),
    rt("nodejs18.x", Node, Retired),
    rt("nodejs16.x", Node, Retired),
    rt("nodejs14.x", Node, Retired),
    rt("provided.al2023", Provided, Supported),
    rt("provided.al2", Provided, Deprecated("2026-06-30")),
    rt("provided", Provided, Retired),
];

pub fn lookup(id: &str) -> Option<&'static Runtime> {
    RUNTIMES.iter().find(|r| r.id == id)
}

/// The runtimes a new function should use, for hints.
pub fn supported_ids() -> impl Iterator<Item = &'static str> + Clone {
    RUNTIMES
        .iter()
        .filter(|r| r.support == Supported)
        .map(|r| r.id)
}

/// The newest supported runtime of a family, to suggest as the upgrade.
pub fn newest(family: Family) -> &'static str {
    RUNTIMES
        .iter()
        .find(|r| r.family == family && r.support == Supported)
        .map(|r| r.id)
        .unwrap_or("provided.al2023")
}
