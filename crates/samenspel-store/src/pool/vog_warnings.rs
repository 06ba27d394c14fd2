//! Warnings before a volunteer's VOG lapses: found by the worker, sent once
//! per certificate (the lapse day they were sent for is kept), the mark and
//! the e-mail in one transaction so two workers never both send.

use crate::db::ms;
use crate::jobs::NewJob;
use crate::sql::{args, db_row};
use jiff::civil::Date;
use samenspel_core::locale::Locale;
use samenspel_core::pool::vog::Vog;
use samenspel_core::{Result, Timestamp};

/// A VOG that lapses within its organisation's warning time, not yet warned about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VogDue {
    pub volunteer_id: String,
    pub organisation: String,
    pub name: String,
    pub email: String,
    pub locale: Locale,
    pub until: Date,
    /// Lapsed already (a VOG entered late, or a warning that could not go out).
    pub lapsed: bool,
}

db_row! {
    struct Row {
        id: String, org_id: String, org: String, name: String, email: String, locale: String,
        issued: String, warned: Option<String>,
    }
}

impl crate::Internal<'_> {
    /// The VOGs to warn about now, at most `limit`.
    pub async fn vog_warnings_due(&self, now: Timestamp, limit: usize) -> Result<Vec<VogDue>> {
        let rows: Vec<Row> = self
            .all(
                "SELECT p.id, p.organisation_id, o.name, u.display_name, u.email, u.locale, p.vog_issued_on, p.vog_warned_for \
                 FROM pool_volunteers p JOIN users u ON u.id = p.user_id JOIN organisations o ON o.id = p.organisation_id \
                 WHERE p.active AND p.vog_issued_on IS NOT NULL AND u.disabled_at IS NULL ORDER BY p.vog_issued_on",
                args![],
            )
            .await?;
        let today = crate::db::today(now);
        let mut rules = std::collections::HashMap::new();
        let mut out = Vec::new();
        for r in rows {
            let Ok(issued) = r.issued.parse::<Date>() else { continue };
            if !rules.contains_key(&r.org_id) {
                let org = samenspel_core::ids::OrganisationId::from_db(r.org_id.clone());
                rules.insert(r.org_id.clone(), self.rules_of_org(&org).await?);
            }
            let state = rules[&r.org_id].vog(Some(issued), today);
            let (until, lapsed) = match state {
                Vog::Lapsing { until } => (until, false),
                Vog::Lapsed { until } => (until, true),
                Vog::Valid { .. } | Vog::Missing => continue,
            };
            if r.warned.as_deref() == Some(until.to_string().as_str()) {
                continue;
            }
            out.push(VogDue {
                volunteer_id: r.id,
                organisation: r.org,
                name: r.name,
                email: r.email,
                locale: Locale::parse(&r.locale).unwrap_or_default(),
                until,
                lapsed,
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// Marks one warning sent, with its e-mail; false when another worker was first.
    pub async fn vog_warned(&self, due: &VogDue, mail: Option<&NewJob>, now: Timestamp) -> Result<bool> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE pool_volunteers SET vog_warned_for = $2, updated_at = $3 \
                 WHERE id = $1 AND (vog_warned_for IS NULL OR vog_warned_for <> $2)",
                args![&due.volunteer_id, due.until.to_string(), ms(now)],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        tx.finish(mail.map(std::slice::from_ref).unwrap_or_default(), now).await?;
        Ok(true)
    }
}
