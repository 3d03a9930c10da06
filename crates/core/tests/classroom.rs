//! Classroom sessions through their API: the deck a band sees, navigation and scenarios, polls
//! and their shares, the codec and the messages between windows, the windows' state machine,
//! the stored list and the summary with its exports.

mod classroom_support;

use aware_core::band::AgeBand;
use aware_core::classroom::codec::MAX_POLLS;
use aware_core::classroom::poll::{MAX_COUNT, MAX_UNDO};
use aware_core::classroom::protocol::MAX_MESSAGE_BYTES;
use aware_core::classroom::{
    Action, BandLesson, Body, Change, ClassSessions, Counter, Current, Deck, Kept, Message, MessageError, NotForBand,
    PollRefused, Refused, Role, Round, Screen, Session, Summary, Window, WindowId,
};
use aware_core::content::{Block, CalloutKind};
use classroom_support::*;

fn older_lesson(lesson: &aware_core::content::Lesson) -> BandLesson<'_> {
    BandLesson::new(lesson, AgeBand::Older).expect("for all ages")
}

fn screen_names(deck: &Deck) -> Vec<String> {
    deck.screens()
        .iter()
        .map(|screen| match screen {
            Screen::Opening => "opening".to_owned(),
            Screen::Section { index, part } => format!("section {index}.{part}"),
            Screen::Scenario { id } => format!("scenario {id}"),
            Screen::Question { id } => format!("question {id}"),
            Screen::Closing => "closing".to_owned(),
        })
        .collect()
}

/// What a view shows, in a word or two.
fn shown(view: &aware_core::classroom::View) -> String {
    describe(&view.current)
}

fn describe(current: &Current) -> String {
    match current {
        Current::Opening => "opening".to_owned(),
        Current::Section { index, part, .. } => format!("section {index}.{part}"),
        Current::ScenarioStep { step, picked, .. } => match picked {
            Some(choice) => format!("step {} picked {}", step.id, choice.id),
            None => format!("step {}", step.id),
        },
        Current::Question { item, number, of } => format!("question {} {number}/{of}", item.id),
        Current::Closing => "closing".to_owned(),
    }
}

mod deck {
    use super::*;

    #[test]
    fn a_deck_is_the_opening_the_sections_cut_at_their_scenarios_the_questions_and_the_closing() {
        let lesson = lesson();
        assert_eq!(
            screen_names(&Deck::of(&older_lesson(&lesson))),
            [
                "opening",
                "section 0.0",
                "section 1.0",
                "scenario walk",
                "section 1.1",
                "section 2.0",
                "question single",
                "question multiple",
                "question myth",
                "closing"
            ]
        );
    }

    #[test]
    fn the_younger_band_sees_no_older_box_and_no_screen_that_held_only_one() {
        let lesson = lesson();
        let younger = BandLesson::new(&lesson, AgeBand::Younger).expect("for all ages");
        let names = screen_names(&Deck::of(&younger));
        assert!(!names.contains(&"section 2.0".to_owned()), "{names:?}");
        assert_eq!(names.len(), 9);
        let older_box = |block: &Block| matches!(block, Block::Callout { kind: CalloutKind::Older, .. });
        assert!(younger.sections.iter().all(|section| !section.blocks.iter().any(older_box)));
        // The older band keeps them, and the original lesson is untouched.
        assert!(older_lesson(&lesson).sections[0].blocks.iter().any(older_box));
        assert!(lesson.sections[2].blocks.iter().any(older_box));
    }

    #[test]
    fn a_lesson_for_ages_15_and_over_cannot_be_presented_to_the_younger_band() {
        let lesson = aware_core::content::Lesson { age_min: 15, ..lesson() };
        assert_eq!(
            BandLesson::new(&lesson, AgeBand::Younger).err(),
            Some(NotForBand { age_min: 15, band: AgeBand::Younger })
        );
        assert!(BandLesson::new(&lesson, AgeBand::Older).is_ok());
    }

    #[test]
    fn every_real_lesson_walks_from_opening_to_closing_in_both_bands_and_languages() {
        for curriculum in real_curricula() {
            for lesson in &curriculum.lessons {
                // Lessons for ages 15 and over are not presented to a class of 12–14.
                for band in AgeBand::ALL.into_iter().filter(|band| lesson.is_for(*band)) {
                    let lesson = BandLesson::new(lesson, band).expect("the lesson is for this band");
                    let what = format!("{} {} {band}", curriculum.locale, lesson.id);
                    let mut session = Session::start(
                        aware_core::classroom::Setup { lesson: lesson.id.clone(), ..setup(1, band) },
                        &lesson,
                    )
                    .expect("its own lesson");
                    let mut questions = 0;
                    for _ in 0..500 {
                        let view = session.view(&lesson).expect("its own lesson");
                        match view.current {
                            Current::Section { blocks, .. } if band == AgeBand::Younger => {
                                let older_box =
                                    |b: &Block| matches!(b, Block::Callout { kind: CalloutKind::Older, .. });
                                assert!(!blocks.iter().any(older_box), "{what}: an older box");
                            }
                            Current::ScenarioStep { step, picked: None, .. } if !step.choices.is_empty() => {
                                let first = step.choices[0].id.clone();
                                act(&mut session, &lesson, [Action::Choose(first)]);
                                continue;
                            }
                            Current::Question { .. } => questions += 1,
                            Current::Closing => break,
                            _ => {}
                        }
                        act(&mut session, &lesson, [Action::Next]);
                    }
                    assert!(matches!(session.view(&lesson).expect("lesson").current, Current::Closing), "{what}");
                    assert_eq!(questions, lesson.quiz.len(), "{what}: every question shown once");
                }
            }
        }
    }
}

mod navigation {
    use super::*;

    #[test]
    fn next_and_back_walk_the_deck_and_stop_at_its_ends() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        assert_eq!(session.apply(Action::Back, &lesson), Err(Refused::AtStart));
        act(&mut session, &lesson, [Action::Next, Action::Next]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "section 1.0");
        act(&mut session, &lesson, [Action::Back]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "section 0.0");
        let last = Deck::of(&lesson).len() - 1;
        act(&mut session, &lesson, [Action::Jump(last)]);
        assert_eq!(session.apply(Action::Next, &lesson), Err(Refused::AtEnd));
        assert_eq!(session.apply(Action::Jump(last + 1), &lesson), Err(Refused::NoSuchScreen));
        assert_eq!(session.apply(Action::Jump(last), &lesson), Err(Refused::Unchanged));
    }

    #[test]
    fn a_scenario_waits_for_the_class_choice_follows_it_and_back_steps_back_to_it() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        act(&mut session, &lesson, [Action::Jump(3)]);
        let check = |session: &Session, expected: &str| {
            assert_eq!(shown(&session.view(&lesson).expect("lesson")), expected);
        };
        check(&session, "step start");
        assert_eq!(session.apply(Action::Next, &lesson), Err(Refused::ChooseFirst));
        assert_eq!(session.apply(Action::Choose("nowhere".into()), &lesson), Err(Refused::NoSuchChoice));
        act(&mut session, &lesson, [Action::Choose("left".into()), Action::Choose("right".into())]);
        check(&session, "step start picked right");
        act(&mut session, &lesson, [Action::Next]);
        check(&session, "step middle");
        act(&mut session, &lesson, [Action::Choose("on".into()), Action::Next]);
        check(&session, "step end-right");
        act(&mut session, &lesson, [Action::Back]);
        check(&session, "step middle picked on");
        act(&mut session, &lesson, [Action::Back]);
        check(&session, "step start picked right");
        // At the start, back leaves the scenario.
        act(&mut session, &lesson, [Action::Back]);
        check(&session, "section 1.0");
        // Choices on a screen without a scenario are refused.
        assert_eq!(session.apply(Action::Choose("left".into()), &lesson), Err(Refused::NotAScenario));
    }

    #[test]
    fn a_scenario_is_found_where_it_was_left_and_restart_plays_it_again() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        act(&mut session, &lesson, [Action::Jump(3), Action::Choose("left".into()), Action::Next, Action::Next]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "section 1.1");
        act(&mut session, &lesson, [Action::Back]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "step end-left");
        act(&mut session, &lesson, [Action::Jump(0), Action::Jump(3)]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "step end-left");
        act(&mut session, &lesson, [Action::Restart]);
        assert_eq!(shown(&session.view(&lesson).expect("lesson")), "step start");
        assert_eq!(session.apply(Action::Restart, &lesson), Err(Refused::Unchanged));
    }

    #[test]
    fn the_presenter_sees_what_next_will_show() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        let upcoming = |session: &Session| session.view(&lesson).expect("lesson").upcoming.map(|c| describe(&c));
        assert_eq!(upcoming(&session).as_deref(), Some("section 0.0"));
        act(&mut session, &lesson, [Action::Jump(3)]);
        // Until the class chooses, the next step is not known.
        assert_eq!(upcoming(&session), None);
        act(&mut session, &lesson, [Action::Choose("right".into())]);
        assert_eq!(upcoming(&session).as_deref(), Some("step middle"));
        act(&mut session, &lesson, [Action::Jump(7)]);
        assert_eq!(upcoming(&session).as_deref(), Some("question myth 3/3"));
        act(&mut session, &lesson, [Action::Jump(9)]);
        assert_eq!(upcoming(&session), None);
    }

    #[test]
    fn switching_language_keeps_the_place_even_where_the_decks_differ() {
        let english = lesson();
        let mut mongolian = lesson_in("mn");
        // A language whose first section has nothing before its box: one screen fewer for 12–14.
        mongolian.sections[0].blocks.remove(0);
        let (english, mongolian) = (
            BandLesson::new(&english, AgeBand::Younger).expect("all"),
            BandLesson::new(&mongolian, AgeBand::Younger).expect("all"),
        );
        let mut session = fresh(1, AgeBand::Younger, &english);
        to_question(&mut session, &english, "multiple");
        let before = session.view(&english).expect("lesson").index;
        act(&mut session, &english, [Action::Language(locale("mn"))]);
        let view = session.view(&mongolian).expect("same lesson, other language");
        assert_eq!(shown(&view), "question multiple 2/3");
        assert_eq!(view.index, before - 1);
        act(&mut session, &mongolian, [Action::Next]);
        assert_eq!(shown(&session.view(&mongolian).expect("lesson")), "question myth 3/3");
        assert_eq!(session.setup().locale, locale("mn"));
    }

    #[test]
    fn a_refused_action_changes_nothing_and_a_taken_one_raises_the_revision_by_one() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        let before = session.clone();
        for action in
            [Action::Back, Action::OpenPoll, Action::Undo, Action::Choose("left".into()), Action::Blank(false)]
        {
            assert!(session.apply(action, &lesson).is_err());
            assert_eq!(session, before);
        }
        act(&mut session, &lesson, [Action::Next]);
        assert_eq!(session.revision(), 1);
        let younger = lesson_in("en");
        let younger = BandLesson::new(&younger, AgeBand::Younger).expect("all");
        assert_eq!(session.apply(Action::Next, &younger), Err(Refused::WrongLesson));
        assert_eq!(session.view(&younger).err(), Some(Refused::WrongLesson));
    }

    #[test]
    fn checkpoints_come_when_a_poll_closes_the_language_or_class_size_changes_or_the_session_ends() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        to_question(&mut session, &lesson, "single");
        let check = |session: &mut Session, action: Action, checkpoint: bool| {
            let shown = format!("{action:?}");
            let applied = session.apply(action, &lesson).unwrap_or_else(|r| panic!("{shown}: {r:?}"));
            assert_eq!(applied.checkpoint, checkpoint, "{shown}");
        };
        check(&mut session, Action::OpenPoll, false);
        check(&mut session, up(1), false);
        check(&mut session, Action::ClosePoll, true);
        check(&mut session, Action::OpenPoll, false);
        // Leaving a question closes its poll.
        check(&mut session, Action::Next, true);
        assert_eq!(session.poll("single").and_then(|p| p.open_round()), None);
        check(&mut session, Action::Back, false);
        check(&mut session, Action::Blank(true), false);
        check(&mut session, Action::Language(locale("mn")), true);
        check(&mut session, Action::ClassSize(Some(28)), true);
        check(&mut session, Action::End, true);
        assert!(session.is_ended() && session.is_blank());
        assert_eq!(session.apply(Action::ClassSize(Some(0)), &lesson), Err(Refused::BadClassSize));
        assert_eq!(session.apply(Action::ClassSize(Some(1000)), &lesson), Err(Refused::BadClassSize));
    }
}

mod polls {
    use super::*;

    /// Runs `actions` on a fresh poll of question `item` (opened first) and compares the open
    /// round's counts, or the first refusal.
    fn check(item: &str, actions: &[Action], expected: Result<&[u32], Refused>) {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        to_question(&mut session, &lesson, item);
        act(&mut session, &lesson, [Action::OpenPoll]);
        let mut result = Ok(());
        for action in actions {
            if let Err(refused) = session.apply(action.clone(), &lesson) {
                result = Err(refused);
                break;
            }
        }
        let poll = session.poll(item).expect("opened");
        let round = poll.open_round().unwrap_or(Round::Before);
        let counts = poll.tally(round).expect("open round").counts();
        assert_eq!(result.map(|()| counts), expected, "{item}: {actions:?}");
    }

    fn set(option: usize, n: u32) -> Action {
        Action::Count(Counter::Option(option), Change::Set(n))
    }

    fn down(option: usize) -> Action {
        Action::Count(Counter::Option(option), Change::Down)
    }

    #[test]
    fn counts_follow_plus_minus_and_typed_numbers_within_their_limits() {
        let poll = |refused| Err(Refused::Poll(refused));
        check("single", &[], Ok(&[0, 0, 0, 0]));
        check("single", &[up(0), up(0), up(3), down(0)], Ok(&[1, 0, 0, 1]));
        check("single", &[set(2, 17), up(2)], Ok(&[0, 0, 18, 0]));
        check("single", &[set(1, MAX_COUNT)], Ok(&[0, MAX_COUNT, 0, 0]));
        check("single", &[set(1, MAX_COUNT), up(1)], poll(PollRefused::TooLarge));
        check("single", &[set(1, MAX_COUNT + 1)], poll(PollRefused::TooLarge));
        check("single", &[down(0)], poll(PollRefused::AtZero));
        check("single", &[set(0, 0)], poll(PollRefused::Unchanged));
        check("single", &[up(4)], poll(PollRefused::NoSuchCounter));
        check("single", &[Action::Count(Counter::Answered, Change::Up)], poll(PollRefused::NoSuchCounter));
        check("myth", &[up(0), up(1), up(1)], Ok(&[1, 2]));
        check("myth", &[up(2)], poll(PollRefused::NoSuchCounter));
        check("single", &[Action::Fill(vec![1, 2, 3, 4])], Ok(&[1, 2, 3, 4]));
        check("single", &[Action::Fill(vec![1, 2, 3])], poll(PollRefused::WrongLength));
        check("single", &[Action::Fill(vec![0, 0, MAX_COUNT + 1, 0])], poll(PollRefused::TooLarge));
        check("single", &[Action::Fill(vec![0; 4])], poll(PollRefused::Unchanged));
        check("single", &[Action::OpenPoll], poll(PollRefused::AlreadyOpen));
        check("single", &[Action::ClosePoll, up(0)], poll(PollRefused::NotOpen));
    }

    #[test]
    fn undo_takes_back_count_changes_one_at_a_time_a_fill_as_one() {
        check("single", &[up(0), up(1), set(2, 9), Action::Undo], Ok(&[1, 1, 0, 0]));
        check("single", &[up(0), up(1), Action::Undo, Action::Undo], Ok(&[0, 0, 0, 0]));
        check("single", &[up(0), Action::Undo, Action::Undo], Err(Refused::Poll(PollRefused::NothingToUndo)));
        check("single", &[up(0), Action::Fill(vec![5, 6, 7, 8]), Action::Undo], Ok(&[1, 0, 0, 0]));
        // Closing a round ends its undo history.
        check(
            "single",
            &[up(0), Action::ClosePoll, Action::OpenPoll, Action::Undo],
            Err(Refused::Poll(PollRefused::NothingToUndo)),
        );
    }

    #[test]
    fn undo_reaches_back_at_most_its_limit() {
        let mut actions: Vec<Action> = (0..MAX_UNDO + 5).map(|_| up(0)).collect();
        actions.extend((0..MAX_UNDO).map(|_| Action::Undo));
        check("single", &actions, Ok(&[5, 0, 0, 0]));
        actions.push(Action::Undo);
        check("single", &actions, Err(Refused::Poll(PollRefused::NothingToUndo)));
    }

    #[test]
    fn shares_are_whole_percent_halves_up_and_equal_counts_share_equally() {
        use aware_core::classroom::Tally;
        use aware_core::content::QuizKind;
        let check = |kind: QuizKind, counts: &[u32], answered: Option<u32>, expected: &[Option<u8>]| {
            let lesson = lesson();
            let lesson = older_lesson(&lesson);
            let item = match kind {
                QuizKind::Multiple => "multiple",
                _ => "single",
            };
            let mut session = fresh(1, AgeBand::Older, &lesson);
            to_question(&mut session, &lesson, item);
            act(&mut session, &lesson, [Action::OpenPoll]);
            if counts.iter().any(|&count| count > 0) {
                act(&mut session, &lesson, [Action::Fill(counts.to_vec())]);
            }
            if let Some(n) = answered {
                act(&mut session, &lesson, [Action::Count(Counter::Answered, Change::Set(n))]);
            }
            let tally: &Tally = session.poll(item).and_then(|p| p.tally(Round::Before)).expect("a tally");
            assert_eq!(tally.shares(kind), expected, "{kind:?} {counts:?} of {answered:?}");
        };
        check(QuizKind::Single, &[1, 1, 1, 0], None, &[Some(33), Some(33), Some(33), Some(0)]);
        check(QuizKind::Single, &[1, 1, 0, 0], None, &[Some(50), Some(50), Some(0), Some(0)]);
        // 1/8 = 12.5 % rounds up; 3/8 = 37.5 % too: the shares add up to 101.
        check(QuizKind::Single, &[1, 3, 3, 1], None, &[Some(13), Some(38), Some(38), Some(13)]);
        check(QuizKind::Single, &[2, 1, 0, 0], None, &[Some(67), Some(33), Some(0), Some(0)]);
        check(QuizKind::Single, &[0, 0, 0, 28], None, &[Some(0), Some(0), Some(0), Some(100)]);
        check(QuizKind::Single, &[0, 0, 0, 0], None, &[None, None, None, None]);
        // Each option of a multiple-answer question is a share of those who answered.
        check(QuizKind::Multiple, &[20, 5, 18], Some(25), &[Some(80), Some(20), Some(72)]);
        check(QuizKind::Multiple, &[20, 5, 18], None, &[None, None, None]);
        // A count above those who answered is a typing slip: no shares until it is fixed.
        check(QuizKind::Multiple, &[20, 5, 18], Some(19), &[None, None, None]);
    }

    #[test]
    fn a_second_poll_keeps_the_first_beside_it_and_says_whether_the_key_was_shown() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        for reveal_first in [false, true] {
            let mut session = fresh(1, AgeBand::Older, &lesson);
            to_question(&mut session, &lesson, "single");
            assert_eq!(session.apply(Action::Repoll, &lesson), Err(Refused::NotPolled));
            act(&mut session, &lesson, [Action::OpenPoll, Action::Fill(vec![10, 8, 6, 4])]);
            if reveal_first {
                act(&mut session, &lesson, [Action::Reveal]);
            }
            act(&mut session, &lesson, [Action::Repoll, Action::Fill(vec![3, 22, 2, 1]), Action::ClosePoll]);
            let poll = session.poll("single").expect("polled");
            assert_eq!(poll.tally(Round::Before).map(|t| t.counts()), Some(&[10, 8, 6, 4][..]));
            assert_eq!(poll.tally(Round::After).map(|t| t.counts()), Some(&[3, 22, 2, 1][..]));
            assert_eq!(poll.after_key_shown(), reveal_first);
            assert_eq!(session.apply(Action::Repoll, &lesson), Err(Refused::Poll(PollRefused::AlreadyRepolled)));
            // Opening again reopens the latest round.
            act(&mut session, &lesson, [Action::OpenPoll]);
            assert_eq!(session.poll("single").and_then(|p| p.open_round()), Some(Round::After));
        }
    }

    #[test]
    fn reveal_closes_an_open_poll_needs_no_poll_and_happens_once() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(1, AgeBand::Older, &lesson);
        to_question(&mut session, &lesson, "single");
        act(&mut session, &lesson, [Action::OpenPoll, up(1), Action::Reveal]);
        let poll = session.poll("single").expect("polled");
        assert!(poll.is_revealed() && poll.open_round().is_none());
        assert_eq!(session.apply(Action::Reveal, &lesson), Err(Refused::Poll(PollRefused::AlreadyRevealed)));
        to_question(&mut session, &lesson, "myth");
        act(&mut session, &lesson, [Action::Reveal]);
        assert!(session.poll("myth").is_some_and(|p| p.is_revealed() && p.tally(Round::Before).is_none()));
        act(&mut session, &lesson, [Action::Jump(0)]);
        assert_eq!(session.apply(Action::Reveal, &lesson), Err(Refused::NotAQuestion));
    }
}

mod messages {
    use super::*;

    /// A session with something in every part: a scenario walked, polls in each state, an open
    /// round with undo history.
    fn busy_session() -> Session {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = fresh(7, AgeBand::Older, &lesson);
        act(&mut session, &lesson, [Action::Jump(3), Action::Choose("right".into()), Action::Next]);
        to_question(&mut session, &lesson, "multiple");
        act(&mut session, &lesson, [Action::OpenPoll, up(0), up(2), Action::Count(Counter::Answered, Change::Set(3))]);
        act(&mut session, &lesson, [Action::Reveal, Action::Repoll, up(1)]);
        to_question(&mut session, &lesson, "single");
        act(&mut session, &lesson, [Action::OpenPoll, up(1), up(1), Action::ClassSize(Some(30)), Action::Blank(true)]);
        session
    }

    fn me(n: u8) -> WindowId {
        WindowId::from_random([n; 8])
    }

    #[test]
    fn every_message_reads_back_exactly_as_written_undo_history_included() {
        let session = busy_session();
        for message in [
            Body::Hello { role: Role::Audience },
            Body::State { role: Role::Presenter, writer: me(2), state: Box::new(session.clone()) },
            Body::Alive { role: Role::Presenter, revision: u64::MAX },
            Body::Bye,
        ] {
            let message = Message { session: session.id(), from: me(1), body: message };
            let text = message.encode();
            assert!(text.starts_with(r#"{"aware":1,"type":""#), "{text}");
            assert_eq!(Message::decode(&text), Ok(message));
        }
    }

    #[test]
    fn a_stored_list_reads_back_without_undo_history() {
        let session = busy_session();
        let mut list = ClassSessions::default();
        assert_eq!(list.keep(&session), Kept::Added);
        let decoded = ClassSessions::decode(&list.encode()).expect("reads back");
        assert_eq!(decoded, list);
        let stored = decoded.find(session.id()).expect("kept");
        assert!(!stored.poll("single").expect("polled").can_undo());
        assert!(session.poll("single").expect("polled").can_undo());
        assert!(!list.encode().contains("history"));
    }

    #[test]
    fn malformed_messages_are_refused_with_their_reason() {
        let session = busy_session();
        let message = |body: Body| Message { session: session.id(), from: me(1), body }.encode();
        let state = message(Body::State { role: Role::Presenter, writer: me(1), state: Box::new(session.clone()) });
        let hello = message(Body::Hello { role: Role::Audience });
        let edit = |text: &str, from: &str, to: &str| {
            assert!(text.contains(from), "{from}");
            text.replacen(from, to, 1)
        };
        let malformed = |error: Result<Message, MessageError>| matches!(error, Err(MessageError::Malformed(_)));
        let check = |text: String, expected: fn(Result<Message, MessageError>) -> bool, what: &str| {
            let decoded = Message::decode(&text);
            assert!(expected(decoded.clone()), "{what}: {decoded:?}");
        };
        check("".into(), |r| r == Err(MessageError::NotJson), "empty");
        check("[1,2]".into(), |r| r == Err(MessageError::NotJson), "an array");
        check(r#"{"type":"hello"}"#.into(), |r| r == Err(MessageError::NotOurs), "another app's");
        check(edit(&hello, r#""aware":1"#, r#""aware":2"#), |r| r == Err(MessageError::Version(2)), "version 2");
        check(edit(&hello, r#""aware":1"#, r#""aware":"1""#), malformed, "a version as text");
        check(
            edit(&hello, r#""type":"hello""#, r#""type":"poke""#),
            |r| r == Err(MessageError::UnknownType("poke".into())),
            "an unknown type",
        );
        check(edit(&hello, r#""role":"audience""#, r#""role":"student""#), malformed, "an unknown role");
        check(edit(&hello, r#""role":"audience""#, r#""role":"audience","name":"Bat""#), malformed, "an extra field");
        check(edit(&hello, r#""role":"audience""#, r#""role":"audience","revision":3"#), malformed, "an alive's field");
        check(edit(&hello, r#","role":"audience""#, ""), malformed, "a hello without its role");
        check(edit(&hello, &session.id().to_string(), "00ff"), malformed, "a short session id");
        check(edit(&state, r#""counts":[0,2,0,0]"#, r#""counts":[0,2,0]"#), malformed, "a tally short of a count");
        check(edit(&state, r#""counts":[0,2,0,0]"#, r#""counts":[0,2,0,10000]"#), malformed, "a count too high");
        check(edit(&state, r#""counts":[0,2,0,0]"#, r#""counts":[0,-2,0,0]"#), malformed, "a negative count");
        check(edit(&state, r#""band":"15-18""#, r#""band":"adults""#), malformed, "an unknown band");
        check(edit(&state, r#""date":"2026-03-02""#, r#""date":"2026-03-02T09:15""#), malformed, "a time of day");
        check(edit(&state, r#""lesson":"myths""#, r#""lesson":"Myths!""#), malformed, "a lesson id");
        check(edit(&state, r#""open":"before""#, r#""open":"later""#), malformed, "an unknown round");
        check(edit(&state, r#""class_size":30"#, r#""class_size":0"#), malformed, "a class of none");
        check(
            edit(&state, &format!(r#""id":"{}""#, session.id()), r#""id":"0000000000000000""#),
            malformed,
            "a state of another session",
        );
        check(format!("{hello}{}", " ".repeat(MAX_MESSAGE_BYTES)), |r| r == Err(MessageError::TooLarge), "too large");
        check(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)), |r| r == Err(MessageError::NotJson), "deep");
    }

    #[test]
    fn out_of_limit_parts_of_a_session_are_refused() {
        let session = busy_session();
        let text = ClassSessions::new(vec![session.clone()]).encode();
        let bad = |from: &str, to: &str| {
            assert!(text.contains(from), "{from} in {text}");
            let edited = text.replacen(from, to, 1);
            assert!(ClassSessions::decode(&edited).is_err(), "{from} → {to} accepted");
        };
        // A second round without a first; an open round without its tally; a key shown before
        // a second poll that never happened; history on a closed poll.
        bad(r#""before":{"counts":[1,0,1],"answered":3}"#, r#""before":null"#);
        bad(r#""open":"before""#, r#""open":"after""#);
        bad(r#""after_key_shown":true"#, r#""after_key_shown":true,"history":[{"counts":[0,0,0]}]"#);
        // "answered" belongs to multiple-answer questions.
        bad(r#""counts":[0,2,0,0]"#, r#""counts":[0,2,0,0],"answered":2"#);
        // Options: at least two, distinct, ids.
        bad(r#""options":["a","b","c","d"]"#, r#""options":["a","a","c","d"]"#);
        bad(r#""options":["a","b","c","d"]"#, r#""options":["A","b","c","d"]"#);
        let many: Vec<String> = (0..=MAX_POLLS)
            .map(|n| {
                format!(r#""q{n}":{{"kind":"single","options":["a","b"],"revealed":true,"after_key_shown":false}}"#)
            })
            .collect();
        bad(r#""polls":{"#, &format!(r#""polls":{{{},"#, many.join(",")));
    }

    #[test]
    fn the_decoder_never_panics_on_damaged_or_random_messages() {
        let session = busy_session();
        let samples = [
            Message {
                session: session.id(),
                from: me(1),
                body: Body::State { role: Role::Presenter, writer: me(1), state: Box::new(session.clone()) },
            }
            .encode(),
            Message { session: session.id(), from: me(1), body: Body::Alive { role: Role::Audience, revision: 9 } }
                .encode(),
        ];
        let mut rng = aware_core::rng::SplitMix64(23);
        for round in 0..3_000 {
            let mut bytes = samples[round % 2].clone().into_bytes();
            rng.damage(&mut bytes, b"{}[]\",:0-9e\\");
            let text = String::from_utf8_lossy(&bytes);
            // Whatever is accepted reads back as itself.
            if let Ok(message) = Message::decode(&text) {
                assert_eq!(Message::decode(&message.encode()), Ok(message));
            }
        }
    }
}

mod windows {
    use super::*;

    fn id(n: u8) -> WindowId {
        WindowId::from_random([n; 8])
    }

    /// Delivers every message of `outcome` to `to`, returning what it sends back.
    fn deliver(outcome: &aware_core::classroom::Outcome, to: &mut Window) -> Vec<Message> {
        let mut replies = Vec::new();
        for message in &outcome.send {
            replies.extend(to.receive(&message.encode()).expect("a valid message").send);
        }
        replies
    }

    /// A presenter's window that started session 1 and an audience window that joined it.
    fn connected(lesson: &BandLesson) -> (Window, Window) {
        let (mut presenter, started) = Window::start(id(1), Role::Presenter, fresh(1, AgeBand::Older, lesson));
        let (mut audience, joined) = Window::join(id(2), Role::Audience, presenter.session_id());
        deliver(&joined, &mut presenter);
        deliver(&started, &mut audience);
        (presenter, audience)
    }

    fn pass(messages: Vec<Message>, to: &mut Window) -> Vec<Message> {
        let outcome = aware_core::classroom::Outcome { send: messages, ..Default::default() };
        deliver(&outcome, to)
    }

    #[test]
    fn an_audience_window_opened_mid_lesson_catches_up_at_once() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (mut presenter, started) = Window::start(id(1), Role::Presenter, fresh(1, AgeBand::Older, &lesson));
        assert!(started.send.iter().any(|m| matches!(m.body, Body::State { .. })));
        presenter.act(Action::Next, &lesson).expect("next");
        let (mut audience, joined) = Window::join(id(2), Role::Audience, presenter.session_id());
        assert_eq!(audience.session(), None);
        assert_eq!(audience.act(Action::Next, &lesson).err(), Some(Refused::NoState));
        let replies = deliver(&joined, &mut presenter);
        pass(replies, &mut audience);
        assert_eq!(audience.session(), presenter.session());
        assert_eq!(audience.peers().presenters, 1);
        assert_eq!(presenter.peers().audiences, 1);
    }

    #[test]
    fn an_action_in_either_window_reaches_the_other_and_only_the_actor_saves() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (mut presenter, mut audience) = connected(&lesson);
        let outcome = audience.act(Action::Jump(6), &lesson).expect("jump");
        deliver(&outcome, &mut presenter);
        let outcome = presenter.act(Action::OpenPoll, &lesson).expect("open");
        deliver(&outcome, &mut audience);
        let outcome = presenter.act(Action::ClosePoll, &lesson).expect("close");
        assert!(outcome.checkpoint);
        let received = audience.receive(&outcome.send[0].encode()).expect("valid");
        assert!(received.session_changed && !received.checkpoint);
        assert_eq!(audience.session(), presenter.session());
    }

    #[test]
    fn closing_either_window_leaves_the_other_working_and_alone() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        for presenter_closes in [true, false] {
            let (presenter, audience) = connected(&lesson);
            let (closing, mut staying) = if presenter_closes { (presenter, audience) } else { (audience, presenter) };
            let outcome = staying.receive(&closing.leave().encode()).expect("valid");
            assert!(outcome.peers_changed);
            assert_eq!(staying.peers(), Default::default());
            // The other window goes on, and takes over every control.
            to_question_in(&mut staying, &lesson);
            staying.act(Action::OpenPoll, &lesson).expect("a poll in the window left");
            assert!(staying.act(up(1), &lesson).is_ok());
        }
    }

    fn to_question_in(window: &mut Window, lesson: &BandLesson) {
        window.act(Action::Jump(6), lesson).expect("jump");
    }

    #[test]
    fn a_lost_message_is_made_good_by_the_next_heartbeat() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (mut presenter, mut audience) = connected(&lesson);
        // These states never arrive.
        presenter.act(Action::Next, &lesson).expect("next");
        presenter.act(Action::Next, &lesson).expect("next");
        assert_ne!(audience.session(), presenter.session());
        let heartbeat = audience.tick();
        let replies = deliver(&heartbeat, &mut presenter);
        pass(replies, &mut audience);
        assert_eq!(audience.session(), presenter.session());
        // And the other way round: a late joiner's stale state is answered with the latest.
        let stale = Message {
            session: presenter.session_id(),
            from: id(3),
            body: Body::State {
                role: Role::Audience,
                writer: id(3),
                state: Box::new(fresh(1, AgeBand::Older, &lesson)),
            },
        };
        let outcome = presenter.receive(&stale.encode()).expect("valid");
        assert!(!outcome.session_changed);
        assert!(matches!(outcome.send.as_slice(), [Message { body: Body::State { .. }, .. }]));
    }

    #[test]
    fn a_peer_not_heard_for_three_ticks_is_forgotten_and_a_stateless_window_keeps_asking() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (mut presenter, _) = Window::start(id(1), Role::Presenter, fresh(1, AgeBand::Older, &lesson));
        let (mut audience, joined) = Window::join(id(2), Role::Audience, presenter.session_id());
        deliver(&joined, &mut presenter);
        for tick in 1..=aware_core::classroom::sync::QUIET_TICKS {
            assert!(!presenter.tick().peers_changed, "tick {tick}");
            assert_eq!(presenter.peers().audiences, 1);
        }
        assert!(presenter.tick().peers_changed);
        assert_eq!(presenter.peers().audiences, 0);
        assert!(matches!(audience.tick().send.as_slice(), [Message { body: Body::Hello { .. }, .. }]));
        assert!(matches!(presenter.tick().send.as_slice(), [Message { body: Body::Alive { .. }, .. }]));
    }

    #[test]
    fn messages_of_another_session_and_a_window_of_another_lesson_are_not_taken() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (mut presenter, _) = Window::start(id(1), Role::Presenter, fresh(1, AgeBand::Older, &lesson));
        let (other, started) = Window::start(id(2), Role::Presenter, fresh(2, AgeBand::Older, &lesson));
        let outcome = deliver(&started, &mut presenter);
        assert!(outcome.is_empty());
        assert_eq!(presenter.peers(), Default::default());
        assert_ne!(other.session_id(), presenter.session_id());
        // A state of this session for another band is refused.
        let mut younger = fresh(1, AgeBand::Older, &lesson);
        let younger_lesson = lesson_in("en");
        let younger_lesson = BandLesson::new(&younger_lesson, AgeBand::Younger).expect("all");
        younger = Session::start(
            aware_core::classroom::Setup { band: AgeBand::Younger, ..younger.setup().clone() },
            &younger_lesson,
        )
        .expect("younger");
        act(&mut younger, &younger_lesson, [Action::Next, Action::Next]);
        let state = Message {
            session: younger.id(),
            from: id(3),
            body: Body::State { role: Role::Presenter, writer: id(3), state: Box::new(younger) },
        };
        assert!(matches!(presenter.receive(&state.encode()), Err(MessageError::Malformed(_))));
    }

    /// Two windows act at random while messages are delivered late, in bursts, or lost; after
    /// the heartbeats settle, both hold the same session, and it is one of the states written.
    #[test]
    fn random_interleavings_of_two_windows_settle_on_the_same_session() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let actions = [
            Action::Next,
            Action::Back,
            Action::OpenPoll,
            up(0),
            up(1),
            Action::Undo,
            Action::ClosePoll,
            Action::Reveal,
            Action::Blank(true),
            Action::Blank(false),
            Action::Jump(6),
            Action::Jump(7),
            Action::Choose("left".into()),
        ];
        for seed in 0..200 {
            let mut rng = aware_core::rng::SplitMix64(seed);
            let (a, started) = Window::start(id(1), Role::Presenter, fresh(1, AgeBand::Older, &lesson));
            let (b, joined) = Window::join(id(2), Role::Audience, a.session_id());
            let mut windows = [a, b];
            // In flight to window 0 and to window 1.
            let mut queues: [Vec<Message>; 2] = [joined.send, started.send];
            for _ in 0..60 {
                let w = rng.below(2);
                match rng.below(5) {
                    0 | 1 => {
                        if let Ok(outcome) = windows[w].act(rng.pick(&actions).clone(), &lesson) {
                            queues[1 - w].extend(outcome.send);
                        }
                    }
                    2 => {
                        let burst = rng.below(queues[w].len() + 1);
                        for message in queues[w].drain(..burst).collect::<Vec<_>>() {
                            let replies = windows[w].receive(&message.encode()).expect("valid").send;
                            queues[1 - w].extend(replies);
                        }
                    }
                    3 if !queues[w].is_empty() => {
                        let lost = rng.below(queues[w].len());
                        queues[w].remove(lost);
                    }
                    _ => {
                        let heartbeat = windows[w].tick().send;
                        queues[1 - w].extend(heartbeat);
                    }
                }
            }
            // Settle: heartbeats and deliveries until nothing is in flight.
            for _ in 0..10 {
                for w in 0..2 {
                    let heartbeat = windows[w].tick().send;
                    queues[1 - w].extend(heartbeat);
                }
                for w in 0..2 {
                    for message in std::mem::take(&mut queues[w]) {
                        let replies = windows[w].receive(&message.encode()).expect("valid").send;
                        queues[1 - w].extend(replies);
                    }
                }
            }
            assert_eq!(windows[0].session(), windows[1].session(), "seed {seed}");
        }
    }
}

mod stored {
    use super::*;

    fn ids(list: &ClassSessions) -> Vec<(String, u64)> {
        list.sessions().iter().map(|s| (s.id().to_string()[..2].to_owned(), s.revision())).collect()
    }

    #[test]
    fn a_later_copy_replaces_an_earlier_one_and_never_the_other_way() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let early = polled(1, [1, 2, 3, 4]);
        let mut late = early.clone();
        act(&mut late, &lesson, [Action::Next]);
        let mut list = ClassSessions::default();
        assert_eq!(list.keep(&early), Kept::Added);
        assert_eq!(list.keep(&early), Kept::AlreadyHeld);
        assert_eq!(list.keep(&late), Kept::Updated);
        assert_eq!(list.keep(&early), Kept::Stale { held: late.revision() });
        assert_eq!(list.keep(&polled(2, [0; 4])), Kept::Added);
        // Session 2 took no count: opened, closed and a jump.
        assert_eq!(ids(&list), [("02".to_owned(), 3), ("01".to_owned(), 5)]);
    }

    #[test]
    fn two_tabs_lists_merge_as_a_union_of_the_later_copies() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let (one, two, three) = (polled(1, [1; 4]), polled(2, [2; 4]), polled(3, [3; 4]));
        let mut one_later = one.clone();
        act(&mut one_later, &lesson, [Action::Next]);
        let base = ClassSessions::new(vec![one.clone(), two.clone()]);
        let ours = ClassSessions::new(vec![three.clone(), one_later.clone(), two.clone()]);
        let theirs = ClassSessions::new(vec![one.clone()]);
        // Ours added three and changed one; theirs deleted two.
        let merged = ClassSessions::merge(&base, &ours, &theirs).expect("small");
        assert_eq!(ids(&merged), [("03".to_owned(), 4), ("01".to_owned(), 5)]);
        // Deleted by us, changed by them since: still presented there, so kept.
        let ours = ClassSessions::new(vec![two.clone()]);
        let theirs = ClassSessions::new(vec![one_later.clone(), two.clone()]);
        let merged = ClassSessions::merge(&base, &ours, &theirs).expect("small");
        assert_eq!(ids(&merged), [("01".to_owned(), 5), ("02".to_owned(), 4)]);
        // Deleted by us, unchanged by them: stays deleted.
        let theirs = ClassSessions::new(vec![one.clone(), two.clone()]);
        let merged = ClassSessions::merge(&base, &ours, &theirs).expect("small");
        assert_eq!(ids(&merged), [("02".to_owned(), 4)]);
    }
}

mod summaries {
    use super::*;

    /// The test lesson's session: `single` polled twice (key shown in between), `multiple` once
    /// with the number who answered, `myth` not at all.
    fn session() -> Session {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let mut session = polled(9, [3, 17, 5, 3]);
        act(
            &mut session,
            &lesson,
            [Action::Reveal, Action::Repoll, Action::Fill(vec![1, 25, 1, 0]), Action::ClosePoll],
        );
        to_question(&mut session, &lesson, "multiple");
        act(
            &mut session,
            &lesson,
            [
                Action::OpenPoll,
                Action::Fill(vec![20, 4, 15]),
                Action::Count(Counter::Answered, Change::Set(26)),
                Action::ClassSize(Some(28)),
                Action::End,
            ],
        );
        session
    }

    #[test]
    fn the_summary_lists_every_question_with_both_tallies_and_their_shares() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let session = session();
        let summary = Summary::of(&session, &lesson);
        assert_eq!(summary.class_size, Some(28));
        let rows: Vec<String> = summary
            .questions
            .iter()
            .flat_map(|q| {
                q.options.iter().map(move |o| {
                    let share = |s: Option<aware_core::classroom::summary::Share>| {
                        s.map_or("-".to_owned(), |s| {
                            format!("{}={}", s.count, s.percent.map_or("?".into(), |p| p.to_string()))
                        })
                    };
                    format!("{} {} {} {:?} {} {}", q.number, q.id, o.letter, o.correct, share(o.before), share(o.after))
                })
            })
            .collect();
        assert_eq!(
            rows,
            [
                "1 single A Some(false) 3=11 1=4",
                "1 single B Some(true) 17=61 25=93",
                "1 single C Some(false) 5=18 1=4",
                "1 single D Some(false) 3=11 0=0",
                "2 multiple A Some(true) 20=77 -",
                "2 multiple B Some(false) 4=15 -",
                "2 multiple C Some(true) 15=58 -",
                "3 myth A Some(true) - -",
                "3 myth B Some(false) - -",
            ]
        );
        let single = &summary.questions[0];
        assert!(single.revealed && single.after_key_shown);
        assert_eq!(single.before.map(|r| r.answered), Some(Some(28)));
        assert_eq!(summary.questions[1].before.map(|r| r.answered), Some(Some(26)));
    }

    #[test]
    fn the_csv_has_a_row_per_question_and_option_in_the_study_exports_dialect() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let session = session();
        let csv = Summary::of(&session, &lesson).csv();
        let id = session.id();
        let expected = [
            "session,date,lesson,lesson_version,band,language,item,kind,option,letter,key,before,after,before_answered,after_answered,revealed,after_key_shown".to_owned(),
            format!("{id},2026-03-02,myths,3,15-18,en,single,single,a,A,incorrect,3,1,28,27,true,true"),
            format!("{id},2026-03-02,myths,3,15-18,en,single,single,b,B,correct,17,25,28,27,true,true"),
            format!("{id},2026-03-02,myths,3,15-18,en,single,single,c,C,incorrect,5,1,28,27,true,true"),
            format!("{id},2026-03-02,myths,3,15-18,en,single,single,d,D,incorrect,3,0,28,27,true,true"),
            format!("{id},2026-03-02,myths,3,15-18,en,multiple,multiple,a,A,correct,20,,26,,false,false"),
            format!("{id},2026-03-02,myths,3,15-18,en,multiple,multiple,b,B,incorrect,4,,26,,false,false"),
            format!("{id},2026-03-02,myths,3,15-18,en,multiple,multiple,c,C,correct,15,,26,,false,false"),
            format!("{id},2026-03-02,myths,3,15-18,en,myth,true-false,true,A,correct,,,,,false,false"),
            format!("{id},2026-03-02,myths,3,15-18,en,myth,true-false,false,B,incorrect,,,,,false,false"),
        ];
        assert_eq!(csv, expected.iter().map(|row| format!("{row}\r\n")).collect::<String>());
        assert!(!csv.starts_with('\u{feff}'), "the byte-order mark is the download's");
    }

    #[test]
    fn the_json_holds_the_same_counts_and_no_share() {
        let lesson = lesson();
        let lesson = older_lesson(&lesson);
        let session = session();
        let json: serde_json::Value = serde_json::from_str(&Summary::of(&session, &lesson).json()).expect("JSON");
        assert_eq!(json["format"], "aware-session-summary");
        assert_eq!(json["version"], 1);
        assert_eq!(json["date"], "2026-03-02");
        assert_eq!(json["class_size"], 28);
        let single = &json["questions"][0];
        assert_eq!(single["item"], "single");
        assert_eq!(
            single["options"][1],
            serde_json::json!({"option":"b","letter":"B","key":"correct","before":17,"after":25})
        );
        assert_eq!(single["before_answered"], 28);
        assert_eq!(json["questions"][2]["options"][0]["before"], serde_json::Value::Null);
        assert!(!json.to_string().contains("percent"));
    }

    #[test]
    fn the_codebook_describes_each_column_and_each_option_with_its_key_in_each_language() {
        let (english, mongolian) = (lesson(), lesson_in("mn"));
        let (english, mongolian) = (older_lesson(&english), older_lesson(&mongolian));
        let csv = aware_core::classroom::summary::codebook_csv(&[(locale("en"), &english), (locale("mn"), &mongolian)]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "column,item,version,kind,scoring,value,key,text_en,text_mn");
        assert!(lines.contains(&"band,,,age-band,,12-14,,,"));
        assert!(lines.contains(&"after_key_shown,,,boolean,,,,,"));
        assert!(lines.contains(&"item,single,3,single,correct-set,,,en Which one?,mn Which one?"));
        assert!(lines.contains(&"option,single,3,single,correct-set,b,correct,en B,mn B"));
        assert!(lines.contains(&"option,multiple,3,multiple,correct-set,c,correct,en C,mn C"));
        assert!(lines.contains(&"option,myth,3,true-false,correct-set,false,incorrect,,"));
        // Every column of the CSV is described.
        let session = session();
        let header = Summary::of(&session, &english).csv().lines().next().map(str::to_owned).expect("a header");
        for column in header.split(',') {
            assert!(lines.iter().any(|line| line.starts_with(&format!("{column},,"))), "{column}");
        }
    }
}

mod notes_and_controls {
    use super::*;
    use aware_core::classroom::GuideWords;
    use aware_core::classroom::notes::{disclosure, notes};
    use aware_core::content::Inline;

    /// The word the interface's message `id` gives in `locale` (the app passes the same one).
    fn message(locale: &str, id: &str) -> String {
        let path = format!("{}/../../locales/{locale}/app.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the locale's messages");
        let line =
            text.lines().find(|line| line.starts_with(&format!("{id} ="))).unwrap_or_else(|| panic!("{id} in {path}"));
        line.split_once('=').expect("a message").1.trim().to_owned()
    }

    #[test]
    fn every_real_guide_has_notes_for_every_screen_and_its_scenario_and_quiz_parts_for_their_screens() {
        for curriculum in real_curricula() {
            let locale = curriculum.locale.to_string();
            let (scenario, quiz) =
                (message(&locale, "teacher-present-guide-scenario"), message(&locale, "teacher-present-guide-quiz"));
            let words = GuideWords { scenario: &scenario, quiz: &quiz };
            for lesson in &curriculum.lessons {
                let lesson = older_lesson(lesson);
                let what = format!("{locale} {}", lesson.id);
                assert!(disclosure(&lesson).is_some(), "{what}: the disclosure section");
                let mut session = Session::start(
                    aware_core::classroom::Setup { lesson: lesson.id.clone(), ..setup(1, AgeBand::Older) },
                    &lesson,
                )
                .expect("its own lesson");
                let (mut saw_scenario, mut saw_question) = (false, false);
                for _ in 0..500 {
                    let view = session.view(&lesson).expect("its own lesson");
                    let shown = notes(&lesson, &view.current, words).unwrap_or_else(|| panic!("{what}: notes"));
                    if let Current::ScenarioStep { step, picked, .. } = &view.current {
                        let heading = Inline::plain_text(shown.heading).to_lowercase();
                        assert!(heading.contains(&scenario.to_lowercase()), "{what}: scenario notes, got {heading}");
                        saw_scenario = true;
                        if picked.is_none() && !step.choices.is_empty() {
                            let first = step.choices[0].id.clone();
                            act(&mut session, &lesson, [Action::Choose(first)]);
                            continue;
                        }
                    }
                    if let Current::Question { .. } = &view.current {
                        let heading = Inline::plain_text(shown.heading).to_lowercase();
                        assert!(heading.contains(&quiz.to_lowercase()), "{what}: quiz notes, got {heading}");
                        saw_question = true;
                    }
                    if matches!(view.current, Current::Closing) {
                        break;
                    }
                    act(&mut session, &lesson, [Action::Next]);
                }
                assert!(saw_scenario || lesson.scenarios.is_empty(), "{what}: a scenario step was shown");
                assert!(saw_question || lesson.quiz.is_empty(), "{what}: a question was shown");
            }
        }
    }

    #[test]
    fn notes_for_a_question_are_the_quiz_part_when_the_guide_has_one_else_the_whole_activities_section() {
        let curricula = real_curricula();
        let english = curricula.iter().find(|c| c.locale == "en").expect("English lessons");
        let lesson = english.lessons.iter().find(|l| l.id == "staying-safe").expect("staying-safe");
        let lesson = older_lesson(lesson);
        let item = &lesson.quiz[0];
        let question = Current::Question { item, number: 1, of: lesson.quiz.len() };
        let check = |quiz: &str, expected: &str| {
            let shown = notes(&lesson, &question, GuideWords { scenario: "scenario", quiz }).expect("notes");
            assert_eq!(Inline::plain_text(shown.heading), expected, "quiz word {quiz:?}");
        };
        check("quiz", "The quiz");
        check("no such heading", "Running the activities");
        check("", "Running the activities");
    }
}
