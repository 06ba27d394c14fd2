//! Checking an item's input: kinds, lengths, series, shifts' places.

use super::*;
use crate::recurrence::{End, Frequency, Length};
use crate::testing::codes;
use jiff::civil::Weekday;
use jiff::civil::date;

fn shift() -> ItemInput {
    ItemInput {
        kind: "shift".into(),
        title: " Dinsdagavond   gezelschap ".into(),
        date: "2026-11-24".into(),
        start_time: "19:00".into(),
        end_time: "21:30".into(),
        repeat: "weekly".into(),
        weekdays: vec!["tu".into()],
        places: "2".into(),
        ..Default::default()
    }
}

#[test]
fn a_weekly_shift_is_checked() {
    let item = shift().parse().unwrap();
    assert_eq!(item.title, "Dinsdagavond gezelschap");
    assert_eq!(item.places, 2);
    assert_eq!(item.series.length, Length::Minutes(150));
    assert_eq!(item.series.frequency, Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] });
    assert_eq!(item.series.start.date(), date(2026, 11, 24));
    assert_eq!(item.series.end, End::Never);
}

#[test]
fn a_night_shift_ends_the_next_day_and_a_whole_day_item_has_no_time() {
    let night = ItemInput { start_time: "22:00".into(), end_time: "07:00".into(), ..shift() }.parse().unwrap();
    assert_eq!(night.series.length, Length::Minutes(9 * 60));
    let day = ItemInput {
        kind: "activity".into(),
        title: "Verjaardag".into(),
        date: "2026-12-03".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    assert_eq!(day.series.length, Length::WholeDays(1));
    assert_eq!(day.places, 0, "only shifts have places");
}

#[test]
fn bad_input_names_each_field() {
    let bad = ItemInput {
        kind: "party".into(),
        date: "dinsdag".into(),
        start_time: "25:00".into(),
        repeat: "weekly".into(),
        weekdays: vec!["xx".into()],
        until: "2026-01-01".into(),
        count: "3".into(),
        ..Default::default()
    };
    assert_eq!(
        codes(bad.parse().unwrap_err()),
        vec![
            ("kind", "agenda-kind-invalid"),
            ("title", "agenda-title-required"),
            ("date", "date-invalid"),
            ("start_time", "time-invalid"),
            ("weekdays", "agenda-weekday-invalid"),
            ("count", "agenda-until-or-count"),
        ]
    );
    // Start dates and end dates stay within the agenda's years; counts are bounded.
    let ancient = ItemInput { date: "0001-01-01".into(), until: "9999-12-31".into(), ..shift() };
    assert_eq!(
        codes(ancient.parse().unwrap_err()),
        vec![("date", "agenda-date-out-of-range"), ("until", "agenda-date-out-of-range")]
    );
    let many = ItemInput { count: "501".into(), ..shift() };
    assert_eq!(codes(many.parse().unwrap_err()), vec![("count", "agenda-count-invalid")]);
    assert!(ItemInput { date: "2000-01-01".into(), until: "2099-12-31".into(), ..shift() }.parse().is_ok());
    let early = ItemInput { until: "2026-11-01".into(), ..shift() };
    assert_eq!(codes(early.parse().unwrap_err()), vec![("until", "agenda-until-before-start")]);
    let none = ItemInput { places: "0".into(), end_time: String::new(), ..shift() };
    assert_eq!(
        codes(none.parse().unwrap_err()),
        vec![("end_time", "agenda-end-required"), ("places", "agenda-places-invalid")]
    );
}
