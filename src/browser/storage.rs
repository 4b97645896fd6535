//! The reader's saved choices (theme, language). Storage throws where it is blocked (a sandboxed iframe,
//! some privacy settings): then choices are simply not remembered.

use leptos::prelude::window;

pub fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: Option<&str>) {
    if let Some(storage) = local_storage() {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}
