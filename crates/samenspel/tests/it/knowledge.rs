//! Knowledge (issue 14): the FAQ keeps every version and its starter set is
//! marked until changed; the quiz keeps nobody's answers and shows counts
//! only from five rounds; a location's placemat is kept by its coach and seen
//! by who stands there; a welcome card carries a working invitation link.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::{Method, StatusCode};
use samenspel_core::ids::UserId;

async fn person(app: &TestApp, first: &str) -> TUser {
    let email = samenspel::demo::email(first);
    let id = app.db.strings(&format!("SELECT id FROM users WHERE email = '{email}'")).await.remove(0);
    TUser { id: UserId::from_db(id), email, name: first.into() }
}

pub async fn the_faq_keeps_its_versions_and_the_quiz_only_counts(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let org = app.state.store.internal().list_organisations().await.expect("orgs").remove(0).id.to_string();
    let faq = format!("/organisations/{org}/faq");

    // A family carer reads it; the starter set says so; one answer was adapted and has two versions.
    let mut ans = app.signed_in(&person(&app, "ans").await).await;
    let page = ans.get(&faq).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("8 van de 8 vragen") && page.body.contains("startset: pas aan"));
    assert!(page.body.contains("vraag het de eerste verantwoordelijke verzorgende"));
    assert!(!page.body.contains("Vraag toevoegen"), "a family carer reads only");
    let id =
        app.db.strings("SELECT id FROM faq_entries WHERE question = 'Mag familie medicijnen geven?'").await.remove(0);
    assert_eq!(ans.get(&format!("{faq}/{id}")).await.status, StatusCode::FORBIDDEN);
    let family = ans.get(&format!("{faq}?topic=family")).await.body;
    assert!(family.contains("Mag familie medicijnen geven?") && !family.contains("Wie is aansprakelijk"));

    // The coach changes an answer: a new version, the old one kept; bad input is named and kept.
    let mut joost = app.signed_in(&person(&app, "joost").await).await;
    let entry = joost.get(&format!("{faq}/{id}")).await;
    assert_eq!(entry.status, StatusCode::OK);
    assert!(
        entry.body.contains("versie 2, door") && entry.body.contains("versie 1, uit de startset"),
        "{}",
        entry.body
    );
    let bad =
        joost.post(&format!("{faq}/{id}"), &[("topic", "family"), ("question", "Medicijnen?"), ("answer", "")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Schrijf het antwoord.") && bad.body.contains("value=\"Medicijnen?\""));
    let good = [("topic", "family"), ("question", "Medicijnen?"), ("answer", "Alleen als het is afgesproken.")];
    assert_eq!(joost.post(&format!("{faq}/{id}"), &good).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.db.count(&format!("SELECT COUNT(*) FROM faq_versions WHERE entry_id = '{id}'")).await, 3);
    let mut joost_api = app.api_as(&person(&app, "joost").await).await;
    let body = serde_json::json!({"topic": "family", "question": "Medicijnen geven?", "answer": "Na overleg."});
    let r = joost_api.api(Method::PUT, &format!("/api/v1{faq}/{id}"), Some(body)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(app.db.count(&format!("SELECT COUNT(*) FROM faq_versions WHERE entry_id = '{id}'")).await, 4);
    let mut ans_api = app.api_as(&person(&app, "ans").await).await;
    let r = ans_api.api(Method::DELETE, &format!("/api/v1{faq}/{id}"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a family carer does not keep the FAQ");
    // The starter set goes into an empty list only.
    assert_eq!(joost.post(&format!("{faq}/starter"), &[]).await.status, StatusCode::CONFLICT);
    // Outside the organisation it does not exist.
    let mut ingrid = app.signed_in(&person(&app, "ingrid").await).await;
    assert_eq!(ingrid.get(&faq).await.status, StatusCode::NOT_FOUND);
    let json =
        app.api_as(&person(&app, "sanne").await).await.api(Method::GET, &format!("/api/v1{faq}?q=VOG"), None).await;
    assert_eq!(json.status, StatusCode::OK, "a pool volunteer reads the FAQ");
    assert_eq!(json.json()["entries"].as_array().expect("list").len(), 1, "{}", json.body);

    // The quiz: the person sees their own result; nobody's answers are stored, only counts.
    let quiz = format!("/organisations/{org}/quiz");
    assert_eq!(ans.get(&quiz).await.status, StatusCode::FORBIDDEN, "for staff");
    let missing = joost.post(&quiz, &[("family-care", "b")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Kies een antwoord.") && missing.body.contains("value=\"b\" checked"));
    let round = [("family-care", "b"), ("sharing", "a"), ("medicines", "a"), ("signal", "b"), ("vog", "b")];
    let result = joost.post(&quiz, &round).await;
    assert_eq!(result.status, StatusCode::OK);
    assert!(result.body.contains("4 van de 5 goed.") && result.body.contains("Goede bedoelingen zijn niet genoeg"));
    let stored = app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'quiz.take'").await;
    assert!(stored >= 1, "the round is audited");
    let tables: i64 = app.db.count(&format!("SELECT rounds FROM quiz_rounds WHERE organisation_id = '{org}'")).await;
    assert_eq!(tables, 7, "six demo rounds and this one");
    let results = joost.get(&format!("{quiz}/results")).await.body;
    assert!(results.contains("Aantal keer gedaan: 7"), "{results}");
    let api = app
        .api_as(&person(&app, "marieke").await)
        .await
        .api(Method::GET, &format!("/api/v1{quiz}/results"), None)
        .await;
    assert_eq!(api.json()["rounds"], 7);
}

pub async fn a_placemat_is_printed_per_location_and_a_welcome_card_invites(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let stadspark = app.db.strings("SELECT id FROM locations WHERE name = 'Wijkteam Stadspark'").await.remove(0);
    let esdoorn = app.db.strings("SELECT id FROM locations WHERE name = 'Woonzorgcentrum De Esdoorn'").await.remove(0);
    let mat = format!("/locations/{esdoorn}/placemat");

    // Anouk (coach of De Esdoorn) keeps it; Joost (coach of Stadspark) does not see it.
    let mut anouk = app.signed_in(&person(&app, "anouk").await).await;
    let page = anouk.get(&format!("{mat}?size=a3")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("class=\"placemat placemat-a3\"") && page.body.contains("Samen koffie of thee drinken"));
    let bad = anouk.post(&mat, &[("text", "  ")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(anouk.post(&mat, &[("text", "Samen de krant lezen")]).await.status, StatusCode::SEE_OTHER);
    assert!(anouk.get(&mat).await.body.contains("Samen de krant lezen"));
    let mut joost = app.signed_in(&person(&app, "joost").await).await;
    assert_eq!(joost.get(&mat).await.status, StatusCode::NOT_FOUND);
    assert_eq!(joost.get(&format!("/locations/{stadspark}/placemat")).await.status, StatusCode::OK);
    // Rob, son of a resident of De Esdoorn, reads it but does not keep it.
    let mut rob = app.signed_in(&person(&app, "rob").await).await;
    let read = rob.get(&mat).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(!read.body.contains("Iets toevoegen"));
    assert_eq!(rob.post(&mat, &[("text", "Van Rob")]).await.status, StatusCode::FORBIDDEN);
    let json = app.api_as(&person(&app, "rob").await).await.api(Method::GET, &format!("/api/v1{mat}"), None).await;
    assert!(json.json()["items"].as_array().expect("items").iter().any(|i| i == "Samen de krant lezen"));
    let mut anouk_api = app.api_as(&person(&app, "anouk").await).await;
    let r = anouk_api
        .api(Method::POST, &format!("/api/v1{mat}"), Some(serde_json::json!({"text": "Samen naar buiten"})))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let mut rob_api = app.api_as(&person(&app, "rob").await).await;
    let r = rob_api.api(Method::POST, &format!("/api/v1{mat}"), Some(serde_json::json!({"text": "Van Rob"}))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A welcome card: a QR code and a link that works.
    let gerda = app.db.strings("SELECT id FROM circles WHERE client_name = 'mevrouw Gerda Mulder'").await.remove(0);
    let mut marieke = app.signed_in(&person(&app, "marieke").await).await;
    let card = format!("/circles/{gerda}/welcome-card");
    assert_eq!(marieke.get(&card).await.status, StatusCode::OK);
    let made = marieke.post(&card, &[("role", "relative"), ("relation", "kleinzoon")]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(made.body.contains("<svg") && made.body.contains("Welkom in Woonzorgcentrum De Esdoorn!"));
    let link = made
        .body
        .split("class=\"welcome-link\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("the link")
        .to_owned();
    let path = link.split("/invitations/").nth(1).map(|t| format!("/invitations/{t}")).expect("an invitation link");
    assert_eq!(app.client().get(&path).await.status, StatusCode::OK, "the card's link opens the invitation");
    // A family member without the right to invite gets no card.
    let mut sandra = app.signed_in(&person(&app, "sandra").await).await;
    assert_eq!(sandra.get(&card).await.status, StatusCode::FORBIDDEN);
}
