//! Sign-in links that operators print (`admin sign-in-link`, `demo`).

use crate::app::AppState;
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::sign_in_links::NewLink;

/// A sign-in link that operators print (`admin sign-in-link`, `demo`): no e-mail.
pub async fn issue_sign_in_link(
    state: &AppState,
    user: &UserId,
    valid: jiff::SignedDuration,
    now: Timestamp,
) -> Result<String> {
    let token = crate::crypto::random_token();
    let expires_at = now.saturating_add(valid).map_err(Error::internal)?;
    let link = NewLink { token_hash: &crate::crypto::token_hash(&token), invitation: None, expires_at };
    state.store.internal().create_sign_in_link(user, link, None, now).await?;
    Ok(state.config.link(&format!("/sign-in/link/{token}")))
}
