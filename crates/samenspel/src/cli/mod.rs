//! The command line: `serve`, `demo`, `worker`, `migrate`, `backup`,
//! `restore`, `audit verify` and `admin …`.

/// `println!` for a command's output: see [`output::print_line`].
macro_rules! say {
    ($($arg:tt)*) => { $crate::cli::output::print_line(format_args!($($arg)*)) };
}

mod admin;
mod backup;
mod generate;
mod links;
mod migrate;
pub(crate) mod output;
mod serve;

pub use links::issue_sign_in_link;

use crate::config::{self, Config, RawConfig};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "samenspel", version, about = "Samenspel: one platform for everybody who cares for someone together.")]
pub struct Cli {
    /// Settings file (TOML). Default: ./samenspel.toml when it exists. Also SAMENSPEL_CONFIG.
    #[arg(long, global = true, value_name = "FILE", env = "SAMENSPEL_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// Where the data lives (every command that opens the database takes these).
#[derive(Args, Debug, Clone, Default)]
pub struct DataArgs {
    /// Data directory: the SQLite database, mail folder, uploads [default: ./data; env: SAMENSPEL_DATA_DIR]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<String>,
    /// sqlite://FILE or postgres://… [default: a SQLite file in the data directory; env: SAMENSPEL_DATABASE_URL]
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port [default: 127.0.0.1:8080; env: SAMENSPEL_BIND]
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server (and the background worker).
    Serve(ServeArgs),
    /// Like serve, but first fills an empty database with demo circles and
    /// prints a sign-in link for each demo person.
    Demo(ServeArgs),
    /// Run only the background worker (e-mail), for deployments with several instances.
    Worker(DataArgs),
    /// Bring the database schema up to date and stop. Refuses a database that
    /// a newer Samenspel has upgraded.
    Migrate(MigrateArgs),
    /// Make a consistent copy of a running SQLite installation (the database, which holds uploaded files).
    Backup {
        /// The archive to write (a .tar file).
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Restore a backup archive into the data directory. Stop the server first.
    Restore {
        /// The archive made by `samenspel backup`.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Tasks for operators: organisations, administrators, users, links and tokens.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
}

#[derive(Args, Debug, Clone, Default)]
pub struct MigrateArgs {
    /// Only say which migrations would run and what they change; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check that no audit record was changed, removed or inserted; prints the
    /// newest record's hash, to keep elsewhere as an anchor.
    Verify(DataArgs),
}

impl DataArgs {
    fn raw(&self) -> RawConfig {
        RawConfig { data_dir: self.data_dir.clone(), database_url: self.database_url.clone(), ..Default::default() }
    }
}

impl ServeArgs {
    fn raw(&self) -> RawConfig {
        RawConfig { bind: self.bind.clone(), ..self.data.raw() }
    }
}

/// Loads the configuration for a command, or explains what is wrong.
fn load(cli_config: Option<&std::path::Path>, flags: RawConfig) -> Result<Config, ExitCode> {
    let env: std::collections::HashMap<String, String> = std::env::vars().collect();
    match config::load(cli_config, &env, flags) {
        Ok(mut c) => match config::load_or_create_secret(&mut c) {
            Ok(()) => Ok(c),
            Err(e) => {
                eprintln!("error: cannot read or create the secret key in {}: {e}", c.data_dir.display());
                Err(ExitCode::from(2))
            }
        },
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::from(2))
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let flags = match &cli.command {
        Command::Serve(a) | Command::Demo(a) => a.raw(),
        Command::Worker(d) | Command::Audit(AuditCommand::Verify(d)) => d.raw(),
        Command::Migrate(m) => m.data.raw(),
        Command::Backup { data, .. } | Command::Restore { data, .. } => data.raw(),
        Command::Admin(a) => a.data().raw(),
    };
    let mut config = match load(cli.config.as_deref(), flags) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if matches!(cli.command, Command::Admin(admin::AdminCommand::Generate { .. })) {
        // Its bulk statements take seconds by design: no "slow statement"
        // warning for each, between the progress lines.
        config.log_level = format!("{},sqlx::query=error", config.log_level);
    }
    serve::init_logging(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve(_) => serve::serve(config, false).await,
            Command::Demo(_) => serve::serve(config, true).await,
            Command::Worker(_) => serve::worker(config).await,
            Command::Migrate(m) => migrate::run(config, m.dry_run).await,
            Command::Backup { to, .. } => backup::backup(config, &to).await,
            Command::Restore { from, force, .. } => backup::restore(config, &from, force).await,
            Command::Audit(AuditCommand::Verify(_)) => backup::verify_audit(config).await,
            Command::Admin(cmd) => admin::run(config, cmd).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", explain(&e));
            ExitCode::FAILURE
        }
    }
}

/// An error with its causes, each said once: a store error repeats its
/// cause in its own message, and operators should not read it twice.
fn explain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}
