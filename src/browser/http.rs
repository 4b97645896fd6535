//! Reading a file of this site over HTTP: same origin only, within a deadline, and counted byte by byte
//! against a limit while it arrives (a declared length can lie, and a compressed body inflates after
//! its length was declared).

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestMode};

use crate::bundles::{check_size, FetchError};

/// How long a file may take to arrive, answer and body together: a stalled server must not leave the
/// reader before "Loading…" for ever.
pub const DEADLINE_MS: i32 = 15_000;

/// `relative` resolved against `base`, refused if it would leave `base`'s origin.
pub fn same_origin_url(relative: &str, base: &str) -> Result<String, FetchError> {
    let not_same_origin = || FetchError::NotSameOrigin { url: relative.to_string() };
    let base = web_sys::Url::new(base).map_err(|_| not_same_origin())?;
    let url = web_sys::Url::new_with_base(relative, &base.href()).map_err(|_| not_same_origin())?;
    if url.origin() == base.origin() {
        Ok(url.href())
    } else {
        Err(FetchError::NotSameOrigin { url: url.href() })
    }
}

/// The body of `url` as text, if it answers 2xx, from this origin, within `limit` bytes and the deadline.
pub async fn fetch_text(url: &str, limit: usize) -> Result<String, FetchError> {
    let network = |detail: String| FetchError::Network { url: url.to_string(), detail };
    let controller = AbortController::new().map_err(|e| network(describe(&e)))?;
    let deadline = Deadline::start(&controller);
    let result = fetch_within(url, limit, &controller).await;
    match result {
        Err(FetchError::Network { .. }) if deadline.passed() => {
            Err(network(format!("no complete answer within {} s", DEADLINE_MS / 1000)))
        }
        other => other,
    }
}

async fn fetch_within(url: &str, limit: usize, controller: &AbortController) -> Result<String, FetchError> {
    let network = |detail: String| FetchError::Network { url: url.to_string(), detail };
    // A sandboxed embed has an opaque origin: its requests to its own site are CORS requests. The
    // address was checked against the base's origin either way (`same_origin_url`).
    let sandboxed = window().origin() == "null";
    let mode = if sandboxed { RequestMode::Cors } else { RequestMode::SameOrigin };
    let response = Request::get(url)
        .mode(mode)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .map_err(|e| network(e.to_string()))?;
    // Redirects are followed by the browser: where the answer came from must still be this site.
    same_origin_url(&response.url(), url)?;
    if !response.ok() {
        return Err(FetchError::Http { url: url.to_string(), status: response.status() });
    }
    // Refuse early when the server declares the size; count while reading either way.
    if let Some(declared) = response.headers().get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        check_size(url, declared, limit)?;
    }
    let bytes = read_body(&response, url, limit).await?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The body, chunk by chunk, given up (and the stream cancelled) as soon as it passes `limit`.
async fn read_body(response: &Response, url: &str, limit: usize) -> Result<Vec<u8>, FetchError> {
    let network = |error: JsValue| FetchError::Network { url: url.to_string(), detail: describe(&error) };
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(network)?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|done| done.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>()) else {
            return Err(network("a chunk of the body was not bytes".into()));
        };
        let start = bytes.len();
        let read = start + value.length() as usize;
        if read > limit {
            let _ = reader.cancel();
            return Err(FetchError::TooLargeRead { url: url.to_string(), read, limit });
        }
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Aborts the fetch when the deadline passes; dropped earlier, it cancels the timer.
struct Deadline {
    timer: Option<i32>,
    passed: Rc<Cell<bool>>,
    _on_time: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &AbortController) -> Self {
        let passed = Rc::new(Cell::new(false));
        let on_time = {
            let (passed, controller) = (passed.clone(), controller.clone());
            Closure::<dyn FnMut()>::new(move || {
                passed.set(true);
                controller.abort();
            })
        };
        let timer = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_time.as_ref().unchecked_ref(), DEADLINE_MS)
            .ok();
        Deadline { timer, passed, _on_time: on_time }
    }

    fn passed(&self) -> bool {
        self.passed.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(timer) = self.timer {
            window().clear_timeout_with_handle(timer);
        }
    }
}

/// A JavaScript error's message, or its text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
