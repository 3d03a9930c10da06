//! Sealing and opening a teacher's data with the platform's WebCrypto: what the check and teacher
//! bundles pass to [`DeviceProvider`](super::DeviceProvider) as their [`Sealer`](super::Sealer),
//! and how the teacher's area is set up and unlocked. The student's bundle never refers to this
//! module, so it links no cryptography.

use aware_core::store::{Envelope, Keyring, Opened, Payload, SealRequest, SetUpOutcome};

use super::device::Device;
use crate::platform::crypto::{self, CryptoError, PrivateKey};

async fn seal_all(keyring: &Keyring, payloads: &[Payload]) -> Result<Vec<Envelope>, CryptoError> {
    let mut envelopes = Vec::with_capacity(payloads.len());
    for payload in payloads {
        envelopes.push(crypto::seal(&keyring.public_key, payload).await?);
    }
    Ok(envelopes)
}

/// Seals what a verb asked for to the device's teacher key and keeps the envelopes. Needs no
/// passphrase: a student's hand-in is sealed as it is made.
pub fn seal(device: Device, request: SealRequest) {
    let Some(keyring) = device.read(|store| store.keyring().cloned()) else { return };
    yew::platform::spawn_local(async move {
        match request {
            SealRequest::Append(payloads) => {
                if let Ok(envelopes) = seal_all(&keyring, &payloads).await {
                    device.act(|store| store.append_sealed(envelopes));
                }
            }
            SealRequest::Replace { consumed, payloads } => {
                if let Ok(envelopes) = seal_all(&keyring, &payloads).await {
                    device.act(|store| store.replace_sealed(consumed, envelopes));
                }
            }
        }
    });
}

/// Seals what the device still holds in the clear (from before the set-up, or written by an
/// older tab), then removes it from the clear.
async fn seal_plain(device: &Device, keyring: &Keyring) {
    let Some(plain) = device.read(|store| store.plain_to_seal()) else { return };
    if let Ok(envelopes) = seal_all(keyring, &plain.payloads).await {
        device.act(|store| store.seal_plain(plain, envelopes));
    }
}

/// Opens every envelope not yet opened and shows the teacher's data.
async fn open_all(device: &Device, keyring: &Keyring, key: &PrivateKey) {
    let unopened: Vec<Envelope> = device.read(|store| store.unopened().into_iter().cloned().collect());
    let mut opened: Vec<Opened> = Vec::with_capacity(unopened.len());
    for envelope in &unopened {
        if let Some(payload) = crypto::open(key, keyring, envelope).await {
            opened.push(payload);
        }
    }
    device.act(|store| store.unlock(opened));
}

/// Sets up the teacher's area with `passphrase` and opens it.
pub async fn set_up(device: &Device, passphrase: &str) -> Result<PrivateKey, CryptoError> {
    let (keyring, key) = crypto::set_up(passphrase).await?;
    let kept = device.act(|store| store.set_up_teacher(keyring));
    // Another tab may have set one up first: its keyring stands, and this passphrase is not it.
    let Some(stored) = device.read(|store| store.keyring().cloned()) else { return Err(CryptoError::Unavailable) };
    if kept == SetUpOutcome::AlreadySetUp {
        return Err(CryptoError::WrongPassphrase);
    }
    open_all(device, &stored, &key).await;
    seal_plain(device, &stored).await;
    // Sealed results are lost if the browser clears its storage to free space: ask it not to.
    // Its answer is shown on "Data on this device".
    crate::platform::storage::ask_to_persist().await;
    Ok(key)
}

/// Opens the teacher's area if `passphrase` is the teacher's.
pub async fn unlock(device: &Device, passphrase: &str) -> Result<PrivateKey, CryptoError> {
    let Some(keyring) = device.read(|store| store.keyring().cloned()) else { return Err(CryptoError::Unavailable) };
    let key = crypto::unlock(&keyring, passphrase).await?;
    open_all(device, &keyring, &key).await;
    seal_plain(device, &keyring).await;
    Ok(key)
}

/// Opens envelopes appended since the area was opened (by another tab, or a student's hand-in).
pub async fn refresh(device: &Device, key: &PrivateKey) {
    if let Some(keyring) = device.read(|store| store.keyring().cloned()) {
        open_all(device, &keyring, key).await;
    }
}
