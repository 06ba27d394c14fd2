//! Hostile input (issue 17): redirect targets that leave the site, NUL
//! characters, decompression bombs, oversized and anonymous uploads, and
//! idempotency keys reused with another body. Each answer is the same on
//! both engines, and never a 500.

use crate::support::{Client, Resp, TUser, TestApp, TestDb};
use axum::body::Body;
use axum::http::{Method, Request};
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Targets that a browser would follow off-site, or that cannot be a header.
const OFF_SITE: &[&str] = &[
    "/\t/evil.example",
    "/\\evil.example",
    "//evil.example",
    "/\n/evil.example",
    "/x\r\nSet-Cookie: a=b",
    "/x\u{7f}",
    "/\r/evil.example",
    "https://evil.example/",
];

pub async fn redirects_stay_on_the_site(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    // The exact payload of the issue, in the query string.
    let mut anon = app.client();
    let page = anon.get("/sign-in?next=/%09/evil.example").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("name=\"next\" value=\"/circles\""), "the form carries the fallback");
    let mut c = app.signed_in(&ans).await;
    let r = c.get("/sign-in?next=/%09/evil.example").await;
    assert_eq!((r.status.as_u16(), r.location()), (303, Some("/circles")));
    let r = c.get("/sign-in?next=/%5Cevil.example").await;
    assert_eq!((r.status.as_u16(), r.location()), (303, Some("/circles")));
    let r = c.get("/sign-in?next=/account%3Ftab%3D1").await;
    assert_eq!(r.location(), Some("/account?tab=1"), "a local target is followed");
    // The password form.
    c.get("/account").await;
    assert_eq!(c.post("/account/password", &[("new_password", "lange zin als wachtwoord")]).await.status, 303);
    for next in OFF_SITE {
        let mut b = app.client();
        b.get("/sign-in").await;
        let r = b
            .post(
                "/sign-in/password",
                &[("email", &ans.email), ("password", "lange zin als wachtwoord"), ("next", next)],
            )
            .await;
        assert_eq!((r.status.as_u16(), r.location()), (303, Some("/circles")), "next={next:?}");
    }
    // The language switch, signed in and not.
    for back in OFF_SITE {
        for who in [&mut anon, &mut c] {
            let r = who.post("/language", &[("lang", "nl"), ("back", back)]).await;
            assert_eq!((r.status.as_u16(), r.location()), (303, Some("/")), "back={back:?}");
        }
    }
    let r = anon.post("/language", &[("lang", "nl"), ("back", "/sign-in?next=/account")]).await;
    assert_eq!(r.location(), Some("/sign-in?next=/account"));
}

/// A circle with Ans (relative, manager) and an entry of hers; her API client and browser.
async fn ans_and_circle(app: &TestApp) -> (TUser, CircleId, String) {
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    let mut api = app.api_as(&ans).await;
    let r = api
        .api(
            Method::POST,
            &format!("/api/v1/circles/{circle}/entries"),
            Some(json!({"kind": "moment", "audience": "circle", "body": "Henk zong mee"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let entry = r.json()["id"].as_str().expect("id").to_owned();
    (ans, circle, entry)
}

/// How many entries, and replies on `entry`, Ans sees.
async fn counts(api: &mut Client<'_>, circle: &CircleId, entry: &str) -> (usize, usize) {
    let list = api.api(Method::GET, &format!("/api/v1/circles/{circle}/entries"), None).await.json();
    let one = api.api(Method::GET, &format!("/api/v1/circles/{circle}/entries/{entry}"), None).await.json();
    (list["entries"].as_array().expect("entries").len(), one["replies"].as_array().map(Vec::len).unwrap_or_default())
}

fn nul_refusal(r: &Resp, what: &str) {
    assert_eq!(r.status, 422, "{what}: {}", r.body);
    let e = r.json();
    assert_eq!(e["error"]["code"], "validation", "{what}: {}", r.body);
    assert_eq!(e["error"]["fields"][0]["code"], "nul-character", "{what}: {}", r.body);
}

pub async fn nul_characters_are_refused_alike(db: TestDb) {
    let app = TestApp::new(db).await;
    let (ans, circle, entry) = ans_and_circle(&app).await;
    let mut api = app.api_as(&ans).await;
    let before = counts(&mut api, &circle, &entry).await;
    // The API: entry body, reply, search, id.
    let entries = format!("/api/v1/circles/{circle}/entries");
    let r =
        api.api(Method::POST, &entries, Some(json!({"kind": "moment", "audience": "circle", "body": "a\u{0}b"}))).await;
    nul_refusal(&r, "entry body");
    let r = api.api(Method::POST, &format!("{entries}/{entry}/replies"), Some(json!({"body": "ja\u{0}"}))).await;
    nul_refusal(&r, "reply");
    nul_refusal(&api.api(Method::GET, &format!("{entries}?q=zong%00"), None).await, "search");
    nul_refusal(&api.api(Method::GET, &format!("{entries}/{entry}%00"), None).await, "id");
    nul_refusal(&api.api(Method::GET, &format!("{entries}/%00"), None).await, "id alone");
    // The pages: the same, as a page in Dutch.
    let mut c = app.signed_in(&ans).await;
    let page_refusal = |r: &Resp, what: &str| {
        assert_eq!(r.status, 422, "{what}: {}", r.text());
        assert!(r.text().contains("onzichtbaar teken"), "{what}: {}", r.text());
    };
    let r = crate::logbook::post_entry(
        &mut c,
        &circle,
        &[("kind", "moment"), ("audience", "circle"), ("body", "a\u{0}b")],
        &[],
    )
    .await;
    page_refusal(&r, "page entry");
    c.get(&format!("/circles/{circle}/logbook/{entry}")).await;
    let r = c.post(&format!("/circles/{circle}/logbook/{entry}/replies"), &[("body", "ja\u{0}")]).await;
    page_refusal(&r, "page reply");
    page_refusal(&c.get(&format!("/circles/{circle}/logbook?q=zong%00")).await, "page search");
    page_refusal(&c.get(&format!("/circles/{circle}/logbook/{entry}%00")).await, "page id");
    // Nothing was saved, and ordinary text still goes through.
    assert_eq!(counts(&mut api, &circle, &entry).await, before);
    let r = api.api(Method::POST, &format!("{entries}/{entry}/replies"), Some(json!({"body": "gewoon"}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
}

pub async fn a_reused_idempotency_key_needs_the_same_body(db: TestDb) {
    let app = TestApp::new(db).await;
    let (ans, circle, entry) = ans_and_circle(&app).await;
    let mut api = app.api_as(&ans).await;
    let entries = format!("/api/v1/circles/{circle}/entries");
    let first = json!({"kind": "moment", "audience": "circle", "body": "Eerste"});
    let r = api.post_with_key(&entries, "retry-key-0001", first.clone()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].clone();
    // The same body again: the first answer.
    let again = api.post_with_key(&entries, "retry-key-0001", first.clone()).await;
    assert_eq!((again.status.as_u16(), again.json()["id"].clone()), (201, id.clone()));
    // Another body under the same key: refused, nothing written.
    let before = counts(&mut api, &circle, &entry).await;
    let other = json!({"kind": "moment", "audience": "circle", "body": "Iets anders"});
    let r = api.post_with_key(&entries, "retry-key-0001", other.clone()).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "Idempotency-Key", "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["code"], "idempotency-key-reused", "{}", r.body);
    assert_eq!(counts(&mut api, &circle, &entry).await, before);
    // The same key on another path is another request too.
    let r = api.post_with_key(&format!("{entries}/{entry}/replies"), "retry-key-0001", json!({"body": "x"})).await;
    assert_ne!(r.status, 500, "{}", r.body);
    // A key stored before fingerprints were kept replays as it always did.
    let r = api.post_with_key(&entries, "retry-key-0002", first.clone()).await;
    let old = r.json()["id"].clone();
    app.db.raw("UPDATE idempotency_keys SET fingerprint = NULL").await.expect("old rows");
    let r = api.post_with_key(&entries, "retry-key-0002", other).await;
    assert_eq!((r.status.as_u16(), r.json()["id"].clone()), (201, old));

    // A page form keeps its key when it comes back with errors; corrected, it is saved.
    let mut c = app.signed_in(&ans).await;
    let bad = [("kind", "moment"), ("audience", "nobody"), ("body", "Eerst fout"), ("idem", "form-key-0001")];
    let r = crate::logbook::post_entry(&mut c, &circle, &bad, &[]).await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.body.contains("value=\"form-key-0001\""), "the form keeps its key");
    let good = [("kind", "moment"), ("audience", "circle"), ("body", "Nu goed"), ("idem", "form-key-0001")];
    let saved = crate::logbook::post_entry(&mut c, &circle, &good, &[]).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let (n, _) = counts(&mut api, &circle, &entry).await;
    // A double tap: the same entry, not a second one.
    let twice = crate::logbook::post_entry(&mut c, &circle, &good, &[]).await;
    assert_eq!((twice.status.as_u16(), twice.location()), (303, saved.location()));
    assert_eq!(counts(&mut api, &circle, &entry).await.0, n);
}

/// A PNG of one grey pixel whose header claims `w` × `h` (CRC fixed), the
/// shape of a decompression bomb without its megabytes.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let img = image::DynamicImage::ImageLuma8(image::GrayImage::new(1, 1));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).expect("png");
    assert_eq!(&png[12..16], b"IHDR");
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

pub async fn images_too_large_to_decode_are_refused_by_their_header(db: TestDb) {
    let app = TestApp::new(db).await;
    let (ans, circle, entry) = ans_and_circle(&app).await;
    let mut api = app.api_as(&ans).await;
    let files = format!("/api/v1/circles/{circle}/entries/{entry}/attachments?file_name=bom.png");
    for (w, h) in [(12_000, 12_000), (20_000, 10), (7_000, 7_000)] {
        let started = std::time::Instant::now();
        let req = Request::builder()
            .method(Method::POST)
            .uri(&files)
            .header("content-type", "application/octet-stream")
            .body(Body::from(png_claiming(w, h)))
            .expect("request");
        let r = api.send(req).await;
        assert_eq!(r.status, 422, "{w}x{h}: {}", r.body);
        assert_eq!(r.json()["error"]["fields"][0]["code"], "image-too-large", "{w}x{h}: {}", r.body);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "refused before decoding");
    }
    let mut c = app.signed_in(&ans).await;
    let bomb = png_claiming(12_000, 12_000);
    let r = crate::logbook::post_entry(
        &mut c,
        &circle,
        &[("kind", "moment"), ("audience", "circle"), ("body", "Foto")],
        &[("files", "bom.png", &bomb)],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(r.text().contains("te veel beeldpunten"), "{}", r.text());
    assert!(r.body.contains("Foto"), "what was typed stays");
}

/// A multipart body sent in 64 KB chunks (as from a network) of `filler`
/// zero bytes after `head`, counting in `pulled` how much the server read.
fn counted_body(head: Vec<u8>, filler: usize, tail: Vec<u8>, pulled: Arc<AtomicUsize>) -> Body {
    const CHUNK: usize = 64 * 1024;
    // Made as they are read, so the test holds no more than a chunk itself.
    let sizes = (0..filler.div_ceil(CHUNK)).map(move |i| (filler - i * CHUNK).min(CHUNK));
    let parts = std::iter::once(head).chain(sizes.map(|n| vec![0u8; n])).chain(std::iter::once(tail));
    let stream = futures_util::stream::iter(parts.map(move |p| {
        pulled.fetch_add(p.len(), Ordering::SeqCst);
        Ok::<_, std::io::Error>(p)
    }));
    Body::from_stream(stream)
}

const B: &str = "hostile-upload-boundary";

fn upload_request(
    circle: &CircleId,
    csrf: &str,
    filler: usize,
    length: Option<u64>,
    pulled: Arc<AtomicUsize>,
) -> Request<Body> {
    let head = format!(
        "--{B}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{B}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmoment\r\n--{B}\r\nContent-Disposition: form-data; name=\"audience\"\r\n\r\ncircle\r\n--{B}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"groot.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    );
    let tail = format!("\r\n--{B}--\r\n");
    let mut b = Request::builder()
        .method(Method::POST)
        .uri(format!("/circles/{circle}/logbook"))
        .header("content-type", format!("multipart/form-data; boundary={B}"));
    if let Some(n) = length {
        b = b.header("content-length", n.to_string());
    }
    b.body(counted_body(head.into_bytes(), filler, tail.into_bytes(), pulled)).expect("request")
}

pub async fn uploads_are_checked_before_they_are_read(db: TestDb) {
    const MB: usize = 1024 * 1024;
    let app = TestApp::new(db).await;
    let (ans, circle, entry) = ans_and_circle(&app).await;
    let mut api = app.api_as(&ans).await;
    let before = counts(&mut api, &circle, &entry).await;
    // Anonymous: to the sign-in page, not a byte read.
    let pulled = Arc::new(AtomicUsize::new(0));
    let r = app.client().send(upload_request(&circle, "", 70 * MB, Some(70 * MB as u64), pulled.clone())).await;
    assert_eq!(r.status, 303);
    assert_eq!(pulled.load(Ordering::SeqCst), 0, "nothing read for an anonymous visitor");
    // Signed in, without a valid CSRF token: refused at the file, not after it.
    let mut c = app.signed_in(&ans).await;
    c.get(&format!("/circles/{circle}/logbook/new")).await;
    let pulled = Arc::new(AtomicUsize::new(0));
    let r = c.send(upload_request(&circle, "vervalst", 30 * MB, None, pulled.clone())).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(pulled.load(Ordering::SeqCst) < 2 * MB, "read {} bytes for a bad token", pulled.load(Ordering::SeqCst));
    // A declared length over the limit: 413 at once.
    let csrf = c.csrf().expect("csrf").to_owned();
    let pulled = Arc::new(AtomicUsize::new(0));
    let r = c.send(upload_request(&circle, &csrf, 10 * MB, Some(500 * MB as u64), pulled.clone())).await;
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("te groot"), "{}", r.text());
    assert_eq!(pulled.load(Ordering::SeqCst), 0, "refused on the declared length");
    // A file over the limit in a body of unknown length: 413 once the limit is passed.
    c.get(&format!("/circles/{circle}/logbook/new")).await;
    let csrf = c.csrf().expect("csrf").to_owned();
    let pulled = Arc::new(AtomicUsize::new(0));
    let r = c.send(upload_request(&circle, &csrf, 20 * MB, None, pulled.clone())).await;
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("te groot"), "{}", r.text());
    assert!(pulled.load(Ordering::SeqCst) < 14 * MB, "stopped at the limit, read {}", pulled.load(Ordering::SeqCst));
    // The API: a declared length over the limit is 413 too, in JSON.
    let pulled = Arc::new(AtomicUsize::new(0));
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/circles/{circle}/entries/{entry}/attachments"))
        .header("content-type", "application/octet-stream")
        .header("content-length", (20 * MB).to_string())
        .body(counted_body(b"%PDF-1.7\n".to_vec(), 20 * MB, Vec::new(), pulled.clone()))
        .expect("request");
    let r = api.send(req).await;
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "payload_too_large", "{}", r.body);
    assert_eq!(pulled.load(Ordering::SeqCst), 0);
    let pulled = Arc::new(AtomicUsize::new(0));
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/circles/{circle}/entries/{entry}/attachments"))
        .header("content-type", "application/octet-stream")
        .body(counted_body(b"%PDF-1.7\n".to_vec(), 20 * MB, Vec::new(), pulled.clone()))
        .expect("request");
    assert_eq!(api.send(req).await.status, 413);
    assert!(pulled.load(Ordering::SeqCst) < 14 * MB);
    assert_eq!(counts(&mut api, &circle, &entry).await, before, "nothing saved");
    // An ordinary upload still works, on both surfaces.
    c.get(&format!("/circles/{circle}/logbook/new")).await;
    let csrf = c.csrf().expect("csrf").to_owned();
    let r = c.send(upload_request(&circle, &csrf, 100_000, None, Arc::new(AtomicUsize::new(0)))).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/circles/{circle}/entries/{entry}/attachments?file_name=a.pdf"))
        .header("content-type", "application/octet-stream")
        .body(Body::from(b"%PDF-1.7\nhallo".to_vec()))
        .expect("request");
    let r = api.send(req).await;
    assert_eq!(r.status, 201, "{}", r.body);
    // No temporary files are left behind.
    let tmp = app.state.config.data_dir.join("tmp");
    let left = std::fs::read_dir(&tmp).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "temporary upload files remain in {}", tmp.display());
}

/// Peak resident memory of this process in MB, then reset (Linux).
fn peak_rss_mb_and_reset() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    kb / 1024
}

/// Not a test: measures peak memory and time of hostile uploads (issue 17
/// #6, #7); passes at once unless `SAMENSPEL_MEASURE` is set. Run alone:
/// `SAMENSPEL_MEASURE=1 SAMENSPEL_BOMB=bomb.png cargo test -p samenspel --test it
/// -- --exact sqlite::hostile_input::measure_hostile_uploads --nocapture`.
pub async fn measure_hostile_uploads(db: TestDb) {
    const MB: usize = 1024 * 1024;
    if std::env::var_os("SAMENSPEL_MEASURE").is_none() {
        return;
    }
    let app = TestApp::new(db).await;
    let (ans, circle, entry) = ans_and_circle(&app).await;
    let mut api = app.api_as(&ans).await;
    let mut c = app.signed_in(&ans).await;
    c.get(&format!("/circles/{circle}/logbook/new")).await;
    let csrf = c.csrf().expect("csrf").to_owned();
    let base = peak_rss_mb_and_reset();
    eprintln!("MEASURE baseline peak {base} MB");
    if let Ok(path) = std::env::var("SAMENSPEL_BOMB") {
        let bomb = std::fs::read(&path).expect("bomb file");
        peak_rss_mb_and_reset();
        let started = std::time::Instant::now();
        let req = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/v1/circles/{circle}/entries/{entry}/attachments?file_name=bom.png"))
            .header("content-type", "application/octet-stream")
            .body(Body::from(bomb.clone()))
            .expect("request");
        let r = api.send(req).await;
        eprintln!(
            "MEASURE bomb ({} KB): {} in {:?}, peak {} MB",
            bomb.len() / 1024,
            r.status,
            started.elapsed(),
            peak_rss_mb_and_reset()
        );
    }
    for (what, token, length) in [
        ("70 MB, bad CSRF token", "vervalst", None),
        ("70 MB, valid token, length declared", csrf.as_str(), Some(70 * MB as u64 + 1000)),
        ("70 MB, valid token, length unknown", csrf.as_str(), None),
    ] {
        peak_rss_mb_and_reset();
        let started = std::time::Instant::now();
        let pulled = Arc::new(AtomicUsize::new(0));
        let r = c.send(upload_request(&circle, token, 70 * MB, length, pulled.clone())).await;
        eprintln!(
            "MEASURE multipart {what}: {} in {:?}, read {} MB, peak {} MB",
            r.status,
            started.elapsed(),
            pulled.load(Ordering::SeqCst) / MB,
            peak_rss_mb_and_reset()
        );
    }
}
