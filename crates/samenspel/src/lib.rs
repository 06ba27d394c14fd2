//! Samenspel: a self-hostable platform where everybody who cares for one
//! person works together as equals. This crate is the binary's library: the
//! command line, configuration, HTTP interface, services, e-mail and jobs.
//! The domain lives in `samenspel-core`, storage in `samenspel-store`.

pub mod app;
pub mod audit_writer;
pub mod bar_chart;
pub mod cards;
#[expect(clippy::disallowed_methods, reason = "the command line acts as an operator, outside any request")]
pub mod cli;
pub mod config;
pub mod crypto;
#[expect(clippy::disallowed_methods, reason = "the demo seeds data as an operator, outside any request")]
pub mod demo;
pub mod fhir;
pub mod http;
pub mod i18n;
pub mod ical;
pub mod instruments;
#[expect(
    clippy::disallowed_methods,
    reason = "background jobs find due work across circles, then act through the access layer"
)]
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod network_map;
pub mod outbound;
pub mod ratelimit;
pub mod service;
pub mod sso;
pub mod text;
pub mod trend_chart;
pub mod uploads;
