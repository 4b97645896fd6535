//! `/search?q=…`: every commitment, observation, paragraph and source containing the query's words,
//! grouped by kind, matched words marked, each linking to its exact place.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::context::use_report;
use crate::head::PageMeta;
use crate::i18n::{self, t, tf, Msg};
use crate::labels::commitment_heading;
use crate::routes;
use crate::search::{clip_query, Hit, Index, Kind, Part};

/// Hits listed per kind; the count says how many more there are.
const MAX_HITS_PER_KIND: usize = 50;

#[component]
pub fn SearchPage() -> impl IntoView {
    let report = use_report();
    let index = StoredValue::new(Index::new(report));
    let query = use_query_map();
    let q = Memo::new(move |_| clip_query(query.read().get("q").unwrap_or_default().trim()));
    let results = move || {
        let q = q.get();
        index.with_value(|index| {
            if q.is_empty() {
                return view! {
                    <p class="search-hint" role="status">
                        {t(Msg::SearchHint)}
                    </p>
                }
                .into_any();
            }
            let hits = index.search(&q);
            let groups = Kind::ALL
                .iter()
                .map(|&kind| {
                    let of_kind: Vec<&Hit> = hits.iter().filter(|h| h.document.kind == kind).collect();
                    (kind, of_kind)
                })
                .filter(|(_, hits)| !hits.is_empty())
                .map(|(kind, hits)| group(report, kind, &hits))
                .collect_view();
            view! {
                <p class="count" role="status">
                    {count_text(hits.len(), &q)}
                </p>
                {groups}
            }
            .into_any()
        })
    };
    view! {
        {move || {
            let q = q.get();
            let title = if q.is_empty() {
                t(Msg::SearchTitle).to_string()
            } else {
                tf(Msg::SearchTitleQuery, &[("query", &routes::shorten(&q, 60))])
            };
            view! { <PageMeta title=title description=tf(Msg::SearchDescription, &[("report", &report.title)]) /> }
        }}
        <article class="search-page">
            <h1 tabindex="-1">{t(Msg::SearchTitle)}</h1>
            {results}
        </article>
    }
}

fn count_text(count: usize, query: &str) -> String {
    let query = routes::shorten(query, 60);
    match count {
        0 => tf(Msg::SearchNothing, &[("query", &query)]),
        1 => tf(Msg::SearchOneResult, &[("query", &query)]),
        n => tf(Msg::SearchResults, &[("count", &i18n::number(n as u64)), ("query", &query)]),
    }
}

fn group(report: &'static crate::report::Report, kind: Kind, hits: &[&Hit]) -> impl IntoView {
    let (heading, id) = match kind {
        Kind::Commitment => (Msg::SearchGroupCommitments, "results-commitments"),
        Kind::Observation => (Msg::SearchGroupObservations, "results-observations"),
        Kind::Paragraph => (Msg::SearchGroupPassages, "results-passages"),
        Kind::Footnote => (Msg::SearchGroupSources, "results-sources"),
    };
    let more = hits.len().saturating_sub(MAX_HITS_PER_KIND);
    view! {
        <section class="search-group" aria-labelledby=id>
            <h2 id=id>{format!("{} ({})", t(heading), i18n::number(hits.len() as u64))}</h2>
            <ol class="search-results">
                {hits.iter().take(MAX_HITS_PER_KIND).map(|hit| result(report, hit)).collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p>{tf(Msg::SearchMore, &[("count", &i18n::number(more as u64))])}</p> })}
        </section>
    }
}

fn result(report: &'static crate::report::Report, hit: &Hit) -> impl IntoView {
    let document = hit.document;
    let label = match (document.kind, document.number) {
        (Kind::Commitment, Some(n)) => commitment_heading(n, document.context.as_deref()),
        (Kind::Observation, Some(n)) => tf(Msg::ObservationN, &[("n", &n)]),
        (Kind::Paragraph, Some(n)) => tf(Msg::SearchInObservation, &[("n", &n)]),
        (Kind::Paragraph, None) => match &document.context {
            Some(heading) => tf(Msg::SearchInSection, &[("heading", heading)]),
            None => t(Msg::SearchInSummary).to_string(),
        },
        (Kind::Footnote, Some(n)) => tf(Msg::SourceN, &[("n", &n)]),
        _ => String::new(),
    };
    view! {
        <li>
            <a href=routes::href(&document.path)>{label}</a>
            <p class="excerpt" lang=report.language.as_str()>
                {excerpt(&hit.excerpt)}
            </p>
        </li>
    }
}

fn excerpt(parts: &[Part]) -> impl IntoView {
    parts
        .iter()
        .map(|part| {
            if part.matched {
                view! { <mark>{part.text.clone()}</mark> }.into_any()
            } else {
                part.text.clone().into_any()
            }
        })
        .collect_view()
}
