//! The logbook: audiences everywhere (list, search, counts, files, digest,
//! API), photos without metadata, read receipts, open items, edits and
//! tombstones, pagination, notifications and summaries.

use crate::support::fixtures::cast;
use crate::support::photos::{contains, gps_bytes, jpeg_with_gps, multipart};
use crate::support::{Client, Engine, Resp, TUser, TestApp, TestDb, professional, relative, representative, volunteer};
use axum::body::Body;
use axum::http::{Method, Request};
use jiff::SignedDuration;
use samenspel::service::{logbook, notifications};
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_store::access::MemberLink;
use serde_json::json;

const BOUNDARY: &str = "logbook-test-boundary";

cast! {
    /// A circle of Henk with a relative (manager), a volunteer, a nurse, the
    /// client's representative and an outsider (also used by `new_for_you`).
    pub(crate) struct Henk("Henk de Vries") {
        ans: relative("Ans").manager(),
        thijs: volunteer("Thijs"),
        fatima: professional("Fatima"),
        ellen: representative("Ellen"),
    } + outsider;
    async fn henk;
}

async fn write(app: &TestApp, who: &TUser, circle: &CircleId, kind: &str, audience: &str, body: &str) -> String {
    let me = app.acting_as(who).await;
    let input =
        logbook::WriteEntry { kind: kind.into(), audience: audience.into(), body: body.into(), ..Default::default() };
    logbook::write(&app.ctx(&me, Timestamp::now()), circle, &input, vec![], None).await.expect("entry written")
}

/// Posts the writing form (multipart) with optional files.
pub async fn post_entry(
    c: &mut Client<'_>,
    circle: &CircleId,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> Resp {
    c.get(&format!("/circles/{circle}/logbook/new")).await;
    let csrf = c.csrf().expect("csrf").to_owned();
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/circles/{circle}/logbook"))
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(Body::from(multipart(BOUNDARY, &all, files)))
        .expect("request");
    c.send(req).await
}

pub async fn audiences_hold_in_lists_search_counts_files_and_api(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let everyone = write(&app, &h.ans, &h.circle, "moment", "circle", "Henk zong mee met de radio").await;
    let secret =
        write(&app, &h.fatima, &h.circle, "concern", "professionals", "Valrisico verhoogd door losse kleden").await;
    let family = write(&app, &h.ans, &h.circle, "update", "informal", "Familieoverleg zondag bij Ellen").await;
    // The volunteer: the circle entry and the family entry, never the professionals' one.
    let mut thijs = app.signed_in(&h.thijs).await;
    let list = thijs.get(&format!("/circles/{}/logbook", h.circle)).await;
    assert!(list.text().contains("Henk zong mee") && list.text().contains("Familieoverleg"));
    assert!(!list.body.contains("Valrisico"), "the list hides professionals-only entries");
    let search = thijs.get(&format!("/circles/{}/logbook?q=valrisico", h.circle)).await;
    assert!(!search.body.contains("Valrisico"));
    assert!(search.text().contains("Niets gevonden"));
    assert_eq!(thijs.get(&format!("/circles/{}/logbook/{secret}", h.circle)).await.status, 404);
    let overview = thijs.get(&format!("/circles/{}", h.circle)).await;
    assert!(!overview.body.contains("Valrisico"));
    let mut thijs_api = app.api_as(&h.thijs).await;
    let o = thijs_api.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    assert_eq!(o["unread"], 0, "the volunteer saw the two he may see in the list; the third never counts");
    assert!(!o.to_string().contains("Valrisico"));
    let entries = thijs_api.api(Method::GET, &format!("/api/v1/circles/{}/entries", h.circle), None).await;
    assert!(!entries.body.contains("Valrisico") && entries.body.contains(&everyone));
    assert_eq!(
        thijs_api.api(Method::GET, &format!("/api/v1/circles/{}/entries/{secret}", h.circle), None).await.status,
        404
    );
    assert!(
        !thijs_api
            .api(Method::GET, &format!("/api/v1/circles/{}/entries?q=valrisico", h.circle), None)
            .await
            .body
            .contains(&secret)
    );
    // Unread counts follow the audience too: a fresh professionals-only entry does not count for him.
    write(&app, &h.fatima, &h.circle, "update", "professionals", "Bloeddruk gemeten").await;
    let o = thijs_api.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    assert_eq!(o["unread"], 0);
    // The representative sees all group audiences; the nurse not the family's.
    let mut ellen = app.api_as(&h.ellen).await;
    let seen: serde_json::Value =
        ellen.api(Method::GET, &format!("/api/v1/circles/{}/entries", h.circle), None).await.json();
    let ids: Vec<&str> = seen["entries"].as_array().expect("entries").iter().filter_map(|e| e["id"].as_str()).collect();
    assert!(ids.contains(&secret.as_str()) && ids.contains(&family.as_str()));
    let mut fatima = app.api_as(&h.fatima).await;
    assert_eq!(
        fatima.api(Method::GET, &format!("/api/v1/circles/{}/entries/{family}", h.circle), None).await.status,
        404
    );
    // Someone outside the circle gets nothing at all.
    let mut out = app.api_as(&h.outsider).await;
    assert_eq!(out.api(Method::GET, &format!("/api/v1/circles/{}/entries", h.circle), None).await.status, 404);
    assert_eq!(
        out.api(Method::GET, &format!("/api/v1/circles/{}/entries/{everyone}", h.circle), None).await.status,
        404
    );
}

pub async fn chosen_audience_is_exactly_the_chosen(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let fatima_member = app.member_id(&h.circle, &h.fatima).await;
    let me = app.acting_as(&h.ans).await;
    let input = logbook::WriteEntry {
        kind: "question".into(),
        audience: "chosen".into(),
        chosen: vec![fatima_member.to_string()],
        body: "Kun je naar zijn voeten kijken?".into(),
        ..Default::default()
    };
    let id = logbook::write(&app.ctx(&me, Timestamp::now()), &h.circle, &input, vec![], None).await.expect("written");
    // The writer and the chosen read it; so does Ellen, the representative —
    // the client side reads everything about the client; Thijs does not.
    for (who, visible) in [(&h.ans, true), (&h.fatima, true), (&h.thijs, false), (&h.ellen, true)] {
        let status = app
            .api_as(who)
            .await
            .api(Method::GET, &format!("/api/v1/circles/{}/entries/{id}", h.circle), None)
            .await
            .status;
        assert_eq!(status == 200, visible, "{}", who.name);
    }
    let page = app.signed_in(&h.ans).await.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert!(page.text().contains("Zichtbaar voor: alleen Fatima"));
    // Fatima and Ellen read it through the API just now: "Gezien door" names
    // who read it; "not yet" only whom it was addressed to.
    assert!(
        page.text().contains("Gezien door Fatima (") || page.text().contains("Gezien door Ellen ("),
        "{}",
        page.text()
    );
    assert!(page.text().contains("Fatima") && page.text().contains("Ellen"));
    assert!(!page.text().contains("Thijs"));
}

pub async fn photos_lose_their_location_and_fake_photos_are_refused(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let original = jpeg_with_gps();
    assert!(contains(&original, b"Exif\0\0") && contains(&original, &gps_bytes()), "the test photo carries GPS");
    let mut thijs = app.signed_in(&h.thijs).await;
    let r = post_entry(
        &mut thijs,
        &h.circle,
        &[("kind", "moment"), ("audience", "circle"), ("body", "Bij de vijver")],
        &[("files", "IMG_0042.JPG", &original)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = thijs.get(r.location().expect("to the entry")).await;
    assert!(page.text().contains("Je bericht staat in het logboek"));
    let src = page
        .body
        .split("<img src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|s| s.contains("/files/"))
        .expect("a thumbnail")
        .replace("&amp;", "&");
    let full_src = src.replace("?thumb=1", "");
    let full = thijs.get(&full_src).await;
    assert_eq!(full.status, 200);
    assert_eq!(full.headers.get("content-type").and_then(|v| v.to_str().ok()), Some("image/jpeg"));
    let bytes = full.bytes;
    assert!(!contains(&bytes, b"Exif"), "no EXIF block is left");
    assert!(!contains(&bytes, &gps_bytes()), "no GPS position is left");
    let img = image::load_from_memory(&bytes).expect("a photo");
    assert_eq!((img.width(), img.height()), (20, 40), "turned upright as the camera said, before the tag went");
    // Someone outside the circle cannot fetch it, even knowing the address.
    let mut outsider = app.signed_in(&h.outsider).await;
    assert_eq!(outsider.get(&full_src).await.status, 404);
    assert_eq!(app.client().get(&full_src).await.status, 303, "signed out: to the sign-in page");
    // A text file named like a photo is refused with a clear message; nothing is saved; the text stays.
    let before = app
        .db
        .store
        .unread_count(&logbook_cap(&app, &h.ans, &h.circle).await, 1000, Timestamp::now())
        .await
        .expect("count");
    let r = post_entry(
        &mut thijs,
        &h.circle,
        &[("kind", "moment"), ("audience", "circle"), ("body", "Mijn tekst blijft staan")],
        &[("files", "vakantie.jpg", b"Dit is geen foto, maar tekst.")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Dit bestand heeft de naam van een foto, maar het is geen foto"));
    assert!(r.body.contains("Mijn tekst blijft staan"), "what was typed stays");
    assert!(r.text().contains("opnieuw als je ze wilt meesturen"), "{}", r.text());
    let after = app
        .db
        .store
        .unread_count(&logbook_cap(&app, &h.ans, &h.circle).await, 1000, Timestamp::now())
        .await
        .expect("count");
    assert_eq!(before, after, "no entry was made");
    // The same rule through the API.
    let mut a = app.api_as(&h.thijs).await;
    let created = a
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/entries", h.circle),
            Some(json!({"kind": "moment", "body": "Via de API"})),
        )
        .await
        .json();
    let entry = created["id"].as_str().expect("id").to_owned();
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/circles/{}/entries/{entry}/attachments?file_name=x.jpg", h.circle))
        .body(Body::from(b"nope".to_vec()))
        .expect("request");
    let refused = a.send(req).await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.json()["error"]["fields"][0]["code"], "file-not-a-photo");
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/circles/{}/entries/{entry}/attachments?file_name=x.jpg", h.circle))
        .body(Body::from(original))
        .expect("request");
    assert_eq!(a.send(req).await.status, 201);
}

pub(crate) async fn logbook_cap(
    app: &TestApp,
    who: &TUser,
    circle: &CircleId,
) -> samenspel_store::access::Can<samenspel_core::access::act::ReadLogbook> {
    let me = app.acting_as(who).await;
    app.ctx(&me, Timestamp::now())
        .can::<samenspel_core::access::act::ReadLogbook>(
            circle,
            samenspel_core::audit::What::new(samenspel_core::audit::Operation::Read, "test", "circle", None),
        )
        .await
        .expect("member")
}

pub async fn seen_by_and_unread(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let id = write(&app, &h.thijs, &h.circle, "moment", "circle", "Mooie wandeling naar de eendenvijver").await;
    let mut ans = app.signed_in(&h.ans).await;
    let overview = ans.get(&format!("/circles/{}", h.circle)).await;
    assert!(overview.text().contains("Nieuw voor jou 1"), "{}", overview.text());
    assert!(overview.text().contains("Nieuw Thijs : Mooie wandeling"), "{}", overview.text());
    let mut thijs = app.signed_in(&h.thijs).await;
    let before = thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert!(before.text().contains("Nog niemand heeft dit bericht gezien"));
    ans.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    let after = thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert!(after.text().contains("Gezien door Ans ("), "{}", after.text());
    let overview = ans.get(&format!("/circles/{}", h.circle)).await;
    assert!(overview.text().contains("Je bent helemaal bij"));
    // The writer never counts their own entry as unread.
    let mine = app
        .api_as(&h.thijs)
        .await
        .api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None)
        .await
        .json();
    assert_eq!(mine["unread"], 0);
}

/// More readers at once than the database pool has connections: listing
/// marks entries as seen in a transaction, which must never wait for a
/// second connection while holding one (that stalls the pool on PostgreSQL).
pub async fn many_readers_at_once_all_get_their_page(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    for i in 0..30 {
        write(&app, &h.ans, &h.circle, "update", "circle", &format!("Bericht {i}")).await;
    }
    let readers = [&h.thijs, &h.fatima, &h.ellen, &h.ans];
    let mut clients = Vec::new();
    for i in 0..24 {
        clients.push(app.api_as(readers[i % readers.len()]).await);
    }
    let path = format!("/api/v1/circles/{}/entries", h.circle);
    let started = std::time::Instant::now();
    let answers = futures_util::future::join_all(clients.iter_mut().map(|c| c.api(Method::GET, &path, None))).await;
    for a in &answers {
        assert_eq!(a.status, 200, "{}", a.body);
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "no request waited for the pool to time out");
}

pub async fn open_items_stay_open_until_answered_or_closed(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let id = write(&app, &h.thijs, &h.circle, "question", "circle", "Mag Henk een ijsje?").await;
    let status = |v: serde_json::Value| v["entry"]["status"].as_str().unwrap_or("").to_owned();
    let mut thijs = app.api_as(&h.thijs).await;
    let path = format!("/api/v1/circles/{}/entries/{id}", h.circle);
    assert_eq!(status(thijs.api(Method::GET, &path, None).await.json()), "open");
    thijs.api(Method::POST, &format!("{path}/replies"), Some(json!({"body": "Ik bedoel een waterijsje"}))).await;
    assert_eq!(status(thijs.api(Method::GET, &path, None).await.json()), "open", "the writer's own reply is no answer");
    let mut fatima = app.api_as(&h.fatima).await;
    assert_eq!(
        fatima.api(Method::POST, &format!("{path}/replies"), Some(json!({"body": "Ja hoor, met mate."}))).await.status,
        201
    );
    assert_eq!(status(thijs.api(Method::GET, &path, None).await.json()), "answered");
    let overview = thijs.api(Method::GET, &format!("/api/v1/circles/{}/overview", h.circle), None).await.json();
    assert!(
        overview["unresolved"].as_array().expect("list").iter().any(|e| e["id"] == id.as_str()),
        "answered but not closed is still listed"
    );
    // A volunteer who did not write it may not close it; the writer may.
    let other = write(&app, &h.ans, &h.circle, "concern", "circle", "Henk slaapt slecht").await;
    let closing = thijs.api(Method::POST, &format!("/api/v1/circles/{}/entries/{other}/close", h.circle), None).await;
    assert_eq!(closing.status, 403);
    assert_eq!(thijs.api(Method::POST, &format!("{path}/close"), None).await.status, 204);
    let detail = thijs.api(Method::GET, &path, None).await.json();
    assert_eq!(detail["entry"]["status"], "closed");
    assert_eq!(detail["entry"]["closed"]["by"], "Thijs");
    assert_eq!(thijs.api(Method::POST, &format!("{path}/close"), None).await.status, 409);
    // A professional closes anyone's concern.
    assert_eq!(
        fatima.api(Method::POST, &format!("/api/v1/circles/{}/entries/{other}/close", h.circle), None).await.status,
        204
    );
}

pub async fn edits_keep_history_and_removal_leaves_a_tombstone(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let id = write(&app, &h.thijs, &h.circle, "update", "circle", "Eerste versie").await;
    let mut thijs = app.signed_in(&h.thijs).await;
    thijs.get(&format!("/circles/{}/logbook/{id}/edit", h.circle)).await;
    assert_eq!(
        thijs.post(&format!("/circles/{}/logbook/{id}/edit", h.circle), &[("body", "Tweede versie")]).await.status,
        303
    );
    let mut ans = app.signed_in(&h.ans).await;
    let page = ans.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert!(page.text().contains("Tweede versie") && page.text().contains("aangepast"));
    let history = ans.get(&format!("/circles/{}/logbook/{id}/history", h.circle)).await;
    assert!(history.text().contains("Eerste versie") && history.text().contains("Versie 1"));
    // Only the writer edits.
    assert_eq!(ans.get(&format!("/circles/{}/logbook/{id}/edit", h.circle)).await.status, 403);
    let mut fatima = app.signed_in(&h.fatima).await;
    fatima.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert_eq!(
        fatima.post(&format!("/circles/{}/logbook/{id}/delete", h.circle), &[]).await.status,
        403,
        "not hers, and she does not manage"
    );
    // Ans manages the circle: she may remove it; a tombstone says so.
    assert_eq!(ans.post(&format!("/circles/{}/logbook/{id}/delete", h.circle), &[]).await.status, 303);
    let gone = thijs.get(&format!("/circles/{}/logbook", h.circle)).await;
    assert!(gone.text().contains("Dit bericht is weggehaald door Ans"));
    assert!(!gone.body.contains("Tweede versie") && !gone.body.contains("Eerste versie"));
    let history = thijs.get(&format!("/circles/{}/logbook/{id}/history", h.circle)).await;
    assert!(history.text().contains("Dit bericht is weggehaald"), "{} {}", history.status, history.text());
    assert!(
        !thijs.get(&format!("/circles/{}/logbook?q=versie", h.circle)).await.body.contains(&id),
        "removed text is not found"
    );
}

pub async fn replies_and_reactions(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let id = write(&app, &h.ans, &h.circle, "moment", "circle", "Henk lachte vandaag").await;
    let mut thijs = app.signed_in(&h.thijs).await;
    thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    let empty = thijs.post(&format!("/circles/{}/logbook/{id}/replies", h.circle), &[("body", "  ")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Schrijf iets"));
    assert_eq!(
        thijs
            .post(&format!("/circles/{}/logbook/{id}/replies", h.circle), &[("body", "Wat fijn! <b>echt</b>")])
            .await
            .status,
        303
    );
    assert_eq!(
        thijs
            .post(&format!("/circles/{}/logbook/{id}/react", h.circle), &[("reaction", "heart"), ("on", "1")])
            .await
            .status,
        303
    );
    assert_eq!(
        thijs
            .post(&format!("/circles/{}/logbook/{id}/react", h.circle), &[("reaction", "heart"), ("on", "1")])
            .await
            .status,
        303,
        "twice is once"
    );
    let mut a = app.api_as(&h.ans).await;
    let detail = a.api(Method::GET, &format!("/api/v1/circles/{}/entries/{id}", h.circle), None).await.json();
    assert_eq!(detail["entry"]["reactions"][0], json!({"reaction": "heart", "count": 1, "mine": false}));
    assert_eq!(detail["replies"][0]["body"], "Wat fijn! <b>echt</b>");
    let page = thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await;
    assert!(page.body.contains("Wat fijn! &lt;b&gt;echt&lt;/b&gt;"), "replies are escaped, never HTML");
    assert!(page.body.contains("aria-pressed=\"true\""));
    thijs.post(&format!("/circles/{}/logbook/{id}/react", h.circle), &[("reaction", "heart"), ("on", "0")]).await;
    let detail = a.api(Method::GET, &format!("/api/v1/circles/{}/entries/{id}", h.circle), None).await.json();
    assert_eq!(detail["entry"]["reactions"], json!([]));
    assert_eq!(
        thijs
            .post(&format!("/circles/{}/logbook/{id}/react", h.circle), &[("reaction", "boos"), ("on", "1")])
            .await
            .status,
        422
    );
}

pub async fn search_finds_words_as_the_engine_understands_them(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let engine = app.db.engine;
    let a = write(&app, &h.ans, &h.circle, "update", "circle", "De cliënt wil graag naar de markt.").await;
    let b = write(&app, &h.ans, &h.circle, "update", "circle", "Twee lange wandelingen gemaakt in het park.").await;
    write(&app, &h.ans, &h.circle, "update", "circle", "Niets bijzonders vandaag.").await;
    let mut c = app.api_as(&h.thijs).await;
    let found = |v: serde_json::Value| {
        v["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["id"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let r = found(c.api(Method::GET, &format!("/api/v1/circles/{}/entries?q=markt", h.circle), None).await.json());
    assert_eq!(r, vec![a.clone()]);
    match engine {
        // SQLite folds accents and matches the start of words.
        Engine::Sqlite => {
            assert_eq!(
                found(c.api(Method::GET, &format!("/api/v1/circles/{}/entries?q=client", h.circle), None).await.json()),
                vec![a.clone()]
            );
            assert_eq!(
                found(c.api(Method::GET, &format!("/api/v1/circles/{}/entries?q=wandel", h.circle), None).await.json()),
                vec![b.clone()]
            );
        }
        // PostgreSQL stems Dutch words: the singular finds the plural.
        Engine::Postgres => {
            assert_eq!(
                found(
                    c.api(Method::GET, &format!("/api/v1/circles/{}/entries?q=wandeling", h.circle), None).await.json()
                ),
                vec![b.clone()]
            );
        }
    }
    // Odd input is no error.
    let odd = c.api(Method::GET, &format!("/api/v1/circles/{}/entries?q=%22%20OR%20*%20--", h.circle), None).await;
    assert_eq!(odd.status, 200);
}

pub async fn keyset_pages_cover_everything_once(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let me = app.acting_as(&h.ans).await;
    let start = Timestamp::now();
    let mut written = Vec::new();
    for i in 0..45 {
        // Some share a millisecond: the id breaks ties.
        let at = start.checked_add(SignedDuration::from_millis((i / 3) as i64)).expect("time");
        let input = logbook::WriteEntry {
            kind: "update".into(),
            audience: "circle".into(),
            body: format!("Bericht {i}"),
            ..Default::default()
        };
        written.push(logbook::write(&app.ctx(&me, at), &h.circle, &input, vec![], None).await.expect("written"));
    }
    let mut c = app.api_as(&h.thijs).await;
    let mut seen: Vec<String> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = Vec::new();
    loop {
        let path = match &cursor {
            Some(cur) => format!("/api/v1/circles/{}/entries?cursor={cur}", h.circle),
            None => format!("/api/v1/circles/{}/entries", h.circle),
        };
        let page = c.api(Method::GET, &path, None).await.json();
        let ids: Vec<String> = page["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["id"].as_str().expect("id").to_owned())
            .collect();
        pages.push(ids.len());
        seen.extend(ids);
        match page["next_cursor"].as_str() {
            Some(n) => cursor = Some(n.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, vec![20, 20, 5]);
    let mut expected = written.clone();
    expected.reverse();
    assert_eq!(seen, expected, "newest first, each once");
    let bad = c.api(Method::GET, &format!("/api/v1/circles/{}/entries?cursor=garbage", h.circle), None).await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["fields"][0]["code"], "cursor-invalid");
    // The pages show the same.
    let mut page = app.signed_in(&h.thijs).await;
    let first = page.get(&format!("/circles/{}/logbook", h.circle)).await;
    assert!(first.text().contains("Bericht 44") && !first.text().contains("Bericht 24 "));
    let older = first
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|s| s.contains("before="))
        .expect("older link")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = page.get(&older).await;
    assert!(second.text().contains("Bericht 24"), "{older}: {}", second.text());
}

pub async fn entries_are_created_once_on_a_retried_post(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let mut c = app.signed_in(&h.thijs).await;
    let fields = [
        ("kind", "update"),
        ("audience", "circle"),
        ("body", "Eén keer, ook bij dubbel tikken"),
        ("idem", "retry-abcdef-12345"),
    ];
    let first = post_entry(&mut c, &h.circle, &fields, &[]).await;
    let second = post_entry(&mut c, &h.circle, &fields, &[]).await;
    assert_eq!(first.location(), second.location());
    let list = app.api_as(&h.ans).await.api(Method::GET, &format!("/api/v1/circles/{}/entries", h.circle), None).await;
    assert_eq!(list.body.matches("ook bij dubbel tikken").count(), 1);
}

async fn settings(
    app: &TestApp,
    who: &TUser,
    circle: &CircleId,
    immediate: bool,
    digest: &str,
    quiet: Option<(&str, &str)>,
) {
    let me = app.acting_as(who).await;
    let input = notifications::SettingsInput {
        immediate,
        digest: digest.into(),
        quiet_from: quiet.map(|q| q.0.to_owned()).unwrap_or_default(),
        quiet_until: quiet.map(|q| q.1.to_owned()).unwrap_or_default(),
        shifts: true,
    };
    notifications::set_mine(&app.ctx(&me, Timestamp::now()), circle, &input).await.expect("settings saved");
}

fn decoded(m: &crate::support::smtp::Received) -> String {
    crate::support::fixtures::decode_quoted_printable(&m.data)
}

pub async fn concerns_are_mailed_at_once_to_their_audience(db: TestDb) {
    let (app, sink) = TestApp::with_smtp_sink(db).await;
    let h = henk(&app).await;
    for who in [&h.ans, &h.thijs, &h.fatima, &h.ellen] {
        settings(&app, who, &h.circle, true, "off", None).await;
    }
    write(&app, &h.ans, &h.circle, "concern", "circle", "Henk is vaker de weg kwijt").await;
    write(&app, &h.fatima, &h.circle, "concern", "professionals", "Valrisico verhoogd").await;
    write(&app, &h.ans, &h.circle, "update", "circle", "Gewoon een update").await;
    app.run_jobs().await;
    let got = sink.messages();
    let to = |who: &TUser| got.iter().filter(|m| m.to.contains(&who.email)).map(decoded).collect::<Vec<_>>();
    assert_eq!(to(&h.thijs).len(), 1, "the volunteer: only the concern he may see");
    assert!(to(&h.thijs)[0].contains("Henk is vaker de weg kwijt"));
    assert!(!to(&h.thijs)[0].contains("Valrisico"));
    assert_eq!(to(&h.ellen).len(), 2, "the representative sees both concerns");
    assert_eq!(to(&h.fatima).len(), 1, "not her own");
    // Ans wrote the circle concern herself and may not see the professionals' one.
    assert!(to(&h.ans).is_empty(), "nothing for Ans: her own concern is no news and the other is not for her");
    for m in &got {
        let text = decoded(m);
        let subject = text.lines().find(|l| l.starts_with("Subject:")).unwrap_or("");
        assert!(
            !subject.contains("Henk") && !subject.contains("weg kwijt"),
            "nothing sensitive in the subject: {subject}"
        );
        assert!(text.contains("List-Unsubscribe: <http://samenspel.test/notifications/"));
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }
    // Someone who turned immediate mail off gets none.
    settings(&app, &h.thijs, &h.circle, false, "off", None).await;
    let before = sink.messages().len();
    write(&app, &h.ans, &h.circle, "question", "circle", "Wie kan zaterdag?").await;
    app.run_jobs().await;
    let new: Vec<_> = sink.messages()[before..].iter().filter(|m| m.to.contains(&h.thijs.email)).cloned().collect();
    assert!(new.is_empty());
}

pub async fn quiet_hours_hold_mail_back(db: TestDb) {
    let (app, sink) = TestApp::with_smtp_sink(db).await;
    let h = henk(&app).await;
    // Quiet from an hour ago until an hour from now, in Dutch time.
    let local = samenspel::i18n::local(&Timestamp::now());
    let hhmm = |z: jiff::Zoned| format!("{:02}:{:02}", z.hour(), z.minute());
    let from = hhmm(local.checked_sub(jiff::Span::new().hours(1)).expect("time"));
    let until = hhmm(local.checked_add(jiff::Span::new().hours(1)).expect("time"));
    settings(&app, &h.thijs, &h.circle, true, "off", Some((&from, &until))).await;
    write(&app, &h.ans, &h.circle, "question", "circle", "Wie kan er morgen rijden?").await;
    app.run_jobs().await;
    assert!(!sink.messages().iter().any(|m| m.to.contains(&h.thijs.email)), "held back during quiet hours");
    let later = Timestamp::now().checked_add(SignedDuration::from_mins(121)).expect("time");
    samenspel::jobs::run_due_at(&app.state, "w", later).await.expect("jobs");
    assert!(sink.messages().iter().any(|m| m.to.contains(&h.thijs.email)), "sent when the quiet hours end");
}

pub async fn summaries_hold_only_what_the_reader_may_see(db: TestDb) {
    let (app, sink) = TestApp::with_smtp_sink(db).await;
    let h = henk(&app).await;
    for who in [&h.thijs, &h.fatima, &h.ans] {
        settings(&app, who, &h.circle, false, "daily", None).await;
    }
    write(&app, &h.ans, &h.circle, "moment", "circle", "Henk zong mee met de radio").await;
    write(&app, &h.fatima, &h.circle, "update", "professionals", "Bloeddruk 135/85").await;
    write(&app, &h.ans, &h.circle, "update", "informal", "Familieoverleg zondag").await;
    // The day's summaries are made at 18:00; run the worker a day later.
    let tomorrow = Timestamp::now().checked_add(SignedDuration::from_hours(25)).expect("time");
    assert!(samenspel::jobs::send_digests(&app.state, tomorrow).await.expect("digests") >= 3);
    samenspel::jobs::run_due_at(&app.state, "w", tomorrow).await.expect("jobs");
    let got = sink.messages();
    let digest_for = |who: &TUser| {
        got.iter()
            .filter(|m| m.to.contains(&who.email))
            .map(decoded)
            .find(|t| t.contains("samenvatting"))
            .unwrap_or_else(|| panic!("a summary for {}", who.name))
    };
    let thijs = digest_for(&h.thijs);
    assert!(thijs.contains("Henk zong mee") && thijs.contains("Familieoverleg"));
    assert!(!thijs.contains("Bloeddruk"), "the volunteer's summary leaves out the professionals' entry");
    let fatima = digest_for(&h.fatima);
    assert!(!fatima.contains("Bloeddruk"), "her own entry is not news to her");
    assert!(
        fatima.contains("Henk zong mee") && !fatima.contains("Familieoverleg"),
        "the nurse's leaves out the family's entry"
    );
    // Ans wrote two of them herself and may not see the third: nothing new, so no mail at all.
    assert!(!got.iter().any(|m| m.to.contains(&h.ans.email)), "no empty summary for Ans");
    let subject = thijs.lines().find(|l| l.starts_with("Subject:")).unwrap_or("");
    assert!(!subject.contains("Henk"), "{subject}");
    // A second run the same day makes no second summary.
    let count = sink.messages().len();
    samenspel::jobs::send_digests(&app.state, tomorrow).await.expect("digests");
    samenspel::jobs::run_due_at(&app.state, "w", tomorrow).await.expect("jobs");
    assert_eq!(sink.messages().len(), count);
    // The summary is in the audit trail as a read by its recipient.
    let trail = app.db.store.internal().audit_run(0, 10_000).await.expect("trail");
    assert!(
        trail.iter().any(|r| r.event.action == "logbook.digest" && r.event.actor_user_id.as_ref() == Some(&h.thijs.id))
    );
    // The link in the mail changes the settings without signing in; the one-click link stops them.
    let links: Vec<&str> = thijs
        .split("http://samenspel.test/notifications/")
        .skip(1)
        .filter_map(|s| s.split(|c: char| c.is_whitespace() || c == '"' || c == '>').next())
        .collect();
    let link = *links.iter().find(|l| !l.ends_with("/off")).expect("settings link");
    assert!(links.contains(&format!("{link}/off").as_str()), "the header's one-click address: {links:?}");
    let path = format!("/notifications/{link}");
    let mut browser = app.client();
    let page = browser.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Meldingen per e-mail") && page.text().contains("Henk de Vries"));
    // Opening the one-click address in a browser changes nothing: it shows the page with a button.
    let opened = browser.get(&format!("{path}/off")).await;
    assert_eq!(opened.status, 200);
    assert!(opened.text().contains("Geen e-mails meer over deze kring"));
    let member = app.member_id(&h.circle, &h.thijs).await;
    let key = app.state.config.secret_key.expose();
    let opened = app.db.store.open_member_link(key, &member, &MemberLink::token(key, &member)).await.expect("link");
    assert_eq!(app.db.store.notification_settings_by_link(&opened).await.expect("settings").digest.as_str(), "daily");
    let wrong = format!("/notifications/{}/not-the-token", link.split('/').next().expect("member"));
    assert_eq!(app.client().get(&wrong).await.status, 404);
    let one_click = app.client().post_raw(&format!("{path}/off"), "List-Unsubscribe=One-Click".into()).await;
    assert_eq!(one_click.status, 200);
    assert!(one_click.text().contains("Je krijgt geen nieuws meer over deze kring per e-mail"));
    let now_off = app.db.store.notification_settings_by_link(&opened).await.expect("settings");
    assert_eq!((now_off.immediate, now_off.digest.as_str()), (false, "off"));
}

pub async fn photos_and_text_from_a_removed_member_stay_private(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let id = write(&app, &h.ans, &h.circle, "moment", "circle", "Zondag samen gegeten").await;
    let mut thijs = app.signed_in(&h.thijs).await;
    assert_eq!(thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await.status, 200);
    let member = app.member_id(&h.circle, &h.thijs).await;
    let mut ans = app.signed_in(&h.ans).await;
    ans.get(&format!("/circles/{}/members/{member}", h.circle)).await;
    ans.post(&format!("/circles/{}/members/{member}/remove", h.circle), &[]).await;
    assert_eq!(
        thijs.get(&format!("/circles/{}/logbook/{id}", h.circle)).await.status,
        404,
        "removal ends logbook access at once"
    );
    assert_eq!(thijs.get(&format!("/circles/{}/logbook", h.circle)).await.status, 404);
}
