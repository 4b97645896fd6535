//! The router, the route table and the page frame shared by every view.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::theme::{apply_theme, saved_theme, ThemeSwitch};
use crate::pages::{
    commitment::CommitmentPage,
    data::DataPage,
    not_found::NotFound,
    overview::Overview,
    scorecard::Scorecard,
    sources::{SourcePage, Sources},
    unavailable::Unavailable,
};
use crate::report::{embedded, Report};
use crate::routes;

/// Mounts the app on `<body>`, or the embed view for `/embed/...` addresses. Called once by `main`.
pub fn start() {
    routes::set_base(&base_href_path().unwrap_or_default());
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = path.strip_prefix(routes::base()).unwrap_or(&path);
    if path.starts_with("/embed/") {
        crate::pages::embed::start_embed(path, &location.search().unwrap_or_default());
    } else {
        apply_theme(saved_theme());
        leptos::mount::mount_to_body(App);
    }
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

/// A polite live region for short confirmations ("Link copied").
#[derive(Clone, Copy, Default)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn say(self, message: String) {
        // Clear first so that the same message is announced again.
        self.0.set(String::new());
        request_animation_frame(move || self.0.set(message));
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    match embedded() {
        Ok(report) => {
            provide_context(report);
            provide_context(Announcer::default());
            provide_footnote_previews();
            view! {
                <Router base=routes::base()>
                    <Frame report=report>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=Overview/>
                            <Route path=path!("/commitments") view=Scorecard/>
                            <Route path=path!("/commitments/:n") view=CommitmentPage/>
                            <Route path=path!("/sources") view=Sources/>
                            <Route path=path!("/sources/:n") view=SourcePage/>
                            <Route path=path!("/data") view=DataPage/>
                        </Routes>
                    </Frame>
                </Router>
            }
            .into_any()
        }
        Err(error) => view! { <Unavailable error=error.clone()/> }.into_any(),
    }
}

/// The site's sections, for the header navigation.
const NAV: [(&str, &str); 4] =
    [("/", "Report"), ("/commitments", "Commitments"), ("/sources", "Sources"), ("/data", "Data")];

/// Skip link, site header, main landmark, live region and footer around every page.
#[component]
fn Frame(report: &'static Report, children: Children) -> impl IntoView {
    let location = use_location();
    let announcer = expect_context::<Announcer>();
    focus_heading_on_route_change();
    let nav_link = move |(path, label): (&'static str, &'static str)| {
        let current = move || {
            let here = location.pathname.get();
            let here = here.strip_prefix(routes::base()).unwrap_or(&here).to_string();
            if here == path || (here.is_empty() && path == "/") {
                Some("page")
            } else if path != "/" && here.starts_with(&format!("{path}/")) {
                Some("true")
            } else {
                None
            }
        };
        view! { <li><a href=routes::href(path) aria-current=current>{label}</a></li> }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a class="site-title" href=routes::href("/")>{report.title.as_str()}</a>
            <nav aria-label="Site">
                <ul>{NAV.map(nav_link)}</ul>
            </nav>
            <ThemeSwitch/>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <p class="visually-hidden" role="status" aria-live="polite">{move || announcer.0.get()}</p>
        <footer class="site-footer">
            <p>
                "Interactive edition. Text reproduced verbatim from the report published by the "
                {report.publisher.as_str()} ": "
                <a href=report.url.as_str() rel="noopener noreferrer">{report.url.as_str()}</a>
            </p>
        </footer>
    }
}

/// The skip link moves focus itself: the router would treat `#main` as a route change.
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    let main = document().get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// After a client-side route change, move focus to the new page's main heading so that keyboard and
/// screen-reader users start there. A link to an anchor (`/#fn-2`) keeps the router's scroll instead.
fn focus_heading_on_route_change() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let has_hash = !location.hash.get().is_empty();
        if previous.is_some_and(|previous| previous != path) && !has_hash {
            request_animation_frame(|| {
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = heading.focus();
                }
            });
        }
        path
    });
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
