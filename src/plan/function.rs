//! The function kind: a Lambda function's state as gatekit manages it. Its code is
//! known by a digest of the package's content (kept as a tag on the function), so
//! plan needs no download and no state file; the CodeSha256 recorded beside it
//! reveals code changed outside gatekit.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Value as Json, json};
use sha2::Digest;

use super::kind::{Attribute, Effect, ResourceId};
use super::table::TagChange;

/// The tag that records the package's content digest.
pub const TAG_CODE_DIGEST: &str = "gatekit:code-digest";
/// The tag that records the CodeSha256 gatekit deployed.
pub const TAG_CODE_SHA256: &str = "gatekit:code-sha256";

/// A function's code: what identifies it, and for the desired side, the zip.
#[derive(Debug, Clone)]
pub struct Code {
    /// The package's content digest; for a live function, the tag's.
    pub digest: String,
    /// Bytes of the zip.
    pub size: u64,
    /// Lambda's CodeSha256 of the zip: computed for the desired side, reported for
    /// the live one.
    pub sha256: String,
    /// The live function's code is not what gatekit deployed (its CodeSha256 is not
    /// the one recorded): someone changed it outside gatekit.
    pub changed_outside: bool,
    /// The zip to upload (desired side only).
    pub zip: Option<Arc<Vec<u8>>>,
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.digest == other.digest
            && self.size == other.size
            && self.changed_outside == other.changed_outside
    }
}

impl Code {
    fn shown(&self) -> Json {
        if self.changed_outside {
            return json!(format!(
                "changed outside gatekit (CodeSha256 {})",
                self.sha256
            ));
        }
        let short: String = self.digest.chars().take(12).collect();
        json!(format!("{short} ({} bytes)", self.size))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionSpec {
    pub runtime: String,
    pub handler: String,
    pub architecture: String,
    pub memory: u32,
    pub timeout: u32,
    pub environment: BTreeMap<String, String>,
    pub role: String,
    pub concurrency: Option<u32>,
    /// The user's tags; ownership and code tags are not part of the spec.
    pub tags: BTreeMap<String, String>,
    pub code: Code,
    /// What the function refers to (tables it reads or writes, its role).
    pub needs: Vec<ResourceId>,
}

/// The in-place changes to a function, as Lambda takes them: configuration and code
/// in separate calls, each waited for; concurrency; tags.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FunctionUpdate {
    pub configuration: bool,
    pub code: bool,
    /// The new reserved concurrency (None inside: removed).
    pub concurrency: Option<Option<u32>>,
    pub tags: Option<TagChange>,
}

/// Names whose values plan does not print.
fn secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "SECRET",
        "TOKEN",
        "PASSWORD",
        "PASSWD",
        "PRIVATE",
        "CREDENTIAL",
        "API_KEY",
    ]
    .iter()
    .any(|w| upper.contains(w))
        || upper.ends_with("_KEY")
}

/// A secret's stand-in: changes when the value does, says nothing of it.
fn masked(value: &str) -> String {
    let d = sha2::Sha256::digest(value.as_bytes());
    let short: String = d.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("(secret, sha256 {short}…)")
}

impl FunctionSpec {
    /// The attributes plan shows and compares: `code`, `runtime`, `handler`,
    /// `architecture`, `memory`, `timeout`, `env.NAME` (secrets masked), `role`,
    /// `concurrency`, `tag.KEY` (docs/json-output.md).
    pub fn attributes(&self) -> Vec<Attribute> {
        let mut a = vec![
            Attribute::new("code", self.code.shown(), Effect::InPlace),
            Attribute::new("runtime", json!(self.runtime), Effect::InPlace),
            Attribute::new("handler", json!(self.handler), Effect::InPlace),
            Attribute::new("architecture", json!(self.architecture), Effect::InPlace),
            Attribute::new("memory", json!(self.memory), Effect::InPlace),
            Attribute::new("timeout", json!(self.timeout), Effect::InPlace),
            Attribute::new("role", json!(self.role), Effect::InPlace),
            Attribute::new("concurrency", json!(self.concurrency), Effect::InPlace),
        ];
        for (k, v) in &self.environment {
            let shown = if secret(k) { masked(v) } else { v.clone() };
            a.push(Attribute::new(
                format!("env.{k}"),
                json!(shown),
                Effect::InPlace,
            ));
        }
        a.extend(super::kind::tag_attributes(&self.tags));
        a
    }

    /// The in-place changes from `live` to `self`.
    pub fn update_from(&self, live: &FunctionSpec) -> FunctionUpdate {
        FunctionUpdate {
            configuration: self.runtime != live.runtime
                || self.handler != live.handler
                || self.memory != live.memory
                || self.timeout != live.timeout
                || self.environment != live.environment
                || self.role != live.role,
            // The architecture is set with the code.
            code: self.code != live.code || self.architecture != live.architecture,
            concurrency: (self.concurrency != live.concurrency).then_some(self.concurrency),
            tags: TagChange::between(&self.tags, &live.tags),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> FunctionSpec {
        FunctionSpec {
            runtime: "python3.12".into(),
            handler: "app.handler".into(),
            architecture: "x86_64".into(),
            memory: 128,
            timeout: 3,
            environment: [
                ("TABLE".into(), "t".into()),
                ("API_KEY".into(), "hunter2".into()),
            ]
            .into_iter()
            .collect(),
            role: "arn:aws:iam::000000000000:role/r".into(),
            concurrency: None,
            tags: BTreeMap::new(),
            code: Code {
                digest: "ab".repeat(32),
                size: 100,
                sha256: "x".into(),
                changed_outside: false,
                zip: None,
            },
            needs: Vec::new(),
        }
    }

    #[test]
    fn secrets_are_masked_but_their_changes_show() {
        let a = spec().attributes();
        let key = a.iter().find(|x| x.name == "env.API_KEY").unwrap();
        assert!(!key.value.to_string().contains("hunter2"));
        let mut other = spec();
        other.environment.insert("API_KEY".into(), "hunter3".into());
        let b = other.attributes();
        let key2 = b.iter().find(|x| x.name == "env.API_KEY").unwrap();
        assert_ne!(key.value, key2.value);
        assert!(secret("db_password") && secret("SIGNING_KEY") && !secret("TABLE"));
    }

    #[test]
    fn an_update_touches_only_what_changed() {
        let live = spec();
        let mut want = spec();
        assert_eq!(want.update_from(&live), FunctionUpdate::default());
        want.timeout = 10;
        let u = want.update_from(&live);
        assert!(u.configuration && !u.code);
        let mut want = spec();
        want.code.digest = "cd".repeat(32);
        let u = want.update_from(&live);
        assert!(u.code && !u.configuration);
        let mut outside = spec();
        outside.code.changed_outside = true;
        assert!(
            spec().update_from(&outside).code,
            "code changed outside is redeployed"
        );
    }
}
