//! Header names as the client and the function wrote them. hyper lowercases
//! names and keeps their original case only in a private extension, while API
//! Gateway hands a function the client's case (`X-Custom` stays `X-Custom`) and
//! sends the function's case back. So each connection's I/O goes through
//! [`CaseIo`]: reads are recorded until the service takes them, and the request's
//! names are recovered from the raw header block with `httparse`; a response that
//! carries [`OriginalCase`] has its names written in that case. A case rewrite
//! keeps every byte count, so it is done on the bytes hyper writes.

use std::collections::HashMap;
use std::io::IoSlice;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The most recorded between two requests; past it the record starts over (a
/// head that does not fit falls back to lowercase names).
const MAX_RECORDED: usize = 1 << 20;
/// The most header lines read from a recorded head (hyper's own limit is 100).
const MAX_HEADERS: usize = 128;

/// What one connection's service and its I/O share.
#[derive(Default)]
pub struct ConnCase {
    inner: Mutex<Shared>,
}

#[derive(Default)]
struct Shared {
    /// Bytes read since the service last took them.
    read: Vec<u8>,
    /// The names of the response being written, in their case.
    out: Option<Vec<String>>,
}

impl ConnCase {
    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// What was read since the last request: its head is in there.
    pub fn take_read(&self) -> RawHead {
        RawHead(std::mem::take(&mut self.lock().read))
    }

    /// Forgets what was read (a request that needs no header case); keeps the
    /// buffer for the next.
    pub fn clear_read(&self) {
        self.lock().read.clear();
    }

    /// The names of the response about to be written.
    pub fn set_out(&self, names: OriginalCase) {
        self.lock().out = Some(names.0);
    }

    fn record(&self, bytes: &[u8]) {
        let mut s = self.lock();
        if s.read.len() + bytes.len() > MAX_RECORDED {
            s.read.clear();
        }
        s.read.extend_from_slice(bytes);
    }

    fn take_out(&self) -> Option<Vec<String>> {
        self.lock().out.take()
    }
}

/// The bytes read before a request was dispatched (a request extension).
#[derive(Clone, Default)]
pub struct RawHead(Vec<u8>);

impl RawHead {
    /// The header names of the request `method target` as the client wrote them,
    /// lowercase → original. The head is found where a line starts with the
    /// request line (after the previous request's body).
    pub fn names(&self, method: &str, target: &str) -> HashMap<String, String> {
        let bytes = &self.0;
        let mut at = 0;
        while at < bytes.len() {
            if let Some(names) = parse_at(&bytes[at..], method, target) {
                return names;
            }
            // The next line start.
            match bytes[at..].windows(2).position(|w| w == b"\r\n") {
                Some(i) => at += i + 2,
                None => break,
            }
        }
        HashMap::new()
    }
}

fn parse_at(bytes: &[u8], method: &str, target: &str) -> Option<HashMap<String, String>> {
    if !bytes.starts_with(method.as_bytes()) {
        return None;
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        Ok(httparse::Status::Complete(_))
            if req.method == Some(method) && req.path == Some(target) =>
        {
            Some(
                req.headers
                    .iter()
                    .map(|h| (h.name.to_ascii_lowercase(), h.name.to_string()))
                    .collect(),
            )
        }
        _ => None,
    }
}

/// The names a response's headers are written with (a response extension); the
/// first spelling of a name wins.
#[derive(Clone, Debug, Default)]
pub struct OriginalCase(pub Vec<String>);

/// Writes `name` in this case in `response`, unless an earlier spelling was asked.
pub fn keep_case<B>(response: &mut hyper::Response<B>, name: &str) {
    let ext = response.extensions_mut();
    match ext.get_mut::<OriginalCase>() {
        Some(names) => names.0.push(name.to_string()),
        None => {
            ext.insert(OriginalCase(vec![name.to_string()]));
        }
    }
}

/// A connection's I/O: records what is read, rewrites response header names.
pub struct CaseIo<S> {
    inner: S,
    case: Arc<ConnCase>,
    /// The rewritten head being written, and how much of it is written.
    head: Option<(Vec<u8>, usize)>,
}

impl<S> CaseIo<S> {
    pub fn new(inner: S, case: Arc<ConnCase>) -> Self {
        CaseIo {
            inner,
            case,
            head: None,
        }
    }
}

/// `head` (a response head, through its blank line) with the names in `names`
/// written in their case; other names as they are.
fn rewrite_head(head: &mut [u8], names: &[String]) {
    // The first of two spellings of one name wins.
    let mut by_lower: HashMap<String, &str> = HashMap::new();
    for n in names {
        by_lower.entry(n.to_ascii_lowercase()).or_insert(n);
    }
    let mut line_start = match head.windows(2).position(|w| w == b"\r\n") {
        Some(i) => i + 2,
        None => return,
    };
    while line_start < head.len() {
        let rest = &head[line_start..];
        let Some(end) = rest.windows(2).position(|w| w == b"\r\n") else {
            return;
        };
        if end == 0 {
            return;
        }
        if let Some(colon) = rest[..end].iter().position(|&b| b == b':') {
            let name = String::from_utf8_lossy(&rest[..colon]).to_ascii_lowercase();
            if let Some(original) = by_lower.get(&name)
                && original.len() == colon
            {
                head[line_start..line_start + colon].copy_from_slice(original.as_bytes());
            }
        }
        line_start += end + 2;
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for CaseIo<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let new = &buf.filled()[before..];
            if !new.is_empty() {
                self.case.record(new);
            }
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> CaseIo<S> {
    /// Starts a rewritten head when `first` begins a final response head and the
    /// service named its headers' case.
    fn start_head(&mut self, first: &[u8]) {
        if self.head.is_some() || !first.starts_with(b"HTTP/1.") || first.get(9) == Some(&b'1') {
            return;
        }
        let Some(names) = self.case.take_out() else {
            return;
        };
        let Some(end) = first.windows(4).position(|w| w == b"\r\n\r\n") else {
            return;
        };
        let mut head = first[..end + 4].to_vec();
        rewrite_head(&mut head, &names);
        self.head = Some((head, 0));
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for CaseIo<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.poll_write_vectored(cx, &[IoSlice::new(buf)])
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = &mut *self;
        let Some(first) = bufs.iter().position(|b| !b.is_empty()) else {
            return Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        };
        this.start_head(&bufs[first]);
        let Some((head, written)) = &mut this.head else {
            return Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        };
        // The head's unwritten bytes stand in for the same bytes of hyper's.
        let k = (head.len() - *written).min(bufs[first].len());
        let mut slices = Vec::with_capacity(bufs.len() + 1);
        slices.push(IoSlice::new(&head[*written..*written + k]));
        slices.push(IoSlice::new(&bufs[first][k..]));
        slices.extend(bufs[first + 1..].iter().map(|b| IoSlice::new(b)));
        let polled = Pin::new(&mut this.inner).poll_write_vectored(cx, &slices);
        if let Poll::Ready(Ok(n)) = polled {
            *written += n.min(k);
            if *written == head.len() {
                this.head = None;
            }
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_head_is_found_after_a_previous_body() {
        let raw = b"{\"a\": 1}\r\nGET /x HTTP/1.1\r\nPOST /y HTTP/1.1\r\nX-Custom-Header: 1\r\nHost: h\r\n\r\nbody".to_vec();
        let names = RawHead(raw).names("POST", "/y");
        assert_eq!(names["x-custom-header"], "X-Custom-Header");
        assert_eq!(names["host"], "Host");
        assert!(RawHead(b"garbage".to_vec()).names("GET", "/").is_empty());
    }

    #[test]
    fn a_response_head_is_rewritten_in_place() {
        let mut head =
            b"HTTP/1.1 200 OK\r\nx-my-header: a\r\ncontent-length: 2\r\nset-cookie: b\r\n\r\n"
                .to_vec();
        let len = head.len();
        rewrite_head(
            &mut head,
            &[
                "X-My-Header".into(),
                "Set-Cookie".into(),
                "x-my-HEADER".into(),
            ],
        );
        assert_eq!(head.len(), len);
        assert_eq!(
            String::from_utf8_lossy(&head),
            "HTTP/1.1 200 OK\r\nX-My-Header: a\r\ncontent-length: 2\r\nSet-Cookie: b\r\n\r\n"
        );
    }
}
