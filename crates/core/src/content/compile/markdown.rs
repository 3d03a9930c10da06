//! Lesson bodies: a strict Markdown subset compiled to [`Section`]s at build time.
//!
//! The browser never sees Markdown or HTML: it receives the typed blocks below and renders them as
//! yew nodes, so a lesson file cannot inject markup or scripts. Anything outside the subset is an
//! error with its line, rather than being dropped, so an author never loses text silently.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::diagnostic::{Diagnostic, SourceFile};
use crate::content::{Block, CalloutKind, Inline, Section};

pub(crate) struct Body {
    pub sections: Vec<Section>,
    /// Every `[@id]` in the body with its line, for checking against the lesson's sources.
    pub citations: Vec<(String, usize)>,
    /// Every `{{scenario id}}` with its line, for checking against the lesson's scenarios.
    pub scenarios: Vec<(String, usize)>,
    /// Every callout with the line that opens it.
    pub callouts: Vec<(CalloutKind, usize)>,
}

pub(crate) fn compile_body(file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Body {
    let citations = scan_citations(file, errors);
    let mut scenarios = Vec::new();
    let mut callouts = Vec::new();
    let mut pieces = Vec::new();
    for segment in split_callouts(file, errors) {
        if let Some((block, line)) = segment.placeholder {
            if let Block::Scenario(id) = &block {
                scenarios.push((id.clone(), line));
            }
            pieces.push(Piece::Block(block));
            continue;
        }
        let blocks = compile_segment(file, &segment, errors, &mut pieces);
        if let Some(kind) = segment.callout {
            // The `:::kind` line is the one before the callout's text.
            callouts.push((kind, file.line_of(segment.start).saturating_sub(1).max(1)));
            pieces.push(Piece::Block(Block::Callout { kind, blocks }));
        }
    }

    let mut sections: Vec<Section> = Vec::new();
    let mut heading_lines = Vec::new();
    let mut reported_orphan = false;
    for piece in pieces {
        match piece {
            Piece::Heading(heading, line) => {
                sections.push(Section { heading, blocks: Vec::new() });
                heading_lines.push(line);
            }
            Piece::Block(block) => match sections.last_mut() {
                Some(section) => section.blocks.push(block),
                None if !reported_orphan => {
                    reported_orphan = true;
                    errors.push(file.error_at_line(1, "the lesson body must start with a `## Section heading`"));
                }
                None => {}
            },
        }
    }
    if sections.is_empty() && !reported_orphan {
        errors.push(file.error_at_line(1, "the lesson body has no `## Section heading`"));
    }
    for (section, &line) in sections.iter().zip(&heading_lines) {
        if section.blocks.is_empty() {
            errors.push(
                file.error_at_line(line, format!("section \"{}\" has no text", Inline::plain_text(&section.heading))),
            );
        }
    }
    Body { sections, citations, scenarios, callouts }
}

enum Piece {
    /// A `##` heading with its line.
    Heading(Vec<Inline>, usize),
    Block(Block),
}

/// A run of lines that is either ordinary text, the inside of one `:::kind` … `:::` callout, or
/// one `{{placeholder}}` line.
struct Segment {
    callout: Option<CalloutKind>,
    placeholder: Option<(Block, usize)>,
    start: usize,
    end: usize,
}

impl Segment {
    fn text(start: usize, end: usize, callout: Option<CalloutKind>) -> Segment {
        Segment { callout, placeholder: None, start, end }
    }
}

/// Reads `{{scenario id}}` or `{{help-contacts}}`.
fn placeholder(inner: &str) -> Result<Block, String> {
    let words: Vec<&str> = inner.split_whitespace().collect();
    match words.as_slice() {
        ["help-contacts"] => Ok(Block::HelpContacts),
        ["scenario", id] if crate::content::id::is_valid(id) => Ok(Block::Scenario((*id).to_owned())),
        _ => Err(format!(
            "unknown placeholder `{{{{{inner}}}}}` (expected {{{{scenario <id>}}}} or {{{{help-contacts}}}})"
        )),
    }
}

fn split_callouts(file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut open: Option<(CalloutKind, usize, usize)> = None; // kind, content start, line
    // `:::kind` lines already reported as nested; each one's closing `:::` is skipped, so that it
    // does not close the outer callout and leave the outer `:::` reported as closing nothing.
    let mut nested = 0;
    let mut plain_start = 0;
    let mut offset = 0;
    for (index, line) in file.text.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let next = offset + line.len();
        let trimmed = line.trim();
        if let Some(inner) = trimmed.strip_prefix("{{").and_then(|rest| rest.strip_suffix("}}")) {
            match (placeholder(inner.trim()), open) {
                (Err(message), _) => errors.push(file.error_at_line(line_no, message)),
                (Ok(_), Some(_)) => {
                    errors.push(file.error_at_line(line_no, "a `{{…}}` placeholder cannot be inside a callout"))
                }
                (Ok(block), None) => {
                    segments.push(Segment::text(plain_start, offset, None));
                    segments.push(Segment { placeholder: Some((block, line_no)), ..Segment::text(offset, next, None) });
                    plain_start = next;
                }
            }
        } else if let Some(name) = trimmed.strip_prefix(":::") {
            let name = name.trim();
            if name.is_empty() && nested > 0 {
                nested -= 1;
            } else if name.is_empty() {
                match open.take() {
                    Some((kind, start, _)) => {
                        segments.push(Segment::text(start, offset, Some(kind)));
                        plain_start = next;
                    }
                    None => errors.push(file.error_at_line(line_no, "`:::` closes no callout")),
                }
            } else if let Some((_, _, open_line)) = open {
                nested += 1;
                errors.push(file.error_at_line(
                    line_no,
                    format!("callouts cannot be nested (the callout on line {open_line} is still open)"),
                ));
            } else {
                let kind = CalloutKind::ALL.iter().find(|kind| kind.name() == name).copied();
                if kind.is_none() {
                    errors.push(file.error_at_line(
                        line_no,
                        format!("unknown callout `:::{name}` (expected :::note, :::example, :::discuss or :::older)"),
                    ));
                }
                segments.push(Segment::text(plain_start, offset, None));
                // An unknown callout is still opened (checked like a note; the body is not used
                // because of the error), so its closing `:::` is not reported as closing nothing.
                open = Some((kind.unwrap_or(CalloutKind::Note), next, line_no));
            }
        }
        offset = next;
    }
    match open {
        Some((_, _, line)) => errors.push(file.error_at_line(line, "callout is never closed with `:::`")),
        None => segments.push(Segment::text(plain_start, file.text.len(), None)),
    }
    segments
}

/// Compiles one segment. Top-level pieces of plain segments go to `pieces`; the blocks of a
/// callout segment are returned instead.
fn compile_segment(
    file: &SourceFile,
    segment: &Segment,
    errors: &mut Vec<Diagnostic>,
    pieces: &mut Vec<Piece>,
) -> Vec<Block> {
    let text = &file.text[segment.start..segment.end];
    let in_callout = segment.callout.is_some();
    let mut blocks = Vec::new();
    let mut emit = |piece: Piece, blocks: &mut Vec<Block>| match (in_callout, piece) {
        (true, Piece::Block(block)) => blocks.push(block),
        (false, piece) => pieces.push(piece),
        (true, Piece::Heading(..)) => {}
    };

    let mut inlines = InlineBuilder::default();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let mut heading: Option<(HeadingLevel, usize)> = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let line = file.line_of(segment.start + range.start);
        let mut reject = |what: &str| {
            let error = file.error_at_line(line, format!("{what} is not allowed in lessons (see lessons/README.md)"));
            // `<b>x</b>` is two HTML events on one line; one message is enough.
            if errors.last() != Some(&error) {
                errors.push(error);
            }
        };
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if list.is_some() => {
                inlines.text(" ");
            }
            Event::Start(Tag::Paragraph) => inlines = InlineBuilder::default(),
            Event::End(TagEnd::Paragraph) => emit(Piece::Block(Block::Paragraph(inlines.finish())), &mut blocks),
            Event::Start(Tag::Heading { level, .. }) => {
                if in_callout {
                    reject("a heading inside a callout");
                } else if !matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    errors.push(file.error_at_line(
                        line,
                        format!(
                            "`{}` headings are not allowed: use `##` for a section or `###` inside one",
                            "#".repeat(level as usize)
                        ),
                    ));
                }
                heading = Some((level, line));
                inlines = InlineBuilder::default();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = inlines.finish();
                match heading.take() {
                    Some((HeadingLevel::H2, line)) => emit(Piece::Heading(text, line), &mut blocks),
                    _ => emit(Piece::Block(Block::Subheading(text)), &mut blocks),
                }
            }
            Event::Start(Tag::List(start)) => {
                if list.is_some() {
                    reject("a list inside a list");
                } else {
                    list = Some((start.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((ordered, items)) = list.take() {
                    emit(Piece::Block(Block::List { ordered, items }), &mut blocks);
                }
            }
            Event::Start(Tag::Item) => inlines = InlineBuilder::default(),
            Event::End(TagEnd::Item) => {
                if let Some((_, items)) = list.as_mut() {
                    items.push(inlines.finish());
                }
            }
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => inlines.open(),
            Event::End(TagEnd::Strong) => inlines.close(Inline::Strong),
            Event::End(TagEnd::Emphasis) => inlines.close(Inline::Emphasis),
            Event::Text(text) => inlines.text(&text),
            Event::SoftBreak | Event::HardBreak => inlines.text(" "),
            Event::Start(Tag::Link { .. }) => reject("a link"),
            Event::Start(Tag::Image { .. }) => reject("an image"),
            Event::Start(Tag::BlockQuote(_)) => reject("a block quote (`>`)"),
            Event::Start(Tag::CodeBlock(_)) => reject("a code block"),
            Event::Code(_) => reject("code (`…`)"),
            Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => reject("HTML"),
            // The lines of an HTML block, already reported at its start.
            Event::Html(_) => {}
            Event::Rule => reject("a horizontal rule"),
            Event::Start(Tag::Table(_)) => reject("a table"),
            Event::Start(_) | Event::End(_) => {}
            other => reject(&format!("`{other:?}`")),
        }
    }
    blocks
}

/// Builds nested inline content; `[@id]` citations are split out of text when a run is finished.
#[derive(Default)]
struct InlineBuilder {
    stack: Vec<Vec<Inline>>,
}

impl InlineBuilder {
    fn current(&mut self) -> &mut Vec<Inline> {
        if self.stack.is_empty() {
            self.stack.push(Vec::new());
        }
        self.stack.last_mut().expect("stack is not empty")
    }

    fn text(&mut self, text: &str) {
        let current = self.current();
        match current.last_mut() {
            Some(Inline::Text(previous)) => previous.push_str(text),
            _ => current.push(Inline::Text(text.to_owned())),
        }
    }

    fn open(&mut self) {
        self.current();
        self.stack.push(Vec::new());
    }

    fn close(&mut self, wrap: fn(Vec<Inline>) -> Inline) {
        let inner = split_citations(self.stack.pop().unwrap_or_default());
        self.current().push(wrap(inner));
    }

    fn finish(&mut self) -> Vec<Inline> {
        let mut all = Vec::new();
        while let Some(level) = self.stack.pop() {
            all = level.into_iter().chain(all).collect();
        }
        let mut inlines = split_citations(all);
        trim_edges(&mut inlines);
        inlines
    }
}

fn split_citations(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        let Inline::Text(text) = inline else {
            out.push(inline);
            continue;
        };
        let mut rest = text.as_str();
        while let Some(start) = rest.find("[@") {
            let Some(len) = rest[start..].find(']') else { break };
            let before = rest[..start].trim_end();
            if !before.is_empty() {
                out.push(Inline::Text(before.to_owned()));
            }
            out.push(Inline::Cite(rest[start + 2..start + len].trim().to_owned()));
            rest = &rest[start + len + 1..];
        }
        if !rest.is_empty() {
            out.push(Inline::Text(rest.to_owned()));
        }
    }
    out
}

fn trim_edges(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        *last = last.trim_end().to_owned();
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
}

/// Finds `[@id]` citations in the raw text, where exact lines are still known.
fn scan_citations(file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (index, line) in file.text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("[@") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(']') else {
                errors.push(file.error_at_line(index + 1, "citation `[@…` is missing its closing `]`"));
                break;
            };
            let id = after[..end].trim();
            if !crate::content::id::is_valid(id) {
                errors.push(file.error_at_line(
                    index + 1,
                    format!("citation `[@{id}]` must name one source id (lower-case letters, digits and `-`)"),
                ));
            } else {
                found.push((id.to_owned(), index + 1));
            }
            rest = &after[end + 1..];
        }
    }
    found
}
