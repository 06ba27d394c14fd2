//! A location's rota and open meetings: the organisation's coordinator plans
//! a family evening with a limit of places; members of the location's circles
//! see and join it, and of two taking the last place at once exactly one gets
//! it; someone whose circle is at another location does not know it exists.

use crate::support::{TestApp, TestDb};
use axum::http::StatusCode;
use samenspel_core::Timestamp;
use samenspel_core::role::{OrgRole, Role};

pub async fn members_of_the_locations_circles_join_an_open_meeting(db: TestDb) {
    let app = TestApp::new(db).await;
    let now = Timestamp::now();
    let store = &app.state.store;
    let org = store.internal().create_organisation("Zorggroep", now).await.expect("org");
    let esdoorn = store.internal().create_location(&org, "De Esdoorn", now).await.expect("location");
    let elders = store.internal().create_location(&org, "Het Anker", now).await.expect("location");
    let marieke = app.user("Marieke").await;
    store.internal().add_staff(&org, &marieke.id, OrgRole::Coordinator, now).await.expect("staff");
    let (ans, thijs, henk, kees) =
        (app.user("Ans").await, app.user("Thijs").await, app.user("Henk").await, app.user("Kees").await);
    let me = app.acting_as(&marieke).await;
    let ctx = app.ctx(&me, now);
    let start = |name: &str, location: &samenspel_core::ids::LocationId| samenspel::service::circles::StartCircle {
        client_name: name.into(),
        organisation_id: Some(org.to_string()),
        location_id: Some(location.to_string()),
        my_role: "coordinator".into(),
        ..Default::default()
    };
    let here = samenspel::service::circles::start(&ctx, &start("Henk de Vries", &esdoorn), None).await.expect("circle");
    let there = samenspel::service::circles::start(&ctx, &start("Wim Bos", &elders), None).await.expect("circle");
    for (u, role, circle) in [
        (&ans, Role::Relative, &here),
        (&thijs, Role::Volunteer, &here),
        (&henk, Role::Client, &here),
        (&kees, Role::Relative, &there),
    ] {
        store.internal().add_member(circle, &u.id, role, "", false, false, None, now).await.expect("member");
    }
    let mut c_marieke = app.signed_in(&marieke).await;
    let mut c_ans = app.signed_in(&ans).await;
    let mut c_thijs = app.signed_in(&thijs).await;
    let mut c_henk = app.signed_in(&henk).await;
    let mut c_kees = app.signed_in(&kees).await;
    for client in [&mut c_marieke, &mut c_ans, &mut c_thijs, &mut c_henk, &mut c_kees] {
        assert_eq!(client.get("/circles").await.status, StatusCode::OK);
    }
    let base = format!("/locations/{esdoorn}/agenda");
    // The circle's overview points to its location's rota and meetings.
    assert!(c_ans.get(&format!("/circles/{here}")).await.body.contains(&base));

    // Only the organisation's coordinator plans.
    assert_eq!(c_ans.get(&format!("{base}/new")).await.status, StatusCode::FORBIDDEN);
    let day = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz"))
        .date()
        .checked_add(jiff::Span::new().days(5))
        .expect("date")
        .to_string();
    let evening = [
        ("kind", "activity"),
        ("title", "Familieavond"),
        ("date", day.as_str()),
        ("start_time", "19:30"),
        ("end_time", "21:30"),
        ("places", "2"),
        ("repeat", "once"),
    ];
    assert_eq!(c_ans.post(&base, &evening).await.status, StatusCode::FORBIDDEN);
    let bad = c_marieke.post(&base, &[("kind", "activity"), ("title", ""), ("date", &day), ("places", "0")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Schrijf wat het is."), "{}", bad.body);
    let r = c_marieke.post(&base, &evening).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Members of the location's circles see it; the other location's do not.
    let page = c_thijs.get(&base).await;
    assert!(page.body.contains("Familieavond") && page.body.contains("2 plekken open"), "{}", page.body);
    assert_eq!(c_kees.get(&base).await.status, StatusCode::NOT_FOUND);
    let start_at = page.body.find("/join\"").expect("a join form");
    let action_start = page.body[..start_at].rfind("action=\"").expect("action") + "action=\"".len();
    let join = page.body[action_start..start_at + "/join".len()].to_owned();
    assert_eq!(c_kees.post(&join, &[]).await.status, StatusCode::NOT_FOUND);

    // The client joins too (meetings are for everyone in the circles); then
    // Ans and Thijs take the last place at the same moment: exactly one gets it.
    assert_eq!(c_henk.post(&join, &[]).await.status, StatusCode::SEE_OTHER);
    let (a, b) = tokio::join!(c_ans.post(&join, &[]), c_thijs.post(&join, &[]));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT], "exactly one gets the last place");
    let loser = if a.status == StatusCode::CONFLICT { a } else { b };
    assert!(loser.body.contains("de bijeenkomst is al vol"), "{}", loser.body);
    let full = c_marieke.get(&base).await;
    assert!(full.body.contains("Vol"), "{}", full.body);
    // Henk gives his place back; it is open again.
    let leave = join.replace("/join", "/leave");
    assert_eq!(c_henk.post(&leave, &[]).await.status, StatusCode::SEE_OTHER);
    assert!(c_marieke.get(&base).await.body.contains("1 plek open"));

    // The same over the API: the other location's member gets 404; joining
    // the full evening is refused with the code.
    use axum::http::Method;
    let api_path = format!("/api/v1/locations/{esdoorn}/agenda");
    let seen = app.api_as(&thijs).await.api(Method::GET, &api_path, None).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    let body = seen.json();
    let evening = &body["occurrences"][0];
    assert_eq!(evening["title"], "Familieavond");
    assert_eq!(evening["open_places"], 1);
    let join_api = format!(
        "{api_path}/{}/occurrences/{}/join",
        evening["item_id"].as_str().expect("id"),
        evening["on"].as_str().expect("on")
    );
    assert_eq!(app.api_as(&kees).await.api(Method::GET, &api_path, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.api_as(&henk).await.api(Method::POST, &join_api, None).await.status, StatusCode::NO_CONTENT);
    let full = app.api_as(&marieke).await.api(Method::POST, &join_api, None).await;
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert_eq!(full.json()["error"]["code"], "meeting-full", "{}", full.body);
}
