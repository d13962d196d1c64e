//! Resource kinds. Each kind is a type with its own typed state (`TableSpec`) and
//! its own typed in-place update (`TableUpdate`); [`Spec`] and [`Update`] hold one
//! of them. A kind declares the attributes plan shows and how each one changes, what
//! a deletion loses, which resources it depends on, and in which order a
//! replacement runs. Adding a kind adds a variant here and a module beside this
//! one; the diff engine and the graph do not change.

use serde::Serialize;
use serde_json::Value as Json;

use super::api::{ApiSpec, ApiUpdate};
use super::function::{FunctionSpec, FunctionUpdate};
use super::role::{RoleSpec, RoleUpdate};
use super::table::{TableSpec, TableUpdate};
use super::trigger::{TriggerSpec, TriggerUpdate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Table,
    Role,
    Function,
    Api,
    Trigger,
    /// The graph's and the executor's unit tests: a kind without data, replaced
    /// create-first.
    #[cfg(test)]
    Test,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Table => "table",
            Kind::Role => "role",
            Kind::Function => "function",
            Kind::Api => "api",
            Kind::Trigger => "trigger",
            #[cfg(test)]
            Kind::Test => "test",
        }
    }

    /// Whether the resource holds data that deleting it would lose.
    pub fn holds_data(self) -> bool {
        match self {
            Kind::Table => true,
            Kind::Role | Kind::Function | Kind::Api | Kind::Trigger => false,
            #[cfg(test)]
            Kind::Test => false,
        }
    }

    /// Replacing needs the old resource gone first when its physical name is fixed
    /// (a table's name is its identity); kinds with generated names can create the
    /// new one first and delete the old one after, so nothing is ever missing.
    pub fn replace_order(self) -> ReplaceOrder {
        match self {
            // A function's name is its identity too (and nothing forces a replacement).
            // A trigger is one per function and stream.
            Kind::Table | Kind::Role | Kind::Function | Kind::Api | Kind::Trigger => {
                ReplaceOrder::DeleteFirst
            }
            #[cfg(test)]
            Kind::Test => ReplaceOrder::CreateFirst,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceOrder {
    DeleteFirst,
    CreateFirst,
}

/// A resource by kind and logical name: what dependencies point at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ResourceId {
    pub kind: Kind,
    pub name: String,
}

/// How a change of an attribute is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Changed on the live resource.
    InPlace,
    /// The resource is deleted and made again.
    Replaces,
}

/// One attribute as plan shows it: a name, a value, and how a change is made.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub value: Json,
    pub effect: Effect,
}

/// `tag.KEY` attributes, as every kind shows its user tags.
pub fn tag_attributes(tags: &std::collections::BTreeMap<String, String>) -> Vec<Attribute> {
    tags.iter()
        .map(|(k, v)| Attribute::new(format!("tag.{k}"), Json::String(v.clone()), Effect::InPlace))
        .collect()
}

impl Attribute {
    pub fn new(name: impl Into<String>, value: Json, effect: Effect) -> Attribute {
        Attribute {
            name: name.into(),
            value,
            effect,
        }
    }
}

/// The typed state of one resource of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    Table(TableSpec),
    Role(RoleSpec),
    Function(FunctionSpec),
    Api(ApiSpec),
    Trigger(TriggerSpec),
}

/// The typed in-place changes to one resource of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    Table(TableUpdate),
    Role(RoleUpdate),
    Function(FunctionUpdate),
    Api(ApiUpdate),
    Trigger(TriggerUpdate),
}

impl Spec {
    pub fn kind(&self) -> Kind {
        match self {
            Spec::Table(_) => Kind::Table,
            Spec::Role(_) => Kind::Role,
            Spec::Function(_) => Kind::Function,
            Spec::Api(_) => Kind::Api,
            Spec::Trigger(_) => Kind::Trigger,
        }
    }

    pub fn attributes(&self) -> Vec<Attribute> {
        match self {
            Spec::Table(t) => t.attributes(),
            Spec::Role(r) => r.attributes(),
            Spec::Function(f) => f.attributes(),
            Spec::Api(a) => a.attributes(),
            Spec::Trigger(t) => t.attributes(),
        }
    }

    /// The other resources this one refers to (they must exist first).
    pub fn depends_on(&self) -> Vec<ResourceId> {
        match self {
            Spec::Table(_) | Spec::Role(_) => Vec::new(),
            Spec::Function(f) => f.needs.clone(),
            Spec::Api(a) => a.needs.clone(),
            Spec::Trigger(t) => t.needs.clone(),
        }
    }

    /// The in-place update from `live`, when both are of the same kind.
    pub fn update_from(&self, live: &Spec) -> Option<Update> {
        match (self, live) {
            (Spec::Table(want), Spec::Table(have)) => Some(Update::Table(want.update_from(have))),
            (Spec::Role(want), Spec::Role(have)) => Some(Update::Role(want.update_from(have))),
            (Spec::Api(want), Spec::Api(have)) => Some(Update::Api(want.update_from(have))),
            (Spec::Function(want), Spec::Function(have)) => {
                Some(Update::Function(want.update_from(have)))
            }
            (Spec::Trigger(want), Spec::Trigger(have)) => {
                Some(Update::Trigger(want.update_from(have)))
            }
            _ => None,
        }
    }

    /// Deletion protection is on: deleting needs it turned off first.
    pub fn protected(&self) -> bool {
        match self {
            Spec::Table(t) => t.protect,
            Spec::Role(_) | Spec::Function(_) | Spec::Api(_) | Spec::Trigger(_) => false,
        }
    }
}
