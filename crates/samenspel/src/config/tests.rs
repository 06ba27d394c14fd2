//! The layers, their order and the errors that name a setting.

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
    std::fs::write(&file, "bind = \"127.0.0.1:1000\"\nlog_level = \"debug\"\ninvitation_days = 7\n").expect("write");
    let flags = RawConfig { bind: Some("127.0.0.1:3000".into()), ..Default::default() };
    let c = load(Some(&file), &env(&[("SAMENSPEL_BIND", "127.0.0.1:2000"), ("SAMENSPEL_LOG_LEVEL", "warn")]), flags)
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
