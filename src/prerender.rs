//! Every route rendered to HTML natively by the same components the browser runs (the `ssr` build of
//! `site-files`), with the title and description the page sets. The browser app then renders the same
//! DOM and swaps it in at once (`takeover::reveal`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::embed::EmbedView;
use crate::head::MetaSink;
use crate::pages::embed::EmbedApp;
use crate::report::Report;
use crate::routes::SiteAddress;

/// A rendered page: the markup of `<div id="app">`'s content, and its title and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub body: String,
    pub title: String,
    pub description: String,
}

/// The app at `path` (after the base path), as the router would show it.
pub fn app_page(report: &'static Report, site: &str, path: &str) -> Page {
    render(report, site, || {
        provide_context(RequestUrl::new(&format!("{}{path}", crate::routes::base())));
        view! { <App requested_bundle=None language="en" /> }.into_any()
    })
}

/// An embed view (its flags are applied by `boot.js` and the style sheet).
pub fn embed_page(report: &'static Report, site: &str, view: EmbedView) -> Page {
    render(report, site, move || view! { <EmbedApp report=report view=Ok(view) /> }.into_any())
}

fn render(report: &'static Report, site: &str, app: impl FnOnce() -> AnyView) -> Page {
    // A server context: browser-only helpers (window listeners) stand down.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| {
        let sink = MetaSink::default();
        provide_context(sink.clone());
        provide_context(SiteAddress(site.to_string()));
        // `<!>` marks where dynamic content sits, for hydration; this page is replaced, not hydrated, and
        // the marker is a parse error to HTML validators. (Text never holds a raw `<`: it is escaped.)
        let body = app().to_html().replace("<!>", "");
        let (title, description) = sink.take().unwrap_or_else(|| (report.title.clone(), String::new()));
        Page { body, title, description }
    })
}
