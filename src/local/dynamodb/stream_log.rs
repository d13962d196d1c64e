//! How stream records are kept. A write to a table with a stream adds its record to
//! the writer's batch; each batch's records go to the write-ahead log with the
//! batch's items (so an acknowledged write's record survives `kill -9`), then wait
//! in memory (`Pending`) until they go into the stream's redb table together, one
//! entry per stream: when `FLUSH_BYTES` are waiting, when the writer is idle, and
//! before each durable commit. A write so costs its record and a copy, not a B-tree
//! insert and a second tree in every commit (measured, those were a fifth of a
//! write's cost). Readers see redb and `Pending` as one, at one moment
//! (`Store::stream_view`).
//!
//! An entry of a stream table: its key is its first record's sequence number (8
//! bytes, big-endian); its value is a frame (`FRAME`, then per record its sequence
//! number (u64), its length (u32), both big-endian, and its JSON), or one record's
//! JSON alone (how stores written before frames keep them).

use std::collections::BTreeMap;
use std::sync::Mutex;

/// The first byte of a frame; a record's JSON starts with `{`.
const FRAME: u8 = 0;
const HEADER: usize = 12;
/// Records waiting in memory beyond this go into redb.
pub const FLUSH_BYTES: usize = 256 << 10;

/// Records of one stream in sequence order, framed.
#[derive(Debug, Clone)]
pub struct Frame {
    pub first: u64,
    pub last: u64,
    pub bytes: Vec<u8>,
}

impl Frame {
    fn new(first: u64) -> Frame {
        Frame {
            first,
            last: first,
            bytes: vec![FRAME],
        }
    }

    /// Appends a record whose JSON `write` writes.
    pub fn push(&mut self, seq: u64, write: impl FnOnce(&mut Vec<u8>)) {
        let at = self.bytes.len();
        self.bytes.extend_from_slice(&seq.to_be_bytes());
        self.bytes.extend_from_slice(&[0; 4]);
        write(&mut self.bytes);
        let len = (self.bytes.len() - at - HEADER) as u32;
        self.bytes[at + 8..at + HEADER].copy_from_slice(&len.to_be_bytes());
        self.last = seq;
    }

    /// No records (a waiting buffer kept across a flush).
    fn is_empty(&self) -> bool {
        self.bytes.len() <= 1
    }

    fn append(&mut self, other: &Frame) {
        self.bytes.extend_from_slice(&other.bytes[1..]);
        self.last = other.last;
    }

    pub fn key(&self) -> [u8; 8] {
        self.first.to_be_bytes()
    }

    /// The records from sequence number `from` on, at most `limit`, as a frame.
    fn from(&self, from: u64, limit: usize) -> Option<Frame> {
        let mut out: Option<Frame> = None;
        let wanted = records(&self.key(), &self.bytes).filter(|(s, _)| *s >= from);
        for (seq, json) in wanted.take(limit) {
            let frame = out.get_or_insert_with(|| Frame::new(seq));
            frame.push(seq, |b| b.extend_from_slice(json));
        }
        out
    }
}

/// The records of one entry (`key`, `value`) in order: a frame's, or the one record
/// an entry of an older store holds. A truncated frame ends at its last whole record.
pub fn records<'a>(key: &[u8], value: &'a [u8]) -> impl Iterator<Item = (u64, &'a [u8])> + use<'a> {
    let single = (value.first() != Some(&FRAME)).then(|| (seq_of(key), value));
    let mut rest = if single.is_some() {
        &[][..]
    } else {
        &value[1..]
    };
    single.into_iter().chain(std::iter::from_fn(move || {
        let header = rest.get(..HEADER)?;
        let seq = u64::from_be_bytes(header[..8].try_into().ok()?);
        let len = u32::from_be_bytes(header[8..].try_into().ok()?) as usize;
        let json = rest.get(HEADER..HEADER + len)?;
        rest = &rest[HEADER + len..];
        Some((seq, json))
    }))
}

/// The sequence number an entry's key holds.
pub fn seq_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

/// The records one batch of the writer adds, per stream (its table id and label).
#[derive(Default)]
pub struct Batch {
    frames: Vec<(u64, String, Frame)>,
}

impl Batch {
    /// The frame of stream `label` of table `id`, made on its first record `first`.
    pub fn frame(&mut self, id: u64, label: &str, first: u64) -> &mut Frame {
        let at = match self
            .frames
            .iter()
            .position(|(i, l, _)| *i == id && l == label)
        {
            Some(at) => at,
            None => {
                self.frames.push((id, label.to_string(), Frame::new(first)));
                self.frames.len() - 1
            }
        };
        &mut self.frames[at].2
    }

    /// Each stream's frame under the name of its redb table.
    pub fn into_frames(self) -> Vec<(String, Frame)> {
        self.frames
            .into_iter()
            .filter(|(_, _, f)| f.bytes.len() > 1)
            .map(|(id, label, f)| (super::schema::stream_table(id, &label), f))
            .collect()
    }
}

/// Records committed (and logged) but not yet in redb, by stream table.
#[derive(Default)]
pub struct Pending {
    inner: Mutex<Waiting>,
}

/// The waiting frames keep their buffers across flushes while their stream is
/// written (a buffer of a few hundred KB made and dropped at every flush costs
/// fresh pages from the OS each time); a buffer idle for a whole flush goes.
#[derive(Default)]
pub struct Waiting {
    frames: BTreeMap<String, Frame>,
    bytes: usize,
}

impl Waiting {
    pub fn add(&mut self, frames: Vec<(String, Frame)>) {
        for (table, frame) in frames {
            self.bytes += frame.bytes.len();
            let waiting = self.frames.entry(table).or_insert_with(|| Frame {
                first: frame.first,
                last: frame.first,
                bytes: Vec::with_capacity(FLUSH_BYTES + (64 << 10)),
            });
            if waiting.is_empty() {
                waiting.bytes.clear();
                waiting.bytes.push(FRAME);
                waiting.first = frame.first;
            }
            waiting.append(&frame);
        }
    }

    pub fn is_full(&self) -> bool {
        self.bytes >= FLUSH_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.frames.values().all(Frame::is_empty)
    }

    /// The frames that hold records, by stream table.
    pub fn frames(&self) -> impl Iterator<Item = (&String, &Frame)> {
        self.frames.iter().filter(|(_, f)| !f.is_empty())
    }

    /// Forgets the records (they are in redb now), keeping the buffers of streams
    /// written since the last flush.
    pub fn clear(&mut self) {
        self.frames.retain(|_, f| !f.is_empty());
        for frame in self.frames.values_mut() {
            frame.bytes.truncate(1);
        }
        self.bytes = 0;
    }

    /// The records of `table` from `from` on (at most `limit`), as a frame.
    pub fn tail(&self, table: &str, from: u64, limit: usize) -> Option<Frame> {
        self.frames.get(table)?.from(from, limit)
    }

    /// The first and last sequence numbers waiting for `table`.
    pub fn bounds(&self, table: &str) -> Option<(u64, u64)> {
        self.frames
            .get(table)
            .filter(|f| !f.is_empty())
            .map(|f| (f.first, f.last))
    }
}

impl Pending {
    /// The waiting records, locked: the writer holds this across a flush's commit,
    /// and a reader across taking its snapshot, so a record is seen once.
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_older_entry_is_one_record() {
        let all: Vec<_> = records(&7u64.to_be_bytes(), b"{\"a\":1}").collect();
        assert_eq!(all, vec![(7, &b"{\"a\":1}"[..])]);
    }

    #[test]
    fn waiting_frames_of_a_stream_join_in_order_and_read_from_a_position() {
        let mut batch = Batch::default();
        batch
            .frame(1, "L", 10)
            .push(10, |b| b.extend_from_slice(b"{}"));
        batch
            .frame(1, "L", 10)
            .push(11, |b| b.extend_from_slice(b"{\"x\":1}"));
        batch
            .frame(2, "M", 12)
            .push(12, |b| b.extend_from_slice(b"{}"));
        let mut waiting = Waiting::default();
        waiting.add(batch.into_frames());
        let mut next = Batch::default();
        next.frame(1, "L", 13)
            .push(13, |b| b.extend_from_slice(b"{\"y\":2}"));
        waiting.add(next.into_frames());
        let table = crate::local::dynamodb::schema::stream_table(1, "L");
        assert_eq!(waiting.bounds(&table), Some((10, 13)));
        let tail = waiting.tail(&table, 11, 10).expect("records");
        let seqs: Vec<u64> = records(&tail.key(), &tail.bytes).map(|(s, _)| s).collect();
        assert_eq!(seqs, vec![11, 13]);
        let one = waiting.tail(&table, 0, 1).expect("records");
        assert_eq!(records(&one.key(), &one.bytes).count(), 1);
        assert!(waiting.tail(&table, 14, 10).is_none());
    }

    proptest! {
        /// Whatever the records, a frame gives them back as pushed; cut anywhere,
        /// it gives a prefix of them and never panics.
        #[test]
        fn frames_give_back_what_was_pushed(
            recs in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..20),
            cut in any::<usize>(),
        ) {
            let mut frame = Frame::new(100);
            for (i, r) in recs.iter().enumerate() {
                frame.push(100 + i as u64, |b| b.extend_from_slice(r));
            }
            let back: Vec<(u64, Vec<u8>)> =
                records(&frame.key(), &frame.bytes).map(|(s, j)| (s, j.to_vec())).collect();
            let want: Vec<(u64, Vec<u8>)> =
                recs.iter().enumerate().map(|(i, r)| (100 + i as u64, r.clone())).collect();
            prop_assert_eq!(&back, &want);
            let cut = 1 + cut % frame.bytes.len().max(1);
            let part: Vec<(u64, Vec<u8>)> = records(&frame.key(), &frame.bytes[..cut.min(frame.bytes.len())])
                .map(|(s, j)| (s, j.to_vec())).collect();
            prop_assert!(want.starts_with(&part));
        }
    }
}
