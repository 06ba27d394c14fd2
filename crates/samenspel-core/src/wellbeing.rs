//! The wellbeing plan: goals in the client's own words — what I want to keep
//! doing, do again, or start (reablement: independence in meaningful daily
//! activities) — with the steps, who helps, and a review date. Progress is
//! written in the logbook and linked to the goal.

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;
use jiff::civil::Date;

keys! {
    /// What kind of goal, in the words of reablement.
    pub enum GoalKind {
        /// Dit wil ik blijven doen.
        Keep = "keep",
        /// Dit wil ik weer doen.
        Again = "again",
        /// Dit wil ik (nieuw) gaan doen.
        New = "new",
    }
}

keys! {
    /// Where a goal stands.
    pub enum GoalStatus {
        Active = "active",
        Achieved = "achieved",
        Stopped = "stopped",
    }
}

pub const MAX_WORDS: usize = 300;
pub const MAX_STEPS: usize = 4_000;
pub const MAX_OTHERS: usize = 300;

/// A goal as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: String,
    pub kind: GoalKind,
    /// The goal in the client's own words.
    pub words: String,
    pub steps: String,
    /// Members who help, with their names.
    pub helpers: Vec<(MemberId, String)>,
    /// Others who help, by name.
    pub others: String,
    pub review_on: Option<Date>,
    pub status: GoalStatus,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub created_by: MemberId,
    pub created_by_name: String,
    pub updated_at: Timestamp,
    /// Logbook entries about this goal the reader may see, newest first.
    pub progress: Vec<Progress>,
}

/// A logbook entry that tells how a goal is going.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub entry_id: String,
    pub written_at: Timestamp,
    pub text: String,
    pub author_name: String,
}

impl Goal {
    /// Is the review date today or past, while the goal is still being worked on?
    pub fn review_due(&self, today: Date) -> bool {
        self.status == GoalStatus::Active && self.review_on.is_some_and(|d| d <= today)
    }
}

/// A goal as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct GoalInput {
    /// keep, again or new.
    #[serde(default)]
    pub kind: String,
    /// The goal in the client's own words.
    #[serde(default)]
    pub words: String,
    #[serde(default)]
    pub steps: String,
    /// Member ids of those who help.
    #[serde(default)]
    pub helpers: Vec<String>,
    #[serde(default)]
    pub others: String,
    /// YYYY-MM-DD, or empty.
    #[serde(default)]
    pub review_on: String,
    /// active, achieved or stopped; active when empty.
    #[serde(default)]
    pub status: String,
    /// circle, professionals, informal or chosen; the whole circle when empty.
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// A checked goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewGoal {
    pub kind: GoalKind,
    pub words: String,
    pub steps: String,
    pub helpers: Vec<MemberId>,
    pub others: String,
    pub review_on: Option<Date>,
    pub status: GoalStatus,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
}

impl GoalInput {
    pub fn parse(&self) -> crate::Result<NewGoal> {
        let mut v = Validator::new();
        let kind = v.known("kind", GoalKind::parse(self.kind.trim()), "goal-kind-invalid");
        let words = v.required_line("words", &self.words, MAX_WORDS, "goal-words-required", "goal-words-too-long");
        let steps = v.text("steps", &self.steps, MAX_STEPS, "goal-steps-too-long");
        let helpers = v.members("helpers", &self.helpers);
        let others = v.line("others", &self.others, MAX_OTHERS, "goal-others-too-long");
        let review_on = v.date_or("review_on", &self.review_on, None);
        let status = match self.status.trim() {
            "" => Some(GoalStatus::Active),
            raw => GoalStatus::parse(raw),
        };
        let status = v.known("status", status, "goal-status-invalid");
        let (audience, chosen) = crate::about::audience_or_circle(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        match (kind, status) {
            (Some(kind), Some(status)) => {
                Ok(NewGoal { kind, words, steps, helpers, others, review_on, status, audience, chosen })
            }
            _ => Err(crate::Error::internal("a checked goal lacks a field")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::codes;
    use jiff::civil::date;

    #[test]
    fn a_goal_is_checked() {
        let ok = GoalInput {
            kind: "again".into(),
            words: "  Weer zelf   naar de markt ".into(),
            review_on: "2027-02-01".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(ok.words, "Weer zelf naar de markt");
        assert_eq!(ok.kind, GoalKind::Again);
        assert_eq!(ok.status, GoalStatus::Active);
        assert_eq!(ok.review_on, Some(date(2027, 2, 1)));

        let bad =
            GoalInput { kind: "someday".into(), review_on: "morgen".into(), status: "x".into(), ..Default::default() };
        assert_eq!(
            codes(bad.parse().unwrap_err()),
            vec![
                ("kind", "goal-kind-invalid"),
                ("words", "goal-words-required"),
                ("review_on", "date-invalid"),
                ("status", "goal-status-invalid"),
            ]
        );
    }

    #[test]
    fn a_review_is_due_only_for_active_goals() {
        let goal = |status, review_on| Goal {
            id: "g".into(),
            kind: GoalKind::Keep,
            words: "w".into(),
            steps: String::new(),
            helpers: vec![],
            others: String::new(),
            review_on,
            status,
            audience: Audience::Circle,
            chosen: vec![],
            created_by: MemberId::from_db("m".into()),
            created_by_name: String::new(),
            updated_at: Timestamp::UNIX_EPOCH,
            progress: vec![],
        };
        let today = date(2026, 11, 22);
        assert!(goal(GoalStatus::Active, Some(today)).review_due(today));
        assert!(!goal(GoalStatus::Active, Some(date(2026, 11, 23))).review_due(today));
        assert!(!goal(GoalStatus::Achieved, Some(date(2026, 1, 1))).review_due(today));
        assert!(!goal(GoalStatus::Active, None).review_due(today));
    }
}
