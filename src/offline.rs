//! Offline reading (README, "Offline reading"): which files of a build a reader's browser keeps, and
//! the service worker (`sw.js`) that keeps them, written with the build's list of files. Plain Rust,
//! native only: the build (`site-files`) writes it.

use std::collections::BTreeMap;

use serde_json::json;
use sha2::{Digest, Sha256};

/// The service worker's file, at the base path: its scope is the whole edition.
pub const SERVICE_WORKER_FILE: &str = "sw.js";
/// The most one edition may keep on a reader's device: the build refuses a larger offline set, and the
/// service worker saves nothing in the background when the device has less room than twice this.
pub const MAX_EDITION_BYTES: u64 = 16 * 1024 * 1024;
/// Where `site-files` puts the list of files in `src/sw.js`.
const EDITION_MARK: &str = "EDITION_MANIFEST";
/// Where it puts the messages, in `src/sw.js` and `src/offline.js`.
const MESSAGES_MARK: &str = "OFFLINE_MESSAGES";

/// Whether a file of the built site is kept for offline reading: everything a reader's browser fetches.
/// Not the service worker itself, the hosts' `_headers`, the link-preview images (`og/`, 1.1 MB that
/// only chat apps fetch), the oEmbed documents, the sitemap and robots.txt (for crawlers and servers),
/// nor `embed.js` (it runs on partner pages, which the service worker does not serve).
pub fn kept_offline(path: &str) -> bool {
    const NOT: [&str; 5] = [SERVICE_WORKER_FILE, "_headers", "sitemap.xml", "robots.txt", "embed.js"];
    !(NOT.contains(&path) || path.starts_with("og/") || path.starts_with("oembed/"))
}

/// One build's offline set: every kept file with its SHA-256 and size. The service worker stores an
/// answer only when its bytes are exactly these, so a failed, cut-off or other build's answer is never kept.
#[derive(Debug)]
pub struct Edition {
    files: BTreeMap<String, (String, u64)>,
}

impl Edition {
    /// `files`: every file of the built site, path relative to its root with `/` separators.
    pub fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Result<Edition, String> {
        let files: BTreeMap<String, (String, u64)> = files
            .into_iter()
            .filter(|(path, _)| kept_offline(path))
            .map(|(path, bytes)| (path.to_string(), (hex(&Sha256::digest(bytes)), bytes.len() as u64)))
            .collect();
        let edition = Edition { files };
        for needed in ["index.html", "shell.html", "404.html"] {
            if !edition.files.contains_key(needed) {
                return Err(format!("the offline set has no {needed}"));
            }
        }
        if edition.bytes() > MAX_EDITION_BYTES {
            return Err(format!(
                "the offline set is {} bytes, more than the {MAX_EDITION_BYTES} a reader's device is asked to keep",
                edition.bytes()
            ));
        }
        Ok(edition)
    }

    pub fn bytes(&self) -> u64 {
        self.files.values().map(|(_, size)| size).sum()
    }

    /// Names the build: any changed, added or removed file changes it.
    pub fn build_id(&self) -> String {
        let mut hash = Sha256::new();
        for (path, (sha, _)) in &self.files {
            hash.update(format!("{path} {sha}\n"));
        }
        hex(&hash.finalize())[..16].to_string()
    }

    /// What the app needs to show any address by itself: the shell and the scripts, style sheets and wasm
    /// at the root. With these kept, an address without a page of its own opens offline too.
    fn app_files(&self) -> Vec<&str> {
        let app = |path: &str| !path.contains('/') && [".js", ".wasm", ".css"].iter().any(|ext| path.ends_with(ext));
        self.files.keys().map(String::as_str).filter(|path| *path == "shell.html" || app(path)).collect()
    }

    /// The service worker: `template` (`src/sw.js`) with this edition's files and the messages.
    pub fn service_worker(&self, template: &str, messages: &str) -> Result<String, String> {
        let files: BTreeMap<&str, serde_json::Value> =
            self.files.iter().map(|(path, (sha, size))| (path.as_str(), json!([sha, size]))).collect();
        let edition = json!({
            "build": self.build_id(),
            "bytes": self.bytes(),
            "max_bytes": MAX_EDITION_BYTES,
            "app": self.app_files(),
            "files": files,
        });
        fill(&fill(template, EDITION_MARK, &edition.to_string())?, MESSAGES_MARK, messages)
    }
}

/// The page's side (`src/offline.js`) with the messages.
pub fn offline_script(template: &str, messages: &str) -> Result<String, String> {
    fill(template, MESSAGES_MARK, messages)
}

/// The `offline.*` messages of each catalogue, `{"en": {"state_saved": …}, "mn": {…}}`, for the scripts.
pub fn messages<'a>(catalogues: impl IntoIterator<Item = (&'a str, &'a BTreeMap<String, String>)>) -> String {
    let by_language: BTreeMap<&str, BTreeMap<&str, &str>> = catalogues
        .into_iter()
        .map(|(language, messages)| {
            let offline = messages
                .iter()
                .filter_map(|(key, text)| Some((key.strip_prefix("offline.")?, text.as_str())))
                .collect();
            (language, offline)
        })
        .collect();
    serde_json::to_string(&by_language).unwrap_or_default()
}

/// `template` with its one `mark` replaced by `value` (a JSON literal).
fn fill(template: &str, mark: &str, value: &str) -> Result<String, String> {
    match template.matches(mark).count() {
        1 => Ok(template.replacen(mark, value, 1)),
        n => Err(format!("the script template names {mark} {n} times, not once")),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(extra: &[(&'static str, &'static [u8])]) -> Vec<(&'static str, &'static [u8])> {
        let mut files: Vec<(&str, &[u8])> = vec![
            ("index.html", b"<p>report</p>"),
            ("shell.html", b"<div id=app></div>"),
            ("404.html", b"not found"),
            ("irm-report-1_bg.wasm", b"\0asm"),
            ("commitments/3/index.html", b"<p>3</p>"),
            ("og/commitments-3.png", b"png"),
            ("oembed/scorecard.json", b"{}"),
            ("sw.js", b"old"),
            ("_headers", b"/*"),
            ("embed.js", b"js"),
        ];
        files.extend_from_slice(extra);
        files
    }

    #[test]
    fn keeps_what_readers_fetch_and_not_what_only_servers_and_partners_do() {
        let edition = Edition::of(site(&[])).unwrap();
        let kept: Vec<&str> = edition.files.keys().map(String::as_str).collect();
        assert_eq!(kept, ["404.html", "commitments/3/index.html", "index.html", "irm-report-1_bg.wasm", "shell.html"]);
        assert_eq!(edition.app_files(), ["irm-report-1_bg.wasm", "shell.html"]);
        // SHA-256 of "not found", as `sha256sum` prints it.
        assert_eq!(
            edition.files["404.html"],
            ("907ba78b4545338d3539683e63ecb51cf51c10adc9dabd86e92bd52339f298b9".to_string(), 9)
        );
    }

    #[test]
    fn any_change_of_a_kept_file_is_another_build_and_a_change_elsewhere_is_not() {
        let build = |extra| Edition::of(site(extra)).unwrap().build_id();
        let first = build(&[]);
        assert_eq!(first.len(), 16);
        assert_eq!(first, build(&[]));
        assert_ne!(first, build(&[("locales/mn.json", b"{}")]));
        assert_eq!(first, build(&[("og/index.png", b"png")]));
    }

    #[test]
    fn refuses_a_set_without_its_fallbacks_or_too_large_to_keep() {
        let missing = Edition::of([("index.html", b"x".as_slice())]).unwrap_err();
        assert!(missing.contains("shell.html"), "{missing}");
        let big = vec![0; MAX_EDITION_BYTES as usize + 1];
        let too_large = Edition::of(site(&[]).into_iter().chain([("big.wasm", big.as_slice())])).unwrap_err();
        assert!(too_large.contains("more than the"), "{too_large}");
    }

    #[test]
    fn the_service_worker_carries_the_build_and_each_file_once() {
        let edition = Edition::of(site(&[])).unwrap();
        let worker = edition
            .service_worker("const EDITION = EDITION_MANIFEST;\nconst MESSAGES = OFFLINE_MESSAGES;", "{}")
            .unwrap();
        let json = worker.strip_prefix("const EDITION = ").unwrap().split(";\n").next().unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["build"], edition.build_id());
        assert_eq!(value["files"]["index.html"][1], 13);
        assert_eq!(value["bytes"], edition.bytes());
        assert!(worker.ends_with("const MESSAGES = {};"));
        assert!(edition.service_worker("no marks", "{}").unwrap_err().contains("0 times"));
    }

    #[test]
    fn the_scripts_get_only_the_offline_messages() {
        let en = BTreeMap::from([
            ("offline.reload".to_string(), "Reload".to_string()),
            ("nav.data".to_string(), "Data".to_string()),
        ]);
        let mn = BTreeMap::from([("offline.reload".to_string(), "Дахин ачаалах".to_string())]);
        assert_eq!(
            messages([("en", &en), ("mn", &mn)]),
            r#"{"en":{"reload":"Reload"},"mn":{"reload":"Дахин ачаалах"}}"#
        );
    }
}
