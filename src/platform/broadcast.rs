//! A `BroadcastChannel`: text messages between the app's windows on this device (the classroom's
//! presenter and audience views). Messages never leave the browser; what they say, and how what
//! arrives is checked, is `aware_core::classroom::protocol`'s.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{BroadcastChannel, MessageEvent};

/// An open channel; closed when dropped.
pub struct Channel {
    channel: BroadcastChannel,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl Channel {
    /// Opens channel `name`, calling `on_message` with the text of each message another window
    /// posts (anything but text is ignored). `None` where the browser has no `BroadcastChannel`:
    /// each window then works alone.
    pub fn open(name: &str, on_message: impl Fn(String) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(name).ok()?;
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                on_message(text);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel { channel, _on_message: on_message })
    }

    /// Posts `text` to the other windows on the channel (never to this one). A message the
    /// browser refuses is dropped: the heartbeat makes good what is lost.
    pub fn post(&self, text: &str) {
        let _ = self.channel.post_message(&text.into());
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
