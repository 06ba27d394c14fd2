//! Consent by data category (see [`samenspel_core::consent`]): the circle's
//! decision, who made each part of it, and changing it.
//!
//! The decision itself is `circles.consent_hidden`, read with every
//! membership check (`Internal::active_membership`), so it holds from the
//! next request on, for pages, API tokens, calendar feeds and summaries
//! alike. `consent_decisions` remembers who last decided about each
//! category, to say so beside what is hidden; the audit trail keeps every
//! change.

use crate::access::Can;
use crate::db::{Store, ms, ts};
use crate::sql::{args, db_row, member_name};
use samenspel_core::access::act;
use samenspel_core::audit::{AuditEvent, Operation, Outcome, Source, What};
use samenspel_core::consent::{Category, Consent};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

/// Who last decided about one category, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub category: Category,
    /// The decider's name ("Voormalig lid" once their account is gone).
    pub by: String,
    pub by_role: Role,
    pub at: Timestamp,
}

/// The circle's consent as every member may read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentView {
    pub consent: Consent,
    pub decisions: Vec<Decision>,
}

impl ConsentView {
    /// Who last decided about `category`, if anyone changed it.
    pub fn decision(&self, category: Category) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.category == category)
    }
}

impl Store {
    /// The circle's consent and who decided it. Every member may read it:
    /// what the client keeps from whom is no secret in the circle.
    pub async fn consent(&self, cap: &Can<act::ViewCircle>) -> Result<ConsentView> {
        let (hidden,): (i64,) =
            self.one("SELECT consent_hidden FROM circles WHERE id = $1", args![cap.circle_id().as_str()]).await?;
        db_row! {
            struct Row { category: String, by: String, role: String, at: i64 }
        }
        let rows: Vec<Row> = self
            .all(
                concat!(
                    "SELECT d.category, ",
                    member_name!("d.decided_by"),
                    ", m.role, d.decided_at FROM consent_decisions d \
                     JOIN memberships m ON m.id = d.decided_by WHERE d.circle_id = $1 ORDER BY d.category"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        let mut decisions = Vec::new();
        for Row { category, by, role, at } in rows {
            let category = Category::parse(&category)
                .ok_or_else(|| Error::internal(format!("consent_decisions holds an unknown category {category:?}")))?;
            let by_role = Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?;
            decisions.push(Decision { category, by, by_role, at: ts(at) });
        }
        Ok(ConsentView { consent: Consent::from_db(hidden), decisions })
    }

    /// Replaces the circle's consent with `new`, in one transaction: the
    /// decision, who made it for each category that changed, and one audit
    /// record per changed category naming the roles now kept out (under
    /// the proof's user, shown as `actor_name`). Returns
    /// the categories that changed.
    pub async fn set_consent(
        &self,
        cap: &Can<act::ManageConsent>,
        actor_name: &str,
        new: Consent,
        source: &Source,
        now: Timestamp,
    ) -> Result<Vec<Category>> {
        let mut tx = self.begin().await?;
        // Read and lock the row, so two people deciding at once both count.
        let (old,): (i64,) = tx
            .one(
                "UPDATE circles SET consent_hidden = consent_hidden WHERE id = $1 RETURNING consent_hidden",
                args![cap.circle_id().as_str()],
            )
            .await?;
        let changed = Consent::from_db(old).changed(new);
        if changed.is_empty() {
            return Ok(changed);
        }
        tx.exec("UPDATE circles SET consent_hidden = $2 WHERE id = $1", args![cap.circle_id().as_str(), new.to_db()])
            .await?;
        let mut events = Vec::new();
        for category in &changed {
            tx.exec(
                "INSERT INTO consent_decisions (circle_id, category, decided_by, decided_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (circle_id, category) DO UPDATE SET decided_by = $3, decided_at = $4",
                args![cap.circle_id().as_str(), category.as_str(), cap.member_id().as_str(), ms(now)],
            )
            .await?;
            // The object names the category and the roles now kept out of it,
            // e.g. "agenda: volunteer, coordinator" or "agenda:" for none.
            let roles: Vec<&str> = new.hidden_from(*category).into_iter().map(Role::as_str).collect();
            let what = What::new(
                Operation::Update,
                "consent.change",
                "consent",
                format!("{}: {}", category.as_str(), roles.join(", ")),
            );
            let actor = Some((cap.user_id(), actor_name));
            events.push(AuditEvent::new(actor, Some(cap.circle_id()), what, Outcome::Allowed, source, now));
        }
        crate::audit::append(&mut tx, &events).await?;
        tx.commit().await?;
        Ok(changed)
    }
}
