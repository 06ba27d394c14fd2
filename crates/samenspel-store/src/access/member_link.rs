//! [`MemberLink`]: proof that a request carries the link Samenspel signed
//! for one membership — the "change or stop these e-mails" link in every
//! notification, which works without signing in. The signature is checked
//! here, with the membership it names, so the proof comes only from a link
//! Samenspel made for a membership that is still there.

use crate::db::Store;
use crate::sql::args;
use samenspel_core::error::{Error, Result};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::signing::{sign, signed_valid};

/// What the signature is for, so it cannot be used as another token.
const PURPOSE: &str = "notifications";

/// The membership a signed link opens, with its circle's client name.
#[derive(Debug)]
pub struct MemberLink {
    member_id: MemberId,
    circle_id: CircleId,
    client_name: String,
    for_client: bool,
}

impl MemberLink {
    pub fn member_id(&self) -> &MemberId {
        &self.member_id
    }
    pub fn circle_id(&self) -> &CircleId {
        &self.circle_id
    }
    pub fn client_name(&self) -> &str {
        &self.client_name
    }
    /// The membership is the client's own (the page says "je kring").
    pub fn for_client(&self) -> bool {
        self.for_client
    }

    /// The token for a membership's link, signed with `key`.
    pub fn token(key: &str, member: &MemberId) -> String {
        sign(key, PURPOSE, member.as_str())
    }
}

impl Store {
    /// Opens a membership's signed link: `NotFound` for a wrong signature or
    /// a membership that has ended.
    pub async fn open_member_link(&self, key: &str, member: &MemberId, token: &str) -> Result<MemberLink> {
        if !signed_valid(key, PURPOSE, member.as_str(), token) {
            return Err(Error::NotFound);
        }
        let (circle, client_name, role): (String, String, String) = self.one(
            "SELECT c.id, c.client_name, m.role FROM memberships m JOIN circles c ON c.id = m.circle_id WHERE m.id = $1 AND m.ended_at IS NULL",
            args![member.as_str()],
        ).await?;
        let for_client = role == samenspel_core::role::Role::Client.as_str();
        Ok(MemberLink { member_id: member.clone(), circle_id: CircleId::from_db(circle), client_name, for_client })
    }
}
