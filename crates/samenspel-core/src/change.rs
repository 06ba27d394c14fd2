//! Changes in the situation (a move to a care home, a new nurse, a carer who
//! falls ill). Agreements go stale when life changes; recording the change
//! marks the agreements it touches for review, tells the people involved,
//! and proposes a review conversation.

use crate::agreement::{Agreement, Step};
use crate::error::Validator;
use crate::keys::keys;
use crate::validate;
use jiff::civil::Date;

keys! {
    pub enum ChangeKind: trimmed {
        MovedToCareHome = "moved_to_care_home",
        MovedHome = "moved_home",
        ProfessionalChanged = "professional_changed",
        CarerAvailability = "carer_availability",
        MoreCare = "more_care",
        LessCare = "less_care",
        Other = "other",
    }
}

impl ChangeKind {
    /// Which agreements such a change usually touches, as the form's
    /// starting choice. A move or a change in the care needed touches
    /// everything; a new professional their own step; a carer's availability
    /// the family's step. People adjust the choice before saving.
    pub fn touches(self, a: &Agreement) -> bool {
        match self {
            ChangeKind::MovedToCareHome | ChangeKind::MovedHome | ChangeKind::MoreCare | ChangeKind::LessCare => true,
            ChangeKind::ProfessionalChanged => a.step == Step::Professional || a.owner_role.is_professional(),
            ChangeKind::CarerAvailability => a.step == Step::Family,
            ChangeKind::Other => false,
        }
    }
}

pub const MAX_CHANGE_TEXT: usize = 1000;
/// A review conversation is proposed this many days after the change.
pub const REVIEW_WITHIN_DAYS: i64 = 14;

/// A change as stored.
#[derive(Clone, Debug)]
pub struct Change {
    pub id: String,
    pub kind: ChangeKind,
    pub description: String,
    pub occurred_on: Date,
    /// The date proposed for the review conversation.
    pub review_by: Date,
    pub recorded_by: String,
    /// How many agreements it marked for review.
    pub agreements: i64,
}

/// A change as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ChangeInput {
    /// moved_to_care_home, moved_home, professional_changed, carer_availability, more_care, less_care, other
    pub kind: String,
    /// What happened, in a few words (required for "other").
    #[serde(default)]
    pub description: String,
    /// YYYY-MM-DD; today when empty.
    #[serde(default)]
    pub occurred_on: String,
    /// The agreements it touches. Left out: the usual ones for this kind.
    #[serde(default)]
    pub agreement_ids: Option<Vec<String>>,
}

/// A checked change.
#[derive(Clone, Debug, PartialEq)]
pub struct NewChange {
    pub kind: ChangeKind,
    pub description: String,
    pub occurred_on: Date,
    pub review_by: Date,
}

impl ChangeInput {
    pub fn parse(&self, today: Date) -> crate::Result<NewChange> {
        let mut v = Validator::new();
        let kind = v.known("kind", ChangeKind::parse(&self.kind), "change-kind-invalid");
        let description = validate::collapse_spaces(&self.description);
        if description.chars().count() > MAX_CHANGE_TEXT {
            v.push("description", "change-text-too-long");
        } else if description.is_empty() && kind == Some(ChangeKind::Other) {
            v.push("description", "change-text-required");
        }
        let occurred_on = v.date_or("occurred_on", &self.occurred_on, Some(today));
        v.finish()?;
        match (kind, occurred_on) {
            (Some(kind), Some(occurred_on)) => {
                let from = occurred_on.max(today);
                let review_by = from.checked_add(jiff::Span::new().days(REVIEW_WITHIN_DAYS)).unwrap_or(from);
                Ok(NewChange { kind, description, occurred_on, review_by })
            }
            _ => Err(crate::Error::internal("a checked change lacks a field")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_change_is_checked_and_gets_a_review_date() {
        let today = date(2026, 11, 22);
        let c = ChangeInput { kind: "moved_to_care_home".into(), ..Default::default() }.parse(today).expect("valid");
        assert_eq!((c.kind, c.occurred_on, c.review_by), (ChangeKind::MovedToCareHome, today, date(2026, 12, 6)));
        let later = ChangeInput { kind: "less_care".into(), occurred_on: "2027-01-10".into(), ..Default::default() };
        assert_eq!(later.parse(today).expect("valid").review_by, date(2027, 1, 24), "two weeks after a future change");
        let bad = ChangeInput { kind: "other".into(), occurred_on: "gisteren".into(), ..Default::default() };
        let crate::Error::Validation(f) = bad.parse(today).expect_err("invalid") else { panic!() };
        assert_eq!(f.iter().map(|f| f.field).collect::<Vec<_>>(), ["description", "occurred_on"]);
    }

    #[test]
    fn the_usual_agreements_follow_the_kind_of_change() {
        use crate::agreement::sample as a;
        use crate::role::Role;
        let family = a(Step::Family, Role::Relative);
        let nurse = a(Step::Professional, Role::Professional);
        assert!(ChangeKind::MovedToCareHome.touches(&family) && ChangeKind::MovedToCareHome.touches(&nurse));
        assert!(ChangeKind::ProfessionalChanged.touches(&nurse) && !ChangeKind::ProfessionalChanged.touches(&family));
        assert!(ChangeKind::CarerAvailability.touches(&family) && !ChangeKind::CarerAvailability.touches(&nurse));
        assert!(!ChangeKind::Other.touches(&family));
    }
}
