//! Names: logical names, physical names under AWS's rules, tags.

use indexmap::IndexMap;

use super::Validation;
pub use crate::aws::names::physical;
use crate::aws::names::{Resource, physical_fault};

/// A logical name is used in references (`${tables.X.name}`) and physical names.
fn logical_fault(name: &str) -> bool {
    let mut chars = name.chars();
    !(chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// Checks a resource's logical name and, for every target, its physical name.
pub fn check_resource(
    ctx: &mut Validation<'_>,
    kind: Resource,
    logical: &str,
    explicit: Option<&str>,
) {
    let section = kind.section();
    if logical_fault(logical) {
        let pos = ctx.loc.key(&[section, logical]);
        ctx.error(
            pos,
            format!(
                "{} name `{logical}` is not a valid logical name",
                kind.noun()
            ),
            "start with a letter; use letters, digits, `_` and `-`",
        );
        return;
    }
    if let Some(name) = explicit {
        if let Some(fault) = physical_fault(kind, name) {
            let pos = ctx.loc.value(&[section, logical, "name"]);
            ctx.error(
                pos,
                fault,
                "change `name:`, or remove it to use the default name",
            );
        }
        return;
    }
    let project = ctx.file.project.clone();
    // The longest target name gives the longest physical name: one report is enough.
    let targets = ctx.target_names();
    let Some(target) = targets
        .iter()
        .max_by_key(|t| t.len())
        .map(|t| t.to_string())
    else {
        return;
    };
    let name = physical(&project, &target, logical, None);
    if let Some(fault) = physical_fault(kind, &name) {
        let pos = ctx.loc.key(&[section, logical]);
        ctx.error(
            pos,
            format!("{fault} (target `{target}`)"),
            "shorten the logical name, or set `name:` to a physical name of your choice",
        );
    }
}

pub fn check_project(ctx: &mut Validation<'_>) {
    let project = ctx.file.project.clone();
    if logical_fault(&project) || project.contains('_') {
        let pos = ctx.loc.value(&["project"]);
        ctx.error(
            pos,
            format!("project name `{project}` is not valid"),
            "start with a letter; use letters, digits and `-` (it starts every physical name)",
        );
    }
    let targets: Vec<(String, super::super::model::Target)> = ctx
        .file
        .targets
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, target) in &targets {
        if logical_fault(name) || name.contains('_') {
            let pos = ctx.loc.key(&["targets", name]);
            ctx.error(
                pos,
                format!("target name `{name}` is not valid"),
                "start with a letter; use letters, digits and `-`",
            );
        }
        let local = name == "local";
        let misplaced: &[(&str, bool)] = if local {
            &[
                ("profile", target.profile.is_some()),
                ("endpoint_url", target.endpoint_url.is_some()),
            ]
        } else {
            &[
                ("python", target.python.is_some()),
                ("node", target.node.is_some()),
                ("data_dir", target.data_dir.is_some()),
                ("port", target.port.is_some()),
            ]
        };
        for (field, set) in misplaced {
            if *set {
                let pos = ctx.loc.key(&["targets", name, field]);
                if local {
                    ctx.error(
                        pos,
                        format!("`{field}` does not apply to the `local` target, the embedded emulator"),
                        "declare another target (for example `moto:`) for an AWS-compatible endpoint",
                    );
                } else {
                    ctx.error(
                        pos,
                        format!("`{field}` applies only to the `local` target"),
                        "move it under `targets.local`".to_string(),
                    );
                }
            }
        }
        if let Some(url) = &target.endpoint_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            let pos = ctx.loc.value(&["targets", name, "endpoint_url"]);
            ctx.error(
                pos,
                format!("endpoint_url `{url}` is not an http(s) URL"),
                "write it like `http://127.0.0.1:5000`",
            );
        }
        if let Some(region) = &target.region {
            let ok = region.split('-').count() >= 3
                && region
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                let pos = ctx.loc.value(&["targets", name, "region"]);
                ctx.error(
                    pos,
                    format!("`{region}` is not an AWS region name"),
                    "write it like `eu-west-1`",
                );
            }
        }
    }
}

/// Tags gatekit adds to everything it owns; users may not set them.
pub const OWNERSHIP_TAGS: usize = 3;

pub fn check_tags(ctx: &mut Validation<'_>, path: &[&str], tags: &IndexMap<String, String>) {
    let max = 50 - OWNERSHIP_TAGS;
    if tags.len() > max {
        let pos = ctx.loc.key(path);
        ctx.error(
            pos,
            format!(
                "{} tags; at most {max} fit beside gatekit's own",
                tags.len()
            ),
            "AWS allows 50 tags per resource, and gatekit uses 3",
        );
    }
    for (key, value) in tags {
        let mut at = path.to_vec();
        at.push(key);
        let lower = key.to_ascii_lowercase();
        if lower.starts_with("aws:") || lower.starts_with("gatekit:") {
            let pos = ctx.loc.key(&at);
            ctx.error(
                pos,
                format!("tag key `{key}` uses a reserved prefix"),
                "`aws:` is AWS's and `gatekit:` is gatekit's; choose another key",
            );
        } else if key.is_empty() || key.chars().count() > 128 {
            let pos = ctx.loc.key(&at);
            ctx.error(
                pos,
                format!("tag key `{key}` must be 1 to 128 characters"),
                "shorten the key",
            );
        }
        if value.chars().count() > 256 {
            let pos = ctx.loc.value(&at);
            ctx.error(
                pos,
                format!("the value of tag `{key}` is longer than 256 characters"),
                "shorten the value",
            );
        }
    }
}
