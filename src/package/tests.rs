//! Packaging: the same input gives the same bytes, whatever the folder, the mtimes
//! and the umask; excludes, modes and limits.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;

fn write(root: &Path, rel: &str, text: &str, mode: u32) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn project(root: &Path, mode: u32) {
    write(
        root,
        "handlers.py",
        "def handler(e, c):\n    return e\n",
        mode,
    );
    write(root, "lib/util.py", "X = 1\n", mode);
    write(root, "bin/tool", "#!/bin/sh\n", mode | 0o111);
    write(root, "bootstrap", "#!/bin/sh\n", mode);
    write(root, "B.txt", "upper case sorts first\n", mode);
    write(root, "__pycache__/handlers.cpython-312.pyc", "cache", mode);
    write(root, ".git/HEAD", "ref", mode);
    write(root, "gatekit.yaml", "project: x\n", mode);
    write(root, "tests/test_it.py", "", mode);
    write(root, "lib/.DS_Store", "", mode);
}

fn names(zip: &[u8]) -> Vec<(String, u32)> {
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..a.len())
        .map(|i| {
            let f = a.by_index(i).unwrap();
            (
                f.name().unwrap().to_string(),
                f.unix_mode().unwrap_or(0) & 0o777,
            )
        })
        .collect()
}

#[test]
fn the_same_input_gives_the_same_bytes_anywhere() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    project(a.path(), 0o644);
    project(b.path(), 0o600);
    // Other mtimes: one folder's files an hour older.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in files(b.path(), &[]).unwrap() {
        std::fs::File::options()
            .write(true)
            .open(&e.source)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let exclude = vec!["tests/".to_string()];
    let (pa, pb) = (
        pack_folder(a.path(), &exclude).unwrap(),
        pack_folder(b.path(), &exclude).unwrap(),
    );
    assert_eq!(pa.zip, pb.zip, "byte for byte");
    assert_eq!(pa.digest, pb.digest);
    assert_eq!(pa.digest.len(), 64);
    assert_eq!(
        names(&pa.zip),
        [
            ("B.txt".to_string(), 0o644),
            ("bin/tool".to_string(), 0o755),
            ("bootstrap".to_string(), 0o755),
            ("handlers.py".to_string(), 0o644),
            ("lib/util.py".to_string(), 0o644),
        ]
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&pa.zip)).unwrap();
    let mut f = archive.by_name("handlers.py").unwrap();
    assert_eq!(
        f.last_modified(),
        Some(zip::DateTime::default()),
        "1980-01-01"
    );
    assert!(
        f.extra_data().is_none_or(|d| d.is_empty()),
        "no extra fields"
    );
    let mut text = String::new();
    f.read_to_string(&mut text).unwrap();
    assert!(text.contains("def handler"));
}

#[test]
fn the_digest_follows_content_path_and_mode() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.py", "1", 0o644);
    let first = pack_folder(dir.path(), &[]).unwrap().digest;
    write(dir.path(), "a.py", "2", 0o644);
    let content = pack_folder(dir.path(), &[]).unwrap().digest;
    write(dir.path(), "a.py", "2", 0o755);
    let mode = pack_folder(dir.path(), &[]).unwrap().digest;
    std::fs::rename(dir.path().join("a.py"), dir.path().join("b.py")).unwrap();
    let path = pack_folder(dir.path(), &[]).unwrap().digest;
    let all = [first, content, mode, path];
    for (i, d) in all.iter().enumerate() {
        assert!(!all[..i].contains(d), "each change, another digest");
    }
}

#[test]
fn code_over_lambdas_unzipped_limit_is_refused_before_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 260 MB that takes no disk.
    let f = std::fs::File::create(dir.path().join("big.bin")).unwrap();
    f.set_len(260 * 1024 * 1024).unwrap();
    match pack_folder(dir.path(), &[]) {
        Err(PackError::TooLargeUnzipped { size }) => assert_eq!(size, 260 * 1024 * 1024),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_folder_and_a_bad_pattern_are_named() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        pack_folder(&dir.path().join("nope"), &[]),
        Err(PackError::Missing(_))
    ));
    assert!(matches!(
        pack_folder(dir.path(), &["a[".to_string()]),
        Err(PackError::Pattern { .. })
    ));
}

#[test]
fn a_build_command_runs_in_the_folder_and_its_failure_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    run_build("mkdir out && echo built > out/x", dir.path()).unwrap();
    assert!(dir.path().join("out/x").is_file());
    let e = run_build("exit 3", dir.path()).unwrap_err().to_string();
    assert!(e.contains("`exit 3`") && e.contains('3'), "{e}");
}
