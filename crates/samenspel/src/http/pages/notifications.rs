//! Notification settings: on the circle's pages, and behind the signed link
//! in every notification e-mail (which works without signing in).

use super::{Chrome, CirclePage, Errors, Form, form_errors, path_id, render, render_with, save_form};
use super::{CircleNav, Done};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::notifications::{self, SettingsInput, hhmm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use samenspel_core::Error;
use samenspel_core::ids::MemberId;
use samenspel_store::logbook::{Digest, NotificationSettings};
use serde::Deserialize;

/// The form's values, as shown.
pub struct Shown {
    immediate: bool,
    digest: String,
    quiet_from: String,
    quiet_until: String,
}

impl Shown {
    fn from(s: &NotificationSettings) -> Self {
        Shown {
            immediate: s.immediate,
            digest: s.digest.as_str().into(),
            quiet_from: s.quiet.map(|q| hhmm(q.0)).unwrap_or_default(),
            quiet_until: s.quiet.map(|q| hhmm(q.1)).unwrap_or_default(),
        }
    }

    fn from_form(f: &SettingsForm) -> Self {
        Shown {
            immediate: f.immediate.is_some(),
            digest: f.digest.clone(),
            quiet_from: f.quiet_from.clone(),
            quiet_until: f.quiet_until.clone(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    immediate: Option<String>,
    digest: String,
    quiet_from: String,
    quiet_until: String,
}

impl SettingsForm {
    fn input(&self) -> SettingsInput {
        SettingsInput {
            immediate: self.immediate.is_some(),
            digest: self.digest.clone(),
            quiet_from: self.quiet_from.clone(),
            quiet_until: self.quiet_until.clone(),
        }
    }
}

const DIGESTS: [Digest; 3] = [Digest::Daily, Digest::Weekly, Digest::Off];

#[derive(Template)]
#[template(path = "notifications.html")]
struct SettingsPage {
    c: Chrome,
    nav: CircleNav,
    action: String,
    client_name: String,
    form: Shown,
    digests: [Digest; 3],
    errors: Errors,
    notice: Option<&'static str>,
}

async fn circle_page(
    p: &CirclePage,
    form: Option<Shown>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<SettingsPage, PageError> {
    let page = notifications::mine(&p.ctx(), &p.id).await?;
    Ok(SettingsPage {
        c: p.chrome(),
        nav: p.nav(&page, "settings"),
        action: p.at("/notifications"),
        client_name: page.circle.client_name.clone(),
        form: form.unwrap_or_else(|| Shown::from(&page.data)),
        digests: DIGESTS,
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&circle_page(&p, None, Errors::default(), done.notice()).await?)
}

pub async fn save(p: CirclePage, Form(f): Form<SettingsForm>) -> PageResult {
    save_form(
        notifications::set_mine(&p.ctx(), &p.id, &f.input()).await,
        |()| p.at("/notifications?done=notice-notifications-saved"),
        async |errors| circle_page(&p, Some(Shown::from_form(&f)), errors, None).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "notifications_link.html")]
struct LinkPage {
    c: Chrome,
    action: String,
    client_name: String,
    form: Shown,
    digests: [Digest; 3],
    errors: Errors,
    notice: Option<&'static str>,
}

fn member(raw: &str) -> Result<MemberId, PageError> {
    path_id(raw, MemberId::parse)
}

async fn link_page(
    state: &AppState,
    v: &Visitor,
    m: &MemberId,
    token: &str,
    form: Option<Shown>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<LinkPage, PageError> {
    let (settings, client_name) = notifications::by_link(state, m, token).await?;
    Ok(LinkPage {
        c: Chrome::new(v),
        action: format!("/notifications/{m}/{token}"),
        client_name,
        form: form.unwrap_or_else(|| Shown::from(&settings)),
        digests: DIGESTS,
        errors,
        notice,
    })
}

/// The settings page behind the link in every mail. The one-click address
/// (`…/off`) shows it too when opened in a browser: a GET must never change
/// anything, so stopping takes the button on the page.
pub async fn show_by_link(
    State(state): State<AppState>,
    v: Visitor,
    Path((m, token)): Path<(String, String)>,
) -> PageResult {
    let m = member(&m)?;
    render(&link_page(&state, &v, &m, &token, None, Errors::default(), None).await?)
}

pub async fn save_by_link(
    State(state): State<AppState>,
    v: Visitor,
    Path((m, token)): Path<(String, String)>,
    Form(f): Form<SettingsForm>,
) -> PageResult {
    let m = member(&m)?;
    match form_errors(notifications::set_by_link(&state, &m, &token, &f.input(), v.now).await)? {
        Ok(()) => render(
            &link_page(&state, &v, &m, &token, None, Errors::default(), Some("notice-notifications-saved")).await?,
        ),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &link_page(&state, &v, &m, &token, Some(Shown::from_form(&f)), errors, None).await?,
        ),
    }
}

/// The mail program's one-click "unsubscribe" (RFC 8058). It sends no CSRF
/// token: the signed link itself is the proof.
pub async fn stop_by_link(
    State(state): State<AppState>,
    v: Visitor,
    Path((m, token)): Path<(String, String)>,
) -> PageResult {
    let m = member(&m)?;
    notifications::stop_by_link(&state, &m, &token, v.now).await.map_err(|e| match e {
        Error::Validation(_) => PageError::Domain(Error::NotFound),
        other => PageError::Domain(other),
    })?;
    render(&link_page(&state, &v, &m, &token, None, Errors::default(), Some("notice-notifications-stopped")).await?)
}
