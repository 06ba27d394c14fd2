//! The carer check-in: a family carer fills in the EDIZ, sees the score
//! explained and the trend; nobody else — professional, coordinator, another
//! carer, a volunteer, an outsider — sees the answers or the score.

use crate::support::{TestApp, TestDb, coordinator, professional, relative, representative, volunteer};
use axum::http::{Method, StatusCode};
use samenspel_core::role::Role;
use serde_json::json;

fn all(code: &str) -> Vec<(String, String)> {
    (1..=9).map(|i| (format!("ediz-{i}"), code.to_string())).collect()
}

pub async fn only_the_carer_sees_the_check_in(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [ellen, ans, kees, fatima, marieke, thijs]) = app
        .cast(
            "Henk de Vries",
            [
                representative("Ellen"),
                relative("Ans").manager(),
                relative("Kees"),
                professional("Fatima"),
                coordinator("Marieke"),
                volunteer("Thijs"),
            ],
        )
        .await;
    let outsider = app.outsider().await;
    let path = format!("/circles/{circle}/check-in");

    let mut page = app.signed_in(&ans).await;
    let form = page.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Alleen jij ziet je antwoorden en je score."));
    assert!(form.body.contains("Ik moet altijd maar klaarstaan voor mijn naaste"), "the published wording");

    // One statement left out: named, and the other answers stay ticked.
    let mut answers = all("nee");
    answers.retain(|(k, _)| k != "ediz-7");
    let fields: Vec<(&str, &str)> = answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = page.post(&path, &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Beantwoord alle negen de stellingen."));
    assert!(r.body.contains(r#"id="ediz-7-error""#), "the missing statement is marked");
    assert!(r.body.contains(r##"<a href="#ediz-7">"##), "the summary leads to it");
    assert!(r.body.contains(r#"name="ediz-1" value="nee" checked"#));
    assert!(!r.body.contains("Je score:"), "nothing was saved");

    // Worked by hand: Min of meer, Ja and Ja! count, Nee and Nee! do not → 4.
    let mixed = ["nee", "min-of-meer", "nee!", "ja", "nee", "ja!", "nee!", "ja", "nee"];
    let fields: Vec<(String, String)> =
        mixed.iter().enumerate().map(|(i, c)| (format!("ediz-{}", i + 1), c.to_string())).collect();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = page.post(&path, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = page.get(&path).await;
    assert!(shown.body.contains("Je score: 4 van 9"), "{}", shown.body);
    assert!(shown.body.contains("Hoe hoger de score, hoe meer druk je voelt"), "the meaning in plain Dutch");
    assert!(!shown.body.contains("trend-chart"), "one check-in is no trend yet");

    // A second one through the API: the trend appears as a chart and a table.
    let mut ans_api = app.api_as(&ans).await;
    let body: serde_json::Map<String, serde_json::Value> = all("ja!").into_iter().map(|(k, v)| (k, json!(v))).collect();
    let r =
        ans_api.api(Method::POST, &format!("/api/v1/circles/{circle}/check-ins"), Some(json!({"answers": body}))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["total"], 9);
    let shown = page.get(&path).await;
    assert!(shown.body.contains(r#"class="trend-chart""#) && shown.body.contains(r#"role="img""#));
    assert!(shown.body.contains("Scores, van oud naar nieuw: 4, 9."));
    assert_eq!(shown.body.matches("<tr><td>").count(), 2, "the table holds both");
    let mine = ans_api.api(Method::GET, &format!("/api/v1/circles/{circle}/check-ins"), None).await.json();
    assert_eq!(
        mine.as_array().map(|a| a.iter().map(|c| c["total"].as_i64().unwrap_or(-1)).collect::<Vec<_>>()),
        Some(vec![4, 9])
    );

    // Nobody else: not the professional, the coordinator, a volunteer or an outsider…
    for (who, status) in [(&fatima, 403), (&marieke, 403), (&thijs, 403), (&outsider, 404)] {
        let mut c = app.signed_in(who).await;
        let r = c.get(&path).await;
        assert_eq!(r.status.as_u16(), status, "{} on the page", who.name);
        assert!(!r.body.contains("Je score"));
        let mut a = app.api_as(who).await;
        let r = a.api(Method::GET, &format!("/api/v1/circles/{circle}/check-ins"), None).await;
        assert_eq!(r.status.as_u16(), status, "{} on the API", who.name);
        assert!(!r.body.contains("\"total\""));
        let card = c.get(&format!("/circles/{circle}/members/{}", app.member_id(&circle, &ans).await)).await;
        assert!(
            !card.body.contains("4 van 9") && !card.body.contains("check-in"),
            "{}: nothing on Ans's card",
            who.name
        );
    }
    // …nor another family carer, who has a check-in of his own, empty.
    let mut kees_api = app.api_as(&kees).await;
    let theirs = kees_api.api(Method::GET, &format!("/api/v1/circles/{circle}/check-ins"), None).await.json();
    assert_eq!(theirs, json!([]));
    let mut kees_page = app.signed_in(&kees).await;
    assert!(!kees_page.get(&path).await.body.contains("Je score"));

    // Ans shares a signal with the coordinator: Marieke sees it, Fatima does not.
    let r = page
        .post(
            &format!("{path}/signal"),
            &[("audience", "coordinator"), ("message", "Ik wil graag een dag per week vrij.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let options = page.get(&path).await;
    assert!(options.body.contains("Vraag de kring om iemand die het even van je overneemt"), "concrete options follow");
    assert!(options.body.contains("Praat met Marieke (coördinator)"));
    let overview = format!("/circles/{circle}");
    let mut marieke_page = app.signed_in(&marieke).await;
    let seen = marieke_page.get(&overview).await;
    assert!(seen.body.contains("Ans kan wel wat hulp gebruiken.") && seen.body.contains("een dag per week vrij"));
    assert!(!seen.body.contains("van 9") && !seen.body.contains("Je score"), "the signal only, never the score");
    let mut fatima_page = app.signed_in(&fatima).await;
    assert!(!fatima_page.get(&overview).await.body.contains("Ans kan wel wat hulp gebruiken."));
    let mut fatima_api = app.api_as(&fatima).await;
    let signals = format!("/api/v1/circles/{circle}/signals");
    assert_eq!(fatima_api.api(Method::GET, &signals, None).await.json(), json!([]));

    // Shared with the whole circle instead: now Fatima sees the signal, still not the score.
    let r =
        ans_api.api(Method::POST, &signals, Some(json!({"audience": "circle", "message": "Wie kan zaterdag?"}))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let seen = fatima_api.api(Method::GET, &signals, None).await.json();
    assert_eq!(seen.as_array().map(Vec::len), Some(1), "the earlier one was replaced");
    assert_eq!(seen[0]["message"], "Wie kan zaterdag?");
    assert!(seen[0].get("total").is_none() && seen[0].get("score").is_none());
    let shown = fatima_page.get(&overview).await;
    assert!(shown.body.contains("Ans kan wel wat hulp gebruiken."));
    assert!(!shown.body.contains("van 9"));
    // Offering help opens the logbook form with a first sentence to go on from.
    let offer =
        shown.body.split("logbook/new?kind=update&amp;body=").nth(1).and_then(|r| r.split('"').next()).unwrap_or("");
    assert!(!offer.is_empty(), "an offer link follows the signal");
    let form = fatima_page.get(&format!("/circles/{circle}/logbook/new?kind=update&body={offer}")).await;
    assert!(form.body.contains(">Ik kan Ans helpen:</textarea>"), "{}", form.body);
    assert_eq!(fatima_page.get(&path).await.status, StatusCode::FORBIDDEN, "the check-in itself stays closed");
    let mut outsider_api = app.api_as(&outsider).await;
    assert_eq!(outsider_api.api(Method::GET, &signals, None).await.status, StatusCode::NOT_FOUND);
    // Only a family carer shares a signal; a professional cannot send one in someone's name.
    assert_eq!(
        fatima_api.api(Method::POST, &signals, Some(json!({"audience": "circle"}))).await.status,
        StatusCode::FORBIDDEN
    );

    // Taken back: gone for everyone.
    let r = page.post(&format!("{path}/signal/withdraw"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(fatima_api.api(Method::GET, &signals, None).await.json(), json!([]));
    assert!(!marieke_page.get(&overview).await.body.contains("kan wel wat hulp gebruiken"));

    // The client's audit trail shows who looked at the client's data, not
    // that Ans filled in her check-in or asked for help: that is hers to tell.
    let mut ellen_page = app.signed_in(&ellen).await;
    let trail = ellen_page.get(&format!("/circles/{circle}/audit")).await;
    assert_eq!(trail.status, StatusCode::OK);
    assert!(trail.body.contains("Marieke"), "the trail itself is there: {}", trail.body);
    for private in ["mantelzorgcheck", "hulp nodig", "hulpsignaal"] {
        assert!(!trail.body.contains(private), "{private:?} in the client's audit trail");
    }
}

const WIFA: [&str; 8] = ["wifa-w1", "wifa-w2", "wifa-i1", "wifa-i2", "wifa-f1", "wifa-f2", "wifa-a1", "wifa-a2"];

pub async fn a_volunteer_check_in_reaches_only_the_coordinators_once_shared(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [ans, thijs, jesse, marieke, fatima]) = app
        .cast(
            "Henk de Vries",
            [
                relative("Ans").manager(),
                volunteer("Thijs"),
                volunteer("Jesse"),
                coordinator("Marieke"),
                professional("Fatima"),
            ],
        )
        .await;
    let path = format!("/circles/{circle}/volunteer-check-in");
    let mut page = app.signed_in(&thijs).await;
    let form = page.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Dit is geen test en er is geen score."), "not a validated scan, and it says so");
    assert!(form.body.contains("Ik voel me gewaardeerd door de cliënt en de familie."));

    // One question left open: a clear message, the rest kept.
    let mut fields: Vec<(&str, &str)> = WIFA.iter().map(|k| (*k, "ja")).collect();
    fields[4].1 = "nee";
    let r = page.post(&path, &fields[1..]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Beantwoord alle vragen."));
    assert!(r.body.contains(r#"name="wifa-f1" value="nee" checked"#));
    // Kept privately.
    let r = page.post(&path, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let thijs_member = app.member_id(&circle, &thijs).await;
    let card = format!("/circles/{circle}/members/{thijs_member}");
    let shared = format!("/api/v1/circles/{circle}/volunteer-check-ins/shared");
    let mut marieke_page = app.signed_in(&marieke).await;
    let mut marieke_api = app.api_as(&marieke).await;
    assert!(!marieke_page.get(&card).await.body.contains("Ik voel me gewaardeerd"), "not shared yet");
    assert_eq!(marieke_api.api(Method::GET, &shared, None).await.json(), json!([]));

    // Nobody else touches it: not another volunteer, not a family carer.
    let mine =
        app.api_as(&thijs).await.api(Method::GET, &format!("/api/v1/circles/{circle}/volunteer-check-ins"), None).await;
    let response = mine.json()[0]["id"].as_str().unwrap_or_default().to_string();
    assert_eq!(mine.json()[0]["answers"]["wifa-f1"], "nee");
    let share = format!("/api/v1/circles/{circle}/volunteer-check-ins/{response}/share");
    assert_eq!(app.api_as(&jesse).await.api(Method::POST, &share, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.api_as(&ans).await.api(Method::POST, &share, None).await.status, StatusCode::FORBIDDEN);
    let mut ans_page = app.signed_in(&ans).await;
    assert_eq!(ans_page.get(&path).await.status, StatusCode::FORBIDDEN);

    // Shared: the coordinator reads it on Thijs's card and in the API; a professional never does.
    assert_eq!(app.api_as(&thijs).await.api(Method::POST, &share, None).await.status, StatusCode::NO_CONTENT);
    let seen = marieke_page.get(&card).await;
    assert!(seen.body.contains("Ik voel me gewaardeerd door de cliënt en de familie."), "{}", seen.body);
    assert!(seen.body.contains("<dd>Nee</dd>"), "the answer, in words");
    let list = marieke_api.api(Method::GET, &shared, None).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["member_name"], "Thijs");
    let mut fatima_api = app.api_as(&fatima).await;
    assert_eq!(fatima_api.api(Method::GET, &shared, None).await.json(), json!([]));
    let mut fatima_page = app.signed_in(&fatima).await;
    assert!(!fatima_page.get(&card).await.body.contains("Ik voel me gewaardeerd"));
}

pub async fn reminders_come_on_the_carers_rhythm_without_a_score(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let path = format!("/circles/{circle}/check-in");
    let mut page = app.signed_in(&ans).await;
    assert!(page.get(&path).await.body.contains("Je krijgt geen herinnering."));
    let r = page.post(&format!("{path}/reminder"), &[("every_weeks", "2")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = page.get(&path).await;
    assert!(shown.body.contains("De volgende herinnering komt op"), "{}", shown.body);
    assert!(shown.body.contains(r#"<option value="2" selected>Elke 2 weken</option>"#));
    // Only the rhythms on offer; and only for the carer herself.
    let mut api = app.api_as(&ans).await;
    let reminder = format!("/api/v1/circles/{circle}/check-in-reminder");
    let r = api.api(Method::PUT, &reminder, Some(json!({"every_weeks": 3}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("reminder-weeks-invalid"));
    let r = app.api_as(&thijs).await.api(Method::PUT, &reminder, Some(json!({"every_weeks": 1}))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Nothing before two weeks; one reminder after; not twice.
    let now = samenspel_core::Timestamp::now();
    let days = |n: i64| now.checked_add(jiff::SignedDuration::from_hours(24 * n)).expect("time");
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(13)).await.expect("ran"), 0);
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(15)).await.expect("ran"), 1);
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(15)).await.expect("ran"), 0, "sent once");
    // The e-mail waits for the quiet hours to pass; half a day later it is out.
    samenspel::jobs::run_due_at(
        &app.state,
        "test-worker",
        days(15).checked_add(jiff::SignedDuration::from_hours(12)).expect("time"),
    )
    .await
    .expect("jobs ran");
    let mails = app.mails_to(&ans.email);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("Tijd voor je mantelzorgcheck"));
    assert!(mails[0].contains(&format!("/circles/{circle}/check-in")));
    assert!(!mails[0].contains("van 9"), "a reminder never carries a score");
    assert!(app.mails_to(&thijs.email).is_empty());

    // The next one comes a rhythm later; filling in the check-in moves it on too.
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(27)).await.expect("ran"), 0);
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(30)).await.expect("ran"), 1);
    let answers: serde_json::Map<String, serde_json::Value> =
        all("nee").into_iter().map(|(k, v)| (k, json!(v))).collect();
    let r =
        api.api(Method::POST, &format!("/api/v1/circles/{circle}/check-ins"), Some(json!({"answers": answers}))).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        samenspel::jobs::send_checkin_reminders(&app.state, days(13)).await.expect("ran"),
        0,
        "reset by the check-in"
    );

    // Stopped: no more.
    let r = api.api(Method::PUT, &reminder, Some(json!({"every_weeks": null}))).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, days(400)).await.expect("ran"), 0);
    assert!(page.get(&path).await.body.contains("Je krijgt geen herinnering."));
}
