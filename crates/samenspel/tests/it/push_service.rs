//! A local push service for the tests: a real HTTP server on 127.0.0.1 that
//! takes Web Push POSTs (RFC 8030), checks the VAPID header (RFC 8292) and
//! decrypts the body as the browser would (RFC 8291 §3.4 on RFC 8188). The
//! decryption is written from the RFCs, apart from the production code.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hkdf::Hkdf;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::elliptic_curve::Generate;
use p256::{PublicKey, SecretKey};
use sha2::Sha256;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// One message as the push service received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub device: String,
    pub authorization: String,
    pub encoding: String,
    pub ttl: String,
    pub body: Vec<u8>,
}

#[derive(Clone, Default)]
struct Shared {
    received: Arc<Mutex<Vec<Received>>>,
    gone: Arc<Mutex<HashSet<String>>>,
}

pub struct PushService {
    /// "http://127.0.0.1:port": the `aud` a VAPID token must name.
    pub origin: String,
    shared: Shared,
}

impl PushService {
    pub async fn start() -> PushService {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind push service");
        let port = listener.local_addr().expect("addr").port();
        let shared = Shared::default();
        let app = axum::Router::new().route("/push/{device}", axum::routing::post(receive)).with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        PushService { origin: format!("http://127.0.0.1:{port}"), shared }
    }

    /// Answers 410 Gone from now on for this device, as a push service does
    /// for a browser that unsubscribed.
    pub fn forget(&self, device: &Device) {
        self.shared.gone.lock().expect("lock").insert(device.name.clone());
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().expect("lock").clone()
    }

    pub fn for_device(&self, device: &Device) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.device == device.name).collect()
    }
}

async fn receive(
    State(s): State<Shared>,
    Path(device): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> StatusCode {
    let h = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    s.received.lock().expect("lock").push(Received {
        device: device.clone(),
        authorization: h("authorization"),
        encoding: h("content-encoding"),
        ttl: h("ttl"),
        body: body.to_vec(),
    });
    if s.gone.lock().expect("lock").contains(&device) { StatusCode::GONE } else { StatusCode::CREATED }
}

/// A browser's side of a subscription: its key pair and auth secret.
pub struct Device {
    pub name: String,
    secret: SecretKey,
    auth: [u8; 16],
}

impl Device {
    pub fn new() -> Device {
        let mut auth = [0u8; 16];
        getrandom::fill(&mut auth).expect("random");
        Device { name: uuid::Uuid::new_v4().simple().to_string(), secret: SecretKey::generate(), auth }
    }

    pub fn endpoint(&self, service: &PushService) -> String {
        format!("{}/push/{}", service.origin, self.name)
    }

    pub fn p256dh(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.secret.public_key().to_sec1_bytes())
    }

    pub fn auth(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.auth)
    }

    /// RFC 8291 §3.4 and RFC 8188 §2, on the receiving side.
    pub fn decrypt(&self, body: &[u8]) -> Result<Vec<u8>, String> {
        if body.len() < 21 {
            return Err("shorter than the header".into());
        }
        let salt = &body[..16];
        let rs = u32::from_be_bytes(body[16..20].try_into().map_err(|_| "rs")?) as usize;
        let idlen = body[20] as usize;
        let key_id = body.get(21..21 + idlen).ok_or("key id cut off")?;
        let records = &body[21 + idlen..];
        let sender = PublicKey::from_sec1_bytes(key_id).map_err(|_| "the key id is not the sender's P-256 key")?;
        let ua_public = self.secret.public_key().to_sec1_bytes();

        // ecdh_secret, then IKM from the auth secret (RFC 8291 §3.3, §3.4).
        let ecdh = self.secret.diffie_hellman(&sender);
        let (_, auth_hkdf) = Hkdf::<Sha256>::extract(Some(&self.auth), ecdh.raw_secret_bytes());
        let mut info = b"WebPush: info\x00".to_vec();
        info.extend_from_slice(&ua_public);
        info.extend_from_slice(key_id);
        let mut ikm = [0u8; 32];
        auth_hkdf.expand(&info, &mut ikm).map_err(|_| "ikm")?;

        // CEK and NONCE (RFC 8188 §2.2, §2.3).
        let (prk, _) = Hkdf::<Sha256>::extract(Some(salt), &ikm);
        let content = Hkdf::<Sha256>::from_prk(&prk).map_err(|_| "prk")?;
        let (mut cek, mut base_nonce) = ([0u8; 16], [0u8; 12]);
        content.expand(b"Content-Encoding: aes128gcm\x00", &mut cek).map_err(|_| "cek")?;
        content.expand(b"Content-Encoding: nonce\x00", &mut base_nonce).map_err(|_| "nonce")?;
        let cipher = Aes128Gcm::new_from_slice(&cek).map_err(|_| "cipher")?;

        let mut plaintext = Vec::new();
        let chunks: Vec<&[u8]> = records.chunks(rs).collect();
        for (seq, chunk) in chunks.iter().enumerate() {
            let mut nonce = base_nonce;
            for (i, b) in (seq as u128).to_be_bytes()[4..].iter().enumerate() {
                nonce[i] ^= b;
            }
            let nonce = Nonce::try_from(&nonce[..]).map_err(|_| "nonce size")?;
            let mut record = cipher.decrypt(&nonce, *chunk).map_err(|_| "the record does not decrypt")?;
            // Padding is zeros after a delimiter: 2 in the last record, 1 before.
            while record.last() == Some(&0) {
                record.pop();
            }
            let last = seq + 1 == chunks.len();
            match record.pop() {
                Some(2) if last => {}
                Some(1) if !last => {}
                other => return Err(format!("bad record delimiter {other:?}")),
            }
            plaintext.extend_from_slice(&record);
        }
        Ok(plaintext)
    }
}

/// Checks `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292 §2, §3): the key
/// is the one the server hands out, the ES256 signature verifies with it,
/// `aud` is the push service's origin and `exp` is in the next 24 hours.
pub fn check_vapid(header: &str, served_key: &str, origin: &str) -> Result<serde_json::Value, String> {
    let rest = header.strip_prefix("vapid ").ok_or("not a vapid header")?;
    let mut t = None;
    let mut k = None;
    for part in rest.split(',') {
        let (name, value) = part.trim().split_once('=').ok_or("parameter without a value")?;
        match name {
            "t" => t = Some(value),
            "k" => k = Some(value),
            _ => {}
        }
    }
    let (t, k) = (t.ok_or("no t=")?, k.ok_or("no k=")?);
    if k != served_key {
        return Err("k is not the served public key".into());
    }
    let key = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(k).map_err(|_| "k b64")?).map_err(|_| "k point")?;
    let (signed, sig) = t.rsplit_once('.').ok_or("jwt shape")?;
    let sig = Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).map_err(|_| "sig b64")?).map_err(|_| "sig")?;
    key.verify(signed.as_bytes(), &sig).map_err(|_| "the signature does not verify")?;
    let (header, claims) = signed.split_once('.').ok_or("jwt parts")?;
    let header: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).map_err(|_| "header b64")?).map_err(|_| "header")?;
    if header["alg"] != "ES256" {
        return Err("alg is not ES256".into());
    }
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).map_err(|_| "claims b64")?).map_err(|_| "claims")?;
    if claims["aud"] != origin {
        return Err(format!("aud {} is not {origin}", claims["aud"]));
    }
    let now = samenspel_core::Timestamp::now().as_second();
    let exp = claims["exp"].as_i64().ok_or("no exp")?;
    if exp <= now || exp > now + 24 * 3600 {
        return Err(format!("exp {exp} is not within 24 hours of {now}"));
    }
    if claims["sub"].as_str().is_none_or(str::is_empty) {
        return Err("no sub".into());
    }
    Ok(claims)
}
