//! The API kind: an API Gateway REST API as gatekit manages it, its routes (each a
//! Lambda proxy integration), its stage and its CORS preflight, diffed route by
//! route.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::kind::{Attribute, Effect, ResourceId};
use super::table::TagChange;

#[derive(Debug, Clone, PartialEq)]
pub struct ApiSpec {
    /// The live API's id (None on the desired side).
    pub id: Option<String>,
    pub stage: String,
    /// The stage's variables.
    pub variables: BTreeMap<String, String>,
    /// Content types whose bodies are binary, sorted.
    pub binary_media_types: Vec<String>,
    /// `METHOD /path` → the ARN of the function it invokes.
    pub routes: BTreeMap<String, String>,
    /// CORS preflight answered on every resource: origins, methods, headers.
    pub cors: Option<Json>,
    /// Whether the stage serves the current routes (a run stopped before its
    /// deployment leaves the stage behind; the next one deploys).
    pub deployed: bool,
    pub tags: BTreeMap<String, String>,
    pub needs: Vec<ResourceId>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApiUpdate {
    /// The live API's id and stage, which the update works on.
    pub id: String,
    pub old_stage: String,
    /// Routes or CORS changed: the tree is made again and deployed.
    pub routes: bool,
    /// Only a deployment is missing.
    pub deploy: bool,
    /// The stage to serve from changed.
    pub stage: bool,
    /// The stage's variables changed (set whole).
    pub variables: bool,
    /// The binary media types changed: (added, removed).
    pub binary: Option<(Vec<String>, Vec<String>)>,
    pub tags: Option<TagChange>,
}

/// A function's name from its ARN, for people.
fn function_name(arn: &str) -> &str {
    crate::aws::arn::function_name(arn)
}

impl ApiSpec {
    /// `route.METHOD /path` (the function), `stage`, `cors`, `deployment`, `tag.KEY`.
    pub fn attributes(&self) -> Vec<Attribute> {
        let mut a: Vec<Attribute> = self
            .routes
            .iter()
            .map(|(route, f)| {
                Attribute::new(
                    format!("route.{route}"),
                    json!(function_name(f)),
                    Effect::InPlace,
                )
            })
            .collect();
        a.push(Attribute::new("stage", json!(self.stage), Effect::InPlace));
        for (k, v) in &self.variables {
            a.push(Attribute::new(
                format!("variable.{k}"),
                json!(v),
                Effect::InPlace,
            ));
        }
        if !self.binary_media_types.is_empty() {
            a.push(Attribute::new(
                "binary_media_types",
                json!(self.binary_media_types),
                Effect::InPlace,
            ));
        }
        if let Some(c) = &self.cors {
            a.push(Attribute::new("cors", c.clone(), Effect::InPlace));
        }
        a.push(Attribute::new(
            "deployment",
            json!(if self.deployed { "current" } else { "outdated" }),
            Effect::InPlace,
        ));
        a.extend(super::kind::tag_attributes(&self.tags));
        a
    }

    pub fn update_from(&self, live: &ApiSpec) -> ApiUpdate {
        let routes = self.routes != live.routes || self.cors != live.cors;
        ApiUpdate {
            id: live.id.clone().unwrap_or_default(),
            old_stage: live.stage.clone(),
            routes,
            deploy: !routes && !live.deployed,
            stage: self.stage != live.stage,
            variables: self.variables != live.variables,
            binary: (self.binary_media_types != live.binary_media_types).then(|| {
                let added = self
                    .binary_media_types
                    .iter()
                    .filter(|t| !live.binary_media_types.contains(t))
                    .cloned()
                    .collect();
                let removed = live
                    .binary_media_types
                    .iter()
                    .filter(|t| !self.binary_media_types.contains(t))
                    .cloned()
                    .collect();
                (added, removed)
            }),
            tags: TagChange::between(&self.tags, &live.tags),
        }
    }
}
