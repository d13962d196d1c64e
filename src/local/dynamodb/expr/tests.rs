//! The expression language, construct by construct and error by error.

use std::collections::HashMap;

use serde_json::json;

use super::eval::{Evaluator, project};
use super::*;
use crate::local::dynamodb::value::{Item, item_from_json, item_to_json};

fn item() -> Item {
    item_from_json(&json!({
        "id": {"S": "a1"},
        "n": {"N": "5"},
        "s": {"S": "hello world"},
        "b": {"B": "AAEC"},
        "flag": {"BOOL": true},
        "nothing": {"NULL": true},
        "tags": {"SS": ["x", "y"]},
        "nums": {"NS": ["1", "2"]},
        "arr": {"L": [{"S": "p"}, {"N": "7"}, {"M": {"deep": {"S": "d"}}}]},
        "doc": {"M": {"mid": {"M": {"leaf": {"N": "3"}}}, "label": {"S": "m"}}},
        "my attr": {"S": "spaced"}
    }))
    .unwrap()
}

fn env(names: &[(&str, &str)], values: serde_json::Value) -> Env {
    let names: HashMap<String, String> = names
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let values = values
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), Value::from_json(v).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    Env::new(names, values)
}

fn cond(src: &str, names: &[(&str, &str)], values: serde_json::Value) -> Result<bool, String> {
    let e = env(names, values);
    let c = parse_condition(src, ExprKind::Condition).map_err(|e| e.message)?;
    e.bind_condition(ExprKind::Condition, &c)
        .map_err(|e| e.message)?;
    e.check_unused().map_err(|e| e.message)?;
    Evaluator::new(&e, ExprKind::Condition)
        .condition(&item(), &c)
        .map_err(|e| e.message)
}

fn yes(src: &str, values: serde_json::Value) {
    assert_eq!(cond(src, &[], values), Ok(true), "{src}");
}

fn no(src: &str, values: serde_json::Value) {
    assert_eq!(cond(src, &[], values), Ok(false), "{src}");
}

fn fails(src: &str, names: &[(&str, &str)], values: serde_json::Value, message: &str) {
    assert_eq!(cond(src, names, values), Err(message.to_string()), "{src}");
}

#[test]
fn comparisons() {
    yes("n = :v", json!({":v": {"N": "5.0"}}));
    yes("n <> :v", json!({":v": {"N": "6"}}));
    yes("n < :v AND n <= :v", json!({":v": {"N": "6"}}));
    yes(
        "n > :v AND n >= :w",
        json!({":v": {"N": "4"}, ":w": {"N": "5"}}),
    );
    yes("s > :v", json!({":v": {"S": "hello"}}));
    // Different types never order.
    no("n < :v", json!({":v": {"S": "9"}}));
    // A absent attribute differs from everything.
    yes("absent <> :v", json!({":v": {"N": "1"}}));
    no("absent = :v", json!({":v": {"N": "1"}}));
    yes("tags = :v", json!({":v": {"SS": ["y", "x"]}}));
}

#[test]
fn between_and_in() {
    yes(
        "n BETWEEN :a AND :b",
        json!({":a": {"N": "1"}, ":b": {"N": "5"}}),
    );
    no(
        "n BETWEEN :a AND :b",
        json!({":a": {"N": "6"}, ":b": {"N": "9"}}),
    );
    yes("n IN (:a, :b)", json!({":a": {"N": "1"}, ":b": {"N": "5"}}));
    no("n IN (:a)", json!({":a": {"N": "1"}}));
    fails(
        "n BETWEEN :a AND :b",
        &[],
        json!({":a": {"N": "9"}, ":b": {"N": "1"}}),
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:1}",
    );
}

#[test]
fn functions() {
    yes(
        "attribute_exists(id) AND attribute_not_exists(absent)",
        json!({}),
    );
    yes("attribute_type(n, :t)", json!({":t": {"S": "N"}}));
    no("attribute_type(n, :t)", json!({":t": {"S": "S"}}));
    yes("begins_with(s, :p)", json!({":p": {"S": "hell"}}));
    yes(
        "contains(s, :p) AND contains(tags, :t) AND contains(arr, :l)",
        json!({":p": {"S": "o w"}, ":t": {"S": "x"}, ":l": {"S": "p"}}),
    );
    yes(
        "size(s) = :n AND size(tags) = :two AND size(arr) > :two",
        json!({":n": {"N": "11"}, ":two": {"N": "2"}}),
    );
    fails(
        "attribute_type(n, :t)",
        &[],
        json!({":t": {"S": "NUMBER"}}),
        "Invalid ConditionExpression: Invalid attribute type name found; type: NUMBER, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
    );
    fails(
        "begins_with(s, :p)",
        &[],
        json!({":p": {"N": "1"}}),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
    );
    // Checked before any item is read: counts, paths, operand types, misplaced functions.
    for (src, values, message) in [
        (
            "attribute_exists(a, b)",
            json!({}),
            "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
        ),
        (
            "begins_with(a)",
            json!({}),
            "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
        ),
        (
            "size(a, b) > :n",
            json!({":n": {"N": "1"}}),
            "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2",
        ),
        (
            "attribute_exists(:v)",
            json!({":v": {"S": "x"}}),
            "Operator or function requires a document path; operator or function: attribute_exists",
        ),
        (
            "begins_with(:p, s)",
            json!({":p": {"BOOL": true}}),
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: BOOL",
        ),
        (
            "begins_with(s, size(s))",
            json!({}),
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
        (
            "attribute_type(s, :t)",
            json!({":t": {"SS": ["S"]}}),
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: SS",
        ),
        (
            "attribute_type(s, n)",
            json!({}),
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
        ),
        (
            "size(size(s)) > :n",
            json!({":n": {"N": "1"}}),
            "Incorrect operand type for operator or function; operator or function: size, operand type: N",
        ),
        (
            "size(:n) > s",
            json!({":n": {"N": "1"}}),
            "Incorrect operand type for operator or function; operator or function: size, operand type: N",
        ),
        (
            "attribute_exists(s) = s",
            json!({}),
            "The function is not allowed to be used this way in an expression; function: attribute_exists",
        ),
        (
            "size(s)",
            json!({}),
            "The function is not allowed to be used this way in an expression; function: size",
        ),
        (
            "contains(size(begins_with(s, s)), s)",
            json!({}),
            "The function is not allowed to be used this way in an expression; function: begins_with",
        ),
        (
            "s BETWEEN :a AND :b",
            json!({":a": {"N": "1"}, ":b": {"S": "x"}}),
            "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}",
        ),
    ] {
        fails(
            src,
            &[],
            values,
            &format!("Invalid ConditionExpression: {message}"),
        );
    }
    // size() of a value measures it.
    yes(
        "size(:v) = :n",
        json!({":v": {"S": "abc"}, ":n": {"N": "3"}}),
    );
    fails(
        "foo(s)",
        &[],
        json!({}),
        "Invalid ConditionExpression: Invalid function name; function: foo",
    );
}

#[test]
fn nested_paths_and_names() {
    yes("doc.mid.leaf = :v", json!({":v": {"N": "3"}}));
    yes(
        "arr[1] = :v AND arr[2].deep = :d",
        json!({":v": {"N": "7"}, ":d": {"S": "d"}}),
    );
    assert_eq!(
        cond(
            "#a = :v",
            &[("#a", "my attr")],
            json!({":v": {"S": "spaced"}})
        ),
        Ok(true)
    );
    assert_eq!(
        cond(
            "#m.#n = :v",
            &[("#m", "doc"), ("#n", "label")],
            json!({":v": {"S": "m"}})
        ),
        Ok(true)
    );
}

#[test]
fn precedence() {
    // NOT binds tighter than AND, AND tighter than OR.
    yes(
        "n = :a OR n = :b AND n = :c",
        json!({":a": {"N": "5"}, ":b": {"N": "1"}, ":c": {"N": "2"}}),
    );
    no(
        "(n = :a OR n = :b) AND n = :c",
        json!({":a": {"N": "5"}, ":b": {"N": "1"}, ":c": {"N": "2"}}),
    );
    yes(
        "NOT n = :b AND n = :a",
        json!({":a": {"N": "5"}, ":b": {"N": "1"}}),
    );
    yes(
        "not attribute_exists(absent) and n = :a",
        json!({":a": {"N": "5"}}),
    );
}

#[test]
fn placeholder_and_syntax_errors() {
    fails(
        "status = :v",
        &[],
        json!({":v": {"S": "x"}}),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
    );
    fails(
        "n = :v",
        &[],
        json!({}),
        "1 validation error detected: Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v",
    );
    fails(
        "#x = :v",
        &[],
        json!({":v": {"N": "1"}}),
        "1 validation error detected: Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
    );
    fails(
        "n = :v",
        &[("#unused", "x")],
        json!({":v": {"N": "1"}}),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
    );
    fails(
        "n = :v",
        &[],
        json!({":v": {"N": "1"}, ":w": {"N": "2"}}),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}",
    );
    fails(
        "n = = :v",
        &[],
        json!({":v": {"N": "1"}}),
        "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"",
    );
    fails(
        "n =",
        &[],
        json!({}),
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
    );
    fails(
        "n = :v ;",
        &[],
        json!({":v": {"N": "1"}}),
        "Invalid ConditionExpression: Syntax error; token: \";\", near: \";\"",
    );
    fails(
        "",
        &[],
        json!({}),
        "1 validation error detected: Invalid ConditionExpression: The expression can not be empty;",
    );
}

fn updated(
    src: &str,
    names: &[(&str, &str)],
    values: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let e = env(names, values);
    let actions = parse_update(src).map_err(|e| e.message)?;
    e.bind_update(&actions).map_err(|e| e.message)?;
    e.check_unused().map_err(|e| e.message)?;
    let mut it = item();
    update::apply(&e, &mut it, &actions, &["id"]).map_err(|e| e.message)?;
    Ok(item_to_json(&it))
}

#[test]
fn update_set_arithmetic_and_functions() {
    let v = updated(
        "SET n = n + :one, s = :s, arr = list_append(arr, :more), fresh = if_not_exists(fresh, :zero), n2 = :ten - n",
        &[],
        json!({":one": {"N": "1"}, ":s": {"S": "x"}, ":more": {"L": [{"S": "q"}]}, ":zero": {"N": "0"}, ":ten": {"N": "10"}}),
    )
    .unwrap();
    assert_eq!(v["n"], json!({"N": "6"}));
    // Right-hand sides read the item as it was before the update.
    assert_eq!(v["n2"], json!({"N": "5"}));
    assert_eq!(v["arr"]["L"].as_array().unwrap().len(), 4);
    assert_eq!(v["fresh"], json!({"N": "0"}));
    let v = updated(
        "SET doc.mid.leaf = :v, arr[1] = :v, arr[9] = :v",
        &[],
        json!({":v": {"N": "1"}}),
    )
    .unwrap();
    assert_eq!(v["doc"]["M"]["mid"]["M"]["leaf"], json!({"N": "1"}));
    assert_eq!(v["arr"]["L"][1], json!({"N": "1"}));
    assert_eq!(v["arr"]["L"][3], json!({"N": "1"}));
}

#[test]
fn update_remove_add_delete() {
    let v = updated("REMOVE s, arr[0], arr[2], doc.label", &[], json!({})).unwrap();
    assert!(v.get("s").is_none());
    assert_eq!(v["arr"]["L"], json!([{"N": "7"}]));
    assert!(v["doc"]["M"].get("label").is_none());
    let v = updated(
        "ADD n :v, tags :t, newset :t DELETE nums :d",
        &[],
        json!({":v": {"N": "-5"}, ":t": {"SS": ["z"]}, ":d": {"NS": ["1", "2"]}}),
    )
    .unwrap();
    assert_eq!(v["n"], json!({"N": "0"}));
    assert_eq!(v["tags"]["SS"].as_array().unwrap().len(), 3);
    assert_eq!(v["newset"], json!({"SS": ["z"]}));
    // An emptied set disappears.
    assert!(v.get("nums").is_none());
}

#[test]
fn update_errors() {
    let e = |src: &str, values: serde_json::Value| updated(src, &[], values).unwrap_err();
    assert_eq!(
        e("SET a = :v, a.b = :v", json!({":v": {"N": "1"}})),
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"
    );
    assert_eq!(
        e("SET a.b = :v REMOVE a[0]", json!({":v": {"N": "1"}})),
        "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"
    );
    assert_eq!(
        e("SET s = s + :v", json!({":v": {"N": "1"}})),
        "An operand in the update expression has an incorrect data type"
    );
    assert_eq!(
        e("ADD s :v", json!({":v": {"S": "x"}})),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"
    );
    assert_eq!(
        e("SET x = absent + :v", json!({":v": {"N": "1"}})),
        "The provided expression refers to an attribute that does not exist in the item"
    );
    assert_eq!(
        e("SET id = :v", json!({":v": {"S": "b"}})),
        "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"
    );
    assert_eq!(
        e("SET nope.deeper = :v", json!({":v": {"N": "1"}})),
        "The document path provided in the update expression is invalid for update"
    );
    assert_eq!(
        e("SET a = :v SET b = :v", json!({":v": {"N": "1"}})),
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;"
    );
    assert_eq!(
        e("SET a = size(s)", json!({})),
        "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"
    );
    // Values of the wrong type are refused before the item is read.
    let bind = |src: &str, values: serde_json::Value| {
        let actions = parse_update(src).unwrap();
        env(&[], values).bind_update(&actions).unwrap_err().message
    };
    let operand = |f: &str, t: &str| {
        format!(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: {f}, operand type: {t}"
        )
    };
    assert_eq!(
        bind("SET a = a + :v", json!({":v": {"S": "x"}})),
        operand("+", "S")
    );
    assert_eq!(
        bind("SET a = :v - a", json!({":v": {"BOOL": true}})),
        operand("-", "BOOL")
    );
    assert_eq!(
        bind(
            "SET a = if_not_exists(a, list_append(a, :v))",
            json!({":v": {"N": "1"}})
        ),
        operand("list_append", "N")
    );
    assert_eq!(
        bind("DELETE a :v", json!({":v": {"N": "1"}})),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"
    );
}

#[test]
fn projection_keeps_nested_paths() {
    let e = Env::empty();
    let paths: Vec<Path> = parse_projection("id, doc.mid.leaf, arr[1]")
        .unwrap()
        .iter()
        .map(|p| e.path(ExprKind::Projection, p).unwrap())
        .collect();
    let out = item_to_json(&project(&item(), &paths));
    assert_eq!(
        out,
        json!({"id": {"S": "a1"}, "doc": {"M": {"mid": {"M": {"leaf": {"N": "3"}}}}}, "arr": {"L": [{"N": "7"}]}})
    );
}

#[test]
fn deep_nesting_is_a_validation_error_not_a_crash() {
    // 1,564 `(` around one comparison: 3.1 KB, under the 4 KB cap.
    let src = format!("{}a = :v{}", "(".repeat(1564), ")".repeat(1564));
    for kind in [
        ExprKind::Filter,
        ExprKind::Condition,
        ExprKind::KeyCondition,
    ] {
        let e = parse_condition(&src, kind).unwrap_err();
        assert_eq!(
            e.message,
            format!(
                "Invalid {}: The expression has redundant parentheses;",
                kind.name()
            )
        );
    }
    assert_eq!(
        parse_condition("((a = :v))", ExprKind::Condition)
            .unwrap_err()
            .message,
        "Invalid ConditionExpression: The expression has redundant parentheses;"
    );
    // Groups that are not redundant, NOT chains and nested update functions: each
    // refused past the bound, before the stack could run out.
    let groups = format!("{}a = :v{}", "(a = :v OR ".repeat(300), ")".repeat(300));
    assert!(groups.len() <= 4096);
    assert!(parse_condition(&groups, ExprKind::Filter).is_err());
    let nots = "NOT ".repeat(1000) + "a = :v";
    assert!(parse_condition(&nots, ExprKind::Filter).is_err());
    let nested = format!(
        "SET a = {}:v{}",
        "list_append(:v, ".repeat(250),
        ")".repeat(250)
    );
    assert!(parse_update(&nested).is_err());
    // Within the bound, all of them parse.
    let fine = format!("{}a = :v{}", "(a = :v OR ".repeat(100), ")".repeat(100));
    assert!(parse_condition(&fine, ExprKind::Filter).is_ok());
    assert!(parse_condition(&("NOT ".repeat(100) + "a = :v"), ExprKind::Filter).is_ok());
    assert!(parse_condition("(a = :v) AND ((b = :v) OR c = :v)", ExprKind::Filter).is_ok());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parsers_never_panic(src in "\\PC{0,80}") {
            let _ = parse_condition(&src, ExprKind::Condition);
            let _ = parse_update(&src);
            let _ = parse_projection(&src);
        }

        #[test]
        fn hostile_nesting_never_panics(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("("), Just(")"), Just("NOT "), Just("a = :v"), Just(" AND "),
                    Just(" OR "), Just("list_append(:v, "), Just("SET a = "),
                    Just("if_not_exists(a, "), Just("size(a)"), Just(","),
                ],
                0..600,
            )
        ) {
            let src: String = parts.concat();
            let _ = parse_condition(&src, ExprKind::Filter);
            let _ = parse_update(&src);
        }

        #[test]
        fn generated_conditions_parse(ops in proptest::collection::vec(0usize..6, 1..6)) {
            let cmp = ["=", "<>", "<", "<=", ">", ">="];
            let parts: Vec<String> = ops.iter().map(|i| format!("n {} :v", cmp[*i])).collect();
            let src = parts.join(" AND ");
            prop_assert!(parse_condition(&src, ExprKind::Condition).is_ok());
        }
    }
}
