//! Sealed envelopes, and the append-only log of them under `aware.teacher.sealed`.
//!
//! An envelope is one payload (a results file, a studies list or classroom sessions, as JSON
//! text) encrypted to the
//! teacher's public key by the browser (see [`super`]). The store cannot open one; it keeps them,
//! merges two tabs' logs as a union, and replaces opened ones with a compacted set the app has
//! sealed again.
//!
//! Version 1 of the log, one JSON object: `{"format":"aware-sealed-log","version":1,
//! "envelopes":[E, …]}`, where each envelope `E` is `{"version":V,"kind":K,
//! "ephemeral_public_key":B64,"nonce":B64,"ciphertext":B64}` (B64: standard base64 with
//! padding; the ciphertext ends with AES-GCM's 16-byte tag). An envelope carries its own version
//! so that a later format can be told apart inside an old log.
//!
//! Envelope versions: 1 has the kinds `results` and `studies`; 2 adds `sessions`. Each kind is
//! sealed in the first version that has it ([`PayloadKind::envelope_version`]), and a kind in
//! any other version is damage. So a log without sessions stays readable by an app from before
//! them, and an app from before them leaves a log with a session alone as newer (read-only until
//! it is updated) instead of taking it for damage and keeping it aside. The version is part of
//! the associated data, so it cannot be changed without the envelope failing to open.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::base64;
use super::{NONCE_BYTES, PublicKey, header};

pub const LOG_FORMAT: &str = "aware-sealed-log";
pub const LOG_VERSION: u64 = 1;
/// The first envelope version: results and studies, and the version of the key derivation
/// ([`Envelope::hkdf_info`]), which later versions keep.
pub const ENVELOPE_VERSION: u64 = 1;
/// The newest envelope version this app reads and writes (2 added sessions).
pub const LATEST_ENVELOPE_VERSION: u64 = 2;
/// As much as a results file may hold, sealed, and more than browsers' storage quotas.
pub const MAX_LOG_BYTES: usize = 24 * 1024 * 1024;
/// More hand-ins and imports than a teacher collects between two compactions.
pub const MAX_ENVELOPES: usize = 20_000;
/// AES-GCM's tag: the ciphertext of an empty payload.
pub const TAG_BYTES: usize = 16;

/// What a sealed payload holds, in the clear so the app knows how to read it once opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PayloadKind {
    /// A results file (`ResultsFile::encode`): a student's hand-in or an imported file.
    Results,
    /// A teacher's studies (`TeacherStudies::encode`).
    Studies,
    /// A teacher's classroom sessions (`ClassSessions::encode`).
    Sessions,
}

impl PayloadKind {
    pub const ALL: [PayloadKind; 3] = [PayloadKind::Results, PayloadKind::Studies, PayloadKind::Sessions];

    pub fn as_str(self) -> &'static str {
        match self {
            PayloadKind::Results => "results",
            PayloadKind::Studies => "studies",
            PayloadKind::Sessions => "sessions",
        }
    }

    /// The envelope version a payload of this kind is sealed in (see the module documentation).
    pub fn envelope_version(self) -> u64 {
        match self {
            PayloadKind::Results | PayloadKind::Studies => ENVELOPE_VERSION,
            PayloadKind::Sessions => 2,
        }
    }

    pub fn parse(text: &str) -> Option<PayloadKind> {
        PayloadKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Envelope {
    pub kind: PayloadKind,
    /// The sender's one-time ECDH P-256 public key, uncompressed.
    pub ephemeral_public_key: PublicKey,
    pub nonce: [u8; NONCE_BYTES],
    /// AES-256-GCM ciphertext with its tag.
    pub ciphertext: Vec<u8>,
}

/// Names an envelope in a list of opened or consumed ones: its nonce, which is random and never
/// used twice.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnvelopeId(String);

impl fmt::Display for EnvelopeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Envelope {
    pub fn id(&self) -> EnvelopeId {
        EnvelopeId(base64::encode(&self.nonce))
    }

    /// The AES-GCM additional data: binds the kind and version to the ciphertext, so an envelope
    /// relabelled from "studies" to "results" does not open.
    pub fn associated_data(kind: PayloadKind) -> Vec<u8> {
        format!("aware-sealed/{}/{}", kind.envelope_version(), kind.as_str()).into_bytes()
    }

    /// HKDF's `info`: binds the derived key to both public keys.
    pub fn hkdf_info(ephemeral: &PublicKey, recipient: &PublicKey) -> Vec<u8> {
        let mut info = format!("aware-sealed/{ENVELOPE_VERSION}").into_bytes();
        info.extend_from_slice(ephemeral.as_bytes());
        info.extend_from_slice(recipient.as_bytes());
        info
    }
}

/// The envelopes kept on a device, in the order they were appended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SealedLog {
    pub envelopes: Vec<Envelope>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogError {
    TooLarge,
    Malformed(String),
    /// The log's version, or an envelope's, is one this app does not read.
    UnsupportedVersion(u64),
    TooMany,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogV1 {
    format: String,
    version: u64,
    envelopes: Vec<EnvelopeV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeV1 {
    version: u64,
    kind: String,
    ephemeral_public_key: String,
    nonce: String,
    ciphertext: String,
}

impl SealedLog {
    pub fn len(&self) -> usize {
        self.envelopes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.envelopes.is_empty()
    }

    pub fn encode(&self) -> String {
        let log = LogV1 {
            format: LOG_FORMAT.to_owned(),
            version: LOG_VERSION,
            envelopes: self
                .envelopes
                .iter()
                .map(|envelope| EnvelopeV1 {
                    version: envelope.kind.envelope_version(),
                    kind: envelope.kind.as_str().to_owned(),
                    ephemeral_public_key: base64::encode(envelope.ephemeral_public_key.as_bytes()),
                    nonce: base64::encode(&envelope.nonce),
                    ciphertext: base64::encode(&envelope.ciphertext),
                })
                .collect(),
        };
        serde_json::to_string(&log).expect("strings and numbers always serialise")
    }

    /// Reads a log of any content without panicking.
    pub fn decode(text: &str) -> Result<SealedLog, LogError> {
        if text.len() > MAX_LOG_BYTES {
            return Err(LogError::TooLarge);
        }
        let version = header(text, LOG_FORMAT).map_err(LogError::Malformed)?;
        if version != LOG_VERSION {
            return Err(LogError::UnsupportedVersion(version));
        }
        let log: LogV1 = serde_json::from_str(text).map_err(|e| LogError::Malformed(e.to_string()))?;
        if log.envelopes.len() > MAX_ENVELOPES {
            return Err(LogError::TooMany);
        }
        let mut envelopes = Vec::with_capacity(log.envelopes.len());
        for (index, envelope) in log.envelopes.into_iter().enumerate() {
            if !(ENVELOPE_VERSION..=LATEST_ENVELOPE_VERSION).contains(&envelope.version) {
                return Err(LogError::UnsupportedVersion(envelope.version));
            }
            let malformed = |what: &str| LogError::Malformed(format!("envelope {}: {what}", index + 1));
            let kind = PayloadKind::parse(&envelope.kind)
                .filter(|kind| kind.envelope_version() == envelope.version)
                .ok_or_else(|| malformed("kind"))?;
            let ephemeral_public_key = base64::decode(&envelope.ephemeral_public_key)
                .and_then(|bytes| PublicKey::from_bytes(&bytes))
                .ok_or_else(|| malformed("public key"))?;
            let nonce = base64::decode(&envelope.nonce)
                .and_then(|bytes| <[u8; NONCE_BYTES]>::try_from(bytes).ok())
                .ok_or_else(|| malformed("nonce"))?;
            let ciphertext = base64::decode(&envelope.ciphertext)
                .filter(|bytes| bytes.len() >= TAG_BYTES)
                .ok_or_else(|| malformed("ciphertext"))?;
            envelopes.push(Envelope { kind, ephemeral_public_key, nonce, ciphertext });
        }
        Ok(SealedLog { envelopes })
    }

    /// What `ours` and `theirs` each appended or removed since `base`, combined: an envelope
    /// appended on either side is kept, one removed (consumed by a compaction) on either side
    /// stays removed. Theirs come first, in their order, then ours that are new.
    pub fn merge(base: &SealedLog, ours: &SealedLog, theirs: &SealedLog) -> SealedLog {
        let in_base: BTreeSet<&Envelope> = base.envelopes.iter().collect();
        let in_ours: BTreeSet<&Envelope> = ours.envelopes.iter().collect();
        let mut kept = BTreeSet::new();
        let mut envelopes = Vec::new();
        let removed_by_us = |envelope: &Envelope| in_base.contains(envelope) && !in_ours.contains(envelope);
        for envelope in &theirs.envelopes {
            if !removed_by_us(envelope) && kept.insert(envelope) {
                envelopes.push(envelope.clone());
            }
        }
        for envelope in &ours.envelopes {
            if !in_base.contains(envelope) && kept.insert(envelope) {
                envelopes.push(envelope.clone());
            }
        }
        SealedLog { envelopes }
    }
}
