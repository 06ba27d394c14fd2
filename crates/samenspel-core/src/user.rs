//! Accounts.

use crate::Timestamp;
use crate::ids::UserId;
use crate::locale::Locale;
use serde::Serialize;

/// An account as the person themselves (or an operator) sees it.
#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub has_password: bool,
    pub created_at: Timestamp,
    pub disabled: bool,
}
