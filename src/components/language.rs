//! The language switch: saves the choice and reloads with `?lang=`, so that the address shows it.

use leptos::prelude::*;

use crate::browser::language::save_language;
use crate::i18n::{self, t, Msg, LANGUAGES};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let on_change = move |ev| {
        let chosen = event_target_value(&ev);
        save_language(&chosen);
        let location = window().location();
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default()) {
            params.set("lang", &chosen);
            let _ = location.set_search(&String::from(params.to_string()));
        }
    };
    view! {
        <label class="language-switch">
            {t(Msg::LanguageLabel)} " " <select on:change=on_change prop:value=i18n::language()>
                {LANGUAGES
                    .map(|(code, name)| {
                        view! {
                            <option value=code lang=code>
                                {name}
                            </option>
                        }
                    })}
            </select>
        </label>
    }
}
