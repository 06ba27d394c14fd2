//! The audit writer: one task that appends audit events for every request.
//! Requests wait until their event is committed (nothing is served without
//! its record), and events that arrive together share one commit — group
//! commit — so logging every read does not cost a disk flush per request.

use samenspel_core::audit::{AuditEvent, AuditSink};
use samenspel_core::{Error, Result};
use samenspel_store::Store;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

type Request = (AuditEvent, oneshot::Sender<Result<(), String>>);

/// The most events one commit takes.
const BATCH: usize = 512;

#[derive(Clone)]
pub struct AuditWriter {
    tx: mpsc::Sender<Request>,
}

impl AuditWriter {
    /// Starts the writer task. It ends when every handle is dropped, after
    /// writing what is queued; await the returned handle to know when.
    pub fn start(store: Store, metrics: Arc<crate::metrics::Metrics>) -> (AuditWriter, tokio::task::JoinHandle<()>) {
        let (tx, mut rx) = mpsc::channel::<Request>(4096);
        let task = tokio::spawn(async move {
            let mut batch: Vec<Request> = Vec::with_capacity(BATCH);
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                let events: Vec<AuditEvent> = batch.iter().map(|(e, _)| e.clone()).collect();
                let result = store.append_audit(&events).await;
                if let Err(e) = &result {
                    tracing::error!(error = %e, count = events.len(), "could not write audit records");
                } else {
                    metrics.audit_records.inc_by(events.len() as u64);
                }
                for (_, reply) in batch.drain(..) {
                    let _ = reply.send(result.as_ref().map(|_| ()).map_err(|e| e.to_string()));
                }
            }
        });
        (AuditWriter { tx }, task)
    }
}

impl AuditSink for AuditWriter {
    async fn record(&self, event: AuditEvent) -> Result<()> {
        let (reply, answer) = oneshot::channel();
        self.tx.send((event, reply)).await.map_err(|_| Error::internal("the audit writer has stopped"))?;
        answer
            .await
            .map_err(|_| Error::internal("the audit writer has stopped"))?
            .map_err(|e| Error::internal(format!("audit record not written: {e}")))
    }
}
