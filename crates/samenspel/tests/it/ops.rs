//! Health, readiness, metrics and the security headers.

use crate::support::{TestApp, TestDb};

const METRICS_TOKEN: &str = "metrics-token-for-the-tests";

pub async fn health_readiness_metrics(db: TestDb) {
    let app = TestApp::with(db, |raw| raw.metrics_token = Some(METRICS_TOKEN.into())).await;
    let mut c = app.client();
    let h = c.get("/healthz").await;
    assert_eq!((h.status.as_u16(), h.body.as_str()), (200, "ok\n"));
    assert_eq!(c.get("/readyz").await.status, 200);
    c.get("/sign-in").await;
    // Some writes, for the SQLite writer's figures.
    app.user("Ans").await;
    app.user("Kees").await;
    // Metrics only for the holder of metrics_token.
    assert_eq!(c.get("/metrics").await.status, 401);
    c.bearer = Some("not-the-metrics-token".into());
    assert_eq!(c.get("/metrics").await.status, 401);
    c.bearer = Some(METRICS_TOKEN.into());
    let m = c.get("/metrics").await;
    c.bearer = None;
    assert_eq!(m.status, 200);
    assert!(
        m.body.contains("samenspel_http_requests_total{method=\"GET\",route=\"/sign-in\",status=\"200\"} 1"),
        "{}",
        m.body
    );
    assert!(m.body.contains("samenspel_http_request_duration_seconds_bucket"));
    assert!(m.body.contains("samenspel_jobs_waiting"));
    if app.db.engine == crate::support::Engine::Sqlite {
        // Two accounts were made: every kept transaction was in a commit,
        // and no commit kept nothing.
        let value = |name: &str| -> i64 {
            let line = m.body.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name}: {}", m.body));
            line.rsplit(' ').next().and_then(|v| v.parse().ok()).expect("a number")
        };
        let (kept, commits) = (value("samenspel_sqlite_write_transactions "), value("samenspel_sqlite_group_commits "));
        assert!(commits > 0 && kept >= commits, "{kept} transactions in {commits} commits");
    }
    assert!(m.body.trim_end().ends_with("# EOF"));
    app.db.store.close().await;
    assert_eq!(c.get("/readyz").await.status, 503, "a closed database is not ready");
}

/// Without a `metrics_token` there is no `/metrics` at all.
pub async fn metrics_need_their_token(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut c = app.client();
    assert_eq!(c.get("/metrics").await.status, 404);
    c.bearer = Some(METRICS_TOKEN.into());
    assert_eq!(c.get("/metrics").await.status, 404);
}

/// Every API answer, including errors and the OpenAPI document, says not to
/// keep it: it holds personal data, and shared caches must not serve it again.
pub async fn api_answers_are_not_stored(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, samenspel_core::role::Role::Relative, true)]).await;
    let mut api = app.api_as(&ans).await;
    for path in [
        "/api/v1/me".to_owned(),
        format!("/api/v1/circles/{circle}/members"),
        "/api/v1/circles/not-a-circle".to_owned(),
        "/api/v1/no-such-route".to_owned(),
        "/api/v1/openapi.json".to_owned(),
    ] {
        let r = api.api(axum::http::Method::GET, &path, None).await;
        assert_eq!(
            r.headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "{path}: {}",
            r.status
        );
    }
    let r = app.client().get("/api/v1/me").await;
    assert_eq!(r.status, 401);
    assert_eq!(r.headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"), "signed out");
}

pub async fn security_headers(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut c = app.client();
    for path in ["/sign-in", "/api/v1/me", "/healthz"] {
        let r = c.get(path).await;
        let h = |n: &str| r.headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let csp = h("content-security-policy");
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(h("x-content-type-options"), "nosniff");
        assert_eq!(h("referrer-policy"), "no-referrer");
        assert!(h("strict-transport-security").is_empty(), "no HSTS over plain HTTP");
        assert!(!h("x-request-id").is_empty());
    }
    let page = c.get("/sign-in").await;
    assert_eq!(page.headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    assert!(!page.body.contains("<script>") && !page.body.contains("style="), "no inline scripts or styles");
    let fresh = app.client().get("/sign-in").await;
    let cookie = fresh.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    // Over HTTPS: HSTS and Secure cookies.
    let db2 = crate::support::TestDb::new(app.db.engine).await;
    let tls = TestApp::with(db2, |raw| raw.public_url = Some("https://samenspel.example.org".into())).await;
    let r = tls.client().get("/sign-in").await;
    assert!(r.headers.get("strict-transport-security").is_some());
    assert!(r.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("").contains("Secure"));
    crate::support::cleanup(tls.db.engine, tls.db.dir.clone(), tls.db.url.clone(), tls.db.schema.clone()).await;
    // Static files get long cache lifetimes under content-hashed names.
    let css = page.quoted_after("href=\"/static/").expect("stylesheet link");
    let r = c.get(&format!("/static/{css}")).await;
    assert_eq!(r.status, 200);
    assert!(r.headers.get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").contains("immutable"));
    assert_eq!(c.get("/static/app.css").await.status, 404, "only hashed names are served");
}
