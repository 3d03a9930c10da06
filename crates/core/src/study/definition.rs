//! Which codes a study issued: only those count in its report.
//!
//! A participant code carries a check character, so anyone who reads this source can make valid
//! codes, and a results file of made-up records could pad a class past the minimum group size and
//! single out the real students in it. A report therefore counts a record only if its code is on
//! its study's cards, and says how many it left out.
//!
//! **Issued codes are derived from a secret.** A new study has a 128-bit secret, drawn with its id
//! on the teacher's device. Its codes are the first `cards` distinct codes of the stream
//! SipHash-2-4(secret, "aware-code" ‖ study id ‖ i) for i = 0, 1, 2, … (each 64-bit output is the
//! randomness of one [`Code::generate`]). So the teacher's device keeps the secret and the number
//! of cards, not the list, and can print the cards again; and whoever holds the study's
//! **definition** (its id, secret and number of cards; [`StudyDefinition::encode`]) can tell an
//! issued code from any other without a list of codes. A student who knows their own code learns
//! nothing about the others: SipHash is a pseudorandom function of its key.
//!
//! Studies created before secrets existed had random codes, kept as a list; their definition lists
//! them ([`StudyDefinition::listed`]).
//!
//! **Where definitions come from.** On the teacher's device, the studies it created. For a pooled
//! report of many schools (`aware report --studies`), each teacher saves the study's definition
//! ("Save the study file for evaluators") and hands it over with the results; records of a study
//! whose definition was not given are left out, like any code not issued.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use siphasher::sip::SipHasher24;

use super::code::{Code, ParseError, RANDOM_BYTES, Sheet, SheetError, StudyId};
use super::design::Design;

/// A study's secret: 16 bytes from the browser's cryptographic random source.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct StudySecret([u8; StudySecret::BYTES]);

/// A study as its report needs it: its id and the codes it issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyDefinition {
    id: StudyId,
    issued: Issued,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Issued {
    Derived { secret: StudySecret, cards: u16 },
    Listed(Vec<Code>),
}

/// Why a study definition file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not JSON, or not a study definition (another file picked by mistake).
    NotADefinition,
    UnsupportedVersion {
        found: u64,
    },
    Malformed {
        detail: String,
    },
}

/// The `format` field of a study definition file.
pub const FORMAT: &str = "aware-study";
pub const VERSION: u64 = 1;
/// A listed study of [`Sheet::MAX_CODES`] codes takes about 10 KB.
pub const MAX_DEFINITION_BYTES: usize = 64 * 1024;

impl StudySecret {
    pub const BYTES: usize = 16;

    pub fn new(bytes: [u8; StudySecret::BYTES]) -> StudySecret {
        StudySecret(bytes)
    }

    /// Two draws of the random source.
    pub fn generate(random: &mut dyn FnMut() -> [u8; RANDOM_BYTES]) -> StudySecret {
        let mut bytes = [0u8; StudySecret::BYTES];
        bytes[..RANDOM_BYTES].copy_from_slice(&random());
        bytes[RANDOM_BYTES..].copy_from_slice(&random());
        StudySecret(bytes)
    }

    /// 32 lower-case hexadecimal digits.
    pub fn to_hex(self) -> String {
        self.0.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Option<StudySecret> {
        let digits = text.as_bytes();
        if digits.len() != 2 * StudySecret::BYTES {
            return None;
        }
        let mut bytes = [0u8; StudySecret::BYTES];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            let value = |digit: u8| match digit {
                b'0'..=b'9' => Some(digit - b'0'),
                b'a'..=b'f' => Some(digit - b'a' + 10),
                _ => None,
            };
            *byte = value(pair[0])? << 4 | value(pair[1])?;
        }
        Some(StudySecret(bytes))
    }
}

/// The secret never appears in logs or debug output.
impl fmt::Debug for StudySecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StudySecret(…)")
    }
}

impl StudyDefinition {
    /// A new study with `cards` codes: an id of the design's kind, a secret, and the codes
    /// derived from them.
    pub fn create(
        design: Design,
        cards: usize,
        random: &mut dyn FnMut() -> [u8; RANDOM_BYTES],
    ) -> Result<StudyDefinition, SheetError> {
        let id = design.new_study(random).ok_or(SheetError::RandomnessRepeats)?;
        let secret = StudySecret::generate(random);
        StudyDefinition::derived(id, secret, cards)
    }

    /// A study whose codes derive from `secret` (for instance read back from storage).
    pub fn derived(id: StudyId, secret: StudySecret, cards: usize) -> Result<StudyDefinition, SheetError> {
        // Refuses a count out of range, and (never, in practice) a secret whose stream repeats.
        derive(id, secret, cards)?;
        let cards =
            u16::try_from(cards).map_err(|_| SheetError::TooMany { requested: cards, max: Sheet::MAX_CODES })?;
        Ok(StudyDefinition { id, issued: Issued::Derived { secret, cards } })
    }

    /// A study made before codes were derived: its printed codes, as kept.
    pub fn listed(id: StudyId, codes: Vec<Code>) -> StudyDefinition {
        StudyDefinition { id, issued: Issued::Listed(codes) }
    }

    pub fn id(&self) -> StudyId {
        self.id
    }

    pub fn secret(&self) -> Option<StudySecret> {
        match self.issued {
            Issued::Derived { secret, .. } => Some(secret),
            Issued::Listed(_) => None,
        }
    }

    /// How many cards were printed.
    pub fn cards(&self) -> usize {
        match &self.issued {
            Issued::Derived { cards, .. } => usize::from(*cards),
            Issued::Listed(codes) => codes.len(),
        }
    }

    /// The issued codes, in the order of the cards.
    pub fn codes(&self) -> Vec<Code> {
        match &self.issued {
            Issued::Derived { secret, cards } => derive(self.id, *secret, usize::from(*cards)).unwrap_or_default(),
            Issued::Listed(codes) => codes.clone(),
        }
    }

    /// The definition file a teacher hands to an evaluator with the results.
    pub fn encode(&self) -> String {
        let (secret, cards, codes) = match &self.issued {
            Issued::Derived { secret, cards } => (Some(secret.to_hex()), Some(*cards), None),
            Issued::Listed(codes) => (None, None, Some(codes.iter().map(|&code| CodeText(Ok(code))).collect())),
        };
        let document =
            V1 { format: FORMAT.to_owned(), version: VERSION, study: self.id.compact(), secret, cards, codes };
        serde_json::to_string(&document).expect("strings and numbers always serialise")
    }

    /// Reads a definition file of any content without panicking.
    pub fn decode(bytes: &[u8]) -> Result<StudyDefinition, DefinitionError> {
        if bytes.len() > MAX_DEFINITION_BYTES {
            return Err(DefinitionError::TooLarge { bytes: bytes.len(), max: MAX_DEFINITION_BYTES });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<serde_json::Value>,
        }
        let header: Header = serde_json::from_slice(bytes).map_err(|_| DefinitionError::NotADefinition)?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(DefinitionError::NotADefinition);
        }
        match header.version.as_ref().and_then(serde_json::Value::as_u64) {
            Some(VERSION) => {}
            Some(found) => return Err(DefinitionError::UnsupportedVersion { found }),
            None => return Err(malformed("the version is missing or not a whole number")),
        }
        let document: V1 = serde_json::from_slice(bytes).map_err(|error| malformed(&error.to_string()))?;
        let id = StudyId::parse(&document.study).map_err(|problem| malformed(&format!("the study id: {problem}")))?;
        StudyDefinition::from_fields(id, document.secret.as_deref(), document.cards, document.codes.as_deref())
            .map_err(|problem| malformed(&problem.to_string()))
    }

    /// A definition from what both its file and the teacher's device keep of it: a secret and a
    /// number of cards, or the list of codes (each parsed as it was read).
    pub(crate) fn from_fields(
        id: StudyId,
        secret: Option<&str>,
        cards: Option<u16>,
        codes: Option<&[CodeText]>,
    ) -> Result<StudyDefinition, FieldProblem> {
        match (secret, cards, codes) {
            (Some(secret), Some(cards), None) => {
                let secret = StudySecret::from_hex(secret).ok_or(FieldProblem::Secret)?;
                StudyDefinition::derived(id, secret, usize::from(cards)).map_err(FieldProblem::Cards)
            }
            (None, None, Some(texts)) => {
                if texts.is_empty() || texts.len() > Sheet::MAX_CODES {
                    return Err(FieldProblem::CodeCount(texts.len()));
                }
                let codes = texts.iter().map(|text| text.0.clone()).collect::<Result<Vec<Code>, _>>();
                let codes = codes.map_err(FieldProblem::Code)?;
                // Sorted, to find a repeat by halving: a list holds up to a thousand codes.
                let mut sorted = codes.clone();
                sorted.sort_unstable();
                if let Some(pair) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
                    return Err(FieldProblem::CodeTwice(pair[0]));
                }
                Ok(StudyDefinition::listed(id, codes))
            }
            _ => Err(FieldProblem::Neither),
        }
    }
}

/// A code as a study's file or the device store keeps it: written from a [`Code`], parsed as it
/// is read (a list of strings would take several times its text in memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeText(pub(crate) Result<Code, ParseError>);

impl Serialize for CodeText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.as_ref().map(Code::compact).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for CodeText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CodeText, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = CodeText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a participant code")
            }
            fn visit_str<E>(self, text: &str) -> Result<CodeText, E> {
                Ok(CodeText(Code::parse(text)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// What is wrong with the fields that say which codes a study issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldProblem {
    Secret,
    Cards(SheetError),
    CodeCount(usize),
    Code(ParseError),
    CodeTwice(Code),
    Neither,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Secret => write!(f, "the secret is not 32 lower-case hexadecimal digits"),
            FieldProblem::Cards(problem) => write!(f, "the cards: {problem}"),
            FieldProblem::CodeCount(count) => write!(f, "it lists {count} codes, not 1 to {}", Sheet::MAX_CODES),
            FieldProblem::Code(problem) => write!(f, "a code: {problem}"),
            FieldProblem::CodeTwice(code) => write!(f, "the code {code} is listed twice"),
            FieldProblem::Neither => {
                write!(f, "it needs either a secret and a number of cards, or a list of codes")
            }
        }
    }
}

/// Format version 1 of a definition file. Never edit it: files in this shape exist.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    format: String,
    version: u64,
    study: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cards: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    codes: Option<Vec<CodeText>>,
}

/// serde_json quotes what it read in its messages; 200 characters say enough.
fn malformed(detail: &str) -> DefinitionError {
    let detail = match detail.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &detail[..end]),
        None => detail.to_owned(),
    };
    DefinitionError::Malformed { detail }
}

/// The first `cards` distinct codes of the study's keyed stream (see the module documentation).
fn derive(id: StudyId, secret: StudySecret, cards: usize) -> Result<Vec<Code>, SheetError> {
    let hasher = SipHasher24::new_with_key(&secret.0);
    let mut message = Vec::with_capacity(32);
    message.extend_from_slice(b"aware-code");
    message.extend_from_slice(id.compact().as_bytes());
    let prefix = message.len();
    let mut draw: u32 = 0;
    let mut stream = move || {
        message.truncate(prefix);
        message.extend_from_slice(&draw.to_le_bytes());
        draw += 1;
        hasher.hash(&message).to_le_bytes()
    };
    Sheet::generate(id, cards, &mut stream).map(|sheet| sheet.codes().to_vec())
}

/// The codes of the studies a report may count, and a number for each participant they make
/// (for a report's bookkeeping: a bit per participant instead of a set of codes).
#[derive(Debug, Clone, Default)]
pub struct IssuedCodes {
    studies: HashMap<StudyId, Cards>,
    participants: u32,
}

#[derive(Debug, Clone)]
struct Cards {
    /// Sorted, for a binary search.
    codes: Vec<Code>,
    /// The number of the participant with the first code.
    first: u32,
}

impl IssuedCodes {
    pub fn new() -> IssuedCodes {
        IssuedCodes::default()
    }

    /// Adds a study's codes; `false` (and nothing changes) if the study is already there.
    pub fn add(&mut self, definition: &StudyDefinition) -> bool {
        if self.studies.contains_key(&definition.id) {
            return false;
        }
        let mut codes = definition.codes();
        codes.sort_unstable();
        let first = self.participants;
        self.participants += codes.len() as u32;
        self.studies.insert(definition.id, Cards { codes, first });
        true
    }

    /// The participant with this code in this study, numbered from 0 across all studies; `None`
    /// when the study did not issue it (or its definition was not added).
    pub fn participant(&self, study: StudyId, code: Code) -> Option<u32> {
        let cards = self.studies.get(&study)?;
        cards.codes.binary_search(&code).ok().map(|index| cards.first + index as u32)
    }

    pub fn studies(&self) -> usize {
        self.studies.len()
    }

    /// Codes issued, over all studies.
    pub fn participants(&self) -> u32 {
        self.participants
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefinitionError::TooLarge { bytes, max } => {
                write!(f, "the file is too large ({bytes} bytes; a study file has at most {max})")
            }
            DefinitionError::NotADefinition => write!(f, "this is not an Aware study file"),
            DefinitionError::UnsupportedVersion { found } if *found > VERSION => {
                write!(f, "the study file was made by a newer version of Aware (format {found}); update Aware")
            }
            DefinitionError::UnsupportedVersion { found } => {
                write!(f, "the study file has an unknown format version ({found})")
            }
            DefinitionError::Malformed { detail } => write!(f, "the study file is damaged ({detail})"),
        }
    }
}

impl std::error::Error for DefinitionError {}
