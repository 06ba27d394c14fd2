//! The logbook (dagboek): entries of several kinds, each with an audience,
//! with replies, reactions and read receipts.

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::{FieldError, Validator};
use crate::ids::{CircleId, MemberId};
use crate::keys::keys;
use crate::role::Role;
use serde::Serialize;

keys! {
    /// What kind of entry someone writes.
    #[derive(Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EntryKind {
        /// Update: what was done, how it went.
        Update = "update",
        /// Mooi moment: a meaningful moment.
        Moment = "moment",
        /// Observatie / zorg: a concern; stays open until answered or closed.
        Concern = "concern",
        /// Vraag: a question; stays open until answered or closed.
        Question = "question",
        /// Bedankje: appreciation addressed to one or more members.
        Thanks = "thanks",
    }
}

impl EntryKind {
    /// Concerns and questions stay open until someone answers or closes them.
    pub fn stays_open(self) -> bool {
        matches!(self, EntryKind::Concern | EntryKind::Question)
    }

    /// Told at once (not only in the digest) to those who want that.
    pub fn notifies_immediately(self) -> bool {
        matches!(self, EntryKind::Concern | EntryKind::Question | EntryKind::Thanks)
    }
}

keys! {
    /// The picture on a thank-you card, from a small fixed set.
    #[derive(Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Card {
        Sun = "sun",
        Flower = "flower",
        Heart = "heart",
        Coffee = "coffee",
        Star = "star",
    }
}

/// Where an open item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not a concern or question.
    None,
    /// Nobody else has replied yet.
    Open,
    /// Someone other than the writer replied; not closed yet.
    Answered,
    /// Closed by someone (recorded with who and when).
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::None => "none",
            Status::Open => "open",
            Status::Answered => "answered",
            Status::Closed => "closed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Status::None, Status::Open, Status::Answered, Status::Closed].into_iter().find(|s| s.as_str() == raw)
    }

    pub fn unresolved(self) -> bool {
        matches!(self, Status::Open | Status::Answered)
    }
}

keys! {
    /// The small set of reactions.
    #[derive(Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Reaction {
        Thanks = "thanks",
        Seen = "seen",
        Heart = "heart",
    }
}

/// A member as shown next to what they wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    pub member_id: MemberId,
    pub name: String,
    pub role: Role,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttachmentInfo {
    pub id: String,
    pub kind: AttachmentKind,
    pub content_type: String,
    pub file_name: String,
    pub byte_size: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Image,
    Pdf,
}

impl AttachmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Image => "image",
            AttachmentKind::Pdf => "pdf",
        }
    }
}

/// One entry as a reader sees it. A removed entry keeps its place as a
/// tombstone: `body` is empty and `deleted` says who removed it and when.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub id: String,
    pub circle_id: CircleId,
    pub kind: EntryKind,
    pub audience: Audience,
    /// With a `Chosen` audience: the chosen members.
    pub chosen: Vec<Person>,
    /// With `Thanks`: whom it thanks.
    pub recipients: Vec<Person>,
    pub author: Person,
    pub body: String,
    pub created_at: Timestamp,
    pub edited_at: Option<Timestamp>,
    pub revision: i64,
    pub deleted: Option<Stamp>,
    pub status: Status,
    pub closed: Option<Stamp>,
    pub reply_count: i64,
    pub attachments: Vec<AttachmentInfo>,
    /// Reactions by kind: how many, and whether one is mine.
    pub reactions: Vec<ReactionCount>,
    /// Has the reader seen this entry before?
    pub seen_by_me: bool,
    /// With `Thanks`: the picture on the card, if the writer chose one.
    pub card: Option<Card>,
}

/// Who did something, and when.
#[derive(Clone, Debug, Serialize)]
pub struct Stamp {
    pub by: String,
    pub at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReactionCount {
    pub reaction: Reaction,
    pub count: i64,
    pub mine: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Reply {
    pub id: String,
    pub author: Person,
    pub body: String,
    pub created_at: Timestamp,
    pub deleted: Option<Stamp>,
}

/// An earlier version of an entry's text.
#[derive(Clone, Debug, Serialize)]
pub struct Revision {
    pub revision: i64,
    pub body: String,
    pub written_at: Timestamp,
}

/// Who in the entry's audience has seen it.
#[derive(Clone, Debug, Serialize)]
pub struct SeenBy {
    pub seen: Vec<(Person, Timestamp)>,
    /// Audience members who have not seen it yet.
    pub not_yet: Vec<Person>,
}

/// What someone writes.
#[derive(Clone, Debug)]
pub struct NewEntry {
    pub kind: EntryKind,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub recipients: Vec<MemberId>,
    pub body: String,
    /// With `Thanks`: a picture for the card.
    pub card: Option<Card>,
    /// The wellbeing goal this entry tells about (progress), if any.
    pub goal: Option<String>,
}

pub const MAX_BODY: usize = 10_000;
pub const MAX_REPLY: usize = 4_000;

impl NewEntry {
    /// Checks the text and the people. `members` are the circle's active
    /// members; `has_files` allows an entry that is only photos.
    pub fn validate(&self, members: &[MemberId], has_files: bool) -> Result<(), crate::Error> {
        let mut v = Validator::new();
        v.check(body("body", &self.body, MAX_BODY, has_files));
        if self.audience == Audience::Chosen && self.chosen.is_empty() {
            v.push("chosen", "audience-chosen-empty");
        }
        if self.chosen.iter().chain(&self.recipients).any(|m| !members.contains(m)) {
            v.push("chosen", "member-unknown");
        }
        if self.kind == EntryKind::Thanks && self.recipients.is_empty() {
            v.push("recipients", "thanks-recipients-empty");
        }
        if self.kind != EntryKind::Thanks && self.card.is_some() {
            v.push("card", "card-only-for-thanks");
        }
        if self.kind != EntryKind::Thanks && !self.recipients.is_empty() {
            v.push("recipients", "recipients-only-for-thanks");
        }
        if self.audience == Audience::Chosen && self.recipients.iter().any(|r| !self.chosen.contains(r)) {
            v.push("recipients", "recipients-outside-audience");
        }
        v.finish()
    }
}

/// Text of an entry or reply: trimmed, within the limit, and not empty
/// unless the entry carries files.
pub fn body(field: &'static str, raw: &str, max: usize, may_be_empty: bool) -> Result<String, FieldError> {
    let text = crate::validate::plain_text(raw);
    if text.is_empty() && !may_be_empty {
        return Err(FieldError::new(field, "text-required"));
    }
    if text.chars().count() > max {
        return Err(FieldError::new(field, "text-too-long"));
    }
    Ok(text)
}

/// A position in the timeline, for keyset pagination: entries strictly
/// older than (created_at, id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: i64,
    pub id: String,
}

impl Cursor {
    /// `1732000000000.0193…` — opaque to clients.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.created_at, self.id)
    }

    pub fn decode(raw: &str) -> Option<Cursor> {
        let (ms, id) = raw.split_once('.')?;
        let created_at = ms.parse().ok()?;
        // Ids are stored hyphenated and lowercase; the keyset comparison is
        // on that text, so any other spelling of the same id is rewritten.
        let id = crate::ids::CircleId::parse(id)?;
        Some(Cursor { created_at, id: id.as_str().to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: &str) -> MemberId {
        MemberId::from_db(n.into())
    }

    #[test]
    fn names_round_trip() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::parse(k.as_str()), Some(k));
        }
        for r in Reaction::ALL {
            assert_eq!(Reaction::parse(r.as_str()), Some(r));
        }
        for s in [Status::None, Status::Open, Status::Answered, Status::Closed] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn only_concerns_and_questions_stay_open() {
        let open: Vec<_> = EntryKind::ALL.into_iter().filter(|k| k.stays_open()).collect();
        assert_eq!(open, vec![EntryKind::Concern, EntryKind::Question]);
    }

    #[test]
    fn validation() {
        let members = [m("a"), m("b")];
        let ok = NewEntry {
            kind: EntryKind::Update,
            audience: Audience::Circle,
            chosen: vec![],
            recipients: vec![],
            body: "Goed gegaan".into(),
            card: None,
            goal: None,
        };
        assert!(ok.validate(&members, false).is_ok());
        let card = NewEntry { card: Some(Card::Sun), ..ok.clone() };
        assert!(card.validate(&members, false).is_err(), "a picture only on a thank-you card");
        let thanks_card =
            NewEntry { kind: EntryKind::Thanks, recipients: vec![m("b")], card: Some(Card::Sun), ..ok.clone() };
        assert!(thanks_card.validate(&members, false).is_ok());
        let empty = NewEntry { body: "   ".into(), ..ok.clone() };
        assert!(empty.validate(&members, false).is_err());
        assert!(empty.validate(&members, true).is_ok(), "a photo alone is fine");
        let thanks = NewEntry { kind: EntryKind::Thanks, ..ok.clone() };
        assert!(thanks.validate(&members, false).is_err(), "thanks need someone to thank");
        let stranger = NewEntry { kind: EntryKind::Thanks, recipients: vec![m("x")], ..ok.clone() };
        assert!(stranger.validate(&members, false).is_err());
        let outside = NewEntry {
            kind: EntryKind::Thanks,
            audience: Audience::Chosen,
            chosen: vec![m("a")],
            recipients: vec![m("b")],
            ..ok.clone()
        };
        assert!(outside.validate(&members, false).is_err(), "thanking someone who cannot see it");
        let chosen_empty = NewEntry { audience: Audience::Chosen, ..ok };
        assert!(chosen_empty.validate(&members, false).is_err());
    }

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let c = Cursor { created_at: 1_732_000_000_000, id: "0193a0e0-0000-7000-8000-000000000000".into() };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("abc"), None);
        assert_eq!(Cursor::decode("12.' OR 1=1"), None);
    }
}
