//! One store, one owner: a lock file so two processes never write one store, and a
//! record of the running server so other commands find it and talk to it instead.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const LOCK: &str = "lock";
const RECORD: &str = "server.json";

/// What `local serve` writes beside the store.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub pid: u32,
    pub endpoint: String,
    pub started: u64,
}

/// Holds the store's lock while alive.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    dir: PathBuf,
}

impl Lock {
    pub fn write_record(&self, record: &Record) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(record).unwrap_or_default();
        let tmp = self.dir.join(format!("{RECORD}.tmp"));
        std::fs::write(&tmp, text)?;
        std::fs::rename(tmp, self.dir.join(RECORD))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // A record that outlives its server is found stale (its lock is free) and
        // reported by the next start: nothing depends on this removal.
        super::discard(&self.dir.join(RECORD));
    }
}

#[derive(Debug)]
pub enum Claim {
    /// We own the store now.
    Owned(Lock),
    /// Another process owns it; this is its record, if it has written one.
    Busy(Option<Record>),
}

#[derive(Debug)]
pub struct Stale {
    pub record: Record,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "found a record of a local emulator (pid {}, {}) that is no longer running; it was removed",
            self.record.pid, self.record.endpoint
        )
    }
}

pub fn read_record(dir: &Path) -> Option<Record> {
    let text = std::fs::read_to_string(dir.join(RECORD)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Tries to own the store in `dir`. A record left by a dead server is removed and
/// reported through `stale`.
pub fn claim(dir: &Path) -> std::io::Result<(Claim, Option<Stale>)> {
    std::fs::create_dir_all(dir)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK))?;
    match file.try_lock() {
        Ok(()) => {
            let stale = read_record(dir).map(|record| Stale { record });
            if stale.is_some() {
                // Already reported through `stale`; the new record replaces it anyway.
                super::discard(&dir.join(RECORD));
            }
            Ok((
                Claim::Owned(Lock {
                    _file: file,
                    dir: dir.to_path_buf(),
                }),
                stale,
            ))
        }
        Err(std::fs::TryLockError::WouldBlock) => Ok((Claim::Busy(read_record(dir)), None)),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Whether a live server owns the store in `dir` (without taking the lock for long).
pub fn status(dir: &Path) -> std::io::Result<(Option<Record>, Option<Stale>)> {
    if !dir.join(LOCK).exists() {
        return Ok((None, None));
    }
    match claim(dir)? {
        (Claim::Owned(lock), stale) => {
            drop(lock);
            Ok((None, stale))
        }
        (Claim::Busy(record), _) => Ok((record, None)),
    }
}
