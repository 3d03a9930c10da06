//! The results file: what a student exports and a teacher imports.
//!
//! A versioned JSON document, `{"format":"aware-results","version":1,"records":[…]}`. Students
//! hand these files to their teacher (a USB stick, a shared folder, a chat), so reading one
//! treats every byte as hostile. There is one reader, [`Reader`] (in `read.rs`): the app's import
//! ([`ResultsFile::decode`], [`ResultsFile::import`]) builds records from what it reads, and
//! `aware report` scores records straight from a file's bytes with it. It checks the size before
//! reading; it neither recurses nor builds a JSON tree, and keeps at most a record's worth of its
//! bounded answers at a time; it rejects unknown fields (a `time` or `name` field is refused, not
//! carried along); it validates every record; and it reports the first problem in plain words with
//! the record's number, in serde_json's words (it replaced a serde decoder, and its tests still
//! hold). It never panics and applies nothing partially. [`ResultsFile::import`] also checks every
//! record against the assessment's [`Vocabulary`].
//!
//! It holds to the memory rule of `json.rs` (at most twice the file's size): records are built in
//! their compact form as they are read, and no message quotes a long input. A file the reader
//! refuses that holds a text or number longer than any the format has ([`json::check_tokens`],
//! which never allocates) is refused for that first, as the serde decoder did before it parsed;
//! only then does serde_json read the envelope (skipping what it does not use unbuilt) to say
//! whether it is a results file at all.
//!
//! To change the format: add `v2` with its types and reader, a conversion from `v1`, point
//! [`ResultsFile::encode`] at it and raise [`VERSION`]. Never change what `v1` reads: files in that
//! shape exist.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;

use super::record::{Record, RecordError, RecordKey};
use super::vocabulary::Vocabulary;
use crate::json;

mod read;
pub(super) mod scan;

pub use read::{Reader, RecordRef};

/// The `format` field: tells a results file from any other JSON a teacher might pick by mistake.
pub const FORMAT: &str = "aware-results";
pub const VERSION: u64 = 1;
/// Room for [`ResultsFile::MAX_RECORDS`] records of a realistic 30-item test (about 2 KB each);
/// read no further.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// No text in a results file is longer than an id (64); a refused file with a longer one is
/// refused for that (see [`json::check_tokens`]).
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
        let mut records = BTreeMap::new();
        Reader::new().read(bytes, |record| {
            let record = record.to_record()?;
            if let Some(vocabulary) = vocabulary {
                vocabulary.check(&record)?;
            }
            records.insert(record.key(), record);
            Ok(())
        })?;
        Ok(ResultsFile { records })
    }
}

/// Why the [`Reader`] refused a file, when the file holds a text or number longer than any a
/// results file has: refused for that, without quoting it (see the module documentation).
fn long_token(bytes: &[u8]) -> Option<ImportError> {
    let too_long = json::check_tokens(bytes, MAX_TOKEN_BYTES).err()?;
    let object = bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{');
    Some(if object { ImportError::Malformed { detail: too_long.to_string() } } else { ImportError::NotAResultsFile })
}

/// Whether `bytes` are JSON, a results file, and of version 1, in serde_json's words: read only
/// when the [`Reader`] has refused a file, to say why as the serde decoder always said it. What
/// it does not use it skips unbuilt (a version that is a long list is not built as one).
fn envelope(bytes: &[u8]) -> Result<(), ImportError> {
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
        Some(Version::Whole(1)) => Ok(()),
        Some(Version::Whole(found)) => Err(ImportError::UnsupportedVersion { found }),
        Some(Version::Other) => Err(ImportError::Malformed { detail: "the version is not a whole number".to_owned() }),
        None => Err(ImportError::Malformed { detail: "the version is missing".to_owned() }),
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

/// Format version 1, as written. [`read`] reads it.
mod v1 {
    use serde::Serialize;

    use super::super::record::{Record as CoreRecord, Response as CoreResponse};
    use super::ResultsFile;

    #[derive(Serialize)]
    pub struct Document {
        pub format: &'static str,
        pub version: u64,
        pub records: Vec<Record>,
    }

    #[derive(Serialize)]
    pub struct Record {
        pub study: String,
        pub code: String,
        pub phase: String,
        pub form: String,
        pub locale: String,
        pub content_version: u32,
        /// `YYYY-MM-DD`.
        pub date: String,
        pub answers: Vec<Answer>,
    }

    #[derive(Serialize)]
    pub struct Answer {
        pub item: String,
        pub version: u32,
        pub response: Response,
    }

    /// `{"chose":["a","c"]}`, `{"likert":4}` or `"declined"`.
    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Response {
        Chose(Vec<String>),
        Likert(i64),
        Declined,
    }

    pub fn from_file(file: &ResultsFile) -> Document {
        Document { format: super::FORMAT, version: super::VERSION, records: file.records().map(from_record).collect() }
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
