//! A circle's welcome card, for a new resident and their family: printed
//! with a fresh invitation link as a QR code (and written out), given at the
//! intake. Making one makes an invitation, like the invitations page does.

use crate::http::errors::PageError;
use crate::http::pages::{Chrome, CircleNav, CirclePage, Errors, Form, PageResult, form_errors, render, render_with};
use crate::service::invitations::{self, Invite};
use askama::Template;
use axum::http::StatusCode;
use samenspel_core::role::Role;

#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct CardForm {
    /// relative or volunteer.
    role: String,
    relation: String,
    message: String,
}

#[derive(Template)]
#[template(path = "welcome_card.html")]
struct CardPage {
    c: Chrome,
    nav: CircleNav,
    form: CardForm,
    errors: Errors,
    /// The printed card: the link, its QR code (SVG) and its last day.
    card: Option<(String, String, String)>,
    place: String,
}

async fn page(
    p: &CirclePage,
    form: CardForm,
    errors: Errors,
    card: Option<(String, String, String)>,
) -> Result<CardPage, PageError> {
    let view = crate::service::circles::place(&p.ctx(), &p.id).await?;
    let place = view.circle.location_name.clone().or(view.circle.organisation_name.clone()).unwrap_or_default();
    Ok(CardPage { c: p.chrome(), nav: p.nav(&view, "invitations"), form, errors, card, place })
}

pub async fn form(p: CirclePage) -> PageResult {
    let form = CardForm { role: Role::Relative.as_str().into(), ..Default::default() };
    render(&page(&p, form, Errors::default(), None).await?)
}

pub async fn card(p: CirclePage, Form(f): Form<CardForm>) -> PageResult {
    let role = if f.role == Role::Volunteer.as_str() { Role::Volunteer } else { Role::Relative };
    let invite = Invite {
        email: None,
        role: role.as_str().into(),
        relation: f.relation.clone(),
        message: f.message.clone(),
        ..Default::default()
    };
    match form_errors(invitations::create(&p.ctx(), &p.id, &invite, None).await)? {
        Ok(created) => {
            let link = created.link.unwrap_or_default();
            let qr = crate::service::second_factor::secrets::qr_svg(&link)?;
            let days = p.state.config.invitation_days;
            let until = p.chrome().tr.date(
                &jiff::Timestamp::now()
                    .saturating_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
                    .unwrap_or(jiff::Timestamp::now()),
            );
            render(&page(&p, f, Errors::default(), Some((link, qr, until))).await?)
        }
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&p, f, errors, None).await?),
    }
}
