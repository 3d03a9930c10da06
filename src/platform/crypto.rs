//! The teacher's keys, with the browser's WebCrypto (`crypto.subtle`): set up a keyring from a
//! passphrase, unlock it, seal a payload to the teacher's public key, open an envelope. The
//! scheme, and why, is `aware_core::store::teacher`'s documentation; this module only performs
//! it. Only the check and teacher bundles call it (the student's lessons never seal anything), so
//! the student bundle does not link it.

use aware_core::store::teacher::keyring::ITERATIONS;
use aware_core::store::teacher::{NONCE_BYTES, PublicKey};
use aware_core::store::{Envelope, Keyring, Opened, Payload};
use js_sys::{Array, JsString, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, SubtleCrypto};

/// Why a key operation did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase does not unlock this keyring.
    WrongPassphrase,
    /// The browser has no WebCrypto (an insecure `http:` page, say) or refused.
    Unavailable,
}

/// The teacher's private key while the teacher's area is open: never extractable, never stored.
#[derive(Clone)]
pub struct PrivateKey(CryptoKey);

impl PartialEq for PrivateKey {
    /// One device has one teacher key; any two handles open the same envelopes.
    fn eq(&self, _: &PrivateKey) -> bool {
        true
    }
}

const P256: &str = "P-256";

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = web_sys::window().ok_or(CryptoError::Unavailable)?.crypto().map_err(|_| CryptoError::Unavailable)?;
    // `subtle` is undefined outside a secure context.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| CryptoError::Unavailable)?;
    subtle.dyn_into().map_err(|_| CryptoError::Unavailable)
}

fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let crypto = web_sys::window().ok_or(CryptoError::Unavailable)?.crypto().map_err(|_| CryptoError::Unavailable)?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// An algorithm dictionary from name/value pairs.
fn params(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn usages(names: &[&str]) -> JsValue {
    names.iter().map(|name| JsValue::from_str(name)).collect::<Array>().into()
}

async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn to_vec(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

fn aes_gcm(nonce: &[u8], additional: &[u8]) -> Object {
    params(&[("name", "AES-GCM".into()), ("iv", bytes(nonce)), ("additionalData", bytes(additional))])
}

fn ecdh() -> Object {
    params(&[("name", "ECDH".into()), ("namedCurve", P256.into())])
}

/// The AES key that wraps the private key, from the passphrase (NFC, UTF-8) by PBKDF2.
async fn passphrase_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let normalised: String = JsString::from(passphrase).normalize("NFC").into();
    let unavailable = |_| CryptoError::Unavailable;
    let material = Uint8Array::from(normalised.as_bytes());
    let base: CryptoKey = wait(subtle.import_key_with_str("raw", &material, "PBKDF2", false, &usages(&["deriveKey"])))
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let pbkdf2 = params(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(salt)),
        ("iterations", iterations.into()),
    ]);
    let aes = params(&[("name", "AES-GCM".into()), ("length", JsValue::from(256u32))]);
    let key =
        wait(subtle.derive_key_with_object_and_object(&pbkdf2, &base, &aes, false, &usages(&["wrapKey", "unwrapKey"])))
            .await
            .map_err(unavailable)?;
    Ok(key.unchecked_into())
}

async fn unwrap(subtle: &SubtleCrypto, keyring: &Keyring, wrapping: &CryptoKey) -> Result<PrivateKey, CryptoError> {
    let wrapped = Uint8Array::from(keyring.wrapped_private_key.as_slice());
    let algorithm = aes_gcm(&keyring.wrap_nonce, &Keyring::wrap_associated_data(&keyring.public_key));
    // AES-GCM's tag check fails for any other passphrase: that is the passphrase check.
    let key = wait(subtle.unwrap_key_with_buffer_source_and_object_and_object(
        "pkcs8",
        &wrapped,
        wrapping,
        &algorithm,
        &ecdh(),
        false,
        &usages(&["deriveBits"]),
    ))
    .await
    .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(PrivateKey(key.unchecked_into()))
}

/// A new ECDH P-256 key pair, and its public key as raw bytes.
async fn key_pair(subtle: &SubtleCrypto, extractable: bool) -> Result<(CryptoKeyPair, PublicKey), CryptoError> {
    let unavailable = |_| CryptoError::Unavailable;
    let pair: CryptoKeyPair = wait(subtle.generate_key_with_object(&ecdh(), extractable, &usages(&["deriveBits"])))
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let raw = wait(subtle.export_key("raw", &pair.get_public_key())).await.map_err(unavailable)?;
    let public = PublicKey::from_bytes(&to_vec(&raw)).ok_or(CryptoError::Unavailable)?;
    Ok((pair, public))
}

/// Makes the teacher's key pair and wraps its private key with `passphrase`. Returns the keyring
/// to store and the (non-extractable) private key, so the area opens at once.
pub async fn set_up(passphrase: &str) -> Result<(Keyring, PrivateKey), CryptoError> {
    let subtle = subtle()?;
    let unavailable = |_| CryptoError::Unavailable;
    // Extractable, once: the private key must be exported to be wrapped.
    let (pair, public_key) = key_pair(&subtle, true).await?;
    let salt = random::<16>()?;
    let wrap_nonce = random::<NONCE_BYTES>()?;
    let wrapping = passphrase_key(&subtle, passphrase, &salt, ITERATIONS).await?;
    let algorithm = aes_gcm(&wrap_nonce, &Keyring::wrap_associated_data(&public_key));
    let wrapped = wait(subtle.wrap_key_with_object("pkcs8", &pair.get_private_key(), &wrapping, &algorithm))
        .await
        .map_err(unavailable)?;
    let keyring = Keyring {
        public_key,
        salt: salt.to_vec(),
        iterations: ITERATIONS,
        wrap_nonce,
        wrapped_private_key: to_vec(&wrapped),
    };
    // Unwrapped again, the key held in memory is not extractable, as after any unlock.
    let private = unwrap(&subtle, &keyring, &wrapping).await?;
    Ok((keyring, private))
}

/// The private key, if `passphrase` is the one the keyring was made with.
pub async fn unlock(keyring: &Keyring, passphrase: &str) -> Result<PrivateKey, CryptoError> {
    let subtle = subtle()?;
    let wrapping = passphrase_key(&subtle, passphrase, &keyring.salt, keyring.iterations).await?;
    unwrap(&subtle, keyring, &wrapping).await
}

/// The AES-GCM key shared by an ephemeral key and the teacher's (ECDH, then HKDF-SHA-256).
async fn shared_key(
    subtle: &SubtleCrypto,
    private: &CryptoKey,
    public: &PublicKey,
    ephemeral: &PublicKey,
    recipient: &PublicKey,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let unavailable = |_| CryptoError::Unavailable;
    let raw = Uint8Array::from(public.as_bytes().as_slice());
    let other: CryptoKey = wait(subtle.import_key_with_object("raw", &raw, &ecdh(), true, &usages(&[])))
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let derive = params(&[("name", "ECDH".into()), ("public", other.into())]);
    let secret = wait(subtle.derive_bits_with_object(&derive, private, 256)).await.map_err(unavailable)?;
    let secret = Uint8Array::new(&secret);
    let base: CryptoKey = wait(subtle.import_key_with_str("raw", &secret, "HKDF", false, &usages(&["deriveKey"])))
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let hkdf = params(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(&[])),
        ("info", bytes(&Envelope::hkdf_info(ephemeral, recipient))),
    ]);
    let aes = params(&[("name", "AES-GCM".into()), ("length", JsValue::from(256u32))]);
    let key = wait(subtle.derive_key_with_object_and_object(&hkdf, &base, &aes, false, &usages(&[usage])))
        .await
        .map_err(unavailable)?;
    Ok(key.unchecked_into())
}

/// Seals `payload` to the teacher's public key: no passphrase needed.
pub async fn seal(recipient: &PublicKey, payload: &Payload) -> Result<Envelope, CryptoError> {
    let subtle = subtle()?;
    let unavailable = |_| CryptoError::Unavailable;
    let (pair, ephemeral) = key_pair(&subtle, false).await?;
    let key = shared_key(&subtle, &pair.get_private_key(), recipient, &ephemeral, recipient, "encrypt").await?;
    let nonce = random::<NONCE_BYTES>()?;
    let plaintext = Uint8Array::from(payload.text.as_bytes());
    let ciphertext = wait(subtle.encrypt_with_object_and_buffer_source(
        &aes_gcm(&nonce, &Envelope::associated_data(payload.kind)),
        &key,
        &plaintext,
    ))
    .await
    .map_err(unavailable)?;
    Ok(Envelope { kind: payload.kind, ephemeral_public_key: ephemeral, nonce, ciphertext: to_vec(&ciphertext) })
}

/// Opens an envelope sealed to `keyring`'s public key; `None` when it does not open (damaged,
/// or sealed to another key).
pub async fn open(private: &PrivateKey, keyring: &Keyring, envelope: &Envelope) -> Option<Opened> {
    let subtle = subtle().ok()?;
    let key = shared_key(
        &subtle,
        &private.0,
        &envelope.ephemeral_public_key,
        &envelope.ephemeral_public_key,
        &keyring.public_key,
        "decrypt",
    )
    .await
    .ok()?;
    let ciphertext = Uint8Array::from(envelope.ciphertext.as_slice());
    let plaintext = wait(subtle.decrypt_with_object_and_buffer_source(
        &aes_gcm(&envelope.nonce, &Envelope::associated_data(envelope.kind)),
        &key,
        &ciphertext,
    ))
    .await
    .ok()?;
    Some(Opened { id: envelope.id(), kind: envelope.kind, plaintext: to_vec(&plaintext) })
}
