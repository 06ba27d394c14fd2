//! Inviting people, and joining through the link.

use crate::support::fixtures::link_in;
use crate::support::{TestApp, TestDb};
use samenspel_core::Timestamp;
use samenspel_core::role::Role;

async fn invite(
    c: &mut crate::support::Client<'_>,
    circle: &samenspel_core::ids::CircleId,
    fields: &[(&str, &str)],
) -> crate::support::Resp {
    c.get(&format!("/circles/{circle}/invitations")).await;
    c.post(&format!("/circles/{circle}/invitations"), fields).await
}

pub async fn invite_by_email_and_join(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    let mut a = app.signed_in(&ans).await;
    let r = invite(
        &mut a,
        &circle,
        &[("email", "Kees@Test.Example"), ("role", "volunteer"), ("relation", "buurman"), ("message", "Doe je mee?")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("De uitnodiging is klaar"));
    assert!(r.text().contains("We hebben de uitnodiging per e-mail verstuurd"));
    assert_eq!(app.run_jobs().await, 1);
    let mail = app.mails_to("kees@test.example").pop().expect("invitation mail");
    assert!(mail.contains("Subject: Ans nodigt je uit voor Samenspel"));
    assert!(mail.contains("Doe je mee?"));
    let link = link_in(&mail, "http://samenspel.test/invitations/").expect("link");
    let path = link.trim_start_matches("http://samenspel.test").to_owned();

    let mut kees = app.client();
    let page = kees.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Uitnodiging voor de kring van Henk de Vries"));
    assert!(page.text().contains("Ans nodigt je uit om mee te doen als vrijwilliger"));
    assert!(page.body.contains("value=\"kees@test.example\""), "the address is filled in");
    let missing = kees.post(&format!("{path}/accept"), &[("name", ""), ("email", "kees@test.example")]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.text().contains("Vul een naam in"));
    let joined = kees.post(&format!("{path}/accept"), &[("name", "Kees Mulder"), ("email", "kees@test.example")]).await;
    assert_eq!(joined.status, 303, "{}", joined.text());
    let circle_page = kees.get(joined.location().expect("to the circle")).await;
    assert_eq!(circle_page.status, 200);
    assert!(circle_page.text().contains("Welkom in de kring!"));
    let circle_page = kees.get(&format!("/circles/{circle}/members")).await;
    assert!(circle_page.text().contains("Kees Mulder (jij)"));
    assert!(circle_page.text().contains("Ans"));
    let user =
        app.db.store.internal().find_user_for_sign_in("kees@test.example").await.expect("q").expect("account made");
    assert_eq!(app.role_in(&circle, &user.id).await, Some(Role::Volunteer), "a member, as a volunteer");
    // The link is used up.
    let again = app.client().get(&path).await;
    assert_eq!(again.status, 410);
}

pub async fn invite_by_link_with_another_address(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let mut a = app.signed_in(&ans).await;
    let r = invite(&mut a, &circle, &[("role", "relative"), ("relation", "kleinzoon"), ("access_until", "2099-12-31")])
        .await;
    assert_eq!(r.status, 200);
    assert!(!r.text().contains("per e-mail verstuurd"));
    let link = r.quoted_after("id=\"invite-link\" readonly value=\"").expect("link shown");
    let path = link.trim_start_matches("http://samenspel.test").to_owned();
    assert_eq!(app.run_jobs().await, 0, "no e-mail for a copied link");
    let mut bram = app.client();
    bram.get(&path).await;
    let r = bram.post(&format!("{path}/accept"), &[("name", "Bram"), ("email", "bram@test.example")]).await;
    assert_eq!(r.status, 200);
    // The page says which circle, who invited, and what happens next.
    let text = r.text();
    assert!(text.contains("Bijna klaar: kijk in je e-mail"), "an unproven address gets a link first: {text}");
    assert!(text.contains("We hebben een e-mail gestuurd naar bram@test.example"), "{text}");
    assert!(text.contains("Dan ben je lid van de kring van Henk. Ans nodigde je uit."), "{text}");
    assert!(app.db.store.internal().find_user_for_sign_in("bram@test.example").await.expect("q").is_some());
    app.run_jobs().await;
    let mail = app.mails_to("bram@test.example").pop().expect("sign-in mail");
    // So does the e-mail (the circle in the text, not in the subject).
    assert!(mail.contains("Ans nodigde je uit voor de kring van Henk in Samenspel."), "{mail}");
    assert!(mail.contains("Subject: Bevestig je e-mailadres voor Samenspel"), "{mail}");
    let link = link_in(&mail, "http://samenspel.test/sign-in/link/").expect("link");
    let lpath = link.trim_start_matches("http://samenspel.test").to_owned();
    let confirm = bram.get(&lpath).await;
    assert!(confirm.text().contains("Lid worden van de kring van Henk"), "{}", confirm.text());
    let r = bram.post(&lpath, &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.location(),
        Some(format!("/circles/{circle}?done=notice-joined").as_str()),
        "the sign-in link finishes the invitation, with the welcome"
    );
    let page = bram.get(&format!("/circles/{circle}/members")).await;
    assert!(page.text().contains("kleinzoon"));
    assert!(page.text().contains("Toegang tot en met 31 december 2099"), "the day chosen is the last day");
}

pub async fn forwarded_invitation_never_signs_in_an_existing_account(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let ellen = app.user("Ellen").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let mut a = app.signed_in(&ans).await;
    invite(&mut a, &circle, &[("email", ellen.email.as_str()), ("role", "relative")]).await;
    app.run_jobs().await;
    let mail = app.mails_to(&ellen.email).pop().expect("mail");
    let path = link_in(&mail, "http://samenspel.test/invitations/")
        .expect("link")
        .trim_start_matches("http://samenspel.test")
        .to_owned();
    // Whoever holds the link cannot get into Ellen's existing account with it.
    let mut stranger = app.client();
    stranger.get(&path).await;
    let r = stranger.post(&format!("{path}/accept"), &[("name", "Iemand"), ("email", &ellen.email)]).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Bijna klaar: kijk in je e-mail"));
    assert!(stranger.cookie("samenspel_session").is_none());
    // Ellen, signed in, joins with one click.
    let mut e = app.signed_in(&ellen).await;
    let page = e.get(&path).await;
    assert!(page.text().contains("Je bent ingelogd als Ellen"));
    let r = e.post(&format!("{path}/accept"), &[]).await;
    assert_eq!(r.status, 303);
    assert!(
        app.db.store.internal().active_membership(&ellen.id, &circle, Timestamp::now()).await.expect("q").is_some()
    );
}

pub async fn revoked_and_used_invitations_do_not_work(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let mut a = app.signed_in(&ans).await;
    let r = invite(&mut a, &circle, &[("role", "volunteer")]).await;
    let link = r.quoted_after("id=\"invite-link\" readonly value=\"").expect("link");
    let path = link.trim_start_matches("http://samenspel.test").to_owned();
    let list = a.get(&format!("/circles/{circle}/invitations")).await;
    let id = list
        .body
        .split("/invitations/")
        .filter_map(|s| s.split('/').next())
        .find(|s| s.len() == 36)
        .expect("invitation id")
        .to_owned();
    assert_eq!(a.post(&format!("/circles/{circle}/invitations/{id}/revoke"), &[]).await.status, 303);
    let page = app.client().get(&path).await;
    assert_eq!(page.status, 410);
    assert!(page.text().contains("ingetrokken"));
    let mut late = app.client();
    late.get("/sign-in").await;
    let r = late.post(&format!("{path}/accept"), &[("name", "Laat"), ("email", "laat@test.example")]).await;
    assert_eq!(r.status, 409);
    assert_eq!(app.client().get("/invitations/not-a-token").await.status, 404);
}

pub async fn client_side_roles_stay_with_the_client(db: TestDb) {
    let app = TestApp::new(db).await;
    let coord = app.user("Marieke").await;
    let sem = app.user("Sem").await;
    let circle = app.circle("Sem", &[(&coord, Role::Coordinator, false)]).await;
    let mut c = app.signed_in(&coord).await;
    // Before the client is in the circle, the coordinator may invite them.
    let r = invite(&mut c, &circle, &[("role", "client")]).await;
    assert_eq!(r.status, 200);
    app.db
        .store
        .internal()
        .add_member(&circle, &sem.id, Role::Client, "", false, false, None, Timestamp::now())
        .await
        .expect("client joins");
    let r = invite(&mut c, &circle, &[("role", "representative")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Alleen de cliënt of de vertegenwoordiger"));
    let mut s = app.signed_in(&sem).await;
    let r = invite(&mut s, &circle, &[("role", "representative")]).await;
    assert_eq!(r.status, 200);
}

/// The trail names who joined: a newcomer joining with the invited address
/// (their account is made and signed in at once) and one who confirms
/// another address with the sign-in link are recorded under their own name,
/// not as "someone with an invitation link".
pub async fn joining_is_recorded_under_the_newcomers_name(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let mut a = app.signed_in(&ans).await;
    invite(&mut a, &circle, &[("email", "kees@test.example"), ("role", "volunteer")]).await;
    let r = invite(&mut a, &circle, &[("role", "relative")]).await;
    let by_link = r.quoted_after("id=\"invite-link\" readonly value=\"").expect("link shown");
    app.run_jobs().await;
    let mail = app.mails_to("kees@test.example").pop().expect("invitation mail");
    let by_mail = link_in(&mail, "http://samenspel.test/invitations/").expect("link");
    let before = app.db.store.audit_head().await.expect("head").0;

    let mut kees = app.client();
    let path = by_mail.trim_start_matches("http://samenspel.test").to_owned();
    let r = kees.post(&format!("{path}/accept"), &[("name", "Kees Mulder"), ("email", "kees@test.example")]).await;
    assert_eq!(r.status, 303);
    let mut bram = app.client();
    let path = by_link.trim_start_matches("http://samenspel.test").to_owned();
    let r = bram.post(&format!("{path}/accept"), &[("name", "Bram"), ("email", "bram@test.example")]).await;
    assert_eq!(r.status, 200, "another address confirms first");
    app.run_jobs().await;
    let mail = app.mails_to("bram@test.example").pop().expect("sign-in mail");
    let link = link_in(&mail, "http://samenspel.test/sign-in/link/").expect("link");
    assert_eq!(bram.post(link.trim_start_matches("http://samenspel.test"), &[]).await.status, 303);

    let run = app.db.store.internal().audit_run(before, 100).await.expect("chain");
    let joined: Vec<_> = run
        .iter()
        .filter(|r| r.event.action == "invitation.accept")
        .map(|r| (r.event.actor_name.as_str(), r.event.actor_user_id.is_some(), r.event.circle_id.as_ref()))
        .collect();
    assert_eq!(joined, [("Kees Mulder", true, Some(&circle)), ("Bram", true, Some(&circle))], "{joined:?}");
}
