//! The FAQ: questions and answers an organisation keeps for its staff and
//! the families around its clients, each change kept as a version.

use crate::Timestamp;
use crate::error::{Result, Validator};
use crate::keys::keys;
use serde::Deserialize;

keys! {
    #[derive(serde::Serialize, utoipa::ToSchema)]
    #[schema(as = FaqTopic)]
    #[serde(rename_all = "snake_case")]
    pub enum Topic {
        /// Wat mag familie doen?
        Family = "family",
        /// Aansprakelijkheid, privacy en andere juridische vragen.
        Legal = "legal",
        /// Praktijkcasus: hoe pak je dit aan?
        Practice = "practice",
        Other = "other",
    }
}

/// One question and its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub topic: Topic,
    pub question: String,
    pub answer: String,
    /// From the starter set and not changed since.
    pub starter: bool,
    pub version: i64,
    pub updated_by: Option<String>,
    pub updated_at: Timestamp,
}

impl Entry {
    /// Every word of `query` in the question or answer.
    pub fn matches(&self, query: &str) -> bool {
        let hay = format!("{} {}", self.question, self.answer).to_lowercase();
        query.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// One earlier (or the current) text of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub version: i64,
    pub topic: Topic,
    pub question: String,
    pub answer: String,
    pub written_by: Option<String>,
    pub written_at: Timestamp,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = FaqEntryInput)]
#[serde(default)]
pub struct EntryInput {
    /// family, legal, practice or other.
    pub topic: String,
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntry {
    pub topic: Topic,
    pub question: String,
    pub answer: String,
}

impl EntryInput {
    pub fn parse(&self) -> Result<NewEntry> {
        let mut v = Validator::default();
        let topic = Topic::parse(self.topic.trim());
        if topic.is_none() {
            v.push("topic", "faq-topic-required");
        }
        let question = self.question.trim();
        if question.is_empty() {
            v.push("question", "faq-question-required");
        } else if question.chars().count() > 200 {
            v.push("question", "text-too-long");
        }
        let answer = self.answer.trim();
        if answer.is_empty() {
            v.push("answer", "faq-answer-required");
        } else if answer.chars().count() > 4000 {
            v.push("answer", "text-too-long");
        }
        v.finish()?;
        Ok(NewEntry { topic: topic.unwrap_or(Topic::Other), question: question.to_owned(), answer: answer.to_owned() })
    }
}

/// The starter set, in Dutch, written from the sources (Zorg voor Beter's
/// "wat mag familie doen", the Wkkgz, the AVG and the collaboration guides).
/// It is a start: the organisation checks it against its own policy.
pub const STARTER: [(Topic, &str, &str); 8] = [
    (
        Topic::Family,
        "Wat mag familie zelf doen in de zorg?",
        "Familie en naasten mogen veel: samen eten, wandelen, helpen bij wassen en aankleden, de was doen, \
         activiteiten bedenken. Spreek samen af wie wat doet en zet het in Wie doet wat. Voor handelingen die \
         een beroepskracht moet doen (zoals medicijnen geven of wondzorg) is overleg met de verpleging nodig.",
    ),
    (
        Topic::Family,
        "Mag familie medicijnen geven?",
        "Alleen als dat is afgesproken met de verantwoordelijke beroepskracht en in het zorgplan staat. \
         Dan weet iedereen wie het doet en wat te doen als het een keer niet lukt.",
    ),
    (
        Topic::Legal,
        "Wie is aansprakelijk als er iets misgaat terwijl familie helpt?",
        "De zorgorganisatie blijft verantwoordelijk voor goede zorg (Wkkgz). Familie die helpt binnen de \
         afspraken is meestal verzekerd via de eigen aansprakelijkheidsverzekering of de \
         vrijwilligersverzekering van de gemeente. Leg afspraken vast, dan is duidelijk wat is afgesproken.",
    ),
    (
        Topic::Legal,
        "Wat mag ik over een cliënt delen met familie?",
        "Alleen wat de cliënt (of diens vertegenwoordiger) goed vindt. In Samenspel beslist de cliënt wie wat \
         ziet, bij Wie ziet wat. Twijfel je? Vraag het aan de cliënt of de vertegenwoordiger.",
    ),
    (
        Topic::Legal,
        "Heeft een vrijwilliger een VOG nodig?",
        "Voor vrijwilligers die alleen met een cliënt zijn, vragen de meeste organisaties een Verklaring \
         Omtrent het Gedrag. Vrijwilligersorganisaties kunnen die vaak gratis aanvragen. De regels van de \
         vrijwilligerspool zeggen hoe lang een VOG telt.",
    ),
    (
        Topic::Practice,
        "Een mantelzorger lijkt overbelast. Wat doe ik?",
        "Vraag hoe het gaat en luister. Bied de mantelzorgcheck aan. Kijk samen wat een ander kan overnemen: \
         een vrijwilliger, respijtzorg of iemand uit het netwerk. Spreek af wanneer je weer contact hebt.",
    ),
    (
        Topic::Practice,
        "Kinderen zijn het niet eens over de zorg voor hun moeder.",
        "Nodig iedereen uit voor een gesprek met een gespreksleidraad. Laat de Schijf van Vijf zien wat \
         iedereen al doet. Leg vast wat jullie afspreken, en spreek af wanneer jullie het opnieuw bespreken.",
    ),
    (
        Topic::Other,
        "Hoe krijgt nieuwe familie toegang tot de kring?",
        "Iemand die mag uitnodigen maakt een uitnodiging, per e-mail of als link. Een welkomstkaart met een \
         QR-code kan ook: die print je en geef je mee bij de intake.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_needs_a_topic_a_question_and_an_answer() {
        let Err(crate::Error::Validation(f)) = EntryInput::default().parse() else { panic!("refused") };
        assert_eq!(f.iter().map(|f| f.field).collect::<Vec<_>>(), ["topic", "question", "answer"]);
        let ok = EntryInput { topic: "legal".into(), question: " Wie? ".into(), answer: "Zo.".into() }.parse();
        assert_eq!(ok.expect("valid"), NewEntry { topic: Topic::Legal, question: "Wie?".into(), answer: "Zo.".into() });
        for (_, q, a) in STARTER {
            assert!(EntryInput { topic: "family".into(), question: q.into(), answer: a.into() }.parse().is_ok(), "{q}");
        }
    }
}
