//! APIs: stage, routes (syntax, duplicates, ambiguity, targets), CORS, tags.

use super::super::diag::suggest;
use super::Validation;
use super::names;
use crate::aws::names::Resource;
use crate::aws::route::{self, METHODS};

pub fn check(ctx: &mut Validation<'_>, name: &str) {
    let Some(api) = ctx.file.apis.get(name).cloned() else {
        return;
    };
    names::check_resource(ctx, Resource::Api, name, api.name.as_deref());
    let stage_ok = !api.stage.is_empty()
        && api.stage.len() <= 128
        && api
            .stage
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !stage_ok {
        let pos = ctx.loc.value(&["apis", name, "stage"]);
        ctx.error(
            pos,
            format!("stage name `{}` is not valid", api.stage),
            "API Gateway stage names are 1 to 128 letters, digits, `-` and `_`",
        );
    }
    let functions: Vec<String> = ctx
        .declared("functions")
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut parsed = Vec::new();
    let mut specs = Vec::new();
    for (spec, target) in &api.routes {
        let path = ["apis", name, "routes", spec.as_str()];
        match route::parse(spec) {
            Ok(r) => {
                parsed.push(r);
                specs.push(spec.clone());
            }
            Err(e) => {
                let pos = ctx.loc.key(&path);
                ctx.error(pos, e.message, e.hint);
            }
        }
        if !functions.iter().any(|f| f == target) {
            let pos = ctx.loc.value(&path);
            ctx.error(
                pos,
                format!(
                    "route `{spec}` goes to `{target}`, which is not a function of this project"
                ),
                suggest(target, functions.iter().map(String::as_str)),
            );
        }
    }
    for conflict in route::conflicts(&parsed) {
        let pos = ctx
            .loc
            .key(&["apis", name, "routes", specs[conflict.index].as_str()]);
        ctx.error(pos, conflict.message, conflict.hint);
    }
    if let Some(cors) = &api.cors {
        for method in &cors.methods {
            if !METHODS.contains(&method.as_str()) || method == "ANY" {
                let pos = ctx.loc.value(&["apis", name, "cors", "methods"]);
                ctx.error(
                    pos,
                    format!("CORS method `{method}` is not an HTTP method"),
                    suggest(method, METHODS.iter().copied().filter(|m| *m != "ANY")),
                );
            }
        }
        if cors.origins.is_empty() {
            let pos = ctx.loc.value(&["apis", name, "cors", "origins"]);
            ctx.error(
                pos,
                "CORS lists no origins",
                "list the origins allowed, or `[\"*\"]` for any",
            );
        }
        if cors.credentials && cors.origins.iter().any(|o| o == "*") {
            let pos = ctx.loc.key(&["apis", name, "cors", "credentials"]);
            ctx.error(
                pos,
                "CORS allows credentials for the origin `*`, which browsers refuse",
                "list the origins explicitly, or set `credentials: false`",
            );
        }
    }
    names::check_tags(ctx, &["apis", name, "tags"], &api.tags);
}
