//! Tokens of DynamoDB expressions.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    NamePh(String),
    ValuePh(String),
    Int(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Plus,
    Minus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    /// Byte range in the expression, for "near:" in messages.
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// The offending character's position, when the text holds one no token starts with.
pub fn lex(src: &str) -> Result<Vec<Token>, usize> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let tok = match c {
            b'(' => Tok::LParen,
            b')' => Tok::RParen,
            b'[' => Tok::LBracket,
            b']' => Tok::RBracket,
            b',' => Tok::Comma,
            b'.' => Tok::Dot,
            b'=' => Tok::Eq,
            b'+' => Tok::Plus,
            b'-' => Tok::Minus,
            b'<' => match bytes.get(i + 1) {
                Some(b'=') => {
                    i += 1;
                    Tok::Le
                }
                Some(b'>') => {
                    i += 1;
                    Tok::Ne
                }
                _ => Tok::Lt,
            },
            b'>' => match bytes.get(i + 1) {
                Some(b'=') => {
                    i += 1;
                    Tok::Ge
                }
                _ => Tok::Gt,
            },
            b'#' | b':' => {
                let mut j = i + 1;
                while j < bytes.len() && word(bytes[j]) {
                    j += 1;
                }
                if j == i + 1 {
                    return Err(i);
                }
                let text = src[i..j].to_string();
                i = j - 1;
                if c == b'#' {
                    Tok::NamePh(text)
                } else {
                    Tok::ValuePh(text)
                }
            }
            c if c.is_ascii_digit() => {
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                // A name may start with a digit; a number is digits alone.
                if j < bytes.len() && word(bytes[j]) {
                    while j < bytes.len() && word(bytes[j]) {
                        j += 1;
                    }
                    let text = src[i..j].to_string();
                    i = j - 1;
                    Tok::Ident(text)
                } else {
                    let text = src[i..j].to_string();
                    i = j - 1;
                    Tok::Int(text)
                }
            }
            c if word(c) => {
                let mut j = i;
                while j < bytes.len() && word(bytes[j]) {
                    j += 1;
                }
                // Stay on a char boundary for multi-byte names.
                while !src.is_char_boundary(j) {
                    j += 1;
                }
                let text = src[i..j].to_string();
                i = j - 1;
                Tok::Ident(text)
            }
            _ => return Err(i),
        };
        i += 1;
        out.push(Token { tok, start, end: i });
    }
    Ok(out)
}
