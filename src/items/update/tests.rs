//! The update language: expressions, the model's rules checked before sending, and
//! the guards that keep what depends on the stored item.
use super::*;
use serde_json::json;

fn own(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn model() -> ItemModel {
    serde_json::from_value(json!({
        "unknown": "refuse",
        "attributes": {
            "id": {"type": "string"},
            "title": {"type": "string", "required": true},
            "status": {"type": "string", "enum": ["open", "done"], "default": "open"},
            "due": {"type": "number", "min": 0, "max": 10},
            "tags": {"type": "string_set", "max_length": 3, "min_length": 1},
            "doc": {"type": "map", "max_length": 2},
            "steps": {"type": "list", "min_length": 1}
        }
    }))
    .unwrap()
}

fn typer(a: &str) -> Option<AttributeType> {
    model().attributes.get(a).map(|s| s.kind)
}

struct Case<'a> {
    set: &'a [&'a str],
    add: &'a [&'a str],
    remove: &'a [&'a str],
    delete: &'a [&'a str],
    model: bool,
    may_create: bool,
}

const NONE: Case<'static> = Case {
    set: &[],
    add: &[],
    remove: &[],
    delete: &[],
    model: true,
    may_create: false,
};

fn build_case(c: &Case<'_>, ph: &mut Placeholders) -> Result<Update, UpdateFault> {
    let (set, add, remove, delete) = (own(c.set), own(c.add), own(c.remove), own(c.delete));
    let edits = Edits {
        set: &set,
        add: &add,
        remove: &remove,
        delete: &delete,
    };
    let m = model();
    let target = Target {
        model: c.model.then_some(&m),
        keys: &["id"],
        may_create: c.may_create,
    };
    build(&edits, &target, &typer, ph)
}

fn ok(c: Case<'_>) -> (Update, Placeholders) {
    let mut ph = Placeholders::default();
    let u = build_case(&c, &mut ph).unwrap_or_else(|e| panic!("{e:?}"));
    (u, ph)
}

fn rules(c: Case<'_>) -> Vec<(String, &'static str)> {
    match build_case(&c, &mut Placeholders::default()) {
        Err(UpdateFault::Model(v)) => v.into_iter().map(|v| (v.attribute, v.rule)).collect(),
        other => panic!("expected a model fault, got {other:?}"),
    }
}

fn item(v: Json) -> Map<String, Json> {
    v.as_object().cloned().unwrap()
}

/// The rules the update's guards report for a stored item.
fn broken(u: &Update, old: Option<Json>) -> Vec<&'static str> {
    let old = old.map(item);
    u.broken(old.as_ref(), &typer)
        .into_iter()
        .map(|v| v.rule)
        .collect()
}

#[test]
fn writes_each_clause_once_in_dynamodb_order() {
    let (u, _) = ok(Case {
        set: &["title = \"x\"", "due = due + 1"],
        add: &["tags [\"a\"]"],
        remove: &["old"],
        model: false,
        ..NONE
    });
    let e = u.expression;
    assert!(e.starts_with("SET "), "{e}");
    assert_eq!(e.matches("SET").count(), 1);
    let (set, rest) = e.split_once(" REMOVE ").unwrap();
    assert_eq!(set.matches(',').count(), 1, "{e}");
    assert!(rest.contains(" ADD "), "{e}");
}

#[test]
fn refuses_what_is_malformed_or_empty() {
    let usage = |c: Case<'_>| match build_case(&c, &mut Placeholders::default()) {
        Err(UpdateFault::Usage(e)) => e.message,
        other => panic!("{other:?}"),
    };
    assert!(
        usage(Case {
            set: &["title"],
            ..NONE
        })
        .contains("has no `=`")
    );
    assert!(
        usage(Case {
            set: &["t = x"],
            ..NONE
        })
        .contains("not JSON")
    );
    assert!(
        usage(Case {
            add: &["count"],
            ..NONE
        })
        .contains("needs a path and a value")
    );
    assert!(usage(NONE).contains("changes nothing"));
}

#[test]
fn key_attributes_are_refused_with_or_without_a_model() {
    for model in [true, false] {
        assert_eq!(
            rules(Case {
                set: &["id = \"9\""],
                model,
                ..NONE
            }),
            [("id".to_string(), "key")]
        );
        assert_eq!(
            rules(Case {
                remove: &["id"],
                model,
                ..NONE
            }),
            [("id".to_string(), "key")]
        );
    }
}

#[test]
fn types_constants_and_unknown_names_are_checked_before_sending() {
    assert_eq!(
        rules(Case {
            add: &["due \"a\""],
            ..NONE
        }),
        [("due".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            add: &["title \"a\""],
            ..NONE
        }),
        [("title".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            delete: &["due [1]"],
            ..NONE
        }),
        [("due".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            set: &["title = title + 1"],
            ..NONE
        }),
        [("title".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            set: &["due = title + 1"],
            ..NONE
        }),
        [("title".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            set: &["due = 11"],
            ..NONE
        }),
        [("due".into(), "max")]
    );
    assert_eq!(
        rules(Case {
            set: &["status = \"late\""],
            ..NONE
        }),
        [("status".into(), "enum")]
    );
    assert_eq!(
        rules(Case {
            set: &["colour = \"red\""],
            ..NONE
        }),
        [("colour".into(), "unknown")]
    );
    assert_eq!(
        rules(Case {
            add: &["colour 1"],
            ..NONE
        }),
        [("colour".into(), "unknown")]
    );
    assert_eq!(
        rules(Case {
            set: &["title.x = 1"],
            ..NONE
        }),
        [("title".into(), "type")]
    );
    assert_eq!(
        rules(Case {
            remove: &["title"],
            ..NONE
        }),
        [("title".into(), "required")]
    );
    assert_eq!(
        rules(Case {
            add: &["tags [\"a\", \"b\", \"c\", \"d\"]"],
            ..NONE
        }),
        [("tags".into(), "max_length")]
    );
}

#[test]
fn a_sum_under_min_and_max_is_guarded_by_the_stored_value() {
    let (u, mut ph) = ok(Case {
        set: &["due = due - 100"],
        ..NONE
    });
    let cond = u.condition(&mut ph, &typer).unwrap();
    assert!(cond.contains(">="), "{cond}");
    assert_eq!(broken(&u, Some(json!({"due": {"N": "6"}}))), ["min"]);
    assert!(broken(&u, Some(json!({"due": {"N": "100"}}))).is_empty());
    // A source that is not there: that is the cause, not the bound.
    assert_eq!(
        broken(&u, Some(json!({"id": {"S": "1"}}))),
        ["exists", "exists"]
    );

    let (u, _) = ok(Case {
        set: &["due = due + 3"],
        ..NONE
    });
    assert_eq!(broken(&u, Some(json!({"due": {"N": "8"}}))), ["max"]);
    assert!(broken(&u, Some(json!({"due": {"N": "7"}}))).is_empty());
}

#[test]
fn add_counts_a_missing_number_as_zero() {
    let (u, _) = ok(Case {
        add: &["due 4"],
        ..NONE
    });
    assert!(broken(&u, None).is_empty(), "4 alone is within 0..10");
    assert_eq!(broken(&u, Some(json!({"due": {"N": "7"}}))), ["max"]);
    let (u, _) = ok(Case {
        add: &["due -2"],
        ..NONE
    });
    assert_eq!(
        broken(&u, Some(json!({"id": {"S": "1"}}))),
        ["min"],
        "-2 alone is below 0"
    );
    assert!(broken(&u, Some(json!({"due": {"N": "2"}}))).is_empty());
}

#[test]
fn set_sizes_stay_within_their_length_bounds() {
    let (u, _) = ok(Case {
        add: &["tags [\"x\", \"y\"]"],
        ..NONE
    });
    assert_eq!(
        broken(&u, Some(json!({"tags": {"SS": ["a", "b"]}}))),
        ["max_length"]
    );
    assert!(broken(&u, Some(json!({"tags": {"SS": ["a"]}}))).is_empty());
    assert!(
        broken(&u, Some(json!({"tags": {"SS": ["a", "x", "y"]}}))).is_empty(),
        "members already there add nothing"
    );
    assert!(
        broken(&u, None).is_empty(),
        "a new set of two is within 1..3"
    );

    let (u, _) = ok(Case {
        delete: &["tags [\"a\"]"],
        ..NONE
    });
    assert_eq!(
        broken(&u, Some(json!({"tags": {"SS": ["a"]}}))),
        ["min_length"]
    );
    assert!(broken(&u, Some(json!({"tags": {"SS": ["a", "b"]}}))).is_empty());

    let (u, _) = ok(Case {
        set: &["doc.a = 1", "doc.b = 2"],
        ..NONE
    });
    assert_eq!(
        broken(&u, Some(json!({"doc": {"M": {"c": {"N": "1"}}}}))),
        ["max_length"]
    );
    assert!(
        broken(
            &u,
            Some(json!({"doc": {"M": {"a": {"N": "0"}, "b": {"N": "0"}}}}))
        )
        .is_empty()
    );
    let (u, _) = ok(Case {
        remove: &["steps[0]"],
        ..NONE
    });
    assert_eq!(
        broken(&u, Some(json!({"steps": {"L": [{"S": "x"}]}}))),
        ["min_length"]
    );
}

#[test]
fn an_update_that_may_create_carries_defaults_and_needs_the_required() {
    let (u, ph) = ok(Case {
        set: &["due = 1"],
        may_create: true,
        ..NONE
    });
    assert!(u.expression.contains("if_not_exists"), "{}", u.expression);
    assert!(ph.values.values().any(|v| *v == json!({"S": "open"})));
    assert_eq!(broken(&u, None), ["required"], "no item, and no title");
    assert!(broken(&u, Some(json!({"id": {"S": "1"}, "title": {"S": "t"}}))).is_empty());

    let (u, _) = ok(Case {
        set: &["title = \"t\""],
        may_create: true,
        ..NONE
    });
    assert!(u.guards.is_empty(), "it writes every required attribute");
    let (u, _) = ok(Case {
        set: &["title = \"t\""],
        ..NONE
    });
    assert!(
        !u.expression.contains("if_not_exists"),
        "--if-exists: no defaults"
    );
}
