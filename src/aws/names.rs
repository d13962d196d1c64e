//! Physical names under AWS's rules, and the names gatekit gives resources.

/// Where Lambda writes a function's log: its log group's name.
pub const LAMBDA_LOG_GROUP_PREFIX: &str = "/aws/lambda/";

/// The log group of function `function` (`/aws/lambda/NAME`).
pub fn lambda_log_group(function: &str) -> String {
    format!("{LAMBDA_LOG_GROUP_PREFIX}{function}")
}

/// The kinds of resource whose names AWS constrains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Table,
    Function,
    Api,
}

impl Resource {
    pub fn section(self) -> &'static str {
        match self {
            Resource::Table => "tables",
            Resource::Function => "functions",
            Resource::Api => "apis",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Resource::Table => "table",
            Resource::Function => "function",
            Resource::Api => "API",
        }
    }
}

/// `{project}-{target}-{name}` unless the file names the resource.
pub fn physical(project: &str, target: &str, logical: &str, explicit: Option<&str>) -> String {
    match explicit {
        Some(name) => name.to_string(),
        None => format!("{project}-{target}-{logical}"),
    }
}

/// AWS's rule for a physical name of this kind: (min, max, allowed chars in words).
fn rule(kind: Resource) -> (usize, usize, fn(char) -> bool, &'static str) {
    match kind {
        Resource::Table => (
            3,
            255,
            |c| c.is_ascii_alphanumeric() || "_.-".contains(c),
            "letters, digits, `_`, `.` and `-`",
        ),
        Resource::Function => (
            1,
            64,
            |c| c.is_ascii_alphanumeric() || "_-".contains(c),
            "letters, digits, `_` and `-`",
        ),
        Resource::Api => (1, 128, |c| !c.is_control(), "printable characters"),
    }
}

/// Why `name` is not a valid physical name of `kind`, if it is not.
pub fn physical_fault(kind: Resource, name: &str) -> Option<String> {
    let (min, max, ok, chars) = rule(kind);
    let len = name.chars().count();
    if len < min || len > max {
        return Some(format!(
            "{} name `{name}` is {len} characters long; AWS allows {min} to {max}",
            kind.noun()
        ));
    }
    if let Some(bad) = name.chars().find(|c| !ok(*c)) {
        return Some(format!(
            "{} name `{name}` has the character `{bad}`; AWS allows {chars}",
            kind.noun()
        ));
    }
    None
}
