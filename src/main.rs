fn main() {
    // An exit started on a later page of this tab may have stepped back to this one: finish it
    // before anything of the app is shown.
    if aware::platform::exit::finish_pending_exit() {
        return;
    }
    yew::Renderer::<aware::app::App>::new().render();
}
