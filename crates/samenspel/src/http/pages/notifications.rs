//! Notification settings: on the circle's pages, and behind the signed link
//! in every notification e-mail (which works without signing in).

use super::{Chrome, CirclePage, Errors, Form, form_errors, path_id, render, render_with, save_form};
use super::{CircleNav, Done};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::mail::MailKind;
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
    /// Push notifications for this circle (on the devices on the account page).
    push: bool,
    shifts: bool,
    digest: String,
    quiet_from: String,
    quiet_until: String,
}

impl Shown {
    fn from(s: &NotificationSettings, push: bool) -> Self {
        Shown {
            immediate: s.immediate,
            push,
            shifts: s.shifts,
            digest: s.digest.as_str().into(),
            quiet_from: s.quiet.map(|q| hhmm(q.0)).unwrap_or_default(),
            quiet_until: s.quiet.map(|q| hhmm(q.1)).unwrap_or_default(),
        }
    }

    fn from_form(f: &SettingsForm) -> Self {
        Shown {
            immediate: f.immediate.is_some(),
            push: f.push.is_some(),
            shifts: f.shifts.is_some(),
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
    push: Option<String>,
    /// Set by the form that shows the push checkbox: an unchecked box then
    /// means off, while a form without it leaves push as it was.
    push_shown: Option<String>,
    shifts: Option<String>,
    digest: String,
    quiet_from: String,
    quiet_until: String,
}

impl SettingsForm {
    fn input(&self) -> SettingsInput {
        SettingsInput {
            immediate: self.immediate.is_some(),
            shifts: self.shifts.is_some(),
            digest: self.digest.clone(),
            quiet_from: self.quiet_from.clone(),
            quiet_until: self.quiet_until.clone(),
        }
    }

    fn push(&self) -> Option<bool> {
        self.push_shown.is_some().then_some(self.push.is_some())
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
    /// Shift reminders are offered only to those who take shifts (not the client).
    takes_shifts: bool,
    errors: Errors,
    notice: Option<&'static str>,
}

async fn circle_page(
    p: &CirclePage,
    form: Option<Shown>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<SettingsPage, PageError> {
    let page = notifications::push::mine(&p.ctx(), &p.id).await?;
    Ok(SettingsPage {
        c: p.chrome(),
        nav: p.nav(&page, "settings"),
        action: p.at("/notifications"),
        client_name: page.circle.client_name.clone(),
        form: form.unwrap_or_else(|| Shown::from(&page.data.0, page.data.1)),
        digests: DIGESTS,
        takes_shifts: page.place.may(samenspel_core::access::CircleAction::TakeShifts),
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&circle_page(&p, None, Errors::default(), done.notice()).await?)
}

pub async fn save(p: CirclePage, Form(f): Form<SettingsForm>) -> PageResult {
    save_form(
        notifications::push::set_mine(&p.ctx(), &p.id, &f.input(), f.push().unwrap_or(true)).await,
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
    /// Opened at a one-click address: the kind of e-mail it stops, asked first.
    stopping: Option<MailKind>,
    check_in_weeks: Option<i64>,
    /// Shift reminders stay on offer here: the page is opened from any e-mail.
    takes_shifts: bool,
    /// The client's own membership: "je kring".
    own: bool,
}

/// The address in every notification e-mail: `/notifications/{member}/{token}`,
/// and its one-click forms `…/off` (news) and `…/off/{kind}`.
#[derive(Deserialize)]
pub struct LinkPath {
    member: String,
    token: String,
    kind: Option<String>,
}

impl LinkPath {
    fn member(&self) -> Result<MemberId, PageError> {
        path_id(&self.member, MemberId::parse)
    }

    fn kind(&self) -> Result<MailKind, PageError> {
        MailKind::parse(self.kind.as_deref()).ok_or(PageError::Domain(Error::NotFound))
    }
}

struct Shows {
    form: Option<Shown>,
    errors: Errors,
    notice: Option<&'static str>,
    stopping: Option<MailKind>,
}

impl Shows {
    fn plain() -> Self {
        Shows { form: None, errors: Errors::default(), notice: None, stopping: None }
    }
}

async fn link_page(state: &AppState, v: &Visitor, l: &LinkPath, shows: Shows) -> Result<LinkPage, PageError> {
    let m = l.member()?;
    let found = notifications::by_link(state, &m, &l.token).await?;
    let push = notifications::push_by_link(state, &m, &l.token).await?;
    Ok(LinkPage {
        c: Chrome::new(v),
        action: format!("/notifications/{m}/{}", l.token),
        client_name: found.client_name,
        form: shows.form.unwrap_or_else(|| Shown::from(&found.settings, push)),
        digests: DIGESTS,
        errors: shows.errors,
        notice: shows.notice,
        // Nothing to ask about reminders that are already off.
        stopping: shows.stopping.filter(|k| *k != MailKind::CheckIn || found.check_in_weeks.is_some()),
        check_in_weeks: found.check_in_weeks,
        takes_shifts: true,
        own: found.for_client,
    })
}

/// The settings page behind the link in every mail.
pub async fn show_by_link(State(state): State<AppState>, v: Visitor, Path(l): Path<LinkPath>) -> PageResult {
    render(&link_page(&state, &v, &l, Shows::plain()).await?)
}

/// A one-click address opened in a browser: a GET must never change
/// anything (mail scanners open links), so it asks, with one button.
pub async fn confirm_stop_by_link(State(state): State<AppState>, v: Visitor, Path(l): Path<LinkPath>) -> PageResult {
    let stopping = Some(l.kind()?);
    render(&link_page(&state, &v, &l, Shows { stopping, ..Shows::plain() }).await?)
}

pub async fn save_by_link(
    State(state): State<AppState>,
    v: Visitor,
    Path(l): Path<LinkPath>,
    Form(f): Form<SettingsForm>,
) -> PageResult {
    let m = l.member()?;
    match form_errors(notifications::set_by_link_with_push(&state, &m, &l.token, &f.input(), f.push(), v.now).await)? {
        Ok(()) => render(
            &link_page(&state, &v, &l, Shows { notice: Some("notice-notifications-saved"), ..Shows::plain() }).await?,
        ),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &link_page(&state, &v, &l, Shows { form: Some(Shown::from_form(&f)), errors, ..Shows::plain() }).await?,
        ),
    }
}

/// The mail program's one-click "unsubscribe" (RFC 8058), and the button on
/// the page. It sends no CSRF token: the signed link itself is the proof.
pub async fn stop_by_link(State(state): State<AppState>, v: Visitor, Path(l): Path<LinkPath>) -> PageResult {
    let m = l.member()?;
    let kind = l.kind()?;
    notifications::stop_by_link(&state, &m, &l.token, kind, v.now).await.map_err(|e| match e {
        Error::Validation(_) => PageError::Domain(Error::NotFound),
        other => PageError::Domain(other),
    })?;
    let notice = kind.stop_keys().2;
    render(&link_page(&state, &v, &l, Shows { notice: Some(notice), ..Shows::plain() }).await?)
}
