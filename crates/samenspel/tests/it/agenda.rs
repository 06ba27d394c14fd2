//! The agenda and the rota on pages and in the calendar feed: a volunteer
//! signs up and the gap closes on the family carer's overview; the feed
//! parses in a third-party iCalendar library, keeps its UIDs across
//! fetches, and keeps a weekly evening at 19:00 on both sides of the change
//! to winter time; a professionals-only appointment never reaches a
//! volunteer — not in the agenda, not on the overview, not in the feed.

use crate::support::fixtures::cast;
use crate::support::{Client, TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::StatusCode;
use icalendar::{Component as _, EventLike as _};
use jiff::civil::{Date, DateTime, Weekday};
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;

cast! {
    /// Henk's circle: his wife Ans manages it, nurse Fatima, volunteer Thijs.
    struct Circle("Henk de Vries") {
        henk: client("Henk"),
        ans: relative("Ans").manager(),
        fatima: professional("Fatima"),
        thijs: volunteer("Thijs"),
    };
    async fn circle;
}

fn today() -> Date {
    jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz")).date()
}

/// The first `weekday` after today, plus `weeks` weeks.
fn next(weekday: Weekday, weeks: i64) -> Date {
    let mut d = today().tomorrow().expect("tomorrow");
    while d.weekday() != weekday {
        d = d.tomorrow().expect("tomorrow");
    }
    d.checked_add(jiff::Span::new().weeks(weeks)).expect("date")
}

/// The agenda form's code for `weekday`.
fn weekday_code(weekday: Weekday) -> &'static str {
    ["mo", "tu", "we", "th", "fr", "sa", "su"][usize::from(weekday.to_monday_zero_offset().unsigned_abs())]
}

/// The last Sunday of October still to come: the change to winter time.
fn next_change_to_winter_time() -> Date {
    // Far enough ahead that the Tuesday before it is still to come.
    let t = today().checked_add(jiff::Span::new().days(7)).expect("a week ahead");
    let change = |year: i16| {
        Date::new(year, 10, 31).expect("31 October").nth_weekday_of_month(-1, Weekday::Sunday).expect("last Sunday")
    };
    if change(t.year()) > t { change(t.year()) } else { change(t.year() + 1) }
}

/// Plans "Dinsdagavond gezelschap" through the form: a shift with one place
/// on `date` from 19:00 to `end`, with the `more` fields; returns its id.
async fn plan_evening(
    client: &mut Client<'_>,
    circle: &CircleId,
    date: Date,
    end: &str,
    more: &[(&str, &str)],
) -> String {
    let date = date.to_string();
    let mut fields = vec![
        ("kind", "shift"),
        ("title", "Dinsdagavond gezelschap"),
        ("date", date.as_str()),
        ("start_time", "19:00"),
        ("end_time", end),
        ("places", "1"),
    ];
    fields.extend_from_slice(more);
    plan(client, circle, &fields).await
}

/// Saves an item through the form; returns its id (from the redirect).
async fn plan(client: &mut Client<'_>, circle: &CircleId, fields: &[(&str, &str)]) -> String {
    let r = client.post(&format!("/circles/{circle}/agenda"), fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().expect("a redirect").to_owned();
    let rest = location.strip_prefix(&format!("/circles/{circle}/agenda/")).expect("to the item");
    rest.split('?').next().expect("an id").to_owned()
}

/// Makes a calendar address on the account page and returns its path.
pub(crate) async fn feed_path(client: &mut Client<'_>) -> String {
    assert_eq!(client.get("/account").await.status, StatusCode::OK);
    let r = client.post("/account/calendar", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let start = r.body.find("id=\"calendar-address\" readonly value=\"").expect("the address is shown once")
        + "id=\"calendar-address\" readonly value=\"".len();
    let address = r.body[start..start + r.body[start..].find('"').expect("end of the address")].replace("&#x2f;", "/");
    address.split_once("/calendar/").map(|(_, t)| format!("/calendar/{t}")).expect("a calendar path")
}

async fn fetch(app: &TestApp, path: &str) -> (StatusCode, String) {
    let r = app.client().get(path).await;
    (r.status, r.body)
}

pub async fn a_volunteer_signs_up_and_the_gap_closes(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let mut ans = app.signed_in(&c.ans).await;
    let mut thijs = app.signed_in(&c.thijs).await;
    let mut henk = app.signed_in(&c.henk).await;
    let overview = format!("/circles/{}", c.circle);
    for client in [&mut ans, &mut thijs, &mut henk] {
        assert_eq!(client.get(&overview).await.status, StatusCode::OK);
    }
    // The shift repeats on tomorrow's weekday, so that both of its coming
    // evenings fall inside the overview's 14 days whatever day this runs on
    // (with a fixed Tuesday, a run on a Tuesday puts the second one on the
    // window's last, excluded day).
    let evening = today().saturating_add(jiff::Span::new().days(1));
    let weekday = weekday_code(evening.weekday());
    let item = plan_evening(
        &mut ans,
        &c.circle,
        evening,
        "21:30",
        &[("repeat", "weekly"), ("weekdays", weekday), ("audience", "circle")],
    )
    .await;
    let next_evening = evening.saturating_add(jiff::Span::new().weeks(1));
    let other_day = evening.saturating_add(jiff::Span::new().days(1));

    // The gap shows on the family carer's overview, for both coming evenings.
    let page = ans.get(&overview).await;
    assert!(page.body.contains("Diensten die nog iemand nodig hebben"), "{}", page.body);
    let first = format!("/agenda/{item}/{evening}/sign-up");
    assert!(page.body.contains(&first), "{}", page.body);

    // Thijs signs up from the agenda; Ans sees that evening's gap close.
    let r = thijs.post(&format!("/circles/{}{first}", c.circle), &[("back", "agenda")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), Some(format!("/circles/{}/agenda?done=notice-signed-up", c.circle).as_str()));
    let page = ans.get(&overview).await;
    assert!(!page.body.contains(&first), "the gap closed: {}", page.body);
    assert!(page.body.contains(&format!("/agenda/{item}/{next_evening}/sign-up")), "next week is open: {}", page.body);
    let item_page = ans.get(&format!("/circles/{}/agenda/{item}", c.circle)).await;
    assert!(item_page.body.contains("Thijs"), "{}", item_page.body);

    // Nobody takes a place twice, and a full shift says so.
    let again = thijs.post(&format!("/circles/{}{first}", c.circle), &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("Je staat al ingeschreven"), "{}", again.body);
    let full = ans.post(&format!("/circles/{}{first}", c.circle), &[]).await;
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert!(full.body.contains("deze dienst is al vol"), "{}", full.body);
    // The client does not take shifts.
    let next_week = format!("/circles/{}/agenda/{item}/{next_evening}/sign-up", c.circle);
    assert_eq!(henk.post(&next_week, &[]).await.status, StatusCode::FORBIDDEN);
    // A date that is not one of the shift's times does not exist.
    let other_date = format!("/circles/{}/agenda/{item}/{other_day}/sign-up", c.circle);
    assert_eq!(thijs.post(&other_date, &[]).await.status, StatusCode::NOT_FOUND);

    // Thijs gives it back: the gap is there again, and Ans (who planned it) hears about it.
    let r = thijs.post(&format!("/circles/{}/agenda/{item}/{evening}/give-back", c.circle), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(ans.get(&overview).await.body.contains(&first));
    let noon = jiff::civil::date(2030, 1, 7).at(12, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).expect("noon");
    samenspel::jobs::run_due_at(&app.state, "test-worker", noon.timestamp()).await.expect("jobs");
    let mails = app.mails_to(&c.ans.email);
    assert!(mails.iter().any(|m| m.contains("Dienst weer open")), "{mails:?}");
}

pub async fn the_calendar_feed_parses_keeps_its_uids_and_the_local_hour(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let mut ans = app.signed_in(&c.ans).await;
    let mut thijs = app.signed_in(&c.thijs).await;
    for client in [&mut ans, &mut thijs] {
        assert_eq!(client.get(&format!("/circles/{}", c.circle)).await.status, StatusCode::OK);
    }
    // A weekly Tuesday evening that runs across the next change to winter time.
    let change = next_change_to_winter_time();
    let before = change.checked_sub(jiff::Span::new().days(5)).expect("the Tuesday before");
    let after = change.checked_add(jiff::Span::new().days(2)).expect("the Tuesday after");
    assert_eq!((before.weekday(), after.weekday()), (Weekday::Tuesday, Weekday::Tuesday));
    let start = before.checked_sub(jiff::Span::new().weeks(1)).expect("a week earlier").max(next(Weekday::Tuesday, 0));
    let shift = plan_evening(&mut ans, &c.circle, start, "21:00", &[("repeat", "weekly"), ("weekdays", "tu")]).await;
    for day in [before, after] {
        let r = thijs.post(&format!("/circles/{}/agenda/{shift}/{day}/sign-up", c.circle), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    // Billiards, weekly, that Thijs goes along to: one series with its rule.
    let thijs_member = app.member_id(&c.circle, &c.thijs).await.to_string();
    let billiards = plan(
        &mut ans,
        &c.circle,
        &[
            ("kind", "activity"),
            ("title", "Biljarten"),
            ("date", &start.to_string()),
            ("start_time", "14:00"),
            ("end_time", "16:30"),
            ("repeat", "weekly"),
            ("weekdays", "tu"),
            ("along", &thijs_member),
            ("place", "De Keu; Molenstraat 4, Zwolle"),
        ],
    )
    .await;

    let path = feed_path(&mut thijs).await;
    let (status, first) = fetch(&app, &path).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let calendar: icalendar::Calendar = first.parse().expect("the feed parses");
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    assert_eq!(events.len(), 3, "two shifts and one series: {first}");
    assert!(first.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"), "the zone travels with the feed");

    // Both shifts start at 19:00 local time — which is 17:00 UTC before the
    // change and 18:00 UTC after it.
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz");
    let mut starts: Vec<(String, DateTime)> = Vec::new();
    for e in &events {
        let Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone { date_time, tzid })) =
            e.get_start()
        else {
            panic!("a local start with a time zone: {:?}", e.get_start());
        };
        assert_eq!(tzid, "Europe/Amsterdam");
        let local: DateTime = date_time.format("%Y-%m-%dT%H:%M:%S").to_string().parse().expect("a local time");
        starts.push((e.get_uid().expect("a UID").to_owned(), local));
    }
    let shift_starts: Vec<&DateTime> =
        starts.iter().filter(|(uid, _)| uid.starts_with(&format!("{shift}-"))).map(|(_, d)| d).collect();
    assert_eq!(shift_starts.len(), 2);
    let utc_hours: Vec<i8> = shift_starts
        .iter()
        .map(|d| {
            assert_eq!((d.hour(), d.minute()), (19, 0), "the same local hour");
            d.to_zoned(tz.clone()).expect("a real time").with_time_zone(jiff::tz::TimeZone::UTC).hour()
        })
        .collect();
    assert_eq!(utc_hours, [17, 18], "summer time, then winter time");
    let series = events.iter().find(|e| e.get_uid() == Some(&format!("{billiards}@samenspel"))).expect("the series");
    let rule = series.properties().get("RRULE").map(|p| p.value().to_owned()).expect("a rule");
    assert_eq!(rule, "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU");
    assert_eq!(series.get_location(), Some("De Keu; Molenstraat 4, Zwolle"), "text is escaped and read back");

    // A second fetch has the same UIDs; a change raises the sequence, not the UID.
    let (_, second) = fetch(&app, &path).await;
    let again: icalendar::Calendar = second.parse().expect("the feed parses");
    let mut uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    let mut uids_again: Vec<&str> = again.events().filter_map(|e| e.get_uid()).collect();
    uids.sort_unstable();
    uids_again.sort_unstable();
    assert_eq!(uids, uids_again);
    let r = ans
        .post(
            &format!("/circles/{}/agenda/{billiards}", c.circle),
            &[
                ("kind", "activity"),
                ("title", "Biljarten bij De Keu"),
                ("date", &start.to_string()),
                ("start_time", "14:00"),
                ("end_time", "17:00"),
                ("repeat", "weekly"),
                ("weekdays", "tu"),
                ("along", &thijs_member),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let (_, third) = fetch(&app, &path).await;
    let third: icalendar::Calendar = third.parse().expect("the feed parses");
    let changed = third.events().find(|e| e.get_uid() == Some(&format!("{billiards}@samenspel"))).expect("same UID");
    assert_eq!(changed.get_summary(), Some("Henk de Vries: Biljarten bij De Keu"));
    assert!(changed.get_sequence().unwrap_or(0) > series.get_sequence().unwrap_or(0), "the sequence went up");

    // A new address replaces the old one; a withdrawn one is gone.
    let renewed = feed_path(&mut thijs).await;
    assert_ne!(renewed, path);
    assert_eq!(fetch(&app, &path).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, &renewed).await.0, StatusCode::OK);
    assert_eq!(thijs.post("/account/calendar/revoke", &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(fetch(&app, &renewed).await.0, StatusCode::NOT_FOUND);
}

pub async fn a_professionals_only_appointment_never_reaches_a_volunteer(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let mut fatima = app.signed_in(&c.fatima).await;
    let mut thijs = app.signed_in(&c.thijs).await;
    let mut ans = app.signed_in(&c.ans).await;
    let mut henk = app.signed_in(&c.henk).await;
    for client in [&mut fatima, &mut thijs, &mut ans, &mut henk] {
        assert_eq!(client.get(&format!("/circles/{}", c.circle)).await.status, StatusCode::OK);
    }
    let thursday = next(Weekday::Thursday, 0).to_string();
    let secret = plan(
        &mut fatima,
        &c.circle,
        &[
            ("kind", "appointment"),
            ("title", "Overleg geheugenpoli"),
            ("date", &thursday),
            ("start_time", "14:00"),
            ("end_time", "15:00"),
            ("elsewhere", "on"),
            ("audience", "professionals"),
        ],
    )
    .await;
    // A professionals-only shift, too: its gap must not show either.
    let secret_shift = plan(
        &mut fatima,
        &c.circle,
        &[
            ("kind", "shift"),
            ("title", "Nachtdienst verpleging"),
            ("date", &thursday),
            ("start_time", "23:00"),
            ("end_time", "07:00"),
            ("places", "1"),
            ("audience", "professionals"),
        ],
    )
    .await;
    let feed = feed_path(&mut thijs).await;
    for (who, client) in [("Thijs", &mut thijs), ("Ans", &mut ans)] {
        let list = client.get(&format!("/circles/{}/agenda", c.circle)).await;
        let week = client.get(&format!("/circles/{}/agenda?view=week&from={thursday}", c.circle)).await;
        let overview = client.get(&format!("/circles/{}", c.circle)).await;
        for page in [&list, &week, &overview] {
            assert_eq!(page.status, StatusCode::OK);
            assert!(!page.body.contains("geheugenpoli"), "{who}: {}", page.body);
            assert!(!page.body.contains("Nachtdienst"), "{who}: {}", page.body);
        }
        for id in [&secret, &secret_shift] {
            assert_eq!(client.get(&format!("/circles/{}/agenda/{id}", c.circle)).await.status, StatusCode::NOT_FOUND);
        }
        let sign_up = format!("/circles/{}/agenda/{secret_shift}/{thursday}/sign-up", c.circle);
        assert_eq!(client.post(&sign_up, &[]).await.status, StatusCode::NOT_FOUND, "{who}");
    }
    let (_, body) = fetch(&app, &feed).await;
    assert!(body.starts_with("BEGIN:VCALENDAR"));
    assert!(!body.contains("geheugenpoli") && !body.contains("Nachtdienst"), "{body}");
    // The professional and the client see it.
    for client in [&mut fatima, &mut henk] {
        let page = client.get(&format!("/circles/{}/agenda", c.circle)).await;
        assert!(page.body.contains("Overleg geheugenpoli"), "{}", page.body);
    }
    let fatima_feed = feed_path(&mut fatima).await;
    assert!(fetch(&app, &fatima_feed).await.1.contains("Overleg geheugenpoli"), "the planner's own feed has it");
}

pub async fn bad_agenda_input_is_named_and_kept(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let mut ans = app.signed_in(&c.ans).await;
    assert_eq!(ans.get(&format!("/circles/{}/agenda/new", c.circle)).await.status, StatusCode::OK);
    let r = ans
        .post(
            &format!("/circles/{}/agenda", c.circle),
            &[
                ("kind", "shift"),
                ("title", ""),
                ("date", "morgen"),
                ("start_time", "19:00"),
                ("end_time", ""),
                ("place", "Thuis bij Henk"),
                ("places", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in ["Schrijf wat het is.", "Vul een datum in", "Vul in tot hoe laat het duurt.", "1 tot 50"] {
        assert!(r.body.contains(message), "{message}: {}", r.body);
    }
    assert!(r.body.contains("value=\"Thuis bij Henk\""), "what was typed stays");
    let agenda = ans.get(&format!("/circles/{}/agenda", c.circle)).await;
    assert!(agenda.body.contains("Er staat nog niets in de agenda"), "nothing was saved");
}

pub async fn a_reminder_the_day_before_and_cover_asked_in_turn(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let kees = app.user("Kees").await;
    let piet = app.user("Piet").await;
    for (u, role) in [(&kees, Role::Relative), (&piet, Role::Volunteer)] {
        app.state
            .store
            .internal()
            .add_member(&c.circle, &u.id, role, "", false, false, None, jiff::Timestamp::now())
            .await
            .expect("member");
    }
    let mut ans = app.signed_in(&c.ans).await;
    let mut thijs = app.signed_in(&c.thijs).await;
    let mut kees_c = app.signed_in(&kees).await;
    for client in [&mut ans, &mut thijs, &mut kees_c] {
        assert_eq!(client.get(&format!("/circles/{}", c.circle)).await.status, StatusCode::OK);
    }
    let tuesday = next(Weekday::Tuesday, 1);
    let item = plan_evening(&mut ans, &c.circle, tuesday, "21:00", &[]).await;
    let page_path = format!("/circles/{}/agenda/{item}", c.circle);
    let on = format!("{page_path}/{tuesday}");
    assert_eq!(thijs.post(&format!("{on}/sign-up"), &[]).await.status, StatusCode::SEE_OTHER);

    // The reminder goes out once, within the day before, not earlier.
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz");
    let at = |d: Date, h: i8| d.at(h, 0, 0, 0).to_zoned(tz.clone()).expect("time").timestamp();
    let monday = tuesday.yesterday().expect("monday");
    let sunday = monday.yesterday().expect("sunday");
    let run = |t: jiff::Timestamp| samenspel::jobs::run_rota(&app.state, t);
    assert_eq!(run(at(sunday, 12)).await.expect("run"), 0, "two days before: not yet");
    assert_eq!(run(at(tuesday, 9)).await.expect("run"), 1, "the day before");
    assert_eq!(run(at(tuesday, 10)).await.expect("run"), 0, "only once");
    samenspel::jobs::run_due_at(&app.state, "test-worker", at(tuesday, 18)).await.expect("jobs");
    let mails = app.mails_to(&c.thijs.email);
    assert!(mails.iter().any(|m| m.contains("Morgen: Dinsdagavond gezelschap")), "{mails:?}");

    // Piet helped recently; Ans and Kees never did. Thijs gives the shift
    // back and asks for cover: Ans is asked first, then — after she says
    // she cannot — Kees. Nobody is asked twice at once.
    let piet_member = app.member_id(&c.circle, &piet).await;
    app.db
        .raw(&format!(
            "INSERT INTO shift_signups (item_id, on_date, member_id, signed_up_at) VALUES ('{item}', '2026-01-06', '{piet_member}', 0)"
        ))
        .await
        .expect("an earlier shift of Piet's");
    let r = thijs.post(&format!("{on}/give-back"), &[("find_cover", "on")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let now = jiff::Timestamp::now();
    assert_eq!(run(now).await.expect("run"), 1, "one member is asked");
    assert_eq!(run(now).await.expect("run"), 0, "and given time to answer");
    let page = ans.get(&page_path).await;
    assert!(page.body.contains("We vragen jou of je deze dienst kunt doen."), "{}", page.body);
    assert!(!kees_c.get(&page_path).await.body.contains("We vragen jou"), "Kees is not asked yet");
    assert_eq!(ans.post(&format!("{on}/decline-cover"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(run(now).await.expect("run"), 1, "the next one is asked");
    assert!(kees_c.get(&page_path).await.body.contains("We vragen jou"), "then Kees");
    assert_eq!(kees_c.post(&format!("{on}/sign-up"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(run(now).await.expect("run"), 0, "covered: the search ends");
    samenspel::jobs::run_due_at(&app.state, "test-worker", at(tuesday, 18)).await.expect("jobs");
    assert!(app.mails_to(&c.ans.email).iter().any(|m| m.contains("Kun jij? Dinsdagavond gezelschap")));
    assert!(app.mails_to(&kees.email).iter().any(|m| m.contains("Kun jij? Dinsdagavond gezelschap")));
    assert!(!app.mails_to(&piet.email).iter().any(|m| m.contains("Kun jij?")), "Piet helped most recently");
    assert!(!app.mails_to(&c.thijs.email).iter().any(|m| m.contains("Kun jij?")), "not whoever gave it back");
}
