//! What each route requires. Pages and API routes register themselves with
//! one of these, and the authorization matrix test walks every registered
//! route as every kind of visitor and checks the answer against the policy.

use axum::http::Method;
use samenspel_core::access::location::LocationAction;
use samenspel_core::access::{CircleAction, OrgAction};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone holding a secret token from a link (invitation, sign-in link).
    Token,
    /// Any signed-in person; works on their own data only.
    SignedIn,
    /// A member of the circle in the path who may do this action.
    Circle(CircleAction),
    /// As `Circle`, and the object decides too: only its writer edits it,
    /// its writer or a manager removes it. Others in the circle get 403.
    CircleObject(CircleAction),
    /// Someone who stands at the location in the path (its organisation's
    /// staff, or a member of one of its circles) and may do this action.
    Location(LocationAction),
    /// Someone on the staff of the organisation in the path who may do this
    /// action (a location's own staff are not: they use the location's routes).
    Organisation(OrgAction),
}

#[derive(Clone, Debug)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}
