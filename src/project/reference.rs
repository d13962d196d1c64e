//! `${...}` references: `${project}`, `${target}`, `${region}`,
//! `${tables.T.name|arn}`, `${functions.F.name|arn}`, `${apis.A.url}`. `$${` is a
//! literal `${`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    Project,
    Target,
    Region,
    Table {
        name: String,
        field: TableField,
    },
    Function {
        name: String,
        field: FunctionField,
    },
    Api {
        name: String,
    },
    /// `${vars.NAME}`: the target's value under `targets.T.variables`.
    Var {
        name: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableField {
    Name,
    Arn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionField {
    Name,
    Arn,
}

impl Reference {
    pub fn resource_name(&self) -> Option<&str> {
        match self {
            Reference::Table { name, .. }
            | Reference::Function { name, .. }
            | Reference::Api { name } => Some(name),
            _ => None,
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reference::Project => write!(f, "${{project}}"),
            Reference::Target => write!(f, "${{target}}"),
            Reference::Region => write!(f, "${{region}}"),
            Reference::Table { name, field } => {
                let field = if *field == TableField::Name {
                    "name"
                } else {
                    "arn"
                };
                write!(f, "${{tables.{name}.{field}}}")
            }
            Reference::Function { name, field } => {
                let field = if *field == FunctionField::Name {
                    "name"
                } else {
                    "arn"
                };
                write!(f, "${{functions.{name}.{field}}}")
            }
            Reference::Api { name } => write!(f, "${{apis.{name}.url}}"),
            Reference::Var { name } => write!(f, "${{vars.{name}}}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    pub message: String,
    pub hint: String,
}

/// A piece of a string with references: literal text or a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Ref(Reference),
}

fn parse_one(inner: &str) -> Result<Reference, RefError> {
    let parts: Vec<&str> = inner.split('.').collect();
    let bad_field = |kind: &str, fields: &str| RefError {
        message: format!("`${{{inner}}}` asks for a field that {kind} do not have"),
        hint: format!("{kind} have {fields}"),
    };
    match parts.as_slice() {
        ["project"] => Ok(Reference::Project),
        ["target"] => Ok(Reference::Target),
        ["region"] => Ok(Reference::Region),
        ["tables", name, field] if !name.is_empty() => match *field {
            "name" => Ok(Reference::Table { name: name.to_string(), field: TableField::Name }),
            "arn" => Ok(Reference::Table { name: name.to_string(), field: TableField::Arn }),
            _ => Err(bad_field("tables", "`name` and `arn`")),
        },
        ["functions", name, field] if !name.is_empty() => match *field {
            "name" => Ok(Reference::Function { name: name.to_string(), field: FunctionField::Name }),
            "arn" => Ok(Reference::Function { name: name.to_string(), field: FunctionField::Arn }),
            _ => Err(bad_field("functions", "`name` and `arn`")),
        },
        ["vars", name] if !name.is_empty() => Ok(Reference::Var {
            name: name.to_string(),
        }),
        ["apis", name, field] if !name.is_empty() => match *field {
            "url" => Ok(Reference::Api { name: name.to_string() }),
            _ => Err(bad_field("APIs", "`url`")),
        },
        _ => Err(RefError {
            message: format!("`${{{inner}}}` is not a reference gatekit knows"),
            hint: "references are ${project}, ${target}, ${region}, ${tables.T.name}, ${tables.T.arn}, \
                   ${functions.F.name}, ${functions.F.arn}, ${apis.A.url} and ${vars.NAME}"
                .into(),
        }),
    }
}

/// Splits `text` into literal text and references.
pub fn split(text: &str) -> Result<Vec<Piece>, RefError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        literal.push_str(&rest[..i]);
        let after = &rest[i..];
        if let Some(tail) = after.strip_prefix("$${") {
            literal.push_str("${");
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("${") {
            let Some(end) = tail.find('}') else {
                return Err(RefError {
                    message: format!("`{text}` opens a reference with `${{` and never closes it"),
                    hint: "close it with `}`, or write `$${` for a literal `${`".into(),
                });
            };
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Ref(parse_one(tail[..end].trim())?));
            rest = &tail[end + 1..];
        } else {
            literal.push('$');
            rest = &after[1..];
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

/// Every reference in `text`, or the fault that stops reading it.
pub fn scan(text: &str) -> Vec<Result<Reference, RefError>> {
    match split(text) {
        Ok(pieces) => pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Ref(r) => Some(Ok(r)),
                Piece::Text(_) => None,
            })
            .collect(),
        Err(e) => vec![Err(e)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits() {
        let pieces = split("t-${tables.todos.name}-$${x}").unwrap();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[2], Piece::Text("-${x}".into()));
        assert!(
            split("${tables.todos.url}")
                .unwrap_err()
                .hint
                .contains("`name` and `arn`")
        );
        assert!(split("${nope}").is_err());
        assert!(split("${project").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = split(&s);
        }

        #[test]
        fn display_round_trips(name in "[a-z][a-z0-9_]{0,10}") {
            for r in [
                Reference::Table { name: name.clone(), field: TableField::Arn },
                Reference::Function { name: name.clone(), field: FunctionField::Name },
                Reference::Api { name: name.clone() },
            ] {
                let pieces = split(&r.to_string()).unwrap();
                prop_assert_eq!(pieces, vec![Piece::Ref(r)]);
            }
        }
    }
}
