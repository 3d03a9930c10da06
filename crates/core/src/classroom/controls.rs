//! What a key press or a swipe means in a presented lesson: the rules behind the present and
//! presenter views' keyboard, clicker and touch controls, kept out of the browser code so they
//! are tested here.
//!
//! **Keys.** → and Space go to the next screen, ← back; a presentation clicker sends Page Down
//! and Page Up (some send the arrows), so those work too. B blanks the projector (and shows it
//! again), as does `.`, which many clickers send from their "black screen" button. F asks for full
//! screen, Esc leaves the present view. Letters are matched whatever the case or keyboard layout
//! gives for them (`b` and `B`; a Mongolian layout gives Cyrillic letters, so the physical key
//! is passed too).
//!
//! **Where focus is** decides what a key may mean ([`Focus`]): typing a count in a number box
//! must not turn the page, and Space on a focused button presses the button. So nothing is taken
//! from a text field, and Space is left to a focused control. Keys held with Ctrl, Alt or Meta
//! are the browser's and the system's (Ctrl+F finds, Alt+← goes back); an auto-repeated key
//! (held down) is ignored, so one press is one screen.
//!
//! **Swipes.** A touch that moves mostly sideways by at least [`SWIPE_MIN_PX`] pixels turns the
//! page: to the left is next, to the right back, as a page of a book. A short or mostly vertical
//! movement (scrolling, a tap) is not a swipe.

/// What a key press or swipe asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Next,
    Back,
    /// Blank the projector, or show it again.
    ToggleBlank,
    /// Full screen on, or off.
    ToggleFullScreen,
    /// Leave the present view.
    Leave,
}

/// Where the keyboard focus is when a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A text or number field, a list box, anything editable: every key is for it.
    Editing,
    /// A button, link or other control: Space and Enter are for it.
    Control,
    /// Anywhere else (the page itself).
    Page,
}

/// A key press as the browser reports it (`KeyboardEvent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `key`: the character or key name ("b", "B", "ArrowRight", " ").
    pub key: &'a str,
    /// `code`: the physical key ("KeyB"), whatever the layout.
    pub code: &'a str,
    /// Ctrl, Alt or Meta held (Shift is not: it makes capitals).
    pub modified: bool,
    /// Sent again because the key is held down.
    pub repeat: bool,
    pub focus: Focus,
}

/// The command a key press asks for, if any.
pub fn key_command(press: KeyPress) -> Option<Command> {
    if press.modified || press.repeat || press.focus == Focus::Editing {
        return None;
    }
    let letter = |lower: &str, code: &str| press.key.eq_ignore_ascii_case(lower) || press.code == code;
    match press.key {
        "ArrowRight" | "PageDown" => Some(Command::Next),
        " " | "Spacebar" if press.focus == Focus::Page => Some(Command::Next),
        "ArrowLeft" | "PageUp" => Some(Command::Back),
        "." => Some(Command::ToggleBlank),
        "Escape" | "Esc" => Some(Command::Leave),
        _ if letter("b", "KeyB") => Some(Command::ToggleBlank),
        _ if letter("f", "KeyF") => Some(Command::ToggleFullScreen),
        _ => None,
    }
}

/// How far a finger must move sideways for a swipe, in CSS pixels: well beyond a tap's wobble.
pub const SWIPE_MIN_PX: f64 = 60.0;

/// The command a touch that moved by `(dx, dy)` CSS pixels asks for, if it was a swipe.
pub fn swipe_command(dx: f64, dy: f64) -> Option<Command> {
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < SWIPE_MIN_PX || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { Command::Next } else { Command::Back })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &'static str, code: &'static str, focus: Focus) -> KeyPress<'static> {
        KeyPress { key, code, modified: false, repeat: false, focus }
    }

    #[test]
    fn keys_and_clicker_keys_turn_pages_blank_and_leave() {
        let check = |key: &'static str, code: &'static str, focus: Focus, expected: Option<Command>| {
            assert_eq!(key_command(press(key, code, focus)), expected, "{key:?} ({code}) on {focus:?}");
        };
        use Command::*;
        use Focus::*;
        check("ArrowRight", "ArrowRight", Page, Some(Next));
        check("PageDown", "PageDown", Page, Some(Next));
        check(" ", "Space", Page, Some(Next));
        check("ArrowLeft", "ArrowLeft", Page, Some(Back));
        check("PageUp", "PageUp", Page, Some(Back));
        check("b", "KeyB", Page, Some(ToggleBlank));
        check("B", "KeyB", Page, Some(ToggleBlank));
        check(".", "Period", Page, Some(ToggleBlank));
        check("f", "KeyF", Page, Some(ToggleFullScreen));
        check("F", "KeyF", Page, Some(ToggleFullScreen));
        check("Escape", "Escape", Page, Some(Leave));
        // A Mongolian layout: the B key gives "и", the F key "ф"; the physical key counts.
        check("и", "KeyB", Page, Some(ToggleBlank));
        check("ф", "KeyF", Page, Some(ToggleFullScreen));
        check("a", "KeyA", Page, None);
        check("Enter", "Enter", Page, None);
        // On a button, arrows still turn pages but Space presses the button.
        check("ArrowRight", "ArrowRight", Control, Some(Next));
        check(" ", "Space", Control, None);
        // In a number box, every key is for typing.
        check("ArrowRight", "ArrowRight", Editing, None);
        check("b", "KeyB", Editing, None);
        check("Escape", "Escape", Editing, None);
    }

    #[test]
    fn keys_with_ctrl_alt_or_meta_and_held_keys_are_left_alone() {
        let modified = KeyPress { modified: true, ..press("ArrowLeft", "ArrowLeft", Focus::Page) };
        assert_eq!(key_command(modified), None);
        let find = KeyPress { modified: true, ..press("f", "KeyF", Focus::Page) };
        assert_eq!(key_command(find), None);
        let held = KeyPress { repeat: true, ..press("ArrowRight", "ArrowRight", Focus::Page) };
        assert_eq!(key_command(held), None);
    }

    #[test]
    fn a_long_sideways_movement_is_a_swipe_and_a_tap_or_scroll_is_not() {
        let check = |dx: f64, dy: f64, expected: Option<Command>| {
            assert_eq!(swipe_command(dx, dy), expected, "({dx}, {dy})");
        };
        check(-120.0, 10.0, Some(Command::Next));
        check(120.0, -10.0, Some(Command::Back));
        check(-SWIPE_MIN_PX, 0.0, Some(Command::Next));
        check(-SWIPE_MIN_PX + 1.0, 0.0, None);
        check(5.0, 3.0, None);
        // Mostly vertical: scrolling.
        check(-100.0, 80.0, None);
        check(f64::NAN, 0.0, None);
        check(f64::INFINITY, 0.0, None);
    }
}
