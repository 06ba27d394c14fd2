//! Every kind of notification e-mail can be stopped signed out: the link at
//! the bottom and the `List-Unsubscribe` address open a page (a GET changes
//! nothing), and the one-click POST (RFC 8058) stops that kind of e-mail and
//! only that one.

use crate::support::fixtures::cast;
use crate::support::{TestApp, TestDb, relative, volunteer};
use axum::http::StatusCode;
use jiff::SignedDuration;
use jiff::civil::{Date, Weekday};
use samenspel::service::logbook;
use samenspel_core::Timestamp;
use samenspel_core::ids::MemberId;
use samenspel_store::access::MemberLink;

cast! {
    /// Henk's circle: his daughter Ans manages it; Thijs and Kees volunteer.
    struct Circle("Henk de Vries") {
        ans: relative("Ans").manager(),
        thijs: volunteer("Thijs"),
        kees: volunteer("Kees"),
    };
    async fn circle;
}

fn tz() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz")
}

/// A Tuesday at least a week ahead.
fn a_tuesday() -> Date {
    let mut d = jiff::Zoned::now().with_time_zone(tz()).date().checked_add(jiff::Span::new().days(8)).expect("date");
    while d.weekday() != Weekday::Tuesday {
        d = d.tomorrow().expect("date");
    }
    d
}

/// One mail as the tests read it: who to, its one-click address, the link
/// at the bottom of its text.
#[derive(Debug)]
struct Stoppable {
    to: String,
    subject: String,
    one_click: String,
    footer: String,
}

fn stoppable(mail: &str) -> Option<Stoppable> {
    let header = |name: &str| mail.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_owned());
    let one_click = header("List-Unsubscribe:")?.trim_matches(['<', '>']).to_owned();
    // The text part ends with the footer's sentence and its link.
    let footer = mail
        .lines()
        .rfind(|l| l.starts_with("http://samenspel.test/notifications/"))
        .expect("a footer link in the text")
        .trim()
        .to_owned();
    Some(Stoppable { to: header("To:")?, subject: header("Subject:")?, one_click, footer })
}

/// The path of an address on the test site.
fn path(address: &str) -> String {
    address.strip_prefix("http://samenspel.test").expect("an address on the site").to_owned()
}

pub async fn every_mail_kind_stops_signed_out(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app).await;
    let now = Timestamp::now();
    let hours = |h: i64| now.checked_add(SignedDuration::from_hours(h)).expect("time");

    // News at once: Ans asks a question.
    let me = app.acting_as(&c.ans).await;
    let input = logbook::WriteEntry {
        kind: "question".into(),
        audience: "circle".into(),
        body: "Wie kan vrijdag mee naar de huisarts?".into(),
        ..Default::default()
    };
    logbook::write(&app.ctx(&me, now), &c.circle, &input, vec![], None).await.expect("written");
    // A check-in reminder Ans asked for, every week.
    let mut ans = app.signed_in(&c.ans).await;
    ans.get(&format!("/circles/{}/check-in", c.circle)).await;
    let r = ans.post(&format!("/circles/{}/check-in/reminder", c.circle), &[("every_weeks", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(samenspel::jobs::send_checkin_reminders(&app.state, hours(8 * 24)).await.expect("reminders"), 1);
    // A weekly summary: the first run plans it, a week on it goes out.
    for day in [9, 17] {
        samenspel::jobs::send_digests(&app.state, hours(day * 24)).await.expect("summaries");
    }

    // A shift Thijs signs up for: the reminder the day before. Then he gives
    // it back and the next volunteer is asked to cover it.
    let tuesday = a_tuesday();
    ans.get(&format!("/circles/{}/agenda/new", c.circle)).await;
    let day = tuesday.to_string();
    let fields = [
        ("kind", "shift"),
        ("title", "Dinsdagavond gezelschap"),
        ("date", day.as_str()),
        ("start_time", "19:00"),
        ("end_time", "21:00"),
        ("places", "1"),
    ];
    let r = ans.post(&format!("/circles/{}/agenda", c.circle), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let item = r.location().expect("to the item").split('?').next().expect("path").to_owned();
    let on = format!("{item}/{tuesday}");
    let mut thijs = app.signed_in(&c.thijs).await;
    thijs.get(&item).await;
    assert_eq!(thijs.post(&format!("{on}/sign-up"), &[]).await.status, StatusCode::SEE_OTHER);
    let day_before = tuesday.at(9, 0, 0, 0).to_zoned(tz()).expect("time").timestamp();
    assert_eq!(samenspel::jobs::run_rota(&app.state, day_before).await.expect("rota"), 1, "the reminder");
    assert_eq!(thijs.post(&format!("{on}/give-back"), &[("find_cover", "on")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(samenspel::jobs::run_rota(&app.state, Timestamp::now()).await.expect("rota"), 1, "a cover request");
    samenspel::jobs::run_due_at(&app.state, "test-worker", hours(30 * 24)).await.expect("jobs");

    let mails = app.mails();
    let notices: Vec<Stoppable> = mails.iter().filter_map(|m| stoppable(m)).collect();
    // Every mail about the circle can be stopped; only sign-in links and
    // invitations, which answer what someone did, have no such address.
    for m in &mails {
        assert!(
            m.contains("List-Unsubscribe:") || m.contains("Aanmelden bij Samenspel") || m.contains("uitgenodigd"),
            "a mail without a one-click address: {m}"
        );
    }
    let kind_of = |s: &Stoppable| s.one_click.rsplit_once("/off").map(|(_, k)| k.to_owned()).expect("an /off address");
    let mut kinds: Vec<String> = notices.iter().map(kind_of).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, ["", "/check-in", "/shifts"], "news, check-in and shift mails: {notices:#?}");
    assert!(notices.iter().any(|n| n.subject.contains("Morgen")), "the shift reminder: {notices:#?}");
    assert!(
        notices.iter().any(|n| n.subject.contains("Kun jij?") && n.to.contains(&c.ans.email)),
        "the cover request, first to who never helped (by name): {notices:#?}"
    );
    assert!(notices.iter().any(|n| n.subject.contains("nieuwe vraag") && n.to.contains(&c.kees.email)));
    assert!(notices.iter().any(|n| n.subject.contains("samenvatting")), "a summary: {notices:#?}");

    let key = app.state.config.secret_key.expose().to_owned();
    for n in &notices {
        let kind = kind_of(n);
        let member_path = path(&n.one_click);
        let member = MemberId::parse(member_path.split('/').nth(2).expect("member")).expect("a member id");
        let link = app.db.store.open_member_link(&key, &member, &MemberLink::token(&key, &member)).await.expect("link");
        let before = app.db.store.notification_settings_by_link(&link).await.expect("settings");
        let reminder_before = app.db.store.reminder_by_link(&link).await.expect("reminder");
        let mut visitor = app.client();
        // The footer link works signed out.
        let footer = visitor.get(&path(&n.footer)).await;
        assert_eq!(footer.status, StatusCode::OK, "{} {}", n.footer, footer.body);
        assert!(footer.text().contains("Henk de Vries"));
        // Opening the one-click address in a browser asks, and changes nothing.
        let opened = visitor.get(&member_path).await;
        assert_eq!(opened.status, StatusCode::OK, "{member_path}");
        if kind != "/check-in" || reminder_before.is_some() {
            assert!(opened.text().contains("Ja, stop deze e-mails"), "{}", opened.body);
        }
        assert_eq!(app.db.store.notification_settings_by_link(&link).await.expect("settings"), before);
        // The mail program's one-click POST, with no session and no CSRF token.
        let stopped = app.client().post_raw(&member_path, "List-Unsubscribe=One-Click".into()).await;
        assert_eq!(stopped.status, StatusCode::OK, "{member_path}: {}", stopped.body);
        let after = app.db.store.notification_settings_by_link(&link).await.expect("settings");
        let reminder_after = app.db.store.reminder_by_link(&link).await.expect("reminder");
        match kind.as_str() {
            "" => {
                assert!(stopped.text().contains("Je krijgt geen nieuws meer over deze kring per e-mail"));
                assert_eq!((after.immediate, after.digest.as_str()), (false, "off"), "{}", n.to);
                assert_eq!((after.shifts, reminder_after), (before.shifts, reminder_before), "only the news");
            }
            "/shifts" => {
                assert!(stopped.text().contains("Je krijgt geen e-mails meer over je diensten"));
                assert!(!after.shifts, "{}", n.to);
                assert_eq!(
                    (after.immediate, after.digest, reminder_after),
                    (before.immediate, before.digest, reminder_before)
                );
            }
            "/check-in" => {
                assert!(stopped.text().contains("Je krijgt geen herinneringen meer voor de mantelzorgcheck"));
                assert_eq!(reminder_after, None);
                assert_eq!(after, before, "only the reminders");
            }
            other => panic!("an unknown kind {other}"),
        }
    }
    // A stopped member is not asked to cover again, and gets no reminder.
    let thijs_member = app.member_id(&c.circle, &c.thijs).await;
    let link = app.db.store.open_member_link(&key, &thijs_member, &MemberLink::token(&key, &thijs_member)).await;
    assert!(!app.db.store.notification_settings_by_link(&link.expect("link")).await.expect("settings").shifts);

    // Wrong signatures and unknown kinds are "not found", both ways.
    let any = path(&notices[0].one_click);
    let member = any.split('/').nth(2).expect("member");
    for bad in [format!("/notifications/{member}/not-the-token/off/shifts"), format!("/notifications/{member}/x/off")] {
        assert_eq!(app.client().get(&bad).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.client().post_raw(&bad, "List-Unsubscribe=One-Click".into()).await.status,
            StatusCode::NOT_FOUND
        );
    }
    let token = any.split('/').nth(3).expect("token");
    let unknown = format!("/notifications/{member}/{token}/off/everything");
    assert_eq!(app.client().get(&unknown).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.client().post_raw(&unknown, "List-Unsubscribe=One-Click".into()).await.status,
        StatusCode::NOT_FOUND
    );
    // "Everything" from the bottom of the page stops all three.
    let all = format!("/notifications/{member}/{token}/off/all");
    assert_eq!(app.client().post_raw(&all, String::new()).await.status, StatusCode::OK);
    let member = MemberId::parse(member).expect("member");
    let link = app.db.store.open_member_link(&key, &member, &MemberLink::token(&key, &member)).await.expect("link");
    let s = app.db.store.notification_settings_by_link(&link).await.expect("settings");
    assert_eq!((s.immediate, s.digest.as_str(), s.shifts), (false, "off", false));
    assert_eq!(app.db.store.reminder_by_link(&link).await.expect("reminder"), None);
}
