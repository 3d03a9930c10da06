fn main() {
    yew::Renderer::<aware::app::App>::new().render();
}
