//! Checks and normalisation of what people type. Each check returns the
//! cleaned value or a [`FieldError`] with a message key.

use crate::error::FieldError;

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
