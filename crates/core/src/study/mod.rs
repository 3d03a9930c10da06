//! Anonymous pre/post studies: participant codes, attempt records, the results file students
//! hand in, the anonymised CSV and codebook, and small-cell suppression for reports.
//!
//! The flow: a teacher creates a study ([`StudyId`]) and prints a [`Sheet`] of codes; each
//! student takes a card, and the app makes a [`Record`] of their pre-test and, weeks later, of
//! their post-test under the same code. Students export a [`ResultsFile`]; the teacher imports
//! and merges them, and exports the CSV and codebook, or views reports that suppress small cells.
//!
//! **Invariant:** nothing here can hold a name, free text, a time of day or device data. Codes are
//! random, not derived from personal facts, and matching happens only on the teacher's device.
//!
//! There is no UI text here: errors are enums the app maps to messages (their `Display` is plain
//! English for the command line).

pub mod code;
pub mod definition;
mod design;
pub mod device;
pub mod export;
pub mod file;
pub mod record;
pub mod suppression;
pub mod view;
mod vocabulary;

pub use code::{Code, ParseError, Sheet, SheetError, StudyId};
pub use definition::{IssuedCodes, StudyDefinition, StudySecret};
pub use design::Design;
pub use device::{Participant, StudyEntry, TeacherStudies};
pub use file::{ImportError, MergeReport, Reader, RecordRef, ResultsFile};
pub use record::{Answer, Chosen, Date, Form, Id, Likert, Locale, Phase, Record, RecordError, RecordKey, Response};
pub use suppression::{MinGroupSize, Table};
pub use view::{AnswerRef, IdRef, Options, ResponseRef};
pub use vocabulary::{Allowed, Vocabulary};
