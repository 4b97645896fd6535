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
    let list = NodeRef::<html::Dl>::new();
    // Where focus was when the dialog opened (the button, or wherever `?` was pressed).
    let opener = std::rc::Rc::new(std::cell::RefCell::new(None::<web_sys::HtmlElement>));
    let opened_from = opener.clone();
    let open = move || {
        let (Some(dialog), Some(list)) = (dialog.get_untracked(), list.get_untracked()) else { return };
        if dialog.open() {
            return;
        }
        if list.child_element_count() == 0 {
            fill(&list);
        }
        *opener.borrow_mut() = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let _ = dialog.show_modal();
    };
    let on_question_mark = open.clone();
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "?" && !event.ctrl_key() && !event.meta_key() && !event.alt_key() && !typing_in(&event) {
            event.prevent_default();
            on_question_mark();
        }
    });
    on_cleanup(move || on_key.remove());
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let on_close = move |_| {
        if let Some(element) = opened_from.borrow_mut().take().filter(|e| e.is_connected()) {
            let _ = element.focus();
        }
    };
    view! {
        <button type="button" class="keys-button" aria-haspopup="dialog" aria-keyshortcuts="?" on:click=move |_| open()>
            {t(Msg::KeysButton)}
        </button>
        <dialog node_ref=dialog class="keys-dialog" aria-labelledby="keys-heading" on:close=on_close>
            <h2 id="keys-heading">{t(Msg::KeysTitle)}</h2>
            <dl class="keys" node_ref=list></dl>
            <p>
                <button type="button" class="close" on:click=close>
                    {t(Msg::Close)}
                </button>
            </p>
        </dialog>
    }
}

/// The list, written when the dialog first opens: plain elements and text (no markup is parsed), which
/// costs the wasm far less than a view of its own.
fn fill(list: &web_sys::HtmlElement) {
    let element = |tag: &str, text: &str| {
        let element = document().create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    for (keys, what) in SHORTCUTS {
        let (Some(term), Some(meaning)) = (element("dt", ""), element("dd", t(what))) else { return };
        for (i, key) in keys.iter().enumerate() {
            if i > 0 {
                let _ = term.append_with_str_1(&format!(" {} ", t(Msg::KeysOr)));
            }
            if let Some(key) = element("kbd", key) {
                let _ = term.append_child(&key);
            }
        }
        let _ = list.append_child(&term);
        let _ = list.append_child(&meaning);
    }
}
