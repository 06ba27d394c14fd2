//! The samenspelmonitor's pages: a location's or an organisation's figures
//! for this month so far, the kept months as charts with their tables, the
//! locations side by side for the organisation's managers, and the same as
//! CSV. Counts only; small numbers are never shown exactly (see
//! `samenspel_core::monitor`).

use super::user_page::{PathId, PathPage};
use super::{Chrome, LocationPage, PageResult, UserPage, render};
use crate::bar_chart::{self, Bar};
use crate::http::csv;
use crate::i18n::Tr;
use crate::service::monitor::{self as service, Monitor, Scope};
use askama::Template;
use samenspel_core::ids::OrganisationId;
use samenspel_core::monitor::{Figures, Row, SECTIONS, Shown, Unit, keys, rows};

/// A signed-in request for a page about one organisation.
pub type OrganisationPage = PathPage<OrganisationId>;

impl PathId for OrganisationId {
    const PARAM: &'static str = "organisation";

    fn parse(raw: &str) -> Option<Self> {
        OrganisationId::parse(raw)
    }
}

/// The figures whose months the page draws as charts.
const CHARTED: [&str; 4] = ["circles", "help-answered-share", "shift-coverage", "thanks"];

pub struct FigureView {
    pub label: String,
    pub value: String,
}

pub struct SectionView {
    pub title: String,
    pub figures: Vec<FigureView>,
}

pub struct ChartView {
    pub title: String,
    pub svg: String,
    /// (month, value) for the table beside the chart.
    pub months: Vec<(String, String)>,
}

pub struct CompareView {
    pub names: Vec<String>,
    /// A figure's label and its value at each location.
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "monitor.html")]
struct MonitorPage {
    c: Chrome,
    eyebrow: String,
    name: String,
    month: String,
    counted_at: String,
    sections: Vec<SectionView>,
    charts: Vec<ChartView>,
    compare: Option<CompareView>,
    csv: String,
}

#[derive(Template)]
#[template(path = "monitor_list.html")]
struct ListPage {
    c: Chrome,
    /// (link, name, kind of scope)
    scopes: Vec<(String, String, String)>,
    /// The practice examples of the organisations I work for.
    practice: Vec<String>,
}

/// How one figure reads on the page and in the CSV.
pub fn value_text(tr: &Tr, row: &Row) -> String {
    match row.value {
        Shown::Exact(v) => match row.unit {
            Unit::Count => v.to_string(),
            Unit::Percent => format!("{v}%"),
            Unit::Tenths => {
                let sep = if tr.lang() == "nl" { ',' } else { '.' };
                format!("{}{sep}{}", v / 10, v % 10)
            }
            Unit::Hours => tr.count("monitor-unit-hours", v),
            Unit::Days => tr.count("monitor-unit-days", v),
        },
        Shown::FewerThanFive => tr.t("monitor-fewer-than-five"),
        Shown::TooFew => tr.t("monitor-too-few"),
        Shown::None => tr.t("monitor-nothing"),
    }
}

fn label(tr: &Tr, key: &str) -> String {
    tr.t(&format!("monitor-{key}"))
}

fn sections(tr: &Tr, figures: &Figures) -> Vec<SectionView> {
    let all = rows(figures);
    SECTIONS
        .iter()
        .map(|(section, keys)| SectionView {
            title: tr.t(&format!("monitor-section-{section}")),
            figures: keys
                .iter()
                .filter_map(|k| all.iter().find(|r| r.key == *k))
                .map(|r| FigureView { label: label(tr, r.key), value: value_text(tr, r) })
                .collect(),
        })
        .collect()
}

fn charts(tr: &Tr, m: &Monitor) -> Vec<ChartView> {
    let months: Vec<(String, Vec<Row>)> = m
        .trend
        .iter()
        .map(|t| (tr.month_label(&t.month), rows(&t.figures)))
        .chain(std::iter::once((tr.t1("monitor-so-far", "month", tr.month_label(&m.month)), rows(&m.now))))
        .collect();
    CHARTED
        .iter()
        .map(|key| {
            let title = label(tr, key);
            let values: Vec<(String, Option<&Row>)> =
                months.iter().map(|(month, rows)| (month.clone(), rows.iter().find(|r| r.key == *key))).collect();
            let bars: Vec<Bar> = values
                .iter()
                .map(|(month, row)| Bar { label: month.clone(), value: row.and_then(|r| r.value.exact()) })
                .collect();
            let summary = tr.t2(
                "monitor-chart-summary",
                "count",
                bars.len(),
                "last",
                values.last().and_then(|(_, r)| r.map(|r| value_text(tr, r))).unwrap_or_default(),
            );
            ChartView {
                svg: bar_chart::render(&format!("chart-{key}"), &bars, &title, &summary),
                months: values
                    .iter()
                    .map(|(month, row)| (month.clone(), row.map(|r| value_text(tr, r)).unwrap_or_default()))
                    .collect(),
                title,
            }
        })
        .collect()
}

fn compare(tr: &Tr, m: &Monitor) -> Option<CompareView> {
    if m.locations.is_empty() {
        return None;
    }
    let per_location: Vec<Vec<Row>> = m.locations.iter().map(|(_, f)| rows(f)).collect();
    Some(CompareView {
        names: m.locations.iter().map(|(l, _)| l.name.clone()).collect(),
        rows: keys()
            .into_iter()
            .map(|key| {
                let values = per_location
                    .iter()
                    .map(|rows| rows.iter().find(|r| r.key == key).map(|r| value_text(tr, r)).unwrap_or_default())
                    .collect();
                (label(tr, key), values)
            })
            .collect(),
    })
}

fn page(c: Chrome, eyebrow: String, m: &Monitor, csv: String) -> PageResult {
    render(&MonitorPage {
        eyebrow,
        name: m.name.clone(),
        month: c.tr.month_label(&m.month),
        counted_at: c.tr.datetime(&m.counted_at),
        sections: sections(&c.tr, &m.now),
        charts: charts(&c.tr, m),
        compare: compare(&c.tr, m),
        csv,
        c,
    })
}

pub async fn location(p: LocationPage) -> PageResult {
    let m = service::location(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let eyebrow = c.tr.t("monitor-eyebrow-location");
    page(c, eyebrow, &m, p.at("/monitor.csv"))
}

pub async fn organisation(p: OrganisationPage) -> PageResult {
    let m = service::organisation(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let eyebrow = c.tr.t("monitor-eyebrow-organisation");
    page(c, eyebrow, &m, format!("/organisations/{}/monitor.csv", p.id))
}

/// The monitors I may open.
pub async fn list(p: UserPage) -> PageResult {
    let c = p.chrome();
    let mine = service::mine(&p.ctx()).await?;
    let mut practice: Vec<String> = Vec::new();
    for s in &mine {
        let org = match s {
            Scope::Organisation { id, .. } => id,
            Scope::Location { organisation, .. } => organisation,
        };
        let link = format!("/organisations/{org}/practice");
        if !practice.contains(&link) {
            practice.push(link);
        }
    }
    let scopes = mine
        .into_iter()
        .map(|s| match s {
            Scope::Organisation { id, name } => {
                (format!("/organisations/{id}/monitor"), name, c.tr.t("monitor-eyebrow-organisation"))
            }
            Scope::Location { id, name, .. } => {
                (format!("/locations/{id}/monitor"), name, c.tr.t("monitor-eyebrow-location"))
            }
        })
        .collect();
    render(&ListPage { c, scopes, practice })
}

/// The CSV: one row per month (the kept ones and this one so far), and for
/// an organisation one more per location for this month.
fn csv_file(tr: &Tr, m: &Monitor, scope: &str) -> axum::response::Response {
    let keys = keys();
    let mut header = vec!["scope", "name", "month"];
    header.extend(keys.iter().copied());
    let line = |scope: &str, name: &str, month: &str, f: &Figures| {
        let mut row = vec![scope.to_owned(), name.to_owned(), month.to_owned()];
        row.extend(rows(f).iter().map(csv_value));
        row
    };
    let mut lines: Vec<Vec<String>> =
        m.trend.iter().map(|t| line(scope, &m.name, &t.month, &t.figures)).collect::<Vec<_>>();
    lines.push(line(scope, &m.name, &m.month, &m.now));
    for (l, f) in &m.locations {
        lines.push(line("location", &l.name, &m.month, f));
    }
    let today = crate::i18n::local(&jiff::Timestamp::now()).date();
    csv::download(&format!("{}-{today}.csv", tr.t("monitor-file-name")), csv::to_bytes(&header, lines))
}

/// A CSV cell: the exact number, "<5" for a count of 1 to 4, "suppressed"
/// for a figure over too few, empty for nothing to count.
fn csv_value(r: &Row) -> String {
    match r.value {
        Shown::Exact(v) => v.to_string(),
        Shown::FewerThanFive => "<5".into(),
        Shown::TooFew => "suppressed".into(),
        Shown::None => String::new(),
    }
}

pub async fn location_csv(p: LocationPage) -> PageResult {
    let m = service::location(&p.ctx(), &p.id).await?;
    Ok(csv_file(&p.chrome().tr, &m, "location"))
}

pub async fn organisation_csv(p: OrganisationPage) -> PageResult {
    let m = service::organisation(&p.ctx(), &p.id).await?;
    Ok(csv_file(&p.chrome().tr, &m, "organisation"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_core::locale::Locale;

    #[test]
    fn every_figure_and_section_has_its_words_in_both_languages() {
        for locale in [Locale::Nl, Locale::En] {
            let tr = Tr::new(locale);
            let needed = keys()
                .into_iter()
                .map(|k| format!("monitor-{k}"))
                .chain(SECTIONS.iter().map(|(s, _)| format!("monitor-section-{s}")));
            for key in needed {
                assert_ne!(tr.t(&key), key, "{key} in {locale:?}");
            }
        }
    }

    #[test]
    fn small_numbers_read_as_words_and_averages_with_the_languages_decimal_mark() {
        let nl = Tr::new(Locale::Nl);
        let row = |unit, value| Row { key: "x", unit, value };
        assert_eq!(value_text(&nl, &row(Unit::Count, Shown::FewerThanFive)), "minder dan 5");
        assert_eq!(value_text(&nl, &row(Unit::Percent, Shown::TooFew)), "te weinig om te tonen");
        assert_eq!(value_text(&nl, &row(Unit::Tenths, Shown::Exact(22))), "2,2");
        assert_eq!(value_text(&Tr::new(Locale::En), &row(Unit::Tenths, Shown::Exact(22))), "2.2");
        assert_eq!(value_text(&nl, &row(Unit::Percent, Shown::Exact(40))), "40%");
        assert_eq!(csv_value(&row(Unit::Count, Shown::FewerThanFive)), "<5");
        assert_eq!(csv_value(&row(Unit::Count, Shown::TooFew)), "suppressed");
    }
}
