//! Store conformance: the same behaviour on SQLite and PostgreSQL.

use crate::support::{Engine, TestApp, TestDb};
use jiff::SignedDuration;
use samenspel_core::Error;
use samenspel_core::Timestamp;
use samenspel_core::access::{CircleAction, act};
use samenspel_core::audit::{Operation, Source, What};
use samenspel_core::circle::NewCircle;
use samenspel_core::ids::{CircleId, InvitationId};
use samenspel_core::invitation::NewInvitation;
use samenspel_core::locale::Locale;
use samenspel_core::member::MemberChanges;
use samenspel_core::role::Role;
use samenspel_store::Store;
use samenspel_store::idempotency::IdempotencyKey;
use samenspel_store::jobs::NewJob;
use samenspel_store::sessions::{NewSession, SessionLifetime};
use samenspel_store::sign_in_links::NewLink;

fn now() -> Timestamp {
    Timestamp::now()
}

fn later(t: Timestamp, secs: i64) -> Timestamp {
    t.checked_add(SignedDuration::from_secs(secs)).expect("in range")
}

/// The schema version the migration files add up to: the highest number in
/// migrations/sqlite (both trees are checked to hold the same files).
fn schema_version_from_files() -> i64 {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samenspel-store/migrations");
    let names = |engine: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(engine))
            .expect("migrations")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        names.sort();
        names
    };
    let files = names("sqlite");
    assert_eq!(files, names("postgres"), "both engines have the same migration files");
    let known: Vec<String> = Store::known_migrations().iter().map(|(v, n)| format!("{v:04}_{n}.sql")).collect();
    assert_eq!(files, known, "every migration file is compiled in (crates/samenspel-store/src/migrate.rs), in order");
    files.iter().filter_map(|f| f.split('_').next()?.parse::<i64>().ok()).max().expect("at least one migration")
}

pub async fn migrations_run_twice(db: TestDb) {
    db.store.migrate().await.expect("second run is a no-op");
    let expected = schema_version_from_files();
    assert_eq!(Store::schema_version(), expected);
    let status = db.store.schema_status().await.expect("status");
    assert_eq!(status.database_version, expected, "the database records every migration");
    assert!(status.pending.is_empty() && status.unknown.is_empty() && status.damaged.is_empty(), "{status:?}");
    db.store.ping().await.expect("ping");
}

pub async fn user_emails_are_unique(db: TestDb) {
    let s = &db.store;
    s.internal().create_user("ans@test.example", "Ans", None, Locale::Nl, true, now()).await.expect("first");
    let again = s.internal().create_user("ans@test.example", "Ander", None, Locale::Nl, true, now()).await;
    assert!(matches!(again, Err(Error::Conflict("email-taken"))), "{again:?}");
    let found = s.internal().find_user_for_sign_in("ans@test.example").await.expect("query").expect("found");
    assert_eq!(found.display_name, "Ans");
    assert!(s.internal().find_user_for_sign_in("nobody@test.example").await.expect("query").is_none());
}

pub async fn sign_in_links_work_once_and_expire(db: TestDb) {
    let s = &db.store;
    let t = now();
    let u = s.internal().create_user("a@test.example", "A", None, Locale::Nl, false, t).await.expect("user");
    let link = |hash| NewLink { token_hash: hash, invitation: None, expires_at: later(t, 600) };
    s.internal().create_sign_in_link(&u, link("hash-1"), None, t).await.expect("link");
    assert!(s.preview_sign_in_link("hash-1", t).await.expect("preview").is_some());
    assert!(
        s.preview_sign_in_link("hash-1", later(t, 601)).await.expect("preview").is_none(),
        "expired links show nothing"
    );
    let used = s.consume_sign_in_link("hash-1", t).await.expect("use").expect("works");
    assert_eq!(used.0.user_id(), &u);
    assert!(s.consume_sign_in_link("hash-1", t).await.expect("use").is_none(), "a link works once");
    s.internal().create_sign_in_link(&u, link("hash-2"), None, t).await.expect("link");
    assert!(s.consume_sign_in_link("hash-2", later(t, 600)).await.expect("use").is_none(), "expiry is exclusive");
    assert!(s.consume_sign_in_link("no-such", t).await.expect("use").is_none());
}

pub async fn sessions_expire_and_revoke(db: TestDb) {
    let s = &db.store;
    let t = now();
    let u = s.internal().create_user("a@test.example", "A", None, Locale::Nl, true, t).await.expect("user");
    let life = SessionLifetime { idle: SignedDuration::from_hours(24), absolute: SignedDuration::from_hours(48) };
    let proof = s.internal().verified(&u);
    s.create_session(NewSession { proof: &proof, token_hash: "s1", user_agent: "test", ip: "127.0.0.1" }, life, t)
        .await
        .expect("session");
    assert!(s.authenticate_session("s1", life, None, t).await.is_ok());
    // Idle too long: expired.
    assert!(matches!(s.authenticate_session("s1", life, None, later(t, 25 * 3600)).await, Err(Error::Unauthenticated)));
    // Used within the idle time, it slides — but never past the absolute maximum.
    let s2 = s
        .create_session(NewSession { proof: &proof, token_hash: "s2", user_agent: "", ip: "" }, life, t)
        .await
        .expect("session");
    let mut at = t;
    for _ in 0..3 {
        at = later(at, 20 * 3600);
        let ok = s.authenticate_session("s2", life, None, at).await.is_ok();
        assert_eq!(ok, at < later(t, 48 * 3600), "at +{}h", (at.as_second() - t.as_second()) / 3600);
    }
    let me = s.authenticate_session("s1", life, None, t).await.expect("valid");
    s.revoke_my_session(&me, &s2, t).await.expect("revoke own");
    assert!(s.internal().session_expiry(&s2).await.expect("query").is_none());
    let stranger = s.internal().create_user("b@test.example", "B", None, Locale::Nl, true, t).await.expect("user");
    let theirs = s
        .create_session(
            NewSession { proof: &s.internal().verified(&stranger), token_hash: "s3", user_agent: "", ip: "" },
            life,
            t,
        )
        .await
        .expect("session");
    assert!(
        matches!(s.revoke_my_session(&me, &theirs, t).await, Err(Error::NotFound)),
        "nobody revokes someone else's session"
    );
    assert!(s.internal().session_expiry(&theirs).await.expect("query").is_some());
}

async fn circle_with(app: &TestApp, members: &[(&str, Role, bool)]) -> (CircleId, Vec<crate::support::TUser>) {
    let mut users = Vec::new();
    for (name, _, _) in members {
        users.push(app.user(name).await);
    }
    let spec: Vec<_> = users.iter().zip(members).map(|(u, (_, r, m))| (u, *r, *m)).collect();
    (app.circle("Henk", &spec).await, users)
}

async fn can<A: act::Action>(
    app: &TestApp,
    u: &crate::support::TUser,
    circle: &CircleId,
    at: Timestamp,
) -> Result<samenspel_store::access::Can<A>, Error> {
    let me = app.acting_as(u).await;
    app.db
        .store
        .authorize::<A>(
            &me,
            circle,
            What::new(Operation::Read, "test", "circle", None),
            &Source::default(),
            &app.state.audit,
            at,
        )
        .await
}

pub async fn temporary_membership_ends_on_its_date(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, users) = circle_with(&app, &[("Ans", Role::Relative, true)]).await;
    let stand_in = app.user("Invaller").await;
    let t = now();
    app.db
        .store
        .internal()
        .add_member(&circle, &stand_in.id, Role::Volunteer, "invaller", false, false, Some(later(t, 3600)), t)
        .await
        .expect("add");
    assert!(
        app.db.store.internal().active_membership(&stand_in.id, &circle, later(t, 3599)).await.expect("q").is_some()
    );
    assert!(
        app.db.store.internal().active_membership(&stand_in.id, &circle, later(t, 3600)).await.expect("q").is_none(),
        "access ends at the date"
    );
    // The manager no longer sees the stand-in in the member list either.
    let cap = can::<act::ViewMembers>(&app, &users[0], &circle, later(t, 3601)).await.expect("manager");
    let members = app.db.store.members(&cap, later(t, 3601)).await.expect("members");
    assert!(!members.iter().any(|m| m.user_id == stand_in.id));
}

pub async fn removal_ends_access_at_once(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, users) = circle_with(&app, &[("Ans", Role::Relative, true), ("Thijs", Role::Volunteer, false)]).await;
    let t = now();
    let thijs_member = app.member_id(&circle, &users[1]).await;
    let manage = can::<act::ManageMembers>(&app, &users[0], &circle, t).await.expect("manager");
    app.db.store.remove_member(&manage, &thijs_member, t).await.expect("remove");
    let denied = can::<act::ViewCircle>(&app, &users[1], &circle, t).await;
    assert!(matches!(denied, Err(Error::NotFound)), "{denied:?}");
    // Removing again: not found. Rejoining by invitation is possible later.
    assert!(matches!(app.db.store.remove_member(&manage, &thijs_member, t).await, Err(Error::NotFound)));
}

pub async fn a_circle_keeps_a_manager(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, users) = circle_with(&app, &[("Ans", Role::Relative, true), ("Thijs", Role::Volunteer, false)]).await;
    let t = now();
    let leave = can::<act::Leave>(&app, &users[0], &circle, t).await.expect("member");
    assert!(matches!(app.db.store.leave_circle(&leave, t).await, Err(Error::Conflict("last-manager"))));
    let manage = can::<act::ManageMembers>(&app, &users[0], &circle, t).await.expect("manager");
    let ans = app.member_id(&circle, &users[0]).await;
    let demote = MemberChanges { manager: Some(false), ..Default::default() };
    assert!(matches!(
        app.db.store.update_member(&manage, &ans, &demote, t).await,
        Err(Error::Conflict("last-manager"))
    ));
    // With a second manager, Ans may step back.
    let thijs = app.member_id(&circle, &users[1]).await;
    app.db
        .store
        .update_member(&manage, &thijs, &MemberChanges { manager: Some(true), ..Default::default() }, t)
        .await
        .expect("promote");
    app.db.store.update_member(&manage, &ans, &demote, t).await.expect("now allowed");
    assert!(can::<act::ManageMembers>(&app, &users[0], &circle, t).await.is_err());
}

pub async fn only_the_client_side_changes_client_memberships(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, users) = circle_with(
        &app,
        &[("Coördinator", Role::Coordinator, false), ("Sem", Role::Client, false), ("Karin", Role::Relative, false)],
    )
    .await;
    let t = now();
    let coord = can::<act::ManageMembers>(&app, &users[0], &circle, t).await.expect("coordinator manages");
    let sem = app.member_id(&circle, &users[1]).await;
    let karin = app.member_id(&circle, &users[2]).await;
    assert!(matches!(app.db.store.remove_member(&coord, &sem, t).await, Err(Error::Forbidden)));
    let promote = MemberChanges { role: Some(Role::Representative), ..Default::default() };
    assert!(matches!(app.db.store.update_member(&coord, &karin, &promote, t).await, Err(Error::Forbidden)));
    let client = can::<act::ManageMembers>(&app, &users[1], &circle, t).await.expect("client manages");
    app.db.store.update_member(&client, &karin, &promote, t).await.expect("the client decides");
    assert!(samenspel_core::access::may(Role::Representative, false, false, CircleAction::ViewAuditTrail));
}

pub async fn invitations_are_accepted_once(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, users) = circle_with(&app, &[("Ans", Role::Relative, true)]).await;
    let t = now();
    let cap = can::<act::InviteMembers>(&app, &users[0], &circle, t).await.expect("invite");
    let new = NewInvitation {
        email: None,
        role: Role::Volunteer,
        relation: "buurman".into(),
        contact_person: true,
        manager: false,
        access_until: None,
        message: String::new(),
        network_contact: None,
    };
    let job = NewJob { kind: "mail", payload: "{}".into(), run_at: t, max_attempts: 3 };
    let (id, fresh) = app
        .db
        .store
        .create_invitation(&cap, &new, "inv-hash", later(t, 3600), Some(&job), None, t)
        .await
        .expect("create");
    assert!(fresh);
    assert_eq!(
        app.db.store.internal().job_counts().await.expect("jobs").0,
        1,
        "the mail is queued with the invitation"
    );
    let kees = app.user("Kees").await;
    let joined = app.db.store.accept_invitation("inv-hash", &app.acting_as(&kees).await, t).await.expect("accept");
    assert_eq!(joined, circle);
    let m = app.db.store.internal().active_membership(&kees.id, &circle, t).await.expect("q").expect("member");
    assert_eq!(m.facts.role, Role::Volunteer);
    let other = app.user("Ander").await;
    let other_user = app.acting_as(&other).await;
    assert!(matches!(
        app.db.store.accept_invitation("inv-hash", &other_user, t).await,
        Err(Error::Conflict("invitation-not-open"))
    ));
    // Expired and revoked invitations cannot be used.
    let (_, _) =
        app.db.store.create_invitation(&cap, &new, "old-hash", later(t, 10), None, None, t).await.expect("create");
    assert!(app.db.store.accept_invitation("old-hash", &other_user, later(t, 10)).await.is_err());
    let (revoked, _) =
        app.db.store.create_invitation(&cap, &new, "rev-hash", later(t, 3600), None, None, t).await.expect("create");
    app.db.store.revoke_invitation(&cap, &revoked, t).await.expect("revoke");
    // A sign-in link sent for the revoked invitation still signs in, but joins nothing.
    let link = NewLink { token_hash: "link-hash", invitation: Some(&revoked), expires_at: later(t, 600) };
    app.db.store.internal().create_sign_in_link(&other.id, link, None, t).await.expect("link");
    let (_, joined) = app.db.store.consume_sign_in_link("link-hash", t).await.expect("use").expect("signs in");
    assert_eq!(joined, None, "a revoked invitation is not accepted");
    assert!(matches!(app.db.store.revoke_invitation(&cap, &InvitationId::generate(), t).await, Err(Error::NotFound)));
    let list = app.db.store.invitations(&cap, t).await.expect("list");
    assert_eq!(list.len(), 3);
    assert!(list.iter().any(|i| i.id == id && i.state == samenspel_core::invitation::InvitationState::Accepted));
}

pub async fn idempotent_circle_creation(db: TestDb) {
    let app = TestApp::new(db).await;
    let u = app.user("Ans").await;
    let me = app.acting_as(&u).await;
    let key = IdempotencyKey::parse("retry-key-123").expect("valid key");
    let new = NewCircle {
        client_name: "Henk".into(),
        description: String::new(),
        location_id: None,
        my_role: Role::Relative,
        my_relation: String::new(),
    };
    let a = app.db.store.create_circle(&me, None, &new, Some(&key), now()).await.expect("first");
    let b = app.db.store.create_circle(&me, None, &new, Some(&key), now()).await.expect("retry");
    assert_eq!(a, b);
    assert_eq!(app.db.store.my_circles(&me, now()).await.expect("list").len(), 1);
    assert!(IdempotencyKey::parse("short").is_none());
    assert!(IdempotencyKey::parse("has spaces in it").is_none());
}

pub async fn job_leases_and_retries(db: TestDb) {
    let s = &db.store;
    let t = now();
    s.enqueue_job(&NewJob { kind: "mail", payload: "{}".into(), run_at: t, max_attempts: 2 }, t)
        .await
        .expect("enqueue");
    s.enqueue_job(&NewJob { kind: "mail", payload: "{}".into(), run_at: later(t, 60), max_attempts: 2 }, t)
        .await
        .expect("enqueue");
    let lease = SignedDuration::from_secs(300);
    let a = s.internal().claim_jobs("a", t, lease, 10).await.expect("claim");
    assert_eq!(a.len(), 1, "only the due job");
    assert!(
        s.internal().claim_jobs("b", t, lease, 10).await.expect("claim").is_empty(),
        "a leased job is not claimed twice"
    );
    // The lease runs out (worker died): another worker takes over.
    let b = s.internal().claim_jobs("b", later(t, 301), lease, 10).await.expect("claim");
    assert_eq!(b.len(), 2);
    assert!(
        !s.internal().finish_job(&a[0].id, "a", later(t, 302)).await.expect("finish"),
        "the old worker lost its lease"
    );
    let first = b.iter().find(|j| j.id == a[0].id).expect("same job");
    assert_eq!(first.attempts, 2);
    s.internal().fail_job(&first.id, "b", "boom", None, later(t, 302)).await.expect("give up");
    let other = b.iter().find(|j| j.id != a[0].id).expect("other");
    s.internal().fail_job(&other.id, "b", "temporary", Some(later(t, 400)), later(t, 302)).await.expect("retry later");
    assert!(s.internal().claim_jobs("c", later(t, 399), lease, 10).await.expect("claim").is_empty());
    let again = s.internal().claim_jobs("c", later(t, 400), lease, 10).await.expect("claim");
    assert_eq!(again.len(), 1);
    assert!(s.internal().finish_job(&again[0].id, "c", later(t, 401)).await.expect("finish"));
    assert_eq!(s.internal().job_counts().await.expect("counts"), (0, 1));
}

pub async fn concurrent_workers_never_share_a_job(db: TestDb) {
    let s = db.store.clone();
    let t = now();
    for _ in 0..60 {
        s.enqueue_job(&NewJob { kind: "mail", payload: "{}".into(), run_at: t, max_attempts: 2 }, t)
            .await
            .expect("enqueue");
    }
    let mut tasks = Vec::new();
    for w in 0..6 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = s
                    .internal()
                    .claim_jobs(&format!("w{w}"), t, SignedDuration::from_secs(300), 4)
                    .await
                    .expect("claim");
                if got.is_empty() {
                    return mine;
                }
                mine.extend(got.into_iter().map(|j| j.id));
            }
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.expect("worker"));
    }
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!(total, 60, "every job claimed");
    assert_eq!(all.len(), 60, "no job claimed twice");
    if db.engine == Engine::Postgres {
        // FOR UPDATE SKIP LOCKED is in use on PostgreSQL.
        assert_eq!(total, all.len());
    }
}
