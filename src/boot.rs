//! The app's start (called once by `main`, after `boot.js` imported it): the base path, then the report
//! app or an embed view, rendered off-screen and swapped in by `takeover`.

use leptos::prelude::*;

use crate::app::App;
use crate::browser::language::initial_language;
use crate::browser::location::{base_href_path, query_value};
use crate::browser::tasks::{mark, next_task};
use crate::pages::embed::start_embed;
use crate::routes;
use crate::takeover::mount;

/// Mounts the app, or the embed view for `/embed/...` addresses. Called once by `main`, as the wasm is
/// instantiated: each step after that is a task of its own (the model, the frame, the page, the swap),
/// marked on the performance timeline (`app-instantiated` … `app-ready`, read by `scripts/bench`).
pub fn start() {
    mark("app-instantiated");
    // Any JSON read or validation is marked too: the start has none to do (the build did it).
    crate::report::observe_work(mark);
    routes::set_base(&base_href_path().unwrap_or_default());
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = routes::in_app(&path);
    if path.starts_with("/embed/") {
        start_embed(path, &location.search().unwrap_or_default());
    } else {
        let search = location.search().unwrap_or_default();
        let requested = query_value(&search, "bundle");
        let language = initial_language(&search);
        // `boot.js` applied the saved theme before the first paint, and imported the app after that paint
        // or on the reader's first intent.
        // Not Leptos' spawner: it is set up by the first mount, which comes after these steps.
        wasm_bindgen_futures::spawn_local(async move {
            next_task().await;
            crate::embedded::report();
            mark("app-model-ready");
            next_task().await;
            mount(move || view! { <App requested_bundle=requested language=language /> });
        });
    }
}

/// After a panic the app can do nothing more. Before it has taken over, the prerendered page stays in
/// place, and it reads and its links work; the document says the app is `unavailable`, as `boot.js` says
/// when the app's files cannot be loaded (offline reading stops waiting for it, early clicks are not
/// replayed), and the performance timeline keeps the message for tests (`app-panic: …`).
pub fn stopped_by(message: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "unavailable");
    }
    mark(&format!("app-panic: {message}"));
}
