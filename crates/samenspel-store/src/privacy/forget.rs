//! Deleting an account (GDPR article 17) while keeping what the circles
//! must keep.
//!
//! What the person wrote in a circle — messages, replies, agreements, Dit
//! ben ik, the agenda — is part of the client's record and the others'
//! conversation: it stays, and shows as written by a former member (the
//! name is replaced; a circle's managers can still remove a message). What is
//! only about the person goes: their check-ins and signals, collaboration
//! profile, reading marks, settings, devices and ways to sign in.

use super::{Store, log_request};
use crate::access::CurrentUser;
use crate::db::ms;
use crate::sql::args;
use samenspel_core::privacy::RequestKind;
use samenspel_core::{Error, Result, Timestamp};

/// The name that replaces a deleted account's everywhere it wrote.
pub const FORMER_MEMBER: &str = "Voormalig lid";

/// Rows that are only about the person, per membership: deleted.
const OWN_ROWS: &[&str] = &[
    "DELETE FROM questionnaire_answers WHERE response_id IN \
     (SELECT id FROM questionnaire_responses WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1))",
    "DELETE FROM questionnaire_responses WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM care_signals WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM collaboration_profiles WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM carer_roles WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM checkin_reminders WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM notification_settings WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM entry_unseen WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM entry_reads WHERE member_id IN (SELECT id FROM memberships WHERE user_id = $1)",
    "DELETE FROM calendar_feeds WHERE user_id = $1",
    "DELETE FROM push_subscriptions WHERE user_id = $1",
    "DELETE FROM sign_in_links WHERE user_id = $1",
    "DELETE FROM location_signups WHERE user_id = $1",
    "DELETE FROM idempotency_keys WHERE user_id = $1",
    "DELETE FROM organisation_staff WHERE user_id = $1",
    "DELETE FROM location_staff WHERE user_id = $1",
    // Who followed up a carer's signal: the mark stays (the monitor counts
    // it), the name goes.
    "UPDATE care_signals SET followed_up_by = NULL WHERE followed_up_by = $1",
    "UPDATE inbox_marks SET claimed_by = NULL WHERE claimed_by = $1",
    "UPDATE inbox_marks SET done_by = NULL WHERE done_by = $1",
    "UPDATE social_map SET updated_by = NULL WHERE updated_by = $1",
    // Their place in volunteer pools: the record, training, answers and
    // expense claims go (an organisation's payments are in its own books,
    // from the export); offers they were asked for go back to open.
    "UPDATE pool_offers SET status = 'open', asked_volunteer = NULL WHERE status = 'asked' AND asked_volunteer IN \
     (SELECT id FROM pool_volunteers WHERE user_id = $1)",
    "UPDATE pool_offers SET asked_volunteer = NULL WHERE asked_volunteer IN (SELECT id FROM pool_volunteers WHERE user_id = $1)",
    "DELETE FROM pool_answers WHERE volunteer_id IN (SELECT id FROM pool_volunteers WHERE user_id = $1)",
    "DELETE FROM pool_trainings WHERE volunteer_id IN (SELECT id FROM pool_volunteers WHERE user_id = $1)",
    "DELETE FROM expense_claims WHERE volunteer_id IN (SELECT id FROM pool_volunteers WHERE user_id = $1)",
    "DELETE FROM pool_volunteers WHERE user_id = $1",
    "UPDATE expense_claims SET decided_by = NULL WHERE decided_by = $1",
    "UPDATE pool_offers SET created_by = NULL WHERE created_by = $1",
    // The FAQ and placemats stay; the name of who wrote them goes.
    "UPDATE faq_entries SET updated_by = NULL WHERE updated_by = $1",
    "UPDATE faq_versions SET written_by = NULL WHERE written_by = $1",
    "UPDATE placemat_items SET updated_by = NULL WHERE updated_by = $1",
    // A practice example stays for the other coaches, by a former colleague.
    "UPDATE practice_examples SET author_id = NULL WHERE author_id = $1",
    // Every way to sign in, with the devices and addresses it was used from.
    "DELETE FROM pending_sign_ins WHERE user_id = $1",
    "DELETE FROM remembered_devices WHERE user_id = $1",
    "DELETE FROM recovery_codes WHERE user_id = $1",
    "DELETE FROM second_factors WHERE user_id = $1",
    "DELETE FROM sso_identities WHERE user_id = $1",
    "DELETE FROM passkeys WHERE user_id = $1",
    "DELETE FROM passkey_ceremonies WHERE user_id = $1",
    "DELETE FROM sessions WHERE user_id = $1",
    "DELETE FROM api_tokens WHERE user_id = $1",
];

impl Store {
    /// The circles (by the client's name) the current user manages alone:
    /// they must hand over before their account can go.
    pub async fn managed_alone(&self, user: &CurrentUser) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = self
            .all(
                "SELECT c.client_name FROM memberships m JOIN circles c ON c.id = m.circle_id \
                 WHERE m.user_id = $1 AND m.ended_at IS NULL AND m.manager AND c.archived_at IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.circle_id = m.circle_id AND o.id <> m.id \
                 AND o.ended_at IS NULL AND o.manager) ORDER BY c.client_name",
                args![user.id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(|(n,)| n).collect())
    }

    /// Deletes the current user's account in one transaction: ends every
    /// membership, removes what is only about them, revokes every way to
    /// sign in (sessions, tokens, second factor), replaces name and address,
    /// and logs the request. Refused
    /// while they manage a circle alone.
    pub async fn forget_account(&self, user: &CurrentUser, now: Timestamp) -> Result<()> {
        if !self.managed_alone(user).await?.is_empty() {
            return Err(Error::Conflict("delete-manages-alone"));
        }
        let me = user.id().as_str();
        let mut tx = self.begin().await?;
        // Mail still waiting for the address, or kept after a failure, goes too.
        let (email,): (String,) = tx.one("SELECT email FROM users WHERE id = $1", args![me]).await?;
        let mentions = match tx.engine() {
            crate::Engine::Sqlite => "DELETE FROM jobs WHERE instr(payload, $1) > 0",
            crate::Engine::Postgres => "DELETE FROM jobs WHERE strpos(payload, $1) > 0",
        };
        tx.exec(mentions, args![email]).await?;
        for sql in OWN_ROWS {
            tx.exec(sql, args![me]).await?;
        }
        tx.exec(
            "UPDATE memberships SET ended_at = $2, ended_by = $1, manager = FALSE, contact_person = FALSE \
             WHERE user_id = $1 AND ended_at IS NULL",
            args![me, ms(now)],
        )
        .await?;
        tx.exec(
            "UPDATE users SET display_name = $2, email = $3, password_hash = NULL, email_verified_at = NULL, \
             disabled_at = $4 WHERE id = $1",
            args![me, FORMER_MEMBER, format!("deleted-{me}@deleted.invalid"), ms(now)],
        )
        .await?;
        log_request(&mut tx, me, RequestKind::Delete, now).await?;
        tx.commit().await
    }
}
