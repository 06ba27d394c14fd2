//! The samenspelmonitor (issue 14): its figures equal counts made by hand
//! from the rows on the demo data; a location's coach sees their location
//! and nothing of the other; a member of a circle there is refused; no
//! client's name or text is on the pages; and small numbers are never shown
//! exactly, on the page, in the API or in the CSV.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::StatusCode;
use samenspel_core::Timestamp;
use samenspel_core::ids::{LocationId, OrganisationId, UserId};
use samenspel_core::monitor::{Figures, Period};
use samenspel_core::role::{LocationRole, Role};

fn period() -> Period {
    Period::month_so_far(Timestamp::now(), &samenspel::service::agenda::tz()).expect("period")
}

async fn demo_person(app: &TestApp, first: &str) -> TUser {
    let email = samenspel::demo::email(first);
    let id = app.db.strings(&format!("SELECT id FROM users WHERE email = '{email}'")).await.remove(0);
    TUser { id: UserId::from_db(id), email, name: first.into() }
}

async fn location_named(app: &TestApp, name: &str) -> LocationId {
    LocationId::from_db(app.db.strings(&format!("SELECT id FROM locations WHERE name = '{name}'")).await.remove(0))
}

/// Rows of a read as `|`-separated text (NULL as empty), to count by hand.
async fn rows(app: &TestApp, columns: &[&str], from: &str) -> Vec<Vec<String>> {
    let cells: Vec<String> = columns.iter().map(|c| format!("COALESCE(CAST({c} AS TEXT), '')")).collect();
    let sql = format!("SELECT {} FROM {from}", cells.join(" || '|' || "));
    app.db.strings(&sql).await.into_iter().map(|r| r.split('|').map(str::to_owned).collect()).collect()
}

fn num(s: &str) -> Option<i64> {
    s.parse().ok()
}

/// The figures counted by hand, in Rust, from every row of the tables: the
/// circles of `scope` (a condition on `c`), as they stood at `to`, and what
/// happened in `[from, to)`.
async fn by_hand(app: &TestApp, scope: &str, p: &Period) -> Figures {
    let (from, to) = (p.from.as_millisecond(), p.to.as_millisecond());
    let active =
        |created: &str, archived: &str| num(created).is_some_and(|c| c < to) && num(archived).is_none_or(|a| a >= to);
    let circles: Vec<String> =
        rows(app, &["c.id", "c.created_at", "c.archived_at"], &format!("circles c WHERE {scope}"))
            .await
            .into_iter()
            .filter(|r| active(&r[1], &r[2]))
            .map(|r| r[0].clone())
            .collect();
    let all: Vec<String> =
        rows(app, &["c.id"], &format!("circles c WHERE {scope}")).await.into_iter().map(|r| r[0].clone()).collect();
    let mut f = Figures { circles: circles.len() as i64, ..Default::default() };
    let contacts = rows(app, &["circle_id", "created_at"], "network_contacts").await;
    f.circles_mapped =
        circles.iter().filter(|c| contacts.iter().any(|r| &r[0] == *c && num(&r[1]).is_some_and(|t| t < to))).count()
            as i64;
    let entries = rows(app, &["circle_id", "author_member_id", "kind", "created_at", "deleted_at"], "entries").await;
    let in_period = |t: &str| num(t).is_some_and(|t| t >= from && t < to);
    for m in rows(app, &["circle_id", "id", "role", "joined_at", "ended_at", "access_until"], "memberships").await {
        let standing = num(&m[3]).is_some_and(|j| j < to)
            && num(&m[4]).is_none_or(|e| e >= to)
            && num(&m[5]).is_none_or(|a| a >= to);
        if !circles.contains(&m[0]) || !standing {
            continue;
        }
        let i = Role::ALL.iter().position(|r| r.as_str() == m[2]).expect("a role");
        f.members_by_role[i] += 1;
        if entries.iter().any(|e| e[1] == m[1] && in_period(&e[3])) {
            f.active_by_role[i] += 1;
        }
        if Role::ALL[i].is_informal() {
            f.informal_members += 1;
        }
    }
    let last_day = p.last_day().to_string();
    for a in rows(app, &["circle_id", "step", "review_on", "created_at"], "agreements").await {
        if circles.contains(&a[0]) && num(&a[3]).is_some_and(|t| t < to) {
            f.agreements_by_step[(num(&a[1]).expect("step") - 1) as usize] += 1;
            if !a[2].is_empty() && a[2] < last_day {
                f.agreements_overdue += 1;
            }
        }
    }
    for ch in rows(app, &["circle_id", "recorded_at", "closed_at"], "change_events").await {
        if all.contains(&ch[0]) && in_period(&ch[1]) {
            f.changes += 1;
            if num(&ch[2]).is_some_and(|c| c < to) {
                f.changes_reviewed += 1;
            }
        }
    }
    let responses = rows(app, &["request_id", "created_at"], "help_responses").await;
    for h in rows(app, &["circle_id", "id", "created_at", "status", "decided_at"], "help_requests").await {
        if all.contains(&h[0]) && in_period(&h[2]) {
            f.help_requests += 1;
            let offered = responses.iter().any(|r| r[0] == h[1] && num(&r[1]).is_some_and(|t| t < to));
            let chosen = h[3] == "confirmed" && num(&h[4]).is_some_and(|t| t < to);
            if offered || chosen {
                f.help_answered += 1;
            }
        }
    }
    let mut sharers = std::collections::BTreeSet::new();
    for s in rows(
        app,
        &["circle_id", "member_id", "audience", "shared_at", "withdrawn_at", "followed_up_at"],
        "care_signals",
    )
    .await
    {
        if all.contains(&s[0]) && s[2] == "coordinator" && in_period(&s[3]) && num(&s[4]).is_none_or(|w| w >= to) {
            f.signals_shared += 1;
            sharers.insert(s[1].clone());
            if num(&s[5]).is_some_and(|t| t < to) {
                f.signals_followed_up += 1;
            }
        }
    }
    f.signal_people = sharers.len() as i64;
    f.thanks = entries
        .iter()
        .filter(|e| all.contains(&e[0]) && e[2] == "thanks" && in_period(&e[3]) && e[4].is_empty())
        .count() as i64;
    f
}

/// The figures a hand count can check (medians and the rota are checked by their own tests).
fn comparable(mut f: Figures) -> Figures {
    f.change_review_days_median = None;
    f.help_answer_hours_median = None;
    f.shift_places = 0;
    f.shift_places_filled = 0;
    f.cover_searches = 0;
    f.cover_found = 0;
    f
}

pub async fn the_monitor_equals_hand_counts_on_the_demo_data(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let store = &app.state.store;
    let org = store.internal().list_organisations().await.expect("orgs").remove(0).id;
    let p = period();
    for name in ["Wijkteam Stadspark", "Woonzorgcentrum De Esdoorn"] {
        let location = location_named(&app, name).await;
        let counted = store.internal().location_figures(&location, &p).await.expect("figures");
        let hand = by_hand(&app, &format!("c.location_id = '{location}'"), &p).await;
        assert_eq!(comparable(counted.clone()), hand, "{name}");
        assert!(counted.circles >= 5, "{name} has enough circles to show: {counted:?}");
        assert!(counted.informal_members > 0 && counted.agreements_overdue > 0, "{name}: {counted:?}");
    }
    let counted = store.internal().organisation_figures(&org, &p).await.expect("figures");
    assert_eq!(comparable(counted.clone()), by_hand(&app, &format!("c.organisation_id = '{org}'"), &p).await);
    assert!(counted.circles >= 12, "{counted:?}");

    // Last month, kept by the demo as the worker keeps it, is the same count.
    let last = p.previous().expect("last month");
    let kept = app
        .db
        .strings(&format!(
            "SELECT figures FROM monitor_snapshots WHERE scope_id = '{org}' AND month = '{}'",
            last.label()
        ))
        .await;
    let kept: Figures = serde_json::from_str(&kept[0]).expect("a kept month");
    assert_eq!(comparable(kept.clone()), by_hand(&app, &format!("c.organisation_id = '{org}'"), &last).await);
    assert!(kept.help_requests > 0 && kept.changes > 0 && kept.thanks > 0 && kept.signals_shared > 0, "{kept:?}");
    assert_eq!(app.db.count(&format!("SELECT COUNT(*) FROM monitor_snapshots WHERE scope_id = '{org}'")).await, 12);
    // Keeping a month again changes nothing.
    assert_eq!(store.internal().keep_monitor_month(&last, Timestamp::now()).await.expect("again"), 0);

    // The page shows the same numbers as the count, for the organisation's coordinator.
    let marieke = demo_person(&app, "marieke").await;
    let mut c = app.signed_in(&marieke).await;
    let page = c.get(&format!("/organisations/{org}/monitor")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(&format!("<th scope=\"row\">Actieve kringen</th><td>{}</td>", counted.circles)),
        "{}",
        page.body
    );
    assert!(page.body.contains("Wijkteam Stadspark") && page.body.contains("Woonzorgcentrum De Esdoorn"));
    assert!(page.body.contains("<svg class=\"bar-chart\""), "charts");
    let csv = c.get(&format!("/organisations/{org}/monitor.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains(&format!("organisation,Zorggroep Noorderlicht,{},{}", p.label(), counted.circles)),
        "{}",
        csv.body
    );
    assert_eq!(csv.body.lines().count(), 1 + 12 + 1 + 2, "header, kept months, this month, two locations");
}

pub async fn a_coach_sees_their_own_location_and_nothing_of_another(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let org = app.state.store.internal().list_organisations().await.expect("orgs").remove(0).id;
    let stadspark = location_named(&app, "Wijkteam Stadspark").await;
    let esdoorn = location_named(&app, "Woonzorgcentrum De Esdoorn").await;
    let joost = demo_person(&app, "joost").await;
    let petra = demo_person(&app, "petra").await;
    let ans = demo_person(&app, "ans").await;
    let ingrid = demo_person(&app, "ingrid").await;

    let mut c = app.signed_in(&joost).await;
    let own = c.get(&format!("/locations/{stadspark}/monitor")).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert!(own.body.contains("Wijkteam Stadspark"));
    // Counts only: no client, no member, nothing anyone wrote.
    let names = app.db.strings("SELECT client_name FROM circles").await;
    let people = app.db.strings("SELECT display_name FROM users").await;
    for text in names.iter().chain(people.iter().filter(|n| *n != "Joost van Dam")) {
        assert!(!own.body.contains(text.as_str()), "{text} is on the monitor");
    }
    assert!(!own.body.contains("Het wordt me soms te veel") && !own.body.contains("Dank je wel"));
    assert!(!own.body.contains("Woonzorgcentrum De Esdoorn"), "nothing of the other location");
    assert_eq!(c.get(&format!("/locations/{esdoorn}/monitor")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(c.get(&format!("/locations/{esdoorn}/monitor.csv")).await.status, StatusCode::NOT_FOUND);
    // He knows the organisation (its social map is his too), not its whole monitor.
    assert_eq!(c.get(&format!("/organisations/{org}/monitor")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(c.get(&format!("/organisations/{org}/monitor.csv")).await.status, StatusCode::FORBIDDEN);
    let list = c.get("/monitor").await;
    assert!(list.body.contains(&format!("/locations/{stadspark}/monitor")), "{}", list.body);
    assert!(!list.body.contains(&esdoorn.to_string()) && !list.body.contains(&format!("/organisations/{org}/monitor")));

    let mut api = app.api_as(&joost).await;
    let json = api.get(&format!("/api/v1/locations/{stadspark}/monitor")).await;
    assert_eq!(json.status, StatusCode::OK, "{}", json.body);
    assert!(json.body.contains("\"key\":\"circles\""), "{}", json.body);
    assert_eq!(api.get(&format!("/api/v1/locations/{esdoorn}/monitor")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(api.get(&format!("/api/v1/organisations/{org}/monitor")).await.status, StatusCode::FORBIDDEN);

    // The location manager of the other location sees that one only.
    let mut c = app.signed_in(&petra).await;
    assert_eq!(c.get(&format!("/locations/{esdoorn}/monitor")).await.status, StatusCode::OK);
    assert_eq!(c.get(&format!("/locations/{stadspark}/monitor")).await.status, StatusCode::NOT_FOUND);

    // A family carer in a circle at the location knows the location, not its monitor.
    let mut c = app.signed_in(&ans).await;
    assert_eq!(c.get(&format!("/locations/{stadspark}/monitor")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(c.get(&format!("/organisations/{org}/monitor")).await.status, StatusCode::FORBIDDEN);
    assert!(c.get("/monitor").await.body.contains("Je werkt niet voor een organisatie of locatie"));
    // Someone whose circle has no organisation does not know this one.
    let mut c = app.signed_in(&ingrid).await;
    assert_eq!(c.get(&format!("/locations/{esdoorn}/monitor")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(c.get(&format!("/organisations/{org}/monitor")).await.status, StatusCode::NOT_FOUND);

    // Every look and every refusal is in the audit trail.
    let looked =
        app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'monitor.location' AND outcome = 'allowed'").await;
    assert!(looked >= 3, "{looked}");
    let refused = app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'request.refused' AND object_type IN ('location', 'organisation')").await;
    assert!(refused >= 8, "{refused}");
}

pub async fn small_numbers_are_never_shown_exactly(db: TestDb) {
    let app = TestApp::new(db).await;
    let now = Timestamp::now();
    let store = &app.state.store;
    let org: OrganisationId = store.internal().create_organisation("Zorggroep Klein", now).await.expect("org");
    let small = store.internal().create_location(&org, "Klein", now).await.expect("location");
    let coach = app.user("Coach").await;
    store.internal().add_location_staff(&small, &coach.id, LocationRole::Coordinator, now).await.expect("staff");
    let me = app.acting_as(&coach).await;
    let ctx = app.ctx(&me, now);
    let mut circles = Vec::new();
    for name in ["Jan", "Piet", "Klaas"] {
        let start = samenspel::service::circles::StartCircle {
            client_name: name.into(),
            organisation_id: Some(org.to_string()),
            location_id: Some(small.to_string()),
            my_role: "coordinator".into(),
            ..Default::default()
        };
        circles.push(samenspel::service::circles::start(&ctx, &start, None).await.expect("circle"));
    }
    let carer = app.user("Carer").await;
    store
        .internal()
        .add_member(&circles[0], &carer.id, Role::Relative, "", false, false, None, now)
        .await
        .expect("member");
    let carer_me = app.acting_as(&carer).await;
    samenspel::service::checkins::share_signal(&app.ctx(&carer_me, now), &circles[0], "coordinator", "Zwaar")
        .await
        .expect("signal");

    let mut c = app.signed_in(&coach).await;
    let page = c.get(&format!("/locations/{small}/monitor")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<th scope=\"row\">Actieve kringen</th><td>minder dan 5</td>"), "{}", page.body);
    assert!(
        page.body.contains("<th scope=\"row\">Signalen gedeeld met de coördinator</th><td>te weinig om te tonen</td>")
    );
    assert!(!page.body.contains("<td>3</td>") && !page.body.contains("<td>1</td>"), "{}", page.body);
    assert!(!page.body.contains("Zwaar"));

    let mut api = app.api_as(&coach).await;
    let json: serde_json::Value =
        serde_json::from_str(&api.get(&format!("/api/v1/locations/{small}/monitor")).await.body).expect("json");
    let figure =
        |key: &str| json["now"]["figures"].as_array().expect("figures").iter().find(|f| f["key"] == key).cloned();
    assert_eq!(figure("circles").expect("circles")["shown"], "fewer_than_five");
    assert!(figure("circles").expect("circles")["value"].is_null());
    assert_eq!(figure("signals-shared").expect("signals")["shown"], "too_few");
    assert_eq!(figure("informal-per-circle-tenths").expect("avg")["shown"], "too_few");

    let csv = c.get(&format!("/locations/{small}/monitor.csv")).await.body;
    let row = csv.lines().last().expect("this month");
    assert!(row.starts_with(&format!("location,Klein,{},<5,", period().label())), "{row}");
    assert!(row.contains("suppressed"), "{row}");
}

/// Circles written around the store, many at once (`first` to `last`, numbered), at `location`.
async fn many_circles(app: &TestApp, org: &OrganisationId, location: &LocationId, by: &UserId, first: i64, last: i64) {
    let sql = format!(
        "WITH RECURSIVE n(i) AS (SELECT {first} UNION ALL SELECT i + 1 FROM n WHERE i < {last}) \
         INSERT INTO circles (id, organisation_id, location_id, client_name, description, created_by, created_at) \
         SELECT 'many-' || i, '{org}', '{location}', 'Cliënt ' || i, '', '{by}', 0 FROM n"
    );
    app.db.raw(&sql).await.expect("circles");
}

pub async fn a_large_organisation_is_counted_at_most_every_few_minutes(db: TestDb) {
    use samenspel_store::monitor::LIVE_CIRCLES;
    let app = TestApp::new(db).await;
    let now = Timestamp::now();
    let store = &app.state.store;
    let org = store.internal().create_organisation("Zorggroep Groot", now).await.expect("org");
    let location = store.internal().create_location(&org, "Groot", now).await.expect("location");
    let manager = app.user("Manager").await;
    store.internal().add_staff(&org, &manager.id, samenspel_core::role::OrgRole::Admin, now).await.expect("staff");
    let large = LIVE_CIRCLES + 10;
    many_circles(&app, &org, &location, &manager.id, 1, large).await;
    let mut c = app.signed_in(&manager).await;
    let shows = |n: i64| format!("<th scope=\"row\">Actieve kringen</th><td>{n}</td>");
    let page = c.get(&format!("/organisations/{org}/monitor")).await;
    assert!(page.body.contains(&shows(large)) && page.body.contains("Geteld op"), "{}", page.body);
    assert_eq!(app.db.count("SELECT COUNT(*) FROM monitor_live").await, 2, "the organisation and its location");

    // Five more circles: the count of a minute ago is still shown, with its time.
    many_circles(&app, &org, &location, &manager.id, large + 1, large + 5).await;
    assert!(c.get(&format!("/organisations/{org}/monitor")).await.body.contains(&shows(large)));
    assert!(c.get(&format!("/locations/{location}/monitor")).await.body.contains(&shows(large)));
    // Once the count is older than allowed, the next look counts again.
    app.db.raw("UPDATE monitor_live SET computed_at = computed_at - 3600000").await.expect("older");
    assert!(c.get(&format!("/organisations/{org}/monitor")).await.body.contains(&shows(large + 5)));

    // The worker counts a large organisation again before anyone has to wait.
    many_circles(&app, &org, &location, &manager.id, large + 6, large + 10).await;
    app.db.raw("UPDATE monitor_live SET computed_at = computed_at - 3600000").await.expect("older");
    assert_eq!(samenspel::jobs::refresh_live_monitors(&app.state, Timestamp::now()).await.expect("refresh"), 1);
    assert_eq!(samenspel::jobs::refresh_live_monitors(&app.state, Timestamp::now()).await.expect("again"), 0);
    assert!(c.get(&format!("/locations/{location}/monitor")).await.body.contains(&shows(large + 10)));
}
