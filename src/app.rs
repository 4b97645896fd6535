//! The report app: what it loads before it can show the report (a catalogue, a `?bundle=`), what it
//! says when that fails, and the route table inside the frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::browser::language::set_document_language;
use crate::bundles::FetchError;
use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::frame::Frame;
use crate::components::not_found::NotFound;
use crate::components::typed::TypedMessage;
use crate::context::provide_report_context;
use crate::fetch::{fetch_catalogue, fetch_report};
use crate::i18n::{self, t, tf, Msg};
use crate::pages::{
    commitment::{self, CommitmentPage},
    data::DataPage,
    overview::Overview,
    scorecard::Scorecard,
    search::SearchPage,
    sources::{SourcePage, Sources},
};
use crate::report::Report;
use crate::routes;
use crate::takeover::{reveal_when_rendered, routes_in_next_task, show_loading_banner};

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
    let embedded = crate::embedded::report();
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
            reveal_when_rendered();
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
        Boot::Ready(report, failures) => view! { <ReportApp report=report failures=failures retry=retry /> }.into_any(),
    })
    .into_any()
}

/// The router and every page, reading `report`.
#[component]
fn ReportApp(report: &'static Report, failures: Vec<Failure>, retry: Callback<()>) -> impl IntoView {
    provide_report_context(report);
    provide_footnote_previews();
    view! {
        <Router base=routes::base()>
            <WarmUp report=report />
            <Frame report=report>
                {failures
                    .into_iter()
                    .map(|failure| view! { <FailureNotice failure=failure retry=retry /> })
                    .collect_view()}
                {routes_in_next_task(|| {
                    view! {
                        <Routes fallback=|| view! { <NotFound /> }>
                            <Route path=path!("/") view=Overview />
                            <Route path=path!("/commitments") view=Scorecard />
                            <Route path=path!("/commitments/:n") view=CommitmentPage />
                            <Route path=path!("/sources") view=Sources />
                            <Route path=path!("/sources/:n") view=SourcePage />
                            <Route path=path!("/data") view=DataPage />
                            <Route path=path!("/search") view=SearchPage />
                        </Routes>
                    }
                })}
            </Frame>
        </Router>
    }
}

/// Once the app has taken over and the browser is idle, renders a commitment page off-screen once
/// (`commitment::warm_up`), inside the router, so the reader's first route change is not its first run.
#[component]
fn WarmUp(report: &'static Report) -> impl IntoView {
    // Only in the browser: a prerendered page has no later route change.
    if cfg!(feature = "ssr") {
        return;
    }
    let Some(owner) = Owner::current() else { return };
    crate::takeover::after_reveal(move || {
        leptos::task::spawn_local(async move {
            crate::browser::tasks::idle().await;
            owner.with(|| commitment::warm_up(report));
        })
    });
}

/// Says what failed and why, offers a retry, and says what is shown instead.
#[component]
fn FailureNotice(failure: Failure, retry: Callback<()>) -> impl IntoView {
    let (class, title, instead, error) = match failure {
        Failure::Bundle { id, error } => (
            "bundle-failure",
            view! { <TypedMessage msg=Msg::BundleFailedTitle typed=vec![id] /> }.into_any(),
            t(Msg::BundleFailedInstead),
            error,
        ),
        Failure::Catalogue { language, error } => {
            let name = i18n::LANGUAGES.iter().find(|(code, _)| *code == language).map_or(language, |(_, name)| name);
            (
                "catalogue-failure",
                tf(Msg::CatalogueFailedTitle, &[("language", &name)]).into_any(),
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
            <button type="button" on:click=move |_| retry.run(())>
                {t(Msg::TryAgain)}
            </button>
        </section>
    }
}
