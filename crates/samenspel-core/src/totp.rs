//! Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226): the codes
//! an authenticator app shows. Six digits, HMAC-SHA-1, a 30-second step —
//! what every app reads from an `otpauth://` QR code. The secret is written
//! in base32 (RFC 4648, no padding), as apps expect.

use hmac::{KeyInit, Mac};

/// Seconds per time step.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Steps accepted on either side of now (clock drift, a slow typist).
pub const WINDOW: i64 = 1;
/// Bytes of secret: 160 bits, as RFC 4226 recommends for HMAC-SHA-1.
pub const SECRET_BYTES: usize = 20;

/// The time step that `unix_seconds` falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// HOTP (RFC 4226 §5.3) with HMAC-`D`, `digits` long.
fn hotp<D: hmac::EagerHash>(secret: &[u8], counter: u64, digits: u32) -> u32
where
    hmac::Hmac<D>: KeyInit + Mac,
{
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = <hmac::Hmac<D> as KeyInit>::new_from_slice(secret) else {
        return u32::MAX;
    };
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let binary = (u32::from(hash[offset]) & 0x7f) << 24
        | u32::from(hash[offset + 1]) << 16
        | u32::from(hash[offset + 2]) << 8
        | u32::from(hash[offset + 3]);
    binary % 10u32.pow(digits)
}

/// The six-digit code for `step`, as apps show it (leading zeros kept).
pub fn code(secret: &[u8], step: i64) -> String {
    let n = hotp::<sha1::Sha1>(secret, u64::try_from(step).unwrap_or(0), DIGITS);
    format!("{n:0width$}", width = DIGITS as usize)
}

/// Checks a typed code against the steps around `unix_seconds`. Returns the
/// step it matched, which must be later than `last_used` (a code works
/// once). Spaces in the typed code are ignored.
pub fn verify(secret: &[u8], typed: &str, unix_seconds: i64, last_used: Option<i64>) -> Option<i64> {
    use subtle::ConstantTimeEq;
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(unix_seconds);
    let mut found = None;
    for step in now - WINDOW..=now + WINDOW {
        let matches: bool = code(secret, step).as_bytes().ct_eq(typed.as_bytes()).into();
        if matches && found.is_none() {
            found = Some(step);
        }
    }
    found.filter(|s| last_used.is_none_or(|last| *s > last))
}

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Base32 without padding (RFC 4648 §6).
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Reads base32 (any case, spaces ignored); `None` for another character.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let c = c.to_ascii_uppercase() as u8;
        let value = ALPHABET.iter().position(|a| *a == c)? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The secret in groups of four, for typing it over ("ABCD EFGH …").
pub fn grouped(secret: &[u8]) -> String {
    let text = base32(secret);
    text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` address a QR code carries (Key Uri Format).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(account),
        base32(secret),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B: the test secrets and the eight-digit codes.
    const SHA1_KEY: &[u8] = b"12345678901234567890";
    const SHA256_KEY: &[u8] = b"12345678901234567890123456789012";
    const SHA512_KEY: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";
    const VECTORS: [(i64, u32, u32, u32); 6] = [
        (59, 94287082, 46119246, 90693936),
        (1111111109, 7081804, 68084774, 25091201),
        (1111111111, 14050471, 67062674, 99943326),
        (1234567890, 89005924, 91819424, 93441116),
        (2000000000, 69279037, 90698825, 38618901),
        (20000000000, 65353130, 77737706, 47863826),
    ];

    #[test]
    fn rfc6238_test_vectors() {
        for (time, sha1, sha256, sha512) in VECTORS {
            let counter = u64::try_from(step_at(time)).expect("positive");
            assert_eq!(hotp::<sha1::Sha1>(SHA1_KEY, counter, 8), sha1, "SHA-1 at {time}");
            assert_eq!(hotp::<sha2::Sha256>(SHA256_KEY, counter, 8), sha256, "SHA-256 at {time}");
            assert_eq!(hotp::<sha2::Sha512>(SHA512_KEY, counter, 8), sha512, "SHA-512 at {time}");
        }
    }

    #[test]
    fn rfc4226_six_digit_codes() {
        // RFC 4226 Appendix D, counters 0 to 2.
        assert_eq!(code(SHA1_KEY, 0), "755224");
        assert_eq!(code(SHA1_KEY, 1), "287082");
        assert_eq!(code(SHA1_KEY, 2), "359152");
    }

    #[test]
    fn verify_accepts_one_step_either_side_once() {
        let t = 1_111_111_111;
        let now = step_at(t);
        for step in [now - 1, now, now + 1] {
            assert_eq!(verify(SHA1_KEY, &code(SHA1_KEY, step), t, None), Some(step));
        }
        assert_eq!(verify(SHA1_KEY, &code(SHA1_KEY, now + 2), t, None), None, "outside the window");
        assert_eq!(verify(SHA1_KEY, &code(SHA1_KEY, now - 2), t, None), None, "outside the window");
        assert_eq!(verify(SHA1_KEY, &code(SHA1_KEY, now), t, Some(now)), None, "used already");
        assert_eq!(verify(SHA1_KEY, &code(SHA1_KEY, now - 1), t, Some(now)), None, "older than the last used");
        let spaced = format!("{} {}", &code(SHA1_KEY, now)[..3], &code(SHA1_KEY, now)[3..]);
        assert_eq!(verify(SHA1_KEY, &spaced, t, None), Some(now), "spaces are ignored");
        assert_eq!(verify(SHA1_KEY, "12345", t, None), None);
        assert_eq!(verify(SHA1_KEY, "abcdef", t, None), None);
    }

    #[test]
    fn base32_round_trips_and_matches_rfc4648() {
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32(b"f"), "MY");
        assert_eq!(from_base32("mzxw 6ytb oi").as_deref(), Some(&b"foobar"[..]));
        assert_eq!(from_base32("MZ1"), None);
        let secret: Vec<u8> = (0u8..20).collect();
        assert_eq!(from_base32(&grouped(&secret)), Some(secret.clone()));
        assert_eq!(grouped(&secret).split(' ').count(), 8);
    }

    #[test]
    fn otpauth_uri_names_issuer_and_account() {
        let uri = otpauth_uri("Samenspel", "ans de vries@example.nl", SHA1_KEY);
        assert!(uri.starts_with("otpauth://totp/Samenspel:ans%20de%20vries@example.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Samenspel"), "{uri}");
    }
}
