//! `samenspel admin generate` (issue 16): an organisation at scale that the
//! real binary serves like any other — here a small one, on both engines.

use crate::support::TestDb;
use crate::support::binary::{Install, last_line};

/// The value after `label` on the line of `out` that holds it.
fn after<'a>(out: &'a str, label: &str) -> &'a str {
    let line = out.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("{label:?} in {out}"));
    line.rsplit(' ').next().unwrap_or_default()
}

pub async fn generate_makes_an_organisation_people_can_use(db: TestDb) {
    let install = Install::new(&db).await;
    let (code, out, err) = install.run(&["migrate"], &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    // Bad input is refused with a clear message and changes nothing.
    let (code, _, err) = install.run(&["admin", "generate", "--members", "2"], &[]).await;
    assert_ne!(code, 0);
    assert!(err.contains("--members must be from 5 to 200"), "{err}");

    let args = ["admin", "generate", "--circles", "3", "--members", "6", "--entries", "600", "--years", "1"];
    let (code, out, err) = install.run(&args, &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("with 3 circles, 18 people and 600 entries"), "{out}");
    assert!(err.contains("entries") && err.contains("600 / 600"), "a progress line per step: {err}");
    let relative = after(&out, "sign in with:").to_owned();
    let circle = out
        .lines()
        .find_map(|l| l.strip_prefix("a relative who manages circle "))
        .and_then(|l| l.split(':').next())
        .expect("the first circle")
        .to_owned();

    let (code, out, err) = install.run(&["admin", "token", "--email", &relative], &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    let auth = format!("Bearer {}", last_line(&out));
    let server = install.serve().await;
    let get = |path: String| {
        let (server, auth) = (&server, &auth);
        async move { server.request("GET", &path, &[("Authorization", auth)], "").await }
    };
    let (status, circles) = get("/api/v1/circles".into()).await;
    assert_eq!(status, 200, "{circles}");
    assert!(circles.contains(&circle) && circles.contains("Cliënt 1"), "{circles}");
    // Before she opens the logbook, the last week is new for her.
    let overview: serde_json::Value =
        serde_json::from_str(&get(format!("/api/v1/circles/{circle}/overview")).await.1).expect("overview");
    assert!(overview["unread"].as_i64().is_some_and(|n| n > 0), "the last week is new for her: {overview}");
    let entries: serde_json::Value =
        serde_json::from_str(&get(format!("/api/v1/circles/{circle}/entries")).await.1).expect("entries");
    let listed = entries["entries"].as_array().expect("a page");
    assert_eq!(listed.len(), 20, "{entries}");
    // The relative is not a professional: no professionals-only entry reaches her.
    assert!(listed.iter().all(|e| e["audience"] != "professionals"), "{entries}");
    let (status, found) = get(format!("/api/v1/circles/{circle}/entries?q=wandeling")).await;
    assert_eq!(status, 200, "{found}");
    assert!(found.contains("wandeling naar het park"), "search finds generated entries: {found}");
    let (status, agenda) = get(format!("/api/v1/circles/{circle}/agenda")).await;
    assert_eq!(status, 200, "{agenda}");
    assert!(agenda.contains("Avonddienst") && agenda.contains("Huisarts"), "{agenda}");
    let (status, help) = get(format!("/api/v1/circles/{circle}/help-requests")).await;
    assert_eq!(status, 200, "{help}");
    assert!(help.contains("Boodschappen") || help.contains("Rit naar het ziekenhuis"), "{help}");
    // Another organisation's generated circle is not hers.
    let (code, out, err) = install.run(&args, &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    let other = out
        .lines()
        .find_map(|l| l.strip_prefix("a relative who manages circle "))
        .and_then(|l| l.split(':').next())
        .expect("the second run's circle")
        .to_owned();
    assert_ne!(other, circle, "two runs never share ids");
    assert_eq!(get(format!("/api/v1/circles/{other}/entries")).await.0, 404);
    assert_eq!(server.terminate().await, Some(0));
    install.drop_database().await;
}
