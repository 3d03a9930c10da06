//! Reading a results file record by record, borrowing text from the file instead of building a
//! [`Record`] for each: the one decoder of results files. [`ResultsFile::decode`] builds its
//! records from what this reads; `aware report` scores them straight from the file's bytes.
//!
//! Version 1 of the format, `{"format":"aware-results","version":1,"records":[…]}`, is read in
//! one pass without recursion or a JSON tree. Nothing it keeps grows with a string's length or a
//! list's: a record holds at most [`Record::MAX_ANSWERS`] answers of at most
//! [`Record::MAX_CHOSEN`] options (more are counted, then refused), text is borrowed, and escaped
//! text is unescaped into one buffer reused for every record.
//!
//! A file as the app writes it (compact, keys in the format's order) is read by its exact bytes
//! (module `fast`), several times faster; anything else JSON allows, by the general path. Both give
//! the same records.
//!
//! What it accepts and what it says about what it refuses are those of the serde decoder it
//! replaced, test for test: serde's field and type rules (`deny_unknown_fields`, a record may
//! also be a list of its fields in order), its messages with line and column, and which problem is
//! reported when there are several: first whether the file is JSON and a results file at all
//! (serde_json reads the envelope for that, only when this reader has refused the file), then the
//! first damaged structure anywhere, then the first record with a bad value, then the first record
//! that repeats another's key.

use super::scan::{
    EOF_LIST, EOF_OBJECT, EOF_VALUE, EXPECTED_COLON, EXPECTED_LIST_COMMA_OR_END, EXPECTED_OBJECT_COMMA_OR_END,
    EXPECTED_VALUE, KEY_MUST_BE_A_STRING, Kind, Number, Problem, Scanner, TRAILING_CHARACTERS, TRAILING_COMMA, Text,
    Unexpected, quote,
};
use super::{FORMAT, ImportError, MAX_FILE_BYTES, ResultsFile};
use crate::study::code::{Code, StudyId};
use crate::study::record::{
    Answer, Chosen, Date, Form, Id, Likert, Locale, Phase, Record, RecordError, RecordKey, Response, shorten,
};
use crate::study::view::{AnswerRef, IdRef, Options, ResponseRef, bytes_of, id_ref, text_of};

/// One record as read, its text borrowed from the file (or from the reader's buffer when it had
/// escapes). Every value is valid: this is what [`Record`] would hold.
pub struct RecordRef<'r> {
    pub study: StudyId,
    pub code: Code,
    pub phase: Phase,
    pub form: Form,
    pub content_version: u32,
    pub date: Date,
    locale: Text,
    answers: &'r [RawAnswer],
    options: &'r [Text],
    input: &'r [u8],
    buffer: &'r [u8],
}

/// Reads results files, keeping its buffers from one file to the next.
#[derive(Default)]
pub struct Reader {
    buffer: Vec<u8>,
    answers: Vec<RawAnswer>,
    options: Vec<Text>,
    /// Each record's key and number (from 1) in the file being read, to find a key given twice.
    keys: Vec<(RecordKey, usize)>,
    /// Language tags already found valid: a file holds one or two, thousands of times.
    locales: Vec<Vec<u8>>,
}

#[derive(Debug, Clone, Copy)]
struct RawAnswer {
    item: Text,
    version: u32,
    response: RawResponse,
}

#[derive(Debug, Clone, Copy)]
enum RawResponse {
    /// `count` options were listed; the first `count.min(MAX_CHOSEN)` are kept from `start`.
    Chose {
        start: u32,
        count: u32,
    },
    Likert(i64),
    Declined,
}

/// A record's fields as read, before their values are checked.
struct RawRecord {
    study: Text,
    code: Text,
    phase: Text,
    form: Text,
    locale: Text,
    content_version: u32,
    date: Text,
    /// Answers listed; the first [`Record::MAX_ANSWERS`] are in the reader's list.
    answers: usize,
}

/// A record's checked values other than its answers.
struct Head {
    study: StudyId,
    code: Code,
    phase: Phase,
    form: Form,
    content_version: u32,
    date: Date,
    locale: Text,
}

/// Why reading stopped. Problems of the envelope are worded by serde_json (see the module
/// documentation); the others by this reader.
enum Failure {
    /// The format or the version is not what this reader reads, or is given twice.
    Envelope,
    Structure {
        problem: Problem,
        record: Option<usize>,
    },
    TooManyRecords,
}

/// The first record whose content was refused (its number from 1): a damaged structure found
/// while reading on still outranks it.
type Refusal = Option<(usize, RecordError)>;

/// A struct of the format as serde knows it: its names (as itself, and as a list too short), its
/// fields in order, and how a key names one of them.
struct Shape {
    name: &'static str,
    list: &'static str,
    fields: &'static [&'static str],
    index_of: fn(&[u8]) -> Option<usize>,
}

const RECORD: Shape = Shape {
    name: "struct Record",
    list: "struct Record with 8 elements",
    fields: RECORD_FIELDS,
    index_of: record_field,
};

const ANSWER: Shape = Shape {
    name: "struct Answer",
    list: "struct Answer with 3 elements",
    fields: ANSWER_FIELDS,
    index_of: answer_field,
};

const DOCUMENT_FIELDS: &[&str] = &["format", "version", "records"];
const RECORD_FIELDS: &[&str] = &["study", "code", "phase", "form", "locale", "content_version", "date", "answers"];
const ANSWER_FIELDS: &[&str] = &["item", "version", "response"];
const VARIANTS: &[&str] = &["chose", "likert", "declined"];

impl Reader {
    pub fn new() -> Reader {
        Reader::default()
    }

    /// Reads a results file of any content without panicking, calling `each` with every record
    /// in the order of the file, and returns how many there were. `each` may refuse a record (one
    /// naming an item the assessment does not have, say): the file is then refused as for a record
    /// the reader found bad, and `each` sees no more records.
    ///
    /// On an error, `each` may already have seen some of the file's records (the error can be at
    /// its end): a caller that must apply all of a file or nothing keeps what it needs until this
    /// returns `Ok`.
    pub fn read(
        &mut self,
        bytes: &[u8],
        mut each: impl FnMut(&RecordRef<'_>) -> Result<(), RecordError>,
    ) -> Result<usize, ImportError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES });
        }
        // Some editors save JSON with a byte-order mark.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        self.keys.clear();
        let mut refusal = None;
        let failure = match self.document(bytes, &mut refusal, &mut each) {
            Ok(count) => {
                let refused = if let Some((record, problem)) = refusal {
                    ImportError::BadRecord { record, problem }
                } else if let Some((record, same_as)) = self.first_repeated_key() {
                    ImportError::DuplicateRecord { record, same_as }
                } else {
                    return Ok(count);
                };
                return Err(super::long_token(bytes).unwrap_or(refused));
            }
            Err(failure) => failure,
        };
        if let Some(refused) = super::long_token(bytes) {
            return Err(refused);
        }
        // Whether the file is JSON and a results file of this version, worded as always.
        super::envelope(bytes)?;
        Err(match failure {
            Failure::Envelope => ImportError::NotAResultsFile,
            Failure::TooManyRecords => {
                ImportError::TooManyRecords { found: ResultsFile::MAX_RECORDS + 1, max: ResultsFile::MAX_RECORDS }
            }
            Failure::Structure { problem, record } => {
                let detail = shorten_detail(&problem.message(bytes));
                match record {
                    None => ImportError::Malformed { detail },
                    Some(index) => {
                        ImportError::BadRecord { record: index + 1, problem: RecordError::Malformed { detail } }
                    }
                }
            }
        })
    }

    /// The first record (in file order) whose key an earlier record has, and that record's number.
    fn first_repeated_key(&mut self) -> Option<(usize, usize)> {
        // Sorted by key, then number: the first of each run of equal keys is the record kept.
        self.keys.sort_unstable();
        let mut first: Option<(usize, usize)> = None;
        let mut run = 0;
        for i in 1..self.keys.len() {
            if self.keys[i].0 != self.keys[run].0 {
                run = i;
                continue;
            }
            let (record, same_as) = (self.keys[i].1, self.keys[run].1);
            if first.is_none_or(|(earliest, _)| record < earliest) {
                first = Some((record, same_as));
            }
        }
        first
    }

    /// The document, as serde read it into the format's types (`DocumentSeed` of old).
    fn document(
        &mut self,
        bytes: &[u8],
        refusal: &mut Refusal,
        each: &mut dyn FnMut(&RecordRef<'_>) -> Result<(), RecordError>,
    ) -> Result<usize, Failure> {
        let mut scanner = Scanner::new(bytes);
        let outside = |problem: Problem| Failure::Structure { problem, record: None };
        if scanner.whitespace() != Some(b'{') {
            return Err(Failure::Envelope);
        }
        scanner.at += 1;
        let (mut format, mut version, mut records) = (false, false, None);
        let mut first = true;
        loop {
            if !next_key(&mut scanner, &mut first).map_err(outside)? {
                break;
            }
            self.buffer.clear();
            let key = scanner.string(&mut self.buffer).map_err(outside)?;
            match scanner.text(key, &self.buffer) {
                "format" => {
                    colon(&mut scanner).map_err(outside)?;
                    if format || scanner.whitespace() != Some(b'"') {
                        return Err(Failure::Envelope);
                    }
                    scanner.at += 1;
                    self.buffer.clear();
                    let text = scanner.string(&mut self.buffer).map_err(outside)?;
                    if scanner.text(text, &self.buffer) != FORMAT {
                        return Err(Failure::Envelope);
                    }
                    format = true;
                }
                "version" => {
                    colon(&mut scanner).map_err(outside)?;
                    if version || !matches!(scanner.whitespace(), Some(b'0'..=b'9')) {
                        return Err(Failure::Envelope);
                    }
                    if scanner.number(true).map_err(outside)? != Number::Unsigned(1) {
                        return Err(Failure::Envelope);
                    }
                    version = true;
                }
                "records" if records.is_some() => {
                    return Err(outside(after_field(&mut scanner, Kind::DuplicateField("records"))));
                }
                "records" => {
                    colon(&mut scanner).map_err(outside)?;
                    records = Some(self.records(&mut scanner, refusal, each)?);
                }
                other => {
                    let field = quote(other);
                    return Err(outside(after_field(
                        &mut scanner,
                        Kind::UnknownField { field, expected: DOCUMENT_FIELDS },
                    )));
                }
            }
        }
        let Some(count) = records else {
            return Err(outside(after_field(&mut scanner, Kind::MissingField("records"))));
        };
        scanner.at += 1;
        if !format || !version || scanner.whitespace().is_some() {
            return Err(Failure::Envelope);
        }
        Ok(count)
    }

    /// The list of records (`RecordsSeed` of old).
    fn records(
        &mut self,
        scanner: &mut Scanner,
        refusal: &mut Refusal,
        each: &mut dyn FnMut(&RecordRef<'_>) -> Result<(), RecordError>,
    ) -> Result<usize, Failure> {
        let outside = |problem: Problem| Failure::Structure { problem, record: None };
        self.buffer.clear();
        self.open_list(scanner, "a list of results").map_err(outside)?;
        let mut count = 0;
        let mut first = true;
        loop {
            if count > ResultsFile::MAX_RECORDS {
                return Err(Failure::TooManyRecords);
            }
            let in_record = |problem: Problem| Failure::Structure { problem, record: Some(count) };
            if !next_element(scanner, &mut first).map_err(in_record)? {
                break;
            }
            self.buffer.clear();
            let start = scanner.at;
            let raw = match self.fast_record(scanner) {
                Some(raw) => raw,
                None => {
                    scanner.at = start;
                    self.buffer.clear();
                    self.record(scanner).map_err(in_record)?
                }
            };
            count += 1;
            if refusal.is_some() {
                continue;
            }
            let head = match self.check(scanner, &raw) {
                Ok(head) => head,
                Err(problem) => {
                    *refusal = Some((count, problem));
                    continue;
                }
            };
            let key = RecordKey { study: head.study, code: head.code, phase: head.phase, form: head.form };
            self.keys.push((key, count));
            let record = RecordRef {
                study: head.study,
                code: head.code,
                phase: head.phase,
                form: head.form,
                content_version: head.content_version,
                date: head.date,
                locale: head.locale,
                answers: &self.answers,
                options: &self.options,
                input: scanner.bytes,
                buffer: &self.buffer,
            };
            if let Err(problem) = each(&record) {
                *refusal = Some((count, problem));
            }
        }
        end_seq(scanner).map_err(outside)?;
        Ok(count)
    }

    /// A record written as files are written ([`fast`]); `None` at the first difference, or on
    /// any problem, for [`Self::record`] to read it again from the start.
    fn fast_record(&mut self, scanner: &mut Scanner) -> Option<RawRecord> {
        self.answers.clear();
        self.options.clear();
        let study = fast::field(scanner, b"{\"study\":\"")?;
        let code = fast::field(scanner, b",\"code\":\"")?;
        let phase = fast::field(scanner, b",\"phase\":\"")?;
        let form = fast::field(scanner, b",\"form\":\"")?;
        let locale = fast::field(scanner, b",\"locale\":\"")?;
        fast::literal(scanner, b",\"content_version\":")?;
        let content_version = u32::try_from(fast::whole(scanner)?).ok()?;
        let date = fast::field(scanner, b",\"date\":\"")?;
        fast::literal(scanner, b",\"answers\":")?;
        let answers = self.answers(scanner).ok()?;
        fast::literal(scanner, b"}")?;
        Some(RawRecord { study, code, phase, form, locale, content_version, date, answers })
    }

    /// One record's structure, as serde reads a struct.
    fn record(&mut self, scanner: &mut Scanner) -> Result<RawRecord, Problem> {
        self.answers.clear();
        self.options.clear();
        let (mut study, mut code, mut phase, mut form, mut locale) = (None, None, None, None, None);
        let (mut content_version, mut date, mut answers) = (None, None, None);
        self.fields(scanner, RECORD, |reader, scanner, field| {
            match field {
                0 => study = Some(reader.string(scanner)?),
                1 => code = Some(reader.string(scanner)?),
                2 => phase = Some(reader.string(scanner)?),
                3 => form = Some(reader.string(scanner)?),
                4 => locale = Some(reader.string(scanner)?),
                5 => content_version = Some(u32_value(scanner, &mut reader.buffer)?),
                6 => date = Some(reader.string(scanner)?),
                _ => answers = Some(reader.answers(scanner)?),
            }
            Ok(())
        })?;
        match (study, code, phase, form, locale, content_version, date, answers) {
            (
                Some(study),
                Some(code),
                Some(phase),
                Some(form),
                Some(locale),
                Some(content_version),
                Some(date),
                Some(answers),
            ) => Ok(RawRecord { study, code, phase, form, locale, content_version, date, answers }),
            _ => Err(scanner.syntax(EXPECTED_VALUE)),
        }
    }

    /// A struct as serde's derived code reads it from serde_json: an object of its fields, each at
    /// most once, none unknown and none missing, or a list of them in order. `field` reads the
    /// value of field `index`. A problem without a place of its own gets the place serde_json gives
    /// it, after looking for the struct's end.
    fn fields(
        &mut self,
        scanner: &mut Scanner,
        shape: Shape,
        mut field: impl FnMut(&mut Reader, &mut Scanner, usize) -> Result<(), Problem>,
    ) -> Result<(), Problem> {
        match scanner.whitespace() {
            Some(b'{') => {
                scanner.at += 1;
                let mut first = true;
                let mut read = 0u32;
                while next_key(scanner, &mut first)? {
                    let key = scanner.string(&mut self.buffer)?;
                    let Some(index) = (shape.index_of)(scanner.raw(key, &self.buffer)) else {
                        let field = quote(scanner.text(key, &self.buffer));
                        return Err(after_field(scanner, Kind::UnknownField { field, expected: shape.fields }));
                    };
                    if read & 1 << index != 0 {
                        return Err(after_field(scanner, Kind::DuplicateField(shape.fields[index])));
                    }
                    read |= 1 << index;
                    colon(scanner)?;
                    field(self, scanner, index).map_err(|problem| in_struct(scanner, problem))?;
                }
                if let Some(missing) = (0..shape.fields.len()).find(|&index| read & 1 << index == 0) {
                    return Err(after_field(scanner, Kind::MissingField(shape.fields[missing])));
                }
                scanner.at += 1;
                Ok(())
            }
            Some(b'[') => {
                scanner.at += 1;
                let mut first = true;
                for index in 0..shape.fields.len() {
                    if !next_element(scanner, &mut first)? {
                        let expected = shape.list;
                        return Err(in_seq(scanner, Kind::InvalidLength { length: index, expected }));
                    }
                    field(self, scanner, index).map_err(|problem| in_seq_after(scanner, problem))?;
                }
                end_seq(scanner)
            }
            Some(_) => Err(scanner.invalid_type(shape.name, &mut self.buffer)),
            None => Err(scanner.peek_error(EOF_VALUE)),
        }
    }

    /// The opening bracket of a list where serde expected `expected` (serde_json's
    /// `deserialize_seq`).
    fn open_list(&mut self, scanner: &mut Scanner, expected: &'static str) -> Result<(), Problem> {
        match scanner.whitespace() {
            Some(b'[') => {
                scanner.at += 1;
                Ok(())
            }
            Some(_) => Err(scanner.invalid_type(expected, &mut self.buffer)),
            None => Err(scanner.peek_error(EOF_VALUE)),
        }
    }

    /// A JSON string where serde expected a `String`.
    fn string(&mut self, scanner: &mut Scanner) -> Result<Text, Problem> {
        match scanner.whitespace() {
            Some(b'"') => {
                scanner.at += 1;
                scanner.string(&mut self.buffer)
            }
            Some(_) => Err(scanner.invalid_type("a string", &mut self.buffer)),
            None => Err(scanner.peek_error(EOF_VALUE)),
        }
    }

    /// The list of answers; returns how many were listed.
    fn answers(&mut self, scanner: &mut Scanner) -> Result<usize, Problem> {
        self.open_list(scanner, "a sequence")?;
        let mut count = 0;
        let mut first = true;
        while next_element(scanner, &mut first)? {
            let options = self.options.len();
            let answer = match fast::answer(scanner, &mut self.options) {
                Some(answer) => answer,
                None => {
                    self.options.truncate(options);
                    self.answer(scanner)?
                }
            };
            if count < Record::MAX_ANSWERS {
                self.answers.push(answer);
            } else {
                // Counted, not kept: nor are its options.
                self.options.truncate(options);
            }
            count += 1;
        }
        end_seq(scanner)?;
        Ok(count)
    }

    fn answer(&mut self, scanner: &mut Scanner) -> Result<RawAnswer, Problem> {
        let (mut item, mut version, mut response) = (None, None, None);
        self.fields(scanner, ANSWER, |reader, scanner, field| {
            match field {
                0 => item = Some(reader.string(scanner)?),
                1 => version = Some(u32_value(scanner, &mut reader.buffer)?),
                _ => response = Some(reader.response(scanner)?),
            }
            Ok(())
        })?;
        match (item, version, response) {
            (Some(item), Some(version), Some(response)) => Ok(RawAnswer { item, version, response }),
            _ => Err(scanner.syntax(EXPECTED_VALUE)),
        }
    }

    /// `{"chose":[…]}`, `{"likert":n}`, `{"declined":null}` or `"declined"`, as serde reads an
    /// externally tagged enum. A problem without a place of its own is placed by the caller.
    fn response(&mut self, scanner: &mut Scanner) -> Result<RawResponse, Problem> {
        match scanner.whitespace() {
            Some(b'{') => {
                scanner.at += 1;
                match scanner.whitespace() {
                    Some(b'"') => scanner.at += 1,
                    Some(b'}') => return Err(scanner.peek_error(EXPECTED_VALUE)),
                    Some(_) => return Err(scanner.peek_error(KEY_MUST_BE_A_STRING)),
                    None => return Err(scanner.peek_error(EOF_OBJECT)),
                }
                let mark = self.buffer.len();
                let key = scanner.string(&mut self.buffer)?;
                let Some(variant) = variant(scanner.raw(key, &self.buffer)) else {
                    let variant = quote(scanner.text(key, &self.buffer));
                    return Err(scanner.error(Kind::UnknownVariant { variant, expected: VARIANTS }));
                };
                self.buffer.truncate(mark);
                colon(scanner)?;
                let response = match variant {
                    0 => self.chosen(scanner)?,
                    1 => RawResponse::Likert(i64_value(scanner, &mut self.buffer)?),
                    _ => {
                        // The unit variant's value must be `null`.
                        match scanner.whitespace() {
                            Some(b'n') => {
                                scanner.at += 1;
                                scanner.ident(b"ull")?;
                            }
                            Some(_) => return Err(scanner.invalid_type("unit", &mut self.buffer)),
                            None => return Err(scanner.peek_error(EOF_VALUE)),
                        }
                        RawResponse::Declined
                    }
                };
                match scanner.whitespace() {
                    Some(b'}') => {
                        scanner.at += 1;
                        Ok(response)
                    }
                    Some(_) => Err(scanner.syntax(EXPECTED_VALUE)),
                    None => Err(scanner.syntax(EOF_OBJECT)),
                }
            }
            Some(b'"') => {
                scanner.at += 1;
                let mark = self.buffer.len();
                let text = scanner.string(&mut self.buffer)?;
                let Some(variant) = variant(scanner.raw(text, &self.buffer)) else {
                    let variant = quote(scanner.text(text, &self.buffer));
                    return Err(scanner.error(Kind::UnknownVariant { variant, expected: VARIANTS }));
                };
                self.buffer.truncate(mark);
                if variant != 2 {
                    // Placed by the caller, like serde's error without a position.
                    return Err(Problem::unplaced(Kind::InvalidType {
                        unexpected: Unexpected::UnitVariant,
                        expected: "newtype variant",
                    }));
                }
                Ok(RawResponse::Declined)
            }
            Some(_) => Err(scanner.peek_error(EXPECTED_VALUE)),
            None => Err(scanner.peek_error(EOF_VALUE)),
        }
    }

    /// The list of chosen options.
    fn chosen(&mut self, scanner: &mut Scanner) -> Result<RawResponse, Problem> {
        self.open_list(scanner, "a sequence")?;
        let start = self.options.len() as u32;
        let mut count = 0u32;
        let mut first = true;
        while next_element(scanner, &mut first)? {
            let text = self.string(scanner)?;
            if (count as usize) < Record::MAX_CHOSEN {
                self.options.push(text);
            }
            count += 1;
        }
        end_seq(scanner)?;
        Ok(RawResponse::Chose { start, count })
    }

    /// The values of a record, checked in the order the serde decoder checked them.
    fn check(&mut self, scanner: &Scanner, raw: &RawRecord) -> Result<Head, RecordError> {
        let buffer = &self.buffer;
        let text = |text: Text| scanner.text(text, buffer);
        let study = StudyId::parse(text(raw.study)).map_err(RecordError::StudyId)?;
        let code = Code::parse(text(raw.code)).map_err(RecordError::Code)?;
        let phase =
            Phase::parse(text(raw.phase)).ok_or_else(|| RecordError::Phase { found: shorten(text(raw.phase)) })?;
        let form = Form::parse(text(raw.form)).ok_or_else(|| RecordError::Form { found: shorten(text(raw.form)) })?;
        let tag = text(raw.locale);
        if !self.locales.iter().any(|known| known == tag.as_bytes()) {
            if Locale::new(tag).is_none() {
                return Err(RecordError::Locale { found: shorten(tag) });
            }
            if self.locales.len() < 8 {
                self.locales.push(tag.as_bytes().to_vec());
            }
        }
        let date = Date::parse(text(raw.date)).ok_or_else(|| RecordError::Date { found: shorten(text(raw.date)) })?;
        if raw.answers > Record::MAX_ANSWERS {
            return Err(RecordError::TooManyAnswers { count: raw.answers, max: Record::MAX_ANSWERS });
        }
        let item_id =
            |item: &str| Id::new(item).map_err(|problem| RecordError::ItemId { found: shorten(item), problem });
        let raw_of = |text: Text| scanner.raw(text, buffer);
        // Answers usually come sorted by item (as files are written); then no item can repeat an
        // earlier one, and no search is needed.
        let mut sorted = true;
        for (index, answer) in self.answers.iter().enumerate() {
            let item_bytes = raw_of(answer.item);
            if let Err(problem) = Id::check_bytes(item_bytes) {
                return Err(RecordError::ItemId { found: shorten(text(answer.item)), problem });
            }
            let item = || text(answer.item);
            match answer.response {
                RawResponse::Chose { start, count } => {
                    if count as usize > Record::MAX_CHOSEN {
                        let count = count as usize;
                        return Err(RecordError::TooManyOptions {
                            item: item_id(item())?,
                            count,
                            max: Record::MAX_CHOSEN,
                        });
                    }
                    let options = &self.options[start as usize..(start + count) as usize];
                    for (i, &option) in options.iter().enumerate() {
                        let found = raw_of(option);
                        if let Err(problem) = Id::check_bytes(found) {
                            let found = shorten(text(option));
                            return Err(RecordError::OptionId { item: item_id(item())?, found, problem });
                        }
                        if options[..i].iter().any(|&earlier| raw_of(earlier) == found) {
                            let item = item_id(item())?;
                            let option = Id::new(text(option)).map_err(|problem| RecordError::OptionId {
                                item: item.clone(),
                                found: shorten(text(option)),
                                problem,
                            })?;
                            return Err(RecordError::OptionChosenTwice { item, option });
                        }
                    }
                }
                RawResponse::Likert(value) => {
                    if u8::try_from(value).ok().and_then(Likert::new).is_none() {
                        return Err(RecordError::Likert { item: item_id(item())?, found: value });
                    }
                }
                RawResponse::Declined => {}
            }
            sorted &= index == 0 || raw_of(self.answers[index - 1].item) < item_bytes;
            if !sorted && self.answers[..index].iter().any(|earlier| raw_of(earlier.item) == item_bytes) {
                return Err(RecordError::ItemAnsweredTwice { item: item_id(item())? });
            }
        }
        // What `Record::validate` finds, in its order (items sorted).
        if self.answers.is_empty() {
            return Err(RecordError::NoAnswers);
        }
        let nothing_chosen = self
            .answers
            .iter()
            .filter(|answer| matches!(answer.response, RawResponse::Chose { count: 0, .. }))
            .map(|answer| text(answer.item))
            .min();
        if let Some(item) = nothing_chosen {
            return Err(RecordError::NothingChosen { item: item_id(item)? });
        }
        Ok(Head { study, code, phase, form, content_version: raw.content_version, date, locale: raw.locale })
    }
}

impl<'r> RecordRef<'r> {
    /// The language the test was taken in, as written (a valid tag; [`Locale::new`] gives its
    /// canonical form).
    pub fn locale(&self) -> &'r str {
        text_of(self.locale, self.input, self.buffer)
    }

    /// The answers, in the order of the file.
    pub fn answers(&self) -> impl ExactSizeIterator<Item = AnswerRef<'r>> + 'r {
        let (input, buffer, options) = (self.input, self.buffer, self.options);
        self.answers.iter().map(move |answer| AnswerRef {
            item: id_ref(bytes_of(answer.item, input, buffer)),
            version: answer.version,
            response: match answer.response {
                RawResponse::Chose { start, count } => {
                    ResponseRef::Chose(Options::read(&options[start as usize..(start + count) as usize], input, buffer))
                }
                // Checked on reading: the other arm is never taken.
                RawResponse::Likert(value) => match u8::try_from(value).ok().and_then(Likert::new) {
                    Some(value) => ResponseRef::Likert(value),
                    None => ResponseRef::Declined,
                },
                RawResponse::Declined => ResponseRef::Declined,
            },
        })
    }

    pub fn key(&self) -> RecordKey {
        RecordKey { study: self.study, code: self.code, phase: self.phase, form: self.form }
    }

    /// The record as [`ResultsFile`] keeps it. Every value was checked when it was read, so this
    /// fails only if a check and a constructor disagree, which the tests rule out.
    pub fn to_record(&self) -> Result<Record, RecordError> {
        let id = |id: IdRef| {
            Id::new(id.as_str()).map_err(|problem| RecordError::ItemId { found: shorten(id.as_str()), problem })
        };
        let locale = Locale::new(self.locale()).ok_or_else(|| RecordError::Locale { found: shorten(self.locale()) })?;
        let mut answers = Vec::with_capacity(self.answers.len());
        for answer in self.answers() {
            let response = match answer.response {
                ResponseRef::Chose(options) => Response::Chose(options.iter().map(id).collect::<Result<Chosen, _>>()?),
                ResponseRef::Likert(value) => Response::Likert(value),
                ResponseRef::Declined => Response::Declined,
            };
            answers.push((id(answer.item)?, Answer { version: answer.version, response }));
        }
        // Built from sorted entries, the map's nodes are full: no half-empty node per record (see
        // the memory rule in `json.rs`). Items are distinct: checked on reading.
        answers.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        let answers = answers.into_iter().collect();
        Ok(Record {
            study: self.study,
            code: self.code,
            phase: self.phase,
            form: self.form,
            locale,
            content_version: self.content_version,
            date: self.date,
            answers,
        })
    }
}

/// Records and answers as [`ResultsFile::encode`] writes them: keys in the format's order, no
/// whitespace, no escapes, whole numbers without sign or leading zeros. Reading them by their
/// exact bytes is several times faster than reading any JSON; what these functions accept the
/// general reader reads to the same values, and for anything else they give `None` and the general
/// reader starts again where they started.
mod fast {
    use super::super::scan::{PLAIN, Scanner, Text};
    use super::{RawAnswer, RawResponse, Record};

    /// `literal` next, consumed.
    #[inline(always)]
    pub fn literal(scanner: &mut Scanner, literal: &[u8]) -> Option<()> {
        let rest = scanner.bytes.get(scanner.at..)?;
        rest.starts_with(literal).then(|| scanner.at += literal.len())
    }

    /// `prefix` (ending in an opening quote), then a string of plain characters and its quote.
    #[inline]
    pub fn field(scanner: &mut Scanner, prefix: &[u8]) -> Option<Text> {
        literal(scanner, prefix)?;
        string(scanner)
    }

    /// A string of plain characters after its opening quote, and the closing quote.
    #[inline]
    fn string(scanner: &mut Scanner) -> Option<Text> {
        let start = scanner.at;
        let rest = scanner.bytes.get(start..)?;
        let length = rest.iter().position(|&byte| PLAIN[usize::from(byte)] == 0)?;
        (rest[length] == b'"').then(|| {
            scanner.at = start + length + 1;
            Text { start: start as u32, end: (start + length) as u32, unescaped: false }
        })
    }

    /// A whole number without sign or leading zero, of at most 18 digits.
    #[inline]
    pub fn whole(scanner: &mut Scanner) -> Option<u64> {
        let rest = scanner.bytes.get(scanner.at..)?;
        let digits = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
        if digits == 0 || digits > 18 || (digits > 1 && rest[0] == b'0') {
            return None;
        }
        // A number must end here for JSON: the general reader decides about `.` and `e`.
        if matches!(rest.get(digits), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        scanner.at += digits;
        Some(rest[..digits].iter().fold(0, |value, digit| value * 10 + u64::from(digit - b'0')))
    }

    /// `{"item":"…","version":n,"response":…}`. Options are pushed onto `options` (the caller
    /// drops them if this gives `None`).
    #[inline]
    pub fn answer(scanner: &mut Scanner, options: &mut Vec<Text>) -> Option<RawAnswer> {
        let start = scanner.at;
        let answer = answer_at(scanner, options);
        if answer.is_none() {
            scanner.at = start;
        }
        answer
    }

    fn answer_at(scanner: &mut Scanner, options: &mut Vec<Text>) -> Option<RawAnswer> {
        let item = field(scanner, b"{\"item\":\"")?;
        literal(scanner, b",\"version\":")?;
        let version = u32::try_from(whole(scanner)?).ok()?;
        literal(scanner, b",\"response\":")?;
        let response = match (scanner.bytes.get(scanner.at)?, scanner.bytes.get(scanner.at + 2)?) {
            (b'"', _) => {
                literal(scanner, b"\"declined\"")?;
                RawResponse::Declined
            }
            (b'{', b'l') => {
                literal(scanner, b"{\"likert\":")?;
                let value = i64::try_from(whole(scanner)?).ok()?;
                literal(scanner, b"}")?;
                RawResponse::Likert(value)
            }
            (b'{', b'c') => {
                literal(scanner, b"{\"chose\":[")?;
                let start = options.len() as u32;
                let mut count = 0u32;
                if literal(scanner, b"]").is_none() {
                    loop {
                        literal(scanner, b"\"")?;
                        let option = string(scanner)?;
                        if (count as usize) < Record::MAX_CHOSEN {
                            options.push(option);
                        }
                        count += 1;
                        if literal(scanner, b",").is_none() {
                            literal(scanner, b"]")?;
                            break;
                        }
                    }
                }
                literal(scanner, b"}")?;
                RawResponse::Chose { start, count }
            }
            _ => return None,
        };
        literal(scanner, b"}")?;
        Some(RawAnswer { item, version, response })
    }
}

/// Whether another key follows in an object (serde_json's `has_next_key`); consumes the comma.
fn next_key(scanner: &mut Scanner, first: &mut bool) -> Result<bool, Problem> {
    let Some(byte) = scanner.whitespace() else {
        return Err(scanner.peek_error(EOF_OBJECT));
    };
    if byte == b'}' {
        return Ok(false);
    }
    if *first {
        *first = false;
        if byte == b'"' {
            scanner.at += 1;
            return Ok(true);
        }
        return Err(scanner.peek_error(KEY_MUST_BE_A_STRING));
    }
    if byte != b',' {
        return Err(scanner.peek_error(EXPECTED_OBJECT_COMMA_OR_END));
    }
    scanner.at += 1;
    match scanner.whitespace() {
        Some(b'"') => {
            scanner.at += 1;
            Ok(true)
        }
        Some(b'}') => Err(scanner.peek_error(TRAILING_COMMA)),
        Some(_) => Err(scanner.peek_error(KEY_MUST_BE_A_STRING)),
        None => Err(scanner.peek_error(EOF_VALUE)),
    }
}

/// Whether another element follows in a list (serde_json's `has_next_element`).
fn next_element(scanner: &mut Scanner, first: &mut bool) -> Result<bool, Problem> {
    let Some(byte) = scanner.whitespace() else {
        return Err(scanner.peek_error(EOF_LIST));
    };
    if byte == b']' {
        return Ok(false);
    }
    if *first {
        *first = false;
        return Ok(true);
    }
    if byte != b',' {
        return Err(scanner.peek_error(EXPECTED_LIST_COMMA_OR_END));
    }
    scanner.at += 1;
    match scanner.whitespace() {
        Some(b']') => Err(scanner.peek_error(TRAILING_COMMA)),
        Some(_) => Ok(true),
        None => Err(scanner.peek_error(EOF_VALUE)),
    }
}

fn colon(scanner: &mut Scanner) -> Result<(), Problem> {
    match scanner.whitespace() {
        Some(b':') => {
            scanner.at += 1;
            Ok(())
        }
        Some(_) => Err(scanner.peek_error(EXPECTED_COLON)),
        None => Err(scanner.peek_error(EOF_OBJECT)),
    }
}

/// The end of a list whose elements were all read (serde_json's `end_seq`).
fn end_seq(scanner: &mut Scanner) -> Result<(), Problem> {
    match scanner.whitespace() {
        Some(b']') => {
            scanner.at += 1;
            Ok(())
        }
        Some(b',') => {
            scanner.at += 1;
            match scanner.whitespace() {
                Some(b']') => Err(scanner.peek_error(TRAILING_COMMA)),
                _ => Err(scanner.peek_error(TRAILING_CHARACTERS)),
            }
        }
        Some(_) => Err(scanner.peek_error(TRAILING_CHARACTERS)),
        None => Err(scanner.peek_error(EOF_LIST)),
    }
}

/// A problem raised inside an object by serde's derived code (a field unknown, missing or given
/// twice) has no place of its own: serde_json gives it the place after it has looked for the
/// object's end (skipping whitespace, and the closing brace if that is next).
fn after_field(scanner: &mut Scanner, kind: Kind) -> Problem {
    if scanner.whitespace() == Some(b'}') {
        scanner.at += 1;
    }
    scanner.error(kind)
}

/// A problem from inside a field's value keeps its place, unless it had none.
fn in_struct(scanner: &mut Scanner, problem: Problem) -> Problem {
    if problem.is_unplaced() { after_field(scanner, problem.into_kind()) } else { problem }
}

/// As [`after_field`] for a struct written as a list: serde_json looks for the list's end.
fn in_seq(scanner: &mut Scanner, kind: Kind) -> Problem {
    match scanner.whitespace() {
        Some(b']') => scanner.at += 1,
        Some(b',') => {
            scanner.at += 1;
            scanner.whitespace();
        }
        _ => {}
    }
    scanner.error(kind)
}

fn in_seq_after(scanner: &mut Scanner, problem: Problem) -> Problem {
    if problem.is_unplaced() { in_seq(scanner, problem.into_kind()) } else { problem }
}

fn record_field(key: &[u8]) -> Option<usize> {
    Some(match key {
        b"study" => 0,
        b"code" => 1,
        b"phase" => 2,
        b"form" => 3,
        b"locale" => 4,
        b"content_version" => 5,
        b"date" => 6,
        b"answers" => 7,
        _ => return None,
    })
}

fn answer_field(key: &[u8]) -> Option<usize> {
    Some(match key {
        b"item" => 0,
        b"version" => 1,
        b"response" => 2,
        _ => return None,
    })
}

fn variant(key: &[u8]) -> Option<usize> {
    Some(match key {
        b"chose" => 0,
        b"likert" => 1,
        b"declined" => 2,
        _ => return None,
    })
}

/// A number where serde expected a `u32`.
fn u32_value(scanner: &mut Scanner, buffer: &mut Vec<u8>) -> Result<u32, Problem> {
    let number = number_value(scanner, "u32", buffer)?;
    let value = match number {
        Number::Unsigned(value) => u32::try_from(value).ok(),
        Number::Signed(_) => None,
        Number::Float(value) => {
            return Err(scanner.error(Kind::InvalidType { unexpected: Unexpected::Float(value), expected: "u32" }));
        }
    };
    value.ok_or_else(|| scanner.error(Kind::InvalidValue { unexpected: number.unexpected(), expected: "u32" }))
}

/// A number where serde expected an `i64`.
fn i64_value(scanner: &mut Scanner, buffer: &mut Vec<u8>) -> Result<i64, Problem> {
    match number_value(scanner, "i64", buffer)? {
        Number::Signed(value) => Ok(value),
        Number::Unsigned(value) => i64::try_from(value).map_err(|_| {
            scanner.error(Kind::InvalidValue { unexpected: Unexpected::Unsigned(value), expected: "i64" })
        }),
        Number::Float(value) => {
            Err(scanner.error(Kind::InvalidType { unexpected: Unexpected::Float(value), expected: "i64" }))
        }
    }
}

/// serde_json's `deserialize_number`.
fn number_value(scanner: &mut Scanner, expected: &'static str, buffer: &mut Vec<u8>) -> Result<Number, Problem> {
    match scanner.whitespace() {
        Some(b'-') => {
            scanner.at += 1;
            scanner.number(false)
        }
        Some(b'0'..=b'9') => scanner.number(true),
        Some(_) => Err(scanner.invalid_type(expected, buffer)),
        None => Err(scanner.peek_error(EOF_VALUE)),
    }
}

/// serde_json quotes offending input in its messages; keep them short.
pub(super) fn shorten_detail(message: &str) -> String {
    const MAX_CHARS: usize = 200;
    match message.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message.to_owned(),
    }
}
