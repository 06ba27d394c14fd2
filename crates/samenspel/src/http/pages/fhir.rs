//! "Overdracht naar een zorgdossier": the circle as a FHIR R4 Bundle, for
//! the client side and the professionals the client's consent allows.

use super::{Chrome, CircleNav, CirclePage, render};
use crate::http::pages::PageResult;
use askama::Template;
use axum::http::header;
use axum::response::IntoResponse;

#[derive(Template)]
#[template(path = "fhir.html")]
struct ExportPage {
    c: Chrome,
    nav: CircleNav,
}

/// What the download holds, and the button.
pub async fn show(p: CirclePage) -> PageResult {
    let page = crate::service::circles::place(&p.ctx(), &p.id).await?;
    render(&ExportPage { c: p.chrome(), nav: p.nav(&page, "export") })
}

/// The Bundle as a file. Staff enter a fresh second-factor code first.
pub async fn download(p: CirclePage, _: super::SteppedUp) -> PageResult {
    let bundle = crate::service::fhir::export(&p.ctx(), &p.id).await?;
    let today = crate::i18n::local(&jiff::Timestamp::now()).date();
    let disposition = format!("attachment; filename=\"samenspel-fhir-{today}.json\"");
    let body = serde_json::to_vec_pretty(&bundle).unwrap_or_default();
    Ok((
        [
            (header::CONTENT_TYPE, "application/fhir+json; fhirVersion=4.0".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}
