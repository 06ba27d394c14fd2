//! Collaboration profiles and SOFA roles: two ways for members to see how
//! each of them stands in the collaboration.
//!
//! * The five perspectives on collaboration (de verbinder, de kenner, de
//!   luisteraar, de rebel, de prater) come from the Samen Bouwen toolkit
//!   (Erasmus School of Health Policy & Management). The short self-assessment
//!   here is ours, written from the toolkit's descriptions: it is a
//!   conversation aid, not a validated test, and the screens say so.
//! * The SOFA model (Movisie, MantelzorgNL) names four roles a family carer can
//!   have towards professionals. The personal relation (Faciliteren) is always
//!   there; which other roles apply changes with the situation.

use crate::error::Validator;
use crate::keys::keys;

keys! {
    /// The five perspectives on collaboration.
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Perspective: trimmed {
        /// Focused on the process: invests in relations, keeps agreements.
        Verbinder = "verbinder",
        /// Puts the client's interest first; values the professional's knowledge
        /// and clear agreements on who does what.
        Kenner = "kenner",
        /// Person-centred: the life story, openness, understanding, compassion.
        Luisteraar = "luisteraar",
        /// Puts the client first, also when that means departing from the rules;
        /// learning from each other.
        Rebel = "rebel",
        /// Meeting the needs of client and carer through consultation.
        Prater = "prater",
    }
}

/// One question of the self-assessment: pick the answer that fits best. Each
/// answer belongs to one perspective; the order differs per question so the
/// same perspective is not always first. Texts: `profile-q<n>` and
/// `profile-q<n>-<perspective>` in the locale files.
pub struct ProfileQuestion {
    pub number: usize,
    pub options: [Perspective; 5],
}

use Perspective::{Kenner as K, Luisteraar as L, Prater as P, Rebel as R, Verbinder as V};

pub const PROFILE_QUESTIONS: [ProfileQuestion; 6] = [
    ProfileQuestion { number: 1, options: [V, K, L, R, P] },
    ProfileQuestion { number: 2, options: [K, R, P, V, L] },
    ProfileQuestion { number: 3, options: [L, P, V, K, R] },
    ProfileQuestion { number: 4, options: [R, V, K, P, L] },
    ProfileQuestion { number: 5, options: [P, L, R, K, V] },
    ProfileQuestion { number: 6, options: [L, K, P, V, R] },
];

/// A member's answers and the perspectives that fit best.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub answers: Vec<Perspective>,
    /// The perspectives picked most often (more than one on a tie).
    pub best: Vec<Perspective>,
    /// Whether the other members of the circle may see it.
    pub shared: bool,
}

/// The perspectives chosen most often, in the fixed order; none for no answers.
pub fn best_fit(answers: &[Perspective]) -> Vec<Perspective> {
    let count = |p: Perspective| answers.iter().filter(|a| **a == p).count();
    let top = Perspective::ALL.into_iter().map(count).max().unwrap_or(0);
    if top == 0 {
        return Vec::new();
    }
    Perspective::ALL.into_iter().filter(|p| count(*p) == top).collect()
}

/// The answers as a form or API client sends them: one perspective code per
/// question, in question order.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ProfileInput {
    /// Six codes (verbinder, kenner, luisteraar, rebel, prater), one per question.
    pub answers: Vec<String>,
    /// Show the result to the other members of the circle.
    #[serde(default)]
    pub shared: bool,
}

/// The form field of question `n` ("q1" … "q6").
pub fn question_field(n: usize) -> &'static str {
    ["q1", "q2", "q3", "q4", "q5", "q6"].get(n.wrapping_sub(1)).copied().unwrap_or("answers")
}

impl ProfileInput {
    pub fn parse(&self) -> crate::Result<Profile> {
        let mut v = Validator::new();
        if self.answers.len() != PROFILE_QUESTIONS.len() {
            v.push("answers", "profile-answer-every-question");
        }
        let mut answers = Vec::new();
        for (q, raw) in PROFILE_QUESTIONS.iter().zip(&self.answers) {
            match Perspective::parse(raw) {
                Some(p) => answers.push(p),
                None => v.push(question_field(q.number), "profile-choose-one"),
            }
        }
        v.finish()?;
        Ok(Profile { best: best_fit(&answers), answers, shared: self.shared })
    }
}

/// The four SOFA roles a family carer can have towards professionals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SofaRole {
    /// Samenwerken: a partner in care.
    Samenwerken,
    /// Ondersteunen: needs support, at risk of overload.
    Ondersteunen,
    /// Faciliteren: the personal relation — always there.
    Faciliteren,
    /// Afstemmen: the expert who knows everything about the client.
    Afstemmen,
}

impl SofaRole {
    pub const ALL: [SofaRole; 4] =
        [SofaRole::Samenwerken, SofaRole::Ondersteunen, SofaRole::Faciliteren, SofaRole::Afstemmen];

    /// The roles one marks; Faciliteren is always present and not a choice.
    pub const MARKABLE: [SofaRole; 3] = [SofaRole::Samenwerken, SofaRole::Ondersteunen, SofaRole::Afstemmen];

    pub fn letter(self) -> &'static str {
        match self {
            SofaRole::Samenwerken => "S",
            SofaRole::Ondersteunen => "O",
            SofaRole::Faciliteren => "F",
            SofaRole::Afstemmen => "A",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SofaRole::Samenwerken => "samenwerken",
            SofaRole::Ondersteunen => "ondersteunen",
            SofaRole::Faciliteren => "faciliteren",
            SofaRole::Afstemmen => "afstemmen",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        SofaRole::ALL.into_iter().find(|r| r.as_str() == raw.trim() || r.letter() == raw.trim())
    }
}

/// The SOFA roles marked for a carer, stored as their letters ("SA"). The
/// personal relation is added on read: it is always there.
pub fn sofa_from_letters(raw: &str) -> Vec<SofaRole> {
    SofaRole::ALL.into_iter().filter(|r| *r == SofaRole::Faciliteren || raw.contains(r.letter())).collect()
}

pub fn sofa_letters(roles: &[SofaRole]) -> String {
    SofaRole::MARKABLE.into_iter().filter(|r| roles.contains(r)).map(SofaRole::letter).collect()
}

/// Parses the roles a form or API client marks; Faciliteren may be sent
/// (it is always present) and is not stored.
pub fn parse_sofa(raw: &[String]) -> crate::Result<Vec<SofaRole>> {
    let mut roles = Vec::new();
    for r in raw {
        match SofaRole::parse(r) {
            Some(role) if !roles.contains(&role) => roles.push(role),
            Some(_) => {}
            None => return Err(crate::Error::field("roles", "sofa-role-invalid")),
        }
    }
    roles.sort();
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_offers_each_perspective_once() {
        for q in &PROFILE_QUESTIONS {
            let mut o = q.options.to_vec();
            o.sort();
            assert_eq!(o, Perspective::ALL.to_vec(), "question {}", q.number);
        }
        let firsts: Vec<Perspective> = PROFILE_QUESTIONS.iter().map(|q| q.options[0]).collect();
        assert!(Perspective::ALL.iter().all(|p| firsts.contains(p)), "each perspective leads somewhere");
    }

    #[test]
    fn the_best_fit_is_the_most_chosen_and_ties_are_kept() {
        assert_eq!(best_fit(&[V, V, K, L, V, R]), [V]);
        assert_eq!(best_fit(&[L, R, L, R, P, K]), [L, R]);
        assert_eq!(best_fit(&[]), Vec::<Perspective>::new());
        let input = |a: &[&str]| ProfileInput { answers: a.iter().map(|s| s.to_string()).collect(), shared: false };
        let p = input(&["prater", "prater", "kenner", "prater", "rebel", "luisteraar"]).parse().expect("valid");
        assert_eq!((p.best, p.shared), (vec![P], false));
        let err = input(&["prater", "x", "kenner", "prater", "rebel", "luisteraar"]).parse().unwrap_err();
        assert!(matches!(err, crate::Error::Validation(f) if f[0].field == "q2" && f[0].code == "profile-choose-one"));
        let err = input(&["prater"]).parse().unwrap_err();
        assert!(matches!(err, crate::Error::Validation(f) if f[0].code == "profile-answer-every-question"));
    }

    #[test]
    fn sofa_keeps_the_personal_relation() {
        let roles = parse_sofa(&["A".into(), "samenwerken".into(), "faciliteren".into()]).expect("valid");
        assert_eq!(sofa_letters(&roles), "SA", "F is not stored");
        assert_eq!(sofa_from_letters("SA"), [SofaRole::Samenwerken, SofaRole::Faciliteren, SofaRole::Afstemmen]);
        assert_eq!(sofa_from_letters(""), [SofaRole::Faciliteren], "just the loved one");
        assert!(parse_sofa(&["zorgen".into()]).is_err());
    }
}
