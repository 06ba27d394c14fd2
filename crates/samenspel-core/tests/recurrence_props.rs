//! Property tests of the recurrence rules: the occurrences in any window
//! equal a brute-force expansion that walks the calendar day by day, and
//! the bounds hold (a series counts from its first date however far the
//! window lies from it; no answer grows past `MAX_OCCURRENCES`).

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};
use proptest::prelude::*;
use samenspel_core::recurrence::{End, Frequency, Length, MAX_OCCURRENCES, Occurrence, Series};
use std::collections::BTreeMap;

fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").expect("the bundled time zone data knows Amsterdam")
}

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

fn days_between(a: Date, b: Date) -> i64 {
    i64::from(a.until(b).expect("both dates are in range").get_days())
}

fn months_between(a: Date, b: Date) -> i64 {
    (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(b.month()) - i64::from(a.month())
}

fn monday_of(d: Date) -> Date {
    d.checked_sub(Span::new().days(i64::from(d.weekday().to_monday_zero_offset()))).expect("in range")
}

/// Is `d` (on or after the first date) one of the rule's dates? Written from
/// the rule's definition, without the jumps the implementation makes.
fn matches(s: &Series, d: Date) -> bool {
    let first = s.start.date();
    match &s.frequency {
        Frequency::Once => d == first,
        Frequency::Daily { interval } => days_between(first, d) % i64::from((*interval).max(1)) == 0,
        Frequency::Weekly { interval, days } => {
            let days = if days.is_empty() { vec![first.weekday()] } else { days.clone() };
            days.contains(&d.weekday())
                && (days_between(monday_of(first), monday_of(d)) / 7) % i64::from((*interval).max(1)) == 0
        }
        Frequency::Monthly { interval } => {
            d.day() == first.day() && months_between(first, d) % i64::from((*interval).max(1)) == 0
        }
    }
}

/// The series' dates up to `last`, stepping one day at a time from the first, within its end.
fn brute_dates(s: &Series, last: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = s.start.date();
    let mut n = 0u64;
    while d <= last {
        if matches(s, d) {
            let within = match s.end {
                End::Never => true,
                End::Count(c) => n < u64::from(c),
                End::Until(u) => d <= u,
            };
            if !within {
                break;
            }
            out.push(d);
            n += 1;
        }
        d = d.tomorrow().expect("in range");
    }
    out
}

fn place(s: &Series, tz: &TimeZone, original: Date, local: DateTime) -> Option<Occurrence> {
    let (start, end, whole_day) = match s.length {
        Length::Minutes(m) => {
            let start = local.to_zoned(tz.clone()).ok()?;
            let end = start.checked_add(Span::new().minutes(i64::from(m))).ok()?;
            (start, end, false)
        }
        Length::WholeDays(d) => {
            let start = local.date().to_zoned(tz.clone()).ok()?;
            let end = local.date().checked_add(Span::new().days(i64::from(d))).ok()?.to_zoned(tz.clone()).ok()?;
            (start, end, true)
        }
    };
    Some(Occurrence { original, start, end, whole_day, moved: s.moved.contains_key(&original) })
}

fn brute_occurrences(s: &Series, tz: &TimeZone, from: &Zoned, to: &Zoned) -> Vec<Occurrence> {
    let last = to.date().checked_add(Span::new().days(1)).expect("in range");
    let own = brute_dates(s, last.max(s.moved.keys().copied().max().unwrap_or(last)));
    let overlaps = |o: &Occurrence| o.end > *from && o.start < *to;
    let mut out: Vec<Occurrence> = own
        .iter()
        .filter(|d| **d <= last && !s.cancelled.contains(d) && !s.moved.contains_key(d))
        .filter_map(|d| place(s, tz, *d, d.to_datetime(s.start.time())))
        .filter(overlaps)
        .collect();
    for (original, local) in &s.moved {
        if own.contains(original)
            && !s.cancelled.contains(original)
            && let Some(o) = place(s, tz, *original, *local).filter(overlaps)
        {
            out.push(o);
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start));
    out
}

fn date_in(years: std::ops::RangeInclusive<i16>) -> impl Strategy<Value = Date> {
    (years, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        let last = Date::new(y, m, 1).expect("valid").days_in_month();
        Date::new(y, m, d.min(last)).expect("valid")
    })
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Once),
        (1u16..=10).prop_map(|interval| Frequency::Daily { interval }),
        (1u16..=5, proptest::collection::vec(0usize..7, 0..4)).prop_map(|(interval, days)| Frequency::Weekly {
            interval,
            days: days.into_iter().map(|i| WEEK[i]).collect()
        }),
        (1u16..=13).prop_map(|interval| Frequency::Monthly { interval }),
    ]
}

prop_compose! {
    fn series()(
        start in date_in(2024..=2028),
        hour in 0i8..24,
        minute in prop_oneof![Just(0i8), Just(30i8)],
        length in prop_oneof![(15u32..=1440).prop_map(Length::Minutes), (1u16..=31).prop_map(Length::WholeDays)],
        frequency in frequency(),
        end in prop_oneof![
            Just(End::Never),
            (1u32..=500).prop_map(End::Count),
            (0i64..1500).prop_map(|d| End::Until(jiff::civil::date(2024, 1, 1).checked_add(Span::new().days(d)).expect("in range"))),
        ],
        exceptions in proptest::collection::vec((0i64..800, any::<bool>(), -40i64..40, 0i8..24), 0..4),
    ) -> Series {
        let start = DateTime::from_parts(start, Time::new(hour, minute, 0, 0).expect("valid"));
        let mut s = Series { start, length, frequency, end, cancelled: Vec::new(), moved: BTreeMap::new() };
        // Exceptions on the series' own dates (and some on dates it does not have).
        for (ahead, cancel, shift, hour) in exceptions {
            let on = start.date().checked_add(Span::new().days(ahead)).expect("in range");
            if cancel {
                s.cancelled.push(on);
            } else {
                let to = on.checked_add(Span::new().days(shift)).expect("in range");
                s.moved.insert(on, to.to_datetime(Time::new(hour, 15, 0, 0).expect("valid")));
            }
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn a_window_holds_what_walking_the_calendar_finds(
        s in series(),
        from in date_in(2023..=2029),
        days in 1i64..120,
        from_hour in 0i8..24,
    ) {
        let tz = amsterdam();
        let from_at = from.to_datetime(Time::new(from_hour, 0, 0, 0).expect("valid")).to_zoned(tz.clone()).expect("a real time");
        let to = from_at.checked_add(Span::new().days(days)).expect("in range");
        let got = s.occurrences(&tz, &from_at, &to);
        let want = brute_occurrences(&s, &tz, &from_at, &to);
        prop_assert_eq!(&got, &want);
        prop_assert!(got.len() <= MAX_OCCURRENCES);
        for o in &got {
            prop_assert!(o.end > from_at && o.start < to, "every occurrence overlaps the window");
        }
    }

    #[test]
    fn a_series_knows_its_own_dates(s in series(), probe in 0i64..1200) {
        let d = s.start.date().checked_add(Span::new().days(probe)).expect("in range");
        let own = brute_dates(&s, d);
        prop_assert_eq!(s.has_date(d), own.last() == Some(&d));
    }

    /// Far from the first date (centuries, in either direction) the count
    /// still starts at the first date. Stepping month by month or week by week
    /// is cheap enough for the reference here.
    #[test]
    fn counting_is_exact_however_far_the_series_reaches(
        first in date_in(1..=9000),
        day in 28i8..=31,
        interval in 1u16..=13,
        weekly_days in proptest::collection::vec(0usize..7, 1..4),
        ahead in 0i64..2000,
        monthly in any::<bool>(),
    ) {
        let last = Date::new(first.year(), first.month(), 1).expect("valid").days_in_month();
        let first = Date::new(first.year(), first.month(), day.min(last)).expect("valid");
        let at = |d: Date| d.to_datetime(Time::midnight());
        let mut s = Series {
            start: at(first),
            length: Length::Minutes(60),
            frequency: Frequency::Daily { interval: 1 },
            end: End::Never,
            cancelled: Vec::new(),
            moved: BTreeMap::new(),
        };
        // The `ahead`th date of the rule, and how many dates come before it.
        let (probe, before) = if monthly {
            s.frequency = Frequency::Monthly { interval };
            let mut n = 0u32;
            let mut probe = None;
            let mut i = 0i64;
            while probe.is_none() {
                let m = i64::from(first.year()) * 12 + i64::from(first.month()) - 1 + i * i64::from(interval);
                let (y, mo) = (i16::try_from(m.div_euclid(12)).expect("in range"), (m.rem_euclid(12) + 1) as i8);
                if y > 9999 { break; }
                if let Ok(d) = Date::new(y, mo, first.day()) {
                    if i64::from(n) == ahead / 4 { probe = Some(d); } else { n += 1; }
                }
                i += 1;
            }
            match probe { Some(p) => (p, n), None => return Ok(()) }
        } else {
            let days: Vec<Weekday> = weekly_days.into_iter().map(|i| WEEK[i]).collect();
            s.frequency = Frequency::Weekly { interval, days: days.clone() };
            let mut n = 0u32;
            let mut d = first;
            loop {
                if matches(&s, d) {
                    if i64::from(n) == ahead { break; }
                    n += 1;
                }
                match d.tomorrow() { Ok(next) if next.year() <= 9999 => d = next, _ => return Ok(()) }
            }
            (d, n)
        };
        s.end = End::Count(before + 1);
        prop_assert!(s.has_date(probe), "{probe} is date number {before} of {s:?}");
        s.end = End::Count(before);
        prop_assert!(!s.has_date(probe), "{probe} is past a count of {before}");
        s.end = End::Never;
        let tz = amsterdam();
        if let (Ok(from), Ok(to)) = (at(probe).to_zoned(tz.clone()), at(probe).to_zoned(tz.clone()).and_then(|z| z.checked_add(Span::new().hours(1)))) {
            let got = s.occurrences(&tz, &from, &to);
            prop_assert_eq!(got.iter().map(|o| o.original).collect::<Vec<_>>(), vec![probe]);
        }
    }
}
