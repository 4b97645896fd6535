//! The event loop as the start uses it: handing the main thread back to the browser between pieces of
//! work (so a tap or a key waiting is answered in between), and marking on the performance timeline
//! when each piece ended (what `scripts/bench` and the tests read).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task: `scheduler.yield()` where the browser has it (the continuation runs before
/// other queued work, after input), else a zero-delay timer.
pub async fn next_task() {
    let window = leptos::prelude::window();
    let scheduler = Reflect::get(&window, &JsValue::from_str("scheduler")).unwrap_or(JsValue::UNDEFINED);
    let yield_now = (!scheduler.is_undefined())
        .then(|| Reflect::get(&scheduler, &JsValue::from_str("yield")).ok())
        .flatten()
        .and_then(|f| f.dyn_into::<Function>().ok());
    match yield_now.and_then(|f| f.call0(&scheduler).ok()).and_then(|p| p.dyn_into::<Promise>().ok()) {
        Some(promise) => drop(JsFuture::from(promise).await),
        None => sleep(0).await,
    }
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most 2 s later), else after 200 ms.
pub async fn idle() {
    let window = leptos::prelude::window();
    let promise = Promise::new(&mut |resolve, _| {
        let options = js_sys::Object::new();
        let _ = Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(2000));
        let request = Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok();
        match request.and_then(|f| f.dyn_into::<Function>().ok()) {
            Some(request) => drop(request.call2(&window, &resolve, &options)),
            None => drop(window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200)),
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after a timer of `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Marks `name` on the performance timeline (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark(name);
    }
}
