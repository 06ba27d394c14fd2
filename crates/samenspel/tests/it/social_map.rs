//! The social map (issue 14): everyone who stands at the organisation finds
//! local initiatives by word and kind; its coordinators and its locations'
//! coaches keep it (bad input is named and nothing is saved); a location
//! manager and a family carer read it only; someone outside the organisation
//! does not know it; and a circle's "Dit ben ik" suggests what fits the client.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::StatusCode;
use samenspel_core::ids::UserId;

async fn demo_person(app: &TestApp, first: &str) -> TUser {
    let email = samenspel::demo::email(first);
    let id = app.db.strings(&format!("SELECT id FROM users WHERE email = '{email}'")).await.remove(0);
    TUser { id: UserId::from_db(id), email, name: first.into() }
}

pub async fn the_social_map_is_found_kept_and_suggested(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let org = app.state.store.internal().list_organisations().await.expect("orgs").remove(0).id;
    let henk = app.db.strings("SELECT id FROM circles WHERE client_name = 'Henk de Vries'").await.remove(0);
    let map = format!("/organisations/{org}/social-map");

    // A family carer reads the map, searches it, and filters it.
    let mut ans = app.signed_in(&demo_person(&app, "ans").await).await;
    assert!(ans.get("/circles").await.body.contains(&map), "the way to the map");
    let page = ans.get(&map).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Biljartvereniging De Keu") && page.body.contains("Steunpunt Mantelzorg"));
    let found = ans.get(&format!("{map}?q=liedjes")).await.body;
    assert!(found.contains("Ouderenkoor De Zonnebloem") && !found.contains("Repair Café"), "{found}");
    let support = ans.get(&format!("{map}?category=support")).await.body;
    assert!(support.contains("Alzheimer Café Noord") && !support.contains("Automaatje"));
    assert!(support.contains("2 van de 9 plekken"), "{support}");
    assert_eq!(ans.get(&format!("{map}/new")).await.status, StatusCode::FORBIDDEN);
    let attempt = ans.post(&map, &[("name", "Mijn club"), ("category", "meeting")]).await;
    assert_eq!(attempt.status, StatusCode::FORBIDDEN);
    assert!(!attempt.body.contains("te lang open"), "refused for who she is, not for the form");

    // "Dit ben ik" suggests what fits what Henk likes (biljarten, liedjes, lopen).
    let about = ans.get(&format!("/circles/{henk}/about")).await.body;
    assert!(about.contains("Iets voor Henk de Vries in de buurt?"), "{about}");
    for fits in ["Biljartvereniging De Keu", "Ouderenkoor De Zonnebloem", "Wandelgroep Stadspark"] {
        assert!(about.contains(fits), "{fits} is suggested");
    }
    assert!(
        !about.contains("Repair Café") && !about.contains("Voorleesuur"),
        "not what does not fit, nor another location's"
    );

    // The organisation's coordinator keeps it: bad input is named, nothing saved.
    let mut marieke = app.signed_in(&demo_person(&app, "marieke").await).await;
    marieke.get("/circles").await;
    let bad = marieke
        .post(&map, &[("name", ""), ("category", "kroeg"), ("website", "javascript:alert(1)"), ("description", "Iets")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("Vul een naam in.") && bad.body.contains("Kies een soort uit de lijst."), "{}", bad.body);
    assert!(bad.body.contains("Vul een webadres in dat begint met https://"));
    assert!(bad.body.contains(">Iets</textarea>"), "what was typed stays");
    let before = app.db.count("SELECT COUNT(*) FROM social_map").await;
    assert_eq!(before, 9);
    let good = [
        ("name", "Moestuin De Groene Vinger"),
        ("category", "exercise"),
        ("description", "Samen tuinieren"),
        ("website", "https://moestuin.example"),
        ("topics", "tuin, groente, buiten"),
        ("location_id", ""),
    ];
    let r = marieke.post(&map, &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = app.db.strings("SELECT id FROM social_map WHERE name = 'Moestuin De Groene Vinger'").await.remove(0);
    let mut changed = good;
    changed[0] = ("name", "Moestuin De Groene Duim");
    assert_eq!(marieke.post(&format!("{map}/{id}"), &changed).await.status, StatusCode::SEE_OTHER);
    assert!(ans.get(&map).await.body.contains("Moestuin De Groene Duim"));
    assert_eq!(marieke.post(&format!("{map}/{id}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.db.count("SELECT COUNT(*) FROM social_map").await, 9);
    // Every change is in the audit trail: the demo's nine, and these three.
    let changes = "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'social-map.%' AND outcome = 'allowed' \
                   AND object_type = 'social-map'";
    assert_eq!(app.db.count(changes).await, 9 + 3);

    // Over the API: the same search, and adding is for those who keep the map.
    let mut api = app.api_as(&demo_person(&app, "ans").await).await;
    let json: serde_json::Value =
        serde_json::from_str(&api.get(&format!("/api/v1{map}?q=koor")).await.body).expect("json");
    assert_eq!(json["initiatives"].as_array().expect("list").len(), 1, "{json}");
    assert_eq!(json["may_edit"], false);
    let body = serde_json::json!({"name": "Schaakclub", "category": "meeting"});
    let r = api.api(axum::http::Method::POST, &format!("/api/v1{map}"), Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut api = app.api_as(&demo_person(&app, "marieke").await).await;
    let r = api.api(axum::http::Method::POST, &format!("/api/v1{map}"), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = api.get(&format!("/api/v1{map}?category=pub")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    // A location's coach keeps it too; its manager and outsiders do not.
    let mut joost = app.signed_in(&demo_person(&app, "joost").await).await;
    assert_eq!(joost.get(&format!("{map}/new")).await.status, StatusCode::OK);
    let mut petra = app.signed_in(&demo_person(&app, "petra").await).await;
    assert_eq!(petra.get(&map).await.status, StatusCode::OK);
    assert_eq!(petra.get(&format!("{map}/new")).await.status, StatusCode::FORBIDDEN);
    let mut ingrid = app.signed_in(&demo_person(&app, "ingrid").await).await;
    assert_eq!(ingrid.get(&map).await.status, StatusCode::NOT_FOUND);
    assert!(!ingrid.get("/circles").await.body.contains("/social-map"));
}
