//! The only layer that talks to targets, and only through the official AWS SDKs.
//! A target is reached through a URL: the local emulator's address (which the cli
//! layer starts or finds and hands over), or AWS as aws-config resolves it, so the
//! standard AWS environment and profiles work, and CLI flags override.
//!
//! One folder per AWS service holds its readers of live state, its appliers of plan
//! actions and its data access; `executor` walks a plan's dependency graph.

pub mod apigateway;
pub mod aws_target;
pub mod dynamodb;
pub mod executor;
pub mod http;
pub mod iam;
pub mod lambda;

pub use aws_target::Notice;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};

/// Where a command's requests go.
#[derive(Debug, Clone)]
pub enum Target {
    /// The local emulator at this URL: its own endpoint with fixed credentials; the
    /// AWS environment does not apply.
    Emulator { url: String, region: String },
    /// An AWS-API endpoint, as aws-config resolves it with these overrides.
    Aws {
        region: Option<String>,
        profile: Option<String>,
        endpoint_url: Option<String>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CloudError {
    #[error("{operation} `{resource}` failed: {code}: {message}")]
    Aws {
        operation: &'static str,
        resource: String,
        code: String,
        message: String,
    },
    #[error("{operation} `{resource}` failed: {detail}")]
    Transport {
        operation: &'static str,
        resource: String,
        detail: String,
    },
    #[error("{0}")]
    Timeout(String),
    #[error("{0}")]
    Failed(String),
    /// The target cannot be used as configured (no region, no credentials, an
    /// unknown profile): found before the first call, with the fix.
    #[error("{message}")]
    Setup { message: String, hint: String },
}

/// A call's answer, where "not found" is an answer too: None.
pub fn or_absent<T>(r: Result<T, CloudError>) -> Result<Option<T>, CloudError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(None),
        Err(e) => Err(e),
    }
}

impl CloudError {
    pub fn from_sdk<E, R>(
        operation: &'static str,
        resource: &str,
        err: SdkError<E, R>,
    ) -> CloudError
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
        R: std::fmt::Debug + Send + Sync + 'static,
    {
        match err.as_service_error() {
            Some(e) if e.code().is_some() => CloudError::Aws {
                operation,
                resource: resource.to_string(),
                code: e.code().unwrap_or_default().to_string(),
                message: e.message().unwrap_or_default().to_string(),
            },
            _ => CloudError::Transport {
                operation,
                resource: resource.to_string(),
                detail: aws_target::short_cause(&err),
            },
        }
    }

    /// The AWS error code, when the target answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            CloudError::Aws { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// Reads the live state of the resources a plan may touch: of `names`, those the
/// file names (`wanted`) and those with the project's prefix for this target (where
/// owned resources no longer in the file are), `in_flight` at a time, sorted by
/// name. Nothing outside both is read: no call the plan does not need.
pub async fn read_candidates<F, Fut>(
    names: Vec<String>,
    prefix: &str,
    wanted: &[String],
    in_flight: usize,
    read: F,
) -> Result<Vec<crate::plan::Live>, CloudError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<crate::plan::Live>, CloudError>>
        + Send
        + 'static,
{
    let names: std::collections::BTreeSet<String> = names
        .into_iter()
        .filter(|n| n.starts_with(prefix) || wanted.contains(n))
        .collect();
    let mut live: Vec<crate::plan::Live> = concurrently(names, in_flight, read)
        .await?
        .into_iter()
        .flatten()
        .collect();
    live.sort_by(|a, b| a.physical.cmp(&b.physical));
    Ok(live)
}

/// Runs `read` for every input, at most `in_flight` at once (a far target makes
/// every call a round trip); the results in input order, or the first error.
pub async fn concurrently<I, T, F, Fut>(
    inputs: I,
    in_flight: usize,
    read: F,
) -> Result<Vec<T>, CloudError>
where
    I: IntoIterator,
    F: Fn(I::Item) -> Fut,
    Fut: std::future::Future<Output = Result<T, CloudError>> + Send + 'static,
    T: Send + 'static,
{
    let limit = std::sync::Arc::new(tokio::sync::Semaphore::new(in_flight));
    let mut set = tokio::task::JoinSet::new();
    for (i, input) in inputs.into_iter().enumerate() {
        let (limit, reading) = (limit.clone(), read(input));
        set.spawn(async move {
            let _permit = limit.acquire_owned().await;
            reading.await.map(|r| (i, r))
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = set.join_next().await {
        done.push(joined.map_err(|e| CloudError::Failed(format!("a read task failed: {e}")))??);
    }
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}

/// Reports a step of an action ("creating", "waiting for ACTIVE"), for progress
/// bars and JSON events.
pub type Step<'a> = &'a (dyn Fn(&str) + Send + Sync);

/// Clients for one target.
#[derive(Clone)]
pub struct Cloud {
    pub dynamodb: aws_sdk_dynamodb::Client,
    pub streams: aws_sdk_dynamodbstreams::Client,
    pub lambda: aws_sdk_lambda::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    pub iam: aws_sdk_iam::Client,
    pub apigateway: aws_sdk_apigateway::Client,
    sts: aws_sdk_sts::Client,
    /// The emulator's fixed account; on AWS, STS tells (`account_id`).
    account: Option<String>,
    /// The endpoint as shown to people: a URL, or `AWS (region)`.
    pub endpoint: String,
    /// The region the clients use.
    pub region: String,
}

fn http_client() -> aws_sdk_dynamodb::config::SharedHttpClient {
    use aws_smithy_http_client::{Builder, tls};
    Builder::new()
        .tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https()
}

/// Throttling and transient errors are retried with backoff by the SDK.
fn retry() -> RetryConfig {
    RetryConfig::standard().with_max_attempts(8)
}

/// On AWS, fewer and shorter waits: each retry is reported, and a target that does
/// not answer is given up on within seconds, not half a minute.
const AWS_ATTEMPTS: u32 = 5;

fn aws_retry() -> RetryConfig {
    RetryConfig::standard()
        .with_max_attempts(AWS_ATTEMPTS)
        .with_max_backoff(std::time::Duration::from_secs(5))
}

impl Cloud {
    /// Every service's client from one configuration; on AWS, retries are reported.
    fn from_config(
        config: &aws_config::SdkConfig,
        endpoint: String,
        notice: Option<aws_target::RetryNotice>,
    ) -> Cloud {
        let mut dynamodb = aws_sdk_dynamodb::config::Builder::from(config);
        let mut streams = aws_sdk_dynamodbstreams::config::Builder::from(config);
        let mut lambda = aws_sdk_lambda::config::Builder::from(config);
        let mut logs = aws_sdk_cloudwatchlogs::config::Builder::from(config);
        let mut iam = aws_sdk_iam::config::Builder::from(config);
        let mut apigateway = aws_sdk_apigateway::config::Builder::from(config);
        let mut sts = aws_sdk_sts::config::Builder::from(config);
        if let Some(n) = notice {
            dynamodb = dynamodb.interceptor(n.clone());
            streams = streams.interceptor(n.clone());
            lambda = lambda.interceptor(n.clone());
            logs = logs.interceptor(n.clone());
            iam = iam.interceptor(n.clone());
            apigateway = apigateway.interceptor(n.clone());
            sts = sts.interceptor(n);
        }
        Cloud {
            dynamodb: aws_sdk_dynamodb::Client::from_conf(dynamodb.build()),
            streams: aws_sdk_dynamodbstreams::Client::from_conf(streams.build()),
            lambda: aws_sdk_lambda::Client::from_conf(lambda.build()),
            logs: aws_sdk_cloudwatchlogs::Client::from_conf(logs.build()),
            iam: aws_sdk_iam::Client::from_conf(iam.build()),
            apigateway: aws_sdk_apigateway::Client::from_conf(apigateway.build()),
            sts: aws_sdk_sts::Client::from_conf(sts.build()),
            account: None,
            endpoint,
            region: config.region().map(|r| r.to_string()).unwrap_or_default(),
        }
    }

    /// The account the credentials belong to (STS GetCallerIdentity on AWS).
    pub async fn account_id(&self) -> Result<String, CloudError> {
        if let Some(a) = &self.account {
            return Ok(a.clone());
        }
        let out = self
            .sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("GetCallerIdentity", "", e))?;
        Ok(out.account().unwrap_or_default().to_string())
    }

    /// Clients for `target`; for AWS, checks the profile, the region and the
    /// credentials first, and reports retries through `notice`.
    pub async fn connect(target: &Target, notice: Notice) -> Result<Cloud, CloudError> {
        match target {
            Target::Emulator { url, region } => {
                let config = aws_config::SdkConfig::builder()
                    .behavior_version(BehaviorVersion::latest())
                    .region(Region::new(region.clone()))
                    .credentials_provider(aws_sdk_dynamodb::config::SharedCredentialsProvider::new(
                        Credentials::new("local", "local", None, None, "gatekit-local"),
                    ))
                    .endpoint_url(url)
                    .http_client(http_client())
                    .retry_config(retry())
                    .build();
                let mut cloud = Cloud::from_config(&config, url.clone(), None);
                cloud.account = Some(crate::aws::arn::LOCAL_ACCOUNT.to_string());
                Ok(cloud)
            }
            Target::Aws {
                region,
                profile,
                endpoint_url,
            } => {
                if let Some(p) = profile {
                    aws_target::check_profile(p)?;
                }
                let timeouts = aws_config::timeout::TimeoutConfig::builder()
                    .connect_timeout(aws_target::CONNECT_TIMEOUT)
                    .build();
                let mut loader = aws_config::defaults(BehaviorVersion::latest())
                    .http_client(http_client())
                    .retry_config(aws_retry())
                    .timeout_config(timeouts);
                if let Some(p) = profile {
                    loader = loader.profile_name(p);
                }
                if let Some(r) = region {
                    loader = loader.region(aws_config::Region::new(r.clone()));
                }
                if let Some(e) = endpoint_url {
                    loader = loader.endpoint_url(e);
                }
                let config = loader.load().await;
                if config.region().is_none() {
                    return Err(aws_target::missing_region());
                }
                aws_target::check_credentials(config.credentials_provider(), profile.as_deref())
                    .await?;
                let endpoint = endpoint_url.clone().unwrap_or_else(|| {
                    format!(
                        "AWS ({})",
                        config
                            .region()
                            .map(|r| r.to_string())
                            .unwrap_or_else(|| "no region".into())
                    )
                });
                let notice = aws_target::RetryNotice {
                    notice,
                    max_attempts: AWS_ATTEMPTS,
                };
                Ok(Cloud::from_config(&config, endpoint, Some(notice)))
            }
        }
    }
}
