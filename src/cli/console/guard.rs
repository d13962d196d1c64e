//! Who the console answers. It serves a project's data and runs its functions, so
//! on a shared machine it must answer only its user's browser: a request is served
//! when it names the console by a loopback host (a DNS name that resolves to
//! 127.0.0.1 is refused, so a page of another site cannot rebind its name to it),
//! carries the token printed at start (as Jupyter does), and does not come from a
//! page of another site (its Origin, and Sec-Fetch-Site, as browsers send them).
//! Pure: it reads the request's head only.

use hyper::http::request::Parts;

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The Host header is not a loopback name with the console's port.
    Host,
    /// The token is missing or wrong.
    Token,
    /// A page of another site sent it.
    CrossSite,
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Host => {
                "the console answers only at 127.0.0.1, localhost or [::1] with its own port"
            }
            Refusal::Token => {
                "this request lacks the console's token: open the URL gatekit printed (it ends in ?token=…)"
            }
            Refusal::CrossSite => "the console refuses requests from pages of other sites",
        }
    }
}

/// The header the page sends its token in (a header of its own also makes every
/// cross-origin request a preflighted one, which the console never approves).
pub const TOKEN_HEADER: &str = "x-gatekit-token";

/// Checks a request's head against the console's port and token. The token is
/// taken from the header, or from the query for a page opened by URL (GET only).
pub fn check(head: &Parts, port: u16, token: &str) -> Result<(), Refusal> {
    let host = head
        .headers
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if !loopback_host(host, port) {
        return Err(Refusal::Host);
    }
    if cross_site(head, host) {
        return Err(Refusal::CrossSite);
    }
    let given = head
        .headers
        .get(TOKEN_HEADER)
        .and_then(|h| h.to_str().ok())
        .map(String::from)
        .or_else(|| {
            (head.method == hyper::Method::GET)
                .then(|| query_token(head.uri.query().unwrap_or_default()))
                .flatten()
        });
    match given {
        Some(g) if same(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(Refusal::Token),
    }
}

/// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`, exactly (a browser leaves
/// the port out only when it is 80).
fn loopback_host(host: &str, port: u16) -> bool {
    let (name, given) = match host.rsplit_once(':') {
        Some((name, p)) if !p.ends_with(']') => (name, p.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    given == Some(port)
        && matches!(
            name.to_ascii_lowercase().as_str(),
            "127.0.0.1" | "localhost" | "[::1]"
        )
}

/// A request a page of another origin made: its Origin is not the console's, or
/// the browser says it crossed sites. A request with neither (a script, curl) is
/// not a browser's cross-site one.
fn cross_site(head: &Parts, host: &str) -> bool {
    let header = |name: &str| {
        head.headers
            .get(name)
            .and_then(|h| h.to_str().ok())
            .map(|s| s.to_ascii_lowercase())
    };
    if let Some(site) = header("sec-fetch-site")
        && site != "same-origin"
        && site != "none"
    {
        return true;
    }
    match header("origin") {
        Some(origin) => origin != format!("http://{}", host.to_ascii_lowercase()),
        None => false,
    }
}

fn query_token(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A fresh token: 128 bits from the system's random source, in hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    std::io::Read::read_exact(&mut std::fs::File::open("/dev/urandom")?, &mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(method: &str, uri: &str, headers: &[(&str, &str)]) -> Parts {
        let mut b = hyper::Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(()).unwrap().into_parts().0
    }

    const T: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn the_page_with_its_token_on_a_loopback_host_is_served() {
        for host in [
            "127.0.0.1:4571",
            "localhost:4571",
            "LOCALHOST:4571",
            "[::1]:4571",
        ] {
            let h = head("GET", &format!("/_gatekit/?token={T}"), &[("host", host)]);
            assert_eq!(check(&h, 4571, T), Ok(()), "{host}");
        }
    }

    #[test]
    fn other_hosts_are_refused_before_anything_else() {
        for host in [
            "evil.example:4571",
            "127.0.0.1.nip.io:4571",
            "127.0.0.1:4572",
            "127.0.0.1",
            "",
            "localhost:4571.evil",
        ] {
            let h = head("GET", &format!("/_gatekit/?token={T}"), &[("host", host)]);
            assert_eq!(check(&h, 4571, T), Err(Refusal::Host), "{host:?}");
        }
        let page = format!("/_gatekit/?token={T}");
        for host in ["localhost", "[::1]", "127.0.0.1"] {
            let h = head("GET", &page, &[("host", host)]);
            assert_eq!(check(&h, 80, T), Ok(()), "{host} on port 80");
            assert_eq!(check(&h, 4571, T), Err(Refusal::Host), "{host} on 4571");
        }
    }

    #[test]
    fn a_missing_or_wrong_token_is_refused() {
        let host = ("host", "127.0.0.1:9");
        assert_eq!(
            check(&head("GET", "/_gatekit/", &[host]), 9, T),
            Err(Refusal::Token)
        );
        let wrong = format!("/_gatekit/?token={}", &T[1..]);
        assert_eq!(
            check(&head("GET", &wrong, &[host]), 9, T),
            Err(Refusal::Token)
        );
        let h = head(
            "GET",
            "/_gatekit/api/tables",
            &[host, (TOKEN_HEADER, "nope")],
        );
        assert_eq!(check(&h, 9, T), Err(Refusal::Token));
        // A write names its token in the header: a link cannot carry it.
        let post = head("POST", &format!("/_gatekit/api/x?token={T}"), &[host]);
        assert_eq!(check(&post, 9, T), Err(Refusal::Token));
        let post = head("POST", "/_gatekit/api/x", &[host, (TOKEN_HEADER, T)]);
        assert_eq!(check(&post, 9, T), Ok(()));
    }

    #[test]
    fn requests_from_other_sites_are_refused_even_with_the_token() {
        let host = ("host", "localhost:9");
        let token = (TOKEN_HEADER, T);
        let from = |origin: &str| {
            head(
                "POST",
                "/_gatekit/api/x",
                &[host, token, ("origin", origin)],
            )
        };
        assert_eq!(check(&from("http://localhost:9"), 9, T), Ok(()));
        for o in [
            "http://evil.example",
            "http://localhost:8",
            "null",
            "https://localhost:9",
        ] {
            assert_eq!(check(&from(o), 9, T), Err(Refusal::CrossSite), "{o}");
        }
        for site in ["cross-site", "same-site"] {
            let h = head(
                "GET",
                "/_gatekit/api/x",
                &[host, token, ("sec-fetch-site", site)],
            );
            assert_eq!(check(&h, 9, T), Err(Refusal::CrossSite), "{site}");
        }
        for site in ["same-origin", "none"] {
            let h = head(
                "GET",
                "/_gatekit/api/x",
                &[host, token, ("sec-fetch-site", site)],
            );
            assert_eq!(check(&h, 9, T), Ok(()), "{site}");
        }
    }

    #[test]
    fn tokens_are_fresh() {
        let a = new_token().unwrap();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_token().unwrap());
    }
}
