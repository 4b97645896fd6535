//! Fetching report bundles (and catalogues) with gloo-net: same origin only, size-capped, validated by
//! the same code as the embedded bundle before anything is shown. The rules live in `crate::bundles`.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo_net::http::Request;
use leptos::prelude::document;
use web_sys::RequestMode;

use crate::bundles::{
    check_bundle_id, check_requested_id, check_size, parse_manifest, FetchError, Manifest, MANIFEST_PATH, MAX_BUNDLE_BYTES,
    MAX_MANIFEST_BYTES,
};
use crate::report::{load, Report, EMBEDDED_BUNDLE};

thread_local! {
    /// Fetched reports live as long as the page (views borrow them for `'static`); each is kept once.
    static REPORTS: RefCell<HashMap<String, Fetched>> = RefCell::new(HashMap::new());
}

#[derive(Clone, Copy)]
struct Fetched {
    report: &'static Report,
    json: &'static str,
}

/// The JSON a report was read from: the compiled-in bundle, or the fetched file.
pub fn bundle_json(report: &Report) -> &'static str {
    let fetched = REPORTS.with(|reports| reports.borrow().values().find(|f| std::ptr::eq(f.report, report)).copied());
    fetched.map_or(EMBEDDED_BUNDLE, |fetched| fetched.json)
}

/// The app's base address (`<base href>`), against which bundle paths resolve.
fn base_url() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// `relative` resolved against `base`, refused if it would leave `base`'s origin.
pub fn same_origin_url(relative: &str, base: &str) -> Result<String, FetchError> {
    let not_same_origin = || FetchError::NotSameOrigin { url: relative.to_string() };
    let base = web_sys::Url::new(base).map_err(|_| not_same_origin())?;
    let url = web_sys::Url::new_with_base(relative, &base.href()).map_err(|_| not_same_origin())?;
    if url.origin() == base.origin() {
        Ok(url.href())
    } else {
        Err(FetchError::NotSameOrigin { url: url.href() })
    }
}

/// The body of `url` as text, if it answers 2xx within `limit` bytes.
pub async fn fetch_text(url: &str, limit: usize) -> Result<String, FetchError> {
    let network = |detail: String| FetchError::Network { url: url.to_string(), detail };
    // A sandboxed embed has an opaque origin: its requests to its own site are CORS requests. The
    // address was checked against the base's origin either way (`same_origin_url`).
    let sandboxed = leptos::prelude::window().origin() == "null";
    let mode = if sandboxed { RequestMode::Cors } else { RequestMode::SameOrigin };
    let response = Request::get(url).mode(mode).send().await.map_err(|e| network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Http { url: url.to_string(), status: response.status() });
    }
    // Refuse early when the server declares the size; count again after reading when it does not.
    if let Some(declared) = response.headers().get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        check_size(url, declared, limit)?;
    }
    let text = response.text().await.map_err(|e| network(e.to_string()))?;
    check_size(url, text.len(), limit)?;
    Ok(text)
}

/// The manifest beside the app and its address.
pub async fn fetch_manifest() -> Result<(Manifest, String), FetchError> {
    let url = same_origin_url(MANIFEST_PATH, &base_url())?;
    let text = fetch_text(&url, MAX_MANIFEST_BYTES).await?;
    let manifest = parse_manifest(&text).map_err(|problems| FetchError::Invalid { url: url.clone(), problems })?;
    Ok((manifest, url))
}

/// The report the manifest lists as `id`, fetched and validated (once per page).
pub async fn fetch_report(id: &str) -> Result<&'static Report, FetchError> {
    check_requested_id(id)?;
    if let Some(fetched) = REPORTS.with(|reports| reports.borrow().get(id).copied()) {
        return Ok(fetched.report);
    }
    let (manifest, manifest_url) = fetch_manifest().await?;
    let entry = manifest.entry(id).ok_or(FetchError::NotListed)?;
    let url = same_origin_url(&entry.path, &manifest_url)?;
    let text = fetch_text(&url, MAX_BUNDLE_BYTES).await?;
    let report = load(&text).map_err(|error| FetchError::invalid_bundle(&url, error))?;
    check_bundle_id(&url, id, &report.id)?;
    let fetched = Fetched { report: Box::leak(Box::new(report)), json: text.leak() };
    REPORTS.with(|reports| reports.borrow_mut().insert(id.to_string(), fetched));
    Ok(fetched.report)
}

/// The catalogue of `language`, fetched from `locales/` beside the app and checked against the English one.
pub async fn fetch_catalogue(language: &str) -> Result<crate::i18n::Catalogue, FetchError> {
    let url = same_origin_url(&crate::i18n::catalogue_path(language), &base_url())?;
    let text = fetch_text(&url, MAX_BUNDLE_BYTES).await?;
    crate::labels::parse_catalogue(language, &text).map_err(|problems| FetchError::Invalid { url, problems })
}
