//! The channel between the emulator and gatekit's own Python and Node shims: two
//! pipes the shim inherits (their numbers in GATEKIT_RUNTIME_FDS, the one to read
//! first), carrying framed messages, each a header line of tab-separated fields and the bytes it
//! announces. One write and one read per invocation on each side, where the
//! Runtime API over HTTP costs two requests, their headers and their parsing,
//! which in an interpreter is most of a small handler's time. What a handler sees
//! is the handler contract, which does not depend on the transport.
//!
//! To the shim: `{request id}\t{deadline ms}\t{function arn}\t{trace id}\t{payload
//! length}\t{client context length}\n{payload}{client context}`.
//!
//! From the shim: `N\n` (init is over; the first invocation may run),
//! `R\t{request id}\t{length}\n{response}`, `E\t{request id}\t{length}\n{error}`
//! (the handler failed), `X\t{length}\n{error}` (init failed).

use std::sync::Weak;

use bytes::Bytes;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::unix::pipe;

use super::{Instance, MAX_PAYLOAD, too_large};
use crate::local::lambda::pool::{Invocation, InvocationResult};

/// A header line is a few fields; a longer one is not from the shim.
const MAX_HEADER: u64 = 4096;

/// Writes one invocation, in one write when it is small.
pub(super) async fn send(writer: &mut pipe::Sender, inv: &Invocation) -> std::io::Result<()> {
    let context = inv.client_context.as_deref().unwrap_or("").as_bytes();
    let header = format!(
        "{}\t{}\t{}\t{}\t{}\t{}\n",
        inv.request_id,
        inv.deadline_ms,
        inv.function_arn,
        inv.trace_id(),
        inv.payload.len(),
        context.len()
    );
    let mut frame = Vec::with_capacity(header.len() + inv.payload.len() + context.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(&inv.payload);
    frame.extend_from_slice(context);
    writer.write_all(&frame).await
}

/// Reads the shim's messages until it closes its end or breaks the framing (its
/// instance is then stopped, and the invocation under way ends as a crash).
pub(super) async fn read_answers(reader: pipe::Receiver, instance: Weak<Instance>) {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    loop {
        let message = match next_message(&mut reader).await {
            Next::Message(m) => Some(m),
            Next::End => return,
            Next::Broken => None,
        };
        let Some(i) = instance.upgrade() else { return };
        match message {
            Some(Message::Ready) => i.mark_ready(),
            Some(Message::Answer(id, outcome)) => {
                i.answer(&id, outcome);
            }
            Some(Message::InitError(body)) => i.init_failed(body),
            None => {
                i.kill();
                return;
            }
        }
    }
}

#[derive(Debug)]
enum Message {
    Ready,
    Answer(String, InvocationResult),
    InitError(Bytes),
}

#[derive(Debug)]
enum Next {
    Message(Message),
    /// The shim closed its end between messages.
    End,
    /// Not a message of the protocol, or cut short.
    Broken,
}

async fn next_message<R: AsyncBufRead + Unpin>(reader: &mut R) -> Next {
    let mut header = Vec::with_capacity(128);
    match (&mut *reader)
        .take(MAX_HEADER)
        .read_until(b'\n', &mut header)
        .await
    {
        Ok(0) => return Next::End,
        Err(_) => return Next::Broken,
        Ok(_) => {}
    }
    let message = match std::str::from_utf8(&header) {
        Ok(text) if text.ends_with('\n') => read_message(reader, &text[..text.len() - 1]).await,
        _ => None,
    };
    message.map_or(Next::Broken, Next::Message)
}

async fn read_message<R: AsyncBufRead + Unpin>(reader: &mut R, header: &str) -> Option<Message> {
    let fields: Vec<&str> = header.split('\t').collect();
    match fields.as_slice() {
        ["N"] => Some(Message::Ready),
        [kind @ ("R" | "E"), id, len] => {
            let body = read_body(reader, len.parse().ok()?).await?;
            let outcome = match (body, *kind) {
                (Ok(b), "R") => InvocationResult::Ok(b),
                (Ok(b), _) => InvocationResult::HandlerError(b),
                (Err(_), _) => too_large(),
            };
            Some(Message::Answer(id.to_string(), outcome))
        }
        ["X", len] => match read_body(reader, len.parse().ok()?).await? {
            Ok(b) => Some(Message::InitError(b)),
            Err(len) => Some(Message::InitError(Bytes::from(format!(
                r#"{{"errorType":"Runtime.Unknown","errorMessage":"init error of {len} bytes"}}"#
            )))),
        },
        _ => None,
    }
}

/// The announced bytes; over the cap they are read past, not kept (Err: their
/// length). None when the stream ends first.
async fn read_body<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    len: usize,
) -> Option<Result<Bytes, usize>> {
    if len > MAX_PAYLOAD {
        let copied = tokio::io::copy(&mut (&mut *reader).take(len as u64), &mut tokio::io::sink())
            .await
            .ok()?;
        return (copied == len as u64).then_some(Err(len));
    }
    let mut body = vec![0; len];
    reader.read_exact(&mut body).await.ok()?;
    Some(Ok(Bytes::from(body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read_all(bytes: &[u8]) -> Vec<Next> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut reader = bytes;
            let mut all = Vec::new();
            loop {
                let next = next_message(&mut reader).await;
                let last = !matches!(next, Next::Message(_));
                all.push(next);
                if last {
                    return all;
                }
            }
        })
    }

    #[test]
    fn the_shims_messages_are_read_in_turn() {
        let all = read_all(b"N\nR\tid-1\t4\n\"ok\"E\tid-2\t2\n{}X\t2\n[]");
        assert!(matches!(all[0], Next::Message(Message::Ready)));
        assert!(
            matches!(&all[1], Next::Message(Message::Answer(id, InvocationResult::Ok(b))) if id == "id-1" && &b[..] == b"\"ok\"")
        );
        assert!(
            matches!(&all[2], Next::Message(Message::Answer(id, InvocationResult::HandlerError(b))) if id == "id-2" && &b[..] == b"{}")
        );
        assert!(matches!(&all[3], Next::Message(Message::InitError(b)) if &b[..] == b"[]"));
        assert!(matches!(all[4], Next::End));
    }

    #[test]
    fn an_answer_over_the_cap_is_read_past_not_kept() {
        let mut bytes = format!("R\tid\t{}\n", MAX_PAYLOAD + 1).into_bytes();
        bytes.extend(std::iter::repeat_n(b'x', MAX_PAYLOAD + 1));
        bytes.extend(b"N\n");
        let all = read_all(&bytes);
        assert!(matches!(
            &all[0],
            Next::Message(Message::Answer(_, InvocationResult::InstanceError(b)))
                if String::from_utf8_lossy(b).contains("Function.ResponseSizeTooLarge")
        ));
        assert!(matches!(all[1], Next::Message(Message::Ready)));
    }

    #[test]
    fn what_is_not_the_protocol_breaks_the_channel() {
        for bad in [
            &b"Q\n"[..],
            b"R\tid\tlots\n",
            b"R\tid\t10\nshort",
            b"N",
            &[b'N'; 5000][..],
        ] {
            let all = read_all(bad);
            assert!(matches!(all.last(), Some(Next::Broken)), "{bad:?}: {all:?}");
        }
    }

    proptest! {
        /// Any bytes end in a bounded number of messages and never panic: a header
        /// longer than its cap, or a length past the end, breaks the channel.
        #[test]
        fn any_bytes_are_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let all = read_all(&bytes);
            prop_assert!(all.len() <= bytes.len() / 2 + 1);
            prop_assert!(!matches!(all.last(), Some(Next::Message(_))));
        }
    }
}
