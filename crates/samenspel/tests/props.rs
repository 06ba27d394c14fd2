//! Property tests of what Samenspel writes and reads as files: the calendar
//! feed (every line folded at 75 octets, text escaped so that it reads back
//! as written, no stray control characters) and questionnaire definition
//! files (any valid definition loads and scores as its rule says; a broken
//! one is refused with the file's name; no text makes the loader panic).

use jiff::Timestamp;
use jiff::civil::datetime;
use proptest::prelude::*;
use samenspel::ical::{Calendar, Event, When};
use samenspel_core::questionnaire::{Answer, AnswerError, DefinitionError};
use std::collections::BTreeMap;

/// The calendar with one event whose texts are `s`.
fn calendar_with(s: &str) -> String {
    let mut c = Calendar::new(s);
    c.event(
        &Event {
            uid: "item@samenspel.test".into(),
            sequence: 1,
            summary: s,
            location: s,
            description: s,
            url: "",
            when: When::Timed { start: datetime(2026, 11, 24, 19, 0, 0, 0), end: datetime(2026, 11, 24, 21, 0, 0, 0) },
            rrule: None,
            exdates: vec![],
            recurrence_id: None,
            cancelled: false,
        },
        Timestamp::UNIX_EPOCH,
    );
    c.finish()
}

/// RFC 5545 §3.3.11, read back.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The value of the first `name:` property, unfolded and unescaped.
fn property(ics: &str, name: &str) -> Option<String> {
    let unfolded = ics.replace("\r\n ", "");
    unfolded.split("\r\n").find_map(|l| l.strip_prefix(&format!("{name}:")).map(unescape))
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,200}",
        // Characters the escaping and folding care about, and long multi-byte runs.
        proptest::collection::vec(
            prop_oneof![
                Just(';'),
                Just(','),
                Just('\\'),
                Just('\n'),
                Just('\r'),
                Just('\t'),
                Just('é'),
                Just('€'),
                Just('🌻'),
                Just('\u{7}'),
                Just('\u{7f}'),
                any::<char>()
            ],
            0..160
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
}

/// TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c.is_control() && c != '\t') => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Clone, Debug)]
struct Def {
    options: Vec<(String, String, i64)>,
    /// (text, reverse, scale)
    items: Vec<(String, bool, Option<[i64; 2]>)>,
    written: bool,
}

impl Def {
    fn scored_items(&self) -> usize {
        self.items.iter().filter(|i| i.2.is_none()).count()
    }

    fn range(&self) -> [i64; 2] {
        let n = self.scored_items() as i64;
        let low = self.options.iter().map(|o| o.2).min().unwrap_or(0);
        let high = self.options.iter().map(|o| o.2).max().unwrap_or(0);
        [n * low, n * high]
    }

    fn toml(&self, item_count: usize, range: [i64; 2], duplicate_code: bool) -> String {
        let mut t = String::from(
            "id = \"proef\"\nname = \"Proef\"\nlanguage = \"nl\"\nsource = \"Eigen werk\"\nlicence = \"vrij\"\ninterpretation = \"Hoger is meer.\"\n",
        );
        t.push_str(&format!("item_count = {item_count}\noptions = [\n"));
        for (i, (code, label, _)) in self.options.iter().enumerate() {
            let code = if duplicate_code && i == 1 { &self.options[0].0 } else { code };
            t.push_str(&format!("  {{ code = {}, label = {} }},\n", toml_str(code), toml_str(label)));
        }
        t.push_str("]\nitems = [\n");
        for (i, (text, reverse, scale)) in self.items.iter().enumerate() {
            let named = if self.written { format!("text = {}", toml_str(text)) } else { "dimension = \"iets\"".into() };
            let scale = scale.map(|[l, h]| format!(", scale = [{l}, {h}]")).unwrap_or_default();
            t.push_str(&format!("  {{ link_id = \"v{i}\", {named}, reverse = {reverse}{scale} }},\n"));
        }
        t.push_str("]\n[scoring]\nkind = \"sum\"\npoints = { ");
        let points: Vec<String> = self.options.iter().map(|(c, _, p)| format!("{} = {p}", toml_str(c))).collect();
        t.push_str(&points.join(", "));
        t.push_str(&format!(" }}\nrange = [{}, {}]\n", range[0], range[1]));
        t
    }
}

fn definition() -> impl Strategy<Value = Def> {
    let option = ("[a-z!?-]{1,6}", "\\PC{1,20}", -3i64..6);
    let item = ("[^\\s]\\PC{0,40}", any::<bool>(), proptest::option::weighted(0.2, (-5i64..5, 1i64..10)));
    (proptest::collection::vec(option, 1..6), proptest::collection::vec(item, 1..12), any::<bool>()).prop_map(
        |(options, items, written)| {
            // Codes made unique by their place.
            let options = options.into_iter().enumerate().map(|(i, (c, l, p))| (format!("{c}{i}"), l, p)).collect();
            let items = items.into_iter().map(|(t, r, s)| (t, r, s.map(|(low, up)| [low, low + up]))).collect();
            Def { options, items, written }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn calendar_lines_fold_at_75_octets_and_text_reads_back(s in arbitrary_text()) {
        let ics = calendar_with(&s);
        for line in ics.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            prop_assert!(!line.contains('\r') && !line.contains('\n'), "a bare line break: {line:?}");
            prop_assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "a control character: {line:?}");
        }
        prop_assert!(ics.ends_with("END:VCALENDAR\r\n"));
        // What is kept: the text without carriage returns and control characters (new lines stay).
        let kept: String = s.chars().filter(|c| *c == '\n' || *c == '\t' || !c.is_control()).collect();
        for name in ["SUMMARY", "X-WR-CALNAME"] {
            let got = property(&ics, name);
            prop_assert_eq!(got.as_deref(), Some(kept.as_str()), "{}", name);
        }
        // Written only when there is something to write.
        for name in ["LOCATION", "DESCRIPTION"] {
            let want = (!s.is_empty()).then_some(kept.as_str());
            let got = property(&ics, name);
            prop_assert_eq!(got.as_deref(), want, "{}", name);
        }
    }

    #[test]
    fn a_valid_definition_loads_and_scores_by_its_rule(def in definition(), picks in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 12)) {
        let text = def.toml(def.items.len(), def.range(), false);
        let instrument = samenspel::instruments::parse("proef.toml", &text).map_err(|e| TestCaseError::fail(format!("{e:#}\n{text}")))?;
        prop_assert_eq!(instrument.complete(), def.written);
        let high = def.options.iter().map(|o| o.2).max().unwrap_or(0);
        let low = def.options.iter().map(|o| o.2).min().unwrap_or(0);
        let mut answers = BTreeMap::new();
        let mut expected = 0;
        for (i, (item, (pick, number))) in def.items.iter().zip(&picks).enumerate() {
            let answer = match item.2 {
                Some([l, h]) => Answer::Number(l + number.index((h - l + 1) as usize) as i64),
                None => {
                    let (code, _, points) = &def.options[pick.index(def.options.len())];
                    expected += if item.1 { high + low - points } else { *points };
                    Answer::Code(code.clone())
                }
            };
            answers.insert(format!("v{i}"), answer);
        }
        let score = instrument.score(&answers).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(score.total, expected);
        prop_assert!(score.range[0] <= score.total && score.total <= score.range[1]);
        // Leaving one out, or answering with something that is not an option, is refused.
        let mut missing = answers.clone();
        missing.remove("v0");
        prop_assert_eq!(instrument.score(&missing), Err(AnswerError::Missing("v0".into())));
        let mut extra = answers.clone();
        extra.insert("v99".into(), Answer::Code(def.options[0].0.clone()));
        prop_assert_eq!(instrument.score(&extra), Err(AnswerError::UnknownItem("v99".into())));
    }

    #[test]
    fn a_broken_definition_is_refused_naming_the_file(def in definition(), fault in 0usize..3) {
        let [low, high] = def.range();
        let (text, want): (String, fn(&DefinitionError) -> bool) = match fault {
            0 => (def.toml(def.items.len() + 1, [low, high], false), |e| matches!(e, DefinitionError::ItemCount { .. })),
            1 => (def.toml(def.items.len(), [low, high + 1], false), |e| matches!(e, DefinitionError::Range { .. })),
            _ if def.options.len() > 1 => (def.toml(def.items.len(), [low, high], true), |e| matches!(e, DefinitionError::Duplicate { .. })),
            _ => return Ok(()),
        };
        let err = samenspel::instruments::parse("kapot.toml", &text).expect_err("refused");
        prop_assert!(format!("{err:#}").contains("kapot.toml"), "{err:#}");
        // A duplicate code can also be caught by the TOML parser (a repeated key in `points`).
        if fault != 2 {
            let e = err.downcast_ref::<DefinitionError>().expect("a definition error");
            prop_assert!(want(e), "{e:?}");
        }
    }

    #[test]
    fn no_text_makes_the_loader_panic(text in "\\PC{0,400}|(id|items|options|scoring|range|points) = [\\[\\]{}\"a-z0-9,= \n-]{0,200}") {
        let _ = samenspel::instruments::parse("willekeurig.toml", &text);
    }
}

/// Strings near the edge of a redirect target: slashes, backslashes,
/// control characters, percent escapes, schemes, dot segments.
fn redirect_target() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        ".{0,40}",
        proptest::collection::vec(
            prop_oneof![
                Just("/"),
                Just("\\"),
                Just("//"),
                Just("\t"),
                Just("\n"),
                Just("\r"),
                Just("\u{7f}"),
                Just("\0"),
                Just("%09"),
                Just("%2F"),
                Just("%5C"),
                Just("."),
                Just(".."),
                Just("evil.example"),
                Just("http:"),
                Just("https://"),
                Just("?"),
                Just("#"),
                Just("@"),
                Just(":"),
                Just("é"),
                Just(" "),
                Just("a"),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Any `next`/`back` gives the fallback or a path on this site that a
    /// browser resolves to the same origin, usable as a header as it is.
    #[test]
    fn redirect_targets_never_leave_the_site(raw in redirect_target()) {
        use samenspel::http::redirect::{BASE, local_or};
        let out = local_or(Some(&raw), "/circles");
        prop_assert!(out == "/circles" || (out.starts_with('/') && !out.starts_with("//")), "{raw:?} -> {out:?}");
        prop_assert!(!out.chars().any(|c| c.is_control() || c == '\\'), "{raw:?} -> {out:?}");
        let base = url::Url::parse(BASE).expect("base");
        let followed = base.join(&out).expect("resolves");
        prop_assert_eq!(followed.origin(), base.origin(), "{:?} -> {:?}", raw, out);
        prop_assert!(axum::http::HeaderValue::from_str(&out).is_ok(), "{raw:?} -> {out:?}");
        // What a browser does with it: tabs and newlines dropped, then resolved.
        let browser: String = out.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        prop_assert_eq!(base.join(&browser).expect("resolves").origin(), base.origin());
    }
}
