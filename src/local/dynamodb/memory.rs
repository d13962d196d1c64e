//! The in-memory store's storage: redb's file as chunks of 1 MB. redb's own
//! `InMemoryBackend` is one `Vec` that a growing store reallocates, copying the
//! whole store each time it doubles (and faulting every page of the copy in, with
//! mimalloc); here growth adds chunks and moves nothing. Hand-written: it is the
//! five methods of redb's `StorageBackend`.

use std::io;
use std::sync::RwLock;

use redb::StorageBackend;

const CHUNK: usize = 1 << 20;

#[derive(Debug, Default)]
pub struct ChunkedMemory {
    inner: RwLock<Chunks>,
}

#[derive(Debug, Default)]
struct Chunks {
    chunks: Vec<Box<[u8]>>,
    len: u64,
}

fn out_of_range() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "Index out-of-range.")
}

/// Calls `f` on each (chunk, offset within it, length, offset in the caller's
/// buffer) that `[offset, offset + n)` covers, in a store of `len` bytes.
fn spans(
    len: u64,
    offset: u64,
    n: usize,
    mut f: impl FnMut(usize, usize, usize, usize),
) -> io::Result<()> {
    let end = offset.checked_add(n as u64).ok_or_else(out_of_range)?;
    if end > len {
        return Err(out_of_range());
    }
    let (mut at, mut done) = (offset as usize, 0);
    while done < n {
        let (chunk, within) = (at / CHUNK, at % CHUNK);
        let take = (CHUNK - within).min(n - done);
        f(chunk, within, take, done);
        at += take;
        done += take;
    }
    Ok(())
}

impl ChunkedMemory {
    fn read_lock(&self) -> std::sync::RwLockReadGuard<'_, Chunks> {
        self.inner.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write_lock(&self) -> std::sync::RwLockWriteGuard<'_, Chunks> {
        self.inner.write().unwrap_or_else(|p| p.into_inner())
    }
}

impl StorageBackend for ChunkedMemory {
    fn len(&self) -> io::Result<u64> {
        Ok(self.read_lock().len)
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> io::Result<()> {
        let c = self.read_lock();
        spans(c.len, offset, out.len(), |chunk, within, take, done| {
            out[done..done + take].copy_from_slice(&c.chunks[chunk][within..within + take]);
        })
    }

    /// New positions read as zero: chunks come zeroed, and a shrink zeroes what it
    /// cuts off in the last chunk it keeps.
    fn set_len(&self, len: u64) -> io::Result<()> {
        let mut c = self.write_lock();
        let len_usize = usize::try_from(len).map_err(|_| out_of_range())?;
        let needed = len_usize.div_ceil(CHUNK);
        if len < c.len {
            c.chunks.truncate(needed);
            let cut = len_usize % CHUNK;
            if cut != 0
                && let Some(last) = c.chunks.last_mut()
            {
                last[cut..].fill(0);
            }
        }
        while c.chunks.len() < needed {
            c.chunks.push(vec![0; CHUNK].into_boxed_slice());
        }
        c.len = len;
        Ok(())
    }

    fn sync_data(&self) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        let mut c = self.write_lock();
        let len = c.len;
        spans(len, offset, data.len(), |chunk, within, take, done| {
            c.chunks[chunk][within..within + take].copy_from_slice(&data[done..done + take]);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Each case zeroes megabytes of chunks: fewer cases than the default 256.
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the writes and resizes, it reads as a plain byte vector would.
        #[test]
        fn it_reads_as_a_vector_would(
            steps in proptest::collection::vec(
                (0u8..3, 0usize..3 * CHUNK, proptest::collection::vec(any::<u8>(), 0..5000)),
                1..30,
            )
        ) {
            let mem = ChunkedMemory::default();
            let mut model: Vec<u8> = Vec::new();
            for (kind, at, bytes) in steps {
                match kind {
                    0 => {
                        mem.set_len(at as u64).unwrap();
                        model.resize(at, 0);
                    }
                    1 => {
                        let fits = at + bytes.len() <= model.len();
                        prop_assert_eq!(mem.write(at as u64, &bytes).is_ok(), fits);
                        if fits {
                            model[at..at + bytes.len()].copy_from_slice(&bytes);
                        }
                    }
                    _ => {
                        let mut out = vec![0; bytes.len()];
                        let fits = at + out.len() <= model.len();
                        prop_assert_eq!(mem.read(at as u64, &mut out).is_ok(), fits);
                        if fits {
                            prop_assert_eq!(&out[..], &model[at..at + out.len()]);
                        }
                    }
                }
                prop_assert_eq!(mem.len().unwrap(), model.len() as u64);
            }
            let mut all = vec![0; model.len()];
            mem.read(0, &mut all).unwrap();
            prop_assert_eq!(all, model);
        }
    }
}
