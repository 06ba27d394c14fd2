//! An agreement as a form or API client sends it, checked field by field.

use super::{Domain, Step};
use crate::error::{FieldError, Validator};
use crate::ids::MemberId;
use crate::validate;
use jiff::civil::Date;

pub const MAX_DESCRIPTION: usize = 500;
pub const MAX_FREQUENCY: usize = 100;

/// An agreement as a form or API client sends it. A party is a member id
/// (`doer`) or, when that is empty, a name (`doer_name`).
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AgreementInput {
    /// personal_care, household, meals, medication, finances, company, mobility, appointments, other
    pub domain: String,
    /// 1 (client self) to 5 (professional)
    pub step: i64,
    pub description: String,
    /// Member id of who does it.
    #[serde(default)]
    pub doer: String,
    /// Or their name, when they are not a member.
    #[serde(default)]
    pub doer_name: String,
    #[serde(default)]
    pub backup: String,
    #[serde(default)]
    pub backup_name: String,
    #[serde(default)]
    pub frequency: String,
    /// YYYY-MM-DD
    #[serde(default)]
    pub since: String,
    /// Member id of who has the say ("regie").
    #[serde(default)]
    pub lead: String,
    /// YYYY-MM-DD
    #[serde(default)]
    pub review_on: String,
    /// The conversation whose answer this agreement comes from, if any.
    #[serde(default)]
    pub conversation_id: String,
}

/// A party as entered: a member id (checked against the circle by the store) or a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartyInput {
    Nobody,
    Member(MemberId),
    Named(String),
}

impl PartyInput {
    pub fn member(&self) -> Option<&MemberId> {
        match self {
            PartyInput::Member(m) => Some(m),
            _ => None,
        }
    }
}

/// A checked agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAgreement {
    pub domain: Domain,
    pub step: Step,
    pub description: String,
    pub doer: PartyInput,
    pub backup: PartyInput,
    pub frequency: String,
    pub since: Option<Date>,
    pub lead: Option<MemberId>,
    pub review_on: Option<Date>,
    /// Made from an answer in this conversation (checked by the service).
    pub conversation: Option<String>,
}

impl AgreementInput {
    pub fn parse(&self) -> crate::Result<NewAgreement> {
        let mut v = Validator::new();
        let domain = v.known("domain", Domain::parse(&self.domain), "domain-invalid");
        let step = v.known("step", Step::from_number(self.step), "step-invalid");
        let description = v.required_line(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            "description-required",
            "description-too-long",
        );
        let doer = v.check(party("doer", &self.doer, &self.doer_name));
        let backup = v.check(party("backup", &self.backup, &self.backup_name));
        let frequency = v.line("frequency", &self.frequency, MAX_FREQUENCY, "frequency-too-long");
        let since = v.date_or("since", &self.since, None);
        let lead = v.check(validate::member("lead", &self.lead));
        let review_on = v.date_or("review_on", &self.review_on, None);
        if let (Some(s), Some(r)) = (since, review_on)
            && r < s
        {
            v.push("review_on", "review-before-start");
        }
        v.finish()?;
        match (domain, step, doer, backup, lead) {
            (Some(domain), Some(step), Some(doer), Some(backup), Some(lead)) => {
                let conversation = Some(self.conversation_id.trim().to_string()).filter(|c| !c.is_empty());
                Ok(NewAgreement {
                    domain,
                    step,
                    description,
                    doer,
                    backup,
                    frequency,
                    since,
                    lead,
                    review_on,
                    conversation,
                })
            }
            _ => Err(crate::Error::internal("a checked agreement lacks a field")),
        }
    }
}

fn party(field: &'static str, member_raw: &str, name_raw: &str) -> Result<PartyInput, FieldError> {
    if let Some(m) = validate::member(field, member_raw)? {
        return Ok(PartyInput::Member(m));
    }
    let name = validate::collapse_spaces(name_raw);
    if name.is_empty() {
        Ok(PartyInput::Nobody)
    } else if name.chars().count() > validate::MAX_NAME {
        Err(FieldError::new(field, "name-too-long"))
    } else {
        Ok(PartyInput::Named(name))
    }
}
