use aware_core::store::Kind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::harness::{
    PASSPHRASE, clear_storage, click_button, enter_passphrase, find, fire, gloo_document, input, local_storage,
    mount_teacher, mount_teacher_beside, pause, text, texts, unmount_beside, wait_until,
};

/// The `<h1>` (or, in the presenter view, the screen's `<h2>`) of `root`'s slide.
fn slide_heading(root: &Element) -> String {
    let heading = root.query_selector(".slide h1, .slide h2").ok().flatten();
    heading.and_then(|h| h.text_content()).unwrap_or_default()
}

/// Starts a session of the test lesson for ages 15–18 in English; returns its id.
async fn start_session() -> String {
    let root = mount_teacher("/present/basics").await;
    find(&root, "input[name='band'][value='15-18']").unchecked_into::<HtmlElement>().click();
    click_button(&root, "Start presenting").await;
    wait_until("the class's view shows the opening", || slide_heading(&root) == "Basics").await;
    let address = aware::platform::location::screen();
    let id = address.strip_prefix("/sessions/").and_then(|rest| rest.strip_suffix("/present"));
    id.unwrap_or_else(|| panic!("the class's view of a session, at {address}")).to_owned()
}

/// A key pressed on the page (not in a field), as a keyboard or a presentation clicker sends it.
async fn press(key: &str, code: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_code(code);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("key event");
    gloo_document().body().expect("body").dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

async fn click_labelled(root: &Element, label: &str) {
    find(root, &format!("button[aria-label='{label}']")).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

/// Types `value` into a number box and leaves it (one `change` event).
async fn type_count(root: &Element, id: &str, value: &str) {
    let field = input(root, &format!("#{id}"));
    field.set_value(value);
    fire(&field, "change").await;
}

/// The tally's cells, row by row: "A: 1 (25%) | 2 (50%)".
fn tally(root: &Element) -> Vec<String> {
    let rows = root.query_selector_all(".tally tbody tr").expect("query rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| {
            let row: Element = row.unchecked_into();
            let letter = texts(&row, "th").join("");
            format!("{letter}: {}", texts(&row, ".tally-count").join(" | "))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_session_starts_with_the_chosen_band_is_kept_on_the_device_and_shows_no_site_navigation() {
    clear_storage();
    let id = start_session().await;
    let stored = local_storage().get_item(Kind::Sessions.key()).expect("storage").unwrap_or_default();
    assert!(stored.contains(&id), "the session is kept: {stored}");
    let root = gloo_document().body().expect("body").unchecked_into::<Element>();
    let view = text(&find(&root, ".audience"));
    assert!(view.contains("This lesson talks about jobs."), "{view}");
    assert!(view.contains("Screen 1 of 9"), "{view}");
    assert!(root.query_selector(".site-nav").expect("query").is_none(), "no site navigation");
    assert!(root.query_selector(".quick-exit").expect("query").is_some(), "Exit this page stays");
}

#[wasm_bindgen_test]
async fn arrows_space_and_a_clickers_page_keys_turn_the_pages_b_blanks_and_a_scenario_waits_for_the_choice() {
    clear_storage();
    start_session().await;
    let root = gloo_document().body().expect("body").unchecked_into::<Element>();
    press("ArrowRight", "ArrowRight").await;
    assert_eq!(slide_heading(&root), "First");
    press("PageDown", "PageDown").await;
    assert_eq!(slide_heading(&root), "Second");
    press("ArrowLeft", "ArrowLeft").await;
    assert_eq!(slide_heading(&root), "First");
    press("PageUp", "PageUp").await;
    assert_eq!(slide_heading(&root), "Basics");
    press(" ", "Space").await;
    assert_eq!(slide_heading(&root), "First");

    press("b", "KeyB").await;
    assert!(root.query_selector(".present-blank").expect("query").is_some(), "B blanks the screen");
    assert!(root.query_selector(".slide").expect("query").is_none(), "nothing of the lesson shows");
    // A Mongolian layout gives a Cyrillic letter for the same key.
    press("и", "KeyB").await;
    assert_eq!(slide_heading(&root), "First");

    press("ArrowRight", "ArrowRight").await;
    press("ArrowRight", "ArrowRight").await;
    assert_eq!(slide_heading(&root), "Anu's offer");
    press("ArrowRight", "ArrowRight").await;
    assert_eq!(slide_heading(&root), "Anu's offer", "the scenario waits for the class's choice");
    assert!(text(&find(&root, ".present-refused")).contains("Choose what the class decided first."));
}

#[wasm_bindgen_test]
async fn the_teacher_enters_counts_undoes_reveals_and_repolls_and_both_tallies_show_side_by_side() {
    clear_storage();
    let id = start_session().await;
    let root = mount_teacher(&format!("/sessions/{id}/presenter")).await;
    wait_until("the presenter view shows the opening", || slide_heading(&root) == "Basics").await;
    for _ in 0..3 {
        press("ArrowRight", "ArrowRight").await;
    }
    click_button(&root, "Ask for a contract").await;
    assert!(text(&root).contains("The recruiter stops answering."), "{}", text(&root));
    press("ArrowRight", "ArrowRight").await;
    press("ArrowRight", "ArrowRight").await;
    press("ArrowRight", "ArrowRight").await;
    assert_eq!(slide_heading(&root), "Which is right?");

    click_button(&root, "Poll the class").await;
    click_labelled(&root, "One more for A").await;
    click_labelled(&root, "One more for A").await;
    click_labelled(&root, "One fewer for A").await;
    type_count(&root, "poll-count-1", "3").await;
    assert_eq!(tally(&root), vec!["A: 1 (25%)", "B: 3 (75%)"]);
    // Typing a count in its box does not turn the page, whatever the key.
    let field = input(&root, "#poll-count-1");
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    field
        .dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("key"))
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(slide_heading(&root), "Which is right?");

    type_count(&root, "poll-count-0", "many").await;
    assert_eq!(input(&root, "#poll-count-0").value(), "1", "what is not a count is not kept");
    type_count(&root, "poll-count-0", "10000").await;
    assert!(text(&root).contains("That count cannot be changed: the number is too large."), "{}", text(&root));
    assert_eq!(tally(&root), vec!["A: 1 (25%)", "B: 3 (75%)"]);

    click_button(&root, "Undo").await;
    assert_eq!(tally(&root), vec!["A: 1 (100%)", "B: 0 (0%)"], "undo takes back the typed number whole");
    type_count(&root, "poll-count-1", "2").await;
    click_button(&root, "Close the poll").await;
    click_button(&root, "Poll again after discussion").await;
    type_count(&root, "poll-count-1", "4").await;
    let headers = texts(&root, ".presenter-current .tally thead th");
    assert_eq!(headers, vec!["Answer", "First poll", "After discussion"]);
    assert_eq!(tally(&root), vec!["A: 1 (33%) | 0 (0%)", "B: 2 (67%) | 4 (100%)"]);
    assert!(!text(&root).contains("Yes: B is right because of Y."), "no explanation before the reveal");

    click_button(&root, "Show the answer").await;
    let slide = text(&find(&root, ".presenter-current"));
    assert!(slide.contains("Right one — Correct answer"), "{slide}");
    assert!(slide.contains("Not quite: A is wrong because of X."), "{slide}");
    assert!(slide.contains("Talk with the person next to you"), "{slide}");
    assert!(root.query_selector("[class*='rank']").expect("query").is_none());

    // Esc leaves for the summary, which has both tallies of the question: what the device keeps
    // of a class opens behind the teacher's passphrase (chosen here on first use).
    press("Escape", "Escape").await;
    pause(0).await;
    wait_until("the passphrase is asked", || root.query_selector("#passphrase").ok().flatten().is_some()).await;
    enter_passphrase(&root, PASSPHRASE).await;
    wait_until("the summary shows", || text(&root).contains("Session summary: Basics")).await;
    assert_eq!(tally(&root), vec!["A: 1 (33%) | 0 (0%)", "B: 2 (67%) | 4 (100%)"]);
    assert!(text(&root).contains("Export CSV"));
}

#[wasm_bindgen_test]
async fn the_class_view_and_the_presenter_view_stay_in_step_refuse_bad_messages_and_each_works_alone() {
    clear_storage();
    let id = start_session().await;
    let audience = gloo_document().query_selector(".audience").expect("query").expect("the class's view");
    let audience = audience.parent_element().expect("its main").parent_element().expect("its frame");
    let presenter = mount_teacher_beside(&format!("/sessions/{id}/presenter")).await;
    wait_until("the presenter view shows the opening", || slide_heading(&presenter) == "Basics").await;
    wait_until("the presenter hears the class's view", || text(&presenter).contains("The class's screen is open."))
        .await;

    click_button(&presenter, "Next").await;
    wait_until("the class's view follows the presenter", || slide_heading(&audience) == "First").await;
    click_button(&audience, "Next").await;
    wait_until("the presenter follows the class's view", || slide_heading(&presenter) == "Second").await;

    // Another window of this device posts nonsense, and a message of another session.
    let other = web_sys::BroadcastChannel::new(aware_core::classroom::CHANNEL).expect("a channel");
    other.post_message(&"{not json".into()).expect("post");
    other.post_message(&r#"{"format":"aware-classroom","version":1,"session":"zz"}"#.into()).expect("post");
    other.post_message(&wasm_bindgen::JsValue::from(42)).expect("post");
    pause(50).await;
    assert_eq!(slide_heading(&audience), "Second");
    assert_eq!(slide_heading(&presenter), "Second");
    other.close();

    // Closing the presenter's window leaves the class's view usable.
    unmount_beside();
    click_button(&audience, "Back").await;
    assert_eq!(slide_heading(&audience), "First");
}

#[wasm_bindgen_test]
async fn answer_cards_print_one_page_per_student_with_the_four_letters() {
    clear_storage();
    let root = mount_teacher("/answer-cards").await;
    assert_eq!(root.query_selector_all(".answer-card").expect("query").length(), 35);
    assert_eq!(texts(&root, ".answer-card").first().map(String::as_str), Some("ABCD"));
    crate::harness::type_into(&root, "#answer-cards", "3").await;
    assert_eq!(root.query_selector_all(".answer-card").expect("query").length(), 3);
    crate::harness::type_into(&root, "#answer-cards", "0").await;
    assert_eq!(root.query_selector_all(".answer-card").expect("query").length(), 0);
    assert!(text(&root).contains("Enter a number of cards from 1 to 60."));
}
