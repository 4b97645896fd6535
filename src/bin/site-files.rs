//! Run by Trunk after each build (`Trunk.toml`): writes the files a static host needs beside the app.
//! - static first: Trunk's inline loader moved into a file that `boot.js` imports after the first paint
//!   (no preloads), a Content-Security-Policy without inline script in every HTML file, and the style
//!   sheet minified;
//! - an entry HTML file for each embeddable view and its full view, carrying the oEmbed discovery link;
//! - the oEmbed documents (`oembed/commitments/3.json` …);
//! - `404.html` for hosts that serve it for unknown paths;
//! - a link-preview image for each page (`og/*.png`, `src/link_preview.rs`);
//! - `bundles/index.json`, the manifest of report bundles the app may fetch, with the embedded one in it;
//! - `locales/*.json`, the interface's message catalogues;
//! - offline reading: the web app manifest and its icons, `offline-<hash>.js` (the page's side) and its
//!   style sheet `offline-<hash>.css`, and,
//!   last, `sw.js` with the checksum of every file a reader's browser keeps (`src/offline.rs`).
//!
//! Usage: `site-files DIST_DIR`. The public address comes from `SITE_URL` (default
//! `http://127.0.0.1:8080/`, what `scripts/serve` serves); it must end with the base path.
//! `site-files --service-worker-only DIST_DIR` writes only `sw.js` again, for a built site whose files were
//! changed after the build (it names another build then).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use irm_report::bundles::{embedded_bundle_path, parse_manifest, Manifest, MANIFEST_PATH};
use irm_report::charts::escape_xml;
use irm_report::embed::{oembed, oembed_file, EmbedView};
use irm_report::embedded;
use irm_report::hosting::{headers_under, CONTENT_SECURITY_POLICY};
use irm_report::i18n::{catalogue_path, ENGLISH_CATALOGUE};
use irm_report::labels::parse_catalogue;
use irm_report::link_preview::{self, Card};
use irm_report::offline::{self, Edition, SERVICE_WORKER_FILE};
use irm_report::report::{Report, EMBEDDED_BUNDLE};
use irm_report::web_manifest::{web_manifest, WEB_MANIFEST_FILE};
use irm_report::{app_icon, minify, prerender, routes};

/// Every catalogue, English included (a host may want it); the app fetches all but English.
const CATALOGUES: [(&str, &str); 2] = [("en", ENGLISH_CATALOGUE), ("mn", include_str!("../../locales/mn.json"))];

const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let written = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--service-worker-only", dist] => offline_messages().and_then(|m| write_service_worker(Path::new(dist), &m)),
        [dist] if !dist.starts_with("--") => {
            let site = std::env::var("SITE_URL").unwrap_or_else(|_| DEFAULT_SITE_URL.to_string());
            write_site(Path::new(dist), &format!("{}/", site.trim_end_matches('/')))
        }
        _ => {
            eprintln!("usage: site-files [--service-worker-only] DIST_DIR");
            std::process::exit(2);
        }
    };
    if let Err(error) = written {
        eprintln!("site-files: {error}");
        std::process::exit(1);
    }
}

fn write_site(dist: &Path, site: &str) -> Result<(), String> {
    let report = embedded::report();
    let base = site_path(site);
    routes::set_base(&base);
    let messages = offline_messages()?;
    let shell = harden(&read(&dist.join("index.html"))?, dist, &messages)?;
    minify_style_sheets(dist)?;
    // The partners' script, as small as its README promises: without comment lines and indentation.
    let embed_script = without_comment_lines(&read(&dist.join("embed.js"))?);
    write(
        &dist.join("embed.js"),
        &embed_script.lines().map(|line| format!("{}\n", line.trim_start())).collect::<String>(),
    )?;
    if !shell.contains(APP_ROOT) {
        return Err(format!("index.html has no {APP_ROOT} to prerender into"));
    }
    // For app addresses without a file of their own (`/search?q=…`, `/commitments/MN0050`): the app alone.
    write(&dist.join("shell.html"), &shell)?;
    let mut oembed_links = BTreeMap::new();
    for view in EmbedView::all(report) {
        let file = oembed_file(view);
        let json = serde_json::to_string_pretty(&oembed(site, report, view)).map_err(|e| e.to_string())?;
        write(&dist.join(&file), &json)?;
        let link = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape_xml(&format!("{site}{file}")),
            escape_xml(&view.title(report))
        );
        // The full view announces it too when it has its own path (a chart's full view is an anchor).
        if !view.full_path().contains('#') {
            oembed_links.insert(view.full_path(), link.clone());
        }
        oembed_links.insert(view.path(), link);
    }
    let mut sitemap = Vec::new();
    for path in app_paths(report) {
        let page = prerender::app_page(report, site, &path);
        let card = Card::of(report, &path, &page.title);
        let image_file = link_preview::image_path(&path);
        write_bytes(&dist.join(&image_file), &link_preview::png(&card)?)?;
        let image = Some(Image { url: format!("{site}{image_file}"), alt: card.alt() });
        let head = Head { site, path: &path, oembed: oembed_links.get(&path), kind: Kind::Page, image };
        write(&dist.join(entry_file(&path)), &page_html(&shell, &page, &head))?;
        sitemap.push(head.url());
    }
    for view in EmbedView::all(report) {
        let path = view.path();
        let page = prerender::embed_page(report, site, view);
        let head = Head { site, path: &path, oembed: oembed_links.get(&path), kind: Kind::Embed, image: None };
        write(
            &dist.join(entry_file(&path)),
            &page_html(&shell, &page, &head).replacen("<html lang=\"en\">", "<html lang=\"en\" class=\"embed\">", 1),
        )?;
    }
    let not_found = prerender::app_page(report, site, NOT_FOUND_PATH);
    let head = Head { site, path: NOT_FOUND_PATH, oembed: None, kind: Kind::NotFound, image: None };
    write(&dist.join("404.html"), &page_html(&shell, &not_found, &head))?;
    write(&dist.join("sitemap.xml"), &sitemap_xml(&sitemap))?;
    write(&dist.join("robots.txt"), &format!("User-agent: *\nAllow: /\nSitemap: {site}sitemap.xml\n"))?;
    write_bundles(dist, report)?;
    write_catalogues(dist)?;
    // Hosts match `_headers` patterns against the whole path: under a sub-path they must name it.
    let headers = dist.join("_headers");
    write(&headers, &headers_under(&base, &read(&headers)?))?;
    write_installable(dist, report)?;
    // Last: it names the checksum of every other file.
    write_service_worker(dist, &messages)
}

/// The web app manifest and its icons (`src/web_manifest.rs`, `src/app_icon.rs`).
fn write_installable(dist: &Path, report: &Report) -> Result<(), String> {
    for (file, size, purpose) in app_icon::ICONS {
        write_bytes(&dist.join(file), &app_icon::png(size, purpose)?)?;
    }
    let description = format!("{}, {}", report.title, report.publisher);
    write(&dist.join(WEB_MANIFEST_FILE), &web_manifest(&site_name(), "IRM Mongolia", &description))
}

/// `sw.js` (`src/sw.js`) with every file of `dist` a reader's browser keeps and its checksum.
fn write_service_worker(dist: &Path, messages: &str) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    let edition = Edition::of(files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())))?;
    write(&dist.join(SERVICE_WORKER_FILE), &edition.service_worker(&without_comment_lines(SERVICE_WORKER), messages)?)
}

fn collect_files(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
        if path.is_dir() {
            collect_files(root, &path, files)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            files.push((name, fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?));
        }
    }
    Ok(())
}

/// The catalogues' `offline.*` texts, for the two scripts.
fn offline_messages() -> Result<String, String> {
    let mut catalogues = Vec::new();
    for (language, json) in CATALOGUES {
        let messages: BTreeMap<String, String> =
            serde_json::from_str(json).map_err(|e| format!("locales/{language}.json: {e}"))?;
        catalogues.push((language, messages));
    }
    Ok(offline::messages(catalogues.iter().map(|(language, messages)| (*language, messages))))
}

const SERVICE_WORKER: &str = include_str!("../sw.js");
const OFFLINE_SCRIPT: &str = include_str!("../offline.js");
const OFFLINE_STYLE: &str = include_str!("../../style/offline.css");

/// The container the app renders into (`index.html`), filled with the prerendered page.
const APP_ROOT: &str = "<div id=\"app\"></div>";
/// What `404.html` is rendered as (the not-found page says no more than that the address leads nowhere).
const NOT_FOUND_PATH: &str = "/404.html";

/// Every address with a page of its own: the report, the scorecard, each commitment and source, data, search.
fn app_paths(report: &Report) -> Vec<String> {
    let mut paths = vec!["/".to_string(), "/commitments".to_string()];
    paths.extend(report.commitments.iter().map(|c| routes::commitment(c.number)));
    paths.push("/sources".to_string());
    paths.extend(report.footnotes.iter().map(|f| routes::source(f.number)));
    paths.extend(["/data".to_string(), "/search".to_string()]);
    paths
}

/// `/` → `index.html`, `/commitments/3` → `commitments/3/index.html`.
fn entry_file(path: &str) -> PathBuf {
    Path::new(path.trim_start_matches('/')).join("index.html")
}

/// The path part of the site's address: `https://example.org/mongolia/` → `/mongolia/`.
fn site_path(site: &str) -> String {
    let after_scheme = site.split_once("://").map_or(site, |(_, rest)| rest);
    after_scheme.find('/').map_or("/".to_string(), |slash| after_scheme[slash..].to_string())
}

/// What a page's `<head>` says about it to search engines, chat apps and oEmbed consumers.
struct Head<'a> {
    site: &'a str,
    path: &'a str,
    oembed: Option<&'a String>,
    kind: Kind,
    /// The page's link-preview image.
    image: Option<Image>,
}

struct Image {
    url: String,
    alt: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page,
    /// Not for search engines.
    Embed,
    /// Not for search engines either, and served at any address that leads nowhere: it names no address
    /// of its own (no canonical link, no og:url).
    NotFound,
}

impl Head<'_> {
    fn url(&self) -> String {
        format!("{}{}", self.site, self.path.trim_start_matches('/'))
    }
}

/// The shell with the page's title, description, canonical address, OpenGraph and Twitter card tags,
/// and its prerendered content in the app's container. Every value is escaped.
fn page_html(shell: &str, page: &prerender::Page, head: &Head) -> String {
    let (title, description, url) = (escape_xml(&page.title), escape_xml(&page.description), escape_xml(&head.url()));
    let address = |tag: String| (head.kind != Kind::NotFound).then_some(tag);
    let mut tags: Vec<String> = [
        Some(format!("<meta name=\"description\" content=\"{description}\">")),
        address(format!("<link rel=\"canonical\" href=\"{url}\">")),
        Some("<meta property=\"og:type\" content=\"website\">".to_string()),
        Some(format!("<meta property=\"og:site_name\" content=\"{}\">", escape_xml(&site_name()))),
        Some(format!("<meta property=\"og:title\" content=\"{title}\">")),
        Some(format!("<meta property=\"og:description\" content=\"{description}\">")),
        address(format!("<meta property=\"og:url\" content=\"{url}\">")),
        Some("<meta property=\"og:locale\" content=\"en\">".to_string()),
        Some(format!(
            "<meta name=\"twitter:card\" content=\"{}\">",
            if head.image.is_some() { "summary_large_image" } else { "summary" }
        )),
        Some(format!("<meta name=\"twitter:title\" content=\"{title}\">")),
        Some(format!("<meta name=\"twitter:description\" content=\"{description}\">")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(image) = &head.image {
        let (url, alt) = (escape_xml(&image.url), escape_xml(&image.alt));
        tags.extend([
            format!("<meta property=\"og:image\" content=\"{url}\">"),
            "<meta property=\"og:image:type\" content=\"image/png\">".to_string(),
            format!("<meta property=\"og:image:width\" content=\"{}\">", link_preview::WIDTH),
            format!("<meta property=\"og:image:height\" content=\"{}\">", link_preview::HEIGHT),
            format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
            format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
        ]);
    }
    if head.kind != Kind::Page {
        tags.push("<meta name=\"robots\" content=\"noindex\">".to_string());
    }
    tags.extend(head.oembed.cloned());
    let head_tags: String = tags.iter().map(|tag| format!("  {tag}\n")).collect();
    let with_title = match (shell.find("<title>"), shell.find("</title>")) {
        (Some(open), Some(close)) => {
            format!("{}<title>{title}</title>{}", &shell[..open], &shell[close + "</title>".len()..])
        }
        _ => shell.to_string(),
    };
    with_title.replacen("</head>", &format!("{head_tags}</head>"), 1).replacen(
        APP_ROOT,
        &format!("<div id=\"app\">{}</div>", page.body),
        1,
    )
}

fn site_name() -> String {
    format!("{} (interactive edition)", embedded::report().title)
}

fn sitemap_xml(urls: &[String]) -> String {
    let entries: String = urls.iter().map(|url| format!("  <url><loc>{}</loc></url>\n", escape_xml(url))).collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{entries}</urlset>\n")
}

/// The embedded bundle as a file too (for reuse and as the manifest's first entry), and the manifest.
fn write_bundles(dist: &Path, report: &Report) -> Result<(), String> {
    let manifest = Manifest::of(report);
    write(&dist.join(embedded_bundle_path(report)), EMBEDDED_BUNDLE)?;
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

/// Static first: Trunk's inline module script (the app's loader) moves into `start-<hash>.js`, which
/// nothing fetches before the first paint: Trunk's preloads of the glue and the wasm are removed, and
/// `boot-<hash>.js` (`src/boot.js`, an async classic script in `<head>`) imports the loader when the browser is
/// idle or the reader shows intent. Adds the CSP meta tag, so that no inline script needs allowing.
fn harden(shell: &str, dist: &Path, messages: &str) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let start = shell.find(OPEN).ok_or("index.html has no inline module script (Trunk's loader)")?;
    let body = start + OPEN.len();
    let end = body + shell[body..].find(CLOSE).ok_or("index.html: the loader script is not closed")?;
    let loader = &shell[body..end];
    // Relative: resolved against <base href>, like every asset under a sub-path.
    let start_file = hashed_name("start", loader);
    write(&dist.join(&start_file), loader)?;
    let boot = without_comment_lines(BOOT_SCRIPT);
    let boot_file = hashed_name("boot", &boot);
    write(&dist.join(&boot_file), &boot)?;
    // Offline reading's module and its style sheet (minified with Trunk's, `minify_style_sheets`), one
    // name: the module links `offline-<hash>.css`.
    let offline = without_comment_lines(&offline::offline_script(OFFLINE_SCRIPT, messages)?);
    let offline_file = hashed_name("offline", &format!("{offline}{OFFLINE_STYLE}"));
    write(&dist.join(&offline_file), &offline)?;
    write(&dist.join(offline_file.replace(".js", ".css")), OFFLINE_STYLE)?;
    let html = without_preloads(&format!("{}{}", &shell[..start], &shell[end + CLOSE.len()..]));
    let boot = format!(
        "<script async src=\"{boot_file}\" data-start=\"{start_file}\" data-offline=\"{offline_file}\"></script>\n</head>"
    );
    if !html.contains("</head>") {
        return Err("index.html has no </head>".to_string());
    }
    let html = html.replacen("</head>", &boot, 1);
    let meta = format!("<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">");
    if !html.contains("<meta charset=\"utf-8\">") {
        return Err("index.html has no <meta charset=\"utf-8\"> to put the policy after".to_string());
    }
    Ok(html.replacen("<meta charset=\"utf-8\">", &meta, 1))
}

/// Every style sheet at the top of the site (Trunk's and offline reading's), without comments and spare
/// spaces (`irm_report::minify::css`): its name stays, the HTML and the module name it already.
fn minify_style_sheets(dist: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
        if path.extension().is_some_and(|ext| ext == "css") {
            write(&path, &minify::css(&read(&path)?))?;
        }
    }
    Ok(())
}

/// The start policy (see `src/boot.js`).
const BOOT_SCRIPT: &str = include_str!("../boot.js");

/// The script without its comment lines: it is fetched before the first paint, its comments are for us.
/// (Only whole lines: `src/boot.js` keeps every other comment at the end of a line of code.)
fn without_comment_lines(script: &str) -> String {
    let comment = |line: &str| {
        let line = line.trim_start();
        line.starts_with("//")
            || line.starts_with("/*")
            || line.starts_with("* ")
            || line == "*"
            || line.starts_with("*/")
    };
    script.lines().filter(|line| !comment(line)).map(|line| format!("{line}\n")).collect()
}

/// `start-0123456789abcdef.js`: a name that changes with the content, so hosts may cache it for long.
fn hashed_name(stem: &str, content: &str) -> String {
    format!("{stem}-{:016x}.js", fnv1a(content.as_bytes()))
}

/// `html` without `<link rel="preload">` and `<link rel="modulepreload">` tags (Trunk's, for the wasm and
/// its glue): they would be fetched at high priority, competing with the page the reader came for.
fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<link ") {
        let Some(close) = rest[open..].find('>').map(|i| open + i + 1) else { break };
        let tag = &rest[open..close];
        let preload = tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"");
        out.push_str(&rest[..if preload { open } else { close }]);
        rest = &rest[close..];
        if preload {
            // The line it stood on goes with it.
            rest = rest.strip_prefix('\n').unwrap_or(rest);
            out.truncate(out.trim_end_matches([' ', '\t']).len());
        }
    }
    out.push_str(rest);
    out
}

/// A stable 64-bit FNV-1a hash, for cache-busting file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    write_bytes(path, contents.as_bytes())
}

fn write_bytes(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
