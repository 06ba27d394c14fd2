//! The agenda reads only the items that reach the days it shows (issue 16:
//! no page walks a circle's history). An appointment long past is left out
//! of the coming weeks, yet its page opens and an agenda of its own weeks
//! shows it; moved into the coming weeks, it shows there again — on the
//! agenda and in the calendar feed — because the move makes it reach further.

use crate::support::{Client, TestApp, TestDb, client, relative};
use axum::http::StatusCode;
use jiff::civil::Date;
use samenspel_core::ids::CircleId;

const TITLE: &str = "Controle bij de tandarts";

fn today() -> Date {
    jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz")).date()
}

fn days_from_today(n: i64) -> Date {
    today().checked_add(jiff::Span::new().days(n)).expect("a date")
}

async fn agenda_from(a: &mut Client<'_>, circle: &CircleId, from: Option<Date>) -> String {
    let path = match from {
        Some(d) => format!("/circles/{circle}/agenda?from={d}"),
        None => format!("/circles/{circle}/agenda"),
    };
    let r = a.get(&path).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.body
}

pub async fn a_past_appointment_moved_into_the_coming_weeks_shows_there(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [_henk, ans]) = app.cast("Henk de Vries", [client("Henk"), relative("Ans").manager()]).await;
    let mut a = app.signed_in(&ans).await;
    let (past, soon) = (days_from_today(-60), days_from_today(3));
    let past_text = past.to_string();
    let fields = [
        ("kind", "appointment"),
        ("title", TITLE),
        ("date", past_text.as_str()),
        ("start_time", "10:00"),
        ("end_time", "11:00"),
    ];
    assert_eq!(a.get(&format!("/circles/{circle}/agenda/new?kind=appointment")).await.status, StatusCode::OK);
    let r = a.post(&format!("/circles/{circle}/agenda"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item = r.location().expect("to the item").split('?').next().expect("a path").to_owned();

    // Past: not in the coming four weeks; in an agenda of its own weeks; its page opens.
    assert!(!agenda_from(&mut a, &circle, None).await.contains(TITLE), "a past appointment is not coming");
    let then = agenda_from(&mut a, &circle, Some(days_from_today(-61))).await;
    assert!(then.contains(TITLE), "the agenda of those weeks shows it: {then}");
    let page = a.get(&item).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(TITLE), "{}", page.body);

    // Moved to three days from now, it is coming again.
    let soon_text = soon.to_string();
    let r = a.post(&format!("{item}/{past}/move"), &[("date", soon_text.as_str()), ("time", "10:00")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let coming = agenda_from(&mut a, &circle, None).await;
    assert!(coming.contains(TITLE), "the moved appointment shows in the coming weeks: {coming}");
    // And in Ans's calendar feed, which looks a month back and more ahead.
    let path = crate::agenda::feed_path(&mut a).await;
    let feed = app.client().get(&path).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains(TITLE), "the feed has it: {}", feed.body);

    // Moved back to where it was, it is past again.
    let r = a.post(&format!("{item}/{past}/restore"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!agenda_from(&mut a, &circle, None).await.contains(TITLE), "restored, it is past again");
}
