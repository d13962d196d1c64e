//! `${...}` references anywhere in the file: each must name something that exists.

use super::super::diag::suggest;
use super::super::reference::{self, Reference};
use super::super::yaml::{Node, Scalar, Value};
use super::Validation;

pub fn check(ctx: &mut Validation<'_>) {
    let mut found = Vec::new();
    if let Some(root) = ctx.loc.root() {
        collect(root, &mut found);
    }
    for (text, pos) in found {
        for item in reference::scan(&text) {
            match item {
                Err(e) => ctx.error(pos, e.message, e.hint),
                Ok(r) => {
                    if let Some((message, hint)) = undefined(ctx, &r) {
                        ctx.error(pos, message, hint);
                    }
                }
            }
        }
    }
}

fn collect(node: &Node, out: &mut Vec<(String, super::super::yaml::Pos)>) {
    match &node.value {
        Value::Scalar {
            value: Scalar::Str(s),
            ..
        } if s.contains("${") => out.push((s.clone(), node.pos)),
        Value::Scalar { .. } => {}
        Value::Seq(items) => items.iter().for_each(|n| collect(n, out)),
        Value::Map(entries) => entries.iter().for_each(|(_, n)| collect(n, out)),
    }
}

fn undefined(ctx: &Validation<'_>, r: &Reference) -> Option<(String, String)> {
    let (section, noun) = match r {
        Reference::Project | Reference::Target | Reference::Region => return None,
        Reference::Var { name } => {
            let missing: Vec<&str> = ctx
                .target_names()
                .into_iter()
                .filter(|t| {
                    !ctx.file
                        .targets
                        .get(*t)
                        .is_some_and(|target| target.variables.contains_key(name))
                })
                .collect();
            let first = missing.first()?;
            return Some((
                format!(
                    "`{r}` is not defined for target{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    missing
                        .iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!("give it a value under `targets.{first}.variables`"),
            ));
        }
        Reference::Table { .. } => ("tables", "table"),
        Reference::Function { .. } => ("functions", "function"),
        Reference::Api { .. } => ("apis", "API"),
    };
    let name = r.resource_name()?;
    let declared = ctx.declared(section);
    if declared.contains(&name) {
        return None;
    }
    Some((
        format!("`{r}` refers to {noun} `{name}`, which this project does not define"),
        suggest(name, declared.iter().copied()),
    ))
}
