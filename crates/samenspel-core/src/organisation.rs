//! Organisations and their locations (teams).

use crate::Timestamp;
use crate::ids::{LocationId, OrganisationId};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub created_at: Timestamp,
    pub policy: Policy,
}

/// What an organisation decided for everyone in its circles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// Everyone signs in with a second factor, not only staff.
    pub require_second_factor: bool,
    /// Days an archived circle is kept before the retention job deletes it;
    /// none keeps it until someone deletes it.
    pub retention_days: Option<u32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Location {
    pub id: LocationId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub created_at: Timestamp,
}
