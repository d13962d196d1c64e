//! Tables: keys, attribute definitions, indexes, TTL, billing, tags.

use std::collections::HashMap;

use super::super::key::{self, KeyAttr};
use super::super::model::{Billing, Projection, Table};
use super::super::yaml::Pos;
use super::names;
use super::{Validation, item_model};
use crate::aws::names::Resource;

const MAX_GSI: usize = 20;
const MAX_LSI: usize = 5;
const MAX_PROJECTED: usize = 100;

/// Attribute definitions seen so far in one table: name -> (type, where).
type Definitions = HashMap<String, (KeyAttr, Pos)>;

pub fn check(ctx: &mut Validation<'_>, name: &str) {
    let Some(table) = ctx.file.tables.get(name).cloned() else {
        return;
    };
    names::check_resource(ctx, Resource::Table, name, table.name.as_deref());
    let mut defs = Definitions::new();
    let partition = key_attr(
        ctx,
        &mut defs,
        &["tables", name, "key", "partition"],
        &table.key.partition,
    );
    let sort = table
        .key
        .sort
        .as_ref()
        .and_then(|s| key_attr(ctx, &mut defs, &["tables", name, "key", "sort"], s));
    if let (Some(p), Some(s)) = (&partition, &sort)
        && p.name == s.name
    {
        let pos = ctx.loc.value(&["tables", name, "key", "sort"]);
        ctx.error(
            pos,
            format!(
                "table `{name}` uses `{}` as both partition and sort key",
                p.name
            ),
            "the sort key must be another attribute",
        );
    }
    check_global_indexes(ctx, name, &table, &mut defs);
    check_local_indexes(
        ctx,
        name,
        &table,
        partition.as_ref(),
        sort.as_ref(),
        &mut defs,
    );
    check_projection_total(ctx, name, &table);
    if let Some(ttl) = &table.ttl {
        if ttl.is_empty() {
            let pos = ctx.loc.value(&["tables", name, "ttl"]);
            ctx.error(
                pos,
                "`ttl` names no attribute",
                "write the attribute that holds the expiry time, or remove `ttl`",
            );
        } else if let Some((attr, _)) = defs.get(ttl).filter(|(a, _)| a.kind != key::KeyType::N) {
            let pos = ctx.loc.value(&["tables", name, "ttl"]);
            ctx.error(
                pos,
                format!(
                    "TTL attribute `{ttl}` is a key of type {}",
                    attr.kind.name()
                ),
                "TTL reads epoch seconds from a number attribute; choose an attribute of type N",
            );
        }
    }
    names::check_tags(ctx, &["tables", name, "tags"], &table.tags);
    if let Some(model) = &table.items {
        let keys: Vec<KeyAttr> = defs.values().map(|(k, _)| k.clone()).collect();
        let table_keys: Vec<&str> = [partition.as_ref(), sort.as_ref()]
            .into_iter()
            .flatten()
            .map(|k| k.name.as_str())
            .collect();
        item_model::check(ctx, name, model, &keys, &table_keys, table.ttl.as_deref());
    }
}

/// Parses a key spec, reports its faults, and records its definition.
fn key_attr(
    ctx: &mut Validation<'_>,
    defs: &mut Definitions,
    path: &[&str],
    spec: &str,
) -> Option<KeyAttr> {
    let pos = ctx.loc.value(path);
    match key::parse(spec) {
        Err(e) => {
            ctx.error(pos, e.message, e.hint);
            None
        }
        Ok(attr) => {
            match defs.get(&attr.name) {
                Some((earlier, at)) if earlier.kind != attr.kind => {
                    let at = *at;
                    ctx.error(
                        pos,
                        format!(
                            "attribute `{}` is `{}` here but `{}` at line {}",
                            attr.name,
                            attr.kind.name(),
                            earlier.kind.name(),
                            at.line
                        ),
                        "an attribute has one type across the table's key and all its indexes",
                    );
                }
                Some(_) => {}
                None => {
                    defs.insert(attr.name.clone(), (attr.clone(), pos));
                }
            }
            Some(attr)
        }
    }
}

fn index_name_fault(index: &str) -> bool {
    let len = index.len();
    !(3..=255).contains(&len)
        || !index
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

fn check_index_name(ctx: &mut Validation<'_>, path: &[&str], index: &str) {
    if index_name_fault(index) {
        let pos = ctx.loc.key(path);
        ctx.error(
            pos,
            format!("index name `{index}` is not valid"),
            "index names are 3 to 255 letters, digits, `_`, `.` and `-`",
        );
    }
}

fn check_global_indexes(
    ctx: &mut Validation<'_>,
    name: &str,
    table: &Table,
    defs: &mut Definitions,
) {
    if table.indexes.len() > MAX_GSI {
        let pos = ctx.loc.key(&["tables", name, "indexes"]);
        ctx.error(
            pos,
            format!(
                "table `{name}` has {} global indexes; DynamoDB allows {MAX_GSI}",
                table.indexes.len()
            ),
            "remove some, or split the table",
        );
    }
    for (index, gsi) in &table.indexes {
        let base = ["tables", name, "indexes", index.as_str()];
        check_index_name(ctx, &base, index);
        let p = key_attr(
            ctx,
            defs,
            &[&base[..], &["partition"]].concat(),
            &gsi.partition,
        );
        let s = gsi
            .sort
            .as_ref()
            .and_then(|s| key_attr(ctx, defs, &[&base[..], &["sort"]].concat(), s));
        if let (Some(p), Some(s)) = (p, s)
            && p.name == s.name
        {
            let pos = ctx.loc.value(&[&base[..], &["sort"]].concat());
            ctx.error(
                pos,
                format!(
                    "index `{index}` uses `{}` as both partition and sort key",
                    p.name
                ),
                "the sort key must be another attribute",
            );
        }
        check_projection(ctx, &base, &gsi.projection);
        if gsi.capacity.is_some() && !matches!(table.billing, Billing::Provisioned(_)) {
            let pos = ctx.loc.key(&[&base[..], &["capacity"]].concat());
            ctx.error(
                pos,
                format!("index `{index}` sets `capacity` but table `{name}` is on-demand"),
                "remove `capacity`, or set the table's `billing` to `{provisioned: {read: N, write: N}}`",
            );
        }
    }
}

fn check_local_indexes(
    ctx: &mut Validation<'_>,
    name: &str,
    table: &Table,
    partition: Option<&KeyAttr>,
    sort: Option<&KeyAttr>,
    defs: &mut Definitions,
) {
    if table.local_indexes.is_empty() {
        return;
    }
    if table.local_indexes.len() > MAX_LSI {
        let pos = ctx.loc.key(&["tables", name, "local_indexes"]);
        ctx.error(
            pos,
            format!(
                "table `{name}` has {} local indexes; DynamoDB allows {MAX_LSI}",
                table.local_indexes.len()
            ),
            "use global indexes for the rest",
        );
    }
    if table.key.sort.is_none() {
        let pos = ctx.loc.key(&["tables", name, "local_indexes"]);
        ctx.error(
            pos,
            format!("local indexes need a table with a sort key, and `{name}` has none"),
            "add `key.sort`, or move the indexes under `indexes` as global indexes",
        );
    }
    for (index, lsi) in &table.local_indexes {
        let base = ["tables", name, "local_indexes", index.as_str()];
        check_index_name(ctx, &base, index);
        if table.indexes.contains_key(index) {
            let pos = ctx.loc.key(&base);
            ctx.error(
                pos,
                format!("index name `{index}` is used by a global and a local index"),
                "index names are unique within a table",
            );
        }
        let sort_path = [&base[..], &["sort"]].concat();
        let Some(attr) = key_attr(ctx, defs, &sort_path, &lsi.sort) else {
            continue;
        };
        let pos = ctx.loc.value(&sort_path);
        if partition.is_some_and(|p| p.name == attr.name) {
            ctx.error(
                pos,
                format!(
                    "local index `{index}` sorts by `{}`, the table's partition key",
                    attr.name
                ),
                "a local index shares the table's partition key; sort it by another attribute",
            );
        } else if sort.is_some_and(|s| s.name == attr.name) {
            ctx.error(
                pos,
                format!(
                    "local index `{index}` sorts by `{}`, the table's own sort key",
                    attr.name
                ),
                "it would repeat the table's key: sort it by another attribute, or remove it",
            );
        }
        check_projection(ctx, &base, &lsi.projection);
    }
}

fn check_projection(ctx: &mut Validation<'_>, base: &[&str], projection: &Projection) {
    if let Projection::Include(attrs) = projection {
        let path = [base, &["projection"]].concat();
        if attrs.is_empty() {
            let pos = ctx.loc.value(&path);
            ctx.error(
                pos,
                "the projection lists no attributes",
                "list attributes, or write `keys_only`",
            );
        }
        let mut seen = Vec::new();
        for attr in attrs {
            if seen.contains(&attr) {
                let pos = ctx.loc.value(&path);
                ctx.error(
                    pos,
                    format!("the projection lists `{attr}` twice"),
                    "list each attribute once",
                );
            }
            seen.push(attr);
        }
    }
}

fn check_projection_total(ctx: &mut Validation<'_>, name: &str, table: &Table) {
    let total: usize = table
        .indexes
        .values()
        .map(|i| &i.projection)
        .chain(table.local_indexes.values().map(|i| &i.projection))
        .map(|p| match p {
            Projection::Include(a) => a.len(),
            Projection::Kind(_) => 0,
        })
        .sum();
    if total > MAX_PROJECTED {
        let pos = ctx.loc.key(&["tables", name]);
        ctx.error(
            pos,
            format!("the indexes of `{name}` project {total} attributes by name; DynamoDB allows {MAX_PROJECTED}"),
            "use `all` for some of them",
        );
    }
}
