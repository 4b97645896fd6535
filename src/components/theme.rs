//! The theme switch: system, light or dark, applied at once and remembered.

use leptos::prelude::*;

use crate::browser::theme::{apply_theme, save_theme, saved_theme, Theme};
use crate::i18n::{t, Msg};

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(Theme::System);
    Effect::new(move |_| theme.set(saved_theme()));
    let on_change = move |ev| {
        let chosen = Theme::from_id(&event_target_value(&ev)).unwrap_or(Theme::System);
        theme.set(chosen);
        apply_theme(chosen);
        save_theme(chosen);
    };
    view! {
        <label class="theme-switch">
            {t(Msg::ThemeLabel)} " " <select on:change=on_change prop:value=move || theme.get().id()>
                {Theme::ALL.map(|t| view! { <option value=t.id()>{t.label()}</option> })}
            </select>
        </label>
    }
}
