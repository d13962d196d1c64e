use super::*;
use proptest::prelude::*;
use serde_json::json;

#[test]
fn statements_parse_into_what_they_say() {
    let s = parse(
        r#"SELECT a, "b c".d[2] FROM t."i" WHERE k = ? AND (x IN [1, 2] OR NOT y BETWEEN 'a' AND 'b') AND z IS NOT MISSING ORDER BY s DESC"#,
        &[json!({"S": "v"})],
    )
    .expect("parses");
    let Statement::Select(sel) = s else {
        panic!("a select")
    };
    assert_eq!(sel.index.as_deref(), Some("i"));
    assert_eq!(sel.projection.as_ref().map(Vec::len), Some(2));
    assert!(matches!(sel.order, Some((_, true))));
    let u = parse("UPDATE t SET a = a + 1, b = set_add(b, <<1, 2>>) REMOVE c WHERE k = 'x' RETURNING MODIFIED NEW *", &[]).expect("parses");
    assert!(matches!(
        u,
        Statement::Update {
            returning: Some("UPDATED_NEW"),
            ..
        }
    ));
    let i = parse(
        "INSERT INTO t VALUE {'k': 'x', 'n': -1.5e2, 'l': [TRUE, NULL]}",
        &[],
    )
    .expect("parses");
    let Statement::Insert { item, .. } = i else {
        panic!("an insert")
    };
    assert_eq!(item["n"], json!({"N": "-150"}));
}

#[test]
fn nesting_is_bounded() {
    let deep = format!(
        "SELECT * FROM t WHERE {}a = 1{}",
        "(".repeat(200),
        ")".repeat(200)
    );
    assert!(parse(&deep, &[]).is_err());
    let deep_value = format!(
        "INSERT INTO t VALUE {{'k': {}1{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(parse(&deep_value, &[]).is_err());
    let nots = format!("SELECT * FROM t WHERE {}a = 1", "NOT ".repeat(500));
    assert!(parse(&nots, &[]).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any text, and any mix of the grammar's tokens, parses or is refused
    /// with a ValidationException; nothing panics.
    #[test]
    fn any_statement_is_parsed_or_refused(
        words in proptest::collection::vec(prop_oneof![
            Just("SELECT"), Just("*"), Just("FROM"), Just("t"), Just("WHERE"), Just("a"),
            Just("="), Just("'x'"), Just("1"), Just("AND"), Just("OR"), Just("NOT"), Just("("),
            Just(")"), Just("["), Just("]"), Just("{"), Just("}"), Just(","), Just("IN"),
            Just("BETWEEN"), Just("IS"), Just("MISSING"), Just("UPDATE"), Just("SET"),
            Just("INSERT"), Just("INTO"), Just("VALUE"), Just("DELETE"), Just("<<"), Just(">>"),
            Just("."), Just("?"), Just("size"), Just("EXISTS"), Just("-"), Just(":"),
        ], 0..40),
        noise in "\\PC{0,64}",
    ) {
        let text = words.join(" ");
        if let Err(e) = parse(&text, &[json!({"S": "p"})]) {
            prop_assert_eq!(e.kind, crate::local::dynamodb::error::ErrorKind::Validation);
        }
        let _ = parse(&noise, &[]);
    }
}
