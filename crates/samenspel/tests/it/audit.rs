//! The audit trail: complete, chained, append-only, and readable by the
//! client side only.

use crate::support::{Engine, TestApp, TestDb, client, professional, relative, representative};
use samenspel_core::Timestamp;
use samenspel_core::audit::{AuditEvent, AuditSink, GENESIS_HASH, Operation, Outcome, Source, What, verify_run};
use samenspel_core::role::Role;

async fn verify_all(db: &TestDb) -> Result<i64, samenspel_core::audit::ChainBreak> {
    let run = db.store.internal().audit_run(0, 100_000).await.expect("read chain");
    verify_run((GENESIS_HASH.to_owned(), 0), &run).map(|(_, seq)| seq)
}

fn event(n: usize) -> AuditEvent {
    AuditEvent::new(
        None,
        None,
        What::new(Operation::Read, "test.event", "test", Some(n.to_string())),
        Outcome::Allowed,
        &Source::default(),
        Timestamp::now(),
    )
}

pub async fn chain_verifies_and_detects_tampering(db: TestDb) {
    let events: Vec<AuditEvent> = (0..20).map(event).collect();
    db.store.append_audit(&events[..10]).await.expect("append");
    db.store.append_audit(&events[10..]).await.expect("append");
    assert_eq!(verify_all(&db).await, Ok(20));
    let (seq, hash) = db.store.audit_head().await.expect("head");
    assert_eq!(seq, 20);
    assert_eq!(hash.len(), 64);
    // Someone with database access edits a record behind the application's back.
    match db.engine {
        Engine::Sqlite => {
            db.raw("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'niemand' WHERE seq = 7")
                .await
                .expect("tamper");
        }
        Engine::Postgres => {
            db.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET actor_name = 'niemand' WHERE seq = 7").await.expect("tamper");
        }
    }
    assert_eq!(verify_all(&db).await, Err(samenspel_core::audit::ChainBreak::Tampered { seq: 7 }));
}

pub async fn audit_log_is_append_only(db: TestDb) {
    db.store.append_audit(&[event(1), event(2)]).await.expect("append");
    assert!(db.raw("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1").await.is_err(), "updates are refused");
    assert!(db.raw("DELETE FROM audit_log WHERE seq = 2").await.is_err(), "deletes are refused");
    assert_eq!(verify_all(&db).await, Ok(2));
}

pub async fn concurrent_requests_share_commits_and_keep_the_chain(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut tasks = Vec::new();
    for n in 0..300 {
        let writer = app.state.audit.clone();
        tasks.push(tokio::spawn(async move { writer.record(event(n)).await }));
    }
    for t in tasks {
        t.await.expect("task").expect("recorded");
    }
    assert_eq!(verify_all(&app.db).await, Ok(300));
    let run = app.db.store.internal().audit_run(0, 1000).await.expect("chain");
    let mut objects: Vec<_> = run.iter().filter_map(|r| r.event.object_id.clone()).collect();
    objects.sort();
    objects.dedup();
    assert_eq!(objects.len(), 300, "every request's record is there once");
}

pub async fn every_circle_read_is_recorded(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let outsider = app.user("Buiten").await;
    let circle = app.circle("Henk", &[(&ans, Role::Relative, true)]).await;
    let before = app.db.store.audit_head().await.expect("head").0;
    let mut c = app.signed_in(&ans).await;
    assert_eq!(c.get(&format!("/circles/{circle}/members")).await.status, 200);
    let mut o = app.signed_in(&outsider).await;
    assert_eq!(o.get(&format!("/circles/{circle}/members")).await.status, 404);
    let run = app.db.store.internal().audit_run(before, 100).await.expect("chain");
    let mine: Vec<_> = run.iter().filter(|r| r.event.actor_user_id.as_ref() == Some(&ans.id)).collect();
    assert!(mine.iter().any(|r| r.event.action == "members.list" && r.event.outcome == Outcome::Allowed));
    assert!(mine.iter().all(|r| r.event.circle_id.as_ref() == Some(&circle)));
    let theirs: Vec<_> = run.iter().filter(|r| r.event.actor_user_id.as_ref() == Some(&outsider.id)).collect();
    assert!(
        !theirs.is_empty() && theirs.iter().all(|r| r.event.outcome == Outcome::Denied),
        "denied attempts are recorded too"
    );
}

pub async fn client_and_representative_see_who_looked(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem, rep, nurse]) =
        app.cast("Sem", [client("Sem").manager(), representative("Mentor"), professional("Verpleegkundige")]).await;
    let mut n = app.signed_in(&nurse).await;
    n.get(&format!("/circles/{circle}/members")).await;
    assert_eq!(
        n.get(&format!("/circles/{circle}/audit")).await.status,
        403,
        "professionals do not read the audit trail"
    );
    for who in [&sem, &rep] {
        let mut c = app.signed_in(who).await;
        let page = c.get(&format!("/circles/{circle}/audit")).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("Verpleegkundige"), "the nurse's visit is listed");
        assert!(page.text().contains("bekeek de ledenlijst"));
    }
    let token = app.token(&sem).await;
    let mut api = app.client();
    api.bearer = Some(token);
    let r = api.api(axum::http::Method::GET, &format!("/api/v1/circles/{circle}/audit"), None).await;
    assert_eq!(r.status, 200);
    let list = r.json();
    assert!(
        list.as_array()
            .expect("array")
            .iter()
            .any(|e| e["actor_name"] == "Verpleegkundige" && e["action"] == "members.list")
    );
}

/// A record can be written after a later one (a read is recorded when its
/// answer goes out; a batch is appended at once): the view still lists them
/// newest first by when they happened, and paging on loses none.
pub async fn the_trail_is_newest_first_by_time_even_when_written_late(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem]) = app.cast("Sem", [client("Sem").manager()]).await;
    let base = Timestamp::now().checked_sub(jiff::SignedDuration::from_hours(1)).expect("time");
    // Written in the order 0, 1, …, with times that jump back and forth.
    let minutes = [30_i64, 10, 50, 20, 40, 0];
    let events: Vec<AuditEvent> = minutes
        .iter()
        .map(|m| {
            AuditEvent::new(
                None,
                Some(&circle),
                What::new(Operation::Read, "members.list", "circle", Some(format!("late-{m}"))),
                Outcome::Allowed,
                &Source::default(),
                base.checked_add(jiff::SignedDuration::from_mins(*m)).expect("time"),
            )
        })
        .collect();
    for e in &events {
        app.db.store.append_audit(std::slice::from_ref(e)).await.expect("append");
    }
    let mut api = app.client();
    api.bearer = Some(app.token(&sem).await);
    let path = format!("/api/v1/circles/{circle}/audit");
    let list = api.api(axum::http::Method::GET, &path, None).await.json();
    let ours = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .expect("array")
            .iter()
            .filter_map(|e| e["object_id"].as_str().filter(|o| o.starts_with("late-")).map(str::to_owned))
            .collect()
    };
    assert_eq!(ours(&list), ["late-50", "late-40", "late-30", "late-20", "late-10", "late-0"]);
    let times: Vec<Timestamp> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["at"].as_str().expect("a time").parse().expect("a timestamp"))
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first throughout: {times:?}");
    // Paging on from the record of minute 20 gives the two before it.
    let seq = list.as_array().expect("array").iter().find(|e| e["object_id"] == "late-20").expect("there")["seq"]
        .as_i64()
        .expect("seq");
    let rest = api.api(axum::http::Method::GET, &format!("{path}?before={seq}"), None).await.json();
    assert_eq!(ours(&rest), ["late-10", "late-0"]);
}

/// The client narrows "who looked" to one person and a period, and takes it
/// along as a CSV file; the download is itself in the trail; what a member
/// typed cannot run as a spreadsheet formula; nobody else gets the file.
pub async fn the_client_filters_the_trail_and_downloads_it(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem, nurse, carer]) = app
        .cast("Sem", [client("Sem").manager(), professional("Verpleegkundige"), relative("=HYPERLINK(\"x\")")])
        .await;
    for who in [&nurse, &carer] {
        app.signed_in(who).await.get(&format!("/circles/{circle}/members")).await;
    }
    let mut api = app.client();
    api.bearer = Some(app.token(&sem).await);
    let trail = |query: String| format!("/api/v1/circles/{circle}/audit?{query}");
    let today = samenspel::i18n::local(&Timestamp::now()).date();
    let list = api.api(axum::http::Method::GET, &trail(format!("who={}", nurse.id)), None).await.json();
    let list = list.as_array().expect("array");
    assert!(list.iter().any(|e| e["action"] == "members.list"), "the nurse's visit: {list:?}");
    assert!(list.iter().all(|e| e["actor_name"] == "Verpleegkundige"), "only the nurse: {list:?}");
    let day = |d: jiff::civil::Date| d.to_string();
    let period = |from: jiff::civil::Date, until: jiff::civil::Date| format!("from={}&until={}", day(from), day(until));
    let tomorrow = today.tomorrow().expect("a day");
    let yesterday = today.yesterday().expect("a day");
    let count = |v: serde_json::Value| v.as_array().expect("array").len();
    assert!(count(api.api(axum::http::Method::GET, &trail(period(today, today)), None).await.json()) > 0);
    assert_eq!(count(api.api(axum::http::Method::GET, &trail(period(tomorrow, tomorrow)), None).await.json()), 0);
    assert_eq!(count(api.api(axum::http::Method::GET, &trail(period(yesterday, yesterday)), None).await.json()), 0);
    let wrong = api.api(axum::http::Method::GET, &trail(period(today, yesterday)), None).await;
    assert_eq!(wrong.status, 422);
    assert_eq!(wrong.error_fields(), [("until".to_owned(), "audit-period-backwards".to_owned())]);

    // The page: the same filter, and a wrong date named in Dutch.
    let mut c = app.signed_in(&sem).await;
    let page = c.get(&format!("/circles/{circle}/audit?from=morgen&who=")).await;
    assert_eq!(page.status, 422);
    assert!(page.text().contains("Vul een datum in"), "{}", page.text());
    let page = c.get(&format!("/circles/{circle}/audit?who={}", nurse.id)).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Verpleegkundige (beroepskracht)"), "the role beside the name");
    let link = page.quoted_after("audit/export?").unwrap_or_default();
    assert_eq!(link, format!("from=&#38;until=&#38;who={}", nurse.id), "the download keeps the filter");

    // The download.
    let file = c.get(&format!("/circles/{circle}/audit/export?{}", period(today, today))).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "text/csv; charset=utf-8");
    let disposition = file.headers["content-disposition"].to_str().expect("ascii");
    assert_eq!(disposition, format!("attachment; filename=\"wie-keek-mee-{today}.csv\""));
    let text = file.body.strip_prefix('\u{feff}').expect("a UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    assert_eq!(header, ["Wanneer", "Wie", "Rol", "Wat", "Resultaat", "Vanaf (IP-adres)", "Verzoek (code)"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert!(
        rows.iter().any(|r| &r[1] == "Verpleegkundige" && &r[2] == "beroepskracht" && &r[3] == "bekeek de ledenlijst"),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| &r[1] == "'=HYPERLINK(\"x\")"),
        "a name that looks like a formula is made inert: {rows:?}"
    );
    assert!(!text.contains("\n=") && !text.contains(",="), "no cell starts with '='");
    assert!(rows.iter().all(|r| r[0].starts_with(&today.to_string())));

    // The download is in the trail, by the client.
    let after = api.api(axum::http::Method::GET, &trail(format!("who={}", sem.id)), None).await.json();
    assert!(after.as_array().expect("array").iter().any(|e| e["action"] == "audit.export"), "{after}");
    let page = c.get(&format!("/circles/{circle}/audit")).await;
    assert!(page.text().contains("downloadde wie er meekeek"));

    // Nobody else.
    let mut n = app.signed_in(&nurse).await;
    assert_eq!(n.get(&format!("/circles/{circle}/audit/export")).await.status, 403);
    let outsider = app.outsider().await;
    let mut o = app.signed_in(&outsider).await;
    assert_eq!(o.get(&format!("/circles/{circle}/audit/export")).await.status, 404);
    let mut anonymous = app.client();
    let r = anonymous.get(&format!("/circles/{circle}/audit/export")).await;
    assert!(r.status == 303 || r.status == 401, "signed out: {}", r.status);
}
