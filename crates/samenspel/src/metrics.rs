//! Prometheus metrics: request counts and latencies per route, e-mail and
//! audit counters; queue sizes are read from the database when scraped.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub method: String,
    pub route: String,
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    pub audit_records: Counter,
    pub mails_sent: Counter,
    pub mail_failures: Counter,
    pub jobs_waiting: Gauge,
    pub jobs_failed: Gauge,
    /// SQLite: write transactions kept, and the commits (flushes) that kept them.
    pub sqlite_transactions: Gauge,
    pub sqlite_commits: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("samenspel");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5])
        });
        let audit_records = Counter::default();
        let mails_sent = Counter::default();
        let mail_failures = Counter::default();
        let jobs_waiting = Gauge::default();
        let jobs_failed = Gauge::default();
        let sqlite_transactions = Gauge::default();
        let sqlite_commits = Gauge::default();
        registry.register("http_requests", "HTTP requests by route and status", requests.clone());
        registry.register("http_request_duration_seconds", "Time to answer HTTP requests", latency.clone());
        registry.register("audit_records", "Audit records written", audit_records.clone());
        registry.register("mails_sent", "E-mails handed to the transport", mails_sent.clone());
        registry.register("mail_failures", "Failed attempts to send an e-mail", mail_failures.clone());
        registry.register("jobs_waiting", "Background jobs waiting to run", jobs_waiting.clone());
        registry.register("jobs_failed", "Background jobs that gave up", jobs_failed.clone());
        registry.register(
            "sqlite_write_transactions",
            "SQLite write transactions kept since start",
            sqlite_transactions.clone(),
        );
        registry.register(
            "sqlite_group_commits",
            "SQLite commits that kept them (each one flush to disk, shared by a group of transactions)",
            sqlite_commits.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            audit_records,
            mails_sent,
            mail_failures,
            jobs_waiting,
            jobs_failed,
            sqlite_transactions,
            sqlite_commits,
        }
    }
}

impl Metrics {
    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}
