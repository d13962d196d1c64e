//! Where an API Gateway stage answers: on AWS, the API's execute-api host; on the
//! emulator, the `/_aws/execute-api` path form, which needs no DNS.

/// A deployed stage on the emulator: where it answers and where its reference is.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StageUrls {
    pub api: String,
    pub stage: String,
    pub url: String,
    pub docs: String,
}

/// The port `gatekit local serve` listens on unless told otherwise (LocalStack's).
pub const LOCAL_PORT: u16 = 4566;

/// A stage's invoke URL on AWS.
pub fn aws(id: &str, region: &str, stage: &str) -> String {
    format!("https://{id}.execute-api.{region}.amazonaws.com/{stage}")
}

/// A stage's invoke URL on the emulator at `endpoint` (`http://127.0.0.1:4566`).
pub fn emulator(endpoint: &str, id: &str, stage: &str) -> String {
    format!(
        "{}/_aws/execute-api/{id}/{stage}",
        endpoint.trim_end_matches('/')
    )
}

/// The emulator's endpoint on a loopback port.
pub fn loopback(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_forms() {
        assert_eq!(
            aws("a1b2c3d4e5", "eu-west-1", "prod"),
            "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod"
        );
        assert_eq!(
            emulator(&loopback(4566), "a1b2c3d4e5", "dev"),
            "http://127.0.0.1:4566/_aws/execute-api/a1b2c3d4e5/dev"
        );
        assert_eq!(
            emulator("http://127.0.0.1:9/", "x", "s"),
            "http://127.0.0.1:9/_aws/execute-api/x/s"
        );
    }
}
