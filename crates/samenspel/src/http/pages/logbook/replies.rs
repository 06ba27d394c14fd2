//! Replies to an entry (writing, removing) and reactions.

use super::entries::{BodyForm, entry_page};
use crate::http::errors::PageError;
use crate::http::pages::{CirclePage, Empty, Form, save_form, see_other};
use crate::service::logbook;
use axum::extract::Path;
use axum::response::Response;
use serde::Deserialize;

pub async fn reply(
    p: CirclePage,
    Path((_, entry)): Path<(String, String)>,
    Form(f): Form<BodyForm>,
) -> Result<Response, PageError> {
    save_form(
        logbook::reply(&p.ctx(), &p.id, &entry, &f.body).await,
        |reply| p.at(&format!("/logbook/{entry}?done=notice-reply-saved#reply-{reply}")),
        async |errors| entry_page(&p, &entry, f.body, errors, None).await,
    )
    .await
}

pub async fn delete_reply(
    p: CirclePage,
    Path((_, entry, reply)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    logbook::delete_reply(&p.ctx(), &p.id, &entry, &reply).await?;
    Ok(see_other(&p.at(&format!("/logbook/{entry}?done=notice-reply-removed"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReactForm {
    reaction: String,
    /// "1" to add, anything else to take back.
    on: String,
}

pub async fn react(
    p: CirclePage,
    Path((_, entry)): Path<(String, String)>,
    Form(f): Form<ReactForm>,
) -> Result<Response, PageError> {
    logbook::react(&p.ctx(), &p.id, &entry, &f.reaction, f.on == "1").await?;
    Ok(see_other(&p.at(&format!("/logbook/{entry}#reactions"))))
}
