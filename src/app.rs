//! The router, the route table and the page frame shared by every view.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::bundles::FetchError;
use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::language::{initial_language, set_document_language, LanguageSwitch};
use crate::components::search_box::{SearchBox, SEARCH_INPUT_ID};
use crate::components::theme::ThemeSwitch;
use crate::fetch::{fetch_catalogue, fetch_report};
use crate::i18n::{self, t, tf, Msg};
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
use crate::takeover::ReaderState;

/// Mounts the app, or the embed view for `/embed/...` addresses. Called once by `main`.
pub fn start() {
    routes::set_base(&base_href_path().unwrap_or_default());
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = routes::in_app(&path);
    if path.starts_with("/embed/") {
        crate::pages::embed::start_embed(path, &location.search().unwrap_or_default());
    } else {
        let search = location.search().unwrap_or_default();
        let requested = query_value(&search, "bundle");
        let language = initial_language(&search);
        // `boot.js` applied the saved theme before the first paint, and imported the app after that paint
        // or on the reader's first intent.
        // The render gets a task of its own: with the wasm's instantiation it would make one long task.
        set_timeout(
            move || mount(move || view! { <App requested_bundle=requested language=language/> }),
            std::time::Duration::ZERO,
        );
    }
}

thread_local! {
    /// The app's root while it renders off-screen, until `reveal` swaps it in for the prerendered one.
    static PENDING_ROOT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Renders `app` into a fresh `<div id="app">` outside the document, to replace the prerendered one when
/// `reveal` is called: the reader keeps reading the prerendered page while a catalogue or bundle loads,
/// and the swap happens in one task, so no frame shows an empty or half-built page.
/// (Hydration would need byte-identical server markup; the language, theme and bundle are chosen only
/// here.) Without a prerendered root, the app is mounted on `<body>`.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let fresh = document().create_element("div").ok().and_then(|div| div.dyn_into::<web_sys::HtmlElement>().ok());
    match (document().get_element_by_id("app"), fresh) {
        (Some(_), Some(fresh)) => {
            fresh.set_id("app");
            PENDING_ROOT.with(|root| *root.borrow_mut() = Some(fresh.clone().into()));
            leptos::mount::mount_to(fresh, app).forget();
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
fn show_loading_banner() {
    let pending = PENDING_ROOT.with(|root| root.borrow().is_some());
    let (Some(body), Ok(banner)) = (document().body(), document().create_element("p")) else { return };
    if !pending || document().get_element_by_id(LOADING_BANNER_ID).is_some() {
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
    if let Some(performance) = window().performance() {
        let _ = performance.mark("app-ready");
    }
}

/// The router renders the matched page in a task of its own, after the frame: the swap waits for the
/// page's heading (a few executor ticks, then animation frames; at most about a second), so that the
/// reader never sees the frame without its page.
fn reveal_when_rendered(attempt: u32) {
    let rendered = PENDING_ROOT.with(|root| {
        root.borrow().as_ref().is_some_and(|root| root.query_selector("main h1").ok().flatten().is_some())
    });
    if rendered || attempt >= 60 {
        reveal();
    } else if attempt < 10 {
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            reveal_when_rendered(attempt + 1);
        });
    } else {
        request_animation_frame(move || reveal_when_rendered(attempt + 1));
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

/// What the app shows while it starts: a catalogue or bundle loading, or a report to read.
#[derive(Clone)]
enum Boot {
    Loading,
    Ready(&'static Report, Vec<Failure>),
}

/// Something requested that could not be used; the app goes on with what it has built in.
#[derive(Clone)]
pub enum Failure {
    /// A `?bundle=`: the embedded report is shown instead.
    Bundle { id: String, error: FetchError },
    /// The interface language's catalogue: the interface stays in English.
    Catalogue { language: &'static str, error: FetchError },
}

/// The embedded report, or the bundle `?bundle=` names once it is fetched and valid, in `language`
/// once its catalogue is fetched and valid.
#[component]
pub fn App(requested_bundle: Option<String>, language: &'static str) -> impl IntoView {
    let embedded = match embedded() {
        Ok(report) => report,
        Err(error) => {
            Effect::new(|_| reveal());
            return view! { <Unavailable error=error.clone()/> }.into_any();
        }
    };
    let boot = RwSignal::new(Boot::Ready(embedded, Vec::new()));
    let start = move |()| {
        let requested_bundle = requested_bundle.clone();
        let needs_catalogue = i18n::language() != language;
        if !needs_catalogue && requested_bundle.is_none() {
            set_document_language(i18n::language());
            return;
        }
        boot.set(Boot::Loading);
        show_loading_banner();
        leptos::task::spawn_local(async move {
            let mut failures = Vec::new();
            if needs_catalogue {
                match fetch_catalogue(language).await {
                    Ok(catalogue) => i18n::use_catalogue(catalogue),
                    Err(error) => failures.push(Failure::Catalogue { language, error }),
                }
            }
            set_document_language(i18n::language());
            let report = match requested_bundle {
                Some(id) => fetch_report(&id).await.unwrap_or_else(|error| {
                    failures.push(Failure::Bundle { id, error });
                    embedded
                }),
                None => embedded,
            };
            boot.set(Boot::Ready(report, failures));
        });
    };
    start(());
    let retry = Callback::new(start);
    Effect::new(move |_| {
        if matches!(boot.get(), Boot::Ready(..)) {
            reveal_when_rendered(0);
        }
    });
    (move || match boot.get() {
        Boot::Loading => view! {
            <main id="main" class="loading">
                <h1>{t(Msg::LoadingTitle)}</h1>
                <p role="status">{t(Msg::LoadingStatus)}</p>
            </main>
        }
        .into_any(),
        Boot::Ready(report, failures) => view! { <ReportApp report=report failures=failures retry=retry/> }.into_any(),
    })
    .into_any()
}

/// The router and every page, reading `report`.
#[component]
fn ReportApp(report: &'static Report, failures: Vec<Failure>, retry: Callback<()>) -> impl IntoView {
    provide_context(report);
    provide_context(Announcer::default());
    provide_footnote_previews();
    view! {
        <Router base=routes::base()>
            <Frame report=report>
                {failures.into_iter().map(|failure| view! { <FailureNotice failure=failure retry=retry/> }).collect_view()}
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

/// Says what failed and why, offers a retry, and says what is shown instead.
#[component]
fn FailureNotice(failure: Failure, retry: Callback<()>) -> impl IntoView {
    let (class, title, instead, error) = match failure {
        Failure::Bundle { id, error } => (
            "bundle-failure",
            tf(Msg::BundleFailedTitle, &[("id", &routes::shorten(&id, 60))]),
            t(Msg::BundleFailedInstead),
            error,
        ),
        Failure::Catalogue { language, error } => {
            let name = i18n::LANGUAGES.iter().find(|(code, _)| *code == language).map_or(language, |(_, name)| name);
            (
                "catalogue-failure",
                tf(Msg::CatalogueFailedTitle, &[("language", &name)]),
                t(Msg::CatalogueFailedInstead),
                error,
            )
        }
    };
    view! {
        <section class=format!("load-failure {class}") role="alert">
            <h2>{title}</h2>
            <p class="problem">{error.to_string()}</p>
            <p>{instead}</p>
            <button type="button" on:click=move |_| retry.run(())>{t(Msg::TryAgain)}</button>
        </section>
    }
}

/// The first value of `name` in a query string (`?bundle=x&lang=mn`), percent-decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
    params.get(name).filter(|value| !value.is_empty())
}

/// The site's sections, for the header navigation.
const NAV: [(&str, Msg); 4] = [
    ("/", Msg::NavReport),
    ("/commitments", Msg::NavCommitments),
    ("/sources", Msg::NavSources),
    ("/data", Msg::NavData),
];

/// Skip link, site header, main landmark, live region and footer around every page.
#[component]
fn Frame(report: &'static Report, children: Children) -> impl IntoView {
    let location = use_location();
    let announcer = expect_context::<Announcer>();
    focus_heading_on_route_change();
    let nav_link = move |(path, label): (&'static str, Msg)| {
        let current = move || {
            let here = location.pathname.get();
            let here = routes::in_app(&here);
            if here == path || (here.is_empty() && path == "/") {
                Some("page")
            } else if path != "/" && here.starts_with(&format!("{path}/")) {
                Some("true")
            } else {
                None
            }
        };
        view! { <li><a href=routes::href(path) aria-current=current>{t(label)}</a></li> }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <a class="site-title" href=routes::href("/") lang=report.language.as_str()>{report.title.as_str()}</a>
            <nav aria-label=t(Msg::NavLabel)>
                <ul>{NAV.map(nav_link)}</ul>
            </nav>
            <SearchBox/>
            <div class="preferences">
                <LanguageSwitch/>
                <ThemeSwitch/>
            </div>
        </header>
        <main id="main" tabindex="-1">
            {(i18n::language() != report.language).then(|| view! {
                <p class="language-notice">
                    {tf(Msg::ReportTextUntranslated, &[("language", &i18n::language_name(&report.language))])}
                </p>
            })}
            {children()}
        </main>
        <p class="visually-hidden" role="status" aria-live="polite">{move || announcer.0.get()}</p>
        <footer class="site-footer">
            <p>
                {t(Msg::FooterBeforePublisher)}
                <span lang=report.language.as_str()>{report.publisher.as_str()}</span>
                {t(Msg::FooterAfterPublisher)}
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
                    // The router has scrolled to the top already: scrolling the heading into view would
                    // force a layout of the new page here, before the frame's own.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = heading.focus_with_options(&options);
                }
            });
        }
        path
    });
}

/// Sets the document title and description of a view (when prerendering: hands them to the page's head).
#[component]
pub fn PageMeta(title: String, description: String) -> impl IntoView {
    let report = use_report();
    let full_title = if title == report.title { title } else { format!("{title} · {}", report.title) };
    document_meta(full_title, description);
}

/// `<title>` and the description: in the browser into the document's head (the prerendered page's own
/// tags are updated, never duplicated); natively into the `MetaSink`.
pub fn document_meta(title: String, description: String) {
    #[cfg(feature = "ssr")]
    if let Some(sink) = use_context::<crate::prerender::MetaSink>() {
        sink.set(title, description);
    }
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        document().set_title(&title);
        set_description(&description);
    });
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
