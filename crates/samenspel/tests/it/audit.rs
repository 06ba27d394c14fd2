//! The audit trail: complete, chained, append-only, and readable by the
//! client side only.

use crate::support::{Engine, TestApp, TestDb, client, professional, representative};
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
