//! `backup`, `restore` and `audit verify`.

use super::serve::open_store;
use crate::config::Config;
use anyhow::{Context, bail};
use samenspel_core::audit::{GENESIS_HASH, verify_run};
use std::path::Path;
use std::process::ExitCode;

const DB_ENTRY: &str = "samenspel.db";

/// Writes a tar archive with a consistent copy of the database (`VACUUM
/// INTO`, taken while the server keeps running). Uploaded photos and files
/// are stored in the database, so the copy holds them too.
pub async fn backup(config: Config, to: &Path) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let work = tempdir_near(to)?;
    let db_copy = work.join(DB_ENTRY);
    store.internal().sqlite_backup(&db_copy).await?;
    store.close().await;
    check_integrity(&db_copy).await?;
    let to_owned = to.to_path_buf();
    let partial = to.with_extension("partial");
    let partial_for_task = partial.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let out = std::fs::File::create(&partial_for_task)
            .with_context(|| format!("creating {}", partial_for_task.display()))?;
        let mut tar = tar::Builder::new(out);
        tar.append_path_with_name(&db_copy, DB_ENTRY)?;
        tar.into_inner()?.sync_all()?;
        Ok(())
    })
    .await??;
    std::fs::rename(&partial, &to_owned)?;
    std::fs::remove_dir_all(&work).ok();
    println!("backup written to {}", to_owned.display());
    Ok(ExitCode::SUCCESS)
}

/// Unpacks an archive made by `backup` into the configured SQLite location.
/// Refuses to overwrite without `--force`.
pub async fn restore(config: Config, from: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let url = config.database_url.expose();
    let Some(db_path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        bail!("restore writes SQLite databases; for PostgreSQL use pg_restore (see the README)");
    };
    let db_path = Path::new(db_path.split('?').next().unwrap_or(db_path)).to_path_buf();
    if db_path.exists() && !force {
        bail!("{} already exists; stop the server and add --force to replace it", db_path.display());
    }
    let work = tempdir_near(&db_path)?;
    let archive = from.to_path_buf();
    let work_for_task = work.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let file = std::fs::File::open(&archive).with_context(|| format!("opening {}", archive.display()))?;
        tar::Archive::new(file).unpack(&work_for_task)?;
        Ok(())
    })
    .await??;
    let restored_db = work.join(DB_ENTRY);
    if !restored_db.exists() {
        bail!("{} is not a Samenspel backup (no {DB_ENTRY} inside)", from.display());
    }
    check_integrity(&restored_db).await?;
    for suffix in ["-wal", "-shm"] {
        let side =
            db_path.with_file_name(format!("{}{suffix}", db_path.file_name().and_then(|n| n.to_str()).unwrap_or("")));
        let _ = std::fs::remove_file(side);
    }
    std::fs::rename(&restored_db, &db_path)?;
    std::fs::remove_dir_all(&work).ok();
    // Opening it once applies any newer migrations and proves it works.
    let store = open_store(&config).await?;
    store.close().await;
    println!("restored {} into {}", from.display(), db_path.display());
    Ok(ExitCode::SUCCESS)
}

/// A scratch directory on the same file system as `near`, so renames are atomic.
fn tempdir_near(near: &Path) -> anyhow::Result<std::path::PathBuf> {
    let parent = near.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let dir = parent.join(format!(".samenspel-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

async fn check_integrity(db: &Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}", db.display());
    let store = samenspel_store::Store::connect(&samenspel_store::ConnectOptions::new(url)).await?;
    let result = store.internal().integrity_check().await;
    store.close().await;
    result.map_err(|e| anyhow::anyhow!("the database copy failed its integrity check: {e}"))
}

/// Walks the whole chain; exit code 1 on the first break.
pub async fn verify_audit(config: Config) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    let mut prev = (GENESIS_HASH.to_owned(), 0i64);
    loop {
        let run = store.internal().audit_run(prev.1, 1000).await?;
        if run.is_empty() {
            break;
        }
        match verify_run(prev.clone(), &run) {
            Ok(next) => prev = next,
            Err(broken) => {
                println!("audit trail BROKEN: {broken:?}");
                store.close().await;
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let head = store.audit_head().await?;
    store.close().await;
    if head != (prev.1, prev.0.clone()) {
        println!("audit trail BROKEN: the chain ends at record {} but the head says {}", prev.1, head.0);
        return Ok(ExitCode::FAILURE);
    }
    println!("audit trail intact: {} records", prev.1);
    println!("newest hash: {}", prev.0);
    Ok(ExitCode::SUCCESS)
}
