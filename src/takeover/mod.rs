//! The app taking over the prerendered page: it renders its copy off-screen, then puts it in place in
//! one task, carrying over what the reader was doing (`reader_state`).

mod reader_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Msg};
use reader_state::ReaderState;

thread_local! {
    /// The app's root while it renders off-screen, until `reveal` swaps it in for the prerendered one.
    static PENDING_ROOT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Renders `app` into a fresh `<div id="app">` outside the document, to replace the prerendered one when
/// `reveal` is called: the reader keeps reading the prerendered page while a catalogue or bundle loads,
/// and the swap happens in one task, so no frame shows an empty or half-built page.
/// (Hydration would need byte-identical server markup; the language, theme and bundle are chosen only
/// here.) Without a prerendered root, the app is mounted on `<body>`.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let fresh = document().create_element("div").ok().and_then(|div| div.dyn_into::<web_sys::HtmlElement>().ok());
    match (document().get_element_by_id("app"), fresh) {
        (Some(_), Some(fresh)) => {
            fresh.set_id("app");
            PENDING_ROOT.with(|root| *root.borrow_mut() = Some(fresh.clone().into()));
            leptos::mount::mount_to(fresh, app).forget();
        }
        _ => {
            leptos::mount::mount_to_body(app);
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-app", "ready");
            }
        }
    }
}

/// While the app renders off-screen and a catalogue or bundle loads, the prerendered page says so.
pub fn show_loading_banner() {
    let pending = PENDING_ROOT.with(|root| root.borrow().is_some());
    let (Some(body), Ok(banner)) = (document().body(), document().create_element("p")) else { return };
    if !pending || document().get_element_by_id(LOADING_BANNER_ID).is_some() {
        return;
    }
    banner.set_id(LOADING_BANNER_ID);
    banner.set_class_name("loading-banner");
    let _ = banner.set_attribute("role", "status");
    banner.set_text_content(Some(&format!("{} — {}", t(Msg::LoadingTitle), t(Msg::LoadingStatus))));
    let _ = body.prepend_with_node_1(&banner);
}

const LOADING_BANNER_ID: &str = "loading-banner";

/// Puts the app's root in place of the prerendered page (once; later calls do nothing), and marks the
/// document `data-app="ready"` (what tests wait for) and the performance timeline `app-ready`.
pub fn reveal() {
    let Some(fresh) = PENDING_ROOT.with(|root| root.borrow_mut().take()) else { return };
    if let Some(prerendered) = document().get_element_by_id("app") {
        // What the reader was doing (scroll, focus, selection, typed search) carries over to the app's copy.
        let state = ReaderState::capture(&prerendered);
        let _ = prerendered.replace_with_with_node_1(&fresh);
        state.restore(&fresh);
    }
    if let Some(banner) = document().get_element_by_id(LOADING_BANNER_ID) {
        banner.remove();
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
    // When the app became interactive, for the benchmark (scripts/bench).
    if let Some(performance) = window().performance() {
        let _ = performance.mark("app-ready");
    }
}

/// The router renders the matched page in a task of its own, after the frame: the swap waits for the
/// page's heading (a few executor ticks, then 16 ms timers; at most about a second), so that the reader
/// never sees the frame without its page. Timers, not animation frames: a browser that gives no frames
/// (a hidden tab) would hold the swap, and the swap itself is one task, so no frame can show it half
/// done either way.
pub fn reveal_when_rendered(attempt: u32) {
    let rendered = PENDING_ROOT.with(|root| {
        root.borrow().as_ref().is_some_and(|root| root.query_selector("main h1").ok().flatten().is_some())
    });
    if rendered || attempt >= 60 {
        reveal();
    } else if attempt < 10 {
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            reveal_when_rendered(attempt + 1);
        });
    } else {
        set_timeout(move || reveal_when_rendered(attempt + 1), std::time::Duration::from_millis(16));
    }
}
