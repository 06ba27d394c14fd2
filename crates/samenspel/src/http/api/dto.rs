//! The API's response shapes. Kept apart from the domain types on purpose:
//! this is a published contract, and the domain may change underneath it.

use jiff::Timestamp;
use samenspel_core::audit::AuditRecord;
use samenspel_core::circle::{Circle, MyCircle};
use samenspel_core::invitation::Invitation;
use samenspel_core::member::Member;
use samenspel_store::api_tokens::ApiTokenInfo;
use samenspel_store::sessions::SessionInfo;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CircleDto {
    pub id: String,
    /// How the circle names its client.
    pub client_name: String,
    pub description: String,
    pub organisation: Option<NamedRef>,
    pub location: Option<NamedRef>,
    pub created_at: Timestamp,
    pub archived_at: Option<Timestamp>,
    /// When the organisation's retention period ends for this archived
    /// circle: then it is deleted with everything in it.
    pub deleted_on: Option<Timestamp>,
    pub member_count: i64,
}

impl From<Circle> for CircleDto {
    fn from(c: Circle) -> Self {
        let deleted_on = c.deleted_on();
        CircleDto {
            id: c.id.to_string(),
            client_name: c.client_name,
            description: c.description,
            organisation: c
                .organisation_id
                .map(|id| NamedRef { id: id.to_string(), name: c.organisation_name.unwrap_or_default() }),
            location: c
                .location_id
                .map(|id| NamedRef { id: id.to_string(), name: c.location_name.unwrap_or_default() }),
            created_at: c.created_at,
            archived_at: c.archived_at,
            deleted_on,
            member_count: c.member_count,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MyMembershipDto {
    /// client, representative, relative, volunteer, professional or coordinator
    pub role: String,
    pub relation: String,
    pub manages: bool,
    pub access_until: Option<Timestamp>,
}

#[derive(Serialize, ToSchema)]
pub struct MyCircleDto {
    pub circle: CircleDto,
    pub membership: MyMembershipDto,
}

impl From<MyCircle> for MyCircleDto {
    fn from(m: MyCircle) -> Self {
        MyCircleDto {
            circle: m.circle.into(),
            membership: MyMembershipDto {
                role: m.my_role.as_str().into(),
                relation: m.my_relation,
                manages: m.i_manage,
                access_until: m.access_until,
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub id: String,
    pub user_id: String,
    pub display_name: String,
    /// Absent when the member shares their address with a group you are not in.
    pub email: Option<String>,
    /// client, representative, relative, volunteer, professional or coordinator
    pub role: String,
    pub relation: String,
    /// Vaste contactpersoon.
    pub contact_person: bool,
    pub manages: bool,
    pub access_until: Option<Timestamp>,
    pub joined_at: Timestamp,
    /// Who may see this member's e-mail address: circle, professionals or informal.
    pub contact_audience: String,
}

impl From<Member> for MemberDto {
    fn from(m: Member) -> Self {
        MemberDto {
            manages: m.manages(),
            id: m.id.to_string(),
            user_id: m.user_id.to_string(),
            display_name: m.display_name,
            email: m.email,
            role: m.role.as_str().into(),
            relation: m.relation,
            contact_person: m.contact_person,
            access_until: m.access_until,
            joined_at: m.joined_at,
            contact_audience: m.contact_audience.as_str().into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct InvitationDto {
    pub id: String,
    pub email: Option<String>,
    pub role: String,
    pub relation: String,
    pub contact_person: bool,
    pub manager: bool,
    pub access_until: Option<Timestamp>,
    pub message: String,
    pub invited_by: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    /// open, accepted, revoked or expired
    pub state: String,
}

impl From<Invitation> for InvitationDto {
    fn from(i: Invitation) -> Self {
        InvitationDto {
            id: i.id.to_string(),
            email: i.email,
            role: i.role.as_str().into(),
            relation: i.relation,
            contact_person: i.contact_person,
            manager: i.manager,
            access_until: i.access_until,
            message: i.message,
            invited_by: i.invited_by_name,
            created_at: i.created_at,
            expires_at: i.expires_at,
            state: serde_json::to_value(i.state).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedInvitationDto {
    pub id: String,
    /// The secret link to pass on. Shown only in this response; absent when a
    /// retried request (same Idempotency-Key) found the invitation already made.
    pub link: Option<String>,
    pub emailed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationPreviewDto {
    pub client_name: String,
    pub invited_by: String,
    pub role: String,
    pub relation: String,
    pub message: String,
    pub access_until: Option<Timestamp>,
    pub state: String,
}

#[derive(Serialize, ToSchema)]
pub struct JoinedDto {
    pub circle_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: String,
    pub name: String,
    /// admin and/or coordinator
    pub roles: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// nl or en
    pub locale: String,
    pub has_password: bool,
    pub organisations: Vec<OrganisationDto>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    pub id: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
    pub user_agent: String,
    pub ip: String,
}

impl From<SessionInfo> for SessionDto {
    fn from(s: SessionInfo) -> Self {
        SessionDto {
            id: s.id.to_string(),
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            expires_at: s.expires_at,
            user_agent: s.user_agent,
            ip: s.ip,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    pub id: String,
    pub name: String,
    /// The token's first characters.
    pub prefix: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

impl From<ApiTokenInfo> for TokenDto {
    fn from(t: ApiTokenInfo) -> Self {
        TokenDto {
            id: t.id.to_string(),
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedTokenDto {
    pub id: String,
    /// The token itself: shown only in this response.
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditRecordDto {
    pub seq: i64,
    pub at: Timestamp,
    pub actor_user_id: Option<String>,
    pub actor_name: String,
    /// create, read, update or delete
    pub operation: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    /// allowed or denied
    pub outcome: String,
    pub ip: Option<String>,
}

impl From<AuditRecord> for AuditRecordDto {
    fn from(r: AuditRecord) -> Self {
        let e = r.event;
        AuditRecordDto {
            seq: r.seq,
            at: e.at,
            actor_user_id: e.actor_user_id.map(|u| u.to_string()),
            actor_name: e.actor_name,
            operation: e.operation.as_str().into(),
            action: e.action,
            object_type: e.object_type,
            object_id: e.object_id,
            outcome: e.outcome.as_str().into(),
            ip: e.source.ip,
        }
    }
}
