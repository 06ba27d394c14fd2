//! The checks: each raw setting becomes its typed value or a
//! [`ConfigError`] naming the setting and what is expected; missing ones get
//! their defaults.

use super::{Config, ConfigError, LogFormat, RawConfig, Secret, SmtpConfig, SmtpSecurity, err};
use samenspel_store::Synchronous;
use std::net::SocketAddr;
use std::path::PathBuf;

impl RawConfig {
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
        let public_url_given = self.public_url.is_some();
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
        let sso = sso(origin, self.sso_issuer, self.sso_client_id, self.sso_client_secret, self.sso_label)?;
        Ok(Config {
            sso,
            bind,
            data_dir,
            database_url: Secret(database_url),
            database_max_connections,
            sqlite_synchronous,
            public_url,
            public_url_given,
            mail_from,
            smtp,
            session_idle_days,
            session_max_days,
            sign_in_link_minutes,
            invitation_days,
            secret_key,
            secret_from_data_dir: false,
            trust_proxy_headers,
            run_worker,
            metrics_token,
            log_format,
            log_level,
        })
    }
}

/// Single sign-on: all three of issuer, client id and secret, or none.
fn sso(
    origin: &str,
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    label: Option<String>,
) -> Result<Option<super::SsoConfig>, ConfigError> {
    let given = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    match (given(issuer), given(client_id), given(client_secret)) {
        (None, None, None) => Ok(None),
        (Some(issuer), Some(client_id), Some(secret)) => {
            let url = url::Url::parse(&issuer)
                .map_err(|_| err(origin, "sso_issuer", format!("must be the provider's address, not {issuer:?}")))?;
            let local = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
            if url.scheme() != "https" && !(url.scheme() == "http" && local) {
                return Err(err(origin, "sso_issuer", "must start with https:// (http only for this machine)"));
            }
            Ok(Some(super::SsoConfig {
                issuer,
                client_id,
                client_secret: Secret(secret),
                label: given(label).unwrap_or_else(|| "je organisatie".into()),
            }))
        }
        _ => Err(err(origin, "sso_issuer", "sso_issuer, sso_client_id and sso_client_secret go together")),
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
