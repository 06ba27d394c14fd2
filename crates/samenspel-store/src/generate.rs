//! An organisation at scale, for measuring (issue 16): `samenspel admin
//! generate`. Thousands of circles with their members, years of logbook
//! entries, an agenda with a rota and help requests, written in bulk with
//! `INSERT … SELECT` over a recursive counter (the same SQL on both engines),
//! batch by batch, each batch one transaction, so ten million entries take
//! minutes rather than hours and a progress report can follow.
//!
//! The ids are canonical UUIDs, so every page and API route takes them: the
//! first group is this run's number (two runs never collide), the second
//! says what the row is, the last holds its sequence number.

use crate::db::{Engine, Store, ms};
use crate::internal::Internal;
use samenspel_core::ids::{CircleId, OrganisationId};
use samenspel_core::locale::Locale;
use samenspel_core::recurrence::LATEST;
use samenspel_core::role::OrgRole;
use samenspel_core::{Result, Timestamp};

/// How big to make it.
#[derive(Clone, Debug)]
pub struct Scale {
    pub circles: i64,
    /// Members per circle, the client included (one account each).
    pub members: i64,
    /// Logbook entries over all circles.
    pub entries: i64,
    /// How far back the history goes.
    pub years: i64,
}

impl Default for Scale {
    /// The organisation of issue 16: 2,000 circles, 60,000 people, 10 million
    /// entries over five years.
    fn default() -> Self {
        Scale { circles: 2_000, members: 30, entries: 10_000_000, years: 5 }
    }
}

/// What was made, to sign in with.
#[derive(Clone, Debug)]
pub struct Generated {
    pub organisation: OrganisationId,
    /// The organisation's coordinator.
    pub coordinator_email: String,
    /// A relative who manages the first circle.
    pub relative_email: String,
    pub first_circle: CircleId,
}

/// Rows per statement and transaction.
const BATCH: i64 = 100_000;
/// Circles per location.
const CIRCLES_PER_LOCATION: i64 = 100;
/// What the members write about (`i % 8` picks one).
const TEXTS: [&str; 8] = [
    "Samen koffie gedronken en de krant gelezen.",
    "Vandaag een wandeling naar het park gemaakt, het was mooi weer.",
    "Huisarts is langs geweest, de bloeddruk is goed.",
    "Boodschappen gedaan en de koelkast aangevuld.",
    "Hij was wat onrustig vanmiddag, na het eten ging het beter.",
    "Muziek geluisterd, hij zong mee met de oude liedjes.",
    "De fysiotherapeut heeft nieuwe oefeningen gegeven.",
    "Met de kleinkinderen gebeld, dat vond hij fijn.",
];

/// Writes the SQL for one engine.
struct Sql {
    engine: Engine,
    run: u32,
}

impl Sql {
    /// A canonical UUID from a number: `run-kind-4000-8000-number`.
    fn id(&self, kind: u16, number: &str) -> String {
        let prefix = format!("'{:08x}-{kind:04x}-4000-8000-'", self.run);
        match self.engine {
            Engine::Sqlite => format!("{prefix} || substr('000000000000' || ({number}), -12)"),
            Engine::Postgres => format!("{prefix} || lpad(CAST(({number}) AS TEXT), 12, '0')"),
        }
    }

    /// The local date (`YYYY-MM-DD`) `days` days after the 15th of the month
    /// `months` months before `today`'s.
    fn months_back(&self, today: jiff::civil::Date, months: &str, days: i64) -> String {
        let days = 14 + days;
        match self.engine {
            Engine::Sqlite => {
                format!("date('{today}', 'start of month', '-' || ({months}) || ' months', '+{days} days')")
            }
            Engine::Postgres => format!(
                "to_char(date_trunc('month', DATE '{today}') - make_interval(months => CAST(({months}) AS INT)) \
                 + make_interval(days => {days}), 'YYYY-MM-DD')"
            ),
        }
    }

    /// The numbers `from..=to` as `n(i)`, 64-bit on both engines.
    fn numbers(from: i64, to: i64) -> String {
        format!("WITH RECURSIVE n(i) AS (SELECT CAST({from} AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < {to}) ")
    }
}

const USER: u16 = 1;
const CIRCLE: u16 = 2;
const MEMBER: u16 = 3;
const ENTRY: u16 = 4;
const ITEM: u16 = 5;
const HELP: u16 = 6;

impl Internal<'_> {
    /// Makes an organisation at `scale`; `progress(step, done, total)` is
    /// called after every batch.
    pub async fn generate(
        &self,
        scale: &Scale,
        now: Timestamp,
        progress: &mut (dyn FnMut(&str, i64, i64) + Send),
    ) -> Result<Generated> {
        let b = *uuid::Uuid::new_v4().as_bytes();
        let run = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        let sql = Sql { engine: self.engine(), run };
        let tag = format!("{run:08x}");
        let org = self.create_organisation(&format!("Zorggroep {tag}"), now).await?;
        let coordinator_email = format!("coordinator-{tag}@generated.example");
        let coordinator = self.create_user(&coordinator_email, "Coördinator", None, Locale::Nl, true, now).await?;
        self.add_staff(&org, &coordinator, OrgRole::Coordinator, now).await?;
        let locations = (scale.circles + CIRCLES_PER_LOCATION - 1) / CIRCLES_PER_LOCATION;
        let mut location_ids = Vec::new();
        for l in 1..=locations.max(1) {
            let location = self.create_location(&org, &format!("Locatie {l}"), now).await?;
            location_ids.push(location);
        }

        let span = scale.years.max(1) * 365 * 86_400_000;
        let start = ms(now) - span;
        let people = scale.circles * scale.members;
        let m = scale.members;
        // People: member k (from 1) of circle c is person (c - 1) * m + k.
        self.batches("people", people, progress, |from, to| {
            vec![format!(
                "{}INSERT INTO users (id, email, display_name, locale, created_at, email_verified_at) \
                 SELECT {}, 'p' || i || '-{tag}@generated.example', 'Persoon ' || i, 'nl', {start}, {start} FROM n",
                Sql::numbers(from, to),
                sql.id(USER, "i")
            )]
        })
        .await?;
        let location_case =
            location_ids.iter().enumerate().map(|(k, l)| format!("WHEN {k} THEN '{l}'")).collect::<Vec<_>>().join(" ");
        self.batches("circles", scale.circles, progress, |from, to| {
            vec![format!(
                "{}INSERT INTO circles (id, organisation_id, location_id, client_name, created_by, created_at) \
                 SELECT {}, '{org}', CASE (i - 1) / {CIRCLES_PER_LOCATION} {location_case} END, 'Cliënt ' || i, '{coordinator}', {start} FROM n",
                Sql::numbers(from, to),
                sql.id(CIRCLE, "i")
            )]
        })
        .await?;
        // Member 1 is the client, 2 the representative, then relatives (the
        // first manages the circle), volunteers, professionals, and a coordinator last.
        let k = format!("((i - 1) % {m} + 1)");
        let role = format!(
            "CASE WHEN {k} = 1 THEN 'client' WHEN {k} = 2 THEN 'representative' WHEN {k} <= 2 + {m} * 4 / 10 THEN 'relative' \
             WHEN {k} <= 2 + {m} * 7 / 10 THEN 'volunteer' WHEN {k} < {m} THEN 'professional' ELSE 'coordinator' END"
        );
        self.batches("members", people, progress, |from, to| {
            vec![format!(
                "{}INSERT INTO memberships (id, circle_id, user_id, role, manager, joined_at) \
                 SELECT {}, {}, {}, {role}, ({k} = 3), {} FROM n",
                Sql::numbers(from, to),
                sql.id(MEMBER, "i"),
                sql.id(CIRCLE, &format!("(i - 1) / {m} + 1")),
                sql.id(USER, "i"),
                start - 86_400_000
            )]
        })
        .await?;
        self.write_entries(&sql, scale, start, span, ms(now), progress).await?;
        self.write_agenda(&sql, scale, start, now, progress).await?;

        let first_circle = CircleId::from_db(format!("{tag}-{CIRCLE:04x}-4000-8000-000000000001"));
        Ok(Generated {
            organisation: org,
            coordinator_email,
            relative_email: format!("p3-{tag}@generated.example"),
            first_circle,
        })
    }

    /// Entry `i` goes to circle `(i - 1) % circles + 1`, written at an even
    /// pace from `start` to now by one of its members; search indexes it
    /// as the store would (SQLite's FTS table; PostgreSQL's index is on the
    /// column). Entries of the last week are new for everyone but their writer.
    async fn write_entries(
        &self,
        sql: &Sql,
        scale: &Scale,
        start: i64,
        span: i64,
        now: i64,
        progress: &mut (dyn FnMut(&str, i64, i64) + Send),
    ) -> Result<()> {
        let (c, m) = (scale.circles, scale.members);
        let step = (span / scale.entries.max(1)).max(1);
        let circle = format!("((i - 1) % {c} + 1)");
        let author = sql.id(MEMBER, &format!("({circle} - 1) * {m} + (i / {c}) % {m} + 1"));
        let texts = TEXTS.iter().enumerate().map(|(k, t)| format!("WHEN {k} THEN '{t}'")).collect::<Vec<_>>().join(" ");
        let kind = "CASE WHEN i % 50 = 7 THEN 'concern' WHEN i % 50 = 19 THEN 'question' WHEN i % 20 = 3 THEN 'thanks' \
                    WHEN i % 10 = 5 THEN 'moment' ELSE 'update' END";
        let at = format!("{start} + (i - 1) * {step}");
        let month_ago = now - 30 * 86_400_000;
        // Concerns and questions of the last month are still open.
        let status = format!(
            "CASE WHEN i % 50 IN (7, 19) THEN CASE WHEN {at} >= {month_ago} THEN 'open' ELSE 'closed' END ELSE 'none' END"
        );
        let audience = "CASE WHEN i % 20 = 11 THEN 'professionals' WHEN i % 20 = 13 THEN 'informal' ELSE 'circle' END";
        let engine = sql.engine;
        self.batches("entries", scale.entries, progress, |from, to| {
            let range = format!("e.id BETWEEN {} AND {}", sql.id(ENTRY, &from.to_string()), sql.id(ENTRY, &to.to_string()));
            let mut out = vec![format!(
                "{}INSERT INTO entries (id, circle_id, author_member_id, kind, audience, body, created_at, status, closed_at) \
                 SELECT {}, {}, {author}, {kind}, {audience}, (CASE i % 8 {texts} END) || ' (' || i || ')', {at}, {status}, \
                 CASE WHEN {status} = 'closed' THEN {at} + 86400000 END FROM n",
                Sql::numbers(from, to),
                sql.id(ENTRY, "i"),
                sql.id(CIRCLE, &circle),
            )];
            if engine == Engine::Sqlite {
                out.push(format!(
                    "INSERT INTO entries_fts_rows (entry_id) SELECT e.id FROM entries e WHERE {range} ORDER BY e.created_at"
                ));
                out.push(format!(
                    "INSERT INTO entries_fts (rowid, circle, body) SELECT x.id, 'c' || replace(e.circle_id, '-', ''), e.body \
                     FROM entries e JOIN entries_fts_rows x ON x.entry_id = e.id WHERE {range}"
                ));
            }
            out.push(format!(
                "INSERT INTO entry_unseen (member_id, created_at, entry_id) SELECT mm.id, e.created_at, e.id \
                 FROM entries e JOIN memberships mm ON mm.circle_id = e.circle_id \
                 WHERE {range} AND e.created_at >= {} AND mm.id <> e.author_member_id",
                now - 7 * 86_400_000
            ));
            out
        })
        .await
    }

    /// Per circle: three weekly shifts with two places each, an appointment
    /// next week, and two help requests (one answered) that still need a helper.
    async fn write_agenda(
        &self,
        sql: &Sql,
        scale: &Scale,
        start: i64,
        now: Timestamp,
        progress: &mut (dyn FnMut(&str, i64, i64) + Send),
    ) -> Result<()> {
        let (c, m) = (scale.circles, scale.members);
        let zone = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
        let today = now.to_zoned(zone).date();
        let next_week = today.checked_add(jiff::Span::new().days(7)).unwrap_or(today);
        // What `Series::reaches_until` says of a 90-minute appointment then.
        let next_week_reach = next_week.checked_add(jiff::Span::new().days(2)).unwrap_or(next_week);
        let member = |circle: &str, k: i64| sql.id(MEMBER, &format!("({circle} - 1) * {m} + {k}"));
        // Item i of circle (i - 1) / 4 + 1: three shifts (from a Monday,
        // Wednesday and Friday early in 2024), then the appointment.
        let circle = "((i - 1) / 4 + 1)";
        self.batches("agenda", c * 4, progress, |from, to| {
            vec![format!(
                "{}INSERT INTO agenda_items (id, circle_id, kind, title, place, notes, elsewhere, starts_at, length_minutes, \
                 repeat, every, weekdays, places, audience, created_by, created_at, updated_at, revision, reaches_until) \
                 SELECT {}, {}, CASE WHEN i % 4 = 0 THEN 'appointment' ELSE 'shift' END, \
                 CASE i % 4 WHEN 1 THEN 'Samen eten' WHEN 2 THEN 'Wandelen' WHEN 3 THEN 'Avonddienst' ELSE 'Huisarts' END, \
                 '', '', (1 = 0), CASE i % 4 WHEN 0 THEN '{next_week}T10:00' WHEN 1 THEN '2024-01-01T17:30' \
                 WHEN 2 THEN '2024-01-03T14:00' ELSE '2024-01-05T19:00' END, \
                 90, CASE WHEN i % 4 = 0 THEN 'once' ELSE 'weekly' END, 1, \
                 CASE i % 4 WHEN 1 THEN 'mo' WHEN 2 THEN 'we' WHEN 3 THEN 'fr' ELSE '' END, \
                 CASE WHEN i % 4 = 0 THEN 0 ELSE 2 END, 'circle', {}, {start}, {start}, 0, \
                 CASE WHEN i % 4 = 0 THEN '{next_week_reach}' ELSE '{LATEST}' END FROM n",
                Sql::numbers(from, to),
                sql.id(ITEM, "i"),
                sql.id(CIRCLE, circle),
                member(circle, 3)
            )]
        })
        .await?;
        // The agenda's history: a visit to the doctor on the 15th of every
        // month before this one, as far back as the history goes; reads of
        // the coming weeks pass over them.
        let months = scale.years * 12;
        let (first, circle, back) = (c * 4, format!("((i - 1) / {months} + 1)"), format!("((i - 1) % {months} + 1)"));
        self.batches("agenda history", c * months, progress, |from, to| {
            vec![format!(
                "{}INSERT INTO agenda_items (id, circle_id, kind, title, place, notes, elsewhere, starts_at, length_minutes, \
                 repeat, every, weekdays, places, audience, created_by, created_at, updated_at, revision, reaches_until) \
                 SELECT {}, {}, 'appointment', 'Controle huisarts', '', '', (1 = 0), {} || 'T10:00', 60, 'once', 1, '', 0, \
                 'circle', {}, {start}, {start}, 0, {} FROM n",
                Sql::numbers(from, to),
                sql.id(ITEM, &format!("i + {first}")),
                sql.id(CIRCLE, &circle),
                sql.months_back(today, &back, 0),
                member(&circle, 3),
                sql.months_back(today, &back, 2),
            )]
        })
        .await?;
        let circle = "((i - 1) / 2 + 1)";
        let window = today.checked_add(jiff::Span::new().days(3)).unwrap_or(today);
        self.batches("help requests", c * 2, progress, |from, to| {
            vec![
                format!(
                    "{}INSERT INTO help_requests (id, circle_id, template, title, details, window_from, window_until, asked_by, \
                     asked_for, audience, status, created_at) \
                     SELECT {}, {}, CASE WHEN i % 2 = 0 THEN 'ride' ELSE 'shopping' END, \
                     CASE WHEN i % 2 = 0 THEN 'Rit naar het ziekenhuis' ELSE 'Boodschappen' END, '', \
                     '{window}T09:00', '{window}T12:00', {}, {}, 'circle', 'open', {} FROM n",
                    Sql::numbers(from, to),
                    sql.id(HELP, "i"),
                    sql.id(CIRCLE, circle),
                    member(circle, 3),
                    member(circle, 1),
                    ms(now) - 86_400_000
                ),
                format!(
                    "{}INSERT INTO help_responses (request_id, member_id, message, created_at) \
                     SELECT {}, {}, 'Ik kan', {} FROM n WHERE i % 2 = 1",
                    Sql::numbers(from, to),
                    sql.id(HELP, "i"),
                    member(circle, (3 + m * 4 / 10 + 1).min(m)),
                    ms(now)
                ),
            ]
        })
        .await
    }

    /// Runs `make(from, to)`'s statements for `1..=total` in batches, each in
    /// one transaction, reporting after each.
    async fn batches(
        &self,
        step: &str,
        total: i64,
        progress: &mut (dyn FnMut(&str, i64, i64) + Send),
        make: impl Fn(i64, i64) -> Vec<String>,
    ) -> Result<()> {
        let mut from = 1;
        while from <= total {
            let to = (from + BATCH - 1).min(total);
            let mut tx = self.begin().await?;
            for statement in make(from, to) {
                tx.exec(&statement, &[]).await?;
            }
            tx.commit().await?;
            progress(step, to, total);
            from = to + 1;
        }
        Ok(())
    }
}

impl Store {
    /// How many entries the database holds (for `admin generate`'s report).
    pub async fn entry_count(&self) -> Result<i64> {
        let (n,): (i64,) = self.one("SELECT COUNT(*) FROM entries", &[]).await?;
        Ok(n)
    }
}
