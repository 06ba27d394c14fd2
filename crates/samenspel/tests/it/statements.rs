//! No query per row (issue 16): the hot pages cost the same number of
//! statements whatever the circle's history, and no more than they do today.
//! Counted with `samenspel_store::count_statements`: every query, `BEGIN` and
//! `COMMIT` the request's own task sends through the store (the audit
//! writer's shared commits are not the request's).

use crate::logbook::henk;
use crate::support::{Client, TUser, TestApp, TestDb};
use axum::http::Method;
use samenspel::service::logbook;
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_store::count_statements;

/// The most statements each may send (what they send at the time of writing;
/// lower it when a change saves one).
const BUDGET: [(&str, u64); 5] =
    [("api list", 10), ("logbook page", 6), ("overview page", 22), ("agenda page", 11), ("api overview", 22)];

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

/// The statements of each hot request, in a fixed order, for `reader`.
async fn measure(api: &mut Client<'_>, page: &mut Client<'_>, circle: &CircleId) -> Vec<(&'static str, u64)> {
    let mut out = Vec::new();
    let (r, n) = count_statements(api.api(Method::GET, &format!("/api/v1/circles/{circle}/entries"), None)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    out.push(("api list", n));
    let (r, n) = count_statements(page.get(&format!("/circles/{circle}/logbook"))).await;
    assert_eq!(r.status, 200);
    out.push(("logbook page", n));
    let (r, n) = count_statements(page.get(&format!("/circles/{circle}"))).await;
    assert_eq!(r.status, 200);
    out.push(("overview page", n));
    let (r, n) = count_statements(page.get(&format!("/circles/{circle}/agenda"))).await;
    assert_eq!(r.status, 200);
    out.push(("agenda page", n));
    let (r, n) = count_statements(api.api(Method::GET, &format!("/api/v1/circles/{circle}/overview"), None)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    out.push(("api overview", n));
    out
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
    eprintln!("statements per request: {large:?}");
    assert_eq!(small, large, "30 entries and 120 entries cost the same statements");
    for ((name, n), (budget_name, budget)) in large.iter().zip(BUDGET) {
        assert_eq!(*name, budget_name);
        assert!(*n <= budget, "{name}: {n} statements, more than the {budget} it may send");
        assert!(*n > 0, "{name}: counted");
    }
}
