//! The interface text in `locales/`: every language has every message the app uses, with the same
//! variables, valid Fluent syntax, and plural forms that work for each language's rules.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aware_core::l10n::{Arg, Localizer};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(locale, ftl text)` for every locale folder.
fn locales() -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(root().join("locales"))
        .expect("locales/ exists")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| {
            let locale = entry.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(entry.path().join("app.ftl")).expect("every locale has app.ftl");
            (locale, text)
        })
        .collect();
    found.sort();
    found
}

/// Message id → the variables its pattern uses (including inside selectors).
fn messages(ftl: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource =
        fluent_syntax::parser::parse(ftl).unwrap_or_else(|(_, errors)| panic!("FTL syntax errors: {errors:?}"));
    fn walk(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for variant in variants {
                    walk(&variant.value, out);
                }
            }
            Expression::Inline(inline) => inline_vars(inline, out),
        }
    }
    fn inline_vars(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    walk(value, &mut vars);
                }
                Some((message.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_locale_has_the_same_messages_with_the_same_variables() {
    let all = locales();
    let (reference_locale, reference_text) = all.iter().find(|(l, _)| l == "en").expect("English is the reference");
    let reference = messages(reference_text);
    let mut problems = Vec::new();
    for (locale, text) in &all {
        let theirs = messages(text);
        for (id, vars) in &reference {
            match theirs.iter().find(|(other, _)| other == id) {
                None => problems.push(format!("{locale}: missing message `{id}`")),
                Some((_, their_vars)) if their_vars != vars => {
                    problems.push(format!("{locale}: `{id}` uses {their_vars:?}, `{reference_locale}` uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for (id, _) in &theirs {
            if !reference.iter().any(|(other, _)| other == id) {
                problems.push(format!("{locale}: extra message `{id}` (not in {reference_locale})"));
            }
        }
        if let Err(errors) = Localizer::new(&[(locale, text)]) {
            problems.push(format!("{locale}: {errors:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn plural_messages_choose_the_right_form_in_every_locale() {
    for (locale, text) in locales() {
        let localizer = Localizer::new(&[(&locale, &text)]).expect("valid FTL");
        for count in [1usize, 5] {
            let out = localizer.text_with("quiz-missed", &[("missed", Arg::from(count))]);
            assert!(out.contains(&count.to_string()), "{locale}, {count}: {out}");
            assert_ne!(out, "quiz-missed", "{locale}: message missing");
        }
        if locale == "en" {
            assert_eq!(
                localizer.text_with("quiz-missed", &[("missed", Arg::from(1usize))]),
                "There is 1 more right answer to find."
            );
            assert_eq!(
                localizer.text_with("quiz-missed", &[("missed", Arg::from(5usize))]),
                "There are 5 more right answers to find."
            );
        }
    }
}

/// Message ids the Rust code names: id-shaped string literals (`quiz-check`) on lines that call
/// the localizer (`l10n.t(…)`, `l10n.t_with(…)`) or map a value to an id (`… => "storage-…"`).
fn ids_used_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("read source folder").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            ids_used_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            ids_used_in_file(&path, out);
        }
    }
}

fn ids_used_in_file(path: &Path, out: &mut BTreeSet<String>) {
    let text = std::fs::read_to_string(path).expect("read source");
    for line in text.lines().filter(|l| l.contains("l10n.t") || l.contains("=> \"")) {
        let parts: Vec<&str> = line.split('"').collect();
        for pair in parts.windows(2).step_by(2) {
            let (before, quoted) = (pair[0].trim_end(), pair[1]);
            // HTML attributes on the same line name classes and element ids, not messages.
            let attribute =
                ["class=", "classes=", "id=", "for=", "aria-labelledby="].iter().any(|a| before.ends_with(a));
            let id_shaped = quoted.contains('-')
                && quoted.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if id_shaped && !attribute {
                out.insert(quoted.to_owned());
            }
        }
    }
}

/// The ids a bundle leaves out (`locales/bundles.toml`), by bundle.
fn left_out() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(root().join("locales/bundles.toml")).expect("locales/bundles.toml");
    let table: toml::Table = toml::from_str(&text).expect("bundles.toml is TOML");
    table
        .iter()
        .map(|(bundle, value)| {
            let prefixes = value["leave_out"].as_array().expect("leave_out is a list");
            (bundle.clone(), prefixes.iter().map(|p| p.as_str().expect("text").to_owned()).collect())
        })
        .collect()
}

/// Every message a bundle's screens ask for is in English and is carried by that bundle: its own
/// pages (`src/pages/<bundle>/`) and everything outside `src/pages/` but the other bundles' roots.
#[test]
fn every_message_the_app_asks_for_exists_in_english_and_in_its_bundle() {
    let en = locales().into_iter().find(|(l, _)| l == "en").expect("English").1;
    let defined: BTreeSet<String> = messages(&en).into_iter().map(|(id, _)| id).collect();
    // Ids built at run time: one per callout kind and per helpline (shared by every bundle).
    let mut dynamic: Vec<String> =
        aware_core::content::CalloutKind::ALL.iter().map(|k| format!("callout-{}", k.name())).collect();
    let help = aware_core::content::compile::compile_help(&root().join("lessons")).expect("help.toml compiles");
    for contact in &help.contacts {
        dynamic.push(format!("help-{}-name", contact.id));
        dynamic.push(format!("help-{}-description", contact.id));
    }
    let bundles = left_out();
    assert_eq!(bundles.len(), 3, "a bundle per page of the app");
    for (bundle, prefixes) in &bundles {
        let mut used = BTreeSet::new();
        ids_used_in(&root().join("src/pages").join(bundle), &mut used);
        for shared in ["components", "state", "platform"] {
            ids_used_in(&root().join("src").join(shared), &mut used);
        }
        ids_used_in_file(&root().join("src/app/frame.rs"), &mut used);
        ids_used_in_file(&root().join(format!("src/app/{bundle}.rs")), &mut used);
        assert!(used.len() > 10, "{bundle}: found only {} ids; is the scan broken?", used.len());
        let missing: Vec<&String> = used.iter().chain(&dynamic).filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "{bundle} asks for ids missing from locales/en/app.ftl: {missing:?}");
        let not_carried: Vec<&String> =
            used.iter().chain(&dynamic).filter(|id| prefixes.iter().any(|p| id.starts_with(p.as_str()))).collect();
        assert!(not_carried.is_empty(), "{bundle} asks for ids locales/bundles.toml leaves out of it: {not_carried:?}");
    }
}

/// Values to fill a variable with: numbers around every plural boundary, and every variant
/// name of every selection on it (a text selector such as `$direction`).
fn sample_values(ftl: &str, var: &str) -> Vec<Arg> {
    let mut values: Vec<Arg> = [0usize, 1, 2, 3, 5, 11, 21, 100, 101].into_iter().map(Arg::from).collect();
    values.push(Arg::from("x"));
    let resource = fluent_syntax::parser::parse(ftl).expect("valid FTL");
    fn names(pattern: &Pattern<&str>, var: &str, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression: Expression::Select { selector, variants } } = element {
                for variant in variants {
                    if matches!(selector, InlineExpression::VariableReference { id } if id.name == var)
                        && let fluent_syntax::ast::VariantKey::Identifier { name } = variant.key
                    {
                        out.insert(name.to_owned());
                    }
                    names(&variant.value, var, out);
                }
            }
        }
    }
    let mut keys = BTreeSet::new();
    for entry in &resource.body {
        if let Entry::Message(message) = entry
            && let Some(value) = &message.value
        {
            names(value, var, &mut keys);
        }
    }
    values.extend(keys.into_iter().map(Arg::from));
    values
}

/// The compiled messages the app formats say exactly what Fluent itself says, for every message
/// of every locale and every kind of value its variables can take.
#[test]
fn compiled_messages_format_exactly_as_fluent_does() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    let mut compared = 0;
    for (locale, text) in locales() {
        let ours = Localizer::new(&[(&locale, &text)]).expect("compiles");
        let mut bundle = FluentBundle::new(vec![locale.parse().expect("locale tag")]);
        bundle.set_use_isolating(false);
        bundle.add_resource(FluentResource::try_new(text.clone()).expect("parses")).expect("adds");
        for (id, vars) in messages(&text) {
            let pattern = bundle.get_message(&id).and_then(|m| m.value()).expect("message with a value");
            // Every combination would be large; vary one variable at a time over its samples,
            // the others held at a plural-relevant number.
            let vars: Vec<String> = vars.into_iter().collect();
            let mut cases: Vec<Vec<(String, Arg)>> =
                vec![vars.iter().map(|v| (v.clone(), Arg::from(2usize))).collect()];
            for (i, var) in vars.iter().enumerate() {
                for value in sample_values(&text, var) {
                    let mut case: Vec<(String, Arg)> = vars.iter().map(|v| (v.clone(), Arg::from(2usize))).collect();
                    case[i].1 = value;
                    cases.push(case);
                }
            }
            for case in cases {
                let mut fluent_args = FluentArgs::new();
                for (name, value) in &case {
                    match value {
                        Arg::Text(text) => fluent_args.set(name.as_str(), FluentValue::from(text.as_str())),
                        Arg::Number(n) => fluent_args.set(name.as_str(), FluentValue::from(*n)),
                    }
                }
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                assert!(errors.is_empty(), "{locale} `{id}`: Fluent reports {errors:?}");
                let args: Vec<(&str, Arg)> = case.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
                assert_eq!(ours.text_with(&id, &args), expected, "{locale} `{id}` with {case:?}");
                compared += 1;
            }
        }
    }
    assert!(compared > 500, "compared only {compared} formattings");
}
