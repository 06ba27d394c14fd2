//! "Wie ziet wat": the client's consent per kind of information, and "Bekijk
//! als": the circle as another role sees it.

use super::{Chrome, CircleNav, CirclePage, Done, Errors, Form, Object, render, save_form};
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::i18n::Tr;
use crate::service::consent::{self, ConsentInput, ViewAs};
use askama::Template;
use axum::extract::Query;
use samenspel_core::consent::{Category, Consent, DECIDED_ROLES};
use samenspel_core::role::Role;
use samenspel_store::consent::{ConsentView, Decision};
use serde::Deserialize;

/// One category on the page, with the roles that may and may not see it.
struct Row {
    category: Category,
    /// Each decided role, and whether it may see the category.
    roles: Vec<(Role, bool)>,
    decision: Option<Decision>,
}

fn rows(consent: Consent, view: &ConsentView) -> Vec<Row> {
    Category::ALL
        .into_iter()
        .map(|category| Row {
            category,
            roles: category.decided_roles().iter().map(|r| (*r, consent.allows(*r, category))).collect(),
            decision: view.decision(category).cloned(),
        })
        .collect()
}

/// "Henk (cliënt) besloot dit op 4 december 2026."
fn decided(tr: &Tr, d: &Decision) -> String {
    tr.t3("consent-decided", "name", &d.by, "role", tr.role(&d.by_role), "date", tr.date(&d.at))
}

/// Names on both pages: a category, its explanation, a group of members.
trait Words {
    fn tr(&self) -> &Tr;
    fn category(&self, c: &Category) -> String {
        self.tr().t(&format!("consent-category-{}", c.as_str()))
    }
    fn category_hint(&self, c: &Category) -> String {
        self.tr().t(&format!("consent-category-{}-hint", c.as_str()))
    }
    /// "vrijwilligers".
    fn group(&self, r: &Role) -> String {
        self.tr().t(&format!("consent-role-{}", r.as_str()))
    }
    /// "Bekijk als vrijwilliger".
    fn view_as_link(&self, r: &Role) -> String {
        self.tr().t(&format!("consent-view-as-{}", r.as_str()))
    }
    fn decided(&self, d: &Decision) -> String {
        decided(self.tr(), d)
    }
}

impl Row {
    /// The checkbox's value and id part: `agenda.volunteer`.
    fn key(&self, r: &Role) -> String {
        format!("{}.{}", self.category.as_str(), r.as_str())
    }
    fn id(&self, r: &Role) -> String {
        format!("see-{}-{}", self.category.as_str(), r.as_str())
    }
}

#[derive(Template)]
#[template(path = "consent.html")]
struct ConsentPage {
    c: Chrome,
    nav: CircleNav,
    action: String,
    client_name: String,
    rows: Vec<Row>,
    may_change: bool,
    roles: [Role; 4],
    errors: Errors,
    notice: Option<&'static str>,
}

impl Words for ConsentPage {
    fn tr(&self) -> &Tr {
        &self.c.tr
    }
}

impl ConsentPage {
    /// "Everyone may see this" — or, for the export, everyone who can do it.
    fn everyone_key(&self, category: &Category) -> &'static str {
        if *category == Category::Export { "consent-export-everyone" } else { "consent-everyone" }
    }

    /// The groups kept out of a category, in words ("vrijwilligers, coördinatoren").
    fn hidden_groups(&self, row: &Row) -> String {
        row.roles.iter().filter(|(_, sees)| !sees).map(|(r, _)| self.group(r)).collect::<Vec<_>>().join(", ")
    }
}

async fn page(
    p: &CirclePage,
    shown: Option<Consent>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<ConsentPage, PageError> {
    let page = consent::show(&p.ctx(), &p.id).await?;
    Ok(ConsentPage {
        c: p.chrome(),
        nav: p.nav(&page, "consent"),
        action: p.at("/consent"),
        client_name: page.circle.client_name.clone(),
        rows: rows(shown.unwrap_or(page.data.view.consent), &page.data.view),
        may_change: page.data.may_change,
        roles: DECIDED_ROLES,
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&page(&p, None, Errors::default(), done.notice()).await?)
}

/// The form: one checkbox `see` per category and role, ticked when the role
/// may see it; what is not ticked is hidden.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsentForm {
    see: Vec<String>,
}

impl ConsentForm {
    /// Everything hidden that is not ticked.
    fn input(&self) -> ConsentInput {
        let ticked = |c: Category, r: Role| self.see.iter().any(|s| *s == format!("{}.{}", c.as_str(), r.as_str()));
        let hidden = Category::ALL
            .into_iter()
            .flat_map(|c| c.decided_roles().iter().map(move |r| (c, *r)))
            .filter(|(c, r)| !ticked(*c, *r))
            .map(|(c, r)| (c.as_str().to_owned(), r.as_str().to_owned()))
            .collect();
        ConsentInput { hidden }
    }
}

pub async fn save(p: CirclePage, Form(f): Form<ConsentForm>) -> PageResult {
    let input = f.input();
    save_form(
        consent::save(&p.ctx(), &p.id, &input).await,
        |_| p.at("/consent?done=notice-consent-saved"),
        async |errors| page(&p, input.parse().ok(), errors, None).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "consent_view_as.html")]
struct ViewAsPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    view: ViewAs,
    roles: [Role; 4],
}

impl Words for ViewAsPage {
    fn tr(&self) -> &Tr {
        &self.c.tr
    }
}

impl ViewAsPage {
    /// "Zo ziet een vrijwilliger de kring".
    fn seen_by(&self) -> String {
        self.c.tr.t(&format!("consent-seen-by-{}", self.view.role.as_str()))
    }

    /// Entries of `category` the writer addressed to a smaller group.
    fn other_audience(&self, category: &Category) -> i64 {
        self.view.logbook.iter().find(|k| Category::of_kind(k.kind) == *category).map_or(0, |k| k.other_audience)
    }
}

/// `/circles/{circle}/consent/as/{role}`.
pub async fn view_as(p: CirclePage, Object(role): Object) -> PageResult {
    let page = consent::view_as(&p.ctx(), &p.id, &role).await?;
    render(&ViewAsPage {
        c: p.chrome(),
        nav: p.nav(&page, "consent"),
        client_name: page.circle.client_name.clone(),
        view: page.data.1,
        roles: DECIDED_ROLES,
    })
}
