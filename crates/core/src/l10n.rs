//! User-visible strings: Fluent bundles with a fallback chain.
//!
//! The app never writes a user-visible word in code; it asks a [`Localizer`] for a message id.
//! A message missing from the preferred locale falls back along the chain, and a message missing
//! everywhere shows the id (and is caught by the tests that compare code and `.ftl` files).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub struct Localizer {
    /// In fallback order: the chosen locale first.
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// A problem in an `.ftl` file, found when the localizer is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlError {
    pub locale: String,
    pub message: String,
}

impl Localizer {
    /// Builds bundles from `(locale, ftl source)` pairs, in fallback order.
    pub fn new(sources: &[(&str, &str)]) -> Result<Localizer, Vec<FtlError>> {
        let mut errors = Vec::new();
        let mut bundles = Vec::new();
        for (locale, ftl) in sources {
            let fail = |message: String| FtlError { locale: (*locale).to_owned(), message };
            let langid: LanguageIdentifier = match locale.parse() {
                Ok(langid) => langid,
                Err(err) => {
                    errors.push(fail(format!("invalid locale: {err}")));
                    continue;
                }
            };
            let resource = match FluentResource::try_new((*ftl).to_owned()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    errors.extend(parse_errors.iter().map(|err| fail(format!("{err:?}"))));
                    resource
                }
            };
            let mut bundle = FluentBundle::new(vec![langid]);
            // Isolation marks guard right-to-left text; Aware's languages are left-to-right and
            // the marks would only add invisible characters to every message.
            bundle.set_use_isolating(false);
            if let Err(add_errors) = bundle.add_resource(resource) {
                errors.extend(add_errors.iter().map(|err| fail(format!("{err:?}"))));
            }
            bundles.push(bundle);
        }
        if errors.is_empty() { Ok(Localizer { bundles }) } else { Err(errors) }
    }

    /// The locale actually in use (the head of the chain).
    pub fn locale(&self) -> String {
        self.bundles.first().map(|bundle| bundle.locales[0].to_string()).unwrap_or_default()
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().any(|bundle| bundle.has_message(id))
    }

    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn text_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if errors.is_empty() {
                return text.into_owned();
            }
        }
        id.to_owned()
    }

    /// Every message id in the head bundle's locale, for completeness checks.
    pub fn message_ids<'a>(ftl: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        ftl.lines().filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let starts_ok = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            (starts_ok && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')).then_some(id)
        })
    }
}

/// A value for a message variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

#[cfg(test)]
mod tests;

/// Where a locale preference can come from, in the order they are asked (first match wins):
/// the address (`?lang=mn`), the student's saved choice, the embedding page's `data-lang`, then
/// the browser's languages. `None`/empty where a source has nothing to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleRequests {
    pub url: Option<String>,
    pub saved: Option<String>,
    pub embed: Option<String>,
    pub browser: Vec<String>,
}

/// The fallback chain: the chosen locale first, then the deployment default, then the others.
/// A source whose request matches no available locale is passed over, so `?lang=fr` on a
/// deployment without French falls through to the saved choice rather than to nothing.
pub fn negotiate(requests: &LocaleRequests, available: &[&str], default: &str) -> Vec<String> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};

    let parse = |tags: &[&str]| -> Vec<LanguageIdentifier> { tags.iter().filter_map(|tag| tag.parse().ok()).collect() };
    let supported = parse(available);
    let sources: [Vec<&str>; 4] = [
        requests.url.as_deref().into_iter().collect(),
        requests.saved.as_deref().into_iter().collect(),
        requests.embed.as_deref().into_iter().collect(),
        requests.browser.iter().map(String::as_str).collect(),
    ];
    let chosen = sources
        .iter()
        .find_map(|tags| {
            let requested = parse(tags);
            negotiate_languages(&requested, &supported, None, NegotiationStrategy::Filtering)
                .first()
                .map(|l| l.to_string())
        })
        .unwrap_or_else(|| default.to_owned());
    let mut chain = vec![chosen];
    for locale in std::iter::once(default).chain(available.iter().copied()) {
        if !chain.iter().any(|c| c == locale) && available.contains(&locale) {
            chain.push(locale.to_owned());
        }
    }
    chain
}
