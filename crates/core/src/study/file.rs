//! The results file: what a student exports and a teacher imports.
//!
//! A versioned JSON document, `{"format":"aware-results","version":1,"records":[…]}`. Students
//! hand these files to their teacher (a USB stick, a shared folder, a chat), so [`ResultsFile::decode`]
//! treats every byte as hostile, and holds to the memory rule of `json.rs` (at most twice the
//! file's size): it checks the size before parsing, and the length of every text and number
//! ([`json::check_tokens`]), so no message quotes a long input; it never lifts serde_json's
//! nesting limit (128), and no field of the format takes nested values, so hostile nesting is
//! refused at its first bracket (a stack overflow in wasm cannot be caught); it skips what it
//! does not use unbuilt (never a JSON tree); it reads each list only to its limit, and converts
//! each record into its compact form as soon as it is read; it rejects unknown fields (a `time`
//! or `name` field is refused, not carried along); it validates every record; and it reports the
//! first problem in plain words with the record's number. It never panics and applies nothing
//! partially. [`ResultsFile::import`] also checks every record against the assessment's
//! [`Vocabulary`].
//!
//! To change the format: add `v2` with its serde types, a conversion from `v1`, point
//! [`ResultsFile::encode`] at it and raise [`VERSION`]. Never edit `v1`: files in that shape exist.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;

use super::record::{Record, RecordError, RecordKey, shorten};
use super::vocabulary::Vocabulary;
use crate::json;

/// The `format` field: tells a results file from any other JSON a teacher might pick by mistake.
pub const FORMAT: &str = "aware-results";
pub const VERSION: u64 = 1;
/// Room for [`ResultsFile::MAX_RECORDS`] records of a realistic 30-item test (about 2 KB each);
/// read no further.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// No text in a results file is longer than an id (64); a longer one is refused before parsing
/// (see [`json::check_tokens`]).
const MAX_TOKEN_BYTES: usize = 128;

/// A set of records with distinct [keys](RecordKey), kept in key order. Codes are random, so the
/// order says nothing about who answered first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResultsFile {
    records: BTreeMap<RecordKey, Record>,
}

/// Why a file cannot be imported. Record numbers count from 1 in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not JSON at all (or cut short): where the reader gave up.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not a results file (another file picked by mistake).
    NotAResultsFile,
    /// A version this app does not read; larger than [`VERSION`] means a newer app wrote it.
    UnsupportedVersion {
        found: u64,
    },
    /// A results file whose outer structure is damaged.
    Malformed {
        detail: String,
    },
    /// When reading a file, `found` is `max + 1`: reading stops there.
    TooManyRecords {
        found: usize,
        max: usize,
    },
    BadRecord {
        record: usize,
        problem: RecordError,
    },
    /// Two records for the same study, code, phase and form.
    DuplicateRecord {
        record: usize,
        same_as: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The document would be larger than an import accepts.
    TooLarge { bytes: usize, max: usize },
}

/// What [`ResultsFile::merge`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    pub added: usize,
    /// Records identical to one already held (the same file imported twice, say).
    pub duplicates_skipped: usize,
    /// Records with the key of one already held but different content (a code used twice, or a
    /// test taken again). The record already held is kept; the teacher is told.
    pub conflicts: Vec<RecordKey>,
}

impl ResultsFile {
    pub const MAX_RECORDS: usize = 5_000;

    /// Checks what an import checks: each record valid, keys distinct, not too many.
    pub fn new(records: Vec<Record>) -> Result<ResultsFile, ImportError> {
        if records.len() > ResultsFile::MAX_RECORDS {
            return Err(ImportError::TooManyRecords { found: records.len(), max: ResultsFile::MAX_RECORDS });
        }
        let mut first_index: BTreeMap<RecordKey, usize> = BTreeMap::new();
        let mut held = BTreeMap::new();
        for (index, record) in records.into_iter().enumerate() {
            let number = index + 1;
            record.validate().map_err(|problem| ImportError::BadRecord { record: number, problem })?;
            if let Some(&same_as) = first_index.get(&record.key()) {
                return Err(ImportError::DuplicateRecord { record: number, same_as });
            }
            first_index.insert(record.key(), number);
            held.insert(record.key(), record);
        }
        Ok(ResultsFile { records: held })
    }

    /// In key order: study, code, phase, form.
    pub fn records(&self) -> impl ExactSizeIterator<Item = &Record> {
        self.records.values()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn get(&self, key: &RecordKey) -> Option<&Record> {
        self.records.get(key)
    }

    /// Keeps only the records `keep` accepts (a teacher deleting one study's results).
    pub fn retain(&mut self, mut keep: impl FnMut(&Record) -> bool) {
        self.records.retain(|_, record| keep(record));
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Adds `other`'s records, skipping exact duplicates and reporting conflicts. All or
    /// nothing: if the result would hold more than [`Self::MAX_RECORDS`], nothing is added.
    pub fn merge(&mut self, other: ResultsFile) -> Result<MergeReport, ImportError> {
        let mut report = MergeReport::default();
        let mut new = Vec::new();
        for (key, record) in other.records {
            match self.records.get(&key) {
                Some(held) if *held == record => report.duplicates_skipped += 1,
                Some(_) => report.conflicts.push(key),
                None => new.push((key, record)),
            }
        }
        let found = self.records.len() + new.len();
        if found > ResultsFile::MAX_RECORDS {
            return Err(ImportError::TooManyRecords { found, max: ResultsFile::MAX_RECORDS });
        }
        report.added = new.len();
        self.records.extend(new);
        Ok(report)
    }

    /// The JSON document. Whatever this returns, [`Self::decode`] reads back unchanged.
    pub fn encode(&self) -> Result<String, EncodeError> {
        let document = v1::from_file(self);
        let json = serde_json::to_string(&document).expect("plain structs, strings and numbers always serialise");
        if json.len() > MAX_FILE_BYTES {
            return Err(EncodeError::TooLarge { bytes: json.len(), max: MAX_FILE_BYTES });
        }
        Ok(json)
    }

    /// Reads a file of any content without panicking; see the module documentation. Checks the
    /// shape of every record, not which items it names: for this device's own stored results.
    /// A file from elsewhere goes through [`Self::import`].
    pub fn decode(bytes: &[u8]) -> Result<ResultsFile, ImportError> {
        ResultsFile::read(bytes, None)
    }

    /// [`Self::decode`], and every record must name only the languages, items and options of
    /// `vocabulary` (the assessment's), so that nothing else can reach an export.
    pub fn import(bytes: &[u8], vocabulary: &Vocabulary) -> Result<ResultsFile, ImportError> {
        ResultsFile::read(bytes, Some(vocabulary))
    }

    fn read(bytes: &[u8], vocabulary: Option<&Vocabulary>) -> Result<ResultsFile, ImportError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES });
        }
        // Some editors save JSON with a byte-order mark.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Err(too_long) = json::check_tokens(bytes, MAX_TOKEN_BYTES) {
            let object = bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{');
            return Err(if object {
                ImportError::Malformed { detail: too_long.to_string() }
            } else {
                ImportError::NotAResultsFile
            });
        }

        /// Any JSON value: a whole number is the version, anything else is skipped unbuilt.
        enum Version {
            Whole(u64),
            Other,
        }
        impl<'de> Deserialize<'de> for Version {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Version, D::Error> {
                deserializer.deserialize_any(VersionVisitor)
            }
        }
        struct VersionVisitor;
        impl<'de> Visitor<'de> for VersionVisitor {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_u64<E>(self, value: u64) -> Result<Version, E> {
                Ok(Version::Whole(value))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Version, E> {
                Ok(Version::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Version, E> {
                Ok(Version::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Version, E> {
                Ok(Version::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Version, E> {
                Ok(Version::Other)
            }
            fn visit_unit<E>(self) -> Result<Version, E> {
                Ok(Version::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Version, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Version::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Version, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Version::Other)
            }
        }

        #[derive(Deserialize)]
        struct Envelope {
            #[serde(default)]
            format: Option<String>,
            #[serde(default)]
            version: Option<Version>,
        }
        let envelope: Envelope = serde_json::from_slice(bytes).map_err(|err| match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                ImportError::NotJson { line: err.line(), column: err.column() }
            }
            Category::Data => ImportError::NotAResultsFile,
        })?;
        if envelope.format.as_deref() != Some(FORMAT) {
            return Err(ImportError::NotAResultsFile);
        }
        match envelope.version {
            Some(Version::Whole(1)) => v1::decode(bytes, vocabulary),
            Some(Version::Whole(found)) => Err(ImportError::UnsupportedVersion { found }),
            Some(Version::Other) => {
                Err(ImportError::Malformed { detail: "the version is not a whole number".to_owned() })
            }
            None => Err(ImportError::Malformed { detail: "the version is missing".to_owned() }),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, max } => {
                write!(f, "the file is too large ({bytes} bytes; a results file has at most {max})")
            }
            ImportError::NotJson { line, column } => {
                write!(f, "the file is damaged or not a results file (unreadable at line {line}, column {column})")
            }
            ImportError::NotAResultsFile => write!(f, "this is not an Aware results file"),
            ImportError::UnsupportedVersion { found } if *found > VERSION => {
                write!(f, "the file was made by a newer version of Aware (format {found}); update the app")
            }
            ImportError::UnsupportedVersion { found } => write!(f, "the file has an unknown format version ({found})"),
            ImportError::Malformed { detail } => write!(f, "the file is damaged ({detail})"),
            ImportError::TooManyRecords { found, max } => {
                write!(f, "there are {found} results, more than the {max} that can be handled together")
            }
            ImportError::BadRecord { record, problem } => write!(f, "result {record}: {problem}"),
            ImportError::DuplicateRecord { record, same_as } => {
                write!(f, "result {record} repeats result {same_as} (same study, code, phase and form)")
            }
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TooLarge { bytes, max } => {
                write!(f, "the results would take {bytes} bytes, more than the {max} a file may have")
            }
        }
    }
}

impl std::error::Error for ImportError {}
impl std::error::Error for EncodeError {}

/// Format version 1.
mod v1 {
    use std::cell::Cell;
    use std::collections::BTreeMap;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Serialize};

    use super::super::code::{Code, StudyId};
    use super::super::record::{
        Answer as CoreAnswer, Chosen, Date, Form, Id, Likert, Locale, Phase, Record as CoreRecord, RecordError,
        RecordKey, Response as CoreResponse,
    };
    use super::super::vocabulary::Vocabulary;
    use super::{ImportError, ResultsFile, shorten};
    use crate::json;

    const MAX_ANSWERS: usize = CoreRecord::MAX_ANSWERS;
    const MAX_CHOSEN: usize = CoreRecord::MAX_CHOSEN;

    #[derive(Serialize)]
    pub struct Document {
        pub format: &'static str,
        pub version: u64,
        pub records: Vec<Record>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Record {
        pub study: String,
        pub code: String,
        pub phase: String,
        pub form: String,
        pub locale: String,
        pub content_version: u32,
        /// `YYYY-MM-DD`.
        pub date: String,
        #[serde(deserialize_with = "json::at_most::<_, _, MAX_ANSWERS>")]
        pub answers: Vec<Answer>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Answer {
        pub item: String,
        pub version: u32,
        pub response: Response,
    }

    /// `{"chose":["a","c"]}`, `{"likert":4}` or `"declined"`.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "lowercase", deny_unknown_fields)]
    pub enum Response {
        #[serde(deserialize_with = "json::at_most::<_, _, MAX_CHOSEN>")]
        Chose(Vec<String>),
        Likert(i64),
        Declined,
    }

    pub fn decode(bytes: &[u8], vocabulary: Option<&Vocabulary>) -> Result<ResultsFile, ImportError> {
        let reading = Reading { vocabulary, at: Cell::new(At::Outside), refused: Cell::new(None) };
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        let result = DocumentSeed(&reading).deserialize(&mut deserializer).and_then(|records| {
            deserializer.end()?;
            Ok(records)
        });
        result.map(|records| ResultsFile { records }).map_err(|err| {
            if let Some(refused) = reading.refused.take() {
                return refused;
            }
            let detail = json::message(&err);
            match reading.at.get() {
                At::Outside => ImportError::Malformed { detail },
                At::Record(index) => {
                    ImportError::BadRecord { record: index + 1, problem: RecordError::Malformed { detail } }
                }
            }
        })
    }

    /// What the reader knows while it reads: what to check records against, where it is (so
    /// that an error can name the record), and a refusal found in a record's content.
    struct Reading<'a> {
        vocabulary: Option<&'a Vocabulary>,
        at: Cell<At>,
        refused: Cell<Option<ImportError>>,
    }

    #[derive(Clone, Copy)]
    enum At {
        Outside,
        Record(usize),
    }

    /// The document, read straight into the finished map one record at a time: each record is
    /// checked and converted as soon as it is read, so memory never holds the file's records
    /// twice (nor a JSON tree several times the file's size). Format and version are checked
    /// before.
    struct DocumentSeed<'a>(&'a Reading<'a>);

    struct RecordsSeed<'a>(&'a Reading<'a>);

    #[derive(Deserialize)]
    #[serde(field_identifier, rename_all = "lowercase")]
    enum Field {
        Format,
        Version,
        Records,
    }

    impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
        type Value = BTreeMap<RecordKey, CoreRecord>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for DocumentSeed<'_> {
        type Value = BTreeMap<RecordKey, CoreRecord>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a results document")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut records = None;
            while let Some(key) = map.next_key::<Field>()? {
                match key {
                    Field::Format | Field::Version => {
                        map.next_value::<IgnoredAny>()?;
                    }
                    Field::Records if records.is_none() => {
                        records = Some(map.next_value_seed(RecordsSeed(self.0))?);
                    }
                    Field::Records => return Err(de::Error::duplicate_field("records")),
                }
            }
            records.ok_or_else(|| de::Error::missing_field("records"))
        }
    }

    impl<'de> DeserializeSeed<'de> for RecordsSeed<'_> {
        type Value = BTreeMap<RecordKey, CoreRecord>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for RecordsSeed<'_> {
        type Value = BTreeMap<RecordKey, CoreRecord>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of results")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let reading = self.0;
            let mut records = BTreeMap::new();
            // Where each key was first seen, to name both records of a duplicate.
            let mut numbers: BTreeMap<RecordKey, usize> = BTreeMap::new();
            let refuse = |refusal: ImportError| -> A::Error {
                reading.refused.set(Some(refusal));
                de::Error::custom("refused")
            };
            loop {
                let index = records.len();
                reading.at.set(At::Record(index));
                let Some(dto) = seq.next_element::<Record>()? else { break };
                if index == ResultsFile::MAX_RECORDS {
                    return Err(refuse(ImportError::TooManyRecords {
                        found: ResultsFile::MAX_RECORDS + 1,
                        max: ResultsFile::MAX_RECORDS,
                    }));
                }
                let record = into_record(dto)
                    .and_then(|record| match reading.vocabulary {
                        Some(vocabulary) => vocabulary.check(&record).map(|()| record),
                        None => Ok(record),
                    })
                    .map_err(|problem| refuse(ImportError::BadRecord { record: index + 1, problem }))?;
                let key = record.key();
                if let Some(&same_as) = numbers.get(&key) {
                    return Err(refuse(ImportError::DuplicateRecord { record: index + 1, same_as }));
                }
                numbers.insert(key, index + 1);
                records.insert(key, record);
            }
            reading.at.set(At::Outside);
            Ok(records)
        }
    }

    pub fn from_file(file: &ResultsFile) -> Document {
        Document { format: super::FORMAT, version: super::VERSION, records: file.records().map(from_record).collect() }
    }

    fn into_record(dto: Record) -> Result<CoreRecord, RecordError> {
        let study = StudyId::parse(&dto.study).map_err(RecordError::StudyId)?;
        let code = Code::parse(&dto.code).map_err(RecordError::Code)?;
        let phase = Phase::parse(&dto.phase).ok_or_else(|| RecordError::Phase { found: shorten(&dto.phase) })?;
        let form = Form::parse(&dto.form).ok_or_else(|| RecordError::Form { found: shorten(&dto.form) })?;
        let locale = Locale::new(&dto.locale).ok_or_else(|| RecordError::Locale { found: shorten(&dto.locale) })?;
        let date = Date::parse(&dto.date).ok_or_else(|| RecordError::Date { found: shorten(&dto.date) })?;
        let mut answers = Vec::with_capacity(dto.answers.len());
        for answer in dto.answers {
            let item = Id::new(&answer.item)
                .map_err(|problem| RecordError::ItemId { found: shorten(&answer.item), problem })?;
            let response = match answer.response {
                Response::Chose(options) => CoreResponse::Chose(chosen(&item, options)?),
                Response::Likert(value) => {
                    let likert = u8::try_from(value).ok().and_then(Likert::new);
                    CoreResponse::Likert(likert.ok_or(RecordError::Likert { item: item.clone(), found: value })?)
                }
                Response::Declined => CoreResponse::Declined,
            };
            answers.push((item, CoreAnswer { version: answer.version, response }));
        }
        answers.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        if let Some(pair) = answers.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(RecordError::ItemAnsweredTwice { item: pair[0].0.clone() });
        }
        // Built from sorted entries, the map's nodes are full: no half-empty node per record.
        let answers = answers.into_iter().collect();
        let record =
            CoreRecord { study, code, phase, form, locale, content_version: dto.content_version, date, answers };
        record.validate()?;
        Ok(record)
    }

    /// The lists' lengths are already bounded as they are read (`json::at_most`).
    fn chosen(item: &Id, options: Vec<String>) -> Result<Chosen, RecordError> {
        let mut ids = Vec::with_capacity(options.len());
        for option in &options {
            let id = Id::new(option).map_err(|problem| RecordError::OptionId {
                item: item.clone(),
                found: shorten(option),
                problem,
            })?;
            ids.push(id);
        }
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(RecordError::OptionChosenTwice { item: item.clone(), option: pair[0].clone() });
        }
        Ok(ids.into_iter().collect())
    }

    fn from_record(record: &CoreRecord) -> Record {
        Record {
            study: record.study.compact(),
            code: record.code.compact(),
            phase: record.phase.as_str().to_owned(),
            form: record.form.as_str().to_owned(),
            locale: record.locale.as_str().to_owned(),
            content_version: record.content_version,
            date: record.date.to_string(),
            answers: record
                .answers
                .iter()
                .map(|(item, answer)| Answer {
                    item: item.as_str().to_owned(),
                    version: answer.version,
                    response: match &answer.response {
                        CoreResponse::Chose(options) => Response::Chose(options.iter().map(str::to_owned).collect()),
                        CoreResponse::Likert(value) => Response::Likert(i64::from(value.get())),
                        CoreResponse::Declined => Response::Declined,
                    },
                })
                .collect(),
        }
    }
}
