//! The membership lookup that authorization starts from: a member's own
//! membership and its circle in one row, read on its own
//! (`Internal::active_membership`) or with a credential
//! (`with_membership_in_path!`).

use super::{CircleRow, circle_from_row};
use crate::access::Membership;
use crate::sql::db_row;
use samenspel_core::access::MemberFacts;
use samenspel_core::consent::Consent;
use samenspel_core::ids::MemberId;
use samenspel_core::role::Role;
use samenspel_core::{Error, Result};
use std::sync::Arc;

db_row! {
    /// The columns of `membership_columns!`, in order.
    pub(crate) struct MembershipRow { member_id: String, role: String, manager: bool, consent: i64, circle: CircleRow }
}

/// A member's own membership (`m`) and its circle (`c`, with `o` and `l` as
/// `circle_from!` joins them). Bind `$1` to "now".
macro_rules! membership_columns {
    () => {
        concat!("m.id, m.role, m.manager, c.consent_hidden, ", $crate::circles::circle_columns!())
    };
}
pub(crate) use membership_columns;

/// When the membership `m` counts: not ended, not past its end date. Bind
/// `$1` to "now".
macro_rules! membership_active {
    () => {
        "m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1)"
    };
}
pub(crate) use membership_active;

/// A credential's statement that reads, with the credential, the user's own
/// membership in circle `$3` (the circle of the request's path; none when
/// `$3` is `NULL`): the credential's `$columns` from `$from`, then `LEFT
/// JOIN`s from its user column `$user` to the membership `m` and its circle,
/// read into a trailing `Joined<MembershipRow>`. Bind `$1` to "now".
macro_rules! with_membership_in_path {
    (select $columns:literal from $from:literal user $user:literal where $where:literal) => {
        concat!(
            "SELECT ",
            $columns,
            ", m.id IS NOT NULL, ",
            $crate::circles::membership_columns!(),
            " FROM ",
            $from,
            " LEFT JOIN memberships m ON m.user_id = ",
            $user,
            " AND m.circle_id = $3 AND ",
            $crate::circles::membership_active!(),
            " LEFT JOIN circles c ON c.id = m.circle_id",
            " LEFT JOIN organisations o ON o.id = c.organisation_id LEFT JOIN locations l ON l.id = c.location_id",
            " WHERE ",
            $where
        )
    };
}
pub(crate) use with_membership_in_path;

/// The membership a row describes, its circle shared by the capabilities
/// made from it.
pub(crate) fn membership_from_row(
    MembershipRow { member_id, role, manager, consent, circle }: MembershipRow,
) -> Result<Membership> {
    let role = Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?;
    let circle = circle_from_row(circle);
    let facts = MemberFacts {
        role,
        manager,
        circle_archived: circle.archived_at.is_some(),
        consent: Consent::from_db(consent),
    };
    Ok(Membership { member_id: MemberId::from_db(member_id), facts, circle: Arc::new(circle) })
}
