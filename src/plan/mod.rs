//! The diff engine: desired resources (from gatekit.yaml) against live ones (read
//! from a target) give actions, ordered by a dependency graph. Pure: no I/O.
//! Generic over resource kinds ([`kind`]): each kind's typed state says how its
//! attributes change; an action carries exactly the work to do, so the applier in
//! `cloud` never diffs again.

pub mod api;
pub mod desired;
pub mod function;
pub mod graph;
pub mod kind;
pub mod report;
pub mod role;
pub mod table;
pub mod trigger;

use serde::Serialize;
use serde_json::Value as Json;

pub use kind::{Attribute, Effect, Kind, ReplaceOrder, ResourceId, Spec, Update};

/// The tags that record ownership on every resource gatekit makes.
pub const TAG_PROJECT: &str = "gatekit:project";
pub const TAG_TARGET: &str = "gatekit:target";
pub const TAG_NAME: &str = "gatekit:name";

/// A resource as gatekit.yaml wants it on a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Desired {
    /// The logical name in gatekit.yaml.
    pub name: String,
    pub physical: String,
    pub spec: Spec,
}

impl Desired {
    pub fn kind(&self) -> Kind {
        self.spec.kind()
    }
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

impl Ownership {
    /// Who a resource with these tags belongs to, from this project's and target's view.
    pub fn from_tags(
        tags: &std::collections::BTreeMap<String, String>,
        project: &str,
        target: &str,
    ) -> Ownership {
        let owned = tags.get(TAG_PROJECT).map(String::as_str) == Some(project)
            && tags.get(TAG_TARGET).map(String::as_str) == Some(target);
        match (owned, tags.get(TAG_NAME)) {
            (true, Some(n)) => Ownership::Owned { name: n.clone() },
            _ => Ownership::Foreign,
        }
    }
}

/// What `status` shows beside the state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    pub item_count: Option<u64>,
    pub size_bytes: Option<u64>,
}

/// A resource as the target has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    /// The logical name its tags give, else its physical name.
    pub name: String,
    pub physical: String,
    pub spec: Spec,
    pub ownership: Ownership,
    /// The target's own word for its state (ACTIVE, UPDATING, ...).
    pub state: String,
    pub facts: Facts,
}

impl Live {
    /// A resource as read: named by its tags when they are this project's, else by
    /// its physical name.
    pub fn read(
        physical: String,
        ownership: Ownership,
        spec: Spec,
        state: String,
        facts: Facts,
    ) -> Live {
        Live {
            name: match &ownership {
                Ownership::Owned { name } => name.clone(),
                Ownership::Foreign => physical.clone(),
            },
            physical,
            spec,
            ownership,
            state,
            facts,
        }
    }

    pub fn kind(&self) -> Kind {
        self.spec.kind()
    }

    pub fn is_owned(&self) -> bool {
        matches!(self.ownership, Ownership::Owned { .. })
    }
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

/// One attribute's change, as plan shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub attribute: String,
    pub old: Option<Json>,
    pub new: Option<Json>,
    pub forces_replace: bool,
}

/// What applying an action does, typed by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    None,
    Create(Spec),
    /// The in-place changes, and the desired state they lead to.
    Update {
        spec: Spec,
        update: Box<Update>,
    },
    Replace {
        spec: Spec,
        live: Box<Live>,
    },
    Delete(Box<Live>),
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
    /// Why, for conflicts, replacements and deletions.
    pub reason: Option<String>,
    #[serde(skip)]
    pub work: Work,
    /// What the desired resource refers to (made or changed first).
    #[serde(skip)]
    pub needs: Vec<ResourceId>,
    /// What the live resource refers to (a deletion of those waits for this one).
    #[serde(skip)]
    pub held: Vec<ResourceId>,
}

impl Action {
    pub fn id(&self) -> ResourceId {
        ResourceId {
            kind: self.kind,
            name: self.name.clone(),
        }
    }

    pub fn is_pending(&self) -> bool {
        !matches!(self.op, Op::Nothing | Op::Conflict)
    }
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
    /// What the user should know about how the plan runs on this target.
    pub notes: Vec<String>,
}

impl Plan {
    pub fn pending(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.is_pending())
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

/// What the plan is for: the rules of data loss differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Make the target match the file. A resource missing from the file may be a
    /// typo or a rename, and DynamoDB's item count lags by hours on AWS: deleting
    /// anything that holds data counts as losing it.
    Deploy,
    /// Remove everything, as asked. Tables known to be empty and unprotected go
    /// without `--allow-data-loss`.
    Destroy,
}

fn deletion_loses_data(live: &Live, purpose: Purpose) -> bool {
    live.kind().holds_data()
        && match purpose {
            Purpose::Deploy => true,
            Purpose::Destroy => live.facts.item_count != Some(0) || live.spec.protected(),
        }
}

/// The attribute-by-attribute changes between two sides (either may be absent).
fn changes(desired: Option<&Spec>, live: Option<&Spec>) -> Vec<Change> {
    let want = desired.map(Spec::attributes).unwrap_or_default();
    let have = live.map(Spec::attributes).unwrap_or_default();
    let mut names: Vec<&str> = want
        .iter()
        .chain(have.iter())
        .map(|a| a.name.as_str())
        .collect();
    names.sort();
    names.dedup();
    let find = |side: &[Attribute], name: &str| -> Option<(Json, Effect)> {
        side.iter()
            .find(|a| a.name == name && !a.value.is_null())
            .map(|a| (a.value.clone(), a.effect))
    };
    names
        .into_iter()
        .filter_map(|name| {
            let new = find(&want, name);
            let old = find(&have, name);
            let effect = new.as_ref().or(old.as_ref()).map(|(_, e)| *e)?;
            let (new, old) = (new.map(|(v, _)| v), old.map(|(v, _)| v));
            (new != old).then(|| Change {
                attribute: name.to_string(),
                old,
                new,
                forces_replace: effect == Effect::Replaces,
            })
        })
        .collect()
}

/// Whether going from `live` to `desired` replaces the resource.
pub fn replaces(desired: &Spec, live: &Spec) -> bool {
    changes(Some(desired), Some(live))
        .iter()
        .any(|c| c.forces_replace)
}

fn compare(want: Desired, have: &Live) -> Action {
    let changes = changes(Some(&want.spec), Some(&have.spec));
    let replace = changes.iter().any(|c| c.forces_replace);
    let (op, work) = if replace {
        (
            Op::Replace,
            Work::Replace {
                spec: want.spec.clone(),
                live: Box::new(have.clone()),
            },
        )
    } else if changes.is_empty() {
        (Op::Nothing, Work::None)
    } else {
        match want.spec.update_from(&have.spec) {
            Some(update) => (
                Op::Update,
                Work::Update {
                    spec: want.spec.clone(),
                    update: Box::new(update),
                },
            ),
            None => (
                Op::Replace,
                Work::Replace {
                    spec: want.spec.clone(),
                    live: Box::new(have.clone()),
                },
            ),
        }
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
        kind: want.kind(),
        data_loss: op == Op::Replace && want.kind().holds_data(),
        needs: want.spec.depends_on(),
        held: have.spec.depends_on(),
        name: want.name,
        physical: want.physical,
        changes,
        reason,
        work,
    }
}

fn conflict(want: Desired, have: &Live) -> Action {
    let reason = match &have.ownership {
        Ownership::Owned { name } => format!(
            "`{}` belongs to `{name}` of this project; two resources want one name",
            want.physical
        ),
        Ownership::Foreign => format!(
            "a {} named `{}` exists and is not this project's (it lacks the gatekit tags); it is left alone",
            want.kind().noun(),
            want.physical
        ),
    };
    Action {
        op: Op::Conflict,
        kind: want.kind(),
        name: want.name,
        physical: want.physical,
        changes: Vec::new(),
        data_loss: false,
        reason: Some(reason),
        work: Work::None,
        needs: Vec::new(),
        held: Vec::new(),
    }
}

/// Compares what the file wants with what the target has.
pub fn diff(
    project: &str,
    target: &str,
    desired: Vec<Desired>,
    live: Vec<Live>,
    unmanaged: Vec<Unmanaged>,
    purpose: Purpose,
) -> Plan {
    let mut actions = Vec::new();
    let mut matched = vec![false; live.len()];
    for want in desired {
        let found = live
            .iter()
            .position(|l| l.kind() == want.kind() && l.physical == want.physical);
        let action = match found {
            None => Action {
                op: Op::Create,
                kind: want.kind(),
                changes: changes(Some(&want.spec), None),
                data_loss: false,
                reason: None,
                needs: want.spec.depends_on(),
                held: Vec::new(),
                name: want.name,
                physical: want.physical,
                work: Work::Create(want.spec),
            },
            Some(i) => {
                matched[i] = true;
                let have = &live[i];
                match &have.ownership {
                    Ownership::Owned { name } if *name == want.name => compare(want, have),
                    _ => conflict(want, have),
                }
            }
        };
        actions.push(action);
    }
    // What the project owns on the target and the file no longer wants.
    for (have, used) in live.into_iter().zip(matched) {
        if used {
            continue;
        }
        if let Ownership::Owned { name } = &have.ownership {
            actions.push(Action {
                op: Op::Delete,
                kind: have.kind(),
                name: name.clone(),
                physical: have.physical.clone(),
                changes: Vec::new(),
                data_loss: deletion_loses_data(&have, purpose),
                reason: Some(match purpose {
                    Purpose::Deploy => format!("`{name}` is no longer in gatekit.yaml"),
                    Purpose::Destroy => "destroy removes what the project owns".to_string(),
                }),
                needs: Vec::new(),
                held: have.spec.depends_on(),
                work: Work::Delete(Box::new(have)),
            });
        }
    }
    Plan {
        project: project.to_string(),
        target: target.to_string(),
        actions,
        unmanaged,
        notes: Vec::new(),
    }
}

/// The plan that removes everything the project owns: `destroy` is the plan of an
/// empty project against the target.
pub fn teardown(project: &str, target: &str, live: Vec<Live>) -> Plan {
    diff(
        project,
        target,
        Vec::new(),
        live,
        Vec::new(),
        Purpose::Destroy,
    )
}

#[cfg(test)]
pub(crate) mod tests;
