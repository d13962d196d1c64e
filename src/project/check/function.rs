//! Functions: runtime, handler, code folder, role, environment, access, tags.

use super::super::diag::suggest;
use super::super::model::Function;
use super::Validation;
use super::names;
use crate::aws::names::Resource;
use crate::aws::runtime::{self, Family, Support};

/// Variables Lambda sets itself and refuses in a function's configuration.
const RESERVED_ENV: &[&str] = &[
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
];

/// Lambda's limit on the total size of a function's environment variables.
const MAX_ENV_BYTES: usize = 4 * 1024;

/// The folder a function's code is packaged from, relative to gatekit.yaml.
pub fn code_dir(name: &str, function: &Function) -> String {
    function
        .code
        .clone()
        .unwrap_or_else(|| format!("functions/{name}"))
}

pub fn check(ctx: &mut Validation<'_>, name: &str) {
    let Some(function) = ctx.file.functions.get(name).cloned() else {
        return;
    };
    names::check_resource(ctx, Resource::Function, name, function.name.as_deref());
    let family = check_runtime(ctx, name, &function.runtime);
    if let Some(family) = family {
        check_handler(ctx, name, &function, family);
    }
    if let Some(role) = &function.role
        && !role_arn(role)
    {
        let pos = ctx.loc.value(&["functions", name, "role"]);
        ctx.error(
                pos,
                format!("`{role}` is not an IAM role ARN"),
                "write `arn:aws:iam::123456789012:role/NAME`, or remove `role` to let gatekit make one from `access`",
            );
    }
    check_environment(ctx, name, &function);
    let tables = ctx
        .declared("tables")
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    for table in function.access.keys() {
        if !tables.iter().any(|t| t == table) {
            let pos = ctx.loc.key(&["functions", name, "access", table]);
            ctx.error(
                pos,
                format!("function `{name}` is given access to `{table}`, which is not a table of this project"),
                suggest(table, tables.iter().map(String::as_str)),
            );
        }
    }
    names::check_tags(ctx, &["functions", name, "tags"], &function.tags);
    check_events(ctx, name, &function, &tables);
}

/// Triggers: a table of the project with its stream not turned off, once per table,
/// the record age Lambda takes, filter patterns Lambda takes.
fn check_events(ctx: &mut Validation<'_>, name: &str, function: &Function, tables: &[String]) {
    use crate::aws::event_filter::{MAX_FILTERS, Pattern};
    for (i, event) in function.events.iter().enumerate() {
        let index = i.to_string();
        let at = |field: &'static str| vec!["functions", name, "events", index.as_str(), field];
        if !tables.contains(&event.table) {
            let pos = ctx.loc.value(&at("table"));
            ctx.error(
                pos,
                format!(
                    "function `{name}` is triggered by `{}`, which is not a table of this project",
                    event.table
                ),
                suggest(&event.table, tables.iter().map(String::as_str)),
            );
        } else if function.events[..i].iter().any(|e| e.table == event.table) {
            let pos = ctx.loc.value(&at("table"));
            ctx.error(
                pos,
                format!("function `{name}` is triggered by `{}` twice", event.table),
                "Lambda keeps one trigger per function and stream: merge the two, with a filter list if they differ",
            );
        }
        if (0..60).contains(&event.max_record_age) {
            let pos = ctx.loc.value(&at("max_record_age"));
            ctx.error(
                pos,
                format!(
                    "max_record_age is {}; Lambda takes -1 or 60 to 604800",
                    event.max_record_age
                ),
                "write -1 to keep records until they expire, or at least 60",
            );
        }
        let patterns = event.patterns();
        let many = matches!(event.filter, Some(serde_json::Value::Array(_)));
        if patterns.len() > MAX_FILTERS || (many && patterns.is_empty()) {
            let pos = ctx.loc.value(&at("filter"));
            ctx.error(
                pos,
                format!(
                    "a trigger takes 1 to {MAX_FILTERS} filter patterns, and this one has {}",
                    patterns.len()
                ),
                "merge patterns, or write one pattern as a mapping",
            );
        }
        for (j, p) in patterns.iter().enumerate() {
            if Pattern::parse(p).is_err() {
                let jj = j.to_string();
                let mut path = at("filter");
                if many {
                    path.push(&jj);
                }
                let pos = ctx.loc.value(&path);
                ctx.error(
                    pos,
                    format!("`{p}` is not a Lambda filter pattern"),
                    "a pattern maps keys of the record to lists of values or matchers, e.g. {eventName: [INSERT]} or {dynamodb: {NewImage: {status: {S: [{prefix: done}]}}}}",
                );
            }
        }
    }
}

fn check_runtime(ctx: &mut Validation<'_>, name: &str, id: &str) -> Option<Family> {
    let pos = ctx.loc.value(&["functions", name, "runtime"]);
    match runtime::lookup(id) {
        None => {
            ctx.error(
                pos,
                format!("`{id}` is not a Lambda runtime that gatekit supports"),
                suggest(id, runtime::supported_ids()),
            );
            None
        }
        Some(rt) => match rt.support {
            Support::Supported => Some(rt.family),
            Support::Deprecated(date) => {
                ctx.warning(
                    pos,
                    format!("runtime `{id}` has been deprecated by AWS since {date}"),
                    format!(
                        "move to `{}` while it still deploys",
                        runtime::newest(rt.family)
                    ),
                );
                Some(rt.family)
            }
            Support::Retired => {
                ctx.error(
                    pos,
                    format!("runtime `{id}` is retired: AWS no longer creates or updates functions with it"),
                    format!("use `{}`", runtime::newest(rt.family)),
                );
                Some(rt.family)
            }
        },
    }
}

fn identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// The handler's file candidates (relative to the code folder), or why the handler is malformed.
fn handler_files(handler: &str, family: Family) -> Result<Vec<String>, (String, String)> {
    match family {
        Family::Python => {
            let Some((module, func)) = handler.rsplit_once('.') else {
                return Err((
                    format!("Python handler `{handler}` needs the form `module.function`"),
                    format!(
                        "for `def {handler}(event, context)` in handlers.py write `handlers.{handler}`"
                    ),
                ));
            };
            let module_path = module.replace('.', "/");
            let parts_ok = module_path
                .split('/')
                .all(|p| !p.is_empty() && identifier(p));
            if !parts_ok || !identifier(func) || func.contains('$') {
                return Err((
                    format!(
                        "Python handler `{handler}` is not `module.function` with Python names"
                    ),
                    "write it like `handlers.list_todos` (module handlers.py, function list_todos)"
                        .into(),
                ));
            }
            Ok(vec![format!("{module_path}.py")])
        }
        Family::Node => {
            let Some((file, func)) = handler.rsplit_once('.') else {
                return Err((
                    format!("Node.js handler `{handler}` needs the form `file.export`"),
                    "write it like `index.handler` (file index.mjs or index.js, export handler)"
                        .into(),
                ));
            };
            if file.is_empty()
                || !identifier(func)
                || file.split('/').any(|p| p.is_empty() || p == "..")
            {
                return Err((
                    format!("Node.js handler `{handler}` is not `file.export`"),
                    "write it like `index.handler` or `src/app.handler`".into(),
                ));
            }
            Ok(["js", "mjs", "cjs"]
                .iter()
                .map(|ext| format!("{file}.{ext}"))
                .collect())
        }
        // provided runtimes run `bootstrap`; the handler is only passed to it.
        Family::Provided => {
            if handler.is_empty() {
                return Err((
                    "the handler is empty".into(),
                    "provided runtimes pass the handler to `bootstrap`; any name will do, such as `bootstrap`".into(),
                ));
            }
            Ok(vec!["bootstrap".into()])
        }
    }
}

fn check_handler(ctx: &mut Validation<'_>, name: &str, function: &Function, family: Family) {
    let handler_pos = ctx.loc.value(&["functions", name, "handler"]);
    let files = match handler_files(&function.handler, family) {
        Ok(files) => files,
        Err((message, hint)) => {
            ctx.error(handler_pos, message, hint);
            return;
        }
    };
    let code = code_dir(name, function);
    let code_pos = if ctx.loc.has(&["functions", name, "code"]) {
        ctx.loc.value(&["functions", name, "code"])
    } else {
        ctx.loc.key(&["functions", name])
    };
    let folder = ctx.dir.join(&code);
    if !folder.is_dir() {
        let what = if folder.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        let hint = if function.code.is_some() {
            "create it, or point `code:` at the folder that holds the handler".to_string()
        } else {
            format!(
                "create `{code}` (the default), or set `code:` to the folder that holds the handler"
            )
        };
        ctx.error(
            code_pos,
            format!("code folder `{code}` of function `{name}` {what}"),
            hint,
        );
        return;
    }
    if function.build.is_some() || function.artifact.is_some() {
        return;
    }
    if !files.iter().any(|f| folder.join(f).is_file()) {
        let wanted = files
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        ctx.error(
            handler_pos,
            format!(
                "handler `{}` needs {wanted} in `{code}`, and there is none",
                function.handler
            ),
            "create the file, fix `handler:`, or set `code:` to the folder that holds it",
        );
    }
}

fn role_arn(role: &str) -> bool {
    let parts: Vec<&str> = role.splitn(6, ':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "iam"
        && parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].chars().all(|c| c.is_ascii_digit())
        && parts[5]
            .strip_prefix("role/")
            .is_some_and(|r| !r.is_empty())
}

fn check_environment(ctx: &mut Validation<'_>, name: &str, function: &Function) {
    let mut size = 0;
    for (key, value) in &function.environment {
        size += key.len() + value.len();
        let valid = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let pos = ctx.loc.key(&["functions", name, "environment", key]);
        if !valid {
            ctx.error(
                pos,
                format!("environment variable name `{key}` is not valid"),
                "Lambda takes names of letters, digits and `_`, starting with a letter",
            );
        } else if RESERVED_ENV.contains(&key.as_str()) {
            ctx.error(
                pos,
                format!("environment variable `{key}` is reserved by Lambda"),
                "Lambda sets it itself; choose another name",
            );
        }
    }
    if size > MAX_ENV_BYTES {
        let pos = ctx.loc.key(&["functions", name, "environment"]);
        ctx.error(
            pos,
            format!("the environment of `{name}` takes {size} bytes; Lambda allows 4 KB"),
            "move large values to a table or a parameter store",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handler_forms() {
        assert_eq!(
            handler_files("handlers.list", Family::Python).unwrap(),
            vec!["handlers.py"]
        );
        assert_eq!(
            handler_files("pkg.mod.fn", Family::Python).unwrap(),
            vec!["pkg/mod.py"]
        );
        assert!(handler_files("handlers", Family::Python).is_err());
        assert!(
            handler_files("index.handler", Family::Node)
                .unwrap()
                .contains(&"index.mjs".to_string())
        );
        assert!(handler_files("index", Family::Node).is_err());
        assert!(role_arn("arn:aws:iam::123456789012:role/x"));
        assert!(!role_arn("arn:aws:iam::1234:role/x"));
    }
}
