//! "Dit ben ik": the parts about the client, and writing one.

use super::{audience_text, chosen_ids};
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::urlencode;
use crate::http::pages::{Chrome, CirclePage, Errors, Form, render, save_form};
use crate::http::pages::{CircleNav, Done};
use crate::http::pages::{Object, PageResult};
use crate::service::about::{self, may_decide};
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::about::{Part, Section, SectionInput};
use samenspel_core::empathy::EmpathyMap;
use samenspel_core::member::Member;
use samenspel_core::wellbeing::GoalStatus;
use serde::Deserialize;

pub struct PartView {
    pub part: Part,
    /// The part exists, but the reader may not read it.
    pub hidden: bool,
    pub section: Option<Section>,
    pub html: String,
    pub audience: String,
}

#[derive(Template)]
#[template(path = "about.html")]
struct AboutPage {
    c: Chrome,
    nav: CircleNav,
    parts: Vec<PartView>,
    may_write: bool,
    latest_map: Option<EmpathyMap>,
    active_goals: usize,
    notice: Option<&'static str>,
    /// From the organisation's social map: (name, what fits, link).
    suggestions: Vec<(String, String, String)>,
    /// The organisation's whole social map.
    social_map: Option<String>,
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = about::page(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "about");
    let c = p.chrome();
    let members = &page.data.writing.members;
    let parts = Part::ALL
        .into_iter()
        .map(|part| {
            let section = page.data.sections.iter().find(|s| s.part == part).cloned();
            PartView {
                part,
                hidden: page.data.hidden.contains(&part),
                html: section.as_ref().map(|s| crate::text::to_html(&s.text)).unwrap_or_default(),
                audience: section
                    .as_ref()
                    .map(|s| audience_text(&c.tr, s.audience, &s.chosen, members))
                    .unwrap_or_default(),
                section,
            }
        })
        .collect();
    render(&AboutPage {
        nav,
        parts,
        may_write: page.data.writing.may_write,
        latest_map: page.data.latest_map,
        active_goals: page.data.goals.iter().filter(|g| g.status == GoalStatus::Active).count(),
        notice: done.notice(),
        suggestions: page
            .data
            .suggestions
            .iter()
            .map(|(i, fits)| {
                let org = page.data.organisation.as_ref().map(|o| o.to_string()).unwrap_or_default();
                (i.name.clone(), fits.join(", "), format!("/organisations/{org}/social-map?q={}", urlencode(&i.name)))
            })
            .collect(),
        social_map: page.data.organisation.as_ref().map(|o| format!("/organisations/{o}/social-map")),
        c,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PartForm {
    text: String,
    first_person: Option<String>,
    audience: String,
    chosen: Vec<String>,
}

crate::http::pages::forms::audience_fields!(PartForm);

#[derive(Template)]
#[template(path = "about_part.html")]
struct PartPage {
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    /// The hint above the list of people of a "chosen" audience.
    c: Chrome,
    nav: CircleNav,
    part: Part,
    current: Option<Section>,
    /// May the writer choose who sees this part?
    members: Vec<Member>,
    form: PartForm,
    errors: Errors,
}

fn parse_part(raw: &str) -> Result<Part, PageError> {
    Part::parse(raw).ok_or_else(|| Error::NotFound.into())
}

async fn part_page(p: &CirclePage, part: Part, form: Option<PartForm>, errors: Errors) -> Result<PartPage, PageError> {
    let page = about::section(&p.ctx(), &p.id, part).await?;
    let nav = p.nav(&page, "about");
    let (current, writing, hidden) = page.data;
    // A part someone else holds outside this reader's audience: no form to
    // write over it (a refused post still shows its text, below).
    if hidden && form.is_none() {
        return Err(Error::Conflict("about-part-hidden").into());
    }
    let c = p.chrome();
    let who = match &current {
        Some(s) => AudienceChoice::of(
            "about-chosen-hint",
            may_decide(&page.place, &s.started_by),
            audience_text(&c.tr, s.audience, &s.chosen, &writing.members),
        ),
        None => AudienceChoice::new("about-chosen-hint"),
    };
    let form = form.unwrap_or_else(|| match &current {
        Some(s) => PartForm {
            text: s.text.clone(),
            first_person: s.first_person.then(|| "on".into()),
            audience: s.audience.as_str().into(),
            chosen: chosen_ids(&s.chosen),
        },
        None => PartForm { audience: "circle".into(), ..Default::default() },
    });
    Ok(PartPage { who, nav, part, members: writing.members, current, form, errors, c })
}

pub async fn part_form(p: CirclePage, Object(raw): Object) -> PageResult {
    render(&part_page(&p, parse_part(&raw)?, None, Errors::default()).await?)
}

pub async fn save_part(p: CirclePage, Object(raw): Object, Form(f): Form<PartForm>) -> PageResult {
    let part = parse_part(&raw)?;
    let input = SectionInput {
        text: f.text.clone(),
        first_person: f.first_person.is_some(),
        audience: f.audience.clone(),
        chosen: f.chosen.clone(),
    };
    save_form(
        about::save_section(&p.ctx(), &p.id, part.as_str(), &input).await,
        |()| p.at(&format!("/about?done=notice-saved#part-{}", part.as_str())),
        async |errors| part_page(&p, part, Some(f), errors).await,
    )
    .await
}
