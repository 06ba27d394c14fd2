//! The retention period (GDPR article 5(1)(e)): an organisation may keep an
//! archived circle for a set number of days, after which the retention job
//! deletes the circle and everything in it.
//!
//! The schema has no `ON DELETE CASCADE` (SQLite cannot add it to existing
//! tables), so [`PURGE`] deletes children before parents, table by table.
//! A test compares the tables here and in [`KEPT`] with the live schema, so a
//! new table cannot be forgotten. The audit trail is kept (NEN 7513 sets its
//! own period); the purge itself is recorded in it, in the same transaction.

use crate::db::{Store, Tx, ms};
use crate::sql::args;
use samenspel_core::audit::{AuditEvent, Operation, Outcome, Source, What};
use samenspel_core::ids::{CircleId, OrganisationId};
use samenspel_core::{Result, Timestamp};

/// A circle the job deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurgedCircle {
    pub id: CircleId,
    pub organisation_id: OrganisationId,
}

/// The circle's members, agenda items and entries, as subqueries on `$1`.
const MEMBERS: &str = "SELECT id FROM memberships WHERE circle_id = $1";
const ITEMS: &str = "SELECT id FROM agenda_items WHERE circle_id = $1";
const ENTRIES: &str = "SELECT id FROM entries WHERE circle_id = $1";

/// Every table that holds a circle's data, with the condition that selects
/// the circle's rows (`$1` is the circle), in an order that deletes children
/// before their parents.
pub const PURGE: &[(&str, &str)] = &[
    // The logbook.
    ("entry_audience", "entry_id IN (ENTRIES)"),
    ("entry_recipients", "entry_id IN (ENTRIES)"),
    ("entry_reads", "entry_id IN (ENTRIES)"),
    ("entry_unseen", "entry_id IN (ENTRIES)"),
    ("entry_revisions", "entry_id IN (ENTRIES)"),
    ("reactions", "entry_id IN (ENTRIES)"),
    ("replies", "entry_id IN (ENTRIES)"),
    ("attachment_data", "attachment_id IN (SELECT id FROM attachments WHERE entry_id IN (ENTRIES))"),
    ("attachments", "entry_id IN (ENTRIES)"),
    ("goal_progress", "entry_id IN (ENTRIES)"),
    // What the circle put to the volunteer pool (it names help requests and shifts).
    ("pool_answers", "offer_id IN (SELECT id FROM pool_offers WHERE circle_id = $1)"),
    ("pool_offers", "circle_id = $1"),
    // Help requests and the agenda.
    ("help_chosen", "request_id IN (SELECT id FROM help_requests WHERE circle_id = $1)"),
    ("help_responses", "request_id IN (SELECT id FROM help_requests WHERE circle_id = $1)"),
    ("help_requests", "circle_id = $1"),
    ("agenda_along", "item_id IN (ITEMS)"),
    ("agenda_chosen", "item_id IN (ITEMS)"),
    ("agenda_exceptions", "item_id IN (ITEMS)"),
    ("shift_signups", "item_id IN (ITEMS)"),
    ("shift_swaps", "item_id IN (ITEMS) OR return_item IN (ITEMS)"),
    ("cover_asks", "item_id IN (ITEMS)"),
    ("cover_searches", "item_id IN (ITEMS)"),
    ("agenda_items", "circle_id = $1"),
    // Dit ben ik, the wellbeing plan and the empathy maps.
    ("about_chosen", "section_id IN (SELECT id FROM about_sections WHERE circle_id = $1)"),
    ("about_versions", "section_id IN (SELECT id FROM about_sections WHERE circle_id = $1)"),
    ("about_sections", "circle_id = $1"),
    ("empathy_map_chosen", "map_id IN (SELECT id FROM empathy_maps WHERE circle_id = $1)"),
    ("empathy_maps", "circle_id = $1"),
    ("goal_chosen", "goal_id IN (SELECT id FROM wellbeing_goals WHERE circle_id = $1)"),
    ("goal_helpers", "goal_id IN (SELECT id FROM wellbeing_goals WHERE circle_id = $1)"),
    ("goal_progress", "goal_id IN (SELECT id FROM wellbeing_goals WHERE circle_id = $1)"),
    ("wellbeing_goals", "circle_id = $1"),
    // Conversations, changes and agreements.
    ("conversation_agreements", "conversation_id IN (SELECT id FROM conversations WHERE circle_id = $1)"),
    ("conversation_answers", "conversation_id IN (SELECT id FROM conversations WHERE circle_id = $1)"),
    ("conversation_participants", "conversation_id IN (SELECT id FROM conversations WHERE circle_id = $1)"),
    ("conversations", "circle_id = $1"),
    ("change_event_agreements", "change_id IN (SELECT id FROM change_events WHERE circle_id = $1)"),
    ("change_events", "circle_id = $1"),
    ("agreements", "circle_id = $1"),
    // The carers' own check-ins, signals and profiles.
    ("questionnaire_answers", "response_id IN (SELECT id FROM questionnaire_responses WHERE circle_id = $1)"),
    ("questionnaire_responses", "circle_id = $1"),
    ("care_signals", "circle_id = $1"),
    ("carer_roles", "circle_id = $1"),
    ("checkin_reminders", "circle_id = $1"),
    ("collaboration_profiles", "circle_id = $1"),
    // The logbook itself, then invitations, the network and the members.
    ("entries", "circle_id = $1"),
    ("sign_in_links", "invitation_id IN (SELECT id FROM invitations WHERE circle_id = $1)"),
    ("invitations", "circle_id = $1"),
    ("network_contacts", "circle_id = $1"),
    ("notification_settings", "member_id IN (MEMBERS)"),
    ("consent_decisions", "circle_id = $1"),
    ("inbox_marks", "circle_id = $1"),
    ("memberships", "circle_id = $1"),
    ("circles", "id = $1"),
];

/// Tables [`PURGE`] does not touch, and why.
pub const KEPT: &[(&str, &str)] = &[
    ("audit_log", "NEN 7513: the audit trail has its own retention"),
    ("audit_head", "the audit chain's head"),
    ("users", "accounts outlive a circle"),
    ("sessions", "per account"),
    ("api_tokens", "per account"),
    ("idempotency_keys", "per account, short-lived"),
    ("calendar_feeds", "per account"),
    ("push_subscriptions", "per account"),
    ("second_factors", "per account"),
    ("recovery_codes", "per account"),
    ("remembered_devices", "per account"),
    ("pending_sign_ins", "per account"),
    ("sso_identities", "per account"),
    ("sso_attempts", "a sign-in on its way, minutes old, no account"),
    ("rate_windows", "counts of attempts under a hashed key, forgotten after a day"),
    ("instance_secrets", "the key the instances share, no personal data"),
    ("passkeys", "per account"),
    ("passkey_ceremonies", "per account, minutes old"),
    ("privacy_requests", "per account, proof of answered requests"),
    ("organisations", "the organisation"),
    ("organisation_staff", "the organisation"),
    ("location_staff", "the organisation"),
    ("practice_examples", "the organisation's coaches' write-ups, no client data"),
    ("social_map", "the organisation's list of local initiatives, no client data"),
    ("monitor_live", "the organisation's counts of this month so far, no circle content"),
    ("monitor_snapshots", "the organisation's monthly counts, no circle content: a trend survives an archived circle"),
    ("locations", "the organisation"),
    ("pool_rules", "the organisation's rules for its volunteer pool"),
    ("faq_entries", "the organisation's FAQ, no client data"),
    ("faq_versions", "the organisation's FAQ, no client data"),
    ("quiz_tally", "the organisation's quiz counts, nobody's own answers"),
    ("quiz_rounds", "the organisation's quiz counts, nobody's own answers"),
    ("placemat_items", "a location's placemat, no client data"),
    ("pool_volunteers", "the organisation's volunteers: per account, deleted with it"),
    ("pool_trainings", "the organisation's volunteers: per account, deleted with it"),
    ("expense_claims", "the organisation's volunteers: per account, deleted with it"),
    ("location_items", "a location's own agenda"),
    ("location_signups", "a location's own agenda"),
    ("jobs", "the outbox; a job for a deleted circle finds nothing and ends"),
    ("vapid_keys", "the server's push key"),
    ("entries_fts", "SQLite's search index: emptied by key first, see `purge`"),
    ("entries_fts_rows", "SQLite's search keys: deleted with the index, see `purge`"),
    ("_sqlx_migrations", "the schema version"),
];

/// The SQL that deletes one table's rows of the circle `$1`.
fn delete_sql(table: &str, condition: &str) -> String {
    let condition = condition.replace("ENTRIES", ENTRIES).replace("ITEMS", ITEMS).replace("MEMBERS", MEMBERS);
    format!("DELETE FROM {table} WHERE {condition}")
}

/// Deletes one circle and everything in it, and records that in the audit
/// trail, in one transaction.
async fn purge(tx: &mut Tx, circle: &CircleId, org: &OrganisationId, days: i64, now: Timestamp) -> Result<()> {
    if let Tx::Sqlite(_) = tx {
        // SQLite's contentless search index is emptied by key, then the keys
        // go (PostgreSQL indexes the entries themselves).
        tx.exec(
            "DELETE FROM entries_fts WHERE rowid IN (SELECT x.id FROM entries_fts_rows x \
             JOIN entries e ON e.id = x.entry_id WHERE e.circle_id = $1)",
            args![circle.as_str()],
        )
        .await?;
        tx.exec(&delete_sql("entries_fts_rows", "entry_id IN (ENTRIES)"), args![circle.as_str()]).await?;
    }
    for (table, condition) in PURGE {
        tx.exec(&delete_sql(table, condition), args![circle.as_str()]).await?;
    }
    let source = Source::system(&format!("retention job: {days} days after archiving, organisation {org}"));
    let what = What::new(Operation::Delete, "circle.purge", "circle", Some(circle.to_string()));
    let event = AuditEvent::new(None, Some(circle), what, Outcome::Allowed, &source, now);
    crate::audit::append(tx, &[event]).await
}

impl Store {
    /// Deletes every archived circle whose organisation's retention period
    /// has passed, each in its own transaction, and returns them. A circle
    /// restored in the meantime is no longer archived and is left alone.
    pub async fn purge_expired_circles(&self, now: Timestamp) -> Result<Vec<PurgedCircle>> {
        let due: Vec<(String, String, i64)> = self
            .all(
                "SELECT c.id, o.id, o.retention_days FROM circles c JOIN organisations o ON o.id = c.organisation_id \
                 WHERE c.archived_at IS NOT NULL AND o.retention_days IS NOT NULL \
                 AND c.archived_at + o.retention_days * 86400000 <= $1 ORDER BY c.archived_at LIMIT 100",
                args![ms(now)],
            )
            .await?;
        let mut purged = Vec::with_capacity(due.len());
        for (circle, org, days) in due {
            let (circle, org) = (CircleId::from_db(circle), OrganisationId::from_db(org));
            let mut tx = self.begin().await?;
            // Checked again inside the transaction, with the row locked: a
            // restore may have come first, or another worker purged it.
            let still = tx
                .exec(
                    "UPDATE circles SET archived_at = archived_at WHERE id = $1 AND archived_at IS NOT NULL",
                    args![circle.as_str()],
                )
                .await?;
            if still == 0 {
                continue;
            }
            purge(&mut tx, &circle, &org, days, now).await?;
            tx.commit().await?;
            purged.push(PurgedCircle { id: circle, organisation_id: org });
        }
        Ok(purged)
    }
}
