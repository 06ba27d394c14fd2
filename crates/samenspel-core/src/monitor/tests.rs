//! The monitor's rules about what may be shown.

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
