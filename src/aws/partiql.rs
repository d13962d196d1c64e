//! DynamoDB's PartiQL, lexically: the tokens of a statement (identifiers, quoted
//! identifiers, strings, numbers, symbols, `?`), comments skipped (`--` to the end
//! of the line, `/* … */`), and where the statement names its table. The emulator
//! parses statements from these tokens; the CLI uses them to put a table's
//! physical name where a statement names it by its logical one. Written by hand:
//! the grammar is DynamoDB's subset, and its errors are DynamoDB's words.

/// Statements are at most 8 KB, as DynamoDB takes them.
pub const MAX_STATEMENT_BYTES: usize = 8192;

/// DynamoDB's prefix for a statement its parser cannot read.
pub const NOT_WELL_FORMED: &str = "Statement wasn't well formed, can't be processed: ";

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A bare word: a keyword, a function or an attribute name.
    Word(String),
    /// `"name"`: an attribute or table name, never a keyword.
    Quoted(String),
    /// `'text'`.
    Str(String),
    /// A number literal as written (without a sign).
    Num(String),
    /// `?`.
    Param,
    Sym(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Where it starts, in characters from 1, and its length in characters.
    pub col: usize,
    pub len: usize,
    /// Byte range in the statement.
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn is_word(&self, w: &str) -> bool {
        matches!(&self.tok, Tok::Word(x) if x.eq_ignore_ascii_case(w))
    }

    pub fn is_sym(&self, s: &str) -> bool {
        matches!(&self.tok, Tok::Sym(x) if *x == s)
    }

    /// `1:COL:LEN`, as DynamoDB's messages place a token.
    pub fn at(&self) -> String {
        format!("1:{}:{}", self.col, self.len)
    }
}

/// A statement the lexer cannot read (the message is DynamoDB's envelope, with
/// nothing after the colon, as DynamoDB answers for such statements).
#[derive(Debug, Clone, PartialEq)]
pub struct LexError;

const SYMBOLS: &[&str] = &[
    "<<", ">>", "<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":",
    "*", "+", "-",
];

pub fn tokens(text: &str) -> Result<Vec<Token>, LexError> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map(|(b, _)| *b).unwrap_or(text.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let next = chars.get(i + 1).map(|(_, c)| *c);
        if c == '-' && next == Some('-') {
            while i < chars.len() && chars[i].1 != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            i += 2;
            loop {
                if i + 1 >= chars.len() {
                    return Err(LexError);
                }
                if chars[i].1 == '*' && chars[i + 1].1 == '/' {
                    i += 2;
                    break;
                }
                i += 1;
            }
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].1.is_ascii_alphanumeric() || chars[i].1 == '_') {
                i += 1;
            }
            Tok::Word(text[byte_at(start)..byte_at(i)].to_string())
        } else if c == '"' || c == '\'' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i).map(|(_, c)| *c) {
                    None => return Err(LexError),
                    Some(q) if q == c => {
                        if chars.get(i + 1).map(|(_, c)| *c) == Some(c) {
                            s.push(c);
                            i += 2;
                        } else {
                            i += 1;
                            break;
                        }
                    }
                    Some(other) => {
                        s.push(other);
                        i += 1;
                    }
                }
            }
            if c == '"' {
                Tok::Quoted(s)
            } else {
                Tok::Str(s)
            }
        } else if c.is_ascii_digit() || (c == '.' && next.is_some_and(|n| n.is_ascii_digit())) {
            while i < chars.len() && chars[i].1.is_ascii_digit() {
                i += 1;
            }
            if i < chars.len() && chars[i].1 == '.' {
                i += 1;
                while i < chars.len() && chars[i].1.is_ascii_digit() {
                    i += 1;
                }
            }
            if i < chars.len() && matches!(chars[i].1, 'e' | 'E') {
                let mut j = i + 1;
                if j < chars.len() && matches!(chars[j].1, '+' | '-') {
                    j += 1;
                }
                let digits = j;
                while j < chars.len() && chars[j].1.is_ascii_digit() {
                    j += 1;
                }
                if j > digits {
                    // The exponent, and the scale it leaves, must fit 32 bits.
                    let exp: i64 = text[byte_at(i + 1)..byte_at(j)]
                        .parse()
                        .map_err(|_| LexError)?;
                    let written = text[byte_at(start)..byte_at(i)]
                        .split('.')
                        .nth(1)
                        .map_or(0, |f| f.len() as i64);
                    if i32::try_from(exp).is_err() || i32::try_from(written - exp).is_err() {
                        return Err(LexError);
                    }
                    i = j;
                }
            }
            Tok::Num(text[byte_at(start)..byte_at(i)].to_string())
        } else if c == '?' {
            i += 1;
            Tok::Param
        } else {
            let rest = &text[byte_at(i)..];
            let Some(sym) = SYMBOLS.iter().find(|s| rest.starts_with(**s)) else {
                return Err(LexError);
            };
            i += sym.chars().count();
            Tok::Sym(sym)
        };
        out.push(Token {
            tok,
            col: start + 1,
            len: i - start,
            start: byte_at(start),
            end: byte_at(i),
        });
    }
    Ok(out)
}

/// The token that names the statement's table (after FROM, INTO or UPDATE), if
/// the statement can be read that far.
pub fn table_token(text: &str) -> Option<Token> {
    let toks = tokens(text).ok()?;
    let first = toks.first()?;
    let after = if first.is_word("UPDATE") {
        0
    } else if first.is_word("INSERT") {
        toks.iter().position(|t| t.is_word("INTO"))?
    } else {
        toks.iter().position(|t| t.is_word("FROM"))?
    };
    toks.get(after + 1)
        .filter(|t| matches!(t.tok, Tok::Word(_) | Tok::Quoted(_)))
        .cloned()
}

/// The table a statement names (its first `.` part is the table, the rest an index).
pub fn table_name(text: &str) -> Option<String> {
    match table_token(text)?.tok {
        Tok::Word(w) | Tok::Quoted(w) => Some(w),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokens(text)
            .expect("lexes")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn statements_lex_as_dynamodb_reads_them() {
        assert_eq!(
            kinds(r#"SELECT * FROM "my table" WHERE pk = 'it''s' AND n >= -.5e1 -- note"#),
            vec![
                Tok::Word("SELECT".into()),
                Tok::Sym("*"),
                Tok::Word("FROM".into()),
                Tok::Quoted("my table".into()),
                Tok::Word("WHERE".into()),
                Tok::Word("pk".into()),
                Tok::Sym("="),
                Tok::Str("it's".into()),
                Tok::Word("AND".into()),
                Tok::Word("n".into()),
                Tok::Sym(">="),
                Tok::Sym("-"),
                Tok::Num(".5e1".into()),
            ]
        );
        assert_eq!(
            kinds("a /* x */ <<1>>"),
            vec![
                Tok::Word("a".into()),
                Tok::Sym("<<"),
                Tok::Num("1".into()),
                Tok::Sym(">>")
            ]
        );
        assert_eq!(
            kinds("1 e5"),
            vec![Tok::Num("1".into()), Tok::Word("e5".into())]
        );
    }

    #[test]
    fn what_dynamodb_cannot_read_is_refused() {
        for bad in [
            "a # b",
            "a /* b",
            "'open",
            "1e2147483648",
            "1.5e-2147483647",
            "a ; b",
        ] {
            assert_eq!(tokens(bad), Err(LexError), "{bad}");
        }
    }

    #[test]
    fn the_table_is_found_in_every_statement() {
        assert_eq!(
            table_name(r#"SELECT a FROM "t"."i" WHERE x = 1"#).as_deref(),
            Some("t")
        );
        assert_eq!(
            table_name("INSERT INTO todos VALUE {'a': 1}").as_deref(),
            Some("todos")
        );
        assert_eq!(
            table_name("UPDATE todos SET a = 1 WHERE k = 'x'").as_deref(),
            Some("todos")
        );
        assert_eq!(
            table_name("DELETE FROM todos WHERE k = 'x'").as_deref(),
            Some("todos")
        );
        assert_eq!(
            table_name("EXISTS(SELECT * FROM t WHERE k = 'x')").as_deref(),
            Some("t")
        );
    }
}
