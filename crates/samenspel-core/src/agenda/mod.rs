//! The circle's agenda and rota: appointments (also those the client has
//! elsewhere, such as the GP), activities, and shifts that need someone.
//! Every item is a [`Series`] in the circle's time zone, so one form makes a
//! one-off visit or "every Tuesday evening"; a shift says how many people it
//! needs, and members sign up for its occurrences themselves.

use crate::Timestamp;
use crate::audience::Audience;
use crate::ids::MemberId;
use crate::keys::keys;
use crate::recurrence::Series;
use jiff::civil::Date;

keys! {
    /// What an item is.
    #[derive(Hash)]
    pub enum Kind {
        /// An appointment: the GP, the hospital, the hairdresser.
        Appointment = "appointment",
        /// Something to do together: a walk, a birthday, a family evening.
        Activity = "activity",
        /// A shift or visit that needs someone: "Tuesday evening company".
        Shift = "shift",
    }
}

pub const MAX_TITLE: usize = 120;
pub const MAX_PLACE: usize = 200;
pub const MAX_NOTES: usize = 4_000;
/// A shift needs at most this many people; more is an event, not a shift.
pub const MAX_PLACES: u32 = 50;
pub const MAX_COUNT: u32 = 500;
pub const MAX_INTERVAL: u16 = 52;
pub const MAX_WHOLE_DAYS: u16 = 31;

/// An item as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub place: String,
    pub notes: String,
    /// An appointment the client has elsewhere, entered so members can look along.
    pub elsewhere: bool,
    pub series: Series,
    /// For a shift: how many people each occurrence needs. Zero otherwise.
    pub places: u32,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    /// Members who go along (appointments and activities).
    pub along: Vec<(MemberId, String)>,
    pub created_by: MemberId,
    pub created_by_name: String,
    pub updated_at: Timestamp,
    /// Goes up with every change, for calendar apps (iCalendar SEQUENCE).
    pub revision: u32,
}

/// Someone signed up for one occurrence of a shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignUp {
    pub item_id: String,
    /// The occurrence's original date (see [`crate::recurrence::Occurrence::original`]).
    pub on: Date,
    pub member_id: MemberId,
    pub name: String,
    /// The member confirmed after the reminder.
    pub confirmed: bool,
}

/// A proposed swap: `from` hands their place in one occurrence to `to`,
/// optionally taking one of `to`'s occurrences in return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    pub id: String,
    pub item_id: String,
    pub on: Date,
    pub from: MemberId,
    pub from_name: String,
    pub to: MemberId,
    pub to_name: String,
    /// The occurrence `from` takes in return: (item id, date).
    pub in_return: Option<(String, Date)>,
    pub created_at: Timestamp,
}

/// Is `d` a day an item may start on, run until, or move to? Items belong
/// to the years around now (see [`crate::recurrence::EARLIEST`]); a date in
/// year 1 or 9999 is a typing error, and would make every read of the
/// agenda work through centuries.
pub fn in_range(d: Date) -> bool {
    (crate::recurrence::EARLIEST..=crate::recurrence::LATEST).contains(&d)
}

/// Who takes part in an item: the people who go along and, for a shift, the
/// people signed up for any of its occurrences. They always see it.
pub fn takes_part(item: &Item, signups: &[SignUp], member: &MemberId) -> bool {
    item.along.iter().any(|(m, _)| m == member)
        || signups.iter().any(|s| s.item_id == item.id && s.member_id == *member)
}

mod input;
#[cfg(test)]
mod tests;

pub use input::{ItemInput, NewItem, WEEKDAYS, parse_time, parse_weekday, weekday_code};
