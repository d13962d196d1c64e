//! Making function actions happen: create with every tag in the same call, update
//! configuration and code as separate calls (each waited for, so none of our own
//! calls meets a ResourceConflictException), reserved concurrency, tags, delete.

use std::time::Duration;

use aws_sdk_lambda::Client;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{
    Architecture, Environment, FunctionCode, LastUpdateStatus, Runtime, State,
};

use crate::cloud::{CloudError, Step};
use crate::plan::function::{FunctionSpec, FunctionUpdate, TAG_CODE_DIGEST, TAG_CODE_SHA256};

/// A role just made takes a while to be usable by Lambda: its error is retried for
/// this long, as Terraform does.
const ROLE_PROPAGATION: Duration = Duration::from_secs(120);
/// How long a function may take to become Active or finish an update.
const READY_WITHIN: Duration = Duration::from_secs(600);

fn environment(spec: &FunctionSpec) -> Environment {
    // Always sent, even empty: an absent Environment leaves the old variables.
    Environment::builder()
        .set_variables(Some(
            spec.environment
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ))
        .build()
}

fn zip(spec: &FunctionSpec) -> Blob {
    Blob::new(spec.code.zip.as_deref().cloned().unwrap_or_default())
}

/// The tags gatekit keeps on a function: the user's, ownership, and the code's.
fn all_tags(
    spec: &FunctionSpec,
    ownership: &[(String, String)],
) -> std::collections::HashMap<String, String> {
    let mut tags: std::collections::HashMap<String, String> = spec
        .tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    tags.extend(ownership.iter().cloned());
    tags.insert(TAG_CODE_DIGEST.into(), spec.code.digest.clone());
    tags.insert(TAG_CODE_SHA256.into(), spec.code.sha256.clone());
    tags
}

fn role_not_ready(e: &CloudError) -> bool {
    matches!(e, CloudError::Aws { code, message, .. }
        if code == "InvalidParameterValueException" && message.contains("cannot be assumed by Lambda"))
}

/// Runs `call` again while Lambda says the role cannot be assumed yet.
async fn while_role_propagates<T, F, Fut>(step: Step<'_>, mut call: F) -> Result<T, CloudError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, CloudError>>,
{
    let deadline = tokio::time::Instant::now() + ROLE_PROPAGATION;
    let mut delay = Duration::from_secs(1);
    loop {
        match call().await {
            Err(e) if role_not_ready(&e) && tokio::time::Instant::now() < deadline => {
                step("waiting for the role to propagate");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
            other => return other,
        }
    }
}

#[derive(Clone, Copy)]
enum Awaited {
    Active,
    Updated,
}

/// Polls until the function is Active, or its last update Successful.
async fn wait(
    client: &Client,
    name: &str,
    awaited: Awaited,
    step: Step<'_>,
) -> Result<(), CloudError> {
    let deadline = tokio::time::Instant::now() + READY_WITHIN;
    let mut delay = Duration::from_millis(50);
    loop {
        let c = client
            .get_function_configuration()
            .function_name(name)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("GetFunctionConfiguration", name, e))?;
        let failed = |reason: Option<&str>| {
            CloudError::Failed(format!(
                "function `{name}` failed: {}",
                reason.unwrap_or("no reason given")
            ))
        };
        match awaited {
            Awaited::Active => match c.state() {
                Some(State::Active) | None => return Ok(()),
                Some(State::Failed) => return Err(failed(c.state_reason())),
                _ => step("waiting for Active"),
            },
            Awaited::Updated => match c.last_update_status() {
                Some(LastUpdateStatus::Successful) | None => return Ok(()),
                Some(LastUpdateStatus::Failed) => {
                    return Err(failed(c.last_update_status_reason()));
                }
                _ => step("waiting for the update"),
            },
        }
        if tokio::time::Instant::now() > deadline {
            return Err(CloudError::Timeout(format!(
                "function `{name}` was not ready within {} minutes",
                READY_WITHIN.as_secs() / 60
            )));
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(2));
    }
}

async fn set_concurrency(
    client: &Client,
    name: &str,
    concurrency: Option<u32>,
) -> Result<(), CloudError> {
    match concurrency {
        Some(n) => client
            .put_function_concurrency()
            .function_name(name)
            .reserved_concurrent_executions(n as i32)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| CloudError::from_sdk("PutFunctionConcurrency", name, e)),
        None => client
            .delete_function_concurrency()
            .function_name(name)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| CloudError::from_sdk("DeleteFunctionConcurrency", name, e)),
    }
}

pub async fn create(
    client: &Client,
    name: &str,
    spec: &FunctionSpec,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("uploading");
    let tags = all_tags(spec, ownership);
    while_role_propagates(step, || async {
        client
            .create_function()
            .function_name(name)
            .runtime(Runtime::from(spec.runtime.as_str()))
            .handler(&spec.handler)
            .role(&spec.role)
            .memory_size(spec.memory as i32)
            .timeout(spec.timeout as i32)
            .architectures(Architecture::from(spec.architecture.as_str()))
            .environment(environment(spec))
            .code(FunctionCode::builder().zip_file(zip(spec)).build())
            .set_tags(Some(tags.clone()))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("CreateFunction", name, e))
    })
    .await?;
    wait(client, name, Awaited::Active, step).await?;
    if spec.concurrency.is_some() {
        set_concurrency(client, name, spec.concurrency).await?;
    }
    Ok(())
}

pub async fn update(
    client: &Client,
    name: &str,
    spec: &FunctionSpec,
    update: &FunctionUpdate,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    if update.configuration {
        step("updating the configuration");
        while_role_propagates(step, || async {
            client
                .update_function_configuration()
                .function_name(name)
                .runtime(Runtime::from(spec.runtime.as_str()))
                .handler(&spec.handler)
                .role(&spec.role)
                .memory_size(spec.memory as i32)
                .timeout(spec.timeout as i32)
                .environment(environment(spec))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UpdateFunctionConfiguration", name, e))
        })
        .await?;
        wait(client, name, Awaited::Updated, step).await?;
    }
    if update.code {
        step("uploading");
        let out = client
            .update_function_code()
            .function_name(name)
            .zip_file(zip(spec))
            .architectures(Architecture::from(spec.architecture.as_str()))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("UpdateFunctionCode", name, e))?;
        wait(client, name, Awaited::Updated, step).await?;
        let arn = out.function_arn().unwrap_or(name).to_string();
        // Recorded after the code is in: a run killed before this sees the code as
        // changed outside gatekit, and uploads it again.
        tag(client, &arn, &all_tags(spec, ownership)).await?;
    }
    if let Some(c) = update.concurrency {
        set_concurrency(client, name, c).await?;
    }
    if let Some(t) = &update.tags {
        let arn = function_arn(client, name).await?;
        tag(client, &arn, &all_tags(spec, ownership)).await?;
        if !t.remove.is_empty() {
            client
                .untag_resource()
                .resource(&arn)
                .set_tag_keys(Some(t.remove.clone()))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UntagResource", name, e))?;
        }
    }
    Ok(())
}

async fn function_arn(client: &Client, name: &str) -> Result<String, CloudError> {
    let c = client
        .get_function_configuration()
        .function_name(name)
        .send()
        .await
        .map_err(|e| CloudError::from_sdk("GetFunctionConfiguration", name, e))?;
    Ok(c.function_arn().unwrap_or(name).to_string())
}

async fn tag(
    client: &Client,
    arn: &str,
    tags: &std::collections::HashMap<String, String>,
) -> Result<(), CloudError> {
    client
        .tag_resource()
        .resource(arn)
        .set_tags(Some(tags.clone()))
        .send()
        .await
        .map(|_| ())
        .map_err(|e| CloudError::from_sdk("TagResource", arn, e))
}

pub async fn delete(client: &Client, name: &str, step: Step<'_>) -> Result<(), CloudError> {
    step("deleting");
    match client.delete_function().function_name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let err = CloudError::from_sdk("DeleteFunction", name, e);
            // Already gone (a run killed after the call): what was wanted.
            if err.code() == Some("ResourceNotFoundException") {
                Ok(())
            } else {
                Err(err)
            }
        }
    }
}
