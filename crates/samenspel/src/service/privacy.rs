//! A person's own data (GDPR): download everything about me or by me as one
//! ZIP file (JSON for programs, a page to read, and my photos), delete my
//! account, and the log of these requests.

use super::{Ctx, what};
use crate::i18n::Tr;
use askama::Template;
use samenspel_core::audit::{AuditEvent, AuditSink, Operation, Outcome};
use samenspel_core::privacy::{MyData, PrivacyRequest, RequestKind};
use samenspel_core::{Error, Result};
use std::io::Write;
use std::path::PathBuf;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

/// The readable page inside the export.
#[derive(Template)]
#[template(path = "my_data.html")]
struct MyDataPage<'a> {
    tr: Tr,
    data: &'a MyData,
}

impl MyDataPage<'_> {
    /// The words for a stored name (`kind`, `audience`, `role`, …).
    fn named(&self, prefix: &str, raw: &str) -> String {
        self.tr.t(&format!("{prefix}-{raw}"))
    }

    fn is_image(&self, path: &str) -> bool {
        let lower = path.to_ascii_lowercase();
        [".jpg", ".jpeg", ".png", ".webp", ".gif"].iter().any(|ext| lower.ends_with(ext))
    }
}

/// A finished export: a temporary ZIP file, removed once it is opened for
/// sending (see [`Export::open`]).
pub struct Export {
    pub path: PathBuf,
    pub file_name: String,
}

impl Export {
    /// Opens the file and removes its name: the open handle keeps the bytes
    /// until the download is sent, and nothing stays behind on disk.
    pub async fn open(&self) -> Result<tokio::fs::File> {
        let file = tokio::fs::File::open(&self.path).await.map_err(Error::internal)?;
        tokio::fs::remove_file(&self.path).await.map_err(Error::internal)?;
        Ok(file)
    }
}

/// Records an action on the person's own account in the audit trail.
async fn audit(ctx: &Ctx<'_>, action: &'static str, operation: Operation) -> Result<()> {
    let user = ctx.user;
    let event = AuditEvent::new(
        Some((user.id(), user.display_name())),
        None,
        what(operation, action, "user", user.id().as_str()),
        Outcome::Allowed,
        ctx.source,
        ctx.now,
    );
    ctx.state.audit.record(event).await
}

/// Writes the export: `my-data.json`, `my-data.html` and `files/…`. Each
/// photo is read and written on its own, so memory holds one at a time.
pub async fn export(ctx: &Ctx<'_>) -> Result<Export> {
    let store = &ctx.state.store;
    // Logged first, so the export lists its own request.
    store.log_privacy_request(ctx.user, RequestKind::Export, ctx.now).await?;
    audit(ctx, "privacy.export", Operation::Read).await?;
    let (data, attachments) = store.my_data(ctx.user).await?;
    let json = serde_json::to_vec_pretty(&data).map_err(Error::internal)?;
    let html = MyDataPage { tr: ctx.tr, data: &data }.render().map_err(Error::internal)?;

    let dir = ctx.state.config.data_dir.join("tmp");
    tokio::fs::create_dir_all(&dir).await.map_err(Error::internal)?;
    let path = dir.join(format!("export-{}.zip", uuid::Uuid::now_v7()));
    let file = std::fs::File::create(&path).map_err(Error::internal)?;
    let mut zip = ZipWriter::new(file);
    zip = put(zip, "my-data.json".into(), json).await?;
    zip = put(zip, "my-data.html".into(), html.into_bytes()).await?;
    for a in &attachments {
        if let Some(bytes) = store.my_attachment(ctx.user, a).await? {
            zip = put(zip, samenspel_store::privacy::file_path(&a.id, &a.file_name), bytes).await?;
        }
    }
    tokio::task::spawn_blocking(move || zip.finish().map(|_| ()))
        .await
        .map_err(Error::internal)?
        .map_err(Error::internal)?;
    let today = crate::i18n::local(&ctx.now).date();
    Ok(Export { path, file_name: format!("samenspel-{today}.zip") })
}

/// Adds one file to the archive, off the async threads. Stored, not
/// compressed: photos are compressed already, the rest is small.
async fn put(mut zip: ZipWriter<std::fs::File>, name: String, bytes: Vec<u8>) -> Result<ZipWriter<std::fs::File>> {
    tokio::task::spawn_blocking(move || {
        let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file(name, options).map_err(Error::internal)?;
        zip.write_all(&bytes).map_err(Error::internal)?;
        Ok(zip)
    })
    .await
    .map_err(Error::internal)?
}

/// What the privacy page shows: my requests, and the circles I manage alone
/// (which stop me deleting my account until I hand them over).
pub async fn overview(ctx: &Ctx<'_>) -> Result<(Vec<PrivacyRequest>, Vec<String>)> {
    let store = &ctx.state.store;
    Ok((store.privacy_requests(ctx.user).await?, store.managed_alone(ctx.user).await?))
}

/// Deletes my account (see `samenspel_store::privacy`): only with the box
/// ticked that says I understand, and not while I manage a circle alone.
pub async fn delete_account(ctx: &Ctx<'_>, understood: bool) -> Result<()> {
    if !understood {
        return Err(Error::field("understood", "delete-confirm-required"));
    }
    if !ctx.state.store.managed_alone(ctx.user).await?.is_empty() {
        return Err(Error::field("understood", "delete-manages-alone"));
    }
    // Recorded before the name is gone, so the trail says who it was.
    audit(ctx, "privacy.delete", Operation::Delete).await?;
    ctx.state.store.forget_account(ctx.user, ctx.now).await
}

/// Counts a correction of my details (my name) in the log of requests.
pub async fn log_correction(ctx: &Ctx<'_>) -> Result<()> {
    ctx.state.store.log_privacy_request(ctx.user, RequestKind::Correct, ctx.now).await
}
