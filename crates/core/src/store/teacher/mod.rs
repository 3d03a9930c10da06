//! The pure side of a teacher's area on a shared device: the keyring record, sealed envelopes
//! and their log, and opening decrypted payloads into the teacher's results, studies and sessions.
//!
//! On a device where a teacher has set up a passphrase, students' hand-ins and imported files
//! are stored only sealed to the teacher's public key: a student can hand in without the
//! passphrase, and nobody without it (another student on the same computer, say) can read or
//! export them. The store never sees a key or a passphrase and cannot open an envelope; it keeps
//! envelopes in an append-only log (a union across tabs), tells the app what to seal, and turns
//! the payloads the app has decrypted into results, studies and sessions ([`open`]). A lost passphrase
//! means the sealed results are lost: the set-up screen must say so plainly.
//!
//! # The cryptography (WebCrypto, in `src/platform/`)
//!
//! All keys come from `crypto.subtle`; random bytes from `crypto.getRandomValues`.
//!
//! **Set-up** (the teacher chooses a passphrase):
//! 1. `generateKey({name: "ECDH", namedCurve: "P-256"}, true, ["deriveBits"])`: the teacher's
//!    key pair. `exportKey("raw", publicKey)` (65 bytes) is [`Keyring::public_key`].
//! 2. 16 random bytes of salt; the passphrase, normalised to NFC and UTF-8 encoded, is imported
//!    as a `PBKDF2` key and `deriveKey({name: "PBKDF2", hash: "SHA-256", salt, iterations:
//!    ITERATIONS}, …, {name: "AES-GCM", length: 256}, false, ["wrapKey", "unwrapKey"])` gives the
//!    wrapping key ([`keyring::ITERATIONS`] is 600,000).
//! 3. `wrapKey("pkcs8", privateKey, wrappingKey, {name: "AES-GCM", iv: wrap_nonce,
//!    additionalData: Keyring::wrap_associated_data(public_key)})` with 12 random bytes of nonce.
//! 4. [`DeviceStore::set_up_teacher`](super::DeviceStore::set_up_teacher) with the [`Keyring`];
//!    then [`DeviceStore::plain_to_seal`](super::DeviceStore::plain_to_seal) to seal what the
//!    device already held in the clear.
//!
//! **Unlock**: the same PBKDF2 step from the stored salt and iterations, then `unwrapKey("pkcs8",
//! …, {name: "ECDH", namedCurve: "P-256"}, false, ["deriveBits"])`. A wrong passphrase fails
//! AES-GCM's tag check (`OperationError`): that is the passphrase check. The private key stays a
//! non-extractable `CryptoKey` in memory until the teacher locks the area or leaves it.
//!
//! **Seal** a [`Payload`] (no passphrase needed): a fresh ephemeral ECDH P-256 key pair per
//! envelope; `deriveBits({name: "ECDH", public: teacherPublicKey}, ephemeralPrivate, 256)`;
//! that secret imported as an `HKDF` key, `deriveKey({name: "HKDF", hash: "SHA-256", salt: empty,
//! info: Envelope::hkdf_info(ephemeralPublic, teacherPublic)}, …, {name: "AES-GCM", length:
//! 256}, false, ["encrypt"])`; 12 random bytes of nonce; `encrypt({name: "AES-GCM", iv: nonce,
//! additionalData: Envelope::associated_data(kind)}, key, utf8(payload))`. The [`Envelope`] is
//! the kind, the ephemeral public key (raw), the nonce and the ciphertext (with its tag).
//!
//! **Open**: the same derivation with the teacher's private key and the envelope's ephemeral
//! public key, then `decrypt`. An envelope that fails is left in the log, not passed to [`open`].

mod base64;
pub mod envelope;
pub mod keyring;
mod open;

use serde::Deserialize;

pub use envelope::{Envelope, EnvelopeId, PayloadKind, SealedLog};
pub use keyring::Keyring;
pub use open::{OpenProblem, Opened, TeacherData, open};

/// The algorithm ids written in a keyring: how envelopes are sealed, and how the private key is
/// wrapped. A later scheme gets a new keyring version.
pub const SEAL_ALGORITHM: &str = "ECDH-P256/HKDF-SHA-256/AES-256-GCM";
pub const WRAP_ALGORITHM: &str = "PBKDF2-SHA-256/AES-256-GCM";
/// AES-GCM's nonce (IV) length.
pub const NONCE_BYTES: usize = 12;

/// An uncompressed P-256 public key, as WebCrypto exports it in the "raw" format:
/// `0x04 ‖ x ‖ y`. Whether the point is on the curve is checked by WebCrypto on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublicKey([u8; PublicKey::BYTES]);

impl PublicKey {
    pub const BYTES: usize = 65;

    pub fn from_bytes(bytes: &[u8]) -> Option<PublicKey> {
        let key: [u8; PublicKey::BYTES] = bytes.try_into().ok()?;
        (key[0] == 0x04).then_some(PublicKey(key))
    }

    pub fn as_bytes(&self) -> &[u8; PublicKey::BYTES] {
        &self.0
    }
}

impl Keyring {
    /// The AES-GCM additional data when wrapping the private key: binds it to its public key.
    pub fn wrap_associated_data(public_key: &PublicKey) -> Vec<u8> {
        let mut data = format!("aware-keyring/{}", keyring::VERSION).into_bytes();
        data.extend_from_slice(public_key.as_bytes());
        data
    }
}

/// Something for the app to seal to the teacher's key and hand back to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub kind: PayloadKind,
    /// A results file, a studies document or a sessions document, as JSON text.
    pub text: String,
}

/// What the app seals after a store action on a teacher's device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealRequest {
    /// Seal each payload and pass the envelopes to
    /// [`DeviceStore::append_sealed`](super::DeviceStore::append_sealed).
    Append(Vec<Payload>),
    /// Seal each payload and pass the envelopes, with `consumed`, to
    /// [`DeviceStore::replace_sealed`](super::DeviceStore::replace_sealed): the opened envelopes
    /// are replaced by a compacted set (after a deletion).
    Replace { consumed: Vec<EnvelopeId>, payloads: Vec<Payload> },
}

/// The `format` and `version` of a versioned JSON record, checked before the whole is read.
fn header(text: &str, format: &str) -> Result<u64, String> {
    #[derive(Deserialize)]
    struct Header {
        format: String,
        version: u64,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if header.format != format {
        return Err(format!("format {:?}", header.format.chars().take(40).collect::<String>()));
    }
    Ok(header.version)
}

#[cfg(test)]
mod tests;
