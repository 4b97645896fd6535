//! Fetching report bundles (and catalogues): read by `browser::http` (same origin, deadline, byte cap),
//! validated by the same code as the embedded bundle before anything is shown. The rules live in
//! `crate::bundles`.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::document;

use crate::browser::http::{fetch_text, same_origin_url};
use crate::bundles::{
    check_bundle_id, check_requested_id, embedded_bundle_path, parse_manifest, FetchError, Manifest, MANIFEST_PATH,
    MAX_BUNDLE_BYTES, MAX_MANIFEST_BYTES,
};
use crate::report::{load, Report};

thread_local! {
    /// Fetched reports live as long as the page (views borrow them for `'static`); each is kept once.
    static REPORTS: RefCell<HashMap<String, Fetched>> = RefCell::new(HashMap::new());
}

#[derive(Clone)]
struct Fetched {
    report: &'static Report,
    url: String,
}

/// Where the JSON a report was read from is: the fetched file's address, or, for the compiled-in report,
/// its copy beside the app (relative to `<base href>`).
pub fn bundle_href(report: &Report) -> String {
    let fetched = REPORTS.with(|reports| reports.borrow().values().find(|f| std::ptr::eq(f.report, report)).cloned());
    fetched.map_or_else(|| embedded_bundle_path(report), |fetched| fetched.url)
}

/// The text of the file `bundle_href` names, fetched (the service worker answers it offline).
pub async fn fetch_bundle_text(report: &Report) -> Result<String, FetchError> {
    fetch_text(&same_origin_url(&bundle_href(report), &base_url())?, MAX_BUNDLE_BYTES).await
}

/// The app's base address (`<base href>`), against which bundle paths resolve.
fn base_url() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
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
    if let Some(report) = REPORTS.with(|reports| reports.borrow().get(id).map(|fetched| fetched.report)) {
        return Ok(report);
    }
    let (manifest, manifest_url) = fetch_manifest().await?;
    let entry = manifest.entry(id).ok_or(FetchError::NotListed)?;
    let url = same_origin_url(&entry.path, &manifest_url)?;
    let text = fetch_text(&url, MAX_BUNDLE_BYTES).await?;
    let report = load(&text).map_err(|error| FetchError::invalid_bundle(&url, error))?;
    check_bundle_id(&url, id, &report.id)?;
    let report: &'static Report = Box::leak(Box::new(report));
    REPORTS.with(|reports| reports.borrow_mut().insert(id.to_string(), Fetched { report, url }));
    Ok(report)
}

/// The catalogue of `language`, fetched from `locales/` beside the app and checked against the English one.
pub async fn fetch_catalogue(language: &str) -> Result<crate::i18n::Catalogue, FetchError> {
    let url = same_origin_url(&crate::i18n::catalogue_path(language), &base_url())?;
    let text = fetch_text(&url, MAX_BUNDLE_BYTES).await?;
    crate::labels::parse_catalogue(language, &text).map_err(|problems| FetchError::Invalid { url, problems })
}
