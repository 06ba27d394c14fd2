//! Single sign-on, the store's part: a sign-in on its way is taken back once,
//! only in the browser that started it and only within minutes; the account
//! is the one with the address the provider verified, linked to the
//! provider's subject, never created. (The ID token checks are unit tests in
//! `src/sso/tests.rs`; the whole flow against a real provider is in the
//! browser suite, e2e/tests/sso-journey.test.js.)

use crate::support::{TestApp, TestDb};
use samenspel_core::Timestamp;
use samenspel_store::sso::{Attempt, Identity};

fn identity(subject: &str, email: Option<&str>, verified: bool) -> Identity {
    Identity {
        issuer: "https://login.zorggroep.example".into(),
        subject: subject.into(),
        email: email.map(str::to_owned),
        email_verified: verified,
    }
}

pub async fn a_sign_in_on_its_way_is_taken_back_once_by_its_browser(db: TestDb) {
    let app = TestApp::new(db).await;
    let store = &app.db.store;
    let now = Timestamp::now();
    let attempt = Attempt { pkce_verifier: "v".repeat(43), nonce: "n-1".into(), next: "/circles".into() };
    store.start_sso("state-a", "browser-a", &attempt, now).await.expect("start");
    assert_eq!(store.take_sso_attempt("state-a", "browser-b", now).await.expect("take"), None, "another browser");
    // The wrong browser used it up: an attacker's try ends the attempt.
    assert_eq!(store.take_sso_attempt("state-a", "browser-a", now).await.expect("take"), None, "used once");
    store.start_sso("state-b", "browser-a", &attempt, now).await.expect("start");
    assert_eq!(store.take_sso_attempt("state-b", "browser-a", now).await.expect("take"), Some(attempt.clone()));
    assert_eq!(store.take_sso_attempt("state-b", "browser-a", now).await.expect("take"), None, "replayed");
    store.start_sso("state-c", "browser-a", &attempt, now).await.expect("start");
    let late = now.checked_add(jiff::SignedDuration::from_mins(11)).expect("time");
    assert_eq!(store.take_sso_attempt("state-c", "browser-a", late).await.expect("take"), None, "too late");
    assert_eq!(store.take_sso_attempt("unknown", "browser-a", now).await.expect("take"), None);
}

pub async fn sign_on_finds_the_account_by_a_verified_address_and_never_makes_one(db: TestDb) {
    let app = TestApp::new(db).await;
    let store = &app.db.store;
    let now = Timestamp::now();
    let fatima = app.user("Fatima").await;
    let upper = fatima.email.to_uppercase();
    // Not verified by the provider, no address, or no such account: no sign-in.
    for id in [
        identity("s-1", Some(&fatima.email), false),
        identity("s-1", None, true),
        identity("s-1", Some("nobody@example.org"), true),
    ] {
        assert!(matches!(store.sso_sign_in(&id, now).await, Err(samenspel_core::Error::NotFound)), "{id:?}");
    }
    let users_before = app.db.count("SELECT COUNT(*) FROM users").await;
    // A verified address (in any case) signs in to its account and links it.
    let proof = store.sso_sign_in(&identity("s-1", Some(&upper), true), now).await.expect("signed in");
    assert_eq!(proof.user_id(), &fatima.id);
    // Later the subject alone is enough, whatever address the provider sends.
    let proof =
        store.sso_sign_in(&identity("s-1", Some("fatima.new@zorggroep.example"), false), now).await.expect("linked");
    assert_eq!(proof.user_id(), &fatima.id);
    assert_eq!(app.db.count("SELECT COUNT(*) FROM users").await, users_before, "no account was made");
    // A disabled account does not sign in, linked or not.
    app.db.raw(&format!("UPDATE users SET disabled_at = 1 WHERE id = '{}'", fatima.id)).await.expect("disable");
    assert!(store.sso_sign_in(&identity("s-1", None, false), now).await.is_err());
}
