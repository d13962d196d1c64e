//! Evaluates a condition of the condition language against an item in DynamoDB JSON,
//! as DynamoDB would evaluate its rendering. gatekit uses it to say which of the
//! conditions it added to a write failed, from the item DynamoDB returns with a
//! ConditionalCheckFailedException. Pure; conditions are built or parsed with a
//! bounded depth, so the recursion here is bounded too.

use std::cmp::Ordering;

use base64::Engine;
use serde_json::{Map, Value as Json};

use super::condition::{Cond, Operand, Part, Path, Typer, typed};

/// Whether `cond` holds for `item` (None: there is no item, every path is missing).
pub fn holds(cond: &Cond, item: Option<&Map<String, Json>>, typer: Typer<'_>) -> bool {
    let empty = Map::new();
    let item = item.unwrap_or(&empty);
    eval(cond, item, typer)
}

fn eval(cond: &Cond, item: &Map<String, Json>, typer: Typer<'_>) -> bool {
    match cond {
        Cond::And(a, b) => eval(a, item, typer) && eval(b, item, typer),
        Cond::Or(a, b) => eval(a, item, typer) || eval(b, item, typer),
        Cond::Not(a) => !eval(a, item, typer),
        Cond::Compare(o, op, lit) => {
            let Some(left) = operand(o, item) else {
                return false;
            };
            let right = typed(lit, operand_type(o, typer));
            match *op {
                "=" => equal(&left, &right),
                "<>" => !equal(&left, &right),
                _ => order(&left, &right).is_some_and(|ord| match *op {
                    "<" => ord == Ordering::Less,
                    "<=" => ord != Ordering::Greater,
                    ">" => ord == Ordering::Greater,
                    ">=" => ord != Ordering::Less,
                    _ => false,
                }),
            }
        }
        Cond::Between(o, lo, hi) => {
            let Some(v) = operand(o, item) else {
                return false;
            };
            let ty = operand_type(o, typer);
            let (lo, hi) = (typed(lo, ty), typed(hi, ty));
            order(&v, &lo).is_some_and(|o| o != Ordering::Less)
                && order(&v, &hi).is_some_and(|o| o != Ordering::Greater)
        }
        Cond::In(o, list) => {
            let Some(v) = operand(o, item) else {
                return false;
            };
            let ty = operand_type(o, typer);
            list.iter().any(|lit| equal(&v, &typed(lit, ty)))
        }
        Cond::BeginsWith(p, lit) => {
            let ty = if p.len() == 1 { typer(top(p)) } else { None };
            match (walk(p, item), typed(lit, ty)) {
                (Some(v), prefix) => match (scalar(&v), scalar(&prefix)) {
                    (Some(("S", a)), Some(("S", b))) => a.starts_with(b),
                    (Some(("B", a)), Some(("B", b))) => bytes(a).starts_with(&bytes(b)),
                    _ => false,
                },
                (None, _) => false,
            }
        }
        Cond::Contains(p, lit) => {
            let Some(v) = walk(p, item) else {
                return false;
            };
            let ty = if p.len() == 1 { typer(top(p)) } else { None };
            let member = typed(lit, ty);
            contains(&v, &member)
        }
        Cond::Exists(p) => walk(p, item).is_some(),
        Cond::Missing(p) => walk(p, item).is_none(),
    }
}

fn top(p: &Path) -> &str {
    match p.first() {
        Some(Part::Name(n)) => n,
        _ => "",
    }
}

fn operand_type(o: &Operand, typer: Typer<'_>) -> Option<crate::project::model::AttributeType> {
    match o {
        Operand::Path(p) if p.len() == 1 => typer(top(p)),
        Operand::Size(_) => Some(crate::project::model::AttributeType::Number),
        _ => None,
    }
}

/// The value at `path` in the item, as DynamoDB JSON.
fn walk(path: &Path, item: &Map<String, Json>) -> Option<Json> {
    let mut parts = path.iter();
    let Some(Part::Name(first)) = parts.next() else {
        return None;
    };
    let mut at = item.get(first)?;
    for part in parts {
        at = match part {
            Part::Name(n) => at.get("M")?.get(n)?,
            Part::Index(i) => at.get("L")?.get(*i)?,
        };
    }
    Some(at.clone())
}

fn operand(o: &Operand, item: &Map<String, Json>) -> Option<Json> {
    match o {
        Operand::Path(p) => walk(p, item),
        Operand::Size(p) => {
            let v = walk(p, item)?;
            let (tag, x) = v.as_object()?.iter().next()?;
            let n = match tag.as_str() {
                "S" => x.as_str()?.len(),
                "B" => bytes(x.as_str()?).len(),
                "SS" | "NS" | "BS" | "L" => x.as_array()?.len(),
                "M" => x.as_object()?.len(),
                _ => return None,
            };
            Some(serde_json::json!({ "N": n.to_string() }))
        }
    }
}

fn scalar(v: &Json) -> Option<(&str, &str)> {
    let (tag, x) = v.as_object()?.iter().next()?;
    Some((tag.as_str(), x.as_str()?))
}

fn bytes(b64: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap_or_default()
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse().ok()
}

/// DynamoDB's ordering: numbers by value, strings and binaries by bytes; values
/// of different types are not ordered.
fn order(a: &Json, b: &Json) -> Option<Ordering> {
    match (scalar(a)?, scalar(b)?) {
        (("N", x), ("N", y)) => number(x)?.partial_cmp(&number(y)?),
        (("S", x), ("S", y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (("B", x), ("B", y)) => Some(bytes(x).cmp(&bytes(y))),
        _ => None,
    }
}

fn equal(a: &Json, b: &Json) -> bool {
    let (Some((ta, xa)), Some((tb, xb))) = (
        a.as_object().and_then(|o| o.iter().next()),
        b.as_object().and_then(|o| o.iter().next()),
    ) else {
        return false;
    };
    if ta != tb {
        return false;
    }
    match ta.as_str() {
        "N" => order(a, b) == Some(Ordering::Equal),
        "SS" | "NS" | "BS" => {
            let members = |x: &Json| -> Vec<Json> {
                let tag = &ta[..1];
                x.as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| serde_json::json!({ tag: m }))
                    .collect()
            };
            let (ma, mb) = (members(xa), members(xb));
            ma.len() == mb.len() && ma.iter().all(|m| mb.iter().any(|n| equal(m, n)))
        }
        "L" => {
            let (la, lb) = (
                xa.as_array().cloned().unwrap_or_default(),
                xb.as_array().cloned().unwrap_or_default(),
            );
            la.len() == lb.len() && la.iter().zip(&lb).all(|(m, n)| equal(m, n))
        }
        "M" => {
            let (ma, mb) = (xa.as_object(), xb.as_object());
            match (ma, mb) {
                (Some(ma), Some(mb)) => {
                    ma.len() == mb.len()
                        && ma
                            .iter()
                            .all(|(k, v)| mb.get(k).is_some_and(|w| equal(v, w)))
                }
                _ => false,
            }
        }
        _ => xa == xb,
    }
}

/// contains(): a substring of a string, a member of a set, an element of a list.
fn contains(v: &Json, member: &Json) -> bool {
    let Some((tag, x)) = v.as_object().and_then(|o| o.iter().next()) else {
        return false;
    };
    match tag.as_str() {
        "S" => scalar(member)
            .is_some_and(|(t, m)| t == "S" && x.as_str().is_some_and(|s| s.contains(m))),
        "B" => scalar(member).is_some_and(|(t, m)| {
            t == "B" && {
                let (hay, needle) = (bytes(x.as_str().unwrap_or_default()), bytes(m));
                needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
            }
        }),
        "SS" | "NS" | "BS" => {
            let tag = &tag[..1];
            x.as_array()
                .into_iter()
                .flatten()
                .any(|m| equal(&serde_json::json!({ tag: m }), member))
        }
        "L" => x.as_array().into_iter().flatten().any(|e| equal(e, member)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::items::condition::parse;
    use serde_json::json;

    fn item() -> Map<String, Json> {
        json!({
            "n": {"N": "6"},
            "s": {"S": "hello"},
            "tags": {"SS": ["a", "b"]},
            "doc": {"M": {"list": {"L": [{"N": "1"}, {"S": "x"}]}}}
        })
        .as_object()
        .cloned()
        .unwrap()
    }

    fn check(src: &str) -> bool {
        let typer = |a: &str| match a {
            "tags" => Some(crate::project::model::AttributeType::StringSet),
            _ => None,
        };
        holds(&parse(src).unwrap(), Some(&item()), &typer)
    }

    #[test]
    fn evaluates_as_dynamodb_does() {
        assert!(check("n >= 6 and n < 6.5"));
        assert!(!check("n > 6"));
        assert!(check("s begins_with \"he\""));
        assert!(check("tags contains \"a\" and not (tags contains \"c\")"));
        assert!(check("size(tags) = 2"));
        assert!(check("doc.list[1] = \"x\" and doc.list[0] = 1"));
        assert!(check("doc.list[1] exists and doc.list[2] missing"));
        assert!(!check("n = \"6\""), "a string never equals a number");
        assert!(
            !check("missing_attribute < 3"),
            "a missing path compares false"
        );
        assert!(check("n between 1 and 6") && check("n in (1, 6)"));
    }

    #[test]
    fn no_item_means_every_path_is_missing() {
        let typer = |_: &str| None;
        assert!(holds(&parse("n missing").unwrap(), None, &typer));
        assert!(!holds(&parse("n exists or n = 1").unwrap(), None, &typer));
    }
}
