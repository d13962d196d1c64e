//! The condition language: parsing, rendering, key conditions, hostile input.
use super::*;

fn no_types(_: &str) -> Option<AttributeType> {
    None
}

fn r(src: &str) -> (String, Placeholders) {
    let mut ph = Placeholders::default();
    let text = render(&parse(src).unwrap(), &mut ph, &no_types);
    (text, ph)
}

#[test]
fn reserved_words_and_odd_names_get_placeholders() {
    let (text, ph) = r("status = \"open\" and `my attr` != 3");
    assert_eq!(text, "(#n0 = :v0) AND (#n1 <> :v1)");
    assert_eq!(ph.names["#n0"], "status");
    assert_eq!(ph.names["#n1"], "my attr");
    assert_eq!(ph.values[":v1"], json!({"N": "3"}));
}

#[test]
fn every_construct() {
    assert_eq!(r("a between 1 and 5").0, "#n0 BETWEEN :v0 AND :v1");
    assert_eq!(r("a in (1, 'x')").0, "#n0 IN (:v0, :v1)");
    assert_eq!(r("a begins_with \"x\"").0, "begins_with(#n0, :v0)");
    assert_eq!(r("begins_with(a, \"x\")").0, "begins_with(#n0, :v0)");
    assert_eq!(r("a contains \"x\"").0, "contains(#n0, :v0)");
    assert_eq!(
        r("exists(a) or missing(b)").0,
        "(attribute_exists(#n0)) OR (attribute_not_exists(#n1))"
    );
    assert_eq!(r("a exists").0, "attribute_exists(#n0)");
    assert_eq!(r("not a = true").0, "NOT (#n0 = :v0)");
    assert_eq!(r("size(tags) >= 2").0, "size(#n0) >= :v0");
    assert_eq!(r("doc.items[2].name = null").0, "#n0.#n1[2].#n2 = :v0");
    assert_eq!(
        r("(a = 1 or b = 2) and c <= -1.5").0,
        "((#n0 = :v0) OR (#n1 = :v1)) AND (#n2 <= :v2)"
    );
}

#[test]
fn errors_say_what_and_how() {
    assert_eq!(
        parse("a =").unwrap_err().message,
        "expected a value (a \"string\", a number, true, false, null or [a, list]), found the end"
    );
    assert_eq!(
        parse("a ~ 1").unwrap_err().message,
        "unexpected character `~`"
    );
    assert_eq!(
        parse("a = \"x").unwrap_err().message,
        "the string starting at character 5 is not closed"
    );
    assert!(
        parse("a")
            .unwrap_err()
            .message
            .starts_with("expected a comparison")
    );
    assert_eq!(parse("").unwrap_err().message, "the condition is empty");
    assert_eq!(
        parse("a = 1 b = 2").unwrap_err().message,
        "expected `and`, `or` or the end, found `b`"
    );
}

#[test]
fn literals_take_the_attribute_type() {
    let typer = |a: &str| {
        if a == "id" {
            Some(AttributeType::String)
        } else {
            None
        }
    };
    let mut ph = Placeholders::default();
    render(&parse("id = 42").unwrap(), &mut ph, &typer);
    assert_eq!(ph.values[":v0"], json!({"S": "42"}));
}

#[test]
fn key_conditions() {
    let mut ph = Placeholders::default();
    let c = parse("owner = \"ann\" and id begins_with \"2024-\"").unwrap();
    assert_eq!(
        key_condition(&c, "owner", Some("id"), &mut ph, &no_types).unwrap(),
        "#n0 = :v0 AND begins_with(#n1, :v1)"
    );
    let bad = parse("owner = \"ann\" and title = \"x\"").unwrap();
    let e = key_condition(
        &bad,
        "owner",
        Some("id"),
        &mut Placeholders::default(),
        &no_types,
    )
    .unwrap_err();
    assert!(e.message.contains("`title`"));
    assert!(e.hint.contains("--where"));
    let no_hash = parse("id = \"1\"").unwrap();
    assert!(
        key_condition(
            &no_hash,
            "owner",
            Some("id"),
            &mut Placeholders::default(),
            &no_types
        )
        .is_err()
    );
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    for src in [
        format!("{}owner = \"ann\"{}", "(".repeat(2000), ")".repeat(2000)),
        "not ".repeat(1000) + "owner = \"ann\"",
        format!("tags = {}1{}", "[".repeat(1500), "]".repeat(1500)),
    ] {
        let e = parse(&src).unwrap_err();
        assert!(e.message.contains("nests deeper"), "{}", e.message);
    }
    let just = format!("{}owner = \"ann\"{}", "(".repeat(32), ")".repeat(32));
    assert!(parse(&just).is_ok());
}

#[test]
fn a_condition_over_4_kb_is_refused_before_parsing() {
    let long = vec!["a = 1"; 1000].join(" and ");
    let e = parse(&long).unwrap_err();
    assert!(e.message.contains("over DynamoDB's 4096"), "{}", e.message);
    // `not ` 20,000 times, as a user tried: refused, not a stack overflow.
    assert!(parse(&("not ".repeat(20_000) + "a = 1")).is_err());
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,60}") {
        let _ = parse(&s);
    }

    #[test]
    fn hostile_nesting_never_panics(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("("), proptest::strategy::Just(")"),
                proptest::strategy::Just("not "), proptest::strategy::Just("["),
                proptest::strategy::Just("]"), proptest::strategy::Just("a = 1"),
                proptest::strategy::Just(" and "), proptest::strategy::Just(" or "),
            ],
            0..300,
        )
    ) {
        let src: String = parts.concat();
        if let Ok(c) = parse(&src) {
            let mut ph = Placeholders::default();
            let _ = render(&c, &mut ph, &no_types);
        }
    }
}
