//! My data and privacy (GDPR self-service): download everything as one ZIP
//! file, where to correct what, delete my account, and the log of these
//! requests with their answer dates.

use super::{Chrome, Done, Errors, Form, UserPage, form_errors, render, render_with};
use crate::http::context::{SESSION_COOKIE, Visitor, removal_cookie};
use crate::http::pages::PageResult;
use crate::service::privacy;
use askama::Template;
use axum::body::Body;
use axum::extract::Query;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use samenspel_core::Error;
use samenspel_core::privacy::PrivacyRequest;
use serde::Deserialize;
use tokio::io::AsyncReadExt;

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    c: Chrome,
    requests: Vec<PrivacyRequest>,
    /// The circles I manage alone (by the client's name): they block deleting.
    managed_alone: Vec<String>,
    errors: Errors,
    notice: Option<&'static str>,
}

impl PrivacyPage {
    fn request(&self, kind: &samenspel_core::privacy::RequestKind) -> String {
        self.c.tr.t(&format!("privacy-request-{}", kind.as_str()))
    }
}

async fn page(p: &UserPage, errors: Errors) -> Result<PrivacyPage, crate::http::errors::PageError> {
    let (requests, managed_alone) = privacy::overview(&p.ctx()).await?;
    Ok(PrivacyPage { c: p.chrome(), requests, managed_alone, errors, notice: None })
}

pub async fn show(p: UserPage, Query(done): Query<Done>) -> PageResult {
    let mut view = page(&p, Errors::default()).await?;
    view.notice = done.notice();
    render(&view)
}

/// The export as a download. Staff with a second factor confirm a recent
/// code first ([`super::SteppedUp`]). The file is streamed from disk, so a
/// member with many photos costs little memory.
pub async fn export(_: super::SteppedUp, p: UserPage) -> PageResult {
    let export = privacy::export(&p.ctx()).await?;
    let file = export.open().await?;
    let length = file.metadata().await.map_err(Error::internal)?.len();
    // Fused: a layer may poll once more after the end (the compression layer does).
    let chunks = futures_util::stream::unfold(file, |mut file| async move {
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<_, std::io::Error>(buf), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    })
    .fuse();
    let disposition = format!("attachment; filename=\"{}\"", export.file_name);
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_LENGTH, length.to_string()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct DeleteForm {
    #[serde(default)]
    understood: Option<String>,
}

/// Deletes my account, signs this browser out and says what happened.
pub async fn delete(p: UserPage, Form(f): Form<DeleteForm>) -> PageResult {
    match form_errors(privacy::delete_account(&p.ctx(), f.understood.is_some()).await)? {
        Ok(()) => {
            let mut r: Response = super::see_other("/account/deleted");
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&p.state, SESSION_COOKIE));
            Ok(r)
        }
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&p, errors).await?),
    }
}

#[derive(Template)]
#[template(path = "privacy_deleted.html")]
struct DeletedPage {
    c: Chrome,
}

/// After deleting: open to anyone, as the session is gone.
pub async fn deleted(v: Visitor) -> PageResult {
    render(&DeletedPage { c: Chrome::new(&v) })
}
