//! The interface language: `?lang=`, else the saved choice, else the browser's languages (chosen once at
//! start, see `boot::start`); a choice is saved for the next visit.

use leptos::prelude::*;

use crate::browser::location::query_value;
use crate::browser::storage;
use crate::i18n;

const STORAGE_KEY: &str = "irm-report-language";

/// The language to start in, for a page whose query string is `search`.
pub fn initial_language(search: &str) -> &'static str {
    language_from(search, storage::load(STORAGE_KEY))
}

/// An embed's language: `?lang=`, else the browser's, never the reader's saved choice, which the page
/// framing the embed could otherwise read from the heights the embed reports.
pub fn embed_language(search: &str) -> &'static str {
    language_from(search, None)
}

fn language_from(search: &str, saved: Option<String>) -> &'static str {
    let query = query_value(search, "lang");
    let browser: Vec<String> =
        window().navigator().languages().iter().filter_map(|language| language.as_string()).collect();
    i18n::choose_language(query.as_deref(), saved.as_deref(), browser.iter().map(String::as_str))
}

/// `<html lang>` follows the interface; report text carries its own `lang`.
pub fn set_document_language(language: &str) {
    if cfg!(feature = "ssr") {
        return; // Prerendered pages say `lang` in the file.
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", language);
    }
}

/// Remembers the reader's choice (where storage is allowed).
pub fn save_language(language: &str) {
    storage::save(STORAGE_KEY, Some(language));
}
