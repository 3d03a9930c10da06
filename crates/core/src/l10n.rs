//! User-visible strings: compiled messages with a fallback chain, and choosing the language.
//!
//! The app never writes a user-visible word in code; it asks a [`Localizer`] for a message id.
//! A message missing from the preferred locale falls back along the chain, and a message missing
//! everywhere shows the id (and is caught by the tests that compare code and `.ftl` files).
//! Messages are written in Fluent (`locales/<locale>/*.ftl`) and compiled at build time
//! ([`compile`], with the `compile` feature) into [`Messages`].

#[cfg(feature = "compile")]
pub mod compile;
mod messages;

pub use messages::{Malformed, Messages};
use unic_langid::LanguageIdentifier;

pub struct Localizer {
    /// In fallback order: the chosen locale first.
    chain: Vec<Messages>,
}

impl Localizer {
    /// A localizer over `chain`, the chosen locale first.
    pub fn from_messages(chain: Vec<Messages>) -> Localizer {
        Localizer { chain }
    }

    /// Compiles `(locale, ftl source)` pairs, in fallback order (tests and tools; the app
    /// receives messages compiled at build time).
    #[cfg(feature = "compile")]
    pub fn new(sources: &[(&str, &str)]) -> Result<Localizer, Vec<compile::FtlError>> {
        let mut chain = Vec::new();
        let mut errors = Vec::new();
        for (locale, ftl) in sources {
            match compile::compile_ftl(locale, &[ftl]) {
                Ok(compiled) => chain.push(Messages::decode(&compiled).expect("the compiler writes what decode reads")),
                Err(problems) => errors.extend(problems),
            }
        }
        if errors.is_empty() { Ok(Localizer { chain }) } else { Err(errors) }
    }

    /// The locale actually in use (the head of the chain).
    pub fn locale(&self) -> String {
        self.chain.first().map(|messages| messages.locale().to_owned()).unwrap_or_default()
    }

    pub fn has(&self, id: &str) -> bool {
        self.chain.iter().any(|messages| messages.has(id))
    }

    pub fn text(&self, id: &str) -> String {
        self.text_with(id, &[])
    }

    /// The message in the first locale of the chain that has it and can fill in its variables.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.chain
            .iter()
            .find_map(|messages| messages.format(id, args).and_then(Result::ok))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Every message id in an `.ftl` text, for completeness checks.
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
