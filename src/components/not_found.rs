//! Anything the URL scheme does not know: say what was asked for and where to go instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::commitment_name::CommitmentName;
use crate::components::typed::TypedMessage;
use crate::context::use_report;
use crate::head::PageMeta;
use crate::i18n::{t, Msg};
use crate::routes;

/// `commitment` / `source`: the `:n` of `/commitments/:n` or `/sources/:n` that names nothing;
/// neither for an unknown path.
#[component]
pub fn NotFound(
    #[prop(optional, into)] commitment: Option<String>,
    #[prop(optional, into)] source: Option<String>,
) -> impl IntoView {
    let report = use_report();
    let location = use_location();
    let (first, last) =
        (report.commitments.first().map_or(0, |c| c.number), report.commitments.last().map_or(0, |c| c.number));
    let (first_source, last_source) =
        (report.footnotes.first().map_or(0, |f| f.number), report.footnotes.last().map_or(0, |f| f.number));
    let message = move || match (&commitment, &source) {
        (Some(raw), _) => view! {
            <TypedMessage
                msg=Msg::NoSuchCommitment
                typed=vec![raw.clone()]
                figures=vec![("first", first), ("last", last)]
            />
        }
        .into_any(),
        (None, Some(raw)) => view! {
            <TypedMessage
                msg=Msg::NoSuchSource
                typed=vec![raw.clone()]
                figures=vec![("first", first_source), ("last", last_source)]
            />
        }
        .into_any(),
        (None, None) => view! { <TypedMessage msg=Msg::NoSuchPage typed=vec![location.pathname.get()] /> }.into_any(),
    };
    view! {
        <PageMeta title=t(Msg::PageNotFound).to_string() description=t(Msg::PageNotFoundDescription).to_string() />
        <article class="not-found">
            <h1 tabindex="-1">{t(Msg::PageNotFound)}</h1>
            <p class="not-found-message">{message}</p>
            <ul class="not-found-links">
                <li>
                    <a href=routes::href("/")>{t(Msg::ReadFullReport)}</a>
                </li>
                <li>
                    <a href=routes::href("/commitments")>{t(Msg::CompareCommitments)}</a>
                </li>
                <li>
                    <a href=routes::href("/sources")>{t(Msg::SeeSources)}</a>
                </li>
            </ul>
            <h2>{t(Msg::TheCommitments)}</h2>
            <ul>
                {report
                    .commitments
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a href=routes::href(&routes::commitment(c.number))>
                                    <CommitmentName commitment=c />
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </article>
    }
}
