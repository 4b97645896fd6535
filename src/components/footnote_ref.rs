//! A footnote marker that previews its citation on hover, keyboard focus and tap (like Wikipedia's
//! reference previews); Escape or a click elsewhere closes it. Its link still leads to the footnote.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::i18n::{tf, Msg};
use wasm_bindgen::JsCast;

use crate::context::use_report;
use crate::routes;

/// Which preview is open, by its marker's key: one at a time, app-wide.
#[derive(Clone, Copy)]
pub struct OpenPreview(pub RwSignal<Option<String>>);

/// Provided at the root: the open preview, closed by Escape and by a press outside any marker.
pub fn provide_footnote_previews() {
    let open = OpenPreview(RwSignal::new(None));
    provide_context(open);
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.0.get_untracked().is_some() {
            open.0.set(None);
        }
    });
    let on_press = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".fn-ref").ok().flatten())
            .is_some();
        if !inside && open.0.get_untracked().is_some() {
            open.0.set(None);
        }
    });
    on_cleanup(move || {
        on_key.remove();
        on_press.remove();
    });
}

static NEXT_KEY: AtomicUsize = AtomicUsize::new(0);

/// `id`: the marker's element id where it needs one (the report page), for back-links.
#[component]
pub fn FootnoteRef(number: u32, id: Option<String>) -> impl IntoView {
    let open = expect_context::<OpenPreview>().0;
    let key = id.clone().unwrap_or_else(|| format!("fn-marker-{}", NEXT_KEY.fetch_add(1, Ordering::Relaxed)));
    let preview_id = format!("{key}-preview");
    let citation = use_report().footnote(number).map(|f| f.citation.clone()).unwrap_or_default();
    // The pointer of the last press, and whether the preview was open before it: a tap also focuses
    // the link and fires mouse events, which open the preview before the click arrives.
    let last_press = StoredValue::new((String::new(), false));
    let is_open = {
        let key = key.clone();
        Memo::new(move |_| open.read().as_deref() == Some(key.as_str()))
    };
    let show = {
        let key = key.clone();
        move || open.set(Some(key.clone()))
    };
    let hide = move || {
        if is_open.get_untracked() {
            open.set(None);
        }
    };
    let on_enter = {
        let show = show.clone();
        move |_| show()
    };
    let on_focus_in = {
        let show = show.clone();
        move |_| show()
    };
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        // Keep it open while focus moves between the marker and its preview.
        let wrapper = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !matches!((wrapper, to), (Some(w), Some(to)) if w.contains(Some(&to))) {
            hide();
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        // A first tap shows the preview; a second one follows the link.
        let (pointer, was_open) = last_press.get_value();
        if pointer == "touch" && !was_open {
            ev.prevent_default();
            show();
        }
    };
    view! {
        <span
            class="fn-ref"
            on:mouseenter=on_enter
            on:mouseleave=move |_| hide()
            on:focusin=on_focus_in
            on:focusout=on_focus_out
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                last_press.set_value((ev.pointer_type(), is_open.get_untracked()))
            }
        >
            <sup>
                <a
                    id=id
                    href=routes::href(&routes::report_anchor(&format!("fn-{number}")))
                    aria-label=tf(Msg::FootnoteLabel, &[("n", &number)])
                    aria-describedby=preview_id.clone()
                    aria-expanded=move || is_open.get().to_string()
                    on:click=on_click
                >
                    {format!("[{number}]")}
                </a>
            </sup>
            <span class="fn-preview" id=preview_id hidden=move || !is_open.get()>
                <span class="fn-preview-number">{format!("[{number}] ")}</span>
                {citation}
            </span>
        </span>
    }
}
