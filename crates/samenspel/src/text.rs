//! Simple formatting for what people write: paragraphs (blank lines), line
//! breaks, lists ("- " or "* " for bullets, "1. " for numbers) and links
//! (http and https addresses become clickable). Everything is escaped first:
//! no HTML that anyone types ever reaches a page.

/// Renders text as safe HTML.
pub fn to_html(text: &str) -> String {
    let mut out = String::new();
    for block in blocks(text) {
        match block {
            Block::Paragraph(lines) => {
                out.push_str("<p>");
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        out.push_str("<br>");
                    }
                    inline(line, &mut out);
                }
                out.push_str("</p>");
            }
            Block::List { ordered, items } => {
                out.push_str(if ordered { "<ol>" } else { "<ul>" });
                for item in items {
                    out.push_str("<li>");
                    inline(&item, &mut out);
                    out.push_str("</li>");
                }
                out.push_str(if ordered { "</ol>" } else { "</ul>" });
            }
        }
    }
    out
}

/// A short plain-text version (for lists, notifications and e-mail): the
/// first `max` characters, on one line.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{cut}…")
}

enum Block {
    Paragraph(Vec<String>),
    List { ordered: bool, items: Vec<String> },
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")).or_else(|| t.strip_prefix("• ")) {
        return Some((false, rest));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, rest));
        }
    }
    None
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    for line in text.replace("\r\n", "\n").lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        if let Some((ordered, item)) = list_item(line) {
            flush(&mut paragraph, &mut out);
            match out.last_mut() {
                Some(Block::List { ordered: o, items }) if *o == ordered => items.push(item.trim().to_owned()),
                _ => out.push(Block::List { ordered, items: vec![item.trim().to_owned()] }),
            }
            continue;
        }
        paragraph.push(line.trim().to_owned());
    }
    flush(&mut paragraph, &mut out);
    out
}

/// Escapes a line and turns http(s) addresses into links.
fn inline(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(start) = find_url(rest) {
        escape(&rest[..start], out);
        let tail = &rest[start..];
        let mut end = tail.find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"').unwrap_or(tail.len());
        // A full stop or comma after an address belongs to the sentence.
        while end > 0 && tail[..end].ends_with(['.', ',', ')', '!', '?', ';', ':']) {
            end -= 1;
        }
        let url = &tail[..end];
        out.push_str("<a href=\"");
        escape(url, out);
        out.push_str("\" rel=\"nofollow noopener noreferrer ugc\">");
        escape(url, out);
        out.push_str("</a>");
        rest = &tail[end..];
    }
    escape(rest, out);
}

fn find_url(s: &str) -> Option<usize> {
    let http = s.find("http://");
    let https = s.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Escapes text for HTML and XML content and attribute values, onto `out`.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_line_breaks() {
        assert_eq!(to_html("Hallo\nwereld\n\nTweede"), "<p>Hallo<br>wereld</p><p>Tweede</p>");
    }

    #[test]
    fn lists() {
        assert_eq!(
            to_html("Boodschappen:\n- melk\n- brood\n\n1. eerst\n2. dan"),
            "<p>Boodschappen:</p><ul><li>melk</li><li>brood</li></ul><ol><li>eerst</li><li>dan</li></ol>"
        );
    }

    #[test]
    fn html_is_never_passed_through() {
        let html = to_html("<script>alert('x')</script> & <b>vet</b>");
        assert_eq!(html, "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;</p>");
        let link = to_html("zie https://example.org/a?b=\"><script>");
        assert!(!link.contains("<script>"), "{link}");
        assert!(!to_html("javascript:alert(1)").contains("<a"));
    }

    #[test]
    fn links() {
        assert_eq!(
            to_html("Kijk op https://www.thuisarts.nl/dementie."),
            "<p>Kijk op <a href=\"https://www.thuisarts.nl/dementie\" rel=\"nofollow noopener noreferrer ugc\">https://www.thuisarts.nl/dementie</a>.</p>"
        );
    }

    #[test]
    fn excerpts() {
        assert_eq!(excerpt("kort", 10), "kort");
        assert_eq!(excerpt("Henk heeft vandaag lekker gewandeld in het park", 20), "Henk heeft vandaag…");
        assert_eq!(excerpt("a\n\nb", 10), "a b");
    }
}
