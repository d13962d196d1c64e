//! The trigger kind: a Lambda event source mapping that runs a function on a
//! table's DynamoDB stream (`functions.F.events`). It has no name of its own on
//! AWS (a UUID), so it is known by its table and function: its physical name is
//! `TABLE->FUNCTION` (physical names), its logical one `FUNCTION.TABLE`. It belongs
//! to the project when its function does.

use serde_json::{Value as Json, json};

use super::kind::{Attribute, Effect, ResourceId};

/// The physical name of the trigger of `function` on `table` (both physical).
pub fn physical(table: &str, function: &str) -> String {
    format!("{table}->{function}")
}

/// The logical name of the trigger of `function` on `table` (both logical).
pub fn logical(function: &str, table: &str) -> String {
    format!("{function}.{table}")
}

/// Whether a mapping reads the table's current stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamState {
    /// The table's latest stream, enabled.
    Current,
    /// Live: a stream the table has replaced or disabled (a deploy made a new one).
    Stale,
    /// Desired: this deploy gives the table a new stream (a new view type, a new
    /// table), so the mapping is made again on it.
    Renewed,
}

impl StreamState {
    fn shown(self) -> &'static str {
        match self {
            StreamState::Current => "current",
            StreamState::Stale => "replaced or disabled",
            StreamState::Renewed => "new",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerSpec {
    /// The mapping's UUID (live only).
    pub uuid: Option<String>,
    /// Physical names.
    pub function: String,
    pub table: String,
    pub stream: StreamState,
    /// LATEST or TRIM_HORIZON.
    pub start: String,
    pub batch_size: u32,
    pub batch_window: u32,
    pub retries: i32,
    pub bisect_on_error: bool,
    pub max_record_age: i32,
    /// Filter patterns, parsed (so formatting is no change).
    pub filters: Vec<Json>,
    pub enabled: bool,
    /// The function, the table, and the role whose policy lets it read the stream.
    pub needs: Vec<ResourceId>,
}

/// A trigger's settings change in place (UpdateEventSourceMapping).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TriggerUpdate {
    pub uuid: String,
}

impl TriggerSpec {
    pub fn attributes(&self) -> Vec<Attribute> {
        let in_place = |name: &str, v: Json| Attribute::new(name, v, Effect::InPlace);
        vec![
            Attribute::new("function", json!(self.function), Effect::Replaces),
            Attribute::new("table", json!(self.table), Effect::Replaces),
            Attribute::new("stream", json!(self.stream.shown()), Effect::Replaces),
            Attribute::new("start", json!(self.start), Effect::Replaces),
            in_place("batch_size", json!(self.batch_size)),
            in_place("batch_window", json!(self.batch_window)),
            in_place("retries", json!(self.retries)),
            in_place("bisect_on_error", json!(self.bisect_on_error)),
            in_place("max_record_age", json!(self.max_record_age)),
            in_place(
                "filter",
                if self.filters.is_empty() {
                    Json::Null
                } else {
                    json!(self.filters)
                },
            ),
            in_place("enabled", json!(self.enabled)),
        ]
    }

    pub fn update_from(&self, live: &TriggerSpec) -> TriggerUpdate {
        TriggerUpdate {
            uuid: live.uuid.clone().unwrap_or_default(),
        }
    }

    /// The patterns as Lambda takes them.
    pub fn pattern_texts(&self) -> Vec<String> {
        self.filters.iter().map(Json::to_string).collect()
    }
}
