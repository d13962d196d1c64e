//! Guards: conditions gatekit adds to an update whose result depends on the stored
//! item (`due = due - 100` under `min: 0`, a set's size under `max_length`, an update
//! that would create an item without its required attributes). DynamoDB checks them
//! atomically with the write; when one fails, the item it returns
//! (ReturnValuesOnConditionCheckFailure) says which, and the user reads the model's
//! rule instead of ConditionalCheckFailed.

use serde_json::{Map, Number, Value as Json};

use crate::items::condition::{Cond, Operand, Part, Path, Typer};
use crate::items::eval::holds;
use crate::items::model::Violation;
use crate::project::model::AttributeModel;

/// One condition and the rule it keeps.
#[derive(Debug, Clone)]
pub struct Guard {
    pub cond: Cond,
    pub violation: Violation,
    /// A path the update reads (`due` in `due - 100`): when the stored item lacks it,
    /// that is what went wrong, whatever the bound.
    pub reads: Option<Path>,
}

impl Guard {
    /// The rule this guard reports when it does not hold for the stored item.
    pub fn broken(&self, old: Option<&Map<String, Json>>, typer: Typer<'_>) -> Option<Violation> {
        if holds(&self.cond, old, typer) {
            return None;
        }
        if let Some(read) = &self.reads
            && !holds(&Cond::Exists(read.clone()), old, typer)
        {
            let name = path_text(read);
            return Some(Violation {
                attribute: self.violation.attribute.clone(),
                rule: "exists",
                message: format!(
                    "`{name}` does not exist in the item, so the update cannot compute from it"
                ),
            });
        }
        Some(self.violation.clone())
    }
}

/// `doc.items[0]`, as the user writes it.
pub fn path_text(p: &Path) -> String {
    let mut out = String::new();
    for part in p {
        match part {
            Part::Name(n) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(n);
            }
            Part::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn num(x: f64) -> Json {
    Number::from_f64(x).map(Json::Number).unwrap_or(Json::Null)
}

fn or(a: Cond, b: Cond) -> Cond {
    Cond::Or(Box::new(a), Box::new(b))
}

fn and(a: Cond, b: Cond) -> Cond {
    Cond::And(Box::new(a), Box::new(b))
}

/// All of `conds` (None when empty).
fn all(conds: Vec<Cond>) -> Option<Cond> {
    conds.into_iter().reduce(and)
}

fn violation(attribute: &str, rule: &'static str, message: String) -> Violation {
    Violation {
        attribute: attribute.to_string(),
        rule,
        message,
    }
}

/// A number computed from a stored one: `target = source ± n` (SET), or `ADD target n`
/// (where a missing attribute counts as 0). Keeps the result within min, max and enum.
pub struct Sum<'a> {
    pub target: &'a str,
    pub source: &'a Path,
    pub delta: f64,
    /// ADD: a missing source is 0, not an error.
    pub missing_is_zero: bool,
    /// How the user wrote it, for messages.
    pub written: &'a str,
}

pub fn sum(s: &Sum<'_>, spec: &AttributeModel, out: &mut Vec<Guard>) {
    let src = path_text(s.source);
    let reads = (!s.missing_is_zero).then(|| s.source.clone());
    let value = Operand::Path(s.source.clone());
    // When the source may be missing (ADD), the result is the delta itself.
    let when_missing = |ok: bool, c: Cond| -> Cond {
        if s.missing_is_zero && ok {
            or(Cond::Missing(s.source.clone()), c)
        } else {
            c
        }
    };
    if let Some(min) = spec.min {
        let lo = min - s.delta;
        out.push(Guard {
            cond: when_missing(s.delta >= min, Cond::Compare(value.clone(), ">=", num(lo))),
            violation: violation(
                s.target,
                "min",
                format!(
                    "`{}` could take `{}` below the minimum {min}: it needs `{src}` >= {lo}",
                    s.written, s.target
                ),
            ),
            reads: reads.clone(),
        });
    }
    if let Some(max) = spec.max {
        let hi = max - s.delta;
        out.push(Guard {
            cond: when_missing(s.delta <= max, Cond::Compare(value.clone(), "<=", num(hi))),
            violation: violation(
                s.target,
                "max",
                format!(
                    "`{}` could take `{}` above the maximum {max}: it needs `{src}` <= {hi}",
                    s.written, s.target
                ),
            ),
            reads: reads.clone(),
        });
    }
    if let Some(allowed) = &spec.allowed {
        let numbers: Vec<f64> = allowed.iter().filter_map(Json::as_f64).collect();
        let before: Vec<Json> = numbers.iter().map(|a| num(a - s.delta)).collect();
        let shown: Vec<String> = before.iter().map(Json::to_string).collect();
        let delta_allowed = numbers.contains(&s.delta);
        out.push(Guard {
            cond: when_missing(delta_allowed, Cond::In(value, before)),
            violation: violation(
                s.target,
                "enum",
                format!(
                    "`{}` could give `{}` a value outside its enum: it needs `{src}` in ({})",
                    s.written,
                    s.target,
                    shown.join(", ")
                ),
            ),
            reads,
        });
    }
}

/// What may join a container: a set's new members, or a map's or list's new paths.
pub enum Member {
    Value(Json),
    Path(Path),
}

/// An update that may add `members` to the container `attr` (ADD to a set, SET of
/// nested paths): its size stays within max_length, exactly when every member is
/// already there, conservatively otherwise (each counts as new).
pub fn grow(attr: &str, max: u64, members: Vec<Member>, written: &str, out: &mut Vec<Guard>) {
    let path = vec![Part::Name(attr.to_string())];
    let k = members.len() as u64;
    let present = all(members
        .into_iter()
        .map(|m| match m {
            Member::Value(v) => Cond::Contains(path.clone(), v),
            Member::Path(p) => Cond::Exists(p),
        })
        .collect());
    let room = Cond::Compare(
        Operand::Size(path.clone()),
        "<=",
        Json::from(max.saturating_sub(k)),
    );
    let mut cond = match present {
        Some(p) if k <= max => or(room, p),
        Some(p) => p,
        None => return,
    };
    if k <= max {
        cond = or(Cond::Missing(path), cond);
    }
    out.push(Guard {
        cond,
        violation: violation(
            attr,
            "max_length",
            format!(
                "`{written}` could take `{attr}` above the maximum length {max}: it needs at most {} member(s) in `{attr}` first, or all of them there already",
                max.saturating_sub(k)
            ),
        ),
        reads: None,
    });
}

/// An update that may take up to `k` members out of `attr` (DELETE from a set,
/// REMOVE of nested paths): its size stays at least `min`.
pub fn shrink(attr: &str, min: u64, k: u64, written: &str, out: &mut Vec<Guard>) {
    let path = vec![Part::Name(attr.to_string())];
    out.push(Guard {
        cond: or(
            Cond::Missing(path.clone()),
            Cond::Compare(Operand::Size(path), ">=", Json::from(min + k)),
        ),
        violation: violation(
            attr,
            "min_length",
            format!(
                "`{written}` could take `{attr}` below the minimum length {min}: it needs at least {} member(s) in `{attr}` first",
                min + k
            ),
        ),
        reads: None,
    });
}

/// A DELETE that could empty a required set (DynamoDB then removes the attribute).
pub fn keep_required(attr: &str, k: u64, written: &str, out: &mut Vec<Guard>) {
    let path = vec![Part::Name(attr.to_string())];
    out.push(Guard {
        cond: or(
            Cond::Missing(path.clone()),
            Cond::Compare(Operand::Size(path), ">", Json::from(k)),
        ),
        violation: violation(
            attr,
            "required",
            format!(
                "`{written}` could remove every member of `{attr}`, which is required: it needs more than {k} member(s) in `{attr}` first"
            ),
        ),
        reads: None,
    });
}

/// An update that may create the item must write its required attributes: when it
/// does not, the item must exist already.
pub fn must_exist(hash: &str, missing: &[String], out: &mut Vec<Guard>) {
    let Some(first) = missing.first() else {
        return;
    };
    let names: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
    out.push(Guard {
        cond: Cond::Exists(vec![Part::Name(hash.to_string())]),
        violation: violation(
            first,
            "required",
            format!(
                "{} required: there is no item with this key, and the update would create one without {}; set {}, or add --if-exists",
                if names.len() == 1 {
                    format!("{} is", names[0])
                } else {
                    format!("{} are", names.join(", "))
                },
                if names.len() == 1 { "it" } else { "them" },
                if names.len() == 1 { "it" } else { "them" },
            ),
        ),
        reads: None,
    });
}
