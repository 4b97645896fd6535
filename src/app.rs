//! The router, the route table and the page frame shared by every view.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::{commitment::CommitmentPage, not_found::NotFound, overview::Overview, unavailable::Unavailable};
use crate::report::{embedded, Report};
use crate::routes;

/// Mounts the app on `<body>`. Called once by `main`.
pub fn start() {
    routes::set_base(&base_href_path().unwrap_or_default());
    leptos::mount::mount_to_body(App);
}

/// The path of the document's `<base href>`, which `trunk build --public-url` sets.
fn base_href_path() -> Option<String> {
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

/// The report every view reads; provided once at the root.
pub fn use_report() -> &'static Report {
    expect_context::<&'static Report>()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    match embedded() {
        Ok(report) => {
            provide_context(report);
            view! {
                <Router base=routes::base()>
                    <Frame report=report>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=Overview/>
                            <Route path=path!("/commitments/:n") view=CommitmentPage/>
                        </Routes>
                    </Frame>
                </Router>
            }
            .into_any()
        }
        Err(error) => view! { <Unavailable error=error.clone()/> }.into_any(),
    }
}

/// Skip link, site header, main landmark and footer around every page.
#[component]
fn Frame(report: &'static Report, children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="site-title" href=routes::href("/")>{report.title.as_str()}</a>
            <span class="site-kind">"Interactive edition"</span>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>
                "Text reproduced verbatim from the report published by the "
                {report.publisher.as_str()} ": "
                <a href=report.url.as_str() rel="noopener noreferrer">{report.url.as_str()}</a>
            </p>
        </footer>
    }
}

/// Sets the document title and description of a view.
#[component]
pub fn PageMeta(title: String, description: String) -> impl IntoView {
    let report = use_report();
    let full_title = if title == report.title { title } else { format!("{title} · {}", report.title) };
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
    }
}
