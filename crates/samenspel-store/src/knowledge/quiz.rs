//! The quiz's counts: a round adds one to each chosen option and to the
//! rounds, in one transaction. Nobody's answers are stored.

use crate::access::OrgCan;
use crate::db::Store;
use crate::sql::args;
use samenspel_core::Result;
use samenspel_core::access::oact;
use samenspel_core::knowledge::quiz::Answered;

/// The organisation's counts: rounds taken, and (question, option, times chosen).
pub struct Tally {
    pub rounds: i64,
    pub chosen: Vec<(String, String, i64)>,
}

impl Store {
    pub async fn count_quiz_round(&self, cap: &OrgCan<oact::TakeQuiz>, answers: &[Answered]) -> Result<()> {
        let org = cap.organisation_id().as_str();
        let mut tx = self.begin().await?;
        for a in answers {
            tx.exec(
                "INSERT INTO quiz_tally (organisation_id, question, option, chosen) VALUES ($1, $2, $3, 1) \
                 ON CONFLICT (organisation_id, question, option) DO UPDATE SET chosen = quiz_tally.chosen + 1",
                args![org, a.question, a.chosen],
            )
            .await?;
        }
        tx.exec(
            "INSERT INTO quiz_rounds (organisation_id, rounds) VALUES ($1, 1) \
             ON CONFLICT (organisation_id) DO UPDATE SET rounds = quiz_rounds.rounds + 1",
            args![org],
        )
        .await?;
        tx.commit().await
    }

    pub async fn quiz_tally(&self, cap: &OrgCan<oact::KeepKnowledge>) -> Result<Tally> {
        let org = cap.organisation_id().as_str();
        let rounds: Option<i64> =
            self.opt("SELECT rounds FROM quiz_rounds WHERE organisation_id = $1", args![org]).await?;
        let chosen: Vec<(String, String, i64)> =
            self.all("SELECT question, option, chosen FROM quiz_tally WHERE organisation_id = $1", args![org]).await?;
        Ok(Tally { rounds: rounds.unwrap_or(0), chosen })
    }
}
