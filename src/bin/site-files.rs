//! Run by Trunk after each build (`Trunk.toml`): writes the files a static host needs beside the app.
//! - Trunk's inline loader moved into a file, and a Content-Security-Policy without inline script in
//!   every HTML file;
//! - an entry HTML file for each embeddable view and its full view, carrying the oEmbed discovery link;
//! - the oEmbed documents (`oembed/commitments/3.json` …);
//! - `404.html` for hosts that serve it for unknown paths;
//! - `bundles/index.json`, the manifest of report bundles the app may fetch, with the embedded one in it;
//! - `locales/*.json`, the interface's message catalogues.
//!
//! Usage: `site-files DIST_DIR`. The public address comes from `SITE_URL` (default
//! `http://127.0.0.1:8080/`, what `scripts/serve` serves); it must end with the base path.

use std::fs;
use std::path::Path;

use irm_report::bundles::{parse_manifest, MANIFEST_PATH};
use irm_report::charts::escape_xml;
use irm_report::embed::{oembed, oembed_file, EmbedView};
use irm_report::hosting::CONTENT_SECURITY_POLICY;
use irm_report::i18n::{catalogue_path, parse_catalogue, ENGLISH_CATALOGUE};
use irm_report::report::{embedded, Report, EMBEDDED_BUNDLE};

/// Every catalogue, English included (a host may want it); the app fetches all but English.
const CATALOGUES: [(&str, &str); 2] = [("en", ENGLISH_CATALOGUE), ("mn", include_str!("../../locales/mn.json"))];

const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

fn main() {
    let Some(dist) = std::env::args().nth(1) else {
        eprintln!("usage: site-files DIST_DIR");
        std::process::exit(2);
    };
    let site = std::env::var("SITE_URL").unwrap_or_else(|_| DEFAULT_SITE_URL.to_string());
    let site = format!("{}/", site.trim_end_matches('/'));
    if let Err(error) = write_site(Path::new(&dist), &site) {
        eprintln!("site-files: {error}");
        std::process::exit(1);
    }
}

fn write_site(dist: &Path, site: &str) -> Result<(), String> {
    let report = embedded().as_ref().map_err(|e| format!("the embedded bundle does not validate:\n{e}"))?;
    let shell = harden(&read(&dist.join("index.html"))?, dist)?;
    write(&dist.join("index.html"), &shell)?;
    write(&dist.join("404.html"), &shell)?;
    write_bundles(dist, report)?;
    write_catalogues(dist)?;
    for view in EmbedView::all(report) {
        let file = oembed_file(view);
        let json = serde_json::to_string_pretty(&oembed(site, report, view)).map_err(|e| e.to_string())?;
        write(&dist.join(&file), &json)?;
        let link = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape_xml(&format!("{site}{file}")),
            escape_xml(&view.title(report))
        );
        // The full view's entry file when it has its own path (a chart's full view is an anchor).
        let mut pages = vec![view.path()];
        if !view.full_path().contains('#') {
            pages.push(view.full_path());
        }
        for page in pages {
            let html = shell.replacen("</head>", &format!("  {link}\n</head>"), 1);
            write(&dist.join(page.trim_start_matches('/')).join("index.html"), &html)?;
        }
    }
    Ok(())
}

/// The embedded bundle as a file too (for reuse and as the manifest's first entry), and the manifest.
fn write_bundles(dist: &Path, report: &Report) -> Result<(), String> {
    let file = format!("{}.json", report.id);
    write(&dist.join(MANIFEST_PATH).with_file_name(&file), EMBEDDED_BUNDLE)?;
    let manifest = serde_json::json!({
        "bundles": [{ "id": report.id, "title": report.title, "language": report.language, "path": file }]
    });
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    parse_manifest(&json).map_err(|problems| format!("the manifest written would be refused: {problems:?}"))?;
    write(&dist.join(MANIFEST_PATH), &json)
}

/// The catalogues the app fetches for languages other than English (checked first: a broken one is an error).
fn write_catalogues(dist: &Path) -> Result<(), String> {
    for (language, json) in CATALOGUES {
        parse_catalogue(language, json).map_err(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("locales/{language}.json is not a valid catalogue:\n{}", list.join("\n"))
        })?;
        write(&dist.join(catalogue_path(language)), json)?;
    }
    Ok(())
}

/// Moves Trunk's inline module script (the loader) into `start-<hash>.js` and adds the CSP meta tag,
/// so that no inline script needs allowing.
fn harden(shell: &str, dist: &Path) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let start = shell.find(OPEN).ok_or("index.html has no inline module script (Trunk's loader)")?;
    let body = start + OPEN.len();
    let end = body + shell[body..].find(CLOSE).ok_or("index.html: the loader script is not closed")?;
    let loader = &shell[body..end];
    // Relative: resolved against <base href>, like every asset under a sub-path.
    let name = format!("start-{:016x}.js", fnv1a(loader.as_bytes()));
    write(&dist.join(&name), loader)?;
    let html =
        format!("{}<script type=\"module\" src=\"{name}\"></script>{}", &shell[..start], &shell[end + CLOSE.len()..]);
    let meta = format!("<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">");
    if !html.contains("<meta charset=\"utf-8\">") {
        return Err("index.html has no <meta charset=\"utf-8\"> to put the policy after".to_string());
    }
    Ok(html.replacen("<meta charset=\"utf-8\">", &meta, 1))
}

/// A stable 64-bit FNV-1a hash, for cache-busting file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
