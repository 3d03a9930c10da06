//! The keyring and envelope codecs: round trips, versions, and no panic on any input.

use super::envelope::{LogError, MAX_ENVELOPES};
use super::keyring::{self, KeyringError};
use super::*;
use crate::rng::SplitMix64;

fn key(n: u8) -> PublicKey {
    let mut bytes = [n; PublicKey::BYTES];
    bytes[0] = 0x04;
    PublicKey::from_bytes(&bytes).expect("uncompressed")
}

fn keyring() -> Keyring {
    Keyring {
        public_key: key(1),
        salt: vec![2; 16],
        iterations: keyring::ITERATIONS,
        wrap_nonce: [3; NONCE_BYTES],
        wrapped_private_key: vec![4; 154],
    }
}

fn log() -> SealedLog {
    SealedLog {
        envelopes: vec![
            Envelope {
                kind: PayloadKind::Results,
                ephemeral_public_key: key(5),
                nonce: [6; 12],
                ciphertext: vec![7; 16],
            },
            Envelope {
                kind: PayloadKind::Studies,
                ephemeral_public_key: key(8),
                nonce: [9; 12],
                ciphertext: vec![1; 300],
            },
            Envelope {
                kind: PayloadKind::Sessions,
                ephemeral_public_key: key(2),
                nonce: [3; 12],
                ciphertext: vec![4; 50],
            },
        ],
    }
}

#[test]
fn results_and_studies_stay_in_version_1_envelopes_and_sessions_take_version_2() {
    let text = log().encode();
    assert!(text.contains(r#"{"version":1,"kind":"results""#));
    assert!(text.contains(r#"{"version":1,"kind":"studies""#));
    assert!(text.contains(r#"{"version":2,"kind":"sessions""#));
    // An app from before sessions reads a version above its own as newer, not as damage
    // (`LogError::UnsupportedVersion(v)` with `v > LOG_VERSION`), and leaves the log alone.
    let without_sessions = SealedLog { envelopes: log().envelopes[..2].to_vec() }.encode();
    assert!(!without_sessions.contains(r#""version":2"#));
    for kind in PayloadKind::ALL {
        let data = String::from_utf8(Envelope::associated_data(kind)).expect("text");
        assert_eq!(data, format!("aware-sealed/{}/{}", kind.envelope_version(), kind.as_str()));
    }
}

#[test]
fn a_keyring_and_a_log_read_back_exactly_as_written() {
    assert_eq!(Keyring::decode(&keyring().encode()), Ok(keyring()));
    assert_eq!(SealedLog::decode(&log().encode()), Ok(log()));
    assert_eq!(SealedLog::decode(&SealedLog::default().encode()), Ok(SealedLog::default()));
}

#[test]
fn the_keyring_format_names_its_algorithms_and_version() {
    let text = keyring().encode();
    for field in [
        r#""format":"aware-teacher-keyring""#,
        r#""version":1"#,
        r#""seal":"ECDH-P256/HKDF-SHA-256/AES-256-GCM""#,
        r#""wrap":"PBKDF2-SHA-256/AES-256-GCM""#,
        r#""iterations":600000"#,
    ] {
        assert!(text.contains(field), "{field} in {text}");
    }
}

fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from} in {text}");
    text.replacen(from, to, 1)
}

#[test]
fn a_keyring_this_version_would_not_write_is_refused() {
    let text = keyring().encode();
    let malformed = |changed: String| {
        assert!(matches!(Keyring::decode(&changed), Err(KeyringError::Malformed(_))), "{changed}");
    };
    malformed(replace(&text, "ECDH-P256", "ECDH-P384"));
    malformed(replace(&text, "PBKDF2-SHA-256", "PBKDF2-SHA-1"));
    malformed(replace(&text, "600000", "1000"));
    malformed(replace(&text, "600000", "99999999999"));
    malformed(replace(&text, r#""salt":"AgICAgICAgICAgICAgICAg==""#, r#""salt":"AgIC""#));
    malformed(replace(&text, r#""format":"aware-teacher-keyring""#, r#""format":"aware-results""#));
    malformed(replace(&text, r#""version":1,"#, r#""version":1,"passphrase":"x","#));
    malformed(text.replacen("BAEB", "BQEB", 1));
    assert_eq!(
        Keyring::decode(&replace(&text, r#""version":1"#, r#""version":2"#)),
        Err(KeyringError::UnsupportedVersion(2))
    );
    assert_eq!(Keyring::decode(&" ".repeat(keyring::MAX_BYTES + 1)), Err(KeyringError::TooLarge));
}

#[test]
fn a_log_with_an_envelope_this_version_would_not_write_is_refused() {
    let text = log().encode();
    assert!(matches!(
        SealedLog::decode(&replace(&text, r#""kind":"studies""#, r#""kind":"names""#)),
        Err(LogError::Malformed(_))
    ));
    assert!(matches!(SealedLog::decode(&replace(&text, "BgYGBgYGBgYGBgYG", "BgYG")), Err(LogError::Malformed(_))));
    let short_tag = replace(&text, r#""ciphertext":"BwcHBwcHBwcHBwcHBwcHBw==""#, r#""ciphertext":"BwcH""#);
    assert!(matches!(SealedLog::decode(&short_tag), Err(LogError::Malformed(_))));
    let newer_envelope = replace(&text, r#"{"version":1,"kind":"studies""#, r#"{"version":3,"kind":"studies""#);
    assert_eq!(SealedLog::decode(&newer_envelope), Err(LogError::UnsupportedVersion(3)));
    // Each kind has its one version: a relabelled version is damage, not a newer envelope.
    let studies_as_2 = replace(&text, r#"{"version":1,"kind":"studies""#, r#"{"version":2,"kind":"studies""#);
    assert!(matches!(SealedLog::decode(&studies_as_2), Err(LogError::Malformed(_))));
    let sessions_as_1 = replace(&text, r#"{"version":1,"kind":"studies""#, r#"{"version":1,"kind":"sessions""#);
    assert!(matches!(SealedLog::decode(&sessions_as_1), Err(LogError::Malformed(_))));
    let many = SealedLog { envelopes: vec![log().envelopes[0].clone(); MAX_ENVELOPES + 1] };
    assert_eq!(SealedLog::decode(&many.encode()), Err(LogError::TooMany));
}

#[test]
fn decoders_never_panic_on_damaged_or_random_input() {
    let mut rng = SplitMix64(11);
    let samples = [keyring().encode(), log().encode()];
    for round in 0..4_000 {
        let sample = &samples[round % 2];
        let mut bytes = sample.clone().into_bytes();
        rng.damage(&mut bytes, b"{}[]\",:0-e\\");
        let text = String::from_utf8_lossy(&bytes);
        // Whatever is accepted is exactly what encoding it writes back.
        if let Ok(keyring) = Keyring::decode(&text) {
            assert_eq!(Keyring::decode(&keyring.encode()), Ok(keyring));
        }
        if let Ok(log) = SealedLog::decode(&text) {
            assert_eq!(SealedLog::decode(&log.encode()), Ok(log));
        }
    }
}

#[test]
fn the_sealing_inputs_bind_the_kind_and_both_keys() {
    assert_ne!(Envelope::associated_data(PayloadKind::Results), Envelope::associated_data(PayloadKind::Studies));
    assert_eq!(Envelope::associated_data(PayloadKind::Results), b"aware-sealed/1/results");
    let info = Envelope::hkdf_info(&key(1), &key(2));
    assert_eq!(info.len(), "aware-sealed/1".len() + 2 * PublicKey::BYTES);
    assert_ne!(info, Envelope::hkdf_info(&key(2), &key(1)));
    assert!(Keyring::wrap_associated_data(&key(1)).ends_with(key(1).as_bytes()));
}

#[test]
fn the_log_merge_keeps_what_either_side_appended_and_drops_what_either_consumed() {
    let [a, b] = [log().envelopes[0].clone(), log().envelopes[1].clone()];
    let c = Envelope { nonce: [42; 12], ..a.clone() };
    let logged = |envelopes: &[&Envelope]| SealedLog { envelopes: envelopes.iter().map(|e| (*e).clone()).collect() };
    let base = logged(&[&a, &b]);
    // Ours consumed `a` (a compaction); theirs appended `c`.
    let merged = SealedLog::merge(&base, &logged(&[&b]), &logged(&[&a, &b, &c]));
    assert_eq!(merged, logged(&[&b, &c]));
    let merged = SealedLog::merge(&base, &logged(&[&a, &b, &c]), &logged(&[&b]));
    assert_eq!(merged, logged(&[&b, &c]));
}

#[test]
fn opened_payloads_become_results_and_studies_newest_study_first() {
    use crate::study::{Code, Date, StudyEntry, StudyId, TeacherStudies};
    let entry = |n: u8| StudyEntry {
        id: StudyId::generate(&[n; 8]),
        label: format!("{n}"),
        created: Date::new(2026, 1, n).expect("a day"),
        codes: vec![Code::generate(&[n; 8])],
        secret: None,
    };
    let studies = |entries: Vec<StudyEntry>| TeacherStudies { studies: entries }.encode().into_bytes();
    let id = |n: u8| Envelope { nonce: [n; 12], ..log().envelopes[0].clone() }.id();
    let data = open([
        Opened { id: id(1), kind: PayloadKind::Studies, plaintext: studies(vec![entry(1)]) },
        Opened { id: id(2), kind: PayloadKind::Studies, plaintext: studies(vec![entry(2), entry(1)]) },
        Opened { id: id(3), kind: PayloadKind::Studies, plaintext: b"\xff".to_vec() },
    ]);
    assert_eq!(data.studies.studies, [entry(2), entry(1)]);
    assert_eq!(data.opened.into_iter().collect::<Vec<_>>(), [id(1), id(2)]);
    assert!(matches!(data.problems.as_slice(), [OpenProblem::Studies { .. }]));
}
