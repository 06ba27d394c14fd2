//! Members of a circle.

use crate::Timestamp;
use crate::audience::Audience;
use crate::ids::{MemberId, UserId};
use crate::role::Role;
use serde::Serialize;

/// A member as others in the circle see them. `email` is `None` when the
/// member's contact audience does not include the viewer.
#[derive(Clone, Debug, Serialize)]
pub struct Member {
    pub id: MemberId,
    pub user_id: UserId,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub relation: String,
    pub contact_person: bool,
    pub manager: bool,
    pub access_until: Option<Timestamp>,
    pub joined_at: Timestamp,
    pub contact_audience: Audience,
}

impl Member {
    /// Managers may invite, change roles and archive; some roles always manage.
    pub fn manages(&self) -> bool {
        self.manager || self.role.always_manages()
    }
}

/// Changes a manager can make to a membership. `None` leaves a field alone.
#[derive(Clone, Debug, Default)]
pub struct MemberChanges {
    pub role: Option<Role>,
    pub relation: Option<String>,
    pub contact_person: Option<bool>,
    pub manager: Option<bool>,
    /// `Some(None)` removes the end date.
    pub access_until: Option<Option<Timestamp>>,
}

/// Why a membership ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndReason {
    Left,
    Removed,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Left => "left",
            EndReason::Removed => "removed",
        }
    }
}
