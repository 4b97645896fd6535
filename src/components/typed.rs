//! A message that quotes what a reader typed into the address. The values are shortened, at most a few
//! are shown, and each is set apart as typed text (`<code class="typed">`): a link can make the site
//! show a value, never say a sentence of someone else's.

use leptos::prelude::*;

use crate::i18n::{self, pieces, t, tf, Msg, Piece};
use crate::routes::shorten;

/// Longest typed value shown, in characters.
pub const MAX_TYPED_CHARS: usize = 40;
/// Most typed values shown; the rest are counted.
const MAX_TYPED_SHOWN: usize = 3;

/// `msg` with `{value}` filled by `typed` (comma-separated) and its other placeholders by `figures`.
#[component]
pub fn TypedMessage(
    msg: Msg,
    typed: Vec<String>,
    #[prop(optional)] figures: Vec<(&'static str, u32)>,
) -> impl IntoView {
    let names: Vec<&str> = std::iter::once("value").chain(figures.iter().map(|(name, _)| *name)).collect();
    pieces(t(msg), &names)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Arg(0) => typed_values(&typed).into_any(),
            Piece::Arg(i) => i18n::number(figures[i - 1].1.into()).into_any(),
        })
        .collect_view()
}

fn typed_values(typed: &[String]) -> impl IntoView {
    let shown = typed.iter().take(MAX_TYPED_SHOWN).enumerate().map(|(i, value)| {
        view! {
            {(i > 0).then_some(", ")}
            <code class="typed">{shorten(value, MAX_TYPED_CHARS)}</code>
        }
    });
    let more = typed.len().saturating_sub(MAX_TYPED_SHOWN);
    view! {
        {shown.collect_view()}
        {(more > 0).then(|| tf(Msg::TypedMore, &[("count", &more)]))}
    }
}
