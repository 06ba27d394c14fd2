//! Members of a circle: listing, changing and ending memberships.

use crate::access::Can;
use crate::circles::lock_circle;
use crate::db::{Store, Tx, ms, ts, ts_opt};
use crate::sql::{args, db_row};
use samenspel_core::access::{act, may_change_member};
use samenspel_core::audience::Audience;
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::member::{EndReason, Member, MemberChanges};
use samenspel_core::role::Role;
use samenspel_core::{Error, FieldError, Result, Timestamp};

db_row! {
    /// The columns of `member_select!`, in order.
    struct MemberRow {
        id: String,
        user_id: String,
        display_name: String,
        email: String,
        role: String,
        relation: String,
        contact_person: bool,
        manager: bool,
        until: Option<i64>,
        joined: i64,
        contact_audience: String,
    }
}

macro_rules! member_select {
    () => {
        "SELECT m.id, m.user_id, u.display_name, u.email, m.role, m.relation, m.contact_person, m.manager, m.access_until, m.joined_at, m.contact_audience \
         FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $2) "
    };
}

fn member_from_row(r: MemberRow) -> Result<Member> {
    let MemberRow {
        id,
        user_id,
        display_name,
        email,
        role,
        relation,
        contact_person,
        manager,
        until,
        joined,
        contact_audience,
    } = r;
    Ok(Member {
        id: MemberId::from_db(id),
        user_id: UserId::from_db(user_id),
        display_name,
        email: Some(email),
        role: Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?,
        relation,
        contact_person,
        manager,
        access_until: ts_opt(until),
        joined_at: ts(joined),
        contact_audience: Audience::parse(&contact_audience).unwrap_or(Audience::Circle),
    })
}

/// Hides a member's e-mail address from viewers outside the audience the
/// member chose for their contact details. A member always sees their own.
fn apply_contact_audience<A>(cap: &Can<A>, mut m: Member) -> Member {
    // A member's address is theirs: whom they address it to decides.
    if !cap.audience().addressed(m.contact_audience, &m.id, &[]) {
        m.email = None;
    }
    m
}

impl Store {
    /// The active members of the capability's circle: the client side first,
    /// then family and volunteers, then professionals; by name within each.
    pub async fn members(&self, cap: &Can<act::ViewMembers>, now: Timestamp) -> Result<Vec<Member>> {
        let rows: Vec<MemberRow> = self
            .all(
                concat!(
                    member_select!(),
                    "ORDER BY CASE m.role WHEN 'client' THEN 0 WHEN 'representative' THEN 1 WHEN 'relative' THEN 2 \
             WHEN 'volunteer' THEN 3 WHEN 'professional' THEN 4 ELSE 5 END, u.display_name, m.id"
                ),
                args![cap.circle_id().as_str(), ms(now)],
            )
            .await?;
        rows.into_iter().map(|r| member_from_row(r).map(|m| apply_contact_audience(cap, m))).collect()
    }

    /// One active member of the capability's circle.
    pub async fn member<A>(&self, cap: &Can<A>, id: &MemberId, now: Timestamp) -> Result<Member>
    where
        A: act::Action,
    {
        let row: MemberRow = self
            .one(concat!(member_select!(), "AND m.id = $3"), args![cap.circle_id().as_str(), ms(now), id.as_str()])
            .await?;
        member_from_row(row).map(|m| apply_contact_audience(cap, m))
    }

    /// Changes another member's role, flags or end date. Only the client side
    /// touches client-side memberships; the circle always keeps a manager.
    pub async fn update_member(
        &self,
        cap: &Can<act::ManageMembers>,
        id: &MemberId,
        changes: &MemberChanges,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_circle(&mut tx, cap.circle_id()).await?;
        let target = target_role(&mut tx, cap.circle_id(), id, now).await?;
        if !may_change_member(cap.role(), target, changes.role) {
            return Err(Error::Forbidden);
        }
        let mut row: MembershipRow = tx
            .one(
                "SELECT role, relation, contact_person, manager, access_until FROM memberships WHERE id = $1",
                args![id.as_str()],
            )
            .await?;
        if let Some(role) = changes.role {
            if role == Role::Client {
                crate::circles::one_client(&mut tx, cap.circle_id(), Some(id), now)
                    .await
                    .map_err(crate::circles::on_role)?;
            }
            row.role = role.as_str().to_owned();
        }
        if let Some(relation) = &changes.relation {
            row.relation.clone_from(relation);
        }
        if let Some(flag) = changes.contact_person {
            row.contact_person = flag;
        }
        if let Some(flag) = changes.manager {
            row.manager = flag;
        }
        if let Some(until) = changes.access_until {
            row.access_until = until.map(ms);
        }
        tx.exec(
            "UPDATE memberships SET role = $2, relation = $3, contact_person = $4, manager = $5, access_until = $6 WHERE id = $1",
            args![id.as_str(), &row.role, &row.relation, row.contact_person, row.manager, row.access_until],
        )
        .await?;
        ensure_a_manager_remains(&mut tx, cap.circle_id(), now).await?;
        tx.commit().await
    }

    /// Removes a member from the capability's circle. Takes effect at once:
    /// the next request of the removed member, in any open session, is denied.
    pub async fn remove_member(&self, cap: &Can<act::ManageMembers>, id: &MemberId, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_circle(&mut tx, cap.circle_id()).await?;
        let target = target_role(&mut tx, cap.circle_id(), id, now).await?;
        if !may_change_member(cap.role(), target, None) {
            return Err(Error::Forbidden);
        }
        end_membership(&mut tx, id, cap.user_id(), EndReason::Removed, now).await?;
        ensure_a_manager_remains(&mut tx, cap.circle_id(), now).await?;
        tx.commit().await
    }

    /// Leaves the circle oneself.
    pub async fn leave_circle(&self, cap: &Can<act::Leave>, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_circle(&mut tx, cap.circle_id()).await?;
        end_membership(&mut tx, cap.member_id(), cap.user_id(), EndReason::Left, now).await?;
        ensure_a_manager_remains(&mut tx, cap.circle_id(), now).await?;
        tx.commit().await
    }

    /// Sets who may see my own e-mail address in this circle.
    pub async fn set_my_contact_audience(&self, cap: &Can<act::ViewCircle>, audience: Audience) -> Result<()> {
        if audience == Audience::Chosen {
            return Err(Error::field("contact_audience", "audience-invalid"));
        }
        self.exec(
            "UPDATE memberships SET contact_audience = $2 WHERE id = $1",
            args![cap.member_id().as_str(), audience.as_str()],
        )
        .await?;
        Ok(())
    }
}

pub(crate) async fn target_role(tx: &mut Tx, circle: &CircleId, id: &MemberId, now: Timestamp) -> Result<Role> {
    let (role,): (String,) = tx.one(
        "SELECT role FROM memberships WHERE id = $1 AND circle_id = $2 AND ended_at IS NULL AND (access_until IS NULL OR access_until > $3)",
        args![id.as_str(), circle.as_str(), ms(now)],
    ).await?;
    Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))
}

async fn end_membership(tx: &mut Tx, id: &MemberId, by: &UserId, reason: EndReason, now: Timestamp) -> Result<()> {
    tx.exec_found(
        "UPDATE memberships SET ended_at = $2, ended_by = $3, end_reason = $4 WHERE id = $1 AND ended_at IS NULL",
        args![id.as_str(), ms(now), by.as_str(), reason.as_str()],
    )
    .await?;
    Ok(())
}

/// A circle must keep at least one member who can manage it; otherwise
/// nobody could invite or archive any more.
async fn ensure_a_manager_remains(tx: &mut Tx, circle: &CircleId, now: Timestamp) -> Result<()> {
    let rows: Vec<(String, bool)> = tx.all(
        "SELECT role, manager FROM memberships WHERE circle_id = $1 AND ended_at IS NULL AND (access_until IS NULL OR access_until > $2)",
        args![circle.as_str(), ms(now)],
    )
    .await?;
    let managers =
        rows.iter().filter(|(role, manager)| *manager || Role::parse(role).is_some_and(Role::always_manages)).count();
    if managers == 0 { Err(Error::Conflict("last-manager")) } else { Ok(()) }
}

/// Is `member` an active member of `circle` at `now`? For checking the
/// members a form names (a doer, a participant) inside the write's transaction.
/// The members a form names (the chosen of a "chosen" audience, the people
/// who go along, a goal's helpers) must be active members of the circle: a
/// field error on `field` otherwise.
pub(crate) async fn check_members(
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

pub(crate) async fn is_active_member(
    tx: &mut Tx,
    circle: &CircleId,
    member: &MemberId,
    now: Timestamp,
) -> Result<bool> {
    match target_role(tx, circle, member, now).await {
        Ok(_) => Ok(true),
        Err(Error::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

db_row! {
    /// The membership fields a change may touch, as they are now.
    struct MembershipRow {
        role: String,
        relation: String,
        contact_person: bool,
        manager: bool,
        access_until: Option<i64>,
    }
}
