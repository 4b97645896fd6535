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
    assert_eq!(patterns[..4], ["/mongolia/*", "/mongolia/embed/*", "/mongolia/", "/mongolia/index.html"]);
    assert!(patterns.iter().all(|pattern| pattern.starts_with("/mongolia/")));
    // Only the patterns move: comments and header lines are kept as they are.
    assert_eq!(moved.lines().count(), headers.lines().count());
    assert!(moved.contains("  Content-Security-Policy: frame-ancestors *\n"));
}

/// README's nginx sample sends what `_headers` sends: every header of the `/*` rule in every location,
/// framing by this site only under `/`, by anyone under `/embed/`, and `sw.js` never cached for long.
#[test]
fn the_readme_nginx_sample_sends_the_headers_sample() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let nginx = readme.split("```nginx\n").nth(1).and_then(|rest| rest.split("```").next()).expect("an nginx sample");
    let location = |name: &str| -> Vec<(String, String)> {
        let block = nginx.split(&format!("location {name} {{")).nth(1).unwrap().split('}').next().unwrap();
        block
            .lines()
            .filter_map(|line| line.trim().strip_prefix("add_header "))
            .map(|header| {
                let (name, value) = header.split_once(' ').unwrap();
                let value = value.trim_end_matches(" always;").trim_matches('"');
                (name.to_string(), value.to_string())
            })
            .collect()
    };
    let common = [
        ("Access-Control-Allow-Origin", "*"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ];
    let expected = |extra: &[(&str, String)]| -> Vec<(String, String)> {
        common
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .chain(extra.iter().map(|(n, v)| (n.to_string(), v.clone())))
            .collect()
    };
    assert_eq!(
        location("/"),
        expected(&[
            ("Content-Security-Policy", format!("{CONTENT_SECURITY_POLICY}; frame-ancestors 'self'")),
            ("X-Frame-Options", "SAMEORIGIN".to_string()),
        ])
    );
    assert_eq!(
        location("/embed/"),
        expected(&[("Content-Security-Policy", format!("{CONTENT_SECURITY_POLICY}; frame-ancestors *"))])
    );
    // The service worker is checked for a newer edition: never cached for long.
    assert_eq!(
        location("= /sw.js"),
        expected(&[
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY.to_string()),
            ("Cache-Control", "no-cache".to_string()),
        ])
    );
    let headers = std::fs::read_to_string("public/_headers").unwrap();
    assert!(headers.contains("\n/sw.js\n  Cache-Control: no-cache\n"));
    for (name, value) in common {
        assert!(headers.contains(&format!("\n  {name}: {value}\n")), "_headers sends {name}");
    }
    for page in ["/", "/index.html", "/404.html", "/shell.html"] {
        let rule =
            format!("\n{page}\n  X-Frame-Options: SAMEORIGIN\n  Content-Security-Policy: frame-ancestors 'self'\n");
        assert!(headers.contains(&rule), "_headers refuses framing of {page}");
    }
    // The embed fallback is served inside `location /embed/` (with its headers): not a last-place
    // /shell.html, which nginx would redirect internally into `location /` and its framing refusal.
    assert!(nginx.contains("try_files $uri $uri/index.html /shell.html =404;"));
}

/// The pages name the same browser-bar colours as the web app manifest; the manifest is linked after the first paint.
#[test]
fn the_pages_and_the_web_manifest_agree_on_the_theme_colours() {
    use irm_report::web_manifest::{THEME_DARK, THEME_LIGHT, WEB_MANIFEST_FILE};
    let index = std::fs::read_to_string("index.html").unwrap();
    for (scheme, colour) in [("light", THEME_LIGHT), ("dark", THEME_DARK)] {
        let tag =
            format!("<meta name=\"theme-color\" content=\"{colour}\" media=\"(prefers-color-scheme: {scheme})\">");
        assert!(index.contains(&tag), "index.html lacks {tag}");
    }
    // Linked by offline.js after the first paint (a browser fetches it as soon as it sees the link).
    assert!(!index.contains("rel=\"manifest\""));
    assert!(include_str!("../../src/offline.js").contains(&format!("'{WEB_MANIFEST_FILE}'")));
}
