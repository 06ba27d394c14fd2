//! The settings' names, declared once (the optional values as read, the
//! list of names, the slot each name fills), and the layers that fill them:
//! a TOML file, the `SAMENSPEL_*` environment, another layer on top.

use super::{ConfigError, err};
use std::collections::HashMap;
use std::path::Path;

/// Declares [`RawConfig`], [`SETTINGS`] and the name-to-field lookup from one list.
macro_rules! settings {
    ($($name:ident),+ $(,)?) => {
        /// Everything optional, as read from the file or the environment.
        #[derive(Debug, Default)]
        pub struct RawConfig {
            $(pub $name: Option<String>,)+
        }

        /// Every setting's name, as used in the file (and, upper-cased with a
        /// `SAMENSPEL_` prefix, in the environment).
        pub const SETTINGS: &[&str] = &[$(stringify!($name)),+];

        impl RawConfig {
            fn slot(&mut self, name: &str) -> Option<&mut Option<String>> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)+
                    _ => None,
                }
            }
        }
    };
}

settings! {
    bind,
    data_dir,
    database_url,
    database_max_connections,
    sqlite_synchronous,
    public_url,
    mail_from,
    smtp_host,
    smtp_port,
    smtp_security,
    smtp_username,
    smtp_password,
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
    sso_issuer,
    sso_client_id,
    sso_client_secret,
    sso_label,
}

impl RawConfig {
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
}
