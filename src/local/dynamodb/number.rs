//! DynamoDB numbers: up to 38 significant digits, magnitudes from 1E-130 to below
//! 1E+126, normalised (no leading or trailing zeros), exact arithmetic, and a byte
//! encoding whose order is numeric order (for keys).
//!
//! Written here because the range, the error messages and the order-preserving
//! encoding are DynamoDB's own; bigdecimal does the exact arithmetic.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use bigdecimal::BigDecimal;

use super::error::DynamoError;

pub const MAX_DIGITS: usize = 38;

/// A normalised decimal: value = sign × 0.d1d2…dn × 10^exp, d1 ≠ 0. Zero has no digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number {
    negative: bool,
    digits: Vec<u8>,
    exp: i32,
}

impl Number {
    pub fn zero() -> Number {
        Number {
            negative: false,
            digits: Vec::new(),
            exp: 0,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Parses DynamoDB number text, enforcing its precision and range.
    pub fn parse(text: &str) -> Result<Number, DynamoError> {
        let invalid = || {
            let current = format!("The parameter cannot be converted to a numeric value: {text}");
            // The older layer drops the colon when there is nothing after it.
            let older = if text.is_empty() {
                "The parameter cannot be converted to a numeric value".to_string()
            } else {
                current.clone()
            };
            DynamoError::value_fault(current, older)
        };
        const DIGITS: &str = "Attempting to store more than 38 significant digits in a Number";
        const OVERFLOW: &str = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        const UNDERFLOW: &str = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        // No trimming: DynamoDB refuses " 1" and "1 " as numbers.
        let t = text;
        let (negative, rest) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let exp10: i64 = match exponent {
            Some(e) => e.parse::<i64>().map_err(|_| invalid())?,
            None => 0,
        };
        let (int_part, frac_part) = match mantissa.find('.') {
            Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
            None => (mantissa, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid());
        }
        let all: Vec<u8> = int_part
            .bytes()
            .chain(frac_part.bytes())
            .map(|b| b - b'0')
            .collect();
        let Some(first) = all.iter().position(|d| *d != 0) else {
            return Ok(Number::zero());
        };
        let last = all.iter().rposition(|d| *d != 0).unwrap_or(first);
        let digits = all[first..=last].to_vec();
        // Position of the decimal point relative to the first significant digit.
        let exp = int_part.len() as i64 - first as i64 + exp10;
        if digits.len() > MAX_DIGITS {
            return Err(DynamoError::value_fault(DIGITS, DIGITS));
        }
        // 0.d × 10^exp: the largest allowed is 9.99…E+125, i.e. exp ≤ 126; the smallest 1E-130, i.e. exp ≥ -129.
        if exp > 126 {
            // The older layer reads the number as Java's BigDecimal, whose scale
            // wraps for an exponent at the top of an int: an underflow there.
            let wraps = exp10 > i32::MAX as i64 - 64 && exp10 <= i32::MAX as i64;
            return Err(DynamoError::value_fault(
                OVERFLOW,
                if wraps { UNDERFLOW } else { OVERFLOW },
            ));
        }
        if exp < -129 {
            return Err(DynamoError::value_fault(UNDERFLOW, UNDERFLOW));
        }
        Ok(Number {
            negative,
            digits,
            exp: exp as i32,
        })
    }

    fn to_big(&self) -> BigDecimal {
        BigDecimal::from_str(&self.to_string()).unwrap_or_default()
    }

    fn from_big(value: &BigDecimal) -> Result<Number, DynamoError> {
        Number::parse(&value.to_string())
    }

    pub fn add(&self, other: &Number) -> Result<Number, DynamoError> {
        Number::from_big(&(self.to_big() + other.to_big()))
    }

    pub fn sub(&self, other: &Number) -> Result<Number, DynamoError> {
        Number::from_big(&(self.to_big() - other.to_big()))
    }

    /// Bytes whose lexicographic order is the numbers' order; self-delimiting.
    pub fn encode_key(&self, out: &mut Vec<u8>) {
        if self.is_zero() {
            out.push(0x80);
            return;
        }
        let biased = (self.exp + 1000) as u16;
        if self.negative {
            out.push(0x7f);
            out.extend_from_slice(&(u16::MAX - biased).to_be_bytes());
            out.extend(self.digits.iter().map(|d| 0xfe - d));
            out.push(0xff);
        } else {
            out.push(0x81);
            out.extend_from_slice(&biased.to_be_bytes());
            out.extend(self.digits.iter().map(|d| d + 1));
            out.push(0x00);
        }
    }

    /// The number of bytes DynamoDB counts for it: one per two significant digits, plus one.
    pub fn size(&self) -> usize {
        self.digits.len().div_ceil(2) + 1
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        let mut a = Vec::new();
        let mut b = Vec::new();
        self.encode_key(&mut a);
        other.encode_key(&mut b);
        a.cmp(&b)
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Number {
    /// Plain decimal notation, as DynamoDB returns numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("0");
        }
        let mut s = String::with_capacity(self.digits.len() + 8);
        if self.negative {
            s.push('-');
        }
        let digits: String = self.digits.iter().map(|d| (b'0' + d) as char).collect();
        let n = digits.len() as i32;
        if self.exp <= 0 {
            s.push_str("0.");
            s.extend(std::iter::repeat_n('0', (-self.exp) as usize));
            s.push_str(&digits);
        } else if self.exp >= n {
            s.push_str(&digits);
            s.extend(std::iter::repeat_n('0', (self.exp - n) as usize));
        } else {
            s.push_str(&digits[..self.exp as usize]);
            s.push('.');
            s.push_str(&digits[self.exp as usize..]);
        }
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn n(s: &str) -> Number {
        Number::parse(s).unwrap()
    }

    #[test]
    fn normalises() {
        assert_eq!(n("001.500").to_string(), "1.5");
        assert_eq!(n("-0.00").to_string(), "0");
        assert_eq!(n("1e2").to_string(), "100");
        assert_eq!(n("1.5E-3").to_string(), "0.0015");
        assert_eq!(n(".5").to_string(), "0.5");
    }

    #[test]
    fn limits() {
        assert!(Number::parse("1e126").is_err());
        assert!(Number::parse("9.9999999999999999999999999999999999999E+125").is_ok());
        assert!(Number::parse("1e-130").is_ok());
        assert!(Number::parse("1e-131").is_err());
        assert!(Number::parse("1234567890123456789012345678901234567890").is_err());
        assert!(Number::parse("abc").is_err());
        assert!(Number::parse("1.2.3").is_err());
        assert!(Number::parse("").is_err());
    }

    #[test]
    fn exact_arithmetic() {
        let a = n("12345678901234567890123456789012345678");
        assert_eq!(
            a.add(&n("1")).unwrap().to_string(),
            "12345678901234567890123456789012345679"
        );
        assert_eq!(
            a.add(&n("0.1")).unwrap_err().message,
            "Attempting to store more than 38 significant digits in a Number"
        );
        assert_eq!(n("0.1").add(&n("0.2")).unwrap().to_string(), "0.3");
        assert_eq!(n("10").sub(&n("10.5")).unwrap().to_string(), "-0.5");
    }

    proptest! {
        #[test]
        fn order_matches_numeric_order(a in -1.0e30f64..1.0e30, b in -1.0e30f64..1.0e30) {
            let (x, y) = (n(&format!("{a:e}")), n(&format!("{b:e}")));
            let (bx, by) = (BigDecimal::from_str(&format!("{a:e}")).unwrap(), BigDecimal::from_str(&format!("{b:e}")).unwrap());
            prop_assert_eq!(x.cmp(&y), bx.cmp(&by));
        }

        #[test]
        fn display_round_trips(s in "-?[0-9]{1,20}(\\.[0-9]{1,17})?") {
            let x = n(&s);
            prop_assert_eq!(n(&x.to_string()), x);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,50}") {
            let _ = Number::parse(&s);
        }
    }
}
