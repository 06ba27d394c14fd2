//! The agenda and the rota over the API: the last place of a shift goes to
//! exactly one of two people who take it at once; a professionals-only
//! appointment never reaches a volunteer or a family carer; a swap ends with
//! the right person in each occurrence; giving back reopens the place and
//! tells the planner; bad input names its fields.

use crate::support::{Resp, TUser, TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::{Method, StatusCode};
use jiff::civil::{Date, Weekday};
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;
use serde_json::{Value, json};

/// The next Tuesday after today in the circle's time zone: always to come.
fn next_tuesday() -> Date {
    let today = jiff::Zoned::now().with_time_zone(samenspel::service::agenda::tz()).date();
    today.nth_weekday(1, Weekday::Tuesday).expect("a date")
}

fn weeks_after(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().weeks(n)).expect("a date")
}

fn shift(title: &str, first: Date, places: u32, times: u32) -> Value {
    json!({
        "kind": "shift",
        "title": title,
        "date": first.to_string(),
        "start_time": "19:00",
        "end_time": "21:30",
        "places": places.to_string(),
        "repeat": if times > 1 { "weekly" } else { "once" },
        "count": if times > 1 { times.to_string() } else { String::new() },
    })
}

async fn create(app: &TestApp, who: &TUser, circle: &CircleId, item: Value) -> String {
    let r =
        app.api_as(who).await.api(Method::POST, &format!("/api/v1/circles/{circle}/agenda/items"), Some(item)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_str().expect("id").to_owned()
}

async fn get(app: &TestApp, who: &TUser, path: &str) -> Resp {
    app.api_as(who).await.api(Method::GET, &format!("/api/v1{path}"), None).await
}

/// The people signed up for one occurrence, by name, as `who` reads the item.
async fn people_in(app: &TestApp, who: &TUser, circle: &CircleId, item: &str, on: Date) -> Vec<String> {
    let r = get(app, who, &format!("/circles/{circle}/agenda/items/{item}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let item = r.json();
    let occurrence = item["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .find(|o| o["on"] == on.to_string())
        .unwrap_or_else(|| panic!("no occurrence on {on}: {item}"))
        .clone();
    occurrence["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| p["name"].as_str().expect("name").to_owned())
        .collect()
}

pub async fn the_last_place_goes_to_exactly_one(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut helpers = Vec::new();
    for name in ["Thijs", "Jesse", "Lotte", "Bram"] {
        helpers.push(app.user(name).await);
    }
    let mut members = vec![(&ans, Role::Relative, true)];
    members.extend(helpers.iter().map(|h| (h, Role::Volunteer, false)));
    let circle = app.circle("Henk de Vries", &members).await;
    let first = next_tuesday();
    let evening = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", first, 1, 3)).await;
    let mut walk = shift("Dinsdagmiddag wandelen", first, 2, 3);
    walk["start_time"] = json!("14:00");
    walk["end_time"] = json!("15:00");
    let walk = create(&app, &ans, &circle, walk).await;
    let mut apis = Vec::new();
    for h in &helpers {
        apis.push(app.api_as(h).await);
    }
    let sign_up =
        |item: &str, on: Date| format!("/api/v1/circles/{circle}/agenda/items/{item}/occurrences/{on}/sign-up");

    // Each evening has one place; two volunteers take it at the same moment.
    for week in 0..3 {
        let on = weeks_after(first, week);
        let path = sign_up(&evening, on);
        let [thijs_api, jesse_api, ..] = apis.as_mut_slice() else { unreachable!() };
        let (a, b) = tokio::join!(thijs_api.api(Method::POST, &path, None), jesse_api.api(Method::POST, &path, None));
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT], "{} / {}", a.body, b.body);
        let (won, lost, winner) = if a.status == StatusCode::CREATED { (&a, &b, "Thijs") } else { (&b, &a, "Jesse") };
        assert_eq!(won.json()["clashes"], json!([]));
        assert_eq!(lost.error_code(), "shift-full", "{}", lost.body);
        // Exactly one person, in the item and in the agenda.
        assert_eq!(people_in(&app, &ans, &circle, &evening, on).await, vec![winner.to_owned()]);
        let next = on.tomorrow().expect("date");
        let list = get(&app, &ans, &format!("/circles/{circle}/agenda?from={on}&to={next}")).await.json();
        let list = list.as_array().expect("list");
        let listed = list.iter().find(|o| o["item_id"] == evening.as_str()).expect("the evening is listed");
        assert_eq!(listed["people"].as_array().map(Vec::len), Some(1));
        assert_eq!((&listed["open_places"], &listed["places"]), (&json!(0), &json!(1)));
        assert!(listed["start"].as_str().expect("start").starts_with(&format!("{on}T19:00:00+0")), "{listed}");
        // The winner cannot take a second place in the same occurrence.
        let again = if winner == "Thijs" { thijs_api } else { jesse_api };
        let r = again.api(Method::POST, &path, None).await;
        assert_eq!((r.status, r.error_code()), (StatusCode::CONFLICT, "already-signed-up".to_owned()));
    }

    // Each walk has two places and all four want one. (Requests wait for
    // their audit record, which is written in batches: the first may get
    // ahead alone, and those let through together then race for the last place.)
    for week in 0..3 {
        let on = weeks_after(first, week);
        let path = sign_up(&walk, on);
        let answers = futures_util::future::join_all(apis.iter_mut().map(|c| c.api(Method::POST, &path, None))).await;
        let created = answers.iter().filter(|r| r.status == StatusCode::CREATED).count();
        assert_eq!(created, 2, "{:?}", answers.iter().map(|r| (r.status, &r.body)).collect::<Vec<_>>());
        for lost in answers.iter().filter(|r| r.status != StatusCode::CREATED) {
            assert_eq!((lost.status, lost.error_code()), (StatusCode::CONFLICT, "shift-full".to_owned()));
        }
        assert_eq!(people_in(&app, &ans, &circle, &walk, on).await.len(), 2);
    }
    // No open places left: no gaps.
    assert_eq!(get(&app, &helpers[0], &format!("/circles/{circle}/agenda/gaps")).await.json(), json!([]));
}

pub async fn a_professionals_only_appointment_never_reaches_a_volunteer(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [henk, ans, fatima, thijs]) = app
        .cast("Henk de Vries", [client("Henk"), relative("Ans").manager(), professional("Fatima"), volunteer("Thijs")])
        .await;
    let on = next_tuesday();
    let appointment = create(
        &app,
        &fatima,
        &circle,
        json!({
            "kind": "appointment",
            "title": "Gesprek met de geriater",
            "date": on.to_string(),
            "start_time": "10:00",
            "end_time": "11:00",
            "place": "Isala, poli geriatrie",
            "audience": "professionals",
        }),
    )
    .await;
    let mut handover = shift("Overdracht thuiszorg", on, 1, 1);
    handover["audience"] = json!("professionals");
    let handover = create(&app, &fatima, &circle, handover).await;
    let open = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", on, 2, 1)).await;
    let next = on.tomorrow().expect("date");
    let agenda = format!("/circles/{circle}/agenda?from={on}&to={next}");
    let ids = |r: &Resp| -> Vec<String> {
        r.json().as_array().expect("list").iter().map(|o| o["item_id"].as_str().expect("id").to_owned()).collect()
    };

    for outside in [&thijs, &ans] {
        let list = get(&app, outside, &agenda).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(ids(&list), vec![open.clone()], "{}: {}", outside.name, list.body);
        assert!(!list.body.contains("geriater") && !list.body.contains("Isala"));
        for hidden in [&appointment, &handover] {
            let r = get(&app, outside, &format!("/circles/{circle}/agenda/items/{hidden}")).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{}: {}", outside.name, r.body);
            assert!(!r.body.contains("geriater") && !r.body.contains("Overdracht"));
        }
        let gaps = get(&app, outside, &format!("/circles/{circle}/agenda/gaps")).await;
        assert_eq!(ids(&gaps), vec![open.clone()], "{}", gaps.body);
        // Nor can they take a place in what they cannot see.
        let r = app
            .api_as(outside)
            .await
            .api(
                Method::POST,
                &format!("/api/v1/circles/{circle}/agenda/items/{handover}/occurrences/{on}/sign-up"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }

    for inside in [&henk, &fatima] {
        let list = get(&app, inside, &agenda).await;
        let seen = ids(&list);
        assert!(seen.contains(&appointment) && seen.contains(&handover) && seen.contains(&open), "{}", list.body);
        let item = get(&app, inside, &format!("/circles/{circle}/agenda/items/{appointment}")).await;
        assert_eq!(item.status, StatusCode::OK, "{}", item.body);
        assert_eq!(item.json()["audience"], "professionals");
        assert_eq!(item.json()["place"], "Isala, poli geriatrie");
        assert_eq!(
            item.json()["occurrences"][0]["start"].as_str().map(|s| s.starts_with(&format!("{on}T10:00"))),
            Some(true)
        );
    }
    let gaps = get(&app, &fatima, &format!("/circles/{circle}/agenda/gaps")).await;
    let seen = ids(&gaps);
    assert!(seen.contains(&handover) && seen.contains(&open), "{}", gaps.body);
}

pub async fn a_swap_ends_with_the_right_person(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [ans, thijs, piet, jesse, henk, fatima]) = app
        .cast(
            "Henk de Vries",
            [
                relative("Ans").manager(),
                volunteer("Thijs"),
                relative("Piet"),
                volunteer("Jesse"),
                client("Henk"),
                professional("Fatima"),
            ],
        )
        .await;
    let piet_member = app.member_id(&circle, &piet).await;
    let first = next_tuesday();
    let item = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", first, 1, 4)).await;
    let day = |n: i64| weeks_after(first, n);
    let occurrence = |on: Date| format!("/api/v1/circles/{circle}/agenda/items/{item}/occurrences/{on}");
    let mut thijs_api = app.api_as(&thijs).await;
    let mut piet_api = app.api_as(&piet).await;
    let mut jesse_api = app.api_as(&jesse).await;
    for week in 0..4 {
        let api = if week % 2 == 0 { &mut thijs_api } else { &mut piet_api };
        let r = api.api(Method::POST, &format!("{}/sign-up", occurrence(day(week))), None).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }

    // Thijs asks Piet to take his first Tuesday.
    let r = thijs_api
        .api(Method::POST, &format!("{}/swaps", occurrence(day(0))), Some(json!({"to": piet_member.to_string()})))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let swap = r.json()["id"].as_str().expect("id").to_owned();
    let swaps = format!("/api/v1/circles/{circle}/swaps");
    let asked = piet_api.api(Method::GET, &swaps, None).await.json();
    assert_eq!(asked.as_array().map(Vec::len), Some(1), "{asked}");
    assert_eq!((asked[0]["id"].as_str(), &asked[0]["asked"]), (Some(swap.as_str()), &json!(true)));
    assert_eq!(asked[0]["from"]["name"], "Thijs");
    assert_eq!(asked[0]["title"], "Dinsdagavond gezelschap");
    assert_eq!(thijs_api.api(Method::GET, &swaps, None).await.json()[0]["asked"], false);
    assert_eq!(jesse_api.api(Method::GET, &swaps, None).await.json(), json!([]), "not Jesse's swap");
    // Only Piet answers: not a bystander, not the proposer.
    let accept = format!("{swaps}/{swap}/accept");
    assert_eq!(jesse_api.api(Method::POST, &accept, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(thijs_api.api(Method::POST, &accept, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        piet_api.api(Method::POST, &format!("{swaps}/{swap}/withdraw"), None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(people_in(&app, &ans, &circle, &item, day(0)).await, vec!["Thijs"], "nothing changed yet");

    let r = piet_api.api(Method::POST, &accept, None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(people_in(&app, &ans, &circle, &item, day(0)).await, vec!["Piet"]);
    assert_eq!(people_in(&app, &ans, &circle, &item, day(1)).await, vec!["Piet"], "Piet's own Tuesday stays his");
    let again = piet_api.api(Method::POST, &accept, None).await;
    assert!(matches!(again.status, StatusCode::NOT_FOUND | StatusCode::CONFLICT), "{}: {}", again.status, again.body);
    assert_eq!(people_in(&app, &ans, &circle, &item, day(0)).await, vec!["Piet"]);
    assert_eq!(piet_api.api(Method::GET, &swaps, None).await.json(), json!([]));

    // A proposal taken back cannot be accepted.
    let propose = |on: Date, back: Option<Date>| {
        let mut body = json!({"to": piet_member.to_string()});
        if let Some(b) = back {
            body["return_item"] = json!(item);
            body["return_on"] = json!(b.to_string());
        }
        (format!("{}/swaps", occurrence(on)), body)
    };
    let (path, body) = propose(day(2), Some(day(3)));
    let r = thijs_api.api(Method::POST, &path, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let withdrawn = r.json()["id"].as_str().expect("id").to_owned();
    let r = thijs_api.api(Method::POST, &format!("{swaps}/{withdrawn}/withdraw"), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(
        piet_api.api(Method::POST, &format!("{swaps}/{withdrawn}/accept"), None).await.status,
        StatusCode::NOT_FOUND
    );

    // A swap in return: Thijs's third Tuesday for Piet's fourth. Both move.
    let r = thijs_api.api(Method::POST, &path, Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let swap = r.json()["id"].as_str().expect("id").to_owned();
    let listed = piet_api.api(Method::GET, &swaps, None).await.json();
    assert_eq!(listed[0]["in_return"]["on"], day(3).to_string(), "{listed}");
    let r = piet_api.api(Method::POST, &format!("{swaps}/{swap}/accept"), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(people_in(&app, &ans, &circle, &item, day(2)).await, vec!["Piet"]);
    assert_eq!(people_in(&app, &ans, &circle, &item, day(3)).await, vec!["Thijs"]);

    // Nobody hands over a place they do not hold, or asks in return for one
    // the other does not hold.
    let r = jesse_api
        .api(Method::POST, &format!("{}/swaps", occurrence(day(1))), Some(json!({"to": piet_member.to_string()})))
        .await;
    assert_eq!((r.status, r.error_code()), (StatusCode::CONFLICT, "not-signed-up".to_owned()));
    let jesse_member = app.member_id(&circle, &jesse).await;
    let r = thijs_api
        .api(
            Method::POST,
            &format!("{}/swaps", occurrence(day(3))),
            Some(json!({"to": jesse_member.to_string(), "return_item": item, "return_on": day(0).to_string()})),
        )
        .await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("in_return".to_owned(), "swap-return-not-theirs".to_owned())])
    );
    // Nor is a place handed to someone who cannot take it: the client takes
    // no shifts, and a volunteer does not see a shift for professionals only.
    let henk_member = app.member_id(&circle, &henk).await;
    let r = thijs_api
        .api(Method::POST, &format!("{}/swaps", occurrence(day(3))), Some(json!({"to": henk_member.to_string()})))
        .await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".to_owned(), "swap-member-cannot-take".to_owned())])
    );
    let mut handover = shift("Overdracht thuiszorg", first, 1, 1);
    handover["audience"] = json!("professionals");
    let handover = create(&app, &fatima, &circle, handover).await;
    let mut fatima_api = app.api_as(&fatima).await;
    let handover_on = format!("/api/v1/circles/{circle}/agenda/items/{handover}/occurrences/{first}");
    assert_eq!(fatima_api.api(Method::POST, &format!("{handover_on}/sign-up"), None).await.status, StatusCode::CREATED);
    let r = fatima_api
        .api(Method::POST, &format!("{handover_on}/swaps"), Some(json!({"to": jesse_member.to_string()})))
        .await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".to_owned(), "swap-member-cannot-take".to_owned())])
    );
    assert_eq!(jesse_api.api(Method::GET, &swaps, None).await.json(), json!([]));
    assert_eq!(people_in(&app, &ans, &circle, &item, day(3)).await, vec!["Thijs"]);
}

pub async fn giving_back_reopens_the_place_and_tells_the_planner(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let on = next_tuesday();
    let item = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", on, 1, 1)).await;
    let path = format!("/api/v1/circles/{circle}/agenda/items/{item}/occurrences/{on}/sign-up");
    let mut thijs_api = app.api_as(&thijs).await;
    assert_eq!(thijs_api.api(Method::POST, &path, None).await.status, StatusCode::CREATED);
    let confirm = format!("/api/v1/circles/{circle}/agenda/items/{item}/occurrences/{on}/confirm");
    assert_eq!(thijs_api.api(Method::POST, &confirm, None).await.status, StatusCode::NO_CONTENT);
    let next = on.tomorrow().expect("date");
    let agenda = format!("/circles/{circle}/agenda?from={on}&to={next}");
    let list = get(&app, &ans, &agenda).await.json();
    assert_eq!((&list[0]["open_places"], &list[0]["people"][0]["confirmed"]), (&json!(0), &json!(true)), "{list}");
    assert_eq!(get(&app, &thijs, &format!("/circles/{circle}/agenda/gaps")).await.json(), json!([]));
    // The planner sees the hours; a helper who planned nothing sees none.
    let hours = format!("/circles/{circle}/rota/hours?from={on}&to={next}");
    let h = get(&app, &ans, &hours).await.json();
    assert_eq!(
        h,
        json!([{"member_id": app.member_id(&circle, &thijs).await.to_string(), "name": "Thijs", "shifts": 1, "minutes": 150}])
    );
    assert_eq!(get(&app, &thijs, &hours).await.json(), json!([]));

    // At noon tomorrow no quiet hours hold the e-mails back.
    let noon = jiff::Zoned::now()
        .with_time_zone(samenspel::service::agenda::tz())
        .date()
        .tomorrow()
        .expect("date")
        .at(12, 0, 0, 0)
        .to_zoned(samenspel::service::agenda::tz())
        .expect("time")
        .timestamp();
    let run_jobs = || samenspel::jobs::run_due_at(&app.state, "test-worker", noon);
    run_jobs().await.expect("jobs ran");
    let before = app.mails_to(&ans.email).len();
    assert_eq!(before, 1, "Ans heard that Thijs signed up");

    let r = thijs_api.api(Method::DELETE, &path, None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let list = get(&app, &ans, &agenda).await.json();
    assert_eq!((&list[0]["open_places"], &list[0]["people"]), (&json!(1), &json!([])), "{list}");
    let gaps = get(&app, &thijs, &format!("/circles/{circle}/agenda/gaps")).await.json();
    assert_eq!(gaps.as_array().map(Vec::len), Some(1), "{gaps}");
    assert_eq!(gaps[0]["item_id"], item.as_str());
    assert_eq!(get(&app, &ans, &hours).await.json(), json!([]));
    let r = thijs_api.api(Method::DELETE, &path, None).await;
    assert_eq!((r.status, r.error_code()), (StatusCode::CONFLICT, "not-signed-up".to_owned()));
    assert_eq!(thijs_api.api(Method::POST, &confirm, None).await.status, StatusCode::CONFLICT);

    run_jobs().await.expect("jobs ran");
    let mails = app.mails_to(&ans.email);
    assert_eq!(mails.len(), before + 1, "Ans heard that the place is open again: {mails:?}");
    let last = mails.last().expect("mail");
    assert!(last.contains("Dinsdagavond gezelschap"), "{last}");
    assert!(last.contains(&format!("/circles/{circle}/agenda/{item}")), "{last}");
    assert!(app.mails_to(&thijs.email).is_empty(), "the one who gave it back is not told");
}

pub async fn bad_input_names_its_fields(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let outsider = app.user("Buiten").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    app.circle("Iemand anders", &[(&outsider, Role::Relative, true)]).await;
    let mut api = app.api_as(&ans).await;
    let items = format!("/api/v1/circles/{circle}/agenda/items");

    let r = api
        .api(
            Method::POST,
            &items,
            Some(json!({"kind": "shift", "date": "dinsdag", "start_time": "19:00", "end_time": "21:00"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.error_code(), "validation");
    let f = r.error_fields();
    for want in [("title", "agenda-title-required"), ("date", "date-invalid")] {
        assert!(f.contains(&(want.0.to_owned(), want.1.to_owned())), "{want:?} in {f:?}");
    }
    let r = api
        .api(Method::POST, &items, Some(json!({"kind": "feest", "title": "Verjaardag", "date": "2026-02-30"})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.error_fields(),
        vec![("kind".to_owned(), "agenda-kind-invalid".to_owned()), ("date".to_owned(), "date-invalid".to_owned())]
    );
    let r = api.api(Method::POST, &items, Some(json!({"kind": "shift", "title": 12}))).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("body".to_owned(), "body-invalid".to_owned())])
    );
    // Someone outside the circle learns nothing, however wrong the input.
    let r = app.api_as(&outsider).await.api(Method::POST, &items, Some(json!({"kind": "shift"}))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);

    // Periods.
    let agenda = |q: &str| format!("/circles/{circle}/agenda?{q}");
    let r = get(&app, &ans, &agenda("from=2026-01-01&to=2027-06-01")).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".to_owned(), "agenda-range-too-long".to_owned())])
    );
    let r = get(&app, &ans, &agenda("from=morgen")).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("from".to_owned(), "date-invalid".to_owned())])
    );
    let r = get(&app, &ans, &agenda("from=2026-03-01&to=2026-02-01")).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".to_owned(), "agenda-range-invalid".to_owned())])
    );
    assert_eq!(get(&app, &ans, &agenda("from=2026-01-01&to=2027-01-02")).await.status, StatusCode::OK, "366 days");
    let r = get(&app, &ans, &format!("/circles/{circle}/rota/hours?to=later")).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("to".to_owned(), "date-invalid".to_owned())])
    );

    // One occurrence: moved, restored, cancelled; bad changes name their field.
    let on = next_tuesday();
    let item = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", on, 2, 3)).await;
    let change = format!("{items}/{item}/occurrences/{on}");
    let r = api.api(Method::PUT, &change, Some(json!({"change": "move", "start": "later op de avond"}))).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("start".to_owned(), "datetime-invalid".to_owned())])
    );
    let r = api.api(Method::PUT, &change, Some(json!({"change": "explode"}))).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("change".to_owned(), "agenda-change-invalid".to_owned())])
    );
    let wednesday = on.tomorrow().expect("date");
    let r = api
        .api(Method::PUT, &format!("{items}/{item}/occurrences/{wednesday}"), Some(json!({"change": "cancel"})))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "not an occurrence of the series");

    let r = api.api(Method::PUT, &change, Some(json!({"change": "move", "start": format!("{on}T19:30")}))).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let detail = get(&app, &ans, &format!("/circles/{circle}/agenda/items/{item}")).await.json();
    assert_eq!(detail["recurrence"]["moved"], json!([{"on": on.to_string(), "start": format!("{on}T19:30")}]));
    assert_eq!(detail["recurrence"]["repeat"], "weekly");
    assert_eq!(detail["recurrence"]["count"], 3);
    assert_eq!(detail["recurrence"]["start_time"], "19:00");
    assert_eq!(detail["recurrence"]["end_time"], "21:30");
    assert_eq!(detail["occurrences"][0]["moved"], true);
    assert!(detail["occurrences"][0]["start"].as_str().expect("start").starts_with(&format!("{on}T19:30")), "{detail}");
    assert_eq!(detail["occurrences"][1]["moved"], false);
    let r = api.api(Method::PUT, &change, Some(json!({"change": "restore"}))).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = api.api(Method::PUT, &change, Some(json!({"change": "cancel"}))).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let detail = get(&app, &ans, &format!("/circles/{circle}/agenda/items/{item}")).await.json();
    assert_eq!(detail["recurrence"]["cancelled"], json!([on.to_string()]));
    assert_eq!(detail["recurrence"]["moved"], json!([]));
    assert_eq!(detail["occurrences"].as_array().map(Vec::len), Some(2), "{detail}");
    assert_ne!(detail["occurrences"][0]["on"], on.to_string());
}

pub async fn a_moved_evening_can_still_be_taken(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let on = next_tuesday();
    let item = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", on, 1, 2)).await;
    let occurrence = format!("/api/v1/circles/{circle}/agenda/items/{item}/occurrences/{on}");
    // This Tuesday's evening moves to Wednesday; it keeps its date as its name.
    let wednesday = on.tomorrow().expect("date");
    let r = app
        .api_as(&ans)
        .await
        .api(Method::PUT, &occurrence, Some(json!({"change": "move", "start": format!("{wednesday}T19:00")})))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let r = app.api_as(&thijs).await.api(Method::POST, &format!("{occurrence}/sign-up"), None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let list = get(
        &app,
        &thijs,
        &format!("/circles/{circle}/agenda?from={wednesday}&to={}", wednesday.tomorrow().expect("date")),
    )
    .await
    .json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!((&list[0]["on"], &list[0]["moved"]), (&json!(on.to_string()), &json!(true)));
    assert!(list[0]["start"].as_str().expect("start").starts_with(&format!("{wednesday}T19:00")), "{list}");
    assert_eq!(list[0]["people"][0]["name"], "Thijs");
    assert_eq!(people_in(&app, &ans, &circle, &item, on).await, vec!["Thijs"]);
}

/// Issue 17, item 5: a series may not start in year 1 (nor end in 9999, nor
/// move there), and series stored before that rule existed no longer make
/// every read of the agenda walk through the centuries.
pub async fn items_from_year_one_are_refused_and_old_ones_read_quickly(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    let mut api = app.api_as(&ans).await;
    let items = format!("/api/v1/circles/{circle}/agenda/items");
    let mut ancient = shift("Ochtendbezoek", next_tuesday(), 1, 1);
    ancient["date"] = json!("0001-01-01");
    ancient["repeat"] = json!("daily");
    ancient["until"] = json!("9999-12-31");
    let r = api.api(Method::POST, &items, Some(ancient)).await;
    assert_eq!(
        (r.status, r.error_fields()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                ("date".to_owned(), "agenda-date-out-of-range".to_owned()),
                ("until".to_owned(), "agenda-date-out-of-range".to_owned())
            ]
        ),
        "{}",
        r.body
    );
    let on = next_tuesday();
    let item = create(&app, &ans, &circle, shift("Dinsdagavond gezelschap", on, 1, 2)).await;
    let r = api
        .api(
            Method::PUT,
            &format!("{items}/{item}/occurrences/{on}"),
            Some(json!({"change": "move", "start": "0001-01-01T19:00"})),
        )
        .await;
    assert_eq!(
        (r.status, r.error_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("start".to_owned(), "agenda-date-out-of-range".to_owned())])
    );
    // Twenty daily series from year 1, as stored before the rule.
    for i in 0..20 {
        let mut daily = shift(&format!("Dagelijks {i}"), on, 1, 1);
        daily["repeat"] = json!("daily");
        create(&app, &ans, &circle, daily).await;
    }
    app.db
        .raw("UPDATE agenda_items SET starts_at = '0001-01-01T09:00' WHERE title LIKE 'Dagelijks %'")
        .await
        .expect("old data");
    let week = format!("/circles/{circle}/agenda?from={on}&to={}", weeks_after(on, 1));
    let started = std::time::Instant::now();
    let r = get(&app, &ans, &week).await;
    let took = started.elapsed();
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let daily = r
        .json()
        .as_array()
        .expect("list")
        .iter()
        .filter(|o| o["title"].as_str().is_some_and(|t| t.starts_with("Dagelijks")))
        .count();
    assert_eq!(daily, 20 * 7, "every day of the week, for each of the twenty");
    // It took seconds when the rule stepped from year 1; now it is a normal read.
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
}
