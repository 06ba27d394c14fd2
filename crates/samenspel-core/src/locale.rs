//! The interface languages. Dutch is the default; English the second language.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Nl, Locale::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Locale::Nl),
            "en" | "en-gb" | "en-us" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best language from an `Accept-Language` header, honouring
    /// quality values; falls back to Dutch.
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(locale) = Locale::parse(primary)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_respects_quality() {
        assert_eq!(Locale::from_accept_language("en-GB,en;q=0.9,nl;q=0.8"), Locale::En);
        assert_eq!(Locale::from_accept_language("de-DE,nl;q=0.5,en;q=0.4"), Locale::Nl);
        assert_eq!(Locale::from_accept_language("fr"), Locale::Nl);
        assert_eq!(Locale::from_accept_language(""), Locale::Nl);
        assert_eq!(Locale::from_accept_language("nl;q=0.1, en;q=0.2"), Locale::En);
    }
}
