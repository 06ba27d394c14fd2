//! GDPR self-service: a member downloads everything they wrote and nothing
//! anyone else wrote, corrects their name, and deletes their account, which
//! keeps what the circle must keep under "Voormalig lid" and logs each
//! request with its answer date.

use crate::logbook::post_entry;
use crate::support::binary::Install;
use crate::support::photos::{contains, gps_bytes, jpeg_with_gps};
use crate::support::{Engine, TestApp, TestDb, client, relative, volunteer};
use axum::http::Method;
use std::io::Read;

/// The files in a ZIP download, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP file");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("an entry");
        let mut content = Vec::new();
        f.read_to_end(&mut content).expect("readable");
        files.insert(f.name().expect("a file name").into_owned(), content);
    }
    files
}

pub async fn a_member_downloads_what_they_wrote_and_nothing_else(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [_sem, thijs, helper]) =
        app.cast("Sem", [client("Sem").manager(), relative("Thijs"), volunteer("Vrijwilliger")]).await;
    let mut t = app.signed_in(&thijs).await;
    let photo = jpeg_with_gps();
    let r = post_entry(
        &mut t,
        &circle,
        &[("kind", "moment"), ("audience", "circle"), ("body", "Samen naar de markt")],
        &[("files", "markt.jpg", &photo)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let mut n = app.signed_in(&helper).await;
    let r =
        post_entry(&mut n, &circle, &[("kind", "update"), ("audience", "circle"), ("body", "Wondzorg gedaan")], &[])
            .await;
    assert_eq!(r.status, 303, "{}", r.text());

    // A check-in, a help request of Thijs's own, and an offer on the volunteer's.
    let mut t_api = app.api_as(&thijs).await;
    let answers: serde_json::Map<String, serde_json::Value> =
        (1..=9).map(|i| (format!("ediz-{i}"), serde_json::json!("ja"))).collect();
    let path = format!("/api/v1/circles/{circle}/check-ins");
    let r = t_api.api(Method::POST, &path, Some(serde_json::json!({ "answers": answers }))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let help = format!("/circles/{circle}/help");
    let ask = |title: &'static str| {
        [
            ("template", "other"),
            ("title", title),
            ("date", "2031-05-06"),
            ("from_time", "10:00"),
            ("until_time", "11:00"),
            ("details", "Graag iemand"),
            ("audience", "circle"),
        ]
    };
    assert_eq!(t.post(&help, &ask("Boodschappen doen")).await.status, 303);
    let r = n.post(&help, &ask("Wandelen met Sem")).await;
    let request = r.location().expect("to the request").split('?').next().expect("a path").to_owned();
    assert_eq!(t.post(&format!("{request}/respond"), &[("message", "Ik kan dinsdag")]).await.status, 303);

    let page = t.get("/account/privacy").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Je hebt nog niets gevraagd."), "{}", page.text());
    // As a browser asks for it: compressed where that helps (a ZIP is sent as it is).
    let request = axum::http::Request::builder()
        .uri("/account/privacy/export")
        .header("accept-encoding", "gzip, br")
        .body(axum::body::Body::empty())
        .expect("a request");
    let file = t.send(request).await;
    assert_eq!(file.status, 200, "{}", file.text());
    assert_eq!(file.headers["content-type"], "application/zip");
    assert!(file.headers.get("content-encoding").is_none(), "a ZIP is not compressed again");
    let disposition = file.headers["content-disposition"].to_str().expect("ascii");
    assert!(disposition.starts_with("attachment; filename=\"samenspel-"), "{disposition}");
    let files = unzip(&file.bytes);

    let json: serde_json::Value = serde_json::from_slice(&files["my-data.json"]).expect("JSON");
    assert_eq!(json["account"]["email"], thijs.email.as_str());
    assert_eq!(json["memberships"][0]["circle_of"], "Sem");
    assert_eq!(json["memberships"][0]["role"], "relative");
    let entries = json["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "only what Thijs wrote: {entries:?}");
    assert_eq!(entries[0]["body"], "Samen naar de markt");
    assert_eq!(json["check_ins"][0]["total"], 9, "{}", json["check_ins"]);
    assert_eq!(json["help_asked"][0]["title"], "Boodschappen doen");
    assert_eq!(json["help_asked"].as_array().map(Vec::len), Some(1), "not the volunteer's request");
    assert_eq!(json["help_offered"][0]["message"], "Ik kan dinsdag");
    let photo_path = entries[0]["files"][0].as_str().expect("the photo's place in the export");
    let kept = &files[photo_path];
    assert!(kept.starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert!(!contains(kept, &gps_bytes()), "the photo as kept: without its location");
    let everything =
        String::from_utf8_lossy(&files["my-data.json"]).into_owned() + &String::from_utf8_lossy(&files["my-data.html"]);
    assert!(!everything.contains("Wondzorg"), "nothing another member wrote");
    let html = String::from_utf8_lossy(&files["my-data.html"]);
    assert!(html.contains("Samen naar de markt") && html.contains(&format!("<img src=\"{photo_path}\"")), "{html}");
    assert!(html.contains("Mijn gegevens in Samenspel") && html.contains("naaste"), "readable Dutch");

    // Nothing stays behind on the server; the request is logged, answered at once.
    let tmp = app.db.dir.join("tmp");
    let left = std::fs::read_dir(&tmp).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "the export's file is removed once sent");
    let page = t.get("/account/privacy").await;
    assert!(page.text().contains("Gegevens downloaden"), "{}", page.text());
    let logged =
        app.db.count("SELECT COUNT(*) FROM privacy_requests WHERE kind = 'export' AND answered_at IS NOT NULL").await;
    assert_eq!(logged, 1);
    let audited = app.db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.export'").await;
    assert_eq!(audited, 1);

    // The volunteer's export holds the volunteer's words, not Thijs's; signed out there is none.
    let theirs = n.get("/account/privacy/export").await;
    assert_eq!(theirs.status, 200, "{}", theirs.text());
    let theirs = unzip(&theirs.bytes);
    let theirs = String::from_utf8_lossy(&theirs["my-data.json"]).into_owned();
    assert!(theirs.contains("Wondzorg gedaan") && !theirs.contains("markt"), "{theirs}");
    let r = app.client().get("/account/privacy/export").await;
    assert_eq!(r.status, 303, "signed out: to the sign-in page");
}

pub async fn deleting_an_account_keeps_what_was_written_under_a_former_member(db: TestDb) {
    let app = TestApp::new(db).await;
    let (circle, [sem, thijs]) = app.cast("Sem", [client("Sem").manager(), relative("Thijs Jansen")]).await;
    let mut t = app.signed_in(&thijs).await;
    let r =
        post_entry(&mut t, &circle, &[("kind", "moment"), ("audience", "circle"), ("body", "Koffie gedronken")], &[])
            .await;
    assert_eq!(r.status, 303, "{}", r.text());

    let mut api = app.client();
    api.bearer = Some(app.token(&thijs).await);
    assert_eq!(api.api(Method::GET, "/api/v1/circles", None).await.status, 200);

    // A new name is a correction, logged.
    assert_eq!(t.post("/account/name", &[("display_name", "Thijs J.")]).await.status, 303);
    assert!(t.get("/account/privacy").await.text().contains("Gegevens verbeteren"));

    // Without the tick: a clear message, and nothing is lost.
    let r = t.post("/account/privacy/delete", &[]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Zet een vinkje"), "{}", r.text());
    assert_eq!(t.get(&format!("/circles/{circle}/logbook")).await.status, 200, "still a member");

    // The only manager must hand over first.
    let mut s = app.signed_in(&sem).await;
    let page = s.get("/account/privacy").await;
    assert!(page.text().contains("Je bent de enige beheerder van deze kringen"), "{}", page.text());
    let r = s.post("/account/privacy/delete", &[("understood", "on")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Maak eerst iemand anders beheerder"));

    let r = t.post("/account/privacy/delete", &[("understood", "on")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some("/account/deleted"));
    let cookie = r.headers["set-cookie"].to_str().expect("ascii");
    assert!(cookie.contains("Max-Age=0"), "this browser is signed out: {cookie}");
    let gone = app.client().get("/account/deleted").await;
    assert!(gone.text().contains("Je account is verwijderd"));

    // Every way in is gone: the session, the address, the name.
    assert_eq!(t.get(&format!("/circles/{circle}/logbook")).await.status, 303, "the old session is revoked");
    let address = app.db.count(&format!("SELECT COUNT(*) FROM users WHERE email = '{}'", thijs.email)).await;
    assert_eq!(address, 0, "the address is gone");
    let named =
        app.db.count("SELECT COUNT(*) FROM users WHERE display_name LIKE 'Thijs%' OR email LIKE 'thijs%'").await;
    assert_eq!(named, 0, "the name and address are gone from the accounts");
    for table in ["sessions", "api_tokens", "sign_in_links"] {
        let left = app.db.count(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = '{}'", thijs.id)).await;
        assert_eq!(left, 0, "no {table} left, with their devices and addresses");
    }
    assert_eq!(api.api(Method::GET, "/api/v1/circles", None).await.status, 401, "the API token is gone");

    // What Thijs wrote stays, under "Voormalig lid"; Thijs is no longer a member.
    let logbook = s.get(&format!("/circles/{circle}/logbook")).await.text();
    assert!(logbook.contains("Koffie gedronken") && logbook.contains("Voormalig lid"), "{logbook}");
    assert!(!logbook.contains("Thijs"), "the name is nowhere: {logbook}");
    let members = s.get(&format!("/circles/{circle}/members")).await.text();
    assert!(!members.contains("Thijs") && !members.contains("Voormalig lid"), "{members}");
    let logged = app.db.count("SELECT COUNT(*) FROM privacy_requests WHERE kind = 'delete'").await;
    assert_eq!(logged, 1);
}

/// The must-show of issue 15: after a deletion, the person's address is in
/// no row of the database (on PostgreSQL every row of every table is read as
/// text), and the next backup (SQLite's `VACUUM INTO`, which copies live
/// rows only) no longer holds it, while the backup before did.
pub async fn a_deleted_account_is_gone_from_the_next_backup(db: TestDb) {
    use samenspel_store::{ConnectOptions, Store};
    let install = Install::new(&db).await;
    install.demo().await.terminate().await;
    let email = samenspel::demo::email("thijs");
    let store = Store::connect(&ConnectOptions::new(install.database_url.clone())).await.expect("the database");
    let thijs = store.internal().find_user_for_sign_in(&email).await.expect("read").expect("Thijs in the demo").id;
    let backup = async |name: &str| {
        let archive = install.path(name);
        let (code, out, err) = install.run(&["backup", "--to", archive.to_str().expect("path")], &[]).await;
        assert_eq!(code, 0, "{out}{err}");
        std::fs::read(&archive).expect("the archive")
    };
    let holds = |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    // Every row of every table, as text, on PostgreSQL.
    let rows_with_address = async || {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
        let tables: Vec<(String,)> = sqlx::query_as(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
        .fetch_all(&mut c)
        .await
        .expect("tables");
        let mut rows = Vec::new();
        for (table,) in tables {
            let sql = format!("SELECT COUNT(*) FROM {table} t WHERE t::text LIKE '%{email}%'");
            let (n,): (i64,) = sqlx::query_as(&sql).fetch_one(&mut c).await.expect("count");
            if n > 0 {
                rows.push((table, n));
            }
        }
        rows
    };
    if db.engine == Engine::Sqlite {
        assert!(holds(&backup("before.tar").await, &email), "the backup before the deletion holds the address");
    } else {
        assert!(!rows_with_address().await.is_empty(), "the address is in the database before");
    }

    let me = store.internal().act_as(&thijs, "test").await.expect("Thijs");
    store.forget_account(&me, samenspel_core::Timestamp::now()).await.expect("deleted");

    if db.engine == Engine::Sqlite {
        let after = backup("after.tar").await;
        assert!(!holds(&after, &email), "the next backup no longer holds the address");
        assert!(holds(&after, "Voormalig lid"), "it is the same database, with the former member");
    } else {
        assert_eq!(rows_with_address().await, Vec::<(String, i64)>::new(), "no row holds the address");
    }
    store.close().await;
    install.drop_database().await;
}
