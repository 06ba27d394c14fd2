use super::expenses::{ClaimInput, cents, euros};
use super::offers::{Fit, OfferInput, Source};
use super::vog::{Rules, RulesInput, Vog};
use super::*;
use jiff::civil::date;

#[test]
fn availability_round_trips_through_the_form() {
    let a = Availability::from_keys(&["mon-morning".into(), "sat-evening".into()]).expect("keys");
    assert!(a.has(Weekday::Monday, DayPart::Morning));
    assert!(a.has(Weekday::Saturday, DayPart::Evening));
    assert!(!a.has(Weekday::Saturday, DayPart::Morning));
    assert_eq!(a.keys(), ["mon-morning", "sat-evening"]);
    assert_eq!(Availability::from_keys(&a.keys()), Some(a));
    assert!(Availability::from_keys(&["mon-night".into()]).is_none());
    assert!(Availability::from_keys(&["monday".into()]).is_none());
    let all: Vec<String> = DAYS.iter().flat_map(|(d, _)| DayPart::ALL.map(|p| Availability::key(*d, p))).collect();
    assert_eq!(Availability::from_keys(&all).expect("all").0, (1 << 21) - 1);
}

#[test]
fn a_vog_counts_for_the_organisations_months_and_warns_ahead() {
    let rules = Rules { vog_months: 36, warn_days: 42, ..Rules::default() };
    let issued = Some(date(2023, 12, 20));
    assert_eq!(rules.last_valid_day(date(2023, 12, 20)), date(2026, 12, 19));
    assert_eq!(rules.vog(issued, date(2026, 11, 1)), Vog::Valid { until: date(2026, 12, 19) });
    assert_eq!(rules.vog(issued, date(2026, 11, 8)), Vog::Lapsing { until: date(2026, 12, 19) });
    assert_eq!(rules.vog(issued, date(2026, 12, 19)), Vog::Lapsing { until: date(2026, 12, 19) });
    assert_eq!(rules.vog(issued, date(2026, 12, 20)), Vog::Lapsed { until: date(2026, 12, 19) });
    assert_eq!(rules.vog(None, date(2026, 12, 20)), Vog::Missing);
    assert!(rules.placeable(issued, date(2026, 12, 19)));
    assert!(!rules.placeable(issued, date(2026, 12, 20)));
    assert!(!rules.placeable(None, date(2026, 12, 20)));
    let lenient = Rules { vog_required: false, ..rules };
    assert!(lenient.placeable(None, date(2026, 12, 20)));
}

#[test]
fn amounts_are_read_and_written_the_dutch_way() {
    assert_eq!(cents("12,50"), Some(1250));
    assert_eq!(cents("€ 3"), Some(300));
    assert_eq!(cents("0.2"), Some(20));
    assert_eq!(cents(""), Some(0));
    for bad in ["-3", "1,234", "abc", ",", "3,5x"] {
        assert!(cents(bad).is_none(), "{bad}");
    }
    assert_eq!(euros(1250), "12,50");
    assert_eq!(euros(5), "0,05");
    let rules = RulesInput {
        vog_required: "on".into(),
        vog_months: "24".into(),
        warn_days: "30".into(),
        km_rate: "0,21".into(),
    }
    .parse()
    .expect("rules");
    assert_eq!(rules, Rules { vog_required: true, vog_months: 24, warn_days: 30, km_cents: 21 });
    assert_eq!(RulesInput::of(&rules).parse().expect("again"), rules);
    let Err(crate::Error::Validation(f)) = RulesInput { vog_months: "0".into(), ..RulesInput::default() }.parse()
    else {
        panic!("refused")
    };
    assert_eq!(f.iter().map(|f| f.field).collect::<Vec<_>>(), ["vog_months", "warn_days", "km_rate"]);
}

#[test]
fn a_claim_needs_a_day_a_reason_and_something_to_pay() {
    let today = date(2026, 12, 7);
    let ok = ClaimInput {
        on_date: "2026-12-03".into(),
        km: "14".into(),
        costs: "2,40".into(),
        description: "Rit naar het ziekenhuis".into(),
    }
    .parse(today)
    .expect("valid");
    assert_eq!((ok.km, ok.costs_cents), (14, 240));
    let fields = |input: ClaimInput| match input.parse(today) {
        Err(crate::Error::Validation(f)) => f.iter().map(|f| f.field).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields(ClaimInput::default()), ["on_date", "km", "description"]);
    let future =
        ClaimInput { on_date: "2026-12-08".into(), km: "3".into(), description: "x".into(), ..Default::default() };
    assert_eq!(fields(future), ["on_date"]);
    let bad =
        ClaimInput { on_date: "2026-12-01".into(), km: "veel".into(), costs: "-1".into(), description: "x".into() };
    assert_eq!(fields(bad), ["km", "costs"]);
}

#[test]
fn an_offer_names_the_client_by_first_name_only() {
    let today = date(2026, 12, 7);
    let input = |first_name: &str| OfferInput {
        source: "help:abc".into(),
        first_name: first_name.into(),
        area: "Stadspark".into(),
        what: "Boodschappen doen".into(),
        until_on: "2026-12-31".into(),
    };
    let offer = input("Henk").parse(today).expect("valid");
    assert_eq!(offer.source, Source::Help("abc".into()));
    assert_eq!(offer.until_on, Some(date(2026, 12, 31)));
    assert!(input("Henk Jan de Vries").parse(today).is_err());
    assert_eq!(
        Source::parse("shift:it1:2026-12-09"),
        Some(Source::Shift { item: "it1".into(), on: date(2026, 12, 9) })
    );
    assert_eq!(Source::parse(&Source::Help("x".into()).key()), Some(Source::Help("x".into())));
    assert_eq!(Source::parse("shift:it1:gisteren"), None);
    assert_eq!(Source::parse("help:"), None);
}

#[test]
fn fit_reads_the_time_the_area_and_the_words() {
    let profile = ProfileInput {
        slots: vec!["wed-afternoon".into()],
        area: "Stadspark, Centrum".into(),
        interests: "wandelen, muziek".into(),
        skills: "autorijden".into(),
        languages: "Nederlands, Turks".into(),
    }
    .parse()
    .expect("profile");
    let wednesday_two = date(2026, 12, 9).at(14, 0, 0, 0);
    let fit = Fit::of(&profile, "Wijk Stadspark", "Wandelen in het park", wednesday_two);
    assert!(fit.available && fit.near);
    assert_eq!(fit.matches, ["wandelen"]);
    assert!(!Fit::of(&profile, "Zuid", "Wandelen", date(2026, 12, 9).at(9, 0, 0, 0)).available);
    let rules = Rules::default();
    assert!(offers::reaches(true, &fit, &rules, Some(date(2025, 1, 1)), date(2026, 12, 7)));
    assert!(!offers::reaches(true, &fit, &rules, None, date(2026, 12, 7)));
    assert!(!offers::reaches(false, &fit, &rules, Some(date(2025, 1, 1)), date(2026, 12, 7)));
}
