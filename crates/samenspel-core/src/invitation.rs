//! Invitations to join a circle. The link carries a secret token; only its
//! hash is stored.

use crate::Timestamp;
use crate::ids::{CircleId, InvitationId};
use crate::role::Role;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub circle_id: CircleId,
    /// Set when the invitation was sent by e-mail; empty for a copied link.
    pub email: Option<String>,
    pub role: Role,
    pub relation: String,
    pub contact_person: bool,
    pub manager: bool,
    pub access_until: Option<Timestamp>,
    pub message: String,
    pub invited_by_name: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub state: InvitationState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationState {
    Open,
    Accepted,
    Revoked,
    Expired,
}

/// What an inviter fills in.
#[derive(Clone, Debug)]
pub struct NewInvitation {
    pub email: Option<String>,
    pub role: Role,
    pub relation: String,
    pub contact_person: bool,
    pub manager: bool,
    pub access_until: Option<Timestamp>,
    pub message: String,
    /// A contact on the network map whose place the new member takes.
    pub network_contact: Option<String>,
}

/// What the person who opens an invitation link sees before accepting.
#[derive(Clone, Debug, Serialize)]
pub struct InvitationPreview {
    pub id: InvitationId,
    pub circle_id: CircleId,
    pub client_name: String,
    pub invited_by_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub relation: String,
    pub message: String,
    pub access_until: Option<Timestamp>,
    pub state: InvitationState,
}
