//! Embed URLs, options, the partner snippet and the oEmbed documents.

use crate::prelude::report;
use irm_report::charts::ChartId;
use irm_report::embed::{
    embed_url, oembed, oembed_file, parse_embed_path, snippet, EmbedError, EmbedOptions, EmbedTheme, EmbedView,
};
use irm_report::report::load;

const SITE: &str = "https://example.org/mongolia/";

#[test]
fn embed_paths() {
    let parse = |path: &str| parse_embed_path(report(), path);
    assert_eq!(parse("/embed/commitments/3"), Ok(EmbedView::Commitment(3)));
    assert_eq!(parse("/embed/scorecard/"), Ok(EmbedView::Scorecard));
    assert_eq!(parse("/embed/charts/inflation"), Ok(EmbedView::Chart(ChartId::Inflation)));
    assert_eq!(parse("/embed/commitments/10"), Err(EmbedError::NoCommitment("10".into())));
    assert_eq!(parse("/embed/commitments/MN0050"), Err(EmbedError::NoCommitment("MN0050".into())));
    assert_eq!(parse("/embed/charts/pie"), Err(EmbedError::NoChart("pie".into())));
    assert_eq!(parse("/embed/nothing"), Err(EmbedError::UnknownPath("/embed/nothing".into())));
    for view in EmbedView::all(report()) {
        assert_eq!(parse(&view.path()), Ok(view), "paths round-trip");
    }
    assert_eq!(EmbedView::all(report()).len(), 9 + 1 + 4);
}

#[test]
fn options_write_the_flags_boot_js_reads() {
    assert_eq!(EmbedOptions::default().to_query_string(), "");
    assert_eq!(EmbedOptions { theme: EmbedTheme::Dark, compact: true }.to_query_string(), "?theme=dark&compact");
    assert_eq!(EmbedOptions { theme: EmbedTheme::Light, compact: false }.to_query_string(), "?theme=light");
    assert_eq!(EmbedOptions { theme: EmbedTheme::Auto, compact: true }.to_query_string(), "?compact");
}

#[test]
fn the_snippet_is_a_lazy_titled_iframe_with_the_host_script() {
    let options = EmbedOptions { theme: EmbedTheme::Dark, compact: false };
    assert_eq!(
        embed_url(SITE, EmbedView::Commitment(3), options),
        "https://example.org/mongolia/embed/commitments/3?theme=dark"
    );
    assert_eq!(
        snippet(SITE, report(), EmbedView::Commitment(3), options),
        "<iframe src=\"https://example.org/mongolia/embed/commitments/3?theme=dark\" \
         title=\"Commitment 3: Participation and Accountability in Public Procurement — Mongolia Results Report 2021-2023\" \
         width=\"100%\" height=\"900\" loading=\"lazy\" style=\"border:0\" data-irm-embed></iframe>\n\
         <script async src=\"https://example.org/mongolia/embed.js\"></script>"
    );
    // Titles are unique per view.
    let titles: std::collections::BTreeSet<String> =
        EmbedView::all(report()).iter().map(|v| v.title(report())).collect();
    assert_eq!(titles.len(), EmbedView::all(report()).len());
}

#[test]
fn hostile_titles_stay_inside_their_attribute() {
    let json = std::fs::read_to_string("tests/bundles/minimal.json").unwrap();
    let hostile = json.replace("\"title\": \"Open Data\"", "\"title\": \"\\\"><script>alert(1)</script>\"");
    let report = load(&hostile).unwrap();
    let html = snippet(SITE, &report, EmbedView::Commitment(1), EmbedOptions::default());
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html
        .contains("title=\"Commitment 1: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; — Minimal Results Report\""));
}

#[test]
fn oembed_documents_are_rich_1_0() {
    let doc = oembed(SITE, report(), EmbedView::Chart(ChartId::Completion));
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["type"], "rich");
    assert_eq!(json["version"], "1.0");
    assert_eq!(json["title"], "Completion: this action plan and the previous one — Mongolia Results Report 2021-2023");
    assert_eq!(json["provider_url"], SITE);
    assert_eq!(json["width"], 640);
    assert!(json["html"]
        .as_str()
        .unwrap()
        .starts_with("<iframe src=\"https://example.org/mongolia/embed/charts/completion\""));
    assert_eq!(oembed_file(EmbedView::Chart(ChartId::Completion)), "oembed/charts/completion.json");
    assert_eq!(oembed_file(EmbedView::Commitment(3)), "oembed/commitments/3.json");
}
