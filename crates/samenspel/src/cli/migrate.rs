//! `samenspel migrate [--dry-run]`: bring the schema up to date, or say what
//! that would change; a database from a newer Samenspel is refused.

use crate::config::Config;
use samenspel_store::{ConnectOptions, SchemaStatus, Store};
use std::path::PathBuf;
use std::process::ExitCode;

pub async fn run(config: Config, dry_run: bool) -> anyhow::Result<ExitCode> {
    let url = config.database_url.expose();
    let shown = samenspel_store::redact(url);
    // Opening a SQLite database creates it; a dry run must not.
    if dry_run && let Some(path) = sqlite_file(url).filter(|p| !p.exists()) {
        say!("There is no database at {} yet.", path.display());
        say!("`samenspel migrate` would create it at schema version {}:", Store::schema_version());
        for (version, name) in Store::known_migrations() {
            say!("  {version:>3} {name}");
        }
        say!("Nothing was changed (--dry-run).");
        return Ok(ExitCode::SUCCESS);
    }
    let mut opts = ConnectOptions::new(url);
    opts.synchronous = config.sqlite_synchronous;
    opts.max_connections = 2;
    let store = Store::connect(&opts).await.map_err(|e| anyhow::anyhow!("opening the database {shown}: {e}"))?;
    let status = store.schema_status().await?;
    let code = if let Some(why) = status.refusal() {
        eprintln!("error: {why}");
        eprintln!("(database {shown}; this is Samenspel {})", env!("CARGO_PKG_VERSION"));
        ExitCode::from(3)
    } else if dry_run {
        describe(&status, &shown, true);
        say!("Nothing was changed (--dry-run).");
        ExitCode::SUCCESS
    } else {
        describe(&status, &shown, false);
        store.migrate().await?;
        say!("The database is now at schema version {}.", Store::schema_version());
        ExitCode::SUCCESS
    };
    store.close().await;
    Ok(code)
}

/// What the database holds and which migrations would run (with what each
/// one does, for a dry run).
fn describe(status: &SchemaStatus, shown: &str, statements: bool) {
    say!(
        "Database {shown}: schema version {} (this Samenspel {} knows up to schema version {}).",
        status.database_version,
        env!("CARGO_PKG_VERSION"),
        status.binary_version
    );
    if status.pending.is_empty() {
        say!("It is up to date: no migration to run.");
        return;
    }
    say!("Migrations to run, in this order:");
    for m in &status.pending {
        say!("  {:>3} {}", m.version, m.name);
        for statement in m.statements.iter().filter(|_| statements) {
            say!("        {statement}");
        }
    }
}

/// The file behind a `sqlite:` URL, as the store opens it.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?.trim_start_matches("//");
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;
    use std::path::PathBuf;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_file("sqlite:///var/lib/samenspel/samenspel.db"),
            Some(PathBuf::from("/var/lib/samenspel/samenspel.db"))
        );
        assert_eq!(sqlite_file("sqlite://data/samenspel.db?mode=rwc"), Some(PathBuf::from("data/samenspel.db")));
        assert_eq!(sqlite_file("postgres://db/samenspel"), None);
    }
}
