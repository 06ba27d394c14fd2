//! Signed values: an HMAC-SHA256 under the server's secret key proves that
//! Samenspel itself made a token (a CSRF token, the link in a notification
//! e-mail), without storing it. Pure computation, shared by the web layer,
//! which makes such tokens, and the store, which checks the ones that open
//! data.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
use sha2::Sha256;

/// HMAC-SHA256 of `value` for one `purpose` under `key`, URL-safe.
pub fn sign(key: &str, purpose: &str, value: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = hmac::Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(b"samenspel\0");
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Constant-time check of a token made by [`sign`].
pub fn signed_valid(key: &str, purpose: &str, value: &str, presented: &str) -> bool {
    use subtle::ConstantTimeEq;
    let expected = sign(key, purpose, value);
    !expected.is_empty() && expected.as_bytes().ct_eq(presented.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_bind_key_purpose_and_value() {
        let t = sign("key-one", "csrf", "session-a");
        assert!(signed_valid("key-one", "csrf", "session-a", &t));
        assert!(!signed_valid("key-one", "csrf", "session-b", &t));
        assert!(!signed_valid("key-two", "csrf", "session-a", &t));
        assert!(!signed_valid("key-one", "notifications", "session-a", &t), "purposes do not mix");
        assert!(!signed_valid("key-one", "csrf", "session-a", ""));
    }
}
