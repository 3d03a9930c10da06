//! The teacher's screens (`teacher.html`).
fn main() {
    aware::start::<aware::app::teacher::TeacherApp>();
}
