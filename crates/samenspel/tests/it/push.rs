//! Push notifications end to end: a member's browser subscribes through the
//! account page, a concern is written, the worker sends, and the local push
//! service (`push_service`) checks the VAPID token and decrypts the message.

use crate::push_service::{Device, PushService, check_vapid};
use crate::support::{Resp, TUser, TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::Method;
use samenspel::service::logbook;
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;

/// Subscribes `device` for `who` through the form `push.js` sends.
async fn subscribe(app: &TestApp, who: &TUser, endpoint: &str, device: &Device) -> Resp {
    let mut c = app.signed_in(who).await;
    c.get("/account").await;
    c.post("/account/push", &[("endpoint", endpoint), ("p256dh", &device.p256dh()), ("auth", &device.auth())]).await
}

/// A device of `who`'s with a valid but unreachable address, made the first
/// time: the matrix's victim, whose device nobody else may remove. Answers its id.
pub async fn add_device(app: &TestApp, who: &TUser) -> String {
    let known = app.db.store.my_push_devices(&app.acting_as(who).await).await.expect("devices");
    if let Some(d) = known.first() {
        return d.id.clone();
    }
    let device = Device::new();
    let r = subscribe(app, who, &format!("https://push.example.net/push/{}", device.name), &device).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let devices = app.db.store.my_push_devices(&app.acting_as(who).await).await.expect("devices");
    devices.first().expect("a device").id.clone()
}

/// My settings for the circle: immediate e-mail, no summary, push as given,
/// and quiet hours if any.
async fn settings(app: &TestApp, who: &TUser, circle: &CircleId, push: bool, quiet: Option<(&str, &str)>) {
    let mut c = app.signed_in(who).await;
    c.get(&format!("/circles/{circle}/notifications")).await;
    let mut fields = vec![("immediate", "on"), ("digest", "off"), ("shifts", "on"), ("push_shown", "1")];
    if push {
        fields.push(("push", "on"));
    }
    if let Some((from, until)) = quiet {
        fields.extend([("quiet_from", from), ("quiet_until", until)]);
    }
    let r = c.post(&format!("/circles/{circle}/notifications"), &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
}

async fn write(app: &TestApp, who: &TUser, circle: &CircleId, audience: &str, body: &str) {
    let me = app.acting_as(who).await;
    let input = logbook::WriteEntry {
        kind: "concern".into(),
        audience: audience.into(),
        body: body.into(),
        ..Default::default()
    };
    logbook::write(&app.ctx(&me, Timestamp::now()), circle, &input, vec![], None).await.expect("entry written");
}

/// The mail jobs queue the pushes; a second round sends them.
async fn work(app: &TestApp, at: Timestamp) {
    app.run_jobs_at(at).await;
    app.run_jobs_at(at).await;
}

async fn served_key(app: &TestApp, who: &TUser) -> String {
    let r = app.api_as(who).await.api(Method::GET, "/api/v1/push/key", None).await;
    assert_eq!(r.status, 200);
    r.json()["public_key"].as_str().expect("key").to_owned()
}

pub async fn a_concern_reaches_a_subscribed_member_as_a_push_without_client_data(db: TestDb) {
    let app = TestApp::new(db).await;
    let service = PushService::start().await;
    let (circle, [ans, thijs, fatima, henk]) = app
        .cast(
            "Henk de Vries",
            [relative("Ans Bakker").manager(), volunteer("Thijs"), professional("Fatima"), client("Henk")],
        )
        .await;
    let (phone, laptop, his) = (Device::new(), Device::new(), Device::new());
    for d in [&phone, &laptop] {
        assert_eq!(subscribe(&app, &thijs, &d.endpoint(&service), d).await.status, 303);
    }
    settings(&app, &thijs, &circle, true, None).await;
    // Henk, the client, is told about his own circle as "je kring".
    assert_eq!(subscribe(&app, &henk, &his.endpoint(&service), &his).await.status, 303);
    settings(&app, &henk, &circle, true, None).await;
    let key = served_key(&app, &thijs).await;

    write(&app, &ans, &circle, "circle", "Henk is vaker de weg kwijt").await;
    write(&app, &fatima, &circle, "professionals", "Valrisico verhoogd").await;
    work(&app, Timestamp::now()).await;

    // One push per device, for the concern he may see only.
    for d in [&phone, &laptop] {
        let got = service.for_device(d);
        assert_eq!(got.len(), 1, "one push to each device: {got:?}");
        let m = &got[0];
        assert_eq!(m.encoding, "aes128gcm");
        assert!(!m.ttl.is_empty());
        check_vapid(&m.authorization, &key, &service.origin).expect("a valid VAPID token");
        let text = String::from_utf8(d.decrypt(&m.body).expect("decrypts")).expect("utf-8");
        let json: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(json["title"], "Samenspel");
        assert_eq!(json["body"], "Nieuw in de kring van Henk");
        assert!(json["url"].as_str().expect("url").starts_with(&format!("/circles/{circle}")), "{json}");
        for secret in ["weg kwijt", "Valrisico", "de Vries", "Ans", "Bakker", "Fatima", "concern", "zorg"] {
            assert!(!text.contains(secret), "the payload carries no client data: {text}");
        }
    }
    let to_henk = service.for_device(&his);
    assert!(!to_henk.is_empty(), "Henk reads the concerns about him");
    for m in &to_henk {
        let json: serde_json::Value = serde_json::from_slice(&his.decrypt(&m.body).expect("decrypts")).expect("json");
        assert_eq!(json["body"], "Nieuw in je kring");
    }
    // Nothing went to the writer or anyone unsubscribed.
    assert_eq!(service.received().len(), 2 + to_henk.len());
}

pub async fn no_push_for_what_a_member_may_not_see_while_off_or_during_quiet_hours(db: TestDb) {
    let app = TestApp::new(db).await;
    let service = PushService::start().await;
    let (circle, [ans, thijs, fatima]) =
        app.cast("Henk de Vries", [relative("Ans").manager(), volunteer("Thijs"), professional("Fatima")]).await;
    let device = Device::new();
    subscribe(&app, &thijs, &device.endpoint(&service), &device).await;

    // Not for a member outside the entry's audience.
    settings(&app, &thijs, &circle, true, None).await;
    write(&app, &fatima, &circle, "professionals", "Alleen voor beroepskrachten").await;
    work(&app, Timestamp::now()).await;
    assert!(service.for_device(&device).is_empty(), "a volunteer hears nothing of a professionals' concern");

    // Not when push is off for the circle; the e-mail still goes.
    settings(&app, &thijs, &circle, false, None).await;
    let mails = app.mails_to(&thijs.email).len();
    write(&app, &ans, &circle, "circle", "Push staat uit").await;
    work(&app, Timestamp::now()).await;
    assert!(service.for_device(&device).is_empty(), "push is off for this circle");
    assert_eq!(app.mails_to(&thijs.email).len(), mails + 1, "the e-mail is not affected");

    // Held during quiet hours, sent when they end.
    let local = samenspel::i18n::local(&Timestamp::now());
    let hhmm = |z: jiff::Zoned| format!("{:02}:{:02}", z.hour(), z.minute());
    let from = hhmm(local.checked_sub(jiff::Span::new().hours(1)).expect("time"));
    let until = hhmm(local.checked_add(jiff::Span::new().hours(1)).expect("time"));
    settings(&app, &thijs, &circle, true, Some((&from, &until))).await;
    write(&app, &ans, &circle, "circle", "Stil nu").await;
    work(&app, Timestamp::now()).await;
    assert!(service.for_device(&device).is_empty(), "held back during quiet hours");
    let later = Timestamp::now().checked_add(jiff::SignedDuration::from_mins(121)).expect("time");
    work(&app, later).await;
    assert_eq!(service.for_device(&device).len(), 1, "sent when the quiet hours end");
}

pub async fn a_device_the_push_service_forgot_is_removed(db: TestDb) {
    let app = TestApp::new(db).await;
    let service = PushService::start().await;
    let (circle, [ans, thijs]) = app.cast("Henk de Vries", [relative("Ans").manager(), volunteer("Thijs")]).await;
    let (kept, gone) = (Device::new(), Device::new());
    for d in [&kept, &gone] {
        subscribe(&app, &thijs, &d.endpoint(&service), d).await;
    }
    settings(&app, &thijs, &circle, true, None).await;
    service.forget(&gone);
    write(&app, &ans, &circle, "circle", "Wie kan zaterdag?").await;
    work(&app, Timestamp::now()).await;
    assert_eq!(service.for_device(&gone).len(), 1, "tried once");
    let me = app.acting_as(&thijs).await;
    let left = app.db.store.my_push_devices(&me).await.expect("devices");
    assert_eq!(left.len(), 1, "410 Gone removes that subscription only");
    // The account page lists the device that is left, and removes it.
    let mut c = app.signed_in(&thijs).await;
    let page = c.get("/account").await;
    assert!(page.body.contains("Meldingen op je telefoon of computer"));
    assert!(page.body.contains(&format!("/account/push/{}/remove", left[0].id)));
    let r = c.post(&format!("/account/push/{}/remove", left[0].id), &[]).await;
    assert_eq!(r.location(), Some("/account?done=push-removed#push"));
    assert!(app.db.store.my_push_devices(&me).await.expect("devices").is_empty());
}

pub async fn subscriptions_are_checked_and_kept_per_person(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [ans, thijs]) = app.cast("Henk de Vries", [relative("Ans").manager(), volunteer("Thijs")]).await;
    let d = Device::new();
    let mut api = app.api_as(&ans).await;
    let body = |endpoint: &str, p256dh: &str, auth: &str| {
        Some(serde_json::json!({"endpoint": endpoint, "p256dh": p256dh, "auth": auth}))
    };
    // Refused, each with a clear field error and nothing stored.
    for (endpoint, p256dh, auth, field) in [
        ("http://push.example.net/x", d.p256dh(), d.auth(), "endpoint"),
        ("https://10.0.0.1/x", d.p256dh(), d.auth(), "endpoint"),
        ("https://user:pw@push.example.net/x", d.p256dh(), d.auth(), "endpoint"),
        ("ftp://push.example.net/x", d.p256dh(), d.auth(), "endpoint"),
        (&format!("https://push.example.net/{}", "a".repeat(1000)), d.p256dh(), d.auth(), "endpoint"),
        ("https://push.example.net/x", "AAAA".to_owned(), d.auth(), "p256dh"),
        ("https://push.example.net/x", d.p256dh(), "AAAA".to_owned(), "p256dh"),
    ] {
        let r = api.api(Method::POST, "/api/v1/me/push-devices", body(endpoint, &p256dh, &auth)).await;
        assert_eq!(r.status, 422, "{endpoint}: {}", r.text());
        assert!(r.error_fields().iter().any(|(f, _)| f == field), "{endpoint}: {}", r.text());
    }
    let r = api.api(Method::GET, "/api/v1/me/push-devices", None).await;
    assert_eq!(r.json().as_array().map(Vec::len), Some(0));
    // Accepted; the same browser again is the same device.
    let ok = body("https://push.example.net/abc", &d.p256dh(), &d.auth());
    let first = api.api(Method::POST, "/api/v1/me/push-devices", ok.clone()).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let again = api.api(Method::POST, "/api/v1/me/push-devices", ok.clone()).await;
    assert_eq!(first.json()["id"], again.json()["id"]);
    let id = first.json()["id"].as_str().expect("id").to_owned();
    // Someone else cannot see or remove it.
    let mut other = app.api_as(&thijs).await;
    assert_eq!(other.api(Method::GET, "/api/v1/me/push-devices", None).await.json().as_array().map(Vec::len), Some(0));
    assert_eq!(other.api(Method::DELETE, &format!("/api/v1/me/push-devices/{id}"), None).await.status, 404);
    assert_eq!(api.api(Method::DELETE, &format!("/api/v1/me/push-devices/{id}"), None).await.status, 204);
    assert_eq!(api.api(Method::DELETE, &format!("/api/v1/me/push-devices/{id}"), None).await.status, 404);
    // The page shows a bad subscription as a Dutch error and keeps the page.
    let mut c = app.signed_in(&ans).await;
    c.get("/account").await;
    let r = c.post("/account/push", &[("endpoint", "http://push.example.net/x"), ("p256dh", ""), ("auth", "")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Het moet met https:// beginnen"), "{}", r.text());
}

pub async fn the_app_installs_and_works_offline(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut c = app.client();
    let m = c.get("/manifest.webmanifest").await;
    assert_eq!(m.status, 200);
    let manifest = m.json();
    assert_eq!(manifest["name"], "Samenspel");
    assert_eq!(manifest["start_url"], "/circles");
    assert_eq!(manifest["display"], "standalone");
    for icon in manifest["icons"].as_array().expect("icons") {
        let r = c.get(icon["src"].as_str().expect("src")).await;
        assert_eq!(r.status, 200, "{icon}");
        assert!(r.bytes.starts_with(b"\x89PNG"), "{icon} is a PNG");
    }
    assert!(manifest["icons"].as_array().expect("icons").iter().any(|i| i["purpose"] == "maskable"));
    let sw = c.get("/sw.js").await;
    assert_eq!(sw.status, 200);
    assert!(sw.text().starts_with("const BUILD = {"));
    let offline = c.get("/offline").await;
    assert_eq!(offline.status, 200);
    assert!(offline.body.contains("Je bent offline"));
    let page = c.get("/sign-in").await;
    assert!(page.body.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#));
}
