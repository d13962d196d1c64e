//! API Gateway through aws-sdk-apigateway: REST APIs read into `plan`'s `ApiSpec`
//! (found by their tags, from GetRestApis, which AWS and moto both answer), and
//! applied: the resource tree with Lambda proxy integrations, CORS preflight, one
//! permission per function and API, a deployment, the stage. `read` finds them,
//! `apply` makes, changes and deletes them.

mod apply;
mod read;

pub use apply::{Context, create, delete, log_access, update};
pub use read::apis;

use crate::cloud::CloudError;

fn sdk<E, R>(
    operation: &'static str,
    name: &str,
) -> impl FnOnce(aws_sdk_apigateway::error::SdkError<E, R>) -> CloudError
where
    E: aws_sdk_apigateway::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let name = name.to_string();
    move |e| CloudError::from_sdk(operation, &name, e)
}

/// The function ARN of a Lambda proxy integration URI.
fn function_of(uri: &str) -> Option<String> {
    Some(
        uri.split("/functions/")
            .nth(1)?
            .split("/invocations")
            .next()?
            .to_string(),
    )
}

fn integration_uri(region: &str, function_arn: &str) -> String {
    format!(
        "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations"
    )
}
