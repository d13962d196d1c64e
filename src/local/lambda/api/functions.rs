//! CreateFunction, GetFunction, ListFunctions, DeleteFunction,
//! GetFunctionConfiguration, UpdateFunctionConfiguration, UpdateFunctionCode.

use std::path::Path;
use std::sync::{Arc, RwLock};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde_json::{Value as Json, json};

use super::error::{ErrorKind, LambdaError};
use super::{
    HttpReply, Shape, check_shapes, configuration, empty, function, in_range, json_reply,
    query_param, read, update,
};
use crate::aws::runtime::{self, Support};
use crate::local::lambda::{
    Function, FunctionConfig, Lambda, UnzipError, code_sha256, discard, now_timestamp, unzip,
};

fn runtime_supported(r: &str) -> bool {
    runtime::lookup(r).is_some_and(|x| x.support != Support::Retired)
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn zip_of(code: &Json) -> Result<Vec<u8>, LambdaError> {
    let text = code
        .get("ZipFile")
        .and_then(Json::as_str)
        .ok_or_else(|| LambdaError::invalid("Please provide a source for function code."))?;
    B64.decode(text)
        .map_err(|_| LambdaError::invalid("Could not decode the ZipFile: it is not base64"))
}

/// A number within Lambda's bounds, refused in Lambda's words otherwise.
/// The members Create and UpdateFunctionConfiguration share, with their types.
fn check_settings_shapes(body: &Json) -> Result<(), LambdaError> {
    check_shapes(
        body,
        &[
            ("FunctionName", Shape::Text),
            ("Runtime", Shape::Text),
            ("Handler", Shape::Text),
            ("Role", Shape::Text),
            ("Description", Shape::Text),
            ("Timeout", Shape::Integer),
            ("MemorySize", Shape::Integer),
            ("Tags", Shape::TextMap),
        ],
    )?;
    if let Some(env) = body.get("Environment").filter(|e| !e.is_null()) {
        if !env.is_object() {
            return Err(LambdaError::serialization());
        }
        check_shapes(env, &[("Variables", Shape::TextMap)])?;
    }
    Ok(())
}

/// Applies the settings of a Create or UpdateFunctionConfiguration request.
/// `Architectures`: a list of one, `x86_64` or `arm64`, in Lambda's words otherwise.
fn architecture_of(body: &Json) -> Result<Option<String>, LambdaError> {
    let Some(list) = body.get("Architectures").filter(|a| !a.is_null()) else {
        return Ok(None);
    };
    let items = list.as_array().ok_or_else(LambdaError::serialization)?;
    let names: Vec<&str> = items
        .iter()
        .map(|a| a.as_str().ok_or_else(LambdaError::serialization))
        .collect::<Result<_, _>>()?;
    let shown = format!("[{}]", names.join(", "));
    let refuse = |constraint: &str| {
        LambdaError::new(
            ErrorKind::Validation,
            format!(
                "1 validation error detected: Value '{shown}' at 'architectures' failed to satisfy constraint: {constraint}"
            ),
        )
    };
    match names.as_slice() {
        [one] if *one == "x86_64" || *one == "arm64" => Ok(Some(one.to_string())),
        [_] => Err(refuse(
            "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]",
        )),
        [] => Err(refuse("Member must have length greater than or equal to 1")),
        _ => Err(refuse("Member must have length less than or equal to 1")),
    }
}

fn apply_settings(c: &mut FunctionConfig, body: &Json) -> Result<(), LambdaError> {
    if let Some(t) = body.get("Timeout").and_then(Json::as_i64) {
        c.timeout = in_range(t, 1, 900, "timeout")? as u64;
    }
    if let Some(m) = body.get("MemorySize").and_then(Json::as_i64) {
        c.memory = in_range(m, 128, 10240, "memorySize")? as u64;
    }
    if let Some(r) = body.get("Runtime").and_then(Json::as_str) {
        if !runtime_supported(r) {
            return Err(LambdaError::invalid(format!(
                "Value {r} at 'runtime' failed to satisfy constraint: the runtime is not supported"
            )));
        }
        c.runtime = r.to_string();
    }
    if let Some(h) = body.get("Handler").and_then(Json::as_str) {
        c.handler = h.to_string();
    }
    if let Some(r) = body.get("Role").and_then(Json::as_str) {
        c.role = r.to_string();
    }
    if let Some(d) = body.get("Description").and_then(Json::as_str) {
        c.description = d.to_string();
    }
    if let Some(vars) = body
        .get("Environment")
        .and_then(|e| e.get("Variables"))
        .and_then(Json::as_object)
    {
        c.environment = vars
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect();
        let size: usize = c.environment.iter().map(|(k, v)| k.len() + v.len()).sum();
        if size > 4096 {
            return Err(LambdaError::invalid(
                "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.",
            ));
        }
    }
    Ok(())
}

/// Puts a new code archive in place: unpacked beside the current code, the archive
/// written to a temporary file; only when both succeeded do they replace the old
/// ones (renames), so a refused or failed upload leaves the function's code intact.
fn install_code(dir: &Path, zip: &[u8]) -> Result<(), LambdaError> {
    std::fs::create_dir_all(dir).map_err(LambdaError::storage)?;
    let staged = dir.join("code.new");
    // A staging folder left by a refused upload is emptied by the next one.
    if let Err(e) = unzip(zip, &staged) {
        // What was unpacked before the refusal goes now (up to 250 MB).
        discard(&staged);
        return Err(match e {
            UnzipError::Invalid(message) => LambdaError::invalid(message),
            UnzipError::Storage(e) => LambdaError::storage(e),
        });
    }
    let archive = dir.join("code.zip.tmp");
    std::fs::write(&archive, zip).map_err(LambdaError::storage)?;
    let code = dir.join("code");
    let old = dir.join("code.old");
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(LambdaError::storage)?;
    }
    if code.exists() {
        std::fs::rename(&code, &old).map_err(LambdaError::storage)?;
    }
    std::fs::rename(&staged, &code).map_err(LambdaError::storage)?;
    std::fs::rename(&archive, dir.join("code.zip")).map_err(LambdaError::storage)?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(LambdaError::storage)?;
    }
    Ok(())
}

pub(super) async fn create(
    l: &Arc<Lambda>,
    region: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    check_settings_shapes(body)?;
    let name = body
        .get("FunctionName")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    if !valid_name(&name) {
        return Err(LambdaError::invalid(format!(
            "1 validation error detected: Value '{name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern"
        )));
    }
    let runtime = body
        .get("Runtime")
        .and_then(Json::as_str)
        .unwrap_or_default();
    if !runtime_supported(runtime) {
        return Err(LambdaError::invalid(format!(
            "The runtime parameter of {runtime} is no longer supported for creating or updating AWS Lambda functions, or is unknown."
        )));
    }
    let architecture = architecture_of(body)?;
    let zip = zip_of(body.get("Code").unwrap_or(&Json::Null))?;
    let mut config = FunctionConfig {
        name: name.clone(),
        region: region.to_string(),
        code_dir: Lambda::code_dir(region, &name),
        runtime: runtime.to_string(),
        handler: String::new(),
        role: String::new(),
        description: String::new(),
        timeout: 3,
        memory: 128,
        environment: Default::default(),
        code_sha256: code_sha256(&zip),
        code_size: zip.len() as u64,
        last_modified: now_timestamp(),
        revision: 1,
        tags: body
            .get("Tags")
            .and_then(Json::as_object)
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        reserved_concurrency: None,
        policy: Vec::new(),
        architecture: architecture.unwrap_or_else(|| "x86_64".into()),
        event_invoke: None,
    };
    apply_settings(&mut config, body)?;
    let dir = l.root.join(&config.code_dir);
    let _one_at_a_time = l.control.lock().await;
    if l.get(region, &name).is_some() {
        return Err(LambdaError::new(
            ErrorKind::ResourceConflict,
            format!("Function already exist: {name}"),
        ));
    }
    // Without its record a folder is no function: nothing reads it, and the next
    // CreateFunction of the name replaces its code.
    let installed = match install_code(&dir, &zip) {
        Ok(()) => l.save(&config).await.map_err(LambdaError::storage),
        Err(e) => Err(e),
    };
    if let Err(e) = installed {
        // No record names this folder: it is scratch.
        discard(&dir);
        return Err(e);
    }
    let out = configuration(&config);
    // Its interpreter, asked now, so the first invocation does not wait for that.
    l.prewarm_interpreter(&config.runtime);
    l.functions
        .write()
        .map_err(|_| LambdaError::new(ErrorKind::Service, "lock poisoned"))?
        .insert(
            (region.to_string(), name),
            Arc::new(Function {
                config: RwLock::new(config),
                pool: Default::default(),
                log: Default::default(),
                dir,
            }),
        );
    Ok(json_reply(201, &out))
}

pub(super) fn list(
    l: &Lambda,
    region: &str,
    query: Option<&str>,
) -> Result<HttpReply, LambdaError> {
    let functions = l.in_region(region);
    let marker = query_param(query, "Marker");
    let max = match query_param(query, "MaxItems") {
        None => 50,
        Some(m) => {
            // Not an integer: the binding of the query string fails first.
            let m: i64 = m.parse().map_err(|_| LambdaError::serialization())?;
            in_range(m, 1, 10_000, "maxItems")? as usize
        }
    };
    let all: Vec<&Arc<Function>> = functions
        .iter()
        .filter(|f| marker.as_ref().is_none_or(|m| read(f).name > *m))
        .collect();
    let page: Vec<Json> = all
        .iter()
        .take(max)
        .map(|f| configuration(&read(f)))
        .collect();
    let mut out = json!({ "Functions": page });
    if all.len() > max && max > 0 {
        out["NextMarker"] = json!(read(all[max - 1]).name);
    }
    Ok(json_reply(200, &out))
}

pub(super) fn get(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    let c = read(&f);
    Ok(json_reply(
        200,
        &json!({
            "Configuration": configuration(&c),
            "Code": { "RepositoryType": "S3", "Location": format!("file://{}", f.dir.join("code.zip").display()) },
            "Tags": c.tags,
            "Concurrency": c.reserved_concurrency.map(|r| json!({ "ReservedConcurrentExecutions": r })),
        }),
    ))
}

/// The folder is moved aside first and the record removed second (moved back if
/// that fails), so a failure leaves the function whole; once the record is gone,
/// the function is, and a folder left behind is removed by the next open.
pub(super) async fn delete(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let _one_at_a_time = l.control.lock().await;
    let f = function(l, region, name)?;
    let aside = f.dir.with_extension("deleting");
    let moved = f.dir.exists();
    if moved {
        std::fs::rename(&f.dir, &aside).map_err(LambdaError::storage)?;
    }
    if let Err(e) = l.forget(&read(&f)).await {
        if moved {
            std::fs::rename(&aside, &f.dir).map_err(LambdaError::storage)?;
        }
        return Err(LambdaError::storage(e));
    }
    l.functions
        .write()
        .map_err(|_| LambdaError::new(ErrorKind::Service, "lock poisoned"))?
        .remove(&(region.to_string(), name.to_string()));
    f.pool.drain();
    if moved {
        // Deleted already: the folder is scratch.
        discard(&aside);
    }
    Ok(empty(204))
}

pub(super) fn get_configuration(
    l: &Lambda,
    region: &str,
    name: &str,
) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    Ok(json_reply(200, &configuration(&read(&f))))
}

pub(super) async fn update_configuration(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    check_settings_shapes(body)?;
    let f = function(l, region, name)?;
    let c = update(l, &f, |c| apply_settings(c, body)).await?;
    f.pool.retire();
    Ok(json_reply(200, &configuration(&c)))
}

pub(super) async fn update_code(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    let architecture = architecture_of(body)?;
    let zip = zip_of(body)?;
    install_code(&f.dir, &zip)?;
    let c = update(l, &f, |c| {
        c.code_sha256 = code_sha256(&zip);
        c.code_size = zip.len() as u64;
        if let Some(a) = &architecture {
            c.architecture = a.clone();
        }
        Ok(())
    })
    .await?;
    f.pool.retire();
    Ok(json_reply(200, &configuration(&c)))
}
