//! The samenspelmonitor (issue 14): how well the collaboration around the
//! clients of a location or an organisation works, in counts only.
//!
//! [`Figures`] are what the store counts for one scope and one period (a
//! calendar month; the current month so far for "now"). Stocks — circles,
//! members, agreements — are counted as they stood at the period's end;
//! flows — help requests, changes, thank-you cards — as they happened in
//! the period. A month's figures are kept as a snapshot, so a trend
//! survives circles that are archived or deleted later.
//!
//! Nothing here identifies a person or holds client content, and small
//! numbers are never shown exactly ([`Shown`]): a count of 1 to 4 is shown as
//! "fewer than 5", and a share, average or median over fewer than 5 circles,
//! people or events is not shown at all. Zero is shown: it says nothing about
//! anyone.

use crate::Timestamp;
use crate::role::Role;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

/// The period figures are counted over: one calendar month in the
/// organisation's time zone, or the current month up to now.
#[derive(Clone, Debug)]
pub struct Period {
    /// The month's first day.
    pub first_day: Date,
    /// The first moment of the month.
    pub from: Timestamp,
    /// Where counting stops: the first moment of the next month, or now.
    pub to: Timestamp,
    pub tz: TimeZone,
}

impl Period {
    /// The whole month that `day` falls in.
    pub fn month(day: Date, tz: &TimeZone) -> crate::Result<Period> {
        let first_day = day.first_of_month();
        let next = first_day.checked_add(jiff::Span::new().months(1)).map_err(bad_date)?;
        Ok(Period {
            first_day,
            from: first_day.to_zoned(tz.clone()).map_err(bad_date)?.timestamp(),
            to: next.to_zoned(tz.clone()).map_err(bad_date)?.timestamp(),
            tz: tz.clone(),
        })
    }

    /// The current month up to `now`.
    pub fn month_so_far(now: Timestamp, tz: &TimeZone) -> crate::Result<Period> {
        let today = now.to_zoned(tz.clone()).date();
        Ok(Period { to: now, ..Period::month(today, tz)? })
    }

    /// The month before this one (whole).
    pub fn previous(&self) -> crate::Result<Period> {
        let day = self.first_day.checked_sub(jiff::Span::new().days(1)).map_err(bad_date)?;
        Period::month(day, &self.tz)
    }

    /// "2026-11": how snapshots, the API and the CSV name a month.
    pub fn label(&self) -> String {
        self.first_day.strftime("%Y-%m").to_string()
    }

    /// The local day the period ends on (the day of `to`, or the month's last
    /// day when `to` is the next month's first moment).
    pub fn last_day(&self) -> Date {
        let end = self.to.to_zoned(self.tz.clone());
        let day = end.date();
        if end.time() == jiff::civil::Time::midnight() && day > self.first_day {
            day.yesterday().unwrap_or(day)
        } else {
            day
        }
    }
}

fn bad_date(e: jiff::Error) -> crate::Error {
    crate::Error::internal(format!("monitor period: {e}"))
}

/// Below this, a number is not shown exactly.
pub const SMALLEST_SHOWN: i64 = 5;

/// The figures of one scope (a location or an organisation) for one period.
/// Snapshots store this as JSON; `serde(default)` lets an older snapshot
/// read with figures added later (they read as zero).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figures {
    /// Circles that were active (started, not archived) at the period's end.
    pub circles: i64,
    /// Of those, circles whose network map holds at least one person.
    pub circles_mapped: i64,
    /// Active family carers and volunteers in those circles.
    pub informal_members: i64,
    /// Agreements by Schijf-van-Vijf step: the client, aids, family
    /// (huisgenoten), the wider network, professionals.
    pub agreements_by_step: [i64; 5],
    /// Agreements whose review date had passed at the period's end.
    pub agreements_overdue: i64,
    /// Changes in the client's situation recorded in the period.
    pub changes: i64,
    /// Of those, reviewed (closed) by the period's end.
    pub changes_reviewed: i64,
    /// Days from recording to review, median, over the reviewed ones.
    pub change_review_days_median: Option<i64>,
    /// Help requests asked in the period (withdrawn ones too).
    pub help_requests: i64,
    /// Of those, with an answer (an offer, or someone chosen) by the period's end.
    pub help_answered: i64,
    /// Hours from asking to the first answer, median, over the answered ones.
    pub help_answer_hours_median: Option<i64>,
    /// Places in rota shifts that fell in the period, and how many were taken.
    pub shift_places: i64,
    pub shift_places_filled: i64,
    /// Searches for cover for a shift started in the period, and those that found someone.
    pub cover_searches: i64,
    pub cover_found: i64,
    /// Carer signals shared with the coordinator in the period, how many
    /// were followed up, and by how many different people they were shared.
    pub signals_shared: i64,
    pub signals_followed_up: i64,
    pub signal_people: i64,
    /// Thank-you cards written in the period.
    pub thanks: i64,
    /// Active members at the period's end, by role (in [`Role::ALL`] order),
    /// and of those, the ones who wrote in the logbook in the period.
    pub members_by_role: [i64; 6],
    pub active_by_role: [i64; 6],
}

impl Figures {
    /// Adds another group's counts to these (the organisation as the sum of
    /// its locations). Medians are not sums: the caller works them out from
    /// the values of all groups.
    pub fn add(&mut self, o: &Figures) {
        self.circles += o.circles;
        self.circles_mapped += o.circles_mapped;
        self.informal_members += o.informal_members;
        for (a, b) in self.agreements_by_step.iter_mut().zip(o.agreements_by_step) {
            *a += b;
        }
        self.agreements_overdue += o.agreements_overdue;
        self.changes += o.changes;
        self.changes_reviewed += o.changes_reviewed;
        self.help_requests += o.help_requests;
        self.help_answered += o.help_answered;
        self.shift_places += o.shift_places;
        self.shift_places_filled += o.shift_places_filled;
        self.cover_searches += o.cover_searches;
        self.cover_found += o.cover_found;
        self.signals_shared += o.signals_shared;
        self.signals_followed_up += o.signals_followed_up;
        // A membership is in one circle: the people who shared are never counted twice.
        self.signal_people += o.signal_people;
        self.thanks += o.thanks;
        for (a, b) in self.members_by_role.iter_mut().zip(o.members_by_role) {
            *a += b;
        }
        for (a, b) in self.active_by_role.iter_mut().zip(o.active_by_role) {
            *a += b;
        }
    }
}

/// How a number appears on screen, in the API and in the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Shown {
    /// The exact number (a count, a percentage, a number of hours or days).
    Exact(i64),
    /// A count of 1 to 4.
    FewerThanFive,
    /// A share, average or median over too few to show.
    TooFew,
    /// A median or share of nothing (no reviewed changes, no shifts).
    None,
}

impl Shown {
    /// A count: exact from 5 and at 0, "fewer than 5" in between.
    pub fn count(n: i64) -> Shown {
        if n == 0 || n >= SMALLEST_SHOWN { Shown::Exact(n) } else { Shown::FewerThanFive }
    }

    /// A percentage of `part` in `whole`, shown when `whole` (circles,
    /// people, places or events) is at least 5.
    pub fn share(part: i64, whole: i64) -> Shown {
        if whole == 0 {
            Shown::None
        } else if whole < SMALLEST_SHOWN {
            Shown::TooFew
        } else {
            Shown::Exact((part * 100 + whole / 2) / whole)
        }
    }

    /// A median (or another figure) over `base` items, shown when `base` is at least 5.
    pub fn over(value: Option<i64>, base: i64) -> Shown {
        match value {
            None => Shown::None,
            Some(_) if base < SMALLEST_SHOWN => Shown::TooFew,
            Some(v) => Shown::Exact(v),
        }
    }

    /// The exact value, if shown.
    pub fn exact(self) -> Option<i64> {
        match self {
            Shown::Exact(v) => Some(v),
            _ => None,
        }
    }
}

/// What a figure's number means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    /// A percentage, 0 to 100.
    Percent,
    /// An average in tenths (22 is 2.2).
    Tenths,
    Hours,
    Days,
}

/// One figure as the monitor shows it: its key (the same in every layer:
/// the page's label, the API's field, the CSV's column), its unit and its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub key: &'static str,
    pub unit: Unit,
    pub value: Shown,
}

/// The unit of a figure, from its key's ending.
fn unit_of(key: &str) -> Unit {
    if key.ends_with("-share") || key.starts_with("active-") || STEP_KEYS.contains(&key) || key == "shift-coverage" {
        Unit::Percent
    } else if key.ends_with("-tenths") {
        Unit::Tenths
    } else if key.ends_with("-hours") {
        Unit::Hours
    } else if key.ends_with("-days") {
        Unit::Days
    } else {
        Unit::Count
    }
}

/// The figures of one period, as they may be shown, in the monitor's order.
pub fn rows(f: &Figures) -> Vec<Row> {
    let mut out = Vec::with_capacity(40);
    let mut push = |key: &'static str, value: Shown| out.push(Row { key, unit: unit_of(key), value });
    // A figure over the circles is only meaningful, and only safe, for five or more of them.
    let per_circle = |n: i64| if f.circles < SMALLEST_SHOWN { Shown::TooFew } else { Shown::count(n) };
    push("circles", Shown::count(f.circles));
    push("circles-mapped", per_circle(f.circles_mapped));
    push("circles-mapped-share", Shown::share(f.circles_mapped, f.circles));
    push("informal-members", per_circle(f.informal_members));
    push(
        "informal-per-circle-tenths",
        if f.circles < SMALLEST_SHOWN {
            Shown::TooFew
        } else {
            Shown::Exact((f.informal_members * 10 + f.circles / 2) / f.circles)
        },
    );
    let agreements: i64 = f.agreements_by_step.iter().sum();
    push("agreements", per_circle(agreements));
    for (i, key) in STEP_KEYS.iter().enumerate() {
        let n = f.agreements_by_step[i];
        push(key, if f.circles < SMALLEST_SHOWN { Shown::TooFew } else { Shown::share(n, agreements) });
    }
    push("agreements-overdue", per_circle(f.agreements_overdue));
    push("changes", per_circle(f.changes));
    push("changes-reviewed-share", Shown::share(f.changes_reviewed, f.changes));
    push("change-review-days", Shown::over(f.change_review_days_median, f.changes_reviewed));
    push("help-requests", per_circle(f.help_requests));
    push("help-answered-share", Shown::share(f.help_answered, f.help_requests));
    push("help-answer-hours", Shown::over(f.help_answer_hours_median, f.help_answered));
    push("shift-coverage", Shown::share(f.shift_places_filled, f.shift_places));
    push("cover-searches", per_circle(f.cover_searches));
    push("cover-found-share", Shown::share(f.cover_found, f.cover_searches));
    // Signals are about carers who struggle: never over fewer than five of them.
    let signals = |n: i64| if f.signal_people < SMALLEST_SHOWN { Shown::TooFew } else { Shown::count(n) };
    push("signals-shared", if f.signals_shared == 0 { Shown::Exact(0) } else { signals(f.signals_shared) });
    push(
        "signals-followed-up-share",
        if f.signals_shared == 0 {
            Shown::None
        } else if f.signal_people < SMALLEST_SHOWN {
            Shown::TooFew
        } else {
            Shown::share(f.signals_followed_up, f.signals_shared)
        },
    );
    push("thanks", per_circle(f.thanks));
    for (i, role) in Role::ALL.iter().enumerate() {
        push(member_key(*role), Shown::count(f.members_by_role[i]));
        let active = if f.members_by_role[i] < SMALLEST_SHOWN {
            Shown::TooFew
        } else {
            Shown::share(f.active_by_role[i], f.members_by_role[i])
        };
        push(active_key(*role), active);
    }
    out
}

/// The monitor's sections, each with its figures' keys, in order: every key
/// of [`rows`] is in exactly one.
pub const SECTIONS: [(&str, &[&str]); 8] = [
    (
        "circles",
        &["circles", "circles-mapped", "circles-mapped-share", "informal-members", "informal-per-circle-tenths"],
    ),
    (
        "agreements",
        &[
            "agreements",
            "agreements-client",
            "agreements-aids",
            "agreements-family",
            "agreements-network",
            "agreements-professional",
            "agreements-overdue",
        ],
    ),
    ("changes", &["changes", "changes-reviewed-share", "change-review-days"]),
    ("help", &["help-requests", "help-answered-share", "help-answer-hours"]),
    ("rota", &["shift-coverage", "cover-searches", "cover-found-share"]),
    ("signals", &["signals-shared", "signals-followed-up-share"]),
    ("thanks", &["thanks"]),
    (
        "members",
        &[
            "members-client",
            "active-client",
            "members-representative",
            "active-representative",
            "members-relative",
            "active-relative",
            "members-volunteer",
            "active-volunteer",
            "members-professional",
            "active-professional",
            "members-coordinator",
            "active-coordinator",
        ],
    ),
];

/// The keys of the agreement shares, by step.
pub const STEP_KEYS: [&str; 5] =
    ["agreements-client", "agreements-aids", "agreements-family", "agreements-network", "agreements-professional"];

fn member_key(role: Role) -> &'static str {
    match role {
        Role::Client => "members-client",
        Role::Representative => "members-representative",
        Role::Relative => "members-relative",
        Role::Volunteer => "members-volunteer",
        Role::Professional => "members-professional",
        Role::Coordinator => "members-coordinator",
    }
}

fn active_key(role: Role) -> &'static str {
    match role {
        Role::Client => "active-client",
        Role::Representative => "active-representative",
        Role::Relative => "active-relative",
        Role::Volunteer => "active-volunteer",
        Role::Professional => "active-professional",
        Role::Coordinator => "active-coordinator",
    }
}

/// Every key [`rows`] gives, in order (the CSV's columns).
pub fn keys() -> Vec<&'static str> {
    rows(&Figures::default()).into_iter().map(|r| r.key).collect()
}

/// The median of some numbers (the lower middle of an even count), `None` when empty.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(f: &Figures, key: &str) -> Shown {
        rows(f).into_iter().find(|r| r.key == key).unwrap_or_else(|| panic!("no {key}")).value
    }

    #[test]
    fn counts_of_one_to_four_are_never_shown_exactly() {
        assert_eq!(Shown::count(0), Shown::Exact(0));
        for n in 1..5 {
            assert_eq!(Shown::count(n), Shown::FewerThanFive, "{n}");
        }
        assert_eq!(Shown::count(5), Shown::Exact(5));
        let f = Figures { circles: 3, circles_mapped: 3, help_requests: 7, ..Default::default() };
        assert_eq!(value(&f, "circles"), Shown::FewerThanFive);
        assert_eq!(value(&f, "help-requests"), Shown::TooFew, "over fewer than 5 circles: not shown at all");
        assert_eq!(value(&f, "circles-mapped-share"), Shown::TooFew);
    }

    #[test]
    fn shares_and_medians_need_five_behind_them() {
        assert_eq!(Shown::share(2, 4), Shown::TooFew);
        assert_eq!(Shown::share(2, 5), Shown::Exact(40));
        assert_eq!(Shown::share(1, 3 * 5), Shown::Exact(7), "rounded");
        assert_eq!(Shown::share(0, 0), Shown::None);
        assert_eq!(Shown::over(Some(3), 4), Shown::TooFew);
        assert_eq!(Shown::over(Some(3), 5), Shown::Exact(3));
        assert_eq!(Shown::over(None, 9), Shown::None);
    }

    #[test]
    fn signals_are_shown_only_when_five_or_more_carers_shared_them() {
        let base = Figures { circles: 12, signals_shared: 9, signals_followed_up: 6, ..Default::default() };
        let few = Figures { signal_people: 4, ..base.clone() };
        assert_eq!(value(&few, "signals-shared"), Shown::TooFew);
        assert_eq!(value(&few, "signals-followed-up-share"), Shown::TooFew);
        let many = Figures { signal_people: 5, ..base };
        assert_eq!(value(&many, "signals-shared"), Shown::Exact(9));
        assert_eq!(value(&many, "signals-followed-up-share"), Shown::Exact(67));
    }

    #[test]
    fn agreement_shares_add_up_and_informal_members_per_circle_in_tenths() {
        let f = Figures { circles: 6, informal_members: 13, agreements_by_step: [1, 1, 4, 2, 2], ..Default::default() };
        let shares: Vec<i64> = STEP_KEYS.iter().filter_map(|k| value(&f, k).exact()).collect();
        assert_eq!(shares, [10, 10, 40, 20, 20]);
        assert_eq!(value(&f, "informal-per-circle-tenths"), Shown::Exact(22));
        assert_eq!(value(&f, "agreements"), Shown::Exact(10));
        let unit = |k: &str| rows(&f).into_iter().find(|r| r.key == k).map(|r| r.unit);
        assert_eq!(unit("agreements-family"), Some(Unit::Percent));
        assert_eq!(unit("active-volunteer"), Some(Unit::Percent));
        assert_eq!(unit("informal-per-circle-tenths"), Some(Unit::Tenths));
        assert_eq!(unit("help-answer-hours"), Some(Unit::Hours));
        assert_eq!(unit("members-volunteer"), Some(Unit::Count));
    }

    #[test]
    fn adding_sums_every_count() {
        // Every count set to 1 (through the JSON, so a figure added later is
        // covered too), added to itself: every count is 2.
        let mut json = serde_json::to_value(Figures::default()).expect("json");
        let ones = |v: &mut serde_json::Value| match v {
            serde_json::Value::Number(_) => *v = 1.into(),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| *x = 1.into()),
            _ => {}
        };
        json.as_object_mut().expect("an object").values_mut().for_each(ones);
        let one: Figures = serde_json::from_value(json).expect("figures");
        let mut sum = one.clone();
        sum.add(&one);
        for (key, value) in serde_json::to_value(&sum).expect("json").as_object().expect("an object") {
            let values: Vec<&serde_json::Value> = match value {
                serde_json::Value::Array(a) => a.iter().collect(),
                serde_json::Value::Null => continue,
                v => vec![v],
            };
            assert!(values.iter().all(|v| v.as_i64() == Some(2)), "{key}: {value}");
        }
        let with_median = Figures { change_review_days_median: Some(4), ..Default::default() };
        let mut sum = with_median.clone();
        sum.add(&with_median);
        assert_eq!(sum.change_review_days_median, Some(4), "medians are left to the caller");
    }

    #[test]
    fn keys_are_unique_and_snapshots_read_with_missing_figures() {
        let keys = keys();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
        let mut in_sections: Vec<&str> = SECTIONS.iter().flat_map(|(_, k)| k.iter().copied()).collect();
        in_sections.sort_unstable();
        assert_eq!(in_sections, sorted, "every figure is in exactly one section");
        let old: Figures = serde_json::from_str(r#"{"circles": 7}"#).expect("an older snapshot");
        assert_eq!(old.circles, 7);
        assert_eq!(old.thanks, 0);
        assert_eq!(median(vec![5, 1, 3, 9]), Some(3));
        assert_eq!(median(vec![]), None);
    }
}
