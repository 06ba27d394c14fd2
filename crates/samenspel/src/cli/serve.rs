//! Starting and stopping: logging, the database, the web server and the worker.

use crate::app::AppState;
use crate::config::{Config, LogFormat};
use anyhow::Context;
use samenspel_store::{ConnectOptions, Store};
use std::net::SocketAddr;
use std::process::ExitCode;
use tokio::sync::watch;

pub fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log_level).unwrap_or_else(|_| "info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match config.log_format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.compact().try_init(),
    };
}

/// Opens the database and brings its schema up to date.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let mut opts = ConnectOptions::new(config.database_url.expose());
    opts.synchronous = config.sqlite_synchronous;
    opts.max_connections = config.database_max_connections;
    let store = Store::connect(&opts)
        .await
        .with_context(|| format!("opening the database {}", samenspel_store::redact(config.database_url.expose())))?;
    store.migrate().await?;
    Ok(store)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

pub async fn serve(mut config: Config, demo: bool) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    crate::config::share_secret(&mut config, &store).await?;
    let listener =
        tokio::net::TcpListener::bind(config.bind).await.with_context(|| format!("listening on {}", config.bind))?;
    let addr = listener.local_addr()?;
    // With port 0 the real port is known only now; links must use it.
    if config.public_url.port_or_known_default() == Some(0) {
        let _ = config.public_url.set_port(Some(addr.port()));
    }
    if !config.public_url_given {
        // `admin sign-in-link` in another terminal prints links to this address.
        if let Err(e) = std::fs::write(config.serving_at_file(), config.public_url.as_str()) {
            tracing::warn!(error = %e, "could not note the address in the data directory");
        }
    }
    let (state, background) = AppState::new(config, store.clone())?;
    if demo {
        if state.store.internal().is_empty().await? {
            crate::demo::seed(&state).await.context("loading the demo data")?;
            say!("Demo data loaded.");
        }
        crate::demo::print_sign_in_links(&state).await?;
    }
    let (stop, stopped) = watch::channel(false);
    let worker = state.config.run_worker.then(|| tokio::spawn(crate::jobs::run(state.clone(), stopped)));
    let app = crate::http::router(state.clone());
    tracing::info!(%addr, database = ?store.engine(), mail = %state.mailer.describe(), "Samenspel is running");
    say!("Samenspel listening on http://{addr}");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving HTTP")?;
    let _ = stop.send(true);
    if let Some(w) = worker {
        let _ = w.await;
    }
    drop(state);
    let _ = background.audit.await;
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

pub async fn worker(mut config: Config) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    crate::config::share_secret(&mut config, &store).await?;
    let (state, background) = AppState::new(config, store.clone())?;
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(crate::jobs::run(state.clone(), stopped));
    shutdown_signal().await;
    let _ = stop.send(true);
    let _ = task.await;
    drop(state);
    let _ = background.audit.await;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
