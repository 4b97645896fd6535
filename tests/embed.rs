//! Embed URLs, options, the partner snippet and the oEmbed documents.

use irm_report::charts::ChartId;
use irm_report::embed::{
    embed_url, oembed, oembed_file, parse_embed_path, parse_theme_message, snippet, EmbedError, EmbedOptions,
    EmbedTheme, EmbedView,
};
use irm_report::report::{embedded, load, Report};

const SITE: &str = "https://example.org/mongolia/";

fn report() -> &'static Report {
    embedded().as_ref().unwrap()
}

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
fn options_round_trip_and_ignore_nonsense() {
    assert_eq!(EmbedOptions::parse(""), EmbedOptions::default());
    let dark = EmbedOptions::parse("?theme=dark&compact");
    assert_eq!(dark, EmbedOptions { theme: EmbedTheme::Dark, compact: true });
    assert_eq!(dark.to_query_string(), "?theme=dark&compact");
    assert_eq!(EmbedOptions::parse("theme=purple&compact=0&x=<script>"), EmbedOptions::default());
    assert_eq!(EmbedOptions::parse("?compact=1").to_query_string(), "?compact");
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

#[test]
fn heights_are_reported_once_and_loops_are_held_back() {
    use irm_report::embed::{HeightDecision::*, HeightReporter, MAX_REPORTS_PER_SECOND};
    let mut reporter = HeightReporter::default();
    assert_eq!(reporter.next(500, 0.0), Post(500));
    assert_eq!(reporter.next(500, 10.0), Skip, "no repeats");
    assert_eq!(reporter.next(620, 2000.0), Post(620), "content grew");
    assert_eq!(reporter.next(500, 4000.0), Post(500), "and shrank back: a reader closed 'show data'");
    assert_eq!(reporter.next(0, 5000.0), Skip);
    assert_eq!(reporter.next(1_000_000, 5000.0), Skip, "a runaway height is never posted");
    // A layout loop, or a resize: the height changes on every frame. After a burst, reports wait...
    let decisions: Vec<_> = (0..60).map(|i| reporter.next(700 + i * 10, 6000.0 + i as f64 * 16.0)).collect();
    let posted = decisions.iter().filter(|d| matches!(d, Post(_))).count();
    assert_eq!(posted, MAX_REPORTS_PER_SECOND);
    // ...for the rest of the second, then the latest height goes out.
    assert_eq!(decisions[59], RetryAfter(1000.0 - 59.0 * 16.0));
    assert_eq!(reporter.next(1290, 7000.0), Post(1290));
}

#[test]
fn only_an_exact_theme_message_is_understood() {
    assert_eq!(parse_theme_message(r#"{"type":"irm-embed:theme","version":1,"theme":"dark"}"#), Some(EmbedTheme::Dark));
    assert_eq!(parse_theme_message(r#"{"version":1,"theme":"auto","type":"irm-embed:theme"}"#), Some(EmbedTheme::Auto));
    for ignored in [
        r#"{"type":"irm-embed:theme","version":2,"theme":"dark"}"#,
        r#"{"type":"irm-embed:resize","version":1,"theme":"dark"}"#,
        r#"{"type":"irm-embed:theme","version":1,"theme":"sepia"}"#,
        r#"{"type":"irm-embed:theme","version":1,"theme":"dark","html":"<img src=x onerror=alert(1)>"}"#,
        r#"{"type":"irm-embed:theme","version":"1","theme":"dark"}"#,
        r#"{"type":"irm-embed:theme","theme":"dark"}"#,
        r#""{\"type\":\"irm-embed:theme\",\"version\":1,\"theme\":\"dark\"}""#,
        r#"["irm-embed:theme",1,"dark"]"#,
        "null",
        "",
        "not json",
    ] {
        assert_eq!(parse_theme_message(ignored), None, "{ignored}");
    }
    let padded = format!(r#"{{"type":"irm-embed:theme","version":1,"theme":"dark"{}}}"#, " ".repeat(300));
    assert_eq!(parse_theme_message(&padded), None, "over the size limit");
}
