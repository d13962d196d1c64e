//! The AWS SDKs that Lambda's managed runtimes include (boto3; the AWS SDK for
//! JavaScript v3), found for local functions: gatekit's cache first, else the
//! machine's own copies (for Python, boto3 and what it imports, linked one by one,
//! never the whole site-packages), and installed into the cache from the package
//! registry when asked (the only network gatekit itself uses).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// boto3 and the packages it imports: what a function gets, and nothing else.
const BOTO3_CLOSURE: &[&str] = &[
    "boto3",
    "botocore",
    "s3transfer",
    "jmespath",
    "dateutil",
    "urllib3",
    "six",
];

/// The package whose presence says the JavaScript SDK is there.
const NODE_MARKER: &str = "@aws-sdk/client-dynamodb";

/// The cache's boto3 (`SDK/python`), when installed.
pub fn cached_python(sdk_dir: &Path) -> Option<PathBuf> {
    let dir = sdk_dir.join("python");
    dir.join("boto3").is_dir().then_some(dir)
}

/// The cache's JavaScript SDK (`SDK/node/node_modules`), when installed.
pub fn cached_node(sdk_dir: &Path) -> Option<PathBuf> {
    let dir = sdk_dir.join("node/node_modules");
    dir.join(NODE_MARKER).is_dir().then_some(dir)
}

/// The machine's Python's boto3, linked package by package into `SDK/python-host`
/// (made once, atomically), so a function sees boto3 and its imports only.
pub fn host_python(python: &str, sdk_dir: &Path) -> Option<PathBuf> {
    let dir = sdk_dir.join("python-host");
    if dir.join("boto3").exists() {
        return Some(dir);
    }
    let script = format!(
        "import importlib, os\nfor n in {BOTO3_CLOSURE:?}:\n    m = importlib.import_module(n)\n    f = m.__file__\n    print(os.path.dirname(f) if os.path.basename(f) == '__init__.py' else f)\n"
    );
    let out = Command::new(python)
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let paths: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    if paths.len() != BOTO3_CLOSURE.len() {
        return None;
    }
    let staged = sdk_dir.join(format!(".python-host-{}", std::process::id()));
    crate::local::discard(&staged);
    std::fs::create_dir_all(&staged).ok()?;
    for p in &paths {
        let name = p.file_name()?;
        #[cfg(unix)]
        if std::os::unix::fs::symlink(p, staged.join(name)).is_err() {
            crate::local::discard(&staged);
            return None;
        }
    }
    if std::fs::rename(&staged, &dir).is_err() {
        // Another start made it first: theirs is as good.
        crate::local::discard(&staged);
    }
    dir.join("boto3").exists().then_some(dir)
}

/// The machine's global node_modules, when the JavaScript SDK is installed there.
pub fn host_node() -> Option<PathBuf> {
    let out = Command::new("npm")
        .args(["root", "-g"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let root = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    root.join(NODE_MARKER).is_dir().then_some(root)
}

/// Where a Python function's SDK comes from, if anywhere.
pub fn python_sdk(python: &str, sdk_dir: &Path) -> Option<PathBuf> {
    cached_python(sdk_dir).or_else(|| host_python(python, sdk_dir))
}

/// Where a Node function's SDK comes from, if anywhere.
pub fn node_sdk(sdk_dir: &Path) -> Option<PathBuf> {
    cached_node(sdk_dir).or_else(host_node)
}

/// Why an install did not happen, in one line, with what to run.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InstallError(pub String);

fn run(program: &str, args: &[&str], what: &str) -> Result<(), InstallError> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| InstallError(format!("cannot run {program} to install {what}: {e}")))?;
    if out.status.success() {
        return Ok(());
    }
    // The tool's last line says why (no network, no such version); its resolver's
    // chatter before it does not.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    Err(InstallError(format!(
        "{program} could not install {what} ({}): {last}",
        out.status
    )))
}

/// Installs boto3 into the cache (`pip install --target`), replacing what was there.
pub fn install_python(python: &str, sdk_dir: &Path) -> Result<PathBuf, InstallError> {
    let target = sdk_dir.join("python");
    let t = target.display().to_string();
    run(
        python,
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            "--upgrade",
            "--target",
            &t,
            "boto3",
        ],
        "boto3",
    )?;
    Ok(target)
}

/// Installs the AWS SDK for JavaScript v3's DynamoDB clients into the cache.
pub fn install_node(sdk_dir: &Path) -> Result<PathBuf, InstallError> {
    let prefix = sdk_dir.join("node");
    std::fs::create_dir_all(&prefix)
        .map_err(|e| InstallError(format!("cannot create {}: {e}", prefix.display())))?;
    let p = prefix.display().to_string();
    run(
        "npm",
        &[
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            &p,
            NODE_MARKER,
            "@aws-sdk/lib-dynamodb",
        ],
        "the AWS SDK for JavaScript v3",
    )?;
    Ok(prefix.join("node_modules"))
}
