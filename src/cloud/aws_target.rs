//! Opening an AWS target the way people expect from the AWS CLI: a named profile
//! must exist, a region must be known, credentials must resolve, and each problem
//! is one sentence naming the cause and the fix, found before the first API call.
//! Connections time out after a few seconds, and retries are reported as they
//! happen instead of leaving a silent half minute.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use aws_sdk_dynamodb::config::interceptors::BeforeTransmitInterceptorContextRef;
use aws_sdk_dynamodb::config::{ConfigBag, Intercept, ProvideCredentials, RuntimeComponents};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::retries::RequestAttempts;

use super::CloudError;

/// Says something to the person waiting (a retry), through whatever prints.
pub type Notice = Arc<dyn Fn(&str) + Send + Sync>;

/// How long a TCP (and TLS) connection may take before the attempt fails.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// How long the credential chain may take (SSO, a process, a role to assume).
const CREDENTIALS_TIMEOUT: Duration = Duration::from_secs(15);

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// The AWS config and credentials files, as the AWS CLI finds them.
fn profile_files() -> [PathBuf; 2] {
    let or_home = |var: &str, rest: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .unwrap_or_else(|| home().unwrap_or_default().join(".aws").join(rest))
    };
    [
        or_home("AWS_CONFIG_FILE", "config"),
        or_home("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
    ]
}

/// The section names of an INI file: `[profile x]` and `[x]` both name `x` (the
/// config file prefixes `profile `; the credentials file does not).
fn sections(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|l| {
        let l = l.trim();
        let name = l.strip_prefix('[')?.strip_suffix(']')?.trim();
        Some(name.strip_prefix("profile ").map(str::trim).unwrap_or(name))
    })
}

/// A profile named in gatekit.yaml or `--profile` exists in one of the two files;
/// otherwise the chain would go on to instance metadata and fail far from the cause.
pub fn check_profile(profile: &str) -> Result<(), CloudError> {
    let files = profile_files();
    let found = files.iter().any(|f| {
        std::fs::read_to_string(f).is_ok_and(|text| sections(&text).any(|s| s == profile))
    });
    if found {
        return Ok(());
    }
    Err(CloudError::Setup {
        message: format!(
            "the AWS profile `{profile}` is in neither {} nor {}",
            files[0].display(),
            files[1].display()
        ),
        hint: format!(
            "create it with `aws configure --profile {profile}` (or `aws configure sso --profile {profile}`), or name another with --profile"
        ),
    })
}

pub fn missing_region() -> CloudError {
    CloudError::Setup {
        message: "no AWS region for this target".into(),
        hint: "add `region:` to the target in gatekit.yaml, pass --region, or set AWS_REGION"
            .into(),
    }
}

/// Resolves the credentials once, so that a missing or expired one is reported
/// before any API call, with the command that fixes it.
pub async fn check_credentials(
    provider: Option<aws_sdk_dynamodb::config::SharedCredentialsProvider>,
    profile: Option<&str>,
) -> Result<(), CloudError> {
    let shown = profile.unwrap_or("default");
    let Some(provider) = provider else {
        return Err(no_credentials(shown, "no credential provider"));
    };
    match tokio::time::timeout(CREDENTIALS_TIMEOUT, provider.provide_credentials()).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => {
            let cause = short_cause(&e);
            // The chain's own summary lists every provider on lines of their own.
            let cause = if cause.contains("no credentials found in chain") {
                "none in the environment, the AWS files, web identity, ECS or instance metadata"
                    .to_string()
            } else {
                cause
            };
            Err(no_credentials(shown, &cause))
        }
        Err(_) => Err(CloudError::Setup {
            message: format!(
                "resolving the AWS credentials of profile `{shown}` took over {} s",
                CREDENTIALS_TIMEOUT.as_secs()
            ),
            hint: "check the profile's credential_process, SSO or role settings".into(),
        }),
    }
}

fn no_credentials(profile: &str, cause: &str) -> CloudError {
    let lower = cause.to_ascii_lowercase();
    let hint = if lower.contains("sso") || lower.contains("token") && lower.contains("expired") {
        format!("run `aws sso login --profile {profile}`")
    } else {
        format!(
            "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure --profile {profile}`, or name a profile with `profile:` or --profile"
        )
    };
    CloudError::Setup {
        message: format!("no usable AWS credentials for profile `{profile}`: {cause}"),
        hint,
    }
}

/// An error and its sources in one line, by their Display only (never Debug),
/// without repeating what an outer message already says.
pub fn short_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = next {
        let text = err.to_string();
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = err.source();
    }
    // Provider chains list every provider on lines of their own: keep the first.
    parts
        .join(": ")
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches(':')
        .to_string()
}

/// Reports each retry before it is sent: "retrying ListTables (attempt 2 of 5)".
#[derive(Clone)]
pub struct RetryNotice {
    pub notice: Notice,
    pub max_attempts: u32,
}

impl std::fmt::Debug for RetryNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RetryNotice")
    }
}

impl Intercept for RetryNotice {
    fn name(&self) -> &'static str {
        "gatekit::RetryNotice"
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let attempt = cfg
            .load::<RequestAttempts>()
            .map(|a| a.attempts())
            .unwrap_or(1);
        if attempt > 1 {
            let operation = cfg
                .load::<Metadata>()
                .map(|m| m.name())
                .unwrap_or("the call");
            (self.notice)(&format!(
                "retrying {operation} (attempt {attempt} of {})",
                self.max_attempts
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_name_profiles_of_both_files() {
        let config = "[default]\nregion = x\n[profile dev]\n[ profile  ops ]\n# [profile no]\n";
        assert_eq!(
            sections(config).collect::<Vec<_>>(),
            ["default", "dev", "ops"]
        );
        assert_eq!(
            sections("[prod]\naws_access_key_id=a\n").collect::<Vec<_>>(),
            ["prod"]
        );
    }

    #[test]
    fn causes_are_one_line_of_display_text() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        assert_eq!(short_cause(&io), "Connection refused");
    }
}
