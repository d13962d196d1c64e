//! An API's routes as an OpenAPI document, as API Gateway's GetExport writes one:
//! OpenAPI 3.0.1 (`oas30`) or Swagger 2.0 (`swagger`), with or without the
//! `x-amazon-apigateway-integration` extensions; and YAML for either, written
//! from the JSON value (every string double-quoted, so any text is valid YAML).

use serde_json::{Map, Value as Json, json};

/// One method of one path, as the export needs it.
pub struct Operation {
    pub path: String,
    pub method: String,
    /// The integration, as API Gateway keeps it (`type`, `httpMethod`, `uri`, ...).
    pub integration: Option<Json>,
}

/// The path parameters of a template: `{id}` and `{proxy+}` (named `proxy`).
fn parameters(path: &str, swagger: bool) -> Vec<Json> {
    path.split('/')
        .filter_map(|p| p.strip_prefix('{')?.strip_suffix('}'))
        .map(|p| {
            let name = p.trim_end_matches('+');
            if swagger {
                json!({ "name": name, "in": "path", "required": true, "type": "string" })
            } else {
                json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
            }
        })
        .collect()
}

/// The export of `operations` for the API `title`, version `version`.
#[allow(clippy::too_many_arguments)]
pub fn document(
    title: &str,
    version: &str,
    host: &str,
    stage: &str,
    operations: &[Operation],
    swagger: bool,
    extensions: bool,
) -> Json {
    let mut paths = Map::new();
    for op in operations {
        let method = op.method.to_ascii_lowercase();
        let method = if method == "any" {
            "x-amazon-apigateway-any-method".to_string()
        } else {
            method
        };
        let mut operation = json!({ "responses": {} });
        let params = parameters(&op.path, swagger);
        if !params.is_empty() {
            operation["parameters"] = Json::Array(params);
        }
        if extensions && let Some(i) = &op.integration {
            operation["x-amazon-apigateway-integration"] = i.clone();
        }
        let entry = paths
            .entry(op.path.clone())
            .or_insert_with(|| Json::Object(Map::new()));
        if let Some(m) = entry.as_object_mut() {
            m.insert(method, operation);
        }
    }
    if swagger {
        json!({
            "swagger": "2.0",
            "info": { "version": version, "title": title },
            "host": host,
            "basePath": format!("/{stage}"),
            "schemes": ["https"],
            "paths": paths,
        })
    } else {
        json!({
            "openapi": "3.0.1",
            "info": { "title": title, "version": version },
            "servers": [{
                "url": format!("https://{host}/{{basePath}}"),
                "variables": { "basePath": { "default": stage } }
            }],
            "paths": paths,
        })
    }
}

/// `value` as block-style YAML.
pub fn yaml(value: &Json) -> String {
    let mut out = String::new();
    write_yaml(value, 0, &mut out);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn scalar(v: &Json) -> String {
    match v {
        Json::String(s) => Json::String(s.clone()).to_string(),
        Json::Null => "null".into(),
        other => other.to_string(),
    }
}

/// The recursion follows the document, which gatekit builds (a few levels deep).
fn write_yaml(v: &Json, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Json::Object(m) if !m.is_empty() => {
            for (k, child) in m {
                let key = Json::String(k.clone()).to_string();
                match child {
                    Json::Object(c) if !c.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        write_yaml(child, indent + 2, out);
                    }
                    Json::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        write_yaml(child, indent, out);
                    }
                    Json::Object(_) => out.push_str(&format!("{pad}{key}: {{}}\n")),
                    Json::Array(_) => out.push_str(&format!("{pad}{key}: []\n")),
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(child))),
                }
            }
        }
        Json::Array(a) if !a.is_empty() => {
            for item in a {
                match item {
                    Json::Object(c) if !c.is_empty() => {
                        let mut inner = String::new();
                        write_yaml(item, indent + 2, &mut inner);
                        // The first line goes after the dash.
                        let trimmed = inner.trim_start_matches(' ');
                        out.push_str(&format!("{pad}- {trimmed}"));
                    }
                    Json::Array(_) | Json::Object(_) => {
                        out.push_str(&format!("{pad}- {}\n", item));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item))),
                }
            }
        }
        Json::Object(_) => out.push_str(&format!("{pad}{{}}\n")),
        Json::Array(_) => out.push_str(&format!("{pad}[]\n")),
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_become_paths_with_parameters_and_integrations() {
        let ops = vec![
            Operation {
                path: "/todos/{id}".into(),
                method: "GET".into(),
                integration: Some(json!({ "type": "aws_proxy", "uri": "arn:x" })),
            },
            Operation {
                path: "/{proxy+}".into(),
                method: "ANY".into(),
                integration: None,
            },
        ];
        let doc = document(
            "todo",
            "1",
            "abc.execute-api.us-east-1.amazonaws.com",
            "v1",
            &ops,
            false,
            true,
        );
        assert_eq!(doc["openapi"], "3.0.1");
        assert_eq!(
            doc["paths"]["/todos/{id}"]["get"]["parameters"][0]["name"],
            "id"
        );
        assert_eq!(
            doc["paths"]["/todos/{id}"]["get"]["x-amazon-apigateway-integration"]["type"],
            "aws_proxy"
        );
        assert_eq!(
            doc["paths"]["/{proxy+}"]["x-amazon-apigateway-any-method"]["parameters"][0]["name"],
            "proxy"
        );
        let bare = document("todo", "1", "h", "v1", &ops, true, false);
        assert_eq!(bare["swagger"], "2.0");
        assert!(
            bare["paths"]["/todos/{id}"]["get"]
                .get("x-amazon-apigateway-integration")
                .is_none()
        );
    }

    #[test]
    fn yaml_quotes_every_string() {
        let text = yaml(&json!({ "a": "x: y", "list": [{ "n": 1, "m": "#" }, "z"], "empty": {} }));
        assert_eq!(
            text,
            "\"a\": \"x: y\"\n\"list\":\n- \"n\": 1\n  \"m\": \"#\"\n- \"z\"\n\"empty\": {}\n"
        );
    }
}
