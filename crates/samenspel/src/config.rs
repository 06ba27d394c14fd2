//! Configuration: defaults → `samenspel.toml` → `SAMENSPEL_*` environment →
//! command-line flags, validated into one typed [`Config`] at start-up. A
//! wrong setting stops start-up with a message naming the setting and what
//! is expected. Secrets are wrapped so `Debug` never prints them.

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
    /// Sender of all e-mail, e.g. `Samenspel <noreply@example.org>`.
    pub mail_from: String,
    /// `None`: mail is written to `<data_dir>/mail` instead of being sent.
    pub smtp: Option<SmtpConfig>,
    pub session_idle_days: u32,
    pub session_max_days: u32,
    pub sign_in_link_minutes: u32,
    pub invitation_days: u32,
    /// Key for CSRF tokens. Instances that share a database must share it.
    pub secret_key: Secret,
    /// Believe `X-Forwarded-For` / `X-Forwarded-Proto` (only behind a proxy you run).
    pub trust_proxy_headers: bool,
    /// Run the background worker (e-mail) inside `serve`.
    pub run_worker: bool,
    /// Bearer token that `/metrics` asks for; without one `/metrics` is not served.
    pub metrics_token: Option<Secret>,
    pub log_format: LogFormat,
    pub log_level: String,
}

impl Config {
    /// Cookies are `Secure` when people reach us over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
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

/// Everything optional, as read from the file or the environment.
#[derive(Debug, Default)]
pub struct RawConfig {
    pub bind: Option<String>,
    pub data_dir: Option<String>,
    pub database_url: Option<String>,
    pub database_max_connections: Option<String>,
    pub sqlite_synchronous: Option<String>,
    pub public_url: Option<String>,
    pub mail_from: Option<String>,
    pub smtp_host: Option<String>,
    pub smtp_port: Option<String>,
    pub smtp_security: Option<String>,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub session_idle_days: Option<String>,
    pub session_max_days: Option<String>,
    pub sign_in_link_minutes: Option<String>,
    pub invitation_days: Option<String>,
    pub secret_key: Option<String>,
    pub trust_proxy_headers: Option<String>,
    pub run_worker: Option<String>,
    pub metrics_token: Option<String>,
    pub log_format: Option<String>,
    pub log_level: Option<String>,
}

/// Every setting's name, as used in the file (and, upper-cased with a
/// `SAMENSPEL_` prefix, in the environment).
pub const SETTINGS: &[&str] = &[
    "bind",
    "data_dir",
    "database_url",
    "database_max_connections",
    "sqlite_synchronous",
    "public_url",
    "mail_from",
    "smtp_host",
    "smtp_port",
    "smtp_security",
    "smtp_username",
    "smtp_password",
    "session_idle_days",
    "session_max_days",
    "sign_in_link_minutes",
    "invitation_days",
    "secret_key",
    "trust_proxy_headers",
    "run_worker",
    "metrics_token",
    "log_format",
    "log_level",
];

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

impl RawConfig {
    fn slot(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "bind" => &mut self.bind,
            "data_dir" => &mut self.data_dir,
            "database_url" => &mut self.database_url,
            "database_max_connections" => &mut self.database_max_connections,
            "sqlite_synchronous" => &mut self.sqlite_synchronous,
            "public_url" => &mut self.public_url,
            "mail_from" => &mut self.mail_from,
            "smtp_host" => &mut self.smtp_host,
            "smtp_port" => &mut self.smtp_port,
            "smtp_security" => &mut self.smtp_security,
            "smtp_username" => &mut self.smtp_username,
            "smtp_password" => &mut self.smtp_password,
            "session_idle_days" => &mut self.session_idle_days,
            "session_max_days" => &mut self.session_max_days,
            "sign_in_link_minutes" => &mut self.sign_in_link_minutes,
            "invitation_days" => &mut self.invitation_days,
            "secret_key" => &mut self.secret_key,
            "trust_proxy_headers" => &mut self.trust_proxy_headers,
            "run_worker" => &mut self.run_worker,
            "metrics_token" => &mut self.metrics_token,
            "log_format" => &mut self.log_format,
            "log_level" => &mut self.log_level,
            _ => return None,
        })
    }

    /// Reads a TOML file. Values may be strings, numbers or booleans.
    pub fn from_file(path: &Path) -> Result<RawConfig, ConfigError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| err(&origin, "(file)", format!("cannot be read: {e}")))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| err(&origin, "(file)", format!("is not valid TOML: {}", e.message())))?;
        let mut raw = RawConfig::default();
        for (key, value) in table {
            let text = match value {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                other => {
                    return Err(err(
                        &origin,
                        &key,
                        format!("must be a string, number or boolean, not {}", other.type_str()),
                    ));
                }
            };
            let Some(slot) = raw.slot(&key) else {
                return Err(err(&origin, &key, format!("is not a known setting (known: {})", SETTINGS.join(", "))));
            };
            *slot = Some(text);
        }
        Ok(raw)
    }

    /// Overlays `SAMENSPEL_*` variables. An unknown `SAMENSPEL_` variable is an
    /// error too: a typo must not be silently ignored.
    pub fn overlay_env(&mut self, env: &HashMap<String, String>) -> Result<(), ConfigError> {
        for (key, value) in env {
            let Some(name) = key.strip_prefix("SAMENSPEL_") else {
                continue;
            };
            let name = name.to_ascii_lowercase();
            // Variables the test suites and tools use, not settings.
            if name.starts_with("test_") || name == "config" || name == "bin" {
                continue;
            }
            let Some(slot) = self.slot(&name) else {
                return Err(err("the environment", key, "is not a known setting"));
            };
            *slot = Some(value.clone());
        }
        Ok(())
    }

    /// Overlays another layer: its values win.
    pub fn overlay(&mut self, mut other: RawConfig) {
        for name in SETTINGS {
            let value = other.slot(name).and_then(Option::take);
            if let (Some(v), Some(slot)) = (value, self.slot(name)) {
                *slot = Some(v);
            }
        }
    }

    /// Validates and fills in defaults.
    pub fn build(self, origin: &str) -> Result<Config, ConfigError> {
        let bind: SocketAddr = parse(
            origin,
            "bind",
            self.bind.as_deref(),
            "127.0.0.1:8080",
            "an address and port such as 127.0.0.1:8080",
        )?;
        let data_dir = PathBuf::from(self.data_dir.unwrap_or_else(|| "./data".into()));
        if data_dir.as_os_str().is_empty() {
            return Err(err(origin, "data_dir", "must not be empty"));
        }
        let database_url = match self.database_url {
            Some(u) if u.starts_with("sqlite:") || u.starts_with("postgres://") || u.starts_with("postgresql://") => u,
            Some(_) => {
                return Err(err(origin, "database_url", "must start with sqlite:// or postgres://"));
            }
            None => format!("sqlite://{}", data_dir.join("samenspel.db").display()),
        };
        let database_max_connections: u32 = parse(
            origin,
            "database_max_connections",
            self.database_max_connections.as_deref(),
            "8",
            "a number of connections from 1 to 1000",
        )?;
        if !(1..=1000).contains(&database_max_connections) {
            return Err(err(origin, "database_max_connections", "must be a number of connections from 1 to 1000"));
        }
        let sqlite_synchronous = match self.sqlite_synchronous.as_deref().unwrap_or("full") {
            "full" => Synchronous::Full,
            "normal" => Synchronous::Normal,
            other => {
                return Err(err(
                    origin,
                    "sqlite_synchronous",
                    format!("must be \"full\" or \"normal\", not {other:?}"),
                ));
            }
        };
        let public_url = match self.public_url {
            Some(u) => {
                let parsed = url::Url::parse(&u).map_err(|e| {
                    err(origin, "public_url", format!("must be a URL such as https://samenspel.example.org ({e})"))
                })?;
                if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                    return Err(err(origin, "public_url", "must be an http:// or https:// URL with a host"));
                }
                parsed
            }
            None => {
                url::Url::parse(&format!("http://{bind}/")).map_err(|e| err(origin, "public_url", e.to_string()))?
            }
        };
        let mail_from = self.mail_from.unwrap_or_else(|| "Samenspel <noreply@samenspel.invalid>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(err(
                origin,
                "mail_from",
                "must be an e-mail address, optionally with a name: Samenspel <noreply@example.org>",
            ));
        }
        let smtp = match self.smtp_host {
            None => {
                if self.smtp_port.is_some() || self.smtp_username.is_some() || self.smtp_password.is_some() {
                    return Err(err(origin, "smtp_host", "is required when other smtp_ settings are given"));
                }
                None
            }
            Some(host) => {
                let security = match self.smtp_security.as_deref().unwrap_or("starttls") {
                    "starttls" => SmtpSecurity::StartTls,
                    "tls" => SmtpSecurity::Tls,
                    "none" => SmtpSecurity::None,
                    other => {
                        return Err(err(
                            origin,
                            "smtp_security",
                            format!("must be \"starttls\", \"tls\" or \"none\", not {other:?}"),
                        ));
                    }
                };
                let default_port = match security {
                    SmtpSecurity::StartTls => "587",
                    SmtpSecurity::Tls => "465",
                    SmtpSecurity::None => "25",
                };
                let port: u16 = parse(origin, "smtp_port", self.smtp_port.as_deref(), default_port, "a port number")?;
                if self.smtp_password.is_some() != self.smtp_username.is_some() {
                    return Err(err(origin, "smtp_username", "and smtp_password must be given together"));
                }
                Some(SmtpConfig {
                    host,
                    port,
                    security,
                    username: self.smtp_username,
                    password: self.smtp_password.map(Secret),
                })
            }
        };
        let session_idle_days = days(origin, "session_idle_days", self.session_idle_days.as_deref(), "30")?;
        let session_max_days = days(origin, "session_max_days", self.session_max_days.as_deref(), "180")?;
        if session_max_days < session_idle_days {
            return Err(err(origin, "session_max_days", "must be at least session_idle_days"));
        }
        let sign_in_link_minutes: u32 = parse(
            origin,
            "sign_in_link_minutes",
            self.sign_in_link_minutes.as_deref(),
            "30",
            "a number of minutes from 5 to 1440",
        )?;
        if !(5..=1440).contains(&sign_in_link_minutes) {
            return Err(err(origin, "sign_in_link_minutes", "must be a number of minutes from 5 to 1440"));
        }
        let invitation_days = days(origin, "invitation_days", self.invitation_days.as_deref(), "14")?;
        let secret_key = match self.secret_key {
            Some(k) if k.len() >= 32 => Secret(k),
            Some(_) => {
                return Err(err(origin, "secret_key", "must be at least 32 characters long"));
            }
            None => Secret(String::new()), // filled from the data directory by `load_or_create_secret`
        };
        let trust_proxy_headers = boolean(origin, "trust_proxy_headers", self.trust_proxy_headers.as_deref(), false)?;
        let run_worker = boolean(origin, "run_worker", self.run_worker.as_deref(), true)?;
        let metrics_token = match self.metrics_token {
            None => None,
            Some(t) if t.trim().is_empty() => None,
            Some(t) if t.len() >= 16 && t.chars().all(|c| c.is_ascii_graphic()) => Some(Secret(t)),
            Some(_) => {
                return Err(err(
                    origin,
                    "metrics_token",
                    "must be at least 16 characters long, without spaces (e.g. from `openssl rand -hex 24`)",
                ));
            }
        };
        let log_format = match self.log_format.as_deref().unwrap_or("text") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(err(origin, "log_format", format!("must be \"text\" or \"json\", not {other:?}")));
            }
        };
        let log_level = self.log_level.unwrap_or_else(|| "info".into());
        if tracing_subscriber::EnvFilter::try_new(&log_level).is_err() {
            return Err(err(
                origin,
                "log_level",
                "must be a level (error, warn, info, debug, trace) or a filter such as samenspel=debug,info",
            ));
        }
        Ok(Config {
            bind,
            data_dir,
            database_url: Secret(database_url),
            database_max_connections,
            sqlite_synchronous,
            public_url,
            mail_from,
            smtp,
            session_idle_days,
            session_max_days,
            sign_in_link_minutes,
            invitation_days,
            secret_key,
            trust_proxy_headers,
            run_worker,
            metrics_token,
            log_format,
            log_level,
        })
    }
}

fn parse<T: std::str::FromStr>(
    origin: &str,
    name: &str,
    value: Option<&str>,
    default: &str,
    expected: &str,
) -> Result<T, ConfigError> {
    let v = value.unwrap_or(default).trim();
    v.parse().map_err(|_| err(origin, name, format!("must be {expected}, not {v:?}")))
}

fn days(origin: &str, name: &str, value: Option<&str>, default: &str) -> Result<u32, ConfigError> {
    let d: u32 = parse(origin, name, value, default, "a number of days from 1 to 3650")?;
    if (1..=3650).contains(&d) { Ok(d) } else { Err(err(origin, name, "must be a number of days from 1 to 3650")) }
}

fn boolean(origin: &str, name: &str, value: Option<&str>, default: bool) -> Result<bool, ConfigError> {
    match value.map(|v| v.trim().to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) if matches!(v.as_str(), "true" | "1" | "yes" | "on") => Ok(true),
        Some(v) if matches!(v.as_str(), "false" | "0" | "no" | "off") => Ok(false),
        Some(v) => Err(err(origin, name, format!("must be true or false, not {v:?}"))),
    }
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
/// fresh random bytes the first time. A configured `secret_key` wins.
pub fn load_or_create_secret(config: &mut Config) -> anyhow::Result<()> {
    if !config.secret_key.expose().is_empty() {
        return Ok(());
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_are_sensible() {
        let c = load(None, &HashMap::new(), RawConfig::default()).expect("defaults");
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert!(c.database_url.expose().starts_with("sqlite://"));
        assert!(c.database_url.expose().ends_with("samenspel.db"));
        assert_eq!(c.sqlite_synchronous, Synchronous::Full);
        assert_eq!(c.public_url.as_str(), "http://127.0.0.1:8080/");
        assert!(c.smtp.is_none());
        assert!(!c.secure_cookies());
    }

    #[test]
    fn flags_beat_environment_beats_file() {
        let dir = std::env::temp_dir().join(format!("samenspel-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("tmp");
        let file = dir.join("samenspel.toml");
        std::fs::write(&file, "bind = \"127.0.0.1:1000\"\nlog_level = \"debug\"\ninvitation_days = 7\n")
            .expect("write");
        let flags = RawConfig { bind: Some("127.0.0.1:3000".into()), ..Default::default() };
        let c =
            load(Some(&file), &env(&[("SAMENSPEL_BIND", "127.0.0.1:2000"), ("SAMENSPEL_LOG_LEVEL", "warn")]), flags)
                .expect("valid");
        assert_eq!(c.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(c.log_level, "warn");
        assert_eq!(c.invitation_days, 7);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn wrong_settings_are_named() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("SAMENSPEL_BIND", "localhost")], "bind"),
            (&[("SAMENSPEL_DATABASE_URL", "mysql://x")], "database_url"),
            (&[("SAMENSPEL_PUBLIC_URL", "not a url")], "public_url"),
            (&[("SAMENSPEL_SMTP_PORT", "25")], "smtp_host"),
            (&[("SAMENSPEL_SMTP_HOST", "mail"), ("SAMENSPEL_SMTP_SECURITY", "ssl")], "smtp_security"),
            (&[("SAMENSPEL_SESSION_IDLE_DAYS", "0")], "session_idle_days"),
            (&[("SAMENSPEL_SECRET_KEY", "short")], "secret_key"),
            (&[("SAMENSPEL_RUN_WORKER", "maybe")], "run_worker"),
            (&[("SAMENSPEL_METRICS_TOKEN", "kort")], "metrics_token"),
            (&[("SAMENSPEL_SQLITE_SYNCHRONOUS", "off")], "sqlite_synchronous"),
            (&[("SAMENSPEL_BINDD", "127.0.0.1:1")], "SAMENSPEL_BINDD"),
        ];
        for (vars, setting) in cases {
            let e = load(None, &env(vars), RawConfig::default()).expect_err(setting);
            assert_eq!(e.setting, *setting, "{e}");
            assert!(e.to_string().contains(setting));
        }
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let dir = std::env::temp_dir().join(format!("samenspel-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("tmp");
        let file = dir.join("bad.toml");
        std::fs::write(&file, "bnid = \"127.0.0.1:1\"\n").expect("write");
        let e = load(Some(&file), &HashMap::new(), RawConfig::default()).expect_err("unknown key");
        assert_eq!(e.setting, "bnid");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn secrets_do_not_print() {
        let s = Secret::new("hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
