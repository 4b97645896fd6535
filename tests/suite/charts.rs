//! Each chart's SVG against its data: bars, marks and labels, not just "it rendered".

use std::collections::HashMap;

use crate::prelude::report;
use irm_report::charts::{escape_xml, render, Chart, ChartId};
use irm_report::report::load;

const ACCENT: &str = "#0B6E4F";
const OUTLINE: &str = "#505A66";

fn chart(id: ChartId) -> Chart {
    render(report(), id).unwrap_or_else(|e| panic!("{}: {e}", id.id()))
}

/// The attributes of every `<tag .../>` element in the SVG.
fn elements(svg: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(start, _)| {
            let end = start + svg[start..].find('>').unwrap();
            let mut attributes = HashMap::new();
            let mut rest = &svg[start + open.len()..end];
            while let Some(eq) = rest.find("=\"") {
                let key = rest[..eq].trim().to_string();
                let value_end = rest[eq + 2..].find('"').unwrap();
                attributes.insert(key, rest[eq + 2..eq + 2 + value_end].to_string());
                rest = &rest[eq + 2 + value_end + 1..];
            }
            attributes
        })
        .collect()
}

/// The text content of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|part| part[part.find('>').unwrap() + 1..part.find("</text>").unwrap()].trim().to_string())
        .collect()
}

fn num(element: &HashMap<String, String>, key: &str) -> f64 {
    element[key].parse().unwrap()
}

fn filled_rects(svg: &str, fill: &str) -> Vec<HashMap<String, String>> {
    elements(svg, "rect").into_iter().filter(|r| r["fill"] == fill).collect()
}

fn outlined_rects(svg: &str, stroke: &str) -> Vec<HashMap<String, String>> {
    elements(svg, "rect").into_iter().filter(|r| r["fill"] == "none" && r["stroke"] == stroke).collect()
}

#[test]
fn every_chart_is_an_accessible_image_with_its_data() {
    for id in ChartId::ALL {
        let chart = chart(*id);
        let root = &elements(&chart.svg, "svg")[0];
        assert_eq!(root["role"], "img", "{}", id.id());
        assert_eq!(root["aria-labelledby"], format!("chart-{0}-title chart-{0}-desc", id.id()));
        assert!(chart.svg.contains(&format!(
            "<title id=\"chart-{}-title\">{}</title>",
            id.id(),
            escape_xml(&chart.title)
        )));
        assert!(chart.svg.contains(&format!(
            "<desc id=\"chart-{}-desc\">{}</desc>",
            id.id(),
            escape_xml(&chart.description)
        )));
        assert!(!chart.table.rows.is_empty());
        assert!(chart.table.rows.iter().all(|row| row.len() == chart.table.columns.len()));
        // Legible on a 320 px screen, where a chart has about 270 px: a view box at most 300 wide
        // (scaled by 0.9 at worst) and 12 px type or more.
        assert!(num(root, "width") <= 300.0);
        for text in elements(&chart.svg, "text") {
            assert!(num(&text, "font-size") >= 12.0, "{}: {:?}", id.id(), text);
        }
    }
}

#[test]
fn completion_bars_are_the_stated_shares() {
    let chart = chart(ChartId::Completion);
    let high = filled_rects(&chart.svg, ACCENT);
    let rest = outlined_rects(&chart.svg, OUTLINE);
    // Two bars and one legend swatch each.
    assert_eq!((high.len(), rest.len()), (3, 3));
    for (i, (count, total)) in [(4.0, 9.0), (4.0, 13.0)].into_iter().enumerate() {
        let (h, r) = (num(&high[i], "width"), num(&rest[i], "width"));
        assert!((h / (h + r) - count / total).abs() < 0.01, "bar {i}: {h} / {}", h + r);
    }
    let texts = texts(&chart.svg);
    for label in ["This plan (2021-2023): 4 of 9 (44%)", "Previous plan: 4 of 13 (31%)", "5", "9"] {
        assert!(texts.iter().any(|t| t == label), "missing {label:?} in {texts:?}");
    }
    assert_eq!(chart.table.rows[0], ["This action plan (2021-2023)", "4", "5", "9", "44%"]);
    assert_eq!(chart.table.rows[1], ["Previous action plan", "4", "9", "13", "31%"]);
}

#[test]
fn early_results_bars_count_commitments_per_level() {
    let chart = chart(ChartId::EarlyResults);
    let bars = filled_rects(&chart.svg, ACCENT);
    // Outstanding, significant, moderate, marginal, no notable results; then the legend swatch.
    let widths: Vec<f64> = bars.iter().map(|b| num(b, "width")).collect();
    let unit = widths[1];
    // Widths are whole pixels: each bar is its count of units, within a pixel per unit.
    for (width, count) in widths[..5].iter().zip([0.0, 1.0, 2.0, 0.0, 6.0]) {
        assert!((width - count * unit).abs() <= count + 0.5, "{widths:?}");
    }
    let previous = outlined_rects(&chart.svg, OUTLINE);
    assert_eq!(previous.len(), 2, "one previous-plan bar (marginal) and its legend swatch");
    assert!((num(&previous[0], "width") - unit).abs() <= 1.0);
    let texts = texts(&chart.svg);
    for label in ["Significant", "Moderate", "Marginal", "No notable results", "6", "previous action plan"] {
        assert!(texts.iter().any(|t| t == label), "missing {label:?}");
    }
    assert_eq!(chart.table.rows[3], ["Marginal", "0", "1"]);
    assert_eq!(chart.table.rows[4], ["No notable results", "6", "not stated"]);
}

#[test]
fn the_matrix_places_each_commitment_and_marks_stated_and_inferred_promise_apart() {
    let chart = chart(ChartId::Matrix);
    let circles = elements(&chart.svg, "circle");
    let dots: Vec<_> = circles.iter().filter(|c| c["fill"] == ACCENT).collect();
    assert_eq!(dots.len(), 11, "nine commitments and two in the legend");
    // Which commitment's dot a mark centred at (x, y) surrounds.
    let dot_at = |x: f64, y: f64| {
        let dot = dots.iter().find(|d| (num(d, "cx") - x).abs() < 1.0 && (num(d, "cy") - y).abs() < 1.0);
        let number = dot.and_then(|d| {
            elements(&chart.svg, "text").iter().zip(texts(&chart.svg)).find_map(|(t, text)| {
                ((num(t, "x") - num(d, "cx")).abs() < 1.0
                    && text.len() == 1
                    && (num(t, "y") - num(d, "cy")).abs() < 12.0)
                    .then_some(text)
            })
        });
        number.unwrap_or_else(|| "legend".to_string())
    };
    let mut rings: Vec<String> =
        circles.iter().filter(|c| c["fill"] == "none").map(|c| dot_at(num(c, "cx"), num(c, "cy"))).collect();
    let mut squares: Vec<String> = outlined_rects(&chart.svg, "#1B1F24")
        .iter()
        .map(|r| dot_at(num(r, "x") + num(r, "width") / 2.0, num(r, "y") + num(r, "height") / 2.0))
        .collect();
    rings.sort();
    squares.sort();
    // The report names 4 and 8 as promising; 1 and 3 are inferred from the Action Plan Review.
    assert_eq!(rings, ["4", "8", "legend"]);
    assert_eq!(squares, ["1", "3", "legend"]);
    assert!(chart.source_note.ends_with("The report counts 5 commitments as promising at design; it names: 4, 8."));
    let texts = texts(&chart.svg);
    for legend in ["ringed: promising, stated in the report", "boxed: promising, inferred (Action Plan Review)"] {
        assert!(texts.iter().any(|t| t == legend), "missing legend {legend:?}");
    }
    for n in 1..=9 {
        assert!(texts.contains(&n.to_string()), "commitment {n} is not drawn");
    }
    // Commitments with high completion sit in the right-hand column.
    let number_x: HashMap<String, f64> = elements(&chart.svg, "text")
        .iter()
        .zip(&texts)
        .filter(|(_, t)| t.len() == 1)
        .map(|(e, t)| (t.clone(), num(e, "x")))
        .collect();
    let middle = 150.0;
    for n in ["2", "3", "6", "9"] {
        assert!(number_x[n] > middle, "commitment {n}");
    }
    for n in ["1", "4", "5", "7", "8"] {
        assert!(number_x[n] < middle, "commitment {n}");
    }
    assert!(chart.description.contains("Substantially or completely implemented, moderate: 2, 9."));
}

#[test]
fn inflation_bars_are_as_stated_and_cite_their_footnote() {
    let chart = chart(ChartId::Inflation);
    let heights: Vec<f64> = filled_rects(&chart.svg, ACCENT).iter().map(|b| num(b, "height")).collect();
    assert_eq!(heights.len(), 3);
    for (height, percent) in heights.iter().zip([1.9, 3.5, 8.3]) {
        assert!((height / heights[2] - percent / 8.3).abs() < 0.02, "{heights:?}");
    }
    let texts = texts(&chart.svg);
    for label in ["1.9%", "3.5%", "8.3%", "2020", "2021", "2022", "Source: footnote [2]"] {
        assert!(texts.iter().any(|t| t == label), "missing {label:?}");
    }
    assert!(chart.title.contains("as stated in the report"));
    assert!(chart.source_note.starts_with("Footnote [2]: “Inflation, Consumer Prices (annual %), Mongolia,”"));
}

#[test]
fn labels_from_the_bundle_are_escaped() {
    let json = std::fs::read_to_string("tests/bundles/minimal.json").unwrap();
    let hostile = json.replace("\"period\": \"2021-2023\"", "\"period\": \"<script>alert(1)</script> & co\"");
    let report = load(&hostile).unwrap();
    let chart = render(&report, ChartId::Completion).unwrap();
    assert!(!chart.svg.contains("<script"));
    assert!(chart.svg.contains("This plan (&lt;script&gt;alert(1)&lt;/script&gt; &amp; co): 1 of 2 (50%)"));
    assert_eq!(chart.table.rows[0][0], "This action plan (<script>alert(1)</script> & co)");
    assert_eq!(escape_xml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
}

#[test]
fn tables_become_csv_with_a_bom() {
    let csv = chart(ChartId::Completion).table.to_csv().unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("\u{FEFF}Action plan,Substantially or completely implemented,Not substantially or completely implemented,Commitments,Percentage stated in the report")
    );
    assert_eq!(lines.next(), Some("This action plan (2021-2023),4,5,9,44%"));
    let matrix = chart(ChartId::Matrix).table.to_csv().unwrap();
    assert!(matrix.contains("\r\n1,Not substantially or completely implemented,No notable results,\"Promising, inferred (not stated in this report)\"\r\n"));
}

#[test]
fn absurd_counts_do_not_hang_or_overflow_a_chart() {
    let json = std::fs::read_to_string("tests/bundles/minimal.json").unwrap();
    let huge = json.replace(
        "\"previous_plan\": {\n        \"count\": 1,\n        \"level\": \"marginal\"",
        "\"previous_plan\": {\n        \"count\": 4000000000,\n        \"level\": \"marginal\"",
    );
    assert_ne!(huge, json, "the fixture changed shape");
    let report = load(&huge).unwrap();
    // Before tick counts were capped, plotters was asked for four billion axis labels.
    let chart = render(&report, ChartId::EarlyResults).unwrap();
    assert!(chart.svg.matches("<text").count() < 60);
    assert_eq!(chart.table.rows[3], ["Marginal", "0", "4000000000"]);
}
