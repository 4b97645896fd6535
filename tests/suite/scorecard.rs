//! Scorecard filters and sort, and their round trip through the query string.

use std::collections::HashMap;

use crate::prelude::report;
use irm_report::report::rating::EarlyResults;
use irm_report::scorecard::{Column, CompletionFilter, Ignored, PromisingFilter, ScorecardQuery, Sort};

fn parse(query: &str) -> (ScorecardQuery, Ignored) {
    let params: HashMap<String, String> = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ScorecardQuery::parse(|key| params.get(key).cloned())
}

fn numbers(query: &ScorecardQuery) -> Vec<u32> {
    query.rows(report()).iter().map(|c| c.number).collect()
}

#[test]
fn the_default_view_is_all_nine_in_order() {
    let (query, ignored) = parse("");
    assert_eq!(query, ScorecardQuery::default());
    assert_eq!(ignored, Ignored::default());
    assert_eq!(numbers(&query), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(query.to_query_string(), "");
}

#[test]
fn filters_combine_across_groups_and_alternate_within() {
    let (query, _) = parse("?results=moderate,significant");
    assert_eq!(numbers(&query), [2, 3, 9]);
    let (query, _) = parse("?results=moderate,significant&promising=inferred");
    assert_eq!(numbers(&query), [3]);
    let (query, _) = parse("?completion=high");
    assert_eq!(numbers(&query), [2, 3, 6, 9]);
    let (query, _) = parse("?completion=not-high&promising=stated");
    assert_eq!(numbers(&query), [4, 8]);
    let (query, _) = parse("?promising=not-stated");
    assert_eq!(numbers(&query), [2, 5, 6, 7, 9]);
}

#[test]
fn sorting_by_each_column() {
    let sorted = |sort: &str| numbers(&parse(&format!("?sort={sort}")).0);
    assert_eq!(sorted("-number"), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(sorted("results"), [1, 4, 5, 6, 7, 8, 2, 9, 3]);
    assert_eq!(sorted("-results"), [3, 2, 9, 1, 4, 5, 6, 7, 8]);
    // Commitments without an OGP page (2 and 7) have no title: they come last either way.
    assert_eq!(sorted("title"), [9, 8, 4, 5, 6, 3, 1, 2, 7]);
    assert_eq!(sorted("-title"), [1, 3, 6, 5, 4, 8, 9, 2, 7]);
    assert_eq!(sorted("ogp-id"), [1, 3, 4, 5, 6, 8, 9, 2, 7]);
    assert_eq!(sorted("completion"), [1, 4, 5, 7, 8, 2, 3, 6, 9]);
    assert_eq!(sorted("promising"), [4, 8, 1, 3, 2, 5, 6, 7, 9]);
    assert_eq!(sorted("lead"), [4, 9, 6, 3, 5, 8, 1, 2, 7]);
}

#[test]
fn the_query_string_round_trips_in_canonical_form() {
    let (query, _) = parse("?sort=-title&results=significant,moderate,moderate&completion=high");
    assert_eq!(query.results, [EarlyResults::Moderate, EarlyResults::Significant]);
    assert_eq!(query.sort, Sort { column: Column::Title, descending: true });
    let canonical = query.to_query_string();
    assert_eq!(canonical, "?completion=high&results=moderate,significant&sort=-title");
    assert_eq!(parse(&canonical).0, query);
}

#[test]
fn unknown_values_are_ignored_and_named() {
    let (query, ignored) = parse("?results=majr,moderate&sort=colour&promising=");
    assert_eq!(query.results, [EarlyResults::Moderate]);
    assert_eq!(query.sort, Sort::default());
    assert_eq!(ignored, Ignored(vec!["results=majr".into(), "sort=colour".into()]));
}

#[test]
fn toggles_and_header_clicks() {
    let query = ScorecardQuery::default().toggle_completion(CompletionFilter::High);
    assert_eq!(query.to_query_string(), "?completion=high");
    assert_eq!(query.toggle_completion(CompletionFilter::High).to_query_string(), "");
    let query = query.toggle_promising(PromisingFilter::Stated).toggle_results(EarlyResults::Significant);
    assert_eq!(query.to_query_string(), "?completion=high&results=significant&promising=stated");
    assert!(query.is_filtered());
    assert!(!query.cleared_filters().is_filtered());
    let by_title = ScorecardQuery::default().sorted_by(Column::Title);
    assert_eq!(by_title.to_query_string(), "?sort=title");
    assert_eq!(by_title.sorted_by(Column::Title).to_query_string(), "?sort=-title");
    assert_eq!(by_title.sorted_by(Column::Title).sorted_by(Column::Results).to_query_string(), "?sort=results");
}

#[test]
fn the_scorecard_csv_has_a_bom_and_every_commitment() {
    let csv = irm_report::scorecard::scorecard_csv(report()).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 10);
    assert!(lines[0].starts_with("\u{FEFF}Commitment,OGP id,Title,Lead institutions,"));
    assert_eq!(
        lines[3],
        "3,MN0050,Participation and Accountability in Public Procurement,Ministry of Finance (State Procurement Office),\
         Access to Information; Anti-Corruption and Integrity; Open Contracting; Open Data; Public Participation; Public Procurement,\
         Substantially or completely implemented,Significant,\"Promising, inferred (not stated in this report)\",\
         https://www.opengovpartnership.org/members/mongolia/commitments/MN0050/"
    );
    // Commitment 2 has no OGP page: its outside facts are empty, not guessed.
    assert_eq!(lines[2], "2,,,,,Substantially or completely implemented,Moderate,Not stated in this report,");
}
