//! IAM's query-protocol answers: XML in IAM's namespace, written by hand (a few
//! fixed shapes; nothing here parses XML).

const NS: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

pub use crate::aws::markup::escape;

/// `<name>text</name>`, the text escaped.
pub fn el(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

/// `<Action>Response>` with its result and the request id.
pub fn response(action: &str, result: &str, request_id: &str) -> String {
    let inner = if result.is_empty() {
        String::new()
    } else {
        format!("<{action}Result>{result}</{action}Result>")
    };
    format!(
        "<{action}Response xmlns=\"{NS}\">{inner}<ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata></{action}Response>"
    )
}

/// IAM's error document.
pub fn error(code: &str, message: &str, request_id: &str) -> String {
    format!(
        "<ErrorResponse xmlns=\"{NS}\"><Error><Type>Sender</Type><Code>{}</Code><Message>{}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>",
        escape(code),
        escape(message)
    )
}

/// A list of members: `<name><member>..</member>...</name>`.
pub fn members(name: &str, items: &[String]) -> String {
    let inner: String = items
        .iter()
        .map(|i| format!("<member>{i}</member>"))
        .collect();
    format!("<{name}>{inner}</{name}>")
}
