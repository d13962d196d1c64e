//! Checks the YAML tree against gatekit.yaml's JSON Schema and turns it into JSON.
//!
//! The schema that editors use is also the one source of the file's shape here, so
//! the two never disagree. Walking the tree by hand (rather than letting serde fail
//! at the first fault) is what lets `validate` report every problem at once.

use serde_json::{Map, Number, Value as Json};

use super::diag::{Diagnostic, nearest, suggest};
use super::yaml::{Node, Scalar, Value};

/// Marks a schema whose enum is advice for editors; a rule in `check/` decides.
pub const RULE_CHECKED: &str = "x-checked-by-rule";

/// The schema that accepts anything.
static ANY: Json = Json::Bool(true);

pub struct Shaper<'a> {
    root: &'a Json,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Shaper<'a> {
    pub fn new(root: &'a Json) -> Self {
        Shaper {
            root,
            diagnostics: Vec::new(),
        }
    }

    /// Converts `node` under `schema`, reporting every fault. Mappings and lists come
    /// back with their faulty members left out; a faulty scalar comes back `None`.
    pub fn convert(&mut self, node: &Node, schema: &'a Json, path: &str) -> Option<Json> {
        let schema = self.resolve(schema);
        if let Some(branches) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            return self.convert_any_of(node, branches, path);
        }
        if let Some(types) = schema.get("type")
            && !type_accepts(types, node)
        {
            let wanted = describe(self.root, schema);
            self.diagnostics.push(Diagnostic::error(
                node.pos,
                format!("`{path}` must be {wanted}, found {}", found(node)),
            ));
            return None;
        }
        let value = match &node.value {
            Value::Map(entries) => self.convert_map(node, entries, schema, path)?,
            Value::Seq(items) => {
                let item_schema = schema.get("items").unwrap_or(&ANY);
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(v) = self.convert(item, item_schema, &format!("{path}[{i}]")) {
                        out.push(v);
                    }
                }
                Json::Array(out)
            }
            Value::Scalar { value, raw } => self.convert_scalar(node, value, raw, schema, path)?,
        };
        Some(value)
    }

    fn resolve(&self, schema: &'a Json) -> &'a Json {
        let mut schema = schema;
        // References only point into `definitions`; a bounded loop avoids cycles.
        for _ in 0..8 {
            // schemars writes a described `$ref` as `allOf: [{$ref}]`.
            if let Some([only]) = schema
                .get("allOf")
                .and_then(Json::as_array)
                .map(Vec::as_slice)
            {
                schema = only;
                continue;
            }
            match schema.get("$ref").and_then(Json::as_str) {
                Some(r) => {
                    let name = r.trim_start_matches("#/definitions/");
                    match self.root.get("definitions").and_then(|d| d.get(name)) {
                        Some(target) => schema = target,
                        None => break,
                    }
                }
                None => break,
            }
        }
        schema
    }

    fn convert_any_of(&mut self, node: &Node, branches: &'a [Json], path: &str) -> Option<Json> {
        let mut fitting = Vec::new();
        for branch in branches {
            let mut trial = Shaper::new(self.root);
            if let Some(v) = trial.convert(node, branch, path)
                && trial.diagnostics.is_empty()
            {
                return Some(v);
            }
            let resolved = self.resolve(branch);
            if resolved.get("type").is_none_or(|t| type_accepts(t, node)) {
                fitting.push(trial.diagnostics);
            }
        }
        // Report the faults of the one branch whose kind matches; else say what fits.
        if fitting.len() == 1 {
            self.diagnostics.extend(fitting.pop().unwrap_or_default());
        } else {
            let wanted: Vec<String> = branches.iter().map(|b| describe(self.root, b)).collect();
            self.diagnostics.push(Diagnostic::error(
                node.pos,
                format!(
                    "`{path}` must be {}, found {}",
                    wanted.join(" or "),
                    found(node)
                ),
            ));
        }
        None
    }

    fn convert_map(
        &mut self,
        node: &Node,
        entries: &[(super::yaml::Key, Node)],
        schema: &'a Json,
        path: &str,
    ) -> Option<Json> {
        let properties = schema.get("properties").and_then(Json::as_object);
        let additional = schema.get("additionalProperties");
        let mut out = Map::new();
        for (key, value) in entries {
            let child_path = join(path, &key.name);
            let child_schema = match properties.and_then(|p| p.get(&key.name)) {
                Some(s) => s,
                None => match additional {
                    Some(Json::Bool(false)) => {
                        let names: Vec<&str> = properties
                            .map(|p| p.keys().map(String::as_str).collect())
                            .unwrap_or_default();
                        let hint = match nearest(&key.name, names.iter().copied()) {
                            Some(n) => format!("did you mean `{n}`?"),
                            None => format!(
                                "valid fields here: {}",
                                names
                                    .iter()
                                    .map(|n| format!("`{n}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        };
                        let place = if path.is_empty() {
                            "the file's top level".to_string()
                        } else {
                            format!("`{path}`")
                        };
                        self.diagnostics.push(
                            Diagnostic::error(
                                key.pos,
                                format!("unknown field `{}` in {place}", key.name),
                            )
                            .hint(hint),
                        );
                        continue;
                    }
                    Some(s @ Json::Object(_)) => s,
                    _ => &ANY,
                },
            };
            if let Some(v) = self.convert(value, child_schema, &child_path) {
                out.insert(key.name.clone(), v);
            }
        }
        if let Some(required) = schema.get("required").and_then(Json::as_array) {
            for name in required.iter().filter_map(Json::as_str) {
                if !entries.iter().any(|(k, _)| k.name == name) {
                    let place = if path.is_empty() {
                        "the file".to_string()
                    } else {
                        format!("`{path}`")
                    };
                    self.diagnostics.push(
                        Diagnostic::error(
                            node.pos,
                            format!("{place} is missing the required field `{name}`"),
                        )
                        .hint(format!("add `{name}:`; `gatekit schema` describes it")),
                    );
                }
            }
        }
        // Partial on purpose: what did read is still checked as a whole later.
        Some(Json::Object(out))
    }

    fn convert_scalar(
        &mut self,
        node: &Node,
        value: &Scalar,
        raw: &str,
        schema: &Json,
        path: &str,
    ) -> Option<Json> {
        let wants_string = schema
            .get("type")
            .is_some_and(|t| type_names(t).contains(&"string"));
        let json = match value {
            Scalar::Null => Json::Null,
            Scalar::Bool(b) if wants_string => Json::String(raw.to_string()),
            Scalar::Bool(b) => Json::Bool(*b),
            Scalar::Int(_) | Scalar::Float(_) if wants_string => Json::String(raw.to_string()),
            Scalar::Int(i) => Json::Number((*i).into()),
            Scalar::Float(f) => match Number::from_f64(*f) {
                Some(n) => Json::Number(n),
                None => {
                    self.diagnostics.push(Diagnostic::error(
                        node.pos,
                        format!("`{path}` must be a finite number, found `{raw}`"),
                    ));
                    return None;
                }
            },
            Scalar::Str(s) => Json::String(s.clone()),
        };
        // An enum that a rule checks with a better message (retired runtimes name
        // their successor) is for editors only.
        if let Some(allowed) = schema.get("enum").and_then(Json::as_array)
            && schema.get(RULE_CHECKED) != Some(&Json::Bool(true))
            && !allowed.contains(&json)
        {
            let names: Vec<&str> = allowed.iter().filter_map(Json::as_str).collect();
            self.diagnostics.push(
                Diagnostic::error(node.pos, format!("`{path}` cannot be `{raw}`"))
                    .hint(suggest(raw, names.iter().copied())),
            );
            return None;
        }
        if let Some(c) = schema.get("const")
            && *c != json
        {
            self.diagnostics.push(Diagnostic::error(
                node.pos,
                format!("`{path}` must be `{c}`, found `{raw}`"),
            ));
            return None;
        }
        if let Some(n) = json.as_f64() {
            let min = schema.get("minimum").and_then(Json::as_f64);
            let max = schema.get("maximum").and_then(Json::as_f64);
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("between {a} and {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => unreachable!("a bound was crossed"),
                };
                self.diagnostics.push(Diagnostic::error(
                    node.pos,
                    format!("`{path}` must be {range}, found {raw}"),
                ));
                return None;
            }
        }
        if let Some(s) = json.as_str() {
            let len = s.chars().count() as u64;
            let min = schema.get("minLength").and_then(Json::as_u64);
            let max = schema.get("maxLength").and_then(Json::as_u64);
            if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("{a} to {b} characters"),
                    (Some(a), None) => format!("at least {a} characters"),
                    (None, Some(b)) => format!("at most {b} characters"),
                    (None, None) => unreachable!("a bound was crossed"),
                };
                self.diagnostics.push(Diagnostic::error(
                    node.pos,
                    format!("`{path}` must be {range} long, found {len}"),
                ));
                return None;
            }
        }
        Some(json)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn type_names(types: &Json) -> Vec<&str> {
    match types {
        Json::String(s) => vec![s.as_str()],
        Json::Array(list) => list.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    }
}

fn type_accepts(types: &Json, node: &Node) -> bool {
    type_names(types).iter().any(|t| match (*t, &node.value) {
        ("object", Value::Map(_)) | ("array", Value::Seq(_)) => true,
        (_, Value::Scalar { value, .. }) => matches!(
            (*t, value),
            ("null", Scalar::Null)
                | ("boolean", Scalar::Bool(_))
                | ("integer", Scalar::Int(_))
                | ("number", Scalar::Int(_) | Scalar::Float(_))
                // A plain `8080` or `true` where text is expected is meant as text.
                | ("string", Scalar::Str(_) | Scalar::Int(_) | Scalar::Float(_) | Scalar::Bool(_))
        ),
        _ => false,
    })
}

fn found(node: &Node) -> String {
    match &node.value {
        Value::Scalar {
            raw,
            value: Scalar::Null,
        } if raw.is_empty() => "nothing".to_string(),
        Value::Scalar { raw, .. } => format!("{} `{raw}`", node.kind()),
        _ => node.kind().to_string(),
    }
}

/// What a schema accepts, in words, for messages.
fn describe(root: &Json, schema: &Json) -> String {
    let schema = Shaper::new(root).resolve(schema);
    if let Some(values) = schema.get("enum").and_then(Json::as_array) {
        let names: Vec<String> = values
            .iter()
            .map(|v| format!("`{}`", v.as_str().unwrap_or_default()))
            .collect();
        return format!("one of {}", names.join(", "));
    }
    if let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Json::as_array)
    {
        return branches
            .iter()
            .map(|b| describe(root, b))
            .collect::<Vec<_>>()
            .join(" or ");
    }
    let types = schema.get("type").map(type_names).unwrap_or_default();
    let words: Vec<String> = types
        .iter()
        .map(|t| match *t {
            "object" => match schema.get("required").and_then(Json::as_array) {
                Some(req) if !req.is_empty() => format!(
                    "a mapping with {}",
                    req.iter()
                        .filter_map(Json::as_str)
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
                _ => "a mapping".to_string(),
            },
            "array" => "a list".to_string(),
            "string" => "a string".to_string(),
            "integer" => "an integer".to_string(),
            "number" => "a number".to_string(),
            "boolean" => "`true` or `false`".to_string(),
            "null" => "empty".to_string(),
            other => other.to_string(),
        })
        .collect();
    if words.is_empty() {
        "any value".to_string()
    } else {
        words.join(" or ")
    }
}
