//! The catalogs agree with each other and with the code.

use super::*;

/// Every message id of a language, over all its files, sorted.
fn all_ids(files: &[(&str, &str)]) -> Vec<String> {
    let mut ids: Vec<String> = files.iter().flat_map(|(_, src)| message_ids(src)).collect();
    ids.sort();
    ids
}

#[test]
fn catalogs_parse_without_errors() {
    for (lang, files) in [("nl", NL), ("en", EN)] {
        for (name, src) in files {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*src) {
                panic!("{lang}/{name}.ftl has syntax errors: {errors:?}");
            }
        }
    }
}

#[test]
fn no_message_is_defined_twice() {
    for (lang, files) in [("nl", NL), ("en", EN)] {
        let ids = all_ids(files);
        let dupes: Vec<_> = ids.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
        assert!(dupes.is_empty(), "{lang}/ defines these twice: {dupes:?}");
    }
}

/// File for file: a message lives in the same feature's file in both languages.
#[test]
fn both_catalogs_have_the_same_messages() {
    assert_eq!(NL.iter().map(|f| f.0).collect::<Vec<_>>(), EN.iter().map(|f| f.0).collect::<Vec<_>>());
    for ((name, nl), (_, en)) in NL.iter().zip(EN) {
        let (nl, en) = (message_ids(nl), message_ids(en));
        let only_nl: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "{name}.ftl: only in nl: {only_nl:?}; only in en: {only_en:?}"
        );
    }
}

/// Every file in the folders is compiled in (a file left off the list would
/// silently be missing).
#[test]
fn every_catalog_file_is_listed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for (lang, files) in [("nl", NL), ("en", EN)] {
        let mut on_disk: Vec<String> = std::fs::read_dir(root.join(lang))
            .expect("locales folder")
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ftl").map(str::to_owned))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = files.iter().map(|f| f.0.to_owned()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "locales/{lang}/");
    }
}

/// Every `t("…")`, `t1("…"`, `t2("…"` and `count("…"` key in the source
/// and templates exists in the catalogs.
#[test]
fn every_used_key_exists() {
    let ids = all_ids(NL);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for dir in ["src", "templates"] {
        for path in walk(&root.join(dir)) {
            let text = std::fs::read_to_string(&path).expect("readable");
            for key in used_keys(&text) {
                if !ids.contains(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys without a translation:\n{}", missing.join("\n"));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn used_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [".t(\"", ".t1(\"", ".t2(\"", ".count(\"", "tr_key(\""] {
        let mut rest = text;
        while let Some(i) = rest.find(call) {
            rest = &rest[i + call.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

/// Keys built from names at run time: every role, audience, invitation
/// state and audit action has a message.
#[test]
fn generated_keys_exist() {
    use samenspel_core::audience::Audience;
    use samenspel_core::invitation::InvitationState;
    use samenspel_core::role::Role;
    let ids = all_ids(NL);
    let mut keys: Vec<String> = Role::ALL.iter().map(|r| format!("role-{}", r.as_str())).collect();
    keys.extend(Audience::ALL.iter().map(|a| format!("audience-{}", a.as_str())));
    keys.extend(["open", "accepted", "revoked", "expired"].iter().map(|s| format!("invitation-state-{s}")));
    use samenspel_core::logbook::{EntryKind, Reaction, Status};
    keys.extend(EntryKind::ALL.iter().map(|k| format!("kind-{}", k.as_str())));
    keys.extend(EntryKind::ALL.iter().map(|k| format!("kind-{}-hint", k.as_str())));
    keys.extend(
        [Status::None, Status::Open, Status::Answered, Status::Closed].iter().map(|s| format!("status-{}", s.as_str())),
    );
    keys.extend(Reaction::ALL.iter().map(|r| format!("reaction-{}", r.as_str())));
    keys.extend(["off", "daily", "weekly"].iter().map(|d| format!("digest-{d}")));
    for term in crate::http::pages::glossary_terms() {
        keys.push(format!("term-{term}"));
        keys.push(format!("term-{term}-text"));
    }
    keys.extend(Audience::ALL.iter().map(|a| format!("audience-{}-hint", a.as_str())));
    keys.extend(samenspel_core::change::ChangeKind::ALL.iter().map(|k| format!("change-kind-{}", k.as_str())));
    use samenspel_core::agreement::{Domain, Step};
    keys.extend(Domain::ALL.iter().map(|d| format!("agreement-domain-{}", d.as_str())));
    keys.extend(Step::ALL.iter().map(|s| format!("agreement-step-{}", s.number())));
    keys.extend(Step::ALL.iter().map(|s| format!("agreement-step-{}-question", s.number())));
    use samenspel_core::network::{Category, SupportKind, Tie};
    keys.extend(Category::ALL.iter().map(|c| format!("network-category-{}", c.letter().to_lowercase())));
    keys.extend(SupportKind::ALL.iter().map(|k| format!("network-support-{}", k.letter().to_lowercase())));
    keys.extend(Tie::ALL.iter().map(|t| format!("network-tie-{}", t.as_str())));
    keys.extend((1..=3).map(|c| format!("network-closeness-{c}")));
    for c in samenspel_core::consent::Category::ALL {
        keys.push(format!("consent-category-{}", c.as_str()));
        keys.push(format!("consent-category-{}-hint", c.as_str()));
    }
    for r in samenspel_core::consent::DECIDED_ROLES {
        for prefix in ["consent-role", "consent-view-as", "consent-seen-by"] {
            keys.push(format!("{prefix}-{}", r.as_str()));
        }
    }
    keys.extend(["view", "save", "view_as", "change"].iter().map(|a| format!("audit-consent-{a}")));
    keys.extend(samenspel_core::agenda::Kind::ALL.iter().map(|k| format!("agenda-kind-{}", k.as_str())));
    keys.extend(samenspel_core::agenda::Kind::ALL.iter().map(|k| format!("agenda-kind-{}-hint", k.as_str())));
    keys.extend(["once", "daily", "weekly", "monthly"].iter().map(|r| format!("agenda-repeat-{r}")));
    use samenspel_core::help::Template as HelpTemplate;
    keys.extend(HelpTemplate::ALL.iter().map(|t| format!("help-template-{}", t.as_str())));
    keys.extend(
        HelpTemplate::ALL
            .iter()
            .filter(|t| **t != HelpTemplate::Other)
            .map(|t| format!("help-template-{}-title", t.as_str())),
    );
    use samenspel_core::conversation::Guide;
    keys.extend(Guide::ALL.iter().map(|g| format!("guide-{}", g.as_str())));
    keys.extend(Guide::ALL.iter().map(|g| format!("guide-{}-intro", g.as_str())));
    keys.extend(Guide::ALL.iter().flat_map(|g| g.questions().iter().map(|q| format!("guide-q-{}", q.key))));
    use samenspel_core::profile::{PROFILE_QUESTIONS, Perspective, SofaRole};
    keys.extend(Perspective::ALL.iter().map(|p| format!("perspective-{}", p.as_str())));
    keys.extend(Perspective::ALL.iter().map(|p| format!("perspective-{}-line", p.as_str())));
    keys.extend(PROFILE_QUESTIONS.iter().map(|q| format!("profile-q{}", q.number)));
    keys.extend(
        PROFILE_QUESTIONS
            .iter()
            .flat_map(|q| q.options.iter().map(move |p| format!("profile-q{}-{}", q.number, p.as_str()))),
    );
    keys.extend(SofaRole::ALL.iter().map(|r| format!("sofa-{}", r.as_str())));
    keys.extend(SofaRole::ALL.iter().map(|r| format!("sofa-{}-hint", r.as_str())));
    use samenspel_core::about::Part;
    keys.extend(Part::ALL.iter().map(|p| p.label_key()));
    keys.extend(Part::ALL.iter().map(|p| p.hint_key()));
    use samenspel_core::empathy::Quadrant;
    keys.extend(Quadrant::ALL.iter().map(|q| format!("empathy-{}", q.as_str())));
    keys.extend(Quadrant::ALL.iter().map(|q| format!("empathy-{}-hint", q.as_str())));
    use samenspel_core::wellbeing::{GoalKind, GoalStatus};
    keys.extend(GoalKind::ALL.iter().map(|k| format!("goal-kind-{}", k.as_str())));
    keys.extend(GoalStatus::ALL.iter().map(|s| format!("goal-status-{}", s.as_str())));
    keys.extend(samenspel_core::logbook::Card::ALL.iter().map(|c| format!("card-{}", c.as_str())));
    use samenspel_core::privacy::RequestKind;
    keys.extend(
        [RequestKind::Export, RequestKind::Correct, RequestKind::Delete]
            .map(|k| format!("privacy-request-{}", k.as_str())),
    );
    // The privacy service names its two audit actions through a helper.
    keys.extend(["audit-privacy-export", "audit-privacy-delete"].map(String::from));
    let _ = InvitationState::Open;
    // Audit actions as written in the services: `what(Operation::…, "action", …)`.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in walk(&root.join("src")) {
        if path.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut rest = text.as_str();
        while let Some(i) = rest.find("what(Operation::") {
            rest = &rest[i + 16..];
            // what(Operation::Read, "members.list", …): the action is the literal after the first comma.
            let Some(comma) = rest.find(", ") else { break };
            let after = &rest[comma + 2..];
            if let Some(literal) = after.strip_prefix('"')
                && let Some(end) = literal.find('"')
            {
                keys.push(format!("audit-{}", literal[..end].replace('.', "-")));
            }
        }
    }
    let missing: Vec<_> = keys.iter().filter(|k| !ids.contains(k)).collect();
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

#[test]
fn recent_times_read_naturally() {
    let now = Timestamp::from_second(1_790_000_000).expect("valid"); // 2026-09-21 16:13 local
    let nl = Tr::new(Locale::Nl);
    let earlier = now.checked_sub(jiff::SignedDuration::from_hours(2)).expect("valid");
    assert_eq!(nl.when(&earlier, &now), "vandaag om 14:13");
    let yesterday = now.checked_sub(jiff::SignedDuration::from_hours(24)).expect("valid");
    assert_eq!(nl.when(&yesterday, &now), "gisteren om 16:13");
    let older = now.checked_sub(jiff::SignedDuration::from_hours(24 * 10)).expect("valid");
    assert_eq!(nl.when(&older, &now), "11 september 2026, 16:13");
}

#[test]
fn dates_are_shown_in_amsterdam_time() {
    // 2026-03-29 00:30 UTC is 01:30 in winter time; 01:30 UTC is 03:30 summer time.
    let before = Timestamp::from_second(1_774_744_200).expect("valid");
    let after = Timestamp::from_second(1_774_747_800).expect("valid");
    let nl = Tr::new(Locale::Nl);
    assert_eq!(nl.datetime(&before), "29 maart 2026, 01:30");
    assert_eq!(nl.datetime(&after), "29 maart 2026, 03:30");
    assert_eq!(Tr::new(Locale::En).date(&after), "29 March 2026");
}
