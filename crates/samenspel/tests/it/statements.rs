//! No query per row (issue 16): the hot pages cost the same number of
//! statements whatever the circle's history, and no more than they do today.
//! Counted with `samenspel_store::trace_statements`: every query, `BEGIN` and
//! `COMMIT` the request's own task sends through the store (the audit
//! writer's shared commits are not the request's).

use crate::logbook::henk;
use crate::support::{Client, TUser, TestApp, TestDb};
use axum::http::Method;
use samenspel::service::logbook;
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_store::trace_statements;

/// The most statements each may send (what they send at the time of writing;
/// lower it when a change saves one).
const BUDGET: [(&str, usize); 5] =
    [("api list", 8), ("logbook page", 4), ("overview page", 17), ("agenda page", 6), ("api overview", 17)];

/// Writes `n` entries by Ans, every fifth with a reply by Fatima and a reaction by Ellen.
async fn history(app: &TestApp, h: &crate::logbook::Henk, n: usize) {
    let ans = app.acting_as(&h.ans).await;
    let fatima = app.acting_as(&h.fatima).await;
    let ellen = app.acting_as(&h.ellen).await;
    for i in 0..n {
        let kind = if i % 7 == 3 { "question" } else { "update" };
        let input = logbook::WriteEntry {
            kind: kind.into(),
            audience: "circle".into(),
            body: format!("Bericht {i}"),
            ..Default::default()
        };
        let id =
            logbook::write(&app.ctx(&ans, Timestamp::now()), &h.circle, &input, vec![], None).await.expect("entry");
        if i % 5 == 0 {
            logbook::reply(&app.ctx(&fatima, Timestamp::now()), &h.circle, &id, "Dank je").await.expect("reply");
            logbook::react(&app.ctx(&ellen, Timestamp::now()), &h.circle, &id, "heart", true).await.expect("reaction");
        }
    }
}

/// The statements each hot request sends, in a fixed order, for `reader`.
async fn measure(api: &mut Client<'_>, page: &mut Client<'_>, circle: &CircleId) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    let (r, sent) = trace_statements(api.api(Method::GET, &format!("/api/v1/circles/{circle}/entries"), None)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    out.push(("api list", sent));
    let (r, sent) = trace_statements(page.get(&format!("/circles/{circle}/logbook"))).await;
    assert_eq!(r.status, 200);
    out.push(("logbook page", sent));
    let (r, sent) = trace_statements(page.get(&format!("/circles/{circle}"))).await;
    assert_eq!(r.status, 200);
    out.push(("overview page", sent));
    let (r, sent) = trace_statements(page.get(&format!("/circles/{circle}/agenda"))).await;
    assert_eq!(r.status, 200);
    out.push(("agenda page", sent));
    let (r, sent) = trace_statements(api.api(Method::GET, &format!("/api/v1/circles/{circle}/overview"), None)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    out.push(("api overview", sent));
    out
}

/// How many statements each request sent.
fn counts(measured: &[(&'static str, Vec<String>)]) -> Vec<(&'static str, usize)> {
    measured.iter().map(|(name, sent)| (*name, sent.len())).collect()
}

pub async fn hot_pages_cost_the_same_statements_whatever_the_history(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let reader: &TUser = &h.thijs;
    let mut api = app.api_as(reader).await;
    let mut page = app.signed_in(reader).await;
    // Warm up: the first request of a session or token may record its use.
    page.get("/circles").await;
    api.api(Method::GET, "/api/v1/circles", None).await;

    history(&app, &h, 30).await;
    let small = measure(&mut api, &mut page, &h.circle).await;
    history(&app, &h, 90).await;
    let large = measure(&mut api, &mut page, &h.circle).await;
    eprintln!("statements per request: {:?}", counts(&large));
    assert_eq!(counts(&small), counts(&large), "30 entries and 120 entries cost the same statements");
    for ((name, sent), (budget_name, budget)) in large.iter().zip(BUDGET) {
        assert_eq!(*name, budget_name);
        assert!(
            sent.len() <= budget,
            "{name}: {} statements, more than the {budget} it may send:\n{}",
            sent.len(),
            sent.join("\n")
        );
        assert!(!sent.is_empty(), "{name}: counted");
    }
}
