//! Starting circles, members, archiving, contact details, form errors.

use crate::support::{TestApp, TestDb, client, professional, relative, representative, volunteer};
use samenspel_core::Timestamp;
use samenspel_core::role::{OrgRole, Role};

pub async fn start_a_circle_and_find_it(db: TestDb) {
    let app = TestApp::new(db).await;
    let ingrid = app.user("Ingrid").await;
    let mut c = app.signed_in(&ingrid).await;
    let form = c.get("/circles/new").await;
    assert_eq!(form.status, 200);
    assert!(!form.body.contains("optgroup"), "no organisations to choose from");
    let r = c
        .post(
            "/circles",
            &[
                ("client_name", "  opa   Wim "),
                ("description", "Boodschappen en bezoek"),
                ("my_role", "relative"),
                ("my_relation", "dochter"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let path = format!("{}/members", r.location().expect("to the circle"));
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("opa Wim"));
    assert!(page.text().contains("Ingrid (jij)"));
    assert!(page.text().contains("Beheert de kring"));
    let list = c.get("/circles").await;
    assert!(list.text().contains("opa Wim"));
    assert!(list.text().contains("Jouw rol: naaste (dochter)"));

    // A coordinator starts circles for the organisation, at one of its locations.
    let marieke = app.user("Marieke").await;
    let now = Timestamp::now();
    let org = app.db.store.internal().create_organisation("Zorggroep Test", now).await.expect("org");
    let loc = app.db.store.internal().create_location(&org, "Wijkteam Noord", now).await.expect("location");
    app.db.store.internal().add_staff(&org, &marieke.id, OrgRole::Coordinator, now).await.expect("staff");
    let mut m = app.signed_in(&marieke).await;
    let form = m.get("/circles/new").await;
    assert!(form.body.contains("Wijkteam Noord"));
    let place = format!("{org}/{loc}");
    let r = m.post("/circles", &[("client_name", "Henk"), ("my_role", "coordinator"), ("place", &place)]).await;
    assert_eq!(r.status, 303);
    let list = m.get("/circles").await;
    assert!(list.text().contains("Wijkteam Noord"));
    // Someone who is not staff cannot put a circle in that organisation.
    let r = c.post("/circles", &[("client_name", "X"), ("my_role", "relative"), ("place", &place)]).await;
    assert_eq!(r.status, 422);
}

pub async fn retried_form_post_creates_one_circle(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let mut c = app.signed_in(&ans).await;
    let form = c.get("/circles/new").await;
    let idem = form.quoted_after("name=\"idem\" value=\"").expect("idempotency key in the form");
    let fields = [("client_name", "Henk"), ("my_role", "relative"), ("idem", idem.as_str())];
    let first = c.post("/circles", &fields).await;
    let second = c.post("/circles", &fields).await;
    assert_eq!(first.location(), second.location(), "the retry lands on the same circle");
    let circles = app.db.store.my_circles(&app.acting_as(&ans).await, Timestamp::now()).await.expect("list");
    assert_eq!(circles.len(), 1);
}

pub async fn removal_takes_effect_in_open_sessions(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let mut t = app.signed_in(&thijs).await;
    assert_eq!(t.get(&format!("/circles/{circle}")).await.status, 200);
    let mut a = app.signed_in(&ans).await;
    let member = app.member_id(&circle, &thijs).await;
    let card = a.get(&format!("/circles/{circle}/members/{member}")).await;
    assert!(card.text().contains("Uit de kring halen"));
    let removed = a.post(&format!("/circles/{circle}/members/{member}/remove"), &[]).await;
    assert_eq!(removed.status, 303);
    let gone = t.get(&format!("/circles/{circle}")).await;
    assert_eq!(gone.status, 404, "Thijs's open session sees nothing any more");
    assert!(!gone.body.contains("Henk"));
    assert!(!t.get("/circles").await.text().contains("Henk"));
}

pub async fn archived_circles_are_read_only_and_hidden(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let mut a = app.signed_in(&ans).await;
    a.get(&format!("/circles/{circle}/settings")).await;
    assert_eq!(a.post(&format!("/circles/{circle}/archive"), &[]).await.status, 303);
    let page = a.get(&format!("/circles/{circle}/members")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Gearchiveerd"));
    assert!(!page.text().contains("Iemand uitnodigen"));
    assert_eq!(
        a.get(&format!("/circles/{circle}/invitations")).await.status,
        403,
        "no new members in an archived circle"
    );
    let mut t = app.signed_in(&thijs).await;
    assert_eq!(t.get(&format!("/circles/{circle}")).await.status, 404);
    assert!(!t.get("/circles").await.text().contains("Henk"));
    a.get(&format!("/circles/{circle}/settings")).await;
    assert_eq!(a.post(&format!("/circles/{circle}/restore"), &[]).await.status, 303);
    assert_eq!(t.get(&format!("/circles/{circle}")).await.status, 200);
}

pub async fn contact_details_follow_the_members_choice(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [karin, nurse, buddy]) =
        app.cast("Sem", [relative("Karin").manager(), professional("Yvonne"), volunteer("Jesse")]).await;
    let mut k = app.signed_in(&karin).await;
    k.get(&format!("/circles/{circle}/settings")).await;
    assert_eq!(k.post(&format!("/circles/{circle}/contact"), &[("contact_audience", "informal")]).await.status, 303);
    let karin_member = app.member_id(&circle, &karin).await;
    let mut n = app.signed_in(&nurse).await;
    let card = n.get(&format!("/circles/{circle}/members/{karin_member}")).await;
    assert!(!card.body.contains(&karin.email), "professionals do not see Karin's address");
    assert!(card.text().contains("Alleen zichtbaar voor een deel van de kring"));
    let mut b = app.signed_in(&buddy).await;
    assert!(b.get(&format!("/circles/{circle}/members/{karin_member}")).await.body.contains(&karin.email));
    let token = app.token(&nurse).await;
    let mut api = app.client();
    api.bearer = Some(token);
    let members = api.api(axum::http::Method::GET, &format!("/api/v1/circles/{circle}/members"), None).await;
    assert!(!members.body.contains(&karin.email), "nor through the API");
    assert!(members.body.contains(&buddy.email));
    assert_eq!(k.post(&format!("/circles/{circle}/contact"), &[("contact_audience", "chosen")]).await.status, 422);
}

pub async fn bad_input_keeps_the_form(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let thijs = app.user("Thijs").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true), (&thijs, Role::Volunteer, false)]).await;
    let mut c = app.signed_in(&ans).await;
    c.get("/circles/new").await;
    let long = "x".repeat(150);
    let r = c.post("/circles", &[("client_name", &long), ("description", "Mijn uitleg"), ("my_role", "baas")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Controleer wat je hebt ingevuld"));
    assert!(r.text().contains("Deze naam is te lang"));
    assert!(r.text().contains("Kies een rol"));
    assert!(r.body.contains("Mijn uitleg"), "typed text is kept");
    assert!(r.body.contains("aria-invalid=\"true\""));
    let member = app.member_id(&circle, &thijs).await;
    c.get(&format!("/circles/{circle}/members/{member}")).await;
    let r = c
        .post(
            &format!("/circles/{circle}/members/{member}"),
            &[("role", "volunteer"), ("relation", "maatje"), ("access_until", "2001-01-01")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Kies vandaag of een latere dag: de laatste dag met toegang."));
    // Nothing was saved by the refused form.
    assert_eq!(app.role_in(&circle, &thijs.id).await, Some(Role::Volunteer), "still a member, as a volunteer");
    let ok = c
        .post(
            &format!("/circles/{circle}/members/{member}"),
            &[("role", "relative"), ("relation", "buurman"), ("contact_person", "on")],
        )
        .await;
    assert_eq!(ok.status, 303);
    let card = c.get(ok.location().expect("back to the card")).await;
    assert!(card.text().contains("Opgeslagen"));
    assert!(card.text().contains("buurman"));
    // Today is the earliest last day: the member keeps access until tonight,
    // and every screen names that same day.
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz");
    let today = Timestamp::now().to_zoned(tz).date();
    let r = c
        .post(
            &format!("/circles/{circle}/members/{member}"),
            &[("role", "relative"), ("relation", "buurman"), ("access_until", &today.to_string())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let card = c.get(r.location().expect("back to the card")).await;
    let shown = format!(
        "{} {}",
        today.day(),
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december"
        ][today.month() as usize - 1]
    );
    assert!(card.text().contains(&format!("Toegang tot en met {shown}")), "{}", card.text());
    assert!(card.body.contains(&format!("value=\"{today}\"")), "the form shows the day chosen");
    let mut t = app.signed_in(&thijs).await;
    assert_eq!(t.get(&format!("/circles/{circle}")).await.status, 200, "access on the last day itself");
    assert!(t.get("/circles").await.text().contains(&format!("Je hebt toegang tot en met {shown}")));
}

pub async fn a_circle_has_one_client(db: TestDb) {
    use axum::http::Method;
    use serde_json::json;
    let app = TestApp::new(db).await;
    // The representative may give the client role; a circle has one client.
    let (circle, [_, ans, kees]) =
        app.cast("Sem", [client("Sem").manager(), representative("Ans"), volunteer("Kees")]).await;
    let mut a = app.api_as(&ans).await;
    let invite =
        a.api(Method::POST, &format!("/api/v1/circles/{circle}/invitations"), Some(json!({"role": "client"}))).await;
    assert_eq!(invite.status, 422, "{}", invite.body);
    assert_eq!(invite.json()["error"]["fields"][0]["field"], "role");
    assert_eq!(invite.json()["error"]["fields"][0]["code"], "circle-has-client", "{}", invite.body);
    // The form says it in words, and keeps what was typed.
    let mut page = app.signed_in(&ans).await;
    page.get(&format!("/circles/{circle}/invitations")).await;
    let form = page
        .post(&format!("/circles/{circle}/invitations"), &[("role", "client"), ("relation", "tweede cliënt")])
        .await;
    assert_eq!(form.status, 422);
    assert!(form.text().contains("Deze kring heeft al een cliënt."), "{}", form.text());
    assert!(form.body.contains("value=\"tweede cliënt\""), "the form keeps the relation");
    // Making another member the client is refused the same way.
    let kees_member = app.member_id(&circle, &kees).await;
    let changed = a
        .api(Method::PATCH, &format!("/api/v1/circles/{circle}/members/{kees_member}"), Some(json!({"role": "client"})))
        .await;
    assert_eq!(changed.status, 422, "{}", changed.body);
    assert_eq!(changed.json()["error"]["fields"][0]["code"], "circle-has-client", "{}", changed.body);
    assert_eq!(app.role_in(&circle, &kees.id).await, Some(Role::Volunteer), "nothing changed");
    // A circle without an active client may get one.
    let (lonely, [ingrid]) = app.cast("Ria", [representative("Ingrid")]).await;
    let mut i = app.api_as(&ingrid).await;
    let ok =
        i.api(Method::POST, &format!("/api/v1/circles/{lonely}/invitations"), Some(json!({"role": "client"}))).await;
    assert_eq!(ok.status, 201, "{}", ok.body);
}

/// The client reads about their own circle as "je kring", everyone else as
/// "de kring van …": on the circle's pages, the notification settings and
/// the e-mails.
pub async fn the_client_reads_je_kring(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem, ans, kees]) =
        app.cast("Sem de Boer", [client("Sem").manager(), relative("Ans"), volunteer("Kees")]).await;
    let mut s = app.signed_in(&sem).await;
    let mut k = app.signed_in(&kees).await;
    let own = s.get(&format!("/circles/{circle}")).await.text();
    assert!(own.contains("Jouw kring Sem de Boer"), "{own}");
    let theirs = k.get(&format!("/circles/{circle}")).await.text();
    assert!(theirs.contains("Kring van Sem de Boer") && !theirs.contains("Jouw kring"), "{theirs}");
    let settings = s.get(&format!("/circles/{circle}/notifications")).await.text();
    assert!(settings.contains("wat er gebeurt in je kring?"), "{settings}");
    let settings = k.get(&format!("/circles/{circle}/notifications")).await.text();
    assert!(settings.contains("wat er gebeurt in de kring van Sem de Boer?"), "{settings}");

    let mut a = app.signed_in(&ans).await;
    let fields = [("kind", "concern"), ("audience", "circle"), ("body", "Sem eet slecht")];
    let r = crate::logbook::post_entry(&mut a, &circle, &fields, &[]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    // A day on, past anyone's quiet hours (the default holds mail overnight).
    app.run_jobs_at(Timestamp::now().checked_add(jiff::SignedDuration::from_hours(24)).expect("time")).await;
    let to_sem = app.mails_to(&sem.email).pop().expect("a mail to Sem");
    assert!(to_sem.contains("Ans deelt een zorg in je kring:"), "{to_sem}");
    let to_kees = app.mails_to(&kees.email).pop().expect("a mail to Kees");
    assert!(to_kees.contains("Ans deelt een zorg in de kring van Sem de Boer:"), "{to_kees}");
}
