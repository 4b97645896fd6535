//! The header sample for hosts (`public/_headers`) sends the same policy the HTML files carry.

use irm_report::hosting::CONTENT_SECURITY_POLICY;

#[test]
fn the_headers_sample_sends_the_meta_policy() {
    let headers = std::fs::read_to_string("public/_headers").unwrap();
    let policies: Vec<&str> =
        headers.lines().filter_map(|line| line.trim().strip_prefix("Content-Security-Policy: ")).collect();
    assert_eq!(policies.first(), Some(&CONTENT_SECURITY_POLICY), "the /* rule's policy");
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline") && !CONTENT_SECURITY_POLICY.contains("'unsafe-eval'"));
}
