//! The empathy maps over time: the list, making or correcting one, removing it.

use super::{audience_text, chosen_ids, writable};
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::{Chrome, CirclePage, Empty, Errors, Form, render, save_form, see_other};
use crate::http::pages::{CircleNav, Done};
use crate::http::pages::{Object, PageResult};
use crate::service::about::{self, may_decide};
use askama::Template;
use axum::extract::Query;
use samenspel_core::empathy::{EmpathyMap, EmpathyMapInput, Quadrant};
use samenspel_core::member::Member;
use serde::Deserialize;

pub struct MapView {
    pub map: EmpathyMap,
    pub audience: String,
    pub decides: bool,
}

impl MapView {
    pub fn text(&self, q: &Quadrant) -> &str {
        self.map.text(*q)
    }
}

#[derive(Template)]
#[template(path = "empathy.html")]
struct MapsPage {
    c: Chrome,
    nav: CircleNav,
    maps: Vec<MapView>,
    quadrants: [Quadrant; 6],
    may_write: bool,
    notice: Option<&'static str>,
}

pub async fn maps(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = about::empathy_maps(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "about");
    let c = p.chrome();
    let (maps, writing) = page.data;
    let maps = maps
        .into_iter()
        .map(|map| MapView {
            audience: audience_text(&c.tr, map.audience, &map.chosen, &writing.members),
            decides: may_decide(&page.place, &map.made_by),
            map,
        })
        .collect();
    render(&MapsPage { nav, maps, quadrants: Quadrant::ALL, may_write: writing.may_write, notice: done.notice(), c })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MapForm {
    made_on: String,
    says: String,
    thinks: String,
    does: String,
    feels: String,
    pains: String,
    gains: String,
    made_with: String,
    audience: String,
    chosen: Vec<String>,
}

crate::http::pages::forms::audience_fields!(MapForm);

impl MapForm {
    pub fn text(&self, q: &Quadrant) -> &str {
        match q {
            Quadrant::Says => &self.says,
            Quadrant::Thinks => &self.thinks,
            Quadrant::Does => &self.does,
            Quadrant::Feels => &self.feels,
            Quadrant::Pains => &self.pains,
            Quadrant::Gains => &self.gains,
        }
    }

    fn input(&self) -> EmpathyMapInput {
        EmpathyMapInput {
            made_on: self.made_on.clone(),
            says: self.says.clone(),
            thinks: self.thinks.clone(),
            does: self.does.clone(),
            feels: self.feels.clone(),
            pains: self.pains.clone(),
            gains: self.gains.clone(),
            made_with: self.made_with.clone(),
            audience: self.audience.clone(),
            chosen: self.chosen.clone(),
        }
    }

    fn of(m: &EmpathyMap) -> Self {
        let [says, thinks, does, feels, pains, gains] = m.texts.clone();
        MapForm {
            made_on: m.made_on.to_string(),
            says,
            thinks,
            does,
            feels,
            pains,
            gains,
            made_with: m.made_with.clone(),
            audience: m.audience.as_str().into(),
            chosen: chosen_ids(&m.chosen),
        }
    }
}

#[derive(Template)]
#[template(path = "empathy_form.html")]
struct MapFormPage {
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    /// The hint above the list of people of a "chosen" audience.
    c: Chrome,
    nav: CircleNav,
    /// The map being corrected; a new one when `None`.
    map_id: Option<String>,
    members: Vec<Member>,
    quadrants: [Quadrant; 6],
    form: MapForm,
    errors: Errors,
}

async fn map_form_page(
    p: &CirclePage,
    map: Option<&str>,
    form: Option<MapForm>,
    errors: Errors,
) -> Result<MapFormPage, PageError> {
    let ctx = p.ctx();
    let c = p.chrome();
    let (place, nav, existing, writing) = match map {
        Some(id) => {
            let page = about::empathy_map(&ctx, &p.id, id).await?;
            let nav = p.nav(&page, "about");
            let (map, writing) = page.data;
            (page.place.clone(), nav, Some(map), writing)
        }
        None => {
            let page = about::empathy_maps(&ctx, &p.id).await?;
            (page.place.clone(), p.nav(&page, "about"), None, page.data.1)
        }
    };
    writable(&place, &writing)?;
    let who = match &existing {
        Some(m) => AudienceChoice::of(
            "about-chosen-hint",
            may_decide(&place, &m.made_by),
            audience_text(&c.tr, m.audience, &m.chosen, &writing.members),
        ),
        None => AudienceChoice::new("about-chosen-hint"),
    };
    Ok(MapFormPage {
        who,
        nav,
        map_id: existing.as_ref().map(|m| m.id.clone()),
        form: form.unwrap_or_else(|| match &existing {
            Some(m) => MapForm::of(m),
            None => MapForm {
                made_on: crate::i18n::local(&jiff::Timestamp::now()).date().to_string(),
                audience: "circle".into(),
                ..Default::default()
            },
        }),
        members: writing.members,
        quadrants: Quadrant::ALL,
        errors,
        c,
    })
}

pub async fn map_new(p: CirclePage) -> PageResult {
    render(&map_form_page(&p, None, None, Errors::default()).await?)
}

pub async fn map_edit(p: CirclePage, Object(map): Object) -> PageResult {
    render(&map_form_page(&p, Some(&map), None, Errors::default()).await?)
}

/// Makes an empathy map, or corrects the one the path names.
pub async fn map_save(p: CirclePage, map: Option<Object>, Form(f): Form<MapForm>) -> PageResult {
    let map = map.map(|Object(id)| id);
    let input = f.input();
    save_form(
        about::save_empathy_map(&p.ctx(), &p.id, map.as_deref(), &input).await,
        |saved| p.at(&format!("/about/empathy?done=notice-saved#map-{saved}")),
        async |errors| map_form_page(&p, map.as_deref(), Some(f), errors).await,
    )
    .await
}

pub async fn map_remove(p: CirclePage, Object(map): Object, Form(_): Form<Empty>) -> PageResult {
    about::remove_empathy_map(&p.ctx(), &p.id, &map).await?;
    Ok(see_other(&p.at("/about/empathy?done=notice-removed")))
}
