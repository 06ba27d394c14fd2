//! Looking for cover when someone cannot take their shift.

use super::*;

/// An open occurrence for which the circle is looking for cover.
#[derive(Clone, Debug)]
pub struct CoverSearch {
    pub circle_id: CircleId,
    pub client_name: String,
    pub item_id: String,
    pub title: String,
    pub places: u32,
    pub series: Series,
    pub on: Date,
    pub started_by: MemberId,
    /// Who may see the shift: only they are asked.
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub created_by: MemberId,
    /// The member asked last, when they were asked, and whether they declined.
    pub last_ask: Option<(MemberId, Timestamp, bool)>,
    pub taken: u32,
    /// The circle's consent: nobody is asked who may not see the agenda.
    pub consent: samenspel_core::consent::Consent,
}

/// A member who might cover a shift, with what the e-mail needs.
#[derive(Clone, Debug)]
pub struct CoverCandidate {
    pub member_id: MemberId,
    pub role: samenspel_core::role::Role,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub quiet: Option<(i64, i64)>,
    /// The last date they were on a shift in this circle, if ever.
    pub last_helped: Option<Date>,
}

pub(super) async fn schedule_of(store: &Store, item: &str) -> Result<Series> {
    let row: ScheduleRow =
        store.one(concat!(schedule_select!(), "FROM agenda_items WHERE id = $1"), args![item]).await?;
    let exceptions: Vec<(String, String, bool, Option<String>)> = store
        .all("SELECT item_id, original_on, cancelled, moved_to FROM agenda_exceptions WHERE item_id = $1", args![item])
        .await?;
    series_of(&row, &exceptions)
}

pub(super) fn quiet_of(saved: Option<String>, from: Option<i64>, until: Option<i64>) -> Option<(i64, i64)> {
    match saved {
        Some(_) => from.zip(until),
        None => crate::logbook::NotificationSettings::default().quiet,
    }
}

impl Store {
    /// Starts (or restarts) looking for cover for an occurrence.
    pub async fn start_cover_search(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO cover_searches (item_id, on_date, started_by, started_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (item_id, on_date) DO UPDATE SET done_at = NULL, started_by = $3, started_at = $4",
            args![&item.id, on.to_string(), cap.member_id().as_str(), ms(now)],
        )
        .await?;
        Ok(())
    }

    /// Is the circle looking for cover for these occurrences, and was I asked?
    /// (item id, date, asked me and I have not declined)
    pub async fn cover_state(&self, cap: &Can<act::ViewAgenda>) -> Result<Vec<(String, Date, bool)>> {
        let rows: Vec<(String, String, i64)> = self.all(
            "SELECT s.item_id, s.on_date, (SELECT COUNT(*) FROM cover_asks a WHERE a.item_id = s.item_id \
             AND a.on_date = s.on_date AND a.member_id = $2 AND a.declined_at IS NULL) \
             FROM cover_searches s JOIN agenda_items i ON i.id = s.item_id WHERE i.circle_id = $1 AND s.done_at IS NULL",
            args![cap.circle_id().as_str(), cap.member_id().as_str()],
        ).await?;
        rows.into_iter().map(|(i, d, n)| Ok((i, date(&d)?, n > 0))).collect()
    }

    /// The asked member says they cannot: the next one is asked.
    pub async fn decline_cover(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE cover_asks SET declined_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3 \
             AND declined_at IS NULL",
                args![&item.id, on.to_string(), cap.member_id().as_str(), ms(now)],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("cover-not-asked"));
        }
        tx.commit().await
    }
}

impl crate::Internal<'_> {
    /// Searches still running, with who was asked last.
    pub async fn cover_searches(&self) -> Result<Vec<CoverSearch>> {
        db_row! {
            struct Row { circle: String, client_name: String, item: String, title: String, places: i64, on: String, started_by: String, aud: String, created_by: String, consent: i64 }
        }
        let rows: Vec<Row> = self.all(
            "SELECT i.circle_id, c.client_name, i.id, i.title, i.places, s.on_date, s.started_by, i.audience, i.created_by, \
             c.consent_hidden FROM cover_searches s \
             JOIN agenda_items i ON i.id = s.item_id JOIN circles c ON c.id = i.circle_id \
             WHERE s.done_at IS NULL AND c.archived_at IS NULL ORDER BY s.started_at",
            args![],
        ).await?;
        let mut out = Vec::new();
        for Row { circle, client_name, item, title, places, on, started_by, aud, created_by, consent } in rows {
            let chosen: Vec<String> =
                self.all("SELECT member_id FROM agenda_chosen WHERE item_id = $1", args![&item]).await?;
            let last: Option<(String, i64, Option<i64>)> = self
                .opt(
                    "SELECT member_id, asked_at, declined_at FROM cover_asks WHERE item_id = $1 AND on_date = $2 \
                 ORDER BY asked_at DESC LIMIT 1",
                    args![&item, &on],
                )
                .await?;
            let taken: i64 = self
                .one("SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2", args![&item, &on])
                .await?;
            out.push(CoverSearch {
                series: schedule_of(self, &item).await?,
                circle_id: CircleId::from_db(circle),
                client_name,
                item_id: item,
                title,
                places: u32::try_from(places).unwrap_or(0),
                on: date(&on)?,
                started_by: MemberId::from_db(started_by),
                audience: Audience::parse(&aud).ok_or_else(|| corrupt("audience", &aud))?,
                chosen: chosen.into_iter().map(MemberId::from_db).collect(),
                created_by: MemberId::from_db(created_by),
                last_ask: last.map(|(m, at, declined)| (MemberId::from_db(m), ts(at), declined.is_some())),
                taken: u32::try_from(taken).unwrap_or(0),
                consent: samenspel_core::consent::Consent::from_db(consent),
            });
        }
        Ok(out)
    }

    /// Who might cover: active members other than the client and whoever
    /// started the search, not in this occurrence, not asked in this search
    /// yet, free that day (no other shift in the circle on that date) and not
    /// having stopped e-mail about shifts — those who helped least recently first.
    pub async fn cover_candidates(&self, search: &CoverSearch, now: Timestamp) -> Result<Vec<CoverCandidate>> {
        db_row! {
            struct Row { id: String, role: String, email: String, name: String, locale: String, saved: Option<String>, qf: Option<i64>, qu: Option<i64>, last: Option<String> }
        }
        let rows: Vec<Row> = self.all(
            "SELECT m.id, m.role, u.email, u.display_name, u.locale, n.member_id, n.quiet_from, n.quiet_until, \
             (SELECT MAX(s.on_date) FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
              WHERE s.member_id = m.id AND i.circle_id = m.circle_id AND s.on_date < $3) \
             FROM memberships m JOIN users u ON u.id = m.user_id \
             LEFT JOIN notification_settings n ON n.member_id = m.id \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $4) \
               AND m.role <> 'client' AND u.disabled_at IS NULL AND m.id <> $5 AND COALESCE(n.shift_mail, TRUE) \
               AND NOT EXISTS (SELECT 1 FROM cover_asks a WHERE a.item_id = $2 AND a.on_date = $3 AND a.member_id = m.id) \
               AND NOT EXISTS (SELECT 1 FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
                               WHERE s.member_id = m.id AND i.circle_id = m.circle_id AND s.on_date = $3)",
            args![search.circle_id.as_str(), &search.item_id, search.on.to_string(), ms(now), search.started_by.as_str()],
        ).await?;
        let mut out: Vec<CoverCandidate> = rows
            .into_iter()
            .filter_map(|Row { id, role, email, name, locale, saved, qf, qu, last }| {
                Some((samenspel_core::role::Role::parse(&role)?, id, email, name, locale, saved, qf, qu, last))
            })
            .map(|(role, id, email, name, locale, saved, qf, qu, last)| CoverCandidate {
                member_id: MemberId::from_db(id),
                role,
                email,
                name,
                locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                quiet: quiet_of(saved, qf, qu),
                last_helped: last.and_then(|d| d.parse::<Date>().ok()),
            })
            .collect();
        // Never helped first, then the longest ago; by name for a stable order.
        out.sort_by(|a, b| a.last_helped.cmp(&b.last_helped).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }

    /// Records that `member` is asked now, with the e-mail, once.
    pub async fn cover_ask(
        &self,
        search: &CoverSearch,
        member: &MemberId,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<bool> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &search.item_id).await?;
        let inserted = tx
            .exec(
                "INSERT INTO cover_asks (item_id, on_date, member_id, asked_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (item_id, on_date, member_id) DO NOTHING",
                args![&search.item_id, search.on.to_string(), member.as_str(), ms(now)],
            )
            .await?;
        if inserted == 0 {
            return Ok(false);
        }
        if let Some(job) = mail {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Ends a search (covered, over, or nobody left to ask), with an e-mail
    /// to whoever started it when nobody was found.
    pub async fn cover_done(
        &self,
        search: &CoverSearch,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE cover_searches SET done_at = $3 WHERE item_id = $1 AND on_date = $2 AND done_at IS NULL",
                args![&search.item_id, search.on.to_string(), ms(now)],
            )
            .await?;
        if n > 0
            && let Some(job) = mail
        {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await
    }

    /// The starter's e-mail details, for "nobody was found".
    pub async fn member_contact(&self, member: &MemberId) -> Result<Option<CoverCandidate>> {
        db_row! {
            struct Row { email: String, name: String, locale: String, saved: Option<String>, qf: Option<i64>, qu: Option<i64> }
        }
        let row: Option<Row> = self
            .opt(
                "SELECT u.email, u.display_name, u.locale, n.member_id, n.quiet_from, n.quiet_until FROM memberships m \
             JOIN users u ON u.id = m.user_id LEFT JOIN notification_settings n ON n.member_id = m.id WHERE m.id = $1",
                args![member.as_str()],
            )
            .await?;
        Ok(row.map(|Row { email, name, locale, saved, qf, qu }| CoverCandidate {
            member_id: member.clone(),
            role: samenspel_core::role::Role::Volunteer,
            email,
            name,
            locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
            quiet: quiet_of(saved, qf, qu),
            last_helped: None,
        }))
    }
}
