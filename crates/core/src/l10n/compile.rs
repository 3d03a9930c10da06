//! Compiles `.ftl` files into the form [`super::Messages`] reads, at build time. Everything that
//! can go wrong with a translation is found here, with the file and message named: syntax
//! errors, a message defined twice, constructs the runtime does not format (functions, terms
//! with arguments), control characters, and a language whose plural rules the runtime does not
//! know.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::messages::RESERVED;

/// A problem in a locale's `.ftl` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlError {
    pub locale: String,
    pub message: String,
}

/// The compiled text of one locale's `.ftl` sources (joined in order; an id may appear once).
pub fn compile_ftl(locale: &str, sources: &[&str]) -> Result<String, Vec<FtlError>> {
    compile_ftl_only(locale, sources, |_| true)
}

/// The same, keeping only the messages whose id `keep` accepts (a bundle's share of them);
/// every message is still checked, and what a kept one refers to is still written out.
pub fn compile_ftl_only(locale: &str, sources: &[&str], keep: impl Fn(&str) -> bool) -> Result<String, Vec<FtlError>> {
    let fail = |message: String| FtlError { locale: locale.to_owned(), message };
    let mut errors = Vec::new();
    if let Err(problem) = check_plural_rules(locale) {
        errors.push(fail(problem));
    }
    let mut resources = Vec::new();
    for source in sources {
        match fluent_syntax::parser::parse(*source) {
            Ok(resource) => resources.push(resource),
            Err((resource, parse_errors)) => {
                errors.extend(parse_errors.iter().map(|err| fail(format!("syntax: {err:?}"))));
                resources.push(resource);
            }
        }
    }
    let entries: Vec<&Entry<&str>> = resources.iter().flat_map(|resource| resource.body.iter()).collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut compiled = format!("locale{}{locale}", '\u{1F}');
    for entry in &entries {
        let Entry::Message(message) = entry else { continue };
        let id = message.id.name;
        if !seen.insert(id) {
            errors.push(fail(format!("`{id}` is defined twice")));
            continue;
        }
        let Some(pattern) = &message.value else {
            errors.push(fail(format!("`{id}` has no text (attributes alone are not used by Aware)")));
            continue;
        };
        let mut out = String::new();
        match write_pattern(pattern, &entries, &mut out, 0) {
            Ok(()) if !keep(id) => {}
            Ok(()) => {
                compiled.push('\u{1E}');
                compiled.push_str(id);
                compiled.push('\u{1F}');
                compiled.push_str(&out);
            }
            Err(problem) => errors.push(fail(format!("`{id}`: {problem}"))),
        }
    }
    if errors.is_empty() { Ok(compiled) } else { Err(errors) }
}

/// Terms and messages referenced from a pattern are written out in place; this deep is a loop.
const MAX_DEPTH: usize = 8;

fn write_pattern(
    pattern: &Pattern<&str>,
    entries: &[&Entry<&str>],
    out: &mut String,
    depth: usize,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("references go round in a loop".to_owned());
    }
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => write_text(value, out)?,
            PatternElement::Placeable { expression } => write_expression(expression, entries, out, depth)?,
        }
    }
    Ok(())
}

fn write_text(text: &str, out: &mut String) -> Result<(), String> {
    if text.contains(RESERVED) {
        return Err("contains a control character".to_owned());
    }
    out.push_str(text);
    Ok(())
}

fn write_expression(
    expression: &Expression<&str>,
    entries: &[&Entry<&str>],
    out: &mut String,
    depth: usize,
) -> Result<(), String> {
    match expression {
        Expression::Inline(inline) => write_inline(inline, entries, out, depth),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err("only a variable can choose a variant".to_owned());
            };
            out.push('\u{03}');
            out.push_str(id.name);
            for variant in variants {
                out.push('\u{1D}');
                if variant.default {
                    out.push('\u{05}');
                }
                match &variant.key {
                    VariantKey::Identifier { name } => write_text(name, out)?,
                    VariantKey::NumberLiteral { value } => {
                        value.parse::<f64>().map_err(|_| format!("variant key `{value}` is not a number"))?;
                        write_text(value, out)?
                    }
                }
                out.push('\u{1C}');
                write_pattern(&variant.value, entries, out, depth)?;
            }
            out.push('\u{04}');
            Ok(())
        }
    }
}

fn write_inline(
    inline: &InlineExpression<&str>,
    entries: &[&Entry<&str>],
    out: &mut String,
    depth: usize,
) -> Result<(), String> {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.push('\u{01}');
            write_text(id.name, out)?;
            out.push('\u{02}');
            Ok(())
        }
        InlineExpression::StringLiteral { value } => write_text(&unescape(value)?, out),
        InlineExpression::NumberLiteral { value } => write_text(value, out),
        InlineExpression::Placeable { expression } => write_expression(expression, entries, out, depth),
        InlineExpression::MessageReference { id, attribute: None } => {
            let value = entries.iter().find_map(|entry| match entry {
                Entry::Message(message) if message.id.name == id.name => message.value.as_ref(),
                _ => None,
            });
            let value = value.ok_or_else(|| format!("refers to `{}`, which has no text", id.name))?;
            write_pattern(value, entries, out, depth + 1)
        }
        InlineExpression::TermReference { id, attribute: None, arguments: None } => {
            let value = entries.iter().find_map(|entry| match entry {
                Entry::Term(term) if term.id.name == id.name => Some(&term.value),
                _ => None,
            });
            let value = value.ok_or_else(|| format!("refers to the unknown term `-{}`", id.name))?;
            write_pattern(value, entries, out, depth + 1)
        }
        InlineExpression::FunctionReference { id, .. } => {
            Err(format!("uses the function {}(), which Aware does not format", id.name))
        }
        _ => Err("uses an attribute or a term with arguments, which Aware does not format".to_owned()),
    }
}

/// Fluent string literals: `\"`, `\\` and `\uXXXX` / `\UXXXXXX` escapes.
fn unescape(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(c @ ('"' | '\\')) => out.push(c),
            Some(kind @ ('u' | 'U')) => {
                let digits: String = chars.by_ref().take(if kind == 'u' { 4 } else { 6 }).collect();
                let code = u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32);
                out.push(code.ok_or_else(|| format!("bad escape \\{kind}{digits}"))?);
            }
            _ => return Err("bad escape in a string literal".to_owned()),
        }
    }
    Ok(out)
}

/// The runtime knows one cardinal rule, "one for exactly 1, other otherwise"; a language whose
/// CLDR rules differ for the whole numbers Aware counts is refused here.
fn check_plural_rules(locale: &str) -> Result<(), String> {
    let langid: LanguageIdentifier = locale.parse().map_err(|err| format!("invalid locale: {err}"))?;
    // Plural rules belong to the language; a region (`en-GB`) does not change them.
    let language = LanguageIdentifier::from_parts(langid.language, None, None, &[]);
    let rules = PluralRules::create(language, PluralRuleType::CARDINAL)
        .map_err(|err| format!("no plural rules for this language: {err}"))?;
    for n in 0..=1000u32 {
        let expected = if n == 1 { PluralCategory::ONE } else { PluralCategory::OTHER };
        if rules.select(n) != Ok(expected) {
            return Err(format!(
                "its plural rules give {:?} for {n}: teach the runtime (crates/core/src/l10n/messages.rs) this language's rules first",
                rules.select(n)
            ));
        }
    }
    Ok(())
}
