//! Random bytes from the browser's cryptographic generator, for participant codes, study ids and
//! xAPI ids. `Math.random` would be predictable enough to guess a classmate's code.

/// `None` when the browser has no `crypto.getRandomValues` (then no codes can be made safely).
pub fn bytes() -> Option<[u8; 8]> {
    array()
}

/// 16 bytes, for a UUID (an xAPI statement's id, an attempt's anonymous actor).
pub fn id_bytes() -> Option<[u8; 16]> {
    array()
}

fn array<const N: usize>() -> Option<[u8; N]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// Eight bytes that differ between windows: random where the browser can, else from the clock.
/// For ids that need only be distinct (a classroom window's), never for codes or study ids.
pub fn distinct_bytes() -> [u8; 8] {
    bytes().unwrap_or_else(|| js_sys::Date::now().to_bits().to_le_bytes())
}
