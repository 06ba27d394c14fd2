//! What an organisation decides for all its circles. The retention period:
//! an archived circle is deleted with everything in it once the period has
//! passed, by the job, audited; other circles, restored circles and circles
//! without a period stay. A second factor for everyone: family and
//! volunteers in its circles set one up too.

use crate::support::{Engine, TUser, TestApp, TestDb, client, relative, volunteer};
use samenspel_core::Timestamp;
use samenspel_core::audit::{GENESIS_HASH, Source, verify_run};
use samenspel_core::ids::{CircleId, UserId};
use samenspel_core::organisation::Policy;
use samenspel_store::privacy::{RETENTION_KEPT, RETENTION_PURGE};
use std::collections::BTreeMap;

fn days_later(now: Timestamp, days: i64) -> Timestamp {
    now.checked_add(jiff::SignedDuration::from_hours(24 * days)).expect("time")
}

/// The rows of `circle` in every table the purge covers, by table (a table
/// listed twice counts each row once).
async fn rows_of(db: &TestDb, circle: &CircleId) -> BTreeMap<&'static str, i64> {
    let mut conditions: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (table, condition) in RETENTION_PURGE {
        let condition = condition
            .replace("ENTRIES", "SELECT id FROM entries WHERE circle_id = $1")
            .replace("ITEMS", "SELECT id FROM agenda_items WHERE circle_id = $1")
            .replace("MEMBERS", "SELECT id FROM memberships WHERE circle_id = $1")
            .replace("$1", &format!("'{circle}'"));
        conditions.entry(*table).or_default().push(format!("({condition})"));
    }
    let mut out = BTreeMap::new();
    for (table, any) in conditions {
        out.insert(table, db.count(&format!("SELECT COUNT(*) FROM {table} WHERE {}", any.join(" OR "))).await);
    }
    out
}

async fn total(db: &TestDb, table: &str) -> i64 {
    db.count(&format!("SELECT COUNT(*) FROM {table}")).await
}

async fn circle_named(db: &TestDb, name: &str) -> CircleId {
    let ids = db.strings(&format!("SELECT id FROM circles WHERE client_name = '{name}'")).await;
    CircleId::from_db(ids.into_iter().next().expect("the demo circle"))
}

pub async fn an_archived_circle_is_deleted_after_the_retention_period(db: TestDb) {
    let app = TestApp::new(db).await;
    samenspel::demo::seed(&app.state).await.expect("the demo data");
    let db = &app.db;
    let store = &app.db.store;
    let org = store.internal().list_organisations().await.expect("orgs").remove(0).id;
    let henk = circle_named(db, "Henk de Vries").await;
    let gerda = circle_named(db, "mevrouw Gerda Mulder").await;
    let marieke = UserId::from_db(
        db.strings(&format!("SELECT id FROM users WHERE email = '{}'", samenspel::demo::email("marieke")))
            .await
            .remove(0),
    );
    let me = store.internal().act_as(&marieke, "test").await.expect("marieke");
    let now = Timestamp::now();
    samenspel::service::circles::set_archived(&app.ctx(&me, now), &henk, true).await.expect("archived");

    let before = rows_of(db, &henk).await;
    let filled = before.values().filter(|n| **n > 0).count();
    assert!(filled >= 25, "the demo circle fills most tables, so the purge is tried on them: {before:?}");
    let gerda_before = rows_of(db, &gerda).await;
    let mut totals = BTreeMap::new();
    for table in before.keys() {
        totals.insert(*table, total(db, table).await);
    }

    // Without a retention period an archived circle is kept.
    let purged = store.purge_expired_circles(days_later(now, 3650)).await.expect("purge");
    assert!(purged.is_empty(), "no period set: nothing goes");

    let policy = Policy { require_second_factor: false, retention_days: Some(30) };
    store.internal().set_organisation_policy(&org, policy, &Source::system("test"), now).await.expect("policy");
    // The managers read when it will happen, and how to stop it.
    let mut m = app
        .signed_in(&TUser { id: marieke.clone(), email: samenspel::demo::email("marieke"), name: "Marieke".into() })
        .await;
    let page = m.get(&format!("/circles/{henk}/settings")).await;
    assert_eq!(page.status, 200);
    let on = samenspel::i18n::Tr::new(samenspel_core::locale::Locale::Nl).date(&days_later(now, 30));
    assert!(page.text().contains(&format!("Op {on} wordt deze kring gewist")), "{}", page.text());
    let mut api = app.api_as(&TUser { id: marieke.clone(), email: String::new(), name: String::new() }).await;
    let seen = api.api(axum::http::Method::GET, &format!("/api/v1/circles/{henk}"), None).await.json();
    let due = days_later(now, 30).strftime("%Y-%m-%dT%H:%M").to_string();
    assert!(seen["deleted_on"].as_str().is_some_and(|d| d.starts_with(&due)), "{seen} vs {due}");
    let open = api.api(axum::http::Method::GET, &format!("/api/v1/circles/{gerda}"), None).await.json();
    assert!(open["deleted_on"].is_null(), "not archived: no date");
    let open = m.get(&format!("/circles/{gerda}/settings")).await;
    assert!(open.text().contains("bewaart een gearchiveerde kring 30 dagen"), "told before archiving");

    assert!(store.purge_expired_circles(days_later(now, 29)).await.expect("purge").is_empty(), "not yet");
    let purged = samenspel::jobs::purge_expired_circles(&app.state, days_later(now, 31)).await.expect("purge");
    assert_eq!(purged, 1);

    // Every row of the circle is gone; every other row is still there.
    let after = rows_of(db, &henk).await;
    assert!(after.values().all(|n| *n == 0), "left behind: {after:?}");
    for (table, was) in &totals {
        assert_eq!(total(db, table).await, was - before[table], "{table}: only the circle's rows went");
    }
    assert_eq!(rows_of(db, &gerda).await, gerda_before, "the other circle is untouched");
    assert_eq!(db.count(&format!("SELECT COUNT(*) FROM circles WHERE id = '{henk}'")).await, 0);
    if matches!(db.engine, Engine::Sqlite) {
        // The search index holds no key without its row.
        assert_eq!(total(db, "entries_fts").await, total(db, "entries_fts_rows").await);
        assert_eq!(db.count("SELECT COUNT(*) FROM pragma_foreign_key_check").await, 0);
    }
    let purge_records = db
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'circle.purge' AND circle_id = '{henk}' AND actor_user_id IS NULL"
        ))
        .await;
    assert_eq!(purge_records, 1, "the purge is in the audit trail");
    assert!(
        db.count(&format!("SELECT COUNT(*) FROM audit_log WHERE circle_id = '{henk}'")).await > 1,
        "the audit trail of the circle is kept"
    );
    let records = store.internal().audit_run(0, 1_000_000).await.expect("audit");
    verify_run((GENESIS_HASH.to_owned(), 0), &records).expect("the chain holds after the purge");
    // The managers' list and the page no longer know the circle.
    let list = m.get("/circles").await;
    assert!(!list.text().contains("Henk de Vries"));
    assert_eq!(m.get(&format!("/circles/{henk}")).await.status, 404);

    // Twice is harmless; a restored circle stays.
    assert!(store.purge_expired_circles(days_later(now, 31)).await.expect("again").is_empty());
    let ctx = app.ctx(&me, now);
    samenspel::service::circles::set_archived(&ctx, &gerda, true).await.expect("archived");
    samenspel::service::circles::set_archived(&ctx, &gerda, false).await.expect("restored");
    assert!(store.purge_expired_circles(days_later(now, 400)).await.expect("purge").is_empty());
    assert_eq!(rows_of(db, &gerda).await, gerda_before, "a restored circle is kept");
}

/// Every table is either purged with a circle or kept on purpose, so a new
/// table cannot leave a deleted circle's data behind unnoticed.
pub async fn every_table_is_purged_or_kept_on_purpose(db: TestDb) {
    let app = TestApp::new(db).await;
    let db = &app.db;
    let tables = match db.engine {
        Engine::Sqlite => {
            db.strings(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT IN ('entries_fts_data', 'entries_fts_idx', 'entries_fts_docsize', 'entries_fts_config', 'entries_fts_content')",
            )
            .await
        }
        Engine::Postgres => {
            db.strings(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            )
            .await
        }
    };
    assert!(tables.len() > 50, "{tables:?}");
    for table in &tables {
        let purged = RETENTION_PURGE.iter().any(|(t, _)| t == table);
        let kept = RETENTION_KEPT.iter().any(|(t, _)| t == table);
        assert!(purged ^ kept, "{table}: add it to PURGE or KEPT in store/privacy/retention.rs");
    }
    for (t, _) in RETENTION_PURGE {
        assert!(tables.iter().any(|x| x == t), "{t} is not a table");
    }
}

pub async fn an_organisation_requires_a_second_factor_of_family_too(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [_, ans, thijs]) =
        app.cast("Sem", [client("Sem").manager(), relative("Ans"), volunteer("Thijs")]).await;
    let store = &app.db.store;
    let org = store.internal().create_organisation("Zorggroep Streng", Timestamp::now()).await.expect("org");
    app.db.raw(&format!("UPDATE circles SET organisation_id = '{org}' WHERE id = '{circle}'")).await.expect("in org");
    let (_, r) = app.sign_in_by_link(&ans).await;
    assert_eq!(r.location(), Some("/circles"), "no rule yet: family signs in with the link alone");

    let strict = Policy { require_second_factor: true, retention_days: None };
    store
        .internal()
        .set_organisation_policy(&org, strict, &Source::system("test"), Timestamp::now())
        .await
        .expect("on");
    for who in [&ans, &thijs] {
        let (mut c, r) = app.sign_in_by_link(who).await;
        assert_eq!(r.location(), Some("/account/second-factor"), "{} sets up a factor first", who.name);
        let r = c.get(&format!("/circles/{circle}")).await;
        let to = format!("/account/second-factor?next=%2Fcircles%2F{circle}");
        assert_eq!(r.location(), Some(to.as_str()), "{} sees nothing before", who.name);
        let page = c.get("/account/second-factor").await;
        assert!(page.text().contains("Voor jouw account is een tweede stap verplicht"), "{}", page.text());
    }
    let audited = app
        .db
        .count(&format!("SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.policy' AND object_id = '{org}'"))
        .await;
    assert_eq!(audited, 1, "the change is in the audit trail");

    store
        .internal()
        .set_organisation_policy(&org, Policy::default(), &Source::system("test"), Timestamp::now())
        .await
        .expect("off");
    let (_, r) = app.sign_in_by_link(&thijs).await;
    assert_eq!(r.location(), Some("/circles"), "turned off again");
}

/// An e-mail that could not be sent keeps its address and text for 30 days
/// (so an operator can see what failed), then the worker forgets them.
pub async fn a_failed_email_is_forgotten_after_thirty_days(db: TestDb) {
    let app = TestApp::new(db).await;
    let now = Timestamp::now().as_millisecond();
    let day = 86_400_000_i64;
    for (id, failed_days_ago) in [("old", 31), ("recent", 29)] {
        app.db
            .raw(&format!(
                "INSERT INTO jobs (id, kind, payload, run_at, max_attempts, created_at, failed_at) \
                 VALUES ('{id}', 'email', '{{\"to\":\"ans@example.org\"}}', 0, 5, 0, {})",
                now - failed_days_ago * day
            ))
            .await
            .expect("a failed job");
    }
    let forgotten = app.state.store.internal().forget_failed_payloads(Timestamp::now()).await.expect("forget");
    assert_eq!(forgotten, 1);
    let kept = app.db.strings("SELECT id FROM jobs WHERE payload LIKE '%ans@example.org%'").await;
    assert_eq!(kept, vec!["recent".to_owned()], "only the one that failed within 30 days keeps its address");
}
