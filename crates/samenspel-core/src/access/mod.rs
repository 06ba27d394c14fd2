//! The one module that decides what an actor may do.
//!
//! * [`authenticate`] turns a credential record into a [`CurrentUser`]; a bad
//!   credential is an error, not an anonymous user.
//! * [`authorize`] turns a user and their own membership into a capability
//!   [`Can<A>`] for one circle, after recording the attempt in the audit trail.
//! * [`authorize_org`] does the same for organisation-level actions, and
//!   [`location::authorize_location`] for a location's own agenda.
//!
//! Capabilities have private fields and no public constructor, so only this
//! module can create them. Store functions that touch circle data take one and
//! put its circle in their `WHERE` clause: forgetting a check does not compile.

mod capability;
pub mod location;
mod policy;

pub use capability::{Can, OrgCan, Place, act, authorize, authorize_org};
pub use policy::{
    CircleAction, OrgAction, may, may_change_about, may_change_agenda_item, may_change_agreement, may_change_member,
    may_close_entry, may_mark_carer_roles, may_org,
};

use crate::Timestamp;
use crate::error::{Error, Result};
use crate::ids::{ApiTokenId, SessionId, UserId};
use crate::locale::Locale;

/// How the current request proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    Session(SessionId),
    ApiToken(ApiTokenId),
    /// A background job acting for this person (the digest they receive).
    Job(&'static str),
}

/// A signed-in person. Only [`authenticate`] makes one.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    id: UserId,
    display_name: String,
    email: String,
    locale: Locale,
    credential: Credential,
}

impl CurrentUser {
    pub fn id(&self) -> &UserId {
        &self.id
    }
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    pub fn email(&self) -> &str {
        &self.email
    }
    pub fn locale(&self) -> Locale {
        self.locale
    }
    pub fn credential(&self) -> &Credential {
        &self.credential
    }
    /// The session this request runs in, when signed in through the browser.
    pub fn session_id(&self) -> Option<&SessionId> {
        match &self.credential {
            Credential::Session(id) => Some(id),
            Credential::ApiToken(_) | Credential::Job(_) => None,
        }
    }
}

/// What the store knows about a presented credential.
#[derive(Clone, Debug)]
pub struct CredentialRecord {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub locale: Locale,
    pub user_disabled: bool,
    pub credential: Credential,
    pub expires_at: Option<Timestamp>,
    pub revoked: bool,
}

/// Accepts a credential only when it exists, is not revoked or expired, and
/// its user is not disabled.
pub fn authenticate(record: Option<CredentialRecord>, now: Timestamp) -> Result<CurrentUser> {
    let r = record.ok_or(Error::Unauthenticated)?;
    if r.revoked || r.user_disabled || r.expires_at.is_some_and(|e| e <= now) {
        return Err(Error::Unauthenticated);
    }
    Ok(CurrentUser {
        id: r.user_id,
        display_name: r.display_name,
        email: r.email,
        locale: r.locale,
        credential: r.credential,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> CredentialRecord {
        CredentialRecord {
            user_id: UserId::generate(),
            display_name: "Ans".into(),
            email: "ans@example.nl".into(),
            locale: Locale::Nl,
            user_disabled: false,
            credential: Credential::Session(SessionId::generate()),
            expires_at: Some(Timestamp::from_second(2_000_000_000).expect("valid")),
            revoked: false,
        }
    }

    #[test]
    fn authenticate_checks_every_condition() {
        let now = Timestamp::from_second(1_900_000_000).expect("valid");
        assert!(authenticate(Some(record()), now).is_ok());
        assert!(matches!(authenticate(None, now), Err(Error::Unauthenticated)));
        let mut r = record();
        r.revoked = true;
        assert!(authenticate(Some(r), now).is_err());
        let mut r = record();
        r.user_disabled = true;
        assert!(authenticate(Some(r), now).is_err());
        let later = Timestamp::from_second(2_000_000_000).expect("valid");
        assert!(authenticate(Some(record()), later).is_err(), "expiry is exclusive");
    }
}
