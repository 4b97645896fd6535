//! Search over the real report: every kind of document, grouping, highlighting, and hostile queries.

use irm_report::search::{Index, Kind};

fn index() -> Index {
    Index::new(irm_report::embedded::report())
}

fn matched(hit: &irm_report::search::Hit) -> Vec<String> {
    hit.excerpt.iter().filter(|p| p.matched).map(|p| p.text.clone()).collect()
}

#[test]
fn every_commitment_observation_paragraph_and_footnote_is_searchable() {
    let report = irm_report::embedded::report();
    let paragraphs: usize = report
        .sections
        .iter()
        .map(|s| s.paragraphs.len() + s.observations.iter().map(|o| o.paragraphs.len()).sum::<usize>())
        .sum();
    let observations: usize = report.sections.iter().map(|s| s.observations.len()).sum();
    assert_eq!(index().len(), report.commitments.len() + observations + paragraphs + report.footnotes.len());
}

#[test]
fn hits_are_grouped_by_kind_and_link_to_their_place() {
    let index = index();
    let hits = index.search("inflation");
    assert!(!hits.is_empty());
    let kinds: Vec<Kind> = hits.iter().map(|h| h.document.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "grouped in kind order");
    assert!(hits.iter().any(|h| h.document.kind == Kind::Paragraph && h.document.path.starts_with("/#")));
    assert!(hits.iter().any(|h| h.document.kind == Kind::Footnote && h.document.path == "/sources/2"));
    for hit in &hits {
        // Every hit highlights the word it was found by, and only that word.
        let marks = matched(hit);
        assert!(!marks.is_empty(), "nothing highlighted in {:?}", hit.excerpt);
        assert!(marks.iter().all(|m| m.to_lowercase().starts_with("inflation")), "{:?}", hit.excerpt);
    }
}

#[test]
fn every_word_must_match_and_case_and_accents_do_not_matter() {
    let index = index();
    let both = index.search("FREEDOM association");
    assert!(!both.is_empty());
    assert!(both.iter().any(|h| h.document.path == "/commitments/4"), "commitment 4's title");
    for hit in &both {
        let text = hit.document.text.to_lowercase();
        assert!(text.contains("freedom") && text.contains("association"), "{}", hit.document.text);
    }
    assert_eq!(index.search("freedom associatión").len(), both.len(), "an accent typed by mistake");
    assert!(index.search("freedom zzzzqqq").is_empty());
}

#[test]
fn matched_text_is_the_original_text() {
    let index = index();
    // Apostrophes separate words: "government’s" looks for "government" ("s" is too short to search).
    let hits = index.search("GOVERNMENT’s");
    assert!(!hits.is_empty());
    for hit in hits {
        for part in matched(&hit) {
            assert!(hit.document.text.contains(&part), "{part:?} is not in the text");
            assert_eq!(part.to_lowercase(), "government");
        }
    }
}

#[test]
fn hostile_or_empty_queries_return_nothing_or_text_only() {
    let index = index();
    assert!(index.search("").is_empty());
    assert!(index.search("   ").is_empty());
    assert!(index.search("a").is_empty(), "single letters are not searched");
    // Markup around a word that occurs: found, and the excerpts are the report's text, not the query's.
    let hits = index.search("<b>inflation</b>");
    assert!(!hits.is_empty(), "the word inside the markup is still searched");
    assert!(hits.iter().all(|h| !h.excerpt.iter().any(|p| p.text.contains('<'))));
    assert!(index.search("<script>alert(1)</script>").is_empty());
    assert!(index.search(&"ж".repeat(100_000)).is_empty());
    assert!(index.search("\u{202E}\u{0000}[](javascript:)").is_empty());
}
