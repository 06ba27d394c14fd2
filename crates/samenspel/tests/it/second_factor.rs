//! The second factor (issue 15, part 2): setting up an authenticator app,
//! signing in with its code, lock-out, recovery codes, remembered devices,
//! the set-up page for staff, step-up before the audit trail, and the
//! operator's reset. Codes are computed from the secret the page shows, with
//! the same RFC 6238 code as the server (its test vectors are in core).

use crate::support::{Client, Engine, TUser, TestApp, TestDb, client, coordinator, professional, relative, volunteer};
use samenspel_core::{Timestamp, totp};

const PASSWORD: &str = "lange zin als wachtwoord";

/// Someone's authenticator app, as a test holds it: the secret and the last
/// time step it gave a code for (the server takes each step once).
pub(crate) struct App {
    secret: Vec<u8>,
    last: i64,
}

impl App {
    /// A code the server accepts now: the earliest step in its window (one
    /// step either side) that is later than the last one used, so a test
    /// has three codes within any 30 seconds.
    pub(crate) fn code(&mut self) -> String {
        let now = totp::step_at(Timestamp::now().as_second());
        let step = (now - 1).max(self.last + 1);
        assert!(step <= now + 1, "more codes asked for than the window holds");
        self.last = step;
        totp::code(&self.secret, step)
    }
}

/// A wrong code that is surely not one of the three in the window.
fn wrong_code(app: &App) -> String {
    let now = totp::step_at(Timestamp::now().as_second());
    let taken: Vec<String> = (now - 1..=now + 1).map(|s| totp::code(&app.secret, s)).collect();
    ["000000", "111111", "222222", "333333"]
        .into_iter()
        .find(|c| !taken.iter().any(|t| t == c))
        .expect("a wrong code")
        .to_owned()
}

/// Sets up the factor in a signed-in browser: the page shows a QR code and
/// the secret; a first code turns it on and shows ten recovery codes.
pub(crate) async fn set_up(c: &mut Client<'_>) -> (App, Vec<String>) {
    // A page first, for its form token.
    c.get("/account/second-factor").await;
    let start = c.post("/account/second-factor/setup", &[]).await;
    assert_eq!(start.status, 303, "{}", start.body);
    let page = c.get("/account/second-factor").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg"), "the QR code is drawn on the page");
    let shown =
        page.body.split("class=\"secret\"").nth(1).and_then(|s| s.split('>').nth(1)).and_then(|s| s.split('<').next());
    let secret = totp::from_base32(shown.expect("the secret is written out")).expect("base32");
    assert_eq!(secret.len(), totp::SECRET_BYTES);
    let mut app = App { secret, last: i64::MIN / 2 };
    let done = c.post("/account/second-factor/confirm", &[("code", &app.code())]).await;
    assert_eq!(done.status, 200, "{}", done.text());
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .filter_map(|s| s.split_once("</code>"))
        .map(|(code, _)| code.to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "ten recovery codes: {}", done.text());
    (app, codes)
}

/// Signs in with a password in a fresh browser; returns it with the answer.
async fn password<'a>(app: &'a TestApp, u: &TUser) -> (Client<'a>, crate::support::Resp) {
    let mut c = app.client();
    let r = sign_in_again(&mut c, u).await;
    (c, r)
}

async fn sign_in_again(c: &mut Client<'_>, u: &TUser) -> crate::support::Resp {
    c.get("/sign-in").await;
    c.post("/sign-in/password", &[("email", &u.email), ("password", PASSWORD), ("next", "/account")]).await
}

async fn audited(app: &TestApp, action: &str, u: &TUser) -> i64 {
    app.db.count(&format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND object_id = '{}'", u.id)).await
}

pub async fn setting_up_shows_a_qr_code_and_the_recovery_codes_once(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    let mut c = app.signed_in(&nurse).await;
    let page = c.get("/account/second-factor").await;
    assert!(page.text().contains("De tweede stap staat uit"), "{}", page.text());
    assert!(page.text().contains("verplicht"), "a professional must have one");
    // A wrong first code does not turn it on.
    c.post("/account/second-factor/setup", &[]).await;
    let shown = c.get("/account/second-factor").await;
    let wrong = c.post("/account/second-factor/confirm", &[("code", "12345")]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("Deze code klopt niet"));
    // The same secret is shown until it is confirmed.
    let again = c.get("/account/second-factor").await;
    assert_eq!(again.quoted_after("class=\"secret\""), shown.quoted_after("class=\"secret\""));
    let (_, codes) = set_up(&mut c).await;
    let on = c.get("/account/second-factor").await;
    assert!(on.text().contains("De tweede stap staat aan"));
    assert!(on.text().contains("Je hebt nog 10 herstelcodes over"));
    assert!(codes.iter().all(|code| !on.body.contains(code.as_str())), "the codes are shown once");
    assert!(!on.body.contains("class=\"secret\""), "the secret is not shown again");
    assert_eq!(audited(&app, "second-factor.enabled", &nurse).await, 1);
    // Stored sealed: neither the secret nor a recovery code is in the database as shown.
    let plain = app.db.count(&format!("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '{}'", codes[0])).await;
    assert_eq!(plain, 0);
}

pub async fn signing_in_asks_for_the_code_and_a_wrong_code_does_not_sign_in(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    let (mut app_codes, _) = set_up(&mut app.signed_in(&nurse).await).await;

    let (mut c, r) = password(&app, &nurse).await;
    assert_eq!(r.location(), Some("/sign-in/code"), "the password alone does not sign in");
    assert!(c.cookie("samenspel_session").is_none());
    assert_eq!(c.get("/account").await.status, 303, "not signed in while the code is asked");
    let page = c.get("/sign-in/code").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Geef je code"));
    let wrong = c.post("/sign-in/code", &[("code", &wrong_code(&app_codes))]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("Deze code klopt niet"));
    assert!(c.cookie("samenspel_session").is_none(), "a wrong code opens no session");
    let code = app_codes.code();
    let right = c.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(right.status, 303);
    assert_eq!(right.location(), Some("/account"), "on to where the sign-in was going");
    assert_eq!(c.get("/account").await.status, 200);
    assert_eq!(audited(&app, "second-factor.signed-in", &nurse).await, 1);

    // The same code does not work twice (another browser, straight after).
    let (mut d, _) = password(&app, &nurse).await;
    assert_eq!(d.post("/sign-in/code", &[("code", &code)]).await.status, 422, "a code works once");

    // The e-mail link is a first factor too: it also asks for the code.
    let (mut e, used) = app.sign_in_by_link(&nurse).await;
    assert_eq!(used.location(), Some("/sign-in/code"));
    assert!(e.cookie("samenspel_session").is_none());
    assert_eq!(e.post("/sign-in/code", &[("code", &app_codes.code())]).await.location(), Some("/circles"));
    assert_eq!(e.get("/circles").await.status, 200);
}

pub async fn five_wrong_codes_lock_out_even_the_right_code(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    let (mut codes, _) = set_up(&mut app.signed_in(&nurse).await).await;
    let (mut c, _) = password(&app, &nurse).await;
    for attempt in 1..=4 {
        let r = c.post("/sign-in/code", &[("code", &wrong_code(&codes))]).await;
        assert_eq!(r.status, 422, "wrong code {attempt} is only wrong");
    }
    let fifth = c.post("/sign-in/code", &[("code", &wrong_code(&codes))]).await;
    assert_eq!(fifth.status, 429, "the fifth wrong code locks");
    assert!(fifth.text().contains("te vaak een verkeerde code"), "{}", fifth.text());
    assert!(c.cookie("samenspel_pending").is_none(), "the waiting sign-in ends");
    assert_eq!(audited(&app, "second-factor.locked", &nurse).await, 1);
    assert_eq!(audited(&app, "second-factor.wrong-code", &nurse).await, 4);
    // Starting again: the right code is refused while locked, also in another browser.
    let (mut d, r) = password(&app, &nurse).await;
    assert_eq!(r.location(), Some("/sign-in/code"));
    let right = d.post("/sign-in/code", &[("code", &codes.code())]).await;
    assert_eq!(right.status, 429);
    assert!(d.cookie("samenspel_session").is_none());
    // A step-up in a session that was open already is locked too.
    let mut open = app.signed_in(&nurse).await;
    open.get("/second-factor/check").await;
    assert_eq!(open.post("/second-factor/check", &[("code", &codes.code())]).await.status, 429);
}

pub async fn a_recovery_code_works_once(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    let (_, codes) = set_up(&mut app.signed_in(&nurse).await).await;
    let (mut c, _) = password(&app, &nurse).await;
    // Typed as people type: capitals and spaces instead of dashes.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let r = c.post("/sign-in/code", &[("code", &typed)]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = c.get("/account/second-factor").await;
    assert!(page.text().contains("Je hebt nog 9 herstelcodes over"), "{}", page.text());
    assert_eq!(audited(&app, "second-factor.recovery-code-used", &nurse).await, 1);
    let (mut d, _) = password(&app, &nurse).await;
    let again = d.post("/sign-in/code", &[("code", &codes[3])]).await;
    assert_eq!(again.status, 422, "a recovery code works once");
    assert!(d.cookie("samenspel_session").is_none());
    assert_eq!(d.post("/sign-in/code", &[("code", &codes[4])]).await.status, 303, "another one still works");
}

pub async fn a_remembered_device_skips_the_code_until_the_password_changes(db: TestDb) {
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    let (mut codes, _) = set_up(&mut app.signed_in(&nurse).await).await;
    let (mut c, _) = password(&app, &nurse).await;
    let r = c.post("/sign-in/code", &[("code", &codes.code()), ("remember", "on")]).await;
    assert_eq!(r.status, 303);
    let device = r
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("samenspel_device_"))
        .expect("a remembered-device cookie")
        .to_owned();
    assert!(device.contains("Max-Age=2592000") && device.contains("HttpOnly"), "30 days: {device}");
    assert_eq!(audited(&app, "second-factor.device-remembered", &nurse).await, 1);
    c.post("/sign-out", &[]).await;
    // The same browser signs in without a code now; another browser still needs one.
    let r = sign_in_again(&mut c, &nurse).await;
    assert_eq!(r.location(), Some("/account"), "remembered: no code");
    assert_eq!(c.get("/account").await.status, 200);
    let (_, other) = password(&app, &nurse).await;
    assert_eq!(other.location(), Some("/sign-in/code"));
    // The remembered session has given no code: the audit trail's step-up still asks.
    let page = c.get("/account/second-factor").await;
    assert!(page.text().contains("Op 1 apparaat hoef je 30 dagen geen code te geven"), "{}", page.text());
    // After 30 days the device is not remembered any more.
    let expired = app.db.raw("UPDATE remembered_devices SET expires_at = expires_at - 2592000001").await.expect("sql");
    assert_eq!(expired, 1);
    c.post("/sign-out", &[]).await;
    assert_eq!(sign_in_again(&mut c, &nurse).await.location(), Some("/sign-in/code"), "30 days are over");
    app.db.raw("UPDATE remembered_devices SET expires_at = expires_at + 2592000001").await.expect("sql");
    assert_eq!(sign_in_again(&mut c, &nurse).await.location(), Some("/account"), "remembered again");
    // A new password forgets every remembered device.
    c.get("/account").await;
    let changed =
        c.post("/account/password", &[("current_password", PASSWORD), ("new_password", "een heel andere zin")]).await;
    assert_eq!(changed.status, 303, "{}", changed.text());
    c.post("/sign-out", &[]).await;
    c.get("/sign-in").await;
    let r = c
        .post(
            "/sign-in/password",
            &[("email", &nurse.email), ("password", "een heel andere zin"), ("next", "/account")],
        )
        .await;
    assert_eq!(r.location(), Some("/sign-in/code"), "the password change forgot the device");
}

pub async fn staff_without_a_factor_stay_on_the_set_up_page_and_family_sign_in_by_link(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [_, ans, thijs, nurse, co]) = app
        .cast(
            "Sem",
            [
                client("Sem").manager(),
                relative("Ans"),
                volunteer("Thijs"),
                professional("Fatima"),
                coordinator("Marieke"),
            ],
        )
        .await;
    for who in [&nurse, &co] {
        app.db.store.internal().set_password(&who.id, PASSWORD).await.expect("password");
        let (mut c, r) = password(&app, who).await;
        // First the set-up, then on to where they were going (here /account).
        assert_eq!(r.location(), Some("/account/second-factor?next=%2Faccount"), "{} sets up a factor first", who.name);
        let overview = format!("/circles/{circle}");
        for (path, next) in
            [("/circles", ""), (overview.as_str(), "?next=%2Fcircles%2F"), ("/account", "?next=%2Faccount")]
        {
            let r = c.get(path).await;
            assert_eq!(r.status, 303, "{path} for {}", who.name);
            let to = r.location().unwrap_or_default();
            assert!(to.starts_with(&format!("/account/second-factor{next}")), "{path} went to {to}");
        }
        let page = c.get(&format!("/account/second-factor?next=%2Fcircles%2F{circle}")).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Voor jouw account is een tweede stap verplicht"), "{}", page.text());
        assert!(page.body.contains(&format!("name=\"next\" value=\"/circles/{circle}\"")), "the way on is kept");
        let elsewhere = c.get("/account/second-factor?next=https%3A%2F%2Felders.example%2F").await;
        assert!(elsewhere.body.contains("name=\"next\" value=\"\""), "only a local way on");
        // No API token meanwhile either: that would be a way round.
        if who.id == co.id {
            assert_eq!(c.post("/account/tokens", &[("name", "script")]).await.status, 303, "kept on set-up");
        }
        set_up(&mut c).await;
        assert_eq!(c.get("/circles").await.status, 200, "{} goes on once it is set up", who.name);
        assert_eq!(c.get("/account").await.status, 200);
    }
    // Family and volunteers have no factor and sign in with the e-mail link as before.
    for who in [&ans, &thijs] {
        let (mut c, r) = app.sign_in_by_link(who).await;
        assert_eq!(r.location(), Some("/circles"), "{} is signed in at once", who.name);
        assert_eq!(c.get(&format!("/circles/{circle}")).await.status, 200);
        let page = c.get("/account/second-factor").await;
        assert!(page.text().contains("Je mag zelf kiezen"), "voluntary for {}", who.name);
    }
}

pub async fn the_audit_trail_asks_for_a_code_older_than_fifteen_minutes(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem]) = app.cast("Sem", [client("Sem").manager()]).await;
    let mut c = app.signed_in(&sem).await;
    let trail = format!("/circles/{circle}/audit");
    let export = format!("/circles/{circle}/audit/export");
    assert_eq!(c.get(&trail).await.status, 200, "without a factor the client reads the trail as before");
    let (mut codes, _) = set_up(&mut c).await;
    assert_eq!(c.get(&trail).await.status, 200, "the code just given counts");
    // 14 minutes later it still counts; after 16 minutes it does not.
    app.db.raw("UPDATE sessions SET second_factor_at = second_factor_at - 840000").await.expect("sql");
    assert_eq!(c.get(&trail).await.status, 200, "14 minutes");
    app.db.raw("UPDATE sessions SET second_factor_at = second_factor_at - 120000").await.expect("sql");
    for path in [&trail, &export] {
        let r = c.get(path).await;
        assert_eq!(r.status, 303, "{path} after 16 minutes");
        let to = r.location().expect("a redirect").to_owned();
        assert!(to.starts_with("/second-factor/check?next=") && to.contains("audit"), "{to}");
    }
    let check = c.get(&format!("/second-factor/check?next={trail}")).await;
    assert_eq!(check.status, 200);
    assert!(check.text().contains("extra beschermd"));
    let wrong = c.post("/second-factor/check", &[("code", &wrong_code(&codes)), ("next", &trail)]).await;
    assert_eq!(wrong.status, 422);
    assert_eq!(c.get(&trail).await.status, 303, "a wrong code does not step up");
    let right = c.post("/second-factor/check", &[("code", &codes.code()), ("next", &trail)]).await;
    assert_eq!(right.status, 303);
    assert_eq!(right.location(), Some(trail.as_str()), "back to the trail");
    assert_eq!(c.get(&trail).await.status, 200);
    assert_eq!(c.get(&export).await.status, 200);
    assert_eq!(audited(&app, "second-factor.step-up", &sem).await, 1);
    // Somewhere else than our own site is not a place to go back to.
    app.db.raw("UPDATE sessions SET second_factor_at = NULL").await.expect("sql");
    let away = c.post("/second-factor/check", &[("code", &codes.code()), ("next", "//evil.example/")]).await;
    assert_eq!(away.status, 303);
    assert!(!away.location().unwrap_or_default().contains("evil"), "{:?}", away.location());
}

pub async fn an_operator_resets_a_lost_factor_and_it_is_audited(db: TestDb) {
    let engine = db.engine;
    let app = TestApp::new(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    let mut open = app.signed_in(&nurse).await;
    let (mut codes, _) = set_up(&mut open).await;
    let (mut remembered, _) = password(&app, &nurse).await;
    remembered.post("/sign-in/code", &[("code", &codes.code()), ("remember", "on")]).await;
    let (mut waiting, r) = password(&app, &nurse).await;
    assert_eq!(r.location(), Some("/sign-in/code"));
    let had = app.db.count(&format!("SELECT COUNT(*) FROM second_factors WHERE user_id = '{}'", nurse.id)).await;
    assert_eq!(had, 1);

    match engine {
        // On SQLite the real command runs against the test's database file.
        Engine::Sqlite => {
            let install = crate::support::binary::Install::at(app.db.dir.clone(), app.db.url.clone());
            let args = ["admin", "second-factor-reset", "--email", nurse.email.as_str()];
            let (code, out, err) = install.run(&args, &[]).await;
            assert_eq!(code, 0, "{out}{err}");
            assert!(out.contains("turned off"), "{out}");
            let (code, _, err) =
                install.run(&["admin", "second-factor-reset", "--email", "nobody@test.example"], &[]).await;
            assert_ne!(code, 0, "an unknown address is an error");
            assert!(err.contains("no account"), "{err}");
        }
        // The binary cannot use the test's PostgreSQL schema: the function it calls.
        Engine::Postgres => {
            let source = samenspel_core::audit::Source::system("samenspel admin second-factor-reset");
            let reset =
                samenspel::service::second_factor::internal_reset(&app.state, &nurse.id, &source, Timestamp::now());
            assert!(reset.await.expect("reset"), "there was a factor");
        }
    }
    let left = app.db.count(&format!("SELECT COUNT(*) FROM second_factors WHERE user_id = '{}'", nurse.id)).await;
    assert_eq!(left, 0, "the factor is off");
    let codes_left = app.db.count(&format!("SELECT COUNT(*) FROM recovery_codes WHERE user_id = '{}'", nurse.id)).await;
    assert_eq!(codes_left, 0);
    assert_eq!(open.get("/account").await.status, 303, "signed out everywhere");
    assert_eq!(remembered.get("/account").await.status, 303);
    assert_eq!(waiting.post("/sign-in/code", &[("code", &codes.code())]).await.location(), Some("/sign-in"));
    let record = app
        .db
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'second-factor.reset' AND object_id = '{}' \
             AND actor_user_id IS NULL",
            nurse.id
        ))
        .await;
    assert_eq!(record, 1, "the reset is in the audit trail, by the operator");
    // Signing in again: no code asked (the remembered device is forgotten too), a new one is to be set up.
    let r = sign_in_again(&mut remembered, &nurse).await;
    assert_eq!(r.location(), Some("/account/second-factor?next=%2Faccount"));
    set_up(&mut remembered).await;
}
