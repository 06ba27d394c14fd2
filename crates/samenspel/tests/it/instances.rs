//! Several instances on one database, as behind a load balancer that sends
//! each request to either: a visitor's CSRF token and session work on both,
//! rate limits count every attempt once whichever instance gets it, and with
//! both background workers running each e-mail goes out exactly once.

use crate::support::TestDb;
use crate::support::binary::{Install, Server, http_full};
use crate::support::fixtures::{decode_quoted_printable, link_in};
use crate::support::smtp::SmtpSink;
use jiff::SignedDuration;
use samenspel_core::Timestamp;
use samenspel_store::rate_limits::Window;
use std::collections::BTreeMap;
use std::time::Duration;

fn at(t: Timestamp, ms: i64) -> Timestamp {
    t.checked_add(SignedDuration::from_millis(ms)).expect("in range")
}

/// The store's counting, as several instances would use it at once.
pub async fn rate_limits_count_every_attempt_once(db: TestDb) {
    let w = Window { name: "test-link", max: 5, window_ms: 60_000 };
    let t0 = Timestamp::now();
    // Twenty attempts at the same moment: exactly five get through.
    let tries: Vec<_> = (0..20)
        .map(|_| {
            let store = db.store.clone();
            tokio::spawn(async move { store.rate_hit(w, "key-a", t0).await.expect("counted") })
        })
        .collect();
    let mut allowed = 0;
    for t in tries {
        if t.await.expect("task").is_none() {
            allowed += 1;
        }
    }
    assert_eq!(allowed, 5, "five of twenty attempts at once get through");
    // A refusal says how long to wait, and is not counted itself.
    assert_eq!(db.store.rate_hit(w, "key-a", at(t0, 20_000)).await.expect("hit"), Some(40));
    assert_eq!(db.store.rate_hit(w, "key-a", at(t0, 59_500)).await.expect("hit"), Some(1));
    assert_eq!(db.store.rate_hit(w, "key-b", t0).await.expect("hit"), None, "other keys are independent");
    let other = Window { name: "test-other", ..w };
    assert_eq!(db.store.rate_hit(other, "key-a", t0).await.expect("hit"), None, "other limits are independent");
    assert_eq!(db.store.rate_hit(w, "key-a", at(t0, 60_000)).await.expect("hit"), None, "a new window starts");

    // A lock-out: the fifth failure locks for a whole window after it.
    let lock = Window { name: "test-lock", max: 5, window_ms: 900_000 };
    for i in 0..4 {
        db.store.rate_fail(lock, "acct", at(t0, i * 1000)).await.expect("fail");
        assert_eq!(db.store.rate_locked(lock, "acct", at(t0, i * 1000)).await.expect("locked"), None);
    }
    db.store.rate_fail(lock, "acct", at(t0, 10_000)).await.expect("fail");
    assert_eq!(db.store.rate_locked(lock, "acct", at(t0, 10_000)).await.expect("locked"), Some(900));
    assert_eq!(db.store.rate_locked(lock, "acct", at(t0, 909_000)).await.expect("locked"), Some(1));
    assert_eq!(db.store.rate_locked(lock, "acct", at(t0, 910_000)).await.expect("locked"), None, "it ends");
    db.store.rate_fail(lock, "acct", at(t0, 20_000)).await.expect("fail");
    assert!(db.store.rate_locked(lock, "acct", at(t0, 20_000)).await.expect("locked").is_some());
    db.store.rate_clear(lock, "acct").await.expect("clear");
    assert_eq!(db.store.rate_locked(lock, "acct", at(t0, 20_000)).await.expect("locked"), None, "a good code clears");

    // Counts are forgotten a day after their window started.
    assert_eq!(db.store.purge_rate_windows(at(t0, 3_600_000)).await.expect("purge"), 0);
    assert!(db.store.purge_rate_windows(at(t0, 25 * 3_600_000)).await.expect("purge") >= 3);
    assert_eq!(db.store.rate_hit(w, "key-a", at(t0, 25 * 3_600_000)).await.expect("hit"), None);
}

/// A browser over TCP that keeps cookies and the last page's CSRF token,
/// and may send each request to another instance.
#[derive(Default)]
struct Browser {
    cookies: BTreeMap<String, String>,
    csrf: String,
}

struct Page {
    status: u16,
    location: String,
    body: String,
}

impl Browser {
    async fn get(&mut self, server: &Server, path: &str) -> Page {
        self.send(server, "GET", path, &[]).await
    }

    /// Posts a form with the CSRF token of the last page seen (on whichever instance).
    async fn post(&mut self, server: &Server, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut all = vec![("csrf", self.csrf.clone())];
        all.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
        self.send(server, "POST", path, &all).await
    }

    async fn send(&mut self, server: &Server, method: &str, path: &str, fields: &[(&str, String)]) -> Page {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded"), ("Accept-Language", "en")];
        if !cookie.is_empty() {
            headers.push(("Cookie", &cookie));
        }
        let (status, head, body) = http_full(&server.addr, method, path, &headers, &body).await;
        let mut location = String::new();
        for line in head {
            let Some((name, value)) = line.split_once(':') else { continue };
            match name.trim().to_ascii_lowercase().as_str() {
                "set-cookie" => {
                    let pair = value.trim().split(';').next().unwrap_or_default();
                    if let Some((k, v)) = pair.split_once('=') {
                        if v.is_empty() || value.contains("Max-Age=0") {
                            self.cookies.remove(k);
                        } else {
                            self.cookies.insert(k.to_owned(), v.to_owned());
                        }
                    }
                }
                "location" => location = value.trim().to_owned(),
                _ => {}
            }
        }
        if let Some(token) = body.split("name=\"csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()) {
            self.csrf = token.to_owned();
        }
        Page { status, location, body }
    }
}

/// Waits until every address in `to` got `n` messages, then as long again
/// as a worker takes to look for work; what each got by then.
async fn delivered(sink: &SmtpSink, to: &[&str], n: usize) -> Vec<Vec<String>> {
    let got = || -> Vec<Vec<String>> {
        let all = sink.messages();
        to.iter()
            .map(|addr| {
                all.iter()
                    .filter(|m| m.to.iter().any(|t| t == addr))
                    .map(|m| decode_quoted_printable(&m.data))
                    .collect()
            })
            .collect()
    };
    for _ in 0..300 {
        if got().iter().all(|m| m.len() >= n) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Each worker polls at least every five seconds: a double send would be here by now.
    tokio::time::sleep(Duration::from_secs(6)).await;
    got()
}

pub async fn two_instances_behind_one_address_share_sessions_limits_and_mail(db: TestDb) {
    let sink = SmtpSink::start().await;
    let port = sink.port.to_string();
    let env = [
        ("SAMENSPEL_SMTP_HOST", "127.0.0.1"),
        ("SAMENSPEL_SMTP_PORT", port.as_str()),
        ("SAMENSPEL_SMTP_SECURITY", "none"),
    ];
    let a = Install::new(&db).await;
    let auth = a.org_admin_token("Zorggroep Samen").await;
    // The second instance has a data directory of its own (another machine).
    let b_dir = db.dir.join("install-b");
    std::fs::create_dir_all(&b_dir).expect("data dir");
    let b = Install::at(b_dir, a.database_url.clone());
    let (one, two) = (a.serve_with(&env).await, b.serve_with(&env).await);
    let key = |i: &Install| std::fs::read_to_string(i.path("secret.key")).expect("secret.key");
    assert_eq!(key(&a), key(&b), "the second instance uses the key the first keeps in the database");

    // A form from one instance is accepted by the other: one CSRF key.
    let mut browser = Browser::default();
    let page = browser.get(&one, "/sign-in").await;
    assert_eq!(page.status, 200);
    assert!(!browser.csrf.is_empty(), "the sign-in page has a CSRF token");
    let email = ("email", "beheer@test.example");
    // Five links an hour per address, counted across both instances.
    for (i, server) in [&two, &one, &two, &one, &two].into_iter().enumerate() {
        let page = browser.post(server, "/sign-in/link", &[email]).await;
        assert_eq!(page.status, 200, "link request {i} is accepted: {}", page.body);
        assert!(page.body.contains("beheer@test.example"), "{}", page.body);
    }
    let page = browser.post(&one, "/sign-in/link", &[email]).await;
    assert_eq!(page.status, 429, "the sixth request for the address, on either instance, waits");
    assert_eq!(browser.post(&two, "/sign-in/link", &[email]).await.status, 429);

    // Both workers run; every link went out exactly once.
    let mails = delivered(&sink, &["beheer@test.example"], 5).await.remove(0);
    assert_eq!(mails.len(), 5, "five requests, five e-mails, none twice");
    let links: Vec<String> = mails.iter().filter_map(|m| link_in(m, "http://")).collect();
    let paths: std::collections::BTreeSet<String> =
        links.iter().filter_map(|l| l.find("/sign-in/link/").map(|i| l[i..].to_owned())).collect();
    assert_eq!(paths.len(), 5, "five different links: {links:?}");

    // The link opened on one instance, used on the other: a session both know.
    let path = paths.iter().next().expect("a link").clone();
    assert_eq!(browser.get(&one, &path).await.status, 200);
    let page = browser.post(&two, &path, &[]).await;
    assert_eq!(page.status, 303, "signed in: {}", page.body);
    assert!(browser.cookies.contains_key("samenspel_session"), "a session cookie");
    // An administrator sets up a second factor first: the page that asks
    // for it is a signed-in page.
    for server in [&one, &two] {
        let page = browser.get(server, "/account").await;
        assert_eq!((page.status, page.location.as_str()), (303, "/account/second-factor?next=%2Faccount"));
        let page = browser.get(server, "/account/second-factor").await;
        assert_eq!(page.status, 200, "the session works on both instances: {}", page.location);
        assert!(page.body.contains("action=\"/sign-out\""), "{}", page.body);
    }
    // Signed out on one, signed out everywhere.
    let page = browser.post(&one, "/sign-out", &[]).await;
    assert!(matches!(page.status, 200 | 303), "signed out: {}", page.status);
    let page = browser.get(&two, "/account/second-factor").await;
    assert!(page.status == 303 && page.location.starts_with("/sign-in"), "{} {}", page.status, page.location);

    // Invitations sent through both instances: each invitee gets one e-mail.
    let (status, body) = one.start_henks_circle(&auth).await;
    assert_eq!(status, 201, "{body}");
    let circle = serde_json::from_str::<serde_json::Value>(&body).expect("json")["id"].as_str().expect("id").to_owned();
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    let invitees: Vec<String> = (0..6).map(|i| format!("gast{i}@test.example")).collect();
    for (i, to) in invitees.iter().enumerate() {
        let server = if i % 2 == 0 { &one } else { &two };
        let body = format!("{{\"email\": \"{to}\", \"role\": \"volunteer\"}}");
        let (status, resp) =
            server.request("POST", &format!("/api/v1/circles/{circle}/invitations"), &headers, &body).await;
        assert_eq!(status, 201, "{resp}");
    }
    let to: Vec<&str> = invitees.iter().map(String::as_str).collect();
    for (to, mails) in to.iter().zip(delivered(&sink, &to, 1).await) {
        assert_eq!(mails.len(), 1, "{to} gets one invitation");
        assert!(mails[0].contains("/invitations/"), "{}", mails[0]);
    }

    assert_eq!(one.terminate().await, Some(0));
    assert_eq!(two.terminate().await, Some(0));
    a.drop_database().await;
}
