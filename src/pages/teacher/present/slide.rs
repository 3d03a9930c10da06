//! One screen of a presented lesson, as the class sees it: the opening, a section's part, a
//! scenario step (the class's choice and its consequence), a question (its options lettered for
//! answer cards, and after "Reveal" the key, each option's explanation and a prompt to discuss),
//! or the closing. Large type and high contrast come from the `.present` styles.

use aware_core::classroom::{Action, Current, letter};
use aware_core::content::{QuizItem, QuizKind};
use aware_core::l10n::Arg;
use yew::prelude::*;

use super::Presenting;
use super::poll::TallyTable;
use crate::components::blocks::{Blocks, Inlines};
use crate::components::help_contacts::HelpContacts;
use crate::pages::student::question::option_text;
use crate::state::{L10n, use_l10n};

#[derive(Properties, PartialEq)]
pub(crate) struct SlideProps {
    pub presenting: Presenting,
    /// The heading level of the screen's title: 1 in the class's view, 2 in the presenter's.
    pub level: u8,
    /// Scenario choices as buttons (the presenter's); in the class's view they are a list.
    pub controls: bool,
}

#[component]
pub(crate) fn Slide(props: &SlideProps) -> Html {
    let l10n = use_l10n();
    let presenting = &props.presenting;
    let lesson = &presenting.lesson;
    let Ok(view) = presenting.session.view(lesson) else { return Html::default() };
    let sources: Vec<String> = lesson.sources.iter().map(|s| s.id.clone()).collect();
    let heading = |content: Html| {
        let tag = if props.level == 1 { "h1" } else { "h2" };
        let id = (props.level == 1).then_some("page-heading");
        html! { <@{tag} id={id} tabindex="-1">{ content }</@> }
    };
    let count = l10n
        .t_with("teacher-present-screen", &[("number", Arg::from(view.index + 1)), ("total", Arg::from(view.screens))]);
    let body = match &view.current {
        Current::Opening => html! {
            <>
                { heading(html! { lesson.title.clone() }) }
                <p class="present-lead">{ lesson.content_note.clone() }</p>
            </>
        },
        Current::Section { heading: title, blocks, .. } => html! {
            <>
                { heading(html! { <Inlines inlines={title.to_vec()} sources={sources.clone()} /> }) }
                <Blocks blocks={blocks.to_vec()} sources={sources.clone()} />
            </>
        },
        Current::ScenarioStep { scenario, step, picked, depth } => {
            let choose = |id: &str| {
                let (act, id) = (presenting.act.clone(), id.to_owned());
                Callback::from(move |_: MouseEvent| act.emit(Action::Choose(id.clone())))
            };
            let restart = {
                let act = presenting.act.clone();
                Callback::from(move |_: MouseEvent| act.emit(Action::Restart))
            };
            html! {
                <>
                    { heading(html! { scenario.title.clone() }) }
                    if *depth == 0 && picked.is_none() {
                        <p class="present-lead">{ scenario.intro.clone() }</p>
                    }
                    <p>{ step.text.clone() }</p>
                    if !step.choices.is_empty() {
                        <p>{ l10n.t("teacher-present-choose") }</p>
                        <ol class="present-options">
                            { for step.choices.iter().enumerate().map(|(k, choice)| {
                                let mark = letter(k).map(String::from).unwrap_or_default();
                                let chosen = picked.is_some_and(|p| p.id == choice.id);
                                html! {
                                    <li class={classes!(chosen.then_some("is-chosen"))}>
                                        <span class="option-letter" aria-hidden="true">{ mark }</span>
                                        if props.controls {
                                            <button type="button" class="button secondary" aria-pressed={chosen.to_string()}
                                                onclick={choose(&choice.id)}>{ choice.text.clone() }</button>
                                        } else {
                                            <span>{ choice.text.clone() }</span>
                                        }
                                    </li>
                                }
                            }) }
                        </ol>
                    } else {
                        <p class="present-lead">{ l10n.t("teacher-present-the-end") }</p>
                        if props.controls {
                            <button type="button" class="button secondary" onclick={restart}>{ l10n.t("teacher-present-restart") }</button>
                        }
                    }
                    if let Some(picked) = picked {
                        <div class="present-consequence" role="status">
                            <p><strong>{ l10n.t_with("teacher-present-class-chose", &[("choice", Arg::from(picked.text.as_str()))]) }</strong></p>
                            <p>{ picked.consequence.clone() }</p>
                            <p><strong>{ l10n.t("teacher-present-why") }</strong>{ " " }{ picked.why.clone() }</p>
                        </div>
                    }
                </>
            }
        }
        Current::Question { item, number, of } => question(&l10n, presenting, item, *number, *of, &heading),
        Current::Closing => html! {
            <>
                { heading(html! { l10n.t("lesson-key-points") }) }
                <ul class="present-points">{ for lesson.key_points.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                <HelpContacts level={props.level + 1} />
            </>
        },
    };
    html! {
        <section class="slide" lang={presenting.session.setup().locale.as_str().to_owned()}>
            <p class="present-count">{ count }</p>
            { body }
        </section>
    }
}

fn question(
    l10n: &L10n,
    presenting: &Presenting,
    item: &QuizItem,
    number: usize,
    of: usize,
    heading: &impl Fn(Html) -> Html,
) -> Html {
    let poll = presenting.session.poll(&item.id);
    let revealed = poll.is_some_and(|poll| poll.is_revealed());
    html! {
        <>
            <p class="present-count">{ l10n.t_with("teacher-present-question", &[("number", Arg::from(number)), ("total", Arg::from(of))]) }</p>
            { heading(html! { item.prompt.clone() }) }
            if item.kind == QuizKind::Multiple {
                <p class="hint">{ l10n.t("teacher-present-select-all") }</p>
            }
            <ol class="present-options">
                { for item.options.iter().enumerate().map(|(k, option)| {
                    let mark = letter(k).map(String::from).unwrap_or_default();
                    let right = revealed && option.correct;
                    html! {
                        <li class={classes!(right.then_some("is-correct"))}>
                            <span class="option-letter" aria-hidden="true">{ mark.clone() }</span>
                            <span class="visually-hidden">{ format!("{mark}: ") }</span>
                            <span>{ option_text(l10n, item.kind, &option.id, &option.text) }</span>
                            if right {
                                <strong class="present-key">{ " — " }{ l10n.t("teacher-poll-correct") }</strong>
                            }
                            if revealed {
                                <p class="present-explanation">{ option.explanation.clone() }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
            if let Some(poll) = poll {
                <TallyTable poll={poll.clone()} />
            }
            if revealed {
                <p class="present-discuss">{ l10n.t("teacher-poll-discuss") }</p>
            }
        </>
    }
}

/// What the next screen is, in a line, for the presenter.
pub(crate) fn describe(l10n: &L10n, upcoming: Option<&Current>, now: &Current) -> String {
    let Some(upcoming) = upcoming else {
        return match now {
            Current::ScenarioStep { step, picked: None, .. } if !step.choices.is_empty() => {
                l10n.t("teacher-present-up-next-choice")
            }
            _ => l10n.t("teacher-present-up-next-none"),
        };
    };
    match upcoming {
        Current::Opening => l10n.t("teacher-present-opening"),
        Current::Section { heading, .. } => aware_core::content::Inline::plain_text(heading),
        Current::ScenarioStep { scenario, step, .. } => format!("{}: {}", scenario.title, step.text),
        Current::Question { item, number, of } => format!(
            "{} {}",
            l10n.t_with("teacher-present-question", &[("number", Arg::from(*number)), ("total", Arg::from(*of))]),
            item.prompt
        ),
        Current::Closing => l10n.t("teacher-present-closing"),
    }
}
