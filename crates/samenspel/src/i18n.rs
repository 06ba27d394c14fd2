//! Translations: Fluent message catalogs for Dutch (the default) and English,
//! compiled into the binary. Every user-facing string goes through [`Tr`];
//! a test checks both catalogs have the same messages and that every key
//! used in code and templates exists.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use samenspel_core::Timestamp;
use samenspel_core::locale::Locale;
use std::sync::LazyLock;

pub const NL_FTL: &str = include_str!("../locales/nl.ftl");
pub const EN_FTL: &str = include_str!("../locales/en.ftl");

/// All times are shown in the Netherlands' time zone.
pub const TIME_ZONE: &str = "Europe/Amsterdam";

struct Catalogs {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(source: &str, lang: unic_langid::LanguageIdentifier) -> FluentBundle<FluentResource> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        // The catalogs are compiled in and parsed in a unit test; a broken one
        // still yields every message that did parse.
        Err((r, errors)) => {
            tracing::error!(?errors, "message catalog has syntax errors");
            r
        }
    };
    let mut b = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks would show up as stray characters in e-mails.
    b.set_use_isolating(false);
    if let Err(errors) = b.add_resource(resource) {
        tracing::error!(?errors, "message catalog has duplicate messages");
    }
    b
}

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| Catalogs {
    nl: bundle(NL_FTL, unic_langid::langid!("nl-NL")),
    en: bundle(EN_FTL, unic_langid::langid!("en-GB")),
});

/// The translator for one request: cheap to copy into every template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Tr { locale }
    }

    pub fn lang(&self) -> &'static str {
        self.locale.as_str()
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = match self.locale {
            Locale::Nl => &CATALOGS.nl,
            Locale::En => &CATALOGS.en,
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, locale = self.lang(), "missing translation");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation could not be formatted");
        }
        text
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// A message with two arguments.
    pub fn t2(&self, key: &str, n1: &str, v1: impl std::fmt::Display, n2: &str, v2: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(n1, FluentValue::from(v1.to_string()));
        args.set(n2, FluentValue::from(v2.to_string()));
        self.format(key, Some(&args))
    }

    /// A message with three arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        key: &str,
        n1: &str,
        v1: impl std::fmt::Display,
        n2: &str,
        v2: impl std::fmt::Display,
        n3: &str,
        v3: impl std::fmt::Display,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(n1, FluentValue::from(v1.to_string()));
        args.set(n2, FluentValue::from(v2.to_string()));
        args.set(n3, FluentValue::from(v3.to_string()));
        self.format(key, Some(&args))
    }

    /// A count with one more argument.
    pub fn count_with(&self, key: &str, n: i64, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(n));
        args.set(name, FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// A count, with the catalog choosing singular or plural.
    pub fn count(&self, key: &str, n: impl std::borrow::Borrow<i64>) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(*n.borrow()));
        self.format(key, Some(&args))
    }

    /// A role's name ("vrijwilliger").
    pub fn role(&self, role: &samenspel_core::role::Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    /// An audience in plain words ("alleen beroepskrachten").
    pub fn audience(&self, audience: &samenspel_core::audience::Audience) -> String {
        self.t(&format!("audience-{}", audience.as_str()))
    }

    /// An invitation's state ("geaccepteerd").
    pub fn invitation_state(&self, state: &samenspel_core::invitation::InvitationState) -> String {
        let name = match state {
            samenspel_core::invitation::InvitationState::Open => "open",
            samenspel_core::invitation::InvitationState::Accepted => "accepted",
            samenspel_core::invitation::InvitationState::Revoked => "revoked",
            samenspel_core::invitation::InvitationState::Expired => "expired",
        };
        self.t(&format!("invitation-state-{name}"))
    }

    /// A kind of logbook entry ("Mooi moment").
    pub fn kind(&self, kind: &samenspel_core::logbook::EntryKind) -> String {
        self.t(&format!("kind-{}", kind.as_str()))
    }

    /// Where an open item stands ("nog geen antwoord").
    pub fn status(&self, status: &samenspel_core::logbook::Status) -> String {
        self.t(&format!("status-{}", status.as_str()))
    }

    /// A reaction's name ("Bedankt").
    pub fn reaction(&self, r: &samenspel_core::logbook::Reaction) -> String {
        self.t(&format!("reaction-{}", r.as_str()))
    }

    /// How often a summary comes ("Elke week").
    pub fn digest(&self, d: &samenspel_store::logbook::Digest) -> String {
        self.t(&format!("digest-{}", d.as_str()))
    }

    /// A life domain in words ("Eten en drinken").
    pub fn domain(&self, d: &samenspel_core::agreement::Domain) -> String {
        self.t(&format!("agreement-domain-{}", d.as_str()))
    }

    /// A step of the Schijf van Vijf, short ("Familie en mantelzorg").
    pub fn step(&self, s: &samenspel_core::agreement::Step) -> String {
        self.t(&format!("agreement-step-{}", s.number()))
    }

    /// A step as the question the conversation asks.
    pub fn step_question(&self, s: &samenspel_core::agreement::Step) -> String {
        self.t(&format!("agreement-step-{}-question", s.number()))
    }

    /// A kind of change in the situation ("Verhuisd naar een verpleeghuis").
    pub fn change_kind(&self, k: &samenspel_core::change::ChangeKind) -> String {
        self.t(&format!("change-kind-{}", k.as_str()))
    }

    /// A conversation guide's name.
    pub fn guide(&self, g: &samenspel_core::conversation::Guide) -> String {
        self.t(&format!("guide-{}", g.as_str()))
    }

    /// What a guide is for, about the client by name.
    pub fn guide_intro(&self, g: &samenspel_core::conversation::Guide, client: &str) -> String {
        self.t1(&format!("guide-{}-intro", g.as_str()), "client", client)
    }

    /// A guide's question, about the client by name.
    pub fn question(&self, q: &samenspel_core::conversation::Question, client: &str) -> String {
        self.t1(&format!("guide-q-{}", q.key), "client", client)
    }

    /// A collaboration perspective's name ("De verbinder").
    pub fn perspective(&self, p: &samenspel_core::profile::Perspective) -> String {
        self.t(&format!("perspective-{}", p.as_str()))
    }

    /// A perspective in one line, for the member card.
    pub fn perspective_line(&self, p: &samenspel_core::profile::Perspective) -> String {
        self.t(&format!("perspective-{}-line", p.as_str()))
    }

    /// Question `n` of the profile self-assessment, or one of its answers.
    pub fn profile_text(
        &self,
        n: impl std::borrow::Borrow<usize>,
        p: Option<&samenspel_core::profile::Perspective>,
    ) -> String {
        let n = n.borrow();
        match p {
            None => self.t(&format!("profile-q{n}")),
            Some(p) => self.t(&format!("profile-q{n}-{}", p.as_str())),
        }
    }

    /// A SOFA role's name.
    pub fn sofa(&self, r: &samenspel_core::profile::SofaRole) -> String {
        self.t(&format!("sofa-{}", r.as_str()))
    }

    /// What a SOFA role means.
    pub fn sofa_hint(&self, r: &samenspel_core::profile::SofaRole) -> String {
        self.t(&format!("sofa-{}-hint", r.as_str()))
    }

    /// A calendar day ("1 december 2026").
    pub fn day(&self, d: &jiff::civil::Date) -> String {
        format!("{} {} {}", d.day(), self.month(d.month()), d.year())
    }

    /// An ecogram group in words ("Buren").
    pub fn category(&self, c: &samenspel_core::network::Category) -> String {
        self.t(&format!("network-category-{}", c.letter().to_lowercase()))
    }

    /// A kind of support in words ("Gezelschap").
    pub fn support_kind(&self, k: &samenspel_core::network::SupportKind) -> String {
        self.t(&format!("network-support-{}", k.letter().to_lowercase()))
    }

    /// A kind of relation, with how the map draws it.
    pub fn tie(&self, t: &samenspel_core::network::Tie) -> String {
        self.t(&format!("network-tie-{}", t.as_str()))
    }

    /// "Dichtbij", "Midden", "Verder weg".
    pub fn closeness(&self, c: impl std::borrow::Borrow<i64>) -> String {
        self.t(&format!("network-closeness-{}", c.borrow()))
    }

    /// An audit action ("members.list") in words ("bekeek de ledenlijst").
    pub fn audit_action(&self, action: &str) -> String {
        self.t(&format!("audit-{}", action.replace('.', "-")))
    }

    /// "22 november 2026"
    pub fn date(&self, t: &Timestamp) -> String {
        let z = local(t);
        format!("{} {} {}", z.day(), self.month(z.month()), z.year())
    }

    /// "22 november 2026, 14:05"
    pub fn datetime(&self, t: &Timestamp) -> String {
        let z = local(t);
        format!("{} {} {}, {:02}:{:02}", z.day(), self.month(z.month()), z.year(), z.hour(), z.minute())
    }

    /// "vandaag om 14:05", "gisteren om 09:12", or "3 november 2026, 14:05".
    pub fn when(&self, t: &Timestamp, now: &Timestamp) -> String {
        let (z, today) = (local(t), local(now).date());
        let time = format!("{:02}:{:02}", z.hour(), z.minute());
        if z.date() == today {
            self.t1("when-today", "time", time)
        } else if today.yesterday().is_ok_and(|y| y == z.date()) {
            self.t1("when-yesterday", "time", time)
        } else {
            self.datetime(t)
        }
    }

    /// "di 24 november" (the year only when it is not this year's).
    pub fn weekday_date(&self, d: &jiff::civil::Date) -> String {
        let this_year = local(&Timestamp::now()).year();
        let mut out = format!("{} {} {}", self.weekday_short(d.weekday()), d.day(), self.month(d.month()));
        if d.year() != this_year {
            out.push_str(&format!(" {}", d.year()));
        }
        out
    }

    /// "ma", "di", … / "Mon", "Tue", …
    pub fn weekday_short(&self, w: jiff::civil::Weekday) -> &'static str {
        const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let i = w.to_monday_zero_offset() as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }

    /// "maandag" … / "Monday" …
    pub fn weekday_long(&self, w: jiff::civil::Weekday) -> &'static str {
        const NL: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
        const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let i = w.to_monday_zero_offset() as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }

    /// An occurrence in words: "di 24 november, 19:00–21:30" or "do 3 december (hele dag)".
    pub fn occurrence(&self, o: &samenspel_core::recurrence::Occurrence) -> String {
        let day = self.weekday_date(&o.start.date());
        if o.whole_day {
            return self.t1("agenda-whole-day-on", "day", day);
        }
        format!("{day}, {}–{}", o.start.strftime("%H:%M"), o.end.strftime("%H:%M"))
    }

    /// [`Tr::when`] relative to now, for templates.
    pub fn ago(&self, t: &Timestamp) -> String {
        self.when(t, &Timestamp::now())
    }

    /// Same as [`Tr::date`] for optional values; empty when absent.
    pub fn date_opt(&self, t: &Option<Timestamp>) -> String {
        t.as_ref().map(|t| self.date(t)).unwrap_or_default()
    }

    fn month(&self, m: i8) -> &'static str {
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let i = (m.clamp(1, 12) - 1) as usize;
        match self.locale {
            Locale::Nl => NL[i],
            Locale::En => EN[i],
        }
    }
}

/// A timestamp in the Netherlands' time zone.
pub fn local(t: &Timestamp) -> jiff::Zoned {
    let tz = jiff::tz::TimeZone::get(TIME_ZONE).unwrap_or(jiff::tz::TimeZone::UTC);
    t.to_zoned(tz)
}

/// The message ids defined in a catalog, for the consistency tests.
pub fn message_ids(source: &str) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut ids: Vec<String> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_parse_without_errors() {
        for (name, src) in [("nl", NL_FTL), ("en", EN_FTL)] {
            if let Err((_, errors)) = fluent_syntax::parser::parse(src) {
                panic!("{name}.ftl has syntax errors: {errors:?}");
            }
        }
    }

    #[test]
    fn no_message_is_defined_twice() {
        for (name, src) in [("nl", NL_FTL), ("en", EN_FTL)] {
            let ids = message_ids(src);
            let dupes: Vec<_> = ids.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
            assert!(dupes.is_empty(), "{name}.ftl defines these twice: {dupes:?}");
        }
    }

    #[test]
    fn both_catalogs_have_the_same_messages() {
        let nl = message_ids(NL_FTL);
        let en = message_ids(EN_FTL);
        let only_nl: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl: {only_nl:?}; only in en: {only_en:?}");
    }

    /// Every `t("…")`, `t1("…"`, `t2("…"` and `count("…"` key in the source
    /// and templates exists in the catalogs.
    #[test]
    fn every_used_key_exists() {
        let ids = message_ids(NL_FTL);
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
                    if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
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
        let ids = message_ids(NL_FTL);
        let mut keys: Vec<String> = Role::ALL.iter().map(|r| format!("role-{}", r.as_str())).collect();
        keys.extend(Audience::ALL.iter().map(|a| format!("audience-{}", a.as_str())));
        keys.extend(["open", "accepted", "revoked", "expired"].iter().map(|s| format!("invitation-state-{s}")));
        use samenspel_core::logbook::{EntryKind, Reaction, Status};
        keys.extend(EntryKind::ALL.iter().map(|k| format!("kind-{}", k.as_str())));
        keys.extend(EntryKind::ALL.iter().map(|k| format!("kind-{}-hint", k.as_str())));
        keys.extend(
            [Status::None, Status::Open, Status::Answered, Status::Closed]
                .iter()
                .map(|s| format!("status-{}", s.as_str())),
        );
        keys.extend(Reaction::ALL.iter().map(|r| format!("reaction-{}", r.as_str())));
        keys.extend(["off", "daily", "weekly"].iter().map(|d| format!("digest-{d}")));
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
        let _ = InvitationState::Open;
        // Audit actions as written in the services: `what(Operation::…, "action", …)`.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for path in walk(&root.join("src")) {
            if path.ends_with("i18n.rs") {
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
}
