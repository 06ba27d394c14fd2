//! The application state shared by every request and background task.

use crate::audit_writer::AuditWriter;
use crate::config::Config;
use crate::instruments::Instruments;
use crate::mail::Mailer;
use crate::metrics::Metrics;
use crate::ratelimit::RateLimiter;
use samenspel_store::Store;
use samenspel_store::sessions::SessionLifetime;
use std::ops::Deref;
use std::sync::Arc;
use tokio::sync::Notify;

pub struct Inner {
    pub config: Config,
    pub store: Store,
    pub audit: AuditWriter,
    pub limiter: RateLimiter,
    pub metrics: Arc<Metrics>,
    pub mailer: Mailer,
    /// Poked when a job is queued, so the worker need not poll.
    pub jobs_waiting: Notify,
    /// The questionnaires, checked at start-up.
    pub instruments: Instruments,
    /// Single sign-on, when an OpenID provider is configured.
    pub sso: Option<crate::sso::Sso>,
    /// Passkeys, when the public address has a domain name.
    pub passkeys: Option<crate::service::second_factor::passkeys::Passkeys>,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// Tasks that must finish before the process exits.
pub struct Background {
    pub audit: tokio::task::JoinHandle<()>,
}

impl AppState {
    /// Builds the state and starts the audit writer (needs a Tokio runtime).
    pub fn new(config: Config, store: Store) -> anyhow::Result<(AppState, Background)> {
        let metrics = Arc::new(Metrics::default());
        let (audit, audit_task) = AuditWriter::start(store.clone(), metrics.clone());
        let limiter = RateLimiter::new(store.clone());
        let mailer = Mailer::from_config(&config)?;
        let instruments = Instruments::load(Some(&config.data_dir.join("instruments")))?;
        let sso = match &config.sso {
            Some(c) => Some(
                crate::sso::Sso::new(&c.label, &c.issuer, &c.client_id, c.client_secret.expose(), &config.public_url)
                    .map_err(|e| anyhow::anyhow!(e))?,
            ),
            None => None,
        };
        let passkeys = crate::service::second_factor::passkeys::Passkeys::from_public_url(&config.public_url);
        let state = AppState(Arc::new(Inner {
            config,
            store,
            audit,
            limiter,
            metrics,
            mailer,
            jobs_waiting: Notify::new(),
            instruments,
            sso,
            passkeys,
        }));
        Ok((state, Background { audit: audit_task }))
    }

    pub fn session_lifetime(&self) -> SessionLifetime {
        SessionLifetime {
            idle: jiff::SignedDuration::from_hours(24 * i64::from(self.config.session_idle_days)),
            absolute: jiff::SignedDuration::from_hours(24 * i64::from(self.config.session_max_days)),
        }
    }
}
