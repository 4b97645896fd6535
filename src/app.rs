//! The router, the route table and the page frame shared by every view.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::bundles::FetchError;
use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::search_box::{SearchBox, SEARCH_INPUT_ID};
use crate::components::theme::{apply_theme, saved_theme, ThemeSwitch};
use crate::fetch::fetch_report;
use crate::pages::{
    commitment::CommitmentPage,
    data::DataPage,
    not_found::NotFound,
    overview::Overview,
    scorecard::Scorecard,
    search::SearchPage,
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
        let requested = query_value(&location.search().unwrap_or_default(), "bundle");
        leptos::mount::mount_to_body(move || view! { <App requested_bundle=requested/> });
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

/// What the app shows while it starts: a fetched bundle loading, or a report to read.
#[derive(Clone)]
enum Boot {
    Loading(String),
    Ready(&'static Report, Option<BundleFailure>),
}

/// A requested bundle that could not be used; the embedded report is shown instead.
#[derive(Clone)]
pub struct BundleFailure {
    pub id: String,
    pub error: FetchError,
}

/// The embedded report, or the bundle `?bundle=` names once it is fetched and valid.
#[component]
pub fn App(requested_bundle: Option<String>) -> impl IntoView {
    provide_meta_context();
    let embedded = match embedded() {
        Ok(report) => report,
        Err(error) => return view! { <Unavailable error=error.clone()/> }.into_any(),
    };
    let boot = RwSignal::new(Boot::Ready(embedded, None));
    let load = move |id: String| {
        boot.set(Boot::Loading(id.clone()));
        leptos::task::spawn_local(async move {
            boot.set(match fetch_report(&id).await {
                Ok(report) => Boot::Ready(report, None),
                Err(error) => Boot::Ready(embedded, Some(BundleFailure { id, error })),
            });
        });
    };
    if let Some(id) = requested_bundle {
        load(id);
    }
    let retry = Callback::new(load);
    (move || match boot.get() {
        Boot::Loading(id) => view! {
            <main id="main" class="loading">
                <h1>"Loading the report"</h1>
                <p role="status">{format!("Fetching the bundle “{}”…", routes::shorten(&id, 60))}</p>
            </main>
        }
        .into_any(),
        Boot::Ready(report, failure) => view! { <ReportApp report=report failure=failure retry=retry/> }.into_any(),
    })
    .into_any()
}

/// The router and every page, reading `report`.
#[component]
fn ReportApp(report: &'static Report, failure: Option<BundleFailure>, retry: Callback<String>) -> impl IntoView {
    provide_context(report);
    provide_context(Announcer::default());
    provide_footnote_previews();
    view! {
        <Router base=routes::base()>
            <Frame report=report>
                {failure.map(|failure| view! { <BundleFailureNotice failure=failure retry=retry/> })}
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Overview/>
                    <Route path=path!("/commitments") view=Scorecard/>
                    <Route path=path!("/commitments/:n") view=CommitmentPage/>
                    <Route path=path!("/sources") view=Sources/>
                    <Route path=path!("/sources/:n") view=SourcePage/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/search") view=SearchPage/>
                </Routes>
            </Frame>
        </Router>
    }
}

/// Says which bundle failed and why, offers a retry, and says what is shown instead.
#[component]
fn BundleFailureNotice(failure: BundleFailure, retry: Callback<String>) -> impl IntoView {
    let id = failure.id.clone();
    view! {
        <section class="bundle-failure" role="alert" aria-labelledby="bundle-failure-title">
            <h2 id="bundle-failure-title">
                {format!("The report bundle “{}” could not be loaded", routes::shorten(&failure.id, 60))}
            </h2>
            <p class="problem">{failure.error.to_string()}</p>
            <p>"You are reading the report compiled into this edition instead."</p>
            <button type="button" on:click=move |_| retry.run(id.clone())>"Try again"</button>
        </section>
    }
}

/// The first value of `name` in a query string (`?bundle=x&lang=mn`), percent-decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
    params.get(name).filter(|value| !value.is_empty())
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
            <SearchBox/>
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
/// screen-reader users start there. A link to an anchor (`/#fn-2`) keeps the router's scroll instead, and
/// a search typed in the header keeps the focus in the search box.
fn focus_heading_on_route_change() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let has_hash = !location.hash.get().is_empty();
        if previous.is_some_and(|previous| previous != path) && !has_hash {
            request_animation_frame(|| {
                let typing = document().active_element().is_some_and(|element| element.id() == SEARCH_INPUT_ID);
                if typing {
                    return;
                }
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
