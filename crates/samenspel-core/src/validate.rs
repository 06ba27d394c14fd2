//! Checks and normalisation of what people type. Each check returns the
//! cleaned value or a [`FieldError`] with a message key.

use crate::error::{FieldError, Validator};
use crate::ids::MemberId;
use jiff::civil::{Date, Time};

pub const MAX_NAME: usize = 100;
pub const MAX_RELATION: usize = 60;
pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 1024;
pub const MAX_EMAIL: usize = 254;

/// An e-mail address, trimmed and lower-cased. Deliberately loose: one `@`,
/// something before it, a dotted domain after it, no spaces.
pub fn email(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Err(FieldError::new(field, "email-required"));
    }
    let ok = value.len() <= MAX_EMAIL
        && !value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if ok { Ok(value) } else { Err(FieldError::new(field, "email-invalid")) }
}

/// A person's or client's name: required, at most [`MAX_NAME`] characters.
pub fn name(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let value = collapse_spaces(raw);
    if value.is_empty() {
        Err(FieldError::new(field, "name-required"))
    } else if value.chars().count() > MAX_NAME {
        Err(FieldError::new(field, "name-too-long"))
    } else {
        Ok(value)
    }
}

/// A short free text such as "dochter" or "wijkverpleegkundige"; may be empty.
pub fn relation(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let value = collapse_spaces(raw);
    if value.chars().count() > MAX_RELATION { Err(FieldError::new(field, "relation-too-long")) } else { Ok(value) }
}

/// A member id that may be left empty (`None`); `member-not-in-circle` when
/// it is not an id. Whether it is one of the circle's is for the store to say.
pub(crate) fn member(field: &'static str, raw: &str) -> Result<Option<MemberId>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    MemberId::parse(raw).map(Some).ok_or(FieldError::new(field, "member-not-in-circle"))
}

/// A new password. Length is what matters (NIST SP 800-63B); no composition rules.
pub fn new_password(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let count = raw.chars().count();
    if count < MIN_PASSWORD {
        Err(FieldError::new(field, "password-too-short"))
    } else if raw.len() > MAX_PASSWORD {
        Err(FieldError::new(field, "password-too-long"))
    } else {
        Ok(raw.to_owned())
    }
}

/// Trims, folds runs of white space into one space and drops control characters.
pub fn collapse_spaces(raw: &str) -> String {
    raw.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Free text as it is kept: trimmed, with plain line ends (`\n`).
pub(crate) fn plain_text(raw: &str) -> String {
    raw.trim().replace("\r\n", "\n")
}

/// The checks the domain's forms share. Each reports its problem to the
/// [`Validator`] under the field and message key it is given, and returns
/// what it read, so a form goes on checking and reports every problem at once.
impl Validator {
    /// One line (a title, a few names): white space folded by
    /// [`collapse_spaces`]; `too_long` past `max` characters.
    pub(crate) fn line(&mut self, field: &'static str, raw: &str, max: usize, too_long: &'static str) -> String {
        let value = collapse_spaces(raw);
        if value.chars().count() > max {
            self.push(field, too_long);
        }
        value
    }

    /// A [`line`](Self::line) that may not be empty: `required` when it is.
    pub(crate) fn required_line(
        &mut self,
        field: &'static str,
        raw: &str,
        max: usize,
        required: &'static str,
        too_long: &'static str,
    ) -> String {
        let value = collapse_spaces(raw);
        if value.is_empty() {
            self.push(field, required);
        } else if value.chars().count() > max {
            self.push(field, too_long);
        }
        value
    }

    /// Free text over several lines: trimmed, with plain line ends;
    /// `too_long` past `max` characters.
    pub(crate) fn text(&mut self, field: &'static str, raw: &str, max: usize, too_long: &'static str) -> String {
        let value = plain_text(raw);
        if value.chars().count() > max {
            self.push(field, too_long);
        }
        value
    }

    /// A value read from a fixed set (a kind, a status): `code` when there is none.
    pub(crate) fn known<T>(&mut self, field: &'static str, value: Option<T>, code: &'static str) -> Option<T> {
        if value.is_none() {
            self.push(field, code);
        }
        value
    }

    /// A date, YYYY-MM-DD: `date-invalid` when it is not one (or is empty).
    pub(crate) fn date(&mut self, field: &'static str, raw: &str) -> Option<Date> {
        let date = raw.trim().parse::<Date>().ok();
        if date.is_none() {
            self.push(field, "date-invalid");
        }
        date
    }

    /// A [`date`](Self::date) that may be left empty: then `empty`.
    pub(crate) fn date_or(&mut self, field: &'static str, raw: &str, empty: Option<Date>) -> Option<Date> {
        if raw.trim().is_empty() { empty } else { self.date(field, raw) }
    }

    /// A time, HH:MM, that may be left empty (then `empty`): `time-invalid`
    /// when it is not one.
    pub(crate) fn time_or(&mut self, field: &'static str, raw: &str, empty: Option<Time>) -> Option<Time> {
        if raw.trim().is_empty() {
            return empty;
        }
        let time = crate::agenda::parse_time(raw);
        if time.is_none() {
            self.push(field, "time-invalid");
        }
        time
    }

    /// A list of values without repeats, read by `parse`; `code` for every
    /// one it does not read.
    pub(crate) fn distinct<T: PartialEq>(
        &mut self,
        field: &'static str,
        code: &'static str,
        raw: &[String],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Vec<T> {
        let mut values = Vec::new();
        for r in raw {
            match parse(r.trim()) {
                Some(value) if !values.contains(&value) => values.push(value),
                Some(_) => {}
                None => self.push(field, code),
            }
        }
        values
    }

    /// Member ids without repeats: `member-not-in-circle` for one that is not an id.
    pub(crate) fn members(&mut self, field: &'static str, raw: &[String]) -> Vec<MemberId> {
        self.distinct(field, "member-not-in-circle", raw, MemberId::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(email("e", "  Ans@Example.NL ").as_deref(), Ok("ans@example.nl"));
        for bad in ["", "ans", "ans@", "@x.nl", "a@b", "a b@c.nl", "a@@c.nl", "a@.nl", "a@x..nl", "<a@x.nl>"] {
            assert!(email("e", bad).is_err(), "{bad:?} must be refused");
        }
        assert_eq!(email("e", "").unwrap_err().code, "email-required");
    }

    #[test]
    fn names() {
        assert_eq!(name("n", "  Ans   de\tVries ").as_deref(), Ok("Ans de Vries"));
        assert_eq!(name("n", "   ").unwrap_err().code, "name-required");
        assert_eq!(name("n", &"x".repeat(101)).unwrap_err().code, "name-too-long");
        assert!(name("n", &"é".repeat(100)).is_ok());
    }

    #[test]
    fn passwords() {
        assert_eq!(new_password("p", "kort").unwrap_err().code, "password-too-short");
        assert!(new_password("p", "lang genoeg wachtwoord").is_ok());
        assert_eq!(new_password("p", &"x".repeat(2000)).unwrap_err().code, "password-too-long");
    }
}
