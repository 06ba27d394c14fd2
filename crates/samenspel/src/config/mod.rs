//! Configuration: defaults → `samenspel.toml` → `SAMENSPEL_*` environment →
//! command-line flags, validated into one typed [`Config`] at start-up. A
//! wrong setting stops start-up with a message naming the setting and what
//! is expected. Secrets are wrapped so `Debug` never prints them.
//!
//! Here: the typed settings and the layering; the settings' names and the
//! file and environment layers in [`raw`], the checks in [`validate`].

mod raw;
mod validate;

pub use raw::{RawConfig, SETTINGS};

use samenspel_store::Synchronous;
use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// A value that must never appear in logs.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (port 587). The default.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a mail relay on the same machine or a test sink.
    None,
}

#[derive(Clone, Debug)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<Secret>,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…` (may hold a password).
    pub database_url: Secret,
    pub database_max_connections: u32,
    pub sqlite_synchronous: Synchronous,
    /// The address people use to reach Samenspel; links in e-mails start with it.
    pub public_url: url::Url,
    /// False when `public_url` was not set and follows `bind`: then commands
    /// that print links (`admin sign-in-link`) use the address the server
    /// last started on (`<data_dir>/serving-at`), which `--bind` may have changed.
    pub public_url_given: bool,
    /// Sender of all e-mail, e.g. `Samenspel <noreply@example.org>`.
    pub mail_from: String,
    /// `None`: mail is written to `<data_dir>/mail` instead of being sent.
    pub smtp: Option<SmtpConfig>,
    pub session_idle_days: u32,
    pub session_max_days: u32,
    pub sign_in_link_minutes: u32,
    pub invitation_days: u32,
    /// Key for CSRF tokens and signed links. Instances that share a database
    /// share it: set it in the settings, or let [`share_secret`] keep it in
    /// the database.
    pub secret_key: Secret,
    /// The key came from `<data_dir>/secret.key`, not from the settings.
    pub secret_from_data_dir: bool,
    /// Believe `X-Forwarded-For` / `X-Forwarded-Proto` (only behind a proxy you run).
    pub trust_proxy_headers: bool,
    /// Run the background worker (e-mail) inside `serve`.
    pub run_worker: bool,
    /// Bearer token that `/metrics` asks for; without one `/metrics` is not served.
    pub metrics_token: Option<Secret>,
    pub log_format: LogFormat,
    pub log_level: String,
    /// The organisation's OpenID provider for single sign-on, if any.
    pub sso: Option<SsoConfig>,
}

/// Single sign-on with an OpenID provider (see [`crate::sso`]).
#[derive(Clone, Debug)]
pub struct SsoConfig {
    /// The provider's issuer: its discovery document is at
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    /// On the sign-in button: "Inloggen met {label}".
    pub label: String,
}

impl Config {
    /// Cookies are `Secure` when people reach us over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// Where `serve` writes the address it serves at, for the other commands.
    pub fn serving_at_file(&self) -> PathBuf {
        self.data_dir.join("serving-at")
    }

    /// The address for links printed by a command other than `serve`: the
    /// configured one, or else the one the server last started on.
    pub fn printed_link_base(&self) -> url::Url {
        if self.public_url_given {
            return self.public_url.clone();
        }
        std::fs::read_to_string(self.serving_at_file())
            .ok()
            .and_then(|s| url::Url::parse(s.trim()).ok())
            .unwrap_or_else(|| self.public_url.clone())
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// An absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}

/// A setting that is wrong, and what was expected.
#[derive(Debug, thiserror::Error)]
#[error("configuration error in {origin}: setting `{setting}` {problem}")]
pub struct ConfigError {
    pub origin: String,
    pub setting: String,
    pub problem: String,
}

fn err(origin: &str, setting: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError { origin: origin.into(), setting: setting.into(), problem: problem.into() }
}

/// Loads the layers. `flags` are the command-line values (highest priority).
pub fn load(
    config_file: Option<&Path>,
    env: &HashMap<String, String>,
    flags: RawConfig,
) -> Result<Config, ConfigError> {
    let mut raw = RawConfig::default();
    let mut origin = String::from("the defaults");
    let file = config_file.map(Path::to_path_buf).or_else(|| {
        let p = PathBuf::from("samenspel.toml");
        p.exists().then_some(p)
    });
    if let Some(path) = &file {
        raw = RawConfig::from_file(path)?;
        origin = path.display().to_string();
    }
    raw.overlay_env(env)?;
    raw.overlay(flags);
    raw.build(&format!("the settings (file: {origin}; SAMENSPEL_* environment; flags)"))
}

/// Reads the CSRF/secret key from `<data_dir>/secret.key`, creating it with
/// fresh random bytes the first time. A configured `secret_key` wins. Once
/// the database is open, [`share_secret`] makes every instance on it use one
/// key.
pub fn load_or_create_secret(config: &mut Config) -> anyhow::Result<()> {
    if !config.secret_key.expose().is_empty() {
        return Ok(());
    }
    config.secret_from_data_dir = true;
    std::fs::create_dir_all(&config.data_dir)?;
    let path = config.data_dir.join("secret.key");
    let key = match std::fs::read_to_string(&path) {
        Ok(k) if k.trim().len() >= 32 => k.trim().to_owned(),
        _ => {
            let k = crate::crypto::random_token();
            std::fs::write(&path, &k)?;
            k
        }
    };
    config.secret_key = Secret(key);
    Ok(())
}

/// Several instances on one database (behind one address) must sign CSRF
/// tokens and links with the same key, but each has its own data directory.
/// When the settings give no key, the first instance keeps its key in the
/// database and every instance uses that one from then on; the data
/// directory's `secret.key` is brought in line, so a backup holds the key in
/// use. A configured `secret_key` is left alone (the operator shares it).
pub async fn share_secret(config: &mut Config, store: &samenspel_store::Store) -> anyhow::Result<()> {
    if !config.secret_from_data_dir {
        return Ok(());
    }
    let kept = store.shared_secret(config.secret_key.expose(), samenspel_core::Timestamp::now()).await?;
    if kept != config.secret_key.expose() {
        tracing::info!("using the secret key that another instance on this database keeps");
        std::fs::write(config.data_dir.join("secret.key"), &kept)?;
        config.secret_key = Secret(kept);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
