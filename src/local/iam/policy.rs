//! Evaluating identity-based policies as IAM does, for the calls a function makes
//! with its role's credentials: an explicit Deny wins, then an Allow, else the
//! implicit deny. Actions match case-insensitively with `*` and `?` wildcards;
//! resources case-sensitively. Statements with conditions are not evaluated here:
//! they neither allow nor deny (the emulator knows none of the condition keys).

use serde_json::Value as Json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Denied by a statement that says so.
    ExplicitDeny,
    /// No statement allows it.
    ImplicitDeny,
}

/// `*` any run of characters, `?` one.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

fn strings(v: Option<&Json>) -> Vec<String> {
    match v {
        Some(Json::String(s)) => vec![s.clone()],
        Some(Json::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

fn matches_action(statement: &Json, action: &str) -> bool {
    let lower = action.to_ascii_lowercase();
    let hit = |list: Vec<String>| list.iter().any(|p| glob(&p.to_ascii_lowercase(), &lower));
    if statement.get("NotAction").is_some() {
        !hit(strings(statement.get("NotAction")))
    } else {
        hit(strings(statement.get("Action")))
    }
}

fn matches_resource(statement: &Json, resource: &str) -> bool {
    let hit = |list: Vec<String>| list.iter().any(|p| glob(p, resource));
    if statement.get("NotResource").is_some() {
        !hit(strings(statement.get("NotResource")))
    } else {
        hit(strings(statement.get("Resource")))
    }
}

fn statements(policy: &Json) -> Vec<&Json> {
    match policy.get("Statement") {
        Some(Json::Array(a)) => a.iter().collect(),
        Some(s @ Json::Object(_)) => vec![s],
        _ => Vec::new(),
    }
}

/// The decision of `policies` (JSON documents) for one action on one resource.
pub fn evaluate(policies: &[Json], action: &str, resource: &str) -> Decision {
    let mut allowed = false;
    for policy in policies {
        for s in statements(policy) {
            if s.get("Condition").is_some()
                || !matches_action(s, action)
                || !matches_resource(s, resource)
            {
                continue;
            }
            match s.get("Effect").and_then(Json::as_str) {
                Some("Deny") => return Decision::ExplicitDeny,
                Some("Allow") => allowed = true,
                _ => {}
            }
        }
    }
    if allowed {
        Decision::Allow
    } else {
        Decision::ImplicitDeny
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const T: &str = "arn:aws:dynamodb:us-east-1:000000000000:table/todos";

    #[test]
    fn deny_beats_allow_and_nothing_allows_by_default() {
        let allow = json!({"Statement": [{"Effect": "Allow", "Action": ["dynamodb:Get*", "dynamodb:Query"], "Resource": [T, format!("{T}/index/*")]}]});
        let deny =
            json!({"Statement": {"Effect": "Deny", "Action": "dynamodb:query", "Resource": "*"}});
        assert_eq!(
            evaluate(std::slice::from_ref(&allow), "dynamodb:GetItem", T),
            Decision::Allow
        );
        assert_eq!(
            evaluate(std::slice::from_ref(&allow), "DynamoDB:GETITEM", T),
            Decision::Allow,
            "actions ignore case"
        );
        assert_eq!(
            evaluate(
                std::slice::from_ref(&allow),
                "dynamodb:Query",
                &format!("{T}/index/by_status")
            ),
            Decision::Allow
        );
        assert_eq!(
            evaluate(std::slice::from_ref(&allow), "dynamodb:PutItem", T),
            Decision::ImplicitDeny
        );
        assert_eq!(
            evaluate(
                std::slice::from_ref(&allow),
                "dynamodb:GetItem",
                &format!("{T}x")
            ),
            Decision::ImplicitDeny
        );
        assert_eq!(
            evaluate(&[allow, deny], "dynamodb:Query", T),
            Decision::ExplicitDeny
        );
        assert_eq!(evaluate(&[], "dynamodb:GetItem", T), Decision::ImplicitDeny);
    }

    #[test]
    fn globs() {
        assert!(glob("a*c", "abbbc") && glob("a?c", "abc") && glob("*", ""));
        assert!(!glob("a?c", "ac") && !glob("abc", "abcd"));
    }
}
