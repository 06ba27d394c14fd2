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

use crate::role::Role;
use serde::{Deserialize, Serialize};

mod period;
pub use period::Period;

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
mod tests;
