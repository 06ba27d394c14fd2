//! Consent by data category: what the client keeps from a role reaches that
//! role through no surface — pages, API, search, the calendar feed, e-mail
//! (at once and in the summary), the FHIR export — while what the client
//! allows does.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::Method;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use samenspel::service::Ctx;
use samenspel_core::Timestamp;
use samenspel_core::consent::{Category, Consent, DECIDED_ROLES};
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;
use serde_json::json;

/// The client and one member of every role the client decides about.
struct Circle {
    id: CircleId,
    client: TUser,
    members: Vec<(Role, TUser)>,
}

async fn circle(app: &TestApp, name: &str) -> Circle {
    let client = app.user("Henk").await;
    let mut members = Vec::new();
    for role in DECIDED_ROLES {
        members.push((role, app.user(&format!("Lid {}", role.as_str())).await));
    }
    let mut all = vec![(&client, Role::Client, true)];
    all.extend(members.iter().map(|(r, u)| (u, *r, false)));
    let id = app.circle(name, &all).await;
    Circle { id, client, members }
}

/// The text every item of a category carries, unique to this run.
fn mark(c: Category, seed: u64) -> String {
    format!("Merkteken{}x{seed}", c.as_str().replace('_', ""))
}

/// Saves `consent` through the page, as the client would.
async fn decide(app: &TestApp, c: &Circle, consent: Consent) {
    let mut browser = app.signed_in(&c.client).await;
    browser.get(&format!("/circles/{}/consent", c.id)).await;
    let ticked: Vec<String> = Category::ALL
        .into_iter()
        .flat_map(|cat| cat.decided_roles().iter().map(move |r| (cat, *r)))
        .filter(|(cat, r)| consent.allows(*r, *cat))
        .map(|(cat, r)| format!("{}.{}", cat.as_str(), r.as_str()))
        .collect();
    let fields: Vec<(&str, &str)> = ticked.iter().map(|t| ("see", t.as_str())).collect();
    let r = browser.post(&format!("/circles/{}/consent", c.id), &fields).await;
    assert_eq!(r.status, 303, "{}", r.body);
}

/// Writes one item of every category, each carrying its mark: the client
/// writes (so no member sees it as its writer), the relative shares a signal.
async fn write_everything(app: &TestApp, c: &Circle, seed: u64, now: Timestamp) {
    use samenspel::service::{about, agenda, agreements, checkins, conversations, help, logbook, network};
    let me = app.acting_as(&c.client).await;
    let ctx = app.ctx(&me, now);
    let everyone: Vec<String> = {
        let mut ids = Vec::new();
        for (_, u) in &c.members {
            ids.push(app.member_id(&c.id, u).await.to_string());
        }
        ids
    };
    for (kind, category) in [
        ("update", Category::Updates),
        ("moment", Category::Moments),
        ("concern", Category::Concerns),
        ("question", Category::Questions),
        ("thanks", Category::Thanks),
    ] {
        let write = logbook::WriteEntry {
            kind: kind.into(),
            audience: "circle".into(),
            body: format!("Vandaag {}", mark(category, seed)),
            recipients: if kind == "thanks" { everyone.clone() } else { Vec::new() },
            ..Default::default()
        };
        logbook::write(&ctx, &c.id, &write, vec![], None).await.expect("entry");
    }
    let day = jiff::Zoned::now().with_time_zone(agenda::tz()).date().tomorrow().expect("date").to_string();
    let item = samenspel_core::agenda::ItemInput {
        kind: "shift".into(),
        title: mark(Category::Agenda, seed),
        date: day.clone(),
        start_time: "10:00".into(),
        end_time: "11:00".into(),
        places: "2".into(),
        ..Default::default()
    };
    agenda::save(&ctx, &c.id, None, &item).await.expect("shift");
    let request = samenspel_core::help::RequestInput {
        template: "other".into(),
        title: format!("Hulp {}", mark(Category::Agenda, seed)),
        date: day,
        ..Default::default()
    };
    help::ask(&ctx, &c.id, &request).await.expect("help request");
    let section = samenspel_core::about::SectionInput { text: mark(Category::AboutClient, seed), ..Default::default() };
    about::save_section(&ctx, &c.id, "life_story", &section).await.expect("about");
    let agreement = samenspel_core::agreement::AgreementInput {
        domain: "meals".into(),
        step: 3,
        description: mark(Category::Agreements, seed),
        ..Default::default()
    };
    agreements::add(&ctx, &c.id, &agreement).await.expect("agreement");
    let contact = samenspel_core::network::PlacementInput {
        name: mark(Category::Network, seed),
        category: "Z".into(),
        support: "A".into(),
        tie: "neutral".into(),
        closeness: "2".into(),
        ..Default::default()
    };
    network::add(&ctx, &c.id, &contact).await.expect("contact");
    let conversation = samenspel_core::conversation::ConversationInput {
        guide: "family_start".into(),
        others: "Ans".into(),
        answers: [("fs_self".to_string(), mark(Category::Conversations, seed))].into(),
        ..Default::default()
    };
    conversations::hold(&ctx, &c.id, &conversation).await.expect("conversation");
    let relative = &c.members.iter().find(|(r, _)| *r == Role::Relative).expect("relative").1;
    let relative = app.acting_as(relative).await;
    let relative_ctx = Ctx { user: &relative, ..ctx };
    checkins::share_signal(&relative_ctx, &c.id, "circle", &mark(Category::CarerSignals, seed)).await.expect("signal");
}

/// Everything `u` can read about the circle, through every surface.
async fn everything_seen(app: &TestApp, c: &Circle, u: &TUser) -> Vec<(String, String)> {
    let id = &c.id;
    let mut seen = Vec::new();
    let mut browser = app.signed_in(u).await;
    // Every entry starts with this word (the search box repeats what was searched).
    let entry_search = "Vandaag";
    for path in [
        String::new(),
        "/logbook".into(),
        format!("/logbook?q={entry_search}"),
        "/agenda".into(),
        "/help".into(),
        "/about".into(),
        "/plan".into(),
        "/agreements".into(),
        "/network".into(),
        "/conversations".into(),
        "/members".into(),
        "/settings".into(),
        "/agenda/hours".into(),
        "/more".into(),
    ] {
        let r = browser.get(&format!("/circles/{id}{path}")).await;
        seen.push((format!("page {path}"), r.body));
    }
    // The list of my circles shows what is next in each.
    let r = browser.get("/circles").await;
    seen.push(("page /circles".into(), r.body));
    let mut api = app.api_as(u).await;
    for path in [
        "/overview".to_string(),
        "/entries".into(),
        format!("/entries?q={entry_search}"),
        "/agenda".into(),
        "/help-requests".into(),
        "/about".into(),
        "/agreements".into(),
        "/network".into(),
        "/conversations".into(),
        "/signals".into(),
        "/members".into(),
        "/changes".into(),
        "/agenda/gaps".into(),
        "/rota/hours".into(),
        "/swaps".into(),
        "/profiles".into(),
        "/empathy-maps".into(),
        "/goals".into(),
    ] {
        let r = api.api(Method::GET, &format!("/api/v1/circles/{id}{path}"), None).await;
        seen.push((format!("api {path}"), r.body));
    }
    // Each conversation's answers.
    let list = api.api(Method::GET, &format!("/api/v1/circles/{id}/conversations"), None).await;
    if list.status == 200 {
        for conv in list.json().as_array().cloned().unwrap_or_default() {
            let cid = conv["id"].as_str().unwrap_or_default().to_owned();
            let r = api.api(Method::GET, &format!("/api/v1/circles/{id}/conversations/{cid}"), None).await;
            seen.push(("api conversation".into(), r.body));
        }
    }
    // The calendar feed.
    let me = app.acting_as(u).await;
    let ctx = app.ctx(&me, Timestamp::now());
    let address = samenspel::service::calendar::renew(&ctx).await.expect("feed");
    let path = address.split_once("://").and_then(|(_, rest)| rest.split_once('/')).map(|(_, p)| format!("/{p}"));
    let r = app.client().get(&path.expect("feed path")).await;
    assert_eq!(r.status, 200, "the feed answers");
    seen.push(("calendar feed".into(), r.body));
    // E-mail, at once and in the summary.
    for mail in app.mails_to(&u.email) {
        seen.push(("e-mail".into(), mail));
    }
    seen
}

pub async fn a_hidden_category_reaches_no_surface(db: TestDb) {
    let seed: u64 = std::env::var("SAMENSPEL_TEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    eprintln!("randomized consent test: SAMENSPEL_TEST_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let app = TestApp::new(db).await;
    let c = circle(&app, "Henk").await;
    // Every category is hidden from at least one role and shown to another,
    // so that each run tests both directions for every category.
    let mut consent = Consent::default();
    for category in Category::ALL {
        let roles = category.decided_roles();
        let kept_out = roles[rng.random_range(0..roles.len())];
        consent = consent.with(category, kept_out, false);
        for role in roles {
            if *role != kept_out && rng.random_bool(0.3) {
                consent = consent.with(category, *role, false);
            }
        }
        if consent.hidden_from(category).len() == roles.len() {
            let shown = roles.iter().copied().find(|r| *r != kept_out).expect("another role");
            consent = consent.with(category, shown, true);
        }
    }
    decide(&app, &c, consent).await;
    let now = Timestamp::now();
    write_everything(&app, &c, seed, now).await;
    // The e-mails sent at once go out; then the weekly summaries fall due
    // (the first look sets each member's next summary a week ahead).
    app.run_jobs().await;
    samenspel::jobs::send_digests(&app.state, now).await.expect("digests");
    let week_later = now.checked_add(jiff::SignedDuration::from_hours(24 * 8)).expect("time");
    assert!(samenspel::jobs::send_digests(&app.state, week_later).await.expect("digests") >= DECIDED_ROLES.len());
    app.run_jobs_at(week_later).await;
    let mut checked = 0;
    for (role, u) in &c.members {
        let mut seen = everything_seen(&app, &c, u).await;
        // The export is something one does: it answers, or it is refused.
        let mut api = app.api_as(u).await;
        let export = api.api(Method::GET, &format!("/api/v1/circles/{}/fhir", c.id), None).await;
        let may_export = role.is_professional() && consent.allows(*role, Category::Export);
        assert_eq!(export.status == 200, may_export, "seed {seed}: a {role:?} exports: {}", export.status);
        if may_export {
            seen.push(("fhir export".into(), export.body));
        }
        for category in Category::ALL.into_iter().filter(|c| *c != Category::Export) {
            let m = mark(category, seed);
            let found: Vec<&str> =
                seen.iter().filter(|(_, body)| body.contains(&m)).map(|(at, _)| at.as_str()).collect();
            let own_signal = category == Category::CarerSignals && *role == Role::Relative;
            if consent.allows(*role, category) || own_signal {
                assert!(!found.is_empty(), "seed {seed}: a {role:?} may see {category:?} but finds it nowhere");
                // Concerns and questions are e-mailed at once, and every
                // entry is in the weekly summary: the e-mail surface is live.
                if category.is_logbook() {
                    assert!(
                        found.contains(&"e-mail"),
                        "seed {seed}: {category:?} for a {role:?} not e-mailed: {found:?}"
                    );
                }
            } else {
                assert!(
                    found.is_empty(),
                    "seed {seed}: {category:?} is hidden from a {role:?}, yet shows in {found:?}"
                );
            }
            checked += 1;
        }
    }
    // The client sees everything, whatever the decision.
    let seen = everything_seen(&app, &c, &c.client).await;
    for category in Category::ALL.into_iter().filter(|c| *c != Category::Export) {
        assert!(seen.iter().any(|(_, b)| b.contains(&mark(category, seed))), "the client sees {category:?}");
    }
    assert_eq!(checked, (Category::ALL.len() - 1) * DECIDED_ROLES.len());
}

/// Only the client side decides; a change is audited, holds at the next
/// request of an open session and an API token, and says who decided.
pub async fn only_the_client_side_decides_and_every_change_is_audited(db: TestDb) {
    let app = TestApp::new(db).await;
    let c = circle(&app, "Henk").await;
    let volunteer = &c.members.iter().find(|(r, _)| *r == Role::Volunteer).expect("volunteer").1;
    let coordinator = &c.members.iter().find(|(r, _)| *r == Role::Coordinator).expect("coordinator").1;
    let mut volunteer_browser = app.signed_in(volunteer).await;
    let mut volunteer_api = app.api_as(volunteer).await;
    let agenda = format!("/circles/{}/agenda", c.id);
    assert_eq!(volunteer_browser.get(&agenda).await.status, 200);
    // A coordinator manages the circle but does not decide about consent.
    let mut coord = app.api_as(coordinator).await;
    let body = json!({"hidden_from": {"agenda": ["volunteer"]}});
    let r = coord.api(Method::PUT, &format!("/api/v1/circles/{}/consent", c.id), Some(body.clone())).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let mut coord_browser = app.signed_in(coordinator).await;
    let page = coord_browser.get(&format!("/circles/{}/consent", c.id)).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("name=\"see\""), "no form for the coordinator");
    assert_eq!(coord_browser.get(&format!("/circles/{}/consent/as/volunteer", c.id)).await.status, 403);
    // The client decides over the API.
    let mut client = app.api_as(&c.client).await;
    let r = client.api(Method::PUT, &format!("/api/v1/circles/{}/consent", c.id), Some(body)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let agenda_row =
        r.json()["categories"].as_array().expect("list").iter().find(|c| c["category"] == "agenda").cloned();
    let agenda_row = agenda_row.expect("agenda");
    assert_eq!(agenda_row["hidden_from"], json!(["volunteer"]));
    assert_eq!(agenda_row["decided_by"], "Henk");
    // Unknown names are refused with a field error, and change nothing.
    let bad = json!({"hidden_from": {"agenda": ["client"], "diary": ["volunteer"]}});
    let r = client.api(Method::PUT, &format!("/api/v1/circles/{}/consent", c.id), Some(bad)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    // The volunteer's open session and token lose the agenda at once; the
    // bar no longer offers it.
    assert_eq!(volunteer_browser.get(&agenda).await.status, 403);
    let r = volunteer_api.api(Method::GET, &format!("/api/v1/circles/{}/agenda", c.id), None).await;
    assert_eq!(r.status, 403);
    let overview = volunteer_browser.get(&format!("/circles/{}", c.id)).await;
    assert!(!overview.body.contains(&format!("href=\"{agenda}\"")), "no agenda link left");
    // Everyone reads who decided.
    let page = volunteer_browser.get(&format!("/circles/{}/consent", c.id)).await;
    assert!(page.body.contains("Henk (cliënt) besliste dit op"), "{}", page.body);
    // "View as" tells the client why the agenda is hidden and who decided.
    let mut client_browser = app.signed_in(&c.client).await;
    let view = client_browser.get(&format!("/circles/{}/consent/as/volunteer", c.id)).await;
    assert_eq!(view.status, 200);
    let agenda_part = view.body.split("id=\"part-agenda\"").nth(1).expect("agenda part");
    let agenda_part = agenda_part.split("</li>").next().expect("part");
    assert!(
        agenda_part.contains("Verborgen.") && agenda_part.contains("Henk (cliënt) besliste dit op"),
        "{agenda_part}"
    );
    // The change is in the audit trail, with what it decided.
    let audit = app.db.strings("SELECT object_id FROM audit_log WHERE action = 'consent.change' ORDER BY seq").await;
    assert_eq!(audit, vec!["agenda: volunteer".to_string()]);
    // Showing the agenda again gives it back at once.
    let r =
        client.api(Method::PUT, &format!("/api/v1/circles/{}/consent", c.id), Some(json!({"hidden_from": {}}))).await;
    assert_eq!(r.status, 200);
    assert_eq!(volunteer_browser.get(&agenda).await.status, 200);
    let audit = app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.change'").await;
    assert_eq!(audit, 2);
}
