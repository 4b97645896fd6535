//! `/embed/...`: what partner sites show in an iframe. No site chrome, no router (it needs a real
//! origin, and a sandboxed iframe has none), no storage; links open the full report in a new tab.

use leptos::prelude::*;

use crate::browser::language::{embed_language, set_document_language};
use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::commitment_name::{promising_text, CommitmentName, TitleSource};
use crate::components::footnote_ref::provide_footnote_previews;
use crate::components::quote::QuotesInContext;
use crate::components::rating::{CompletionRating, EarlyResultsRating};
use crate::components::scorecard_row::Row;
use crate::context::{provide_report_context, use_report};
use crate::embed::{parse_embed_path, EmbedError, EmbedView};
use crate::fetch::fetch_catalogue;
use crate::head::document_meta;
use crate::i18n::{self, t, tf, Msg};
use crate::report::Report;
use crate::routes;

/// Mounts the embed view named by `path` (after the base path); in the language `?lang=` (in `query`) or
/// the browser asks for, once its catalogue is fetched (English if that fails).
pub fn start_embed(path: &str, query: &str) {
    let language = embed_language(query);
    let path = path.to_string();
    if language == i18n::language() {
        mount_embed(&path);
        return;
    }
    // Before anything is mounted Leptos' executor is not set up yet: wasm-bindgen's runs this.
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_catalogue(language).await {
            Ok(catalogue) => i18n::use_catalogue(catalogue),
            Err(error) => leptos::logging::warn!("the {language} catalogue could not be loaded: {error}"),
        }
        mount_embed(&path);
    });
}

fn mount_embed(path: &str) {
    set_document_language(i18n::language());
    let report = crate::embedded::report();
    let view = parse_embed_path(report, path);
    // `boot.js` has applied the flags and reports the height and follows the host's theme, app or not.
    crate::takeover::mount(move || view! { <EmbedApp report=report view=view /> });
    crate::takeover::reveal();
}

#[component]
pub fn EmbedApp(report: &'static Report, view: Result<EmbedView, EmbedError>) -> impl IntoView {
    provide_report_context(report);
    provide_footnote_previews();
    let full_path = match &view {
        Ok(view) => view.full_path(),
        Err(_) => "/".to_string(),
    };
    let title = match &view {
        Ok(view) => view.title(report),
        Err(_) => tf(Msg::EmbedNotAvailableTitle, &[("report", &report.title)]),
    };
    document_meta(title.clone(), tf(Msg::EmbedDescription, &[("what", &title)]));
    let content = match view {
        Ok(EmbedView::Commitment(n)) => view! { <EmbedCommitment number=n /> }.into_any(),
        Ok(EmbedView::Scorecard) => view! { <EmbedScorecard /> }.into_any(),
        Ok(EmbedView::Chart(id)) => view! { <EmbedChart id=id /> }.into_any(),
        Err(error) => view! { <EmbedErrorCard error=error /> }.into_any(),
    };
    view! {
        <div id="embed-root" class="embed-root">
            <main>{content}</main>
            <footer class="embed-footer">
                <a href=routes::href(&full_path) target="_blank" rel="noopener noreferrer">
                    {t(Msg::EmbedViewFull)}
                </a>
                <span class="embed-source" lang=report.language.as_str()>
                    {format!(" · {} · {}", report.title, report.publisher)}
                </span>
            </footer>
        </div>
    }
}

/// The full view; with `?compact` the style sheet shows only the badges (`html.compact`, set by
/// `boot.js`), so that the flag works in the prerendered page, before and without the app.
#[component]
fn EmbedCommitment(number: u32) -> impl IntoView {
    let report = use_report();
    let Some(c) = report.commitment(number) else { return ().into_any() };
    let quotes = report.mentions(number);
    view! {
        <article class="embed-commitment">
            <h1>
                <CommitmentName commitment=c />
            </h1>
            <TitleSource commitment=c />
            <h2>{t(Msg::Completion)}</h2>
            <CompletionRating range=c.completion.level />
            <h2>{t(Msg::EarlyResults)}</h2>
            <EarlyResultsRating level=c.early_results.level />
            <h2>{t(Msg::PromisingAtDesign)}</h2>
            <p class="badge" data-kind="promising">
                {promising_text(c)}
            </p>
            {(!quotes.is_empty())
                .then(|| {
                    view! {
                        <section class="embed-quotes">
                            <h2>{t(Msg::WhatTheReportSays)}</h2>
                            <QuotesInContext quotes=quotes />
                        </section>
                    }
                })}
        </article>
    }
    .into_any()
}

#[component]
fn EmbedScorecard() -> impl IntoView {
    let report = use_report();
    view! {
        <h1>{t(Msg::ScorecardTitle)}</h1>
        <div class="table-scroll" role="region" aria-label=t(Msg::ScorecardTable) tabindex="0">
            <table class="embed-scorecard scorecard-table">
                <caption>{tf(Msg::EmbedScorecardCaption, &[("report", &report.title)])}</caption>
                <thead>
                    <tr>
                        {crate::scorecard::Column::ALL
                            .iter()
                            .map(|c| view! { <th scope="col">{c.label()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{report.commitments.iter().map(|c| view! { <Row commitment=c /> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn EmbedChart(id: ChartId) -> impl IntoView {
    view! {
        <h1 class="visually-hidden">{id.label()}</h1>
        <ChartFigure id=id embedded=true />
    }
}

#[component]
fn EmbedErrorCard(error: EmbedError) -> impl IntoView {
    let message = match error {
        EmbedError::NoCommitment(raw) => tf(Msg::EmbedNoCommitment, &[("value", &routes::shorten(&raw, 40))]),
        EmbedError::NoChart(raw) => tf(Msg::EmbedNoChart, &[("value", &routes::shorten(&raw, 40))]),
        EmbedError::UnknownPath(raw) => tf(Msg::EmbedUnknownPath, &[("value", &routes::shorten(&raw, 60))]),
    };
    view! {
        <section class="embed-error" role="alert">
            <h1>{t(Msg::EmbedNotAvailable)}</h1>
            <p>{message}</p>
        </section>
    }
}
