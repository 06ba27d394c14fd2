//! Message encryption for Web Push (RFC 8291) in the aes128gcm content
//! coding (RFC 8188): one record, so a payload must fit in 4 096 bytes.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use hkdf::Hkdf;
use p256::elliptic_curve::Generate;
use p256::{PublicKey, SecretKey};
use sha2::Sha256;

/// The record size written in the header; RFC 8291 uses 4096.
const RECORD_SIZE: u32 = 4096;
/// Our payloads are a title, a sentence and a path: far below one record
/// (4096 minus the 16-byte tag and the delimiter).
pub const MAX_PAYLOAD: usize = 3_000;

#[derive(Debug, thiserror::Error)]
pub enum EceError {
    #[error("the browser's public key is not a P-256 point")]
    BadKey,
    #[error("the browser's authentication secret is not 16 bytes")]
    BadAuth,
    #[error("the payload is too long for one record")]
    TooLong,
    #[error("encryption failed")]
    Cipher,
}

/// Encrypts `plaintext` for a browser with public key `ua_public`
/// (uncompressed, 65 bytes) and authentication secret `auth` (16 bytes),
/// with a fresh server key pair and salt each time.
pub fn encrypt(ua_public: &[u8], auth: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, EceError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| EceError::Cipher)?;
    encrypt_with(&SecretKey::generate(), salt, ua_public, auth, plaintext)
}

/// [`encrypt`] with the server's key and the salt given (RFC 8291 §3.4),
/// so the Appendix A example can be checked.
pub fn encrypt_with(
    as_secret: &SecretKey,
    salt: [u8; 16],
    ua_public: &[u8],
    auth: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, EceError> {
    if plaintext.len() > MAX_PAYLOAD {
        return Err(EceError::TooLong);
    }
    if auth.len() != 16 {
        return Err(EceError::BadAuth);
    }
    let ua = PublicKey::from_sec1_bytes(ua_public).map_err(|_| EceError::BadKey)?;
    let ua_bytes = ua.to_sec1_bytes();
    let as_public = as_secret.public_key().to_sec1_bytes();
    let shared = as_secret.diffie_hellman(&ua);

    // IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
    let mut key_info = Vec::with_capacity(14 + 130);
    key_info.extend_from_slice(b"WebPush: info\0");
    key_info.extend_from_slice(&ua_bytes);
    key_info.extend_from_slice(&as_public);
    let mut ikm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(auth), shared.raw_secret_bytes())
        .expand(&key_info, &mut ikm)
        .map_err(|_| EceError::Cipher)?;

    // RFC 8188: the content key and nonce from the salt and IKM.
    let prk = Hkdf::<Sha256>::new(Some(&salt), &ikm);
    let mut cek = [0u8; 16];
    let mut nonce = [0u8; 12];
    prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek).map_err(|_| EceError::Cipher)?;
    prk.expand(b"Content-Encoding: nonce\0", &mut nonce).map_err(|_| EceError::Cipher)?;

    // One record: the plaintext and the last-record delimiter 0x02, no padding.
    let mut record = Vec::with_capacity(plaintext.len() + 1);
    record.extend_from_slice(plaintext);
    record.push(2);
    let cipher = Aes128Gcm::new_from_slice(&cek).map_err(|_| EceError::Cipher)?;
    let nonce = Nonce::try_from(&nonce[..]).map_err(|_| EceError::Cipher)?;
    let sealed = cipher.encrypt(&nonce, record.as_slice()).map_err(|_| EceError::Cipher)?;

    // Header: salt (16) | record size (4, big-endian) | key id length (1) | key id (the server's public key).
    let mut out = Vec::with_capacity(21 + as_public.len() + sealed.len());
    out.extend_from_slice(&salt);
    out.extend_from_slice(&RECORD_SIZE.to_be_bytes());
    out.push(as_public.len() as u8);
    out.extend_from_slice(&as_public);
    out.extend_from_slice(&sealed);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn b64(s: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(s).expect("base64url")
    }

    /// RFC 8291, Appendix A: the example message, byte for byte.
    #[test]
    fn rfc8291_appendix_a() {
        let as_secret = SecretKey::from_slice(&b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")).expect("key");
        assert_eq!(
            URL_SAFE_NO_PAD.encode(as_secret.public_key().to_sec1_bytes()),
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"
        );
        let salt: [u8; 16] = b64("DGv6ra1nlYgDCS1FRnbzlw").try_into().expect("salt");
        let body = encrypt_with(
            &as_secret,
            salt,
            &b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
            &b64("BTBZMqHH6r4Tts7J_aSIgg"),
            b"When I grow up, I want to be a watermelon",
        )
        .expect("encrypted");
        assert_eq!(
            URL_SAFE_NO_PAD.encode(body),
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"
        );
    }

    #[test]
    fn refuses_bad_keys_and_long_payloads() {
        assert!(matches!(encrypt(&[4; 65], &[0; 16], b"x"), Err(EceError::BadKey)));
        let ua = SecretKey::generate().public_key().to_sec1_bytes();
        assert!(matches!(encrypt(&ua, &[0; 15], b"x"), Err(EceError::BadAuth)));
        assert!(matches!(encrypt(&ua, &[0; 16], &[b'x'; MAX_PAYLOAD + 1]), Err(EceError::TooLong)));
        assert!(encrypt(&ua, &[0; 16], b"x").is_ok());
    }
}
