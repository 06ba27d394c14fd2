//! Replies to an entry (writing, removing) and reactions.

use super::entries::{BodyForm, entry_page};
use crate::http::pages::{CirclePage, Empty, Form, save_form, see_other};
use crate::http::pages::{Detail, Object, PageResult};
use crate::service::logbook;
use serde::Deserialize;

pub async fn reply(p: CirclePage, Object(entry): Object, Form(f): Form<BodyForm>) -> PageResult {
    save_form(
        logbook::reply(&p.ctx(), &p.id, &entry, &f.body).await,
        |reply| p.at(&format!("/logbook/{entry}?done=notice-reply-saved#reply-{reply}")),
        async |errors| entry_page(&p, &entry, f.body, errors, None).await,
    )
    .await
}

pub async fn delete_reply(
    p: CirclePage,
    Object(entry): Object,
    Detail(reply): Detail,
    Form(_): Form<Empty>,
) -> PageResult {
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

pub async fn react(p: CirclePage, Object(entry): Object, Form(f): Form<ReactForm>) -> PageResult {
    logbook::react(&p.ctx(), &p.id, &entry, &f.reaction, f.on == "1").await?;
    Ok(see_other(&p.at(&format!("/logbook/{entry}#reactions"))))
}
