//! The proofs: who is asking ([`CurrentUser`]) and what they may do — a
//! [`Can<A>`] in one circle, a [`LocationCan<A>`] at one location, an
//! [`OrgCan<A>`] in one organisation.
//!
//! Each proof is minted here and only here, from facts this crate reads
//! itself in the same call: the credential behind a cookie or token, the
//! asker's own membership, their standing at a location, their staff roles.
//! Their fields are private and the facts are never accepted from a caller,
//! so code outside the store cannot forge one (the doctests below fail to
//! compile if anyone re-opens that door). What the answer is — allowed,
//! forbidden, not found — is decided by the pure functions of
//! `samenspel_core::access`; every decision is written to the audit trail
//! before it is answered.
//!
//! A capability cannot be built from outside:
//!
//! ```compile_fail,E0451
//! # use samenspel_store::access::Can;
//! # use samenspel_core::access::act;
//! # use samenspel_core::{circle::Circle, consent::Consent, ids::{CircleId, MemberId, UserId}, role::Role};
//! # use std::sync::Arc;
//! fn forge(circle_id: CircleId, member_id: MemberId, user_id: UserId, circle: Arc<Circle>) -> Can<act::ReadLogbook> {
//!     let (role, consent) = (Role::Professional, Consent::default());
//!     Can { circle_id, member_id, user_id, role, manager: true, archived: false, consent, circle, _action: std::marker::PhantomData }
//! }
//! ```
//!
//! nor a signed-in user:
//!
//! ```compile_fail,E0451
//! # use samenspel_store::access::{CurrentUser, Credential};
//! fn forge() -> CurrentUser {
//!     CurrentUser { id: todo!(), display_name: String::new(), email: String::new(), locale: Default::default(), credential: Credential::Job("forged"), admitted: None, session_factor: None }
//! }
//! ```
//!
//! nor a location's or an organisation's capability:
//!
//! ```compile_fail,E0451
//! # use samenspel_store::access::LocationCan;
//! # use samenspel_core::access::location::lact;
//! fn forge() -> LocationCan<lact::PlanLocationAgenda> {
//!     LocationCan { location_id: todo!(), location_name: String::new(), user_id: todo!(), standing: Default::default(), _action: std::marker::PhantomData }
//! }
//! ```
//!
//! ```compile_fail,E0451
//! # use samenspel_store::access::OrgCan;
//! # use samenspel_core::access::oact;
//! fn forge() -> OrgCan<oact::StartCircle> {
//!     OrgCan { organisation_id: todo!(), user_id: todo!(), standing: Default::default(), _action: std::marker::PhantomData }
//! }
//! ```
//!
//! nor a sign-in proof:
//!
//! ```compile_fail,E0451
//! # use samenspel_store::access::Verified;
//! fn forge() -> Verified { Verified { user_id: todo!() } }
//! ```
//!
//! ```compile_fail,E0624
//! # use samenspel_store::access::Verified;
//! fn forge() -> Verified { Verified::new(todo!()) }
//! ```
//!
//! while reading one that the store made is fine:
//!
//! ```
//! # use samenspel_store::access::{Can, CurrentUser, LocationCan, OrgCan};
//! # use samenspel_core::access::{act, oact, location::lact};
//! fn circle_of(cap: &Can<act::ReadLogbook>) -> String { cap.circle_id().to_string() }
//! fn name_of(user: &CurrentUser) -> &str { user.display_name() }
//! fn location_of(cap: &LocationCan<lact::PlanLocationAgenda>) -> &str { cap.location_name() }
//! fn org_of(cap: &OrgCan<oact::StartCircle>) -> String { cap.organisation_id().to_string() }
//! fn who(proof: &samenspel_store::access::Verified) -> String { proof.user_id().to_string() }
//! ```

mod circle;
mod location;
mod member_link;
mod org;
pub(crate) mod password;
mod user;
mod verified;

pub use circle::{Can, Place, Reads};

/// Records an access decision and waits until the record is durable. The
/// request's read snapshot goes back first: the wait is for the disk, and a
/// snapshot held through it would keep a connection per waiting request
/// (see `readers`).
async fn record(
    audit: &impl samenspel_core::audit::AuditSink,
    event: samenspel_core::audit::AuditEvent,
) -> samenspel_core::Result<()> {
    crate::readers::end_snapshot();
    audit.record(event).await
}
pub use location::LocationCan;
pub use member_link::MemberLink;
pub use org::OrgCan;
pub use user::{Credential, CurrentUser, Membership};
pub(crate) use user::{CredentialRecord, authenticate, with_membership};
pub use verified::Verified;
