//! The live state of Lambda functions, read into the typed `FunctionSpec` of `plan`.

use std::collections::BTreeMap;

use aws_sdk_lambda::Client;
use aws_sdk_lambda::operation::get_function::GetFunctionOutput;

use crate::cloud::CloudError;
use crate::plan::function::{Code, FunctionSpec, TAG_CODE_DIGEST, TAG_CODE_SHA256};
use crate::plan::{Facts, Live, Ownership, Spec};

const READS_IN_FLIGHT: usize = 32;

/// Every function name in the region (ListFunctions, all pages).
pub async fn list_functions(client: &Client) -> Result<Vec<String>, CloudError> {
    let mut names = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let out = client
            .list_functions()
            .set_marker(marker.clone())
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("ListFunctions", "", e))?;
        names.extend(
            out.functions()
                .iter()
                .filter_map(|f| f.function_name().map(String::from)),
        );
        marker = out.next_marker().map(String::from);
        if marker.is_none() {
            return Ok(names);
        }
    }
}

/// GetFunction, or None when there is no such function.
pub async fn get(client: &Client, name: &str) -> Result<Option<GetFunctionOutput>, CloudError> {
    match client.get_function().function_name(name).send().await {
        Ok(out) => Ok(Some(out)),
        Err(e) => {
            let err = CloudError::from_sdk("GetFunction", name, e);
            if err.code() == Some("ResourceNotFoundException") {
                Ok(None)
            } else {
                Err(err)
            }
        }
    }
}

/// A GetFunction answer as a `FunctionSpec`, and its tags.
pub fn spec(out: &GetFunctionOutput) -> (FunctionSpec, BTreeMap<String, String>) {
    let tags: BTreeMap<String, String> = out
        .tags()
        .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let c = out.configuration();
    let sha256 = c
        .and_then(|c| c.code_sha256())
        .unwrap_or_default()
        .to_string();
    let recorded = tags.get(TAG_CODE_SHA256);
    let spec = FunctionSpec {
        runtime: c
            .and_then(|c| c.runtime())
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        handler: c.and_then(|c| c.handler()).unwrap_or_default().to_string(),
        architecture: c
            .and_then(|c| c.architectures().first())
            .map(|a| a.as_str().to_string())
            .unwrap_or_else(|| "x86_64".into()),
        memory: c.and_then(|c| c.memory_size()).unwrap_or(128).max(0) as u32,
        timeout: c.and_then(|c| c.timeout()).unwrap_or(3).max(0) as u32,
        environment: c
            .and_then(|c| c.environment())
            .and_then(|e| e.variables())
            .map(|v| v.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        role: c.and_then(|c| c.role()).unwrap_or_default().to_string(),
        concurrency: out
            .concurrency()
            .and_then(|c| c.reserved_concurrent_executions())
            .map(|n| n.max(0) as u32),
        tags: tags
            .iter()
            .filter(|(k, _)| !k.starts_with("gatekit:"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        code: Code {
            digest: tags.get(TAG_CODE_DIGEST).cloned().unwrap_or_default(),
            size: c.map(|c| c.code_size()).unwrap_or(0).max(0) as u64,
            changed_outside: recorded.is_some_and(|r| *r != sha256),
            sha256,
            zip: None,
        },
        needs: Vec::new(),
    };
    (spec, tags)
}

async fn read_one(
    client: Client,
    name: String,
    project: String,
    target: String,
) -> Result<Option<Live>, CloudError> {
    let Some(out) = get(&client, &name).await? else {
        return Ok(None);
    };
    let (spec, tags) = spec(&out);
    let ownership = Ownership::from_tags(&tags, &project, &target);
    let state = out
        .configuration()
        .and_then(|c| c.state())
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| "Active".into());
    let facts = Facts {
        item_count: None,
        size_bytes: Some(spec.code.size),
    };
    Ok(Some(Live::read(
        name,
        ownership,
        Spec::Function(spec),
        state,
        facts,
    )))
}

/// The functions that matter to the project: those the file names, and those whose
/// names carry the project's prefix.
pub async fn functions(
    client: &Client,
    project: &str,
    target: &str,
    wanted: &[String],
) -> Result<Vec<Live>, CloudError> {
    let prefix = format!("{project}-{target}-");
    let names = list_functions(client).await?;
    crate::cloud::read_candidates(names, &prefix, wanted, READS_IN_FLIGHT, |name| {
        read_one(
            client.clone(),
            name,
            project.to_string(),
            target.to_string(),
        )
    })
    .await
}
