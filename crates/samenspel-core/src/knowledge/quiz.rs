//! A short quiz for staff: what family may do, privacy, signals. Each
//! option has an explanation. Nobody's answers are kept: a round adds to the
//! organisation's counts per option, and the person sees their own result
//! only on the page that answers their round.

/// One question: its key (its texts are `quiz-<key>`, `quiz-<key>-<option>`
/// and `quiz-<key>-<option>-why` in the catalogs) and its options, the right
/// one marked.
pub struct Question {
    pub key: &'static str,
    pub options: &'static [(&'static str, bool)],
}

pub const QUIZ: [Question; 5] = [
    Question { key: "family-care", options: &[("a", false), ("b", true), ("c", false)] },
    Question { key: "sharing", options: &[("a", false), ("b", false), ("c", true)] },
    Question { key: "medicines", options: &[("a", true), ("b", false), ("c", false)] },
    Question { key: "signal", options: &[("a", false), ("b", true), ("c", false)] },
    Question { key: "vog", options: &[("a", false), ("b", true), ("c", false)] },
];

/// One answered question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub question: &'static str,
    pub chosen: &'static str,
    pub right: &'static str,
}

impl Answered {
    pub fn correct(&self) -> bool {
        self.chosen == self.right
    }
}

/// Reads a round from the form's (question, option) pairs; an unanswered
/// question or an unknown option is the question's field error.
pub fn mark(pairs: &[(String, String)]) -> crate::Result<Vec<Answered>> {
    let mut v = crate::error::Validator::default();
    let mut out = Vec::new();
    for q in &QUIZ {
        let given = pairs.iter().find(|(k, _)| k == q.key).map(|(_, o)| o.as_str());
        match given.and_then(|g| q.options.iter().find(|(o, _)| *o == g)) {
            Some((chosen, _)) => {
                let right = q.options.iter().find(|(_, r)| *r).map(|(o, _)| *o).unwrap_or("");
                out.push(Answered { question: q.key, chosen, right });
            }
            None => v.push(q.key, "quiz-answer-required"),
        }
    }
    v.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_one_right_option_and_a_round_is_marked() {
        for q in &QUIZ {
            assert_eq!(q.options.iter().filter(|(_, r)| *r).count(), 1, "{}", q.key);
        }
        let all: Vec<(String, String)> = QUIZ.iter().map(|q| (q.key.to_owned(), "b".to_owned())).collect();
        let marked = mark(&all).expect("answered");
        assert_eq!(marked.iter().filter(|a| a.correct()).count(), 3);
        let Err(crate::Error::Validation(f)) = mark(&all[1..]) else { panic!("one missing") };
        assert_eq!(f.iter().map(|f| f.field).collect::<Vec<_>>(), ["family-care"]);
        let mut wrong = all.clone();
        wrong[0].1 = "z".into();
        assert!(mark(&wrong).is_err());
    }
}
