//! The student's bundle: lessons, quizzes, scenarios and "Get help" (`index.html`).
fn main() {
    aware::start::<aware::app::student::StudentApp>();
}
