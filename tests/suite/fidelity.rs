//! The bundle must carry the published report verbatim: every paragraph, heading and footnote of
//! `data/source/mongolia-results-report-2021-2023.txt`, in order, and nothing of the web page's furniture.

use crate::prelude::report;
use irm_report::report::{inline::Span, Report};

const SEED: &str = include_str!("../../data/source/mongolia-results-report-2021-2023.txt");
/// Web-page furniture around the report text.
const FURNITURE_BEFORE: &str = "Skip Navigation";
const FURNITURE_FROM: &str = "Downloads";

/// The seed's blocks (paragraphs, headings, footnotes) from the title to the last footnote.
fn seed_blocks() -> Vec<&'static str> {
    let blocks: Vec<&str> = SEED.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks[0], FURNITURE_BEFORE);
    let end = blocks.iter().position(|b| *b == FURNITURE_FROM).expect("seed has no Downloads line");
    blocks[1..end].to_vec()
}

/// The same blocks rebuilt from the bundle, as a reader of the published page sees them.
fn bundle_blocks(report: &Report) -> Vec<String> {
    let mut blocks = vec![report.title.clone()];
    for section in &report.sections {
        blocks.extend(section.heading.clone());
        blocks.extend(section.paragraphs.iter().map(|p| p.plain_text()));
        for observation in &section.observations {
            let mut paragraphs = observation.paragraphs.iter().map(|p| p.plain_text());
            let first = paragraphs.next().unwrap_or_default();
            blocks.push(format!("{} {}", observation.heading(), first));
            blocks.extend(paragraphs);
        }
    }
    blocks.extend(report.footnotes.iter().map(|f| format!("[{}] {}", f.number, f.citation)));
    blocks
}

#[test]
fn every_block_of_the_seed_is_in_the_bundle_verbatim_and_in_order() {
    let seed = seed_blocks();
    let bundle = bundle_blocks(report());
    for (i, (expected, actual)) in seed.iter().zip(&bundle).enumerate() {
        assert_eq!(actual, expected, "block {i} differs");
    }
    assert_eq!(bundle.len(), seed.len(), "the bundle has {} blocks, the seed {}", bundle.len(), seed.len());
}

#[test]
fn every_sentence_of_the_seed_appears_verbatim() {
    let text = bundle_blocks(report()).join("\n");
    let mut count = 0;
    for block in seed_blocks() {
        // Independent of the app's sentence splitter: cut after ". " and check each piece.
        for sentence in block.split_inclusive(". ").map(str::trim) {
            assert!(text.contains(sentence), "missing from the bundle: {sentence:?}");
            count += 1;
        }
    }
    assert!(count > 60, "only {count} sentences checked");
}

#[test]
fn the_sections_are_those_of_the_report_in_order() {
    let ids: Vec<&str> = report().sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "summary",
            "early-results",
            "completion",
            "participation-and-co-creation",
            "implementation-in-context",
            "key-observations"
        ]
    );
    let observations = &report().sections[5].observations;
    assert_eq!(observations.iter().map(|o| o.number).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn footnotes_keep_their_full_citation_and_address() {
    let footnotes = &report().footnotes;
    assert_eq!(footnotes.len(), 4);
    assert_eq!(footnotes[1].url, "https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG");
    assert_eq!(
        footnotes[3].citation,
        "CIVICUS, People Power Under Attack 2023, 2023, https://civicusmonitor.contentfiles.net/media/documents/GlobalFindings2023.pdf."
    );
}

#[test]
fn every_numbered_commitment_in_the_text_is_a_link() {
    // After removing the linked mentions, no "Commitment(s) N" may remain as plain text.
    for place in report().paragraphs() {
        let unlinked: String = place
            .paragraph
            .spans
            .iter()
            .map(|span| match span {
                Span::Text(text) => text.clone(),
                _ => " ".to_string(),
            })
            .collect();
        for (i, _) in unlinked.match_indices("Commitment") {
            let after = unlinked[i..].trim_start_matches("Commitments").trim_start_matches("Commitment");
            assert!(
                !after.trim_start().starts_with(|c: char| c.is_ascii_digit()),
                "{}: unlinked commitment number near {:?}",
                place.paragraph.id,
                &unlinked[i..(i + 20).min(unlinked.len())]
            );
        }
    }
}
