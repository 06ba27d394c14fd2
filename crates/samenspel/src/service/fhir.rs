//! The FHIR R4 export of a circle, for the client, the representative, or a
//! professional or coordinator whom the client's consent allows it. Each
//! part is read through the exporter's own capability, so the Bundle holds
//! exactly what they may see: a part consent keeps from them is left out.

use super::{Ctx, what};
use crate::fhir::{Export, bundle};
use samenspel_core::access::act;
use samenspel_core::audit::{AuditFilter, Operation};
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::{Cursor, Entry};
use samenspel_core::{Error, Result};
use samenspel_store::logbook::EntryFilter;
use serde_json::Value;

/// At most this many logbook entries, newest first (a year of a busy circle).
pub const MAX_ENTRIES: usize = 5_000;
/// The audit trail's newest records.
pub const MAX_AUDIT: i64 = 1_000;
/// How far ahead the agenda's occurrences go.
pub const AHEAD_DAYS: i64 = 90;

pub async fn export(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Value> {
    let cap = ctx.can::<act::ExportRecord>(circle, what(Operation::Read, "fhir.export", "circle", circle)).await?;
    let store = &ctx.state.store;
    let view = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?;
    let the_circle = view.circle();
    let members_cap = cap.also::<act::ViewMembers>().ok_or(Error::Forbidden)?;
    let members = store.members(&members_cap, ctx.now).await?;
    let log = cap.also::<act::ReadLogbook>();
    let goals = match cap.also::<act::ViewAboutClient>() {
        Some(c) => Some(store.goals(&c, log.as_ref()).await?),
        None => None,
    };
    let agreements = match cap.also::<act::ViewAgreements>() {
        Some(c) => Some(store.agreements(&c).await?),
        None => None,
    };
    let mut entries: Vec<Entry> = Vec::new();
    if let Some(log) = &log {
        loop {
            let before = entries.last().map(|e| Cursor { created_at: e.created_at.as_millisecond(), id: e.id.clone() });
            let page = store.entries(log, &EntryFilter { before, ..Default::default() }, 200).await?;
            let done = page.len() < 200;
            entries.extend(page);
            if done || entries.len() >= MAX_ENTRIES {
                break;
            }
        }
        entries.truncate(MAX_ENTRIES);
    }
    let mut replies = Vec::new();
    if let Some(log) = &log {
        for e in entries.iter().filter(|e| e.reply_count > 0 && e.deleted.is_none()) {
            replies.push((e.id.clone(), store.replies(log, &e.id).await?));
        }
    }
    let today = crate::i18n::local(&ctx.now).date();
    let appointments = match cap.also::<act::ViewAgenda>() {
        Some(c) => {
            let tz = super::agenda::tz();
            let from = ctx.now.to_zoned(tz.clone());
            let to = from.checked_add(jiff::Span::new().days(AHEAD_DAYS)).unwrap_or_else(|_| from.clone());
            let mut all = Vec::new();
            for item in store.agenda_items(&c, samenspel_core::recurrence::EARLIEST).await? {
                for o in item.series.occurrences(&tz, &from, &to) {
                    all.push((item.clone(), o));
                }
            }
            all.sort_by(|a, b| a.1.start.cmp(&b.1.start));
            Some(all)
        }
        None => None,
    };
    let check_ins = store.shared_volunteer_check_ins(&members_cap, super::volunteer_checkins::INSTRUMENT).await?;
    let consent = store.consent(&view).await?;
    let audit = match cap.also::<act::ViewAuditTrail>() {
        Some(c) => Some(store.circle_audit(&c, &AuditFilter::default(), None, MAX_AUDIT).await?),
        None => None,
    };
    let base = ctx.state.config.link("");
    Ok(bundle(&Export {
        base: &base,
        circle: the_circle,
        members: &members,
        goals: goals.as_deref(),
        agreements: agreements.as_deref(),
        entries: &entries,
        replies: &replies,
        appointments: appointments.as_deref(),
        check_ins: &check_ins,
        consent: &consent,
        audit: audit.as_deref(),
        today,
        now: ctx.now,
    }))
}
