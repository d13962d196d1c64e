//! The gatekit.yaml model. The doc comments are the field reference: they feed the
//! JSON Schema (`gatekit schema`) that editors use for completion and checks.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A gatekit project: API Gateway REST APIs, Lambda functions and DynamoDB tables.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gatekit.yaml")]
pub struct ProjectFile {
    /// The project's name. Physical names are `{project}-{target}-{logical name}`.
    /// Letters, digits and `-`, starting with a letter. Required.
    #[schemars(length(min = 1, max = 32))]
    pub project: String,
    /// Where the project deploys. `local`, the embedded emulator, always exists and
    /// is the default target. Default: `{local: {}}`.
    #[serde(default)]
    pub targets: IndexMap<String, Target>,
    /// DynamoDB tables by logical name. Default: none.
    #[serde(default)]
    pub tables: IndexMap<String, Table>,
    /// Lambda functions by logical name. Default: none.
    #[serde(default)]
    pub functions: IndexMap<String, Function>,
    /// API Gateway REST APIs by logical name. Default: none.
    #[serde(default)]
    pub apis: IndexMap<String, Api>,
}

/// A target: the embedded emulator (`local`) or an AWS-API endpoint.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// AWS region. Default: the AWS environment's (AWS_REGION, the profile), and
    /// `us-east-1` for `local`.
    #[serde(default)]
    pub region: Option<String>,
    /// AWS profile for credentials. Default: the standard AWS credential chain.
    #[serde(default)]
    pub profile: Option<String>,
    /// An AWS-compatible endpoint (moto, LocalStack, ...). Default: AWS itself.
    #[serde(default)]
    pub endpoint_url: Option<String>,
    /// `local` only: the Python interpreter that runs Python functions. Default: `python3` on PATH.
    #[serde(default)]
    pub python: Option<String>,
    /// `local` only: the Node.js binary that runs Node.js functions. Default: `node` on PATH.
    #[serde(default)]
    pub node: Option<String>,
    /// `local` only: the emulator's store, relative to gatekit.yaml. Default: `.gatekit/local`.
    #[serde(default)]
    pub data_dir: Option<String>,
    /// `local` only: the port `gatekit local serve` listens on, and so the port in
    /// `${apis.A.url}` and every local API URL. Default: 4566.
    #[serde(default)]
    #[schemars(range(min = 1, max = 65535))]
    pub port: Option<u16>,
    /// `local` only: the account's concurrency limit, which functions without
    /// reserved concurrency share. Default: 1000, as on AWS.
    #[serde(default)]
    #[schemars(range(min = 1, max = 100000))]
    pub concurrency: Option<u32>,
    /// Values that `${vars.NAME}` stands for on this target. A name used anywhere
    /// must be defined for every target (`local` included). Default: none.
    #[serde(default)]
    pub variables: IndexMap<String, String>,
}

/// A DynamoDB table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Physical name override. Default: `{project}-{target}-{logical name}`.
    #[serde(default)]
    pub name: Option<String>,
    /// The primary key. Required.
    pub key: TableKey,
    /// Global secondary indexes by name. Default: none.
    #[serde(default)]
    pub indexes: IndexMap<String, GlobalIndex>,
    /// Local secondary indexes by name (they share the table's partition key). Default: none.
    #[serde(default)]
    pub local_indexes: IndexMap<String, LocalIndex>,
    /// The attribute that holds each item's expiry time (epoch seconds). Default: no TTL.
    #[serde(default)]
    pub ttl: Option<String>,
    /// A DynamoDB stream of the table's changes, with what each record holds:
    /// `new_and_old_images`, `new_image`, `old_image` or `keys_only`. Default: no stream.
    #[serde(default)]
    pub stream: Option<StreamView>,
    /// `on_demand` or `{provisioned: {read: N, write: N}}`. Default: `on_demand`.
    #[serde(default)]
    pub billing: Billing,
    /// Sets DeletionProtectionEnabled. Default: `false`.
    #[serde(default)]
    pub protect: bool,
    /// Resource tags. Keys starting `aws:` or `gatekit:` are reserved. Default: none.
    #[serde(default)]
    pub tags: IndexMap<String, String>,
    /// The item model that gatekit enforces on every write it makes. Default: none.
    #[serde(default)]
    pub items: Option<ItemModel>,
}

/// A key: `attribute:TYPE` with TYPE one of S, N, B.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableKey {
    /// Partition key, e.g. `owner:S`. Required.
    pub partition: String,
    /// Sort key, e.g. `id:S`. Default: none.
    #[serde(default)]
    pub sort: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlobalIndex {
    /// Partition key, e.g. `status:S`. Required.
    pub partition: String,
    /// Sort key, e.g. `due:N`. Default: none.
    #[serde(default)]
    pub sort: Option<String>,
    /// `all`, `keys_only`, or a list of attributes to include. Default: `all`.
    #[serde(default)]
    pub projection: Projection,
    /// Provisioned capacity of the index, for provisioned tables. Default: the table's.
    #[serde(default)]
    pub capacity: Option<Capacity>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalIndex {
    /// Sort key, e.g. `due:N`. Required.
    pub sort: String,
    /// `all`, `keys_only`, or a list of attributes to include. Default: `all`.
    #[serde(default)]
    pub projection: Projection,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Projection {
    Kind(ProjectionKind),
    /// INCLUDE: the keys plus these attributes.
    Include(Vec<String>),
}

impl Default for Projection {
    fn default() -> Self {
        Projection::Kind(ProjectionKind::All)
    }
}

/// What a stream record holds (DynamoDB's StreamViewType).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StreamView {
    NewAndOldImages,
    NewImage,
    OldImage,
    KeysOnly,
}

impl StreamView {
    /// DynamoDB's name: `NEW_AND_OLD_IMAGES`, ...
    pub fn aws_name(self) -> &'static str {
        match self {
            StreamView::NewAndOldImages => "NEW_AND_OLD_IMAGES",
            StreamView::NewImage => "NEW_IMAGE",
            StreamView::OldImage => "OLD_IMAGE",
            StreamView::KeysOnly => "KEYS_ONLY",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectionKind {
    All,
    KeysOnly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Billing {
    Mode(BillingMode),
    Provisioned(ProvisionedBilling),
}

impl Default for Billing {
    fn default() -> Self {
        Billing::Mode(BillingMode::OnDemand)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BillingMode {
    OnDemand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisionedBilling {
    pub provisioned: Capacity,
}

/// Provisioned read and write capacity units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Read capacity units, at least 1. Required.
    #[schemars(range(min = 1))]
    pub read: u64,
    /// Write capacity units, at least 1. Required.
    #[schemars(range(min = 1))]
    pub write: u64,
}

/// A Dynamoose-style item model.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemModel {
    /// `allow` or `refuse` attributes the model does not name. Default: `allow`.
    #[serde(default)]
    pub unknown: UnknownAttributes,
    /// The attributes by name. Default: none.
    #[serde(default)]
    pub attributes: IndexMap<String, AttributeModel>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnknownAttributes {
    #[default]
    Allow,
    Refuse,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeModel {
    /// The attribute's type. Required.
    #[serde(rename = "type")]
    pub kind: AttributeType,
    /// The item must have it. Default: `false` (`true`, always, for key attributes).
    #[serde(default)]
    pub required: Option<bool>,
    /// Written when the item has no value. Default: none.
    #[serde(default)]
    pub default: Option<serde_json::Value>,
    /// The only values allowed (string and number). Default: any.
    #[serde(default, rename = "enum")]
    pub allowed: Option<Vec<serde_json::Value>>,
    /// Smallest number allowed (number). Default: none.
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest number allowed (number). Default: none.
    #[serde(default)]
    pub max: Option<f64>,
    /// Shortest length: characters, bytes or elements (string, binary, sets, list, map). Default: none.
    #[serde(default)]
    pub min_length: Option<u64>,
    /// Longest length: characters, bytes or elements (string, binary, sets, list, map). Default: none.
    #[serde(default)]
    pub max_length: Option<u64>,
    /// A regular expression the whole value must match (string). Default: none.
    #[serde(default)]
    pub pattern: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttributeType {
    String,
    Number,
    Boolean,
    Binary,
    StringSet,
    NumberSet,
    BinarySet,
    List,
    Map,
    Null,
}

impl AttributeType {
    pub fn name(self) -> &'static str {
        match self {
            AttributeType::String => "string",
            AttributeType::Number => "number",
            AttributeType::Boolean => "boolean",
            AttributeType::Binary => "binary",
            AttributeType::StringSet => "string_set",
            AttributeType::NumberSet => "number_set",
            AttributeType::BinarySet => "binary_set",
            AttributeType::List => "list",
            AttributeType::Map => "map",
            AttributeType::Null => "null",
        }
    }
}

/// A Lambda function.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Function {
    /// Physical name override. Default: `{project}-{target}-{logical name}`.
    #[serde(default)]
    pub name: Option<String>,
    /// A Lambda runtime identifier: python3.x, nodejsN.x or provided.al2023. Required.
    #[schemars(schema_with = "runtime_schema")]
    pub runtime: String,
    /// `module.function` (Python), `file.function` (Node.js), or the executable's name (provided). Required.
    pub handler: String,
    /// The folder packaged as the function's code, relative to gatekit.yaml.
    /// Default: `functions/{logical name}`.
    #[serde(default)]
    pub code: Option<String>,
    /// A shell command run in `code` before packaging. Default: none.
    #[serde(default)]
    pub build: Option<String>,
    /// The folder packaged instead of `code`, after `build`. Default: `code`.
    #[serde(default)]
    pub artifact: Option<String>,
    /// Memory in MB, 128 to 10240. Default: 128.
    #[serde(default = "default_memory")]
    #[schemars(range(min = 128, max = 10240))]
    pub memory: u32,
    /// Timeout in seconds, 1 to 900. Default: 3.
    #[serde(default = "default_timeout")]
    #[schemars(range(min = 1, max = 900))]
    pub timeout: u32,
    /// Reserved concurrency. Default: none (the account's unreserved pool).
    #[serde(default)]
    pub concurrency: Option<u32>,
    /// An existing IAM role ARN. Default: a role gatekit makes from `access`.
    #[serde(default)]
    pub role: Option<String>,
    /// Environment variables; values may use `${...}` references. Default: none.
    #[serde(default)]
    pub environment: IndexMap<String, String>,
    /// Table access by table logical name: `read`, `write` or `read_write`. Default: none.
    #[serde(default)]
    pub access: IndexMap<String, Access>,
    /// The instruction set: `x86_64` or `arm64`. Default: `x86_64`.
    #[serde(default)]
    pub architecture: Architecture,
    /// Globs of files left out of the package, beside the defaults (`.git/`,
    /// `.gatekit/`, `__pycache__/`, `.DS_Store`, gatekit.yaml). Default: none.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Resource tags. Default: none.
    #[serde(default)]
    pub tags: IndexMap<String, String>,
    /// Table changes that run this function (Lambda event source mappings on the
    /// tables' DynamoDB streams). Default: none.
    #[serde(default)]
    pub events: Vec<TableEvent>,
}

/// A trigger: the function runs on batches of a table's stream records. The table
/// gets `stream: new_and_old_images` unless it names a stream of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableEvent {
    /// The table's logical name. Required.
    pub table: String,
    /// Records per batch, 1 to 10000. Default: 100.
    #[serde(default = "default_batch_size")]
    #[schemars(range(min = 1, max = 10000))]
    pub batch_size: u32,
    /// Where a new trigger starts reading: `latest` (changes from now on) or
    /// `trim_horizon` (every record the stream still holds). Default: `latest`.
    #[serde(default)]
    pub start: StartPosition,
    /// Seconds to gather records before a batch that is not full goes, 0 to 300. Default: 0.
    #[serde(default)]
    #[schemars(range(min = 0, max = 300))]
    pub batch_window: u32,
    /// Retries of a failed batch, -1 (until its records expire) to 10000. Default: -1.
    #[serde(default = "minus_one")]
    #[schemars(range(min = -1, max = 10000))]
    pub retries: i32,
    /// Split a failed batch in two and retry the halves. Default: `false`.
    #[serde(default)]
    pub bisect_on_error: bool,
    /// Records older than this many seconds are passed over: -1 (never) or 60 to 604800. Default: -1.
    #[serde(default = "minus_one")]
    #[schemars(range(min = -1, max = 604800))]
    pub max_record_age: i32,
    /// Lambda filter patterns (one, or a list of up to 5): only matching records
    /// reach the function, e.g. `{eventName: [INSERT]}`. Default: every record.
    #[serde(default)]
    pub filter: Option<serde_json::Value>,
    /// Whether the trigger runs. Default: `true`.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn default_batch_size() -> u32 {
    100
}

fn minus_one() -> i32 {
    -1
}

fn yes() -> bool {
    true
}

impl TableEvent {
    /// The filter's patterns as Lambda takes them: JSON text, one per filter.
    pub fn patterns(&self) -> Vec<String> {
        match &self.filter {
            None => Vec::new(),
            Some(serde_json::Value::Array(list)) => list.iter().map(|p| p.to_string()).collect(),
            Some(one) => vec![one.to_string()],
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StartPosition {
    #[default]
    Latest,
    TrimHorizon,
}

impl StartPosition {
    pub fn aws_name(self) -> &'static str {
        match self {
            StartPosition::Latest => "LATEST",
            StartPosition::TrimHorizon => "TRIM_HORIZON",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Architecture {
    #[default]
    #[serde(rename = "x86_64")]
    X86_64,
    #[serde(rename = "arm64")]
    Arm64,
}

impl Architecture {
    pub fn name(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

fn default_memory() -> u32 {
    128
}

fn default_timeout() -> u32 {
    3
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Read,
    Write,
    ReadWrite,
}

impl Access {
    pub fn name(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::ReadWrite => "read_write",
        }
    }
}

/// An API Gateway REST API with Lambda proxy routes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Api {
    /// Physical name override. Default: `{project}-{target}-{logical name}`.
    #[serde(default)]
    pub name: Option<String>,
    /// The stage that deployments go to. Default: `v1`.
    #[serde(default = "default_stage")]
    pub stage: String,
    /// CORS answered for every route. Default: none.
    #[serde(default)]
    pub cors: Option<Cors>,
    /// `METHOD /path/{param}` to a function's logical name. Default: none.
    #[serde(default)]
    pub routes: IndexMap<String, String>,
    /// Stage variables (`event.stageVariables`); values may hold references. Default: none.
    #[serde(default)]
    pub variables: IndexMap<String, String>,
    /// Content types whose bodies are binary (base64 in the event), like `image/png`
    /// or `image/*`. Default: none.
    #[serde(default)]
    pub binary_media_types: Vec<String>,
    /// Resource tags. Default: none.
    #[serde(default)]
    pub tags: IndexMap<String, String>,
}

fn default_stage() -> String {
    "v1".into()
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cors {
    /// Allowed origins, or `["*"]`. Default: `["*"]`.
    #[serde(default = "default_origins")]
    pub origins: Vec<String>,
    /// Allowed methods. Default: the methods the routes use.
    #[serde(default)]
    pub methods: Vec<String>,
    /// Allowed request headers. Default: `[content-type, authorization]`.
    #[serde(default = "default_cors_headers")]
    pub headers: Vec<String>,
    /// Access-Control-Max-Age in seconds. Default: none.
    #[serde(default)]
    pub max_age: Option<u32>,
    /// Access-Control-Allow-Credentials. Default: `false`.
    #[serde(default)]
    pub credentials: bool,
}

fn default_origins() -> Vec<String> {
    vec!["*".into()]
}

fn default_cors_headers() -> Vec<String> {
    vec!["content-type".into(), "authorization".into()]
}

/// The JSON Schema of gatekit.yaml (draft-07, which every YAML editor plugin reads).
/// The runtimes AWS still deploys, as an enum editors complete and check (retired
/// ones are refused by `validate`, with the runtime to move to).
fn runtime_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let ids: Vec<&str> = crate::aws::runtime::RUNTIMES
        .iter()
        .filter(|r| r.support != crate::aws::runtime::Support::Retired)
        .map(|r| r.id)
        .collect();
    schemars::json_schema!({
        "type": "string",
        "enum": ids,
        (super::shape::RULE_CHECKED): true,
        "description": "A Lambda runtime identifier: python3.x, nodejsN.x or provided.al2023. Required."
    })
}

pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<ProjectFile>().to_value()
}
