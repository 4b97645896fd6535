//! Paragraph spans as DOM: text nodes, footnote markers and commitment links. Never HTML strings.

use leptos::prelude::*;

use crate::i18n::{tf, Msg};

use crate::components::footnote_ref::FootnoteRef;
use crate::report::Span;
use crate::routes;

/// `anchor` is the id of the paragraph on the report page; markers get ids there so that footnotes
/// can link back to them. Elsewhere (quotes) pass None: ids must stay unique.
#[component]
pub fn RichText(spans: Vec<Span>, #[prop(optional)] anchor: Option<String>) -> impl IntoView {
    spans
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => text.into_any(),
            Span::Footnote(number) => {
                let id = anchor.as_ref().map(|anchor| footnote_marker_id(number, anchor));
                view! { <FootnoteRef number=number id=id /> }.into_any()
            }
            Span::Commitment { number, text } => {
                // "(4 and 8)": a bare number needs its noun for screen readers; the visible text stays in the name.
                let label = (!text.starts_with("Commitment")).then(|| tf(Msg::CommitmentN, &[("n", &text)]));
                view! {
                    <a class="commitment-ref" href=routes::href(&routes::commitment(number)) aria-label=label>
                        {text}
                    </a>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// The id of footnote `number`'s marker in paragraph `anchor`.
pub fn footnote_marker_id(number: u32, anchor: &str) -> String {
    format!("fnref-{number}-{anchor}")
}
