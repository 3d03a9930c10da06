//! Polling the class on a question: the teacher enters how many chose each letter (large +/−
//! buttons, or a typed number; undo), and the tally is a table of bars with counts and shares.
//! There are no names and no ranks: only counts per option. A second poll after discussion is
//! shown beside the first (peer instruction); "Show the answer" reveals the key and the
//! explanations. The rules (limits, undo, what may follow what) are `aware_core::classroom::poll`'s.

use aware_core::classroom::{Action, Change, Counter, Current, Poll, Round, letter};
use aware_core::content::QuizKind;
use aware_core::l10n::Arg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Presenting;
use crate::state::use_l10n;

/// The poll's controls, on a question screen.
pub(crate) fn panel(presenting: &Presenting, current: &Current) -> Option<Html> {
    let Current::Question { item, .. } = current else { return None };
    Some(html! { <PollPanel presenting={presenting.clone()} item={item.id.clone()} /> })
}

#[derive(Properties, PartialEq)]
struct PollPanelProps {
    presenting: Presenting,
    item: AttrValue,
}

#[component]
fn PollPanel(props: &PollPanelProps) -> Html {
    let l10n = use_l10n();
    let poll = props.presenting.session.poll(&props.item);
    let act = props.presenting.act.clone();
    let button = |label: &str, action: Action, primary: bool| {
        let act = act.clone();
        let onclick = Callback::from(move |_: MouseEvent| act.emit(action.clone()));
        html! {
            <button type="button" class={classes!("button", (!primary).then_some("secondary"))} {onclick}>{ l10n.t(label) }</button>
        }
    };
    let open = poll.and_then(Poll::open_round);
    let revealed = poll.is_some_and(Poll::is_revealed);
    let can_repoll = poll.is_some_and(|poll| poll.tally(Round::Before).is_some() && poll.tally(Round::After).is_none());
    html! {
        <section class="poll-panel" aria-labelledby="poll-panel-title">
            <h2 id="poll-panel-title" class="visually-hidden">{ l10n.t("teacher-poll-title") }</h2>
            if let (Some(poll), Some(round)) = (poll, open) {
                <Counters poll={poll.clone()} {round} act={act.clone()} />
            }
            <div class="present-buttons">
                if poll.is_none() {
                    { button("teacher-poll-open", Action::OpenPoll, true) }
                }
                if open.is_some() {
                    if poll.is_some_and(Poll::can_undo) {
                        { button("teacher-poll-undo", Action::Undo, false) }
                    }
                    { button("teacher-poll-close", Action::ClosePoll, false) }
                } else if can_repoll {
                    { button("teacher-poll-repoll", Action::Repoll, false) }
                }
                if !revealed {
                    { button("teacher-poll-reveal", Action::Reveal, true) }
                }
            </div>
        </section>
    }
}

/// The element id of the "students who answered" box.
const ANSWERED_FIELD: &str = "poll-answered";

#[derive(Properties, PartialEq)]
struct CountersProps {
    poll: Poll,
    round: Round,
    act: Callback<Action>,
}

/// A row per option: −, the count as a number box, +; and for a multiple-answer question, how
/// many answered (the base of the shares).
#[component]
fn Counters(props: &CountersProps) -> Html {
    let l10n = use_l10n();
    let Some(tally) = props.poll.tally(props.round) else { return Html::default() };
    let row = |counter: Counter, label: String, mark: String, value: u32| {
        let id = match counter {
            Counter::Option(k) => format!("poll-count-{k}"),
            Counter::Answered => ANSWERED_FIELD.to_owned(),
        };
        let change = |change: Change| {
            let act = props.act.clone();
            Callback::from(move |_: MouseEvent| act.emit(Action::Count(counter, change)))
        };
        let typed = {
            let act = props.act.clone();
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                match input.value().trim().parse::<u32>() {
                    Ok(n) => act.emit(Action::Count(counter, Change::Set(n))),
                    // Not a count: the box shows the count kept again, so it never shows what is not.
                    Err(_) => input.set_value(&value.to_string()),
                }
            })
        };
        let minus = l10n.t_with("teacher-poll-minus", &[("letter", Arg::from(mark.clone()))]);
        let plus = l10n.t_with("teacher-poll-plus", &[("letter", Arg::from(mark.clone()))]);
        html! {
            <div class="poll-counter">
                <label for={id.clone()}>{ label }</label>
                <button type="button" class="count-button" aria-label={minus} onclick={change(Change::Down)}>{ "−" }</button>
                <input id={id} class="number-input" type="number" min="0" inputmode="numeric"
                    value={value.to_string()} onchange={typed} />
                <button type="button" class="count-button" aria-label={plus} onclick={change(Change::Up)}>{ "+" }</button>
            </div>
        }
    };
    let options = tally.counts().iter().enumerate().map(|(k, &count)| {
        let mark = letter(k).map(String::from).unwrap_or_default();
        let label = l10n.t_with("teacher-poll-count", &[("letter", Arg::from(mark.clone()))]);
        row(Counter::Option(k), label, mark, count)
    });
    html! {
        <fieldset class="poll-counters">
            <legend>{ l10n.t(if props.round == Round::After { "teacher-poll-after" } else { "teacher-poll-before" }) }</legend>
            { for options }
            if props.poll.kind() == QuizKind::Multiple {
                { row(Counter::Answered, l10n.t("teacher-poll-answered"), String::new(), tally.answered().unwrap_or(0)) }
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct TallyTableProps {
    pub poll: Poll,
}

/// The tally: a row per option, a column per poll, each cell a bar with its count and share.
#[component]
pub(crate) fn TallyTable(props: &TallyTableProps) -> Html {
    let l10n = use_l10n();
    let poll = &props.poll;
    let rounds: Vec<Round> = [Round::Before, Round::After].into_iter().filter(|r| poll.tally(*r).is_some()).collect();
    if rounds.is_empty() {
        return Html::default();
    }
    let cell = |round: Round, k: usize| {
        let Some(tally) = poll.tally(round) else { return html! { <td /> } };
        let count = tally.counts().get(k).copied().unwrap_or(0);
        let share = tally.shares(poll.kind()).get(k).copied().flatten();
        let text = match share {
            Some(percent) => l10n.t_with(
                "teacher-poll-share",
                &[("count", Arg::from(count as usize)), ("percent", Arg::from(usize::from(percent)))],
            ),
            None => count.to_string(),
        };
        // A `<progress>` draws the bar: the CSP allows no inline style to size one.
        html! {
            <td>
                <progress class="tally-bar" max="100" value={share.unwrap_or(0).to_string()} aria-hidden="true"></progress>
                <span class="tally-count">{ text }</span>
            </td>
        }
    };
    html! {
        <table class="tally">
            <caption>{ l10n.t("teacher-poll-title") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ l10n.t("teacher-poll-option") }</th>
                    { for rounds.iter().map(|round| html! {
                        <th scope="col">{ l10n.t(if *round == Round::After { "teacher-poll-after" } else { "teacher-poll-before" }) }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for (0..poll.options().len()).map(|k| html! {
                    <tr>
                        <th scope="row">{ letter(k).map(String::from).unwrap_or_default() }</th>
                        { for rounds.iter().map(|round| cell(*round, k)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
