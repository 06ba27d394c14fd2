//! Practice examples (issue 14): what a coach informele zorg learned in one
//! situation, written up briefly for the other coaches of the organisation
//! ("how we got the neighbours involved", "a family that did not agree"),
//! with topics to find it by. Never about a recognisable client.

use crate::Timestamp;
use crate::error::{Result, Validator};
use crate::ids::UserId;
use crate::social_map::topics;
use serde::Deserialize;

/// One practice example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub id: String,
    pub title: String,
    pub body: String,
    pub topics: Vec<String>,
    /// Who wrote it: none once their account is gone.
    pub author: Option<UserId>,
    pub author_name: Option<String>,
    pub updated_at: Timestamp,
}

impl Example {
    /// Every word of `query` in its title, text or topics.
    pub fn matches(&self, query: &str) -> bool {
        let hay = format!("{} {} {}", self.title, self.body, self.topics.join(" ")).to_lowercase();
        query.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// What the form sends.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ExampleInput {
    pub title: String,
    pub body: String,
    /// Topics separated by commas.
    pub topics: String,
}

/// A checked example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewExample {
    pub title: String,
    pub body: String,
    pub topics: Vec<String>,
}

impl ExampleInput {
    pub fn parse(&self) -> Result<NewExample> {
        let mut v = Validator::default();
        let title = self.title.trim();
        if title.is_empty() {
            v.push("title", "practice-title-required");
        } else if title.chars().count() > 120 {
            v.push("title", "text-too-long");
        }
        let body = self.body.trim();
        if body.is_empty() {
            v.push("body", "practice-body-required");
        } else if body.chars().count() > 4000 {
            v.push("body", "text-too-long");
        }
        let topics = topics(&self.topics);
        if topics.len() > 12 {
            v.push("topics", "social-map-topics-error");
        }
        v.finish()?;
        Ok(NewExample { title: title.to_owned(), body: body.to_owned(), topics })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_needs_a_title_and_a_text_and_is_found_by_its_words() {
        let Err(crate::Error::Validation(f)) = ExampleInput::default().parse() else { panic!("refused") };
        assert_eq!(f.iter().map(|f| f.field).collect::<Vec<_>>(), ["title", "body"]);
        let new = ExampleInput {
            title: "Buren betrekken".into(),
            body: "We nodigden de buren uit voor koffie.".into(),
            topics: "Buren, netwerk".into(),
        }
        .parse()
        .expect("valid");
        assert_eq!(new.topics, ["buren", "netwerk"]);
        let e = Example {
            id: "1".into(),
            title: new.title,
            body: new.body,
            topics: new.topics,
            author: None,
            author_name: None,
            updated_at: Timestamp::UNIX_EPOCH,
        };
        assert!(e.matches("NETWERK koffie"));
        assert!(!e.matches("netwerk ruzie"));
    }
}
