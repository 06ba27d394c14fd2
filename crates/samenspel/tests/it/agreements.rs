//! Agreements: who does what by domain and step, who may change what, and
//! the overview's list of agreements to talk about.

use crate::support::fixtures::cast;
use crate::support::{TestApp, TestDb, client, professional, relative, representative, volunteer};
use axum::http::{Method, StatusCode};
use serde_json::json;

cast! {
    /// Henk (the client), his daughter Ans (family carer, not a manager), his
    /// granddaughter Ellen (representative), nurse Fatima, volunteer Thijs, and
    /// an outsider with a circle of their own.
    struct Henk("Henk de Vries") {
        henk: client("Henk"),
        ans: relative("Ans"),
        ellen: representative("Ellen"),
        fatima: professional("Fatima"),
        thijs: volunteer("Thijs"),
    } + outsider;
    async fn henk;
}

fn agreement(domain: &str, step: i64, description: &str) -> serde_json::Value {
    json!({"domain": domain, "step": step, "description": description})
}

pub async fn who_does_what_by_domain_and_step(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let mut fatima = app.api_as(&h.fatima).await;
    let base = format!("/api/v1/circles/{}/agreements", h.circle);
    let ans_member = app.member_id(&h.circle, &h.ans).await;
    let ellen_member = app.member_id(&h.circle, &h.ellen).await;
    let made = [
        json!({"domain": "medication", "step": 3, "description": "Ans zet elke ochtend de medicijnen klaar",
               "doer": ans_member.as_str(), "backup": ellen_member.as_str(), "frequency": "dagelijks",
               "since": "2026-09-01", "lead": ellen_member.as_str(), "review_on": "2027-03-01"}),
        json!({"domain": "meals", "step": 4, "description": "Warme maaltijd", "doer_name": "Tafeltje-dekje", "frequency": "ma, wo, vr"}),
        agreement("personal_care", 1, "Henk scheert zich zelf"),
        agreement("personal_care", 2, "Douchestoel en beugels in de badkamer"),
        agreement("personal_care", 5, "Fatima helpt bij het douchen"),
    ];
    for body in made {
        let r = fatima.api(Method::POST, &base, Some(body)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let list = fatima.api(Method::GET, &base, None).await.json();
    let all = list["agreements"].as_array().expect("agreements");
    // By domain in the fixed order (personal care, …, medication, meals), then step.
    let order: Vec<(&str, i64)> =
        all.iter().map(|a| (a["domain"].as_str().unwrap_or(""), a["step"].as_i64().unwrap_or(0))).collect();
    assert_eq!(
        order,
        [("personal_care", 1), ("personal_care", 2), ("personal_care", 5), ("meals", 4), ("medication", 3)]
    );
    let meds = &all[4];
    assert_eq!(meds["doer"], json!({"member_id": ans_member.as_str(), "name": "Ans"}));
    assert_eq!(meds["backup"]["name"], "Ellen");
    assert_eq!(meds["lead"]["name"], "Ellen");
    assert_eq!((meds["since"].as_str(), meds["review_on"].as_str()), (Some("2026-09-01"), Some("2027-03-01")));
    assert_eq!(all[3]["doer"], json!({"member_id": null, "name": "Tafeltje-dekje"}));
    let percents: Vec<u64> =
        list["shares"].as_array().expect("shares").iter().map(|s| s["percent"].as_u64().unwrap_or(0)).collect();
    assert_eq!(percents, [20, 20, 20, 20, 20]);

    // The page: every domain with its agreements, the shares, the names.
    let mut page = app.signed_in(&h.thijs).await;
    let r = page.get(&format!("/circles/{}/agreements", h.circle)).await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "Wie draagt wat",
        "Persoonlijke verzorging",
        "Medicijnen",
        "Ans zet elke ochtend de medicijnen klaar",
        "Tafeltje-dekje",
        "1 afspraak (20%)",
        "Nog geen afspraken over:",
    ] {
        assert!(r.body.contains(text), "the page shows {text:?}");
    }
    assert!(!r.body.contains("/agreements/settings"), "a volunteer does not set the circle's rules");

    // Bad input: every field at once, nothing saved; members must be in the circle.
    let outsider_member = {
        let own = app
            .db
            .store
            .my_circles(&app.acting_as(&h.outsider).await, samenspel_core::Timestamp::now())
            .await
            .expect("c");
        app.member_id(&own[0].circle.id, &h.outsider).await
    };
    let r = fatima
        .api(Method::POST, &base, Some(json!({"domain": "sport", "step": 9, "description": " ", "since": "morgen"})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.json();
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["domain", "step", "description", "since"]);
    let r = fatima
        .api(Method::POST, &base, Some(json!({"domain": "household", "step": 3, "description": "Stofzuigen", "doer": outsider_member.as_str()})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"][0]["code"], "member-not-in-circle");
    assert_eq!(fatima.api(Method::GET, &base, None).await.json()["agreements"].as_array().expect("a").len(), 5);

    // The form on the page says it in Dutch and keeps what was typed.
    let mut ans_page = app.signed_in(&h.ans).await;
    ans_page.get(&format!("/circles/{}/agreements/new", h.circle)).await;
    let r = ans_page
        .post(&format!("/circles/{}/agreements", h.circle), &[("domain", "household"), ("description", "Ramen zemen")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kies wie het doet.") && r.body.contains("Ramen zemen"), "{}", r.body);
    let r = ans_page
        .post(
            &format!("/circles/{}/agreements", h.circle),
            &[("domain", "household"), ("step", "3"), ("description", "Ramen zemen"), ("doer", ans_member.as_str())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

pub async fn family_carers_change_professional_agreements_only_when_the_circle_allows(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/api/v1/circles/{}/agreements", h.circle);
    let mut fatima = app.api_as(&h.fatima).await;
    let mut ans = app.api_as(&h.ans).await;
    let r = fatima.api(Method::POST, &base, Some(agreement("personal_care", 5, "Fatima helpt bij het douchen"))).await;
    let by_fatima = r.json()["id"].as_str().expect("id").to_owned();
    let r = ans.api(Method::POST, &base, Some(agreement("household", 3, "Ans doet de was"))).await;
    let by_ans = r.json()["id"].as_str().expect("id").to_owned();

    let list = ans.api(Method::GET, &base, None).await.json();
    let may = |id: &str| {
        list["agreements"].as_array().expect("a").iter().find(|a| a["id"] == id).expect("listed")["may_change"].clone()
    };
    assert_eq!((may(&by_fatima), may(&by_ans)), (json!(false), json!(true)));
    let change = agreement("personal_care", 3, "Ans helpt bij het douchen");
    let r = ans.api(Method::PUT, &format!("{base}/{by_fatima}"), Some(change.clone())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = ans.api(Method::DELETE, &format!("{base}/{by_fatima}"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut page = app.signed_in(&h.ans).await;
    assert_eq!(page.get(&format!("/circles/{}/agreements/{by_fatima}", h.circle)).await.status, StatusCode::FORBIDDEN);
    let unchanged = ans.api(Method::GET, &base, None).await.json();
    assert!(
        unchanged["agreements"]
            .as_array()
            .expect("a")
            .iter()
            .any(|a| a["description"] == "Fatima helpt bij het douchen")
    );
    // Her own, and the professional changes hers: equals.
    assert_eq!(
        ans.api(Method::PUT, &format!("{base}/{by_ans}"), Some(agreement("household", 3, "Ans en Ellen doen de was")))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        fatima
            .api(Method::PUT, &format!("{base}/{by_ans}"), Some(agreement("household", 4, "De thuiszorg doet de was")))
            .await
            .status,
        StatusCode::NO_CONTENT
    );

    // Ans may not change the circle's rule; the client may, and then she may change it.
    let r = ans
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{}/agreement-settings", h.circle),
            Some(json!({"informal_edits_professional": true})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut henk = app.api_as(&h.henk).await;
    let r = henk
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{}/agreement-settings", h.circle),
            Some(json!({"informal_edits_professional": true})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = ans.api(Method::PUT, &format!("{base}/{by_fatima}"), Some(change)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);

    // The client and the representative see and may change every agreement.
    for who in [&h.henk, &h.ellen] {
        let mut c = app.api_as(who).await;
        let list = c.api(Method::GET, &base, None).await.json();
        let all = list["agreements"].as_array().expect("a");
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|a| a["may_change"] == true));
    }
    // Someone outside the circle gets nothing, and cannot reach them through their own circle.
    let mut outsider = app.api_as(&h.outsider).await;
    for (method, path) in [(Method::GET, base.clone()), (Method::DELETE, format!("{base}/{by_ans}"))] {
        let r = outsider.api(method, &path, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.body.contains("douchen"));
    }
    let own =
        app.db.store.my_circles(&app.acting_as(&h.outsider).await, samenspel_core::Timestamp::now()).await.expect("c");
    let r =
        outsider.api(Method::DELETE, &format!("/api/v1/circles/{}/agreements/{by_ans}", own[0].circle.id), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(fatima.api(Method::GET, &base, None).await.json()["agreements"].as_array().expect("a").len(), 2);
}

pub async fn agreements_due_for_review_show_on_the_overview(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/api/v1/circles/{}/agreements", h.circle);
    let mut fatima = app.api_as(&h.fatima).await;
    let today = samenspel::i18n::local(&samenspel_core::Timestamp::now()).date();
    let later = today.checked_add(jiff::Span::new().days(30)).expect("date");
    let mut due = agreement("mobility", 4, "Kees rijdt naar de dagbesteding");
    due["review_on"] = json!(today.to_string());
    let mut not_yet = agreement("company", 3, "Wandelen op zondag");
    not_yet["review_on"] = json!(later.to_string());
    fatima.api(Method::POST, &base, Some(due)).await;
    fatima.api(Method::POST, &base, Some(not_yet)).await;
    let mut thijs = app.api_as(&h.thijs).await;
    let overview = thijs.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    let listed: Vec<&str> =
        overview["due_agreements"].as_array().expect("due").iter().filter_map(|a| a["description"].as_str()).collect();
    assert_eq!(listed, ["Kees rijdt naar de dagbesteding"]);
    let mut page = app.signed_in(&h.ans).await;
    let r = page.get(&format!("/circles/{}", h.circle)).await;
    assert!(r.body.contains("Afspraken om te bespreken") && r.body.contains("Kees rijdt naar de dagbesteding"));
    assert!(!r.body.contains("Wandelen op zondag"));
    // Reviewing it (changing it, with a new date) takes it off the overview.
    let id = fatima.api(Method::GET, &base, None).await.json()["agreements"]
        .as_array()
        .expect("a")
        .iter()
        .find(|a| a["description"] == "Kees rijdt naar de dagbesteding")
        .expect("listed")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let mut reviewed = agreement("mobility", 4, "Kees rijdt naar de dagbesteding");
    reviewed["review_on"] = json!(later.to_string());
    assert_eq!(fatima.api(Method::PUT, &format!("{base}/{id}"), Some(reviewed)).await.status, StatusCode::NO_CONTENT);
    let overview = thijs.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    assert!(overview["due_agreements"].as_array().expect("due").is_empty());
}

pub async fn a_move_to_a_care_home_marks_agreements_and_tells_those_involved(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/api/v1/circles/{}/agreements", h.circle);
    let ans_member = app.member_id(&h.circle, &h.ans).await;
    let ellen_member = app.member_id(&h.circle, &h.ellen).await;
    let mut fatima = app.api_as(&h.fatima).await;
    let mut meals = agreement("meals", 3, "Ans kookt elke dag");
    meals["doer"] = json!(ans_member.as_str());
    meals["backup"] = json!(ellen_member.as_str());
    fatima.api(Method::POST, &base, Some(meals)).await;
    fatima.api(Method::POST, &base, Some(agreement("personal_care", 5, "Hulp bij het douchen"))).await;
    // The worker runs ten hours on, past anyone's default quiet hours (22:00–07:00),
    // so what is sent does not depend on the time of day the test runs.
    let later = samenspel_core::Timestamp::now().checked_add(jiff::SignedDuration::from_hours(10)).expect("time");
    samenspel::jobs::run_due_at(&app.state, "test-worker", later).await.expect("jobs ran");
    let before = (app.mails_to(&h.ans.email).len(), app.mails_to(&h.thijs.email).len());

    // The form starts with the usual agreements for this kind ticked.
    let mut page = app.signed_in(&h.fatima).await;
    let r = page.get(&format!("/circles/{}/changes/new?kind=moved_to_care_home", h.circle)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("name=\"agreement_ids\"").count(), 2);
    assert_eq!(r.body.matches(" checked>").count(), 2, "a move touches every agreement");

    let r = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/changes", h.circle),
            Some(json!({"kind": "moved_to_care_home", "description": "Henk woont vanaf maandag in De Esdoorn"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let change_id = r.json()["id"].as_str().expect("id").to_owned();

    // Every agreement is marked, and shows on the overview of those involved (and the rest of the circle).
    let list = fatima.api(Method::GET, &base, None).await.json();
    assert!(list["agreements"].as_array().expect("a").iter().all(|a| a["needs_review"] == true));
    for who in [&h.ans, &h.ellen, &h.thijs] {
        let mut c = app.api_as(who).await;
        let o = c.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
        assert_eq!(o["due_agreements"].as_array().expect("due").len(), 2, "{who:?}", who = who.name);
    }
    let mut ans_page = app.signed_in(&h.ans).await;
    let o = ans_page.get(&format!("/circles/{}", h.circle)).await;
    assert!(
        o.body.contains("Verhuisd naar een verpleeghuis of zorgcentrum") && o.body.contains("2 afspraken staan op"),
        "{}",
        o.body
    );
    assert!(o.body.contains("Ans kookt elke dag") && o.body.contains("Opnieuw bespreken"));

    // Those involved are told; the one who passed it on and the uninvolved volunteer are not.
    samenspel::jobs::run_due_at(&app.state, "test-worker", later).await.expect("jobs ran");
    let ans_mails = app.mails_to(&h.ans.email);
    assert_eq!(ans_mails.len(), before.0 + 1);
    let mail = ans_mails.last().expect("mail");
    assert!(mail.contains("Er is iets veranderd bij Henk de Vries") && mail.contains("Ans kookt elke dag"), "{mail}");
    assert!(app.mails_to(&h.ellen.email).iter().any(|m| m.contains("Er is iets veranderd")), "the backup is involved");
    assert_eq!(app.mails_to(&h.thijs.email).len(), before.1);
    assert!(!app.mails_to(&h.fatima.email).iter().any(|m| m.contains("Er is iets veranderd")));

    // Talking it through: a changed agreement loses its mark; closing the change takes it off the overview.
    let meals_id = list["agreements"]
        .as_array()
        .expect("a")
        .iter()
        .find(|a| a["description"] == "Ans kookt elke dag")
        .expect("meals")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let mut ans = app.api_as(&h.ans).await;
    // Fatima made it: Ellen (the representative) may change it.
    let mut ellen = app.api_as(&h.ellen).await;
    let r = ellen
        .api(Method::PUT, &format!("{base}/{meals_id}"), Some(agreement("meals", 4, "De keuken van De Esdoorn kookt")))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let o = ans.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    assert_eq!(o["due_agreements"].as_array().expect("due").len(), 1);
    let r = ans.api(Method::POST, &format!("/api/v1/circles/{}/changes/{change_id}/close", h.circle), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let open = ans.api(Method::GET, &format!("/api/v1/circles/{}/changes", h.circle), None).await.json();
    assert!(open.as_array().expect("changes").is_empty());

    // Only this circle's agreements can be named; an outsider cannot pass on a change here.
    let r = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/changes", h.circle),
            Some(json!({"kind": "more_care", "agreement_ids": ["0190b5a0-0000-7000-8000-000000000000"]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut outsider = app.api_as(&h.outsider).await;
    let r = outsider
        .api(Method::POST, &format!("/api/v1/circles/{}/changes", h.circle), Some(json!({"kind": "more_care"})))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        outsider.api(Method::GET, &format!("/api/v1/circles/{}/changes", h.circle), None).await.status,
        StatusCode::NOT_FOUND
    );
}
