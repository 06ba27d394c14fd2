//! The logbook's pages: the overview ("de rode draad"), the list and search,
//! entries (writing, reading, changing), replies and reactions, and serving
//! photos and files. [`Card`] is an entry ready for a template.

mod attachments;
mod entries;
mod overview;
mod replies;
mod search;

pub use attachments::file;
pub use entries::{close, delete, edit, edit_form, history, new_form, show, write};
pub use overview::overview;
pub use replies::{delete_reply, react, reply};
pub use search::timeline;

use crate::i18n::Tr;
use samenspel_core::audience::Audience;
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::{AttachmentKind, Entry, EntryKind, Status};

/// An entry ready for a template: its text as safe HTML, a short version,
/// and who may see it in words.
pub struct Card {
    pub e: Entry,
    pub html: String,
    pub excerpt: String,
    pub visible_to: String,
    pub link: String,
    pub new: bool,
}

impl Card {
    pub fn new(tr: Tr, circle: &CircleId, e: Entry) -> Self {
        let visible_to = match e.audience {
            Audience::Chosen => {
                let names: Vec<&str> = e.chosen.iter().map(|p| p.name.as_str()).collect();
                tr.t1("audience-chosen-names", "names", names.join(", "))
            }
            a => tr.audience(&a),
        };
        Card {
            html: crate::text::to_html(&e.body),
            excerpt: crate::text::excerpt(&e.body, 180),
            link: format!("/circles/{circle}/logbook/{}", e.id),
            new: !e.seen_by_me,
            visible_to,
            e,
        }
    }

    pub fn is_thanks(&self) -> bool {
        self.e.kind == EntryKind::Thanks
    }

    /// The drawing on a thank-you card, if it has one.
    pub fn art(&self) -> Option<&'static str> {
        self.e.card.map(crate::cards::art)
    }

    pub fn thanked(&self) -> String {
        self.e.recipients.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    pub fn file_link(&self, attachment: &str, thumb: bool) -> String {
        format!("{}/files/{attachment}{}", self.link, if thumb { "?thumb=1" } else { "" })
    }

    pub fn is_image(&self, kind: &AttachmentKind) -> bool {
        *kind == AttachmentKind::Image
    }

    pub fn unresolved(&self) -> bool {
        self.e.status.unresolved()
    }

    pub fn answered(&self) -> bool {
        self.e.status == Status::Answered
    }
}

pub fn cards(tr: Tr, circle: &CircleId, entries: Vec<Entry>) -> Vec<Card> {
    entries.into_iter().map(|e| Card::new(tr, circle, e)).collect()
}
