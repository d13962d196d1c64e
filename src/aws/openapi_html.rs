//! An API's reference as one self-contained HTML page, made from the OpenAPI 3
//! document of its stage (GetExport with the integrations): every route with its
//! method, path, path parameters, the function behind it and a ready `curl` line,
//! CORS preflight where the API answers it, and the OpenAPI document itself. No
//! script, font or style sheet from elsewhere: the page works offline and can be
//! handed to the API's users as it is.

use serde_json::Value as Json;

pub use crate::aws::markup::escape;

/// The function a Lambda proxy integration URI invokes (its name), if any.
fn function_of(integration: &Json) -> Option<String> {
    let uri = integration["uri"].as_str()?;
    let arn = uri
        .split("/functions/")
        .nth(1)?
        .trim_end_matches("/invocations");
    Some(
        arn.rsplit(":function:")
            .next()?
            .split(':')
            .next()?
            .to_string(),
    )
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}\
h1{margin-bottom:.2rem}code,pre{font:13px ui-monospace,monospace}pre{background:#f6f8fa;padding:.8rem;overflow:auto;border-radius:6px}\
.route{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}\
.verb{display:inline-block;min-width:4.5rem;font-weight:700;font-family:ui-monospace,monospace}\
.GET{color:#1a7f37}.POST{color:#0969da}.PUT,.PATCH{color:#9a6700}.DELETE{color:#cf222e}.ANY,.HEAD,.OPTIONS{color:#8250df}\
.muted{color:#656d76}table{border-collapse:collapse}td,th{padding:.2rem .8rem .2rem 0;text-align:left}";

/// The page for `doc`, whose routes answer under `base_url` (the stage's URL).
pub fn page(doc: &Json, base_url: &str) -> String {
    let title = doc["info"]["title"].as_str().unwrap_or("API");
    let mut routes = String::new();
    let mut preflight: Vec<String> = Vec::new();
    let mut count = 0;
    for (path, methods) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in methods.as_object().into_iter().flatten() {
            let verb = match method.as_str() {
                "x-amazon-apigateway-any-method" => "ANY".to_string(),
                m => m.to_ascii_uppercase(),
            };
            let integration = &op["x-amazon-apigateway-integration"];
            if verb == "OPTIONS" && integration["type"] == "mock" {
                preflight.push(path.clone());
                continue;
            }
            count += 1;
            routes.push_str(&route(path, &verb, op, base_url));
        }
    }
    let cors = if preflight.is_empty() {
        String::new()
    } else {
        format!(
            "<h2>CORS</h2><p>Browsers' preflight requests (<code>OPTIONS</code>) are answered on {}.</p>",
            preflight
                .iter()
                .map(|p| format!("<code>{}</code>", escape(p)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let openapi = serde_json::to_string_pretty(doc).unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{title} — API reference</title><style>{STYLE}</style></head><body>\
<h1>{title}</h1><p class=\"muted\">{count} route(s) at <code>{base}</code></p>\
<h2>Routes</h2>{routes}{cors}\
<h2>OpenAPI</h2><details><summary>The OpenAPI 3 document of these routes</summary><pre>{openapi}</pre></details>\
</body></html>\n",
        title = escape(title),
        base = escape(base_url),
        openapi = escape(&openapi),
    )
}

fn route(path: &str, verb: &str, op: &Json, base_url: &str) -> String {
    let params: Vec<String> = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str())
        .map(|n| format!("<code>{}</code>", escape(n)))
        .collect();
    let params = if params.is_empty() {
        String::new()
    } else {
        format!(
            "<tr><th>path parameters</th><td>{}</td></tr>",
            params.join(", ")
        )
    };
    let function = function_of(&op["x-amazon-apigateway-integration"])
        .map(|f| {
            format!(
                "<tr><th>function</th><td><code>{}</code></td></tr>",
                escape(&f)
            )
        })
        .unwrap_or_default();
    let curl_verb = if verb == "ANY" { "GET" } else { verb };
    let data = if matches!(verb, "POST" | "PUT" | "PATCH") {
        " -H 'content-type: application/json' -d '{}'"
    } else {
        ""
    };
    let curl = format!(
        "curl -X {curl_verb} '{}{}'{data}",
        base_url.trim_end_matches('/'),
        path
    );
    let id = format!("{verb}-{path}")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>();
    format!(
        "<div class=\"route\" id=\"{id}\"><span class=\"verb {verb}\">{verb}</span> <code>{path}</code>\
<table>{params}{function}</table><pre>{curl}</pre></div>",
        id = escape(&id),
        verb = escape(verb),
        path = escape(path),
        curl = escape(&curl),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::openapi::{Operation, document};
    use serde_json::json;

    #[test]
    fn every_route_with_its_function_and_nothing_from_elsewhere() {
        let uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:get_todo/invocations";
        let ops = [
            Operation {
                path: "/todos/{id}".into(),
                method: "GET".into(),
                integration: Some(json!({ "type": "aws_proxy", "uri": uri })),
            },
            Operation {
                path: "/todos/{id}".into(),
                method: "OPTIONS".into(),
                integration: Some(json!({ "type": "mock" })),
            },
            Operation {
                path: "/<script>".into(),
                method: "ANY".into(),
                integration: None,
            },
        ];
        let doc = document("todo <api>", "1", "h", "v1", &ops, false, true);
        let html = page(&doc, "http://127.0.0.1:4566/_aws/execute-api/x/v1");
        assert!(html.contains("<span class=\"verb GET\">GET</span> <code>/todos/{id}</code>"));
        assert!(html.contains("<code>get_todo</code>"));
        assert!(html.contains("<code>id</code>"));
        assert!(html.contains(
            "curl -X GET &apos;http://127.0.0.1:4566/_aws/execute-api/x/v1/todos/{id}&apos;"
        ));
        assert!(html.contains("preflight"));
        assert!(html.contains("todo &lt;api&gt;"));
        assert!(!html.contains("<script>"), "text is escaped");
        assert!(
            !html.contains("src=") && !html.contains("href=\"http"),
            "self-contained"
        );
        assert!(html.contains("2 route(s)"));
    }
}
