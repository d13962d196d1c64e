#![allow(clippy::disallowed_macros)] // a benchmark prints its figures
//! Benchmark: how long validating a project takes (every command starts with it).
//! Run: `cargo bench --bench validate`. Prints the median of several batches.

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/todo");
    let text = std::fs::read_to_string(dir.join("gatekit.yaml")).expect("the example exists");
    // A larger project: the example's table repeated under 50 names.
    let mut big = String::from("project: big\ntables:\n");
    for i in 0..50 {
        big.push_str(&format!(
            "  t{i}:\n    key: {{ partition: pk:S, sort: sk:N }}\n    indexes:\n      by_a: {{ partition: a:S }}\n    items:\n      attributes:\n        a: {{ type: string, max_length: 10, pattern: \"[a-z]+\" }}\n"
        ));
    }
    for (name, text) in [
        ("examples/todo", text.as_str()),
        ("50 tables", big.as_str()),
    ] {
        let per_call = measure(|| {
            let result = gatekit::project::check_text(text, &dir);
            assert!(result.is_ok());
        });
        println!(
            "validate {name:<14} {:>8.1} µs per call",
            per_call.as_secs_f64() * 1e6
        );
    }
    scaling(&dir);
}

/// Validation must grow linearly with the file: 10,000 and 40,000 tables, once each
/// (a linear search per table made 40,000 take 12.9 s where 20,000 took 2.7).
fn scaling(dir: &Path) {
    let mut times = Vec::new();
    for n in [10_000, 40_000] {
        let mut text = String::from("project: big\ntables:\n");
        for i in 0..n {
            text.push_str(&format!("  t{i}:\n    key: {{ partition: id:S }}\n"));
        }
        let start = Instant::now();
        assert!(gatekit::project::check_text(&text, dir).is_ok());
        let took = start.elapsed();
        println!(
            "validate {n:>6} tables {:>8.1} ms",
            took.as_secs_f64() * 1e3
        );
        times.push(took.as_secs_f64());
    }
    println!(
        "40,000 / 10,000 tables: {:.1}x the time (4x is linear)",
        times[1] / times[0]
    );
}

fn measure(mut f: impl FnMut()) -> Duration {
    let mut batches = Vec::new();
    for _ in 0..7 {
        let n = 200;
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        batches.push(start.elapsed() / n);
    }
    batches.sort();
    batches[batches.len() / 2]
}
