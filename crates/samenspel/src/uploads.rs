//! Photos and files people add to the logbook. The type is read from the
//! content, never from the name; photos are decoded, turned upright, made no
//! larger than needed and written anew as JPEG — which drops every bit of
//! metadata (GPS position, camera, owner) — with a thumbnail beside them.

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgba, RgbaImage};
use samenspel_core::FieldError;
use samenspel_core::logbook::AttachmentKind;
use samenspel_store::logbook::NewAttachment;
use std::io::Cursor;

/// The largest file accepted, before processing.
pub const MAX_FILE_BYTES: usize = 12 * 1024 * 1024;
/// Photos are scaled down to fit this many pixels on their longest side.
pub const MAX_SIDE: u32 = 2048;
pub const THUMB_SIDE: u32 = 640;

/// A file as it arrived: the name the sender gave it and its bytes.
#[derive(Clone, Debug)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
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

/// Checks and prepares one file. CPU-heavy for photos: call it on the
/// blocking pool.
pub fn prepare(upload: Upload) -> Result<NewAttachment, FieldError> {
    let bytes = upload.bytes;
    if bytes.is_empty() {
        return Err(FieldError::new("files", "file-empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FieldError::new("files", "file-too-large"));
    }
    let file_name = clean_name(&upload.file_name);
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

fn photo(bytes: &[u8], format: ImageFormat, file_name: &str) -> Result<NewAttachment, FieldError> {
    let damaged = || FieldError::new("files", "file-damaged");
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| damaged())?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| damaged())?;
    // Turn it upright now: the orientation tag goes with the rest of the metadata.
    img.apply_orientation(orientation);
    let full = if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3)
    } else {
        img
    };
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
        let e = prepare(Upload { file_name: "vakantie.jpg".into(), bytes: b"dit is geen foto".to_vec() })
            .expect_err("refused");
        assert_eq!(e.code, "file-not-a-photo");
        let e = prepare(Upload { file_name: "notities.txt".into(), bytes: b"tekst".to_vec() }).expect_err("refused");
        assert_eq!(e.code, "file-type-unsupported");
        let mut broken = png(4, 4);
        broken.truncate(20);
        assert_eq!(
            prepare(Upload { file_name: "x.png".into(), bytes: broken }).expect_err("refused").code,
            "file-damaged"
        );
    }

    #[test]
    fn photos_become_bounded_jpegs_with_thumbnails() {
        let a =
            prepare(Upload { file_name: "C:\\Users\\ans\\foto.png".into(), bytes: png(3000, 1500) }).expect("photo");
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
    fn names_are_cleaned() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("<script>.pdf"), "script.pdf");
        assert_eq!(clean_name(""), "bestand");
        assert_eq!(clean_name(".verborgen"), "verborgen");
    }
}
