//! ListTags, TagResource, UntagResource on functions.

use serde_json::{Value as Json, json};

use super::error::LambdaError;
use super::{
    HttpReply, Shape, check_shapes, decode, empty, function, json_reply, read, require, update,
};
use crate::local::lambda::Lambda;

pub(super) fn list(l: &Lambda, region: &str, name: &str) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    Ok(json_reply(200, &json!({ "Tags": read(&f).tags })))
}

pub(super) async fn tag(
    l: &Lambda,
    region: &str,
    name: &str,
    body: &Json,
) -> Result<HttpReply, LambdaError> {
    check_shapes(body, &[("Tags", Shape::TextMap)])?;
    require(body, &[("Tags", "tags")])?;
    let f = function(l, region, name)?;
    let tags = body
        .get("Tags")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    update(l, &f, |c| {
        c.tags.extend(
            tags.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())),
        );
        Ok(())
    })
    .await?;
    Ok(empty(204))
}

pub(super) async fn untag(
    l: &Lambda,
    region: &str,
    name: &str,
    query: Option<&str>,
) -> Result<HttpReply, LambdaError> {
    let f = function(l, region, name)?;
    let keys: Vec<String> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|p| p.strip_prefix("tagKeys="))
        .map(decode)
        .collect();
    update(l, &f, |c| {
        c.tags.retain(|k, _| !keys.contains(k));
        Ok(())
    })
    .await?;
    Ok(empty(204))
}
