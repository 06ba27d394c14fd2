//! Voluntary Application Server Identification (RFC 8292): the instance's
//! P-256 key signs a short-lived JWT (ES256) for each push service origin.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::SecretKey;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::Generate;
use samenspel_core::Timestamp;

/// A JWT is valid for 12 hours: RFC 8292 allows at most 24, and a push
/// service's clock may run a little ahead.
const LIFETIME_SECS: i64 = 12 * 3600;

pub struct Vapid {
    key: SigningKey,
    /// The uncompressed public key, base64url: what the page hands to
    /// `pushManager.subscribe` and what the `k=` parameter carries.
    public: String,
}

impl Vapid {
    /// A new private key, base64url (32 bytes), to store once.
    pub fn generate() -> String {
        URL_SAFE_NO_PAD.encode(SecretKey::generate().to_bytes())
    }

    /// The key stored by [`Vapid::generate`].
    pub fn from_stored(private: &str) -> anyhow::Result<Vapid> {
        let secret = SecretKey::from_slice(&URL_SAFE_NO_PAD.decode(private)?)
            .map_err(|_| anyhow::anyhow!("the stored VAPID key is not a P-256 key"))?;
        let public = URL_SAFE_NO_PAD.encode(secret.public_key().to_sec1_bytes());
        Ok(Vapid { key: SigningKey::from(&secret), public })
    }

    pub fn public_key(&self) -> &str {
        &self.public
    }

    /// The `Authorization` header for a push service at `origin`
    /// ("https://push.example.net"): `vapid t=<JWT>, k=<public key>`.
    pub fn authorization(&self, origin: &str, subject: &str, now: Timestamp) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({
            "aud": origin,
            "exp": now.as_second() + LIFETIME_SECS,
            "sub": subject,
        });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signing_input = format!("{header}.{claims}");
        let signature: Signature = self.key.sign(signing_input.as_bytes());
        let jwt = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()));
        format!("vapid t={jwt}, k={}", self.public)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::VerifyingKey;
    use p256::ecdsa::signature::Verifier;

    #[test]
    fn the_token_verifies_with_the_public_key() {
        let v = Vapid::from_stored(&Vapid::generate()).expect("key");
        let now = Timestamp::from_second(1_800_000_000).expect("time");
        let auth = v.authorization("https://push.example.net", "https://samenspel.example", now);
        let (t, k) = auth.strip_prefix("vapid t=").and_then(|r| r.split_once(", k=")).expect("shape");
        assert_eq!(k, v.public_key());
        let (input, sig) = t.rsplit_once('.').expect("jwt");
        let key = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(k).expect("b64")).expect("point");
        let sig = Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).expect("b64")).expect("signature");
        key.verify(input.as_bytes(), &sig).expect("valid signature");
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(input.split('.').nth(1).expect("claims")).expect("b64"))
                .expect("json");
        assert_eq!(claims["aud"], "https://push.example.net");
        assert_eq!(claims["exp"], 1_800_000_000 + LIFETIME_SECS);
    }
}
