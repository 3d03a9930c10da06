use aware::platform::crypto::{self, CryptoError};
use aware_core::store::Payload;
use aware_core::store::teacher::PayloadKind;
use aware_core::store::teacher::SealedLog;
use aware_core::study::{Code, Design, Participant, Phase, StudyId};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use crate::harness::{
    PASSPHRASE, assessment, clear_storage, click, click_button, enter_passphrase, find, input, local_storage, mount,
    mount_check, mount_teacher, mount_teacher_locked, text, type_into, wait_until,
};

fn participant(salt: u8) -> Participant {
    let study = StudyId::generate(&[salt, 1, 2, 3, 4, 5, 6, 7]);
    Participant { study, code: Code::generate(&[salt, 9, 8, 7, 6, 5, 4, 3]) }
}

/// Every `aware.*` key and its value, sorted.
fn aware_keys() -> Vec<(String, String)> {
    let storage = local_storage();
    let mut keys: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with("aware."))
        .map(|key| {
            let value = storage.get_item(&key).unwrap().unwrap_or_default();
            (key, value)
        })
        .collect();
    keys.sort();
    keys
}

fn heading(root: &Element) -> String {
    text(&find(root, "h1"))
}

/// Takes the check as `participant` and hands in one answer.
async fn hand_in(root: &Element, participant: Participant) {
    type_into(root, "#study-id", &participant.study.to_string()).await;
    type_into(root, "#code", &participant.code.to_string()).await;
    click_button(root, "Start the check").await;
    let form = Design::of(participant.study).form(participant.code, Phase::Pre);
    let assessment = assessment();
    let item = assessment.knowledge_on(form).next().expect("a knowledge item");
    click(root, &format!("[id='{}--{}']", item.id, item.options[0].id)).await;
    click_button(root, "Hand in").await;
    click_button(root, "Hand in anyway").await;
    assert_eq!(heading(root), "Thank you");
}

// --- WebCrypto ------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_sealed_payload_opens_with_the_passphrase_and_with_nothing_else() {
    let (keyring, key) = crypto::set_up(PASSPHRASE).await.expect("WebCrypto sets up a keyring");
    assert_eq!(keyring.iterations, aware_core::store::teacher::keyring::ITERATIONS);
    assert!(!String::from_utf8_lossy(&keyring.wrapped_private_key).contains(PASSPHRASE));
    let payload = Payload { kind: PayloadKind::Results, text: r#"{"a":"hand-in"}"#.to_owned() };
    let envelope = crypto::seal(&keyring.public_key, &payload).await.expect("sealed without the passphrase");
    assert!(!String::from_utf8_lossy(&envelope.ciphertext).contains("hand-in"));

    let opened = crypto::open(&key, &keyring, &envelope).await.expect("the set-up key opens it");
    assert_eq!((opened.kind, opened.plaintext.as_slice()), (PayloadKind::Results, payload.text.as_bytes()));

    assert_eq!(crypto::unlock(&keyring, "four unrelated words hers").await.err(), Some(CryptoError::WrongPassphrase));
    let unlocked = crypto::unlock(&keyring, PASSPHRASE).await.expect("the passphrase unlocks the keyring");
    let again = crypto::open(&unlocked, &keyring, &envelope).await.expect("the unlocked key opens it");
    assert_eq!(again.plaintext, payload.text.as_bytes());

    // A flipped bit, or the kind relabelled, and it does not open.
    let mut damaged = envelope.clone();
    damaged.ciphertext[0] ^= 1;
    assert!(crypto::open(&unlocked, &keyring, &damaged).await.is_none());
    let mut relabelled = envelope.clone();
    relabelled.kind = PayloadKind::Studies;
    assert!(crypto::open(&unlocked, &keyring, &relabelled).await.is_none());
    // Another teacher's key does not open it.
    let (other, other_key) = crypto::set_up("another teacher's words").await.expect("a second keyring");
    assert!(crypto::open(&other_key, &other, &envelope).await.is_none());
}

// --- A shared computer ----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_next_student_starts_with_an_empty_form_and_nothing_of_the_last_is_remembered() {
    clear_storage();
    let root = mount_check().await;
    assert!(!input(&root, "#remember").checked(), "off by default");
    // Even a student who asked to be remembered is forgotten by "Next student".
    click(&root, "#remember").await;
    let first = participant(1);
    hand_in(&root, first).await;
    assert_eq!(local_storage().get_item("aware.participant").unwrap(), Some(first.encode()));

    click_button(&root, "Next student").await;
    assert_eq!(heading(&root), "Awareness check");
    assert_eq!(input(&root, "#study-id").value(), "");
    assert_eq!(input(&root, "#code").value(), "");
    assert!(input(&root, "#phase-pre").checked(), "not the post-test of the last student");
    assert!(!input(&root, "#remember").checked());
    assert_eq!(local_storage().get_item("aware.participant").unwrap(), None);

    // A reload shows the same empty form.
    let root = mount_check().await;
    assert_eq!(input(&root, "#code").value(), "");
}

// --- The teacher's area ---------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_teachers_screens_open_only_with_the_passphrase_set_on_first_use() {
    clear_storage();
    let root = mount_teacher_locked("/").await;
    assert_eq!(heading(&root), "Set up the teacher's area on this device");
    assert!(text(&root).contains("If this passphrase is lost, the results kept on this device are lost too"));
    assert!(root.query_selector("#study-label").unwrap().is_none(), "no teacher's screen behind the form");

    // Too short, then two that differ: refused, nothing stored.
    type_into(&root, "#passphrase", "short").await;
    type_into(&root, "#passphrase-again", "short").await;
    click(&root, ".teacher-gate button[type=submit]").await;
    assert!(text(&find(&root, "#passphrase-error")).contains("at least 10 characters"));
    type_into(&root, "#passphrase", PASSPHRASE).await;
    type_into(&root, "#passphrase-again", "four unrelated words there").await;
    click(&root, ".teacher-gate button[type=submit]").await;
    assert_eq!(text(&find(&root, "#passphrase-error")), "The two passphrases are not the same. Type them again.");
    assert_eq!(local_storage().get_item("aware.teacher.keyring").unwrap(), None);

    enter_passphrase(&root, PASSPHRASE).await;
    wait_until("the area opens", || root.query_selector("#teacher-lock").ok().flatten().is_some()).await;
    assert_eq!(heading(&root), "Measure what your class learned");
    let keyring = local_storage().get_item("aware.teacher.keyring").unwrap().expect("a keyring is stored");
    assert!(!keyring.contains(PASSPHRASE));

    // Locked again (or on the next visit), a wrong passphrase does not open it.
    click(&root, "#teacher-lock").await;
    assert_eq!(heading(&root), "Open the teacher's area");
    let root = mount_teacher_locked("/").await;
    assert_eq!(heading(&root), "Open the teacher's area");
    enter_passphrase(&root, "four unrelated words hers").await;
    wait_until("the passphrase is refused", || root.query_selector("#passphrase-error").ok().flatten().is_some()).await;
    assert!(text(&find(&root, "#passphrase-error")).contains("does not open the teacher's area"));
    enter_passphrase(&root, PASSPHRASE).await;
    wait_until("the area opens", || root.query_selector("#teacher-lock").ok().flatten().is_some()).await;
}

#[wasm_bindgen_test]
async fn a_hand_in_on_a_teachers_device_is_stored_sealed_and_read_only_with_the_passphrase() {
    clear_storage();
    mount_teacher("/").await;
    let student = participant(2);
    let root = mount_check().await;
    hand_in(&root, student).await;
    wait_until("the hand-in is sealed", || local_storage().get_item("aware.teacher.sealed").unwrap().is_some()).await;
    let sealed = local_storage().get_item("aware.teacher.sealed").unwrap().unwrap();
    assert_eq!(SealedLog::decode(&sealed).expect("a sealed log").len(), 1);
    assert_eq!(local_storage().get_item("aware.results").unwrap(), None, "nothing in the clear");
    let everything: String = aware_keys().into_iter().map(|(key, value)| key + &value).collect();
    assert!(!everything.contains(&student.code.to_string()), "the code is nowhere readable");
    assert!(!everything.contains(&student.code.compact()));

    // The next student sees nothing of it.
    click_button(&root, "Next student").await;
    assert_eq!(input(&root, "#code").value(), "");

    // The teacher, with the passphrase, does.
    let root = mount_teacher("/").await;
    let list = text(&find(&root, ".study-list"));
    assert!(list.contains(&format!("Study {}", student.study)), "{list}");
    assert!(list.contains("Before the lessons: 1. After the lessons: 0."), "{list}");
}

#[wasm_bindgen_test]
async fn a_students_own_device_without_a_teacher_keeps_results_as_before() {
    clear_storage();
    let root = mount_check().await;
    hand_in(&root, participant(3)).await;
    assert!(local_storage().get_item("aware.results").unwrap().is_some());
    assert_eq!(local_storage().get_item("aware.teacher.sealed").unwrap(), None);
}

// --- Data on this device --------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn delete_everything_leaves_no_aware_key_and_other_sites_keys_alone() {
    clear_storage();
    let storage = local_storage();
    storage.set_item("aware.progress", r#"{"schema":2,"lessons":{}}"#).unwrap();
    storage.set_item("aware.locale", "en").unwrap();
    storage.set_item("aware.band", "12-14").unwrap();
    storage.set_item("aware.participant", &participant(4).encode()).unwrap();
    storage.set_item("aware.results.backup", "{damaged").unwrap();
    storage.set_item("aware.from-a-newer-version", "x").unwrap();
    storage.set_item("another-app", "kept").unwrap();

    let root = mount("/data").await;
    assert_eq!(heading(&root), "Data on this device");
    let listed = text(&find(&root, ".data-list"));
    for kind in
        ["The chosen language", "The chosen age group", "A remembered study id and code", "Data from another version"]
    {
        assert!(listed.contains(kind), "{kind} in {listed}");
    }
    click(&root, "#delete-everything").await;
    assert!(text(&root).contains("cannot be undone"));
    click(&root, "#delete-everything-confirm").await;
    assert_eq!(aware_keys(), Vec::<(String, String)>::new());
    assert_eq!(storage.get_item("another-app").unwrap().as_deref(), Some("kept"));
    assert!(text(&root).contains("Everything was deleted."));
    assert!(text(&root).contains("Aware keeps nothing on this device."));
}

#[wasm_bindgen_test]
async fn one_kind_is_deleted_alone_and_a_student_cannot_delete_the_teachers_results() {
    clear_storage();
    mount_teacher("/").await;
    local_storage().set_item("aware.band", "15-18").unwrap();
    local_storage().set_item("aware.locale", "en").unwrap();
    let root = mount("/data").await;
    click(&root, "button[aria-label='Delete: The chosen age group']").await;
    assert_eq!(local_storage().get_item("aware.band").unwrap(), None);
    assert_eq!(local_storage().get_item("aware.locale").unwrap().as_deref(), Some("en"));
    assert!(text(&root).contains("Only the teacher can delete this"));
    click(&root, "#delete-everything").await;
    click(&root, "#delete-everything-confirm").await;
    let left: Vec<String> = aware_keys().into_iter().map(|(key, _)| key).collect();
    assert_eq!(left, ["aware.teacher.keyring"], "the teacher's keys stay");

    // The teacher's own page deletes them too.
    let root = mount_teacher("/data").await;
    click(&root, "#delete-everything").await;
    click(&root, "#delete-everything-confirm").await;
    assert_eq!(aware_keys(), Vec::<(String, String)>::new());
}
