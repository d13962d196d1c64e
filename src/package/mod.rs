//! Function code as Lambda takes it: the function's folder (after its build
//! command), its files chosen by the default and the project's excludes, packed as
//! a deterministic zip, with a digest of its content that decides whether code
//! changed. Lambda's limits are checked here, before any call.
//!
//! Same input, same bytes, on any machine: entries sorted bytewise by path, regular
//! files only, the 1980-01-01 timestamp set explicitly, modes 0644 or 0755 (files
//! with an execute bit, and `bootstrap`), no extra fields, compression level pinned.
//! The digest is over paths, modes and contents, not the zip, so it does not depend
//! on the compressor either.

mod build;
mod deps;
mod project;
mod walk;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use build::{BuildError, run_build};
pub use project::{PackFailure, pack_functions, source_dir};
pub use walk::{DEFAULT_EXCLUDES, Entry, files};

/// Lambda's limit on a zip uploaded directly (CreateFunction, UpdateFunctionCode).
pub const MAX_ZIPPED_BYTES: u64 = 50 * 1024 * 1024;
/// Lambda's limit on a function's code unzipped.
pub const MAX_UNZIPPED_BYTES: u64 = 262_144_000;
/// The deflate level, pinned: another level is other bytes.
const LEVEL: i64 = 6;

/// A function's code, packed.
#[derive(Debug, Clone)]
pub struct Package {
    pub zip: Vec<u8>,
    /// Hex SHA-256 over every entry's path, mode and content, in order.
    pub digest: String,
    /// Bytes of the files, unzipped.
    pub unzipped: u64,
    pub files: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("the code folder {} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the code is {size} bytes unzipped; Lambda takes at most {MAX_UNZIPPED_BYTES}")]
    TooLargeUnzipped { size: u64 },
    #[error("the zip is over {MAX_ZIPPED_BYTES} bytes, Lambda's limit for a direct upload")]
    TooLargeZipped,
    #[error("cannot write the zip: {0}")]
    Zip(String),
    #[error("an exclude pattern `{pattern}` is not a glob: {message}")]
    Pattern { pattern: String, message: String },
}

/// Memory for the zip that refuses to grow past Lambda's direct-upload limit, so
/// what is held stays bounded whatever the folder holds.
struct Capped(std::io::Cursor<Vec<u8>>);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let end = self.0.position() + buf.len() as u64;
        if end > MAX_ZIPPED_BYTES + 4096 {
            return Err(std::io::Error::other(TOO_LARGE));
        }
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::io::Seek for Capped {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.0.seek(pos)
    }
}

const TOO_LARGE: &str = "the zip is over Lambda's limit";

/// Packs `entries` (from [`files`]) as the deterministic zip and its digest.
pub fn pack(entries: &[Entry]) -> Result<Package, PackError> {
    let unzipped: u64 = entries.iter().map(|e| e.size).sum();
    if unzipped > MAX_UNZIPPED_BYTES {
        return Err(PackError::TooLargeUnzipped { size: unzipped });
    }
    let mut digest = Sha256::new();
    // The writer seeks back to fill in sizes, so it writes into a cursor over memory,
    // reserved once for what the zip can hold (deflate never grows data by much; the
    // pages are touched only as written): growing by reallocation would copy the zip
    // and, with mimalloc, hold both copies at once.
    let room = (unzipped + 128 * entries.len() as u64 + (64 << 10)).min(MAX_ZIPPED_BYTES + 4096);
    let mut zip = zip::ZipWriter::new(Capped(std::io::Cursor::new(Vec::with_capacity(
        room as usize,
    ))));
    let too_large = |e: &dyn std::fmt::Display| {
        if e.to_string().contains(TOO_LARGE) {
            PackError::TooLargeZipped
        } else {
            PackError::Zip(e.to_string())
        }
    };
    let mut buf = vec![0u8; 64 * 1024];
    for e in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(LEVEL))
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(e.mode)
            .large_file(false);
        zip.start_file(e.path.as_str(), options)
            .map_err(|x| too_large(&x))?;
        digest.update(e.path.as_bytes());
        digest.update([0]);
        digest.update(format!("{:o}", e.mode).as_bytes());
        digest.update([0]);
        digest.update(e.size.to_le_bytes());
        let mut file = std::fs::File::open(&e.source).map_err(|source| PackError::Read {
            path: e.source.clone(),
            source,
        })?;
        let mut left = e.size;
        while left > 0 {
            let want = left.min(buf.len() as u64) as usize;
            let n = file
                .read(&mut buf[..want])
                .map_err(|source| PackError::Read {
                    path: e.source.clone(),
                    source,
                })?;
            if n == 0 {
                // The file shrank while being read: what was there is what is packed.
                break;
            }
            digest.update(&buf[..n]);
            zip.write_all(&buf[..n]).map_err(|x| too_large(&x))?;
            left -= n as u64;
        }
    }
    let bytes = zip.finish().map_err(|x| too_large(&x))?.0.into_inner();
    if bytes.len() as u64 > MAX_ZIPPED_BYTES {
        return Err(PackError::TooLargeZipped);
    }
    Ok(Package {
        zip: bytes,
        digest: hex(&digest.finalize()),
        unzipped,
        files: entries.len(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Packs the folder `root`, leaving out the default excludes and `exclude`.
pub fn pack_folder(root: &Path, exclude: &[String]) -> Result<Package, PackError> {
    pack(&files(root, exclude)?)
}

#[cfg(test)]
mod tests;
