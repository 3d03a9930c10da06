//! The HTTP headers every page of Aware is served with: one strict Content-Security-Policy per
//! page, generated from the deployment, and the same set for every form a host reads them in
//! (`_headers`, nginx, a `<meta>` copy).
//!
//! The policy allows only what Aware does: its own scripts and the wasm they compile
//! (`'wasm-unsafe-eval'`, which allows no JavaScript `eval`), its own stylesheet, images and
//! workers, fetches to itself and to the deployment's learning record store, and framing only by
//! the campaign sites the deployment lists (the embed page) or by nobody (every other page). No
//! inline script or style is allowed anywhere: packaging refuses a page that has any.

use aware_core::deployment::Deployment;

/// Aware's pages, as packaging knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The student's lessons and quizzes (`index.html`).
    Student,
    /// The same bundle inside a campaign's page (`embed.html`).
    Embed,
    /// The pre/post awareness check (`check.html`).
    Check,
    /// The teacher's screens (`teacher.html`).
    Teacher,
}

impl Page {
    pub const ALL: [Page; 4] = [Page::Student, Page::Embed, Page::Check, Page::Teacher];

    pub fn file(self) -> &'static str {
        match self {
            Page::Student => "index.html",
            Page::Embed => "embed.html",
            Page::Check => "check.html",
            Page::Teacher => "teacher.html",
        }
    }
}

/// Browser features Aware never uses, denied on every page so an injected script could not use
/// them either. The camera is the teacher's only (scanning answer cards), and only on its page.
const DENIED_FEATURES: &[&str] = &[
    "accelerometer",
    "autoplay",
    "bluetooth",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "serial",
    "usb",
    "xr-spatial-tracking",
];

/// The Content-Security-Policy of `page`. `for_meta` leaves out what browsers ignore in a
/// `<meta>` policy (`frame-ancestors`).
pub fn content_security_policy(page: Page, deployment: &Deployment, for_meta: bool) -> String {
    let mut directives = directives(page, deployment, "'self'", "'self'");
    if !for_meta {
        directives.push(format!("frame-ancestors {}", frame_ancestors(page, deployment)));
    }
    directives.join("; ")
}

/// The policy of the single file (`single_file.rs`): the student page's, with its one inline
/// script and its one inline style allowed by their hashes (`'sha256-…'`) in place of `'self'`.
/// A `<meta>` policy, as a file opened from a disk has no headers.
pub fn single_file_policy(deployment: &Deployment, scripts: &[String], styles: &[String]) -> String {
    directives(Page::Student, deployment, &scripts.join(" "), &styles.join(" ")).join("; ")
}

fn directives(page: Page, deployment: &Deployment, scripts: &str, styles: &str) -> Vec<String> {
    let mut connect = vec!["'self'".to_owned()];
    // Only the page that sends statements may reach the store.
    if page == Page::Embed
        && let Some(xapi) = &deployment.xapi
    {
        connect.push(xapi.origin.as_str().to_owned());
    }
    let mut directives = vec![
        "default-src 'none'".to_owned(),
        format!("script-src {scripts} 'wasm-unsafe-eval'"),
        format!("style-src {styles}"),
        "img-src 'self'".to_owned(),
        format!("connect-src {}", connect.join(" ")),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "base-uri 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "form-action 'none'".to_owned(),
    ];
    if page == Page::Teacher {
        // The camera's picture is shown in a <video> from a MediaStream, not a URL.
        directives.push("media-src 'self'".to_owned());
    }
    directives
}

fn frame_ancestors(page: Page, deployment: &Deployment) -> String {
    if page == Page::Embed && !deployment.embed_origins.is_empty() {
        deployment.embed_origins.iter().map(|origin| origin.as_str()).collect::<Vec<_>>().join(" ")
    } else {
        "'none'".to_owned()
    }
}

pub fn permissions_policy(page: Page) -> String {
    let mut features: Vec<String> = DENIED_FEATURES.iter().map(|feature| format!("{feature}=()")).collect();
    features.push(if page == Page::Teacher { "camera=(self)".to_owned() } else { "camera=()".to_owned() });
    features.sort();
    features.join(", ")
}

/// Headers for every response: pages add their policy to these.
pub const COMMON_HEADERS: &[(&str, &str)] =
    &[("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")];

/// Everything a page is served with, in order.
pub fn page_headers(page: Page, deployment: &Deployment) -> Vec<(&'static str, String)> {
    let mut headers: Vec<(&'static str, String)> =
        COMMON_HEADERS.iter().map(|(name, value)| (*name, (*value).to_owned())).collect();
    headers.push(("Content-Security-Policy", content_security_policy(page, deployment, false)));
    headers.push(("Permissions-Policy", permissions_policy(page)));
    headers.push(("Cache-Control", PAGE_CACHING.to_owned()));
    headers
}

/// Pages and the files that name other files are checked with the server on every visit, so a
/// new deployment is seen at once; files whose names carry a hash of their content never change.
pub const PAGE_CACHING: &str = "no-cache";
pub const HASHED_CACHING: &str = "public, max-age=31536000, immutable";

#[cfg(test)]
pub(super) mod tests {
    use aware_core::deployment::{Origin, SiteUrl, XapiEndpoint};
    use aware_core::study::MinGroupSize;

    use super::*;

    pub(crate) fn deployment(embed: &[&str], xapi: Option<&str>) -> Deployment {
        Deployment {
            exit_url: "https://www.bbc.co.uk/weather".into(),
            default_locale: "mn".into(),
            min_group_size: MinGroupSize::DEFAULT,
            embed_origins: embed.iter().map(|o| Origin::parse(o).unwrap()).collect(),
            xapi: xapi.map(|url| {
                XapiEndpoint::parse(url, "1.0.3", SiteUrl::parse("https://aware.example.org").unwrap()).unwrap()
            }),
        }
    }

    #[test]
    fn nobody_may_frame_aware_unless_the_deployment_lists_embedding_sites() {
        let none = deployment(&[], None);
        for page in Page::ALL {
            assert!(content_security_policy(page, &none, false).ends_with("frame-ancestors 'none'"), "{page:?}");
        }
        let campaigns = deployment(&["https://a.example.org", "https://b.example.org"], None);
        assert!(
            content_security_policy(Page::Embed, &campaigns, false)
                .ends_with("frame-ancestors https://a.example.org https://b.example.org")
        );
        for page in [Page::Student, Page::Check, Page::Teacher] {
            assert!(content_security_policy(page, &campaigns, false).ends_with("frame-ancestors 'none'"), "{page:?}");
        }
    }

    #[test]
    fn policies_allow_no_inline_code_and_no_eval() {
        let campaigns = deployment(&["https://a.example.org"], Some("https://lrs.example.org/xapi/statements"));
        for page in Page::ALL {
            for for_meta in [false, true] {
                let policy = content_security_policy(page, &campaigns, for_meta);
                for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "data:", "*", "http:", "https:;"] {
                    assert!(!policy.contains(forbidden), "{page:?} {policy}");
                }
                assert!(policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"));
                assert_eq!(policy.contains("frame-ancestors"), !for_meta);
            }
        }
    }

    #[test]
    fn only_the_embed_page_may_reach_the_learning_record_store() {
        let with_store = deployment(&["https://a.example.org"], Some("https://lrs.example.org/xapi/statements"));
        assert!(
            content_security_policy(Page::Embed, &with_store, false)
                .contains("connect-src 'self' https://lrs.example.org;")
        );
        assert!(content_security_policy(Page::Student, &with_store, false).contains("connect-src 'self';"));
    }

    #[test]
    fn only_the_teacher_page_may_use_the_camera() {
        assert!(permissions_policy(Page::Teacher).contains("camera=(self)"));
        for page in [Page::Student, Page::Embed, Page::Check] {
            assert!(permissions_policy(page).contains("camera=()"));
            assert!(permissions_policy(page).contains("microphone=()"));
            assert!(permissions_policy(page).contains("geolocation=()"));
        }
    }
}
