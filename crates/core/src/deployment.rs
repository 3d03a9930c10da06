//! A deployment's settings: what a school network, an NGO or a campaign may change without
//! touching code. Written in `deployment.toml`, read at build time (see
//! `content::compile::read_deployment`), and used by the app (`build.rs` makes constants of it),
//! the `aware` command line (reports use the same minimum group size) and the release packaging
//! (the Content-Security-Policy lists the embedding sites and the learning record store).

use std::fmt;

use crate::study::MinGroupSize;

/// Everything `deployment.toml` says, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    /// Where "Exit this page" goes: a neutral everyday site (always `https://`).
    pub exit_url: String,
    /// The language used when nothing else asks for one (a locale id of `locales/locales.toml`).
    pub default_locale: String,
    /// Class reports hide results of smaller groups.
    pub min_group_size: MinGroupSize,
    /// Sites that may embed Aware's quizzes: the embed view's `frame-ancestors`, and the only
    /// parent origins the embedded quiz talks to. Empty: nobody may embed Aware.
    pub embed_origins: Vec<Origin>,
    /// Where the embedded quizzes send xAPI statements; `None` (the default): nowhere.
    pub xapi: Option<XapiEndpoint>,
}

/// A web origin (`scheme://host[:port]`), nothing more: no path, no query, no credentials.
/// `https` always; plain `http` only for the loopback host, so tests can run without certificates.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin(String);

/// Why a text is not an [`Origin`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnOrigin(pub &'static str);

impl Origin {
    pub fn parse(text: &str) -> Result<Origin, NotAnOrigin> {
        let (scheme, rest) = text.split_once("://").ok_or(NotAnOrigin("must start with https://"))?;
        if rest.is_empty() {
            return Err(NotAnOrigin("has no host"));
        }
        if rest.contains(['/', '?', '#', '@', ' ', '*']) {
            return Err(NotAnOrigin("must be only scheme://host[:port], without a path, `*` or credentials"));
        }
        let (host, port) = match rest.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        };
        if let Some(port) = port
            && port.parse::<u16>().map_or(true, |port| port == 0)
        {
            return Err(NotAnOrigin("has a port that is not a number from 1 to 65535"));
        }
        let host_ok = !host.is_empty()
            && host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
        if !host_ok {
            return Err(NotAnOrigin("has a host that is not written in lower-case letters, digits, `.` and `-`"));
        }
        if matches!((scheme, port), ("https", Some("443")) | ("http", Some("80"))) {
            // Browsers leave the default port out of `event.origin` and `Origin:`, and origins
            // are compared exactly.
            return Err(NotAnOrigin("must leave out the default port"));
        }
        match scheme {
            "https" => {}
            "http" if host == "localhost" || host == "127.0.0.1" => {}
            "http" => return Err(NotAnOrigin("must use https:// (plain http only for localhost and 127.0.0.1)")),
            _ => return Err(NotAnOrigin("must start with https://")),
        }
        Ok(Origin(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Aware's own public address: an origin and, when Aware is served from a folder, its path
/// (`https://aware.example.org`, `https://example.org/aware`), without a trailing `/`. xAPI
/// activity ids and the anonymous accounts' home page are built from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// A trailing `/` is dropped, so `https://a.org/` and `https://a.org` are the same site.
    pub fn parse(text: &str) -> Result<SiteUrl, NotAnOrigin> {
        let text = text.strip_suffix('/').unwrap_or(text);
        let (scheme, rest) = text.split_once("://").ok_or(NotAnOrigin("must start with https://"))?;
        let (authority, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
        Origin::parse(&format!("{scheme}://{authority}"))?;
        let path_ok = path.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._~/".contains(&b))
            && !path.contains("//")
            && !path.split('/').any(|segment| segment == "." || segment == "..");
        if !path_ok {
            return Err(NotAnOrigin("must have a path of lower-case letters, digits, `-`, `.`, `_`, `~` and `/` only"));
        }
        Ok(SiteUrl(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A learning record store's statements resource, as browsers reach it. It is public: anything
/// shipped to browsers is, so it must be a proxy that holds the store's credential itself and
/// accepts only statement writes (see `deploy/`), never the store's own address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XapiEndpoint {
    /// The full URL of the proxy's statements resource (`https://…/xapi/statements`).
    pub statements_url: String,
    /// The origin of `statements_url`: what the Content-Security-Policy's `connect-src` allows.
    pub origin: Origin,
    /// The `X-Experience-API-Version` header the store expects.
    pub version: XapiVersion,
    /// Aware's own address, which names the activities and the accounts in statements.
    pub site: SiteUrl,
    /// The share of items right on the first try at or above which a completed quiz is
    /// `passed` (below: `failed`), when the campaign sets one; without it no such statement is
    /// made (the quiz is formative: Aware has no pass mark of its own).
    pub pass_mark: Option<PassMark>,
}

/// A campaign's pass mark: a whole percentage from 1 to 100 of a quiz's items right on the
/// first try (`[xapi] pass_mark = 80`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassMark(u8);

impl PassMark {
    pub fn new(percent: i64) -> Option<PassMark> {
        u8::try_from(percent).ok().filter(|p| (1..=100).contains(p)).map(PassMark)
    }

    pub fn percent(self) -> u8 {
        self.0
    }

    /// Whether `raw` right of `max` reaches the mark (exactly: no rounding).
    pub fn is_passed_by(self, raw: u32, max: u32) -> bool {
        u64::from(raw) * 100 >= u64::from(self.0) * u64::from(max)
    }
}

/// The xAPI versions Aware's statements are valid under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XapiVersion {
    V1_0_3,
    V2_0_0,
}

impl XapiVersion {
    pub const ALL: [XapiVersion; 2] = [XapiVersion::V1_0_3, XapiVersion::V2_0_0];

    /// The header value.
    pub fn as_str(self) -> &'static str {
        match self {
            XapiVersion::V1_0_3 => "1.0.3",
            XapiVersion::V2_0_0 => "2.0.0",
        }
    }
}

impl XapiEndpoint {
    pub fn parse(statements_url: &str, version: &str, site: SiteUrl) -> Result<XapiEndpoint, NotAnOrigin> {
        let version = XapiVersion::ALL
            .into_iter()
            .find(|v| v.as_str() == version)
            .ok_or(NotAnOrigin("the xAPI version must be \"1.0.3\" or \"2.0.0\""))?;
        let (scheme, rest) = statements_url.split_once("://").ok_or(NotAnOrigin("must start with https://"))?;
        let authority_end =
            rest.find('/').ok_or(NotAnOrigin("must name the statements resource, e.g. /xapi/statements"))?;
        if rest.contains(['?', '#']) {
            return Err(NotAnOrigin("must not carry a query or fragment"));
        }
        let origin = Origin::parse(&format!("{scheme}://{}", &rest[..authority_end]))?;
        Ok(XapiEndpoint { statements_url: statements_url.to_owned(), origin, version, site, pass_mark: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for ok in ["https://campaign.example.org", "https://a.b:8443", "http://localhost:8701", "http://127.0.0.1:9"] {
            assert_eq!(Origin::parse(ok).map(|o| o.as_str().to_owned()), Ok(ok.to_owned()), "{ok}");
        }
        for bad in [
            "campaign.example.org",
            "http://campaign.example.org",
            "https://campaign.example.org/",
            "https://campaign.example.org/page",
            "https://*.example.org",
            "https://user@example.org",
            "https://Example.org",
            "https://example.org:0",
            "https://example.org:99999",
            "https://example.org:443",
            "http://localhost:80",
            "https://",
            "ftp://example.org",
            "javascript://x",
        ] {
            assert!(Origin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_pass_mark_is_a_whole_percentage_reached_exactly() {
        assert_eq!(PassMark::new(0), None);
        assert_eq!(PassMark::new(101), None);
        assert_eq!(PassMark::new(-5), None);
        let mark = PassMark::new(80).unwrap();
        assert!(mark.is_passed_by(4, 5) && mark.is_passed_by(8, 10) && mark.is_passed_by(5, 5));
        assert!(!mark.is_passed_by(3, 5) && !mark.is_passed_by(79, 100));
        assert!(PassMark::new(100).unwrap().is_passed_by(7, 7) && !PassMark::new(100).unwrap().is_passed_by(6, 7));
    }

    #[test]
    fn xapi_endpoint_gives_its_origin_and_refuses_unknown_versions() {
        let site = || SiteUrl::parse("https://aware.example.org").unwrap();
        let endpoint = XapiEndpoint::parse("https://lrs.example.org/xapi/statements", "2.0.0", site()).unwrap();
        assert_eq!(endpoint.origin.as_str(), "https://lrs.example.org");
        assert_eq!(endpoint.version, XapiVersion::V2_0_0);
        assert!(XapiEndpoint::parse("https://lrs.example.org/xapi/statements", "1.0.2", site()).is_err());
        assert!(XapiEndpoint::parse("https://lrs.example.org", "1.0.3", site()).is_err());
        assert!(XapiEndpoint::parse("http://lrs.example.org/xapi/statements", "1.0.3", site()).is_err());
        assert!(XapiEndpoint::parse("https://lrs.example.org/xapi/statements?key=1", "1.0.3", site()).is_err());
    }

    #[test]
    fn site_urls_are_an_origin_and_a_plain_path() {
        for (text, site) in [
            ("https://aware.example.org", "https://aware.example.org"),
            ("https://aware.example.org/", "https://aware.example.org"),
            ("https://example.org/aware", "https://example.org/aware"),
            ("https://example.org/ngo/aware-2.0/", "https://example.org/ngo/aware-2.0"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ] {
            assert_eq!(SiteUrl::parse(text).map(|s| s.as_str().to_owned()), Ok(site.to_owned()), "{text}");
        }
        for bad in [
            "aware.example.org",
            "http://aware.example.org",
            "https://example.org/Aware",
            "https://example.org/a b",
            "https://example.org/a?b",
            "https://example.org/a#b",
            "https://example.org//a",
            "https://example.org/../a",
            "https://user@example.org/a",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
