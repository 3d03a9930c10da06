//! `aware review-sheet <locale>`: a printable document of everything students and teachers read
//! in `<locale>` beside the original (English), for a native reviewer to mark up on paper.
//!
//! One self-contained HTML file (inline print CSS, no scripts, nothing fetched): every lesson
//! (title, summary, content note, objectives, key points, sections, quiz items with their options
//! and explanations, scenarios, teacher guide), the pre/post assessment, and the interface strings
//! (`locales/<locale>/app.ftl`). Each part shows its review status and the fingerprint of its
//! words in both languages (`aware_core::content::compile::review`): after the review, a record
//! with that fingerprint goes into `locales/<locale>/reviews.toml`, and only then may the part say
//! `reviewed = true`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aware_core::assessment::{Assessment, KnowledgeItem};
use aware_core::content::compile::review::{
    ASSESSMENT_PART, INTERFACE_PART, ORIGINAL_LOCALE, ReviewRecord, assessment_fingerprint, interface_fingerprint,
    interface_reviewed, lesson_fingerprint, read_reviews,
};
use aware_core::content::compile::{Diagnostic, compile, compile_assessment};
use aware_core::content::{Block, Curriculum, Inline, Lesson, QuizKind, Scenario, Section};

pub struct Options {
    pub locale: String,
    /// The folder holding `lessons/`, `assessment/` and `locales/`.
    pub root: PathBuf,
    pub out: PathBuf,
}

impl Options {
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let (mut root, mut out, mut locale) = (PathBuf::from("."), None, None);
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            match arg {
                "--root" => root = PathBuf::from(args.next().ok_or("--root needs a folder")?),
                "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?)),
                option if option.starts_with("--") => return Err(format!("unknown option {option}")),
                _ if locale.is_some() => return Err(format!("unexpected argument {arg}")),
                tag => locale = Some(tag.to_owned()),
            }
        }
        let locale = locale.ok_or("expected the language to review, such as mn")?;
        if locale == ORIGINAL_LOCALE {
            return Err(format!("{ORIGINAL_LOCALE} is the original: review a translation, such as mn"));
        }
        let out = out.unwrap_or_else(|| PathBuf::from(format!("review-sheet-{locale}.html")));
        Ok(Options { locale, root, out })
    }
}

/// Everything on the sheet, read and checked.
pub struct Sheet {
    pub locale: String,
    pub original: Curriculum,
    pub translation: Curriculum,
    pub assessment: Assessment,
    /// Interface messages: id, original text, translated text (empty when missing).
    pub interface: Vec<(String, String, String)>,
    pub interface_fingerprint: String,
    pub interface_reviewed: bool,
    pub records: Vec<ReviewRecord>,
}

/// Why no sheet could be written.
pub enum Problem {
    Content(Vec<Diagnostic>),
    Other(String),
}

impl Sheet {
    pub fn read(options: &Options) -> Result<Sheet, Problem> {
        let lessons = options.root.join("lessons");
        let locales = options.root.join("locales");
        let compiled = compile(&lessons).map_err(Problem::Content)?;
        let assessment = compile_assessment(&options.root.join("assessment"), &lessons).map_err(Problem::Content)?;
        let curriculum = |locale: &str| compiled.curricula.iter().find(|c| c.locale == locale).cloned();
        let original = curriculum(ORIGINAL_LOCALE).ok_or_else(|| Problem::Other("no English lessons".into()))?;
        let translation = curriculum(&options.locale)
            .ok_or_else(|| Problem::Other(format!("no lessons in `{}` (no {0}/ folders)", options.locale)))?;
        let read = |locale: &str| {
            let path = locales.join(locale).join("app.ftl");
            std::fs::read_to_string(&path).map_err(|err| Problem::Other(format!("{}: {err}", path.display())))
        };
        let (original_ftl, translated_ftl) = (read(ORIGINAL_LOCALE)?, read(&options.locale)?);
        let mut errors = Vec::new();
        let records = read_reviews(&locales, &options.locale, &mut errors);
        if !errors.is_empty() {
            return Err(Problem::Content(errors));
        }
        let interface_reviewed = interface_reviewed(&locales, &options.locale);
        Ok(Sheet {
            locale: options.locale.clone(),
            interface: messages(&original_ftl, &translated_ftl),
            interface_fingerprint: interface_fingerprint(&original_ftl, &translated_ftl),
            interface_reviewed,
            original,
            translation,
            assessment,
            records,
        })
    }

    /// Each part's name and fingerprint, in the order of the sheet.
    pub fn fingerprints(&self) -> Vec<(String, String)> {
        let mut parts: Vec<(String, String)> = self
            .original
            .lessons
            .iter()
            .filter_map(|lesson| {
                let translated = self.translation.lesson(&lesson.id)?;
                Some((lesson.id.clone(), lesson_fingerprint(lesson, translated)))
            })
            .collect();
        parts.push((ASSESSMENT_PART.to_owned(), assessment_fingerprint(&self.assessment, &self.locale)));
        parts.push((INTERFACE_PART.to_owned(), self.interface_fingerprint.clone()));
        parts
    }
}

/// Every message and term of the original `app.ftl`, in its order, with the translation's text
/// of the same id (as written in the file, placeables and all).
fn messages(original: &str, translation: &str) -> Vec<(String, String, String)> {
    let entries = |ftl: &str| -> Vec<(String, String)> {
        let resource = match fluent_syntax::parser::parse(ftl) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        resource
            .body
            .into_iter()
            .filter_map(|entry| {
                let id = match &entry {
                    fluent_syntax::ast::Entry::Message(message) => message.id.name.to_owned(),
                    fluent_syntax::ast::Entry::Term(term) => format!("-{}", term.id.name),
                    _ => return None,
                };
                let text = fluent_syntax::serializer::serialize(&fluent_syntax::ast::Resource { body: vec![entry] });
                let value = text.split_once(" =").map_or(text.as_str(), |(_, value)| value).trim().to_owned();
                Some((id, value))
            })
            .collect()
    };
    let translated = entries(translation);
    entries(original)
        .into_iter()
        .map(|(id, text)| {
            let other = translated.iter().find(|(other, _)| *other == id).map(|(_, t)| t.clone()).unwrap_or_default();
            (id, text, other)
        })
        .collect()
}

pub fn write(options: &Options) -> Result<Vec<(String, String)>, Problem> {
    let sheet = Sheet::read(options)?;
    std::fs::write(&options.out, render(&sheet))
        .map_err(|err| Problem::Other(format!("{}: {err}", options.out.display())))?;
    Ok(sheet.fingerprints())
}

const STYLE: &str = "
body { font: 11pt/1.4 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; margin: 2em; color: #000; }
h1 { font-size: 18pt; } h2 { font-size: 15pt; margin-top: 2em; } h3 { font-size: 12pt; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 0.8em; }
th, td { border: 1px solid #666; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
thead th { background: #eee; }
th.what { background: #f6f6f6; font-weight: normal; font-style: italic; }
col.text { width: 40%; } col.notes { width: 20%; }
td.notes { background: #fff; }
.part-status { border: 2px solid #000; padding: 0.4em 0.6em; display: inline-block; }
.fingerprint { font-family: 'DejaVu Sans Mono', monospace; font-size: 12pt; letter-spacing: 0.05em; }
.key { font-weight: bold; } .marker { font-size: 9pt; font-style: italic; }
.callout { border-left: 3px solid #666; padding-left: 0.5em; margin: 0.4em 0; }
.placeholder { font-style: italic; }
@media print {
  body { margin: 0; font-size: 10pt; }
  section.part { break-before: page; }
  tr, .callout { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
";

/// The sheet as one HTML document.
pub fn render(sheet: &Sheet) -> String {
    let mut html = String::new();
    let locale = escape(&sheet.locale);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Aware review sheet: {locale}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = write!(
        html,
        "<h1>Aware: review sheet for the <span lang=\"{locale}\">{locale}</span> translation</h1>\n\
         <p>Every text of the lessons, the awareness check and the app's interface, with the original (English) on the left \
         and the translation beside it. Mark corrections in the notes column. Check meaning first, then the words a \
         12-to-18-year-old understands, then the agreed terms (<code>locales/{locale}/glossary.toml</code>).</p>\n\
         <p>When a part is reviewed, add this record to <code>locales/{locale}/reviews.toml</code>, with the part's name and \
         fingerprint exactly as printed, the reviewer's role (no name) and the date; then set <code>reviewed = true</code> \
         for that part. A fingerprint changes whenever either language changes: a reviewed part that is edited needs a \
         new review.</p>\n<pre>[[review]]\npart = \"…\"\nfingerprint = \"…\"\nrole = \"…\"\ndate = \"YYYY-MM-DD\"</pre>\n"
    );
    html.push_str(
        "<h2>Parts</h2>\n<table>\n<thead><tr><th>Part</th><th>Fingerprint</th><th>Status</th></tr></thead>\n<tbody>\n",
    );
    let statuses = statuses(sheet);
    for ((part, print), status) in sheet.fingerprints().iter().zip(&statuses) {
        let _ = writeln!(
            html,
            "<tr><td><a href=\"#part-{0}\">{0}</a></td><td class=\"fingerprint\">{1}</td><td>{2}</td></tr>",
            escape(part),
            escape(print),
            escape(status)
        );
    }
    html.push_str("</tbody>\n</table>\n");

    let prints = sheet.fingerprints();
    let mut parts = prints.iter().zip(&statuses);
    for original in &sheet.original.lessons {
        let Some(translated) = sheet.translation.lesson(&original.id) else { continue };
        let Some(((part, print), status)) = parts.next() else { break };
        lesson(&mut html, sheet, original, translated, part, print, status);
    }
    if let Some(((part, print), status)) = parts.next() {
        assessment(&mut html, sheet, part, print, status);
    }
    if let Some(((part, print), status)) = parts.next() {
        part_heading(&mut html, part, "The app's interface", print, status);
        let mut table = Table::new(&mut html, &sheet.locale);
        for (id, original, translated) in &sheet.interface {
            table.row(id, &escape(original), &escape(translated));
        }
        table.end();
        html.push_str("</section>\n");
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// Each part's review status, in the order of [`Sheet::fingerprints`].
fn statuses(sheet: &Sheet) -> Vec<String> {
    let flags = sheet
        .original
        .lessons
        .iter()
        .filter_map(|lesson| sheet.translation.lesson(&lesson.id).map(|t| t.reviewed))
        .chain([sheet.assessment.reviewed.get(&sheet.locale).copied().unwrap_or(false), sheet.interface_reviewed]);
    flags
        .zip(sheet.fingerprints())
        .map(|(reviewed, (part, print))| {
            let record = sheet.records.iter().rev().find(|r| r.part == part && r.fingerprint == print);
            match (reviewed, record) {
                (true, Some(record)) => format!("reviewed on {} by a {}", record.date, record.role),
                (false, Some(record)) => {
                    format!("review recorded on {} (set reviewed = true to show it)", record.date)
                }
                (_, None) => "not reviewed: please review".to_owned(),
            }
        })
        .collect()
}

fn part_heading(html: &mut String, part: &str, title: &str, print: &str, status: &str) {
    let _ = write!(
        html,
        "<section class=\"part\" id=\"part-{0}\">\n<h2>{1}</h2>\n<p class=\"part-status\">Part <code>{0}</code> · fingerprint <span class=\"fingerprint\">{2}</span> · {3}</p>\n",
        escape(part),
        escape(title),
        escape(print),
        escape(status)
    );
}

/// A three-column table (original, translation, notes) whose rows are written as they come.
struct Table<'a> {
    html: &'a mut String,
    /// The translation's language tag, escaped.
    locale: String,
}

impl<'a> Table<'a> {
    fn new(html: &'a mut String, locale: &str) -> Table<'a> {
        let locale = escape(locale);
        let _ = write!(
            html,
            "<table>\n<colgroup><col class=\"text\"><col class=\"text\"><col class=\"notes\"></colgroup>\n<thead><tr><th>English (original)</th><th>Translation ({locale})</th><th>Notes</th></tr></thead>\n<tbody>\n"
        );
        Table { html, locale }
    }

    /// A row labelled `what`; `original` and `translated` are HTML already.
    fn row(&mut self, what: &str, original: &str, translated: &str) {
        let _ = write!(
            self.html,
            "<tr><th class=\"what\" colspan=\"3\">{}</th></tr>\n<tr><td lang=\"en\">{original}</td><td lang=\"{}\">{translated}</td><td class=\"notes\"></td></tr>\n",
            escape(what),
            self.locale
        );
    }

    fn end(self) {
        self.html.push_str("</tbody>\n</table>\n");
    }
}

fn lesson(
    html: &mut String,
    sheet: &Sheet,
    original: &Lesson,
    translated: &Lesson,
    part: &str,
    print: &str,
    status: &str,
) {
    part_heading(html, part, &format!("Lesson: {}", original.title), print, status);
    let mut table = Table::new(html, &sheet.locale);
    table.row("Title", &escape(&original.title), &escape(&translated.title));
    table.row("Summary", &escape(&original.summary), &escape(&translated.summary));
    table.row("Content note", &escape(&original.content_note), &escape(&translated.content_note));
    for (objective, other) in original.objectives.iter().zip(&translated.objectives) {
        table.row(&format!("Objective {}", objective.id), &escape(&objective.text), &escape(&other.text));
    }
    for (i, (point, other)) in original.key_points.iter().zip(&translated.key_points).enumerate() {
        table.row(&format!("Key point {}", i + 1), &escape(point), &escape(other));
    }
    sections(&mut table, "Lesson section", &original.sections, &translated.sections);
    for item in &original.quiz {
        let Some(other) = translated.quiz_item(&item.id) else { continue };
        table.row(&format!("Quiz item {}: question", item.id), &escape(&item.prompt), &escape(&other.prompt));
        for option in &item.options {
            let Some(theirs) = other.options.iter().find(|o| o.id == option.id) else { continue };
            let mut markers = Vec::new();
            if option.correct {
                markers.push("correct");
            }
            if option.last {
                markers.push("shown last");
            }
            let marker = if markers.is_empty() { String::new() } else { format!(" ({})", markers.join(", ")) };
            let what = format!("Quiz item {}: option {}{marker}", item.id, option.id);
            let text = |o: &aware_core::content::QuizOption| {
                let words =
                    if item.kind == QuizKind::TrueFalse { String::new() } else { format!("{}<br>", escape(&o.text)) };
                format!("{words}<span class=\"marker\">Why:</span> {}", escape(&o.explanation))
            };
            table.row(&what, &text(option), &text(theirs));
        }
    }
    for scenario in &original.scenarios {
        if let Some(other) = translated.scenario(&scenario.id) {
            scenario_rows(&mut table, scenario, other);
        }
    }
    sections(&mut table, "Teacher guide", &original.teacher_guide, &translated.teacher_guide);
    table.end();
    html.push_str("</section>\n");
}

fn sections(table: &mut Table, what: &str, original: &[Section], translated: &[Section]) {
    for (i, (section, other)) in original.iter().zip(translated).enumerate() {
        let text = |s: &Section| format!("<h3>{}</h3>{}", inlines(&s.heading), blocks(&s.blocks));
        table.row(&format!("{what} {}", i + 1), &text(section), &text(other));
    }
}

fn scenario_rows(table: &mut Table, scenario: &Scenario, other: &Scenario) {
    let id = &scenario.id;
    table.row(&format!("Scenario {id}: title"), &escape(&scenario.title), &escape(&other.title));
    table.row(&format!("Scenario {id}: introduction"), &escape(&scenario.intro), &escape(&other.intro));
    for step in &scenario.steps {
        let Some(theirs) = other.step(&step.id) else { continue };
        table.row(&format!("Scenario {id}, step {}", step.id), &escape(&step.text), &escape(&theirs.text));
        for choice in &step.choices {
            let Some(their_choice) = theirs.choices.iter().find(|c| c.id == choice.id) else { continue };
            let text = |c: &aware_core::content::ScenarioChoice| {
                format!(
                    "{}<br><span class=\"marker\">What happens:</span> {}<br><span class=\"marker\">Why:</span> {}",
                    escape(&c.text),
                    escape(&c.consequence),
                    escape(&c.why)
                )
            };
            let what = format!("Scenario {id}, step {}, choice {} (leads to {})", step.id, choice.id, choice.next);
            table.row(&what, &text(choice), &text(their_choice));
        }
    }
}

fn assessment(html: &mut String, sheet: &Sheet, part: &str, print: &str, status: &str) {
    let a = &sheet.assessment;
    let locale = sheet.locale.as_str();
    let text = |texts: &aware_core::assessment::Texts, l: &str| escape(texts.get(l).map_or("", String::as_str));
    part_heading(html, part, &format!("The awareness check (version {})", a.version), print, status);
    let mut table = Table::new(html, locale);
    if let (Some(original), Some(translated)) = (a.labels.get(ORIGINAL_LOCALE), a.labels.get(locale)) {
        for (i, (label, other)) in original.likert.iter().zip(&translated.likert).enumerate() {
            table.row(&format!("Agreement label {}", i + 1), &escape(label), &escape(other));
        }
        table.row("Prefer not to answer", &escape(&original.declined), &escape(&translated.declined));
        table.row("True", &escape(&original.true_), &escape(&translated.true_));
        table.row("False", &escape(&original.false_), &escape(&translated.false_));
    }
    for scale in &a.scales {
        table.row(&format!("Scale {}", scale.id), &text(&scale.name, ORIGINAL_LOCALE), &text(&scale.name, locale));
    }
    for item in &a.knowledge {
        knowledge_rows(&mut table, item, locale);
    }
    for item in &a.likert {
        let what = format!(
            "Statement {} (scale {}{})",
            item.id,
            item.scale,
            if item.reversed { ", reversed: agreeing is what the lessons argue against" } else { "" }
        );
        table.row(&what, &text(&item.statement, ORIGINAL_LOCALE), &text(&item.statement, locale));
    }
    table.end();
    html.push_str("</section>\n");
}

fn knowledge_rows(table: &mut Table, item: &KnowledgeItem, locale: &str) {
    let text = |texts: &aware_core::assessment::Texts, l: &str| escape(texts.get(l).map_or("", String::as_str));
    let what = format!("Check item {} (form {}, version {}): question", item.id, item.form.as_str(), item.version);
    table.row(&what, &text(&item.prompt, ORIGINAL_LOCALE), &text(&item.prompt, locale));
    if item.true_false {
        let answer = item.options.iter().find(|o| o.correct).map_or("", |o| o.id.as_str());
        table.row(&format!("Check item {}: the right answer", item.id), answer, answer);
    } else {
        for option in &item.options {
            let marker = match (option.correct, option.last) {
                (true, _) => " (correct)",
                (false, true) => " (shown last)",
                _ => "",
            };
            let what = format!("Check item {}: option {}{marker}", item.id, option.id);
            table.row(&what, &text(&option.text, ORIGINAL_LOCALE), &text(&option.text, locale));
        }
    }
    table.row(
        &format!("Check item {}: explanation after hand-in", item.id),
        &text(&item.explanation, ORIGINAL_LOCALE),
        &text(&item.explanation, locale),
    );
}

fn blocks(blocks: &[Block]) -> String {
    let mut html = String::new();
    for block in blocks {
        match block {
            Block::Subheading(text) => {
                let _ = write!(html, "<h4>{}</h4>", inlines(text));
            }
            Block::Paragraph(text) => {
                let _ = write!(html, "<p>{}</p>", inlines(text));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(html, "<{tag}>");
                for item in items {
                    let _ = write!(html, "<li>{}</li>", inlines(item));
                }
                let _ = write!(html, "</{tag}>");
            }
            Block::Callout { kind, blocks: inner } => {
                let _ = write!(
                    html,
                    "<div class=\"callout\"><p class=\"marker\">:::{}</p>{}</div>",
                    kind.name(),
                    self::blocks(inner)
                );
            }
            Block::Scenario(id) => {
                let _ = write!(html, "<p class=\"placeholder\">[the scenario {} is played here]</p>", escape(id));
            }
            Block::HelpContacts => html.push_str("<p class=\"placeholder\">[the helplines, from help.toml]</p>"),
        }
    }
    html
}

fn inlines(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => escape(text),
            Inline::Strong(inner) => format!("<strong>{}</strong>", self::inlines(inner)),
            Inline::Emphasis(inner) => format!("<em>{}</em>", self::inlines(inner)),
            Inline::Cite(id) => format!("<sup>[{}]</sup>", escape(id)),
        })
        .collect()
}

/// Text as HTML: the five characters that could end an element or an attribute are escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where the sheet was written and what to put in the review record, for the terminal.
pub fn summary(out: &Path, fingerprints: &[(String, String)]) -> String {
    let mut text = format!("wrote {}\n", out.display());
    for (part, print) in fingerprints {
        let _ = writeln!(text, "  {part:<28} {print}");
    }
    text
}
