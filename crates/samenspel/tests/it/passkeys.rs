//! Passkeys (issue 15, part 2): adding one, signing in with one alone, as
//! the second step for staff, step-up, removing one, and what is refused —
//! another account's passkey, a replayed or foreign ceremony, a forged
//! signature. The device is webauthn-rs's own software authenticator
//! (webauthn-authenticator-rs), speaking to the pages as a browser would
//! with the options the page carries; the browser suite does the same with
//! Chromium's virtual authenticator.

use crate::support::{Client, Resp, TUser, TestApp, TestDb, client, professional, relative, volunteer};
use serde::de::DeserializeOwned;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, PublicKeyCredential, RequestChallengeResponse, Url};

/// The test server's public address (the relying party's origin): browsers
/// offer passkeys over HTTPS, or plain HTTP to localhost.
const ORIGIN: &str = "http://localhost:8080";

async fn app(db: TestDb) -> TestApp {
    TestApp::with(db, |c| c.public_url = Some(ORIGIN.into())).await
}
const PASSWORD: &str = "lange zin als wachtwoord";

/// The options a ceremony page carries for the browser.
fn options<T: DeserializeOwned>(page: &Resp) -> T {
    let json = page
        .body
        .split("id=\"passkey-options\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap_or_else(|| panic!("no passkey options in the page: {}", page.text()));
    serde_json::from_str(json).expect("the options are JSON")
}

/// A phone with passkeys on it: it verifies its owner (fingerprint, PIN).
struct Device {
    authenticator: SoftPasskey,
    /// The passkey it made last: its id, and the account handle it keeps.
    made: Option<(Vec<u8>, Vec<u8>)>,
}

impl Device {
    fn new() -> Self {
        Device { authenticator: SoftPasskey::new(true), made: None }
    }

    fn origin() -> Url {
        Url::parse(ORIGIN).expect("origin")
    }

    /// Makes a passkey for the options on an "add" page; the browser's answer.
    fn create(&mut self, page: &Resp) -> String {
        let ccr: CreationChallengeResponse = options(page);
        let handle = ccr.public_key.user.id.to_vec();
        let answer = self.authenticator.do_registration(Self::origin(), ccr).expect("the device makes a passkey");
        self.made = Some((answer.raw_id.to_vec(), handle));
        serde_json::to_string(&answer).expect("json")
    }

    /// Signs the challenge on a check page with one of the passkeys it has.
    fn sign(&mut self, page: &Resp) -> String {
        let rcr: RequestChallengeResponse = options(page);
        let answer = self.authenticator.do_authentication(Self::origin(), rcr).expect("the device signs");
        serde_json::to_string(&answer).expect("json")
    }

    /// Signs in without an address: the page names no passkey, so the
    /// device picks its own and tells whose it is (the account handle it
    /// kept, as a discoverable passkey does).
    fn sign_discoverable(&mut self, page: &Resp) -> String {
        let rcr: RequestChallengeResponse = options(page);
        assert!(rcr.public_key.allow_credentials.is_empty(), "signing in names no passkey");
        let (id, handle) = self.made.clone().expect("a passkey on the device");
        let rcr = allow_only(rcr, &id);
        let mut answer: PublicKeyCredential =
            self.authenticator.do_authentication(Self::origin(), rcr).expect("the device signs");
        answer.response.user_handle = Some(handle);
        serde_json::to_string(&answer).expect("json")
    }
}

/// The options with only passkey `id` allowed: how a device answers with a
/// passkey of its own choosing (webauthn-rs's software device needs a name).
fn allow_only(rcr: RequestChallengeResponse, id: &[u8]) -> RequestChallengeResponse {
    use base64::Engine as _;
    let mut json = serde_json::to_value(rcr).expect("json");
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id);
    json["publicKey"]["allowCredentials"] = serde_json::json!([{"type": "public-key", "id": id}]);
    serde_json::from_value(json).expect("options")
}

/// Adds a passkey in a signed-in browser: the add page, the device, the form.
async fn add(c: &mut Client<'_>, device: &mut Device, name: &str) -> Resp {
    let page = c.get("/account/passkeys/new").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let answer = device.create(&page);
    c.post("/account/passkeys/new", &[("name", name), ("response", &answer)]).await
}

async fn audited(app: &TestApp, action: &str, u: &TUser) -> i64 {
    app.db.count(&format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND object_id = '{}'", u.id)).await
}

/// Signs in with a passkey alone in a fresh browser.
async fn passkey_sign_in<'a>(app: &'a TestApp, device: &mut Device) -> (Client<'a>, Resp) {
    let mut c = app.client();
    let page = c.get("/sign-in").await;
    assert!(page.text().contains("Inloggen met een toegangssleutel"), "{}", page.text());
    let ceremony = c.post("/sign-in/passkey", &[("next", "/account")]).await;
    assert_eq!(ceremony.status, 200, "{}", ceremony.text());
    let answer = device.sign_discoverable(&ceremony);
    let r = c.post("/sign-in/passkey/finish", &[("response", &answer), ("next", "/account")]).await;
    (c, r)
}

pub async fn a_passkey_is_added_named_and_listed_with_recovery_codes_the_first_time(db: TestDb) {
    let app = app(db).await;
    let (_, [_, ans]) = app.cast("Sem", [client("Sem").manager(), relative("Ans")]).await;
    let mut c = app.signed_in(&ans).await;
    let page = c.get("/account/second-factor").await;
    assert!(page.text().contains("Je hebt nog geen toegangssleutel"), "{}", page.text());
    // A name is needed; what was typed and a new ceremony come back.
    let mut phone = Device::new();
    let unnamed = add(&mut c, &mut phone, " ").await;
    assert_eq!(unnamed.status, 422);
    assert!(unnamed.text().contains("Geef de sleutel een naam"), "{}", unnamed.text());
    let first = add(&mut c, &mut phone, "Mijn telefoon").await;
    assert_eq!(first.status, 200, "{}", first.text());
    let codes = first.body.matches("<li><code>").count();
    assert_eq!(codes, 10, "the first factor comes with recovery codes: {}", first.text());
    let mut laptop = Device::new();
    let second = add(&mut c, &mut laptop, "Laptop thuis").await;
    assert_eq!(second.status, 303, "{}", second.text());
    assert_eq!(second.location(), Some("/account/second-factor?done=passkey-added-notice"));
    let listed = c.get("/account/second-factor?done=passkey-added-notice").await.text();
    assert!(listed.contains("De toegangssleutel is toegevoegd"), "{listed}");
    assert!(listed.contains("Mijn telefoon") && listed.contains("Laptop thuis"), "{listed}");
    assert!(listed.contains("Nog niet gebruikt"), "{listed}");
    assert_eq!(audited(&app, "passkey.added", &ans).await, 2);
    // Only the public key is stored: the name, the id, and no secret.
    let stored = app.db.strings("SELECT credential FROM passkeys ORDER BY created_at").await;
    assert_eq!(stored.len(), 2);
    // A replayed answer finds no ceremony: it was used.
    let page = c.get("/account/passkeys/new").await;
    let answer = Device::new().create(&page);
    assert_eq!(c.post("/account/passkeys/new", &[("name", "Tablet"), ("response", &answer)]).await.status, 303);
    let replay = c.post("/account/passkeys/new", &[("name", "Tablet"), ("response", &answer)]).await;
    assert_eq!(replay.status, 422, "a ceremony is used once");
    assert_eq!(app.db.count("SELECT COUNT(*) FROM passkeys").await, 3);
}

pub async fn signing_in_with_a_passkey_alone_is_both_factors(db: TestDb) {
    let app = app(db).await;
    let (_, [_, ans]) = app.cast("Sem", [client("Sem").manager(), relative("Ans")]).await;
    let mut phone = Device::new();
    add(&mut app.signed_in(&ans).await, &mut phone, "Telefoon").await;
    let (mut c, r) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some("/account"));
    assert!(c.cookie("samenspel_session").is_some());
    assert!(c.cookie("samenspel_passkey").is_none(), "the ceremony's cookie ends");
    assert_eq!(audited(&app, "passkey.signed-in", &ans).await, 1);
    // The passkey was both factors: step-up does not ask again.
    let export = c.get("/account/privacy/export").await;
    assert_eq!(export.status, 200, "no check needed after a passkey: {:?}", export.location());
    let listed = c.get("/account/second-factor").await.text();
    assert!(listed.contains("Laatst gebruikt op"), "{listed}");

    // A passkey this server does not know (or that was removed) signs nobody in.
    let mut stranger = Device::new();
    let mut other = app.signed_in(&app.user("Kees").await).await;
    add(&mut other, &mut stranger, "Van Kees").await;
    app.db.raw("DELETE FROM passkeys WHERE name = 'Van Kees'").await.expect("sql");
    let (d, r) = passkey_sign_in(&app, &mut stranger).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Samenspel kent deze toegangssleutel niet"), "{}", r.text());
    assert!(d.cookie("samenspel_session").is_none());
}

pub async fn a_passkey_signs_in_only_its_own_account(db: TestDb) {
    let app = app(db).await;
    let (_, [_, ans, piet]) = app.cast("Sem", [client("Sem").manager(), relative("Ans"), volunteer("Piet")]).await;
    let mut phone = Device::new();
    add(&mut app.signed_in(&ans).await, &mut phone, "Telefoon").await;
    // The device claims to be Piet's: the passkey is Ans's, so nobody is signed in.
    let piet_handle = uuid::Uuid::parse_str(piet.id.as_str()).expect("uuid").as_bytes().to_vec();
    if let Some((_, handle)) = phone.made.as_mut() {
        *handle = piet_handle;
    }
    let (c, r) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(c.cookie("samenspel_session").is_none());
    // A signature that does not hold (made for another browser's challenge)
    // is refused and counted towards the lock-out.
    let ans_handle = uuid::Uuid::parse_str(ans.id.as_str()).expect("uuid").as_bytes().to_vec();
    if let Some((_, handle)) = phone.made.as_mut() {
        *handle = ans_handle;
    }
    let mut c = app.client();
    c.get("/sign-in").await;
    c.post("/sign-in/passkey", &[]).await;
    let mut elsewhere = app.client();
    elsewhere.get("/sign-in").await;
    let other_challenge = elsewhere.post("/sign-in/passkey", &[]).await;
    let answer = phone.sign_discoverable(&other_challenge);
    let r = c.post("/sign-in/passkey/finish", &[("response", &answer)]).await;
    assert_eq!(r.status, 422, "signed for another challenge: {}", r.text());
    assert!(c.cookie("samenspel_session").is_none());
    assert_eq!(audited(&app, "second-factor.wrong-code", &ans).await, 1, "counted towards the lock-out");
    // The same answer in the browser it was made for works.
    let r = elsewhere.post("/sign-in/passkey/finish", &[("response", &answer)]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    // A disabled account does not sign in with its passkey.
    app.db.raw(&format!("UPDATE users SET disabled_at = 1 WHERE id = '{}'", ans.id)).await.expect("sql");
    let (c, r) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(r.status, 422);
    assert!(c.cookie("samenspel_session").is_none());
}

pub async fn a_passkey_is_the_second_step_for_staff(db: TestDb) {
    let app = app(db).await;
    let (_, [_, nurse, ans]) =
        app.cast("Sem", [client("Sem").manager(), professional("Fatima"), relative("Ans")]).await;
    app.db.store.internal().set_password(&nurse.id, PASSWORD).await.expect("password");
    app.db.store.internal().set_password(&ans.id, PASSWORD).await.expect("password");
    // A professional who must have a factor sets up a passkey as her only one.
    let mut phone = Device::new();
    let mut staff = app.client();
    staff.get("/sign-in").await;
    let r = staff.post("/sign-in/password", &[("email", &nurse.email), ("password", PASSWORD)]).await;
    assert_eq!(r.location(), Some("/account/second-factor"), "she must set one up first");
    assert_eq!(add(&mut staff, &mut phone, "Telefoon").await.status, 200, "the recovery codes");
    assert_eq!(staff.get("/circles").await.status, 200, "set up: the rest is open");

    // Signing in with the password now asks for the passkey (or a recovery code).
    let mut c = app.client();
    c.get("/sign-in").await;
    let r = c.post("/sign-in/password", &[("email", &nurse.email), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(r.location(), Some("/sign-in/code"));
    let code_page = c.get("/sign-in/code").await.text();
    assert!(code_page.contains("Toegangssleutel gebruiken") && code_page.contains("Herstelcode"), "{code_page}");
    let ceremony = c.post("/sign-in/code/passkey", &[]).await;
    assert_eq!(ceremony.status, 200, "{}", ceremony.text());
    let answer = phone.sign(&ceremony);
    // A ceremony begun for the second step cannot be used for anything else.
    let wrong_purpose = c.post("/sign-in/passkey/finish", &[("response", &answer)]).await;
    assert_eq!(wrong_purpose.status, 422);
    let ceremony = c.post("/sign-in/code/passkey", &[("remember", "on")]).await;
    let answer = phone.sign(&ceremony);
    let done = c.post("/sign-in/code/passkey/finish", &[("response", &answer), ("remember", "on")]).await;
    assert_eq!(done.status, 303, "{}", done.text());
    assert_eq!(done.location(), Some("/account"));
    assert!(c.cookie("samenspel_session").is_some() && c.cookie("samenspel_pending").is_none());
    assert!(c.cookies_named("samenspel_device_") > 0, "the browser is remembered");
    assert_eq!(audited(&app, "second-factor.signed-in", &nurse).await, 1);

    // Another person's passkey does not pass her second step.
    let mut other_phone = Device::new();
    add(&mut app.signed_in(&ans).await, &mut other_phone, "Van Ans").await;
    let mut d = app.client();
    d.get("/sign-in").await;
    d.post("/sign-in/password", &[("email", &nurse.email), ("password", PASSWORD)]).await;
    let ceremony = d.post("/sign-in/code/passkey", &[]).await;
    let id = other_phone.made.clone().expect("made").0;
    let rcr = allow_only(options(&ceremony), &id);
    let foreign = other_phone.authenticator.do_authentication(Device::origin(), rcr).expect("signs");
    let r =
        d.post("/sign-in/code/passkey/finish", &[("response", &serde_json::to_string(&foreign).expect("json"))]).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(d.cookie("samenspel_session").is_none());

    // Family with a passkey keep signing in with a password or link alone.
    let mut f = app.client();
    f.get("/sign-in").await;
    let r = f.post("/sign-in/password", &[("email", &ans.email), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(r.location(), Some("/account"), "no second step for family");
}

pub async fn step_up_takes_a_passkey(db: TestDb) {
    let app = app(db).await;
    let (_, [_, ans]) = app.cast("Sem", [client("Sem").manager(), relative("Ans")]).await;
    let mut phone = Device::new();
    add(&mut app.signed_in(&ans).await, &mut phone, "Telefoon").await;
    // A session that began with a link has passed no check.
    let (mut c, _) = app.sign_in_by_link(&ans).await;
    let r = c.get("/account/privacy/export").await;
    assert_eq!(r.status, 303);
    let to = r.location().expect("to the check").to_owned();
    assert!(to.starts_with("/second-factor/check?next="), "{to}");
    let check = c.get(&to).await.text();
    assert!(check.contains("Toegangssleutel gebruiken"), "{check}");
    let ceremony = c.post("/second-factor/check/passkey", &[("next", "/account/privacy/export")]).await;
    assert_eq!(ceremony.status, 200, "{}", ceremony.text());
    let answer = phone.sign(&ceremony);
    let done = c
        .post("/second-factor/check/passkey/finish", &[("response", &answer), ("next", "/account/privacy/export")])
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    assert_eq!(done.location(), Some("/account/privacy/export"));
    assert_eq!(c.get("/account/privacy/export").await.status, 200);
    assert_eq!(audited(&app, "second-factor.step-up", &ans).await, 1);
    // Adding another passkey needs a fresh check too: within 15 minutes it is.
    assert_eq!(c.get("/account/passkeys/new").await.status, 200);
}

pub async fn the_last_required_passkey_stays_and_an_administrator_resets_them(db: TestDb) {
    let app = app(db).await;
    let (_, [_, nurse, ans]) =
        app.cast("Sem", [client("Sem").manager(), professional("Fatima"), relative("Ans")]).await;
    let mut c = app.signed_in(&nurse).await;
    add(&mut c, &mut Device::new(), "Telefoon").await;
    let id = app.db.strings(&format!("SELECT id FROM passkeys WHERE user_id = '{}'", nurse.id)).await.remove(0);
    let page = c.get(&format!("/account/passkeys/{id}/remove")).await;
    assert!(page.text().contains("je enige tweede stap"), "{}", page.text());
    let r = c.post(&format!("/account/passkeys/{id}/remove"), &[]).await;
    assert_eq!(r.status, 409, "her only factor stays");
    // With a second passkey, one may go.
    add(&mut c, &mut Device::new(), "Reserve").await;
    let r = c.post(&format!("/account/passkeys/{id}/remove"), &[]).await;
    assert_eq!(r.location(), Some("/account/second-factor?done=passkey-removed-notice"));
    assert_eq!(audited(&app, "passkey.removed", &nurse).await, 1);
    // Nobody removes another person's passkey.
    let mut other = app.signed_in(&ans).await;
    let left = app.db.strings(&format!("SELECT id FROM passkeys WHERE user_id = '{}'", nurse.id)).await.remove(0);
    assert_eq!(other.get(&format!("/account/passkeys/{left}/remove")).await.status, 404);
    assert_eq!(other.post(&format!("/account/passkeys/{left}/remove"), &[]).await.status, 404);
    // The administrator's reset for a lost phone takes every passkey and session.
    let source = samenspel_core::audit::Source::default();
    let had = samenspel::service::second_factor::internal_reset(
        &app.state,
        &nurse.id,
        &source,
        samenspel_core::Timestamp::now(),
    )
    .await
    .expect("reset");
    assert!(had, "she had a factor");
    assert_eq!(app.db.count(&format!("SELECT COUNT(*) FROM passkeys WHERE user_id = '{}'", nurse.id)).await, 0);
    assert_eq!(c.get("/account").await.status, 303, "her sessions ended");
}

pub async fn staff_with_a_passkey_may_turn_the_app_off(db: TestDb) {
    let app = app(db).await;
    let (_, [_, nurse]) = app.cast("Sem", [client("Sem").manager(), professional("Fatima")]).await;
    let mut c = app.signed_in(&nurse).await;
    let (mut codes, _) = crate::second_factor::set_up(&mut c).await;
    // The app is her only factor: it stays.
    let page = c.get("/account/second-factor").await.text();
    assert!(page.contains("Je kunt hem niet uitzetten"), "{page}");
    assert_eq!(c.post("/account/second-factor/off", &[("code", &codes.code())]).await.status, 409);
    // With a passkey as well, the app may go; the passkey is then her factor.
    let added = add(&mut c, &mut Device::new(), "Telefoon").await;
    assert_eq!(added.status, 303, "not her first factor: no new recovery codes");
    let off = c.post("/account/second-factor/off", &[("code", &codes.code())]).await;
    assert_eq!(off.location(), Some("/account/second-factor?done=second-factor-disabled-notice"), "{}", off.text());
    let page = c.get("/account/second-factor").await.text();
    assert!(page.contains("De tweede stap staat aan") && page.contains("Je hebt nog 10 herstelcodes over"), "{page}");
    assert_eq!(app.db.count(&format!("SELECT COUNT(*) FROM second_factors WHERE user_id = '{}'", nurse.id)).await, 0);
}
