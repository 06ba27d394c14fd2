//! The samenspelmonitor of a large organisation (issue 14: "the monitor page
//! for an organisation of 2,000 circles answering in under 100 ms"): two
//! locations, 2,000 circles with 30 members each (60,000 accounts), a month
//! of logbook entries, agreements, help requests, changes, signals and
//! network maps, and twelve kept months — written around the store in bulk
//! (recursive SQL, the same on both engines), then the organisation's
//! monitor page read by its coordinator: this month counted live for the
//! organisation and each location, the kept months, the comparison.

use super::{Env, Kind, Measurement, Options, measure, request, send};
use axum::body::Body;
use axum::http::{Method, StatusCode};
use samenspel_core::Timestamp;
use samenspel_core::audit::Source;
use samenspel_core::locale::Locale;
use samenspel_core::role::OrgRole;
use sqlx::Connection;

pub const NAMES: [&str; 3] = ["monitor_page", "monitor_api", "monitor_count"];

pub const CIRCLES: i64 = 2_000;
const MEMBERS_PER_CIRCLE: i64 = 30;
const ENTRIES_PER_CIRCLE: i64 = 25;

/// The organisation, its coordinator's session and API token.
pub struct Fixture {
    org: String,
    org_id: samenspel_core::ids::OrganisationId,
    session: String,
    token: String,
}

/// `count` rows numbered from 1 as `i`: the recursive counter both engines know.
fn numbers(count: i64) -> String {
    format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) ")
}

async fn run_sql(env: &Env, statements: &[String]) -> Result<(), String> {
    if let Some(schema) = &env.schema {
        let mut c = sqlx::PgConnection::connect(&env.url).await.map_err(|e| e.to_string())?;
        sqlx::raw_sql(&format!("SET search_path TO {schema}")).execute(&mut c).await.map_err(|e| e.to_string())?;
        for s in statements {
            sqlx::raw_sql(s).execute(&mut c).await.map_err(|e| format!("{e}: {s}"))?;
        }
    } else {
        let mut c = sqlx::SqliteConnection::connect(&env.url).await.map_err(|e| e.to_string())?;
        for s in statements {
            sqlx::raw_sql(s).execute(&mut c).await.map_err(|e| format!("{e}: {s}"))?;
        }
    }
    Ok(())
}

pub async fn seed(env: &Env) -> Result<Fixture, String> {
    let now = Timestamp::now();
    let internal = env.store.internal();
    let org = internal.create_organisation("Zorggroep Groot", now).await.map_err(|e| e.to_string())?;
    let a = internal.create_location(&org, "Locatie Noord", now).await.map_err(|e| e.to_string())?;
    let b = internal.create_location(&org, "Locatie Zuid", now).await.map_err(|e| e.to_string())?;
    let coach = internal
        .create_user("coordinator@bench.example", "Coördinator", None, Locale::Nl, true, now)
        .await
        .map_err(|e| e.to_string())?;
    internal.add_staff(&org, &coach, OrgRole::Coordinator, now).await.map_err(|e| e.to_string())?;

    let period = samenspel_core::monitor::Period::month_so_far(now, &samenspel::service::agenda::tz())
        .map_err(|e| e.to_string())?;
    let (start, end) = (period.from.as_millisecond(), now.as_millisecond());
    let span = (end - start).max(1);
    let old = start - 300 * 86_400_000;
    let members = CIRCLES * MEMBERS_PER_CIRCLE;
    let entries = CIRCLES * ENTRIES_PER_CIRCLE;
    // Member m is in circle (m - 1) / 30 + 1; its role by m % 30.
    let role = "CASE WHEN i % 30 = 1 THEN 'client' WHEN i % 30 = 2 THEN 'representative' \
                WHEN i % 30 < 14 THEN 'relative' WHEN i % 30 < 24 THEN 'volunteer' \
                WHEN i % 30 < 29 THEN 'professional' ELSE 'coordinator' END";
    let circle_of = |member: &str| format!("'bc-' || (({member} - 1) / {MEMBERS_PER_CIRCLE} + 1)");
    let member_in = |circle: &str, k: &str| format!("'bm-' || (({circle} - 1) * {MEMBERS_PER_CIRCLE} + {k} + 1)");
    let statements = vec![
        format!(
            "{}INSERT INTO users (id, email, display_name, locale, created_at) \
             SELECT 'bu-' || i, 'bu' || i || '@bench.example', 'Lid ' || i, 'nl', {old} FROM n",
            numbers(members)
        ),
        format!(
            "{}INSERT INTO circles (id, organisation_id, location_id, client_name, description, created_by, created_at) \
             SELECT 'bc-' || i, '{org}', CASE WHEN i % 2 = 0 THEN '{a}' ELSE '{b}' END, 'Cliënt ' || i, '', '{coach}', {old} FROM n",
            numbers(CIRCLES)
        ),
        format!(
            "{}INSERT INTO memberships (id, circle_id, user_id, role, joined_at) \
             SELECT 'bm-' || i, {}, 'bu-' || i, {role}, {old} FROM n",
            numbers(members),
            circle_of("i")
        ),
        format!(
            "{}INSERT INTO entries (id, circle_id, author_member_id, kind, audience, body, created_at) \
             SELECT 'be-' || i, 'bc-' || ((i - 1) / {ENTRIES_PER_CIRCLE} + 1), {}, \
             CASE WHEN i % 10 = 0 THEN 'thanks' ELSE 'update' END, 'circle', 'Bericht', {start} + (i * 7919) % {span} FROM n",
            numbers(entries),
            member_in(&format!("((i - 1) / {ENTRIES_PER_CIRCLE} + 1)"), "(i % 20)")
        ),
        format!(
            "{}INSERT INTO agreements (id, circle_id, domain, step, description, doer_name, backup_name, frequency, \
             review_on, owner_member_id, owner_role, created_at, updated_at, updated_by) \
             SELECT 'ba-' || i, 'bc-' || ((i - 1) / 6 + 1), 'household', (i % 5) + 1, 'Afspraak', 'familie', '', 'wekelijks', \
             CASE WHEN i % 6 = 0 THEN '2000-01-01' ELSE '2099-01-01' END, {}, 'coordinator', {old}, {old}, {} FROM n",
            numbers(CIRCLES * 6),
            member_in("((i - 1) / 6 + 1)", "29"),
            member_in("((i - 1) / 6 + 1)", "29")
        ),
        format!(
            "{}INSERT INTO help_requests (id, circle_id, template, title, details, window_from, window_until, asked_by, \
             asked_for, audience, status, created_at) \
             SELECT 'bh-' || i, 'bc-' || ((i - 1) / 2 + 1), 'ride', 'Rit', '', '2026-01-01T10:00', '2026-01-01T12:00', {m}, {m}, \
             'circle', 'open', {start} + (i * 104729) % {span} FROM n",
            numbers(CIRCLES * 2),
            m = member_in("((i - 1) / 2 + 1)", "3")
        ),
        format!(
            "{}INSERT INTO help_responses (request_id, member_id, message, created_at) \
             SELECT 'bh-' || i, {}, 'Ik kan', {end} FROM n WHERE i % 4 <> 0",
            numbers(CIRCLES * 2),
            member_in("((i - 1) / 2 + 1)", "15")
        ),
        format!(
            "{}INSERT INTO change_events (id, circle_id, kind, description, occurred_on, review_by, recorded_by, recorded_at, closed_at) \
             SELECT 'bx-' || i, 'bc-' || i, 'more_care', '', '2026-01-01', '2026-01-15', {m}, {start}, \
             CASE WHEN i % 3 = 0 THEN NULL ELSE {start} + 86400000 * (i % 9) END FROM n",
            numbers(CIRCLES),
            m = member_in("i", "25")
        ),
        format!(
            "{}INSERT INTO care_signals (id, circle_id, member_id, audience, message, shared_at) \
             SELECT 'bs-' || i, 'bc-' || (i * 4), {}, 'coordinator', 'Zwaar', {start} FROM n",
            numbers(CIRCLES / 4),
            member_in("(i * 4)", "3")
        ),
        format!(
            "{}INSERT INTO network_contacts (id, circle_id, name, category, support, tie, closeness, note, reach, \
             created_at, created_by, updated_at, updated_by) \
             SELECT 'bn-' || i, 'bc-' || i, 'Buurvrouw', 'B', 'PG', 'supporting', 2, '', '', {old}, {m}, {old}, {m} \
             FROM n WHERE i % 4 <> 0",
            numbers(CIRCLES),
            m = member_in("i", "2")
        ),
    ];
    run_sql(env, &statements).await?;
    samenspel::jobs::keep_monitor_months(&env.state, now, 12).await.map_err(|e| e.to_string())?;

    let proof = internal.verified(&coach);
    let session = samenspel::service::accounts::start_session(&env.state, &proof, &Source::default(), now)
        .await
        .map_err(|e| format!("session: {e}"))?;
    let token = super::new_token(&env.store, &coach, now).await?;
    Ok(Fixture { org: org.to_string(), org_id: org, session, token })
}

pub async fn bench(env: &Env, opts: &Options, ticks: f64, f: &Fixture, emit: &mut impl FnMut(Measurement)) {
    let reads: [(&'static str, String, String, (&'static str, String)); 2] = [
        (
            "monitor_page",
            format!("GET the organisation's monitor page ({CIRCLES} circles, 2 locations, 12 kept months)"),
            format!("/organisations/{}/monitor", f.org),
            ("cookie", format!("samenspel_session={}", f.session)),
        ),
        (
            "monitor_api",
            format!("GET /api/v1/organisations/{{id}}/monitor ({CIRCLES} circles)"),
            format!("/api/v1/organisations/{}/monitor", f.org),
            ("authorization", format!("Bearer {}", f.token)),
        ),
    ];
    for (name, what, path, (header, value)) in reads {
        if !opts.wants(name) {
            continue;
        }
        let router = env.router.clone();
        let op = move |_client: usize, _n: u64| {
            let req = request(Method::GET, &path).header(header, &value);
            send(router.clone(), req.body(Body::empty()).expect("request"), StatusCode::OK)
        };
        emit(measure(opts, ticks, env.engine, name, what, 1, Kind::Sequential, "req", 1, op).await);
    }
    // What a page waits for when the last count is too old (or once every
    // few minutes in the worker): this month counted for the organisation
    // and, in the same pass, each location.
    if opts.wants("monitor_count") {
        let state = env.state.clone();
        let org = f.org_id.clone();
        let op = move |_client: usize, _n: u64| {
            let (state, org) = (state.clone(), org.clone());
            async move {
                let now = Timestamp::now();
                let period = samenspel_core::monitor::Period::month_so_far(now, &samenspel::service::agenda::tz())
                    .map_err(|e| e.to_string())?;
                let f = state.store.internal().organisation_figures(&org, &period).await.map_err(|e| e.to_string())?;
                if f.circles != CIRCLES {
                    return Err(format!("counted {} circles", f.circles));
                }
                Ok(0)
            }
        };
        let what = format!("count this month for an organisation of {CIRCLES} circles (no page, no cache)");
        emit(measure(opts, ticks, env.engine, "monitor_count", what, 1, Kind::Sequential, "count", 1, op).await);
    }
}
