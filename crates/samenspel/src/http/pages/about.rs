//! About the client: "Dit ben ik" (the parts, each with its writer, date,
//! audience and earlier versions), the empathy maps over time, and the
//! wellbeing plan with its goals and the logbook entries about them.

use super::Empty;
use super::circles::{CircleNav, Done};
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::i18n::Tr;
use crate::service::about::{self, Writing, may_decide};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::Error;
use samenspel_core::about::{Part, Section, SectionInput};
use samenspel_core::access::CircleAction;
use samenspel_core::audience::Audience;
use samenspel_core::empathy::{EmpathyMap, EmpathyMapInput, Quadrant};
use samenspel_core::ids::CircleId;
use samenspel_core::member::Member;
use samenspel_core::wellbeing::{Goal, GoalInput, GoalKind, GoalStatus};
use samenspel_store::access::Place;
use serde::Deserialize;

fn circle_id(raw: &str) -> Result<CircleId, PageError> {
    path_id(raw, CircleId::parse)
}

/// Who sees an item, in words: "iedereen in de kring", "alleen Ans, Ellen".
fn audience_text(tr: &Tr, audience: Audience, chosen: &[samenspel_core::ids::MemberId], members: &[Member]) -> String {
    match audience {
        Audience::Chosen => {
            let mut names: Vec<&str> = chosen
                .iter()
                .filter_map(|id| members.iter().find(|m| &m.id == id).map(|m| m.display_name.as_str()))
                .collect();
            names.sort_unstable();
            tr.t1("audience-chosen-names", "names", names.join(", "))
        }
        a => tr.audience(&a),
    }
}

/// The audience fields every form here has: `audience` and repeated `chosen`.
macro_rules! audience_fields {
    ($form:ident) => {
        impl $form {
            pub fn has_chosen(&self, id: &str) -> bool {
                self.chosen.iter().any(|c| c == id)
            }
        }
    };
}

fn chosen_ids(chosen: &[samenspel_core::ids::MemberId]) -> Vec<String> {
    chosen.iter().map(|m| m.to_string()).collect()
}

// ---------------------------------------------------------------- Dit ben ik

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
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let page = about::page(&v.ctx(&state)?, &id).await?;
    let c = Chrome::new(&v);
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
        nav: CircleNav::new(&page.circle, &page.place, "about"),
        parts,
        may_write: page.data.writing.may_write,
        latest_map: page.data.latest_map,
        active_goals: page.data.goals.iter().filter(|g| g.status == GoalStatus::Active).count(),
        notice: done.notice(),
        c,
    })
}

#[derive(Deserialize, Default, Clone)]
pub struct PartForm {
    #[serde(default)]
    text: String,
    first_person: Option<String>,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    chosen: Vec<String>,
}

audience_fields!(PartForm);

#[derive(Template)]
#[template(path = "about_part.html")]
struct PartPage {
    /// The hint above the list of people of a "chosen" audience.
    chosen_hint: &'static str,
    c: Chrome,
    nav: CircleNav,
    part: Part,
    current: Option<Section>,
    /// May the writer choose who sees this part?
    decides: bool,
    current_audience: String,
    members: Vec<Member>,
    audiences: [Audience; 4],
    form: PartForm,
    errors: Errors,
}

fn parse_part(raw: &str) -> Result<Part, PageError> {
    Part::parse(raw).ok_or_else(|| Error::NotFound.into())
}

async fn part_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    part: Part,
    form: Option<PartForm>,
    errors: Errors,
) -> Result<PartPage, PageError> {
    let page = about::section(&v.ctx(state)?, circle, part).await?;
    let (current, writing, hidden) = page.data;
    // A part someone else holds outside this reader's audience: no form to
    // write over it (a refused post still shows its text, below).
    if hidden && form.is_none() {
        return Err(Error::Conflict("about-part-hidden").into());
    }
    let c = Chrome::new(v);
    let decides = current.as_ref().is_none_or(|s| may_decide(&page.place, &s.started_by));
    let current_audience =
        current.as_ref().map(|s| audience_text(&c.tr, s.audience, &s.chosen, &writing.members)).unwrap_or_default();
    let form = form.unwrap_or_else(|| match &current {
        Some(s) => PartForm {
            text: s.text.clone(),
            first_person: s.first_person.then(|| "on".into()),
            audience: s.audience.as_str().into(),
            chosen: chosen_ids(&s.chosen),
        },
        None => PartForm { audience: "circle".into(), ..Default::default() },
    });
    Ok(PartPage {
        chosen_hint: "about-chosen-hint",
        nav: CircleNav::new(&page.circle, &page.place, "about"),
        part,
        decides,
        current_audience,
        members: writing.members,
        audiences: Audience::ALL,
        current,
        form,
        errors,
        c,
    })
}

pub async fn part_form(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, raw)): Path<(String, String)>,
) -> Result<Response, PageError> {
    render(&part_page(&state, &v, &circle_id(&circle)?, parse_part(&raw)?, None, Errors::default()).await?)
}

pub async fn save_part(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, raw)): Path<(String, String)>,
    Form(f): Form<PartForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let p = parse_part(&raw)?;
    let input = SectionInput {
        text: f.text.clone(),
        first_person: f.first_person.is_some(),
        audience: f.audience.clone(),
        chosen: f.chosen.clone(),
    };
    match form_errors(about::save_section(&v.ctx(&state)?, &id, p.as_str(), &input).await)? {
        Ok(()) => Ok(see_other(&format!("/circles/{id}/about?done=notice-saved#part-{}", p.as_str()))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &part_page(&state, &v, &id, p, Some(f), errors).await?)
        }
    }
}

// ------------------------------------------------------------- Empathy maps

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

pub async fn maps(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let page = about::empathy_maps(&v.ctx(&state)?, &id).await?;
    let c = Chrome::new(&v);
    let (maps, writing) = page.data;
    let maps = maps
        .into_iter()
        .map(|map| MapView {
            audience: audience_text(&c.tr, map.audience, &map.chosen, &writing.members),
            decides: may_decide(&page.place, &map.made_by),
            map,
        })
        .collect();
    render(&MapsPage {
        nav: CircleNav::new(&page.circle, &page.place, "about"),
        maps,
        quadrants: Quadrant::ALL,
        may_write: writing.may_write,
        notice: done.notice(),
        c,
    })
}

#[derive(Deserialize, Default, Clone)]
pub struct MapForm {
    #[serde(default)]
    made_on: String,
    #[serde(default)]
    says: String,
    #[serde(default)]
    thinks: String,
    #[serde(default)]
    does: String,
    #[serde(default)]
    feels: String,
    #[serde(default)]
    pains: String,
    #[serde(default)]
    gains: String,
    #[serde(default)]
    made_with: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    chosen: Vec<String>,
}

audience_fields!(MapForm);

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
    /// The hint above the list of people of a "chosen" audience.
    chosen_hint: &'static str,
    c: Chrome,
    nav: CircleNav,
    /// The map being corrected; a new one when `None`.
    map_id: Option<String>,
    decides: bool,
    current_audience: String,
    members: Vec<Member>,
    audiences: [Audience; 4],
    quadrants: [Quadrant; 6],
    form: MapForm,
    errors: Errors,
}

async fn map_form_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    map: Option<&str>,
    form: Option<MapForm>,
    errors: Errors,
) -> Result<MapFormPage, PageError> {
    let ctx = v.ctx(state)?;
    let c = Chrome::new(v);
    let (place, nav, existing, writing) = match map {
        Some(id) => {
            let page = about::empathy_map(&ctx, circle, id).await?;
            let (map, writing) = page.data;
            (page.place.clone(), CircleNav::new(&page.circle, &page.place, "about"), Some(map), writing)
        }
        None => {
            let page = about::empathy_maps(&ctx, circle).await?;
            (page.place.clone(), CircleNav::new(&page.circle, &page.place, "about"), None, page.data.1)
        }
    };
    writable(&place, &writing)?;
    let decides = existing.as_ref().is_none_or(|m| may_decide(&place, &m.made_by));
    Ok(MapFormPage {
        chosen_hint: "about-chosen-hint",
        nav,
        map_id: existing.as_ref().map(|m| m.id.clone()),
        decides,
        current_audience: existing
            .as_ref()
            .map(|m| audience_text(&c.tr, m.audience, &m.chosen, &writing.members))
            .unwrap_or_default(),
        form: form.unwrap_or_else(|| match &existing {
            Some(m) => MapForm::of(m),
            None => MapForm {
                made_on: crate::i18n::local(&jiff::Timestamp::now()).date().to_string(),
                audience: "circle".into(),
                ..Default::default()
            },
        }),
        members: writing.members,
        audiences: Audience::ALL,
        quadrants: Quadrant::ALL,
        errors,
        c,
    })
}

/// The write forms are for writers only: a read-only member gets 403, not an empty form.
fn writable(place: &Place, writing: &Writing) -> Result<(), PageError> {
    if writing.may_write && place.may(CircleAction::WriteAboutClient) { Ok(()) } else { Err(Error::Forbidden.into()) }
}

pub async fn map_new(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
) -> Result<Response, PageError> {
    render(&map_form_page(&state, &v, &circle_id(&circle)?, None, None, Errors::default()).await?)
}

pub async fn map_edit(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, map)): Path<(String, String)>,
) -> Result<Response, PageError> {
    render(&map_form_page(&state, &v, &circle_id(&circle)?, Some(&map), None, Errors::default()).await?)
}

async fn save_map(
    state: AppState,
    v: Visitor,
    circle: String,
    map: Option<String>,
    f: MapForm,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let input = f.input();
    match form_errors(about::save_empathy_map(&v.ctx(&state)?, &id, map.as_deref(), &input).await)? {
        Ok(saved) => Ok(see_other(&format!("/circles/{id}/about/empathy?done=notice-saved#map-{saved}"))),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &map_form_page(&state, &v, &id, map.as_deref(), Some(f), errors).await?,
        ),
    }
}

pub async fn map_add(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<MapForm>,
) -> Result<Response, PageError> {
    save_map(state, v, circle, None, f).await
}

pub async fn map_change(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, map)): Path<(String, String)>,
    Form(f): Form<MapForm>,
) -> Result<Response, PageError> {
    save_map(state, v, circle, Some(map), f).await
}

pub async fn map_remove(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, map)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    about::remove_empathy_map(&v.ctx(&state)?, &id, &map).await?;
    Ok(see_other(&format!("/circles/{id}/about/empathy?done=notice-removed")))
}

// ------------------------------------------------------------ Wellbeing plan

pub struct GoalView {
    pub goal: Goal,
    pub steps_html: String,
    pub audience: String,
    pub decides: bool,
    pub review_due: bool,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    c: Chrome,
    nav: CircleNav,
    goals: Vec<GoalView>,
    may_write: bool,
    may_log: bool,
    notice: Option<&'static str>,
}

pub async fn plan(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let page = about::goals(&v.ctx(&state)?, &id).await?;
    let c = Chrome::new(&v);
    let (goals, writing) = page.data;
    let today = crate::i18n::local(&jiff::Timestamp::now()).date();
    let goals = goals
        .into_iter()
        .map(|goal| GoalView {
            steps_html: crate::text::to_html(&goal.steps),
            audience: audience_text(&c.tr, goal.audience, &goal.chosen, &writing.members),
            decides: may_decide(&page.place, &goal.created_by),
            review_due: goal.review_due(today),
            goal,
        })
        .collect();
    render(&PlanPage {
        nav: CircleNav::new(&page.circle, &page.place, "about"),
        goals,
        may_write: writing.may_write,
        may_log: page.place.may(CircleAction::WriteLogbook),
        notice: done.notice(),
        c,
    })
}

#[derive(Deserialize, Default, Clone)]
pub struct GoalForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    words: String,
    #[serde(default)]
    steps: String,
    #[serde(default)]
    helpers: Vec<String>,
    #[serde(default)]
    others: String,
    #[serde(default)]
    review_on: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    chosen: Vec<String>,
}

audience_fields!(GoalForm);

impl GoalForm {
    pub fn has_helper(&self, id: &str) -> bool {
        self.helpers.iter().any(|h| h == id)
    }

    fn input(&self) -> GoalInput {
        GoalInput {
            kind: self.kind.clone(),
            words: self.words.clone(),
            steps: self.steps.clone(),
            helpers: self.helpers.clone(),
            others: self.others.clone(),
            review_on: self.review_on.clone(),
            status: self.status.clone(),
            audience: self.audience.clone(),
            chosen: self.chosen.clone(),
        }
    }

    fn of(g: &Goal) -> Self {
        GoalForm {
            kind: g.kind.as_str().into(),
            words: g.words.clone(),
            steps: g.steps.clone(),
            helpers: g.helpers.iter().map(|h| h.0.to_string()).collect(),
            others: g.others.clone(),
            review_on: g.review_on.map(|d| d.to_string()).unwrap_or_default(),
            status: g.status.as_str().into(),
            audience: g.audience.as_str().into(),
            chosen: chosen_ids(&g.chosen),
        }
    }
}

#[derive(Template)]
#[template(path = "goal_form.html")]
struct GoalFormPage {
    /// The hint above the list of people of a "chosen" audience.
    chosen_hint: &'static str,
    c: Chrome,
    nav: CircleNav,
    goal_id: Option<String>,
    decides: bool,
    current_audience: String,
    members: Vec<Member>,
    audiences: [Audience; 4],
    kinds: [GoalKind; 3],
    statuses: [GoalStatus; 3],
    form: GoalForm,
    errors: Errors,
}

async fn goal_form_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    goal: Option<&str>,
    form: Option<GoalForm>,
    errors: Errors,
) -> Result<GoalFormPage, PageError> {
    let page = about::goals(&v.ctx(state)?, circle).await?;
    let (goals, writing) = page.data;
    writable(&page.place, &writing)?;
    let existing = match goal {
        Some(id) => Some(goals.into_iter().find(|g| g.id == id).ok_or(Error::NotFound)?),
        None => None,
    };
    let c = Chrome::new(v);
    Ok(GoalFormPage {
        chosen_hint: "about-chosen-hint",
        nav: CircleNav::new(&page.circle, &page.place, "about"),
        goal_id: existing.as_ref().map(|g| g.id.clone()),
        decides: existing.as_ref().is_none_or(|g| may_decide(&page.place, &g.created_by)),
        current_audience: existing
            .as_ref()
            .map(|g| audience_text(&c.tr, g.audience, &g.chosen, &writing.members))
            .unwrap_or_default(),
        form: form.unwrap_or_else(|| match &existing {
            Some(g) => GoalForm::of(g),
            None => GoalForm {
                kind: "again".into(),
                status: "active".into(),
                audience: "circle".into(),
                ..Default::default()
            },
        }),
        members: writing.members,
        audiences: Audience::ALL,
        kinds: GoalKind::ALL,
        statuses: GoalStatus::ALL,
        errors,
        c,
    })
}

pub async fn goal_new(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
) -> Result<Response, PageError> {
    render(&goal_form_page(&state, &v, &circle_id(&circle)?, None, None, Errors::default()).await?)
}

pub async fn goal_edit(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, goal)): Path<(String, String)>,
) -> Result<Response, PageError> {
    render(&goal_form_page(&state, &v, &circle_id(&circle)?, Some(&goal), None, Errors::default()).await?)
}

async fn save_goal(
    state: AppState,
    v: Visitor,
    circle: String,
    goal: Option<String>,
    f: GoalForm,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    match form_errors(about::save_goal(&v.ctx(&state)?, &id, goal.as_deref(), &f.input()).await)? {
        Ok(saved) => Ok(see_other(&format!("/circles/{id}/plan?done=notice-saved#goal-{saved}"))),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &goal_form_page(&state, &v, &id, goal.as_deref(), Some(f), errors).await?,
        ),
    }
}

pub async fn goal_add(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<GoalForm>,
) -> Result<Response, PageError> {
    save_goal(state, v, circle, None, f).await
}

pub async fn goal_change(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, goal)): Path<(String, String)>,
    Form(f): Form<GoalForm>,
) -> Result<Response, PageError> {
    save_goal(state, v, circle, Some(goal), f).await
}

pub async fn goal_remove(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, goal)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    about::remove_goal(&v.ctx(&state)?, &id, &goal).await?;
    Ok(see_other(&format!("/circles/{id}/plan?done=notice-removed")))
}
