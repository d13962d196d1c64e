//! IAM through aws-sdk-iam: the roles gatekit makes for functions, read into
//! `plan`'s `RoleSpec` and applied (role, its one inline policy, its tags).

use std::collections::BTreeMap;

use aws_sdk_iam::Client;
use aws_sdk_iam::types::Tag;
use serde_json::Value as Json;

use crate::cloud::{CloudError, Step};
use crate::plan::role::{POLICY_NAME, RoleSpec, RoleUpdate, lambda_trust};
use crate::plan::{Facts, Live, Ownership, Spec};

/// IAM returns policy documents URL-encoded (RFC 3986); some endpoints return them
/// as they are. Decoding a document that is plain JSON leaves it as it is.
fn decode(document: &str) -> Json {
    if let Ok(v) = serde_json::from_str(document) {
        return v;
    }
    let bytes = document.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    serde_json::from_slice(&out).unwrap_or(Json::Null)
}

fn not_found(e: &CloudError) -> bool {
    e.code() == Some("NoSuchEntity") || e.code() == Some("NoSuchEntityException")
}

/// Every role name (ListRoles, all pages).
async fn role_names(client: &Client) -> Result<Vec<String>, CloudError> {
    let mut names = Vec::new();
    let mut marker = None;
    loop {
        let out = client
            .list_roles()
            .set_marker(marker)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("ListRoles", "", e))?;
        names.extend(out.roles().iter().map(|r| r.role_name().to_string()));
        marker = out.marker().map(String::from);
        if !out.is_truncated() || marker.is_none() {
            return Ok(names);
        }
    }
}

async fn read_one(
    client: &Client,
    name: &str,
    project: &str,
    target: &str,
) -> Result<Option<Live>, CloudError> {
    let tags = match client.list_role_tags().role_name(name).send().await {
        Ok(out) => out
            .tags()
            .iter()
            .map(|t| (t.key().to_string(), t.value().to_string()))
            .collect::<BTreeMap<_, _>>(),
        Err(e) => {
            let err = CloudError::from_sdk("ListRoleTags", name, e);
            return if not_found(&err) { Ok(None) } else { Err(err) };
        }
    };
    let ownership = Ownership::from_tags(&tags, project, target);
    let policy = match client
        .get_role_policy()
        .role_name(name)
        .policy_name(POLICY_NAME)
        .send()
        .await
    {
        Ok(out) => decode(out.policy_document()),
        Err(e) => {
            let err = CloudError::from_sdk("GetRolePolicy", name, e);
            if !not_found(&err) {
                return Err(err);
            }
            Json::Null
        }
    };
    let spec = Spec::Role(RoleSpec {
        policy,
        tags: tags
            .into_iter()
            .filter(|(k, _)| !k.starts_with("gatekit:"))
            .collect(),
    });
    Ok(Some(Live::read(
        name.to_string(),
        ownership,
        spec,
        "Active".into(),
        Facts::default(),
    )))
}

/// The roles that matter to the project: named in the plan, or with its prefix.
pub async fn roles(
    client: &Client,
    project: &str,
    target: &str,
    wanted: &[String],
) -> Result<Vec<Live>, CloudError> {
    let prefix = format!("{project}-{target}-");
    let names = role_names(client).await?;
    crate::cloud::read_candidates(names, &prefix, wanted, 16, |name| {
        let (client, project, target) = (client.clone(), project.to_string(), target.to_string());
        async move { read_one(&client, &name, &project, &target).await }
    })
    .await
}

fn tags(spec: &RoleSpec, ownership: &[(String, String)]) -> Vec<Tag> {
    spec.tags
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .chain(ownership.iter().cloned())
        .filter_map(|(k, v)| Tag::builder().key(k).value(v).build().ok())
        .collect()
}

async fn put_policy(client: &Client, name: &str, spec: &RoleSpec) -> Result<(), CloudError> {
    client
        .put_role_policy()
        .role_name(name)
        .policy_name(POLICY_NAME)
        .policy_document(spec.policy.to_string())
        .send()
        .await
        .map(|_| ())
        .map_err(|e| CloudError::from_sdk("PutRolePolicy", name, e))
}

pub async fn create(
    client: &Client,
    name: &str,
    spec: &RoleSpec,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    step("creating the role");
    let made = client
        .create_role()
        .role_name(name)
        .assume_role_policy_document(lambda_trust().to_string())
        .description("Made by gatekit for the function of the same name")
        .set_tags(Some(tags(spec, ownership)))
        .send()
        .await;
    if let Err(e) = made {
        let err = CloudError::from_sdk("CreateRole", name, e);
        // Made by a run that was killed before its policy: finish it.
        if err.code() != Some("EntityAlreadyExists") {
            return Err(err);
        }
    }
    put_policy(client, name, spec).await
}

pub async fn update(
    client: &Client,
    name: &str,
    spec: &RoleSpec,
    update: &RoleUpdate,
    ownership: &[(String, String)],
    step: Step<'_>,
) -> Result<(), CloudError> {
    if update.policy {
        step("updating the policy");
        put_policy(client, name, spec).await?;
    }
    if let Some(t) = &update.tags {
        client
            .tag_role()
            .role_name(name)
            .set_tags(Some(tags(spec, ownership)))
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("TagRole", name, e))?;
        if !t.remove.is_empty() {
            client
                .untag_role()
                .role_name(name)
                .set_tag_keys(Some(t.remove.clone()))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("UntagRole", name, e))?;
        }
    }
    Ok(())
}

pub async fn delete(client: &Client, name: &str, step: Step<'_>) -> Result<(), CloudError> {
    step("deleting the role");
    if let Err(e) = client
        .delete_role_policy()
        .role_name(name)
        .policy_name(POLICY_NAME)
        .send()
        .await
    {
        let err = CloudError::from_sdk("DeleteRolePolicy", name, e);
        if !not_found(&err) {
            return Err(err);
        }
    }
    match client.delete_role().role_name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let err = CloudError::from_sdk("DeleteRole", name, e);
            if not_found(&err) { Ok(()) } else { Err(err) }
        }
    }
}

/// The inline policy gatekit keeps on a role (None: no such role or policy).
pub async fn inline_policy(client: &Client, role: &str) -> Result<Option<Json>, CloudError> {
    match client
        .get_role_policy()
        .role_name(role)
        .policy_name(POLICY_NAME)
        .send()
        .await
    {
        Ok(out) => Ok(Some(decode(out.policy_document()))),
        Err(e) => {
            let err = CloudError::from_sdk("GetRolePolicy", role, e);
            if not_found(&err) { Ok(None) } else { Err(err) }
        }
    }
}
