//! Finding cover for a shift, and declining to cover when asked.

use super::items::{back_to, refused};
use crate::http::pages::{CirclePage, Empty, Form};
use crate::http::pages::{Detail, Object, PageResult};
use crate::service::agenda;

pub async fn find_cover(p: CirclePage, Object(item): Object, Detail(on): Detail, Form(_): Form<Empty>) -> PageResult {
    let r =
        agenda::find_cover(&p.ctx(), &p.id, &item, &on).await.map(|_| back_to(&p, &item, "", "notice-cover-started"));
    refused(&p, &item, r).await
}

pub async fn decline_cover(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(_): Form<Empty>,
) -> PageResult {
    let r = agenda::decline_cover(&p.ctx(), &p.id, &item, &on)
        .await
        .map(|_| back_to(&p, &item, "", "notice-cover-declined"));
    refused(&p, &item, r).await
}
