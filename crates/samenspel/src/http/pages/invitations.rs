//! Inviting people (by e-mail or a link to pass on), and the page the
//! invited person opens.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, form_errors, path_id, render, render_with, see_other};
use super::{CircleNav, Done};
use crate::app::AppState;
use crate::http::context::{SESSION_COOKIE, Visitor, cookie};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::invitations::{self, Accepted};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use samenspel_core::Error;
use samenspel_core::ids::InvitationId;
use samenspel_core::invitation::{Invitation, InvitationPreview, InvitationState};
use samenspel_core::role::Role;
use samenspel_store::idempotency::IdempotencyKey;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "invitations.html")]
struct InvitationsPage {
    c: Chrome,
    nav: CircleNav,
    invitations: Vec<Invitation>,
    roles: [Role; 6],
    form: InviteForm,
    /// Set when inviting somebody from the network map: their name there.
    contact_name: Option<String>,
    errors: Errors,
    /// Just created: the link to pass on (shown once) and whether it was e-mailed.
    created: Option<(Option<String>, bool)>,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct InviteForm {
    email: String,
    role: String,
    relation: String,
    contact_person: Option<String>,
    manager: Option<String>,
    access_until: String,
    message: String,
    idem: String,
    /// A contact on the network map this invitation is for.
    contact: String,
}

/// `?contact=…` from the network map's "Uitnodigen" link.
#[derive(Deserialize, Default)]
pub struct FromContact {
    contact: Option<String>,
}

async fn page(
    p: &CirclePage,
    form: InviteForm,
    errors: Errors,
    created: Option<(Option<String>, bool)>,
    notice: Option<&'static str>,
) -> Result<InvitationsPage, PageError> {
    let ctx = p.ctx();
    let page = invitations::list_page(&ctx, &p.id).await?;
    let contact_name = if form.contact.is_empty() {
        None
    } else {
        // A contact that is gone (or not on this map) just drops out of the form.
        crate::service::network::one(&ctx, &p.id, crate::service::network::Who::Contact(&form.contact))
            .await
            .ok()
            .map(|c| c.data.name)
    };
    Ok(InvitationsPage {
        contact_name,
        c: p.chrome(),
        nav: p.nav(&page, "invitations"),
        invitations: page.data,
        roles: Role::ALL,
        form,
        errors,
        created,
        notice,
    })
}

pub async fn list(p: CirclePage, Query(done): Query<Done>, Query(from): Query<FromContact>) -> PageResult {
    let form = InviteForm { role: "relative".into(), contact: from.contact.unwrap_or_default(), ..Default::default() };
    render(&page(&p, form, Errors::default(), None, done.notice()).await?)
}

pub async fn create(p: CirclePage, Form(f): Form<InviteForm>) -> PageResult {
    let input = invitations::Invite {
        email: Some(f.email.clone()),
        role: f.role.clone(),
        relation: f.relation.clone(),
        contact_person: f.contact_person.is_some(),
        manager: f.manager.is_some(),
        access_until: Some(f.access_until.clone()),
        message: f.message.clone(),
        contact: Some(f.contact.clone()),
    };
    let idem = IdempotencyKey::parse(&f.idem);
    match form_errors(invitations::create(&p.ctx(), &p.id, &input, idem.as_ref()).await)? {
        Ok(created) => {
            let fresh = InviteForm { role: "relative".into(), ..Default::default() };
            render(&page(&p, fresh, Errors::default(), Some((created.link, created.emailed)), None).await?)
        }
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&p, f, errors, None, None).await?),
    }
}

pub async fn revoke(p: CirclePage, Object(invitation): Object, Form(_): Form<Empty>) -> PageResult {
    let invitation = path_id(&invitation, InvitationId::parse)?;
    invitations::revoke(&p.ctx(), &p.id, &invitation).await?;
    Ok(see_other(&p.at("/invitations?done=notice-invitation-revoked")))
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct OpenPage {
    c: Chrome,
    token: String,
    invitation: InvitationPreview,
    open: bool,
    signed_in_as: Option<String>,
    form: AcceptForm,
    errors: Errors,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AcceptForm {
    name: String,
    email: String,
}

async fn open_page(
    state: &AppState,
    v: &Visitor,
    token: &str,
    form: Option<AcceptForm>,
    errors: Errors,
) -> Result<OpenPage, PageError> {
    let invitation = invitations::preview(state, token, v.user.as_ref(), &v.source, v.now).await?;
    let form =
        form.unwrap_or_else(|| AcceptForm { name: String::new(), email: invitation.email.clone().unwrap_or_default() });
    Ok(OpenPage {
        c: Chrome::new(v),
        token: token.to_owned(),
        open: invitation.state == InvitationState::Open,
        invitation,
        signed_in_as: v.user.as_ref().map(|u| u.display_name().to_owned()),
        form,
        errors,
    })
}

pub async fn open(State(state): State<AppState>, v: Visitor, Path(token): Path<String>) -> PageResult {
    let p = open_page(&state, &v, &token, None, Errors::default()).await?;
    let status = if p.open { StatusCode::OK } else { StatusCode::GONE };
    render_with(status, &p)
}

/// After joining with another address than the invitation's: the e-mail
/// that confirms it is on its way, and what happens then.
#[derive(Template)]
#[template(path = "join_check_mail.html")]
struct CheckMail {
    c: Chrome,
    email: String,
    minutes: u32,
    client_name: String,
    inviter: String,
}

pub async fn accept(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Form(f): Form<AcceptForm>,
) -> PageResult {
    if let Some(user) = &v.user {
        let circle = match invitations::accept_signed_in(&state, user, &token, &v.source, v.now).await {
            Ok(c) => c,
            Err(Error::Conflict(_)) => {
                return render_with(
                    StatusCode::GONE,
                    &open_page(&state, &v, &token, Some(f), Errors::default()).await?,
                );
            }
            Err(e) => return Err(e.into()),
        };
        return Ok(see_other(&format!("/circles/{circle}?done=notice-joined")));
    }
    match form_errors(invitations::accept_new(&state, &token, &f.name, &f.email, v.tr.locale, &v.source, v.now).await)?
    {
        Ok(Accepted::SignedIn { session_token, circle }) => {
            let mut r = see_other(&format!("/circles/{circle}?done=notice-joined"));
            let days = i64::from(state.config.session_max_days);
            r.headers_mut().append(header::SET_COOKIE, cookie(&state, SESSION_COOKIE, &session_token, Some(days)));
            Ok(r)
        }
        Ok(Accepted::CheckMail { email, client_name, inviter }) => {
            let minutes = state.config.sign_in_link_minutes;
            render(&CheckMail { c: Chrome::new(&v), email, minutes, client_name, inviter })
        }
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &open_page(&state, &v, &token, Some(f), errors).await?)
        }
    }
}
