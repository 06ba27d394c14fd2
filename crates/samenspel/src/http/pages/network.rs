//! The network map: the picture, its table (the text alternative), and the
//! forms that put people on it.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, form_errors, path_id, render, render_with, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::network_map;
use crate::service::network::{self, Who};
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::ids::MemberId;
use samenspel_core::network::{Category, Contact, PlacementInput, SupportKind, Tie};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "network.html")]
struct MapPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    svg: String,
    svg_phone: String,
    contacts: Vec<Contact>,
    may_edit: bool,
    categories: [Category; 9],
    supports: [SupportKind; 4],
    ties: [Tie; 3],
    notice: Option<&'static str>,
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = network::map(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let client = page.circle.client_name.clone();
    let title = c.tr.t1("network-map-title", "client", &client);
    let description = c.tr.t2("network-map-desc", "client", &client, "count", page.data.contacts.len());
    let labels = network_map::Labels { title: &title, description: &description };
    // Both drawings go out; the screen's width decides which one shows (CSS).
    let svg = network_map::svg(&client, &page.data.contacts, &labels, &network_map::WIDE);
    let svg_phone = network_map::svg(&client, &page.data.contacts, &labels, &network_map::PHONE);
    render(&MapPage {
        nav: p.nav(&page, "network"),
        c,
        client_name: client,
        svg,
        svg_phone,
        contacts: page.data.contacts,
        may_edit: page.data.may_edit,
        categories: Category::ALL,
        supports: SupportKind::ALL,
        ties: Tie::ALL,
        notice: done.notice(),
    })
}

/// The form's values as shown: from the stored placement, or as sent.
pub struct Shown {
    name: String,
    category: String,
    support: Vec<String>,
    tie: String,
    closeness: String,
    note: String,
    reach: String,
}

impl Shown {
    fn blank() -> Self {
        Shown {
            name: String::new(),
            category: String::new(),
            support: Vec::new(),
            tie: Tie::Supporting.as_str().into(),
            closeness: "2".into(),
            note: String::new(),
            reach: String::new(),
        }
    }

    fn from(c: &Contact) -> Self {
        Shown {
            name: c.name.clone(),
            category: c.category.letter().into(),
            support: c.support.kinds().iter().map(|k| k.letter().to_owned()).collect(),
            tie: c.tie.as_str().into(),
            closeness: c.closeness.to_string(),
            note: c.note.clone(),
            reach: c.reach.clone(),
        }
    }

    fn from_form(f: &PlacementForm) -> Self {
        Shown {
            name: f.name.clone(),
            category: f.category.clone(),
            support: f.support.clone(),
            tie: f.tie.clone(),
            closeness: f.closeness.clone(),
            note: f.note.clone(),
            reach: f.reach.clone(),
        }
    }

    fn supports(&self, k: &SupportKind) -> bool {
        self.support.iter().any(|s| s == k.letter())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlacementForm {
    name: String,
    category: String,
    /// One checkbox per kind of support: repeated `support=P&support=E`.
    support: Vec<String>,
    tie: String,
    closeness: String,
    note: String,
    reach: String,
}

impl PlacementForm {
    fn input(&self) -> PlacementInput {
        PlacementInput {
            name: self.name.clone(),
            category: self.category.clone(),
            support: self.support.concat(),
            tie: self.tie.clone(),
            closeness: self.closeness.clone(),
            note: self.note.clone(),
            reach: self.reach.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "network_form.html")]
struct FormPage {
    c: Chrome,
    nav: CircleNav,
    heading: String,
    action: String,
    /// Set for a member: their name comes from the account.
    member_name: Option<String>,
    /// Set for an existing contact: where the remove button posts.
    remove: Option<String>,
    form: Shown,
    errors: Errors,
    categories: [Category; 9],
    supports: [SupportKind; 4],
    ties: [Tie; 3],
}

/// What the form is about: somebody new, a contact, or a member.
enum Subject {
    New,
    Existing(String),
    Member(MemberId),
}

impl Subject {
    fn who(&self) -> Option<Who<'_>> {
        match self {
            Subject::New => None,
            Subject::Existing(id) => Some(Who::Contact(id)),
            Subject::Member(m) => Some(Who::Member(m)),
        }
    }
}

async fn form_page(
    p: &CirclePage,
    subject: &Subject,
    form: Option<Shown>,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let ctx = p.ctx();
    let c = p.chrome();
    let (page_circle, place, current) = match subject.who() {
        None => {
            // Adding: the form needs the right to edit, and the circle for its header.
            let page = network::map(&ctx, &p.id).await?;
            if !page.data.may_edit {
                return Err(samenspel_core::Error::Forbidden.into());
            }
            (page.circle, page.place, None)
        }
        Some(who) => {
            let page = network::one(&ctx, &p.id, who).await?;
            (page.circle, page.place, Some(page.data))
        }
    };
    let (heading, action, member_name, remove) = match (subject, &current) {
        (Subject::Member(m), Some(cur)) => (
            c.tr.t1("network-form-edit-title", "name", &cur.name),
            p.at(&format!("/network/members/{m}")),
            Some(cur.name.clone()),
            None,
        ),
        (Subject::Existing(id), Some(cur)) => (
            c.tr.t1("network-form-edit-title", "name", &cur.name),
            p.at(&format!("/network/contacts/{id}")),
            None,
            Some(p.at(&format!("/network/contacts/{id}/delete"))),
        ),
        _ => (c.tr.t("network-form-add-title"), p.at("/network"), None, None),
    };
    Ok(FormPage {
        nav: CircleNav::new(&page_circle, &place, "network"),
        c,
        heading,
        action,
        member_name,
        remove,
        form: form.unwrap_or_else(|| current.as_ref().map(Shown::from).unwrap_or_else(Shown::blank)),
        errors,
        categories: Category::ALL,
        supports: SupportKind::ALL,
        ties: Tie::ALL,
    })
}

pub async fn new_form(p: CirclePage) -> PageResult {
    render(&form_page(&p, &Subject::New, None, Errors::default()).await?)
}

pub async fn add(p: CirclePage, Form(f): Form<PlacementForm>) -> PageResult {
    match form_errors(network::add(&p.ctx(), &p.id, &f.input()).await)? {
        Ok(_) => Ok(see_other(&p.at("/network?done=notice-contact-added"))),
        Err(errors) => invalid(&p, &Subject::New, &f, errors).await,
    }
}

pub async fn contact_form(p: CirclePage, Object(contact): Object) -> PageResult {
    render(&form_page(&p, &Subject::Existing(contact), None, Errors::default()).await?)
}

pub async fn change_contact(p: CirclePage, Object(contact): Object, Form(f): Form<PlacementForm>) -> PageResult {
    match form_errors(network::change(&p.ctx(), &p.id, &contact, &f.input()).await)? {
        Ok(()) => Ok(see_other(&p.at("/network?done=notice-saved"))),
        Err(errors) => invalid(&p, &Subject::Existing(contact), &f, errors).await,
    }
}

pub async fn remove_contact(p: CirclePage, Object(contact): Object, Form(_): Form<Empty>) -> PageResult {
    network::remove(&p.ctx(), &p.id, &contact).await?;
    Ok(see_other(&p.at("/network?done=notice-contact-removed")))
}

pub async fn member_form(p: CirclePage, Object(member): Object) -> PageResult {
    let m = path_id(&member, MemberId::parse)?;
    render(&form_page(&p, &Subject::Member(m), None, Errors::default()).await?)
}

pub async fn place_member(p: CirclePage, Object(member): Object, Form(f): Form<PlacementForm>) -> PageResult {
    let m = path_id(&member, MemberId::parse)?;
    match form_errors(network::place_member(&p.ctx(), &p.id, &m, &f.input()).await)? {
        Ok(()) => Ok(see_other(&p.at("/network?done=notice-saved"))),
        Err(errors) => invalid(&p, &Subject::Member(m), &f, errors).await,
    }
}

/// The form again, with what was sent and what is wrong with it.
async fn invalid(p: &CirclePage, subject: &Subject, f: &PlacementForm, errors: Errors) -> PageResult {
    let page = form_page(p, subject, Some(Shown::from_form(f)), errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
