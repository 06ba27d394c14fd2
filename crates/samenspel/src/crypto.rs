//! Secrets: random tokens, their stored hashes, CSRF tokens and passwords.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is not something to continue after.
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What we store for a token: its SHA-256, hex. Tokens are random and long,
/// so a fast hash is enough (unlike passwords).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Personal API tokens look like `ssp_…` so secret scanners can spot them.
pub const API_TOKEN_PREFIX: &str = "ssp_";

pub fn new_api_token() -> (String, String) {
    let token = format!("{API_TOKEN_PREFIX}{}", random_token());
    let shown = token[..API_TOKEN_PREFIX.len() + 6].to_owned();
    (token, shown)
}

pub use samenspel_core::signing::{sign, signed_valid};

/// A CSRF token bound to `binding` (the session id, or the anonymous
/// visitor's cookie).
pub fn csrf_token(key: &str, binding: &str) -> String {
    sign(key, "csrf", binding)
}

pub fn csrf_valid(key: &str, binding: &str, presented: &str) -> bool {
    signed_valid(key, "csrf", binding, presented)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), token_hash(&random_token()));
    }

    #[test]
    fn csrf_tokens_bind_to_key_and_binding() {
        let t = csrf_token("key-one", "session-a");
        assert!(csrf_valid("key-one", "session-a", &t));
        assert!(!csrf_valid("key-one", "session-b", &t));
        assert!(!csrf_valid("key-two", "session-a", &t));
        assert!(!csrf_valid("key-one", "session-a", ""));
        assert!(!signed_valid("key-one", "notifications", "session-a", &t), "purposes do not mix");
    }

    #[test]
    fn api_tokens_have_a_recognisable_prefix() {
        let (token, shown) = new_api_token();
        assert!(token.starts_with("ssp_"));
        assert!(token.starts_with(&shown));
        assert_eq!(shown.len(), 10);
    }
}
