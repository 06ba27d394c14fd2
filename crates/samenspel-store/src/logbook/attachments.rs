//! Files attached to entries.

use super::*;

/// An attachment as handed to the store: already checked and re-encoded.
#[derive(Clone, Debug)]
pub struct NewAttachment {
    pub kind: AttachmentKind,
    pub content_type: String,
    pub file_name: String,
    pub full: Vec<u8>,
    pub thumb: Option<Vec<u8>>,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

/// A file to serve.
#[derive(Clone, Debug)]
pub struct FileData {
    pub content_type: String,
    pub file_name: String,
    pub kind: AttachmentKind,
    pub data: Vec<u8>,
}

/// The most files one entry may carry.
pub const MAX_FILES: usize = 6;

impl Store {
    /// The bytes of an attachment of an entry the reader may see.
    pub async fn attachment(
        &self,
        cap: &Can<act::ReadLogbook>,
        entry: &str,
        attachment: &str,
        thumb: bool,
    ) -> Result<FileData> {
        let sql = concat!(
            "SELECT a.content_type, a.file_name, a.kind, d.data FROM attachments a JOIN entries e ON e.id = a.entry_id \
             JOIN attachment_data d ON d.attachment_id = a.id \
             WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 AND a.id = $7 AND e.deleted_at IS NULL \
              AND d.variant = CASE WHEN $8 AND a.kind = 'image' THEN 'thumb' ELSE 'full' END"
        );
        let row: Option<(String, String, String, Vec<u8>)> =
            self.opt(sql, &reader_args(cap, args![entry, attachment, thumb])).await?;
        let (content_type, file_name, kind, data) = row.ok_or(Error::NotFound)?;
        Ok(FileData {
            content_type,
            file_name,
            kind: if kind == "image" { AttachmentKind::Image } else { AttachmentKind::Pdf },
            data,
        })
    }

    /// Adds files to one's own entry (the API uploads them one by one).
    pub async fn add_attachments(
        &self,
        cap: &Can<act::WriteLogbook>,
        entry: &str,
        files: &[NewAttachment],
        now: Timestamp,
    ) -> Result<Vec<String>> {
        let mut tx = self.begin().await?;
        let (author, count): (String, i64) = tx.one(
                "SELECT e.author_member_id, (SELECT COUNT(*) FROM attachments a WHERE a.entry_id = e.id) FROM entries e \
             WHERE e.id = $1 AND e.circle_id = $2 AND e.deleted_at IS NULL",
                args![entry, cap.circle_id().as_str()],
            ).await?;
        if author != cap.member_id().as_str() {
            return Err(Error::Forbidden);
        }
        if count as usize + files.len() > MAX_FILES {
            return Err(Error::field("files", "too-many-files"));
        }
        let mut ids = Vec::new();
        for (i, f) in files.iter().enumerate() {
            ids.push(insert_attachment(&mut tx, entry, count + i as i64, f, now).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }
}

pub(super) async fn insert_attachment(
    tx: &mut Tx,
    entry: &str,
    position: i64,
    f: &NewAttachment,
    now: Timestamp,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.exec(
        "INSERT INTO attachments (id, entry_id, position, kind, content_type, file_name, byte_size, width, height, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        args![&id, entry, position, f.kind.as_str(), &f.content_type, &f.file_name, f.full.len() as i64, f.width, f.height, ms(now)],
    ).await?;
    for (variant, data) in [("full", Some(&f.full)), ("thumb", f.thumb.as_ref())] {
        if let Some(data) = data {
            tx.exec(
                "INSERT INTO attachment_data (attachment_id, variant, data) VALUES ($1, $2, $3)",
                args![&id, variant, data.as_slice()],
            )
            .await?;
        }
    }
    Ok(id)
}
