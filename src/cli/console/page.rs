//! The console's page: one HTML document with its style and script inline (one
//! request, no outside asset, works offline), and a Content-Security-Policy that
//! allows exactly that style and that script, by their SHA-256 hashes.

use std::sync::OnceLock;

use base64::Engine;
use sha2::{Digest, Sha256};

const STYLE: &str = include_str!("console.css");
const SCRIPT: &str = include_str!("console.js");

/// The page: the head, the style, an empty body the script fills, the script.
pub const HTML: &str = concat!(
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    "<title>gatekit console</title><style>",
    include_str!("console.css"),
    "</style></head><body><header><strong>gatekit</strong> console",
    "<nav><a href=\"#/tables\" id=\"nav-tables\">Tables</a>",
    "<a href=\"#/functions\" id=\"nav-functions\">Functions</a>",
    "<a href=\"#/apis\" id=\"nav-apis\">APIs</a></nav><span id=\"where\"></span></header>",
    "<main id=\"main\"></main><script>",
    include_str!("console.js"),
    "</script></body></html>"
);

/// The reference pages of APIs: their inline style only.
pub const DOCS_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

fn hash(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The page's policy: its own style and script, requests to its own origin.
pub fn policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        format!(
            "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            hash(SCRIPT),
            hash(STYLE)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_exactly_the_inline_style_and_script() {
        let p = policy();
        assert!(p.contains(&format!("'sha256-{}'", hash(SCRIPT))));
        assert!(p.contains(&format!("'sha256-{}'", hash(STYLE))));
        assert!(!p.contains("unsafe"));
        assert!(HTML.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(HTML.contains(&format!("<style>{STYLE}</style>")));
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        assert!(!HTML.contains("http://") && !HTML.contains("https://"));
        assert!(!HTML.contains(" src=") && !HTML.contains("<link"));
    }
}
