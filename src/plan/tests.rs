use serde_json::json;

use super::*;

fn table(name: &str, attrs: &[(&str, Json)]) -> Resource {
    Resource {
        kind: Kind::Table,
        name: name.into(),
        physical: format!("p-t-{name}"),
        attributes: attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

fn owned(r: Resource) -> Live {
    let name = r.name.clone();
    Live {
        resource: r,
        ownership: Ownership::Owned { name },
        state: "ACTIVE".into(),
        facts: BTreeMap::new(),
        protected: false,
    }
}

fn base() -> Vec<(&'static str, Json)> {
    vec![
        ("key.partition", json!("id:S")),
        ("billing", json!("on_demand")),
        ("ttl", json!("exp")),
        ("protect", json!(false)),
        (
            "index.by_x",
            json!({"partition": "x:S", "projection": "all"}),
        ),
        ("tag.team", json!("core")),
    ]
}

fn with(changed: &[(&'static str, Json)]) -> Vec<(&'static str, Json)> {
    let mut v = base();
    for (k, val) in changed {
        v.retain(|(key, _)| key != k);
        v.push((k, val.clone()));
    }
    v
}

#[test]
fn create_when_absent() {
    let plan = diff("p", "t", vec![table("a", &base())], vec![], vec![]);
    assert_eq!(plan.actions[0].op, Op::Create);
    assert!(!plan.actions[0].data_loss);
    assert_eq!(plan.actions[0].changes.len(), base().len());
}

#[test]
fn nothing_when_equal() {
    let plan = diff(
        "p",
        "t",
        vec![table("a", &base())],
        vec![owned(table("a", &base()))],
        vec![],
    );
    assert_eq!(plan.actions[0].op, Op::Nothing);
    assert!(!plan.has_changes());
}

#[test]
fn every_in_place_attribute_is_an_update() {
    for (attr, value) in [
        ("billing", json!("provisioned")),
        ("capacity.read", json!(5)),
        ("ttl", json!("other")),
        ("protect", json!(true)),
        (
            "index.by_x",
            json!({"partition": "x:S", "projection": "keys_only"}),
        ),
        (
            "index.by_y",
            json!({"partition": "y:N", "projection": "all"}),
        ),
        ("tag.team", json!("web")),
        ("tag.new", json!("v")),
    ] {
        let plan = diff(
            "p",
            "t",
            vec![table("a", &with(&[(attr, value.clone())]))],
            vec![owned(table("a", &base()))],
            vec![],
        );
        let a = &plan.actions[0];
        assert_eq!(a.op, Op::Update, "{attr}");
        assert!(!a.data_loss, "{attr}");
        assert_eq!(a.changes.len(), 1, "{attr}");
        assert_eq!(a.changes[0].attribute, attr);
        assert_eq!(a.changes[0].new.as_ref(), Some(&value));
    }
}

#[test]
fn removed_attribute_shows_old_and_no_new() {
    let mut fewer = base();
    fewer.retain(|(k, _)| *k != "ttl");
    let plan = diff(
        "p",
        "t",
        vec![table("a", &fewer)],
        vec![owned(table("a", &base()))],
        vec![],
    );
    let c = &plan.actions[0].changes[0];
    assert_eq!(
        (c.attribute.as_str(), c.old.clone(), c.new.clone()),
        ("ttl", Some(json!("exp")), None)
    );
}

#[test]
fn key_and_local_index_changes_replace_and_lose_data() {
    for (attr, value) in [
        ("key.partition", json!("id:N")),
        ("key.sort", json!("at:N")),
        ("local_index.by_z", json!({"sort": "z:S"})),
    ] {
        let plan = diff(
            "p",
            "t",
            vec![table("a", &with(&[(attr, value)]))],
            vec![owned(table("a", &base()))],
            vec![],
        );
        let a = &plan.actions[0];
        assert_eq!(a.op, Op::Replace, "{attr}");
        assert!(a.data_loss, "{attr}");
        assert!(a.reason.as_deref().unwrap_or_default().contains(attr));
        assert!(plan.loses_data());
    }
}

#[test]
fn owned_resources_not_in_the_file_are_deleted_with_data_loss() {
    let plan = diff(
        "p",
        "t",
        vec![],
        vec![owned(table("gone", &base()))],
        vec![],
    );
    assert_eq!(plan.actions[0].op, Op::Delete);
    assert!(plan.actions[0].data_loss);
    assert_eq!(
        plan,
        teardown("p", "t", vec![owned(table("gone", &base()))])
    );
}

#[test]
fn foreign_resources_conflict_and_are_left_alone() {
    let mut foreign = owned(table("a", &base()));
    foreign.ownership = Ownership::Foreign;
    let other = Live {
        ownership: Ownership::Foreign,
        ..owned(table("stranger", &base()))
    };
    let plan = diff(
        "p",
        "t",
        vec![table("a", &base())],
        vec![foreign, other],
        vec![],
    );
    assert_eq!(
        plan.actions.len(),
        1,
        "a foreign resource the file does not name is not touched"
    );
    assert_eq!(plan.actions[0].op, Op::Conflict);
    assert!(!plan.has_changes());
    assert!(
        plan.actions[0]
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("not this project's")
    );
}

#[test]
fn a_name_owned_by_another_logical_resource_conflicts() {
    let mut live = owned(table("a", &base()));
    live.ownership = Ownership::Owned { name: "b".into() };
    let plan = diff("p", "t", vec![table("a", &base())], vec![live], vec![]);
    assert_eq!(plan.actions[0].op, Op::Conflict);
}
