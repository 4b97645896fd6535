//! "Cite this report": plain-text and BibTeX citations of the report and of this interactive edition.
//! The report's text does not state its publication date, so no year is given rather than a guess;
//! the access date says when the reader saw it. It is the reader's own date, so a page written before
//! anyone reads it (the prerendered page) has none: `accessed` is `None` there, and the part is left out.

use crate::report::Report;

/// `accessed`: the reader's date, ISO 8601 (`2026-11-27`).
pub fn plain(report: &Report, accessed: Option<&str>) -> String {
    format!("{}. {}. {}. {}{}.", report.author, report.title, report.publisher, report.url, accessed_part(accessed))
}

pub fn bibtex(report: &Report, accessed: Option<&str>) -> String {
    format!(
        "@techreport{{{key},\n  author = {{{{{author}}}}},\n  title = {{{{{title}}}}},\n  institution = {{{publisher}}},\n  url = {{{url}}},\n{urldate}  note = {{Publication date not stated in the report text}}\n}}",
        key = bibtex_key(&report.id, ""),
        author = bibtex_escape(&report.author),
        title = bibtex_escape(&report.title),
        publisher = bibtex_escape(&report.publisher),
        url = bibtex_escape_url(&report.url),
        urldate = urldate_field(accessed),
    )
}

/// The interactive edition, at `edition_url` (this site's address).
pub fn edition_plain(report: &Report, edition_url: &str, accessed: Option<&str>) -> String {
    format!(
        "{}, interactive edition. Text by {}, {}. {edition_url}{}.",
        report.title,
        report.author,
        report.publisher,
        accessed_part(accessed)
    )
}

pub fn edition_bibtex(report: &Report, edition_url: &str, accessed: Option<&str>) -> String {
    format!(
        "@misc{{{key},\n  title = {{{{{title} (interactive edition)}}}},\n  author = {{{{{author}}}}},\n  url = {{{edition}}},\n{urldate}  note = {{Reproduces the report published at \\url{{{url}}}}}\n}}",
        key = bibtex_key(&report.id, "_interactive"),
        title = bibtex_escape(&report.title),
        author = bibtex_escape(&report.author),
        edition = bibtex_escape_url(edition_url),
        urldate = urldate_field(accessed),
        url = bibtex_escape_url(&report.url),
    )
}

fn accessed_part(accessed: Option<&str>) -> String {
    accessed.map(|date| format!(" (accessed {date})")).unwrap_or_default()
}

fn urldate_field(accessed: Option<&str>) -> String {
    accessed.map(|date| format!("  urldate = {{{}}},\n", bibtex_escape(date))).unwrap_or_default()
}

/// `irm_mongolia_2021_2023`: letters, digits and underscores only.
fn bibtex_key(id: &str, suffix: &str) -> String {
    let id: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("irm_{id}{suffix}")
}

/// Text with BibTeX's special characters escaped.
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A URL kept verbatim except for what would break a BibTeX field.
fn bibtex_escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if matches!(c, '{' | '}' | '\\' | '%' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            bibtex_escape("R&D 100% {x} $5 #1 a_b ~ ^ \\"),
            "R\\&D 100\\% \\{x\\} \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
        assert_eq!(bibtex_escape_url("https://x.org/a%20b#c"), "https://x.org/a\\%20b\\#c");
        assert_eq!(bibtex_key("mongolia-2021-2023", ""), "irm_mongolia_2021_2023");
    }
}
