//! The page's address: its query, its fragment, its base path, and full addresses of in-app paths.

use leptos::prelude::*;

use crate::routes;

/// The first value of `name` in a query string (`?bundle=x&lang=mn`), percent-decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
    params.get(name).filter(|value| !value.is_empty())
}

/// The full address of an in-app path on this site, for sharing. Empty outside a browser.
pub fn absolute_url(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", routes::href(path))
}

/// The path of the document's `<base href>`, which `trunk build --public-url` sets.
pub fn base_href_path() -> Option<String> {
    let base_uri = document().base_uri().ok()??;
    web_sys::Url::new(&base_uri).ok().map(|url| url.pathname())
}

/// On a first load the browser looks for `#id` before the app has rendered it: pages call this once
/// their content is in the document. (In-app navigation is scrolled by the router.)
pub fn scroll_to_location_hash() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_string());
    if let Some(element) = document().get_element_by_id(&id) {
        element.scroll_into_view();
    }
}
