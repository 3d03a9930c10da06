//! The pre/post awareness check (`check.html`).
fn main() {
    aware::start::<aware::app::check::CheckApp>();
}
