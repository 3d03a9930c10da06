use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::harness::{clear_storage, click_button, find, mount, mount_teacher, text};

#[wasm_bindgen_test]
async fn a_choice_shows_its_consequence_and_why_then_leads_on_to_an_ending() {
    clear_storage();
    let root = mount("/lessons/basics/section/2").await;
    let scenario = || text(&find(&root, ".scenario"));
    assert!(scenario().contains("This story is made up."));
    assert!(scenario().contains("A message offers a job abroad."));

    click_button(&root, "Pack your bag").await;
    assert!(scenario().contains("You chose: Pack your bag"), "{}", scenario());
    assert!(scenario().contains("You leave the same week."));
    assert!(scenario().contains("Nobody checked the agency."));

    click_button(&root, "Continue").await;
    assert!(scenario().contains("Anu is far from home without her passport."), "{}", scenario());
    assert!(scenario().contains("This is one ending of the story."));

    click_button(&root, "Start the story again").await;
    click_button(&root, "Ask for a contract").await;
    click_button(&root, "Continue").await;
    assert!(scenario().contains("Anu stays and tells her aunt."), "{}", scenario());
}

#[wasm_bindgen_test]
async fn help_contacts_in_a_lesson_come_from_the_help_file() {
    clear_storage();
    let root = mount("/lessons/basics/section/2").await;
    let contacts = text(&find(&root, ".lesson-section .contacts"));
    assert!(contacts.contains("Child Helpline"), "{contacts}");
    assert!(contacts.contains("Call 108"), "{contacts}");
}

#[wasm_bindgen_test]
async fn the_teacher_guide_has_the_plan_and_a_read_aloud_script() {
    clear_storage();
    let root = mount_teacher("/guides/basics").await;
    assert_eq!(find(&root, "h1").text_content().as_deref(), Some("Teacher guide: Basics"));
    let guide = text(&root);
    assert!(guide.contains("Timing and preparation"), "{guide}");
    assert!(guide.contains("Scenario to read aloud: Anu's offer"), "{guide}");
    assert!(guide.contains("Ask for a contract The recruiter stops answering."), "{guide}");
    assert!(guide.contains("(Go to step 3.)"), "{guide}");
    assert!(find(&root, ".screen-only").text_content().unwrap_or_default().contains("Print this guide"));
}

#[wasm_bindgen_test]
async fn the_first_section_shows_the_lessons_content_note_and_no_way_into_the_teachers_screens() {
    clear_storage();
    let root = mount("/lessons/basics/section/1").await;
    assert!(text(&find(&root, ".content-note")).contains("This lesson talks about jobs."));
    let links = root.query_selector_all("a").expect("query links");
    for i in 0..links.length() {
        let href = links.item(i).and_then(|link| link.unchecked_into::<web_sys::Element>().get_attribute("href"));
        assert!(!href.unwrap_or_default().contains("teacher"), "a student's screen links to the teacher's");
    }
}
