//! A lesson's quiz on paper, for a class without devices: the worksheet (the questions with
//! answer boxes, no name field) and the teacher's answer key (the right boxes ticked, every
//! option's explanation), for ages 12–14 or 15–18, on A4 or Letter.
//!
//! The layout is `aware_core::print::worksheet`'s: every line is broken and every question
//! placed on a page there, so the printout has a known number of pages and no question is cut in
//! two whatever fonts the device has. This screen draws each page as one SVG in millimetres; the
//! print stylesheet gives each its own sheet of the chosen paper (`@page worksheet-a4` or
//! `worksheet-letter`, no margin: the layout has its own). The band is chosen here and the lesson
//! filtered by `BandLesson`, so a 12–14 sheet never holds what is written for 15–18.

use std::rc::Rc;

use aware_core::band::AgeBand;
use aware_core::classroom::BandLesson;
use aware_core::content::Lesson;
use aware_core::l10n::Arg;
use aware_core::print::worksheet::{Item, Labels, Page, Sheet, worksheet};
use aware_core::print::{FONT_FAMILY, Paper};
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::teacher::TeacherRoute;
use crate::components::lesson_gate::LessonGate;
use crate::components::page::PageHeading;
use crate::platform::document;
use crate::state::{L10n, use_l10n, use_title};

#[derive(Properties, PartialEq)]
pub struct WorksheetPageProps {
    pub lesson: String,
}

#[component]
pub fn WorksheetPage(props: &WorksheetPageProps) -> Html {
    // The lesson as written: the band is chosen on this screen.
    let view = Callback::from(|lesson| html! { <WorksheetView {lesson} /> });
    html! { <LessonGate id={props.lesson.clone()} {view} whole=true /> }
}

#[derive(Properties, PartialEq)]
struct WorksheetViewProps {
    lesson: Rc<Lesson>,
}

#[component]
fn WorksheetView(props: &WorksheetViewProps) -> Html {
    let l10n = use_l10n();
    let lesson = &props.lesson;
    let title = l10n.t_with("teacher-worksheet-title", &[("lesson", Arg::from(lesson.title.as_str()))]);
    use_title(title.clone());
    let bands: Vec<AgeBand> = AgeBand::ALL.into_iter().filter(|band| lesson.is_for(*band)).collect();
    let band = use_state(|| bands.first().copied().unwrap_or(AgeBand::Older));
    let sheet = use_state(|| Sheet::Worksheet);
    let paper = use_state(|| Paper::A4);
    let pages = BandLesson::new(lesson, *band).ok().and_then(|seen| layout(&l10n, &seen, *band, *paper, *sheet));
    let print = Callback::from(|_: MouseEvent| document::print());

    let radio = |name: &'static str, value: &'static str, label: String, checked: bool, onchange: Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} {name} {value} {checked} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let band_radio = |choice: AgeBand| {
        radio("band", choice.as_str(), super::band_label(&l10n, choice), *band == choice, choose(&band, choice))
    };
    let sheet_radio =
        |choice: Sheet, value, label| radio("sheet", value, l10n.t(label), *sheet == choice, choose(&sheet, choice));
    let paper_radio =
        |choice: Paper, value, label| radio("paper", value, l10n.t(label), *paper == choice, choose(&paper, choice));
    let sheet_name = l10n.t(match *sheet {
        Sheet::Worksheet => "teacher-worksheet-sheet-class",
        Sheet::AnswerKey => "teacher-worksheet-sheet-key",
    });
    html! {
        <article class="teacher worksheets">
            <div class="screen-only">
                <PageHeading text={title} />
                <p class="lead">{ l10n.t("teacher-worksheet-intro") }</p>
                <fieldset class="field">
                    <legend>{ l10n.t("teacher-present-band") }</legend>
                    if bands.len() == 1 && bands[0] == AgeBand::Older {
                        <p class="hint">{ l10n.t("teacher-worksheet-older-only") }</p>
                    }
                    <div class="choices">{ for bands.iter().map(|&b| band_radio(b)) }</div>
                </fieldset>
                <fieldset class="field">
                    <legend>{ l10n.t("teacher-worksheet-sheet") }</legend>
                    <div class="choices">
                        { sheet_radio(Sheet::Worksheet, "worksheet", "teacher-worksheet-sheet-class") }
                        { sheet_radio(Sheet::AnswerKey, "answer-key", "teacher-worksheet-sheet-key") }
                    </div>
                </fieldset>
                <fieldset class="field">
                    <legend>{ l10n.t("teacher-worksheet-paper") }</legend>
                    <div class="choices">
                        { paper_radio(Paper::A4, "a4", "teacher-worksheet-paper-a4") }
                        { paper_radio(Paper::Letter, "letter", "teacher-worksheet-paper-letter") }
                    </div>
                </fieldset>
                if let Some(pages) = &pages {
                    <p role="status">
                        { l10n.t_with("teacher-worksheet-pages", &[("sheet", Arg::from(sheet_name.clone())), ("pages", Arg::from(pages.len()))]) }
                    </p>
                    <div class="actions">
                        <button type="button" class="button" onclick={print}>{ l10n.t("teacher-worksheet-print") }</button>
                        <Link<TeacherRoute> to={TeacherRoute::Guide { id: lesson.id.clone() }} classes="button secondary">
                            { l10n.t("teacher-guide-link") }
                        </Link<TeacherRoute>>
                    </div>
                } else {
                    <p class="error-message" role="alert">{ l10n.t("teacher-worksheet-too-long") }</p>
                }
            </div>
            if let Some(pages) = pages {
                <div class="worksheet-pages">
                    { for pages.iter().enumerate().map(|(k, page)| draw(&l10n, page, *paper, &sheet_name, k + 1, pages.len())) }
                </div>
            }
        </article>
    }
}

/// Sets `state` to `value` when its radio button is chosen.
fn choose<T: Copy + 'static>(state: &UseStateHandle<T>, value: T) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |_: Event| state.set(value))
}

/// The pages, or `None` for a question taller than a page (no lesson has one: the core's tests
/// lay out every lesson).
fn layout(l10n: &L10n, lesson: &BandLesson, band: AgeBand, paper: Paper, sheet: Sheet) -> Option<Vec<Page>> {
    let words = [
        super::band_label(l10n, band),
        l10n.t("teacher-worksheet-choose-one"),
        l10n.t("teacher-worksheet-choose-all"),
        l10n.t("quiz-true"),
        l10n.t("quiz-false"),
        l10n.t("teacher-worksheet-sheet-key"),
    ];
    let page = |number: usize, pages: usize| {
        l10n.t_with("teacher-worksheet-page", &[("number", Arg::from(number)), ("total", Arg::from(pages))])
    };
    let labels = Labels {
        band: &words[0],
        choose_one: &words[1],
        choose_all: &words[2],
        true_: &words[3],
        false_: &words[4],
        answer_key: &words[5],
        page: &page,
    };
    worksheet(lesson, paper, sheet, &labels).ok()
}

/// One page as an SVG whose units are millimetres.
fn draw(l10n: &L10n, page: &Page, paper: Paper, sheet_name: &str, number: usize, pages: usize) -> Html {
    let (width, height) = (page.size.width, page.size.height);
    let correct = l10n.t("teacher-poll-correct");
    let items = page.items.iter().map(|item| match item {
        Item::Line { x, y, font, text } => html! {
            <text x={x.to_string()} y={y.to_string()} font-size={font.size.to_string()}
                font-weight={if font.bold { "bold" } else { "normal" }}>{ text.clone() }</text>
        },
        Item::Box { x, y, side, ticked } => html! {
            <>
                <rect class="answer-box" x={x.to_string()} y={y.to_string()} width={side.to_string()} height={side.to_string()} />
                if *ticked {
                    <path class="answer-tick" role="img" aria-label={correct.clone()}
                        d={format!("M {} {} L {} {} L {} {}", x + side * 0.2, y + side * 0.55, x + side * 0.42, y + side * 0.8, x + side * 0.85, y + side * 0.2)} />
                }
            </>
        },
    });
    let label = l10n.t_with(
        "teacher-worksheet-page-label",
        &[("sheet", Arg::from(sheet_name)), ("number", Arg::from(number)), ("total", Arg::from(pages))],
    );
    // A class (`styles/teacher.css` sizes each sheet by it), not a message id.
    let paper_class = format!(
        "paper-{}",
        match paper {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    );
    html! {
        <svg class={classes!("worksheet-page", paper_class)} viewBox={format!("0 0 {width} {height}")}
            width={format!("{width}mm")} height={format!("{height}mm")} font-family={FONT_FAMILY}
            role="group" aria-label={label}>
            { for items }
        </svg>
    }
}
