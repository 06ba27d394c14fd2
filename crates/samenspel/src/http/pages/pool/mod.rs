//! The volunteer pool's pages: the keepers' list and a volunteer's record
//! ([`volunteer`]), the rules, the expense claims ([`claims`]), the
//! volunteer's own page ([`mine`]) and a circle's page for putting a help
//! request or shift to the pool ([`circle`]).

mod circle;
mod claims;
mod mine;
mod volunteer;

use super::Pages;
use super::monitor::OrganisationPage;
use super::{Chrome, Done, Errors, Form, PageResult, render, save_form};
use crate::http::routes::Access::{Circle, Organisation, SignedIn};
use crate::i18n::Tr;
use crate::service::pool::{self as service, Listed, Search};
use askama::Template;
use axum::extract::Query;
use samenspel_core::access::CircleAction as A;
use samenspel_core::access::OrgAction as O;
use samenspel_core::pool::vog::{Rules, RulesInput};
use samenspel_core::pool::{Availability, DAYS, DayPart, NewVolunteerInput};

/// The pool's routes.
pub(super) fn routes(p: Pages) -> Pages {
    p.get("/organisations/{organisation}/pool", Organisation(O::KeepPool), list)
        .post("/organisations/{organisation}/pool", Organisation(O::KeepPool), add)
        .get("/organisations/{organisation}/pool/{volunteer}", Organisation(O::KeepPool), volunteer::show)
        .post("/organisations/{organisation}/pool/{volunteer}/profile", Organisation(O::KeepPool), volunteer::profile)
        .post("/organisations/{organisation}/pool/{volunteer}/record", Organisation(O::KeepPool), volunteer::record)
        .post("/organisations/{organisation}/pool/{volunteer}/training", Organisation(O::KeepPool), volunteer::training)
        .get("/organisations/{organisation}/pool-rules", Organisation(O::SetPoolRules), rules)
        .post("/organisations/{organisation}/pool-rules", Organisation(O::SetPoolRules), set_rules)
        .get("/organisations/{organisation}/expenses", Organisation(O::KeepPool), claims::list)
        .get("/organisations/{organisation}/expenses.csv", Organisation(O::KeepPool), claims::csv)
        .post("/organisations/{organisation}/expenses/{claim}", Organisation(O::KeepPool), claims::decide)
        .get("/pool", SignedIn, mine::show)
        .post("/organisations/{organisation}/my-pool/profile", Organisation(O::VolunteerInPool), mine::profile)
        .post("/organisations/{organisation}/my-pool/answer", Organisation(O::VolunteerInPool), mine::answer)
        .post("/organisations/{organisation}/my-pool/accept", Organisation(O::VolunteerInPool), mine::accept)
        .post("/organisations/{organisation}/my-pool/decline", Organisation(O::VolunteerInPool), mine::decline)
        .post("/organisations/{organisation}/my-pool/claims", Organisation(O::VolunteerInPool), mine::claim)
        .get("/circles/{circle}/pool", Circle(A::AskPool), circle::show)
        .post("/circles/{circle}/pool", Circle(A::AskPool), circle::put)
        .post("/circles/{circle}/pool/ask", Circle(A::AskPool), circle::ask)
        .post("/circles/{circle}/pool/close", Circle(A::AskPool), circle::close)
}

/// One row of the availability grid: a weekday and its three parts.
pub struct GridRow {
    pub day: String,
    /// (form key, label for screen readers, ticked)
    pub parts: Vec<(String, String, bool)>,
}

/// The weekdays × parts of the day, ticked from the form's slots.
pub fn grid(tr: &Tr, slots: &[String]) -> Vec<GridRow> {
    DAYS.iter()
        .map(|(day, _)| {
            let name = tr.weekday_long(*day).to_owned();
            let parts = DayPart::ALL
                .iter()
                .map(|part| {
                    let key = Availability::key(*day, *part);
                    let label = format!("{name} {}", tr.t(&format!("pool-part-{}", part.as_str())));
                    let ticked = slots.contains(&key);
                    (key, label, ticked)
                })
                .collect();
            GridRow { day: name, parts }
        })
        .collect()
}

/// The parts of the day, as column heads.
pub fn part_names(tr: &Tr) -> Vec<String> {
    DayPart::ALL.iter().map(|p| tr.t(&format!("pool-part-{}", p.as_str()))).collect()
}

/// Availability in words: "ma ochtend, wo middag".
pub fn availability_words(tr: &Tr, a: Availability) -> String {
    let mut out = Vec::new();
    for (day, _) in DAYS {
        for part in DayPart::ALL {
            if a.has(day, part) {
                out.push(format!("{} {}", tr.weekday_short(day), tr.t(&format!("pool-part-{}", part.as_str()))));
            }
        }
    }
    if out.is_empty() { tr.t("pool-availability-none") } else { out.join(", ") }
}

/// A VOG's state in words, with its day.
pub fn vog_words(tr: &Tr, vog: samenspel_core::pool::vog::Vog) -> String {
    match vog.until() {
        Some(d) => tr.t1(vog.key(), "day", tr.day(&d)),
        None => tr.t(vog.key()),
    }
}

pub struct Row {
    pub id: String,
    pub name: String,
    pub availability: String,
    pub about: String,
    pub vog: String,
    pub attention: bool,
    pub active: bool,
}

fn row(tr: &Tr, l: &Listed, rules: &Rules) -> Row {
    let p = &l.volunteer.profile;
    let about = [p.area.join(", "), p.skills.join(", "), p.languages.join(", ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Row {
        id: l.volunteer.id.clone(),
        name: l.volunteer.name.clone(),
        availability: availability_words(tr, p.availability),
        about,
        vog: vog_words(tr, l.vog),
        attention: l.vog.attention() && (rules.vog_required || l.vog.until().is_some()),
        active: l.volunteer.active,
    }
}

#[derive(Template)]
#[template(path = "pool.html")]
struct ListPage {
    c: Chrome,
    org: String,
    organisation: String,
    rows: Vec<Row>,
    total: usize,
    attention: usize,
    rules_line: String,
    may_set_rules: bool,
    search: Search,
    slots: Vec<(String, String)>,
    form: NewVolunteerInput,
    errors: Errors,
    notice: Option<&'static str>,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(flatten)]
    search: Search,
    done: Option<String>,
}

async fn list_page(
    p: &OrganisationPage,
    search: Search,
    form: NewVolunteerInput,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<ListPage, crate::http::errors::PageError> {
    let view = service::list(&p.ctx(), &p.id, &search).await?;
    let c = p.chrome();
    let rules_line = rules_line(&c.tr, &view.rules);
    let slots = DAYS
        .iter()
        .flat_map(|(d, _)| DayPart::ALL.map(|part| (*d, part)))
        .map(|(d, part)| {
            let label = format!("{} {}", c.tr.weekday_long(d), c.tr.t(&format!("pool-part-{}", part.as_str())));
            (Availability::key(d, part), label)
        })
        .collect();
    Ok(ListPage {
        org: p.id.to_string(),
        organisation: view.organisation,
        rows: view.volunteers.iter().map(|l| row(&c.tr, l, &view.rules)).collect(),
        total: view.total,
        attention: view.attention,
        rules_line,
        may_set_rules: view.may_set_rules,
        search,
        slots,
        form,
        errors,
        notice,
        c,
    })
}

/// The rules in one sentence.
pub fn rules_line(tr: &Tr, r: &Rules) -> String {
    let vog = if r.vog_required {
        tr.count("pool-rules-vog-required", i64::from(r.vog_months))
    } else {
        tr.t("pool-rules-vog-optional")
    };
    format!("{vog} {}", tr.t1("pool-rules-km", "rate", samenspel_core::pool::expenses::euros(r.km_cents)))
}

pub async fn list(p: OrganisationPage, Query(q): Query<ListQuery>) -> PageResult {
    let notice = Done { done: q.done.clone() }.notice();
    render(&list_page(&p, q.search, NewVolunteerInput::default(), Errors::default(), notice).await?)
}

pub async fn add(p: OrganisationPage, Form(f): Form<NewVolunteerInput>) -> PageResult {
    let r = service::add(&p.ctx(), &p.id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |id| format!("/organisations/{org}/pool/{id}?done=pool-added-notice"),
        async |e| list_page(&p, Search::default(), f.clone(), e, None).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "pool_rules.html")]
struct RulesPage {
    c: Chrome,
    org: String,
    organisation: String,
    form: RulesInput,
    errors: Errors,
    notice: Option<&'static str>,
}

pub async fn rules(p: OrganisationPage, Query(done): Query<Done>) -> PageResult {
    let (organisation, rules) = service::rules(&p.ctx(), &p.id).await?;
    render(&RulesPage {
        c: p.chrome(),
        org: p.id.to_string(),
        organisation,
        form: RulesInput::of(&rules),
        errors: Errors::default(),
        notice: done.notice(),
    })
}

pub async fn set_rules(p: OrganisationPage, Form(f): Form<RulesInput>) -> PageResult {
    let r = service::set_rules(&p.ctx(), &p.id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |_| format!("/organisations/{org}/pool?done=pool-rules-saved-notice"),
        async |e| {
            let (organisation, _) = service::rules(&p.ctx(), &p.id).await?;
            Ok(RulesPage {
                c: p.chrome(),
                org: p.id.to_string(),
                organisation,
                form: f.clone(),
                errors: e,
                notice: None,
            })
        },
    )
    .await
}
