//! Who is asking: a [`CurrentUser`], made only from a credential the store
//! found and checked (a session, an API token, a calendar address) or, for
//! background jobs, from the user's own row.

use crate::circles::{MembershipRow, membership_from_row};
use crate::db::Store;
use crate::second_factor::SessionFactor;
use crate::sql::{Joined, args};
use samenspel_core::Timestamp;
use samenspel_core::access::MemberFacts;
use samenspel_core::circle::Circle;
use samenspel_core::error::{Error, Result};
use samenspel_core::ids::{ApiTokenId, CircleId, MemberId, SessionId, UserId};
use samenspel_core::locale::Locale;
use std::sync::Arc;

/// How the current request proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    Session(SessionId),
    ApiToken(ApiTokenId),
    /// A calendar app fetching the user's secret calendar address.
    CalendarFeed,
    /// A background job acting for this person (the digest they receive).
    Job(&'static str),
}

/// A signed-in person. Private fields: only this crate makes one.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    id: UserId,
    display_name: String,
    email: String,
    locale: Locale,
    credential: Credential,
    /// What the gate read of their membership in the circle of the request's
    /// path ([`Store::admit`]), so that `authorize` in the same request need
    /// not read it again.
    admitted: Option<Admission>,
    /// How the browser session stood with the second factor, read with the
    /// session itself (so a page's guard needs no query of its own).
    session_factor: Option<SessionFactor>,
}

/// Someone's active membership in one circle, with the circle itself, as
/// one statement read them ([`Internal::active_membership`]).
///
/// [`Internal::active_membership`]: crate::Internal::active_membership
#[derive(Clone, Debug)]
pub struct Membership {
    pub member_id: MemberId,
    pub facts: MemberFacts,
    /// The circle as read with the membership. Shared: every capability made
    /// from this reading holds it.
    pub circle: Arc<Circle>,
}

/// Someone's active membership in one circle (or that they have none there)
/// as read with their credential or by the gate. Only the store makes one,
/// and only into the `CurrentUser` it was read for.
#[derive(Clone, Debug)]
pub(crate) struct Admission {
    pub(crate) circle: CircleId,
    pub(crate) membership: Option<Membership>,
    pub(crate) at: Timestamp,
}

/// `user`, carrying what their credential's statement read of their
/// membership in `circle` (the circle of the request's path), found or not.
pub(crate) fn with_membership(
    user: CurrentUser,
    circle: Option<&CircleId>,
    read: Joined<MembershipRow>,
    now: Timestamp,
) -> Result<CurrentUser> {
    let Some(circle) = circle else { return Ok(user) };
    let membership = read.0.map(membership_from_row).transpose()?;
    Ok(user.admitted(Admission { circle: circle.clone(), membership, at: now }))
}

/// How long the gate's reading stands in for a new one: a request, not a session.
const ADMISSION_HOLDS_MS: i64 = 30_000;

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
    /// The reading of the membership in `circle` this request made already,
    /// while it is fresh: `Some(None)` when it found none.
    pub(crate) fn admission(&self, circle: &CircleId, now: Timestamp) -> Option<Option<Membership>> {
        self.admitted
            .as_ref()
            .filter(|a| {
                a.circle == *circle && (now.as_millisecond() - a.at.as_millisecond()).abs() < ADMISSION_HOLDS_MS
            })
            .map(|a| a.membership.clone())
    }

    /// This user, carrying a reading of their membership in one circle.
    pub(crate) fn admitted(self, admission: Admission) -> CurrentUser {
        CurrentUser { admitted: Some(admission), ..self }
    }

    /// How this browser session stood with the second factor when the session
    /// was read for this request (`None` for other credentials). Later changes
    /// in the same request are not in it: ask `Store::session_factor` then.
    pub fn session_factor(&self) -> Option<SessionFactor> {
        self.session_factor
    }

    /// This user with their session's second-factor state, as read with the session.
    pub(crate) fn with_session_factor(self, factor: SessionFactor) -> CurrentUser {
        CurrentUser { session_factor: Some(factor), ..self }
    }

    /// The session this request runs in, when signed in through the browser.
    pub fn session_id(&self) -> Option<&SessionId> {
        match &self.credential {
            Credential::Session(id) => Some(id),
            Credential::ApiToken(_) | Credential::CalendarFeed | Credential::Job(_) => None,
        }
    }
}

/// What the store read about a presented credential.
#[derive(Clone, Debug)]
pub(crate) struct CredentialRecord {
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
/// its user is not disabled. Anything else is [`Error::Unauthenticated`].
pub(crate) fn authenticate(record: Option<CredentialRecord>, now: Timestamp) -> Result<CurrentUser> {
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
        admitted: None,
        session_factor: None,
    })
}

impl Store {
    /// The user a background job acts for (`job` names the job in the audit
    /// trail), read from their own row: a disabled account gets nothing.
    pub(crate) async fn user_for_job(&self, user: &UserId, job: &'static str) -> Result<CurrentUser> {
        let row: Option<(String, String, String, Option<i64>)> = self
            .opt("SELECT display_name, email, locale, disabled_at FROM users WHERE id = $1", args![user.as_str()])
            .await?;
        let record = row.map(|(display_name, email, locale, disabled)| CredentialRecord {
            user_id: user.clone(),
            display_name,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
            user_disabled: disabled.is_some(),
            credential: Credential::Job(job),
            expires_at: None,
            revoked: false,
        });
        authenticate(record, Timestamp::now())
    }
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
