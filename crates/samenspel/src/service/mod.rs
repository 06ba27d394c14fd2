//! What Samenspel does, independent of how it is asked: the web pages and the
//! JSON API both call these functions, so they cannot disagree. Each function
//! that touches circle data first obtains a capability through [`Ctx::can`],
//! which checks the policy and writes the audit record.

pub mod about;
pub mod accounts;
pub mod agenda;
pub mod agreements;
pub mod audit;
pub mod calendar;
pub mod changes;
pub mod checkins;
pub mod circles;
pub mod consent;
pub mod conversations;
pub mod fhir;
pub mod help;
pub mod inbox;
pub mod invitations;
pub mod knowledge;
pub mod location_agenda;
pub mod logbook;
pub mod members;
pub mod monitor;
pub mod network;
pub mod notifications;
pub mod notify;
pub mod pool;
pub mod practice;
pub mod privacy;
pub mod profiles;
pub mod second_factor;
pub mod social_map;
pub mod volunteer_checkins;

use crate::app::AppState;
use crate::i18n::Tr;
use samenspel_core::Result;
use samenspel_core::Timestamp;
use samenspel_core::access::act;
use samenspel_core::audit::{Operation, Source, What};
use samenspel_core::ids::CircleId;
use samenspel_store::access::{Can, CurrentUser};

/// One signed-in request: who, from where, when.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub user: &'a CurrentUser,
    pub source: &'a Source,
    pub now: Timestamp,
    /// The requester's language, for anything we send on their behalf.
    pub tr: Tr,
}

impl Ctx<'_> {
    /// The capability to do `A` in `circle`, or `NotFound`/`Forbidden`.
    /// Every call leaves an audit record, allowed or denied.
    pub async fn can<A: act::Action>(&self, circle: &CircleId, what: What) -> Result<Can<A>> {
        self.state.store.authorize::<A>(self.user, circle, what, self.source, &self.state.audit, self.now).await
    }
}

/// What a page about one circle needs besides its own data: the circle and
/// the visitor's place in it — taken from the capability the request already
/// holds, so a page costs one authorization and one audit record.
pub struct InCircle<T> {
    pub circle: samenspel_core::circle::Circle,
    pub place: samenspel_store::access::Place,
    pub data: T,
}

pub(crate) fn in_circle<A, T>(cap: &Can<A>, data: T) -> Result<InCircle<T>> {
    let view = cap.also::<act::ViewCircle>().ok_or(samenspel_core::Error::Forbidden)?;
    Ok(InCircle { circle: view.circle().clone(), place: cap.place(), data })
}

/// Shorthand for audit descriptions.
pub(crate) fn what(
    operation: Operation,
    action: &'static str,
    object_type: &'static str,
    object_id: impl ToString,
) -> What {
    What::new(operation, action, object_type, Some(object_id.to_string()))
}
