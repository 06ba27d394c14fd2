//! Volunteer check-ins, which their author may share with the coordinators.

use super::*;

/// A volunteer check-in: the answers are the result. `shared_at` says when
/// the volunteer showed it to the coordinators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolunteerCheckIn {
    pub id: String,
    pub member_id: MemberId,
    pub member_name: String,
    pub authored_at: Timestamp,
    pub answers: BTreeMap<String, String>,
    pub shared_at: Option<Timestamp>,
}

impl Store {
    /// The volunteer's own check-ins with their answers, newest first.
    pub async fn my_volunteer_check_ins(
        &self,
        cap: &Can<act::VolunteerCheckIn>,
        instrument: &str,
    ) -> Result<Vec<VolunteerCheckIn>> {
        self.volunteer_check_ins(cap.circle_id().as_str(), Some(cap.member_id()), instrument, false).await
    }

    /// Shows one of the volunteer's own check-ins to the coordinators.
    pub async fn share_volunteer_check_in(
        &self,
        cap: &Can<act::VolunteerCheckIn>,
        id: &str,
        now: Timestamp,
    ) -> Result<()> {
        self.exec_found(
            "UPDATE questionnaire_responses SET shared_at = COALESCE(shared_at, $4) \
             WHERE id = $1 AND circle_id = $2 AND member_id = $3",
            args![id, cap.circle_id().as_str(), cap.member_id().as_str(), ms(now)],
        )
        .await
    }

    /// The volunteer check-ins shared with the coordinators, newest first.
    /// Only a coordinator gets any; everyone else an empty list.
    pub async fn shared_volunteer_check_ins(
        &self,
        cap: &Can<act::ViewMembers>,
        instrument: &str,
    ) -> Result<Vec<VolunteerCheckIn>> {
        if cap.role() != Role::Coordinator {
            return Ok(Vec::new());
        }
        self.volunteer_check_ins(cap.circle_id().as_str(), None, instrument, true).await
    }

    async fn volunteer_check_ins(
        &self,
        circle: &str,
        member: Option<&MemberId>,
        instrument: &str,
        shared_only: bool,
    ) -> Result<Vec<VolunteerCheckIn>> {
        db_row! {
            struct Row { id: String, member_id: String, name: Option<String>, at: i64, shared: Option<i64> }
        }
        let rows: Vec<Row> = self
            .all(
                concat!(
                    "SELECT r.id, r.member_id, ",
                    crate::sql::member_name!("r.member_id"),
                    ", r.authored_at, r.shared_at FROM questionnaire_responses r \
             WHERE r.circle_id = $1 AND r.instrument = $2 AND ($3 = '' OR r.member_id = $3) \
             AND (r.shared_at IS NOT NULL OR $4 = 0) ORDER BY r.authored_at DESC, r.id DESC"
                ),
                args![circle, instrument, member.map(|m| m.as_str()).unwrap_or(""), i64::from(shared_only)],
            )
            .await?;
        let answers: Vec<(String, String, Option<String>)> = self
            .all(
                "SELECT a.response_id, a.link_id, a.answer_code FROM questionnaire_answers a \
             JOIN questionnaire_responses r ON r.id = a.response_id WHERE r.circle_id = $1 AND r.instrument = $2",
                args![circle, instrument],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|Row { id, member_id, name, at, shared }| VolunteerCheckIn {
                answers: answers
                    .iter()
                    .filter(|a| a.0 == id)
                    .filter_map(|a| a.2.clone().map(|code| (a.1.clone(), code)))
                    .collect(),
                id,
                member_id: MemberId::from_db(member_id),
                member_name: name.unwrap_or_default(),
                authored_at: ts(at),
                shared_at: shared.map(ts),
            })
            .collect())
    }
}
