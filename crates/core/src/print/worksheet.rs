//! A lesson's quiz on paper: the worksheet for the class (answer boxes, no name field) and the
//! answer key for the teacher (the right boxes ticked, every option's explanation below it, as
//! the quiz explains a wrong answer as well as the right one), for one age band, laid out on A4 or Letter pages so that no question is split.
//!
//! The layout is a list of positioned lines and boxes per page, which the app draws as one SVG
//! per page (`<text x y font-size font-weight>` for a [`Item::Line`], `<rect>` and a tick for an
//! [`Item::Box`], in the font [`super::FONT_FAMILY`]) with a print stylesheet that puts each on
//! its own sheet (`@page { size: …; margin: 0 }`, `break-after: page`). All words come from the
//! lesson or from the app's messages ([`Labels`]).

use std::ops::Range;

use super::paginate::{Room, TooTall, paginate};
use super::text::{Font, wrap};
use super::{Paper, Size};
use crate::classroom::{BandLesson, letter};
use crate::content::{QuizItem, QuizKind};

/// The words of a worksheet that are not the lesson's: from the app's messages, in the
/// worksheet's language.
pub struct Labels<'a> {
    /// Which band the sheet is for ("Ages 12–14").
    pub band: &'a str,
    /// Under a single-answer or true/false question ("Tick one box.").
    pub choose_one: &'a str,
    /// Under a multiple-answer question ("Tick every box that fits.").
    pub choose_all: &'a str,
    pub true_: &'a str,
    pub false_: &'a str,
    /// The answer key's heading line ("Answer key, for the teacher").
    pub answer_key: &'a str,
    /// The footer of page `n` of `pages` ("Page 2 of 3").
    pub page: &'a dyn Fn(usize, usize) -> String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sheet {
    Worksheet,
    AnswerKey,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub size: Size,
    /// The questions on this page (indices into the band's quiz, from 0).
    pub questions: Range<usize>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text; `(x, y)` is the left end of its baseline.
    Line { x: f32, y: f32, font: Font, text: String },
    /// A square answer box with its top-left corner at `(x, y)`; ticked on the answer key.
    Box { x: f32, y: f32, side: f32, ticked: bool },
}

/// Page margins on every side.
pub const MARGIN: f32 = 12.0;
/// Room kept above the bottom margin for the page number.
pub const FOOTER_ROOM: f32 = 8.0;
/// Line height as a multiple of the font size: a capital's height above the baseline and a
/// descender's below fit with room to spare.
pub const LINE_HEIGHT: f32 = 1.35;

const TITLE: Font = Font { size: 6.4, bold: true };
const SUBTITLE: Font = Font { size: 4.2, bold: false };
const PROMPT: Font = Font { size: 3.9, bold: true };
const BODY: Font = Font { size: 3.9, bold: false };
const LETTER: Font = Font { size: 3.9, bold: true };
const NOTE: Font = Font { size: 3.6, bold: false };
const FOOTER: Font = Font { size: 3.2, bold: false };
/// Where a question's prompt and options start, right of its number.
const INDENT: f32 = 9.0;
/// An option's letter and text, right of its box.
const LETTER_AT: f32 = 7.5;
const TEXT_AT: f32 = 14.0;
const BOX: f32 = 5.0;
/// Between two questions on a page; after the header; after a prompt; between options.
const QUESTION_GAP: f32 = 6.0;
const HEADER_GAP: f32 = 6.0;
const AFTER_PROMPT: f32 = 2.0;
const OPTION_GAP: f32 = 1.0;

/// Lays out the sheet. Fails only for a question taller than a page, which no lesson has
/// (a test lays out every lesson in every band, language and paper).
pub fn worksheet(lesson: &BandLesson, paper: Paper, sheet: Sheet, labels: &Labels) -> Result<Vec<Page>, TooTall> {
    let size = paper.size();
    let content = size.width - 2.0 * MARGIN;
    let bottom = size.height - MARGIN - FOOTER_ROOM;

    let mut header = Block::default();
    header.lines(MARGIN, content, TITLE, &lesson.title);
    if sheet == Sheet::AnswerKey {
        header.lines(MARGIN, content, SUBTITLE, labels.answer_key);
    }
    header.lines(MARGIN, content, SUBTITLE, labels.band);
    let questions: Vec<Block> =
        (1..).zip(&lesson.quiz).map(|(number, item)| question(number, item, content, sheet, labels)).collect();

    let heights: Vec<f32> = questions.iter().map(|block| block.height).collect();
    let room = Room {
        first_page: bottom - MARGIN - header.height - HEADER_GAP,
        other_pages: bottom - MARGIN,
        gap: QUESTION_GAP,
    };
    let mut ranges = paginate(&heights, room)?;
    if ranges.is_empty() {
        ranges.push(0..0);
    }
    let pages = ranges.len();
    Ok((1..)
        .zip(ranges)
        .map(|(number, range)| {
            let mut items = Vec::new();
            let mut top = MARGIN;
            if number == 1 {
                header.place(top, &mut items);
                top += header.height + HEADER_GAP;
            }
            for block in &questions[range.clone()] {
                block.place(top, &mut items);
                top += block.height + QUESTION_GAP;
            }
            let footer = (labels.page)(number, pages);
            items.push(Item::Line { x: MARGIN, y: size.height - MARGIN, font: FOOTER, text: footer });
            Page { size, questions: range, items }
        })
        .collect())
}

/// Items laid out from `y = 0` down, and the height they take.
#[derive(Default)]
struct Block {
    items: Vec<Item>,
    height: f32,
}

impl Block {
    /// Wrapped lines of `text` at `x`, below what the block holds. Returns the first line's top.
    fn lines(&mut self, x: f32, width: f32, font: Font, text: &str) -> f32 {
        let top = self.height;
        for line in wrap(text, width, font) {
            // The baseline one font size below the line's top: room for capitals above, and
            // LINE_HEIGHT − 1 of a font size for descenders below.
            self.items.push(Item::Line { x, y: self.height + font.size, font, text: line });
            self.height += font.size * LINE_HEIGHT;
        }
        top
    }

    fn place(&self, top: f32, out: &mut Vec<Item>) {
        out.extend(self.items.iter().map(|item| match item {
            Item::Line { x, y, font, text } => Item::Line { x: *x, y: y + top, font: *font, text: text.clone() },
            Item::Box { x, y, side, ticked } => Item::Box { x: *x, y: y + top, side: *side, ticked: *ticked },
        }));
    }
}

fn question(number: usize, item: &QuizItem, content: f32, sheet: Sheet, labels: &Labels) -> Block {
    let mut block = Block::default();
    let prompt_x = MARGIN + INDENT;
    block.items.push(Item::Line { x: MARGIN, y: PROMPT.size, font: PROMPT, text: format!("{number}.") });
    block.lines(prompt_x, content - INDENT, PROMPT, &item.prompt);
    let instruction = if item.kind == QuizKind::Multiple { labels.choose_all } else { labels.choose_one };
    block.lines(prompt_x, content - INDENT, NOTE, instruction);
    block.height += AFTER_PROMPT;
    for (k, option) in item.options.iter().enumerate() {
        if k > 0 {
            block.height += OPTION_GAP;
        }
        let text = match (item.kind, option.id.as_str()) {
            (QuizKind::TrueFalse, "true") => labels.true_,
            (QuizKind::TrueFalse, "false") => labels.false_,
            _ => &option.text,
        };
        let top = block.height;
        let line_height = BODY.size * LINE_HEIGHT;
        let ticked = sheet == Sheet::AnswerKey && option.correct;
        block.items.push(Item::Box { x: prompt_x, y: top + (line_height - BOX) / 2.0, side: BOX, ticked });
        let letter = letter(k).map(String::from).unwrap_or_default();
        block.items.push(Item::Line { x: prompt_x + LETTER_AT, y: top + BODY.size, font: LETTER, text: letter });
        let text_x = prompt_x + TEXT_AT;
        let width = content - INDENT - TEXT_AT;
        block.lines(text_x, width, BODY, text);
        // An option without words still takes the box's line.
        block.height = block.height.max(top + line_height);
        if sheet == Sheet::AnswerKey {
            block.lines(text_x, width, NOTE, &option.explanation);
        }
    }
    block
}
