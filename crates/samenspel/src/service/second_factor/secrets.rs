//! The second factor's secrets: the TOTP secret sealed with the server's
//! key (AES-256-GCM, bound to the account), recovery codes and their
//! hashes, and the QR code drawn as SVG.

use crate::crypto::token_hash;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::Mac;
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, totp};

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| Error::internal(format!("random source: {e}")))?;
    Ok(bytes)
}

/// A fresh TOTP secret.
pub fn new_secret() -> Result<Vec<u8>> {
    Ok(random::<{ totp::SECRET_BYTES }>()?.to_vec())
}

fn cipher(server_key: &str) -> Result<Aes256Gcm> {
    let mut mac = <hmac::Hmac<sha2::Sha256> as hmac::KeyInit>::new_from_slice(server_key.as_bytes())
        .map_err(|_| Error::internal("hmac key"))?;
    mac.update(b"samenspel\0second-factor-secret");
    let key = mac.finalize().into_bytes();
    Aes256Gcm::new_from_slice(&key).map_err(|_| Error::internal("cipher key"))
}

/// Seals a secret for storing: nonce and ciphertext, base64url.
pub fn seal(server_key: &str, user: &UserId, secret: &[u8]) -> Result<String> {
    let nonce = random::<12>()?;
    let sealed = cipher(server_key)?
        .encrypt(&Nonce::from(nonce), Payload { msg: secret, aad: user.as_str().as_bytes() })
        .map_err(|_| Error::internal("sealing the second factor"))?;
    Ok(URL_SAFE_NO_PAD.encode([nonce.as_slice(), &sealed].concat()))
}

/// Opens a sealed secret (an error when the key or the account differs).
pub fn open(server_key: &str, user: &UserId, sealed: &str) -> Result<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(sealed).map_err(|_| Error::internal("sealed secret is not base64"))?;
    if bytes.len() < 12 {
        return Err(Error::internal("sealed secret too short"));
    }
    let (nonce, body) = bytes.split_at(12);
    let nonce: [u8; 12] = nonce.try_into().map_err(|_| Error::internal("nonce"))?;
    cipher(server_key)?
        .decrypt(&Nonce::from(nonce), Payload { msg: body, aad: user.as_str().as_bytes() })
        .map_err(|_| Error::internal("the second factor's secret does not open with this server key"))
}

/// Ten recovery codes like `k3f9-x2mq-7hdp` (about 59 random bits each), to show
/// once, with the hashes to store.
pub fn recovery_codes() -> Result<(Vec<String>, Vec<String>)> {
    const LETTERS: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let bytes = random::<12>()?;
        let chars: String = bytes.iter().map(|b| char::from(LETTERS[usize::from(*b) % LETTERS.len()])).collect();
        codes.push(format!("{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..12]));
    }
    let hashes = codes.iter().map(|c| recovery_hash(c)).collect();
    Ok((codes, hashes))
}

/// The stored hash of a recovery code as typed (case, spaces and dashes ignored).
pub fn recovery_hash(typed: &str) -> String {
    let plain: String = typed.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    token_hash(&format!("recovery:{plain}"))
}

/// Whether typed text looks like a recovery code rather than a TOTP code.
pub fn looks_like_recovery_code(typed: &str) -> bool {
    typed.chars().filter(char::is_ascii_alphanumeric).count() == 12
}

/// The `otpauth://` address as a QR code, an SVG drawn on the server
/// (presentation attributes only, so the CSP allows it inline).
pub fn qr_svg(uri: &str) -> Result<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| Error::internal(format!("QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    // Drop the XML declaration: the SVG goes inside the page.
    Ok(svg.find("<svg").map(|i| svg[i..].to_owned()).unwrap_or(svg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_the_same_key_and_account() {
        let user = UserId::generate();
        let secret = new_secret().expect("random");
        let sealed = seal("key-one", &user, &secret).expect("seal");
        assert_eq!(open("key-one", &user, &sealed).expect("open"), secret);
        assert!(open("key-two", &user, &sealed).is_err());
        assert!(open("key-one", &UserId::generate(), &sealed).is_err());
    }

    #[test]
    fn recovery_codes_are_distinct_and_hashed_as_typed() {
        let (codes, hashes) = recovery_codes().expect("random");
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(hashes[0], recovery_hash(&codes[0].to_uppercase().replace('-', " ")));
        assert!(looks_like_recovery_code(&codes[0]));
        assert!(!looks_like_recovery_code("123456"));
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
    }

    #[test]
    fn the_qr_code_is_an_svg() {
        let svg = qr_svg("otpauth://totp/Samenspel:a@b.nl?secret=ABC").expect("qr");
        assert!(svg.starts_with("<svg") && svg.contains("</svg>"));
    }
}
