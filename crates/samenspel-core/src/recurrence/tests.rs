//! The rule's dates, summer time, moves and cancellations, and the RRULE.

use super::*;
use jiff::Zoned;
use jiff::civil::Time;
use jiff::civil::Weekday;
use jiff::civil::{date, datetime};
use jiff::tz::TimeZone;

fn amsterdam() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").expect("the bundled time zone data knows Amsterdam")
}

fn at(tz: &TimeZone, d: DateTime) -> Zoned {
    d.to_zoned(tz.clone()).expect("a real local time")
}

fn series(start: DateTime, frequency: Frequency, end: End) -> Series {
    Series { start, length: Length::Minutes(120), frequency, end, cancelled: vec![], moved: BTreeMap::new() }
}

#[test]
fn a_weekly_evening_keeps_its_local_hour_across_the_change_to_winter_time() {
    let tz = amsterdam();
    // Tuesday evening company, 19:00; summer time ends on Sunday 25 October 2026.
    let s = series(
        datetime(2026, 10, 13, 19, 0, 0, 0),
        Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] },
        End::Never,
    );
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2026, 10, 1, 0, 0, 0, 0)), &at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)));
    let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
    assert_eq!(dates, [date(2026, 10, 13), date(2026, 10, 20), date(2026, 10, 27)]);
    for o in &got {
        assert_eq!(o.start.time(), Time::constant(19, 0, 0, 0), "always 19:00 local");
        assert_eq!(o.end.timestamp().as_second() - o.start.timestamp().as_second(), 2 * 3600);
    }
    // The same local hour is another UTC hour: 17:00 in summer, 18:00 in winter.
    assert_eq!(got[1].start.timestamp().to_string(), "2026-10-20T17:00:00Z");
    assert_eq!(got[2].start.timestamp().to_string(), "2026-10-27T18:00:00Z");
}

#[test]
fn weekly_on_chosen_days_every_other_week_until_a_date() {
    let tz = amsterdam();
    let s = series(
        datetime(2026, 11, 3, 10, 0, 0, 0), // a Tuesday
        Frequency::Weekly { interval: 2, days: vec![Weekday::Saturday, Weekday::Tuesday] },
        End::Until(date(2026, 12, 1)),
    );
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2027, 1, 1, 0, 0, 0, 0)));
    let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
    assert_eq!(
        dates,
        [date(2026, 11, 3), date(2026, 11, 7), date(2026, 11, 17), date(2026, 11, 21), date(2026, 12, 1)],
        "Tuesdays and Saturdays of every other week, the until date included"
    );
    assert_eq!(s.rrule(&tz).as_deref(), Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;UNTIL=20261201T225959Z"));
}

#[test]
fn monthly_on_the_31st_skips_shorter_months_and_counts() {
    let tz = amsterdam();
    let s = series(datetime(2027, 1, 31, 9, 0, 0, 0), Frequency::Monthly { interval: 1 }, End::Count(3));
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2027, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2028, 1, 1, 0, 0, 0, 0)));
    let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
    assert_eq!(dates, [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]);
    assert_eq!(s.rrule(&tz).as_deref(), Some("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31;COUNT=3"));
}

#[test]
fn one_occurrence_cancelled_and_one_moved_leave_the_rest() {
    let tz = amsterdam();
    let mut s = series(datetime(2026, 11, 2, 14, 0, 0, 0), Frequency::Daily { interval: 1 }, End::Count(5));
    s.cancelled.push(date(2026, 11, 3));
    s.moved.insert(date(2026, 11, 4), datetime(2026, 11, 4, 16, 30, 0, 0));
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)), &at(&tz, datetime(2026, 12, 1, 0, 0, 0, 0)));
    let starts: Vec<String> = got.iter().map(|o| o.start.datetime().to_string()).collect();
    assert_eq!(
        starts,
        ["2026-11-02T14:00:00", "2026-11-04T16:30:00", "2026-11-05T14:00:00", "2026-11-06T14:00:00"],
        "the 3rd is gone, the 4th moved; the count still ends the series on the 6th"
    );
    assert!(got[1].moved && !got[0].moved);
}

#[test]
fn whole_days_and_the_window() {
    let tz = amsterdam();
    let mut s = series(datetime(2026, 12, 24, 0, 0, 0, 0), Frequency::Once, End::Never);
    s.length = Length::WholeDays(2);
    let one =
        s.occurrences(&tz, &at(&tz, datetime(2026, 12, 25, 12, 0, 0, 0)), &at(&tz, datetime(2026, 12, 26, 0, 0, 0, 0)));
    assert_eq!(one.len(), 1, "a two-day item overlaps its second day");
    assert!(one[0].whole_day);
    assert_eq!(one[0].end.datetime(), datetime(2026, 12, 26, 0, 0, 0, 0));
    let none =
        s.occurrences(&tz, &at(&tz, datetime(2026, 12, 26, 0, 0, 0, 0)), &at(&tz, datetime(2026, 12, 31, 0, 0, 0, 0)));
    assert!(none.is_empty(), "it ends where the window starts");
    assert_eq!(s.rrule(&tz), None);
}

#[test]
fn an_occurrence_moved_weeks_earlier_shows_where_it_moved_to() {
    let tz = amsterdam();
    let mut s = series(
        datetime(2026, 11, 3, 19, 0, 0, 0),
        Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] },
        End::Count(6),
    );
    // The fourth evening (24 November) moves to Wednesday 4 November.
    s.moved.insert(date(2026, 11, 24), datetime(2026, 11, 4, 19, 30, 0, 0));
    let week =
        s.occurrences(&tz, &at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)), &at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)));
    let got: Vec<(Date, bool)> = week.iter().map(|o| (o.original, o.moved)).collect();
    assert_eq!(got, [(date(2026, 11, 3), false), (date(2026, 11, 24), true)]);
    // A move of a date the series does not have (past its count) is ignored.
    s.moved.insert(date(2026, 12, 15), datetime(2026, 11, 5, 10, 0, 0, 0));
    let week =
        s.occurrences(&tz, &at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)), &at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)));
    assert_eq!(week.len(), 2);
    assert!(s.has_date(date(2026, 12, 8)) && !s.has_date(date(2026, 12, 15)) && !s.has_date(date(2026, 11, 5)));
}

#[test]
fn a_time_that_does_not_exist_moves_forward() {
    let tz = amsterdam();
    // 02:30 on 28 March 2027 does not exist (summer time starts at 02:00).
    let s = series(datetime(2027, 3, 27, 2, 30, 0, 0), Frequency::Daily { interval: 1 }, End::Count(3));
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2027, 3, 1, 0, 0, 0, 0)), &at(&tz, datetime(2027, 4, 1, 0, 0, 0, 0)));
    let times: Vec<String> = got.iter().map(|o| o.start.datetime().time().to_string()).collect();
    assert_eq!(times, ["02:30:00", "03:30:00", "02:30:00"]);
}

#[test]
fn a_series_from_year_one_is_read_at_the_window_and_keeps_its_count() {
    let tz = amsterdam();
    // Stored before start dates were bounded: every other day since year 1.
    let mut s = series(datetime(1, 1, 1, 9, 0, 0, 0), Frequency::Daily { interval: 2 }, End::Never);
    let (from, to) = (at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)), at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)));
    let dates: Vec<Date> = s.occurrences(&tz, &from, &to).iter().map(|o| o.original).collect();
    assert_eq!(dates, [date(2026, 11, 3), date(2026, 11, 5), date(2026, 11, 7)]);
    // A move of one of them is found, however far the series reaches back.
    s.moved.insert(date(2026, 11, 5), datetime(2026, 11, 6, 10, 0, 0, 0));
    let got: Vec<(Date, bool)> = s.occurrences(&tz, &from, &to).iter().map(|o| (o.original, o.moved)).collect();
    assert_eq!(got, [(date(2026, 11, 3), false), (date(2026, 11, 5), true), (date(2026, 11, 7), false)]);
    // Counting still starts at the first date: the 1000th is day 1998 after it.
    s.end = End::Count(1000);
    assert!(s.has_date(date(1, 1, 1).checked_add(Span::new().days(1998)).unwrap()));
    assert!(!s.has_date(date(1, 1, 1).checked_add(Span::new().days(2000)).unwrap()));
    assert!(s.occurrences(&tz, &from, &to).is_empty(), "the count ended the series long ago");
}

#[test]
fn twenty_series_from_year_one_cost_next_to_nothing() {
    let tz = amsterdam();
    let all: Vec<Series> = (0..20)
        .map(|i| {
            let frequency = match i % 3 {
                0 => Frequency::Daily { interval: 1 },
                1 => Frequency::Weekly { interval: 1, days: vec![Weekday::Monday, Weekday::Friday] },
                _ => Frequency::Monthly { interval: 1 },
            };
            series(datetime(1, 1, 31, 9, 0, 0, 0), frequency, End::Never)
        })
        .collect();
    let (from, to) = (at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)), at(&tz, datetime(2026, 12, 1, 0, 0, 0, 0)));
    let started = std::time::Instant::now();
    let found: usize = all.iter().map(|s| s.occurrences(&tz, &from, &to).len()).sum();
    let took = started.elapsed();
    assert_eq!(found, 7 * 30 + 7 * 9, "daily; Mondays and Fridays; no 31 November");
    // Stepping from year 1 took seconds; jumping to the window takes microseconds.
    assert!(took < std::time::Duration::from_millis(250), "{took:?}");
}

#[test]
fn an_endless_daily_series_asked_about_a_long_time_stays_bounded() {
    let tz = amsterdam();
    let s = series(datetime(2026, 1, 1, 8, 0, 0, 0), Frequency::Daily { interval: 1 }, End::Never);
    let got =
        s.occurrences(&tz, &at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2100, 1, 1, 0, 0, 0, 0)));
    assert_eq!(got.len(), MAX_OCCURRENCES);
}

#[test]
fn a_series_reaches_as_far_as_its_last_start_and_length() {
    let weekly = |end| series(datetime(2026, 1, 6, 19, 0, 0, 0), Frequency::Weekly { interval: 1, days: vec![] }, end);
    // Once: its day, plus the two days a two-hour evening may reach.
    let once = series(datetime(2026, 1, 6, 19, 0, 0, 0), Frequency::Once, End::Never);
    assert_eq!(once.reaches_until(), date(2026, 1, 8));
    // Three Tuesdays: the 6th, 13th and 20th.
    assert_eq!(weekly(End::Count(3)).reaches_until(), date(2026, 1, 22));
    assert_eq!(weekly(End::Until(date(2026, 2, 1))).reaches_until(), date(2026, 2, 3));
    assert_eq!(weekly(End::Never).reaches_until(), LATEST);
    // A whole-day item of three days reaches its last day and one more.
    let mut days = once.clone();
    days.length = Length::WholeDays(3);
    assert_eq!(days.reaches_until(), date(2026, 1, 10));
    // An occurrence moved past the series' end carries the reach with it.
    let mut moved = weekly(End::Count(3));
    moved.moved.insert(date(2026, 1, 13), datetime(2026, 3, 2, 10, 0, 0, 0));
    assert_eq!(moved.reaches_until(), date(2026, 3, 4));
    // Whatever the series, no occurrence it yields ends after that day.
    let tz = amsterdam();
    let (from, to) = (at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), at(&tz, datetime(2027, 1, 1, 0, 0, 0, 0)));
    for s in [once, days, moved, weekly(End::Count(3)), weekly(End::Until(date(2026, 2, 1)))] {
        let last_end = s.occurrences(&tz, &from, &to).iter().map(|o| o.end.date()).max();
        assert!(last_end.is_some_and(|end| end <= s.reaches_until()), "{s:?}");
    }
}
