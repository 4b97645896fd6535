//! "Keyboard shortcuts": a button in the footer and the `?` key open a modal dialog listing the keys the
//! edition answers. The native modal `<dialog>` keeps focus inside and closes on Escape; focus returns to
//! where it was. `boot.js` keeps a `?` pressed before the app runs and presses this button for it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::search_box::typing_in;
use crate::i18n::{t, Msg};

/// The keys, each with what it does (the app's own handlers: search_box, footnote_ref, boot.js's menu).
const SHORTCUTS: [(&[&str], Msg); 5] = [
    (&["/", "s"], Msg::KeysSearch),
    (&["?"], Msg::KeysHelp),
    (&["Esc"], Msg::KeysEscape),
    (&["Tab"], Msg::KeysTab),
    (&["Enter"], Msg::KeysEnter),
];

#[component]
pub fn KeyboardHelp() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // Where focus was when the dialog opened (the button, or wherever `?` was pressed).
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // Built when it first opens, not with every page.
    let built = RwSignal::new(false);
    let open = move || {
        let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        opener.set_value(focused);
        built.set(true);
        // Its contents render in a microtask: open it on the next frame.
        request_animation_frame(move || {
            if let Some(dialog) = dialog.get_untracked() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        });
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "?" && !event.ctrl_key() && !event.meta_key() && !event.alt_key() && !typing_in(&event) {
            event.prevent_default();
            open();
        }
    });
    on_cleanup(move || on_key.remove());
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let on_close = move |_| {
        if let Some(element) = opener.get_value().filter(|e| e.is_connected()) {
            let _ = element.focus();
        }
    };
    view! {
        <button type="button" class="keys-button" aria-haspopup="dialog" aria-keyshortcuts="?" on:click=move |_| open()>
            {t(Msg::KeysButton)}
        </button>
        <dialog node_ref=dialog class="dialog keys-dialog" aria-labelledby="keys-heading" on:close=on_close>
            {move || {
                built
                    .get()
                    .then(|| {
                        view! {
                            <h2 id="keys-heading">{t(Msg::KeysTitle)}</h2>
                            <dl class="keys">
                                {SHORTCUTS
                                    .map(|(keys, what)| {
                                        view! {
                                            <dt>
                                                {keys
                                                    .iter()
                                                    .enumerate()
                                                    .map(|(i, key)| {
                                                        view! {
                                                            {(i > 0).then(|| format!(" {} ", t(Msg::KeysOr)))}
                                                            <kbd>{*key}</kbd>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </dt>
                                            <dd>{t(what)}</dd>
                                        }
                                    })}
                            </dl>
                            <p>
                                <button type="button" class="close" on:click=close>
                                    {t(Msg::Close)}
                                </button>
                            </p>
                        }
                    })
            }}
        </dialog>
    }
}
