//! The statements a request sends, for tests: every query, `BEGIN` and
//! `COMMIT` the task sends through the store is noted while it runs inside
//! [`trace_statements`] (the audit writer's shared commits, on their own
//! task, are not the request's).

tokio::task_local! {
    /// Statements sent by the task inside [`trace_statements`].
    static SENT: std::cell::RefCell<Vec<String>>;
}

/// Notes one statement (a query, a `BEGIN` or a `COMMIT`) for the task,
/// when it is being traced; otherwise costs a thread-local lookup.
pub(crate) fn counted(sql: &str) {
    let _ = SENT.try_with(|sent| sent.borrow_mut().push(sql.split_whitespace().collect::<Vec<_>>().join(" ")));
}

/// Runs `work` and says how many statements it sent to the database
/// through the store, `BEGIN` and `COMMIT` included (not the audit writer's,
/// which commits for many requests at once on its own task). Tests use it
/// to prove that a page costs the same number of statements however long
/// the history is: no query per row.
pub async fn count_statements<F: std::future::Future>(work: F) -> (F::Output, u64) {
    let (out, sent) = trace_statements(work).await;
    (out, u64::try_from(sent.len()).unwrap_or(u64::MAX))
}

/// Runs `work` and returns the statements it sent, in order, as
/// [`count_statements`] counts them: for a test to say which ones a request
/// sends when it sends too many.
pub async fn trace_statements<F: std::future::Future>(work: F) -> (F::Output, Vec<String>) {
    SENT.scope(std::cell::RefCell::new(Vec::new()), async {
        let out = work.await;
        (out, SENT.with(|sent| sent.take()))
    })
    .await
}
