//! One bad file per validation rule, each asserting the exact message and position.

use crate::support::problems;

const PY: &[&str] = &["functions/f/handlers.py"];

/// A function that passes every check, for files whose fault lies elsewhere.
const FUNCTION: &str = "functions:\n  f: { runtime: python3.12, handler: handlers.main }\n";

fn one(yaml: &str, files: &[&str], expected: &str) {
    let found = problems(yaml, files);
    assert_eq!(found, vec![expected.to_string()], "for:\n{yaml}");
}

#[test]
fn valid_minimal_file_has_no_problems() {
    assert!(problems(&format!("project: p\n{FUNCTION}"), PY).is_empty());
}

#[test]
fn yaml_syntax() {
    one(
        "project: p\ntables: [\n",
        &[],
        "3:1: error: invalid YAML: while parsing a node, did not find expected node content | check the indentation and the quotes around this position",
    );
}

#[test]
fn tabs_and_indentation_say_where_and_how() {
    one(
        "project: p\ntables:\n\tt:\n    key: { partition: id:S }\n",
        &[],
        "3:2: error: invalid YAML: a tab indents this line; YAML indents with spaces only | replace the tab with spaces",
    );
    let found = problems("project: x\n tables:\n  t:\n", &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("2:8: error: invalid YAML: a `key: value` where none can be"),
        "{found:?}"
    );
    assert!(found[0].contains(" | indent a nested key"), "{found:?}");
}

/// A binary or non-UTF-8 file, and a folder where the file should be: a position,
/// a hint and exit 2, like any other problem of the file.
#[test]
fn binary_files_and_folders_are_problems_of_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("gatekit.yaml"),
        b"project: x\nab\xff\xfe\x00",
    )
    .expect("write");
    crate::support::gatekit()
        .current_dir(dir.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "gatekit.yaml:2:3: error: the file is not UTF-8 text",
        ))
        .stderr(predicates::str::contains(
            "hint: save gatekit.yaml as UTF-8",
        ));
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(folder.path().join("gatekit.yaml")).expect("mkdir");
    crate::support::gatekit()
        .current_dir(folder.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "this is a folder, not a project file",
        ));
}

#[test]
fn duplicate_key() {
    one(
        "project: p\nproject: q\n",
        &[],
        "2:1: error: duplicate key `project` | each key may appear once in a mapping; merge the two",
    );
}

#[test]
fn empty_file() {
    one(
        "",
        &[],
        "1:1: error: the project file is empty | start with `project: NAME`; `gatekit init` writes a working example",
    );
}

#[test]
fn missing_required_field() {
    one(
        "tables: {}\n",
        &[],
        "1:1: error: the file is missing the required field `project` | add `project:`; `gatekit schema` describes it",
    );
}

#[test]
fn unknown_field_suggests_nearest() {
    one(
        "project: p\ntabels: {}\n",
        &[],
        "2:1: error: unknown field `tabels` in the file's top level | did you mean `tables`?",
    );
}

#[test]
fn wrong_type() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.12, handler: handlers.main, memory: lots }\n",
        PY,
        "3:61: error: `functions.f.memory` must be an integer, found a string `lots`",
    );
}

#[test]
fn memory_range() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.12, handler: handlers.main, memory: 64 }\n",
        PY,
        "3:61: error: `functions.f.memory` must be between 128 and 10240, found 64",
    );
}

#[test]
fn timeout_range() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.12, handler: handlers.main, timeout: 901 }\n",
        PY,
        "3:62: error: `functions.f.timeout` must be between 1 and 900, found 901",
    );
}

#[test]
fn enum_value_suggests_nearest() {
    one(
        "project: p\ntables:\n  t: { key: { partition: id:S }, billing: ondemand }\n",
        &[],
        "3:43: error: `tables.t.billing` cannot be `ondemand` | did you mean `on_demand`?",
    );
}

#[test]
fn key_attribute_type() {
    one(
        "project: p\ntables:\n  t: { key: { partition: id:BOOL } }\n",
        &[],
        "3:26: error: `BOOL` is not a key attribute type (in `id:BOOL`) | key attributes are S (string), N (number) or B (binary)",
    );
}

#[test]
fn key_attribute_without_type() {
    one(
        "project: p\ntables:\n  t: { key: { partition: id } }\n",
        &[],
        "3:26: error: key attribute `id` has no type | write `id:S` (S string, N number, B binary)",
    );
}

#[test]
fn clashing_attribute_definitions() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    indexes:\n      by_id: { partition: id:N }\n",
        &[],
        "6:27: error: attribute `id` is `N` here but `S` at line 4 | an attribute has one type across the table's key and all its indexes",
    );
}

#[test]
fn local_index_needs_sort_key() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    local_indexes:\n      by_due: { sort: due:N }\n",
        &[],
        "5:5: error: local indexes need a table with a sort key, and `t` has none | add `key.sort`, or move the indexes under `indexes` as global indexes",
    );
}

#[test]
fn local_index_sort_is_partition_key() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S, sort: at:N }\n    local_indexes:\n      by_id: { sort: id:S }\n",
        &[],
        "6:22: error: local index `by_id` sorts by `id`, the table's partition key | a local index shares the table's partition key; sort it by another attribute",
    );
}

#[test]
fn route_syntax() {
    one(
        &format!("project: p\n{FUNCTION}apis:\n  a:\n    routes:\n      GET /x/{{p+}}/y: f\n"),
        PY,
        "7:7: error: greedy parameter `{p+}` must be the last part of route `GET /x/{p+}/y` | move it to the end, or drop the `+`",
    );
}

#[test]
fn route_method() {
    one(
        &format!("project: p\n{FUNCTION}apis:\n  a:\n    routes:\n      FETCH /x: f\n"),
        PY,
        "7:7: error: `FETCH` is not an HTTP method (in route `FETCH /x`) | methods are GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY",
    );
}

#[test]
fn duplicate_route() {
    one(
        &format!(
            "project: p\n{FUNCTION}apis:\n  a:\n    routes:\n      GET /x: f\n      GET  /x: f\n"
        ),
        PY,
        "8:7: error: route `GET /x` is defined twice | keep one of the two (the other is `GET /x`)",
    );
}

#[test]
fn ambiguous_routes() {
    one(
        &format!(
            "project: p\n{FUNCTION}apis:\n  a:\n    routes:\n      GET /x/{{id}}: f\n      DELETE /x/{{key}}: f\n"
        ),
        PY,
        "8:7: error: route `DELETE /x/{key}` puts `{key}` where route `GET /x/{id}` has `{id}` | API Gateway allows one parameter per path position: use `{id}` in both",
    );
}

#[test]
fn route_to_undefined_function() {
    one(
        &format!("project: p\n{FUNCTION}apis:\n  a:\n    routes:\n      GET /x: g\n"),
        PY,
        "7:15: error: route `GET /x` goes to `g`, which is not a function of this project | expected one of `f`",
    );
}

#[test]
fn reference_to_undefined_resource() {
    one(
        "project: p\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    environment: { T: \"${tables.todo.name}\" }\n",
        PY,
        "6:23: error: `${tables.todo.name}` refers to table `todo`, which this project does not define | nothing is defined there yet",
    );
}

#[test]
fn target_variables_must_be_defined_for_every_target() {
    one(
        "project: p\ntargets:\n  local: { variables: { level: debug } }\n  prod: { region: eu-west-1 }\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    environment: { LOG: \"${vars.level}\" }\n",
        PY,
        "9:25: error: `${vars.level}` is not defined for target `prod` | give it a value under `targets.prod.variables`",
    );
    let ok = "project: p\ntargets:\n  local: { variables: { level: debug } }\n  prod: { region: eu-west-1, variables: { level: warn } }\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    environment: { LOG: \"${vars.level}\" }\n";
    assert!(problems(ok, PY).is_empty());
}

#[test]
fn reference_to_unknown_attribute() {
    one(
        "project: p\ntables:\n  t: { key: { partition: id:S } }\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    environment: { T: \"${tables.t.url}\" }\n",
        PY,
        "8:23: error: `${tables.t.url}` asks for a field that tables do not have | tables have `name` and `arn`",
    );
}

#[test]
fn unknown_runtime() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.99, handler: handlers.main }\n",
        PY,
        "3:17: error: `python3.99` is not a Lambda runtime that gatekit supports | did you mean `python3.12`?",
    );
}

#[test]
fn deprecated_runtime_warns() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.11, handler: handlers.main }\n",
        PY,
        "3:17: warning: runtime `python3.11` has been deprecated by AWS since 2026-06-30 | move to `python3.14` while it still deploys",
    );
}

#[test]
fn retired_runtime() {
    one(
        "project: p\nfunctions:\n  f: { runtime: nodejs16.x, handler: index.handler }\n",
        &["functions/f/index.js"],
        "3:17: error: runtime `nodejs16.x` is retired: AWS no longer creates or updates functions with it | use `nodejs24.x`",
    );
}

#[test]
fn handler_format() {
    one(
        "project: p\nfunctions:\n  f: { runtime: nodejs22.x, handler: index }\n",
        &["functions/f/index.js"],
        "3:38: error: Node.js handler `index` needs the form `file.export` | write it like `index.handler` (file index.mjs or index.js, export handler)",
    );
}

#[test]
fn handler_file_missing() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.12, handler: app.main }\n",
        PY,
        "3:38: error: handler `app.main` needs `app.py` in `functions/f`, and there is none | create the file, fix `handler:`, or set `code:` to the folder that holds it",
    );
}

#[test]
fn code_folder_missing() {
    one(
        "project: p\nfunctions:\n  f: { runtime: python3.12, handler: handlers.main, code: src/f }\n",
        &[],
        "3:59: error: code folder `src/f` of function `f` does not exist | create it, or point `code:` at the folder that holds the handler",
    );
}

#[test]
fn build_command_skips_handler_file() {
    assert!(problems(
        "project: p\nfunctions:\n  f: { runtime: provided.al2023, handler: bootstrap, code: f, build: cargo build }\n",
        &["f/Cargo.toml"],
    )
    .is_empty());
}

#[test]
fn physical_name_too_long() {
    let long = "f".repeat(60);
    one(
        &format!(
            "project: p\nfunctions:\n  {long}: {{ runtime: python3.12, handler: handlers.main, code: c }}\n"
        ),
        &["c/handlers.py"],
        &format!(
            "3:3: error: function name `p-local-{long}` is 68 characters long; AWS allows 1 to 64 (target `local`) | shorten the logical name, or set `name:` to a physical name of your choice"
        ),
    );
}

#[test]
fn explicit_physical_name_checked() {
    one(
        "project: p\ntables:\n  t: { name: \"my table\", key: { partition: id:S } }\n",
        &[],
        "3:14: error: table name `my table` has the character ` `; AWS allows letters, digits, `_`, `.` and `-` | change `name:`, or remove it to use the default name",
    );
}

#[test]
fn item_model_unknown_type() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        n: { type: integer }\n",
        &[],
        "7:20: error: `tables.t.items.attributes.n.type` cannot be `integer` | expected one of `string`, `number`, `boolean`, `binary`, `string_set`, `number_set`, `binary_set`, `list`, `map`, `null`",
    );
}

#[test]
fn item_model_constraint_for_wrong_type() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        n: { type: boolean, max_length: 3 }\n",
        &[],
        "7:29: error: `max_length` does not apply to `n`, a boolean attribute | `max_length` applies to string, binary, string_set, number_set, binary_set, list, map",
    );
}

#[test]
fn item_model_bounds_disagree() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        n: { type: string, min_length: 5, max_length: 2 }\n",
        &[],
        "7:55: error: `max_length` (2) is below `min_length` (5) | no value could satisfy both",
    );
}

#[test]
fn item_model_default_breaks_enum() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        s: { type: string, enum: [open, done], default: closed }\n",
        &[],
        "7:57: error: the default of `s`, \"closed\", is not in `enum` | change the default so that it obeys the attribute's own rules",
    );
}

#[test]
fn item_model_bad_pattern() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        s: { type: string, pattern: \"[a-\" }\n",
        &[],
        "7:37: error: `pattern` of `s` is not a valid regular expression: unclosed character class | gatekit uses Rust regex syntax (no look-around or back-references)",
    );
}

#[test]
fn item_model_key_type_mismatch() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        id: { type: number }\n",
        &[],
        "7:21: error: `id` is a key of type S but the item model makes it a number | write `type: string`",
    );
}

#[test]
fn item_model_key_not_required() {
    one(
        "project: p\ntables:\n  t:\n    key: { partition: id:S }\n    items:\n      attributes:\n        id: { type: string, required: false }\n",
        &[],
        "7:39: error: `id` is part of the table's key, so every item has it | remove `required: false`",
    );
}

#[test]
fn reserved_tag_prefix() {
    one(
        "project: p\ntables:\n  t: { key: { partition: id:S }, tags: { \"gatekit:name\": x } }\n",
        &[],
        "3:42: error: tag key `gatekit:name` uses a reserved prefix | `aws:` is AWS's and `gatekit:` is gatekit's; choose another key",
    );
}

#[test]
fn access_to_undefined_table() {
    one(
        "project: p\ntables:\n  todos: { key: { partition: id:S } }\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    access: { todo: read }\n",
        PY,
        "8:15: error: function `f` is given access to `todo`, which is not a table of this project | did you mean `todos`?",
    );
}

#[test]
fn local_only_setting_on_remote_target() {
    one(
        "project: p\ntargets:\n  prod: { region: eu-west-1, node: /usr/bin/node }\n",
        &[],
        "3:30: error: `node` applies only to the `local` target | move it under `targets.local`",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(
        "project: p\ntables:\n  t: { key: { partition: id:X }, bling: 1 }\nfunctions:\n  f: { runtime: python9, handler: h.x, memory: 1 }\n",
        &[],
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

/// Triggers: a table of the project, once per table, a record age Lambda takes,
/// filter patterns Lambda takes; the schema's ranges (batch size) too.
#[test]
fn trigger_rules() {
    let with = |events: &str| {
        format!(
            "project: p\ntables:\n  t: {{ key: {{ partition: id:S }} }}\nfunctions:\n  f:\n    runtime: python3.12\n    handler: handlers.main\n    events:\n{events}"
        )
    };
    assert!(
        problems(
            &with("      - table: t\n        filter: { eventName: [INSERT] }\n"),
            PY
        )
        .is_empty()
    );
    one(
        &with("      - table: tt\n"),
        PY,
        "9:16: error: function `f` is triggered by `tt`, which is not a table of this project | did you mean `t`?",
    );
    one(
        &with("      - table: t\n      - table: t\n"),
        PY,
        "10:16: error: function `f` is triggered by `t` twice | Lambda keeps one trigger per function and stream: merge the two, with a filter list if they differ",
    );
    one(
        &with("      - table: t\n        max_record_age: 30\n"),
        PY,
        "10:25: error: max_record_age is 30; Lambda takes -1 or 60 to 604800 | write -1 to keep records until they expire, or at least 60",
    );
    let found = problems(
        &with("      - table: t\n        filter: { eventName: INSERT }\n"),
        PY,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "10:17: error: `{\"eventName\":\"INSERT\"}` is not a Lambda filter pattern"
        ),
        "{found:?}"
    );
    let found = problems(&with("      - table: t\n        batch_size: 0\n"), PY);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("10:21: error:"), "{found:?}");
}
