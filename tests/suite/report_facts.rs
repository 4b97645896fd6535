//! What the bundle states about the nine commitments and the report's figures, checked against the
//! report's own words (see data/source/reference-commitments.md).

use crate::prelude::report;
use irm_report::report::bundle::Basis;
use irm_report::report::inline::plain_text;
use irm_report::report::query::observations_of;
use irm_report::report::rating::{Completion, EarlyResults};

#[test]
fn ratings_are_as_the_report_states_them() {
    let expected = [
        // number, high completion, early results, promising (None = not stated)
        (1, false, EarlyResults::NoNotableResults, Some(Basis::Inferred)),
        (2, true, EarlyResults::Moderate, None),
        (3, true, EarlyResults::Significant, Some(Basis::Inferred)),
        (4, false, EarlyResults::NoNotableResults, Some(Basis::Report)),
        (5, false, EarlyResults::NoNotableResults, None),
        (6, true, EarlyResults::NoNotableResults, None),
        (7, false, EarlyResults::NoNotableResults, None),
        (8, false, EarlyResults::NoNotableResults, Some(Basis::Report)),
        (9, true, EarlyResults::Moderate, None),
    ];
    assert_eq!(report().commitments.len(), 9);
    for (number, high, early, promising) in expected {
        let c = report().commitment(number).unwrap();
        assert_eq!(c.completion.level.is_high(), high, "commitment {number}");
        // The report never says which of substantial or complete: the range is kept.
        assert!(!c.completion.level.is_exact(), "commitment {number} claims an exact level");
        assert_eq!(c.early_results.level, early, "commitment {number}");
        assert_eq!(c.promising.as_ref().map(|p| p.basis), promising, "commitment {number}");
    }
    let high = report().commitment(3).unwrap().completion.level;
    assert_eq!((high.from, high.to), (Completion::Substantial, Completion::Complete));
}

#[test]
fn outside_facts_carry_their_source_and_unknowns_stay_unknown() {
    for c in &report().commitments {
        match c.number {
            2 | 7 => assert!(c.reference.is_none(), "commitment {} has no OGP page", c.number),
            n => {
                let reference = c.reference.as_ref().unwrap();
                assert!(reference.source.ends_with(&format!("/commitments/{}/", reference.ogp_id)), "commitment {n}");
            }
        }
        if let Some(p) = &c.promising {
            if p.basis == Basis::Inferred {
                assert!(p.source.is_some() && p.note.as_deref().unwrap().contains("inferred"));
            }
        }
    }
    assert_eq!(report().commitment_by_ogp_id("mn0050").map(|c| c.number), Some(3));
    assert_eq!(report().commitment(3).unwrap().title(), Some("Participation and Accountability in Public Procurement"));
}

#[test]
fn figures_are_the_stated_ones() {
    let f = &report().figures;
    let (this, previous) = (f.high_completion.this_plan, f.high_completion.previous_plan);
    assert_eq!((this.count, this.total, this.percent), (4, 9, 44));
    assert_eq!((previous.count, previous.total, previous.percent), (4, 13, 31));
    assert_eq!((f.early_results.this_plan.count, f.early_results.previous_plan.count), (3, 1));
    let inflation: Vec<(u32, f64)> = f.inflation.points.iter().map(|p| (p.year, p.percent)).collect();
    assert_eq!(inflation, [(2020, 1.9), (2021, 3.5), (2022, 8.3)]);
    assert_eq!(f.inflation.footnote, 2);
    assert_eq!((f.china_trade_share.more_than_percent, f.china_trade_share.footnote), (60, 1));
}

#[test]
fn mentions_are_the_sentences_that_name_the_commitment() {
    let quotes: Vec<String> = report().mentions(3).iter().map(|q| plain_text(&q.spans)).collect();
    assert_eq!(quotes.len(), 4, "{quotes:#?}");
    assert!(quotes[0].starts_with("Commitment 3 achieved significant results"));
    assert!(quotes[1].starts_with("Four of the action plan’s nine commitments (44%)"));
    assert!(quotes[2].starts_with("Commitments 2 and 3 were buoyed"));
    assert!(quotes[3].starts_with("Commitments 3, for example"));
    let places: Vec<&str> = report().mentions(3).iter().map(|q| q.place.paragraph.id.as_str()).collect();
    assert_eq!(places, ["early-results-p1", "completion-p1", "completion-p1", "observation-2-p1"]);
    assert_eq!(report().mentions(7).len(), 1);
    // The report names every commitment by number except the first.
    for c in &report().commitments {
        assert_eq!(report().mentions(c.number).is_empty(), c.number == 1, "commitment {}", c.number);
    }
}

#[test]
fn neighbours_follow_the_report_order() {
    let (prev, next) = report().neighbours(1);
    assert_eq!((prev.map(|c| c.number), next.map(|c| c.number)), (None, Some(2)));
    let (prev, next) = report().neighbours(9);
    assert_eq!((prev.map(|c| c.number), next.map(|c| c.number)), (Some(8), None));
    assert!(matches!(report().neighbours(10), (None, None)));
}

#[test]
fn observations_footnotes_and_citations_per_item() {
    let observations = |n| observations_of(&report().mentions(n)).iter().map(|o| o.number).collect::<Vec<_>>();
    assert_eq!(observations(3), [2]);
    assert_eq!(observations(4), [2, 3]);
    assert_eq!(observations(9), [3]);
    assert!(observations(6).is_empty());
    // No sentence that names a commitment cites a footnote in this report.
    assert!(report().commitments.iter().all(|c| report().footnotes_cited(&report().mentions(c.number)).is_empty()));
    let citations: Vec<String> = report().citations(2).iter().map(|q| plain_text(&q.spans)).collect();
    assert_eq!(
        citations,
        ["As China implemented its zero-COVID policy, consumer products became scarce, and inflation rates soared from 1.9% in 2020 to 3.5% in 2021 and 8.3% in 2022.[2]"]
    );
    assert_eq!(report().citations(4)[0].place.paragraph.id, "implementation-in-context-p1");
}

#[test]
fn the_paragraphs_citing_each_footnote_in_one_pass_are_those_citing_it_one_by_one() {
    let report = irm_report::embedded::report();
    let by_footnote = report.citing_by_footnote();
    for footnote in &report.footnotes {
        let ids = |list: &[irm_report::report::query::Located]| {
            list.iter().map(|p| p.paragraph.id.clone()).collect::<Vec<_>>()
        };
        let one_pass = by_footnote.get(&footnote.number).map(|list| ids(list)).unwrap_or_default();
        assert_eq!(one_pass, ids(&report.citing(footnote.number)), "footnote {}", footnote.number);
        assert!(!one_pass.is_empty(), "footnote {} is cited", footnote.number);
    }
}
