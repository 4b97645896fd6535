//! Citations of the report and of the interactive edition.

use crate::prelude::report;
use irm_report::citation::{bibtex, edition_bibtex, edition_plain, plain};
use irm_report::report::load;

#[test]
fn plain_text_citations() {
    assert_eq!(
        plain(report(), Some("2026-11-27")),
        "Independent Reporting Mechanism (IRM). Mongolia Results Report 2021-2023. Open Government Partnership. \
         https://www.opengovpartnership.org/documents/mongolia-results-report-2021-2023/ (accessed 2026-11-27)."
    );
    assert_eq!(
        edition_plain(report(), "https://example.org/irm/", Some("2026-11-27")),
        "Mongolia Results Report 2021-2023, interactive edition. Text by Independent Reporting Mechanism (IRM), \
         Open Government Partnership. https://example.org/irm/ (accessed 2026-11-27)."
    );
}

#[test]
fn bibtex_entries() {
    assert_eq!(
        bibtex(report(), Some("2026-11-27")),
        "@techreport{irm_mongolia_2021_2023,\n  author = {{Independent Reporting Mechanism (IRM)}},\n  \
         title = {{Mongolia Results Report 2021-2023}},\n  institution = {Open Government Partnership},\n  \
         url = {https://www.opengovpartnership.org/documents/mongolia-results-report-2021-2023/},\n  \
         urldate = {2026-11-27},\n  note = {Publication date not stated in the report text}\n}"
    );
    let edition = edition_bibtex(report(), "https://example.org/irm/", Some("2026-11-27"));
    assert!(edition.starts_with("@misc{irm_mongolia_2021_2023_interactive,\n  title = {{Mongolia Results Report 2021-2023 (interactive edition)}},"));
    assert!(edition.contains("\n  url = {https://example.org/irm/},\n"));
}

#[test]
fn hostile_metadata_cannot_break_out_of_a_field() {
    let json = std::fs::read_to_string("tests/bundles/minimal.json").unwrap();
    let hostile = json.replace("\"Minimal Results Report\"", "\"Report}, note = {pwned} & 100%\"");
    let report = load(&hostile).unwrap();
    let entry = bibtex(&report, Some("2026-11-27"));
    assert!(entry.contains("title = {{Report\\}, note = \\{pwned\\} \\& 100\\%}},"), "{entry}");
}

#[test]
fn without_a_reader_the_access_date_is_left_out_not_left_empty() {
    let text = plain(report(), None);
    assert!(text.ends_with("mongolia-results-report-2021-2023/."), "{text}");
    assert!(!edition_plain(report(), "https://example.org/irm/", None).contains("accessed"));
    for entry in [bibtex(report(), None), edition_bibtex(report(), "https://example.org/irm/", None)] {
        assert!(!entry.contains("urldate") && !entry.contains("{}"), "{entry}");
    }
}
