//! `backup`, `restore` and `audit verify`.

use super::serve::open_store;
use crate::config::Config;
use anyhow::{Context, bail};
use samenspel_core::audit::{GENESIS_HASH, verify_run};
use std::path::Path;
use std::process::ExitCode;

const DB_ENTRY: &str = "samenspel.db";
/// The generated secret key (`<data_dir>/secret.key`): links in e-mails
/// already sent (stop or change e-mail, invitations) are signed with it, so
/// a restore without it would leave every one of them dead.
const KEY_ENTRY: &str = "secret.key";

/// Writes a tar archive with a consistent copy of the database (`VACUUM
/// INTO`, taken while the server keeps running) and the secret key.
/// Uploaded photos and files are stored in the database, so the copy holds
/// them too.
pub async fn backup(config: Config, to: &Path) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let work = WorkDir::near(to)?;
    let db_copy = work.0.join(DB_ENTRY);
    store.internal().sqlite_backup(&db_copy).await?;
    store.close().await;
    check_integrity(&db_copy).await?;
    let key = key_file(&config);
    let to_owned = to.to_path_buf();
    let partial = to.with_extension("partial");
    let partial_for_task = partial.clone();
    let key_for_task = key.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let out = std::fs::File::create(&partial_for_task)
            .with_context(|| format!("creating {}", partial_for_task.display()))?;
        let mut tar = tar::Builder::new(out);
        tar.append_path_with_name(&db_copy, DB_ENTRY)?;
        if let Some(key) = key_for_task {
            let mut header = tar::Header::new_gnu();
            header.set_size(key.len() as u64);
            header.set_mode(0o600);
            header.set_cksum();
            tar.append_data(&mut header, KEY_ENTRY, key.as_bytes())?;
        }
        tar.into_inner()?.sync_all()?;
        Ok(())
    })
    .await??;
    std::fs::rename(&partial, &to_owned)?;
    say!("backup written to {}", to_owned.display());
    match key {
        Some(_) => say!(
            "the archive holds the secret key ({KEY_ENTRY}) besides all personal data: keep it as safe as the database"
        ),
        None => say!(
            "the secret key comes from your settings (secret_key) and is not in the archive: keep that setting with the backup"
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// The key in `<data_dir>/secret.key`, when that is the key in use (a
/// `secret_key` setting wins over the file).
fn key_file(config: &Config) -> Option<String> {
    let key = std::fs::read_to_string(config.data_dir.join(KEY_ENTRY)).ok()?;
    (key.trim() == config.secret_key.expose()).then(|| key.trim().to_owned())
}

/// Unpacks an archive made by `backup` into the configured SQLite location
/// and puts its secret key back into the data directory. Refuses to
/// overwrite a database without `--force`. Whatever goes wrong, the scratch
/// directory is removed and the existing installation is left as it was.
pub async fn restore(config: Config, from: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let url = config.database_url.expose();
    let Some(db_path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        bail!("restore writes SQLite databases; for PostgreSQL use pg_restore (see the README)");
    };
    let db_path = Path::new(db_path.split('?').next().unwrap_or(db_path)).to_path_buf();
    if db_path.exists() && !force {
        bail!("{} already exists; stop the server and add --force to replace it", db_path.display());
    }
    let work = WorkDir::near(&db_path)?;
    let archive = from.to_path_buf();
    let into = work.0.clone();
    let unpacked = tokio::task::spawn_blocking(move || unpack(&archive, &into)).await?;
    if unpacked.is_err() {
        bail!("{} is not a Samenspel backup (not an archive made by `samenspel backup`)", from.display());
    }
    let restored_db = work.0.join(DB_ENTRY);
    if !restored_db.exists() {
        bail!("{} is not a Samenspel backup (no {DB_ENTRY} inside)", from.display());
    }
    check_integrity(&restored_db).await?;
    let restored_key = std::fs::read_to_string(work.0.join(KEY_ENTRY)).ok().map(|k| k.trim().to_owned());
    for suffix in ["-wal", "-shm"] {
        let side =
            db_path.with_file_name(format!("{}{suffix}", db_path.file_name().and_then(|n| n.to_str()).unwrap_or("")));
        let _ = std::fs::remove_file(side);
    }
    std::fs::rename(&restored_db, &db_path)?;
    match restored_key {
        Some(key) if key_file(&config).is_some() || !config.data_dir.join(KEY_ENTRY).exists() => {
            write_key(&config.data_dir.join(KEY_ENTRY), &key)?;
        }
        Some(key) if key != config.secret_key.expose() => say!(
            "the archive holds a secret key, but your settings set secret_key: links in e-mails sent before the backup work only with the archive's key"
        ),
        Some(_) => {}
        None => say!(
            "the archive holds no secret key: links in e-mails sent before the backup (stop or change e-mail, invitations) no longer work"
        ),
    }
    drop(work);
    // Opening it once applies any newer migrations and proves it works.
    let store = open_store(&config).await?;
    store.close().await;
    say!("restored {} into {}", from.display(), db_path.display());
    Ok(ExitCode::SUCCESS)
}

/// Takes the two entries a backup has out of the archive, as plain files;
/// anything else in it (links, other paths) is ignored.
fn unpack(archive: &Path, into: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::open(archive)?;
    let mut tar = tar::Archive::new(file);
    for entry in tar.entries()? {
        let mut entry = entry?;
        let name = entry.path()?.to_string_lossy().into_owned();
        if [DB_ENTRY, KEY_ENTRY].contains(&name.as_str()) && entry.header().entry_type().is_file() {
            entry.unpack(into.join(&name))?;
        }
    }
    Ok(())
}

/// Writes the key readable by its owner only, replacing the file atomically.
fn write_key(path: &Path, key: &str) -> anyhow::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let partial = path.with_extension("partial");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut f = options.open(&partial).with_context(|| format!("writing {}", partial.display()))?;
    f.write_all(key.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&partial, path)?;
    Ok(())
}

/// A scratch directory on the same file system as the target, so renames
/// are atomic; removed when dropped, also when a step fails.
struct WorkDir(std::path::PathBuf);

impl WorkDir {
    fn near(near: &Path) -> anyhow::Result<WorkDir> {
        let parent = near.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let dir = parent.join(format!(".samenspel-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir)?;
        Ok(WorkDir(dir))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn check_integrity(db: &Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}", db.display());
    let store = samenspel_store::Store::connect(&samenspel_store::ConnectOptions::new(url)).await?;
    let result = store.internal().integrity_check().await;
    store.close().await;
    result.map_err(|e| anyhow::anyhow!("the database copy failed its integrity check: {e}"))
}

/// Walks the whole chain; exit code 1 on the first break. The chain and its
/// head are read in one snapshot, so a server appending meanwhile is fine.
pub async fn verify_audit(config: Config) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let mut prev = (GENESIS_HASH.to_owned(), 0i64);
    let mut broken = None;
    let head = store
        .internal()
        .audit_snapshot(1000, |run| match verify_run(prev.clone(), run) {
            Ok(next) => {
                prev = next;
                true
            }
            Err(b) => {
                broken = Some(b);
                false
            }
        })
        .await;
    store.close().await;
    let head = head?;
    if let Some(broken) = broken {
        say!("audit trail BROKEN: {broken:?}");
        return Ok(ExitCode::FAILURE);
    }
    if head != (prev.1, prev.0.clone()) {
        say!("audit trail BROKEN: the chain ends at record {} but the head says {}", prev.1, head.0);
        return Ok(ExitCode::FAILURE);
    }
    say!("audit trail intact: {} records", prev.1);
    say!("newest hash: {}", prev.0);
    Ok(ExitCode::SUCCESS)
}
