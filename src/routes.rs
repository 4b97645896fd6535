//! The public URL scheme (see README) and the base path the site is served under. Plain Rust.

use std::sync::OnceLock;

use crate::report::inline::parse_number;

static BASE: OnceLock<String> = OnceLock::new();

/// Sets the base path once, from the `<base href>` the build wrote (`/` or `/sub/path/`).
pub fn set_base(base_href_path: &str) {
    let _ = BASE.set(normalize_base(base_href_path));
}

/// "" at the root, "/sub/path" under a sub-path: what the router and every link are prefixed with.
pub fn base() -> &'static str {
    BASE.get().map(String::as_str).unwrap_or("")
}

pub fn normalize_base(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() || trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// A document path (`/sub/path/commitments/3`) without the base path: the in-app path (`/commitments/3`).
pub fn in_app(path: &str) -> &str {
    path.strip_prefix(base()).unwrap_or(path)
}

/// An in-app path (`/commitments/3`) as an href under the base path.
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

pub fn commitment(number: u32) -> String {
    format!("/commitments/{number}")
}

pub fn source(number: u32) -> String {
    format!("/sources/{number}")
}

pub fn report_anchor(id: &str) -> String {
    format!("/#{id}")
}

/// `/search?q=…`, the query percent-encoded; `/search` for an empty one.
pub fn search(query: &str) -> String {
    if query.is_empty() {
        "/search".to_string()
    } else {
        format!("/search?q={}", percent_encode(query))
    }
}

/// Every byte but RFC 3986's unreserved characters percent-encoded (spaces as `%20`).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// What the `:n` of `/commitments/:n` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitmentParam {
    Number(u32),
    /// An OGP commitment id such as `MN0050`: redirected to its number.
    OgpId(String),
    Invalid,
}

pub fn parse_commitment_param(raw: &str) -> CommitmentParam {
    if let Some(number) = parse_number(raw) {
        CommitmentParam::Number(number)
    } else if is_ogp_id(raw) {
        CommitmentParam::OgpId(raw.to_ascii_uppercase())
    } else {
        CommitmentParam::Invalid
    }
}

/// Two letters and four digits, e.g. MN0050.
fn is_ogp_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 6 && bytes[..2].iter().all(u8::is_ascii_alphabetic) && bytes[2..].iter().all(u8::is_ascii_digit)
}

/// A user-supplied string shortened for display on an error page.
pub fn shorten(raw: &str, max_chars: usize) -> String {
    if raw.chars().count() <= max_chars {
        raw.to_string()
    } else {
        raw.chars().take(max_chars).chain(std::iter::once('…')).collect()
    }
}

/// The site's public address (`SITE_URL`, with its base path), which a page rendered natively cannot read
/// from a browser's location: "cite this edition" names it.
#[derive(Clone, Debug)]
pub struct SiteAddress(pub String);

#[cfg(test)]
mod tests {
    #[test]
    fn search_paths_encode_the_query() {
        assert_eq!(super::search(""), "/search");
        assert_eq!(super::search("open data"), "/search?q=open%20data");
        assert_eq!(super::search("a&b=c#d/é"), "/search?q=a%26b%3Dc%23d%2F%C3%A9");
        assert_eq!(super::search("Засаг"), "/search?q=%D0%97%D0%B0%D1%81%D0%B0%D0%B3");
    }

    use super::*;

    #[test]
    fn commitment_params() {
        assert_eq!(parse_commitment_param("3"), CommitmentParam::Number(3));
        assert_eq!(parse_commitment_param("MN0050"), CommitmentParam::OgpId("MN0050".into()));
        assert_eq!(parse_commitment_param("mn0050"), CommitmentParam::OgpId("MN0050".into()));
        for bad in ["0", "abc", "-1", "3.5", "", "03", "MN005", "MN00500", "<script>"] {
            assert_eq!(parse_commitment_param(bad), CommitmentParam::Invalid, "{bad:?}");
        }
    }

    #[test]
    fn base_paths_normalize() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/reports/mongolia/"), "/reports/mongolia");
        assert_eq!(normalize_base("sub"), "/sub");
    }

    #[test]
    fn long_input_is_shortened_for_display() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("абвгдеж", 3), "абв…");
    }
}
