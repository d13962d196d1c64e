//! The write-ahead log that makes an acknowledged write survive `kill -9`.
//!
//! redb makes a commit durable with an fsync, which costs about a quarter of a
//! millisecond here; doing that per request would cap writes near 2,000/s. So each
//! batch of writes is appended here (one `write` to the OS, which survives the
//! process being killed) and committed to redb without fsync; a durable commit
//! (once writes pause, at most every second; every 5 s under sustained writes) then
//! empties this log. After a crash, the store reopens at its last durable commit and
//! replays the log. Power loss can lose the writes since the last durable commit
//! unless the log is synced (`--sync`).

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

/// One physical change: idempotent, so replaying twice is harmless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Put {
        table: String,
        key: Vec<u8>,
        value: Vec<u8>,
    },
    Delete {
        table: String,
        key: Vec<u8>,
    },
    DropTable {
        table: String,
    },
}

pub struct Wal {
    file: File,
    sync: bool,
    pub bytes: u64,
    /// The frame being written, kept between batches: a fresh buffer of a large
    /// batch costs page faults on every append.
    frame: Vec<u8>,
}

/// Past this, the frame buffer is given back after a batch.
const KEEP_FRAME_BYTES: usize = 16 << 20;

fn fnv(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(&(b.len() as u32).to_le_bytes());
    out.extend_from_slice(b);
}

/// Appends one frame to `out`: the payload's length and checksum, then the
/// payload, written in place (no second copy of a batch that may be megabytes).
fn encode_into(ops: &[Op], out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(&[0; 12]);
    for op in ops {
        match op {
            Op::Put { table, key, value } => {
                out.push(1);
                put_bytes(out, table.as_bytes());
                put_bytes(out, key);
                put_bytes(out, value);
            }
            Op::Delete { table, key } => {
                out.push(2);
                put_bytes(out, table.as_bytes());
                put_bytes(out, key);
            }
            Op::DropTable { table } => {
                out.push(3);
                put_bytes(out, table.as_bytes());
            }
        }
    }
    let len = out.len() - start - 12;
    let sum = fnv(&out[start + 12..]);
    out[start..start + 4].copy_from_slice(&(len as u32).to_le_bytes());
    out[start + 4..start + 12].copy_from_slice(&sum.to_le_bytes());
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let len =
            u32::from_le_bytes(self.data.get(self.at..self.at + 4)?.try_into().ok()?) as usize;
        self.at += 4;
        let b = self.data.get(self.at..self.at + len)?.to_vec();
        self.at += len;
        Some(b)
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }
}

/// Every complete, intact batch in `data`; a torn last frame is ignored.
pub fn decode(data: &[u8]) -> Vec<Vec<Op>> {
    let mut batches = Vec::new();
    let mut at = 0;
    while at + 12 <= data.len() {
        let len = u32::from_le_bytes(data[at..at + 4].try_into().unwrap_or_default()) as usize;
        let sum = u64::from_le_bytes(data[at + 4..at + 12].try_into().unwrap_or_default());
        let Some(payload) = data.get(at + 12..at + 12 + len) else {
            break;
        };
        if fnv(payload) != sum {
            break;
        }
        let mut r = Reader {
            data: payload,
            at: 0,
        };
        let mut ops = Vec::new();
        while r.at < payload.len() {
            let tag = payload[r.at];
            r.at += 1;
            let op = match tag {
                1 => r.string().and_then(|table| {
                    Some(Op::Put {
                        table,
                        key: r.bytes()?,
                        value: r.bytes()?,
                    })
                }),
                2 => r.string().and_then(|table| {
                    Some(Op::Delete {
                        table,
                        key: r.bytes()?,
                    })
                }),
                3 => r.string().map(|table| Op::DropTable { table }),
                _ => None,
            };
            match op {
                Some(op) => ops.push(op),
                None => return batches,
            }
        }
        batches.push(ops);
        at += 12 + len;
    }
    batches
}

impl Wal {
    pub fn open(path: &Path, sync: bool) -> std::io::Result<(Wal, Vec<Vec<Op>>)> {
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .append(true)
            .open(path)?;
        let mut data = Vec::new();
        file.read_to_end(&mut data)?;
        let batches = decode(&data);
        Ok((
            Wal {
                file,
                sync,
                bytes: data.len() as u64,
                frame: Vec::new(),
            },
            batches,
        ))
    }

    pub fn append(&mut self, ops: &[Op]) -> std::io::Result<()> {
        if ops.is_empty() {
            return Ok(());
        }
        self.frame.clear();
        encode_into(ops, &mut self.frame);
        let written = self.file.write_all(&self.frame);
        let len = self.frame.len() as u64;
        if self.frame.capacity() > KEEP_FRAME_BYTES {
            self.frame = Vec::new();
        }
        written?;
        if self.sync {
            self.file.sync_data()?;
        }
        self.bytes += len;
        Ok(())
    }

    /// Empties the log once its contents are durable in the store.
    pub fn reset(&mut self) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.bytes = 0;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_ignores_a_torn_tail() {
        let a = vec![
            Op::Put {
                table: "t".into(),
                key: vec![1],
                value: vec![2, 3],
            },
            Op::Delete {
                table: "t".into(),
                key: vec![9],
            },
        ];
        let b = vec![Op::DropTable { table: "x".into() }];
        let mut data = Vec::new();
        encode_into(&a, &mut data);
        encode_into(&b, &mut data);
        assert_eq!(decode(&data), vec![a.clone(), b]);
        let torn = &data[..data.len() - 3];
        assert_eq!(decode(torn), vec![a]);
    }
}
