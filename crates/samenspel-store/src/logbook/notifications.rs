//! How members want to hear about the logbook: settings, recipients of
//! an entry's e-mails, and the periodic summaries.

use super::*;

/// Someone who may get a notification about an entry.
#[derive(Clone, Debug)]
pub struct Recipient {
    pub member_id: MemberId,
    pub role: Role,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub settings: NotificationSettings,
    /// The circle's consent, read with the proof that listed the recipients.
    pub consent: samenspel_core::consent::Consent,
}

impl Recipient {
    /// What this member may see in the circle: their audiences and what the
    /// client's consent keeps from them. Who is told about something is
    /// decided with this, so nobody hears of what they may not read.
    pub fn scope(&self) -> AudienceScope {
        AudienceScope::for_role(self.member_id.clone(), self.role, self.consent)
    }
}

/// How a member wants to hear about the logbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationSettings {
    /// E-mail at once about concerns, questions and thanks to me.
    pub immediate: bool,
    pub digest: Digest,
    /// Quiet hours, minutes after local midnight: no immediate mail from..until.
    pub quiet: Option<(i64, i64)>,
    /// E-mail the day before my shifts, and when a shift I could take needs cover.
    pub shifts: bool,
}

impl NotificationSettings {
    /// Does this member take e-mail about the circle at all (at once, or in
    /// a summary)? Agenda, help and change news go only to those who do.
    pub fn wants_mail(&self) -> bool {
        self.immediate || self.digest != Digest::Off
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digest {
    Off,
    Daily,
    Weekly,
}

impl Digest {
    pub fn as_str(self) -> &'static str {
        match self {
            Digest::Off => "off",
            Digest::Daily => "daily",
            Digest::Weekly => "weekly",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Digest::Off, Digest::Daily, Digest::Weekly].into_iter().find(|d| d.as_str() == raw)
    }
}

impl Default for NotificationSettings {
    /// At once for what concerns me, a weekly summary, quiet from 22:00 to 07:00.
    fn default() -> Self {
        NotificationSettings { immediate: true, digest: Digest::Weekly, quiet: Some((22 * 60, 7 * 60)), shifts: true }
    }
}

/// A membership whose summary is due.
#[derive(Clone, Debug)]
pub struct DigestDue {
    pub member_id: MemberId,
    pub circle_id: samenspel_core::ids::CircleId,
    pub user_id: samenspel_core::ids::UserId,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub digest: Digest,
    pub client_name: String,
    /// The summary is for the client: it says "je kring".
    pub for_client: bool,
    /// News since this time goes in the summary.
    pub since: Timestamp,
}

fn settings_from(
    immediate: Option<bool>,
    digest: Option<String>,
    from: Option<i64>,
    until: Option<i64>,
    shifts: Option<bool>,
) -> NotificationSettings {
    let default = NotificationSettings::default();
    NotificationSettings {
        shifts: shifts.unwrap_or(default.shifts),
        immediate: immediate.unwrap_or(default.immediate),
        digest: digest.as_deref().and_then(Digest::parse).unwrap_or(default.digest),
        quiet: match (from, until) {
            (Some(f), Some(u)) => Some((f, u)),
            _ if digest.is_none() => default.quiet,
            _ => None,
        },
    }
}

impl Store {
    /// The circle's members with their e-mail details and notification
    /// settings, for deciding who hears about an entry.
    pub async fn notification_recipients<A>(&self, cap: &Can<A>, now: Timestamp) -> Result<Vec<Recipient>> {
        db_row! {
            struct Row {
                id: String,
                role: String,
                email: String,
                name: String,
                locale: String,
                immediate: Option<bool>,
                digest: Option<String>,
                quiet_from: Option<i64>,
                quiet_until: Option<i64>,
                shifts: Option<bool>,
            }
        }
        let rows: Vec<Row> = self.all(
            "SELECT m.id, m.role, u.email, u.display_name, u.locale, n.immediate, n.digest, n.quiet_from, n.quiet_until, n.shift_mail \
             FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN notification_settings n ON n.member_id = m.id \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $2) AND u.disabled_at IS NULL",
            args![cap.circle_id().as_str(), ms(now)],
        ).await?;
        rows.into_iter()
            .map(|Row { id, role: r, email, name, locale, immediate, digest, quiet_from, quiet_until, shifts }| {
                Ok(Recipient {
                    member_id: MemberId::from_db(id),
                    role: role(&r)?,
                    email,
                    name,
                    locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                    settings: settings_from(immediate, digest, quiet_from, quiet_until, shifts),
                    consent: cap.consent(),
                })
            })
            .collect()
    }

    /// My notification settings in this circle.
    pub async fn my_notification_settings<A>(&self, cap: &Can<A>) -> Result<NotificationSettings> {
        self.notification_settings(cap.member_id()).await
    }

    /// Saves my settings; `next_digest_at` is when my next summary is due
    /// (none when the summary is off).
    pub async fn set_my_notification_settings(
        &self,
        cap: &Can<act::ViewCircle>,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        self.set_notification_settings(cap.member_id(), s, next_digest_at).await
    }

    /// The settings of the membership a signed e-mail link opens.
    pub async fn notification_settings_by_link(&self, link: &MemberLink) -> Result<NotificationSettings> {
        self.notification_settings(link.member_id()).await
    }

    /// Saves the settings of the membership a signed e-mail link opens.
    pub async fn set_notification_settings_by_link(
        &self,
        link: &MemberLink,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        self.set_notification_settings(link.member_id(), s, next_digest_at).await
    }
}

impl crate::Internal<'_> {
    /// Memberships whose summary is due (at most `limit`): active, in a
    /// circle that is not archived, of an account that is not disabled.
    /// Memberships without settings get the default (a weekly summary),
    /// first due at `first_due`.
    pub async fn digests_due(&self, now: Timestamp, first_due: Timestamp, limit: i64) -> Result<Vec<DigestDue>> {
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO notification_settings (member_id, immediate, digest, quiet_from, quiet_until, next_digest_at) \
             SELECT m.id, $1, 'weekly', $2, $3, $4 FROM memberships m \
             WHERE m.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM notification_settings n WHERE n.member_id = m.id)",
            args![
                true,
                NotificationSettings::default().quiet.map(|q| q.0),
                NotificationSettings::default().quiet.map(|q| q.1),
                ms(first_due)
            ],
        )
        .await?;
        db_row! {
            struct Row {
                member: String,
                circle: String,
                user: String,
                email: String,
                name: String,
                locale: String,
                digest: String,
                client_name: String,
                joined: i64,
                last: Option<i64>,
                role: String,
            }
        }
        let rows: Vec<Row> = tx.all(
            "SELECT m.id, m.circle_id, m.user_id, u.email, u.display_name, u.locale, n.digest, c.client_name, m.joined_at, n.last_digest_at, m.role \
             FROM notification_settings n JOIN memberships m ON m.id = n.member_id JOIN users u ON u.id = m.user_id \
             JOIN circles c ON c.id = m.circle_id \
             WHERE n.digest <> 'off' AND n.next_digest_at IS NOT NULL AND n.next_digest_at <= $1 \
               AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1) \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL \
             ORDER BY n.next_digest_at LIMIT $2",
            args![ms(now), limit],
        ).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|Row { member, circle, user, email, name, locale, digest, client_name, joined, last, role }| {
                DigestDue {
                    member_id: MemberId::from_db(member),
                    circle_id: CircleId::from_db(circle),
                    user_id: samenspel_core::ids::UserId::from_db(user),
                    email,
                    name,
                    locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                    digest: Digest::parse(&digest).unwrap_or(Digest::Weekly),
                    client_name,
                    for_client: role == samenspel_core::role::Role::Client.as_str(),
                    since: ts(last.unwrap_or(joined)),
                }
            })
            .collect())
    }

    /// Records a summary as made (with its e-mail, when there was news) and
    /// when the next one is due — in one transaction, so none is sent twice.
    pub async fn digest_done(
        &self,
        member: &MemberId,
        mail: Option<&NewJob>,
        next: Timestamp,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec(
            "UPDATE notification_settings SET last_digest_at = $2, next_digest_at = $3 WHERE member_id = $1",
            args![member.as_str(), ms(now), ms(next)],
        )
        .await?;
        tx.finish(mail.map(std::slice::from_ref).unwrap_or_default(), now).await
    }
}

/// Settings by membership id: reached only through a capability or a signed link.
impl Store {
    async fn notification_settings(&self, member: &MemberId) -> Result<NotificationSettings> {
        db_row! {
            struct Row { immediate: bool, digest: String, from: Option<i64>, until: Option<i64>, shifts: Option<bool> }
        }
        let row: Option<Row> = self
            .opt(
                "SELECT immediate, digest, quiet_from, quiet_until, shift_mail FROM notification_settings WHERE member_id = $1",
                args![member.as_str()],
            )
            .await?;
        Ok(match row {
            Some(Row { immediate, digest, from, until, shifts }) => {
                settings_from(Some(immediate), Some(digest), from, until, shifts)
            }
            None => NotificationSettings::default(),
        })
    }

    /// Saves a membership's settings; `next_digest_at` is when its next
    /// summary is due (none when the summary is off).
    async fn set_notification_settings(
        &self,
        member: &MemberId,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO notification_settings (member_id, immediate, digest, quiet_from, quiet_until, next_digest_at, shift_mail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (member_id) DO UPDATE SET immediate = $2, digest = $3, \
             quiet_from = $4, quiet_until = $5, next_digest_at = $6, shift_mail = $7",
            args![member.as_str(), s.immediate, s.digest.as_str(), s.quiet.map(|q| q.0), s.quiet.map(|q| q.1), next_digest_at.map(ms), s.shifts],
        ).await?;
        Ok(())
    }
}
