//! The header sample for hosts (`public/_headers`) sends the same policy the HTML files carry.

use irm_report::hosting::{headers_under, CONTENT_SECURITY_POLICY};

#[test]
fn the_headers_sample_sends_the_meta_policy() {
    let headers = std::fs::read_to_string("public/_headers").unwrap();
    let policies: Vec<&str> =
        headers.lines().filter_map(|line| line.trim().strip_prefix("Content-Security-Policy: ")).collect();
    assert_eq!(policies.first(), Some(&CONTENT_SECURITY_POLICY), "the /* rule's policy");
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline") && !CONTENT_SECURITY_POLICY.contains("'unsafe-eval'"));
}

#[test]
fn under_a_sub_path_the_header_rules_name_the_whole_path() {
    let headers = std::fs::read_to_string("public/_headers").unwrap();
    assert_eq!(headers_under("/", &headers), headers);
    let moved = headers_under("/mongolia/", &headers);
    let patterns: Vec<&str> = moved.lines().filter(|line| line.starts_with('/')).collect();
    assert_eq!(patterns, ["/mongolia/*", "/mongolia/embed/*"]);
    // Only the patterns move: comments and header lines are kept as they are.
    assert_eq!(moved.lines().count(), headers.lines().count());
    assert!(moved.contains("  Content-Security-Policy: frame-ancestors *\n"));
}
