//! The update language of `gatekit table update` (`--set 'n = n + 1'`, `--add`,
//! `--remove`, `--delete`), written as DynamoDB's UpdateExpression with generated
//! placeholders and values typed by the item model. The model holds on updates as on
//! puts: what the edits alone decide (key attributes, types, constants, unknown
//! attributes) is checked before anything is sent; what depends on the stored item
//! (a sum under min/max, a set's size under its length bounds, an update that would
//! create an item without its required attributes) becomes a guard, a condition sent
//! with the same request, so the rule holds atomically. An update that may create
//! the item also writes the model's defaults (`if_not_exists`). Pure.

mod guard;

use serde_json::{Map, Value as Json};

use super::condition::{self, Cond, ConditionError, Part, Path, Placeholders, Typer, typed};
use super::convert::to_dynamo;
use super::model::{Violation, check_present};
use crate::project::model::{AttributeModel, AttributeType, ItemModel};
pub use guard::Guard;
use guard::{Member, Sum, path_text};

/// The edits of one update, as the user wrote them.
pub struct Edits<'a> {
    pub set: &'a [String],
    pub add: &'a [String],
    pub remove: &'a [String],
    pub delete: &'a [String],
}

/// The table an update goes to: its keys, its model, and whether the update may
/// create the item (it may, unless it is conditioned on the item existing).
pub struct Target<'a> {
    pub model: Option<&'a ItemModel>,
    pub keys: &'a [&'a str],
    pub may_create: bool,
}

/// Why an update cannot be written.
#[derive(Debug)]
pub enum UpdateFault {
    /// The edits are malformed.
    Usage(ConditionError),
    /// The update would break the item model.
    Model(Vec<Violation>),
}

/// An update ready to send: the UpdateExpression, and the guards that keep the
/// stored item within its model.
#[derive(Debug)]
pub struct Update {
    pub expression: String,
    pub guards: Vec<Guard>,
}

impl Update {
    /// The guards as one ConditionExpression (its names and values added to `ph`).
    pub fn condition(&self, ph: &mut Placeholders, typer: Typer<'_>) -> Option<String> {
        let parts: Vec<String> = self
            .guards
            .iter()
            .map(|g| format!("({})", condition::render(&g.cond, ph, typer)))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }

    /// The rules the update would break on `old`, the item DynamoDB returned when
    /// the request's condition failed (None: there is no item). Empty: the guards
    /// hold, so the user's own condition failed.
    pub fn broken(&self, old: Option<&Map<String, Json>>, typer: Typer<'_>) -> Vec<Violation> {
        self.guards
            .iter()
            .filter_map(|g| g.broken(old, typer))
            .collect()
    }
}

fn usage(message: impl Into<String>, hint: impl Into<String>) -> UpdateFault {
    UpdateFault::Usage(ConditionError {
        message: message.into(),
        hint: hint.into(),
    })
}

const PATH_HINT: &str = "write names like title, doc.items[0]";

/// `path value` of --add and --delete: the path, then a JSON value.
fn path_and_value(spec: &str) -> Result<(String, Json), UpdateFault> {
    let spec = spec.trim();
    let split = spec.find(char::is_whitespace).ok_or_else(|| {
        usage(
            format!("`{spec}` needs a path and a value"),
            "write it like 'count 1' or 'tags [\"a\"]'",
        )
    })?;
    let (path, value) = spec.split_at(split);
    let value: Json = serde_json::from_str(value.trim()).map_err(|e| {
        usage(
            format!("the value in `{spec}` is not JSON: {e}"),
            "strings need quotes: 'tags [\"a\"]'",
        )
    })?;
    Ok((path.to_string(), value))
}

/// An attribute path in the condition language's syntax.
fn parse_path(path: &str) -> Result<Path, UpdateFault> {
    match condition::parse(&format!("{path} exists")) {
        Ok(Cond::Exists(p)) => Ok(p),
        Ok(_) => Err(usage(
            format!("`{path}` is not an attribute path"),
            PATH_HINT,
        )),
        Err(e) => Err(usage(
            format!("`{path}` is not an attribute path: {}", e.message),
            PATH_HINT,
        )),
    }
}

/// `path + 1` or `path - 2.5`: the path, the operator and the number.
fn arithmetic(rhs: &str) -> Option<(String, &'static str, Json)> {
    let re = regex::Regex::new(r"^(.+?)\s*([+-])\s*([0-9][0-9.eE+-]*)$").ok()?;
    let c = re.captures(rhs)?;
    let n: Json = serde_json::from_str(&c[3]).ok()?;
    let op = if &c[2] == "+" { "+" } else { "-" };
    Some((c[1].trim().to_string(), op, n))
}

/// One edit, parsed.
enum Action {
    /// `path = value`
    Set { path: Path, value: Json },
    /// `path = source + n` or `path = source - n`
    Sum {
        path: Path,
        source: Path,
        op: &'static str,
        n: Json,
    },
    /// `ADD path value`
    Add { path: Path, value: Json },
    /// `DELETE path value`
    Delete { path: Path, value: Json },
    /// `REMOVE path`
    Remove { path: Path },
}

impl Action {
    fn path(&self) -> &Path {
        match self {
            Action::Set { path, .. }
            | Action::Sum { path, .. }
            | Action::Add { path, .. }
            | Action::Delete { path, .. }
            | Action::Remove { path } => path,
        }
    }

    /// Whether it writes the top-level attribute it names (so a create has it).
    fn writes_top(&self) -> bool {
        matches!(
            self,
            Action::Set { .. } | Action::Sum { .. } | Action::Add { .. }
        ) && self.path().len() == 1
    }
}

fn top(p: &Path) -> &str {
    match p.first() {
        Some(Part::Name(n)) => n,
        _ => "",
    }
}

fn parse_edits(edits: &Edits<'_>) -> Result<Vec<(Action, String)>, UpdateFault> {
    let mut out = Vec::new();
    for s in edits.set {
        let Some((path, rhs)) = s.split_once('=') else {
            return Err(usage(
                format!("--set `{s}` has no `=`"),
                "write --set 'title = \"new\"'",
            ));
        };
        let (path, rhs) = (parse_path(path.trim())?, rhs.trim());
        // A JSON value, else `other + 1` / `other - 1`.
        let action = match serde_json::from_str::<Json>(rhs) {
            Ok(value) => Action::Set { path, value },
            Err(e) => match arithmetic(rhs) {
                Some((source, op, n)) => Action::Sum {
                    path,
                    source: parse_path(&source)?,
                    op,
                    n,
                },
                None => {
                    return Err(usage(
                        format!("the value of --set `{s}` is not JSON: {e}"),
                        "strings need quotes: --set 'title = \"new\"'",
                    ));
                }
            },
        };
        out.push((action, format!("SET {}", s.trim())));
    }
    for spec in edits.add {
        let (path, value) = path_and_value(spec)?;
        let path = parse_path(&path)?;
        out.push((Action::Add { path, value }, format!("ADD {}", spec.trim())));
    }
    for spec in edits.delete {
        let (path, value) = path_and_value(spec)?;
        let path = parse_path(&path)?;
        out.push((
            Action::Delete { path, value },
            format!("DELETE {}", spec.trim()),
        ));
    }
    for r in edits.remove {
        let path = parse_path(r.trim())?;
        out.push((Action::Remove { path }, format!("REMOVE {}", r.trim())));
    }
    Ok(out)
}

/// The type of an ADD or DELETE value: the model's, else a set inferred from the
/// list's members (ADD and DELETE take numbers and sets, never lists).
fn set_type(ty: Option<AttributeType>, value: &Json) -> Option<AttributeType> {
    use AttributeType as T;
    ty.or_else(|| match value.as_array() {
        Some(items) if !items.is_empty() && items.iter().all(Json::is_number) => Some(T::NumberSet),
        Some(items) if !items.is_empty() && items.iter().all(Json::is_string) => Some(T::StringSet),
        _ => None,
    })
}

fn is_set(t: AttributeType) -> bool {
    matches!(
        t,
        AttributeType::StringSet | AttributeType::NumberSet | AttributeType::BinarySet
    )
}

fn rule(attribute: &str, rule: &'static str, message: String) -> Violation {
    Violation {
        attribute: attribute.to_string(),
        rule,
        message,
    }
}

/// The model's rules for one action: violations now, guards for later.
struct Checker<'a> {
    model: &'a ItemModel,
    keys: &'a [&'a str],
    violations: Vec<Violation>,
    guards: Vec<Guard>,
    /// Top-level values written by SET, checked together as a partial item.
    written: Map<String, Json>,
    /// Per container attribute: paths written into it, paths removed from it.
    nested_sets: Vec<(String, Path)>,
    nested_removes: Vec<(String, String)>,
}

impl Checker<'_> {
    fn spec(&self, attr: &str) -> Option<&AttributeModel> {
        self.model.attributes.get(attr)
    }

    fn check(&mut self, action: &Action, written: &str) {
        let path = action.path();
        let attr = top(path).to_string();
        let Some(spec) = self.spec(&attr).cloned() else {
            // Unknown attributes: refused by the model, or anything goes (only the
            // name is checked; Null stands for whatever is written).
            if !matches!(action, Action::Remove { .. }) {
                self.written.insert(attr, Json::Null);
            }
            return;
        };
        if path.len() > 1 {
            self.nested(action, &attr, &spec, written);
            return;
        }
        let wrong_type = |what: &str| {
            rule(
                &attr,
                "type",
                format!(
                    "`{attr}` is a {} in the item model; {what}",
                    spec.kind.name()
                ),
            )
        };
        match action {
            Action::Set { value, .. } => {
                self.written
                    .insert(attr.clone(), typed(value, Some(spec.kind)));
            }
            Action::Sum { source, op, n, .. } => {
                if spec.kind != AttributeType::Number {
                    self.violations
                        .push(wrong_type("arithmetic gives a number"));
                    return;
                }
                if source.len() == 1
                    && let Some(s) = self.spec(top(source))
                    && s.kind != AttributeType::Number
                {
                    let name = top(source);
                    self.violations.push(rule(
                        name,
                        "type",
                        format!(
                            "`{name}` is a {} in the item model; arithmetic needs a number",
                            s.kind.name()
                        ),
                    ));
                    return;
                }
                let n = n.as_f64().unwrap_or(0.0);
                let delta = if *op == "-" { -n } else { n };
                guard::sum(
                    &Sum {
                        target: &attr,
                        source,
                        delta,
                        missing_is_zero: false,
                        written,
                    },
                    &spec,
                    &mut self.guards,
                );
            }
            Action::Add { value, .. } => match spec.kind {
                AttributeType::Number => match value.as_f64() {
                    Some(n) if value.is_number() => guard::sum(
                        &Sum {
                            target: &attr,
                            source: path,
                            delta: n,
                            missing_is_zero: true,
                            written,
                        },
                        &spec,
                        &mut self.guards,
                    ),
                    _ => self.violations.push(wrong_type(&format!(
                        "ADD takes a number for it, not {value}"
                    ))),
                },
                t if is_set(t) => match to_dynamo(&attr, value, Some(t)) {
                    Ok(av) => self.add_members(&attr, &spec, &av, written),
                    Err(message) => self.violations.push(rule(&attr, "type", message)),
                },
                _ => self
                    .violations
                    .push(wrong_type("ADD works on numbers and sets only")),
            },
            Action::Delete { value, .. } => match spec.kind {
                t if is_set(t) => match to_dynamo(&attr, value, Some(t)) {
                    Ok(av) => {
                        let k = members(&av).len() as u64;
                        if let Some(min) = spec.min_length {
                            guard::shrink(&attr, min, k, written, &mut self.guards);
                        }
                        if spec.required == Some(true) {
                            guard::keep_required(&attr, k, written, &mut self.guards);
                        }
                    }
                    Err(message) => self.violations.push(rule(&attr, "type", message)),
                },
                _ => self
                    .violations
                    .push(wrong_type("DELETE works on sets only")),
            },
            Action::Remove { .. } => {
                if spec.required == Some(true) {
                    self.violations.push(rule(
                        &attr,
                        "required",
                        format!("`{attr}` is required and cannot be removed"),
                    ));
                }
            }
        }
    }

    fn add_members(&mut self, attr: &str, spec: &AttributeModel, av: &Json, written: &str) {
        let new = members(av);
        let k = new.len() as u64;
        if let Some(max) = spec.max_length {
            if k > max {
                self.violations.push(rule(
                    attr,
                    "max_length",
                    format!("`{written}` adds {k} members; `{attr}` holds at most {max}"),
                ));
                return;
            }
            let new = new
                .iter()
                .map(|m| Member::Value(super::convert::from_dynamo(m)))
                .collect();
            guard::grow(attr, max, new, written, &mut self.guards);
        }
        if let Some(min) = spec.min_length.filter(|m| k < *m) {
            // Adding never shrinks; only a set that does not exist yet ends this small.
            self.guards.push(Guard {
                cond: Cond::Exists(vec![Part::Name(attr.to_string())]),
                violation: rule(
                    attr,
                    "min_length",
                    format!(
                        "`{written}` would create `{attr}` with {k} member(s), below its minimum length {min}"
                    ),
                ),
                reads: None,
            });
        }
    }

    /// An edit inside a map or list attribute: the container's type, and its length.
    fn nested(&mut self, action: &Action, attr: &str, spec: &AttributeModel, written: &str) {
        let path = action.path();
        let needs = match path.get(1) {
            Some(Part::Index(_)) => AttributeType::List,
            _ => AttributeType::Map,
        };
        if spec.kind != needs {
            self.violations.push(rule(
                attr,
                "type",
                format!(
                    "`{attr}` is a {} in the item model; `{}` needs a {}",
                    spec.kind.name(),
                    path_text(path),
                    needs.name()
                ),
            ));
            return;
        }
        // Only a direct child changes the container's length.
        if path.len() != 2 {
            return;
        }
        match action {
            Action::Remove { .. } => self
                .nested_removes
                .push((attr.to_string(), written.to_string())),
            Action::Set { .. } | Action::Sum { .. } => {
                self.nested_sets.push((attr.to_string(), path.clone()))
            }
            Action::Add { .. } | Action::Delete { .. } => {}
        }
    }

    /// Length guards for containers edited through their children.
    fn container_lengths(&mut self) {
        let tops: Vec<String> = self
            .nested_sets
            .iter()
            .map(|(a, _)| a.clone())
            .chain(self.nested_removes.iter().map(|(a, _)| a.clone()))
            .collect();
        let mut seen = Vec::new();
        for attr in tops {
            if seen.contains(&attr) {
                continue;
            }
            seen.push(attr.clone());
            let Some(spec) = self.spec(&attr).cloned() else {
                continue;
            };
            let sets: Vec<Path> = self
                .nested_sets
                .iter()
                .filter(|(a, _)| *a == attr)
                .map(|(_, p)| p.clone())
                .collect();
            let removes: Vec<&String> = self
                .nested_removes
                .iter()
                .filter(|(a, _)| *a == attr)
                .map(|(_, w)| w)
                .collect();
            if let (Some(max), false) = (spec.max_length, sets.is_empty()) {
                let written = sets.iter().map(path_text).collect::<Vec<_>>().join(", ");
                let written = format!("SET {written}");
                let members = sets.into_iter().map(Member::Path).collect();
                guard::grow(&attr, max, members, &written, &mut self.guards);
            }
            if let (Some(min), Some(first)) = (spec.min_length, removes.first()) {
                let written = (*first).clone();
                guard::shrink(&attr, min, removes.len() as u64, &written, &mut self.guards);
            }
        }
    }
}

/// A set's members, each as DynamoDB JSON (`{"S": "a"}`).
fn members(av: &Json) -> Vec<Json> {
    let Some((tag, x)) = av.as_object().and_then(|o| o.iter().next()) else {
        return Vec::new();
    };
    let scalar = &tag[..1];
    let mut out: Vec<Json> = Vec::new();
    for m in x.as_array().into_iter().flatten() {
        let m = serde_json::json!({ scalar: m });
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// The update of `edits` for `target`: its expression (names and values added to
/// `ph`) and its guards, or why it cannot be sent.
pub fn build(
    edits: &Edits<'_>,
    target: &Target<'_>,
    typer: Typer<'_>,
    ph: &mut Placeholders,
) -> Result<Update, UpdateFault> {
    let actions = parse_edits(edits)?;
    if actions.is_empty() {
        return Err(usage(
            "the update changes nothing",
            "give --set, --add, --remove or --delete",
        ));
    }
    // Key attributes are the item's identity: DynamoDB refuses to update them.
    let mut violations: Vec<Violation> = actions
        .iter()
        .map(|(a, _)| top(a.path()))
        .filter(|attr| target.keys.contains(attr))
        .map(|attr| {
            rule(
                attr,
                "key",
                format!("`{attr}` is part of the table's key and cannot be updated"),
            )
        })
        .collect();
    let mut guards = Vec::new();
    let mut defaults = Vec::new();
    if let Some(model) = target.model {
        let mut c = Checker {
            model,
            keys: target.keys,
            violations: Vec::new(),
            guards: Vec::new(),
            written: Map::new(),
            nested_sets: Vec::new(),
            nested_removes: Vec::new(),
        };
        for (action, written) in &actions {
            if !target.keys.contains(&top(action.path())) {
                c.check(action, written);
            }
        }
        c.container_lengths();
        violations.extend(c.violations);
        violations.extend(check_present(model, c.keys, &c.written));
        guards = c.guards;
        if target.may_create {
            let touched: Vec<&str> = actions
                .iter()
                .filter(|(a, _)| a.writes_top())
                .map(|(a, _)| top(a.path()))
                .collect();
            let removed: Vec<&str> = actions
                .iter()
                .filter(|(a, _)| matches!(a, Action::Remove { .. }))
                .map(|(a, _)| top(a.path()))
                .collect();
            let mut missing = Vec::new();
            for (attr, spec) in &model.attributes {
                let attr = attr.as_str();
                if target.keys.contains(&attr) || touched.contains(&attr) {
                    continue;
                }
                match &spec.default {
                    Some(d) if !removed.contains(&attr) => {
                        if let Ok(av) = to_dynamo(attr, d, Some(spec.kind)) {
                            defaults.push((attr.to_string(), av));
                        }
                    }
                    None if spec.required == Some(true) => missing.push(attr.to_string()),
                    _ => {}
                }
            }
            if let Some(hash) = target.keys.first() {
                guard::must_exist(hash, &missing, &mut guards);
            }
        }
    }
    if !violations.is_empty() {
        return Err(UpdateFault::Model(violations));
    }
    Ok(Update {
        expression: render(&actions, &defaults, typer, ph),
        guards,
    })
}

/// The UpdateExpression, its clauses in DynamoDB's order, each once.
fn render(
    actions: &[(Action, String)],
    defaults: &[(String, Json)],
    typer: Typer<'_>,
    ph: &mut Placeholders,
) -> String {
    let (mut sets, mut removes, mut adds, mut deletes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (action, _) in actions {
        let lhs = ph.path(action.path());
        let ty = typer(top(action.path()));
        match action {
            Action::Set { value, path } => {
                let ty = if path.len() == 1 { ty } else { None };
                let v = ph.value(typed(value, ty));
                sets.push(format!("{lhs} = {v}"));
            }
            Action::Sum { source, op, n, .. } => {
                let src = ph.path(source);
                let v = ph.value(typed(n, Some(AttributeType::Number)));
                sets.push(format!("{lhs} = {src} {op} {v}"));
            }
            Action::Add { value, .. } => {
                let v = ph.value(typed(value, set_type(ty, value)));
                adds.push(format!("{lhs} {v}"));
            }
            Action::Delete { value, .. } => {
                let v = ph.value(typed(value, set_type(ty, value)));
                deletes.push(format!("{lhs} {v}"));
            }
            Action::Remove { .. } => removes.push(lhs),
        }
    }
    for (attr, av) in defaults {
        let name = ph.name(attr);
        let v = ph.value(av.clone());
        sets.push(format!("{name} = if_not_exists({name}, {v})"));
    }
    let mut clauses = Vec::new();
    for (word, list) in [
        ("SET", sets),
        ("REMOVE", removes),
        ("ADD", adds),
        ("DELETE", deletes),
    ] {
        if !list.is_empty() {
            clauses.push(format!("{word} {}", list.join(", ")));
        }
    }
    clauses.join(" ")
}

#[cfg(test)]
mod tests;
