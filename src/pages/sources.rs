//! `/sources` and `/sources/:n`: each footnote's full citation, a safe link, and every passage citing it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::citation::Citation;
use crate::components::not_found::NotFound;
use crate::components::quote::QuotesInContext;
use crate::components::share::ShareButtons;
use crate::context::use_report;
use crate::head::PageMeta;
use crate::i18n::{t, tf, Msg};
use crate::report::inline::parse_number;
use crate::report::model::Footnote;
use crate::report::query::Quote;
use crate::routes;

#[component]
pub fn Sources() -> impl IntoView {
    let report = use_report();
    let mut citations = report.citations_by_footnote();
    view! {
        <PageMeta
            title=t(Msg::NavSources).to_string()
            description=tf(Msg::SourcesDescription, &[("count", &report.footnotes.len()), ("report", &report.title)])
        />
        <article class="sources">
            <h1 tabindex="-1">{t(Msg::NavSources)}</h1>
            <p>{t(Msg::SourcesIntro)}</p>
            <ol class="source-list">
                {report
                    .footnotes
                    .iter()
                    .map(|f| {
                        let citations = citations.remove(&f.number).unwrap_or_default();
                        view! {
                            <li value=f.number.to_string()>
                                <SourceEntry footnote=f citations=citations in_list=true />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}

#[component]
pub fn SourcePage() -> impl IntoView {
    let params = use_params_map();
    let report = use_report();
    move || {
        let raw = params.read().get("n").unwrap_or_default();
        match parse_number(&raw).and_then(|n| report.footnote(n)) {
            Some(f) => view! {
                <PageMeta title=tf(Msg::SourceN, &[("n", &f.number)]) description=f.citation.clone() />
                <article class="sources">
                    <nav aria-label="Breadcrumb" class="breadcrumb">
                        <a href=routes::href("/")>{t(Msg::NavReport)}</a>
                        " › "
                        <a href=routes::href("/sources")>{t(Msg::NavSources)}</a>
                        " › "
                        <span aria-current="page">{tf(Msg::SourceN, &[("n", &f.number)])}</span>
                    </nav>
                    <h1 tabindex="-1">{tf(Msg::SourceN, &[("n", &f.number)])}</h1>
                    <SourceEntry footnote=f citations=report.citations(f.number) in_list=false />
                </article>
            }
            .into_any(),
            None => view! { <NotFound source=raw /> }.into_any(),
        }
    }
}

/// One footnote: its citation, link and the passages citing it (`citations`). In the list (`in_list`) it has its own h2;
/// on its own page the page's h1 names it.
#[component]
fn SourceEntry(footnote: &'static Footnote, citations: Vec<Quote<'static>>, in_list: bool) -> impl IntoView {
    let n = footnote.number;
    let cited_in = if in_list {
        view! { <h3>{t(Msg::CitedIn)}</h3> }.into_any()
    } else {
        view! { <h2>{t(Msg::CitedIn)}</h2> }.into_any()
    };
    view! {
        <section class="source" id=format!("source-{n}") aria-label=tf(Msg::SourceN, &[("n", &n)])>
            {in_list
                .then(|| {
                    view! {
                        <h2>
                            <a href=routes::href(&routes::source(n))>{tf(Msg::SourceN, &[("n", &n)])}</a>
                        </h2>
                    }
                })}
            <p class="citation">
                <Citation footnote=footnote />
            </p>
            <ShareButtons path=routes::source(n) label=tf(Msg::SourceN, &[("n", &n)]) />
            {cited_in}
            <QuotesInContext quotes=citations class="citing" />
        </section>
    }
}
