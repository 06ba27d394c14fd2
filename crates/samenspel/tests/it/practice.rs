//! Practice examples (issue 14): the coaches of one organisation, at any of
//! its locations, share write-ups and find them by topic or word; only the
//! writer changes or removes their own; the members of its circles and
//! anyone outside do not see them.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::StatusCode;
use samenspel_core::ids::UserId;

async fn demo_person(app: &TestApp, first: &str) -> TUser {
    let email = samenspel::demo::email(first);
    let id = app.db.strings(&format!("SELECT id FROM users WHERE email = '{email}'")).await.remove(0);
    TUser { id: UserId::from_db(id), email, name: first.into() }
}

pub async fn coaches_share_practice_examples_and_find_them_by_topic(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let org = app.state.store.internal().list_organisations().await.expect("orgs").remove(0).id;
    let base = format!("/organisations/{org}/practice");

    let mut joost = app.signed_in(&demo_person(&app, "joost").await).await;
    assert!(joost.get("/monitor").await.body.contains(&base), "the way from his monitors");
    let page = joost.get(&base).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("3 van de 3 voorbeelden") && page.body.contains("Als kinderen het niet eens zijn"));
    let by_topic = joost.get(&format!("{base}?topic=netwerk")).await.body;
    assert!(by_topic.contains("Buren erbij halen") && !by_topic.contains("Als kinderen"), "{by_topic}");
    assert_eq!(by_topic.matches(">Aanpassen<").count(), 1, "only his own can be changed");

    // Sharing: what is missing is named and kept; then it is there for a coach of the other location.
    joost.get("/circles").await;
    let bad = joost.post(&base, &[("title", ""), ("body", ""), ("topics", "buren")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("Geef het voorbeeld een titel.") && bad.body.contains("value=\"buren\""));
    let good = [
        ("title", "Een vrijwilliger voor de wandeling"),
        ("body", "Via de sociale kaart."),
        ("topics", "vrijwilligers"),
    ];
    assert_eq!(joost.post(&base, &good).await.status, StatusCode::SEE_OTHER);
    let id = app
        .db
        .strings("SELECT id FROM practice_examples WHERE title = 'Een vrijwilliger voor de wandeling'")
        .await
        .remove(0);
    let mut anouk = app.signed_in(&demo_person(&app, "anouk").await).await;
    anouk.get("/circles").await;
    assert!(anouk.get(&format!("{base}?q=wandeling")).await.body.contains("Een vrijwilliger voor de wandeling"));
    // Only its writer changes or removes it.
    assert_eq!(anouk.get(&format!("{base}/{id}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(joost.get(&format!("{base}/{id}")).await.status, StatusCode::OK);
    let r = anouk.post(&format!("{base}/{id}"), &[("title", "Anders"), ("body", "Anders")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(anouk.post(&format!("{base}/{id}/remove"), &[]).await.status, StatusCode::FORBIDDEN);
    let changed = [
        ("title", "Een vrijwilliger voor de wandeling"),
        ("body", "Via de sociale kaart en de buurt."),
        ("topics", ""),
    ];
    assert_eq!(joost.post(&format!("{base}/{id}"), &changed).await.status, StatusCode::SEE_OTHER);
    assert_eq!(joost.post(&format!("{base}/{id}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.db.count("SELECT COUNT(*) FROM practice_examples").await, 3);

    // The API, for the same people.
    let mut api = app.api_as(&demo_person(&app, "petra").await).await;
    let json: serde_json::Value =
        serde_json::from_str(&api.get(&format!("/api/v1{base}?topic=familie")).await.body).expect("json");
    assert_eq!(json["examples"].as_array().expect("list").len(), 1, "{json}");

    // A family carer in the organisation's circles, and someone outside it, do not see them.
    let mut ans = app.signed_in(&demo_person(&app, "ans").await).await;
    assert_eq!(ans.get(&base).await.status, StatusCode::FORBIDDEN);
    let mut ans_api = app.api_as(&demo_person(&app, "ans").await).await;
    assert_eq!(ans_api.get(&format!("/api/v1{base}")).await.status, StatusCode::FORBIDDEN);
    let mut ingrid = app.signed_in(&demo_person(&app, "ingrid").await).await;
    assert_eq!(ingrid.get(&base).await.status, StatusCode::NOT_FOUND);
}
