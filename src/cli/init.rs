//! `gatekit init [DIR]`: writes a working example project, never over a file.

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::{Context, ExitResult, Failure, exit};
use crate::template::{self, EXAMPLE_SCHEMA_REF, PROJECT_SCHEMA_PATH};

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// Folder to write the project into (made if missing)
    #[arg(value_name = "DIR", default_value = ".")]
    pub folder: PathBuf,
    /// The example to start from
    #[arg(long, default_value = "todo", value_parser = clap::builder::PossibleValuesParser::new(
        template::TEMPLATES.iter().map(|t| t.name)))]
    pub template: String,
    /// The project's name (default: the folder's)
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Serialize)]
struct Written {
    directory: String,
    template: String,
    files: Vec<String>,
}

const GITIGNORE_LINE: &str = ".gatekit/";

/// A project name from a folder's name: lowercase letters, digits and `-`, starting
/// with a letter, at most 32 characters; `None` when nothing usable is left.
fn folder_name(dir: &std::path::Path) -> Option<String> {
    let raw = dir.file_name()?.to_string_lossy().to_ascii_lowercase();
    let mut name = String::new();
    for c in raw.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if (name.is_empty() && !c.is_ascii_alphabetic()) || (c == '-' && name.ends_with('-')) {
            continue;
        }
        name.push(c);
    }
    name.truncate(32);
    let name = name.trim_end_matches('-').to_string();
    (!name.is_empty()).then_some(name)
}

pub fn run(ctx: &Context, args: InitArgs) -> ExitResult {
    // `.` is the base folder itself (no trailing `/.` in what is printed).
    let dir = match args.folder.as_os_str().to_str() {
        Some(".") => ctx.base_dir(),
        _ => ctx.base_dir().join(&args.folder),
    };
    let template = template::find(&args.template).ok_or_else(|| {
        Failure::usage(
            format!("no template `{}`", args.template),
            "use `--template todo`",
        )
    })?;
    if let Some(name) = &args.name {
        let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && name.len() <= 32;
        if !ok {
            return Err(Failure::usage(
                format!("`{name}` is not a valid project name"),
                "start with a letter; use up to 32 letters, digits and `-`",
            ));
        }
    }
    let mut files: Vec<(String, String)> = template
        .files
        .iter()
        .map(|f| (f.path.to_string(), f.contents.to_string()))
        .collect();
    for (path, contents) in files.iter_mut() {
        if path == "gatekit.yaml" {
            *contents = contents.replacen(
                EXAMPLE_SCHEMA_REF,
                &format!("$schema={PROJECT_SCHEMA_PATH}"),
                1,
            );
            // The name given, else the folder's (made a valid name), as `cargo new` does.
            let name = args.name.clone().or_else(|| folder_name(&dir));
            if let Some(name) = name {
                *contents =
                    contents.replacen("\nproject: todo\n", &format!("\nproject: {name}\n"), 1);
            }
        }
    }
    files.push((
        PROJECT_SCHEMA_PATH.to_string(),
        super::schema::schema_text(),
    ));

    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| dir.join(p).exists())
        .map(|(p, _)| p.clone())
        .collect();
    if !existing.is_empty() {
        return Err(Failure::usage(
            format!(
                "{} already holds {}; init writes no file over another",
                dir.display(),
                existing.join(", ")
            ),
            "choose an empty folder: `gatekit init DIR`",
        ));
    }
    let mut written = Vec::new();
    for (path, contents) in &files {
        write_new(&dir.join(path), contents)?;
        written.push(path.clone());
    }
    if add_gitignore_line(&dir.join(".gitignore"))? {
        written.push(".gitignore".to_string());
    }

    let shown = dir.display().to_string();
    ctx.printer.result(
        &Written {
            directory: shown.clone(),
            template: template.name.to_string(),
            files: written.clone(),
        },
        || {
            ctx.printer.out(&format!(
                "Wrote the `{}` example to {shown}:",
                template.name
            ));
            for f in &written {
                ctx.printer.out(&format!("  {f}"));
            }
            let cd = if args.folder == Path::new(".") {
                String::new()
            } else {
                format!("cd {shown} && ")
            };
            ctx.printer
                .out(&format!("Next: {cd}gatekit validate && gatekit show"));
        },
    );
    Ok(exit::SUCCESS)
}

fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure::runtime(format!("cannot write {}: {e}", path.display()), None)
}

/// Creates `path` (and its folders) only if it does not exist yet.
fn write_new(path: &Path, contents: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_failure(parent, e))?;
    }
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_failure(path, e))?;
    file.write_all(contents.as_bytes())
        .map_err(|e| io_failure(path, e))
}

/// Makes sure .gitignore lists `.gatekit/`, appending to an existing file rather
/// than replacing it. Returns whether the file changed.
fn add_gitignore_line(path: &Path) -> Result<bool, Failure> {
    let current = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io_failure(path, e)),
    };
    if current
        .lines()
        .any(|l| l.trim() == GITIGNORE_LINE || l.trim() == ".gatekit")
    {
        return Ok(false);
    }
    let mut text = current;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# gatekit's local emulator state\n");
    text.push_str(GITIGNORE_LINE);
    text.push('\n');
    std::fs::write(path, text).map_err(|e| io_failure(path, e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::folder_name;
    use std::path::Path;

    #[test]
    fn a_folder_names_the_project() {
        assert_eq!(folder_name(Path::new("/w/myapp")).as_deref(), Some("myapp"));
        assert_eq!(
            folder_name(Path::new("/w/My App_2")).as_deref(),
            Some("my-app-2")
        );
        assert_eq!(folder_name(Path::new("/w/2fast")).as_deref(), Some("fast"));
        assert_eq!(folder_name(Path::new("/w/___")), None);
        assert_eq!(
            folder_name(Path::new(&"a".repeat(40))).map(|n| n.len()),
            Some(32)
        );
    }
}
