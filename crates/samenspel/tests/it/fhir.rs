//! The FHIR R4 export: who may make it, what each exporter's Bundle holds
//! (only what they may see), and that it hangs together (every reference
//! resolves inside the Bundle). The browser suite validates the same Bundles
//! with an independent FHIR library (e2e/tests/fhir-export.test.js).

use crate::support::{TUser, TestApp, TestDb};
use axum::http::Method;
use samenspel::service::Ctx;
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;
use serde_json::{Value, json};
use std::collections::BTreeSet;

struct People {
    client: TUser,
    relative: TUser,
    volunteer: TUser,
    professional: TUser,
    coordinator: TUser,
}

const WIFA: [&str; 8] = ["wifa-w1", "wifa-w2", "wifa-i1", "wifa-i2", "wifa-f1", "wifa-f2", "wifa-a1", "wifa-a2"];

async fn circle(app: &TestApp) -> (CircleId, People) {
    let p = People {
        client: app.user("Henk").await,
        relative: app.user("Ans").await,
        volunteer: app.user("Thijs").await,
        professional: app.user("Fatima").await,
        coordinator: app.user("Carla").await,
    };
    let id = app
        .circle(
            "Henk de Vries",
            &[
                (&p.client, Role::Client, true),
                (&p.relative, Role::Relative, false),
                (&p.volunteer, Role::Volunteer, false),
                (&p.professional, Role::Professional, false),
                (&p.coordinator, Role::Coordinator, false),
            ],
        )
        .await;
    let now = Timestamp::now();
    let ans = app.acting_as(&p.relative).await;
    let ctx = app.ctx(&ans, now);
    use samenspel::service::{about, agenda, agreements, logbook, volunteer_checkins};
    for (kind, audience, body) in [
        ("update", "circle", "Henk at goed vandaag"),
        ("concern", "circle", "Henk valt vaker"),
        ("update", "informal", "Familieoverleg zondag"),
    ] {
        let write = logbook::WriteEntry {
            kind: kind.into(),
            audience: audience.into(),
            body: body.into(),
            ..Default::default()
        };
        let entry = logbook::write(&ctx, &id, &write, vec![], None).await.expect("entry");
        if kind == "concern" {
            logbook::reply(&ctx, &id, &entry, "Ik let erop bij het opstaan").await.expect("reply");
        }
    }
    let fatima = app.acting_as(&p.professional).await;
    let write = logbook::WriteEntry {
        kind: "update".into(),
        audience: "professionals".into(),
        body: "Bloeddruk 135/85".into(),
        ..Default::default()
    };
    logbook::write(&Ctx { user: &fatima, ..app.ctx(&ans, now) }, &id, &write, vec![], None).await.expect("entry");
    let today = samenspel::i18n::local(&now).date();
    let agreement = samenspel_core::agreement::AgreementInput {
        domain: "meals".into(),
        step: 3,
        description: "Ans kookt op zondag".into(),
        review_on: today.to_string(),
        ..Default::default()
    };
    agreements::add(&ctx, &id, &agreement).await.expect("agreement");
    let goal = samenspel_core::wellbeing::GoalInput {
        kind: "again".into(),
        words: "Weer naar de markt".into(),
        ..Default::default()
    };
    about::save_goal(&ctx, &id, None, &goal).await.expect("goal");
    let item = samenspel_core::agenda::ItemInput {
        kind: "appointment".into(),
        title: "Huisarts".into(),
        date: today.tomorrow().expect("date").to_string(),
        start_time: "10:00".into(),
        end_time: "10:30".into(),
        ..Default::default()
    };
    agenda::save(&ctx, &id, None, &item).await.expect("appointment");
    let thijs = app.acting_as(&p.volunteer).await;
    let answers = WIFA.iter().map(|k| (k.to_string(), "ja".to_string())).collect();
    volunteer_checkins::submit(&Ctx { user: &thijs, ..app.ctx(&ans, now) }, &id, &answers, true)
        .await
        .expect("shared check-in");
    (id, p)
}

async fn export(app: &TestApp, circle: &CircleId, who: &TUser) -> (u16, Value) {
    let mut api = app.api_as(who).await;
    let r = api.api(Method::GET, &format!("/api/v1/circles/{circle}/fhir"), None).await;
    let json = if r.status == 200 { r.json() } else { Value::Null };
    (r.status.as_u16(), json)
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn kinds(bundle: &Value) -> BTreeSet<String> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// Every `reference` of the form `Type/id` names a resource in the Bundle,
/// and every `fullUrl` is distinct and ends in its resource's type and id.
fn hangs_together(bundle: &Value) {
    let entries = bundle["entry"].as_array().expect("entries");
    let mut ids = BTreeSet::new();
    let mut urls = BTreeSet::new();
    for e in entries {
        let r = &e["resource"];
        let key = format!("{}/{}", r["resourceType"].as_str().expect("type"), r["id"].as_str().expect("id"));
        assert!(e["fullUrl"].as_str().expect("fullUrl").ends_with(&format!("/fhir/{key}")), "{key}");
        assert!(urls.insert(e["fullUrl"].as_str().unwrap_or_default().to_owned()), "one fullUrl per resource");
        ids.insert(key);
    }
    fn walk(v: &Value, ids: &BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("reference") {
                    assert!(ids.contains(r), "the reference {r} resolves inside the Bundle");
                }
                map.values().for_each(|v| walk(v, ids));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, ids)),
            _ => {}
        }
    }
    walk(bundle, &ids);
}

pub async fn each_exporter_gets_what_they_may_see(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, p) = circle(&app).await;
    // The client keeps concerns from professionals.
    let mut client_api = app.api_as(&p.client).await;
    let r = client_api
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{circle}/consent"),
            Some(json!({"hidden_from": {"concerns": ["professional"]}})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    let (status, henk) = export(&app, &circle, &p.client).await;
    assert_eq!(status, 200);
    assert_eq!(henk["resourceType"], "Bundle");
    assert_eq!(henk["type"], "collection");
    hangs_together(&henk);
    let want: BTreeSet<String> = [
        "Patient",
        "RelatedPerson",
        "Practitioner",
        "PractitionerRole",
        "CareTeam",
        "CarePlan",
        "Task",
        "Communication",
        "Appointment",
        "QuestionnaireResponse",
        "Consent",
        "AuditEvent",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let got = kinds(&henk);
    assert!(want.iter().all(|k| got.contains(k) || k == "QuestionnaireResponse"), "{got:?}");
    assert!(!got.contains("QuestionnaireResponse"), "a check-in shared with the coordinators is theirs to see");
    assert_eq!(resources(&henk, "Patient")[0]["name"][0]["text"], "Henk de Vries");
    let messages = resources(&henk, "Communication");
    assert_eq!(messages.len(), 5, "the client reads every entry, and the reply");
    let reply =
        messages.iter().find(|c| c["payload"][0]["contentString"] == "Ik let erop bij het opstaan").expect("reply");
    let parent = reply["inResponseTo"][0]["reference"].as_str().expect("in response to");
    assert!(messages.iter().any(|c| format!("Communication/{}", c["id"].as_str().unwrap_or("")) == parent
        && c["payload"][0]["contentString"] == "Henk valt vaker"));
    assert_eq!(resources(&henk, "RelatedPerson").len(), 2, "Ans and Thijs");
    assert_eq!(resources(&henk, "PractitionerRole").len(), 2, "Fatima and Carla");
    let task = resources(&henk, "Task");
    assert_eq!(task.len(), 1);
    assert!(task[0]["description"].as_str().unwrap_or("").contains("Ans kookt op zondag"));
    let plan = resources(&henk, "CarePlan");
    let activities = plan[0]["activity"].as_array().expect("activities");
    assert!(activities.iter().any(|a| a["detail"]["description"] == "Weer naar de markt"));
    assert!(activities.iter().any(|a| a["detail"]["code"]["text"].as_str().unwrap_or("").contains("stap 3")));
    assert_eq!(resources(&henk, "Appointment")[0]["description"], "Huisarts");
    let consent = resources(&henk, "Consent");
    let denials = consent[0]["provision"]["provision"].as_array().expect("a denial");
    assert_eq!(denials.len(), 1);
    assert_eq!(denials[0]["actor"][0]["role"]["text"], "beroepskracht");
    assert_eq!(denials[0]["code"][0]["coding"][0]["code"], "concerns");

    // The nurse: no audit trail, no concern (consent), the professionals' entry.
    let (status, fatima) = export(&app, &circle, &p.professional).await;
    assert_eq!(status, 200);
    hangs_together(&fatima);
    assert!(!kinds(&fatima).contains("AuditEvent"), "only the client side reads the audit trail");
    let texts = fatima.to_string();
    assert!(!texts.contains("Henk valt vaker"), "concerns are kept from professionals");
    assert!(!texts.contains("Ik let erop"), "and so are the replies to them");
    assert!(!texts.contains("Familieoverleg"), "the informal members' entry");
    assert!(texts.contains("Bloeddruk 135/85") && texts.contains("Henk at goed vandaag"));
    // The coordinator gets the check-in Thijs shared with the coordinators.
    let (status, carla) = export(&app, &circle, &p.coordinator).await;
    assert_eq!(status, 200);
    hangs_together(&carla);
    let responses = resources(&carla, "QuestionnaireResponse");
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0]["item"].as_array().map(Vec::len), Some(WIFA.len()));
    // Family and volunteers cannot export; nor can a professional the client
    // takes it from; an outsider hears "not found".
    assert_eq!(export(&app, &circle, &p.relative).await.0, 403);
    assert_eq!(export(&app, &circle, &p.volunteer).await.0, 403);
    let outsider = app.outsider().await;
    assert_eq!(export(&app, &circle, &outsider).await.0, 404);
    let r = client_api
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{circle}/consent"),
            Some(json!({"hidden_from": {"export": ["professional"]}})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(export(&app, &circle, &p.professional).await.0, 403);
    assert_eq!(export(&app, &circle, &p.coordinator).await.0, 200);
    // The page's download, for the client, with its file name; in the trail.
    let mut browser = app.signed_in(&p.client).await;
    let page = browser.get(&format!("/circles/{circle}/export")).await;
    assert_eq!(page.status, 200);
    let file = browser.get(&format!("/circles/{circle}/export/fhir.json")).await;
    assert_eq!(file.status, 200);
    let parsed: Value = serde_json::from_str(&file.body).expect("json");
    assert_eq!(parsed["resourceType"], "Bundle");
    let exports =
        app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'fhir.export' AND outcome = 'allowed'").await;
    assert!(exports >= 5, "every export is in the trail ({exports})");
}
