//! My circles, starting a circle, the circle page and its settings.

use super::{Chrome, Empty, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::{circles, members};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::access::CircleAction;
use samenspel_core::audience::Audience;
use samenspel_core::circle::{Circle, MyCircle};
use samenspel_core::ids::CircleId;
use samenspel_core::organisation::{Location, Organisation};
use samenspel_core::role::Role;
use samenspel_store::access::Place;
use samenspel_store::idempotency::IdempotencyKey;
use serde::Deserialize;

/// The tabs above every circle page, showing only what the visitor may open.
pub struct CircleNav {
    pub id: String,
    pub client_name: String,
    pub archived: bool,
    pub can_invite: bool,
    pub can_audit: bool,
    pub can_see_network: bool,
    pub can_see_about: bool,
    pub can_see_agenda: bool,
    pub active: &'static str,
}

impl CircleNav {
    pub fn new(circle: &Circle, me: &Place, active: &'static str) -> Self {
        CircleNav {
            id: circle.id.to_string(),
            client_name: circle.client_name.clone(),
            archived: circle.archived_at.is_some(),
            can_invite: me.may(CircleAction::InviteMembers),
            can_audit: me.may(CircleAction::ViewAuditTrail),
            can_see_network: me.may(CircleAction::ViewNetwork),
            can_see_about: me.may(CircleAction::ViewAboutClient),
            can_see_agenda: me.may(CircleAction::ViewAgenda),
            active,
        }
    }
}

/// A short confirmation after a redirect (`?done=…`); only known keys show.
#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

impl Done {
    pub fn notice(&self) -> Option<&'static str> {
        const KNOWN: &[&str] = &[
            "notice-saved",
            "notice-member-removed",
            "notice-invitation-revoked",
            "notice-circle-archived",
            "notice-circle-restored",
            "notice-left-circle",
            "notice-session-revoked",
            "notice-sessions-revoked",
            "notice-token-revoked",
            "notice-password-saved",
            "notice-joined",
            "notice-entry-saved",
            "notice-entry-removed",
            "notice-entry-closed",
            "notice-reply-saved",
            "notice-reply-removed",
            "notice-notifications-saved",
            "notice-notifications-stopped",
            "notice-contact-added",
            "notice-contact-removed",
            "notice-agreement-saved",
            "notice-agreement-ended",
            "notice-change-recorded",
            "notice-change-closed",
            "notice-conversation-saved",
            "notice-conversation-removed",
            "notice-profile-saved",
            "notice-profile-removed",
            "notice-checkin-saved",
            "notice-signal-shared",
            "notice-signal-withdrawn",
            "notice-removed",
            "notice-thanks-sent",
            "notice-volunteer-saved",
            "notice-signed-up",
            "notice-given-back",
            "notice-confirmed",
            "notice-occurrence-cancelled",
            "notice-swap-proposed",
            "notice-swap-accepted",
            "notice-swap-answered",
            "notice-calendar-revoked",
            "notice-left-place",
            "notice-occurrence-moved",
            "notice-given-back-cover",
            "notice-cover-started",
            "notice-cover-declined",
            "notice-help-asked",
            "notice-help-offered",
            "notice-help-confirmed",
            "notice-help-withdrawn",
            "notice-reminder-saved",
        ];
        let d = self.done.as_deref()?;
        KNOWN.iter().copied().find(|k| *k == d)
    }
}

#[derive(Template)]
#[template(path = "circles.html")]
struct CirclesPage {
    c: Chrome,
    circles: Vec<MyCircle>,
    notice: Option<&'static str>,
}

pub async fn list(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Result<Response, PageError> {
    let ctx = v.ctx(&state)?;
    let circles = circles::my_circles(&ctx).await?;
    render(&CirclesPage { c: Chrome::new(&v), circles, notice: done.notice() })
}

#[derive(Template)]
#[template(path = "circle_new.html")]
struct NewCirclePage {
    c: Chrome,
    form: StartForm,
    orgs: Vec<(Organisation, Vec<Location>)>,
    roles: [Role; 6],
    errors: Errors,
}

#[derive(Deserialize, Default, Clone)]
pub struct StartForm {
    #[serde(default)]
    client_name: String,
    #[serde(default)]
    description: String,
    /// `organisation-id` or `organisation-id/location-id`, empty for an independent circle.
    #[serde(default)]
    place: String,
    #[serde(default)]
    my_role: String,
    #[serde(default)]
    my_relation: String,
    #[serde(default)]
    idem: String,
}

pub async fn new_form(State(state): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    let ctx = v.ctx(&state)?;
    let orgs = circles::organisations_to_start_for(&ctx).await?;
    let form = StartForm { my_role: "relative".into(), ..Default::default() };
    render(&NewCirclePage { c: Chrome::new(&v), form, orgs, roles: Role::ALL, errors: Errors::default() })
}

pub async fn start(State(state): State<AppState>, v: Visitor, Form(f): Form<StartForm>) -> Result<Response, PageError> {
    let ctx = v.ctx(&state)?;
    let (org, loc) = match f.place.split_once('/') {
        Some((o, l)) => (Some(o.to_owned()), Some(l.to_owned())),
        None if !f.place.is_empty() => (Some(f.place.clone()), None),
        None => (None, None),
    };
    let input = circles::StartCircle {
        client_name: f.client_name.clone(),
        description: f.description.clone(),
        organisation_id: org,
        location_id: loc,
        my_role: f.my_role.clone(),
        my_relation: f.my_relation.clone(),
    };
    let idem = IdempotencyKey::parse(&f.idem);
    match form_errors(circles::start(&ctx, &input, idem.as_ref()).await)? {
        Ok(id) => Ok(see_other(&format!("/circles/{id}"))),
        Err(errors) => {
            let orgs = circles::organisations_to_start_for(&ctx).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewCirclePage { c: Chrome::new(&v), form: f, orgs, roles: Role::ALL, errors },
            )
        }
    }
}

#[derive(Template)]
#[template(path = "members.html")]
struct CirclePage {
    c: Chrome,
    nav: CircleNav,
    circle: Circle,
    members: crate::service::members::MemberList,
    me: Place,
    notice: Option<&'static str>,
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let ctx = v.ctx(&state)?;
    let id = path_id(&circle, CircleId::parse)?;
    let page = members::list_page(&ctx, &id).await?;
    render(&CirclePage {
        c: Chrome::new(&v),
        nav: CircleNav::new(&page.circle, &page.place, "members"),
        circle: page.circle,
        members: page.data,
        me: page.place,
        notice: done.notice(),
    })
}

#[derive(Template)]
#[template(path = "circle_settings.html")]
struct SettingsPage {
    c: Chrome,
    nav: CircleNav,
    circle: Circle,
    can_edit: bool,
    can_archive: bool,
    can_leave: bool,
    my_contact: Audience,
    audiences: [Audience; 3],
    form: EditForm,
    errors: Errors,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default, Clone)]
pub struct EditForm {
    #[serde(default)]
    client_name: String,
    #[serde(default)]
    description: String,
}

async fn settings_page(
    state: &AppState,
    v: &Visitor,
    id: &CircleId,
    form: Option<EditForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<SettingsPage, PageError> {
    let ctx = v.ctx(state)?;
    let page = circles::settings(&ctx, id).await?;
    let (circle, me) = (page.circle, page.place);
    let form = form.unwrap_or_else(|| EditForm {
        client_name: circle.client_name.clone(),
        description: circle.description.clone(),
    });
    Ok(SettingsPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&circle, &me, "settings"),
        can_edit: me.may(CircleAction::EditCircle),
        can_archive: me.may(CircleAction::ArchiveCircle),
        can_leave: me.may(CircleAction::Leave),
        circle,
        my_contact: page.data.contact_audience,
        audiences: Audience::GROUPS,
        form,
        errors,
        notice,
    })
}

pub async fn settings(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    render(&settings_page(&state, &v, &id, None, Errors::default(), done.notice()).await?)
}

pub async fn edit(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<EditForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let ctx = v.ctx(&state)?;
    let input = circles::EditCircle { client_name: f.client_name.clone(), description: f.description.clone() };
    match form_errors(circles::edit(&ctx, &id, &input).await)? {
        Ok(()) => Ok(see_other(&format!("/circles/{id}/settings?done=notice-saved"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &settings_page(&state, &v, &id, Some(f), errors, None).await?)
        }
    }
}

pub async fn archive(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    circles::set_archived(&v.ctx(&state)?, &id, true).await?;
    Ok(see_other(&format!("/circles/{id}/settings?done=notice-circle-archived")))
}

pub async fn restore(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    circles::set_archived(&v.ctx(&state)?, &id, false).await?;
    Ok(see_other(&format!("/circles/{id}/settings?done=notice-circle-restored")))
}

pub async fn leave(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    members::leave(&v.ctx(&state)?, &id).await?;
    Ok(see_other("/circles?done=notice-left-circle"))
}

#[derive(Deserialize, Default)]
pub struct ContactForm {
    #[serde(default)]
    contact_audience: String,
}

pub async fn contact_audience(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    members::set_contact_audience(&v.ctx(&state)?, &id, &f.contact_audience).await?;
    Ok(see_other(&format!("/circles/{id}/settings?done=notice-saved")))
}
