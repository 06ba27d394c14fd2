//! Health, readiness, metrics and the security headers.

use crate::support::{TestApp, TestDb};

pub async fn health_readiness_metrics(db: TestDb) {
    let app = TestApp::new(db).await;
    let mut c = app.client();
    let h = c.get("/healthz").await;
    assert_eq!((h.status.as_u16(), h.body.as_str()), (200, "ok\n"));
    assert_eq!(c.get("/readyz").await.status, 200);
    c.get("/sign-in").await;
    let m = c.get("/metrics").await;
    assert_eq!(m.status, 200);
    assert!(
        m.body.contains("samenspel_http_requests_total{method=\"GET\",route=\"/sign-in\",status=\"200\"} 1"),
        "{}",
        m.body
    );
    assert!(m.body.contains("samenspel_http_request_duration_seconds_bucket"));
    assert!(m.body.contains("samenspel_jobs_waiting"));
    assert!(m.body.trim_end().ends_with("# EOF"));
    app.db.store.close().await;
    assert_eq!(c.get("/readyz").await.status, 503, "a closed database is not ready");
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
    let css = page
        .body
        .split("href=\"/static/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("stylesheet link")
        .to_owned();
    let r = c.get(&format!("/static/{css}")).await;
    assert_eq!(r.status, 200);
    assert!(r.headers.get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").contains("immutable"));
    assert_eq!(c.get("/static/app.css").await.status, 404, "only hashed names are served");
}
