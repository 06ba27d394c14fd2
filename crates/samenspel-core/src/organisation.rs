//! Organisations and their locations (teams).

use crate::Timestamp;
use crate::ids::{LocationId, OrganisationId};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct Location {
    pub id: LocationId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub created_at: Timestamp,
}
