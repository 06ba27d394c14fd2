//! Collaboration profiles (one's own, private until shared) and the SOFA
//! roles marked for family carers.

use crate::access::Can;
use crate::db::{Store, ms, ts};
use crate::members::target_role;
use crate::sql::args;
use samenspel_core::access::{act, may_mark_carer_roles};
use samenspel_core::ids::MemberId;
use samenspel_core::profile::{Perspective, Profile, SofaRole, sofa_from_letters, sofa_letters};
use samenspel_core::{Error, Result, Timestamp};

/// A profile as the circle sees it on the member cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberProfile {
    pub member_id: MemberId,
    pub best: Vec<Perspective>,
    pub shared: bool,
}

/// The SOFA roles marked for a family carer, and by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarerRoles {
    pub member_id: MemberId,
    pub roles: Vec<SofaRole>,
    pub set_by: String,
    pub set_at: Timestamp,
}

fn perspectives(raw: &str) -> Result<Vec<Perspective>> {
    raw.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| Perspective::parse(p).ok_or_else(|| Error::internal(format!("unknown perspective {p:?}"))))
        .collect()
}

fn joined(ps: &[Perspective]) -> String {
    ps.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(",")
}

impl Store {
    /// The member's own profile, if they filled it in.
    pub async fn my_profile(&self, cap: &Can<act::KeepOwnProfile>) -> Result<Option<Profile>> {
        let row: Option<(String, String, bool)> = self
            .opt(
                "SELECT answers, best, shared FROM collaboration_profiles WHERE member_id = $1 AND circle_id = $2",
                args![cap.member_id().as_str(), cap.circle_id().as_str()],
            )
            .await?;
        row.map(|(answers, best, shared)| {
            Ok(Profile { answers: perspectives(&answers)?, best: perspectives(&best)?, shared })
        })
        .transpose()
    }

    /// Saves the member's answers (replacing earlier ones) and whether they share the result.
    pub async fn save_profile(&self, cap: &Can<act::KeepOwnProfile>, p: &Profile, now: Timestamp) -> Result<()> {
        self.exec(
            "INSERT INTO collaboration_profiles (member_id, circle_id, answers, best, shared, taken_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (member_id) DO UPDATE SET answers = excluded.answers, \
             best = excluded.best, shared = excluded.shared, taken_at = excluded.taken_at",
            args![
                cap.member_id().as_str(),
                cap.circle_id().as_str(),
                joined(&p.answers),
                joined(&p.best),
                p.shared,
                ms(now)
            ],
        )
        .await?;
        Ok(())
    }

    /// Shares the result with the circle, or takes it back.
    pub async fn share_profile(&self, cap: &Can<act::KeepOwnProfile>, shared: bool) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE collaboration_profiles SET shared = $3 WHERE member_id = $1 AND circle_id = $2",
                args![cap.member_id().as_str(), cap.circle_id().as_str(), shared],
            )
            .await?;
        if n == 0 {
            // Nothing to share yet: answer the questions first.
            return Err(Error::field("shared", "profile-none"));
        }
        tx.commit().await
    }

    /// Removes the member's own profile.
    pub async fn delete_profile(&self, cap: &Can<act::KeepOwnProfile>) -> Result<()> {
        self.exec(
            "DELETE FROM collaboration_profiles WHERE member_id = $1 AND circle_id = $2",
            args![cap.member_id().as_str(), cap.circle_id().as_str()],
        )
        .await?;
        Ok(())
    }

    /// The profiles the member may see: the shared ones and their own.
    pub async fn visible_profiles(&self, cap: &Can<act::ViewMembers>) -> Result<Vec<MemberProfile>> {
        let rows: Vec<(String, String, bool)> = self
            .all(
                "SELECT member_id, best, shared FROM collaboration_profiles \
             WHERE circle_id = $1 AND (shared = TRUE OR member_id = $2)",
                args![cap.circle_id().as_str(), cap.member_id().as_str()],
            )
            .await?;
        rows.into_iter()
            .map(|(m, best, shared)| {
                Ok(MemberProfile { member_id: MemberId::from_db(m), best: perspectives(&best)?, shared })
            })
            .collect()
    }

    /// The SOFA roles marked in the circle.
    pub async fn carer_roles(&self, cap: &Can<act::ViewMembers>) -> Result<Vec<CarerRoles>> {
        let rows: Vec<(String, String, Option<String>, i64)> = self
            .all(
                concat!(
                    "SELECT r.member_id, r.roles, ",
                    crate::sql::member_name!("r.set_by"),
                    ", r.set_at FROM carer_roles r WHERE r.circle_id = $1"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        rows.into_iter()
            .map(|(m, roles, by, at)| {
                Ok(CarerRoles {
                    member_id: MemberId::from_db(m),
                    roles: sofa_from_letters(&roles),
                    set_by: by.unwrap_or_default(),
                    set_at: ts(at),
                })
            })
            .collect()
    }

    /// Marks which SOFA roles apply now to the family carer `member`.
    pub async fn set_carer_roles(
        &self,
        cap: &Can<act::MarkCarerRoles>,
        member: &MemberId,
        roles: &[SofaRole],
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let target = target_role(&mut tx, cap.circle_id(), member, now).await?;
        if !may_mark_carer_roles(cap.role(), member == cap.member_id(), target) {
            return Err(Error::Forbidden);
        }
        tx.exec(
            "INSERT INTO carer_roles (member_id, circle_id, roles, set_by, set_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (member_id) DO UPDATE SET roles = excluded.roles, set_by = excluded.set_by, set_at = excluded.set_at",
            args![member.as_str(), cap.circle_id().as_str(), sofa_letters(roles), cap.member_id().as_str(), ms(now)],
        )
        .await?;
        tx.commit().await
    }
}
