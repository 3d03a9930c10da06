//! The "Exit this page" keyboard shortcut, after GOV.UK's component: Shift pressed three times,
//! each press within five seconds of the previous one. Shift held as a modifier (Shift+A) does not
//! count. The browser adapter feeds key events and a clock in milliseconds; this decides.

/// Most time allowed between two presses.
pub const WINDOW_MS: f64 = 5_000.0;
pub const PRESSES: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftOutcome {
    /// Nothing to announce.
    Idle,
    /// `remaining` more presses exit the page.
    Counting {
        remaining: u8,
    },
    Exit,
}

#[derive(Debug, Default, Clone)]
pub struct ShiftCounter {
    presses: u8,
    last_press_ms: f64,
    /// Another key went down while Shift was held: this Shift is a modifier.
    used_as_modifier: bool,
    shift_down: bool,
}

impl ShiftCounter {
    pub fn key_down(&mut self, key: &str) {
        if key == "Shift" {
            self.shift_down = true;
            self.used_as_modifier = false;
        } else {
            if self.shift_down {
                self.used_as_modifier = true;
            }
            self.presses = 0;
        }
    }

    pub fn key_up(&mut self, key: &str, now_ms: f64) -> ShiftOutcome {
        if key != "Shift" {
            return ShiftOutcome::Idle;
        }
        self.shift_down = false;
        if self.used_as_modifier {
            self.presses = 0;
            return ShiftOutcome::Idle;
        }
        if self.presses > 0 && now_ms - self.last_press_ms > WINDOW_MS {
            self.presses = 0;
        }
        self.presses += 1;
        self.last_press_ms = now_ms;
        if self.presses >= PRESSES {
            self.presses = 0;
            ShiftOutcome::Exit
        } else {
            ShiftOutcome::Counting { remaining: PRESSES - self.presses }
        }
    }

    /// True when a started count has run out of time (to announce that it expired).
    pub fn expired(&mut self, now_ms: f64) -> bool {
        let expired = self.presses > 0 && now_ms - self.last_press_ms > WINDOW_MS;
        if expired {
            self.presses = 0;
        }
        expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(counter: &mut ShiftCounter, at: f64) -> ShiftOutcome {
        counter.key_down("Shift");
        counter.key_up("Shift", at)
    }

    #[test]
    fn three_shift_presses_within_the_window_exit() {
        let mut counter = ShiftCounter::default();
        assert_eq!(press(&mut counter, 0.0), ShiftOutcome::Counting { remaining: 2 });
        assert_eq!(press(&mut counter, 1_000.0), ShiftOutcome::Counting { remaining: 1 });
        assert_eq!(press(&mut counter, 5_900.0), ShiftOutcome::Exit);
    }

    #[test]
    fn a_slow_press_starts_counting_again() {
        let mut counter = ShiftCounter::default();
        press(&mut counter, 0.0);
        press(&mut counter, 1_000.0);
        assert_eq!(press(&mut counter, 6_001.0), ShiftOutcome::Counting { remaining: 2 });
    }

    #[test]
    fn shift_used_as_a_modifier_does_not_count() {
        let mut counter = ShiftCounter::default();
        press(&mut counter, 0.0);
        counter.key_down("Shift");
        counter.key_down("A");
        assert_eq!(counter.key_up("Shift", 100.0), ShiftOutcome::Idle);
        assert_eq!(press(&mut counter, 200.0), ShiftOutcome::Counting { remaining: 2 });
    }

    #[test]
    fn typing_between_presses_resets_the_count() {
        let mut counter = ShiftCounter::default();
        press(&mut counter, 0.0);
        press(&mut counter, 100.0);
        counter.key_down("b");
        assert_eq!(press(&mut counter, 200.0), ShiftOutcome::Counting { remaining: 2 });
    }

    #[test]
    fn an_unfinished_count_expires_once() {
        let mut counter = ShiftCounter::default();
        press(&mut counter, 0.0);
        assert!(!counter.expired(4_000.0));
        assert!(counter.expired(5_001.0));
        assert!(!counter.expired(9_000.0));
    }
}
