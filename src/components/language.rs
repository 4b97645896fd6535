//! The interface language: `?lang=`, else the saved choice, else the browser's languages (chosen once at
//! start, see `app::start`). Switching saves the choice and reloads with `?lang=`, so the address shows it.

use leptos::prelude::*;

use crate::components::storage;
use crate::i18n::{self, t, Msg, LANGUAGES};

const STORAGE_KEY: &str = "irm-report-language";

/// The language to start in, for a page whose query string is `search`.
pub fn initial_language(search: &str) -> &'static str {
    let query = crate::app::query_value(search, "lang");
    let saved = storage::load(STORAGE_KEY);
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

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let on_change = move |ev| {
        let chosen = event_target_value(&ev);
        storage::save(STORAGE_KEY, Some(&chosen));
        let location = window().location();
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default()) {
            params.set("lang", &chosen);
            let _ = location.set_search(&String::from(params.to_string()));
        }
    };
    view! {
        <label class="language-switch">
            {t(Msg::LanguageLabel)} " "
            <select on:change=on_change prop:value=i18n::language()>
                {LANGUAGES.map(|(code, name)| view! { <option value=code lang=code>{name}</option> })}
            </select>
        </label>
    }
}
