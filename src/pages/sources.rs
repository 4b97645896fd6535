//! `/sources` and `/sources/:n`: each footnote's full citation, a safe link, and every passage citing it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::{use_report, PageMeta};
use crate::components::citation::Citation;
use crate::components::quote::QuotesInContext;
use crate::components::share::ShareButtons;
use crate::pages::not_found::NotFound;
use crate::report::inline::parse_number;
use crate::report::model::Footnote;
use crate::report::Report;
use crate::routes;

#[component]
pub fn Sources() -> impl IntoView {
    let report = use_report();
    view! {
        <PageMeta
            title="Sources".to_string()
            description=format!("The {} sources cited in the {}, with the passages that cite them.", report.footnotes.len(), report.title)
        />
        <article class="sources" lang=report.language.as_str()>
            <h1 tabindex="-1">"Sources"</h1>
            <p>"The footnotes of the report, each with the passages that cite it."</p>
            <ol class="source-list">
                {report
                    .footnotes
                    .iter()
                    .map(|f| view! { <li value=f.number.to_string()><SourceEntry report=report footnote=f in_list=true/></li> })
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
                <PageMeta title=format!("Source {}", f.number) description=f.citation.clone()/>
                <article class="sources" lang=report.language.as_str()>
                    <nav aria-label="Breadcrumb" class="breadcrumb">
                        <a href=routes::href("/")>"Report"</a> " › "
                        <a href=routes::href("/sources")>"Sources"</a> " › "
                        <span aria-current="page">{format!("Source {}", f.number)}</span>
                    </nav>
                    <h1 tabindex="-1">{format!("Source {}", f.number)}</h1>
                    <SourceEntry report=report footnote=f in_list=false/>
                </article>
            }
            .into_any(),
            None => view! { <NotFound source=raw/> }.into_any(),
        }
    }
}

/// One footnote: its citation, link and citing passages. In the list (`in_list`) it has its own h2;
/// on its own page the page's h1 names it.
#[component]
fn SourceEntry(report: &'static Report, footnote: &'static Footnote, in_list: bool) -> impl IntoView {
    let n = footnote.number;
    let citations = report.citations(n);
    let cited_in =
        if in_list { view! { <h3>"Cited in"</h3> }.into_any() } else { view! { <h2>"Cited in"</h2> }.into_any() };
    view! {
        <section class="source" id=format!("source-{n}") aria-label=format!("Source {n}")>
            {in_list.then(|| view! {
                <h2><a href=routes::href(&routes::source(n))>{format!("Source {n}")}</a></h2>
            })}
            <p class="citation"><Citation footnote=footnote/></p>
            <ShareButtons path=routes::source(n) label=format!("source {n}")/>
            {cited_in}
            <QuotesInContext quotes=citations class="citing"/>
        </section>
    }
}
