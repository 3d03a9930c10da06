use std::cell::RefCell;
use std::rc::Rc;

use aware::app::Bundle;
use aware::app::check::CheckScreen;
use aware::app::router::Router;
use aware::app::student::{StudentRoute, StudentScreen};
use aware::app::teacher::{TeacherRoute, TeacherScreen};
use aware::platform::location;
use aware::state::{AssessmentProvider, BandProvider, DeviceProvider, LocaleProvider, PreloadedContent, Sealer};
use aware_core::assessment::Assessment;
use aware_core::content::Curriculum;
use aware_core::content::course::CourseIndex;
use aware_core::store::Keyring;
use aware_core::store::teacher::{SealedLog, TeacherData};
use aware_core::study::ResultsFile;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventInit, HtmlElement, HtmlInputElement};
use yew::AppHandle;
use yew::prelude::*;

/// A small curriculum: one lesson with two sections, three questions (one of each type), a
/// scenario with two endings, and a teacher guide.
pub const CURRICULUM: &str = r#"{"format":4,"locale":"en","lessons":[{"id":"basics","version":3,"age_min":12,"age_max":18,"duration_minutes":30,"title":"Basics","summary":"A test lesson.","content_note":"This lesson talks about jobs.","reviewed":true,"objectives":[{"id":"o","text":"Learn."}],"sections":[{"heading":[{"Text":"First"}],"blocks":[{"Paragraph":[{"Text":"No border is needed"},{"Cite":"un"},{"Text":"."}]},{"Callout":{"kind":"example","blocks":[{"Paragraph":[{"Text":"<b>not markup</b>"}]}]}},{"List":{"ordered":false,"items":[[{"Strong":[{"Text":"Act"}]}]]}}]},{"heading":[{"Text":"Second"}],"blocks":[{"Paragraph":[{"Text":"More."}]},{"Scenario":"offer"},"HelpContacts"]}],"key_points":["Remember this."],"quiz":[{"id":"pick-one","kind":"single","prompt":"Which is right?","sources":[],"options":[{"id":"a","text":"Wrong one","explanation":"Not quite: A is wrong because of X.","correct":false},{"id":"b","text":"Right one","explanation":"Yes: B is right because of Y.","correct":true}]},{"id":"pick-all","kind":"multiple","prompt":"Pick all.","sources":[],"options":[{"id":"a","text":"First","explanation":"First is right.","correct":true},{"id":"b","text":"Second","explanation":"Second is right.","correct":true},{"id":"c","text":"Third","explanation":"Third is wrong.","correct":false}]},{"id":"myth","kind":"true-false","prompt":"A border is needed.","sources":[],"options":[{"id":"true","text":"","explanation":"Not quite: no border is needed.","correct":false},{"id":"false","text":"","explanation":"Right: no border is needed.","correct":true}]}],"scenarios":[{"id":"offer","title":"Anu's offer","intro":"This story is made up.","steps":[{"id":"start","text":"A message offers a job abroad.","choices":[{"id":"ask","text":"Ask for a contract","consequence":"The recruiter stops answering.","why":"Real employers give contracts.","next":"safe"},{"id":"go","text":"Pack your bag","consequence":"You leave the same week.","why":"Nobody checked the agency.","next":"far"}]},{"id":"safe","text":"Anu stays and tells her aunt.","choices":[]},{"id":"far","text":"Anu is far from home without her passport.","choices":[]}]}],"teacher_guide":[{"heading":[{"Text":"Timing and preparation"}],"blocks":[{"Paragraph":[{"Text":"Ten minutes."}]}]}],"sources":[{"id":"un","title":"Protocol","publisher":"United Nations","year":2000,"url":"https://example.org"}]}]}"#;

/// The real assessment, as build.rs compiled it from `assessment/` (the app downloads the same).
pub const ASSESSMENT: &str = include_str!(concat!(env!("OUT_DIR"), "/assessment.json"));

thread_local! {
    static DECODED: Rc<Assessment> = Rc::new(Assessment::decode(ASSESSMENT).expect("the built assessment decodes"));
    /// The app mounted last, removed when the next test mounts its own.
    static MOUNTED: RefCell<Option<(AppHandle<Harness>, Element)>> = const { RefCell::new(None) };
    /// A second app mounted beside the first (a second window of the same device), removed with it.
    static BESIDE: RefCell<Option<(AppHandle<Harness>, Element)>> = const { RefCell::new(None) };
}

pub fn assessment() -> Rc<Assessment> {
    DECODED.with(Rc::clone)
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    bundle: Bundle,
}

#[component]
fn Harness(props: &HarnessProps) -> Html {
    let content = use_memo((), |()| {
        let curriculum = Curriculum::decode(CURRICULUM).expect("test curriculum decodes");
        let index = Rc::new(CourseIndex::of(&curriculum));
        (index, curriculum.lessons.into_iter().map(Rc::new).collect::<Vec<_>>())
    });
    let (index, lessons) = (content.0.clone(), content.1.clone());
    // The providers of the bundles' roots (`aware::app::*App`), with the curriculum and the
    // assessment given instead of downloaded; the screen comes from the address's fragment.
    let messages = match props.bundle {
        Bundle::Student => aware::deployment::STUDENT_MESSAGES,
        Bundle::Check => aware::deployment::CHECK_MESSAGES,
        Bundle::Teacher => aware::deployment::TEACHER_MESSAGES,
    };
    let screen = match props.bundle {
        Bundle::Student => html! { <Router<StudentRoute>><StudentScreen /></Router<StudentRoute>> },
        Bundle::Check => html! { <CheckScreen /> },
        Bundle::Teacher => html! { <Router<TeacherRoute>><TeacherScreen /></Router<TeacherRoute>> },
    };
    // As in the roots: the student's lessons seal nothing; the check and the teacher's screens do.
    let sealer = (props.bundle != Bundle::Student).then_some(aware::state::seal as Sealer);
    let scope = match props.bundle {
        Bundle::Student => aware_core::store::Scope::LESSONS,
        Bundle::Check => aware_core::store::Scope::CHECK,
        Bundle::Teacher => aware_core::store::Scope::ALL,
    };
    html! {
        <ContextProvider<Bundle> context={props.bundle}>
            <LocaleProvider messages={messages}>
                <DeviceProvider {scope} {sealer}>
                    <BandProvider><PreloadedContent locale="en" {index} {lessons}>
                        <AssessmentProvider preloaded={Some(assessment())}>
                            { screen }
                        </AssessmentProvider>
                    </PreloadedContent></BandProvider>
                </DeviceProvider>
            </LocaleProvider>
        </ContextProvider<Bundle>>
    }
}

/// Renders screen `path` of the student's bundle into a fresh element.
pub async fn mount(path: &str) -> Element {
    mount_bundle(Bundle::Student, path).await
}

/// The passphrase the tests set the teacher's area up with.
pub const PASSPHRASE: &str = "four unrelated words here";

/// Renders screen `path` of the teacher's bundle, and opens the teacher's area with
/// [`PASSPHRASE`] (setting it up on first use), as the teacher would.
pub async fn mount_teacher(path: &str) -> Element {
    let root = mount_teacher_locked(path).await;
    if root.query_selector("#passphrase").ok().flatten().is_some() {
        enter_passphrase(&root, PASSPHRASE).await;
        wait_until("the teacher's area opens", || root.query_selector("#teacher-lock").ok().flatten().is_some()).await;
    }
    root
}

/// Renders screen `path` of the teacher's bundle as it first appears: behind the passphrase.
pub async fn mount_teacher_locked(path: &str) -> Element {
    mount_bundle(Bundle::Teacher, path).await
}

/// Types `passphrase` (twice, when setting up) and submits.
pub async fn enter_passphrase(root: &Element, passphrase: &str) {
    type_into(root, "#passphrase", passphrase).await;
    if root.query_selector("#passphrase-again").ok().flatten().is_some() {
        type_into(root, "#passphrase-again", passphrase).await;
    }
    click(root, ".teacher-gate button[type=submit]").await;
}

/// Renders screen `path` of the teacher's bundle as a second app beside the one mounted last,
/// as a second window on the same device: the two share storage and `BroadcastChannel`, and
/// each keeps the screen it was mounted on (a router reads the address when it starts and
/// follows only `hashchange`, which `history.replaceState` does not fire).
pub async fn mount_teacher_beside(path: &str) -> Element {
    // The first app's own `hashchange` (from its mount) is heard before the address changes.
    pause(20).await;
    let history = web_sys::window().expect("window").history().expect("history");
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{path}"))).expect("replaceState");
    let document = gloo_document();
    let root = document.create_element("div").expect("create root");
    document.body().expect("body").append_child(&root).expect("append root");
    let props = HarnessProps { bundle: Bundle::Teacher };
    let app = yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    BESIDE.with(|beside| *beside.borrow_mut() = Some((app, root.clone())));
    yew::scheduler::flush().await;
    root
}

/// Closes the app [`mount_teacher_beside`] mounted, as a window is closed.
pub fn unmount_beside() {
    if let Some((app, root)) = BESIDE.with(|beside| beside.borrow_mut().take()) {
        app.destroy();
        root.remove();
    }
}

/// Renders the awareness check.
pub async fn mount_check() -> Element {
    mount_bundle(Bundle::Check, "/").await
}

/// Renders `bundle` at screen `path` into a fresh element and waits until it has rendered. The
/// app a previous call mounted is destroyed first, so ids are unique in the document and no
/// earlier app holds state or listeners.
async fn mount_bundle(bundle: Bundle, path: &str) -> Element {
    for slot in [&MOUNTED, &BESIDE] {
        if let Some((app, root)) = slot.with(|mounted| mounted.borrow_mut().take()) {
            app.destroy();
            root.remove();
        }
    }
    location::replace(path);
    let document = gloo_document();
    let root = document.create_element("div").expect("create root");
    document.body().expect("body").append_child(&root).expect("append root");
    let app = yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { bundle }).render();
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some((app, root.clone())));
    yew::scheduler::flush().await;
    root
}

pub fn gloo_document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage")
}

/// Starts each test from an empty `localStorage`, as a first visit.
pub fn clear_storage() {
    local_storage().clear().expect("clear storage");
}

pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

/// Clicks the button whose text is `label`.
pub async fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").expect("query buttons");
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).expect("button").unchecked_into();
        if button.text_content().unwrap_or_default().trim() == label {
            button.click();
            yew::scheduler::flush().await;
            return;
        }
    }
    panic!("no button labelled {label:?} in: {}", text(root));
}

/// The text of every element matching `selector`, in document order.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).expect("query");
    (0..found.length()).filter_map(|i| found.item(i)).map(|node| node.text_content().unwrap_or_default()).collect()
}

/// Dispatches a bubbling event of `kind` (the app's listeners are delegated, so it must bubble).
pub async fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

/// Types `value` into the input matching `selector`, as one `input` event.
pub async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    fire(&input, "input").await;
}

pub fn input(root: &Element, selector: &str) -> HtmlInputElement {
    find(root, selector).unchecked_into()
}

/// Clicks the link whose text is `label`.
pub async fn click_link(root: &Element, label: &str) {
    let links = root.query_selector_all("a").expect("query links");
    for i in 0..links.length() {
        let link: HtmlElement = links.item(i).expect("link").unchecked_into();
        if link.text_content().unwrap_or_default().trim() == label {
            link.click();
            // A link to a screen changes the fragment; the router hears of it in a later task.
            pause(0).await;
            return;
        }
    }
    panic!("no link labelled {label:?} in: {}", text(root));
}

/// Lets the browser run timers and promises (file reads) for `ms` milliseconds, then renders.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
    yew::scheduler::flush().await;
}

/// Waits (up to ten seconds: a passphrase is stretched 600,000 times) until `ready` holds, for
/// work the app does asynchronously.
pub async fn wait_until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        pause(10).await;
    }
    panic!("timed out waiting until {what}");
}

/// What the teacher's screens show once unlocked: the results, studies and sessions sealed on this
/// device, opened with [`PASSPHRASE`] through the app's own WebCrypto code, together with any
/// still held in the clear. Sealing happens after the action that asked for it, so this waits (up
/// to ten seconds) until `ready` holds.
pub async fn teacher_data(what: &str, ready: impl Fn(&TeacherData) -> bool) -> TeacherData {
    use aware::platform::crypto;
    let keyring = local_storage().get_item("aware.teacher.keyring").unwrap().expect("a teacher is set up");
    let keyring = Keyring::decode(&keyring).expect("the keyring decodes");
    let key = crypto::unlock(&keyring, PASSPHRASE).await.expect("the passphrase unlocks it");
    for _ in 0..1000 {
        let log = local_storage().get_item("aware.teacher.sealed").unwrap().unwrap_or_default();
        let envelopes =
            if log.is_empty() { Vec::new() } else { SealedLog::decode(&log).expect("the log decodes").envelopes };
        let mut opened = Vec::new();
        for envelope in &envelopes {
            opened.push(crypto::open(&key, &keyring, envelope).await.expect("every envelope opens"));
        }
        let mut data = aware_core::store::teacher::open(opened);
        if let Some(clear) = local_storage().get_item("aware.results").unwrap() {
            data.results.merge(ResultsFile::decode(clear.as_bytes()).expect("clear results decode")).expect("merge");
        }
        if ready(&data) {
            return data;
        }
        pause(10).await;
    }
    panic!("timed out waiting until the teacher's data holds {what}");
}
