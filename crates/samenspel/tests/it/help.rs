//! Help requests: a coordinator asks on a carer's behalf from a template;
//! members offer; the carer picks one and the task lands in the helper's
//! agenda and calendar feed; a second pick is refused; a request for the
//! professionals only reaches nobody else.

use crate::support::{Part, TestApp, TestDb, client, coordinator, professional, relative, volunteer};
use axum::http::StatusCode;

/// Henk (the client), his family carers Ans and Kees, coordinator Marieke
/// and volunteer Thijs: who asks, for whom, and who offers (here and in
/// `help_api`).
pub const HENK_AND_HELPERS: [Part; 5] =
    [client("Henk"), relative("Ans"), coordinator("Marieke"), volunteer("Thijs"), relative("Kees")];

/// Two professionals, Fatima and Jan, and volunteer Thijs: a request for the
/// professionals only (here and in `help_api`).
pub const FATIMA_JAN_THIJS: [Part; 3] = [professional("Fatima"), professional("Jan"), volunteer("Thijs")];

fn next_week() -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz");
    jiff::Zoned::now().with_time_zone(tz).date().checked_add(jiff::Span::new().days(7)).expect("date").to_string()
}

pub async fn a_request_on_someones_behalf_lands_in_the_helpers_agenda(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [_henk, ans, marieke, thijs, kees]) = app.cast("Henk de Vries", HENK_AND_HELPERS).await;
    let outsider = app.outsider().await;
    let mut c_marieke = app.signed_in(&marieke).await;
    let mut c_ans = app.signed_in(&ans).await;
    let mut c_thijs = app.signed_in(&thijs).await;
    let mut c_kees = app.signed_in(&kees).await;
    let mut c_outsider = app.signed_in(&outsider).await;
    let base = format!("/circles/{circle}/help");
    for client in [&mut c_marieke, &mut c_ans, &mut c_thijs, &mut c_kees, &mut c_outsider] {
        assert_eq!(client.get("/circles").await.status, StatusCode::OK);
    }
    // The template fills in a first title.
    let form = c_marieke.get(&format!("{base}/new?template=ride")).await;
    assert!(form.body.contains("value=\"Rit naar het ziekenhuis\""), "{}", form.body);

    // Marieke asks on Ans's behalf.
    let ans_member = app.member_id(&circle, &ans).await.to_string();
    let day = next_week();
    let r = c_marieke
        .post(
            &base,
            &[
                ("template", "ride"),
                ("title", "Rit naar het ziekenhuis"),
                ("date", &day),
                ("from_time", "09:30"),
                ("until_time", "12:00"),
                ("asked_for", &ans_member),
                ("details", "Henk moet naar de geheugenpoli."),
                ("audience", "circle"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().expect("to the request").to_owned();
    let request = location.strip_prefix(&format!("{base}/")).and_then(|s| s.split('?').next()).expect("id").to_owned();
    let page = c_ans.get(&format!("/circles/{circle}")).await;
    assert!(page.body.contains("Rit naar het ziekenhuis"), "open requests show on the overview");
    assert!(page.body.contains("Marieke, voor Ans"), "{}", page.body);
    assert_eq!(c_outsider.get(&format!("{base}/{request}")).await.status, StatusCode::NOT_FOUND);
    // The e-mail says it in one plain sentence.
    app.run_jobs_at(jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_hours(12)).expect("time")).await;
    let mails = app.mails_to(&thijs.email);
    assert!(mails.iter().any(|m| m.contains("Marieke vraagt hulp voor Ans, ")), "{mails:?}");

    // Thijs and Kees offer; Ans (it is for her) picks Thijs.
    for (client, message) in [(&mut c_thijs, "Ik kan rijden."), (&mut c_kees, "")] {
        assert_eq!(client.get(&format!("{base}/{request}")).await.status, StatusCode::OK);
        let r = client.post(&format!("{base}/{request}/respond"), &[("message", message)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    // Kees may not pick (he neither asked nor is it for him, nor does he manage).
    let thijs_member = app.member_id(&circle, &thijs).await.to_string();
    let refused = c_kees.post(&format!("{base}/{request}/choose"), &[("helper", &thijs_member)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let page = c_ans.get(&format!("{base}/{request}")).await;
    assert!(page.body.contains("Ik kan rijden."), "{}", page.body);
    let r = c_ans.post(&format!("{base}/{request}/choose"), &[("helper", &thijs_member)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = c_marieke.post(&format!("{base}/{request}/choose"), &[("helper", &thijs_member)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "chosen once");

    // It is in Thijs's agenda, with him going along, and in his calendar feed.
    let agenda = c_thijs.get(&format!("/circles/{circle}/agenda")).await;
    assert!(agenda.body.contains("Rit naar het ziekenhuis"), "{}", agenda.body);
    assert!(agenda.body.contains("Mee: Thijs"), "{}", agenda.body);
    assert_eq!(c_thijs.get("/account").await.status, StatusCode::OK);
    let made = c_thijs.post("/account/calendar", &[]).await;
    let start = made.body.find("/calendar/").expect("an address");
    let path: String = made.body[start..].chars().take_while(|c| *c != '"').collect();
    let feed = app.client().get(&path).await;
    assert!(feed.body.contains("SUMMARY:Henk de Vries: Rit naar het ziekenhuis"), "{}", feed.body);
    assert!(feed.body.contains("T093000"), "the window's start: {}", feed.body);
    // The overview no longer lists it as open.
    let page = c_ans.get(&format!("/circles/{circle}")).await;
    assert!(!page.body.contains("Marieke, voor Ans"), "{}", page.body);
    // Offering on a settled request is refused.
    let late = c_kees.post(&format!("{base}/{request}/respond"), &[("message", "Toch nog?")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
}

pub async fn a_professionals_only_request_reaches_only_professionals(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [fatima, jan, thijs]) = app.cast("Henk de Vries", FATIMA_JAN_THIJS).await;
    let mut c_fatima = app.signed_in(&fatima).await;
    let mut c_thijs = app.signed_in(&thijs).await;
    let mut c_jan = app.signed_in(&jan).await;
    for client in [&mut c_fatima, &mut c_thijs, &mut c_jan] {
        assert_eq!(client.get("/circles").await.status, StatusCode::OK);
    }
    let base = format!("/circles/{circle}/help");
    let r = c_fatima
        .post(
            &base,
            &[
                ("template", "other"),
                ("title", "Wondzorg overnemen"),
                ("date", &next_week()),
                ("audience", "professionals"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let request =
        r.location().and_then(|l| l.rsplit('/').next()).and_then(|s| s.split('?').next()).expect("id").to_owned();
    assert!(c_jan.get(&base).await.body.contains("Wondzorg overnemen"));
    for path in [base.clone(), format!("/circles/{circle}")] {
        assert!(!c_thijs.get(&path).await.body.contains("Wondzorg"), "{path}");
    }
    assert_eq!(c_thijs.get(&format!("{base}/{request}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(c_thijs.post(&format!("{base}/{request}/respond"), &[]).await.status, StatusCode::NOT_FOUND);
    // Bad input is named, and what was typed stays.
    let bad = c_fatima
        .post(&base, &[("template", "ride"), ("title", ""), ("date", "2001-01-01"), ("details", "Graag")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Schrijf wat er nodig is.") && bad.body.contains("Die dag is al voorbij."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains(">Graag</textarea>"));
}
