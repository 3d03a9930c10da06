//! Reading statements from a learning record store: `GET {endpoint}/statements`, then each
//! `more` link until there is none. The credential comes from the environment and is sent only
//! to the endpoint's own origin (a `more` link to another origin is refused, redirects are not
//! followed), and never printed.

use std::time::Duration;

use serde::Deserialize;
use serde_json::value::RawValue;

/// The environment variable holding the whole `Authorization` header value (`Basic …`).
pub const AUTH_VARIABLE: &str = "AWARE_LRS_AUTH";

/// The most pages read: a guard against a store whose `more` links go round in a circle.
const MAX_PAGES: usize = 1_000_000;
/// The largest page accepted.
const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

pub struct Client {
    agent: ureq::Agent,
    statements: String,
    origin: String,
    authorization: String,
    version: String,
}

/// One page of `GET /statements`.
#[derive(Deserialize)]
struct StatementResult {
    statements: Vec<Box<RawValue>>,
    #[serde(default)]
    more: String,
}

impl Client {
    /// `endpoint` is the store's xAPI base (`https://lrs.example.org/xapi`, with or without a
    /// trailing `/`); `version` the `X-Experience-API-Version` to send.
    pub fn new(endpoint: &str, version: &str) -> Result<Client, String> {
        let authorization = std::env::var(AUTH_VARIABLE)
            .ok()
            .filter(|value| !value.trim().is_empty())
            .ok_or_else(|| format!("set {AUTH_VARIABLE} to the read credential's Authorization header (Basic …)"))?;
        let endpoint = endpoint.trim_end_matches('/');
        let origin = origin(endpoint).ok_or_else(|| format!("{endpoint} is not an http:// or https:// address"))?;
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(120)))
            .max_redirects(0)
            .build()
            .into();
        Ok(Client {
            agent,
            statements: format!("{endpoint}/statements"),
            origin: origin.to_owned(),
            authorization,
            version: version.to_owned(),
        })
    }

    /// Calls `each` with every statement's JSON, oldest first, page by page; returns how many.
    pub fn for_each_statement(&self, mut each: impl FnMut(&str)) -> Result<usize, String> {
        let mut url = format!("{}?ascending=true", self.statements);
        let mut count = 0;
        for _ in 0..MAX_PAGES {
            let page = self.get(&url)?;
            let page: StatementResult =
                serde_json::from_str(&page).map_err(|e| format!("{url}: not a statement result ({e})"))?;
            for statement in &page.statements {
                each(statement.get());
            }
            count += page.statements.len();
            if page.more.is_empty() {
                return Ok(count);
            }
            url = self.resolve(&page.more)?;
        }
        Err(format!("more than {MAX_PAGES} pages: the store's `more` links do not end"))
    }

    fn get(&self, url: &str) -> Result<String, String> {
        let mut response = self
            .agent
            .get(url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", &self.version)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| format!("{url}: {e}"))?;
        response.body_mut().with_config().limit(MAX_PAGE_BYTES).read_to_string().map_err(|e| format!("{url}: {e}"))
    }

    /// A `more` link: absolute on the same origin, absolute-path, or relative to the endpoint.
    fn resolve(&self, more: &str) -> Result<String, String> {
        match origin(more) {
            Some(other) if other != self.origin => {
                Err(format!("the store's next page is on another site ({other}); the credential is not sent there"))
            }
            Some(_) => Ok(more.to_owned()),
            None if more.starts_with('/') => Ok(format!("{}{more}", self.origin)),
            None => {
                let base = self.statements.rsplit_once('/').map_or(self.statements.as_str(), |(base, _)| base);
                Ok(format!("{base}/{more}"))
            }
        }
    }
}

/// `scheme://authority` of an http(s) URL.
fn origin(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (end > 0).then(|| &url[..url.len() - rest.len() + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(endpoint: &str) -> Client {
        Client {
            agent: ureq::Agent::new_with_defaults(),
            statements: format!("{endpoint}/statements"),
            origin: origin(endpoint).unwrap().to_owned(),
            authorization: "Basic x".into(),
            version: "2.0.0".into(),
        }
    }

    #[test]
    fn more_links_stay_on_the_stores_origin() {
        let client = client("https://read.example.org/xapi");
        for (more, url) in [
            (
                "https://read.example.org/xapi/statements/more/?sid=1",
                "https://read.example.org/xapi/statements/more/?sid=1",
            ),
            ("/xapi/statements?more=2", "https://read.example.org/xapi/statements?more=2"),
            ("statements/more/3", "https://read.example.org/xapi/statements/more/3"),
        ] {
            assert_eq!(client.resolve(more), Ok(url.to_owned()), "{more}");
        }
        for elsewhere in [
            "https://evil.example/xapi/statements?more=1",
            "http://read.example.org/x",
            "https://read.example.org:8443/x",
        ] {
            assert!(client.resolve(elsewhere).is_err(), "{elsewhere}");
        }
    }

    #[test]
    fn origins_are_scheme_and_authority() {
        assert_eq!(origin("https://a.example.org/xapi"), Some("https://a.example.org"));
        assert_eq!(origin("http://127.0.0.1:8080"), Some("http://127.0.0.1:8080"));
        assert_eq!(origin("http://127.0.0.1:8080?x"), Some("http://127.0.0.1:8080"));
        assert_eq!(origin("ftp://a.example.org"), None);
        assert_eq!(origin("https://"), None);
    }
}
