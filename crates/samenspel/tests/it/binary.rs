//! Black-box tests of the real binary: serving and stopping, surviving a
//! crash, the operator commands, configuration errors, backup and restore,
//! and verifying the audit chain.

use crate::support::binary::{Install, last_line};
use crate::support::{Engine, TestDb};

pub async fn serve_and_shut_down_gracefully(db: TestDb) {
    let install = Install::new(&db).await;
    let server = install.serve().await;
    assert_eq!(server.request("GET", "/healthz", &[], "").await, (200, "ok\n".into()));
    assert_eq!(server.request("GET", "/readyz", &[], "").await.0, 200);
    let (status, body) = server.request("GET", "/sign-in", &[("Accept-Language", "en")], "").await;
    assert_eq!(status, 200);
    assert!(body.contains("Sign in with a link"));
    assert_eq!(server.terminate().await, Some(0), "SIGTERM ends the server cleanly");
    install.drop_database().await;
}

pub async fn acknowledged_writes_survive_a_crash(db: TestDb) {
    let install = Install::new(&db).await;
    let auth = install.org_admin_token("Zorggroep Crash").await;
    let server = install.serve().await;
    let mut created = Vec::new();
    for i in 0..20 {
        let body = format!("{{\"client_name\": \"Cliënt {i}\", \"my_role\": \"coordinator\"}}");
        let (status, resp) = server
            .request(
                "POST",
                "/api/v1/circles",
                &[("Authorization", &auth), ("Content-Type", "application/json")],
                &body,
            )
            .await;
        assert_eq!(status, 201, "{resp}");
        created.push(format!("Cliënt {i}"));
    }
    // No graceful shutdown: the process is killed the moment the last answer arrived.
    server.kill_hard().await;
    let server = install.serve().await;
    let (status, list) = server.request("GET", "/api/v1/circles", &[("Authorization", &auth)], "").await;
    assert_eq!(status, 200);
    for name in &created {
        assert!(list.contains(name.as_str()), "{name} survived the crash");
    }
    server.terminate().await;
    let (code, out, _) = install.run(&["audit", "verify"], &[]).await;
    assert_eq!(code, 0, "the audit chain is intact after a crash: {out}");
    install.drop_database().await;
}

pub async fn admin_commands(db: TestDb) {
    let install = Install::new(&db).await;
    let (code, out, _) = install.run(&["migrate"], &[]).await;
    assert_eq!(code, 0);
    assert!(out.contains(&format!("schema version {}", samenspel_store::Store::schema_version())));
    let (_, out, _) = install.run(&["admin", "create-org", "--name", "Zorggroep Test"], &[]).await;
    let org = last_line(&out).to_owned();
    let (code, out, err) =
        install.run(&["admin", "create-location", "--org", &org, "--name", "Wijkteam Zuid"], &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = install.run(&["admin", "create-location", "--org", "not-an-id", "--name", "X"], &[]).await;
    assert_eq!(code, 1);
    assert!(err.contains("--org"), "{err}");
    let (code, _, _) = install
        .run(&["admin", "add-coordinator", "--org", &org, "--email", "co@test.example", "--name", "Coördinator"], &[])
        .await;
    assert_eq!(code, 0);
    let (code, out, _) = install.run(&["admin", "list-users", "--json"], &[]).await;
    assert_eq!(code, 0);
    let users: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(users[0]["email"], "co@test.example");
    let (code, out, _) = install.run(&["admin", "list-orgs"], &[]).await;
    assert_eq!(code, 0);
    assert!(out.contains("Zorggroep Test"));
    // What the organisation decided: shown, changed, refused when out of range.
    let (code, out, _) = install.run(&["admin", "org-settings", "--org", &org], &[]).await;
    assert_eq!(code, 0);
    assert!(out.contains("second factor for everyone: no") && out.contains("archived circles are kept"), "{out}");
    let settings =
        ["admin", "org-settings", "--org", &org, "--require-second-factor", "true", "--retention-days", "365"];
    let (code, out, err) = install.run(&settings, &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("second factor for everyone: yes") && out.contains("deleted 365 days after"), "{out}");
    let (_, out, _) = install.run(&["admin", "list-orgs"], &[]).await;
    assert!(out.contains("second factor for everyone, archived circles kept 365 days"), "{out}");
    let (code, _, err) = install.run(&["admin", "org-settings", "--org", &org, "--retention-days", "0"], &[]).await;
    assert_eq!(code, 1);
    assert!(err.contains("--retention-days"), "{err}");
    let (code, out, _) = install.run(&["admin", "org-settings", "--org", &org, "--keep-archived"], &[]).await;
    assert_eq!(code, 0);
    assert!(out.contains("second factor for everyone: yes") && out.contains("archived circles are kept"), "{out}");
    let (code, out, _) = install
        .run(
            &["admin", "sign-in-link", "--email", "co@test.example"],
            &[("SAMENSPEL_PUBLIC_URL", "https://zorg.example.org")],
        )
        .await;
    assert_eq!(code, 0);
    assert!(last_line(&out).starts_with("https://zorg.example.org/sign-in/link/"), "{out}");
    // Without a configured address: the one the server runs at, port and all.
    let server = install.serve().await;
    let (code, out, _) = install.run(&["admin", "sign-in-link", "--email", "co@test.example"], &[]).await;
    assert_eq!(code, 0);
    let link = last_line(&out).to_owned();
    assert!(link.starts_with(&format!("http://{}/sign-in/link/", server.addr)), "{out} vs {}", server.addr);
    let (status, _) = server.request("GET", link.split_once(&server.addr).expect("on the server").1, &[], "").await;
    assert_eq!(status, 200, "the printed link opens on the running server");
    drop(server);
    let (code, _, err) = install.run(&["admin", "sign-in-link", "--email", "nobody@test.example"], &[]).await;
    assert_eq!(code, 1);
    assert!(err.contains("no account"));
    let (code, out, _) = install.run(&["admin", "token", "--email", "co@test.example", "--name", "script"], &[]).await;
    assert_eq!(code, 0);
    assert!(last_line(&out).starts_with("ssp_"));
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["admin", "--help"],
        vec!["admin", "token", "--help"],
        vec!["backup", "--help"],
        vec!["audit", "verify", "--help"],
    ] {
        let out = tokio::process::Command::new(crate::support::binary::BIN).args(&args).output().await.expect("help");
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"), "{args:?}");
    }
    install.drop_database().await;
}

pub async fn wrong_settings_stop_start_up(db: TestDb) {
    let install = Install::new(&db).await;
    let (code, _, err) =
        install.run(&["migrate"], &[("SAMENSPEL_SMTP_SECURITY", "ssl"), ("SAMENSPEL_SMTP_HOST", "mail")]).await;
    assert_eq!(code, 2);
    assert!(err.contains("smtp_security") && err.contains("\"starttls\""), "{err}");
    let (code, _, err) = install.run(&["migrate"], &[("SAMENSPEL_LOG_FORMAT", "xml")]).await;
    assert_eq!(code, 2);
    assert!(err.contains("log_format"), "{err}");
    let file = install.path("bad.toml");
    std::fs::write(&file, "session_idle_days = \"lang\"\n").expect("write");
    let (code, _, err) = install.run(&["--config", file.to_str().expect("path"), "migrate"], &[]).await;
    assert_eq!(code, 2);
    assert!(err.contains("session_idle_days") && err.contains("bad.toml"), "{err}");
    let out = tokio::process::Command::new(crate::support::binary::BIN)
        .args(["migrate", "--database-url", "mysql://x"])
        .current_dir(&install.data_dir)
        .output()
        .await
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("database_url"));
    // A questionnaire file with a mistake stops the server, naming the file.
    let instruments = install.data_dir.join("instruments");
    std::fs::create_dir_all(&instruments).expect("dir");
    std::fs::write(instruments.join("ediz.toml"), "id = \"ediz\"\nitem_count = 8\n").expect("write");
    let (code, _, err) = install.run(&["serve", "--bind", "127.0.0.1:0"], &[]).await;
    assert_ne!(code, 0);
    assert!(err.contains("ediz.toml"), "{err}");
    std::fs::remove_dir_all(&instruments).expect("clean up");
    install.drop_database().await;
}

pub async fn backup_and_restore(db: TestDb) {
    let install = Install::new(&db).await;
    if db.engine == Engine::Postgres {
        // PostgreSQL is backed up with pg_dump; the command says so.
        let (code, _, err) = install.run(&["backup", "--to", install.path("x.tar").to_str().expect("path")], &[]).await;
        assert_eq!(code, 1);
        assert!(err.contains("pg_dump"), "{err}");
        install.drop_database().await;
        return;
    }
    install.run(&["admin", "create-org", "--name", "Zorggroep Backup"], &[]).await;
    // The demo's logbook has a photo: uploaded files live in the database.
    let server = install.demo().await;
    // Taken while the server runs.
    let archive = install.path("backup.tar");
    let (code, out, err) = install.run(&["backup", "--to", archive.to_str().expect("path")], &[]).await;
    assert_eq!(code, 0, "{out}{err}");
    server.terminate().await;
    // Restore into a fresh data directory.
    let target = install.path("restored");
    std::fs::create_dir_all(&target).expect("dir");
    let url = format!("sqlite://{}", target.join("samenspel.db").display());
    let run = |args: Vec<String>| {
        let target = target.clone();
        async move {
            let out = tokio::process::Command::new(crate::support::binary::BIN)
                .args(&args)
                .current_dir(&target)
                .output()
                .await
                .expect("run");
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        }
    };
    let dir = target.display().to_string();
    let base = |cmd: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
        v.extend(["--data-dir".into(), dir.clone(), "--database-url".into(), url.clone()]);
        v
    };
    // A file that is not a backup: a clear message, no raw bytes, nothing left behind.
    let random = install.path("random.bin");
    std::fs::write(&random, (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<u8>>())
        .expect("write");
    let (code, _, err) = run(base(&["restore", "--from", random.to_str().expect("path")])).await;
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is not a Samenspel backup"), "{err}");
    assert!(err.chars().all(|c| c == '\n' || !c.is_control()) && !err.contains('\u{FFFD}'), "raw bytes: {err:?}");
    let leftovers = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".samenspel-"))
            .count()
    };
    assert_eq!(leftovers(&target), 0, "a failed restore cleans up after itself");
    assert!(!target.join("samenspel.db").exists(), "and restores nothing");
    let (code, out, err) = run(base(&["restore", "--from", archive.to_str().expect("path")])).await;
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(leftovers(&target), 0);
    // The secret key came along, so links in e-mails sent before the backup still work.
    let key = std::fs::read_to_string(install.path("secret.key")).expect("the original key");
    assert_eq!(std::fs::read_to_string(target.join("secret.key")).expect("the restored key"), key.trim());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target.join("secret.key")).expect("key").permissions().mode();
        assert_eq!(mode & 0o077, 0, "only its owner reads the key");
    }
    let member: (String,) = {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&url).await.expect("restored database");
        let row = sqlx::query_as("SELECT id FROM memberships LIMIT 1").fetch_one(&mut c).await.expect("a member");
        c.close().await.ok();
        row
    };
    let token = samenspel::crypto::sign(key.trim(), "notifications", &member.0);
    let restored = Install::at(target.clone(), url.clone());
    let server = restored.serve().await;
    let (status, _) = server.request("GET", &format!("/notifications/{}/{token}", member.0), &[], "").await;
    assert_eq!(status, 200, "a settings link from an e-mail sent before the backup");
    server.terminate().await;
    let photos: Vec<(Vec<u8>,)> = {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&url).await.expect("restored database");
        let rows = sqlx::query_as("SELECT data FROM attachment_data").fetch_all(&mut c).await.expect("query");
        c.close().await.ok();
        rows
    };
    assert!(!photos.is_empty(), "the demo photo is in the backup");
    assert!(photos.iter().all(|(bytes,)| bytes.starts_with(&[0xFF, 0xD8, 0xFF])), "restored photos are JPEGs");
    let (_, out, _) = run(base(&["admin", "list-orgs"])).await;
    assert!(out.contains("Zorggroep Backup"));
    let (code, _, err) = run(base(&["restore", "--from", archive.to_str().expect("path")])).await;
    assert_eq!(code, 1, "an existing database is not overwritten without --force");
    assert!(err.contains("--force"));
    let (code, _, _) = run(base(&["restore", "--from", archive.to_str().expect("path"), "--force"])).await;
    assert_eq!(code, 0);
}

pub async fn audit_verify_command(db: TestDb) {
    let install = Install::new(&db).await;
    let auth = install.org_admin_token("Org").await;
    let server = install.serve().await;
    let (status, body) = server.start_henks_circle(&auth).await;
    assert_eq!(status, 201, "{body}");
    server.terminate().await;
    let (code, out, _) = install.run(&["audit", "verify"], &[]).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("audit trail intact") && !out.contains("intact: 0 records"), "{out}");
    assert!(last_line(&out).starts_with("newest hash: "));
    // Change one record behind the application's back: the command notices.
    use sqlx::Connection;
    match db.engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            sqlx::raw_sql(
                "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'niemand' WHERE seq = 1",
            )
            .execute(&mut c)
            .await
            .expect("tamper");
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::raw_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET actor_name = 'niemand' WHERE seq = 1").execute(&mut c).await.expect("tamper");
            c.close().await.ok();
        }
    }
    let (code, out, _) = install.run(&["audit", "verify"], &[]).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("BROKEN") && out.contains("Tampered"), "{out}");
    install.drop_database().await;
}
