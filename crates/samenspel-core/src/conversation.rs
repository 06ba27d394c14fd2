//! Conversation guides: the family start conversation at the start of care,
//! the "In gesprek" questions about working together, and the review
//! conversation after a change or at a set moment. A guide is a fixed
//! sequence of questions; a held conversation keeps the answers, the date and
//! who took part, and its answers can become agreements.
//!
//! The question wording lives in the locale files (`guide-q-<key>`), so the
//! Dutch and English texts sit next to each other. Where the sources give the
//! questions (the eight "In gesprek" questions of the Samen Bouwen toolkit,
//! the five Schijf-van-Vijf steps) the Dutch text is theirs.

use crate::about::Part;
use crate::agreement::Step;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;
use crate::validate;
use jiff::civil::Date;
use std::collections::BTreeMap;

keys! {
    /// The guides Samenspel offers, in the order they are offered.
    pub enum Guide: trimmed {
        /// Kennismaking (intake): the first contact — what the client wants, and
        /// what family and network want and can do, from day one.
        Intake = "intake",
        /// Familiestartgesprek: the first conversation with client and family.
        FamilyStart = "family_start",
        /// "In gesprek": talking about the collaboration itself.
        Collaboration = "collaboration",
        /// Evaluatiegesprek: do the agreements still fit?
        Review = "review",
    }
}

/// One question of a guide. `key` names the answer (and the form field);
/// `step`, when set, is the Schijf-van-Vijf step an agreement made from the
/// answer starts in; `fills`, when set, is the part of "Dit ben ik" the
/// answer starts (if nobody wrote that part yet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub key: &'static str,
    pub step: Option<Step>,
    pub fills: Option<Part>,
}

const fn q(key: &'static str, step: Option<Step>) -> Question {
    Question { key, step, fills: None }
}

const fn about(key: &'static str, part: Part) -> Question {
    Question { key, step: None, fills: Some(part) }
}

/// The family start conversation: what matters to the client, then the five
/// steps in the order of the Schijf van Vijf, then who is whose contact,
/// what people expect of each other and how they keep each other informed —
/// the points the sources ask to settle at the start ("leg afspraken vast
/// aan het begin", "werk met meerdere contactpersonen").
const FAMILY_START: [Question; 9] = [
    q("fs_matters", None),
    q("fs_self", Some(Step::Client)),
    q("fs_aids", Some(Step::Aids)),
    q("fs_family", Some(Step::Family)),
    q("fs_network", Some(Step::Network)),
    q("fs_professional", Some(Step::Professional)),
    q("fs_contacts", None),
    q("fs_expectations", None),
    q("fs_informed", None),
];

/// The eight "In gesprek" questions of the Samen Bouwen toolkit, in its order.
const COLLABORATION: [Question; 8] = [
    q("ig_why", None),
    q("ig_hard", None),
    q("ig_perspective", None),
    q("ig_expectation", None),
    q("ig_role", None),
    q("ig_keep", None),
    q("ig_need", None),
    q("ig_know", None),
];

/// The review conversation: what changed, what goes well and why (the
/// toolkit's tip for keeping collaboration going), what is hard, whether the
/// agreements still fit, how the carers are doing, and when to meet again.
const REVIEW: [Question; 7] = [
    q("rv_changed", None),
    q("rv_going_well", None),
    q("rv_hard", None),
    q("rv_agreements", None),
    q("rv_carers", Some(Step::Family)),
    q("rv_thanks", None),
    q("rv_next", None),
];

/// The intake: first the client's own world (the answers start "Dit ben
/// ik"), then what the family wants and can do — "familie mag helpen" from
/// the first day — and the network, then who is the contact.
const INTAKE: [Question; 10] = [
    about("in_wants", Part::Matters),
    about("in_life", Part::LifeStory),
    about("in_rhythm", Part::Rhythm),
    about("in_likes", Part::Likes),
    about("in_people", Part::People),
    about("in_address", Part::Address),
    q("in_family_wants", Some(Step::Family)),
    q("in_family_can", Some(Step::Family)),
    q("in_network", Some(Step::Network)),
    q("in_contact", None),
];

impl Guide {
    pub fn questions(self) -> &'static [Question] {
        match self {
            Guide::FamilyStart => &FAMILY_START,
            Guide::Collaboration => &COLLABORATION,
            Guide::Review => &REVIEW,
            Guide::Intake => &INTAKE,
        }
    }

    pub fn question(self, key: &str) -> Option<&'static Question> {
        self.questions().iter().find(|q| q.key == key)
    }
}

pub const MAX_ANSWER: usize = 4000;
pub const MAX_OTHERS: usize = 300;
pub const MAX_PARTICIPANTS: usize = 60;

/// A held conversation as stored.
#[derive(Clone, Debug)]
pub struct Conversation {
    pub id: String,
    pub guide: Guide,
    pub held_on: Date,
    pub audience: Audience,
    /// Members who took part (id, name).
    pub participants: Vec<(MemberId, String)>,
    /// People who took part without being members ("buurvrouw Riet").
    pub others: String,
    /// Answers by question key, in the guide's order when listed.
    pub answers: BTreeMap<String, String>,
    pub recorded_by: MemberId,
    pub recorded_by_name: String,
    /// Agreements made from this conversation (id, description).
    pub agreements: Vec<(String, String)>,
}

impl Conversation {
    /// The answered questions, in the guide's order.
    pub fn answered(&self) -> Vec<(&'static Question, &str)> {
        self.guide.questions().iter().filter_map(|q| self.answers.get(q.key).map(|a| (q, a.as_str()))).collect()
    }

    pub fn took_part(&self, member: &MemberId) -> bool {
        self.participants.iter().any(|(m, _)| m == member)
    }
}

/// A conversation as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ConversationInput {
    /// intake, family_start, collaboration or review.
    pub guide: String,
    /// YYYY-MM-DD; today when empty.
    #[serde(default)]
    pub held_on: String,
    /// Member ids of those who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Others who took part, by name.
    #[serde(default)]
    pub others: String,
    /// circle, professionals, informal, or chosen (only those who took part).
    #[serde(default)]
    pub audience: String,
    /// Answers by question key; empty answers are left out.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Changes in the situation this (review) conversation discussed: they are closed.
    #[serde(default)]
    pub closes_changes: Vec<String>,
}

/// A checked conversation.
#[derive(Clone, Debug, PartialEq)]
pub struct NewConversation {
    pub guide: Guide,
    pub held_on: Date,
    pub audience: Audience,
    pub participants: Vec<MemberId>,
    pub others: String,
    pub answers: BTreeMap<&'static str, String>,
    pub closes_changes: Vec<String>,
}

impl ConversationInput {
    pub fn parse(&self, today: Date) -> crate::Result<NewConversation> {
        let mut v = Validator::new();
        let guide = v.known("guide", Guide::parse(&self.guide), "guide-invalid");
        let held_on = v.date_or("held_on", &self.held_on, Some(today));
        if held_on.is_some_and(|d| d > today) {
            v.push("held_on", "conversation-date-future");
        }
        let audience = match self.audience.trim() {
            "" => Some(Audience::Circle),
            raw => Audience::parse(raw),
        };
        if audience.is_none() {
            v.push("audience", "audience-invalid");
        }
        let participants = v.members("participants", &self.participants);
        if participants.len() > MAX_PARTICIPANTS {
            v.push("participants", "conversation-too-many-participants");
        }
        let others = v.line("others", &self.others, MAX_OTHERS, "conversation-others-too-long");
        let mut answers = BTreeMap::new();
        if let Some(guide) = guide {
            for (key, text) in &self.answers {
                let Some(question) = guide.question(key) else {
                    v.push("answers", "conversation-question-unknown");
                    continue;
                };
                let text = validate::plain_text(text);
                if text.chars().count() > MAX_ANSWER {
                    v.push(question.key, "conversation-answer-too-long");
                } else if !text.is_empty() {
                    answers.insert(question.key, text);
                }
            }
            if answers.is_empty() && !self.answers.keys().any(|k| guide.question(k).is_none()) {
                v.push("answers", "conversation-empty");
            }
        }
        if participants.is_empty() && others.is_empty() {
            v.push("participants", "conversation-participants-required");
        }
        v.finish()?;
        match (guide, held_on, audience) {
            (Some(guide), Some(held_on), Some(audience)) => Ok(NewConversation {
                guide,
                held_on,
                audience,
                participants,
                others,
                answers,
                closes_changes: self.closes_changes.iter().map(|c| c.trim().to_string()).collect(),
            }),
            _ => Err(crate::Error::internal("a checked conversation lacks a field")),
        }
    }
}

/// May this member change or remove a held conversation? Whoever recorded
/// it, whoever took part, and managers.
pub fn may_change_conversation(is_recorder: bool, took_part: bool, manages: bool) -> bool {
    is_recorder || took_part || manages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::codes;
    use jiff::civil::date;

    fn input(guide: &str) -> ConversationInput {
        ConversationInput {
            guide: guide.into(),
            others: "Ans".into(),
            answers: [("fs_self".to_string(), "  Zelf wassen, met wat hulp.\r\nKoffie zetten. ".to_string())].into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_intake_starts_with_the_clients_world_and_asks_what_family_and_network_can_do() {
        let qs = Guide::Intake.questions();
        let fills: Vec<Part> = qs.iter().filter_map(|q| q.fills).collect();
        assert_eq!(fills.len(), 6);
        let distinct: std::collections::BTreeSet<_> = fills.iter().collect();
        assert_eq!(distinct.len(), fills.len(), "each answer starts its own part");
        let first_other = qs.iter().position(|q| q.fills.is_none()).unwrap_or(qs.len());
        assert!(qs[first_other..].iter().all(|q| q.fills.is_none()), "the client's world comes first");
        let steps: Vec<Step> = qs.iter().filter_map(|q| q.step).collect();
        assert_eq!(steps, [Step::Family, Step::Family, Step::Network]);
        assert!(
            qs.iter().all(|q| q.fills.is_none() || q.step.is_none()),
            "an answer fills a part or starts an agreement step"
        );
    }

    #[test]
    fn every_guide_has_unique_keys_and_the_family_start_follows_the_five_steps() {
        let mut keys: Vec<&str> = Guide::ALL.iter().flat_map(|g| g.questions().iter().map(|q| q.key)).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "question keys are unique across guides");
        let steps: Vec<Step> = Guide::FamilyStart.questions().iter().filter_map(|q| q.step).collect();
        assert_eq!(steps, Step::ALL.to_vec(), "the five steps, in order");
        assert_eq!(Guide::Collaboration.questions().len(), 8, "the toolkit has eight questions");
    }

    #[test]
    fn a_conversation_is_checked() {
        let today = date(2026, 11, 22);
        let c = input("family_start").parse(today).expect("valid");
        assert_eq!(c.held_on, today);
        assert_eq!(c.audience, Audience::Circle);
        assert_eq!(c.answers.get("fs_self").map(String::as_str), Some("Zelf wassen, met wat hulp.\nKoffie zetten."));

        let mut wrong_guide = input("family_start");
        wrong_guide.answers.insert("ig_why".into(), "Omdat het moet".into());
        assert_eq!(codes(wrong_guide.parse(today).unwrap_err()), [("answers", "conversation-question-unknown")]);

        let mut empty = input("review");
        empty.answers = [("rv_changed".to_string(), "   ".to_string())].into();
        empty.others.clear();
        empty.held_on = "2026-12-01".into();
        assert_eq!(
            codes(empty.parse(today).unwrap_err()),
            [
                ("held_on", "conversation-date-future"),
                ("answers", "conversation-empty"),
                ("participants", "conversation-participants-required")
            ]
        );

        let mut long = input("family_start");
        long.answers.insert("fs_aids".into(), "x".repeat(MAX_ANSWER + 1));
        long.audience = "family".into();
        assert_eq!(
            codes(long.parse(today).unwrap_err()),
            [("audience", "audience-invalid"), ("fs_aids", "conversation-answer-too-long")]
        );
        assert_eq!(codes(input("anamnese").parse(today).unwrap_err()), [("guide", "guide-invalid")]);
    }

    #[test]
    fn who_changes_a_conversation() {
        assert!(may_change_conversation(true, false, false));
        assert!(may_change_conversation(false, true, false));
        assert!(may_change_conversation(false, false, true));
        assert!(!may_change_conversation(false, false, false));
    }
}
