//! Taking a shift: signing up (with a warning for a clash), giving it back
//! (perhaps asking others to take it over) and confirming it.

use super::items::{Back, back_to, item_page, refused};
use crate::http::pages::{CirclePage, Form, render};
use crate::http::pages::{Detail, Object, PageResult};
use crate::service::agenda;
use serde::Deserialize;

pub async fn sign_up(p: CirclePage, Object(item): Object, Detail(on): Detail, Form(b): Form<Back>) -> PageResult {
    let r = agenda::sign_up(&p.ctx(), &p.id, &item, &on).await;
    match r {
        Ok(clashes) if !clashes.is_empty() => {
            let tr = p.chrome().tr;
            let names: Vec<String> =
                clashes.iter().map(|s| format!("{} ({})", s.item.title, tr.occurrence(&s.occurrence))).collect();
            let warning = tr.t1("shift-clash-after", "items", names.join(", "));
            render(&item_page(&p, &item, Some("notice-signed-up"), Some(warning)).await?)
        }
        Ok(_) => Ok(back_to(&p, &item, &b.back, "notice-signed-up")),
        Err(e) => refused(&p, &item, Err(e)).await,
    }
}

#[derive(Deserialize, Default)]
pub struct GiveBackForm {
    #[serde(default)]
    back: String,
    /// "on": ask others to take it over.
    find_cover: Option<String>,
}

pub async fn give_back(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(f): Form<GiveBackForm>,
) -> PageResult {
    let ctx = p.ctx();
    let r = if f.find_cover.is_some() {
        agenda::give_back_and_find_cover(&ctx, &p.id, &item, &on)
            .await
            .map(|_| back_to(&p, &item, &f.back, "notice-given-back-cover"))
    } else {
        agenda::give_back(&ctx, &p.id, &item, &on).await.map(|_| back_to(&p, &item, &f.back, "notice-given-back"))
    };
    refused(&p, &item, r).await
}

pub async fn confirm(p: CirclePage, Object(item): Object, Detail(on): Detail, Form(b): Form<Back>) -> PageResult {
    let r = agenda::confirm(&p.ctx(), &p.id, &item, &on).await.map(|_| back_to(&p, &item, &b.back, "notice-confirmed"));
    refused(&p, &item, r).await
}
