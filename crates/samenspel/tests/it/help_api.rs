//! Help requests over the API: a coordinator asks on a carer's behalf; two
//! members offer; the carer picks one (a member who neither asked, nor is it
//! for, nor manages, may not) and exactly once; the task is in the helper's
//! agenda with the helper going along. A request for the professionals only
//! does not exist for a volunteer; bad input names its fields.

use crate::help;
use crate::support::{Resp, TUser, TestApp, TestDb};
use axum::http::{Method, StatusCode};
use jiff::civil::Date;
use serde_json::{Value, json};

fn next_week() -> Date {
    let today = jiff::Zoned::now().with_time_zone(samenspel::service::agenda::tz()).date();
    today.checked_add(jiff::Span::new().days(7)).expect("a date")
}

async fn call(app: &TestApp, who: &TUser, method: Method, path: &str, body: Option<Value>) -> Resp {
    app.api_as(who).await.api(method, &format!("/api/v1{path}"), body).await
}

fn ids(r: &Resp) -> Vec<String> {
    r.json().as_array().expect("a list").iter().map(|x| x["id"].as_str().expect("id").to_owned()).collect()
}

pub async fn a_request_on_someones_behalf_lands_in_the_helpers_agenda(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [henk, ans, marieke, thijs, kees]) = app.cast("Henk de Vries", help::HENK_AND_HELPERS).await;
    let base = format!("/circles/{circle}/help-requests");
    let ans_member = app.member_id(&circle, &ans).await.to_string();
    let thijs_member = app.member_id(&circle, &thijs).await.to_string();
    let day = next_week();

    // Marieke asks on Ans's behalf.
    let r = call(
        &app,
        &marieke,
        Method::POST,
        &base,
        Some(json!({
            "template": "ride",
            "title": "Rit naar het ziekenhuis",
            "details": "Henk moet naar de geheugenpoli.",
            "date": day.to_string(),
            "from_time": "09:30",
            "until_time": "12:00",
            "asked_for": ans_member,
        })),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let request = r.json()["id"].as_str().expect("id").to_owned();
    let one = format!("{base}/{request}");

    let list = call(&app, &ans, Method::GET, &base, None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(ids(&list), vec![request.clone()]);
    let listed = &list.json()[0];
    assert_eq!(listed["template"], "ride");
    assert_eq!(listed["status"], "open");
    assert_eq!(listed["asked_by"]["name"], "Marieke");
    assert_eq!(listed["asked_for"]["member_id"], ans_member.as_str());
    assert_eq!(listed["audience"], "circle");
    assert_eq!(listed["from"], format!("{day}T09:30"));
    assert_eq!(listed["until"], format!("{day}T12:00"));
    assert!(listed["start"].as_str().expect("start").starts_with(&format!("{day}T09:30:00+0")), "{listed}");
    assert!(listed["end"].as_str().expect("end").starts_with(&format!("{day}T12:00:00+0")), "{listed}");
    assert_eq!(listed["may_decide"], true, "it is for Ans");
    assert_eq!((&listed["helper"], &listed["item_id"]), (&Value::Null, &Value::Null));

    // Thijs and Kees offer; the client may not take tasks.
    for (who, message) in [(&thijs, "Ik kan rijden."), (&kees, "")] {
        let r = call(&app, who, Method::POST, &format!("{one}/responses"), Some(json!({"message": message}))).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    }
    let r = call(&app, &henk, Method::POST, &format!("{one}/responses"), Some(json!({"message": "Ik"}))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let long =
        call(&app, &kees, Method::POST, &format!("{one}/responses"), Some(json!({"message": "x".repeat(501)}))).await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(long.error_fields(), vec![("message".to_owned(), "help-message-too-long".to_owned())]);
    // Kees sends his offer twice at once (a double click): one offer, no error.
    let (mut k1, mut k2) = (app.api_as(&kees).await, app.api_as(&kees).await);
    let respond = format!("/api/v1{one}/responses");
    let (a, b) = tokio::join!(
        k1.api(Method::POST, &respond, Some(json!({"message": ""}))),
        k2.api(Method::POST, &respond, Some(json!({"message": ""})))
    );
    assert_eq!((a.status, b.status), (StatusCode::NO_CONTENT, StatusCode::NO_CONTENT), "{} / {}", a.body, b.body);
    let seen = call(&app, &ans, Method::GET, &one, None).await.json();
    let offers: Vec<(&str, &str)> = seen["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .map(|x| (x["name"].as_str().expect("name"), x["message"].as_str().expect("message")))
        .collect();
    assert_eq!(offers, vec![("Thijs", "Ik kan rijden."), ("Kees", "")]);

    // Kees neither asked, nor is it for him, nor does he manage: he may not pick.
    let choose = format!("{one}/choose");
    let kees_view = call(&app, &kees, Method::GET, &one, None).await.json();
    assert_eq!(kees_view["may_decide"], false);
    let refused = call(&app, &kees, Method::POST, &choose, Some(json!({"helper": thijs_member}))).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    // Only someone who offered can be picked.
    let henk_member = app.member_id(&circle, &henk).await.to_string();
    let r = call(&app, &ans, Method::POST, &choose, Some(json!({"helper": henk_member}))).await;
    assert_eq!(r.error_fields(), vec![("helper".to_owned(), "help-helper-did-not-respond".to_owned())], "{}", r.body);
    // Ans (it is for her) picks Thijs; a second pick is refused.
    let r = call(&app, &ans, Method::POST, &choose, Some(json!({"helper": thijs_member}))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let item = r.json()["item_id"].as_str().expect("item id").to_owned();
    let again = call(&app, &marieke, Method::POST, &choose, Some(json!({"helper": thijs_member}))).await;
    assert_eq!(
        (again.status, again.error_code()),
        (StatusCode::CONFLICT, "help-not-open".to_owned()),
        "{}",
        again.body
    );

    // The request says who helps and where the task went.
    let seen = call(&app, &thijs, Method::GET, &one, None).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    let seen = seen.json();
    assert_eq!(seen["status"], "confirmed");
    assert_eq!(seen["helper"], json!({"member_id": thijs_member, "name": "Thijs"}));
    assert_eq!(seen["item_id"], item.as_str());
    assert_eq!(seen["may_decide"], false);

    // It is in Thijs's agenda, with him going along, at the window's time.
    let next = day.tomorrow().expect("date");
    let agenda = call(&app, &thijs, Method::GET, &format!("/circles/{circle}/agenda?from={day}&to={next}"), None).await;
    assert_eq!(agenda.status, StatusCode::OK, "{}", agenda.body);
    let agenda = agenda.json();
    let listed = agenda.as_array().expect("list").iter().find(|o| o["item_id"] == item.as_str()).expect("listed");
    assert_eq!(listed["title"], "Rit naar het ziekenhuis");
    assert_eq!(listed["along"], json!([{"member_id": thijs_member, "name": "Thijs"}]));
    assert!(listed["start"].as_str().expect("start").starts_with(&format!("{day}T09:30:00+0")), "{listed}");
    assert!(listed["end"].as_str().expect("end").starts_with(&format!("{day}T12:00:00+0")), "{listed}");

    // Settled: no more offers, no withdrawing.
    let late = call(&app, &kees, Method::POST, &format!("{one}/responses"), Some(json!({"message": "Toch?"}))).await;
    assert_eq!((late.status, late.error_code()), (StatusCode::CONFLICT, "help-not-open".to_owned()));
    let r = call(&app, &marieke, Method::POST, &format!("{one}/withdraw"), None).await;
    assert_eq!((r.status, r.error_code()), (StatusCode::CONFLICT, "help-not-open".to_owned()));

    // A request of her own that Ans no longer needs: Kees may not withdraw it; she may.
    let r = call(
        &app,
        &ans,
        Method::POST,
        &base,
        Some(json!({"template": "shopping", "title": "Boodschappen", "date": day.to_string()})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let shopping = r.json()["id"].as_str().expect("id").to_owned();
    let listed = call(&app, &kees, Method::GET, &base, None).await;
    assert_eq!(ids(&listed), vec![shopping.clone(), request.clone()], "newest first");
    let whole_day = &listed.json()[0];
    assert_eq!(
        (&whole_day["from"], &whole_day["until"]),
        (&json!(format!("{day}T00:00")), &json!(format!("{day}T23:59")))
    );
    let withdraw = format!("{base}/{shopping}/withdraw");
    assert_eq!(call(&app, &kees, Method::POST, &withdraw, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(call(&app, &ans, Method::POST, &withdraw, None).await.status, StatusCode::NO_CONTENT);
    assert_eq!(ids(&call(&app, &kees, Method::GET, &base, None).await), vec![request.clone()]);
    assert_eq!(call(&app, &ans, Method::GET, &format!("{base}/{shopping}"), None).await.status, StatusCode::NOT_FOUND);
}

pub async fn a_professionals_only_request_does_not_exist_for_a_volunteer(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [fatima, jan, thijs]) = app.cast("Henk de Vries", help::FATIMA_JAN_THIJS).await;
    let base = format!("/circles/{circle}/help-requests");
    let r = call(
        &app,
        &fatima,
        Method::POST,
        &base,
        Some(json!({"template": "other", "title": "Wondzorg overnemen", "date": next_week().to_string(),
            "audience": "professionals"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let request = r.json()["id"].as_str().expect("id").to_owned();
    let one = format!("{base}/{request}");

    let jan_list = call(&app, &jan, Method::GET, &base, None).await;
    assert_eq!(ids(&jan_list), vec![request.clone()]);
    assert_eq!(jan_list.json()[0]["audience"], "professionals");
    assert_eq!(call(&app, &jan, Method::GET, &one, None).await.status, StatusCode::OK);

    let thijs_list = call(&app, &thijs, Method::GET, &base, None).await;
    assert_eq!(thijs_list.status, StatusCode::OK);
    assert_eq!(thijs_list.json(), json!([]));
    for (method, path, body) in [
        (Method::GET, one.clone(), None),
        (Method::POST, format!("{one}/responses"), Some(json!({"message": "Ik kan"}))),
        (Method::POST, format!("{one}/choose"), Some(json!({"helper": ""}))),
        (Method::POST, format!("{one}/withdraw"), None),
    ] {
        let r = call(&app, &thijs, method.clone(), &path, body).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}: {}", r.body);
        assert!(!r.body.contains("Wondzorg"), "{}", r.body);
    }

    // Someone from another circle hears "not found", whatever they send.
    let outsider = app.outsider().await;
    let r = call(&app, &outsider, Method::POST, &base, Some(json!({"title": ""}))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = call(&app, &outsider, Method::GET, &base, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);

    // Bad input names its fields.
    let bad = call(
        &app,
        &fatima,
        Method::POST,
        &base,
        Some(json!({"template": "ride", "title": "  ", "date": "2001-01-01", "details": "Graag"})),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.error_code(), "validation");
    assert_eq!(
        bad.error_fields(),
        vec![("title".to_owned(), "help-title-required".to_owned()), ("date".to_owned(), "help-date-past".to_owned())]
    );
    let bad = call(
        &app,
        &fatima,
        Method::POST,
        &base,
        Some(json!({"template": "taxi", "title": "Rit", "date": "morgen", "from_time": "25:00"})),
    )
    .await;
    assert_eq!(
        bad.error_fields(),
        vec![
            ("template".to_owned(), "help-template-invalid".to_owned()),
            ("date".to_owned(), "date-invalid".to_owned()),
            ("from_time".to_owned(), "time-invalid".to_owned()),
        ],
        "{}",
        bad.body
    );
    let r = call(&app, &fatima, Method::POST, &base, Some(json!("not an object"))).await;
    assert_eq!(r.error_fields(), vec![("body".to_owned(), "body-invalid".to_owned())]);
    // Nothing was made by the refused requests.
    assert_eq!(ids(&call(&app, &jan, Method::GET, &base, None).await), vec![request]);
}
