//! The app with a circle in it: a fresh database, eight members, tokens
//! and sessions, and the requests sent into the router.

use super::*;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use samenspel::app::{AppState, Background};
use samenspel::config::RawConfig;
use samenspel::crypto;
use samenspel_core::Timestamp;
use samenspel_core::audit::Source;
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;
use samenspel_store::{ConnectOptions, Store};
use std::path::PathBuf;
use std::time::Duration;
use tower::ServiceExt;

pub(crate) struct Env {
    pub(crate) engine: &'static str,
    pub(crate) dir: PathBuf,
    pub(crate) url: String,
    pub(crate) schema: Option<String>,
    pub(crate) store: Store,
    pub(crate) state: AppState,
    pub(crate) router: Router,
    pub(crate) background: Background,
    pub(crate) circle: CircleId,
    pub(crate) starter: UserId,
    /// One API token per reading client (spread over the members).
    pub(crate) read_tokens: Vec<String>,
    /// One session per page-reading client (spread over the members).
    pub(crate) sessions: Vec<String>,
    /// API tokens of the managing starter, one per writing client.
    pub(crate) manager_tokens: Vec<String>,
    /// The members the writes change (everybody but the starter).
    pub(crate) targets: Vec<MemberId>,
    /// Every member, the starter first, in the order of `read_tokens`' users.
    pub(crate) members: Vec<MemberId>,
    /// Their user ids, in the same order.
    pub(crate) users: Vec<UserId>,
}

pub(crate) async fn setup(choice: &EngineChoice, opts: &Options) -> Result<Env, String> {
    let engine = choice.name();
    let dir = std::env::temp_dir().join(format!("samenspel-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("scratch directory {}: {e}", dir.display()))?;
    let (url, schema) = match choice {
        EngineChoice::Sqlite => (format!("sqlite://{}", dir.join("samenspel.db").display()), None),
        EngineChoice::Postgres(url) => (url.clone(), Some(format!("bench_{}", uuid::Uuid::new_v4().simple()))),
    };
    let raw = RawConfig {
        data_dir: Some(dir.display().to_string()),
        database_url: Some(url.clone()),
        public_url: Some("http://samenspel.test".into()),
        secret_key: Some("bench-secret-key-bench-secret-key-bench-secret".into()),
        run_worker: Some("false".into()),
        sqlite_synchronous: Some(opts.synchronous.into()),
        database_max_connections: opts.max_connections.map(|n| n.to_string()),
        ..Default::default()
    };
    let config = raw.build("the benchmark settings").map_err(|e| e.to_string())?;
    // As `serve` opens it: the configured synchronous mode and pool size (defaults: FULL, 8).
    let mut opts = ConnectOptions::new(url.clone());
    opts.synchronous = config.sqlite_synchronous;
    opts.max_connections = config.database_max_connections;
    opts.pg_schema = schema.clone();
    let store = Store::connect(&opts).await.map_err(|e| format!("cannot open the {engine} database: {e}"))?;
    store.migrate().await.map_err(|e| format!("migrations: {e}"))?;
    let (state, background) = AppState::new(config, store.clone()).map_err(|e| e.to_string())?;
    let router = samenspel::http::router(state.clone());

    // Eight members: the starter (a relative who manages the circle) and seven more.
    let now = Timestamp::now();
    let people: [(&str, Role); 8] = [
        ("Ans de Vries", Role::Relative),
        ("Kees de Vries", Role::Relative),
        ("Fatima El Amrani", Role::Relative),
        ("Joop Bakker", Role::Volunteer),
        ("Mieke Jansen", Role::Volunteer),
        ("Sanne Visser", Role::Professional),
        ("Ruud Smit", Role::Professional),
        ("Lotte Mulder", Role::Volunteer),
    ];
    let mut users = Vec::new();
    for (i, (name, _)) in people.iter().enumerate() {
        let email = format!("bench-{i}-{}@bench.example", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        let id = store
            .internal()
            .create_user(&email, name, None, Locale::Nl, true, now)
            .await
            .map_err(|e| format!("create user: {e}"))?;
        users.push((id, email));
    }
    let (starter, starter_email) = users[0].clone();
    let _ = starter_email;
    let me = store.internal().act_as(&starter, "bench").await.map_err(|e| format!("act as: {e}"))?;
    let source = Source::system("bench");
    let ctx = samenspel::service::Ctx {
        state: &state,
        user: &me,
        source: &source,
        now,
        tr: samenspel::i18n::Tr::new(Locale::Nl),
    };
    let input = samenspel::service::circles::StartCircle {
        client_name: "Henk de Vries".into(),
        my_role: people[0].1.as_str().into(),
        my_relation: "dochter".into(),
        ..Default::default()
    };
    let circle =
        samenspel::service::circles::start(&ctx, &input, None).await.map_err(|e| format!("start circle: {e}"))?;
    for ((id, _), (_, role)) in users.iter().zip(people.iter()).skip(1) {
        store
            .internal()
            .add_member(&circle, id, *role, "buur", false, false, None, now)
            .await
            .map_err(|e| format!("add member: {e}"))?;
    }
    let mut members = Vec::new();
    for (id, _) in &users {
        let m = store
            .internal()
            .active_membership(id, &circle, now)
            .await
            .map_err(|e| format!("membership: {e}"))?
            .ok_or("the member is missing")?;
        members.push(m.member_id);
    }
    let targets = members[1..].to_vec();
    let mut read_tokens = Vec::new();
    let mut sessions = Vec::new();
    let mut manager_tokens = Vec::new();
    for client in 0..CLIENTS {
        let (user, _) = &users[client % users.len()];
        read_tokens.push(new_token(&store, user, now).await?);
        let proof = store.internal().verified(user);
        let session = samenspel::service::accounts::start_session(&state, &proof, &Source::default(), now)
            .await
            .map_err(|e| format!("session: {e}"))?;
        sessions.push(session);
        manager_tokens.push(new_token(&store, &starter, now).await?);
    }
    Ok(Env {
        engine,
        dir,
        url,
        schema,
        store,
        state,
        router,
        background,
        circle,
        starter,
        read_tokens,
        sessions,
        manager_tokens,
        targets,
        members,
        users: users.iter().map(|(id, _)| id.clone()).collect(),
    })
}

pub(crate) async fn new_token(store: &Store, user: &UserId, now: Timestamp) -> Result<String, String> {
    let (token, shown) = crypto::new_api_token();
    let me = store.internal().act_as(user, "bench").await.map_err(|e| format!("act as: {e}"))?;
    store
        .create_my_api_token(&me, "bench", &crypto::token_hash(&token), &shown, now)
        .await
        .map_err(|e| format!("api token: {e}"))?;
    Ok(token)
}

impl Env {
    /// Stops the audit writer, closes the database and removes what the run left.
    pub(crate) async fn teardown(self) {
        let Env { dir, url, schema, store, state, router, background, .. } = self;
        drop(router);
        drop(state);
        let _ = tokio::time::timeout(Duration::from_secs(30), background.audit).await;
        store.close().await;
        if std::env::var_os("SAMENSPEL_BENCH_KEEP").is_some() {
            eprintln!("kept for inspection: {} (schema {schema:?} on PostgreSQL)", dir.display());
            return;
        }
        if let Some(schema) = schema {
            use sqlx::Connection;
            if let Ok(mut c) = sqlx::PgConnection::connect(&url).await {
                let _ = sqlx::raw_sql(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).execute(&mut c).await;
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Sends one request into the router; the body length, or why it failed.
pub(crate) async fn send(router: Router, req: Request<Body>, expect: StatusCode) -> Result<usize, String> {
    let response = router.oneshot(req).await.map_err(|e| format!("router: {e}"))?;
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024).await.map_err(|e| format!("body: {e}"))?;
    if status != expect {
        let text = String::from_utf8_lossy(&body);
        return Err(format!("expected {expect}, got {status}: {}", text.chars().take(300).collect::<String>()));
    }
    Ok(body.len())
}

pub(crate) fn request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri).header("user-agent", "samenspel-bench")
}
