//! The diff engine: desired resources (from gatekit.yaml) against live ones (read
//! from a target) give ordered actions. Pure: no I/O. Generic over resource kinds:
//! a kind only says which attributes force a replacement and whether deleting it
//! loses data; functions and APIs join as kinds without changes here.

pub mod desired;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value as Json;

/// The tags that record ownership on every resource gatekit makes.
pub const TAG_PROJECT: &str = "gatekit:project";
pub const TAG_TARGET: &str = "gatekit:target";
pub const TAG_NAME: &str = "gatekit:name";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Table,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Table => "table",
        }
    }

    /// Whether changing `attribute` needs the resource deleted and made again.
    pub fn replaces_on(self, attribute: &str) -> bool {
        match self {
            Kind::Table => attribute.starts_with("key.") || attribute.starts_with("local_index."),
        }
    }

    /// Whether deleting the resource loses data.
    pub fn holds_data(self) -> bool {
        match self {
            Kind::Table => true,
        }
    }
}

/// A resource as one side sees it: its attributes, flattened for diffing and display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    pub kind: Kind,
    /// The logical name in gatekit.yaml.
    pub name: String,
    pub physical: String,
    pub attributes: BTreeMap<String, Json>,
}

/// Who a live resource belongs to, by its tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "owner")]
pub enum Ownership {
    /// Tagged for this project and target, under this logical name.
    Owned { name: String },
    /// Not tagged for this project and target.
    Foreign,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Live {
    pub resource: Resource,
    pub ownership: Ownership,
    /// The target's own word for its state (ACTIVE, UPDATING, ...).
    pub state: String,
    /// Facts for `status`: item count, size.
    pub facts: BTreeMap<String, Json>,
    /// Deletion protection is on: deleting needs it turned off first.
    pub protected: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Create,
    Update,
    Replace,
    Delete,
    /// A resource of the same physical name that this project does not own.
    Conflict,
    Nothing,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Create => "+",
            Op::Update => "~",
            Op::Replace => "-/+",
            Op::Delete => "-",
            Op::Conflict => "!",
            Op::Nothing => "=",
        }
    }

    pub fn verb(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Update => "update",
            Op::Replace => "replace",
            Op::Delete => "delete",
            Op::Conflict => "conflict",
            Op::Nothing => "no change",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub attribute: String,
    pub old: Option<Json>,
    pub new: Option<Json>,
    pub forces_replace: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub op: Op,
    pub kind: Kind,
    pub name: String,
    #[serde(rename = "physical_name")]
    pub physical: String,
    pub changes: Vec<Change>,
    /// The action can lose data: refused unless the user allows it.
    pub data_loss: bool,
    /// Why, for conflicts and replacements.
    pub reason: Option<String>,
    #[serde(skip)]
    pub desired: Option<Resource>,
    #[serde(skip)]
    pub live: Option<Live>,
}

/// A section of gatekit.yaml whose kind the engine does not manage yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmanaged {
    pub section: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub project: String,
    pub target: String,
    pub actions: Vec<Action>,
    pub unmanaged: Vec<Unmanaged>,
}

impl Plan {
    pub fn pending(&self) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(|a| !matches!(a.op, Op::Nothing | Op::Conflict))
    }

    pub fn has_changes(&self) -> bool {
        self.pending().next().is_some()
    }

    pub fn loses_data(&self) -> bool {
        self.actions.iter().any(|a| a.data_loss)
    }

    pub fn count(&self, op: Op) -> usize {
        self.actions.iter().filter(|a| a.op == op).count()
    }
}

fn changes(kind: Kind, desired: &Resource, live: &Resource) -> Vec<Change> {
    let mut keys: Vec<&String> = desired
        .attributes
        .keys()
        .chain(live.attributes.keys())
        .collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let new = desired.attributes.get(k).filter(|v| !v.is_null());
            let old = live.attributes.get(k).filter(|v| !v.is_null());
            (new != old).then(|| Change {
                attribute: k.clone(),
                old: old.cloned(),
                new: new.cloned(),
                forces_replace: kind.replaces_on(k),
            })
        })
        .collect()
}

/// Compares what the file wants with what the target has.
pub fn diff(
    project: &str,
    target: &str,
    desired: Vec<Resource>,
    live: Vec<Live>,
    unmanaged: Vec<Unmanaged>,
) -> Plan {
    let mut actions = Vec::new();
    let mut matched = vec![false; live.len()];
    for want in desired {
        let found = live
            .iter()
            .position(|l| l.resource.kind == want.kind && l.resource.physical == want.physical);
        let action = match found {
            None => Action {
                op: Op::Create,
                kind: want.kind,
                name: want.name.clone(),
                physical: want.physical.clone(),
                changes: changes(
                    want.kind,
                    &want,
                    &Resource {
                        attributes: BTreeMap::new(),
                        ..want.clone()
                    },
                ),
                data_loss: false,
                reason: None,
                desired: Some(want),
                live: None,
            },
            Some(i) => {
                matched[i] = true;
                let have = &live[i];
                match &have.ownership {
                    Ownership::Owned { name } if *name == want.name => {
                        let changes = changes(want.kind, &want, &have.resource);
                        let replace = changes.iter().any(|c| c.forces_replace);
                        let op = if replace {
                            Op::Replace
                        } else if changes.is_empty() {
                            Op::Nothing
                        } else {
                            Op::Update
                        };
                        let reason = replace.then(|| {
                            let attrs: Vec<&str> = changes
                                .iter()
                                .filter(|c| c.forces_replace)
                                .map(|c| c.attribute.as_str())
                                .collect();
                            format!("{} cannot change in place", attrs.join(", "))
                        });
                        Action {
                            op,
                            kind: want.kind,
                            name: want.name.clone(),
                            physical: want.physical.clone(),
                            data_loss: replace && want.kind.holds_data(),
                            changes,
                            reason,
                            desired: Some(want),
                            live: Some(have.clone()),
                        }
                    }
                    other => Action {
                        op: Op::Conflict,
                        kind: want.kind,
                        name: want.name.clone(),
                        physical: want.physical.clone(),
                        changes: Vec::new(),
                        data_loss: false,
                        reason: Some(match other {
                            Ownership::Owned { name } => format!(
                                "`{}` belongs to `{name}` of this project; two resources want one name",
                                want.physical
                            ),
                            Ownership::Foreign => format!(
                                "a {} named `{}` exists and is not this project's (it lacks the gatekit tags); it is left alone",
                                want.kind.noun(),
                                want.physical
                            ),
                        }),
                        desired: Some(want),
                        live: Some(have.clone()),
                    },
                }
            }
        };
        actions.push(action);
    }
    // What the project owns on the target and the file no longer wants.
    for (have, used) in live.iter().zip(matched) {
        if used {
            continue;
        }
        if let Ownership::Owned { name } = &have.ownership {
            actions.push(Action {
                op: Op::Delete,
                kind: have.resource.kind,
                name: name.clone(),
                physical: have.resource.physical.clone(),
                changes: Vec::new(),
                data_loss: have.resource.kind.holds_data(),
                reason: Some(format!("`{name}` is no longer in gatekit.yaml")),
                desired: None,
                live: Some(have.clone()),
            });
        }
    }
    Plan {
        project: project.to_string(),
        target: target.to_string(),
        actions,
        unmanaged,
    }
}

/// The plan that removes everything the project owns: `destroy` is the plan against
/// an empty project.
pub fn teardown(project: &str, target: &str, live: Vec<Live>) -> Plan {
    diff(project, target, Vec::new(), live, Vec::new())
}

#[cfg(test)]
mod tests;
