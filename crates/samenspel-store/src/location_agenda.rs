//! A location's own agenda: its rota and open meetings. Who stands where is
//! read here ([`Store::location_standing`]) and decided in the access layer;
//! reads and writes then take a [`LocationCan`] and put its location in
//! their `WHERE` clause. Taking the last place is decided under a lock, as
//! for circle shifts.

use crate::access::LocationCan;
use crate::agenda::{ScheduleRow, date, local, repeat_columns, schedule_select, series_of};
use crate::db::{Store, Tx, ms};
use crate::sql::{args, db_row};
use jiff::civil::Date;
use samenspel_core::access::location::lact;
use samenspel_core::agenda::{Kind, NewItem};
use samenspel_core::ids::UserId;
use samenspel_core::recurrence::{Length, Series};
use samenspel_core::{Error, Result, Timestamp};

/// A rota shift or open meeting of a location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocationItem {
    pub id: String,
    /// `Shift` for the rota, `Activity` for an open meeting.
    pub kind: Kind,
    pub title: String,
    pub place: String,
    pub notes: String,
    pub series: Series,
    pub places: u32,
    pub created_by_name: String,
}

/// Someone who took a place in one occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    pub item_id: String,
    pub on: Date,
    pub user_id: UserId,
    pub name: String,
}

async fn lock_item(tx: &mut Tx, item: &str) -> Result<()> {
    if tx.engine() == crate::Engine::Postgres {
        tx.exec("SELECT id FROM location_items WHERE id = $1 FOR UPDATE", args![item]).await?;
    }
    Ok(())
}

impl Store {
    pub async fn location_items(&self, cap: &LocationCan<lact::ViewLocationAgenda>) -> Result<Vec<LocationItem>> {
        let loc = cap.location_id().as_str();
        db_row! {
            struct Row {
                id: String,
                kind: String,
                title: String,
                place: String,
                notes: String,
                places: i64,
                name: Option<String>,
            }
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT i.id, i.kind, i.title, i.place, i.notes, i.places, u.display_name FROM location_items i \
             LEFT JOIN users u ON u.id = i.created_by WHERE i.location_id = $1 ORDER BY i.starts_at, i.id",
                args![loc],
            )
            .await?;
        let schedules: Vec<ScheduleRow> =
            self.all(concat!(schedule_select!(), "FROM location_items WHERE location_id = $1"), args![loc]).await?;
        let mut out = Vec::new();
        for Row { id, kind, title, place, notes, places, name } in rows {
            let schedule = schedules
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| Error::internal(format!("location item {id} has no schedule")))?;
            out.push(LocationItem {
                series: series_of(schedule, &[])?,
                kind: Kind::parse(&kind).ok_or_else(|| Error::internal(format!("location item kind {kind:?}")))?,
                title,
                place,
                notes,
                places: u32::try_from(places).unwrap_or(0),
                created_by_name: name.unwrap_or_default(),
                id,
            });
        }
        Ok(out)
    }

    /// Who joined which occurrence between two dates (inclusive).
    pub async fn location_joined(
        &self,
        cap: &LocationCan<lact::ViewLocationAgenda>,
        from: Date,
        to: Date,
    ) -> Result<Vec<Joined>> {
        let rows: Vec<(String, String, String, String)> = self
            .all(
                "SELECT s.item_id, s.on_date, s.user_id, u.display_name FROM location_signups s \
             JOIN location_items i ON i.id = s.item_id JOIN users u ON u.id = s.user_id \
             WHERE i.location_id = $1 AND s.on_date >= $2 AND s.on_date <= $3 ORDER BY s.joined_at",
                args![cap.location_id().as_str(), from.to_string(), to.to_string()],
            )
            .await?;
        rows.into_iter()
            .map(|(item, on, user, name)| {
                Ok(Joined { item_id: item, on: date(&on)?, user_id: UserId::from_db(user), name })
            })
            .collect()
    }

    /// Adds a rota shift or an open meeting. Returns its id.
    pub async fn add_location_item(
        &self,
        cap: &LocationCan<lact::PlanLocationAgenda>,
        new: &NewItem,
        now: Timestamp,
    ) -> Result<String> {
        if !matches!(new.kind, Kind::Shift | Kind::Activity) {
            return Err(Error::field("kind", "location-kind-invalid"));
        }
        let places = if new.kind == Kind::Shift { new.places } else { new.places.max(1) };
        let s = &new.series;
        let (minutes, days) = match s.length {
            Length::Minutes(m) => (Some(i64::from(m)), None),
            Length::WholeDays(d) => (None, Some(i64::from(d))),
        };
        let (repeat, every, weekdays, until, times) = repeat_columns(s);
        let id = uuid::Uuid::now_v7().to_string();
        self.exec(
            "INSERT INTO location_items (id, location_id, kind, title, place, notes, starts_at, length_minutes, \
             whole_days, repeat, every, weekdays, until_on, times, places, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
            args![
                &id,
                cap.location_id().as_str(),
                new.kind.as_str(),
                &new.title,
                &new.place,
                &new.notes,
                local(s.start),
                minutes,
                days,
                repeat,
                every,
                &weekdays,
                &until,
                times,
                i64::from(places),
                cap.user_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        Ok(id)
    }

    /// Takes a place; of two taking the last place at once, exactly one gets
    /// it. The item's kind and places are read here, under the lock, from an
    /// item of the capability's own location (another location's item is
    /// "not found").
    pub async fn join_location_item(
        &self,
        cap: &LocationCan<lact::JoinLocationAgenda>,
        item: &str,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, item).await?;
        let (kind, places): (String, i64) = tx
            .one(
                "SELECT kind, places FROM location_items WHERE id = $1 AND location_id = $2",
                args![item, cap.location_id().as_str()],
            )
            .await?;
        let (mine, taken): (i64, i64) = tx
            .one(
                "SELECT COUNT(*) FILTER (WHERE user_id = $3), COUNT(*) FROM location_signups \
             WHERE item_id = $1 AND on_date = $2",
                args![item, on.to_string(), cap.user_id().as_str()],
            )
            .await?;
        if mine > 0 {
            return Err(Error::Conflict("already-signed-up"));
        }
        if taken >= places {
            return Err(Error::Conflict(if kind == Kind::Shift.as_str() { "shift-full" } else { "meeting-full" }));
        }
        tx.exec(
            "INSERT INTO location_signups (item_id, on_date, user_id, joined_at) VALUES ($1, $2, $3, $4)",
            args![item, on.to_string(), cap.user_id().as_str(), ms(now)],
        )
        .await?;
        tx.commit().await
    }

    /// Gives one's place back (in an item of the capability's location).
    pub async fn leave_location_item(
        &self,
        cap: &LocationCan<lact::JoinLocationAgenda>,
        item: &str,
        on: Date,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "DELETE FROM location_signups WHERE item_id = $1 AND on_date = $2 AND user_id = $3 \
             AND item_id IN (SELECT id FROM location_items WHERE location_id = $4)",
                args![item, on.to_string(), cap.user_id().as_str(), cap.location_id().as_str()],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("not-signed-up"));
        }
        tx.commit().await
    }
}
