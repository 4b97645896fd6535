//! The frame around every page: skip link, site header (navigation, search, language, theme), the main
//! landmark, the live region and the footer; and focus on the new heading after a route change.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::components::keyboard_help::KeyboardHelp;
use crate::components::language::LanguageSwitch;
use crate::components::search_box::{SearchBox, SEARCH_INPUT_ID};
use crate::components::theme::ThemeSwitch;
use crate::context::Announcer;
use crate::i18n::{self, t, tf, Msg};
use crate::report::Report;
use crate::routes;
use crate::takeover::in_own_task;

/// The site's sections, for the header navigation.
const NAV: [(&str, Msg); 4] = [
    ("/", Msg::NavReport),
    ("/commitments", Msg::NavCommitments),
    ("/sources", Msg::NavSources),
    ("/data", Msg::NavData),
];

/// Skip link, site header, main landmark, live region and footer around every page.
#[component]
pub fn Frame(report: &'static Report, children: Children) -> impl IntoView {
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
        view! {
            <li>
                <a href=routes::href(path) aria-current=current>
                    {t(label)}
                </a>
            </li>
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {t(Msg::SkipToContent)}
        </a>
        <header class="site-header">
            <a class="site-title" href=routes::href("/") lang=report.language.as_str()>
                {report.title.as_str()}
            </a>
            // On phones the rest folds behind this button (boot.js opens it, with or without the app).
            <button type="button" class="menu-button" aria-controls="site-menu" aria-expanded="false">
                {t(Msg::NavMenu)}
            </button>
            <div class="site-menu" id="site-menu">
                <nav aria-label=t(Msg::NavLabel)>
                    <ul>{NAV.map(nav_link)}</ul>
                </nav>
                // The controls, each a part of the start in a task of its own (takeover::in_own_task).
                {in_own_task(|| view! { <SearchBox /> })}
                {in_own_task(|| {
                    view! {
                        <div class="preferences">
                            <LanguageSwitch />
                            <ThemeSwitch />
                        </div>
                    }
                })}
            </div>
        </header>
        <main id="main" tabindex="-1">
            {(i18n::language() != report.language)
                .then(|| {
                    view! {
                        <p class="language-notice">
                            {tf(Msg::ReportTextUntranslated, &[("language", &i18n::language_name(&report.language))])}
                        </p>
                    }
                })}
            {children()}
        </main>
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || announcer.message()}
        </p>
        <footer class="site-footer">
            <p>
                {t(Msg::FooterBeforePublisher)} <span lang=report.language.as_str()>{report.publisher.as_str()}</span>
                {t(Msg::FooterAfterPublisher)} <a href=report.url.as_str() rel="noopener noreferrer">
                    {report.url.as_str()}
                </a>
            </p>
            <p>
                <KeyboardHelp />
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
