//! "Dit ben ik": the client's own profile. A fixed set of parts — life
//! story, what matters, likes and dislikes, daily rhythm, hobbies, important
//! people and places, how I want to be addressed, and what I do for others —
//! each written by someone in the circle, in the first person when the
//! client wants, and each with its own audience. Every version is kept with
//! who wrote it and when.
//!
//! The headings live in the locale files (`about-part-<key>`).

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;

keys! {
    /// The parts of "Dit ben ik", in the order the page shows them.
    #[derive(Hash, PartialOrd, Ord)]
    pub enum Part {
        /// Mijn levensverhaal.
        LifeStory = "life_story",
        /// Wat voor mij belangrijk is.
        Matters = "matters",
        /// Wat ik fijn vind.
        Likes = "likes",
        /// Wat ik niet fijn vind.
        Dislikes = "dislikes",
        /// Mijn gewoontes en dagritme.
        Rhythm = "rhythm",
        /// Hobby's en clubs.
        Hobbies = "hobbies",
        /// Belangrijke mensen.
        People = "people",
        /// Belangrijke plekken.
        Places = "places",
        /// Hoe ik aangesproken wil worden.
        Address = "address",
        /// Wat ik voor anderen doe: the client as a contributor, not only a receiver.
        Gives = "gives",
    }
}

impl Part {
    /// The part's locale key, e.g. `about-part-life_story`.
    pub fn label_key(self) -> String {
        format!("about-part-{}", self.as_str())
    }

    /// The locale key of the part's writing hint, e.g. `about-part-life_story-hint`.
    pub fn hint_key(self) -> String {
        format!("about-part-{}-hint", self.as_str())
    }
}

/// The longest text of one part: a life story may run to a few pages.
pub const MAX_TEXT: usize = 20_000;

/// One part as a reader sees it: the current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub part: Part,
    pub text: String,
    /// Written in the client's own words ("ik").
    pub first_person: bool,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    /// Who first wrote this part; they keep a say over its audience.
    pub started_by: MemberId,
    pub written_by: MemberId,
    pub written_by_name: String,
    pub written_at: Timestamp,
    /// Earlier versions, newest first.
    pub history: Vec<Version>,
}

/// An earlier version of a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub text: String,
    pub first_person: bool,
    pub written_by_name: String,
    pub written_at: Timestamp,
}

/// A part as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SectionInput {
    /// The text; an empty text removes the part.
    #[serde(default)]
    pub text: String,
    /// Written in the client's own words.
    #[serde(default)]
    pub first_person: bool,
    /// circle, professionals, informal or chosen; the part's current audience when empty.
    #[serde(default)]
    pub audience: String,
    /// Member ids for a chosen audience.
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// A checked part. `audience` is `None` when the writer left it as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSection {
    pub text: String,
    pub first_person: bool,
    pub audience: Option<(Audience, Vec<MemberId>)>,
}

impl SectionInput {
    pub fn parse(&self) -> crate::Result<NewSection> {
        let mut v = Validator::new();
        let text = v.text("text", &self.text, MAX_TEXT, "about-text-too-long");
        let audience = parse_audience(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        Ok(NewSection { text, first_person: self.first_person, audience })
    }
}

/// Parses an audience with its chosen members, as every form about the
/// client sends it. Empty means "leave it as it is".
pub fn parse_audience(v: &mut Validator, raw: &str, chosen: &[String]) -> Option<(Audience, Vec<MemberId>)> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let Some(audience) = Audience::parse(raw) else {
        v.push("audience", "audience-invalid");
        return None;
    };
    let mut members = Vec::new();
    if audience == Audience::Chosen {
        members = v.members("chosen", chosen);
        if members.is_empty() {
            v.push("chosen", "audience-chosen-empty");
        }
    }
    Some((audience, members))
}

/// A [`parse_audience`] for forms that always set an audience: empty means the whole circle.
pub(crate) fn audience_or_circle(v: &mut Validator, raw: &str, chosen: &[String]) -> (Audience, Vec<MemberId>) {
    parse_audience(v, raw, chosen).unwrap_or((Audience::Circle, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::codes;

    #[test]
    fn parts_have_unique_keys_that_parse_back() {
        let keys: std::collections::BTreeSet<_> = Part::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(keys.len(), Part::ALL.len());
        for p in Part::ALL {
            assert_eq!(Part::parse(p.as_str()), Some(p));
        }
        assert_eq!(Part::parse("diagnosis"), None, "no medical file hides in here");
    }

    #[test]
    fn a_part_is_checked() {
        let ok =
            SectionInput { text: "  Ik ben Henk.\r\nIk was bakker. ".into(), first_person: true, ..Default::default() }
                .parse()
                .unwrap();
        assert_eq!(ok.text, "Ik ben Henk.\nIk was bakker.");
        assert!(ok.first_person);
        assert_eq!(ok.audience, None, "an empty audience keeps the current one");

        let long = SectionInput { text: "a".repeat(MAX_TEXT + 1), ..Default::default() };
        assert_eq!(codes(long.parse().unwrap_err()), vec![("text", "about-text-too-long")]);

        let bad = SectionInput { text: "x".into(), audience: "everyone".into(), ..Default::default() };
        assert_eq!(codes(bad.parse().unwrap_err()), vec![("audience", "audience-invalid")]);

        let nobody = SectionInput { text: "x".into(), audience: "chosen".into(), ..Default::default() };
        assert_eq!(codes(nobody.parse().unwrap_err()), vec![("chosen", "audience-chosen-empty")]);
    }
}
