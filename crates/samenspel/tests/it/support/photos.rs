//! Test photos: a JPEG with GPS coordinates and an orientation tag in its
//! EXIF block, built byte by byte, as a phone camera would write it.

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use std::io::Cursor;

/// The latitude written into the test photo: 52° 22' 12.34" N.
pub const GPS_RATIONALS: [(u32, u32); 3] = [(52, 1), (22, 1), (1234, 100)];

/// A 40×20 JPEG, red on the left and blue on the right, whose EXIF says
/// "rotate 90° clockwise to show" (orientation 6) and where it was taken.
pub fn jpeg_with_gps() -> Vec<u8> {
    let img = RgbImage::from_fn(40, 20, |x, _| if x < 20 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) });
    let mut plain = Vec::new();
    DynamicImage::ImageRgb8(img).write_to(&mut Cursor::new(&mut plain), ImageFormat::Jpeg).expect("jpeg");
    let exif = exif_block();
    let mut out = Vec::with_capacity(plain.len() + exif.len() + 4);
    out.extend_from_slice(&plain[..2]); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]); // APP1
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&plain[2..]);
    out
}

/// "Exif\0\0" and a little-endian TIFF structure: IFD0 with Orientation and
/// a pointer to the GPS IFD, which holds GPSLatitudeRef and GPSLatitude.
fn exif_block() -> Vec<u8> {
    let mut t: Vec<u8> = Vec::new();
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&8u32.to_le_bytes()); // IFD0 at 8
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0 (8..38): two entries.
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0112, 3, 1, [6, 0, 0, 0]); // Orientation = 6
    entry(&mut t, 0x8825, 4, 1, 38u32.to_le_bytes()); // GPSInfo at 38
    t.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD (38..68): two entries.
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, [b'N', 0, 0, 0]); // GPSLatitudeRef
    entry(&mut t, 0x0002, 5, 3, 68u32.to_le_bytes()); // GPSLatitude at 68
    t.extend_from_slice(&0u32.to_le_bytes());
    for (num, den) in GPS_RATIONALS {
        t.extend_from_slice(&num.to_le_bytes());
        t.extend_from_slice(&den.to_le_bytes());
    }
    let mut out = b"Exif\0\0".to_vec();
    out.extend_from_slice(&t);
    out
}

/// The GPS latitude's bytes as they appear in the EXIF block.
pub fn gps_bytes() -> Vec<u8> {
    GPS_RATIONALS.iter().flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes())).collect()
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A multipart body with text fields and files (name, file name, bytes).
pub fn multipart(boundary: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, v) in fields {
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes(),
        );
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}
