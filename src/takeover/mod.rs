//! The app taking over the prerendered page: it renders its copy off-screen, then puts it in place in
//! one task, carrying over what the reader was doing (`reader_state`).

mod reader_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::tasks::{mark, next_task, sleep};
use crate::i18n::{t, Msg};
use reader_state::ReaderState;

thread_local! {
    /// The app's root while it renders off-screen, until `reveal` swaps it in for the prerendered one.
    static PENDING_ROOT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
    /// Parts of the page still to render in tasks of their own (`in_own_task`); the swap waits for them.
    static PARTS_TO_RENDER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Whether what is built now renders in parts besides the takeover (`render_in_parts`).
    static IN_PARTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What waits for the swap (`after_reveal`).
    static AFTER_REVEAL: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Renders `app` into a fresh `<div id="app">` outside the document, to replace the prerendered one when
/// `reveal` is called: the reader keeps reading the prerendered page while a catalogue or bundle loads,
/// the app's page renders in tasks of its own (`routes_in_next_task`), and the swap happens in one
/// task, so no frame shows an empty or half-built page. Marks `app-frame-built` once `app` is built.
/// (Hydration would need byte-identical server markup; the language, theme and bundle are chosen only
/// here.) Without a prerendered root, the app is mounted on `<body>`.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let fresh = document().create_element("div").ok().and_then(|div| div.dyn_into::<web_sys::HtmlElement>().ok());
    match (document().get_element_by_id("app"), fresh) {
        (Some(_), Some(fresh)) => {
            fresh.set_id("app");
            PENDING_ROOT.with(|root| *root.borrow_mut() = Some(fresh.clone().into()));
            leptos::mount::mount_to(fresh, app).forget();
            mark("app-frame-built");
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
    let (Some(body), Ok(banner)) = (document().body(), document().create_element("p")) else { return };
    if !is_pending() || document().get_element_by_id(LOADING_BANNER_ID).is_some() {
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
    mark("app-ready");
    for then in AFTER_REVEAL.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
        then();
    }
}

/// Runs `then` once the app's copy is in place: at once if it already is (or there was nothing to take
/// over), else right after the swap, in its task.
pub fn after_reveal(then: impl FnOnce() + 'static) {
    if is_pending() {
        AFTER_REVEAL.with(|waiting| waiting.borrow_mut().push(Box::new(then)));
    } else {
        then();
    }
}

/// The matched page, rendered in a task after the frame's while the app takes over (the root is
/// off-screen, so no one sees the frame without it), at once afterwards. The router renders a route in
/// a microtask of the task that built it: without this, the frame and the page are one long task.
pub fn routes_in_next_task<V: IntoView + 'static>(routes: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    if !is_pending() {
        return routes().into_any();
    }
    in_later_task(routes, || mark("app-route-rendered"))
}

/// A part of a page (a section, a chart), rendered while the app takes over in a task of its own, queued
/// behind those before it, so that no one task builds a whole long page; at once afterwards (a route
/// change) and in a prerendered page. The swap waits until every part has rendered.
pub fn in_own_task<V: IntoView + 'static>(part: impl Fn() -> V + Send + Sync + 'static) -> AnyView {
    if !is_pending() && !IN_PARTS.with(std::cell::Cell::get) {
        return part().into_any();
    }
    PARTS_TO_RENDER.with(|parts| parts.set(parts.get() + 1));
    in_later_task(part, || PARTS_TO_RENDER.with(|parts| parts.set(parts.get().saturating_sub(1))))
}

/// `part`, rendered in the next task (queued behind those before it); `rendered` runs once it has.
/// Type-erased: an `Option` of the part's own view type would instantiate its rendering code a second
/// time (for the routes, about 20 KB of wasm).
fn in_later_task<V: IntoView + 'static>(
    part: impl Fn() -> V + Send + Sync + 'static,
    rendered: impl FnOnce() + 'static,
) -> AnyView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        ready.set(true);
        // Queued behind the render of the part, in this same task.
        leptos::task::spawn_local(async move { rendered() });
    });
    (move || ready.get().then(|| part().into_any())).into_any()
}

/// Builds with `build` the way the takeover does, its parts in tasks of their own (the warm-up renders
/// off-screen too); `parts_rendered` says when they are done.
pub fn render_in_parts<R>(build: impl FnOnce() -> R) -> R {
    IN_PARTS.with(|in_parts| in_parts.set(true));
    let built = build();
    IN_PARTS.with(|in_parts| in_parts.set(false));
    built
}

/// Resolves once every part queued by `in_own_task` has rendered.
pub async fn parts_rendered() {
    while PARTS_TO_RENDER.with(std::cell::Cell::get) > 0 {
        next_task().await;
    }
}

/// A copy of the drawing inside `#{anchor}` on the prerendered page, while the app takes over: a chart
/// the build drew for this page's language and bundle is kept, not drawn again.
pub fn prerendered_svg(anchor: &str) -> Option<web_sys::Element> {
    if !is_pending() {
        return None;
    }
    let svg = document().get_element_by_id(anchor)?.query_selector(".chart-svg > svg").ok()??;
    svg.clone_node_with_deep(true).ok()?.dyn_into().ok()
}

/// Whether the app is still rendering off-screen, before `reveal`.
pub fn is_pending() -> bool {
    PENDING_ROOT.with(|root| root.borrow().is_some())
}

/// Swaps the app in once its page has rendered (its heading is there, and every part `in_own_task`), in a
/// task of its own: first checked in the next task, then every 16 ms (at most about three seconds).
/// Timers, not animation frames: a browser that gives no frames (a hidden tab) would hold the swap, and
/// the swap itself is one task, so no frame can show it half done either way.
pub fn reveal_when_rendered() {
    leptos::task::spawn_local(async {
        for attempt in 0..200 {
            if attempt < 5 {
                next_task().await;
            } else {
                sleep(16).await;
            }
            let rendered = PARTS_TO_RENDER.with(|parts| parts.get() == 0)
                && PENDING_ROOT.with(|root| {
                    root.borrow().as_ref().is_some_and(|root| root.query_selector("main h1").ok().flatten().is_some())
                });
            if rendered {
                break;
            }
        }
        reveal();
    });
}
