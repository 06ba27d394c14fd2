//! The ID token checks, with tokens signed here (HS256 with the client
//! secret, which the standard allows for confidential clients): a token for
//! another client, an expired one, another sign-in's nonce and another
//! issuer are refused. The browser suite runs the whole flow against a real
//! provider (e2e/tests/sso-journey.test.js).

use super::*;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
use std::str::FromStr;

const ISSUER: &str = "https://login.zorggroep.example";
const SECRET: &str = "a shared secret of the samenspel client at the provider";

fn sso() -> Sso {
    let public = url::Url::parse("https://samenspel.example").expect("url");
    Sso::new("Zorggroep", ISSUER, "samenspel", SECRET, &public).expect("sso")
}

fn token(claims: serde_json::Value) -> CoreIdToken {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).expect("key");
    mac.update(format!("{header}.{body}").as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    CoreIdToken::from_str(&format!("{header}.{body}.{signature}")).expect("a token")
}

fn claims(aud: &str, expires_in: i64, nonce: &str, iss: &str) -> serde_json::Value {
    let now = jiff::Timestamp::now().as_second();
    serde_json::json!({
        "iss": iss, "sub": "medewerker-17", "aud": aud, "iat": now - 5, "exp": now + expires_in,
        "nonce": nonce, "email": "Fatima@Zorggroep.example", "email_verified": true,
    })
}

#[test]
fn a_good_token_says_who_signed_in() {
    let s = sso();
    let id = identity_of(&token(claims("samenspel", 300, "n-1", ISSUER)), &s.shared_secret_verifier(), "n-1")
        .expect("accepted");
    assert_eq!(id.subject, "medewerker-17");
    assert_eq!(id.issuer, ISSUER);
    assert_eq!(id.email.as_deref(), Some("Fatima@Zorggroep.example"));
    assert!(id.email_verified);
}

#[test]
fn a_token_for_another_client_is_refused() {
    let s = sso();
    let r = identity_of(&token(claims("another-app", 300, "n-1", ISSUER)), &s.shared_secret_verifier(), "n-1");
    assert!(matches!(r, Err(SsoError::Refused(_))), "{r:?}");
}

#[test]
fn an_expired_token_is_refused() {
    let s = sso();
    let r = identity_of(&token(claims("samenspel", -120, "n-1", ISSUER)), &s.shared_secret_verifier(), "n-1");
    assert!(matches!(r, Err(SsoError::Refused(_))), "{r:?}");
}

#[test]
fn another_sign_ins_nonce_or_another_issuer_is_refused() {
    let s = sso();
    let v = s.shared_secret_verifier();
    assert!(identity_of(&token(claims("samenspel", 300, "n-1", ISSUER)), &v, "n-2").is_err(), "nonce");
    assert!(identity_of(&token(claims("samenspel", 300, "n-1", "https://evil.example")), &v, "n-1").is_err(), "issuer");
}

#[test]
fn a_token_signed_with_another_key_is_refused() {
    let s = sso();
    let good = token(claims("samenspel", 300, "n-1", ISSUER)).to_string();
    let mut parts: Vec<&str> = good.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode([0u8; 32]);
    parts[2] = &forged;
    let forged = CoreIdToken::from_str(&parts.join(".")).expect("a token");
    assert!(identity_of(&forged, &s.shared_secret_verifier(), "n-1").is_err());
}
