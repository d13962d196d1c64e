//! Reads the SigV4 `Authorization` header for the region and service of the request.
//! Signatures are not verified: the emulator accepts any credentials by default.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub access_key: String,
    pub region: String,
    pub service: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthError {
    Missing,
    Malformed(String),
}

pub fn parse(header: Option<&str>) -> Result<Scope, AuthError> {
    let Some(h) = header else {
        return Err(AuthError::Missing);
    };
    let Some(rest) = h.strip_prefix("AWS4-HMAC-SHA256") else {
        return Err(AuthError::Malformed(format!(
            "Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization={h}"
        )));
    };
    let mut credential = None;
    let mut signed = false;
    let mut signature = false;
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(c) = part.strip_prefix("Credential=") {
            credential = Some(c);
        } else if part.starts_with("SignedHeaders=") {
            signed = true;
        } else if part.starts_with("Signature=") {
            signature = true;
        }
    }
    let missing: Vec<&str> = [
        ("Credential", credential.is_some()),
        ("SignedHeaders", signed),
        ("Signature", signature),
    ]
    .iter()
    .filter(|(_, ok)| !ok)
    .map(|(n, _)| *n)
    .collect();
    if !missing.is_empty() {
        return Err(AuthError::Malformed(format!(
            "Authorization header requires '{}' parameter. Authorization={h}",
            missing.join("' and '")
        )));
    }
    let parts: Vec<&str> = credential.unwrap_or_default().split('/').collect();
    match parts.as_slice() {
        // A region names a namespace and a folder of the store: letters, digits, dashes.
        [key, date, region, service, "aws4_request"] if date.len() == 8 && valid_region(region) => {
            Ok(Scope {
                access_key: key.to_string(),
                region: region.to_string(),
                service: service.to_string(),
            })
        }
        _ => Err(AuthError::Malformed(format!(
            "Credential should be scoped to a valid region and service, as in AKID/20261125/us-east-1/dynamodb/aws4_request. Credential={}",
            credential.unwrap_or_default()
        ))),
    }
}

fn valid_region(region: &str) -> bool {
    (1..=50).contains(&region.len())
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_scope() {
        let h = "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
        let s = parse(Some(h)).unwrap();
        assert_eq!(
            (s.region.as_str(), s.service.as_str()),
            ("eu-west-1", "dynamodb")
        );
        assert_eq!(parse(None), Err(AuthError::Missing));
        assert!(matches!(
            parse(Some("Basic xyz")),
            Err(AuthError::Malformed(_))
        ));
        assert!(matches!(
            parse(Some("AWS4-HMAC-SHA256 Credential=a/b/c")),
            Err(AuthError::Malformed(_))
        ));
    }

    #[test]
    fn a_region_that_could_leave_its_folder_is_refused() {
        for region in ["..", "US-EAST-1", "a.b", ""] {
            let h = format!(
                "AWS4-HMAC-SHA256 Credential=AKID/20261125/{region}/lambda/aws4_request, SignedHeaders=host, Signature=abc"
            );
            assert!(
                matches!(parse(Some(&h)), Err(AuthError::Malformed(_))),
                "{region}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let _ = parse(Some(&s));
        }
    }
}
