//! The IAM operations on roles, with IAM's validation, errors and answer shapes.

use super::xml::{el, error, escape, members, response};
use super::{Iam, Role};
use crate::aws::arn::LOCAL_ACCOUNT;

/// An answer: HTTP status and XML body.
pub type Answer = (u16, String);

struct Fault {
    status: u16,
    code: &'static str,
    message: String,
}

fn fault(status: u16, code: &'static str, message: impl Into<String>) -> Fault {
    Fault {
        status,
        code,
        message: message.into(),
    }
}

fn no_role(name: &str) -> Fault {
    fault(
        404,
        "NoSuchEntity",
        format!("The role with name {name} cannot be found."),
    )
}

/// The request's parameters, as decoded from the form.
struct Params(Vec<(String, String)>);

impl Params {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A required parameter, refused in IAM's words when absent.
    fn required(&self, name: &str, member: &str) -> Result<&str, Fault> {
        self.get(name).ok_or_else(|| {
            fault(
                400,
                "ValidationError",
                format!(
                    "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null"
                ),
            )
        })
    }

    /// `Prefix.member.N.Key`/`.Value` pairs, in order.
    fn tags(&self, prefix: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for n in 1.. {
            let key = self.get(&format!("{prefix}.member.{n}.Key"));
            let Some(key) = key else { break };
            let value = self
                .get(&format!("{prefix}.member.{n}.Value"))
                .unwrap_or_default();
            out.push((key.to_string(), value.to_string()));
        }
        out
    }

    /// `Prefix.member.N` values, in order.
    fn list(&self, prefix: &str) -> Vec<String> {
        let mut out = Vec::new();
        for n in 1.. {
            match self.get(&format!("{prefix}.member.{n}")) {
                Some(v) => out.push(v.to_string()),
                None => break,
            }
        }
        out
    }
}

fn pattern_error(value: &str, member: &str, pattern: &str) -> Fault {
    fault(
        400,
        "ValidationError",
        format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}"
        ),
    )
}

fn check_name(name: &str, member: &str, max: usize) -> Result<(), Fault> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c));
    if name.is_empty() || !ok_chars {
        return Err(pattern_error(name, member, "[\\w+=,.@-]+"));
    }
    if name.len() > max {
        return Err(fault(
            400,
            "ValidationError",
            format!(
                "1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}"
            ),
        ));
    }
    Ok(())
}

fn check_policy(document: &str) -> Result<(), Fault> {
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(document);
    match parsed {
        Ok(v) if v.is_object() && v.get("Statement").is_some() => Ok(()),
        Ok(_) => Err(fault(
            400,
            "MalformedPolicyDocument",
            "Syntax errors in policy.",
        )),
        Err(_) => Err(fault(
            400,
            "MalformedPolicyDocument",
            "This policy contains invalid Json",
        )),
    }
}

/// Documents come back URL-encoded as IAM returns them (RFC 3986: a space is %20,
/// which is what the SDKs decode).
fn encoded(document: &str) -> String {
    let mut out = String::with_capacity(document.len() * 3);
    for b in document.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn tags_xml(tags: &[(String, String)]) -> String {
    let items: Vec<String> = tags
        .iter()
        .map(|(k, v)| format!("{}{}", el("Key", k), el("Value", v)))
        .collect();
    members("Tags", &items)
}

fn role_xml(r: &Role, with_tags: bool) -> String {
    let mut out = format!(
        "{}{}{}{}{}{}{}",
        el("Path", &r.path),
        el("RoleName", &r.name),
        el("RoleId", &r.id),
        el("Arn", &r.arn),
        el("CreateDate", &r.created),
        el("AssumeRolePolicyDocument", &encoded(&r.trust)),
        el("MaxSessionDuration", &r.max_session.to_string()),
    );
    if !r.description.is_empty() {
        out.push_str(&el("Description", &r.description));
    }
    if with_tags && !r.tags.is_empty() {
        out.push_str(&tags_xml(&r.tags));
    }
    out
}

fn role_id(name: &str) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(format!("{name}{}", crate::aws::clock::unix_nanos()));
    let tail: String = d
        .iter()
        .take(17)
        .map(|b| char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(b % 32) as usize]))
        .collect();
    format!("AROA{tail}")
}

/// Answers one IAM request (its form parameters decoded).
pub async fn handle(iam: &Iam, form: &[u8]) -> Answer {
    let params = Params(form_urlencoded::parse(form).into_owned().collect());
    let request_id = crate::aws::id::request_id();
    let action = params.get("Action").unwrap_or_default().to_string();
    match run(iam, &action, &params).await {
        Ok(result) => (200, response(&action, &result, &request_id)),
        Err(f) => (f.status, error(f.code, &f.message, &request_id)),
    }
}

async fn run(iam: &Iam, action: &str, p: &Params) -> Result<String, Fault> {
    let storage = |m: String| fault(500, "ServiceFailure", m);
    match action {
        "CreateRole" => {
            let name = p.required("RoleName", "roleName")?;
            let trust = p.required("AssumeRolePolicyDocument", "assumeRolePolicyDocument")?;
            check_name(name, "roleName", 64)?;
            let path = p.get("Path").unwrap_or("/");
            if !(path.starts_with('/') && path.ends_with('/')) || path.len() > 512 {
                return Err(pattern_error(
                    path,
                    "path",
                    "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
                ));
            }
            check_policy(trust)?;
            let tags = p.tags("Tags");
            if tags.len() > 50 {
                return Err(fault(
                    400,
                    "LimitExceeded",
                    "Cannot exceed quota for TagsPerRole: 50.",
                ));
            }
            let _one = iam.control.lock().await;
            if iam.get(name).is_some() {
                return Err(fault(
                    409,
                    "EntityAlreadyExists",
                    format!("Role with name {name} already exists."),
                ));
            }
            let role = Role {
                name: name.to_string(),
                path: path.to_string(),
                id: role_id(name),
                arn: format!("arn:aws:iam::{LOCAL_ACCOUNT}:role{path}{name}"),
                trust: trust.to_string(),
                description: p.get("Description").unwrap_or_default().to_string(),
                created: crate::aws::clock::iso8601(crate::aws::clock::unix_millis()),
                max_session: p
                    .get("MaxSessionDuration")
                    .and_then(|m| m.parse().ok())
                    .unwrap_or(3600),
                tags,
                policies: Default::default(),
            };
            iam.save(name, Some(role.clone())).await.map_err(storage)?;
            Ok(format!("<Role>{}</Role>", role_xml(&role, true)))
        }
        "GetRole" => {
            let name = p.required("RoleName", "roleName")?;
            let role = iam.get(name).ok_or_else(|| no_role(name))?;
            Ok(format!("<Role>{}</Role>", role_xml(&role, true)))
        }
        "DeleteRole" => {
            let name = p.required("RoleName", "roleName")?;
            let _one = iam.control.lock().await;
            let role = iam.get(name).ok_or_else(|| no_role(name))?;
            if !role.policies.is_empty() {
                return Err(fault(
                    409,
                    "DeleteConflict",
                    "Cannot delete entity, must delete policies first.",
                ));
            }
            iam.save(name, None).await.map_err(storage)?;
            Ok(String::new())
        }
        "ListRoles" => {
            let prefix = p.get("PathPrefix").unwrap_or("/");
            let roles: Vec<String> = iam
                .all()
                .iter()
                .filter(|r| r.path.starts_with(prefix))
                .map(|r| role_xml(r, false))
                .collect();
            Ok(format!(
                "{}{}",
                members("Roles", &roles),
                el("IsTruncated", "false")
            ))
        }
        "PutRolePolicy" => {
            let name = p.required("RoleName", "roleName")?;
            let policy = p.required("PolicyName", "policyName")?;
            let document = p.required("PolicyDocument", "policyDocument")?;
            check_name(policy, "policyName", 128)?;
            check_policy(document)?;
            let _one = iam.control.lock().await;
            let mut role = iam.get(name).ok_or_else(|| no_role(name))?;
            role.policies
                .insert(policy.to_string(), document.to_string());
            iam.save(name, Some(role)).await.map_err(storage)?;
            Ok(String::new())
        }
        "GetRolePolicy" | "DeleteRolePolicy" => {
            let name = p.required("RoleName", "roleName")?;
            let policy = p.required("PolicyName", "policyName")?;
            let _one = iam.control.lock().await;
            let mut role = iam.get(name).ok_or_else(|| no_role(name))?;
            let missing = || {
                fault(
                    404,
                    "NoSuchEntity",
                    format!("The role policy with name {policy} cannot be found."),
                )
            };
            if action == "GetRolePolicy" {
                let document = role.policies.get(policy).ok_or_else(missing)?;
                return Ok(format!(
                    "{}{}{}",
                    el("RoleName", &role.name),
                    el("PolicyName", policy),
                    el("PolicyDocument", &encoded(document))
                ));
            }
            role.policies.remove(policy).ok_or_else(missing)?;
            let key = role.name.clone();
            iam.save(&key, Some(role)).await.map_err(storage)?;
            Ok(String::new())
        }
        "ListRolePolicies" => {
            let name = p.required("RoleName", "roleName")?;
            let role = iam.get(name).ok_or_else(|| no_role(name))?;
            let names: Vec<String> = role.policies.keys().map(|k| escape(k)).collect();
            Ok(format!(
                "{}{}",
                members("PolicyNames", &names),
                el("IsTruncated", "false")
            ))
        }
        "TagRole" | "UntagRole" => {
            let name = p.required("RoleName", "roleName")?;
            let _one = iam.control.lock().await;
            let mut role = iam.get(name).ok_or_else(|| no_role(name))?;
            if action == "TagRole" {
                for (k, v) in p.tags("Tags") {
                    match role.tags.iter_mut().find(|(key, _)| *key == k) {
                        Some(t) => t.1 = v,
                        None => role.tags.push((k, v)),
                    }
                }
                if role.tags.len() > 50 {
                    return Err(fault(
                        400,
                        "LimitExceeded",
                        "Cannot exceed quota for TagsPerRole: 50.",
                    ));
                }
            } else {
                let keys = p.list("TagKeys");
                role.tags.retain(|(k, _)| !keys.contains(k));
            }
            let key = role.name.clone();
            iam.save(&key, Some(role)).await.map_err(storage)?;
            Ok(String::new())
        }
        "ListRoleTags" => {
            let name = p.required("RoleName", "roleName")?;
            let role = iam.get(name).ok_or_else(|| no_role(name))?;
            Ok(format!(
                "{}{}",
                tags_xml(&role.tags),
                el("IsTruncated", "false")
            ))
        }
        other => Err(fault(
            400,
            "InvalidAction",
            format!("Could not find operation {other} for version 2010-05-08"),
        )),
    }
}

/// STS GetCallerIdentity: every local caller is the emulator's account.
pub fn caller_identity(form: &[u8]) -> Answer {
    let params = Params(form_urlencoded::parse(form).into_owned().collect());
    let request_id = crate::aws::id::request_id();
    if params.get("Action") != Some("GetCallerIdentity") {
        return (
            400,
            error(
                "InvalidAction",
                &format!(
                    "Could not find operation {} for version 2011-06-15",
                    params.get("Action").unwrap_or_default()
                ),
                &request_id,
            )
            .replace(
                "iam.amazonaws.com/doc/2010-05-08",
                "sts.amazonaws.com/doc/2011-06-15",
            ),
        );
    }
    let result = format!(
        "{}{}{}",
        el("Arn", &format!("arn:aws:iam::{LOCAL_ACCOUNT}:root")),
        el("UserId", LOCAL_ACCOUNT),
        el("Account", LOCAL_ACCOUNT)
    );
    let xml = response("GetCallerIdentity", &result, &request_id).replace(
        "iam.amazonaws.com/doc/2010-05-08",
        "sts.amazonaws.com/doc/2011-06-15",
    );
    (200, xml)
}
