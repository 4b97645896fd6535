//! `/commitments`: the commitments in a table; sort and filters live in the query string so that
//! a filtered view can be shared and back/forward restore it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::embed_dialog::EmbedButton;
use crate::components::scorecard_row::Row;
use crate::components::share::ShareButtons;
use crate::components::typed::TypedMessage;
use crate::context::use_report;
use crate::embed::EmbedView;
use crate::head::PageMeta;
use crate::i18n::{self, t, tf, Msg};
use crate::report::ids::IdEnum;
use crate::report::rating::EarlyResults;
use crate::scorecard::{Column, CompletionFilter, PromisingFilter, ScorecardQuery};

const PATH: &str = "/commitments";

#[component]
pub fn Scorecard() -> impl IntoView {
    let report = use_report();
    let params = use_query_map();
    let parsed = Memo::new(move |_| params.with(|p| ScorecardQuery::parse(|key| p.get(key))));
    let query = Memo::new(move |_| parsed.with(|(q, _)| q.clone()));
    let navigate = use_navigate();
    // Every change is a history entry, so that back and forward walk through the reader's views.
    let go = move |next: ScorecardQuery| {
        // The router puts its base in front of the path itself.
        let url = format!("{PATH}{}", next.to_query_string());
        navigate(&url, NavigateOptions { scroll: false, ..Default::default() });
    };
    let rows = Memo::new(move |_| query.with(|q| q.rows(report).into_iter().map(|c| c.number).collect::<Vec<_>>()));
    let shown = move || {
        let count = rows.with(Vec::len);
        tf(
            Msg::ScorecardShowing,
            &[("count", &i18n::number(count as u64)), ("total", &i18n::number(report.commitments.len() as u64))],
        )
    };
    let share_path = Signal::derive(move || format!("{PATH}{}", query.with(ScorecardQuery::to_query_string)));
    let ignored = move || {
        parsed.with(|(_, ignored)| {
            (!ignored.0.is_empty()).then(|| {
                view! {
                    <p class="notice" role="note">
                        <TypedMessage msg=Msg::ScorecardIgnored typed=ignored.0.clone() />
                    </p>
                }
            })
        })
    };

    let on_change = Callback::new(go);
    let filters = view! {
        <form class="filters" aria-label=t(Msg::ScorecardFilterLabel) on:submit=|ev| ev.prevent_default()>
            <FilterGroup
                legend=t(Msg::Completion)
                options=CompletionFilter::ALL.to_vec()
                query=query
                selected=|q| &q.completion
                toggle=ScorecardQuery::toggle_completion
                on_change=on_change
            />
            <FilterGroup
                legend=t(Msg::EarlyResults)
                options=EarlyResults::ALL.iter().rev().copied().collect()
                query=query
                selected=|q| &q.results
                toggle=ScorecardQuery::toggle_results
                on_change=on_change
            />
            <FilterGroup
                legend=t(Msg::PromisingAtDesign)
                options=PromisingFilter::ALL.to_vec()
                query=query
                selected=|q| &q.promising
                toggle=ScorecardQuery::toggle_promising
                on_change=on_change
            />
            <button
                type="button"
                class="clear"
                disabled=move || !query.with(ScorecardQuery::is_filtered)
                on:click=move |_| on_change.run(query.get_untracked().cleared_filters())
            >
                {t(Msg::ClearFilters)}
            </button>
        </form>
    };

    let header = move |column: Column| {
        let sort = move || query.with(|q| q.sort);
        let aria_sort = move || {
            let s = sort();
            (s.column == column).then_some(if s.descending { "descending" } else { "ascending" })
        };
        let arrow = move || {
            let s = sort();
            if s.column != column {
                "↕"
            } else if s.descending {
                "▼"
            } else {
                "▲"
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| on_change.run(query.get_untracked().sorted_by(column))
                >
                    {column.label()}
                    <span aria-hidden="true">" " {arrow}</span>
                </button>
            </th>
        }
    };

    view! {
        <PageMeta
            title=t(Msg::ScorecardTitle).to_string()
            description=tf(
                Msg::ScorecardDescription,
                &[("count", &report.commitments.len()), ("report", &report.title)],
            )
        />
        <article class="scorecard">
            <h1 tabindex="-1">{t(Msg::ScorecardTitle)}</h1>
            <p>{t(Msg::ScorecardIntro)}</p>
            <div class="actions">
                <ShareButtons path=share_path label=t(Msg::ScorecardShareLabel).to_string() />
                <EmbedButton view=EmbedView::Scorecard />
            </div>
            {ignored}
            {filters}
            <p class="count" role="status">
                {shown}
            </p>
            <div class="table-scroll" role="region" aria-label=t(Msg::ScorecardTable) tabindex="0">
                <table class="scorecard-table">
                    <caption>{t(Msg::ScorecardCaption)}</caption>
                    <thead>
                        <tr>{Column::ALL.iter().map(|c| header(*c)).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .filter_map(|n| report.commitment(n))
                                .map(|c| view! { <Row commitment=c /> })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </article>
    }
}

/// One group of filter checkboxes: `selected` reads its values from the query, `toggle` flips one.
#[component]
fn FilterGroup<T>(
    legend: &'static str,
    options: Vec<T>,
    query: Memo<ScorecardQuery>,
    selected: fn(&ScorecardQuery) -> &Vec<T>,
    toggle: fn(&ScorecardQuery, T) -> ScorecardQuery,
    on_change: Callback<ScorecardQuery>,
) -> impl IntoView
where
    T: IdEnum + PartialEq + Send + Sync,
{
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|value| {
                    view! {
                        <label class="option">
                            <input
                                type="checkbox"
                                value=value.id()
                                prop:checked=move || query.with(|q| selected(q).contains(&value))
                                on:change=move |_| on_change.run(toggle(&query.get_untracked(), value))
                            />
                            " "
                            {value.label()}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
