//! `/search?q=…`: every commitment, observation, paragraph and source containing the query's words,
//! grouped by kind, matched words marked, each linking to its exact place.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::{use_report, PageMeta};
use crate::routes;
use crate::search::{Hit, Index, Kind, Part};

/// Hits listed per kind; the count says how many more there are.
const MAX_HITS_PER_KIND: usize = 50;

#[component]
pub fn SearchPage() -> impl IntoView {
    let report = use_report();
    let index = StoredValue::new(Index::new(report));
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default().trim().to_string());
    let results = move || {
        let q = q.get();
        index.with_value(|index| {
            if q.is_empty() {
                return view! {
                    <p class="search-hint" role="status">
                        "Type words in the search box to find them in the report’s text, commitments and sources."
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
                <p class="count" role="status">{count_text(hits.len(), &q)}</p>
                {groups}
            }
            .into_any()
        })
    };
    view! {
        {move || {
            let q = q.get();
            let title = if q.is_empty() { "Search".to_string() } else { format!("Search: {}", routes::shorten(&q, 60)) };
            view! { <PageMeta title=title description=format!("Search the text of the {}.", report.title)/> }
        }}
        <article class="search-page">
            <h1 tabindex="-1">"Search"</h1>
            {results}
        </article>
    }
}

fn count_text(count: usize, query: &str) -> String {
    let query = routes::shorten(query, 60);
    match count {
        0 => format!("Nothing in the report matches “{query}”. Every word must start a word of the text."),
        1 => format!("1 result for “{query}”"),
        n => format!("{n} results for “{query}”"),
    }
}

fn group(report: &'static crate::report::Report, kind: Kind, hits: &[&Hit]) -> impl IntoView {
    let (heading, id) = match kind {
        Kind::Commitment => ("Commitments", "results-commitments"),
        Kind::Observation => ("Key observations", "results-observations"),
        Kind::Paragraph => ("Passages of the report", "results-passages"),
        Kind::Footnote => ("Sources", "results-sources"),
    };
    let more = hits.len().saturating_sub(MAX_HITS_PER_KIND);
    view! {
        <section class="search-group" aria-labelledby=id>
            <h2 id=id>{format!("{heading} ({})", hits.len())}</h2>
            <ol class="search-results">
                {hits.iter().take(MAX_HITS_PER_KIND).map(|hit| result(report, hit)).collect_view()}
            </ol>
            {(more > 0).then(|| view! { <p>{format!("{more} more not shown: add a word to narrow the search.")}</p> })}
        </section>
    }
}

fn result(report: &'static crate::report::Report, hit: &Hit) -> impl IntoView {
    let document = hit.document;
    let label = match (document.kind, document.number) {
        (Kind::Commitment, Some(n)) => match &document.context {
            Some(title) => format!("Commitment {n}: {title}"),
            None => format!("Commitment {n}"),
        },
        (Kind::Observation, Some(n)) => format!("Observation {n}"),
        (Kind::Paragraph, Some(n)) => format!("In observation {n}"),
        (Kind::Paragraph, None) => match &document.context {
            Some(heading) => format!("In “{heading}”"),
            None => "In the summary".to_string(),
        },
        (Kind::Footnote, Some(n)) => format!("Source {n}"),
        _ => String::new(),
    };
    view! {
        <li>
            <a href=routes::href(&document.path)>{label}</a>
            <p class="excerpt" lang=report.language.as_str()>{excerpt(&hit.excerpt)}</p>
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
