//! What an actor may do, decided by pure functions: the actions
//! ([`CircleAction`], [`OrgAction`], [`location::LocationAction`]), the policy
//! (a truth table of role × action and the rules about who may change what),
//! and the answers — allowed, forbidden or not found — that [`decide`] and its
//! siblings give for the facts about someone.
//!
//! The proofs themselves — the capabilities `Can<A>`, `OrgCan<A>` and
//! `LocationCan<A>`, and the signed-in `CurrentUser` — live in the store crate
//! (`samenspel_store::access`). A proof is minted from facts read from the
//! database (a membership, a credential, a standing at a location), so only
//! the code that reads them can make one: nothing outside the store can
//! construct a capability or the facts it is made from.

mod actions;
mod decide;
pub mod location;
mod policy;

pub use actions::{CircleAction, OrgAction, act, oact};
pub use decide::{MemberFacts, decide, decide_org};
pub use policy::{
    OrgStanding, may, may_change_about, may_change_agenda_item, may_change_agreement, may_change_member,
    may_close_entry, may_mark_carer_roles, may_org, permitted,
};
