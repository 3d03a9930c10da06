//! Printable pages: text width and line breaking, page breaking, and the worksheet and answer
//! key of every real lesson in both bands, both languages and both papers.

mod classroom_support;

use aware_core::band::AgeBand;
use aware_core::classroom::BandLesson;
use aware_core::content::QuizKind;
use aware_core::print::paginate::{Room, TooTall, paginate};
use aware_core::print::text::{Font, is_measured, width, wrap};
use aware_core::print::worksheet::{FOOTER_ROOM, Item, Labels, MARGIN, Page, Sheet, worksheet};
use aware_core::print::{Paper, Size};

const BODY: Font = Font { size: 4.2, bold: false };

mod text {
    use super::*;

    #[test]
    fn widths_are_dejavu_sans_advances_and_bold_is_wider() {
        // DejaVu Sans: "m" is 1,000 × 1995/2048 em wide, a space 651/2048 em.
        let em = |text: &str, bold: bool| width(text, Font { size: 1.0, bold });
        assert!((em("m", false) - 1995.0 / 2048.0).abs() < 0.001);
        assert!((em(" ", false) - 651.0 / 2048.0).abs() < 0.001);
        assert!(em("Жө", true) > em("Жө", false));
        // A character the table lacks counts as a full em.
        assert_eq!(em("漢", false), 1.0);
        assert_eq!(width("ab", Font { size: 4.0, bold: false }), 4.0 * em("ab", false));
    }

    #[test]
    fn every_character_of_every_lesson_has_a_measured_width() {
        for curriculum in classroom_support::real_curricula() {
            for lesson in &curriculum.lessons {
                let texts = std::iter::once(&lesson.title).chain(lesson.quiz.iter().flat_map(|item| {
                    std::iter::once(&item.prompt).chain(item.options.iter().flat_map(|o| [&o.text, &o.explanation]))
                }));
                for text in texts {
                    let unmeasured: String = text.chars().filter(|&c| !is_measured(c)).collect();
                    assert!(unmeasured.is_empty(), "{} {}: {unmeasured:?} in {text:?}", curriculum.locale, lesson.id);
                }
            }
        }
    }

    #[test]
    fn lines_break_between_words_within_the_width() {
        let check = |text: &str, width_mm: f32, expected: &[&str]| {
            let lines = wrap(text, width_mm, BODY);
            assert_eq!(lines, expected, "{text:?} in {width_mm} mm");
            for line in &lines {
                assert!(width(line, BODY) <= width_mm || line.chars().count() == 1, "{line:?} is too wide");
            }
        };
        let w = |text: &str| width(text, BODY);
        check("", 100.0, &[]);
        check("   ", 100.0, &[]);
        check("one two three", 100.0, &["one two three"]);
        check("one  two\nthree", 100.0, &["one two three"]);
        check("one two three", w("one two"), &["one two", "three"]);
        check("one two three", w("one two") - 0.01, &["one", "two", "three"]);
        check("Монгол улс", w("Монгол"), &["Монгол", "улс"]);
        // A word longer than a line is broken between characters.
        check("abcdef gh", w("abc"), &["abc", "def", "gh"]);
        check("a", 0.1, &["a"]);
    }
}

// A pagination of one page is a list of one range, not a range to collect.
#[allow(clippy::single_range_in_vec_init)]
mod pages {
    use super::*;

    fn check(heights: &[f32], room: Room, expected: Result<&[std::ops::Range<usize>], TooTall>) {
        assert_eq!(paginate(heights, room).as_deref().map_err(|&e| e), expected, "{heights:?} in {room:?}");
    }

    const ROOM: Room = Room { first_page: 80.0, other_pages: 100.0, gap: 5.0 };

    #[test]
    fn whole_blocks_fill_each_page_in_order() {
        check(&[], ROOM, Ok(&[]));
        check(&[30.0], ROOM, Ok(&[0..1]));
        // 30 + 5 + 45 = 80: exactly the first page.
        check(&[30.0, 45.0, 10.0], ROOM, Ok(&[0..2, 2..3]));
        check(&[30.0, 45.01, 10.0], ROOM, Ok(&[0..1, 1..3]));
        // Later pages have more room: 50 + 5 + 45 = 100.
        check(&[80.0, 50.0, 45.0, 1.0], ROOM, Ok(&[0..1, 1..3, 3..4]));
        // Five on the first page (5 × 10 + 4 × 5 = 70; six would take 85), seven on the others.
        check(&[10.0; 20], ROOM, Ok(&[0..5, 5..12, 12..19, 19..20]));
    }

    #[test]
    fn a_block_too_tall_for_the_first_page_starts_the_second_and_one_too_tall_for_any_is_refused() {
        check(&[90.0, 10.0], ROOM, Ok(&[0..0, 0..1, 1..2]));
        check(&[90.0, 5.0], ROOM, Ok(&[0..0, 0..2]));
        check(&[10.0, 100.5], ROOM, Err(TooTall { block: 1, height: 100.5 }));
        check(&[100.0], Room { first_page: 100.0, ..ROOM }, Ok(&[0..1]));
    }

    #[test]
    fn filling_each_page_uses_no_more_pages_than_any_other_order_keeping_placement() {
        // Against every way of cutting a short sequence into pages.
        let mut rng = aware_core::rng::SplitMix64(5);
        for _ in 0..300 {
            let heights: Vec<f32> = (0..rng.below(8)).map(|_| (1 + rng.below(60)) as f32).collect();
            let fits = |blocks: &[f32], capacity: f32| {
                blocks.iter().sum::<f32>() + ROOM.gap * blocks.len().saturating_sub(1) as f32 <= capacity
            };
            let n = heights.len();
            let mut fewest = usize::MAX;
            for cuts in 0u32..(1 << n.saturating_sub(1)) {
                let mut pages = Vec::new();
                let mut start = 0;
                for i in 1..n {
                    if cuts & (1 << (i - 1)) != 0 {
                        pages.push(&heights[start..i]);
                        start = i;
                    }
                }
                if n > 0 {
                    pages.push(&heights[start..]);
                }
                let ok = pages
                    .iter()
                    .enumerate()
                    .all(|(k, page)| fits(page, if k == 0 { ROOM.first_page } else { ROOM.other_pages }));
                if ok {
                    fewest = fewest.min(pages.len());
                }
            }
            let greedy = paginate(&heights, ROOM).expect("every block fits a page");
            let used = greedy.iter().filter(|range| !range.is_empty()).count();
            if fewest != usize::MAX {
                assert_eq!(greedy.len(), fewest, "{heights:?}");
            } else {
                // Only possible when the first page must stay empty.
                assert!(used < greedy.len(), "{heights:?}");
            }
        }
    }
}

mod worksheets {
    use super::*;

    fn page_label(n: usize, of: usize) -> String {
        format!("Page {n} of {of}")
    }

    fn labels() -> Labels<'static> {
        Labels {
            band: "Ages 15–18",
            choose_one: "Tick one box.",
            choose_all: "Tick every box that fits.",
            true_: "True",
            false_: "False",
            answer_key: "Answer key, for the teacher",
            page: &page_label,
        }
    }

    fn lines(page: &Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Line { text, .. } => Some(text.as_str()),
                Item::Box { .. } => None,
            })
            .collect()
    }

    /// Everything on the page stays inside its margins (a line's right end by its width bound).
    fn assert_inside(page: &Page, what: &str) {
        let Size { width: page_width, height } = page.size;
        let last = page.items.len() - 1;
        for (k, item) in page.items.iter().enumerate() {
            let (left, top, right, bottom) = match item {
                Item::Line { x, y, font, text } => (*x, y - font.size, x + width(text, *font), *y),
                Item::Box { x, y, side, .. } => (*x, *y, x + side, y + side),
            };
            // The page number alone sits in the room kept for it.
            let floor = if k == last { height - MARGIN } else { height - MARGIN - FOOTER_ROOM };
            assert!(left >= MARGIN && top >= MARGIN - 0.01, "{what}: {item:?} above or left of the margin");
            assert!(right <= page_width - MARGIN + 0.01, "{what}: {item:?} right of the margin");
            assert!(bottom <= floor + 0.01, "{what}: {item:?} below the margin");
        }
    }

    #[test]
    fn the_test_lessons_worksheet_and_key_show_every_question_tick_only_the_right_boxes_and_explain_every_option() {
        let lesson = classroom_support::lesson();
        let lesson = BandLesson::new(&lesson, AgeBand::Older).expect("for all ages");
        let sheet = worksheet(&lesson, Paper::A4, Sheet::Worksheet, &labels()).expect("fits");
        assert_eq!(sheet.len(), 1);
        let text = lines(&sheet[0]);
        assert_eq!(&text[..2], ["en Myths", "Ages 15–18"]);
        for expected in
            ["1.", "en Which one?", "Tick one box.", "Tick every box that fits.", "True", "False", "Page 1 of 1"]
        {
            assert!(text.contains(&expected), "{expected:?} in {text:?}");
        }
        assert!(!text.iter().any(|line| line.starts_with("Why")), "no explanation on the class's sheet");
        let boxes = |page: &Page| -> Vec<bool> {
            page.items
                .iter()
                .filter_map(|item| if let Item::Box { ticked, .. } = item { Some(*ticked) } else { None })
                .collect()
        };
        assert_eq!(boxes(&sheet[0]), [false; 9]);
        let key = worksheet(&lesson, Paper::A4, Sheet::AnswerKey, &labels()).expect("fits");
        assert_eq!(boxes(&key[0]), [false, true, false, false, true, false, true, true, false]);
        let text = lines(&key[0]);
        assert_eq!(&text[..3], ["en Myths", "Answer key, for the teacher", "Ages 15–18"]);
        // Every option's explanation, the wrong ones' too.
        for explanation in ["Why b.", "Why a.", "Why c.", "Why d.", "Why true."] {
            assert!(text.contains(&explanation), "{explanation} on the key");
        }
    }

    #[test]
    fn a_question_taller_than_a_page_is_refused_rather_than_split() {
        let mut lesson = classroom_support::lesson();
        lesson.quiz[1].prompt = "word ".repeat(2_000);
        let lesson = BandLesson::new(&lesson, AgeBand::Older).expect("for all ages");
        let refused = worksheet(&lesson, Paper::Letter, Sheet::Worksheet, &labels()).err();
        assert_eq!(refused.map(|too_tall| too_tall.block), Some(1));
    }

    #[test]
    fn every_real_lesson_prints_in_every_band_language_and_paper_with_no_question_split() {
        let mut figures = Vec::new();
        for curriculum in classroom_support::real_curricula() {
            for lesson in &curriculum.lessons {
                for band in AgeBand::ALL.into_iter().filter(|band| lesson.is_for(*band)) {
                    let lesson = BandLesson::new(lesson, band).expect("the lesson is for this band");
                    for paper in Paper::ALL {
                        for sheet in [Sheet::Worksheet, Sheet::AnswerKey] {
                            let what = format!("{} {} {band} {paper:?} {sheet:?}", curriculum.locale, lesson.id);
                            let pages =
                                worksheet(&lesson, paper, sheet, &labels()).unwrap_or_else(|e| panic!("{what}: {e:?}"));
                            // Each question on exactly one page, in order, none left out.
                            let ranges: Vec<_> = pages.iter().map(|page| page.questions.clone()).collect();
                            let mut next = 0;
                            for range in &ranges {
                                assert_eq!(range.start, next, "{what}: {ranges:?}");
                                next = range.end;
                            }
                            assert_eq!(next, lesson.quiz.len(), "{what}");
                            for (number, page) in (1..).zip(&pages) {
                                assert_inside(page, &format!("{what} page {number}"));
                                assert_eq!(lines(page).last().copied(), Some(page_label(number, pages.len()).as_str()));
                                assert_eq!(page.size, paper.size());
                            }
                            // Every option has its box; the key ticks the right ones.
                            let ticks: Vec<bool> = pages
                                .iter()
                                .flat_map(|page| &page.items)
                                .filter_map(
                                    |item| if let Item::Box { ticked, .. } = item { Some(*ticked) } else { None },
                                )
                                .collect();
                            let right: Vec<bool> = lesson
                                .quiz
                                .iter()
                                .flat_map(|item| item.options.iter().map(|o| sheet == Sheet::AnswerKey && o.correct))
                                .collect();
                            assert_eq!(ticks, right, "{what}");
                            // The key explains every option, on its question's page; the class's sheet none.
                            for page in &pages {
                                let shown = lines(page).join(" ");
                                for item in &lesson.quiz[page.questions.clone()] {
                                    for option in &item.options {
                                        let words = option.explanation.split_whitespace().collect::<Vec<_>>().join(" ");
                                        let explained = shown.contains(&words);
                                        assert_eq!(
                                            explained,
                                            sheet == Sheet::AnswerKey,
                                            "{what}: {} {}",
                                            item.id,
                                            option.id
                                        );
                                    }
                                }
                            }
                            let multiple = lesson.quiz.iter().filter(|item| item.kind == QuizKind::Multiple).count();
                            let hints =
                                pages.iter().flat_map(lines).filter(|l| *l == "Tick every box that fits.").count();
                            assert_eq!(hints, multiple, "{what}");
                            figures.push(format!("{what}: {} pages", pages.len()));
                        }
                    }
                }
            }
        }
        // `cargo test -p aware-core --test print -- --nocapture` lists the page counts.
        println!("{}", figures.join("\n"));
    }
}
