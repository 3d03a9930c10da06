//! Today's date, and nothing finer: records keep the day only (see `aware_core::study::record`).

use aware_core::study::Date;

/// The device's local calendar day.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    u16::try_from(year)
        .ok()
        .and_then(|year| Date::new(year, month as u8, day as u8))
        .or_else(|| Date::new(2000, 1, 1))
        .expect("2000-01-01 is a date")
}

/// Milliseconds since the epoch, for measuring short intervals (a key pressed three times);
/// never stored.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Time since the presenter view opened, for the teacher's eyes only: read from the page's
/// monotonic clock (`performance.now()`, unaffected by the device's clock being set), held in the
/// presenter window and never stored, sent to the other window or shown to the class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stopwatch {
    started: f64,
}

fn monotonic_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch { started: monotonic_ms() }
    }

    /// Whole seconds since the start.
    pub fn elapsed_seconds(&self) -> u64 {
        ((monotonic_ms() - self.started).max(0.0) / 1000.0) as u64
    }
}
