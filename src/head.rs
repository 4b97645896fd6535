//! A page's title and description: into the document's head in the browser, or, when a page is
//! rendered natively, into a `MetaSink` that `site-files` writes into the page's file.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::context::use_report;

/// Where a page's title and description land when it is rendered natively (`PageMeta`).
#[derive(Clone, Default)]
pub struct MetaSink(Arc<Mutex<Option<(String, String)>>>);

impl MetaSink {
    pub fn set(&self, title: String, description: String) {
        if let Ok(mut meta) = self.0.lock() {
            *meta = Some((title, description));
        }
    }

    pub fn take(&self) -> Option<(String, String)> {
        self.0.lock().ok().and_then(|mut meta| meta.take())
    }
}

/// Sets the document title and description of a view (when prerendering: hands them to the page's head).
#[component]
pub fn PageMeta(title: String, description: String) -> impl IntoView {
    let report = use_report();
    let full_title = if title == report.title { title } else { format!("{title} · {}", report.title) };
    document_meta(full_title, description);
}

/// `<title>` and the description: into a `MetaSink` where one is provided (natively; a page rendered
/// off-screen to warm it up), else into the document's head (the prerendered page's own tags are
/// updated, never duplicated).
pub fn document_meta(title: String, description: String) {
    match use_context::<MetaSink>() {
        Some(sink) => sink.set(title, description),
        #[cfg(not(feature = "ssr"))]
        None => drop(Effect::new(move |_| {
            document().set_title(&title);
            set_description(&description);
        })),
        #[cfg(feature = "ssr")]
        None => {}
    }
}

#[cfg(not(feature = "ssr"))]
fn set_description(description: &str) {
    let existing = document().query_selector("meta[name=description]").ok().flatten();
    let meta = existing.or_else(|| {
        let meta = document().create_element("meta").ok()?;
        let _ = meta.set_attribute("name", "description");
        document().head()?.append_child(&meta).ok()?;
        Some(meta)
    });
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", description);
    }
}
