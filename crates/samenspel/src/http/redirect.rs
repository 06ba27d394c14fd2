//! Where the browser may be sent back to (`next` after signing in, `back`
//! after the language switch): only a path on this site. The target is
//! parsed with a URL parser against a fixed base, so what is checked is what
//! a browser would follow; anything else falls back to a default page.

use url::Url;

/// The base targets are resolved against; never contacted.
pub const BASE: &str = "http://samenspel.invalid/";

/// `raw` as a same-origin path (with its query and fragment), normalised
/// and percent-encoded as the URL parser writes it; `None` when it is not
/// one. Refused: anything not starting with a single `/` (`//host`,
/// `/\host`), backslashes and control characters anywhere (browsers drop
/// tabs and newlines, so `/<TAB>/host` would become `//host`).
pub fn local_path(raw: &str) -> Option<String> {
    if !raw.starts_with('/') || raw.starts_with("//") {
        return None;
    }
    if raw.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let base = Url::parse(BASE).ok()?;
    let url = base.join(raw).ok()?;
    if url.origin() != base.origin() || url.username() != "" || url.password().is_some() {
        return None;
    }
    let mut out = url.path().to_owned();
    if let Some(q) = url.query() {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = url.fragment() {
        out.push('#');
        out.push_str(f);
    }
    // Dot segments may collapse into `//host` (`/.//host`): refuse that too.
    let acceptable = out.starts_with('/')
        && !out.starts_with("//")
        && !out.chars().any(|c| c.is_control() || c == '\\' || !c.is_ascii());
    acceptable.then_some(out)
}

/// `raw` when it is a same-origin path, else `fallback`.
pub fn local_or(raw: Option<&str>, fallback: &str) -> String {
    raw.and_then(local_path).unwrap_or_else(|| fallback.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_pass() {
        for bad in [
            "/\t/evil.example",
            "/\\evil.example",
            "//evil.example",
            "/\n/evil.example",
            "/x\r\nSet-Cookie: a=b",
            "/x\u{7f}",
            "https://evil.example/",
            "evil.example",
            "",
            "/.//evil.example",
            "/..//evil.example",
            "/x\\y",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(local_path("/circles/1?tab=a#b").as_deref(), Some("/circles/1?tab=a#b"));
        assert_eq!(local_path("/%09/evil.example").as_deref(), Some("/%09/evil.example"));
        assert_eq!(local_path("/café").as_deref(), Some("/caf%C3%A9"));
        assert_eq!(local_or(Some("//evil.example"), "/circles"), "/circles");
    }
}
