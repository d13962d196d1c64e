//! Unpacking a function's zip: streamed to disk, bounded by Lambda's limit on
//! unzipped code whatever the archive declares, every path kept inside the folder.

use std::io::{Read, Write};
use std::path::Path;

/// Lambda's limit on a function's unpacked code.
pub const MAX_UNZIPPED_BYTES: u64 = 262_144_000;

/// Why an archive was not unpacked: the caller's fault (answered as Lambda answers
/// it), or the store's.
#[derive(Debug)]
pub enum UnzipError {
    Invalid(String),
    Storage(std::io::Error),
}

/// Unzips `zip` into `dir` (replacing it), refusing paths that leave it. Entries are
/// streamed to disk, counted as written whatever sizes the archive declares, and
/// the unpacking stops at Lambda's limit on unzipped code.
pub fn unzip(zip: &[u8], dir: &Path) -> Result<(), UnzipError> {
    let io = UnzipError::Storage;
    let invalid = || {
        UnzipError::Invalid(
            "Could not unzip uploaded file. Please check your file, then try to upload again."
                .into(),
        )
    };
    // Inside the fresh folder, what the archive lays out can clash with itself (a
    // file `a` and an entry `a/b`, an entry written twice after a mode of 0): that is
    // the archive's fault, not the store's.
    let placed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::AlreadyExists
        | std::io::ErrorKind::NotADirectory
        | std::io::ErrorKind::IsADirectory
        | std::io::ErrorKind::PermissionDenied
        | std::io::ErrorKind::InvalidFilename
        | std::io::ErrorKind::InvalidInput
        | std::io::ErrorKind::DirectoryNotEmpty => invalid(),
        _ => io(e),
    };
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
        _ => {}
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).map_err(|_| invalid())?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|_| invalid())?;
        let Some(rel) = file.enclosed_name() else {
            return Err(invalid());
        };
        let path = dir.join(rel);
        if file.is_dir() {
            std::fs::create_dir_all(&path).map_err(placed)?;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(placed)?;
        }
        let mut out = std::fs::File::create(&path).map_err(placed)?;
        // One byte past what is left tells an entry that goes over the limit. A
        // failed read is the archive's fault (damaged, an unknown method), a failed
        // write the store's.
        let room = MAX_UNZIPPED_BYTES - total;
        let mut entry = (&mut file).take(room + 1);
        let mut buf = [0u8; 64 * 1024];
        let mut written: u64 = 0;
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Err(invalid()),
            };
            out.write_all(&buf[..n]).map_err(placed)?;
            written += n as u64;
        }
        total += written;
        if total > MAX_UNZIPPED_BYTES {
            return Err(UnzipError::Invalid(format!(
                "Unzipped size must be smaller than {MAX_UNZIPPED_BYTES} bytes"
            )));
        }
        #[cfg(unix)]
        if let Some(mode) = file.unix_mode() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode & 0o777))
                .map_err(placed)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Write;

    const NAMES: &[&str] = &[
        "a",
        "a/b",
        "a/b/c",
        "b",
        "../x",
        "/abs",
        "c/",
        "a/",
        "./d",
        "e\\f",
        "a/../../y",
        "",
    ];

    fn build(entries: &[(usize, Vec<u8>, u32)]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut out);
            for (name, bytes, mode) in entries {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Stored)
                    .unix_permissions(*mode);
                let name = NAMES[*name];
                let started = if name.ends_with('/') {
                    z.add_directory(name, options)
                } else {
                    z.start_file(name, options)
                };
                if started.is_ok() {
                    let _ = z.write_all(bytes);
                }
            }
            let _ = z.finish();
        }
        out.into_inner()
    }

    /// Every path under `root`, for checking nothing was written beside `dir`.
    fn everything(root: &Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut todo = vec![root.to_path_buf()];
        while let Some(d) = todo.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    todo.push(p.clone());
                }
                out.push(p);
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Any archive, clashing names, odd modes, damaged bytes: unpacked inside the
        /// folder, or refused as the caller's fault; never a storage error, a panic,
        /// or a file outside.
        #[test]
        fn any_archive_is_unpacked_inside_or_refused(
            entries in proptest::collection::vec(
                (0..NAMES.len(), proptest::collection::vec(any::<u8>(), 0..64),
                 prop_oneof![Just(0o644u32), Just(0o755), Just(0o000), Just(0o400)]),
                0..8),
            flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..3),
        ) {
            let mut zip = build(&entries);
            for (at, b) in flips {
                if !zip.is_empty() {
                    let i = at.index(zip.len());
                    zip[i] = b;
                }
            }
            let root = tempfile::tempdir().unwrap();
            let dir = root.path().join("code");
            match unzip(&zip, &dir) {
                Ok(()) | Err(UnzipError::Invalid(_)) => {}
                Err(UnzipError::Storage(e)) => prop_assert!(false, "a storage error: {e}"),
            }
            for p in everything(root.path()) {
                prop_assert!(p.starts_with(&dir), "{} is outside", p.display());
            }
            // A later test run must be able to remove what was written.
            for p in everything(root.path()) {
                use std::os::unix::fs::PermissionsExt;
                prop_assert!(
                    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).is_ok(),
                    "{} cannot be made removable",
                    p.display()
                );
            }
        }
    }
}
