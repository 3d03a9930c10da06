//! The embedded quiz's side of the conversation with the page around it: whom it may talk to
//! ([`ParentLink`]), and what waits until it may.
//!
//! Things happen before the parent's `hello` arrives: the quiz may be on screen, and even
//! started, while the campaign's page is still loading `embed.js`. The child may not send
//! anything before a listed parent has introduced itself, so its events wait here (at most
//! [`WAITING`], the first kept) and its latest height is remembered. An accepted `hello` is
//! answered with `ready`, the height and then every waiting event, in order. The parent repeats
//! `hello` until `ready` arrives; a repeated one is answered with `ready` and the height again,
//! never with an event already sent.

use super::{ChildMessage, Height, ParentLink, Refusal};
use crate::deployment::Origin;

/// The most events kept while no parent has said `hello`: more than a quiz makes before
/// anyone could have answered it.
pub const WAITING: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Channel {
    link: ParentLink,
    waiting: Vec<ChildMessage>,
    /// The content's latest height, sent or not.
    height: Option<Height>,
}

impl Channel {
    pub fn new() -> Channel {
        Channel::default()
    }

    /// A message event from `window.parent` (the app checks `event.source` itself): its origin
    /// and its data as JSON text. `Ok` holds what to post to [`Channel::parent`] in answer, in
    /// order; a refused message is answered with nothing.
    pub fn hear(&mut self, origin: &str, data: &str, allowed: &[Origin]) -> Result<Vec<ChildMessage>, Refusal> {
        self.link.hear(origin, data, allowed)?;
        let mut answer = vec![ChildMessage::Ready];
        answer.extend(self.height.map(|height| ChildMessage::Resize { height }));
        answer.append(&mut self.waiting);
        Ok(answer)
    }

    /// The message to post to [`Channel::parent`] now, or `None`: before a parent has said
    /// `hello` an event waits and a height is remembered; a height equal to the last one is
    /// not sent again.
    pub fn send(&mut self, message: ChildMessage) -> Option<ChildMessage> {
        if let ChildMessage::Resize { height } = message {
            let unchanged = self.height.replace(height) == Some(height);
            return (self.link.parent().is_some() && !unchanged).then_some(message);
        }
        if self.link.parent().is_some() {
            return Some(message);
        }
        if self.waiting.len() < WAITING {
            self.waiting.push(message);
        }
        None
    }

    /// The only origin the child posts to; `None` until a listed parent has said `hello`.
    pub fn parent(&self) -> Option<&Origin> {
        self.link.parent()
    }
}
