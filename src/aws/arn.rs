//! ARNs of the resources gatekit names, in the account the emulator plays.

/// The account of every local resource (as LocalStack and moto use).
pub const LOCAL_ACCOUNT: &str = "000000000000";

pub fn table(region: &str, account: &str, name: &str) -> String {
    format!("arn:aws:dynamodb:{region}:{account}:table/{name}")
}

pub fn function(region: &str, account: &str, name: &str) -> String {
    format!("arn:aws:lambda:{region}:{account}:function:{name}")
}

/// IAM is global: a role's ARN has no region.
pub fn role(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:role/{name}")
}

pub fn log_group(region: &str, account: &str, group: &str) -> String {
    format!("arn:aws:logs:{region}:{account}:log-group:{group}:*")
}

/// A function's name from a name, a partial ARN (`123456789012:function:f`) or a
/// full ARN, with any version or alias qualifier dropped.
pub fn function_name(name_or_arn: &str) -> &str {
    match name_or_arn.split_once(":function:") {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest),
        None => name_or_arn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_arns() {
        let arn = function("eu-west-1", LOCAL_ACCOUNT, "f");
        assert_eq!(arn, "arn:aws:lambda:eu-west-1:000000000000:function:f");
        assert_eq!(function_name(&arn), "f");
        assert_eq!(function_name(&format!("{arn}:$LATEST")), "f");
        assert_eq!(function_name("000000000000:function:g"), "g");
        assert_eq!(function_name("h"), "h");
        assert_eq!(
            table("us-east-1", LOCAL_ACCOUNT, "t"),
            "arn:aws:dynamodb:us-east-1:000000000000:table/t"
        );
    }
}
