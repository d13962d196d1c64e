//! What carrying out a plan reports: how each action ended, and the callbacks an
//! executor calls as it goes (implemented by `render` for bars and JSON events).

use serde::Serialize;

use super::Action;

/// How one action ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "result")]
pub enum ActionResult {
    Done {
        seconds: f64,
    },
    Failed {
        seconds: f64,
        error: String,
    },
    /// Not run: something it depends on did not complete.
    Skipped {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionOutcome {
    pub kind: super::Kind,
    pub name: String,
    pub physical_name: String,
    pub action: &'static str,
    #[serde(flatten)]
    pub result: ActionResult,
}

impl ActionOutcome {
    pub fn failed(&self) -> bool {
        !matches!(self.result, ActionResult::Done { .. })
    }
}

/// Where an executor reports what happens.
pub trait Progress: Send + Sync {
    fn started(&self, action: &Action);
    fn step(&self, action: &Action, message: &str);
    fn finished(&self, action: &Action, outcome: &ActionOutcome);
}
