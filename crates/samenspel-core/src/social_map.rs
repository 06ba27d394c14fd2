//! The social map (sociale kaart, issue 14): local initiatives an
//! organisation knows of — a walking club, a memory café, a repair café, the
//! library's reading table — with what a family or a coach needs to go there.
//! A circle gets suggestions from it that fit what the client likes ("Dit ben
//! ik"): the words of those parts against each initiative's topics.

use crate::Timestamp;
use crate::error::{Result, Validator};
use crate::ids::{LocationId, UserId};
use crate::keys::keys;
use serde::{Deserialize, Serialize};

keys! {
    /// What kind of initiative it is.
    #[derive(Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Category {
        /// Ontmoeten: a meeting place, a café, a neighbourhood centre.
        Meeting = "meeting",
        /// Bewegen en sport.
        Exercise = "exercise",
        /// Cultuur en creatief: music, painting, a choir.
        Culture = "culture",
        /// Leren: courses, a language café, computer help.
        Learning = "learning",
        /// Lotgenoten en steun: a memory café, a carers' group.
        Support = "support",
        /// Praktische hulp: odd jobs, a repair café, shopping.
        Practical = "practical",
        /// Vervoer: a volunteer driver, a duo bike.
        Transport = "transport",
        /// Geloof en zingeving.
        Meaning = "meaning",
        /// Anders.
        Other = "other",
    }
}

/// One initiative on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    pub id: String,
    /// The location it is near, or the whole organisation's area.
    pub location_id: Option<LocationId>,
    pub location_name: Option<String>,
    pub name: String,
    pub category: Category,
    pub description: String,
    pub address: String,
    pub opening_hours: String,
    pub contact: String,
    pub website: String,
    /// Topics, lowercase: what it is about ("wandelen", "zingen", "dementie").
    pub topics: Vec<String>,
    pub updated_by: Option<UserId>,
    pub updated_at: Timestamp,
}

/// What the form sends.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InitiativeInput {
    pub name: String,
    pub category: String,
    pub description: String,
    pub address: String,
    pub opening_hours: String,
    pub contact: String,
    pub website: String,
    /// Topics separated by commas.
    pub topics: String,
    /// A location's id, or empty for the whole organisation.
    pub location_id: String,
}

/// A checked initiative, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInitiative {
    pub location_id: Option<LocationId>,
    pub name: String,
    pub category: Category,
    pub description: String,
    pub address: String,
    pub opening_hours: String,
    pub contact: String,
    pub website: String,
    pub topics: Vec<String>,
}

const MAX_TOPICS: usize = 12;

impl InitiativeInput {
    pub fn parse(&self) -> Result<NewInitiative> {
        let mut v = Validator::default();
        let name = self.name.trim();
        if name.is_empty() {
            v.push("name", "name-required");
        } else if name.chars().count() > 100 {
            v.push("name", "name-too-long");
        }
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            v.push("category", "social-map-category-error");
        }
        let text = |field: &'static str, value: &str, max: usize, v: &mut Validator| {
            let t = value.trim().to_owned();
            if t.chars().count() > max {
                v.push(field, "text-too-long");
            }
            t
        };
        let description = text("description", &self.description, 2000, &mut v);
        let address = text("address", &self.address, 300, &mut v);
        let opening_hours = text("opening_hours", &self.opening_hours, 300, &mut v);
        let contact = text("contact", &self.contact, 300, &mut v);
        let website = self.website.trim().to_owned();
        let web_ok = website.is_empty()
            || ((website.starts_with("https://") || website.starts_with("http://"))
                && website.len() <= 300
                && !website.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>'));
        if !web_ok {
            v.push("website", "social-map-website-error");
        }
        let topics = topics(&self.topics);
        if topics.len() > MAX_TOPICS {
            v.push("topics", "social-map-topics-error");
        }
        let location_id = match self.location_id.trim() {
            "" => None,
            raw => {
                let id = LocationId::parse(raw);
                if id.is_none() {
                    v.push("location_id", "location-unknown");
                }
                id
            }
        };
        v.finish()?;
        Ok(NewInitiative {
            location_id,
            name: name.to_owned(),
            category: category.unwrap_or(Category::Other),
            description,
            address,
            opening_hours,
            contact,
            website,
            topics,
        })
    }
}

/// Topics from a comma-separated list: trimmed, lowercase, each once.
pub fn topics(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in raw.split(',').map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The words of a text, lowercase, of four letters or more (so "en", "de"
/// and "het" never match anything).
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).filter(|w| w.chars().count() >= 4) {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

impl Initiative {
    /// Does the initiative fit any of these words? A topic matches a word
    /// that starts with it ("wandel" fits "wandelen", "zing" fits "zingt").
    pub fn fits(&self, words: &[String]) -> Vec<String> {
        self.topics
            .iter()
            .filter(|t| t.chars().count() >= 4 && words.iter().any(|w| w.starts_with(t.as_str())))
            .cloned()
            .collect()
    }

    /// Does it match a search: every word of `query` in its name,
    /// description, topics, address or location?
    pub fn matches(&self, query: &str) -> bool {
        let hay = format!(
            "{} {} {} {} {}",
            self.name,
            self.description,
            self.topics.join(" "),
            self.address,
            self.location_name.as_deref().unwrap_or("")
        )
        .to_lowercase();
        query.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn initiative(topics: &[&str]) -> Initiative {
        Initiative {
            id: "1".into(),
            location_id: None,
            location_name: Some("Wijkteam Stadspark".into()),
            name: "Wandelclub De Eendenvijver".into(),
            category: Category::Exercise,
            description: "Elke dinsdag een rustig rondje door het park.".into(),
            address: "Parkweg 1".into(),
            opening_hours: String::new(),
            contact: String::new(),
            website: String::new(),
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            updated_by: None,
            updated_at: Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn topics_fit_the_words_of_what_the_client_likes() {
        let likes = words("Henk houdt van wandelen in het park en van zingen met de kerk.");
        assert!(!likes.contains(&"het".to_owned()) && likes.contains(&"wandelen".to_owned()));
        assert_eq!(initiative(&["wandel", "natuur"]).fits(&likes), vec!["wandel".to_owned()]);
        assert!(initiative(&["koken"]).fits(&likes).is_empty());
        assert!(initiative(&["de"]).fits(&likes).is_empty(), "a short topic never fits by accident");
    }

    #[test]
    fn search_needs_every_word() {
        let i = initiative(&["wandel"]);
        assert!(i.matches("wandel dinsdag"));
        assert!(i.matches("STADSPARK"));
        assert!(!i.matches("wandel zaterdag"));
    }

    #[test]
    fn input_is_checked_and_topics_cleaned() {
        let ok = InitiativeInput {
            name: " Geheugencafé ".into(),
            category: "support".into(),
            topics: "Dementie, mantelzorg,, dementie ".into(),
            website: "https://geheugencafe.example".into(),
            ..Default::default()
        }
        .parse()
        .expect("valid");
        assert_eq!(ok.name, "Geheugencafé");
        assert_eq!(ok.topics, vec!["dementie".to_owned(), "mantelzorg".to_owned()]);
        let bad = InitiativeInput {
            category: "pub".into(),
            website: "javascript:alert(1)".into(),
            location_id: "not-an-id".into(),
            ..Default::default()
        }
        .parse();
        let Err(crate::Error::Validation(fields)) = bad else { panic!("refused") };
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["name", "category", "website", "location_id"]);
    }
}
