//! The agenda and the rota. A circle has tens of items, not thousands, so a
//! read loads the circle's items whole and applies the audience rule here,
//! once: an item is visible within its audience, and always to the people
//! who go along or signed up for it. Occurrences are worked out from each
//! item's series by the caller ([`samenspel_core::recurrence`]).
//!
//! Taking the last place of a shift is decided inside one transaction that
//! holds the item: on PostgreSQL a row lock, on SQLite the single writer.

use crate::access::{Can, Credential, CredentialRecord, CurrentUser, authenticate};
use crate::db::{Store, Tx, ms, ts};
use crate::members::{check_members, target_role};
use jiff::civil::{Date, DateTime};
use samenspel_core::access::{CircleAction, act, may_change_agenda_item, permitted};
use samenspel_core::agenda::{Item, Kind, NewItem, SignUp, Swap, parse_weekday, weekday_code};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::recurrence::{End, Frequency, Length, Series};
use samenspel_core::{Error, Result, Timestamp};
use std::collections::BTreeMap;

use crate::sql::{NAME, args, db_row};

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("agenda: unknown {what} {raw:?}"))
}

pub(crate) fn date(raw: &str) -> Result<Date> {
    raw.parse::<Date>().map_err(|_| corrupt("date", raw))
}

fn datetime(raw: &str) -> Result<DateTime> {
    raw.parse::<DateTime>().map_err(|_| corrupt("local time", raw))
}

/// What changes about one occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OccurrenceChange {
    Cancel,
    /// Move to another local start (same length).
    Move(DateTime),
    /// Undo a cancellation or a move.
    Restore,
}

db_row! {
    struct ItemRow {
        id: String,
        kind: String,
        title: String,
        place: String,
        notes: String,
        elsewhere: bool,
        places: i64,
        aud: String,
        created_by: String,
        name: Option<String>,
        updated_at: i64,
        revision: i64,
    }
}

/// The columns of a [`ScheduleRow`], for a read of one table.
macro_rules! schedule_columns {
    () => {
        "id, starts_at, length_minutes, whole_days, repeat, every, weekdays, until_on, times "
    };
}
pub(crate) use schedule_columns;

/// The start of a read of [`ScheduleRow`]s; the `FROM` clause follows.
macro_rules! schedule_select {
    () => {
        concat!("SELECT ", $crate::agenda::schedule_columns!())
    };
}
pub(crate) use schedule_select;

db_row! {
    /// An item's series, as `schedule_select!` reads it.
    pub(crate) struct ScheduleRow {
        id: String,
        starts_at: String,
        minutes: Option<i64>,
        days: Option<i64>,
        repeat: String,
        every: i64,
        weekdays: String,
        until: Option<String>,
        times: Option<i64>,
    }
}

pub(crate) fn series_of(row: &ScheduleRow, exceptions: &[(String, String, bool, Option<String>)]) -> Result<Series> {
    let ScheduleRow { id, starts_at, minutes, days, repeat, every, weekdays, until, times } = row;
    let interval = u16::try_from(*every).unwrap_or(1).max(1);
    let frequency = match repeat.as_str() {
        "once" => Frequency::Once,
        "daily" => Frequency::Daily { interval },
        "weekly" => Frequency::Weekly { interval, days: weekdays.split(',').filter_map(parse_weekday).collect() },
        "monthly" => Frequency::Monthly { interval },
        other => return Err(corrupt("repeat", other)),
    };
    let end = match (until, times) {
        (Some(u), _) => End::Until(date(u)?),
        (None, Some(n)) => End::Count(u32::try_from(*n).unwrap_or(1)),
        (None, None) => End::Never,
    };
    let length = match (minutes, days) {
        (Some(m), _) => Length::Minutes(u32::try_from(*m).unwrap_or(60)),
        (None, Some(d)) => Length::WholeDays(u16::try_from(*d).unwrap_or(1)),
        (None, None) => return Err(corrupt("length", "none")),
    };
    let mut cancelled = Vec::new();
    let mut moved = BTreeMap::new();
    for (item, on, is_cancelled, to) in exceptions {
        if item != id {
            continue;
        }
        if *is_cancelled {
            cancelled.push(date(on)?);
        } else if let Some(to) = to {
            moved.insert(date(on)?, datetime(to)?);
        }
    }
    Ok(Series { start: datetime(starts_at)?, length, frequency, end, cancelled, moved })
}

pub(crate) fn repeat_columns(s: &Series) -> (&'static str, i64, String, Option<String>, Option<i64>) {
    let (repeat, every, days) = match &s.frequency {
        Frequency::Once => ("once", 1, String::new()),
        Frequency::Daily { interval } => ("daily", i64::from(*interval), String::new()),
        Frequency::Weekly { interval, days } => {
            ("weekly", i64::from(*interval), days.iter().map(|d| weekday_code(*d)).collect::<Vec<_>>().join(","))
        }
        Frequency::Monthly { interval } => ("monthly", i64::from(*interval), String::new()),
    };
    let (until, times) = match s.end {
        End::Never => (None, None),
        End::Until(d) => (Some(d.to_string()), None),
        End::Count(n) => (None, Some(i64::from(n))),
    };
    (repeat, every, days, until, times)
}

/// A local start as stored: "2026-11-24T19:00".
pub(crate) fn local(d: DateTime) -> String {
    d.strftime("%Y-%m-%dT%H:%M").to_string()
}

async fn lock_item(tx: &mut Tx, item: &str) -> Result<()> {
    if tx.engine() == crate::Engine::Postgres {
        tx.exec("SELECT id FROM agenda_items WHERE id = $1 FOR UPDATE", args![item]).await?;
    }
    Ok(())
}

async fn signed_up(tx: &mut Tx, item: &str, on: Date, member: &MemberId) -> Result<bool> {
    let n: i64 = tx
        .one(
            "SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2 AND member_id = $3",
            args![item, on.to_string(), member.as_str()],
        )
        .await?;
    Ok(n > 0)
}

/// Whether the member is signed up for any occurrence of the item.
async fn in_item(tx: &mut Tx, item: &str, member: &MemberId) -> Result<bool> {
    let n: i64 = tx
        .one("SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND member_id = $2", args![item, member.as_str()])
        .await?;
    Ok(n > 0)
}

/// The places of a shift in `circle` (an item elsewhere is "not found",
/// one that is not a shift "not-a-shift"), as stored.
async fn shift_places(tx: &mut Tx, circle: &CircleId, item: &str) -> Result<i64> {
    let row: Option<(String, i64)> = tx
        .opt("SELECT kind, places FROM agenda_items WHERE id = $1 AND circle_id = $2", args![item, circle.as_str()])
        .await?;
    match row {
        Some((kind, places)) if kind == Kind::Shift.as_str() => Ok(places),
        Some(_) => Err(Error::Conflict("not-a-shift")),
        None => Err(Error::NotFound),
    }
}

async fn taken(tx: &mut Tx, item: &str, on: Date) -> Result<i64> {
    tx.one("SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2", args![item, on.to_string()]).await
}

async fn move_signup(tx: &mut Tx, item: &str, on: Date, from: &MemberId, to: &MemberId, now: Timestamp) -> Result<()> {
    let n = tx
        .exec(
            "UPDATE shift_signups SET member_id = $4, signed_up_at = $5, confirmed_at = NULL \
         WHERE item_id = $1 AND on_date = $2 AND member_id = $3",
            args![item, on.to_string(), from.as_str(), to.as_str(), ms(now)],
        )
        .await?;
    if n == 0 { Err(Error::Conflict("swap-no-longer-possible")) } else { Ok(()) }
}

mod calendar;
mod cover;
mod items;
mod reminders;
mod shifts;
mod swaps;

pub use cover::{CoverCandidate, CoverSearch};
use cover::{quiet_of, schedule_of};
pub use reminders::ShiftReminder;
pub use shifts::Hours;
