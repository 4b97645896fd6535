//! Anything the URL scheme does not know: say what was asked for and where to go instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app::{use_report, PageMeta};
use crate::pages::commitment::commitment_heading;
use crate::routes::{self, shorten};

/// Longest part of a URL echoed back to the reader.
const MAX_ECHO: usize = 80;

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
        (Some(raw), _) => format!(
            "There is no commitment “{}” in this report. Its commitments are numbered {first} to {last}.",
            shorten(raw, MAX_ECHO)
        ),
        (None, Some(raw)) => format!(
            "There is no source “{}” in this report. Its sources are numbered {first_source} to {last_source}.",
            shorten(raw, MAX_ECHO)
        ),
        (None, None) => format!("There is no page at “{}”.", shorten(&location.pathname.get(), MAX_ECHO)),
    };
    view! {
        <PageMeta title="Page not found".to_string() description="This address does not lead to a page of the report.".to_string()/>
        <article class="not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p class="not-found-message">{message}</p>
            <ul class="not-found-links">
                <li><a href=routes::href("/")>"Read the full report"</a></li>
                <li><a href=routes::href("/commitments")>"Compare the commitments"</a></li>
                <li><a href=routes::href("/sources")>"See the sources"</a></li>
            </ul>
            <h2>"The commitments"</h2>
            <ul>
                {report
                    .commitments
                    .iter()
                    .map(|c| view! { <li><a href=routes::href(&routes::commitment(c.number))>{commitment_heading(c)}</a></li> })
                    .collect_view()}
            </ul>
        </article>
    }
}
