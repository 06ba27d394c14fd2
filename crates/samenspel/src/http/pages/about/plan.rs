//! The wellbeing plan: its goals, and making, changing or removing one.

use super::{audience_text, chosen_ids, writable};
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::{Chrome, CirclePage, Empty, Errors, Form, render, save_form, see_other};
use crate::http::pages::{CircleNav, Done};
use crate::http::pages::{Object, PageResult};
use crate::service::about::{self, may_decide};
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::access::CircleAction;
use samenspel_core::member::Member;
use samenspel_core::wellbeing::{Goal, GoalInput, GoalKind, GoalStatus};
use serde::Deserialize;

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

pub async fn plan(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = about::goals(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "about");
    let c = p.chrome();
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
        nav,
        goals,
        may_write: writing.may_write,
        may_log: page.place.may(CircleAction::WriteLogbook),
        notice: done.notice(),
        c,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct GoalForm {
    kind: String,
    words: String,
    steps: String,
    helpers: Vec<String>,
    others: String,
    review_on: String,
    status: String,
    audience: String,
    chosen: Vec<String>,
}

crate::http::pages::forms::audience_fields!(GoalForm);

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
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    /// The hint above the list of people of a "chosen" audience.
    c: Chrome,
    nav: CircleNav,
    goal_id: Option<String>,
    members: Vec<Member>,
    kinds: [GoalKind; 3],
    statuses: [GoalStatus; 3],
    form: GoalForm,
    errors: Errors,
}

async fn goal_form_page(
    p: &CirclePage,
    goal: Option<&str>,
    form: Option<GoalForm>,
    errors: Errors,
) -> Result<GoalFormPage, PageError> {
    let page = about::goals(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "about");
    let (goals, writing) = page.data;
    writable(&page.place, &writing)?;
    let existing = match goal {
        Some(id) => Some(goals.into_iter().find(|g| g.id == id).ok_or(Error::NotFound)?),
        None => None,
    };
    let c = p.chrome();
    Ok(GoalFormPage {
        who: match &existing {
            Some(g) => AudienceChoice::of(
                "about-chosen-hint",
                may_decide(&page.place, &g.created_by),
                audience_text(&c.tr, g.audience, &g.chosen, &writing.members),
            ),
            None => AudienceChoice::new("about-chosen-hint"),
        },
        nav,
        goal_id: existing.as_ref().map(|g| g.id.clone()),
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
        kinds: GoalKind::ALL,
        statuses: GoalStatus::ALL,
        errors,
        c,
    })
}

pub async fn goal_new(p: CirclePage) -> PageResult {
    render(&goal_form_page(&p, None, None, Errors::default()).await?)
}

pub async fn goal_edit(p: CirclePage, Object(goal): Object) -> PageResult {
    render(&goal_form_page(&p, Some(&goal), None, Errors::default()).await?)
}

/// Adds a goal, or changes the one the path names.
pub async fn goal_save(p: CirclePage, goal: Option<Object>, Form(f): Form<GoalForm>) -> PageResult {
    let goal = goal.map(|Object(id)| id);
    save_form(
        about::save_goal(&p.ctx(), &p.id, goal.as_deref(), &f.input()).await,
        |saved| p.at(&format!("/plan?done=notice-saved#goal-{saved}")),
        async |errors| goal_form_page(&p, goal.as_deref(), Some(f), errors).await,
    )
    .await
}

pub async fn goal_remove(p: CirclePage, Object(goal): Object, Form(_): Form<Empty>) -> PageResult {
    about::remove_goal(&p.ctx(), &p.id, &goal).await?;
    Ok(see_other(&p.at("/plan?done=notice-removed")))
}
