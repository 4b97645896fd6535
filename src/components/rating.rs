//! Ratings as text badges on their IRM scale: meaning is in words and shapes, never color alone.

use leptos::prelude::*;

use crate::i18n::{t, Msg};

use crate::report::rating::{Completion, CompletionRange, EarlyResults, COMPLETION_SCALE_SOURCE};

#[component]
pub fn CompletionRating(range: CompletionRange) -> impl IntoView {
    let note = (!range.is_exact()).then_some(t(Msg::RatingRangeNote));
    view! {
        <p class="badge" data-kind="completion" data-high=range.is_high().to_string()>
            {range.describe()}
        </p>
        <Scale
            name=t(Msg::CompletionScale)
            levels=Completion::ALL.iter().map(|level| (level.label(), range.contains(*level))).collect()
            mark=if range.is_exact() { t(Msg::MarkAsStated) } else { t(Msg::MarkInStatedRange) }
        />
        {note.map(|note| view! { <p class="scale-note">{note}</p> })}
        <p class="scale-source">
            <a href=COMPLETION_SCALE_SOURCE rel="noopener noreferrer">
                {t(Msg::AboutCompletionScale)}
            </a>
        </p>
    }
}

#[component]
pub fn EarlyResultsRating(level: EarlyResults) -> impl IntoView {
    view! {
        <p class="badge" data-kind="early-results" data-level=level.id()>
            {level.label()}
        </p>
        <Scale
            name=t(Msg::EarlyResultsScale)
            levels=EarlyResults::ALL.iter().map(|l| (l.label(), *l == level)).collect()
            mark=t(Msg::MarkAsStated)
        />
    }
}

/// The levels of a scale, lowest first; the stated ones marked in text by `mark`.
#[component]
fn Scale(name: &'static str, levels: Vec<(&'static str, bool)>, mark: &'static str) -> impl IntoView {
    view! {
        <ol class="scale" aria-label=name>
            {levels
                .into_iter()
                .map(|(label, stated)| {
                    view! {
                        <li class:stated=stated>
                            {label} {stated.then(|| view! { <span class="stated-mark">{mark}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
