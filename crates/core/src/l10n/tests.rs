use super::*;

const MN: &str = "\
greeting = Сайн байна уу
only-mn = Зөвхөн монгол
";

const EN: &str = "\
greeting = Hello
farewell = Goodbye
welcome = Welcome, { $name }!
progress = { $done } of { $total } done
solved = { $count ->
    [one] You solved one item.
   *[other] You solved { $count } items.
}
-brand = Aware
about = About { -brand }
";

fn localizer(sources: &[(&str, &str)]) -> Localizer {
    match Localizer::new(sources) {
        Ok(localizer) => localizer,
        Err(errors) => panic!("test FTL does not build: {errors:?}"),
    }
}

/// Formats `id` with `args` using bundles `sources`, in fallback order.
fn check(sources: &[(&str, &str)], id: &str, args: &[(&str, Arg)], expected: &str) {
    let localizer = localizer(sources);
    let actual = if args.is_empty() { localizer.text(id) } else { localizer.text_with(id, args) };
    assert_eq!(actual, expected, "message `{id}` with {args:?}");
}

#[test]
fn the_chosen_locale_wins() {
    check(&[("mn", MN), ("en", EN)], "greeting", &[], "Сайн байна уу");
    check(&[("en", EN), ("mn", MN)], "greeting", &[], "Hello");
}

#[test]
fn a_message_missing_from_the_chosen_locale_falls_back_along_the_chain() {
    check(&[("mn", MN), ("en", EN)], "farewell", &[], "Goodbye");
    check(&[("en", EN), ("mn", MN)], "only-mn", &[], "Зөвхөн монгол");
}

#[test]
fn a_message_missing_everywhere_shows_its_id() {
    check(&[("mn", MN), ("en", EN)], "no-such-message", &[], "no-such-message");
    check(&[], "greeting", &[], "greeting");
}

#[test]
fn variables_are_filled_in_without_isolation_marks() {
    check(&[("en", EN)], "welcome", &[("name", "Saraa".into())], "Welcome, Saraa!");
    check(&[("en", EN)], "progress", &[("done", 3usize.into()), ("total", 10usize.into())], "3 of 10 done");
    check(&[("en", EN)], "about", &[], "About Aware");
}

#[test]
fn a_translation_that_fails_to_format_falls_back_along_the_chain() {
    // A mistyped variable in one translation must not show a broken sentence.
    let mn = "welcome = Тавтай морил, { $nmae }!\n";
    check(&[("mn", mn), ("en", EN)], "welcome", &[("name", "Saraa".into())], "Welcome, Saraa!");
    check(&[("mn", mn)], "welcome", &[("name", "Saraa".into())], "welcome");
}

#[test]
fn plural_selector_follows_english_plural_rules() {
    check(&[("en", EN)], "solved", &[("count", 1usize.into())], "You solved one item.");
    check(&[("en", EN)], "solved", &[("count", 5usize.into())], "You solved 5 items.");
    check(&[("en", EN)], "solved", &[("count", 0usize.into())], "You solved 0 items.");
}

#[test]
fn has_looks_along_the_whole_chain() {
    let localizer = localizer(&[("mn", MN), ("en", EN)]);
    assert!(localizer.has("only-mn"));
    assert!(localizer.has("farewell"));
    assert!(!localizer.has("no-such-message"));
    // Terms are not messages the app can show.
    assert!(!localizer.has("-brand"));
}

#[test]
fn the_locale_is_the_head_of_the_chain() {
    assert_eq!(localizer(&[("mn", MN), ("en", EN)]).locale(), "mn");
    assert_eq!(localizer(&[("en-GB", EN)]).locale(), "en-GB");
    assert_eq!(localizer(&[]).locale(), "");
}

/// Builds a localizer that must fail; `expected` lists the locales of the reported errors.
fn check_ftl_errors(sources: &[(&str, &str)], expected: &[&str]) {
    match Localizer::new(sources) {
        Ok(_) => panic!("expected errors from {sources:?}"),
        Err(errors) => {
            let locales: Vec<&str> = errors.iter().map(|error| error.locale.as_str()).collect();
            assert_eq!(locales, expected, "errors: {errors:?}");
            assert!(errors.iter().all(|error| !error.message.is_empty()), "errors: {errors:?}");
        }
    }
}

#[test]
fn an_ftl_syntax_error_is_reported_not_skipped() {
    check_ftl_errors(&[("en", EN), ("mn", "greeting Сайн байна уу\n")], &["mn"]);
    check_ftl_errors(&[("en", "broken = { $name\n")], &["en"]);
}

#[test]
fn a_message_defined_twice_is_reported() {
    check_ftl_errors(&[("en", "greeting = Hello\ngreeting = Hi\n")], &["en"]);
}

#[test]
fn an_invalid_locale_is_reported() {
    check_ftl_errors(&[("en", EN), ("not a locale!", MN)], &["not a locale!"]);
}

fn check_message_ids(ftl: &str, expected: &[&str]) {
    let actual: Vec<&str> = Localizer::message_ids(ftl).collect();
    assert_eq!(actual, expected, "FTL:\n{ftl}");
}

#[test]
fn message_ids_are_the_messages_of_an_ftl_file() {
    check_message_ids(EN, &["greeting", "farewell", "welcome", "progress", "solved", "about"]);
}

#[test]
fn message_ids_skip_comments_terms_attributes_variants_and_continuation_lines() {
    check_message_ids(
        "\
# A comment with key = value
## Section comment
-term = A term
login = Log in
    .title = Log in to Aware
long-text =
    A first line
    where x = y
    total = 5
    a last line
count = { $n ->
    [one] one = 1
   *[other] many
}
snake_case = ok
",
        &["login", "long-text", "count", "snake_case"],
    );
}

#[test]
fn message_ids_allow_no_space_around_the_equals_sign() {
    check_message_ids("compact=Text\nspaced   = Text\n", &["compact", "spaced"]);
}

mod negotiation {
    use crate::l10n::{LocaleRequests, negotiate};

    const AVAILABLE: &[&str] = &["mn", "en"];

    fn check(requests: LocaleRequests, expected: &[&str]) {
        assert_eq!(negotiate(&requests, AVAILABLE, "mn"), expected, "{requests:?}");
    }

    fn browser(tags: &[&str]) -> LocaleRequests {
        LocaleRequests { browser: tags.iter().map(|t| t.to_string()).collect(), ..LocaleRequests::default() }
    }

    #[test]
    fn the_deployment_default_applies_when_nobody_asks() {
        check(LocaleRequests::default(), &["mn", "en"]);
    }

    #[test]
    fn a_browser_preferring_mongolian_gets_mongolian() {
        check(browser(&["mn-MN", "en-US"]), &["mn", "en"]);
        check(browser(&["en-GB", "mn"]), &["en", "mn"]);
    }

    #[test]
    fn sources_are_asked_in_order_url_saved_embed_browser() {
        let all = LocaleRequests {
            url: Some("en".into()),
            saved: Some("mn".into()),
            embed: Some("mn".into()),
            browser: vec!["mn".into()],
        };
        check(all.clone(), &["en", "mn"]);
        check(LocaleRequests { url: None, ..all.clone() }, &["mn", "en"]);
        check(LocaleRequests { url: None, saved: None, embed: Some("en".into()), ..all }, &["en", "mn"]);
    }

    #[test]
    fn an_unsupported_request_falls_through_to_the_next_source() {
        let requests = LocaleRequests { url: Some("fr".into()), saved: Some("en".into()), ..LocaleRequests::default() };
        check(requests, &["en", "mn"]);
        check(browser(&["de-DE", "fr"]), &["mn", "en"]);
        check(LocaleRequests { url: Some("not a tag!".into()), ..LocaleRequests::default() }, &["mn", "en"]);
    }
}
