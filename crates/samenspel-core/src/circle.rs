//! Circles (zorgnetwerken): everybody around one client.

use crate::Timestamp;
use crate::ids::{CircleId, LocationId, OrganisationId};
use crate::role::Role;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Circle {
    pub id: CircleId,
    /// How the circle names its client ("Henk de Vries", "mevrouw Jansen").
    pub client_name: String,
    pub description: String,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<String>,
    pub location_id: Option<LocationId>,
    pub location_name: Option<String>,
    pub created_at: Timestamp,
    pub archived_at: Option<Timestamp>,
    pub member_count: i64,
    /// The organisation's retention period: an archived circle is deleted
    /// this many days after it was archived (none: kept).
    pub retention_days: Option<u32>,
}

impl Circle {
    /// When the retention job deletes this circle, if it is archived and its
    /// organisation set a retention period.
    pub fn deleted_on(&self) -> Option<Timestamp> {
        let days = i64::from(self.retention_days?);
        self.archived_at?.checked_add(jiff::SignedDuration::from_hours(24 * days)).ok()
    }
}

/// One line of "my circles": the circle and my place in it.
#[derive(Clone, Debug, Serialize)]
pub struct MyCircle {
    pub circle: Circle,
    pub my_role: Role,
    pub my_relation: String,
    pub i_manage: bool,
    pub access_until: Option<Timestamp>,
}

/// What someone fills in to start a circle.
#[derive(Clone, Debug)]
pub struct NewCircle {
    pub client_name: String,
    pub description: String,
    pub location_id: Option<LocationId>,
    /// The starter's own role and relation in the new circle.
    pub my_role: Role,
    pub my_relation: String,
}
