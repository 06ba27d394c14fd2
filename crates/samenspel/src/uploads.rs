//! Photos and files people add to the logbook. The type is read from the
//! content, never from the name; photos are decoded, turned upright, made no
//! larger than needed and written anew as JPEG — which drops every bit of
//! metadata (GPS position, camera, owner) — with a thumbnail beside them.
//! A photo's size is read from its header and refused above a pixel budget
//! before anything is decoded, and at most [`IMAGE_WORKERS`] files are
//! prepared at once.

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgba, RgbaImage};
use samenspel_core::FieldError;
use samenspel_core::logbook::AttachmentKind;
use samenspel_store::logbook::NewAttachment;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use tokio::sync::Semaphore;

/// The largest file accepted, before processing.
pub const MAX_FILE_BYTES: usize = 12 * 1024 * 1024;
/// Photos are scaled down to fit this many pixels on their longest side.
pub const MAX_SIDE: u32 = 2048;
pub const THUMB_SIDE: u32 = 640;
/// Photos with more pixels than this, or a side longer than
/// [`MAX_DECODE_SIDE`], are refused before decoding (a 40 MP photo takes
/// 160 MB decoded; a 0.03 MB PNG can claim 12,000 × 12,000).
pub const MAX_PIXELS: u64 = 40_000_000;
pub const MAX_DECODE_SIDE: u32 = 10_000;
/// What a decoder may allocate at most, as a second line.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// How many files are prepared (decoded, scaled, encoded) at once.
pub const IMAGE_WORKERS: usize = 2;
static IMAGE_WORK: Semaphore = Semaphore::const_new(IMAGE_WORKERS);

/// A file as it arrived: the name the sender gave it and its bytes, in
/// memory or in a temporary file.
#[derive(Debug)]
pub struct Upload {
    pub file_name: String,
    content: Content,
}

#[derive(Debug)]
enum Content {
    Bytes(Vec<u8>),
    Spooled(Spooled),
}

impl Upload {
    pub fn from_bytes(file_name: impl Into<String>, bytes: Vec<u8>) -> Upload {
        Upload { file_name: file_name.into(), content: Content::Bytes(bytes) }
    }

    pub fn spooled(file_name: impl Into<String>, spooled: Spooled) -> Upload {
        Upload { file_name: file_name.into(), content: Content::Spooled(spooled) }
    }

    pub fn len(&self) -> u64 {
        match &self.content {
            Content::Bytes(b) => b.len() as u64,
            Content::Spooled(s) => s.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes (read from the temporary file, which then goes).
    fn into_bytes(self) -> std::io::Result<Vec<u8>> {
        match self.content {
            Content::Bytes(b) => Ok(b),
            Content::Spooled(s) => std::fs::read(&s.path),
        }
    }
}

/// A temporary file holding an upload; removed when dropped.
#[derive(Debug)]
pub struct Spooled {
    path: PathBuf,
    len: u64,
}

impl Spooled {
    /// A new, not yet created, file name in `dir`.
    pub fn new_in(dir: &Path) -> Spooled {
        Spooled { path: dir.join(format!("upload-{}", uuid::Uuid::new_v4().simple())), len: 0 }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn with_len(mut self, len: u64) -> Spooled {
        self.len = len;
        self
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Image(ImageFormat),
    Pdf,
    Unknown,
}

/// What the file really is, from its first bytes.
pub fn detect(bytes: &[u8]) -> Detected {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Detected::Image(ImageFormat::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Detected::Image(ImageFormat::Png),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Detected::Image(ImageFormat::Gif),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Detected::Image(ImageFormat::WebP),
        [b'%', b'P', b'D', b'F', b'-', ..] => Detected::Pdf,
        _ => Detected::Unknown,
    }
}

/// [`prepare`] on the blocking pool, at most [`IMAGE_WORKERS`] at once.
pub async fn prepare_bounded(upload: Upload) -> samenspel_core::Result<Result<NewAttachment, FieldError>> {
    let _permit = IMAGE_WORK.acquire().await.map_err(samenspel_core::Error::internal)?;
    tokio::task::spawn_blocking(move || prepare(upload)).await.map_err(samenspel_core::Error::internal)
}

/// Checks and prepares one file. CPU-heavy for photos: call it on the
/// blocking pool (see [`prepare_bounded`]).
pub fn prepare(upload: Upload) -> Result<NewAttachment, FieldError> {
    if upload.is_empty() {
        return Err(FieldError::new("files", "file-empty"));
    }
    if upload.len() > MAX_FILE_BYTES as u64 {
        return Err(FieldError::new("files", "file-too-large"));
    }
    let file_name = clean_name(&upload.file_name);
    let bytes = upload.into_bytes().map_err(|_| FieldError::new("files", "file-damaged"))?;
    match detect(&bytes) {
        Detected::Image(format) => photo(&bytes, format, &file_name),
        Detected::Pdf => Ok(NewAttachment {
            kind: AttachmentKind::Pdf,
            content_type: "application/pdf".into(),
            file_name: with_extension(&file_name, "pdf"),
            full: bytes,
            thumb: None,
            width: None,
            height: None,
        }),
        // Say plainly when a name promises a photo that is not there.
        Detected::Unknown if looks_like_photo_name(&file_name) => Err(FieldError::new("files", "file-not-a-photo")),
        Detected::Unknown => Err(FieldError::new("files", "file-type-unsupported")),
    }
}

/// Whether a photo of `width` × `height` is small enough to decode.
pub fn within_budget(width: u32, height: u32) -> bool {
    width <= MAX_DECODE_SIDE && height <= MAX_DECODE_SIDE && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

fn photo(bytes: &[u8], format: ImageFormat, file_name: &str) -> Result<NewAttachment, FieldError> {
    let damaged = || FieldError::new("files", "file-damaged");
    let too_large = || FieldError::new("files", "image-too-large");
    let refused = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => too_large(),
        _ => damaged(),
    };
    // The header first: nothing is decoded for a photo over the budget.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().map_err(refused)?;
    if !within_budget(width, height) {
        return Err(too_large());
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refused)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let img = DynamicImage::from_decoder(decoder).map_err(refused)?;
    // Scaled down first (a turned copy of the full photo would double the
    // memory), then turned upright: the orientation tag goes with the rest
    // of the metadata. Fitting in a square, the order does not matter.
    let mut full = if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3)
    } else {
        img
    };
    full.apply_orientation(orientation);
    let thumb = full.thumbnail(THUMB_SIDE, THUMB_SIDE);
    Ok(NewAttachment {
        kind: AttachmentKind::Image,
        content_type: "image/jpeg".into(),
        file_name: with_extension(file_name, "jpg"),
        width: Some(i64::from(full.width())),
        height: Some(i64::from(full.height())),
        full: jpeg(&full, 85).map_err(|_| damaged())?,
        thumb: Some(jpeg(&thumb, 80).map_err(|_| damaged())?),
    })
}

/// Encodes as JPEG. Transparent parts (PNG, GIF, WebP) are laid on white.
fn jpeg(img: &DynamicImage, quality: u8) -> image::ImageResult<Vec<u8>> {
    let rgb = if img.color().has_alpha() {
        let mut canvas = RgbaImage::from_pixel(img.width(), img.height(), Rgba([255, 255, 255, 255]));
        image::imageops::overlay(&mut canvas, &img.to_rgba8(), 0, 0);
        DynamicImage::ImageRgba8(canvas).to_rgb8()
    } else {
        img.to_rgb8()
    };
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(rgb)
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality))?;
    Ok(out)
}

/// A file name safe to show and to send back: no paths, no control
/// characters, at most 120 characters.
pub fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '*' | '?' | '|' | ':'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() { "bestand".to_owned() } else { cleaned }
}

fn with_extension(name: &str, ext: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    format!("{stem}.{ext}")
}

fn looks_like_photo_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic"].iter().any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = DynamicImage::ImageRgba8(RgbaImage::from_pixel(w, h, Rgba([200, 10, 10, 128])));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).expect("png");
        out
    }

    #[test]
    fn detection_reads_the_content_not_the_name() {
        assert_eq!(detect(&png(2, 2)), Detected::Image(ImageFormat::Png));
        assert_eq!(detect(b"%PDF-1.7\n"), Detected::Pdf);
        assert_eq!(detect(b"GIF89a...."), Detected::Image(ImageFormat::Gif));
        assert_eq!(detect(b"hello"), Detected::Unknown);
    }

    #[test]
    fn a_text_file_named_like_a_photo_is_refused() {
        let e = prepare(Upload::from_bytes("vakantie.jpg", b"dit is geen foto".to_vec())).expect_err("refused");
        assert_eq!(e.code, "file-not-a-photo");
        let e = prepare(Upload::from_bytes("notities.txt", b"tekst".to_vec())).expect_err("refused");
        assert_eq!(e.code, "file-type-unsupported");
        let mut broken = png(4, 4);
        broken.truncate(20);
        assert_eq!(prepare(Upload::from_bytes("x.png", broken)).expect_err("refused").code, "file-damaged");
    }

    #[test]
    fn photos_become_bounded_jpegs_with_thumbnails() {
        let a = prepare(Upload::from_bytes("C:\\Users\\ans\\foto.png", png(3000, 1500))).expect("photo");
        assert_eq!(a.content_type, "image/jpeg");
        assert_eq!(a.file_name, "foto.jpg");
        assert_eq!((a.width, a.height), (Some(2048), Some(1024)));
        assert_eq!(detect(&a.full), Detected::Image(ImageFormat::Jpeg));
        let thumb = image::load_from_memory(a.thumb.as_deref().expect("thumb")).expect("decodes");
        assert_eq!((thumb.width(), thumb.height()), (640, 320));
        // Transparency is laid on white, not black.
        let px = image::load_from_memory(&a.full).expect("decodes").to_rgb8().get_pixel(10, 10).0;
        assert!(px[1] > 100, "{px:?}");
    }

    #[test]
    fn photos_over_the_pixel_budget_are_refused_from_their_header() {
        assert!(within_budget(10_000, 4_000) && within_budget(6_000, 6_000));
        assert!(!within_budget(10_001, 10) && !within_budget(10, 10_001) && !within_budget(7_000, 7_000));
        // One pixel, with a header that claims 12,000 × 12,000.
        let mut bomb = png(1, 1);
        bomb[16..24].copy_from_slice(&[0, 0, 0x2E, 0xE0, 0, 0, 0x2E, 0xE0]);
        let crc = bomb[12..29].iter().fold(0xFFFF_FFFFu32, |mut crc, b| {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
            crc
        });
        bomb[29..33].copy_from_slice(&(!crc).to_be_bytes());
        let started = std::time::Instant::now();
        let e = prepare(Upload::from_bytes("bom.png", bomb)).expect_err("refused");
        assert_eq!(e.code, "image-too-large");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn names_are_cleaned() {
        for (given, wanted) in [
            ("../../etc/passwd", "passwd"),
            ("<script>.pdf", "script.pdf"),
            ("", "bestand"),
            (".verborgen", "verborgen"),
        ] {
            assert_eq!(clean_name(given), wanted, "{given:?}");
        }
    }
}
