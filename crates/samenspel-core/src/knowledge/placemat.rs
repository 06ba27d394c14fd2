//! A location's placemat: what relatives may do there, printed on A4 or A3
//! for the tables of the living room ("placemat").

use crate::error::{Result, Validator};
use serde::Deserialize;

/// One line of the placemat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = PlacematItemInput)]
#[serde(default)]
pub struct ItemInput {
    pub text: String,
}

impl ItemInput {
    pub fn parse(&self) -> Result<String> {
        let mut v = Validator::default();
        let text = self.text.trim();
        if text.is_empty() {
            v.push("text", "placemat-text-required");
        } else if text.chars().count() > 160 {
            v.push("text", "text-too-long");
        }
        v.finish()?;
        Ok(text.to_owned())
    }
}

/// The starter set (Dutch), from what care homes tell families they may do.
pub const STARTER: [&str; 10] = [
    "Samen koffie of thee drinken in de huiskamer",
    "Mee-eten aan tafel (even melden bij de verzorging)",
    "Helpen met tafeldekken en afruimen",
    "Een wandeling maken, in de tuin of de buurt",
    "Haren kammen, nagels vijlen, handen insmeren",
    "Samen foto's kijken of muziek luisteren",
    "Meehelpen bij een activiteit of uitje",
    "Kleding uitzoeken en de kast opruimen",
    "Voorlezen uit de krant of een boek",
    "Iets van thuis meenemen: een plant, een foto, een kleed",
];
