//! The page the service worker shows offline for a page it did not keep.
//! It is kept at install, so it holds nothing personal: no name in the
//! header and no form.

use super::{Chrome, render};
use crate::http::context::Visitor;
use crate::http::pages::PageResult;
use askama::Template;
use axum::http::{HeaderValue, header};

#[derive(Template)]
#[template(path = "offline.html")]
struct OfflinePage {
    c: Chrome,
}

pub async fn show(v: Visitor) -> PageResult {
    let mut c = Chrome::new(&v);
    c.user_name = None;
    let mut r = render(&OfflinePage { c })?;
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(r)
}
