//! Sentences quoted from the report, each with a link to its place in the full text.

use leptos::prelude::*;

use crate::i18n::{t, tf, Msg};

use crate::components::rich_text::RichText;
use crate::context::use_report;
use crate::report::query::{Located, Quote};
use crate::routes;

#[component]
pub fn QuotesInContext(quotes: Vec<Quote<'static>>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let language = use_report().language.as_str();
    view! {
        <ul class=class>
            {quotes
                .into_iter()
                .map(|q| {
                    view! {
                        <li>
                            <blockquote lang=language>
                                <RichText spans=q.spans />
                            </blockquote>
                            <a href=routes::href(&routes::report_anchor(&q.place.paragraph.id)) class="in-context">
                                {tf(Msg::ReadInContext, &[("place", &place_label(&q.place))])}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Where a passage stands in the report: its section heading or observation.
pub fn place_label(place: &Located) -> String {
    match place.observation {
        Some(o) => tf(Msg::ObservationN, &[("n", &o.number)]),
        None => place.section.heading.clone().unwrap_or_else(|| t(Msg::Summary).to_string()),
    }
}
