//! Run by Trunk after each build (`Trunk.toml`): writes the files a static host needs beside the app.
//! - an entry HTML file for each embeddable view and its full view, carrying the oEmbed discovery link;
//! - the oEmbed documents (`oembed/commitments/3.json` …);
//! - `404.html` for hosts that serve it for unknown paths.
//!
//! Usage: `site-files DIST_DIR`. The public address comes from `SITE_URL` (default
//! `http://127.0.0.1:8080/`, what `scripts/serve` serves); it must end with the base path.

use std::fs;
use std::path::Path;

use irm_report::charts::escape_xml;
use irm_report::embed::{oembed, oembed_file, EmbedView};
use irm_report::report::embedded;

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
    let shell = read(&dist.join("index.html"))?;
    write(&dist.join("404.html"), &shell)?;
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

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
