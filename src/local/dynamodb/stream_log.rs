//! How stream records are kept. A write to a table with a stream adds its record to
//! the writer's batch; each batch's records go to the write-ahead log with the
//! batch's items (so an acknowledged write's record survives `kill -9`), then wait
//! in memory (`Pending`), in frames of about `CHUNK_BYTES` per stream. On disk the
//! frames go into the stream's redb table together, an entry each: when
//! `FLUSH_BYTES` are waiting, when the writer is idle, and before each durable
//! commit (after which the log no longer holds them). Few large flushes cost less
//! than many small ones: each is a redb commit, and a stream added 13% to a write
//! flushing every 256 KB, 7% flushing every 16 MB. In memory the frames stay in
//! `Pending` until they are 24 hours old: redb would hold them twice (its page
//! cache and its file) for no durability. A write so costs its record and a copy,
//! not a B-tree insert and a second tree in every commit (measured, those were a
//! fifth of a write's cost). Readers see redb and `Pending` as one, at one moment
//! (`Store::stream_view`).
//!
//! An entry of a stream table: its key is its first record's sequence number (8
//! bytes, big-endian); its value is a frame (`FRAME`, then per record its sequence
//! number (u64), its length (u32), both big-endian, and its JSON), or one record's
//! JSON alone (how stores written before frames keep them).

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;

/// The first byte of a frame; a record's JSON starts with `{`.
const FRAME: u8 = 0;
const HEADER: usize = 12;
/// Records waiting beyond this go into redb (on disk; see the module's comment).
pub const FLUSH_BYTES: usize = 16 << 20;

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

    fn append(&mut self, other: &Frame) {
        self.bytes.extend_from_slice(&other.bytes[1..]);
        self.last = other.last;
    }

    pub fn key(&self) -> [u8; 8] {
        self.first.to_be_bytes()
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

/// Records committed (and logged) but not yet in redb, by stream table. In memory
/// they stay here for good (`Writer::flush_streams`).
#[derive(Default)]
pub struct Pending {
    inner: Mutex<Waiting>,
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

/// The waiting records of each stream, in order, in frames of about `CHUNK_BYTES`
/// (a batch's frame joins the last one while it fits). Each frame becomes one redb
/// entry: at that size redb keeps it in a page of 64 KB, where larger values take
/// pages that the allocator hands out fresh from the OS every time (measured as
/// the largest cost a stream added to a write).
#[derive(Default)]
pub struct Waiting {
    streams: BTreeMap<String, VecDeque<Frame>>,
    bytes: usize,
}

/// A waiting frame takes records while it stays under this.
const CHUNK_BYTES: usize = 60 << 10;

impl Waiting {
    pub fn add(&mut self, frames: Vec<(String, Frame)>) {
        for (table, frame) in frames {
            self.bytes += frame.bytes.len();
            let chunks = self.streams.entry(table).or_default();
            match chunks.back_mut() {
                Some(last) if last.bytes.len() + frame.bytes.len() <= CHUNK_BYTES => {
                    last.append(&frame)
                }
                _ => {
                    let mut chunk = Frame {
                        first: frame.first,
                        last: frame.first,
                        bytes: Vec::with_capacity(CHUNK_BYTES.max(frame.bytes.len())),
                    };
                    chunk.bytes.push(FRAME);
                    chunk.append(&frame);
                    chunks.push_back(chunk);
                }
            }
        }
    }

    pub fn is_full(&self) -> bool {
        self.bytes >= FLUSH_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.streams.is_empty()
    }

    /// The waiting frames, by stream table.
    pub fn frames(&self) -> impl Iterator<Item = (&String, &Frame)> {
        self.streams
            .iter()
            .flat_map(|(table, chunks)| chunks.iter().map(move |f| (table, f)))
    }

    /// Forgets the records (they are in redb now).
    pub fn clear(&mut self) {
        self.streams.clear();
        self.bytes = 0;
    }

    /// Forgets the frames whose records are all older than sequence number `cutoff`.
    pub fn prune(&mut self, cutoff: u64) {
        for chunks in self.streams.values_mut() {
            while chunks.front().is_some_and(|f| f.last < cutoff) {
                if let Some(f) = chunks.pop_front() {
                    self.bytes = self.bytes.saturating_sub(f.bytes.len());
                }
            }
        }
        self.streams.retain(|_, chunks| !chunks.is_empty());
    }

    /// The records of `table` from `from` on, at most `limit` of them and about
    /// `max_bytes` of JSON (at least one), as a frame.
    pub fn tail(&self, table: &str, from: u64, limit: usize, max_bytes: usize) -> Option<Frame> {
        let chunks = self.streams.get(table)?;
        let start = chunks.partition_point(|f| f.last < from);
        let mut out: Option<Frame> = None;
        let (mut count, mut bytes) = (0, 0);
        let wanted = chunks
            .range(start..)
            .flat_map(|f| records(&f.key(), &f.bytes))
            .filter(|(seq, _)| *seq >= from);
        for (seq, json) in wanted {
            if count >= limit || (count > 0 && bytes + json.len() > max_bytes) {
                break;
            }
            out.get_or_insert_with(|| Frame::new(seq))
                .push(seq, |b| b.extend_from_slice(json));
            count += 1;
            bytes += json.len();
        }
        out
    }

    /// The first and last sequence numbers waiting for `table`.
    pub fn bounds(&self, table: &str) -> Option<(u64, u64)> {
        let chunks = self.streams.get(table)?;
        Some((chunks.front()?.first, chunks.back()?.last))
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
        let tail = waiting.tail(&table, 11, 10, usize::MAX).expect("records");
        let seqs: Vec<u64> = records(&tail.key(), &tail.bytes).map(|(s, _)| s).collect();
        assert_eq!(seqs, vec![11, 13]);
        let one = waiting.tail(&table, 0, 1, usize::MAX).expect("records");
        assert_eq!(records(&one.key(), &one.bytes).count(), 1);
        assert!(waiting.tail(&table, 14, 10, usize::MAX).is_none());
    }

    /// Seqs of the records `tail` gives.
    fn tail_seqs(waiting: &Waiting, table: &str, from: u64, limit: usize, max: usize) -> Vec<u64> {
        waiting
            .tail(table, from, limit, max)
            .map(|f| records(&f.key(), &f.bytes).map(|(s, _)| s).collect())
            .unwrap_or_default()
    }

    #[test]
    fn waiting_records_fill_frames_of_chunk_size_read_across_them_and_go_when_old() {
        let table = crate::local::dynamodb::schema::stream_table(1, "L");
        let json = vec![b'x'; 1000];
        let mut waiting = Waiting::default();
        for seq in 0..200u64 {
            let mut batch = Batch::default();
            batch
                .frame(1, "L", seq)
                .push(seq, |b| b.extend_from_slice(&json));
            waiting.add(batch.into_frames());
        }
        let frames: Vec<&Frame> = waiting.frames().map(|(_, f)| f).collect();
        assert!(frames.len() >= 4, "{} frames", frames.len());
        assert!(frames.iter().all(|f| f.bytes.len() <= CHUNK_BYTES));
        assert_eq!(waiting.bounds(&table), Some((0, 199)));
        // From inside the second frame, across the rest, to the end.
        let from = frames[1].first + 3;
        assert_eq!(
            tail_seqs(&waiting, &table, from, 1000, usize::MAX),
            (from..200).collect::<Vec<_>>()
        );
        // At most `max_bytes` of JSON, but always one record.
        assert_eq!(tail_seqs(&waiting, &table, 10, 1000, 2500).len(), 2);
        assert_eq!(tail_seqs(&waiting, &table, 10, 1000, 1), vec![10]);
        // Pruning drops whole frames older than the cutoff only.
        let second = frames[1].first;
        waiting.prune(second);
        assert_eq!(waiting.bounds(&table), Some((second, 199)));
        waiting.prune(200);
        assert!(waiting.is_empty());
        assert_eq!(waiting.bounds(&table), None);
    }

    #[test]
    fn a_record_larger_than_a_chunk_gets_a_frame_of_its_own() {
        let table = crate::local::dynamodb::schema::stream_table(1, "L");
        let mut waiting = Waiting::default();
        for (seq, size) in [(1u64, 10), (2, CHUNK_BYTES * 2), (3, 10)] {
            let mut batch = Batch::default();
            batch
                .frame(1, "L", seq)
                .push(seq, |b| b.resize(b.len() + size, b'y'));
            waiting.add(batch.into_frames());
        }
        let firsts: Vec<u64> = waiting.frames().map(|(_, f)| f.first).collect();
        assert_eq!(firsts, vec![1, 2, 3]);
        assert_eq!(
            tail_seqs(&waiting, &table, 0, 10, usize::MAX),
            vec![1, 2, 3]
        );
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
