//! CSV downloads: RFC 4180 (comma, CRLF, quoted where needed), UTF-8 with a
//! byte-order mark so that spreadsheet programs read "ë" as "ë", and every
//! cell that a spreadsheet would run as a formula made inert.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a
/// leading tab or carriage return) gets a leading apostrophe: what someone
/// typed in a name or a message must not run on the reader's computer
/// (OWASP "CSV injection").
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The bytes of a CSV file: a header row, then the rows.
pub fn to_bytes<R, C>(header: &[&str], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only lose the rest of the file.
        let _ = w.write_record(header.iter().map(|h| inert(h).into_owned()));
        for row in rows {
            let _ = w.write_record(row.iter().map(|c| inert(c.as_ref()).into_owned()));
        }
        let _ = w.flush();
    }
    out
}

/// A download named `filename` (ASCII: letters, digits, `-`, `.`).
pub fn download(filename: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_formulas() {
        let bytes =
            to_bytes(&["wie", "wat"], [vec!["Ans, \"de\" Vries", "=HYPERLINK(\"x\")"], vec!["-1", "regel\nnieuw"]]);
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}wie,wat\r\n\"Ans, \"\"de\"\" Vries\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'-1,\"regel\nnieuw\"\r\n"
        );
        assert_eq!(inert("Ans"), "Ans");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
    }
}
