//! The volunteer pool (issue 14): its keepers find volunteers by time, area
//! and skill and keep their VOG; a circle's coordinator puts a help request
//! to the pool, a volunteer who fits says yes, is asked, accepts and joins
//! the circle until the end day; a volunteer without a valid VOG is not
//! placed; a pool volunteer sees nothing of a circle before they are in it;
//! expense claims are decided (never one's own) and exported; a lapsing VOG
//! is warned about once.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::{Method, StatusCode};
use samenspel_core::ids::UserId;

async fn person(app: &TestApp, first: &str) -> TUser {
    let email = samenspel::demo::email(first);
    let id = app.db.strings(&format!("SELECT id FROM users WHERE email = '{email}'")).await.remove(0);
    TUser { id: UserId::from_db(id), email, name: first.into() }
}

async fn demo(app: &TestApp) -> (String, String) {
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let org = app.state.store.internal().list_organisations().await.expect("orgs").remove(0).id.to_string();
    let henk = app.db.strings("SELECT id FROM circles WHERE client_name = 'Henk de Vries'").await.remove(0);
    (org, henk)
}

pub async fn a_pool_volunteer_is_found_asked_and_placed_in_a_circle(db: TestDb) {
    let app = TestApp::new(db).await;
    let (org, henk) = demo(&app).await;
    let pool = format!("/organisations/{org}/pool");

    // The coach finds volunteers by time and sees whose VOG needs attention.
    let mut joost = app.signed_in(&person(&app, "joost").await).await;
    let page = joost.get(&pool).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("8 van de 8 vrijwilligers"), "{}", page.body);
    assert!(page.body.contains("VOG verloopt binnenkort") && page.body.contains("Nog geen VOG"));
    let wednesday = joost.get(&format!("{pool}?slot=wed-afternoon")).await.body;
    for name in ["Sanne de Boer", "Ilse Verbeek", "Fenna Dijkstra"] {
        assert!(wednesday.contains(name), "{name} is free on Wednesday afternoons");
    }
    assert!(!wednesday.contains("Ruud Jansen") && wednesday.contains("3 van de 8"));
    assert!(joost.get(&format!("{pool}?q=turks")).await.body.contains("Mehmet Yilmaz"));

    // Adding someone: what is wrong is named and kept; then they are in and get an e-mail.
    let bad = joost.post(&pool, &[("name", "Lies Bos"), ("email", "geen-adres")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"Lies Bos\""));
    let added = joost.post(&pool, &[("name", "Lies Bos"), ("email", "lies@example.org")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let lies = added.location().expect("to her record").split('?').next().expect("path").to_owned();
    assert_eq!(app.db.count("SELECT COUNT(*) FROM jobs WHERE payload LIKE '%lies@example.org%'").await, 1);
    let again = joost.post(&pool, &[("name", "Lies Bos"), ("email", "lies@example.org")]).await;
    assert!(again.body.contains("Deze persoon staat al in de pool."));
    // A VOG dated in the future is refused; her record keeps what was typed.
    let future =
        joost.post(&format!("{lies}/record"), &[("vog_issued_on", "2999-01-01"), ("insurance", "gemeente")]).await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(future.body.contains("Deze datum ligt in de toekomst") && future.body.contains("value=\"gemeente\""));
    let slots = [("slots", "wed-afternoon"), ("slots", "sat-morning"), ("area", "Stadspark"), ("skills", "autorijden")];
    assert_eq!(joost.post(&format!("{lies}/profile"), &slots).await.status, StatusCode::SEE_OTHER);
    assert!(
        joost
            .get(&lies)
            .await
            .body
            .contains("id=\"slot-wed-afternoon\" name=\"slots\" value=\"wed-afternoon\" checked")
    );

    // Before she is placed, a pool volunteer sees nothing of the circle.
    let mut sanne = app.signed_in(&person(&app, "sanne").await).await;
    assert_eq!(sanne.get(&format!("/circles/{henk}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sanne.get(&format!("/circles/{henk}/logbook")).await.status, StatusCode::NOT_FOUND);
    let mine = sanne.get("/pool").await.body;
    assert!(mine.contains("Met iemand naar de kapper") && mine.contains("Voor Henk in Stadspark"), "{mine}");
    assert!(mine.contains("Je zei: ik wil dit doen."));
    // Only the first name and what and when: nothing of the circle itself.
    let logbook_text: Vec<String> =
        app.db.strings(&format!("SELECT body FROM entries WHERE circle_id = '{henk}'")).await;
    assert!(!mine.contains("de Vries") && !mine.contains("Ans"), "no surname, no family: {mine}");
    for body in logbook_text.iter().filter(|b| b.len() > 12) {
        assert!(!mine.contains(body.as_str()), "logbook text reached the pool page: {body}");
    }
    // Ruud is not free then: it does not reach him.
    let mut ruud = app.signed_in(&person(&app, "ruud").await).await;
    assert!(!ruud.get("/pool").await.body.contains("Met iemand naar de kapper"));

    // The circle's coordinator sees who said yes, and asks Sanne; not Gijs, who has no VOG.
    let mut marieke = app.signed_in(&person(&app, "marieke").await).await;
    let circle_pool = format!("/circles/{henk}/pool");
    let page = marieke.get(&circle_pool).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Sanne de Boer") && page.body.contains("wil dit doen"), "{}", page.body);
    let offer = app.db.strings(&format!("SELECT id FROM pool_offers WHERE circle_id = '{henk}'")).await.remove(0);
    let gijs = app.db.strings("SELECT p.id FROM pool_volunteers p JOIN users u ON u.id = p.user_id WHERE u.display_name = 'Gijs Hoekstra'").await.remove(0);
    let refused = marieke.post(&format!("{circle_pool}/ask"), &[("offer", &offer), ("volunteer", &gijs)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("geen geldige VOG"), "{}", refused.body);
    let sanne_id = app.db.strings("SELECT p.id FROM pool_volunteers p JOIN users u ON u.id = p.user_id WHERE u.display_name = 'Sanne de Boer'").await.remove(0);
    let asked = marieke.post(&format!("{circle_pool}/ask"), &[("offer", &offer), ("volunteer", &sanne_id)]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let mails = app
        .db
        .count(&format!(
            "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%{}%' AND payload LIKE '%gevraagd om te helpen%'",
            samenspel::demo::email("sanne")
        ))
        .await;
    assert_eq!(mails, 1, "Sanne gets an e-mail");

    // A volunteer who was not asked cannot accept; Sanne accepts and is in the circle until the end day.
    let ruud_pool = ruud.get("/pool").await;
    assert!(ruud_pool.status == StatusCode::OK);
    let stolen = ruud.post(&format!("/organisations/{org}/my-pool/accept"), &[("offer", &offer)]).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
    assert!(sanne.get("/pool").await.body.contains("Je bent gevraagd"));
    let accepted = sanne.post(&format!("/organisations/{org}/my-pool/accept"), &[("offer", &offer)]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    assert_eq!(accepted.location(), Some(format!("/circles/{henk}?done=pool-accepted-notice").as_str()));
    let role = app
        .db
        .strings(&format!(
            "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.circle_id = '{henk}' \
         AND u.email = '{}' AND m.ended_at IS NULL AND m.access_until IS NOT NULL",
            samenspel::demo::email("sanne")
        ))
        .await;
    assert_eq!(role, ["volunteer"], "a volunteer with an end date");
    assert_eq!(sanne.get(&format!("/circles/{henk}")).await.status, StatusCode::OK);
    let help = app.db.count(&format!(
        "SELECT COUNT(*) FROM help_responses r JOIN memberships m ON m.id = r.member_id JOIN users u ON u.id = m.user_id \
         WHERE u.email = '{}'", samenspel::demo::email("sanne"))).await;
    assert_eq!(help, 1, "her yes stands on the help request, for the circle to choose");
    assert!(marieke.get(&circle_pool).await.body.contains("Sanne de Boer helpt en zit nu in de kring."));
    // Accepting twice is not possible.
    let twice = sanne.post(&format!("/organisations/{org}/my-pool/accept"), &[("offer", &offer)]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let audited = app
        .db
        .count(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('pool.ask', 'pool.accept') AND object_type = 'pool-offer'",
        )
        .await;
    assert_eq!(audited, 2);

    // Who may keep the pool: a location's coach yes; its manager, a family carer and an outsider not.
    let mut anouk = app.signed_in(&person(&app, "anouk").await).await;
    assert_eq!(anouk.get(&pool).await.status, StatusCode::OK);
    // The other location's coach sees nothing of this circle's offers.
    assert_eq!(anouk.get(&circle_pool).await.status, StatusCode::NOT_FOUND);
    let mut petra = app.signed_in(&person(&app, "petra").await).await;
    assert_eq!(petra.get(&pool).await.status, StatusCode::FORBIDDEN);
    let mut ans = app.signed_in(&person(&app, "ans").await).await;
    assert_eq!(ans.get(&pool).await.status, StatusCode::FORBIDDEN);
    assert_eq!(ans.get(&circle_pool).await.status, StatusCode::FORBIDDEN, "only the circle's coordinator");
    let mut ingrid = app.signed_in(&person(&app, "ingrid").await).await;
    assert_eq!(ingrid.get(&pool).await.status, StatusCode::NOT_FOUND);
    // A pool volunteer does not keep the pool.
    assert_eq!(ruud.get(&pool).await.status, StatusCode::FORBIDDEN);
}

pub async fn expense_claims_are_decided_never_by_their_claimant_and_exported(db: TestDb) {
    let app = TestApp::new(db).await;
    let (org, _) = demo(&app).await;
    let mut sanne = app.signed_in(&person(&app, "sanne").await).await;
    sanne.get("/pool").await;
    let claims = format!("/organisations/{org}/my-pool/claims");
    let bad = sanne.post(&claims, &[("on_date", ""), ("km", "veel"), ("description", "Rit")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Vul een datum in.") && bad.body.contains("value=\"Rit\""), "{}", bad.body);
    let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz")).date();
    let good = [
        ("on_date", today.to_string()),
        ("km", "10".into()),
        ("costs", "1,20".into()),
        ("description", "Naar de apotheek".into()),
    ];
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(sanne.post(&claims, &good).await.status, StatusCode::SEE_OTHER);
    assert!(sanne.get("/pool").await.body.contains("Naar de apotheek"));

    let mut joost = app.signed_in(&person(&app, "joost").await).await;
    let list = joost.get(&format!("/organisations/{org}/expenses")).await.body;
    assert!(list.contains("Naar de apotheek") && list.contains("Zakjes tuinaarde"), "{list}");
    let id = app.db.strings("SELECT id FROM expense_claims WHERE description = 'Naar de apotheek'").await.remove(0);
    let approve = joost.post(&format!("/organisations/{org}/expenses/{id}"), &[("decision", "approve")]).await;
    assert_eq!(approve.status, StatusCode::SEE_OTHER);
    let again = joost.post(&format!("/organisations/{org}/expenses/{id}"), &[("decision", "reject")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once");
    // 10 km at 23 cents and € 1,20: € 3,50 in the month's export.
    let month = today.strftime("%Y-%m").to_string();
    let csv = joost.get(&format!("/organisations/{org}/expenses.csv?month={month}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let line = csv.body.lines().find(|l| l.contains("Naar de apotheek")).expect("the approved claim").to_owned();
    assert!(line.contains("Sanne de Boer") && line.contains("2,30") && line.contains("3,50"), "{line}");
    assert!(!csv.body.contains("Zakjes tuinaarde"), "only approved claims");

    // A keeper who is in the pool too does not approve their own claim.
    let mut pool_api = app.api_as(&person(&app, "joost").await).await;
    let r = pool_api
        .api(
            Method::POST,
            &format!("/api/v1/organisations/{org}/pool"),
            Some(serde_json::json!({"name": "Joost van Dam", "email": samenspel::demo::email("joost")})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let own = [("on_date", today.to_string()), ("km", "4".into()), ("description", "Eigen rit".into())];
    let own: Vec<(&str, &str)> = own.iter().map(|(k, v)| (*k, v.as_str())).collect();
    joost.get("/pool").await;
    assert_eq!(joost.post(&claims, &own).await.status, StatusCode::SEE_OTHER);
    let own_id = app.db.strings("SELECT id FROM expense_claims WHERE description = 'Eigen rit'").await.remove(0);
    let r = joost.post(&format!("/organisations/{org}/expenses/{own_id}"), &[("decision", "approve")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // The API lists what waits; a volunteer cannot reach the keepers' list.
    let json =
        pool_api.api(Method::GET, &format!("/api/v1/organisations/{org}/expenses?status=submitted"), None).await.json();
    let waiting: Vec<&str> =
        json["claims"].as_array().expect("list").iter().filter_map(|c| c["description"].as_str()).collect();
    assert!(waiting.contains(&"Eigen rit") && !waiting.contains(&"Naar de apotheek"), "{json}");
    let mut sanne_api = app.api_as(&person(&app, "sanne").await).await;
    let r = sanne_api.api(Method::GET, &format!("/api/v1/organisations/{org}/expenses"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Her own side over the API: the offer with a first name only.
    let mine = sanne_api.api(Method::GET, "/api/v1/pool", None).await;
    assert_eq!(mine.status, StatusCode::OK);
    let invitations = &mine.json()["pools"][0]["invitations"];
    assert_eq!(invitations[0]["first_name"], "Henk", "{invitations}");
    assert!(!mine.body.contains("de Vries"));
}

pub async fn a_lapsing_vog_is_warned_about_once_and_the_rules_are_the_managers(db: TestDb) {
    let app = TestApp::new(db).await;
    let (org, _) = demo(&app).await;
    let now = jiff::Timestamp::now();
    assert_eq!(samenspel::jobs::warn_lapsing_vogs(&app.state, now).await.expect("warn"), 1, "Ruud's");
    assert_eq!(samenspel::jobs::warn_lapsing_vogs(&app.state, now).await.expect("warn"), 0, "once");
    let ruud = samenspel::demo::email("ruud");
    let mails = app
        .db
        .count(&format!(
            "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%{ruud}%' AND payload LIKE '%Je VOG verloopt binnenkort%'"
        ))
        .await;
    assert_eq!(mails, 1);
    // A month later it has lapsed: still one warning per certificate.
    let later = now.checked_add(jiff::SignedDuration::from_hours(24 * 30)).expect("later");
    assert_eq!(samenspel::jobs::warn_lapsing_vogs(&app.state, later).await.expect("warn"), 0);
    // A new VOG entered: the next lapse is warned about in its own time.
    let ruud_id = app
        .db
        .strings(
            "SELECT p.id FROM pool_volunteers p JOIN users u ON u.id = p.user_id WHERE u.display_name = 'Ruud Jansen'",
        )
        .await
        .remove(0);
    let mut joost = app.signed_in(&person(&app, "joost").await).await;
    joost.get("/circles").await;
    let today = now.to_zoned(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz")).date().to_string();
    let record = [("vog_issued_on", today.as_str()), ("insurance", ""), ("active", "on")];
    assert_eq!(
        joost.post(&format!("/organisations/{org}/pool/{ruud_id}/record"), &record).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(samenspel::jobs::warn_lapsing_vogs(&app.state, later).await.expect("warn"), 0);
    // The organisation may drop the requirement: the managers set the rules, a coach does not.
    assert_eq!(joost.get(&format!("/organisations/{org}/pool-rules")).await.status, StatusCode::FORBIDDEN);
    let mut marieke = app.signed_in(&person(&app, "marieke").await).await;
    let rules_page = marieke.get(&format!("/organisations/{org}/pool-rules")).await;
    assert_eq!(rules_page.status, StatusCode::OK);
    let bad = marieke
        .post(
            &format!("/organisations/{org}/pool-rules"),
            &[("vog_required", "on"), ("vog_months", "0"), ("warn_days", "30"), ("km_rate", "0,21")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"0,21\""));
    let good = [("vog_months", "24"), ("warn_days", "30"), ("km_rate", "0,21")];
    assert_eq!(marieke.post(&format!("/organisations/{org}/pool-rules"), &good).await.status, StatusCode::SEE_OTHER);
    let json = app
        .api_as(&person(&app, "marieke").await)
        .await
        .api(Method::GET, &format!("/api/v1/organisations/{org}/pool-rules"), None)
        .await
        .json();
    assert_eq!(json, serde_json::json!({"vog_required": false, "vog_months": 24, "warn_days": 30, "km_cents": 21}));
    // Without the requirement, Gijs (no VOG) can be asked now.
    let page = joost.get(&format!("/organisations/{org}/pool?vog=1")).await.body;
    assert!(!page.contains("Gijs Hoekstra"), "a missing VOG needs no attention when none is required");
}
