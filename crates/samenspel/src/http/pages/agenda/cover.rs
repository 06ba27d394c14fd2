//! Finding cover for a shift, and declining to cover when asked.

use super::items::{back_to, refused};
use crate::http::errors::PageError;
use crate::http::pages::{CirclePage, Empty, Form};
use crate::service::agenda;
use axum::extract::Path;
use axum::response::Response;

pub async fn find_cover(
    p: CirclePage,
    Path((_, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let r =
        agenda::find_cover(&p.ctx(), &p.id, &item, &on).await.map(|_| back_to(&p, &item, "", "notice-cover-started"));
    refused(&p, &item, r).await
}

pub async fn decline_cover(
    p: CirclePage,
    Path((_, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let r = agenda::decline_cover(&p.ctx(), &p.id, &item, &on)
        .await
        .map(|_| back_to(&p, &item, "", "notice-cover-declined"));
    refused(&p, &item, r).await
}
