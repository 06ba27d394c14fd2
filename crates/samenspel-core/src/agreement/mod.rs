//! Agreements (afspraken): who does what, by life domain, placed in the five
//! steps of the Schijf van Vijf — the conversation about own control asks,
//! in order, what the client can still do, which aids help, what family can
//! do, what the wider network and other services can do, and only then what
//! the professional does.

use crate::ids::MemberId;
use crate::keys::keys;
use crate::role::Role;
use jiff::civil::Date;

mod input;

pub use input::{AgreementInput, MAX_DESCRIPTION, MAX_FREQUENCY, NewAgreement, PartyInput};

keys! {
    /// Life domains an agreement is about.
    pub enum Domain: trimmed {
        PersonalCare = "personal_care",
        Household = "household",
        Meals = "meals",
        Medication = "medication",
        Finances = "finances",
        Company = "company",
        Mobility = "mobility",
        Appointments = "appointments",
        Other = "other",
    }
}

/// The five steps of the Schijf van Vijf, in the order the conversation takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// 1. Wat kan de cliënt zelf nog?
    Client,
    /// 2. Welke hulpmiddelen kunnen er worden ingezet?
    Aids,
    /// 3. Wat kan familie/mantelzorg?
    Family,
    /// 4. Wat kan het sociale netwerk of andere instanties?
    Network,
    /// 5. Wat kan de professional?
    Professional,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Client, Step::Aids, Step::Family, Step::Network, Step::Professional];

    /// 1 to 5, as stored and sent.
    pub fn number(self) -> i64 {
        match self {
            Step::Client => 1,
            Step::Aids => 2,
            Step::Family => 3,
            Step::Network => 4,
            Step::Professional => 5,
        }
    }

    pub fn from_number(n: i64) -> Option<Self> {
        Step::ALL.into_iter().find(|s| s.number() == n)
    }
}

/// Somebody an agreement names: a member of the circle, or someone else by name
/// ("Tafeltje-dekje", "buurman Kees", "de thuiszorg").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Party {
    Nobody,
    Member { id: MemberId, name: String },
    Named(String),
}

impl Party {
    pub fn name(&self) -> Option<&str> {
        match self {
            Party::Nobody => None,
            Party::Member { name, .. } => Some(name),
            Party::Named(n) => Some(n),
        }
    }

    pub fn member_id(&self) -> Option<&MemberId> {
        match self {
            Party::Member { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// An agreement as stored, with the names of the members it mentions.
#[derive(Clone, Debug)]
pub struct Agreement {
    pub id: String,
    pub domain: Domain,
    pub step: Step,
    pub description: String,
    pub doer: Party,
    pub backup: Party,
    /// "elke dinsdag", "dagelijks", "als het nodig is"
    pub frequency: String,
    pub since: Option<Date>,
    /// Who has the say ("regie") over this agreement.
    pub lead: Party,
    pub review_on: Option<Date>,
    /// Set by a change in the situation; cleared when the agreement is reviewed.
    pub needs_review: bool,
    /// The member who made it, and their role then: an agreement made by a
    /// professional is changed by family carers only if the circle allows it.
    pub owner: MemberId,
    pub owner_role: Role,
}

impl Agreement {
    /// Due for review on `today`: marked by a change, or its review date has come.
    pub fn due(&self, today: Date) -> bool {
        self.needs_review || self.review_on.is_some_and(|d| d <= today)
    }
}

/// How the agreements of a circle are divided over the five steps: count per
/// step, in step order, and each step's share in whole percent (summing to
/// 100 when there is at least one agreement).
pub fn shares(agreements: &[Agreement]) -> [(Step, usize, u32); 5] {
    let total = agreements.len();
    let counts = Step::ALL.map(|s| agreements.iter().filter(|a| a.step == s).count());
    // Largest-remainder rounding, so the shares add up to exactly 100.
    let mut percent = [0u32; 5];
    if total > 0 {
        let exact: Vec<f64> = counts.iter().map(|c| *c as f64 * 100.0 / total as f64).collect();
        for (p, e) in percent.iter_mut().zip(&exact) {
            *p = e.floor() as u32;
        }
        let mut left = 100 - percent.iter().sum::<u32>();
        let mut order: Vec<usize> = (0..5).collect();
        order.sort_by(|a, b| (exact[*b] - exact[*b].floor()).total_cmp(&(exact[*a] - exact[*a].floor())));
        for i in order {
            if left == 0 {
                break;
            }
            if counts[i] > 0 {
                percent[i] += 1;
                left -= 1;
            }
        }
    }
    let mut out = [(Step::Client, 0, 0); 5];
    for (i, s) in Step::ALL.into_iter().enumerate() {
        out[i] = (s, counts[i], percent[i]);
    }
    out
}

/// An agreement with nothing but a step and a maker's role, for tests.
#[cfg(test)]
pub(crate) fn sample(step: Step, owner_role: Role) -> Agreement {
    Agreement {
        id: String::new(),
        domain: Domain::Meals,
        step,
        description: String::new(),
        doer: Party::Nobody,
        backup: Party::Nobody,
        frequency: String::new(),
        since: None,
        lead: Party::Nobody,
        review_on: None,
        needs_review: false,
        owner: MemberId::generate(),
        owner_role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AgreementInput {
        AgreementInput {
            domain: "meals".into(),
            step: 4,
            description: " Warme   maaltijd van Tafeltje-dekje ".into(),
            doer_name: "Tafeltje-dekje".into(),
            frequency: "ma, wo, vr".into(),
            since: "2026-09-01".into(),
            review_on: "2026-12-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_agreement_is_read_and_tidied() {
        let a = input().parse().expect("valid");
        assert_eq!(a.domain, Domain::Meals);
        assert_eq!(a.step, Step::Network);
        assert_eq!(a.description, "Warme maaltijd van Tafeltje-dekje");
        assert_eq!(a.doer, PartyInput::Named("Tafeltje-dekje".into()));
        assert_eq!(a.backup, PartyInput::Nobody);
        assert_eq!(a.since, Some(jiff::civil::date(2026, 9, 1)));
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = AgreementInput {
            domain: "sport".into(),
            step: 6,
            description: "  ".into(),
            doer: "not-an-id".into(),
            since: "1 september".into(),
            lead: "x".into(),
            ..Default::default()
        };
        let crate::Error::Validation(fields) = bad.parse().expect_err("invalid") else { panic!("not a field error") };
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["domain", "step", "description", "doer", "since", "lead"]);
        let mut late = input();
        late.review_on = "2026-08-01".into();
        let crate::Error::Validation(fields) = late.parse().expect_err("review before start") else { panic!() };
        assert_eq!(fields[0].code, "review-before-start");
    }

    fn agreement(step: Step) -> Agreement {
        sample(step, Role::Relative)
    }

    #[test]
    fn shares_add_up_to_a_hundred() {
        let list =
            [Step::Client, Step::Family, Step::Family, Step::Professional, Step::Aids, Step::Family].map(agreement);
        let s = shares(&list);
        assert_eq!(s.iter().map(|x| x.1).collect::<Vec<_>>(), [1, 1, 3, 0, 1]);
        assert_eq!(s.iter().map(|x| x.2).sum::<u32>(), 100);
        assert_eq!(s[2].2, 50);
        assert_eq!(s[3].2, 0, "a step without agreements gets no share");
        let thirds = [Step::Client, Step::Aids, Step::Family].map(agreement);
        assert_eq!(shares(&thirds).iter().map(|x| x.2).sum::<u32>(), 100);
        assert!(shares(&[]).iter().all(|x| x.1 == 0 && x.2 == 0));
    }

    #[test]
    fn due_when_marked_or_when_the_date_has_come() {
        let today = jiff::civil::date(2026, 11, 22);
        let mut a = agreement(Step::Family);
        assert!(!a.due(today));
        a.review_on = Some(jiff::civil::date(2026, 11, 22));
        assert!(a.due(today));
        a.review_on = Some(jiff::civil::date(2026, 12, 1));
        assert!(!a.due(today));
        a.needs_review = true;
        assert!(a.due(today));
    }
}
