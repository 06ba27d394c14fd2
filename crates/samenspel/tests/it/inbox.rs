//! The coach's inbox (issue 14): what needs a person across the circles a
//! coordinator coordinates — a carer's signal, an unanswered help request, an
//! agreement due for review, a newcomer — with who took it on and a "done"
//! mark that also counts as followed up in the samenspelmonitor. Another
//! circle's items never show, and only a current item can be marked.

use crate::support::{TestApp, TestDb};
use axum::http::StatusCode;
use samenspel_core::Timestamp;
use samenspel_core::role::Role;

pub async fn a_coach_sees_what_needs_a_person_takes_it_on_and_marks_it_done(db: TestDb) {
    let app = TestApp::new(db).await;
    let now = Timestamp::now();
    let (coach, other_coach, ans, thijs, fatima, stranger_coach) = (
        app.user("Coach Joost").await,
        app.user("Coach Anouk").await,
        app.user("Ans").await,
        app.user("Thijs").await,
        app.user("Fatima").await,
        app.user("Coach Elders").await,
    );
    let circle = app
        .circle(
            "Henk de Vries",
            &[
                (&coach, Role::Coordinator, true),
                (&other_coach, Role::Coordinator, false),
                (&ans, Role::Relative, false),
                (&thijs, Role::Volunteer, false),
                (&fatima, Role::Professional, false),
            ],
        )
        .await;
    let elsewhere =
        app.circle("Wim Bos", &[(&stranger_coach, Role::Coordinator, true), (&thijs, Role::Volunteer, false)]).await;
    let ans_me = app.acting_as(&ans).await;
    let ans_ctx = app.ctx(&ans_me, now);
    let signal = samenspel::service::checkins::share_signal(&ans_ctx, &circle, "coordinator", "Het wordt me te veel")
        .await
        .expect("signal");
    let day = samenspel::i18n::local(&now).date().checked_add(jiff::Span::new().days(3)).expect("day").to_string();
    let ride = samenspel_core::help::RequestInput {
        template: "ride".into(),
        title: "Rit naar de tandarts".into(),
        date: day.clone(),
        ..Default::default()
    };
    let help = samenspel::service::help::ask(&ans_ctx, &circle, &ride).await.expect("help request");
    let fatima_me = app.acting_as(&fatima).await;
    let review = samenspel_core::agreement::AgreementInput {
        domain: "personal_care".into(),
        step: 5,
        description: "Hulp bij het douchen".into(),
        doer_name: "thuiszorg".into(),
        review_on: samenspel::i18n::local(&now).date().yesterday().expect("yesterday").to_string(),
        ..Default::default()
    };
    samenspel::service::agreements::add(&app.ctx(&fatima_me, now), &circle, &review).await.expect("agreement");
    // Something in the other circle, which is not this coach's.
    let stranger_ctx_user = app.acting_as(&stranger_coach).await;
    let other_ride = samenspel_core::help::RequestInput { title: "Boodschappen voor Wim".into(), ..ride.clone() };
    samenspel::service::help::ask(&app.ctx(&stranger_ctx_user, now), &elsewhere, &other_ride).await.expect("other");

    let mut c = app.signed_in(&coach).await;
    assert!(c.get("/circles").await.body.contains("href=\"/inbox\""), "the way to the inbox");
    let page = c.get("/inbox").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for text in [
        "Mantelzorgers die hulp kunnen gebruiken",
        "Het wordt me te veel",
        "Rit naar de tandarts",
        "Hulp bij het douchen",
        "Thijs",
    ] {
        assert!(page.body.contains(text), "{text} is in the inbox: {}", page.body);
    }
    assert!(!page.body.contains("Boodschappen voor Wim"), "another circle's request");
    assert!(!page.body.contains("Coach Anouk</a>"), "a fellow coordinator is no newcomer to meet");

    // I take the signal on: the other coordinator sees who is on it.
    let key = format!("signal:{signal}");
    let r = c.post(&format!("/circles/{circle}/inbox/claim"), &[("key", &key)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(c.get("/inbox?done=claimed").await.body.contains("Opgepakt door jou"));
    let mut c2 = app.signed_in(&other_coach).await;
    assert!(c2.get("/inbox").await.body.contains("Opgepakt door Coach Joost"));

    // Done: gone from the list, and followed up for the monitor.
    let r = c.post(&format!("/circles/{circle}/inbox/done"), &[("key", &key)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = c.get("/inbox").await;
    assert!(!page.body.contains("Het wordt me te veel"), "{}", page.body);
    let followed = app
        .db
        .count(&format!("SELECT COUNT(*) FROM care_signals WHERE id = '{signal}' AND followed_up_at IS NOT NULL"))
        .await;
    assert_eq!(followed, 1);
    // Marking it again, an invented item, or another circle's item: not found.
    assert_eq!(c.post(&format!("/circles/{circle}/inbox/done"), &[("key", &key)]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        c.post(&format!("/circles/{circle}/inbox/done"), &[("key", "help:nope")]).await.status,
        StatusCode::NOT_FOUND
    );
    let theirs = format!("help:{help}");
    assert_eq!(
        c.post(&format!("/circles/{elsewhere}/inbox/claim"), &[("key", &theirs)]).await.status,
        StatusCode::NOT_FOUND
    );

    // The same over the API, for a rostering or reporting tool.
    let mut api = app.api_as(&coach).await;
    let json: serde_json::Value = serde_json::from_str(&api.get("/api/v1/inbox").await.body).expect("json");
    let items = json["items"].as_array().expect("items");
    assert!(items.iter().any(|i| i["kind"] == "help" && i["subject"] == "Rit naar de tandarts"), "{json}");
    assert!(items.iter().all(|i| i["circle_id"] == circle.to_string()), "only my circles: {json}");
    let review =
        items.iter().find(|i| i["kind"] == "review").expect("a review")["key"].as_str().expect("key").to_owned();
    let body = serde_json::json!({"key": review});
    let r = api.api(axum::http::Method::POST, &format!("/api/v1/circles/{circle}/inbox/claim"), Some(body)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let json: serde_json::Value = serde_json::from_str(&api.get("/api/v1/inbox").await.body).expect("json");
    let claimed = json["items"].as_array().expect("items").iter().find(|i| i["key"] == review.as_str()).cloned();
    assert_eq!(claimed.expect("still open")["claimed_by_me"], true);

    // The help request leaves the inbox once someone offers to help.
    let thijs_me = app.acting_as(&thijs).await;
    samenspel::service::help::respond(&app.ctx(&thijs_me, now), &circle, &help, "Ik rijd").await.expect("offer");
    assert!(!c.get("/inbox").await.body.contains("Rit naar de tandarts"));

    // A family carer has no inbox of their own and cannot mark one.
    let mut ans_client = app.signed_in(&ans).await;
    assert!(!ans_client.get("/circles").await.body.contains("href=\"/inbox\""));
    let newcomer = format!("newcomer:{}", app.member_id(&circle, &thijs).await);
    let r = ans_client.post(&format!("/circles/{circle}/inbox/done"), &[("key", &newcomer)]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(ans_client.get("/inbox").await.body.contains("Er staat niets open"));
    // Every look at a circle's items and every mark is in the audit trail.
    assert!(app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.circle'").await >= 4);
    assert_eq!(
        app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.done' AND outcome = 'allowed'").await,
        3
    );
}
