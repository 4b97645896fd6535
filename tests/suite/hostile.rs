//! The hostile bundle (tests/bundles/hostile/make.mjs) is valid, and every text the app writes outside
//! the DOM from it (SVG charts, CSV, citations, oEmbed JSON, embed snippets) keeps its markup inert.
//! (The browser test `tests/e2e/bundles.test.mjs` loads the same file into every view.)

use irm_report::charts::{render, ChartId};
use irm_report::citation;
use irm_report::embed::{oembed, snippet, EmbedOptions, EmbedView};
use irm_report::report::{load, Report};
use irm_report::scorecard::scorecard_csv;

/// What the payload would look like had it been written out as markup.
const LIVE_MARKUP: [&str; 5] = ["<script>window", "<img src=x", "<svg onload", "<a href=\"javascript:", "<b>x</b>"];

fn hostile() -> Report {
    let json = std::fs::read_to_string("tests/bundles/hostile/hostile.json").unwrap();
    load(&json).unwrap_or_else(|e| panic!("the hostile bundle must validate (the app has to render it inert):\n{e}"))
}

fn assert_no_live_markup(what: &str, text: &str) {
    for markup in LIVE_MARKUP {
        assert!(!text.contains(markup), "{what} contains live markup {markup:?}");
    }
}

#[test]
fn the_hostile_bundle_validates_with_its_payload_in_place() {
    let report = hostile();
    assert!(report.title.contains("<script>window.__pwned"));
    let longest = report.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.plain_text().len()).max();
    assert!(longest.unwrap() > 100_000, "the 100 KB paragraph is missing");
}

#[test]
fn charts_escape_every_label() {
    let report = hostile();
    for &id in ChartId::ALL {
        let chart = render(&report, id).unwrap_or_else(|e| panic!("{}: {e}", id.id()));
        assert_no_live_markup(id.id(), &chart.svg);
        assert_eq!(chart.svg.matches("<svg").count(), 1, "{}: one svg element", id.id());
    }
}

#[test]
fn the_scorecard_csv_quotes_markup_and_disarms_formulas() {
    let csv = scorecard_csv(&hostile()).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"click\"\")"), "{}", &csv[..400]);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9, "one row per commitment, however hostile the cells");
    assert!(rows.iter().all(|row| row.len() == 9), "no cell broke out of its column");
}

#[test]
fn bibtex_citations_keep_hostile_braces_inside_their_fields() {
    let report = hostile();
    for bibtex in [
        citation::bibtex(&report, Some("2026-11-28")),
        citation::edition_bibtex(&report, "https://x.org/", Some("2026-11-28")),
    ] {
        // Unescaped braces only open and close fields: the entry stays one entry.
        let unescaped = bibtex.replace("\\{", "").replace("\\}", "");
        // (An `@` inside a braced field is text to BibTeX; only one at the top level starts an entry.)
        let body = &unescaped[unescaped.find('{').unwrap()..];
        let mut depth = 0_i32;
        for (i, c) in body.char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            assert!(depth > 0 || i == body.len() - 1, "the entry closed early:\n{bibtex}");
        }
        assert_eq!(depth, 0, "{bibtex}");
    }
}

#[test]
fn embed_snippets_and_oembed_documents_escape_titles() {
    let report = hostile();
    for view in EmbedView::all(&report) {
        let html = snippet("https://partner.example/report/", &report, view, EmbedOptions::default());
        assert_no_live_markup("snippet", &html);
        assert_eq!(html.matches('<').count(), 4, "only the iframe and the script tags:\n{html}");
        let json = serde_json::to_string(&oembed("https://partner.example/report/", &report, view)).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(parsed["title"].as_str().unwrap().contains("<script>"), "the title is kept as text");
        assert_no_live_markup("oEmbed html", parsed["html"].as_str().unwrap());
    }
}
