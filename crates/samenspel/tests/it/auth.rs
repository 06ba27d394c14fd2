//! Signing in and out, CSRF, sessions, language and API tokens.

use crate::support::fixtures::link_in;
use crate::support::{TestApp, TestDb};
use axum::http::Method;
use samenspel_core::role::Role;

pub async fn sign_in_by_email_link(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut c = app.client();
    let page = c.get("/sign-in").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Inloggen met een link"));
    let sent = c.post("/sign-in/link", &[("email", &ans.email.to_uppercase())]).await;
    assert_eq!(sent.status, 200);
    assert!(sent.text().contains("Kijk in je e-mail"));
    assert_eq!(app.run_jobs().await, 1);
    let mails = app.mails_to(&ans.email);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("Subject: Je inloglink voor Samenspel"));
    let link = link_in(&mails[0], "http://samenspel.test/sign-in/link/").expect("link in mail");
    let path = link.trim_start_matches("http://samenspel.test");
    // Opening the link (as a mail scanner would) does not use it up.
    let confirm = c.get(path).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.text().contains("Inloggen als Ans"));
    assert_eq!(c.get(path).await.status, 200);
    let signed_in = c.post(path, &[]).await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(signed_in.location(), Some("/circles"));
    assert!(c.cookie("samenspel_session").is_some());
    let circles = c.get("/circles").await;
    assert_eq!(circles.status, 200);
    assert!(circles.text().contains("Mijn kringen"));
    // A second use fails, also in another browser.
    let mut other = app.client();
    other.get("/sign-in").await;
    let again = other.post(path, &[]).await;
    assert_eq!(again.status, 410);
    assert!(again.text().contains("Deze link werkt niet meer"));
    // Signing out ends the session on the server.
    let out = c.post("/sign-out", &[]).await;
    assert_eq!(out.status, 303);
    assert_eq!(c.get("/circles").await.status, 303);
}

pub async fn sign_in_link_request_does_not_reveal_accounts(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut c = app.client();
    let unknown = c.post("/sign-in/link", &[("email", "nobody@test.example")]).await;
    assert_eq!(unknown.status, 200);
    assert!(unknown.text().contains("Als nobody@test.example bij ons bekend is"));
    // An unknown address takes the same path as a known one: a mail is
    // queued either way (so timing tells nothing), one that says there is
    // no account and carries no link.
    let known = app.user("Ans").await;
    let answer = c.post("/sign-in/link", &[("email", known.email.as_str())]).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.text().replace(&known.email, "X"), unknown.text().replace("nobody@test.example", "X"));
    assert_eq!(app.run_jobs().await, 2, "one mail for each request");
    let to_unknown = app.mails_to("nobody@test.example");
    assert_eq!(to_unknown.len(), 1);
    assert!(to_unknown[0].contains("geen account met dit adres"), "{}", to_unknown[0]);
    assert!(!to_unknown[0].contains("/sign-in/link/"), "no link for an unknown address");
    assert!(app.mails_to(&known.email)[0].contains("/sign-in/link/"));
    let bad = c.post("/sign-in/link", &[("email", "geen adres")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Dit is geen geldig e-mailadres"));
    assert!(bad.body.contains("value=\"geen adres\""), "what was typed stays in the form");
}

pub async fn password_sign_in_and_rate_limit(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut c = app.signed_in(&ans).await;
    c.get("/account").await;
    let short = c.post("/account/password", &[("new_password", "kort")]).await;
    assert_eq!(short.status, 422);
    assert!(short.text().contains("minstens 10 tekens"));
    let set = c.post("/account/password", &[("new_password", "lange zin als wachtwoord")]).await;
    assert_eq!(set.status, 303);
    // Changing it now needs the current one.
    c.get("/account").await;
    let wrong = c
        .post("/account/password", &[("current_password", "fout fout fout"), ("new_password", "nog een lange zin")])
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("Je huidige wachtwoord klopt niet"));

    let mut b = app.client();
    b.get("/sign-in").await;
    let bad = b.post("/sign-in/password", &[("email", &ans.email), ("password", "verkeerd wachtwoord")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Het e-mailadres of het wachtwoord klopt niet"));
    let good = b
        .post(
            "/sign-in/password",
            &[("email", &ans.email), ("password", "lange zin als wachtwoord"), ("next", "/account")],
        )
        .await;
    assert_eq!(good.status, 303);
    assert_eq!(good.location(), Some("/account"));
    // Open redirects are not followed.
    let mut d = app.client();
    d.get("/sign-in").await;
    let evil = d
        .post(
            "/sign-in/password",
            &[("email", &ans.email), ("password", "lange zin als wachtwoord"), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(evil.location(), Some("/circles"));
    // Guessing is slowed down: after ten tries on one account, even the right password waits.
    let mut e = app.client();
    e.get("/sign-in").await;
    let mut limited = None;
    for _ in 0..12 {
        let r = e.post("/sign-in/password", &[("email", &ans.email), ("password", "raden raden raden")]).await;
        if r.status == 429 {
            limited = Some(r);
            break;
        }
    }
    let limited = limited.expect("rate limited within twelve tries");
    assert!(limited.headers.get("retry-after").is_some());
    assert!(limited.text().contains("te vaak geprobeerd"));
}

pub async fn forms_need_a_valid_csrf_token(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let mut c = app.signed_in(&ans).await;
    c.get("/circles").await;
    let none = c.post_raw(&format!("/circles/{circle}/archive"), String::new()).await;
    assert_eq!(none.status, 403);
    assert!(none.text().contains("Het formulier was te lang open"));
    // A token from someone else's session does not work either.
    let mut other = app.signed_in(&app.user("Ander").await).await;
    other.get("/circles").await;
    let foreign = other.csrf().expect("token").to_owned();
    let forged = c.post_raw(&format!("/circles/{circle}/archive"), format!("csrf={foreign}")).await;
    assert_eq!(forged.status, 403);
    // A cross-site form post is refused by its headers alone.
    let token = c.csrf().expect("token").to_owned();
    let req = axum::http::Request::builder()
        .method(Method::POST)
        .uri(format!("/circles/{circle}/archive"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .body(axum::body::Body::from(format!("csrf={token}")))
        .expect("request");
    assert_eq!(c.send(req).await.status, 403);
    // Nothing was archived.
    let page = c.get(&format!("/circles/{circle}/settings")).await;
    assert!(page.text().contains("Kring archiveren"));
}

pub async fn sessions_can_be_seen_and_revoked(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut phone = app.signed_in(&ans).await;
    let mut laptop = app.signed_in(&ans).await;
    let page = laptop.get("/account").await;
    assert!(page.text().contains("Dit apparaat"));
    let sessions =
        app.db.store.my_sessions(&app.acting_as(&ans).await, samenspel_core::Timestamp::now()).await.expect("sessions");
    assert_eq!(sessions.len(), 2);
    let r = laptop.post("/account/sessions/revoke-others", &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(phone.get("/account").await.status, 303, "the other session is over at once");
    assert_eq!(laptop.get("/account").await.status, 200);
}

pub async fn language_follows_choice_and_browser(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut en = app.client();
    en.accept_language = Some("en-GB,en;q=0.9".into());
    let page = en.get("/sign-in").await;
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(page.text().contains("Sign in with a link"));
    let mut nl = app.client();
    nl.accept_language = Some("de-DE,nl;q=0.5".into());
    assert!(nl.get("/sign-in").await.text().contains("Inloggen met een link"));
    // The footer switch sets a cookie for visitors and the account's language for users.
    let switched = nl.post("/language", &[("lang", "en"), ("back", "/sign-in")]).await;
    assert_eq!(switched.status, 303);
    assert!(nl.get("/sign-in").await.text().contains("Sign in with a link"));
    let ans = app.user("Ans").await;
    let mut c = app.signed_in(&ans).await;
    c.get("/circles").await;
    c.post("/language", &[("lang", "en"), ("back", "/circles")]).await;
    let mut fresh = app.signed_in(&ans).await;
    assert!(fresh.get("/circles").await.text().contains("My circles"), "the choice is kept with the account");
    assert_eq!(c.post("/language", &[("lang", "fr")]).await.status, 422);
}

pub async fn api_tokens_authenticate_and_revoke(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut browser = app.signed_in(&ans).await;
    browser.get("/account").await;
    let created = browser.post("/account/tokens", &[("name", "mijn script")]).await;
    assert_eq!(created.status, 200);
    let token = created
        .body
        .split("value=\"")
        .find_map(|s| s.strip_prefix("ssp_"))
        .map(|s| format!("ssp_{}", &s[..s.find('"').expect("end")]))
        .expect("token shown once");
    let mut api = app.client();
    api.bearer = Some(token.clone());
    let me = api.api(Method::GET, "/api/v1/me", None).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["email"], ans.email.as_str());
    // The browser session cookie alone does not open the API.
    let cookie_only = browser.api(Method::GET, "/api/v1/me", None).await;
    assert_eq!(cookie_only.status, 401);
    assert_eq!(cookie_only.headers.get("www-authenticate").map(|v| v.to_str().unwrap_or("")), Some("Bearer"));
    let list = api.api(Method::GET, "/api/v1/me/tokens", None).await.json();
    let id = list[0]["id"].as_str().expect("id").to_owned();
    assert!(!list.to_string().contains(&token), "tokens are never shown again");
    assert_eq!(api.api(Method::DELETE, &format!("/api/v1/me/tokens/{id}"), None).await.status, 204);
    assert_eq!(api.api(Method::GET, "/api/v1/me", None).await.status, 401);
    api.bearer = Some("ssp_not-a-real-token".into());
    assert_eq!(api.api(Method::GET, "/api/v1/me", None).await.status, 401);
}
