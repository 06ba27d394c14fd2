//! [`Verified`]: proof that someone showed, just now, who they are — a
//! sign-in link used, a password checked, an invitation accepted with the
//! address it was sent to. Only the store functions that make those checks
//! mint one, and a session is opened only with one
//! ([`Store::create_session`](crate::Store::create_session)).

use samenspel_core::ids::UserId;

/// Who proved themselves. Private field: only this crate makes one.
#[derive(Debug)]
pub struct Verified {
    user_id: UserId,
}

impl Verified {
    pub(crate) fn new(user_id: UserId) -> Self {
        Verified { user_id }
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
}
