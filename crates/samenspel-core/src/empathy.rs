//! Empathy maps (Dave Gray): what the client says, thinks, does and feels,
//! with pains (fears, frustrations) and gains (wants, hopes). A circle makes
//! one together now and then; each is kept with its date, so the circle sees
//! how the client's world changes.

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use jiff::civil::Date;

/// The six quadrants, in the order the map shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    Says,
    Thinks,
    Does,
    Feels,
    Pains,
    Gains,
}

impl Quadrant {
    pub const ALL: [Quadrant; 6] =
        [Quadrant::Says, Quadrant::Thinks, Quadrant::Does, Quadrant::Feels, Quadrant::Pains, Quadrant::Gains];

    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::Says => "says",
            Quadrant::Thinks => "thinks",
            Quadrant::Does => "does",
            Quadrant::Feels => "feels",
            Quadrant::Pains => "pains",
            Quadrant::Gains => "gains",
        }
    }
}

pub const MAX_QUADRANT: usize = 2_000;
pub const MAX_MADE_WITH: usize = 300;

/// A map as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmpathyMap {
    pub id: String,
    pub made_on: Date,
    /// The six texts, in [`Quadrant::ALL`] order.
    pub texts: [String; 6],
    /// Who made it together, as written down ("Henk, Ans en Fatima").
    pub made_with: String,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub made_by: MemberId,
    pub made_by_name: String,
    pub updated_at: Timestamp,
}

impl EmpathyMap {
    pub fn text(&self, q: Quadrant) -> &str {
        &self.texts[q as usize]
    }
}

/// A map as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct EmpathyMapInput {
    /// YYYY-MM-DD; today when empty.
    #[serde(default)]
    pub made_on: String,
    #[serde(default)]
    pub says: String,
    #[serde(default)]
    pub thinks: String,
    #[serde(default)]
    pub does: String,
    #[serde(default)]
    pub feels: String,
    #[serde(default)]
    pub pains: String,
    #[serde(default)]
    pub gains: String,
    /// Who made it together.
    #[serde(default)]
    pub made_with: String,
    /// circle, professionals, informal or chosen; the whole circle when empty.
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// A checked map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEmpathyMap {
    pub made_on: Date,
    pub texts: [String; 6],
    pub made_with: String,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
}

impl EmpathyMapInput {
    pub fn parse(&self, today: Date) -> crate::Result<NewEmpathyMap> {
        let mut v = Validator::new();
        let made_on = v.date_or("made_on", &self.made_on, Some(today));
        if made_on.is_some_and(|d| d > today) {
            v.push("made_on", "empathy-date-future");
        }
        let raw = [&self.says, &self.thinks, &self.does, &self.feels, &self.pains, &self.gains];
        let texts = Quadrant::ALL.map(|q| v.text(q.as_str(), raw[q as usize], MAX_QUADRANT, "empathy-text-too-long"));
        if texts.iter().all(String::is_empty) {
            v.push("says", "empathy-empty");
        }
        let made_with = v.line("made_with", &self.made_with, MAX_MADE_WITH, "empathy-made-with-too-long");
        let (audience, chosen) = crate::about::audience_or_circle(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        match made_on {
            Some(made_on) => Ok(NewEmpathyMap { made_on, texts, made_with, audience, chosen }),
            None => Err(crate::Error::internal("a checked empathy map lacks its date")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::codes;
    use jiff::civil::date;

    #[test]
    fn a_map_is_checked() {
        let today = date(2026, 11, 22);
        let ok =
            EmpathyMapInput { says: " Ik red me wel. ".into(), gains: "Weer fietsen".into(), ..Default::default() }
                .parse(today)
                .unwrap();
        assert_eq!(ok.made_on, today);
        assert_eq!(ok.texts[Quadrant::Says as usize], "Ik red me wel.");
        assert_eq!(ok.texts[Quadrant::Gains as usize], "Weer fietsen");
        assert_eq!(ok.audience, Audience::Circle);

        assert_eq!(codes(EmpathyMapInput::default().parse(today).unwrap_err()), vec![("says", "empathy-empty")]);
        let future = EmpathyMapInput { made_on: "2026-11-23".into(), feels: "x".into(), ..Default::default() };
        assert_eq!(codes(future.parse(today).unwrap_err()), vec![("made_on", "empathy-date-future")]);
        let long = EmpathyMapInput { pains: "a".repeat(MAX_QUADRANT + 1), ..Default::default() };
        assert_eq!(codes(long.parse(today).unwrap_err()), vec![("pains", "empathy-text-too-long")]);
    }
}
