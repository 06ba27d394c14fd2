//! The form for a new appointment or shift, or to change one, and removing it.

use super::today;
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::CircleNav;
use crate::http::pages::{Chrome, CirclePage, Empty, Errors, Form, render, save_form, see_other};
use crate::http::pages::{Object, PageResult};
use crate::service::agenda;
use askama::Template;
use axum::extract::Query;
use samenspel_core::agenda::{Item, ItemInput, Kind, WEEKDAYS, weekday_code};
use samenspel_core::member::Member;
use samenspel_core::recurrence::{End, Frequency, Length};
use serde::Deserialize;

/// The item form, as posted; a location's form posts a part of it.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ItemForm {
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) start_time: String,
    pub(crate) end_time: String,
    pub(crate) days: String,
    pub(crate) place: String,
    pub(crate) notes: String,
    pub(crate) elsewhere: Option<String>,
    pub(crate) along: Vec<String>,
    pub(crate) places: String,
    pub(crate) repeat: String,
    pub(crate) interval: String,
    pub(crate) weekdays: Vec<String>,
    pub(crate) until: String,
    pub(crate) count: String,
    pub(crate) audience: String,
    pub(crate) chosen: Vec<String>,
}

crate::http::pages::forms::audience_fields!(ItemForm);

impl ItemForm {
    pub fn goes_along(&self, id: &str) -> bool {
        self.along.iter().any(|c| c == id)
    }

    pub fn on_weekday(&self, code: &str) -> bool {
        self.weekdays.iter().any(|c| c == code)
    }

    pub(crate) fn input(&self) -> ItemInput {
        ItemInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            days: self.days.clone(),
            place: self.place.clone(),
            notes: self.notes.clone(),
            elsewhere: self.elsewhere.is_some(),
            along: self.along.clone(),
            places: self.places.clone(),
            repeat: self.repeat.clone(),
            interval: self.interval.clone(),
            weekdays: self.weekdays.clone(),
            until: self.until.clone(),
            count: self.count.clone(),
            audience: self.audience.clone(),
            chosen: self.chosen.clone(),
        }
    }

    fn of(i: &Item) -> Self {
        let s = &i.series;
        let (start_time, end_time, days) = match s.length {
            Length::Minutes(m) => {
                let end = s.start.time().wrapping_add(jiff::Span::new().minutes(i64::from(m)));
                (s.start.strftime("%H:%M").to_string(), end.strftime("%H:%M").to_string(), String::new())
            }
            Length::WholeDays(n) => (String::new(), String::new(), n.to_string()),
        };
        let (repeat, interval, weekdays) = match &s.frequency {
            Frequency::Once => ("once", 1, vec![]),
            Frequency::Daily { interval } => ("daily", *interval, vec![]),
            Frequency::Weekly { interval, days } => {
                ("weekly", *interval, days.iter().map(|d| weekday_code(*d).to_owned()).collect())
            }
            Frequency::Monthly { interval } => ("monthly", *interval, vec![]),
        };
        let (until, count) = match s.end {
            End::Never => (String::new(), String::new()),
            End::Until(d) => (d.to_string(), String::new()),
            End::Count(n) => (String::new(), n.to_string()),
        };
        ItemForm {
            kind: i.kind.as_str().into(),
            title: i.title.clone(),
            date: s.start.date().to_string(),
            start_time,
            end_time,
            days,
            place: i.place.clone(),
            notes: i.notes.clone(),
            elsewhere: i.elsewhere.then(|| "on".into()),
            along: i.along.iter().map(|(m, _)| m.to_string()).collect(),
            places: if i.kind == Kind::Shift { i.places.to_string() } else { String::new() },
            repeat: repeat.into(),
            interval: interval.to_string(),
            weekdays,
            until,
            count,
            audience: i.audience.as_str().into(),
            chosen: i.chosen.iter().map(|m| m.to_string()).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "agenda_form.html")]
struct FormPage {
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    /// The hint above the list of people of a "chosen" audience.
    c: Chrome,
    nav: CircleNav,
    item_id: Option<String>,
    members: Vec<Member>,
    kinds: [Kind; 3],
    weekdays: Vec<(&'static str, &'static str)>,
    form: ItemForm,
    errors: Errors,
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    kind: Option<String>,
    date: Option<String>,
}

async fn form_page(
    p: &CirclePage,
    item: Option<&str>,
    form: Option<ItemForm>,
    errors: Errors,
    q: NewQuery,
) -> Result<FormPage, PageError> {
    let page = agenda::form(&p.ctx(), &p.id, item).await?;
    let nav = p.nav(&page, "agenda");
    let (existing, members) = page.data;
    let c = p.chrome();
    let weekdays = WEEKDAYS.iter().map(|(code, d)| (*code, c.tr.weekday_long(*d))).collect();
    let kind = q.kind.filter(|k| Kind::parse(k).is_some()).unwrap_or_else(|| "appointment".into());
    Ok(FormPage {
        who: AudienceChoice::new("agenda-chosen-hint"),
        nav,
        item_id: existing.as_ref().map(|i| i.id.clone()),
        form: form.unwrap_or_else(|| match &existing {
            Some(i) => ItemForm::of(i),
            None => ItemForm {
                places: if kind == "shift" { "1".into() } else { String::new() },
                kind,
                date: q.date.unwrap_or_else(|| today().to_string()),
                repeat: "once".into(),
                interval: "1".into(),
                audience: "circle".into(),
                ..Default::default()
            },
        }),
        members,
        kinds: Kind::ALL,
        weekdays,
        errors,
        c,
    })
}

pub async fn new_form(p: CirclePage, Query(q): Query<NewQuery>) -> PageResult {
    render(&form_page(&p, None, None, Errors::default(), q).await?)
}

pub async fn edit_form(p: CirclePage, Object(item): Object) -> PageResult {
    render(&form_page(&p, Some(&item), None, Errors::default(), NewQuery::default()).await?)
}

/// Plans an item, or changes the one the path names.
pub async fn save(p: CirclePage, item: Option<Object>, Form(f): Form<ItemForm>) -> PageResult {
    let item = item.map(|Object(id)| id);
    save_form(
        agenda::save(&p.ctx(), &p.id, item.as_deref(), &f.input()).await,
        |saved| p.at(&format!("/agenda/{saved}?done=notice-saved")),
        async |errors| form_page(&p, item.as_deref(), Some(f), errors, NewQuery::default()).await,
    )
    .await
}

pub async fn remove(p: CirclePage, Object(item): Object, Form(_): Form<Empty>) -> PageResult {
    agenda::remove(&p.ctx(), &p.id, &item).await?;
    Ok(see_other(&p.at("/agenda?done=notice-removed")))
}
