//! The logbook at scale: one circle with years of history (100,000 entries
//! by default, `--entries N`), read and searched by a volunteer who does not
//! see the professionals' entries, so the audience filter is always at work.
//!
//! The history is written straight into the database in bulk (going through
//! the app would take an hour of fsyncs), in the shape the app leaves it:
//! entries of every kind and audience spread over five years, the chosen
//! audiences, search index rows on SQLite, and read receipts of every member
//! for all but the newest 50 entries — the steady state of a circle whose
//! members keep up, which is the expensive case for the unread count (it
//! must look past every entry that was read).

use super::{CLIENTS, EngineChoice, Env, Kind, Measurement, Options, measure, request, send};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use samenspel_core::Timestamp;
use std::sync::Arc;
use std::time::Instant;

/// The measurements here, so the history is only loaded when one is wanted.
pub const NAMES: [&str; 10] = [
    "log_api_first",
    "log_api_deep",
    "log_api_search_common",
    "log_api_search_rare",
    "log_api_overview",
    "log_api_overview_unseen",
    "log_page",
    "log_page_overview",
    "log_api_first_conc",
    "log_write",
];

/// Texts the history is made of; the measured searches look for one common
/// word ("wandeling", in 1 of 20 entries) and one rare word ("harmonica").
const TEXTS: [&str; 20] = [
    "Vandaag samen koffie gedronken en de krant gelezen.",
    "Henk had een goede nacht en was vrolijk bij het ontbijt.",
    "Boodschappen gedaan: brood, melk, kaas en fruit.",
    "Een lange wandeling gemaakt langs de vijver.",
    "De huisarts is langs geweest, alles ziet er goed uit.",
    "Samen foto's van vroeger bekeken; hij vertelde over de haven.",
    "Medicijnen opgehaald bij de apotheek.",
    "Hij was wat moe vandaag en heeft veel geslapen.",
    "De tuin gedaan: het gras gemaaid en de heg geknipt.",
    "Bij de buren op visite geweest, gezellig.",
    "Fysiotherapie ging goed, de oefeningen gaan steeds beter.",
    "Samen gekookt: stamppot met rookworst.",
    "De kapper is geweest, hij was er blij mee.",
    "Naar de markt geweest en bloemen gekocht.",
    "Hij wilde niet eten; later ging het beter.",
    "Spelletjes gedaan met de kleinkinderen.",
    "De thuiszorg kwam later dan gepland.",
    "Muziek geluisterd, hij zong mee met oude liedjes.",
    "Rustige dag, veel tv gekeken.",
    "Even naar buiten geweest in de rolstoel, het was mooi weer.",
];

const KINDS: [&str; 20] = [
    "update", "update", "update", "update", "update", "update", "update", "update", "update", "update", "update",
    "update", "moment", "moment", "moment", "moment", "concern", "question", "thanks", "update",
];

/// Entries written straight into the database per statement.
const ROWS_PER_INSERT: usize = 500;
/// The newest entries nobody has read yet.
const UNREAD: usize = 50;
/// Entries the history spans: five years.
const SPAN_MS: i64 = 5 * 365 * 24 * 3600 * 1000;

/// A database connection of its own, for the bulk load.
enum Conn {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Conn {
    async fn open(env: &Env, choice: &EngineChoice) -> Result<Conn, String> {
        use sqlx::ConnectOptions;
        match choice {
            EngineChoice::Sqlite => {
                let path = env.store.sqlite_path().ok_or("no SQLite path")?;
                let c = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(path)
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    .connect()
                    .await
                    .map_err(|e| format!("seed connection: {e}"))?;
                Ok(Conn::Sqlite(c))
            }
            EngineChoice::Postgres(url) => {
                use std::str::FromStr;
                let schema = env.schema.clone().unwrap_or_default();
                let c = sqlx::postgres::PgConnectOptions::from_str(url)
                    .map_err(|e| e.to_string())?
                    .options([("search_path", schema.as_str())])
                    .connect()
                    .await
                    .map_err(|e| format!("seed connection: {e}"))?;
                Ok(Conn::Postgres(c))
            }
        }
    }

    async fn run(&mut self, sql: &str) -> Result<(), String> {
        let r = match self {
            Conn::Sqlite(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
            Conn::Postgres(c) => sqlx::raw_sql(sql).execute(c).await.map(|_| ()),
        };
        r.map_err(|e| format!("seed: {e}"))
    }
}

/// What the measurements need to know about the loaded history.
pub struct History {
    /// A cursor 90% of the way back: the page a reader reaches by scrolling far.
    deep_cursor: String,
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Loads `n` entries into the bench circle; returns what the measurements need.
pub async fn seed(env: &Env, choice: &EngineChoice, n: usize) -> Result<History, String> {
    let started = Instant::now();
    let mut conn = Conn::open(env, choice).await?;
    let now = Timestamp::now().as_millisecond();
    let first = now - SPAN_MS;
    let step = (SPAN_MS / n.max(1) as i64).max(1);
    let circle = env.circle.as_str();
    let members: Vec<&str> = env.members.iter().map(|m| m.as_str()).collect();
    let mut ids = Vec::with_capacity(n);
    conn.run("BEGIN").await?;
    // Everyone joined before the history starts, so all of it counts.
    conn.run(&format!("UPDATE memberships SET joined_at = {} WHERE circle_id = {}", first - 1000, quote(circle)))
        .await?;
    let mut chosen_rows = Vec::new();
    for chunk in (0..n).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
        let mut values = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let id = uuid::Uuid::now_v7().to_string();
            let at = first + i as i64 * step;
            let author = members[i % members.len()];
            let kind = KINDS[i % KINDS.len()];
            let audience = match (i % 10, i % 50) {
                (_, 11) => "chosen",
                (3, _) => "professionals",
                (7, _) => "informal",
                _ => "circle",
            };
            if audience == "chosen" {
                chosen_rows.push(format!("({}, {})", quote(&id), quote(members[(i + 1) % members.len()])));
            }
            let mut body = format!("{} ({i})", TEXTS[i % TEXTS.len()]);
            if i % 1000 == 500 {
                body.push_str(" Hij speelde op zijn harmonica.");
            }
            // Concerns and questions of the past are closed; the last few stay open.
            let (status, closed_at, closed_by) = match kind {
                "concern" | "question" if i + 200 < n => ("closed", (at + 86_400_000).to_string(), quote(members[0])),
                "concern" | "question" => ("open", "NULL".into(), "NULL".into()),
                _ => ("none", "NULL".into(), "NULL".into()),
            };
            values.push(format!(
                "({}, {}, {}, {}, {}, {}, {at}, {}, {closed_at}, {closed_by})",
                quote(&id),
                quote(circle),
                quote(author),
                quote(kind),
                quote(audience),
                quote(&body),
                quote(status)
            ));
            ids.push((at, id));
        }
        conn.run(&format!(
            "INSERT INTO entries (id, circle_id, author_member_id, kind, audience, body, created_at, status, closed_at, closed_by) VALUES {}",
            values.join(", ")
        ))
        .await?;
    }
    for chunk in chosen_rows.chunks(ROWS_PER_INSERT) {
        conn.run(&format!("INSERT INTO entry_audience (entry_id, member_id) VALUES {}", chunk.join(", "))).await?;
    }
    if matches!(choice, EngineChoice::Sqlite) {
        conn.run("INSERT INTO entries_fts_rows (entry_id) SELECT id FROM entries ORDER BY created_at").await?;
        // As the store indexes: the circle as one word (its id without hyphens).
        conn.run(&format!(
            "INSERT INTO entries_fts (rowid, circle, body) \
             SELECT r.id, {}, e.body FROM entries_fts_rows r JOIN entries e ON e.id = r.entry_id",
            quote(&format!("c{}", circle.replace('-', "")))
        ))
        .await?;
    }
    // Everybody has read all but the newest entries, an hour after they were
    // written; the second volunteer has read nothing of the last 90 days
    // (`log_api_overview_unseen`). What they have not read is in
    // `entry_unseen`, as the store keeps it.
    let read_before = ids.get(n.saturating_sub(UNREAD)).map_or(i64::MAX, |(at, _)| *at);
    let window = jiff::Timestamp::now().as_millisecond() - 90 * 24 * 3600 * 1000;
    for (i, m) in members.iter().enumerate() {
        let before = if i == ALL_UNSEEN { read_before.min(window) } else { read_before };
        for (table, columns, cond) in [
            ("entry_reads", "id, {m}, created_at + 3600000", "created_at < {before}"),
            ("entry_unseen", "{m}, created_at, id", "created_at >= {before} AND author_member_id <> {m}"),
        ] {
            let select = columns.replace("{m}", &quote(m));
            let cond = cond.replace("{before}", &before.to_string()).replace("{m}", &quote(m));
            let into = if table == "entry_reads" {
                "(entry_id, member_id, read_at)"
            } else {
                "(member_id, created_at, entry_id)"
            };
            conn.run(&format!(
                "INSERT INTO {table} {into} SELECT {select} FROM entries WHERE circle_id = {} AND {cond}",
                quote(circle)
            ))
            .await?;
        }
    }
    conn.run("COMMIT").await?;
    match choice {
        // Fold the bulk load into the database file, as SQLite's automatic checkpoints would have.
        EngineChoice::Sqlite => conn.run("PRAGMA wal_checkpoint(TRUNCATE)").await?,
        // What autovacuum would have done by the time a circle is this old.
        EngineChoice::Postgres(_) => conn.run("ANALYZE").await?,
    }
    let deep = ids.get(n / 10).ok_or("no entries were loaded")?;
    eprintln!("  {}: loaded {n} entries in {:.1} s", env.engine, started.elapsed().as_secs_f64());
    Ok(History { deep_cursor: format!("{}.{}", deep.0, deep.1) })
}

/// The volunteer's client index: `read_tokens`/`sessions` are spread over the
/// members in order, and member 3 is a volunteer (see `setup`).
const VOLUNTEER: usize = 3;
/// Another volunteer, who has seen nothing of the last 90 days.
const ALL_UNSEEN: usize = 4;

/// Measures reading, searching, counting and writing in the loaded circle.
pub async fn bench(
    env: &Env,
    opts: &Options,
    ticks: f64,
    history: &History,
    emit: &mut impl FnMut(Measurement),
) -> Result<(), String> {
    let engine = env.engine;
    let n = opts.entries;
    let c = env.circle.to_string();
    let cursor = history.deep_cursor.clone();
    // (name, what, path, by API token?, client)
    let reads: [(&'static str, String, String, bool, usize); 8] = [
        (
            "log_api_first",
            format!("GET entries, newest 20 of {n}"),
            format!("/api/v1/circles/{c}/entries"),
            true,
            VOLUNTEER,
        ),
        (
            "log_api_deep",
            format!("GET entries?cursor=…, 20 entries 90% back in {n}"),
            format!("/api/v1/circles/{c}/entries?cursor={cursor}"),
            true,
            VOLUNTEER,
        ),
        (
            "log_api_search_common",
            format!("GET entries?q=wandeling (1 in 20 of {n})"),
            format!("/api/v1/circles/{c}/entries?q=wandeling"),
            true,
            VOLUNTEER,
        ),
        (
            "log_api_search_rare",
            format!("GET entries?q=harmonica (1 in 1000 of {n})"),
            format!("/api/v1/circles/{c}/entries?q=harmonica"),
            true,
            VOLUNTEER,
        ),
        (
            "log_api_overview",
            format!("GET overview: unread count, open items ({n})"),
            format!("/api/v1/circles/{c}/overview"),
            true,
            VOLUNTEER,
        ),
        (
            "log_api_overview_unseen",
            format!("GET overview ({n}), nothing of 90 days seen"),
            format!("/api/v1/circles/{c}/overview"),
            true,
            ALL_UNSEEN,
        ),
        (
            "log_page",
            format!("GET logbook page (HTML), newest 20 of {n}"),
            format!("/circles/{c}/logbook"),
            false,
            VOLUNTEER,
        ),
        (
            "log_page_overview",
            format!("GET circle front page (HTML) with {n}"),
            format!("/circles/{c}"),
            false,
            VOLUNTEER,
        ),
    ];
    for (name, what, path, by_token, client) in reads {
        if !opts.wants(name) {
            continue;
        }
        let credential = if by_token {
            ("authorization", format!("Bearer {}", env.read_tokens[client]))
        } else {
            ("cookie", format!("samenspel_session={}", env.sessions[client]))
        };
        let router = env.router.clone();
        let op = move |_client: usize, _n: u64| {
            let req =
                request(Method::GET, &path).header(credential.0, &credential.1).body(Body::empty()).expect("request");
            send(router.clone(), req, StatusCode::OK)
        };
        emit(
            measure(opts, ticks, engine, name, format!("{what}, as a volunteer"), 1, Kind::Sequential, "req", 1, op)
                .await,
        );
    }

    // The first page with every member reading at once.
    if opts.wants("log_api_first_conc") {
        let router = env.router.clone();
        let tokens = Arc::new(env.read_tokens.clone());
        let path = format!("/api/v1/circles/{c}/entries");
        let op = move |client: usize, _n: u64| {
            let req = request(Method::GET, &path)
                .header("authorization", format!("Bearer {}", tokens[client % tokens.len()]))
                .body(Body::empty())
                .expect("request");
            send(router.clone(), req, StatusCode::OK)
        };
        let what = format!("GET entries, newest 20 of {n}, all roles");
        emit(measure(opts, ticks, engine, "log_api_first_conc", what, CLIENTS, Kind::Concurrent, "req", 1, op).await);
    }

    // Writing: the entry, its search index, notifications queued, the audit record.
    if opts.wants("log_write") {
        let router = env.router.clone();
        let token = env.read_tokens[VOLUNTEER].clone();
        let path = format!("/api/v1/circles/{c}/entries");
        let op = move |_client: usize, i: u64| {
            let body = serde_json::json!({"kind": "update", "audience": "circle", "body": format!("{} (nieuw {i})", TEXTS[i as usize % TEXTS.len()])});
            let req = request(Method::POST, &path)
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .expect("request");
            send(router.clone(), req, StatusCode::CREATED)
        };
        let what = format!("POST entries (an update for the circle) into {n}");
        emit(measure(opts, ticks, engine, "log_write", what, 1, Kind::Sequential, "req", 1, op).await);
    }
    Ok(())
}
