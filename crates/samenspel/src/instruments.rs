//! The questionnaires Samenspel knows: the built-in definitions (EDIZ, the
//! structure of CarerQol-7D, and the volunteer check-in) and any an organisation puts in
//! `<data-dir>/instruments/*.toml`. Every file is checked at start-up; a bad
//! one stops the server with the file's name and what is wrong, rather than
//! letting a carer meet a broken questionnaire.

use anyhow::Context;
use samenspel_core::questionnaire::{Definition, Instrument};
use std::path::Path;

/// (file name, text) of the definitions shipped in the binary.
const BUILT_IN: [(&str, &str); 3] = [
    ("ediz.toml", include_str!("../instruments/ediz.toml")),
    ("carerqol-7d.toml", include_str!("../instruments/carerqol-7d.toml")),
    ("wifa-volunteer.toml", include_str!("../instruments/wifa-volunteer.toml")),
];

/// The loaded instruments, by id.
#[derive(Clone, Debug)]
pub struct Instruments {
    list: Vec<Instrument>,
}

/// Reads and checks one definition.
pub fn parse(origin: &str, text: &str) -> anyhow::Result<Instrument> {
    let def: Definition = toml::from_str(text).with_context(|| format!("instrument file {origin} does not parse"))?;
    Instrument::new(def).with_context(|| format!("instrument file {origin} is refused"))
}

impl Instruments {
    /// The built-ins, then the files in `dir` (if it exists); a file with the
    /// id of an earlier one replaces it (the official CarerQol text, say).
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Instruments> {
        let mut list = Vec::new();
        for (name, text) in BUILT_IN {
            add(&mut list, parse(name, text)?);
        }
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .with_context(|| format!("reading {}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
                add(&mut list, parse(&path.display().to_string(), &text)?);
            }
        }
        Ok(Instruments { list })
    }

    pub fn all(&self) -> &[Instrument] {
        &self.list
    }

    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.list.iter().find(|i| i.id() == id)
    }
}

fn add(list: &mut Vec<Instrument>, instrument: Instrument) {
    list.retain(|i| i.id() != instrument.id());
    list.push(instrument);
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_core::questionnaire::{Answer, AnswerError, DefinitionError};
    use std::collections::BTreeMap;

    fn ediz() -> Instrument {
        parse("ediz.toml", BUILT_IN[0].1).expect("the shipped EDIZ is valid")
    }

    /// Answers for items ediz-1 … ediz-9, in order.
    fn answers(codes: [&str; 9]) -> BTreeMap<String, Answer> {
        codes.iter().enumerate().map(|(i, c)| (format!("ediz-{}", i + 1), Answer::Code((*c).to_string()))).collect()
    }

    fn ediz_total(codes: [&str; 9]) -> i64 {
        ediz().score(&answers(codes)).expect("scored").total
    }

    #[test]
    fn ediz_scores_as_published() {
        // All "Nee!": nothing weighs.
        assert_eq!(ediz_total(["nee!"; 9]), 0);
        // All "Ja!": the highest score.
        assert_eq!(ediz_total(["ja!"; 9]), 9);
        // "Nee" counts 0, "Min of meer" already counts 1.
        assert_eq!(ediz_total(["nee"; 9]), 0);
        assert_eq!(ediz_total(["min-of-meer"; 9]), 9);
        // Worked by hand: items 2, 4, 6 and 8 answered Min of meer / Ja / Ja! / Ja → 4.
        assert_eq!(ediz_total(["nee", "min-of-meer", "nee!", "ja", "nee", "ja!", "nee!", "ja", "nee"]), 4);
        // Worked by hand: only the last (overall) item is Ja! → 1.
        assert_eq!(ediz_total(["nee!", "nee!", "nee", "nee", "nee!", "nee", "nee", "nee!", "ja!"]), 1);
        let e = ediz();
        assert_eq!(
            e.definition().items[0].text,
            "Door de situatie van mijn naaste kom ik te weinig aan mijn leven toe"
        );
        assert_eq!(
            e.definition().options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>(),
            ["Nee!", "Nee", "Min of meer", "Ja", "Ja!"]
        );
        assert!(e.complete());
    }

    #[test]
    fn incomplete_or_wrong_answers_are_refused() {
        let e = ediz();
        let mut a = answers(["nee"; 9]);
        a.remove("ediz-5");
        assert_eq!(e.score(&a), Err(AnswerError::Missing("ediz-5".into())));
        let mut a = answers(["nee"; 9]);
        a.insert("ediz-3".into(), Answer::Code("misschien".into()));
        assert_eq!(e.score(&a), Err(AnswerError::UnknownCode { link_id: "ediz-3".into(), code: "misschien".into() }));
        let mut a = answers(["nee"; 9]);
        a.insert("ediz-10".into(), Answer::Code("nee".into()));
        assert_eq!(e.score(&a), Err(AnswerError::UnknownItem("ediz-10".into())));
    }

    fn refused(text: &str) -> DefinitionError {
        let err = parse("test.toml", text).expect_err("refused");
        let message = format!("{err:#}");
        assert!(message.contains("test.toml"), "the message names the file: {message}");
        err.downcast::<DefinitionError>().unwrap_or_else(|e| panic!("not a definition error: {e:#}"))
    }

    #[test]
    fn a_wrong_file_is_refused_with_a_clear_message() {
        let shipped = BUILT_IN[0].1;
        // One item left out.
        let eight = shipped.replace(
            "  { link_id = \"ediz-9\", text = \"Ik voel me over het geheel genomen erg onder druk staan door de situatie van mijn naaste\" },\n",
            "",
        );
        assert_ne!(eight, shipped);
        let err = refused(&eight);
        assert_eq!(err, DefinitionError::ItemCount { id: "ediz".into(), expected: 9, found: 8 });
        assert_eq!(err.to_string(), "instrument \"ediz\": the source has 9 items, the file has 8");
        // Scoring names an answer code that is not an option.
        let typo = shipped.replace("\"ja!\" = 1 }", "\"jaa!\" = 1 }");
        assert_eq!(refused(&typo), DefinitionError::UnknownAnswerCode { id: "ediz".into(), code: "jaa!".into() });
        // A range that does not follow from the items.
        let range = shipped.replace("range = [0, 9]", "range = [0, 10]");
        assert!(matches!(refused(&range), DefinitionError::Range { high: 9, range_high: 10, .. }));
        // Text for some items but not all.
        let partly =
            shipped.replace("text = \"Mijn zelfstandigheid komt in de knel\"", "dimension = \"zelfstandigheid\"");
        assert!(matches!(refused(&partly), DefinitionError::PartlyWritten { .. }));
        // A field nobody knows (a typo) does not pass silently.
        let unknown = shipped.replace("item_count = 9", "item_count = 9\nitem_cuont = 9");
        assert!(format!("{:#}", parse("test.toml", &unknown).expect_err("refused")).contains("item_cuont"));
    }

    #[test]
    fn carerqol_structure_scores_unweighted_and_waits_for_its_text() {
        let c = parse("carerqol-7d.toml", BUILT_IN[1].1).expect("the shipped structure is valid");
        assert!(!c.complete(), "no official text is shipped, so it is not offered");
        assert!(c.definition().items.iter().all(|i| i.text.is_empty()), "no item wording of our own");
        let score = |codes: [&str; 7], vas: i64| {
            let keys =
                ["fulfilment", "support", "relational", "mental-health", "combining", "financial", "physical-health"];
            let mut a: BTreeMap<String, Answer> =
                keys.iter().zip(codes).map(|(k, c)| ((*k).to_string(), Answer::Code(c.to_string()))).collect();
            a.insert("vas".into(), Answer::Number(vas));
            c.score(&a)
        };
        // Best: a lot of fulfilment and support, no problems → 14.
        let best = score(["a-lot", "a-lot", "no", "no", "no", "no", "no"], 8).expect("scored");
        assert_eq!((best.total, best.scales.get("vas")), (14, Some(&8)));
        // Worst: no fulfilment or support, a lot of every problem → 0.
        assert_eq!(score(["no", "no", "a-lot", "a-lot", "a-lot", "a-lot", "a-lot"], 2).expect("scored").total, 0);
        // Worked by hand: some, a lot, some, no, a lot, no, some → 1+2+1+2+0+2+1 = 9.
        assert_eq!(score(["some", "a-lot", "some", "no", "a-lot", "no", "some"], 6).expect("scored").total, 9);
        assert_eq!(
            score(["no"; 7], 11),
            Err(AnswerError::OutOfScale { link_id: "vas".into(), value: 11 }),
            "happiness runs 0 to 10"
        );
    }

    #[test]
    fn the_volunteer_check_in_has_answers_but_no_score() {
        let w = parse("wifa-volunteer.toml", BUILT_IN[2].1).expect("the shipped check-in is valid");
        assert!(w.complete() && !w.scored());
        let dims: std::collections::BTreeSet<&str> =
            w.definition().items.iter().map(|i| i.dimension.as_str()).collect();
        assert_eq!(dims.into_iter().collect::<Vec<_>>(), ["afstemmen", "faciliteren", "informeren", "waarderen"]);
        let answers = |code: &str| -> BTreeMap<String, Answer> {
            w.definition().items.iter().map(|i| (i.link_id.clone(), Answer::Code(code.to_string()))).collect()
        };
        assert_eq!(w.score(&answers("ja")).expect("answered").total, 0, "no total to rank volunteers by");
        assert_eq!(
            w.score(&answers("misschien")),
            Err(AnswerError::UnknownCode { link_id: "wifa-w1".into(), code: "misschien".into() })
        );
        // A scored instrument still needs points for every option.
        let sum = BUILT_IN[2].1.replace("kind = \"none\"", "kind = \"sum\"");
        assert!(matches!(refused(&sum), DefinitionError::UnscoredOption { .. }));
        let odd = BUILT_IN[2].1.replace("kind = \"none\"", "kind = \"average\"");
        assert!(matches!(refused(&odd), DefinitionError::UnknownScoring { .. }));
    }

    #[test]
    fn an_organisation_file_replaces_the_structure() {
        let dir = std::env::temp_dir().join(format!("samenspel-instruments-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        // Every item given a text (here a stand-in: the test does not ship the official wording).
        let mut with_text = String::new();
        for line in BUILT_IN[1].1.lines() {
            with_text.push_str(&line.replace("dimension = ", "text = \"(tekst van de organisatie)\", dimension = "));
            with_text.push('\n');
        }
        std::fs::write(dir.join("carerqol-7d.toml"), &with_text).expect("write");
        let loaded = Instruments::load(Some(&dir)).expect("loads");
        assert_eq!(loaded.all().len(), BUILT_IN.len(), "replaced, not added");
        assert!(loaded.get("carerqol-7d").is_some_and(Instrument::complete));
        std::fs::write(dir.join("kapot.toml"), "id = \"kapot\"").expect("write");
        let err = format!("{:#}", Instruments::load(Some(&dir)).expect_err("refused"));
        assert!(err.contains("kapot.toml"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
