//! `bundles/index.json`: what a manifest may list, and the messages for files that cannot be used.

use irm_report::bundles::{
    check_bundle_id, check_requested_id, check_size, embedded_bundle_path, is_plain_relative_path, parse_manifest,
    FetchError, Manifest, MAX_BUNDLE_BYTES, MAX_BUNDLE_ID_CHARS,
};

#[test]
fn a_manifest_lists_bundles_beside_it() {
    let manifest = parse_manifest(
        r#"{"bundles": [{"id": "mongolia-2021-2023", "title": "Mongolia", "language": "en", "path": "mongolia-2021-2023.json"},
                        {"id": "mongolia-mn", "title": "Монгол", "language": "mn-Cyrl", "path": "mn/report.json"}]}"#,
    )
    .unwrap();
    assert_eq!(manifest.entry("mongolia-mn").unwrap().path, "mn/report.json");
    assert!(manifest.entry("elsewhere").is_none());
}

#[test]
fn the_embedded_bundle_is_where_the_manifest_the_build_writes_lists_it() {
    let report = irm_report::embedded::report();
    assert_eq!(embedded_bundle_path(report), "bundles/mongolia-2021-2023.json");
    assert_eq!(format!("bundles/{}", Manifest::of(report).bundles[0].path), embedded_bundle_path(report));
}

#[test]
fn paths_that_could_leave_the_site_are_refused() {
    for bad in [
        "https://evil.example/x.json",
        "//evil.example/x.json",
        "/absolute.json",
        "../up.json",
        "a/../../up.json",
        "./x.json",
        "a\\b.json",
        "x.json?q=1",
        "x.json#f",
        "%2e%2e/x.json",
        "javascript:alert(1).json",
        "data:application/json,{}.json",
        "x.txt",
        "",
        "a//b.json",
    ] {
        assert!(!is_plain_relative_path(bad), "{bad:?} passed");
    }
    for good in ["x.json", "mongolia-2021-2023.json", "mn/report_v2.json"] {
        assert!(is_plain_relative_path(good), "{good:?} refused");
    }
}

#[test]
fn every_problem_in_a_manifest_is_named_by_its_path() {
    let error = parse_manifest(
        r#"{"bundles": [{"id": "Bad Id", "title": " ", "language": "english!", "path": "//evil.example/x.json"},
                        {"id": "a", "title": "A", "language": "en", "path": "a.json"},
                        {"id": "a", "title": "A again", "language": "en", "path": "b.json"}]}"#,
    )
    .unwrap_err();
    let messages: Vec<String> = error.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "bundles[0].id: not a URL-safe id (lower-case letters, digits, '-'): \"Bad Id\"",
            "bundles[0].title: empty text",
            "bundles[0].language: not a language tag: \"english!\"",
            "bundles[0].path: not a plain relative path ending in .json: \"//evil.example/x.json\"",
            "bundles[2].id: duplicate id \"a\"",
        ]
    );
    let unknown = parse_manifest(r#"{"bundles": [], "extra": 1}"#).unwrap_err();
    assert_eq!(unknown[0].path, "extra", "{unknown:?}");
    assert!(unknown[0].reason.contains("unknown field `extra`"), "{unknown:?}");
    let not_json = parse_manifest("<html>").unwrap_err();
    assert_eq!(not_json[0].path, "(root)");
}

#[test]
fn fetch_errors_say_what_and_where() {
    let url = "https://site.example/bundles/big.json";
    assert!(check_size(url, MAX_BUNDLE_BYTES, MAX_BUNDLE_BYTES).is_ok());
    assert_eq!(
        check_size(url, MAX_BUNDLE_BYTES + 1, MAX_BUNDLE_BYTES).unwrap_err().to_string(),
        "https://site.example/bundles/big.json is 2097153 bytes, more than the 2097152 bytes allowed"
    );
    assert_eq!(
        check_bundle_id(url, "big", "other").unwrap_err().to_string(),
        "https://site.example/bundles/big.json is not valid:\nid: is \"other\", but the manifest lists this file as \"big\""
    );
    assert_eq!(
        FetchError::Http { url: url.to_string(), status: 404 }.to_string(),
        "https://site.example/bundles/big.json answered HTTP 404"
    );
    assert_eq!(FetchError::NotListed.to_string(), "no bundle of that id is listed in bundles/index.json");
}

#[test]
fn only_a_short_slug_is_read_from_the_address() {
    for id in ["mongolia-2021-2023", "a", &"a".repeat(MAX_BUNDLE_ID_CHARS)] {
        assert_eq!(check_requested_id(id), Ok(()), "{id:?}");
    }
    let spoof = "” This edition was withdrawn. Read the corrected one at https://evil.example “";
    for id in [spoof, "", "Upper", "a/b", "../x", "a b", &"a".repeat(MAX_BUNDLE_ID_CHARS + 1)] {
        let refused = check_requested_id(id).unwrap_err();
        assert_eq!(refused, FetchError::NotAnId, "{id:?}");
        assert!(!refused.to_string().contains("evil"), "the message never repeats the value");
    }
}

#[test]
fn a_title_that_could_disguise_its_text_is_refused() {
    for title in ["Mongolia \u{202E}3202-1202", "Mongolia\u{2066} report", "A\u{0007}bell"] {
        let json = serde_json::json!({"bundles": [{"id": "a", "title": title, "language": "en", "path": "a.json"}]});
        let problems = parse_manifest(&json.to_string()).unwrap_err();
        assert_eq!(problems.len(), 1, "{title:?}");
        assert_eq!(problems[0].path, "bundles[0].title");
        assert!(problems[0].reason.contains("can disguise text"), "{}", problems[0].reason);
    }
}
