//! Secrets: random tokens, their stored hashes, CSRF tokens and passwords.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
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

/// HMAC-SHA256 of `value` for one `purpose` under the server's secret key:
/// proof that Samenspel itself made a token, without storing it.
pub fn sign(key: &str, purpose: &str, value: &str) -> String {
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(b"samenspel\0");
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Constant-time check of a token made by [`sign`].
pub fn signed_valid(key: &str, purpose: &str, value: &str, presented: &str) -> bool {
    use subtle::ConstantTimeEq;
    sign(key, purpose, value).as_bytes().ct_eq(presented.as_bytes()).into()
}

/// A CSRF token bound to `binding` (the session id, or the anonymous
/// visitor's cookie).
pub fn csrf_token(key: &str, binding: &str) -> String {
    sign(key, "csrf", binding)
}

pub fn csrf_valid(key: &str, binding: &str, presented: &str) -> bool {
    signed_valid(key, "csrf", binding, presented)
}

/// Hashes a password with argon2id (OWASP's parameters: 19 MiB, 2 passes).
/// CPU-heavy: runs on the blocking pool.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::PasswordHasher;
        argon2::Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
    })
    .await?
}

/// Checks a password against a stored PHC string. Without a stored hash it
/// still does the work, so response times do not reveal which e-mail
/// addresses have an account.
pub async fn verify_password(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::PasswordVerifier;
        use argon2::password_hash::phc::PasswordHash;
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && stored != DUMMY_HASH
    })
    .await
    .unwrap_or(false)
}

/// An argon2id hash of a random password nobody knows, with default parameters.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FtZW5zcGVsZHVtbXk$Hx5iKbq1vZ4l9oZl1h0yYpR2c7bKc0m7yq4mH8yVt2k";

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

    #[tokio::test]
    async fn passwords_verify() {
        let h = hash_password("correct horse battery".into()).await.expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), Some(h.clone())).await);
        assert!(!verify_password("wrong horse battery".into(), Some(h)).await);
        assert!(!verify_password("anything".into(), None).await);
    }

    #[test]
    fn api_tokens_have_a_recognisable_prefix() {
        let (token, shown) = new_api_token();
        assert!(token.starts_with("ssp_"));
        assert!(token.starts_with(&shown));
        assert_eq!(shown.len(), 10);
    }
}
