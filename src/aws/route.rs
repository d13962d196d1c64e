//! API routes written `METHOD /path/{param}`, as API Gateway REST APIs accept them.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

pub const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
];

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Segment {
    Literal(String),
    Param(String),
    /// `{name+}`: matches the rest of the path; only last.
    Greedy(String),
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Literal(s) => f.write_str(s),
            Segment::Param(s) => write!(f, "{{{s}}}"),
            Segment::Greedy(s) => write!(f, "{{{s}+}}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: String,
    pub segments: Vec<Segment>,
}

impl Route {
    pub fn path(&self) -> String {
        if self.segments.is_empty() {
            return "/".to_string();
        }
        self.segments.iter().map(|s| format!("/{s}")).collect()
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteError {
    pub message: String,
    pub hint: String,
}

fn fail(message: String, hint: impl Into<String>) -> RouteError {
    RouteError {
        message,
        hint: hint.into(),
    }
}

/// Characters API Gateway accepts in a literal path part.
fn literal_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:@".contains(c)
}

fn param_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

pub fn parse(spec: &str) -> Result<Route, RouteError> {
    let spec_trim = spec.trim();
    let Some((method, path)) = spec_trim.split_once(char::is_whitespace) else {
        return Err(fail(
            format!("route `{spec}` needs a method and a path"),
            format!(
                "write it as `GET {}`",
                if spec_trim.starts_with('/') {
                    spec_trim
                } else {
                    "/path"
                }
            ),
        ));
    };
    let path = path.trim_start();
    if !METHODS.contains(&method) {
        let upper = method.to_ascii_uppercase();
        let hint = if METHODS.contains(&upper.as_str()) {
            format!("methods are upper case: `{upper} {path}`")
        } else {
            format!("methods are {}", METHODS.join(", "))
        };
        return Err(fail(
            format!("`{method}` is not an HTTP method (in route `{spec}`)"),
            hint,
        ));
    }
    if !path.starts_with('/') {
        return Err(fail(
            format!("the path of route `{spec}` must start with `/`"),
            format!("write `{method} /{path}`"),
        ));
    }
    let route_name = format!("{method} {path}");
    if path == "/" {
        return Ok(Route {
            method: method.to_string(),
            segments: Vec::new(),
        });
    }
    if path.ends_with('/') {
        return Err(fail(
            format!("route `{route_name}` ends with `/`"),
            format!("write `{method} {}`", path.trim_end_matches('/')),
        ));
    }
    let parts: Vec<&str> = path[1..].split('/').collect();
    let mut segments = Vec::with_capacity(parts.len());
    let mut seen: Vec<&str> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() {
            return Err(fail(
                format!("route `{route_name}` has an empty path part (`//`)"),
                "remove the extra `/`",
            ));
        }
        let segment = if let Some(inner) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}'))
        {
            let (name, greedy) = match inner.strip_suffix('+') {
                Some(n) => (n, true),
                None => (inner, false),
            };
            if !param_name(name) {
                return Err(fail(
                    format!("`{{{inner}}}` in route `{route_name}` is not a valid parameter"),
                    "parameter names are letters, digits and `_`, as in `{id}` or `{proxy+}`",
                ));
            }
            if seen.contains(&name) {
                return Err(fail(
                    format!("route `{route_name}` uses the parameter `{{{name}}}` twice"),
                    "give each path parameter its own name",
                ));
            }
            seen.push(name);
            if greedy {
                if i + 1 != parts.len() {
                    return Err(fail(
                        format!(
                            "greedy parameter `{{{name}+}}` must be the last part of route `{route_name}`"
                        ),
                        "move it to the end, or drop the `+`",
                    ));
                }
                Segment::Greedy(name.to_string())
            } else {
                Segment::Param(name.to_string())
            }
        } else if part.contains(['{', '}']) {
            return Err(fail(
                format!("`{part}` in route `{route_name}` mixes text and a parameter"),
                "a parameter fills a whole path part: `/items/{id}`, not `/items/id-{id}`",
            ));
        } else if let Some(bad) = part.chars().find(|c| !literal_char(*c)) {
            return Err(fail(
                format!(
                    "route `{route_name}` has the character `{bad}`, which API Gateway does not allow in a path"
                ),
                "use letters, digits and `-._~:@`",
            ));
        } else {
            Segment::Literal(part.to_string())
        };
        segments.push(segment);
    }
    Ok(Route {
        method: method.to_string(),
        segments,
    })
}

/// Two routes of one API that cannot both exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Index of the later route, where the problem is reported.
    pub index: usize,
    pub message: String,
    pub hint: String,
}

/// Finds duplicates, and sibling parameters of different names, which API Gateway
/// refuses ("only one variable path part is allowed" among siblings).
pub fn conflicts(routes: &[Route]) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut seen_routes: HashMap<(String, String), usize> = HashMap::new();
    // Parent path -> the variable part first seen under it, and by which route.
    let mut variables: HashMap<String, (Segment, usize)> = HashMap::new();
    for (index, route) in routes.iter().enumerate() {
        let key = (route.method.clone(), route.path());
        if let Some(first) = seen_routes.get(&key) {
            out.push(Conflict {
                index,
                message: format!("route `{route}` is defined twice"),
                hint: format!("keep one of the two (the other is `{}`)", routes[*first]),
            });
            continue;
        }
        seen_routes.insert(key, index);
        let mut parent = String::new();
        for segment in &route.segments {
            if !matches!(segment, Segment::Literal(_)) {
                match variables.get(&parent) {
                    Some((other, by)) if other != segment => {
                        out.push(Conflict {
                            index,
                            message: format!(
                                "route `{route}` puts `{segment}` where route `{}` has `{other}`",
                                routes[*by]
                            ),
                            hint: format!("API Gateway allows one parameter per path position: use `{other}` in both"),
                        });
                        break;
                    }
                    Some(_) => {}
                    None => {
                        variables.insert(parent.clone(), (segment.clone(), index));
                    }
                }
            }
            parent.push('/');
            parent.push_str(&segment.to_string());
        }
    }
    out
}

/// How a path part matches, most specific first: API Gateway prefers a literal
/// over a parameter, and a parameter over a greedy `{name+}`.
fn rank(segment: &Segment) -> u8 {
    match segment {
        Segment::Literal(_) => 0,
        Segment::Param(_) => 1,
        Segment::Greedy(_) => 2,
    }
}

impl Route {
    /// The path parameters when `path` (already split on `/`, without empty parts)
    /// matches this route's template; a greedy parameter takes one part or more.
    pub fn captures(&self, parts: &[&str]) -> Option<Vec<(String, String)>> {
        let mut params = Vec::new();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Literal(l) => {
                    if parts.get(i) != Some(&l.as_str()) {
                        return None;
                    }
                }
                Segment::Param(p) => params.push((p.clone(), parts.get(i)?.to_string())),
                Segment::Greedy(p) => {
                    let rest = parts.get(i..).filter(|r| !r.is_empty())?;
                    params.push((p.clone(), rest.join("/")));
                    return Some(params);
                }
            }
        }
        (parts.len() == self.segments.len()).then_some(params)
    }

    /// The order of precedence among templates that match one path: compared part by
    /// part from the left, a smaller key is more specific.
    pub fn precedence(&self) -> Vec<u8> {
        self.segments.iter().map(rank).collect()
    }
}

/// The route that serves `method` on `path`, with its parameters. Among the
/// templates that match the path, the most specific wins (see [`Route::precedence`]);
/// on that template, the request's own method wins over `ANY`. `None` when no
/// template matches or the winning template has no such method (API Gateway then
/// answers 403 Missing Authentication Token, a 404 in all but name).
pub fn select<'a>(
    routes: &'a [Route],
    method: &str,
    path: &str,
) -> Option<(&'a Route, Vec<(String, String)>)> {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let best = routes
        .iter()
        .filter_map(|r| r.captures(&parts).map(|c| (r, c)))
        .min_by(|a, b| a.0.precedence().cmp(&b.0.precedence()))?;
    let template = best.0.path();
    let on_template = |m: &str| {
        routes
            .iter()
            .find(|r| r.method == m && r.path() == template)
            .and_then(|r| r.captures(&parts).map(|c| (r, c)))
    };
    on_template(method).or_else(|| on_template("ANY"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses() {
        let r = parse("GET /todos/{id}").unwrap();
        assert_eq!(
            r.segments,
            vec![
                Segment::Literal("todos".into()),
                Segment::Param("id".into())
            ]
        );
        assert_eq!(r.to_string(), "GET /todos/{id}");
        assert_eq!(parse("ANY /").unwrap().path(), "/");
        assert_eq!(
            parse("GET /files/{path+}").unwrap().segments[1],
            Segment::Greedy("path".into())
        );
    }

    #[test]
    fn refuses() {
        assert!(parse("get /x").unwrap_err().hint.contains("GET /x"));
        assert!(parse("GET x").unwrap_err().hint.contains("GET /x"));
        assert!(
            parse("GET /{p+}/x")
                .unwrap_err()
                .message
                .contains("must be the last")
        );
        assert!(
            parse("GET /a//b")
                .unwrap_err()
                .message
                .contains("empty path part")
        );
        assert!(parse("GET /a/").unwrap_err().message.contains("ends with"));
        assert!(parse("GET /{a}/{a}").unwrap_err().message.contains("twice"));
        assert!(parse("/x").unwrap_err().message.contains("needs a method"));
    }

    #[test]
    fn finds_conflicts() {
        let routes: Vec<Route> = [
            "GET /a/{id}",
            "PUT /a/{key}",
            "GET /a/{id}",
            "GET /b/{x}/c",
            "GET /b/{x}/d",
        ]
        .iter()
        .map(|r| parse(r).unwrap())
        .collect();
        let found = conflicts(&routes);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].index, 1);
        assert!(found[1].message.contains("defined twice"));
    }

    fn routes(specs: &[&str]) -> Vec<Route> {
        specs.iter().map(|r| parse(r).unwrap()).collect()
    }

    #[test]
    fn the_most_specific_template_wins_whatever_the_order() {
        let mut specs = vec![
            "GET /{proxy+}",
            "GET /todos/{id}",
            "GET /todos/today",
            "ANY /todos/{id}/notes",
            "POST /todos/{id}/notes",
        ];
        for _ in 0..specs.len() {
            let rs = routes(&specs);
            let chosen = |m: &str, p: &str| select(&rs, m, p).map(|(r, c)| (r.to_string(), c));
            assert_eq!(chosen("GET", "/todos/today").unwrap().0, "GET /todos/today");
            assert_eq!(
                chosen("GET", "/todos/42"),
                Some(("GET /todos/{id}".into(), vec![("id".into(), "42".into())]))
            );
            assert_eq!(
                chosen("GET", "/a/b/c"),
                Some((
                    "GET /{proxy+}".into(),
                    vec![("proxy".into(), "a/b/c".into())]
                ))
            );
            assert_eq!(
                chosen("POST", "/todos/1/notes").unwrap().0,
                "POST /todos/{id}/notes"
            );
            assert_eq!(
                chosen("GET", "/todos/1/notes").unwrap().0,
                "ANY /todos/{id}/notes"
            );
            assert_eq!(
                chosen("DELETE", "/todos/42"),
                None,
                "the template has no DELETE"
            );
            specs.rotate_left(1);
        }
    }

    #[test]
    fn a_greedy_parameter_needs_at_least_one_part() {
        let rs = routes(&["GET /files/{path+}"]);
        assert!(select(&rs, "GET", "/files").is_none());
        assert!(select(&rs, "GET", "/files/a").is_some());
        assert!(select(&routes(&["GET /"]), "GET", "/").is_some());
    }

    fn segment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9._~-]{1,8}",
            "[a-z_][a-z0-9_]{0,6}".prop_map(|p| format!("{{{p}}}")),
        ]
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn valid_routes_round_trip(
            method in proptest::sample::select(METHODS),
            parts in proptest::collection::vec(segment(), 1..5),
        ) {
            // Parameter names must be unique within a route; dedupe to keep the case valid.
            let mut seen = std::collections::HashSet::new();
            let parts: Vec<String> = parts.into_iter().filter(|p| seen.insert(p.clone())).collect();
            let spec = format!("{method} /{}", parts.join("/"));
            let route = parse(&spec).unwrap();
            prop_assert_eq!(route.to_string(), spec);
        }
    }
}
