//! The agenda and the rota. A circle has tens of items, not thousands, so a
//! read loads the circle's items whole and applies the audience rule here,
//! once: an item is visible within its audience, and always to the people
//! who go along or signed up for it. Occurrences are worked out from each
//! item's series by the caller ([`samenspel_core::recurrence`]).
//!
//! Taking the last place of a shift is decided inside one transaction that
//! holds the item: on PostgreSQL a row lock, on SQLite the single writer.

use crate::access::{Can, Credential, CredentialRecord, CurrentUser, authenticate};
use crate::db::{Store, Tx, db_err, ms, on_tx, read, ts};
use crate::members::{is_active_member, target_role};
use jiff::civil::{Date, DateTime};
use samenspel_core::access::{CircleAction, act, may, may_change_agenda_item};
use samenspel_core::agenda::{Item, Kind, NewItem, SignUp, Swap, parse_weekday, weekday_code};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::recurrence::{End, Frequency, Length, Series};
use samenspel_core::{Error, FieldError, Result, Timestamp};
use std::collections::BTreeMap;

const NAME: &str = "(SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = ";

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

/// One member's hours on the rota over a period: for the person who set it up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hours {
    pub member_id: MemberId,
    pub name: String,
    pub shifts: u32,
    pub minutes: u64,
}

/// (id, kind, title, place, notes, elsewhere, places, audience, created_by, name, updated_at, revision)
type ItemRow = (String, String, String, String, String, bool, i64, String, String, Option<String>, i64, i64);

/// (id, starts_at, length_minutes, whole_days, repeat, every, weekdays, until_on, times)
pub(crate) type ScheduleRow =
    (String, String, Option<i64>, Option<i64>, String, i64, String, Option<String>, Option<i64>);

pub(crate) fn series_of(row: &ScheduleRow, exceptions: &[(String, String, bool, Option<String>)]) -> Result<Series> {
    let (id, starts_at, minutes, days, repeat, every, weekdays, until, times) = row;
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
        on_tx!(tx, |c| sqlx::query("SELECT id FROM agenda_items WHERE id = $1 FOR UPDATE")
            .bind(item)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
        .map_err(db_err)?;
    }
    Ok(())
}

async fn exec(tx: &mut Tx, sql: &str, binds: &[Option<String>]) -> Result<u64> {
    on_tx!(tx, |c| {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(b.clone());
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })
    .map_err(db_err)
}

async fn signed_up(tx: &mut Tx, item: &str, on: Date, member: &MemberId) -> Result<bool> {
    let n: i64 = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2 AND member_id = $3"
    )
    .bind(item)
    .bind(on.to_string())
    .bind(member.as_str())
    .fetch_one(c)
    .await)
    .map_err(db_err)?;
    Ok(n > 0)
}

/// Whether the member is signed up for any occurrence of the item.
async fn in_item(tx: &mut Tx, item: &str, member: &MemberId) -> Result<bool> {
    let n: i64 =
        on_tx!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND member_id = $2")
            .bind(item)
            .bind(member.as_str())
            .fetch_one(c)
            .await)
        .map_err(db_err)?;
    Ok(n > 0)
}

/// The places of a shift in `circle` (an item elsewhere is "not found",
/// one that is not a shift "not-a-shift"), as stored.
async fn shift_places(tx: &mut Tx, circle: &CircleId, item: &str) -> Result<i64> {
    let row: Option<(String, i64)> =
        on_tx!(tx, |c| sqlx::query_as("SELECT kind, places FROM agenda_items WHERE id = $1 AND circle_id = $2")
            .bind(item)
            .bind(circle.as_str())
            .fetch_optional(c)
            .await)
        .map_err(db_err)?;
    match row {
        Some((kind, places)) if kind == Kind::Shift.as_str() => Ok(places),
        Some(_) => Err(Error::Conflict("not-a-shift")),
        None => Err(Error::NotFound),
    }
}

async fn taken(tx: &mut Tx, item: &str, on: Date) -> Result<i64> {
    on_tx!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2")
        .bind(item)
        .bind(on.to_string())
        .fetch_one(c)
        .await)
    .map_err(db_err)
}

async fn move_signup(tx: &mut Tx, item: &str, on: Date, from: &MemberId, to: &MemberId, now: Timestamp) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE shift_signups SET member_id = $4, signed_up_at = $5, confirmed_at = NULL \
         WHERE item_id = $1 AND on_date = $2 AND member_id = $3"
    )
    .bind(item)
    .bind(on.to_string())
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(ms(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    if n == 0 { Err(Error::Conflict("swap-no-longer-possible")) } else { Ok(()) }
}

impl Store {
    /// The circle's items this member may see.
    pub async fn agenda_items(&self, cap: &Can<act::ViewAgenda>) -> Result<Vec<Item>> {
        let circle = cap.circle_id().as_str();
        let rows: Vec<ItemRow> = read!(self, |db| sqlx::query_as(&format!(
            "SELECT i.id, i.kind, i.title, i.place, i.notes, i.elsewhere, i.places, i.audience, i.created_by, \
             {NAME}i.created_by), i.updated_at, i.revision FROM agenda_items i WHERE i.circle_id = $1 \
             ORDER BY i.starts_at, i.id"
        ))
        .bind(circle)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let schedules: Vec<ScheduleRow> = read!(self, |db| sqlx::query_as(
            "SELECT id, starts_at, length_minutes, whole_days, repeat, every, weekdays, until_on, times \
             FROM agenda_items WHERE circle_id = $1"
        )
        .bind(circle)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let pairs = |table: &'static str| async move {
            let rows: Vec<(String, String, Option<String>)> = read!(self, |db| sqlx::query_as(&format!(
                "SELECT c.item_id, c.member_id, {NAME}c.member_id) FROM {table} c \
                 JOIN agenda_items i ON i.id = c.item_id WHERE i.circle_id = $1 ORDER BY 3"
            ))
            .bind(circle)
            .fetch_all(db)
            .await)
            .map_err(db_err)?;
            Ok::<_, Error>(rows)
        };
        let chosen = pairs("agenda_chosen").await?;
        let along = pairs("agenda_along").await?;
        let exceptions: Vec<(String, String, bool, Option<String>)> = read!(self, |db| sqlx::query_as(
            "SELECT e.item_id, e.original_on, e.cancelled, e.moved_to FROM agenda_exceptions e \
             JOIN agenda_items i ON i.id = e.item_id WHERE i.circle_id = $1"
        )
        .bind(circle)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mine: Vec<String> =
            read!(self, |db| sqlx::query_scalar("SELECT DISTINCT item_id FROM shift_signups WHERE member_id = $1")
                .bind(cap.member_id().as_str())
                .fetch_all(db)
                .await)
            .map_err(db_err)?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for (id, kind, title, place, notes, elsewhere, places, aud, created_by, name, updated_at, revision) in rows {
            let audience = Audience::parse(&aud).ok_or_else(|| corrupt("audience", &aud))?;
            let of = |all: &[(String, String, Option<String>)]| -> Vec<(MemberId, String)> {
                all.iter()
                    .filter(|(i, _, _)| *i == id)
                    .map(|(_, m, n)| (MemberId::from_db(m.clone()), n.clone().unwrap_or_default()))
                    .collect()
            };
            let chosen: Vec<MemberId> = of(&chosen).into_iter().map(|(m, _)| m).collect();
            let along = of(&along);
            let created_by = MemberId::from_db(created_by);
            let takes_part = along.iter().any(|(m, _)| m == cap.member_id()) || mine.contains(&id);
            if !takes_part && !scope.can_see(audience, &created_by, &chosen) {
                continue;
            }
            let schedule = schedules.iter().find(|s| s.0 == id).ok_or_else(|| corrupt("schedule of", &id))?;
            out.push(Item {
                series: series_of(schedule, &exceptions)?,
                kind: Kind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                title,
                place,
                notes,
                elsewhere,
                places: u32::try_from(places).unwrap_or(0),
                audience,
                chosen,
                along,
                created_by_name: name.unwrap_or_default(),
                created_by,
                updated_at: ts(updated_at),
                revision: u32::try_from(revision).unwrap_or(0),
                id,
            });
        }
        Ok(out)
    }

    /// Sign-ups for the given shifts between two dates (inclusive).
    pub async fn shift_signups(
        &self,
        cap: &Can<act::ViewAgenda>,
        items: &[&Item],
        from: Date,
        to: Date,
    ) -> Result<Vec<SignUp>> {
        let rows: Vec<(String, String, String, Option<String>, Option<i64>)> =
            read!(self, |db| sqlx::query_as(&format!(
                "SELECT s.item_id, s.on_date, s.member_id, {NAME}s.member_id), s.confirmed_at FROM shift_signups s \
                 JOIN agenda_items i ON i.id = s.item_id \
                 WHERE i.circle_id = $1 AND s.on_date >= $2 AND s.on_date <= $3 ORDER BY s.signed_up_at"
            ))
            .bind(cap.circle_id().as_str())
            .bind(from.to_string())
            .bind(to.to_string())
            .fetch_all(db)
            .await)
            .map_err(db_err)?;
        let mut out = Vec::new();
        for (item, on, member, name, confirmed) in rows {
            if items.iter().any(|i| i.id == item) {
                out.push(SignUp {
                    item_id: item,
                    on: date(&on)?,
                    member_id: MemberId::from_db(member),
                    name: name.unwrap_or_default(),
                    confirmed: confirmed.is_some(),
                });
            }
        }
        Ok(out)
    }

    /// Saves a new item (`existing` None) or a change to one the member may
    /// see. Changing someone else's plan needs [`may_change_agenda_item`].
    /// Returns the item's id.
    pub async fn save_agenda_item(
        &self,
        cap: &Can<act::PlanAgenda>,
        existing: Option<&Item>,
        new: &NewItem,
        now: Timestamp,
    ) -> Result<String> {
        let circle = cap.circle_id();
        if let Some(old) = existing
            && !may_change_agenda_item(cap.role(), cap.manages(), &old.created_by == cap.member_id())
        {
            return Err(Error::Forbidden);
        }
        if existing.is_some_and(|old| old.kind != new.kind) {
            return Err(Error::field("kind", "agenda-kind-fixed"));
        }
        let mut tx = self.begin().await?;
        let mut chosen = new.chosen.clone();
        if new.audience == Audience::Chosen && !chosen.contains(cap.member_id()) {
            chosen.push(cap.member_id().clone());
        }
        check_members(&mut tx, circle, "chosen", &chosen, now).await?;
        check_members(&mut tx, circle, "along", &new.along, now).await?;
        let s = &new.series;
        let (minutes, days) = match s.length {
            Length::Minutes(m) => (Some(i64::from(m)), None),
            Length::WholeDays(d) => (None, Some(i64::from(d))),
        };
        let (repeat, every, weekdays, until, times) = repeat_columns(s);
        let id = match existing {
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                on_tx!(&mut tx, |c| sqlx::query(
                    "INSERT INTO agenda_items (id, circle_id, kind, title, place, notes, elsewhere, starts_at, \
                     length_minutes, whole_days, repeat, every, weekdays, until_on, times, places, audience, \
                     created_by, created_at, updated_at, revision) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, 0)"
                )
                .bind(&id)
                .bind(circle.as_str())
                .bind(new.kind.as_str())
                .bind(&new.title)
                .bind(&new.place)
                .bind(&new.notes)
                .bind(new.elsewhere)
                .bind(local(s.start))
                .bind(minutes)
                .bind(days)
                .bind(repeat)
                .bind(every)
                .bind(&weekdays)
                .bind(&until)
                .bind(times)
                .bind(i64::from(new.places))
                .bind(new.audience.as_str())
                .bind(cap.member_id().as_str())
                .bind(ms(now))
                .execute(c)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                id
            }
            Some(old) => {
                lock_item(&mut tx, &old.id).await?;
                let n = on_tx!(&mut tx, |c| sqlx::query(
                    "UPDATE agenda_items SET title = $3, place = $4, notes = $5, elsewhere = $6, starts_at = $7, \
                     length_minutes = $8, whole_days = $9, repeat = $10, every = $11, weekdays = $12, until_on = $13, \
                     times = $14, places = $15, audience = $16, updated_at = $17, revision = revision + 1 \
                     WHERE id = $1 AND circle_id = $2"
                )
                .bind(&old.id)
                .bind(circle.as_str())
                .bind(&new.title)
                .bind(&new.place)
                .bind(&new.notes)
                .bind(new.elsewhere)
                .bind(local(s.start))
                .bind(minutes)
                .bind(days)
                .bind(repeat)
                .bind(every)
                .bind(&weekdays)
                .bind(&until)
                .bind(times)
                .bind(i64::from(new.places))
                .bind(new.audience.as_str())
                .bind(ms(now))
                .execute(c)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                if n == 0 {
                    return Err(Error::NotFound);
                }
                old.id.clone()
            }
        };
        for (table, members) in [("agenda_chosen", &chosen), ("agenda_along", &new.along)] {
            exec(&mut tx, &format!("DELETE FROM {table} WHERE item_id = $1"), &[Some(id.clone())]).await?;
            for m in members {
                exec(
                    &mut tx,
                    &format!("INSERT INTO {table} (item_id, member_id) VALUES ($1, $2)"),
                    &[Some(id.clone()), Some(m.to_string())],
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Removes an item with its sign-ups and exceptions.
    pub async fn delete_agenda_item(&self, cap: &Can<act::PlanAgenda>, item: &Item) -> Result<()> {
        if !may_change_agenda_item(cap.role(), cap.manages(), &item.created_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        exec(&mut tx, "DELETE FROM shift_swaps WHERE item_id = $1 OR return_item = $1", &[Some(item.id.clone())])
            .await?;
        let n = exec(
            &mut tx,
            "DELETE FROM agenda_items WHERE id = $1 AND circle_id = $2",
            &[Some(item.id.clone()), Some(cap.circle_id().to_string())],
        )
        .await?;
        if n == 0 {
            return Err(Error::NotFound);
        }
        tx.commit().await
    }

    /// Cancels, moves or restores one occurrence. A cancelled shift
    /// occurrence loses its sign-ups; the caller tells the people in it.
    pub async fn change_occurrence(
        &self,
        cap: &Can<act::PlanAgenda>,
        item: &Item,
        original: Date,
        change: OccurrenceChange,
        now: Timestamp,
    ) -> Result<()> {
        if !may_change_agenda_item(cap.role(), cap.manages(), &item.created_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let (id, on) = (Some(item.id.clone()), Some(original.to_string()));
        exec(
            &mut tx,
            "DELETE FROM agenda_exceptions WHERE item_id = $1 AND original_on = $2",
            &[id.clone(), on.clone()],
        )
        .await?;
        match change {
            OccurrenceChange::Restore => {}
            OccurrenceChange::Cancel => {
                exec(
                    &mut tx,
                    "INSERT INTO agenda_exceptions (item_id, original_on, cancelled, moved_to) VALUES ($1, $2, TRUE, NULL)",
                    &[id.clone(), on.clone()],
                )
                .await?;
                exec(
                    &mut tx,
                    "DELETE FROM shift_signups WHERE item_id = $1 AND on_date = $2",
                    &[id.clone(), on.clone()],
                )
                .await?;
            }
            OccurrenceChange::Move(to) => {
                exec(
                    &mut tx,
                    "INSERT INTO agenda_exceptions (item_id, original_on, cancelled, moved_to) VALUES ($1, $2, FALSE, $3)",
                    &[id.clone(), on.clone(), Some(local(to))],
                )
                .await?;
            }
        }
        // Calendar apps see the change through the item's revision.
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE agenda_items SET revision = revision + 1, updated_at = $2 WHERE id = $1"
        )
        .bind(&item.id)
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// Takes a place in one occurrence of a shift. The caller checked that
    /// the date is an occurrence. Exactly one of two members who take the
    /// last place at the same moment gets it; the other hears "shift-full".
    /// Whether it is a shift and how many places it has are read here, under
    /// the lock, from the capability's own circle.
    pub async fn sign_up_for_shift(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let places = shift_places(&mut tx, cap.circle_id(), &item.id).await?;
        if signed_up(&mut tx, &item.id, on, cap.member_id()).await? {
            return Err(Error::Conflict("already-signed-up"));
        }
        if taken(&mut tx, &item.id, on).await? >= places {
            return Err(Error::Conflict("shift-full"));
        }
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO shift_signups (item_id, on_date, member_id, signed_up_at) VALUES ($1, $2, $3, $4)"
        )
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// Gives one's place in an occurrence back: the shift is open again.
    /// Open swaps of that place lapse.
    pub async fn give_shift_back(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let (id, day, me) = (Some(item.id.clone()), Some(on.to_string()), Some(cap.member_id().to_string()));
        let n = exec(
            &mut tx,
            "DELETE FROM shift_signups WHERE item_id = $1 AND on_date = $2 AND member_id = $3",
            &[id.clone(), day.clone(), me.clone()],
        )
        .await?;
        if n == 0 {
            return Err(Error::Conflict("not-signed-up"));
        }
        exec(
            &mut tx,
            "UPDATE shift_swaps SET status = 'withdrawn' WHERE status = 'open' AND item_id = $1 AND on_date = $2 \
             AND from_member = $3",
            &[id, day, me],
        )
        .await?;
        tx.commit().await
    }

    /// Says "I'll be there" for a shift one is signed up for.
    pub async fn confirm_shift(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE shift_signups SET confirmed_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3"
        )
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n == 0 {
            return Err(Error::Conflict("not-signed-up"));
        }
        tx.commit().await
    }

    /// Proposes to hand one's place in an occurrence to `to`, optionally
    /// taking one of their occurrences in return. `to` accepts or declines.
    pub async fn propose_swap(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        to: &MemberId,
        in_return: Option<(&Item, Date)>,
        now: Timestamp,
    ) -> Result<String> {
        if to == cap.member_id() {
            return Err(Error::field("to", "swap-with-yourself"));
        }
        let mut tx = self.begin().await?;
        let role = match target_role(&mut tx, cap.circle_id(), to, now).await {
            Ok(role) => role,
            Err(Error::NotFound) => return Err(Error::field("to", "member-not-in-circle")),
            Err(e) => return Err(e),
        };
        // The asked member must be able to take the place: someone who takes
        // shifts (not the client) and who sees this shift — within its
        // audience, or taking part in it already. Otherwise the swap could
        // never be accepted.
        let sees = AudienceScope::for_role(to.clone(), role).can_see(item.audience, &item.created_by, &item.chosen)
            || item.along.iter().any(|(m, _)| m == to)
            || in_item(&mut tx, &item.id, to).await?;
        if !may(role, false, false, CircleAction::TakeShifts) || !sees {
            return Err(Error::field("to", "swap-member-cannot-take"));
        }
        if !signed_up(&mut tx, &item.id, on, cap.member_id()).await? {
            return Err(Error::Conflict("not-signed-up"));
        }
        if signed_up(&mut tx, &item.id, on, to).await? {
            return Err(Error::field("to", "swap-already-in-shift"));
        }
        if let Some((back, back_on)) = in_return
            && !signed_up(&mut tx, &back.id, back_on, to).await?
        {
            return Err(Error::field("in_return", "swap-return-not-theirs"));
        }
        let open: i64 = on_tx!(&mut tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM shift_swaps WHERE item_id = $1 AND on_date = $2 AND from_member = $3 AND status = 'open'"
        )
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .fetch_one(c)
        .await)
        .map_err(db_err)?;
        if open > 0 {
            return Err(Error::Conflict("swap-already-proposed"));
        }
        let id = uuid::Uuid::now_v7().to_string();
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO shift_swaps (id, item_id, on_date, from_member, to_member, return_item, return_on, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)"
        )
        .bind(&id)
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .bind(to.as_str())
        .bind(in_return.map(|(i, _)| i.id.clone()))
        .bind(in_return.map(|(_, d)| d.to_string()))
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await?;
        Ok(id)
    }

    /// Open swaps this member proposed or was asked to accept, in the circle.
    pub async fn open_swaps(&self, cap: &Can<act::TakeShifts>) -> Result<Vec<Swap>> {
        type Row = (
            String,
            String,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
        );
        let rows: Vec<Row> = read!(self, |db| {
            sqlx::query_as(&format!(
            "SELECT s.id, s.item_id, s.on_date, s.from_member, {NAME}s.from_member), s.to_member, {NAME}s.to_member), \
             s.return_item, s.return_on, s.created_at FROM shift_swaps s JOIN agenda_items i ON i.id = s.item_id \
             WHERE i.circle_id = $1 AND s.status = 'open' AND (s.from_member = $2 OR s.to_member = $2) \
             ORDER BY s.created_at"
        ))
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .fetch_all(db)
        .await
        })
        .map_err(db_err)?;
        rows.into_iter()
            .map(|(id, item, on, from, from_name, to, to_name, back, back_on, at)| {
                Ok(Swap {
                    id,
                    item_id: item,
                    on: date(&on)?,
                    from: MemberId::from_db(from),
                    from_name: from_name.unwrap_or_default(),
                    to: MemberId::from_db(to),
                    to_name: to_name.unwrap_or_default(),
                    in_return: match (back, back_on) {
                        (Some(i), Some(d)) => Some((i, date(&d)?)),
                        _ => None,
                    },
                    created_at: ts(at),
                })
            })
            .collect()
    }

    /// The asked member accepts (the places change hands, in one
    /// transaction) or declines; the proposer may withdraw.
    pub async fn answer_swap(
        &self,
        cap: &Can<act::TakeShifts>,
        swap: &Swap,
        accept: bool,
        now: Timestamp,
    ) -> Result<()> {
        let me = cap.member_id();
        let status = match (accept, &swap.to == me, &swap.from == me) {
            (true, true, _) => "accepted",
            (false, true, _) => "declined",
            (false, false, true) => "withdrawn",
            _ => return Err(Error::Forbidden),
        };
        let mut tx = self.begin().await?;
        // Both shifts of a swap in return are held, always in the same order,
        // so two opposite swaps accepted at once wait for each other instead
        // of deadlocking.
        let mut held: Vec<&str> =
            std::iter::once(swap.item_id.as_str()).chain(swap.in_return.as_ref().map(|(i, _)| i.as_str())).collect();
        held.sort_unstable();
        held.dedup();
        for item in held {
            lock_item(&mut tx, item).await?;
        }
        let n = on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE shift_swaps SET status = $2, decided_at = $3 WHERE id = $1 AND status = 'open'"
        )
        .bind(&swap.id)
        .bind(status)
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n == 0 {
            return Err(Error::Conflict("swap-no-longer-open"));
        }
        if accept {
            if signed_up(&mut tx, &swap.item_id, swap.on, me).await? {
                return Err(Error::Conflict("already-signed-up"));
            }
            move_signup(&mut tx, &swap.item_id, swap.on, &swap.from, me, now).await?;
            if let Some((back, back_on)) = &swap.in_return {
                if signed_up(&mut tx, back, *back_on, &swap.from).await? {
                    return Err(Error::Conflict("already-signed-up"));
                }
                move_signup(&mut tx, back, *back_on, me, &swap.from, now).await?;
            }
        }
        tx.commit().await
    }

    /// Hours on the rota per member between two dates, from the occurrences
    /// the caller worked out: (item id, date, minutes).
    pub async fn rota_hours(
        &self,
        cap: &Can<act::ViewAgenda>,
        occurrences: &[(String, Date, u32)],
        from: Date,
        to: Date,
    ) -> Result<Vec<Hours>> {
        let rows: Vec<(String, String, String, Option<String>)> = read!(self, |db| sqlx::query_as(&format!(
            "SELECT s.item_id, s.on_date, s.member_id, {NAME}s.member_id) FROM shift_signups s \
             JOIN agenda_items i ON i.id = s.item_id WHERE i.circle_id = $1 AND s.on_date >= $2 AND s.on_date <= $3"
        ))
        .bind(cap.circle_id().as_str())
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mut by: BTreeMap<String, Hours> = BTreeMap::new();
        for (item, on, member, name) in rows {
            let on = date(&on)?;
            let Some((_, _, minutes)) = occurrences.iter().find(|(i, d, _)| *i == item && *d == on) else { continue };
            let h = by.entry(member.clone()).or_insert_with(|| Hours {
                member_id: MemberId::from_db(member),
                name: name.unwrap_or_default(),
                shifts: 0,
                minutes: 0,
            });
            h.shifts += 1;
            h.minutes += u64::from(*minutes);
        }
        let mut out: Vec<Hours> = by.into_values().collect();
        out.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Sets a new secret calendar address for me (the old one stops
    /// working). Only the hash is kept.
    pub async fn set_my_calendar_feed(&self, me: &CurrentUser, token_hash: &str, now: Timestamp) -> Result<()> {
        let user = me.id();
        let mut tx = self.begin().await?;
        exec(&mut tx, "DELETE FROM calendar_feeds WHERE user_id = $1", &[Some(user.to_string())]).await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)"
        )
        .bind(user.as_str())
        .bind(token_hash)
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    pub async fn revoke_my_calendar_feed(&self, me: &CurrentUser) -> Result<()> {
        let mut tx = self.begin().await?;
        exec(&mut tx, "DELETE FROM calendar_feeds WHERE user_id = $1", &[Some(me.id().to_string())]).await?;
        tx.commit().await
    }

    /// When my calendar address was made, if I have one.
    pub async fn my_calendar_feed_since(&self, me: &CurrentUser) -> Result<Option<Timestamp>> {
        let at: Option<i64> =
            read!(self, |db| sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE user_id = $1")
                .bind(me.id().as_str())
                .fetch_optional(db)
                .await)
            .map_err(db_err)?;
        Ok(at.map(ts))
    }

    /// The user behind a calendar address (`Unauthenticated` for an unknown
    /// or withdrawn address, or a disabled account).
    pub async fn authenticate_calendar_feed(&self, token_hash: &str, now: Timestamp) -> Result<CurrentUser> {
        let row: Option<(String, String, String, String, Option<i64>)> = read!(self, |db| sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, u.locale, u.disabled_at FROM calendar_feeds f \
             JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1"
        )
        .bind(token_hash)
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        let record = row.map(|(id, name, email, locale, disabled)| CredentialRecord {
            user_id: UserId::from_db(id),
            display_name: name,
            email,
            locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
            user_disabled: disabled.is_some(),
            credential: Credential::CalendarFeed,
            expires_at: None,
            revoked: false,
        });
        authenticate(record, now)
    }
}

/// Chosen members and people who go along must be active members.
async fn check_members(
    tx: &mut Tx,
    circle: &CircleId,
    field: &'static str,
    members: &[MemberId],
    now: Timestamp,
) -> Result<()> {
    for m in members {
        if !is_active_member(tx, circle, m, now).await? {
            return Err(Error::Validation(vec![FieldError::new(field, "member-not-in-circle")]));
        }
    }
    Ok(())
}

/// A shift someone signed up for that may need its reminder the day before.
#[derive(Clone, Debug)]
pub struct ShiftReminder {
    pub circle_id: CircleId,
    pub client_name: String,
    pub item_id: String,
    pub title: String,
    pub place: String,
    pub series: Series,
    pub on: Date,
    pub member_id: MemberId,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub quiet: Option<(i64, i64)>,
}

/// An open occurrence for which the circle is looking for cover.
#[derive(Clone, Debug)]
pub struct CoverSearch {
    pub circle_id: CircleId,
    pub client_name: String,
    pub item_id: String,
    pub title: String,
    pub places: u32,
    pub series: Series,
    pub on: Date,
    pub started_by: MemberId,
    /// Who may see the shift: only they are asked.
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub created_by: MemberId,
    /// The member asked last, when they were asked, and whether they declined.
    pub last_ask: Option<(MemberId, Timestamp, bool)>,
    pub taken: u32,
}

/// A member who might cover a shift, with what the e-mail needs.
#[derive(Clone, Debug)]
pub struct CoverCandidate {
    pub member_id: MemberId,
    pub role: samenspel_core::role::Role,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub quiet: Option<(i64, i64)>,
    /// The last date they were on a shift in this circle, if ever.
    pub last_helped: Option<Date>,
}

async fn schedule_of(store: &Store, item: &str) -> Result<Series> {
    let row: ScheduleRow = read!(store, |db| sqlx::query_as(
        "SELECT id, starts_at, length_minutes, whole_days, repeat, every, weekdays, until_on, times \
         FROM agenda_items WHERE id = $1"
    )
    .bind(item)
    .fetch_one(db)
    .await)
    .map_err(db_err)?;
    let exceptions: Vec<(String, String, bool, Option<String>)> = read!(store, |db| sqlx::query_as(
        "SELECT item_id, original_on, cancelled, moved_to FROM agenda_exceptions WHERE item_id = $1"
    )
    .bind(item)
    .fetch_all(db)
    .await)
    .map_err(db_err)?;
    series_of(&row, &exceptions)
}

fn quiet_of(saved: Option<String>, from: Option<i64>, until: Option<i64>) -> Option<(i64, i64)> {
    match saved {
        Some(_) => from.zip(until),
        None => crate::logbook::NotificationSettings::default().quiet,
    }
}

impl Store {
    /// Starts (or restarts) looking for cover for an occurrence.
    pub async fn start_cover_search(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO cover_searches (item_id, on_date, started_by, started_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (item_id, on_date) DO UPDATE SET done_at = NULL, started_by = $3, started_at = $4"
        )
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// Is the circle looking for cover for these occurrences, and was I asked?
    /// (item id, date, asked me and I have not declined)
    pub async fn cover_state(&self, cap: &Can<act::ViewAgenda>) -> Result<Vec<(String, Date, bool)>> {
        let rows: Vec<(String, String, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT s.item_id, s.on_date, (SELECT COUNT(*) FROM cover_asks a WHERE a.item_id = s.item_id \
             AND a.on_date = s.on_date AND a.member_id = $2 AND a.declined_at IS NULL) \
             FROM cover_searches s JOIN agenda_items i ON i.id = s.item_id WHERE i.circle_id = $1 AND s.done_at IS NULL"
        )
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        rows.into_iter().map(|(i, d, n)| Ok((i, date(&d)?, n > 0))).collect()
    }

    /// The asked member says they cannot: the next one is asked.
    pub async fn decline_cover(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE cover_asks SET declined_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3 \
             AND declined_at IS NULL"
        )
        .bind(&item.id)
        .bind(on.to_string())
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n == 0 {
            return Err(Error::Conflict("cover-not-asked"));
        }
        tx.commit().await
    }
}

impl crate::Internal<'_> {
    /// Sign-ups on the given dates whose reminder has not gone out, of
    /// active members in circles that are not archived.
    pub async fn shift_reminders_due(&self, from: Date, to: Date, limit: i64) -> Result<Vec<ShiftReminder>> {
        type Row = (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<i64>,
            Option<i64>,
        );
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(
            "SELECT i.circle_id, c.client_name, i.id, i.title, i.place, s.on_date, s.member_id, u.email, u.display_name, \
             u.locale, n.member_id, n.quiet_from, n.quiet_until FROM shift_signups s \
             JOIN agenda_items i ON i.id = s.item_id JOIN circles c ON c.id = i.circle_id \
             JOIN memberships m ON m.id = s.member_id JOIN users u ON u.id = m.user_id \
             LEFT JOIN notification_settings n ON n.member_id = s.member_id \
             WHERE s.reminded_at IS NULL AND s.on_date >= $1 AND s.on_date <= $2 AND m.ended_at IS NULL \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL ORDER BY s.on_date LIMIT $3"
        )
        .bind(from.to_string())
        .bind(to.to_string())
        .bind(limit)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mut out = Vec::new();
        for (circle, client_name, item, title, place, on, member, email, name, locale, saved, qf, qu) in rows {
            out.push(ShiftReminder {
                series: schedule_of(self, &item).await?,
                circle_id: CircleId::from_db(circle),
                client_name,
                item_id: item,
                title,
                place,
                on: date(&on)?,
                member_id: MemberId::from_db(member),
                email,
                name,
                locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                quiet: quiet_of(saved, qf, qu),
            });
        }
        Ok(out)
    }

    /// Marks a reminder as sent, with its e-mail, once (another worker may
    /// have done it first: then nothing is sent and this answers false).
    pub async fn shift_reminded(
        &self,
        r: &ShiftReminder,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<bool> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE shift_signups SET reminded_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3 \
             AND reminded_at IS NULL"
        )
        .bind(&r.item_id)
        .bind(r.on.to_string())
        .bind(r.member_id.as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n == 0 {
            return Ok(false);
        }
        if let Some(job) = mail {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Searches still running, with who was asked last.
    pub async fn cover_searches(&self) -> Result<Vec<CoverSearch>> {
        type Row = (String, String, String, String, i64, String, String, String, String);
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(
            "SELECT i.circle_id, c.client_name, i.id, i.title, i.places, s.on_date, s.started_by, i.audience, i.created_by \
             FROM cover_searches s \
             JOIN agenda_items i ON i.id = s.item_id JOIN circles c ON c.id = i.circle_id \
             WHERE s.done_at IS NULL AND c.archived_at IS NULL ORDER BY s.started_at"
        )
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mut out = Vec::new();
        for (circle, client_name, item, title, places, on, started_by, aud, created_by) in rows {
            let chosen: Vec<String> =
                read!(self, |db| sqlx::query_scalar("SELECT member_id FROM agenda_chosen WHERE item_id = $1")
                    .bind(&item)
                    .fetch_all(db)
                    .await)
                .map_err(db_err)?;
            let last: Option<(String, i64, Option<i64>)> = read!(self, |db| sqlx::query_as(
                "SELECT member_id, asked_at, declined_at FROM cover_asks WHERE item_id = $1 AND on_date = $2 \
                 ORDER BY asked_at DESC LIMIT 1"
            )
            .bind(&item)
            .bind(&on)
            .fetch_optional(db)
            .await)
            .map_err(db_err)?;
            let taken: i64 = read!(self, |db| sqlx::query_scalar(
                "SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2"
            )
            .bind(&item)
            .bind(&on)
            .fetch_one(db)
            .await)
            .map_err(db_err)?;
            out.push(CoverSearch {
                series: schedule_of(self, &item).await?,
                circle_id: CircleId::from_db(circle),
                client_name,
                item_id: item,
                title,
                places: u32::try_from(places).unwrap_or(0),
                on: date(&on)?,
                started_by: MemberId::from_db(started_by),
                audience: Audience::parse(&aud).ok_or_else(|| corrupt("audience", &aud))?,
                chosen: chosen.into_iter().map(MemberId::from_db).collect(),
                created_by: MemberId::from_db(created_by),
                last_ask: last.map(|(m, at, declined)| (MemberId::from_db(m), ts(at), declined.is_some())),
                taken: u32::try_from(taken).unwrap_or(0),
            });
        }
        Ok(out)
    }

    /// Who might cover: active members other than the client and whoever
    /// started the search, not in this
    /// occurrence, not asked in this search yet, and free that day (no other
    /// shift in the circle on that date) — those who helped least recently first.
    pub async fn cover_candidates(&self, search: &CoverSearch, now: Timestamp) -> Result<Vec<CoverCandidate>> {
        type Row = (String, String, String, String, String, Option<String>, Option<i64>, Option<i64>, Option<String>);
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(
            "SELECT m.id, m.role, u.email, u.display_name, u.locale, n.member_id, n.quiet_from, n.quiet_until, \
             (SELECT MAX(s.on_date) FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
              WHERE s.member_id = m.id AND i.circle_id = m.circle_id AND s.on_date < $3) \
             FROM memberships m JOIN users u ON u.id = m.user_id \
             LEFT JOIN notification_settings n ON n.member_id = m.id \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $4) \
               AND m.role <> 'client' AND u.disabled_at IS NULL AND m.id <> $5 \
               AND NOT EXISTS (SELECT 1 FROM cover_asks a WHERE a.item_id = $2 AND a.on_date = $3 AND a.member_id = m.id) \
               AND NOT EXISTS (SELECT 1 FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
                               WHERE s.member_id = m.id AND i.circle_id = m.circle_id AND s.on_date = $3)"
        )
        .bind(search.circle_id.as_str())
        .bind(&search.item_id)
        .bind(search.on.to_string())
        .bind(ms(now))
        .bind(search.started_by.as_str())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mut out: Vec<CoverCandidate> = rows
            .into_iter()
            .filter_map(|(id, role, email, name, locale, saved, qf, qu, last)| {
                Some((samenspel_core::role::Role::parse(&role)?, id, email, name, locale, saved, qf, qu, last))
            })
            .map(|(role, id, email, name, locale, saved, qf, qu, last)| CoverCandidate {
                member_id: MemberId::from_db(id),
                role,
                email,
                name,
                locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                quiet: quiet_of(saved, qf, qu),
                last_helped: last.and_then(|d| d.parse::<Date>().ok()),
            })
            .collect();
        // Never helped first, then the longest ago; by name for a stable order.
        out.sort_by(|a, b| a.last_helped.cmp(&b.last_helped).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Records that `member` is asked now, with the e-mail, once.
    pub async fn cover_ask(
        &self,
        search: &CoverSearch,
        member: &MemberId,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<bool> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &search.item_id).await?;
        let inserted = on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO cover_asks (item_id, on_date, member_id, asked_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (item_id, on_date, member_id) DO NOTHING"
        )
        .bind(&search.item_id)
        .bind(search.on.to_string())
        .bind(member.as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if inserted == 0 {
            return Ok(false);
        }
        if let Some(job) = mail {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Ends a search (covered, over, or nobody left to ask), with an e-mail
    /// to whoever started it when nobody was found.
    pub async fn cover_done(
        &self,
        search: &CoverSearch,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE cover_searches SET done_at = $3 WHERE item_id = $1 AND on_date = $2 AND done_at IS NULL"
        )
        .bind(&search.item_id)
        .bind(search.on.to_string())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n > 0
            && let Some(job) = mail
        {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await
    }

    /// The starter's e-mail details, for "nobody was found".
    pub async fn member_contact(&self, member: &MemberId) -> Result<Option<CoverCandidate>> {
        type Row = (String, String, String, Option<String>, Option<i64>, Option<i64>);
        let row: Option<Row> = read!(self, |db| sqlx::query_as(
            "SELECT u.email, u.display_name, u.locale, n.member_id, n.quiet_from, n.quiet_until FROM memberships m \
             JOIN users u ON u.id = m.user_id LEFT JOIN notification_settings n ON n.member_id = m.id WHERE m.id = $1"
        )
        .bind(member.as_str())
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        Ok(row.map(|(email, name, locale, saved, qf, qu)| CoverCandidate {
            member_id: member.clone(),
            role: samenspel_core::role::Role::Volunteer,
            email,
            name,
            locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
            quiet: quiet_of(saved, qf, qu),
            last_helped: None,
        }))
    }
}
