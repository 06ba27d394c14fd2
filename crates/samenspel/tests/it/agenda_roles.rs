//! What a shift's page offers each role: the client takes no shifts, so
//! the client is offered neither "Ik kom" nor "Zoek vervanging" (both are
//! refused to the client) nor shift reminders by e-mail — while a family
//! carer who manages the circle, and takes shifts, is offered all three.

use crate::support::{TestApp, TestDb, client, relative};
use axum::http::StatusCode;

pub async fn the_client_is_offered_no_shift_actions(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [henk, ans]) = app.cast("Henk de Vries", [client("Henk"), relative("Ans").manager()]).await;
    let mut h = app.signed_in(&henk).await;
    let mut a = app.signed_in(&ans).await;
    let day = jiff::Zoned::now().date().checked_add(jiff::Span::new().days(5)).expect("a date").to_string();
    // The client plans a shift (everyone plans in the agenda).
    let fields = [
        ("kind", "shift"),
        ("title", "Koffie met Henk"),
        ("date", day.as_str()),
        ("start_time", "14:00"),
        ("end_time", "15:00"),
        ("places", "1"),
    ];
    assert_eq!(h.get(&format!("/circles/{circle}/agenda/new?kind=shift")).await.status, StatusCode::OK);
    let r = h.post(&format!("/circles/{circle}/agenda"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item = r.location().expect("to the item").split('?').next().expect("path").to_owned();
    let on = format!("{item}/{day}");

    let page = h.get(&item).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("1 plek open"), "the client sees the open place");
    assert!(!page.body.contains(&format!("{on}/sign-up")), "no 'Ik kom' for the client");
    assert!(!page.body.contains(&format!("{on}/find-cover")), "no 'Zoek vervanging' for the client");
    assert!(page.body.contains(&format!("{on}/cancel")), "the client may still change the shift");
    for action in ["sign-up", "find-cover"] {
        assert_eq!(h.post(&format!("{on}/{action}"), &[]).await.status, StatusCode::FORBIDDEN, "{action}");
    }

    let page = a.get(&item).await;
    assert!(page.body.contains(&format!("{on}/sign-up")), "Ans may take the shift");
    assert!(page.body.contains(&format!("{on}/find-cover")), "Ans, who manages, may look for cover");
    assert_eq!(a.post(&format!("{on}/find-cover"), &[]).await.status, StatusCode::SEE_OTHER);

    // Shift reminders by e-mail: offered to Ans, not to the client.
    let settings = format!("/circles/{circle}/notifications");
    let reminders = "id=\"shifts\"";
    assert!(a.get(&settings).await.body.contains(reminders), "Ans is offered shift reminders");
    let mine = h.get(&settings).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(!mine.body.contains(reminders), "no shift reminders for the client");
}
