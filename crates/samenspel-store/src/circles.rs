//! Circles, and (in `membership`) the membership lookup that authorization
//! starts from.

mod membership;
pub(crate) use membership::{
    MembershipRow, membership_active, membership_columns, membership_from_row, with_membership_in_path,
};

use crate::access::{Can, CurrentUser, LocationCan, OrgCan};
use crate::db::{Store, Tx, db_err, ms, ts, ts_opt};
use crate::idempotency::{IdempotencyKey, earlier_result, remember};
use crate::sql::{args, db_row};
use samenspel_core::access::location::lact;
use samenspel_core::access::{CircleAction, act, may, oact};
use samenspel_core::circle::{Circle, MyCircle, NewCircle};
use samenspel_core::ids::{CircleId, LocationId, MemberId, OrganisationId, UserId};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    /// The columns of `circle_columns!`, in order.
    pub(crate) struct CircleRow {
        id: String,
        client_name: String,
        description: String,
        org: Option<String>,
        org_name: Option<String>,
        loc: Option<String>,
        loc_name: Option<String>,
        created: i64,
        archived: Option<i64>,
        count: i64,
        retention: Option<i64>,
    }
}

/// The circle columns, with organisation and location names and the number
/// of active members. Bind `$1` to "now" wherever this is used.
macro_rules! circle_columns {
    () => {
        "c.id, c.client_name, c.description, c.organisation_id, o.name, c.location_id, l.name, c.created_at, c.archived_at, \
         (SELECT COUNT(*) FROM memberships x WHERE x.circle_id = c.id AND x.ended_at IS NULL AND (x.access_until IS NULL OR x.access_until > $1)), \
         o.retention_days"
    };
}
pub(crate) use circle_columns;

macro_rules! circle_from {
    () => {
        " FROM circles c LEFT JOIN organisations o ON o.id = c.organisation_id LEFT JOIN locations l ON l.id = c.location_id "
    };
}
pub(crate) use circle_from;

pub(crate) fn circle_from_row(
    CircleRow { id, client_name, description, org, org_name, loc, loc_name, created, archived, count, retention }: CircleRow,
) -> Circle {
    Circle {
        id: CircleId::from_db(id),
        client_name,
        description,
        organisation_id: org.map(OrganisationId::from_db),
        organisation_name: org_name,
        location_id: loc.map(LocationId::from_db),
        location_name: loc_name,
        created_at: ts(created),
        archived_at: ts_opt(archived),
        member_count: count,
        retention_days: retention.and_then(|d| u32::try_from(d).ok()),
    }
}

impl Store {
    /// Starts a circle. Independent circles (a family starting one) pass no
    /// organisation capability. The starter becomes a managing member.
    pub async fn create_circle(
        &self,
        me: &CurrentUser,
        org: Option<&OrgCan<oact::StartCircle>>,
        new: &NewCircle,
        idem: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<CircleId> {
        let mut tx = self.begin().await?;
        if let Some(earlier) = earlier_result(&mut tx, me.id(), idem).await? {
            return Ok(CircleId::from_db(earlier));
        }
        if let Some(location) = &new.location_id {
            let Some(org) = org else {
                return Err(Error::field("location", "location-unknown"));
            };
            let found: Option<(String,)> = tx
                .opt(
                    "SELECT id FROM locations WHERE id = $1 AND organisation_id = $2",
                    args![location.as_str(), org.organisation_id().as_str()],
                )
                .await?;
            if found.is_none() {
                return Err(Error::field("location", "location-unknown"));
            }
        }
        let org = org.map(|o| o.organisation_id());
        let id = insert_circle(&mut tx, me, org, new, now).await?;
        remember(&mut tx, me.id(), idem, id.as_str(), now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A circle started by a location's own coordinator, at that location
    /// (`new.location_id` is ignored: the capability names the place).
    pub async fn create_circle_at_location(
        &self,
        me: &CurrentUser,
        cap: &LocationCan<lact::StartCircleHere>,
        new: &NewCircle,
        idem: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<CircleId> {
        let mut tx = self.begin().await?;
        if let Some(earlier) = earlier_result(&mut tx, me.id(), idem).await? {
            return Ok(CircleId::from_db(earlier));
        }
        let org = cap.organisation_id().ok_or(Error::NotFound)?;
        let new = NewCircle { location_id: Some(cap.location_id().clone()), ..new.clone() };
        let id = insert_circle(&mut tx, me, Some(org), &new, now).await?;
        remember(&mut tx, me.id(), idem, id.as_str(), now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The circles I am an active member of and may see, by client name.
    pub async fn my_circles(&self, me: &CurrentUser, now: Timestamp) -> Result<Vec<MyCircle>> {
        db_row! {
            struct Row { circle: CircleRow, role: String, relation: String, manager: bool, until: Option<i64> }
        }
        let rows: Vec<Row> = self
            .all(
                concat!(
                    "SELECT ",
                    circle_columns!(),
                    ", m.role, m.relation, m.manager, m.access_until",
                    circle_from!(),
                    "JOIN memberships m ON m.circle_id = c.id \
             WHERE m.user_id = $2 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1) \
             ORDER BY c.client_name, c.id"
                ),
                args![ms(now), me.id().as_str()],
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for Row { circle, role, relation, manager, until } in rows {
            let role = Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?;
            // The policy decides which archived circles stay visible.
            if !may(role, manager, circle.archived.is_some(), CircleAction::ViewCircle) {
                continue;
            }
            out.push(MyCircle {
                circle: circle_from_row(circle),
                my_role: role,
                my_relation: relation,
                i_manage: manager || role.always_manages(),
                access_until: ts_opt(until),
            });
        }
        Ok(out)
    }

    pub async fn update_circle(&self, cap: &Can<act::EditCircle>, client_name: &str, description: &str) -> Result<()> {
        self.exec(
            "UPDATE circles SET client_name = $2, description = $3 WHERE id = $1",
            args![cap.circle_id().as_str(), client_name, description],
        )
        .await?;
        Ok(())
    }

    /// Archives the circle (care has ended) or, with `archived = false`, brings it back.
    pub async fn set_circle_archived(
        &self,
        cap: &Can<act::ArchiveCircle>,
        archived: bool,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = if archived {
            tx.exec(
                "UPDATE circles SET archived_at = $2, archived_by = $3 WHERE id = $1 AND archived_at IS NULL",
                args![cap.circle_id().as_str(), ms(now), cap.user_id().as_str()],
            )
            .await?
        } else {
            tx.exec(
                "UPDATE circles SET archived_at = NULL, archived_by = NULL WHERE id = $1 AND archived_at IS NOT NULL",
                args![cap.circle_id().as_str()],
            )
            .await?
        };
        if done == 0 {
            return Err(Error::Conflict(if archived { "circle-already-archived" } else { "circle-not-archived" }));
        }
        tx.commit().await
    }
}

pub(crate) async fn insert_membership(
    tx: &mut Tx,
    circle: &CircleId,
    user: &UserId,
    role: Role,
    relation: &str,
    contact_person: bool,
    manager: bool,
    access_until: Option<Timestamp>,
    invited_by: Option<&str>,
    now: Timestamp,
) -> Result<MemberId> {
    if role == Role::Client {
        one_client(tx, circle, None, now).await?;
    }
    let id = MemberId::generate();
    tx.exec(
        "INSERT INTO memberships (id, circle_id, user_id, role, relation, contact_person, manager, access_until, joined_at, invited_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        args![id.as_str(), circle.as_str(), user.as_str(), role.as_str(), relation, contact_person, manager, access_until.map(ms), ms(now), invited_by],
    )
    .await
    .map_err(|e| match e {
        Error::Conflict(_) => Error::Conflict("already-member"),
        other => other,
    })?;
    Ok(id)
}

/// A circle is for one client: refuses a second active client (`except` is
/// the member who is becoming the client). Callers hold [`lock_circle`].
pub(crate) async fn one_client(
    tx: &mut Tx,
    circle: &CircleId,
    except: Option<&MemberId>,
    now: Timestamp,
) -> Result<()> {
    let other: Option<(String,)> = tx
        .opt(
            "SELECT id FROM memberships WHERE circle_id = $1 AND role = 'client' AND ended_at IS NULL \
             AND (access_until IS NULL OR access_until > $2) AND id <> $3",
            args![circle.as_str(), ms(now), except.map_or("", |m| m.as_str())],
        )
        .await?;
    match other {
        Some(_) => Err(Error::Conflict("circle-has-client")),
        None => Ok(()),
    }
}

/// A form's role choice that [`one_client`] refused: an error on its field.
pub(crate) fn on_role(e: Error) -> Error {
    match e {
        Error::Conflict(code) => Error::field("role", code),
        other => other,
    }
}

/// Serialises membership changes per circle on PostgreSQL, so rules such as
/// "a circle keeps a manager" hold under concurrency (SQLite's single writer
/// already serialises them).
pub(crate) async fn lock_circle(tx: &mut Tx, circle: &CircleId) -> Result<()> {
    if tx.engine() == crate::Engine::Postgres {
        tx.exec("SELECT id FROM circles WHERE id = $1 FOR UPDATE", args![circle.as_str()]).await?;
    }
    Ok(())
}

impl crate::Internal<'_> {
    /// Adds a member directly, without an invitation: for demo data and
    /// operators only. Request handlers add members through invitations.
    pub async fn add_member(
        &self,
        circle: &CircleId,
        user: &UserId,
        role: Role,
        relation: &str,
        contact_person: bool,
        manager: bool,
        access_until: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<MemberId> {
        let mut tx = self.begin().await?;
        let id =
            insert_membership(&mut tx, circle, user, role, relation, contact_person, manager, access_until, None, now)
                .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Whether any user exists (the demo seeds only an empty database).
    pub async fn is_empty(&self) -> Result<bool> {
        let (n,): (i64,) = self.one("SELECT COUNT(*) FROM users", args![]).await?;
        Ok(n == 0)
    }

    /// A consistent copy of a live SQLite database (`VACUUM INTO`): readers
    /// and the writer carry on meanwhile.
    pub async fn sqlite_backup(&self, to: &std::path::Path) -> Result<()> {
        let crate::db::Pools::Sqlite { write, .. } = &*self.pools else {
            return Err(Error::internal("backup copies SQLite databases; for PostgreSQL use pg_dump (see the README)"));
        };
        let target = to.to_str().ok_or_else(|| Error::internal("backup path is not valid UTF-8"))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(write).await.map_err(db_err)?;
        Ok(())
    }

    /// SQLite's `PRAGMA integrity_check` (for backups); PostgreSQL: a ping.
    pub async fn integrity_check(&self) -> Result<()> {
        match &*self.pools {
            crate::db::Pools::Sqlite { read, .. } => {
                let rows: Vec<(String,)> =
                    sqlx::query_as("PRAGMA integrity_check").fetch_all(read).await.map_err(db_err)?;
                if rows.len() == 1 && rows[0].0 == "ok" {
                    Ok(())
                } else {
                    Err(Error::internal(rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("; ")))
                }
            }
            crate::db::Pools::Postgres { .. } => self.ping().await,
        }
    }
}

/// Writes a new circle with its starter as a managing member.
async fn insert_circle(
    tx: &mut Tx,
    me: &CurrentUser,
    org: Option<&OrganisationId>,
    new: &NewCircle,
    now: Timestamp,
) -> Result<CircleId> {
    let id = CircleId::generate();
    tx.exec(
        "INSERT INTO circles (id, organisation_id, location_id, client_name, description, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![
            id.as_str(),
            org.map(|o| o.as_str()),
            new.location_id.as_ref().map(|l| l.as_str()),
            &new.client_name,
            &new.description,
            me.id().as_str(),
            ms(now)
        ],
    )
    .await?;
    insert_membership(tx, &id, me.id(), new.my_role, &new.my_relation, false, true, None, None, now).await?;
    Ok(id)
}
