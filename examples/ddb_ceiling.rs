//! The loopback ceiling for DynamoDB benchmarks: a minimal hyper server (the same
//! HTTP stack as the emulator) that answers every request with one fixed DynamoDB
//! reply, stores nothing and parses nothing. What a benchmark client gets from it
//! is what the machine, the client and HTTP allow; benches/dynamodb.sh runs it
//! beside the emulators.
//!
//!   cargo run --release --example ddb_ceiling -- PORT

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, body::Incoming};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// Satisfies the benchmark's checks: a GetItem finds an `Item`, a DescribeTable an
/// ACTIVE table; a PutItem's reply is not read.
const REPLY: &str = r#"{"Item":{"pk":{"S":"k"}},"Table":{"TableStatus":"ACTIVE"}}"#;

async fn answer(_req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let mut r = Response::new(Full::new(Bytes::from_static(REPLY.as_bytes())));
    r.headers_mut().insert(
        "content-type",
        hyper::header::HeaderValue::from_static("application/x-amz-json-1.0"),
    );
    Ok(r)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(4999);
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    loop {
        let (stream, _) = listener.accept().await?;
        stream.set_nodelay(true)?;
        tokio::spawn(async move {
            // The body is dropped unread: hyper discards it before the next request.
            let served = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service_fn(answer))
                .await;
            drop(served);
        });
    }
}
