//! Translations: Fluent message catalogs for Dutch (the default) and English,
//! compiled into the binary. Every user-facing string goes through [`Tr`];
//! a test checks both catalogs have the same messages and that every key
//! used in code and templates exists.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use samenspel_core::Timestamp;
use samenspel_core::locale::Locale;
use std::sync::LazyLock;

/// The catalogs, one file per feature with the same name in each language
/// (`locales/nl/<name>.ftl`, `locales/en/<name>.ftl`), compiled in.
macro_rules! catalogs {
    ($($file:literal),+ $(,)?) => {
        /// Dutch: (file name, source) per feature.
        pub const NL: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/nl/", $file, ".ftl")))),+];
        /// English, file for file the same.
        pub const EN: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/en/", $file, ".ftl")))),+];
    };
}

catalogs![
    "general",
    "errors",
    "sign_in",
    "social_map",
    "circles",
    "members",
    "monitor",
    "invitations",
    "circle_settings",
    "audit",
    "account",
    "notices",
    "roles",
    "mail",
    "logbook",
    "network",
    "agreements",
    "changes",
    "conversations",
    "checkins",
    "about",
    "agenda",
    "help",
    "inbox",
    "location_agenda",
    "navigation",
    "glossary",
    "push",
    "second_factor",
    "passkeys",
    "practice",
    "pool",
    "knowledge",
    "privacy",
    "consent",
    "fhir",
    "sso",
];

/// All times are shown in the Netherlands' time zone.
pub const TIME_ZONE: &str = "Europe/Amsterdam";

struct Catalogs {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(files: &[(&str, &str)], lang: unic_langid::LanguageIdentifier) -> FluentBundle<FluentResource> {
    let mut b = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks would show up as stray characters in e-mails.
    b.set_use_isolating(false);
    for (name, source) in files {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            // The catalogs are compiled in and parsed in a unit test; a broken
            // one still yields every message that did parse.
            Err((r, errors)) => {
                tracing::error!(file = name, ?errors, "message catalog has syntax errors");
                r
            }
        };
        if let Err(errors) = b.add_resource(resource) {
            tracing::error!(file = name, ?errors, "message catalog has duplicate messages");
        }
    }
    b
}

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| Catalogs {
    nl: bundle(NL, unic_langid::langid!("nl-NL")),
    en: bundle(EN, unic_langid::langid!("en-GB")),
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

    /// A glossary term's name (`term-<key>`).
    pub fn term(&self, key: &str) -> String {
        self.t(&format!("term-{key}"))
    }

    /// A glossary term's explanation (`term-<key>-text`).
    pub fn term_text(&self, key: &str) -> String {
        self.t(&format!("term-{key}-text"))
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// The `$own` argument of a message that says "je kring" to the client
    /// and "de kring van …" to everyone else.
    pub fn own(reader_is_client: bool) -> &'static str {
        if reader_is_client { "yes" } else { "no" }
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
}

mod dates;
mod names;
#[cfg(test)]
mod tests;

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
