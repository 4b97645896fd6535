//! The search box in the site header: results as you type (debounced, the query in the URL), `/` or `s`
//! focuses it from anywhere (as in mdBook), Escape clears it. Without the app it is a plain GET form.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, Msg};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::routes;
use crate::search::clip_query;

/// The box's id: the page frame leaves focus in it when a route change comes from typing.
pub const SEARCH_INPUT_ID: &str = "site-search-q";
/// Wait after the last keystroke before searching.
const DEBOUNCE_MS: u64 = 150;

#[component]
pub fn SearchBox() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let input = NodeRef::<html::Input>::new();
    let on_search_page = move || routes::in_app(&location.pathname.get_untracked()) == "/search";
    // On /search the box shows the URL's query (after a reload, back or forward).
    Effect::new(move |_| {
        let path = location.pathname.get();
        let query = clip_query(&location.query.read().get("q").unwrap_or_default());
        if routes::in_app(&path) == "/search" {
            if let Some(input) = input.get() {
                if input.value() != query {
                    input.set_value(&query);
                }
            }
        }
    });
    let search = Callback::new(move |query: String| {
        // Typing on /search replaces the entry: Back leaves the search, not each keystroke.
        let options = NavigateOptions { replace: on_search_page(), ..Default::default() };
        // The router puts its base in front of the path itself.
        navigate(&routes::search(query.trim()), options);
    });
    let typed = StoredValue::new(0_u32);
    let on_input = move |_| {
        let generation = typed.get_value().wrapping_add(1);
        typed.set_value(generation);
        set_timeout(
            move || {
                if typed.get_value() == generation {
                    if let Some(input) = input.get_untracked() {
                        search.run(input.value());
                    }
                }
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        typed.update_value(|n| *n = n.wrapping_add(1));
        if let Some(input) = input.get_untracked() {
            search.run(input.value());
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" {
            if let Some(input) = input.get_untracked() {
                if !input.value().is_empty() {
                    event.prevent_default();
                    input.set_value("");
                    typed.update_value(|n| *n = n.wrapping_add(1));
                    if on_search_page() {
                        search.run(String::new());
                    }
                }
            }
        }
    };
    let shortcut = window_event_listener(ev::keydown, move |event| {
        let key = event.key();
        if (key == "/" || key == "s")
            && !event.ctrl_key()
            && !event.meta_key()
            && !event.alt_key()
            && !typing_in(&event)
        {
            if let Some(input) = input.get_untracked() {
                event.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <form role="search" class="site-search" action=routes::href("/search") method="get" on:submit=on_submit>
            <label for=SEARCH_INPUT_ID class="visually-hidden">
                {t(Msg::SearchLabel)}
            </label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input
                type="search"
                name="q"
                placeholder=t(Msg::SearchPlaceholder)
                aria-keyshortcuts="/ s"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                on:input=on_input
                on:keydown=on_keydown
            />
            <button type="submit">{t(Msg::SearchButton)}</button>
        </form>
    }
}

/// Whether a key press goes into a field that takes text (where `/` and `s` are text, not shortcuts).
pub fn typing_in(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            target.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "reset")
        ),
        _ => target.is_content_editable(),
    }
}
