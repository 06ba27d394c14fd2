//! My circles, starting a circle, the circle page and its settings.

use super::UserPage;
use super::{
    Chrome, CircleNav, CirclePage, Done, Empty, Errors, Form, form_errors, render, render_with, save_form, see_other,
};
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::{circles, members};
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::access::CircleAction;
use samenspel_core::audience::Audience;
use samenspel_core::circle::{Circle, MyCircle};
use samenspel_core::organisation::{Location, Organisation};
use samenspel_core::role::Role;
use samenspel_store::access::Place;
use samenspel_store::idempotency::IdempotencyKey;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "circles.html")]
struct CirclesPage {
    c: Chrome,
    circles: Vec<MyCircle>,
    notice: Option<&'static str>,
    /// Staff of an organisation or a location: the way to their monitor.
    monitor: bool,
    /// The coordinator of a circle: the way to what needs a person.
    inbox: bool,
    /// The social maps of the organisations of my circles and my work: (link, organisation).
    social_maps: Vec<(String, String)>,
    /// The volunteer pools I keep: (link, organisation).
    pools: Vec<(String, String)>,
    /// The FAQs of the organisations I stand at: (link, organisation).
    faqs: Vec<(String, String)>,
    /// The staff quizzes I may take: (link, organisation or location).
    quizzes: Vec<(String, String)>,
    /// The placemats of my circles' and my work's locations: (link, location).
    placemats: Vec<(String, String)>,
    /// In a volunteer pool myself: the way to my volunteering page.
    in_pool: bool,
}

pub async fn list(p: UserPage, Query(done): Query<Done>) -> PageResult {
    let ctx = p.ctx();
    let circles = circles::my_circles(&ctx).await?;
    let organisations = ctx.state.store.my_organisations(&p.user).await?;
    let locations = ctx.state.store.my_locations(&p.user).await?;
    let monitor = crate::service::monitor::any(&organisations, &locations);
    let inbox = circles.iter().any(|m| m.my_role == Role::Coordinator && m.circle.archived_at.is_none());
    let mut social_maps: Vec<(String, String)> = Vec::new();
    let mine =
        circles.iter().filter_map(|m| Some((m.circle.organisation_id.clone()?, m.circle.organisation_name.clone()?)));
    // Who keeps a pool: the organisation's managers and its locations' coaches.
    let mut pools: Vec<(String, String)> = Vec::new();
    let keepers = organisations.iter().map(|(o, _)| (o.id.clone(), o.name.clone())).chain(
        locations
            .iter()
            .filter(|(_, roles)| roles.contains(&samenspel_core::role::LocationRole::Coordinator))
            .map(|(l, _)| (l.organisation_id.clone(), l.name.clone())),
    );
    for (id, name) in keepers {
        let link = format!("/organisations/{id}/pool");
        if !pools.iter().any(|(l, _)| *l == link) {
            pools.push((link, name));
        }
    }
    let my_pools = ctx.state.store.my_pools(&p.user).await?;
    let in_pool = !my_pools.is_empty();
    let mut quizzes: Vec<(String, String)> = Vec::new();
    let staff_orgs = organisations.iter().map(|(o, _)| (o.id.clone(), o.name.clone()));
    let located_orgs = locations.iter().map(|(l, _)| (l.organisation_id.clone(), l.name.clone()));
    for (id, name) in staff_orgs.chain(located_orgs) {
        let link = format!("/organisations/{id}/quiz");
        if !quizzes.iter().any(|(l, _)| *l == link) {
            quizzes.push((link, name));
        }
    }
    let mut placemats: Vec<(String, String)> = Vec::new();
    let circle_locations =
        circles.iter().filter_map(|m| Some((m.circle.location_id.clone()?, m.circle.location_name.clone()?)));
    for (id, name) in circle_locations.chain(locations.iter().map(|(l, _)| (l.id.clone(), l.name.clone()))) {
        let link = format!("/locations/{id}/placemat");
        if !placemats.iter().any(|(l, _)| *l == link) {
            placemats.push((link, name));
        }
    }
    let staff = organisations.into_iter().map(|(o, _)| (o.id, o.name));
    // A location's own staff: their location's organisation (named by the location).
    let located = locations.into_iter().map(|(l, _)| (l.organisation_id, l.name));
    let pooled = my_pools.into_iter();
    let mut faqs: Vec<(String, String)> = Vec::new();
    for (id, name) in mine.chain(staff).chain(located).chain(pooled) {
        let faq = format!("/organisations/{id}/faq");
        if !faqs.iter().any(|(l, _)| *l == faq) {
            faqs.push((faq, name.clone()));
        }
        let link = format!("/organisations/{id}/social-map");
        if !social_maps.iter().any(|(l, _)| *l == link) {
            social_maps.push((link, name));
        }
    }
    render(&CirclesPage {
        c: p.chrome(),
        circles,
        notice: done.notice(),
        monitor,
        inbox,
        social_maps,
        pools,
        in_pool,
        faqs,
        quizzes,
        placemats,
    })
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
#[serde(default)]
pub struct StartForm {
    client_name: String,
    description: String,
    /// `organisation-id` or `organisation-id/location-id`, empty for an independent circle.
    place: String,
    my_role: String,
    my_relation: String,
    idem: String,
}

pub async fn new_form(p: UserPage) -> PageResult {
    let ctx = p.ctx();
    let orgs = circles::organisations_to_start_for(&ctx).await?;
    let form = StartForm { my_role: "relative".into(), ..Default::default() };
    render(&NewCirclePage { c: p.chrome(), form, orgs, roles: Role::ALL, errors: Errors::default() })
}

pub async fn start(p: UserPage, Form(f): Form<StartForm>) -> PageResult {
    let ctx = p.ctx();
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
                &NewCirclePage { c: p.chrome(), form: f, orgs, roles: Role::ALL, errors },
            )
        }
    }
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    c: Chrome,
    nav: CircleNav,
    circle: Circle,
    members: crate::service::members::MemberList,
    me: Place,
    notice: Option<&'static str>,
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let ctx = p.ctx();
    let page = members::list_page(&ctx, &p.id).await?;
    render(&MembersPage {
        c: p.chrome(),
        nav: p.nav(&page, "members"),
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
#[serde(default)]
pub struct EditForm {
    client_name: String,
    description: String,
}

async fn settings_page(
    p: &CirclePage,
    form: Option<EditForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<SettingsPage, PageError> {
    let ctx = p.ctx();
    let page = circles::settings(&ctx, &p.id).await?;
    let (circle, me) = (page.circle, page.place);
    let form = form.unwrap_or_else(|| EditForm {
        client_name: circle.client_name.clone(),
        description: circle.description.clone(),
    });
    Ok(SettingsPage {
        c: p.chrome(),
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

pub async fn settings(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&settings_page(&p, None, Errors::default(), done.notice()).await?)
}

pub async fn edit(p: CirclePage, Form(f): Form<EditForm>) -> PageResult {
    let ctx = p.ctx();
    let input = circles::EditCircle { client_name: f.client_name.clone(), description: f.description.clone() };
    save_form(
        circles::edit(&ctx, &p.id, &input).await,
        |()| p.at("/settings?done=notice-saved"),
        async |errors| settings_page(&p, Some(f), errors, None).await,
    )
    .await
}

pub async fn archive(p: CirclePage, Form(_): Form<Empty>) -> PageResult {
    circles::set_archived(&p.ctx(), &p.id, true).await?;
    Ok(see_other(&p.at("/settings?done=notice-circle-archived")))
}

pub async fn restore(p: CirclePage, Form(_): Form<Empty>) -> PageResult {
    circles::set_archived(&p.ctx(), &p.id, false).await?;
    Ok(see_other(&p.at("/settings?done=notice-circle-restored")))
}

pub async fn leave(p: CirclePage, Form(_): Form<Empty>) -> PageResult {
    members::leave(&p.ctx(), &p.id).await?;
    Ok(see_other("/circles?done=notice-left-circle"))
}

#[derive(Deserialize, Default)]
pub struct ContactForm {
    #[serde(default)]
    contact_audience: String,
}

pub async fn contact_audience(p: CirclePage, Form(f): Form<ContactForm>) -> PageResult {
    members::set_contact_audience(&p.ctx(), &p.id, &f.contact_audience).await?;
    Ok(see_other(&p.at("/settings?done=notice-saved")))
}
