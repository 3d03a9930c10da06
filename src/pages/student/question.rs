//! One quiz question: choose, check, read why, try again or go on. No timer, no points for speed.

use std::rc::Rc;

use aware_core::content::{Lesson, QuizKind};
use aware_core::l10n::Arg;
use aware_core::quiz::{self, Selection};
use aware_core::shuffle;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::student::StudentRoute;
use crate::components::lesson_gate::LessonGate;
use crate::components::page::{Missing, PageHeading};
use crate::platform::{document, random};
use crate::state::{L10n, ProgressAction, use_l10n, use_progress, use_title};

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub id: String,
    /// 1-based, as in the address.
    pub number: usize,
}

#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let number = props.number;
    let view = Callback::from(move |lesson| html! { <QuestionView {lesson} {number} /> });
    html! { <LessonGate id={props.id.clone()} {view} /> }
}

#[derive(Properties, PartialEq)]
struct QuestionViewProps {
    lesson: Rc<Lesson>,
    number: usize,
}

#[component]
fn QuestionView(props: &QuestionViewProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    let lesson = &props.lesson;
    let item = props.number.checked_sub(1).and_then(|i| lesson.quiz.get(i));
    let kept = progress.progress.lesson(&lesson.id);
    let record = item.and_then(|item| kept?.quiz.get(&item.id).cloned());
    // The options are shown in an order drawn for this attempt at the quiz (the key's place gives
    // nothing away); the seed is kept with the progress, so a reload shows the same order.
    let quiz_seed = kept.and_then(|kept| kept.quiz_seed);
    {
        let (progress, lesson) = (progress.clone(), props.lesson.clone());
        use_effect_with((lesson.id.clone(), quiz_seed.is_none()), move |(_, missing)| {
            if *missing {
                let fresh = random::bytes().map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                progress.dispatch(ProgressAction::KeepQuizSeed { lesson, fresh });
            }
        });
    }
    // A question answered before shows that answer and its feedback again (after a reload too).
    let selection = use_state(|| record.as_ref().map(|r| r.selection.clone()).unwrap_or_default());
    // Progress migrated from schema 1 has attempts but no selection (v1 did not keep it): there is
    // no answer to show, so ask again rather than judging an empty choice as wrong.
    let checked = use_state(|| record.as_ref().is_some_and(|r| r.attempts > 0 && !r.selection.is_empty()));
    let missing_choice = use_state(|| false);
    // The button that had focus disappears on "Check answer" and "Try again": move focus to what
    // comes next (the next action, or the first choice) so keyboard users are not left nowhere.
    let actions = use_node_ref();
    let choices = use_node_ref();
    let focus_after_render = use_mut_ref(|| false);
    {
        let (actions, choices) = (actions.clone(), choices.clone());
        let focus_after_render = focus_after_render.clone();
        use_effect_with(*checked, move |checked| {
            if std::mem::replace(&mut *focus_after_render.borrow_mut(), false) {
                let target = if *checked { &actions } else { &choices };
                document::focus_first_control(target);
            }
        });
    }

    let title = match item {
        Some(_) => format!(
            "{}: {}",
            l10n.t_with(
                "quiz-question-count",
                &[("current", Arg::from(props.number)), ("total", Arg::from(lesson.quiz.len()))]
            ),
            lesson.title
        ),
        None => l10n.t_with("quiz-not-found", &[("number", Arg::from(props.number))]),
    };
    use_title(title);

    let Some(item) = item else {
        return html! { <Missing message={l10n.t_with("quiz-not-found", &[("number", Arg::from(props.number))])} /> };
    };

    // The options wait for this attempt's seed (kept by the effect above, one render later), so
    // they never appear in one order and then another.
    let Some(quiz_seed) = quiz_seed else {
        return html! { <article class="question"><PageHeading text={lesson.title.clone()} /></article> };
    };
    let attempt = record.as_ref().map_or(0, |record| record.attempt_on_screen(*checked));
    let in_order = item.options_in_order(shuffle::item_seed(quiz_seed, &item.id, attempt));

    let total = lesson.quiz.len();
    let verdict = (*checked).then(|| quiz::check(item, &selection));
    let multiple = item.kind == QuizKind::Multiple;

    let on_choose = {
        let selection = selection.clone();
        let checked = checked.clone();
        let missing_choice = missing_choice.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next: Selection = if multiple { (*selection).clone() } else { Selection::new() };
            if input.checked() {
                next.insert(input.value());
            } else {
                next.remove(&input.value());
            }
            selection.set(next);
            // Changing the answer after a check starts a new attempt.
            checked.set(false);
            missing_choice.set(false);
        })
    };
    let on_check = {
        let selection = selection.clone();
        let checked = checked.clone();
        let missing_choice = missing_choice.clone();
        let progress = progress.clone();
        let lesson = props.lesson.clone();
        let item_id = item.id.clone();
        let focus_after_render = focus_after_render.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if selection.is_empty() {
                missing_choice.set(true);
                return;
            }
            *focus_after_render.borrow_mut() = true;
            progress.dispatch(ProgressAction::Answer {
                lesson: lesson.clone(),
                item: item_id.clone(),
                selection: (*selection).clone(),
            });
            checked.set(true);
        })
    };
    let on_try_again = {
        let selection = selection.clone();
        let checked = checked.clone();
        let focus_after_render = focus_after_render.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_after_render.borrow_mut() = true;
            selection.set(Selection::new());
            checked.set(false);
        })
    };

    // The error summary links to the first choice; focus it directly (a fragment would add a
    // history entry and leave focus behind).
    let first_input = format!("option-{}", in_order[0].id);
    let focus_first = {
        let first_input = first_input.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            document::focus(&first_input);
        })
    };
    let legend_id = "question-prompt";
    let error_id = "question-error";
    let options = in_order.iter().map(|option| {
        let input_id = format!("option-{}", option.id);
        let text = option_text(&l10n, item.kind, &option.id, &option.text);
        html! {
            <div class="choice">
                <input
                    type={if multiple { "checkbox" } else { "radio" }}
                    id={input_id.clone()}
                    name={item.id.clone()}
                    value={option.id.clone()}
                    checked={selection.contains(&option.id)}
                    onchange={on_choose.clone()}
                />
                <label for={input_id}>{ text }</label>
            </div>
        }
    });

    let feedback = verdict.as_ref().map(|verdict| {
        // In the order the options are shown.
        let explanations: Vec<_> = in_order.iter().filter(|option| selection.contains(&option.id)).collect();
        html! {
            <div class={classes!("feedback", if verdict.correct { "correct" } else { "incorrect" })}>
                <p class="verdict">{ l10n.t(if verdict.correct { "quiz-correct" } else { "quiz-incorrect" }) }</p>
                { for explanations.iter().map(|option| html! {
                    <div class="explanation">
                        <p class="chosen">{ l10n.t_with("quiz-you-chose", &[("option", Arg::from(option_text(&l10n, item.kind, &option.id, &option.text)))]) }</p>
                        <p>{ option.explanation.clone() }</p>
                    </div>
                }) }
                if !verdict.correct && verdict.missed > 0 && multiple {
                    <p>{ l10n.t_with("quiz-missed", &[("missed", Arg::from(verdict.missed))]) }</p>
                }
            </div>
        }
    });

    let next = if props.number < total {
        StudentRoute::Question { id: lesson.id.clone(), number: props.number + 1 }
    } else {
        StudentRoute::Result { id: lesson.id.clone() }
    };
    let correct = verdict.as_ref().is_some_and(|v| v.correct);

    html! {
        <article class="question">
            <PageHeading text={lesson.title.clone()} />
            <p class="section-count">{ l10n.t_with("quiz-question-count", &[("current", Arg::from(props.number)), ("total", Arg::from(total))]) }</p>
            <form onsubmit={on_check} novalidate=true>
                if *missing_choice {
                    <div class="error-summary" role="alert">
                        <h2>{ l10n.t("quiz-error-summary") }</h2>
                        <p><a href={format!("#{first_input}")} onclick={focus_first}>{ l10n.t("quiz-choose-first") }</a></p>
                    </div>
                }
                <fieldset aria-describedby={missing_choice.then_some(error_id)}>
                    <legend id={legend_id}><h2>{ item.prompt.clone() }</h2></legend>
                    if multiple {
                        <p class="hint">{ l10n.t("quiz-select-all") }</p>
                    }
                    if *missing_choice {
                        <p class="error-message" id={error_id}>{ l10n.t("quiz-choose-first") }</p>
                    }
                    <div class="choices" ref={choices}>{ for options }</div>
                </fieldset>
                if !*checked {
                    <button type="submit" class="button">{ l10n.t("quiz-check") }</button>
                }
            </form>
            <div class="feedback-region" role="status">{ for feedback }</div>
            if *checked {
                <div class="actions" ref={actions}>
                    if correct {
                        <Link<StudentRoute> to={next} classes="button">
                            { l10n.t(if props.number < total { "quiz-next" } else { "quiz-finish" }) }
                        </Link<StudentRoute>>
                    } else {
                        <button type="button" class="button" onclick={on_try_again}>{ l10n.t("quiz-try-again") }</button>
                    }
                </div>
            }
        </article>
    }
}

/// An option as shown: true/false options in the interface language, others as written.
pub fn option_text(l10n: &L10n, kind: QuizKind, id: &str, text: &str) -> String {
    match (kind, id) {
        (QuizKind::TrueFalse, "true") => l10n.t("quiz-true"),
        (QuizKind::TrueFalse, _) => l10n.t("quiz-false"),
        _ => text.to_owned(),
    }
}
