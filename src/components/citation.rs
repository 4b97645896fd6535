//! A footnote's citation as published, its address made a safe external link.

use leptos::prelude::*;

use crate::context::use_report;
use crate::report::model::Footnote;

#[component]
pub fn Citation(footnote: &'static Footnote) -> impl IntoView {
    // Validation guarantees the citation contains the url.
    let (before, after) = footnote.citation.split_once(footnote.url.as_str()).unwrap_or((&footnote.citation, ""));
    view! {
        <span class="citation" lang=use_report().language.as_str()>
            {before}
            <a href=footnote.url.as_str() rel="noopener noreferrer" class="external">
                {footnote.url.as_str()}
            </a>
            {after}
        </span>
    }
}
