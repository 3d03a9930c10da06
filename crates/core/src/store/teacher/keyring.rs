//! The teacher's keyring: the record kept under `aware.teacher.keyring` when a teacher sets up a
//! device. It holds the public key students' work is sealed to, and the private key wrapped
//! (encrypted) with a key derived from the teacher's passphrase; never the passphrase, never the
//! private key in the clear. The cryptography is the browser's (see [`super`] for the plan);
//! this module only reads and writes the record, and refuses anything it would not write.
//!
//! Version 1, one JSON object:
//! `{"format":"aware-teacher-keyring","version":1,"seal":"ECDH-P256/HKDF-SHA-256/AES-256-GCM",
//! "wrap":"PBKDF2-SHA-256/AES-256-GCM","public_key":B64,"salt":B64,"iterations":N,
//! "wrap_nonce":B64,"wrapped_private_key":B64}` (B64: standard base64 with padding).

use serde::{Deserialize, Serialize};

use super::base64;
use super::{NONCE_BYTES, PublicKey, SEAL_ALGORITHM, WRAP_ALGORITHM, header};

pub const FORMAT: &str = "aware-teacher-keyring";
pub const VERSION: u64 = 1;
/// A keyring is well under 1 KB; anything far larger is damage.
pub const MAX_BYTES: usize = 16 * 1024;

/// The passphrase key is PBKDF2-SHA-256 with this many iterations when a keyring is made
/// (OWASP's 2023 figure for PBKDF2-HMAC-SHA256); a record may hold from [`Keyring::MIN_ITERATIONS`]
/// to [`Keyring::MAX_ITERATIONS`], so a later app can raise it.
pub const ITERATIONS: u32 = 600_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyring {
    /// Students' work is sealed to this key.
    pub public_key: PublicKey,
    /// PBKDF2's salt, random, made at set-up.
    pub salt: Vec<u8>,
    pub iterations: u32,
    /// The AES-GCM nonce the private key was wrapped with.
    pub wrap_nonce: [u8; NONCE_BYTES],
    /// The private key as PKCS #8, AES-256-GCM-encrypted under the passphrase key (with its tag).
    pub wrapped_private_key: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyringError {
    TooLarge,
    /// Not a keyring, or one that is damaged: a field missing, extra, of the wrong size, or an
    /// algorithm this version does not use.
    Malformed(String),
    /// A version this app does not read (newer, when larger than [`VERSION`]).
    UnsupportedVersion(u64),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyringV1 {
    format: String,
    version: u64,
    seal: String,
    wrap: String,
    public_key: String,
    salt: String,
    iterations: u32,
    wrap_nonce: String,
    wrapped_private_key: String,
}

impl Keyring {
    pub const MIN_ITERATIONS: u32 = 100_000;
    /// Beyond this, unlocking on a low-end phone would take minutes.
    pub const MAX_ITERATIONS: u32 = 10_000_000;
    pub const MIN_SALT_BYTES: usize = 16;
    pub const MAX_SALT_BYTES: usize = 64;
    /// A PKCS #8 P-256 key is about 140 bytes; with its tag, far below this.
    pub const MAX_WRAPPED_BYTES: usize = 1024;
    /// AES-GCM's tag alone.
    pub const MIN_WRAPPED_BYTES: usize = 16;

    pub fn encode(&self) -> String {
        let record = KeyringV1 {
            format: FORMAT.to_owned(),
            version: VERSION,
            seal: SEAL_ALGORITHM.to_owned(),
            wrap: WRAP_ALGORITHM.to_owned(),
            public_key: base64::encode(self.public_key.as_bytes()),
            salt: base64::encode(&self.salt),
            iterations: self.iterations,
            wrap_nonce: base64::encode(&self.wrap_nonce),
            wrapped_private_key: base64::encode(&self.wrapped_private_key),
        };
        serde_json::to_string(&record).expect("strings and numbers always serialise")
    }

    /// Reads a record of any content without panicking; the result is always one
    /// [`Self::encode`] could have written.
    pub fn decode(text: &str) -> Result<Keyring, KeyringError> {
        if text.len() > MAX_BYTES {
            return Err(KeyringError::TooLarge);
        }
        let version = header(text, FORMAT).map_err(KeyringError::Malformed)?;
        if version != VERSION {
            return Err(KeyringError::UnsupportedVersion(version));
        }
        let record: KeyringV1 = serde_json::from_str(text).map_err(|e| KeyringError::Malformed(e.to_string()))?;
        let malformed = |what: &str| KeyringError::Malformed(what.to_owned());
        if record.seal != SEAL_ALGORITHM || record.wrap != WRAP_ALGORITHM {
            return Err(malformed("algorithm"));
        }
        let public_key = base64::decode(&record.public_key)
            .and_then(|bytes| PublicKey::from_bytes(&bytes))
            .ok_or_else(|| malformed("public key"))?;
        let salt = base64::decode(&record.salt)
            .filter(|salt| (Keyring::MIN_SALT_BYTES..=Keyring::MAX_SALT_BYTES).contains(&salt.len()))
            .ok_or_else(|| malformed("salt"))?;
        if !(Keyring::MIN_ITERATIONS..=Keyring::MAX_ITERATIONS).contains(&record.iterations) {
            return Err(malformed("iterations"));
        }
        let wrap_nonce = base64::decode(&record.wrap_nonce)
            .and_then(|bytes| <[u8; NONCE_BYTES]>::try_from(bytes).ok())
            .ok_or_else(|| malformed("nonce"))?;
        let wrapped_private_key = base64::decode(&record.wrapped_private_key)
            .filter(|key| (Keyring::MIN_WRAPPED_BYTES..=Keyring::MAX_WRAPPED_BYTES).contains(&key.len()))
            .ok_or_else(|| malformed("wrapped private key"))?;
        Ok(Keyring { public_key, salt, iterations: record.iterations, wrap_nonce, wrapped_private_key })
    }
}
