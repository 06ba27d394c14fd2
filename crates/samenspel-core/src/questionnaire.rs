//! The questionnaire engine: instruments are data (items, answer options,
//! scoring rule, interpretation, source and licence), checked when they are
//! loaded and scored here — never by hand-written code per instrument.
//!
//! Published instruments must match their source exactly, so the engine
//! also accepts a definition whose item text is missing: its structure and
//! scoring are known and tested, and an organisation supplies the official
//! text in a file of its own (CarerQol-7D, see `INSTRUMENTS.md`). Such an
//! instrument is not offered to anyone until the text is there.
//!
//! Answers are kept per item by `link_id` with the option's `code`, so they
//! can later be exported as a FHIR QuestionnaireResponse without loss.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// An instrument as written in a definition file (TOML).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Stable identifier ("ediz"); a file with the id of a built-in replaces it.
    pub id: String,
    pub name: String,
    /// Language of the item text ("nl").
    pub language: String,
    /// The publication it comes from, as it must be cited.
    pub source: String,
    pub licence: String,
    /// Shown above the items.
    #[serde(default)]
    pub instruction: String,
    /// What the score means, in plain words. No invented cut-offs.
    pub interpretation: String,
    /// The number of items the source has; a file with another count is refused.
    pub item_count: usize,
    pub options: Vec<OptionDef>,
    pub items: Vec<ItemDef>,
    pub scoring: ScoringDef,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub code: String,
    pub label: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// The item's id in stored answers (FHIR `linkId`).
    pub link_id: String,
    /// The item's wording; empty when the official text is not available.
    #[serde(default)]
    pub text: String,
    /// What the item is about, when the text is not shipped ("fulfilment").
    #[serde(default)]
    pub dimension: String,
    /// Reverse-scored: points become (highest − points).
    #[serde(default)]
    pub reverse: bool,
    /// A number on a scale instead of an option (CarerQol-VAS), not in the sum.
    #[serde(default)]
    pub scale: Option<[i64; 2]>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    /// "sum": the total of the points of the option items. "none": the
    /// answers are the result and there is no total (a conversation aid,
    /// not a scored scan); `points` stays empty and `range` is [0, 0].
    pub kind: String,
    /// Points per answer code.
    #[serde(default)]
    pub points: BTreeMap<String, i64>,
    /// The lowest and highest total the source gives.
    pub range: [i64; 2],
}

/// A checked instrument.
#[derive(Clone, Debug)]
pub struct Instrument {
    def: Definition,
    /// Every item has its text: it may be offered.
    complete: bool,
}

/// Why a definition was refused; `Display` is the message for the person
/// who wrote the file.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("instrument {id:?}: the source has {expected} items, the file has {found}")]
    ItemCount { id: String, expected: usize, found: usize },
    #[error("instrument {id:?}: scoring gives points for {code:?}, which is not one of the answer options")]
    UnknownAnswerCode { id: String, code: String },
    #[error("instrument {id:?}: answer option {code:?} has no points in the scoring")]
    UnscoredOption { id: String, code: String },
    #[error("instrument {id:?}: {what} {value:?} occurs twice")]
    Duplicate { id: String, what: &'static str, value: String },
    #[error("instrument {id:?}: the scoring kind {kind:?} is unknown (known: sum, none)")]
    UnknownScoring { id: String, kind: String },
    #[error(
        "instrument {id:?}: the items score {low} to {high}, but the scoring range says {range_low} to {range_high}"
    )]
    Range { id: String, low: i64, high: i64, range_low: i64, range_high: i64 },
    #[error("instrument {id:?}: {field} is empty")]
    Empty { id: String, field: &'static str },
    #[error("instrument {id:?}: item {link_id:?} has neither text nor a dimension")]
    Unnamed { id: String, link_id: String },
    #[error("instrument {id:?}: item {link_id:?} has a scale from {low} to {high}")]
    Scale { id: String, link_id: String, low: i64, high: i64 },
    #[error("instrument {id:?}: some items have text and others not; give all or none")]
    PartlyWritten { id: String },
}

/// One answer as given: an option's code, or a number on a scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Code(String),
    Number(i64),
}

/// Why a set of answers cannot be scored (a bad form or API request).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("item {0:?} is not part of this instrument")]
    UnknownItem(String),
    #[error("item {0:?} is not answered")]
    Missing(String),
    #[error("{code:?} is not an answer to item {link_id:?}")]
    UnknownCode { link_id: String, code: String },
    #[error("{value} is outside the scale of item {link_id:?}")]
    OutOfScale { link_id: String, value: i64 },
}

/// A scored set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub total: i64,
    pub range: [i64; 2],
    /// Scale answers (not in the total), by link id.
    pub scales: BTreeMap<String, i64>,
}

impl Instrument {
    pub fn new(def: Definition) -> Result<Instrument, DefinitionError> {
        let id = def.id.clone();
        let empty = |field: &'static str| DefinitionError::Empty { id: id.clone(), field };
        for (field, value) in [
            ("id", &def.id),
            ("name", &def.name),
            ("language", &def.language),
            ("source", &def.source),
            ("licence", &def.licence),
            ("interpretation", &def.interpretation),
        ] {
            if value.trim().is_empty() {
                return Err(empty(field));
            }
        }
        if def.items.len() != def.item_count {
            return Err(DefinitionError::ItemCount { id, expected: def.item_count, found: def.items.len() });
        }
        if def.options.is_empty() {
            return Err(empty("options"));
        }
        let sums = match def.scoring.kind.as_str() {
            "sum" => true,
            "none" => false,
            _ => return Err(DefinitionError::UnknownScoring { id, kind: def.scoring.kind.clone() }),
        };
        unique(&id, "answer code", def.options.iter().map(|o| &o.code))?;
        unique(&id, "item link_id", def.items.iter().map(|i| &i.link_id))?;
        let codes: BTreeSet<&String> = def.options.iter().map(|o| &o.code).collect();
        if let Some(code) = def.scoring.points.keys().find(|c| !codes.contains(c)) {
            return Err(DefinitionError::UnknownAnswerCode { id, code: code.clone() });
        }
        if let Some(o) = def.options.iter().find(|o| sums && !def.scoring.points.contains_key(&o.code)) {
            return Err(DefinitionError::UnscoredOption { id, code: o.code.clone() });
        }
        for item in &def.items {
            if item.text.trim().is_empty() && item.dimension.trim().is_empty() {
                return Err(DefinitionError::Unnamed { id, link_id: item.link_id.clone() });
            }
            if let Some([low, high]) = item.scale
                && low >= high
            {
                return Err(DefinitionError::Scale { id, link_id: item.link_id.clone(), low, high });
            }
        }
        let written = def.items.iter().filter(|i| !i.text.trim().is_empty()).count();
        if written != 0 && written != def.items.len() {
            return Err(DefinitionError::PartlyWritten { id });
        }
        let instrument = Instrument { complete: written == def.items.len(), def };
        let (low, high) = instrument.possible_range();
        let [range_low, range_high] = instrument.def.scoring.range;
        if (low, high) != (range_low, range_high) {
            return Err(DefinitionError::Range { id, low, high, range_low, range_high });
        }
        Ok(instrument)
    }

    pub fn id(&self) -> &str {
        &self.def.id
    }

    pub fn definition(&self) -> &Definition {
        &self.def
    }

    /// Does the instrument add up to a score? ("none": the answers themselves are the result.)
    pub fn scored(&self) -> bool {
        self.def.scoring.kind == "sum"
    }

    /// Every item has its official text, so the instrument may be offered.
    pub fn complete(&self) -> bool {
        self.complete
    }

    fn highest(&self) -> i64 {
        self.def.scoring.points.values().copied().max().unwrap_or(0)
    }

    fn lowest(&self) -> i64 {
        self.def.scoring.points.values().copied().min().unwrap_or(0)
    }

    /// The points an option earns on an item (reversed items count backwards).
    fn points(&self, item: &ItemDef, code: &str) -> Option<i64> {
        if !self.scored() {
            return self.def.options.iter().any(|o| o.code == code).then_some(0);
        }
        let p = *self.def.scoring.points.get(code)?;
        Some(if item.reverse { self.highest() + self.lowest() - p } else { p })
    }

    fn scored_items(&self) -> impl Iterator<Item = &ItemDef> {
        self.def.items.iter().filter(|i| i.scale.is_none())
    }

    /// The lowest and highest total the items allow.
    fn possible_range(&self) -> (i64, i64) {
        let n = self.scored_items().count() as i64;
        (n * self.lowest(), n * self.highest())
    }

    /// Scores a complete set of answers (by link id).
    pub fn score(&self, answers: &BTreeMap<String, Answer>) -> Result<Score, AnswerError> {
        if let Some(unknown) = answers.keys().find(|k| !self.def.items.iter().any(|i| &i.link_id == *k)) {
            return Err(AnswerError::UnknownItem(unknown.clone()));
        }
        let mut total = 0;
        let mut scales = BTreeMap::new();
        for item in &self.def.items {
            let answer = answers.get(&item.link_id).ok_or_else(|| AnswerError::Missing(item.link_id.clone()))?;
            match (item.scale, answer) {
                (Some([low, high]), Answer::Number(n)) if (low..=high).contains(n) => {
                    scales.insert(item.link_id.clone(), *n);
                }
                (Some(_), Answer::Number(n)) => {
                    return Err(AnswerError::OutOfScale { link_id: item.link_id.clone(), value: *n });
                }
                (None, Answer::Code(code)) => {
                    total += self.points(item, code).ok_or_else(|| AnswerError::UnknownCode {
                        link_id: item.link_id.clone(),
                        code: code.clone(),
                    })?;
                }
                (_, other) => {
                    let code = match other {
                        Answer::Code(c) => c.clone(),
                        Answer::Number(n) => n.to_string(),
                    };
                    return Err(AnswerError::UnknownCode { link_id: item.link_id.clone(), code });
                }
            }
        }
        Ok(Score { total, range: self.def.scoring.range, scales })
    }
}

fn unique<'a>(id: &str, what: &'static str, values: impl Iterator<Item = &'a String>) -> Result<(), DefinitionError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !seen.insert(v) {
            return Err(DefinitionError::Duplicate { id: id.to_string(), what, value: v.clone() });
        }
    }
    Ok(())
}
