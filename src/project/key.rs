//! Key attributes written `name:TYPE`, as in `owner:S`.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum KeyType {
    S,
    N,
    B,
}

impl KeyType {
    pub fn name(self) -> &'static str {
        match self {
            KeyType::S => "S",
            KeyType::N => "N",
            KeyType::B => "B",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyAttr {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: KeyType,
}

impl fmt::Display for KeyAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.name, self.kind.name())
    }
}

/// Why a key spec is wrong, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub message: String,
    pub hint: String,
}

pub fn parse(spec: &str) -> Result<KeyAttr, KeyError> {
    let Some((name, kind)) = spec.rsplit_once(':') else {
        return Err(KeyError {
            message: format!("key attribute `{spec}` has no type"),
            hint: format!("write `{spec}:S` (S string, N number, B binary)"),
        });
    };
    if name.is_empty() {
        return Err(KeyError {
            message: format!("key attribute `{spec}` has no name"),
            hint: "write the attribute's name before the colon, as in `id:S`".into(),
        });
    }
    if name.len() > 255 {
        return Err(KeyError {
            message: format!("key attribute name `{name}` is {} bytes long", name.len()),
            hint: "DynamoDB allows key attribute names of 1 to 255 bytes".into(),
        });
    }
    let kind = match kind {
        "S" => KeyType::S,
        "N" => KeyType::N,
        "B" => KeyType::B,
        other => {
            let hint = match other.to_ascii_uppercase().as_str() {
                "S" | "N" | "B" => format!(
                    "types are upper case: write `{name}:{}`",
                    other.to_ascii_uppercase()
                ),
                "STRING" => format!("write `{name}:S`"),
                "NUMBER" => format!("write `{name}:N`"),
                "BINARY" => format!("write `{name}:B`"),
                _ => "key attributes are S (string), N (number) or B (binary)".into(),
            };
            return Err(KeyError {
                message: format!("`{other}` is not a key attribute type (in `{spec}`)"),
                hint,
            });
        }
    };
    Ok(KeyAttr {
        name: name.to_string(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(parse("owner:S").unwrap().to_string(), "owner:S");
        assert!(parse("owner").unwrap_err().hint.contains("owner:S"));
        assert!(parse("due:BOOL").unwrap_err().message.contains("`BOOL`"));
        assert!(parse("due:n").unwrap_err().hint.contains("due:N"));
    }
}
